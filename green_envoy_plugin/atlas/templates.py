"""An author's layout template (.qpt) read as data: checked as XML before QGIS sees it.

QGIS's own reader (QDomDocument) expands internal entities, so a template with a document type is refused
first: a layout never needs one, and it is the way to an entity bomb. A template is still a QGIS layout: its
expressions can read files and environment variables like any layout the user opens (README, Atlas).
"""

from __future__ import annotations

import os
from xml.parsers import expat

from .errors import TemplateError

MAX_TEMPLATE_BYTES = 32 * 1024 * 1024  # the largest layout we have seen is < 1 MB; embedded pictures add more


class _DoctypeRefused(Exception):
    pass


def _refuse(*_args: object) -> None:
    raise _DoctypeRefused()


def check_template_bytes(data: bytes, path: str) -> None:
    """Well-formed XML without a document type, whose root is a QGIS layout, or a TemplateError naming the
    line."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    roots: list[str] = []

    def start(name: str, _attributes: dict) -> None:
        if not roots:
            roots.append(name)

    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _DoctypeRefused:
        raise TemplateError(f"{path}: line {parser.CurrentLineNumber}: the template declares a document type or "
                            "entities, which a QGIS layout never needs; refused as unsafe") from None
    except expat.ExpatError as exc:
        reason = expat.errors.messages.get(exc.code, str(exc))
        raise TemplateError(f"{path}: line {exc.lineno}: not a QGIS layout template (malformed XML: {reason})") \
            from None
    if roots != ["Layout"]:
        raise TemplateError(f"{path}: not a QGIS layout template (its root element is "
                            f"{roots[0] if roots else 'missing'}, not Layout)")


def read_template(path: str):
    """The template's QDomDocument, checked (check_template_bytes) and bounded in size."""
    from qgis.PyQt.QtXml import QDomDocument

    try:
        with open(path, "rb") as handle:
            # Its own size, not the limit: read(n) reserves n bytes before reading.
            data = handle.read(min(os.fstat(handle.fileno()).st_size, MAX_TEMPLATE_BYTES) + 1)
    except OSError as exc:
        raise TemplateError(f"{path}: cannot be read ({exc.strerror})") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"{path}: larger than {MAX_TEMPLATE_BYTES // (1024 * 1024)} MB; not a layout template")
    check_template_bytes(data, path)
    document = QDomDocument()
    result = document.setContent(data)
    # PyQt5 answers (ok, message, line, column); Qt 6's QDomDocument a ParseResult that is true when it parsed.
    ok = result[0] if isinstance(result, tuple) else bool(result)
    if not ok:
        raise TemplateError(f"{path}: not a QGIS layout template (Qt could not parse it)")
    return document

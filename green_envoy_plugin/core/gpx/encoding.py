"""The declared character encoding of an XML document (GPX, TCX) honoured before any reader looks at it.

Both GPX readers and the TCX reader work on UTF-8 bytes; a document in another encoding (UTF-16 with or
without a byte order mark, windows-1251 from Russian-language software, ISO-8859-x from older European
programs) is decoded with the encoding it declares and written again as UTF-8 with its declaration saying
so. Line breaks stay where they were, so the line numbers of reported points are those of the file.
"""

from __future__ import annotations

import codecs
import re

from .model import GpxError

_DECLARATION = re.compile(rb"^\s*<\?xml[^>]*?\sencoding\s*=\s*([\"'])([A-Za-z][A-Za-z0-9._\-]*)\1")
_UTF8_NAMES = {"utf_8", "ascii"}  # Python's codec names of what is already UTF-8 bytes


def _codec(name: str, path: str) -> str:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        raise GpxError(path, f"declares the character encoding {name!r}, which is unknown", 1) from None


def _codec_or_none(name: str) -> str | None:
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def as_utf8(data: bytes, path: str) -> bytes:
    """The document as UTF-8 bytes with a declaration saying so; the bytes unchanged when they already are."""
    if data[:3] == codecs.BOM_UTF8:
        data = data[3:]
        encoding = "utf_8"
    elif data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        encoding = "utf_16"
    elif data[:4] == b"<\x00?\x00":
        encoding = "utf_16_le"
    elif data[:4] == b"\x00<\x00?":
        encoding = "utf_16_be"
    else:
        declared = _DECLARATION.match(data[:400])
        encoding = _codec(declared.group(2).decode("ascii"), path) if declared else "utf_8"
    if encoding in _UTF8_NAMES:
        declared = _DECLARATION.match(data[:400])
        if declared and _codec_or_none(declared.group(2).decode("ascii")) not in _UTF8_NAMES:
            # A UTF-8 byte order mark wins over the declaration (XML 1.0, appendix F); expat would believe the
            # declaration (and refuses multi-byte ones such as UTF-7 outright): it is made to say UTF-8.
            start, end = declared.span(2)
            return data[:start] + b"UTF-8" + data[end:]
        return data
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise GpxError(path, f"byte {exc.start} is not valid {encoding.replace('_', '-')} text, the encoding the "
                             "file declares", line) from None
    text = text.lstrip("\ufeff")
    if text.startswith("<?xml"):
        end = text.find("?>")
        head, count = re.subn(r"""(\sencoding\s*=\s*)(["'])[^"']*\2""", r'\1"UTF-8"', text[:end])
        if not count:  # the encoding goes before 'standalone', where XML wants it
            head = re.sub(r"""^(<\?xml\s+version\s*=\s*(["'])[^"']*\2)""", r'\1 encoding="UTF-8"', head)
        text = head + text[end:]
    return text.encode("utf-8")

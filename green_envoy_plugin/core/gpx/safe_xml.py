"""The safety stage: expat, driven directly, checks well-formedness and refuses entity declarations.

Expat is used rather than ElementTree so that a document type with entity declarations is refused before any
expansion happens: an entity-expansion bomb costs nothing, and external entities are never fetched. Every
GPX file goes through here (in C, fast) before either reader looks at it.
"""

from __future__ import annotations

from typing import NoReturn
from xml.parsers import expat

from .model import GpxError


class _EntityRefused(Exception):
    pass


def _refuse_entities(*_args: object) -> NoReturn:
    raise _EntityRefused()


def checked_parser() -> expat.XMLParserType:
    """An expat parser (namespaces separated by a blank) that refuses any entity declaration."""
    parser = expat.ParserCreate(namespace_separator=" ")
    # Entity declarations are the only way to an expansion bomb or an external fetch; GPX never needs them.
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def parse_checked(parser: expat.XMLParserType, data: bytes, path: str) -> None:
    """Run a parser from `checked_parser` (with whatever handlers the caller set) over the whole document;
    malformed XML or an entity declaration is a GpxError naming the line."""
    try:
        parser.Parse(data, True)
    except _EntityRefused:
        raise GpxError(
            path, "the file declares XML entities, which GPX never needs; refused as unsafe",
            parser.CurrentLineNumber,
        ) from None
    except expat.ExpatError as exc:
        reason = expat.errors.messages.get(exc.code, str(exc))
        raise GpxError(path, f"malformed XML ({reason})", exc.lineno) from None
    except ValueError as exc:  # expat's own refusal of an encoding it cannot read (multi-byte ones)
        raise GpxError(path, f"cannot be read as XML ({exc})", 1) from None


def check_document(data: bytes, path: str) -> None:
    """Well-formed and free of entity declarations, or a GpxError saying where not."""
    parse_checked(checked_parser(), data, path)

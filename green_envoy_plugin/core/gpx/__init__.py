"""GPX 1.0/1.1 reading into plain arrays, safe against hostile XML.

A document goes through three stages, one module each, and imports run one way only:

    model      Fixes, Segment, Waypoint, GpxDocument, GpxError (imports nothing of the package)
    encoding   the declared character encoding decoded, the document made UTF-8     <- model
    safe_xml   expat checks well-formedness and refuses entity declarations       <- model
    exact      the reference reader: expat callbacks, exact, with line numbers     <- model, safe_xml
    fast       the array reader: regular expressions and numpy over the bytes      <- model
    files      finding .gpx files and loading their bytes                          <- model
    __init__   parse_gpx_bytes / read_gpx: safe_xml, then fast, else exact         <- all of the above

The fast reader returns None for whatever it cannot vouch for, and the exact reader reads it instead; both give
the same document (tests/test_gpx_readers.py compares them).
"""

from __future__ import annotations

from .encoding import as_utf8
from .exact import read_exact
from .fast import read_arrays
from .files import TRACK_SUFFIXES, find_gpx_files, load_gpx_bytes
from .model import EXTENSION_FIELDS, Fixes, GpxDocument, GpxError, Segment, Waypoint
from .safe_xml import check_document

__all__ = [
    "EXTENSION_FIELDS",
    "FAST_READER",
    "TRACK_SUFFIXES",
    "Fixes",
    "GpxDocument",
    "GpxError",
    "Segment",
    "Waypoint",
    "as_utf8",
    "find_gpx_files",
    "load_gpx_bytes",
    "parse_gpx_bytes",
    "read_arrays",
    "read_exact",
    "read_gpx",
]

# The array reader is used where it can vouch for the result; tests switch it off to compare with the reference.
FAST_READER = True


def parse_gpx_bytes(data: bytes, path: str = "<bytes>") -> GpxDocument:
    """Parse GPX: expat checks well-formedness and safety in C, then the fast array reader extracts the
    fixes; whatever the fast reader does not vouch for is read again by the exact callback reader."""
    if not data or data.isspace():  # not strip(): a copy of the whole file
        raise GpxError(path, "empty file")
    data = as_utf8(data, path)  # the declared encoding (windows-1251, ISO-8859-x, UTF-16) honoured by both readers
    check_document(data, path)
    doc = read_arrays(data, path) if FAST_READER else None
    if doc is None:
        doc = read_exact(data, path)
    if not doc.segments and not doc.waypoints:
        if doc.rejected:  # every point was unusable: say why, where the first one is
            line, reason = doc.rejected[0]
            more = f" (and {len(doc.rejected) - 1} more)" if len(doc.rejected) > 1 else ""
            raise GpxError(path, f"no usable point: {reason}{more}", line)
        raise GpxError(path, "no track, route or waypoint in the file")
    return doc


def read_gpx(path: str) -> GpxDocument:
    """Read one GPX file; every failure is a GpxError naming the file."""
    return parse_gpx_bytes(load_gpx_bytes(path), path)

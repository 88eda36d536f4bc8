"""The array reader of GPX: regular expressions over the bytes and numpy, no Python call per fix.

It runs only on documents expat has already found well-formed and free of entity declarations, and it
reads only what it can vouch for: at a CDATA section, an unusual processing instruction, a point whose
coordinates or children it cannot pin down, a value that is not a plain number or time, it returns None
and the exact callback reader (`exact.read_exact`) reads the file instead. Both readers give
the same document; the tests compare them.

How: each segment's points are cut out with one pattern (attributes, inner text); the attributes and the
inner texts are joined with NUL separators, and one pattern per field yields exactly one value per point
(empty where the point has none), so values stay aligned with points without any per-point Python.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np

from ..isotime import parse_times
from .encoding import as_utf8
from .model import EXTENSION_FIELDS, WAYPOINT_TEXTS, Fixes, GpxDocument, GpxError, Segment, Waypoint, waypoint_note

_NAME = rb"[A-Za-z_][\w.\-]*:"
_ROOT = re.compile(rb"<([A-Za-z_][\w.\-:]*)")
_COMMENT = re.compile(rb"<!--.*?-->", re.S)
_ROOT_ATTR = re.compile(rb"\s(version|creator)\s*=\s*[\"']([^\"']*)[\"']")
_SEP = b"\x00"
_FIELDS = (b"ele", b"time", *(k.encode() for k in EXTENSION_FIELDS))


@lru_cache(maxsize=32)
def _start(tag: bytes, prefix: bytes) -> re.Pattern[bytes]:
    return re.compile(b"<" + re.escape(prefix) + tag + rb"(?=[\s/>])")


@lru_cache(maxsize=32)
def _aligned(name: bytes) -> re.Pattern[bytes]:
    """One match per NUL-separated chunk: the text of the chunk's first <name> element, or empty."""
    return re.compile(_SEP + rb"(?:[^\x00]*?<(?:" + _NAME + rb")?" + name + rb"\s*>([^<\x00]*)<)?")


@lru_cache(maxsize=4)
def _aligned_attr(name: bytes) -> re.Pattern[bytes]:
    """One match per chunk: the attribute's value in the chunk's start tag (up to its first '>')."""
    return re.compile(_SEP + rb"(?:[^\x00>]*?\s" + name + rb"\s*=\s*[\"']([^\"'\x00>]*)[\"'])?")


def _prefix_of(data: bytes, tag: bytes, unprefixed: frozenset[bytes] = frozenset()) -> bytes | None:
    """The namespace prefix (b"" or b"gpx:") written before this tag; None if the file mixes several.
    `unprefixed`: tag families (b"trk") known never written after a colon, so neither is b"trkpt"."""
    if tag[:3] in unprefixed or b":" + tag not in data:
        return b""
    found = set(re.findall(b"<(" + _NAME + b")?" + tag + rb"(?=[\s/>])", data))
    if len(found) > 1:
        return None
    return found.pop() if found else b""


def _floats(values: list[bytes]) -> np.ndarray | None:
    try:
        return np.array(values).astype(np.float64) if values else np.zeros(0)
    except ValueError:
        return None


def _column(inner: bytes, name: bytes, n: int) -> np.ndarray | None:
    """Per point: the number or time in its <name> child, NaN where it has none; None if unsure."""
    texts = _aligned(name).findall(inner)
    if len(texts) != n:
        return None
    raw = np.array(texts) if n else np.zeros(0, dtype="S1")
    present = raw != b""
    # Every opening and closing tag ends in "name>": twice the points with a value, or a child is missed.
    if inner.count(name + b">") != 2 * int(present.sum()):
        return None
    out = np.full(n, np.nan)
    if not present.any():
        return out
    if name == b"time":
        try:
            out[present] = parse_times(raw[present].tolist())
        except ValueError:
            return None
    else:
        values = _floats(raw[present].tolist())
        if values is None:
            return None
        out[present] = values
    return out


def _fixes(chunk: bytes, prefix: bytes, tag: bytes) -> Fixes | None:
    opening = b"<" + prefix + tag
    n = chunk.count(opening)
    if n == 0:
        empty = np.zeros(0)
        return Fixes(empty, empty.copy(), empty.copy(), empty.copy())
    # Points written alike (as loggers write them) are read straight from the chunk, without a copy per point.
    uniform = _uniform_layout(chunk, opening, n)
    if uniform is None:
        return _fixes_by_field(chunk, opening, prefix, tag, n)
    return _assemble(n, uniform.pop(b"lat"), uniform.pop(b"lon"), uniform.get)


def _fixes_by_field(chunk: bytes, opening: bytes, prefix: bytes, tag: bytes, n: int) -> Fixes | None:
    """Points of mixed layouts: one pattern per field over the points cut apart and joined with NUL separators."""
    pieces = chunk.split(opening)[1:]  # each: attributes, children, the close tag, blanks up to the next point
    # Between two points of a segment (or route, or the waypoints) there is only white space; after the
    # last one comes whatever follows (the segment's extensions, the tracks after the waypoints): cut it.
    last = pieces[-1]
    head_end = last.find(b">")
    if head_end > 0 and last[head_end - 1: head_end] == b"/":
        pieces[-1] = last[: head_end + 1]
    else:
        close = last.find(b"</" + prefix + tag)
        if close < 0:
            return None
        pieces[-1] = last[: last.index(b">", close) + 1]
    joined = _SEP + _SEP.join(pieces)
    columns: dict[bytes, np.ndarray | None] = {}
    for name in _FIELDS:
        if name + b">" not in joined:
            columns[name] = None
            continue
        column = _column(joined, name, n)
        if column is None:
            return None
        columns[name] = column
    return _assemble(n, _floats(_aligned_attr(b"lat").findall(joined)),
                     _floats(_aligned_attr(b"lon").findall(joined)), columns.get)


def _assemble(n: int, lat: np.ndarray | None, lon: np.ndarray | None,
              column: Callable[[bytes], np.ndarray | None]) -> Fixes | None:
    if lat is None or lon is None or len(lat) != n or len(lon) != n:
        return None
    if n and (not (np.isfinite(lat).all() and np.isfinite(lon).all())
              or (np.abs(lat) > 90).any() or (np.abs(lon) > 180).any()):
        return None  # the callback reader names the bad point and its line
    columns = {name: column(name) for name in _FIELDS}
    nan = np.full(n, np.nan)
    return Fixes(
        lon, lat,
        columns[b"ele"] if columns[b"ele"] is not None else nan,
        columns[b"time"] if columns[b"time"] is not None else nan.copy(),
        {label: values for key, label in EXTENSION_FIELDS.items() if (values := columns[key.encode()]) is not None},
    )


_TOKEN = re.compile(rb"<[^>]*>|[^<]+")
_ATTRIBUTE = re.compile(rb"\s+([\w:.\-]+)\s*=\s*([\"'])([^\"']*)\2")


def _uniform_layout(chunk: bytes, opening: bytes, n: int) -> dict[bytes, np.ndarray] | None:
    """All points written alike (as loggers do): one pattern built from the first point's tags reads every
    field of every point in one pass over the chunk. Exact: a match starts at a point's opening tag and, its
    fields holding no '<', cannot reach past the point's own tags, so n matches for n opening tags mean every
    point has exactly that layout; otherwise None and the per-field reading takes over."""
    first = chunk.find(opening)
    tag = opening[1:]
    close = chunk.find(b"</" + tag, first)
    last_close = chunk.rfind(b"</" + tag)
    if close < 0:
        return None
    head, _gt, inner = chunk[first + len(opening): close].partition(b">")
    if head.endswith(b"/"):
        return None
    parts = [re.escape(opening)]
    fields: list[bytes] = []
    consumed = 0
    for match in _ATTRIBUTE.finditer(head):
        if match.start() != consumed:
            return None
        consumed = match.end()
        name = match.group(1)
        if name in (b"lat", b"lon"):
            parts.append(rb"\s+" + re.escape(name) + rb"\s*=\s*[\"']([^\"'<>\x00]*)[\"']")
            fields.append(name)
        else:
            parts.append(rb"\s+" + re.escape(name) + rb"\s*=\s*[\"'][^\"'<>\x00]*[\"']")
    if head[consumed:].strip() or sorted(fields) != [b"lat", b"lon"]:
        return None
    parts.append(rb"\s*>")
    open_field = None
    for token in _TOKEN.findall(inner):
        if token.startswith(b"<"):
            local = token.strip(b"</>").split(b":")[-1].split()[0] if token.strip(b"</>") else b""
            open_field = local if not token.startswith(b"</") and local in _FIELDS else None
            parts.append(re.escape(token))
        elif not token.strip():
            parts.append(rb"\s*")
        elif open_field is not None:
            parts.append(rb"([^<\x00]*)")
            fields.append(open_field)
            open_field = None
        else:
            parts.append(rb"[^<\x00]*")
    parts.append(re.escape(b"</" + tag))
    if len(set(fields)) != len(fields):
        return None
    end = last_close + len(tag) + 2
    # No tag among the points but theirs (nothing between two points, say, that the pattern would step over):
    # n points of this layout hold all the region's tags (comments are gone, CDATA and instructions refused).
    if chunk.count(b"<", first, end) != n * (2 + inner.count(b"<")):
        return None
    found = re.compile(b"".join(parts)).findall(chunk, first, end)
    if len(found) != n:
        return None
    table = _table(found, fields)
    out: dict[bytes, np.ndarray] = {}
    for name in fields:
        try:
            texts = table[name.decode()]
            out[name] = parse_times(texts) if name == b"time" else texts.astype(np.float64)
        except ValueError:
            return None
    return out


# Widths of the texts of one point in the table: a number is shorter than 24 characters, an ISO time than 40.
_WIDTH = {b"time": 40}


def _table(found: list[tuple[bytes, ...]], fields: list[bytes]) -> np.ndarray:
    """The matches as one record array, a column of fixed-width texts per field, without a Python object per
    value; if a text fills its column (it might be cut), the columns are sized to the longest text instead."""
    names = [name.decode() for name in fields]
    widths = [_WIDTH.get(name, 24) for name in fields]
    table = np.fromiter(found, dtype=[(name, f"S{w}") for name, w in zip(names, widths)], count=len(found))
    bytes_of = table.view(np.uint8).reshape(len(found), -1)
    ends = np.cumsum(widths) - 1
    if len(found) and bytes_of[:, ends].any():
        columns = np.array(found, dtype=bytes).reshape(len(found), len(fields))
        table = np.empty(len(found), dtype=[(name, columns.dtype) for name in names])
        for k, name in enumerate(names):
            table[name] = columns[:, k]
    return table


def _text(raw: bytes) -> str:
    # expat has vouched for the references; only the five XML entities and character references remain.
    return html.unescape(raw.decode("utf-8", "replace")).strip()


def _container_name(chunk: bytes, before: int) -> str:
    """The <name> of a track or route: the first one before its first segment or point."""
    match = re.search(rb"<(?:" + _NAME + rb")?name\s*>([^<]*)<", chunk[:before])
    return _text(match.group(1)) if match else ""


def _spans(data: bytes, pattern: re.Pattern[bytes], end: int) -> list[tuple[int, int]]:
    starts = [m.start() for m in pattern.finditer(data, 0, end)]
    return list(zip(starts, [*starts[1:], end]))


def read_arrays(data: bytes, path: str) -> GpxDocument | None:
    data = as_utf8(data, path)  # names in windows-1251 or ISO-8859-x read as written, not as U+FFFD
    if b"<![CDATA[" in data or data.count(b"<?") > 1:
        return None  # CDATA or processing instructions: the callback reader handles them exactly
    if b"<!--" in data:
        data = _COMMENT.sub(b"", data)
    root = _ROOT.search(data)
    if root is None:
        return None
    root_name = root.group(1).rsplit(b":", 1)[-1].decode("utf-8", "replace")
    if root_name != "gpx":
        raise GpxError(path, f"not a GPX file (root element is <{root_name}>)", data.count(b"\n", 0, root.start()) + 1)
    attrs = {k.decode(): v.decode("utf-8", "replace")
             for k, v in _ROOT_ATTR.findall(data[root.start(): data.index(b">", root.start())])}

    # One scan of the whole file per tag family rather than per tag.
    unprefixed = frozenset(tag for tag in (b"trk", b"rte", b"wpt") if b":" + tag not in data)
    segments: list[tuple[int, Segment]] = []
    for container, inner_tag, point_tag, kind in ((b"trk", b"trkseg", b"trkpt", "track"),
                                                  (b"rte", None, b"rtept", "route")):
        prefix = _prefix_of(data, container, unprefixed)
        point_prefix = _prefix_of(data, point_tag, unprefixed)
        if prefix is None or point_prefix is None or point_prefix != prefix:
            return None
        holders = _spans(data, _start(container, prefix), len(data))
        for index, (a, b) in enumerate(holders):
            chunk = data[a:b]
            if inner_tag is None:
                parts = [(0, len(chunk))]
                first = chunk.find(b"<" + prefix + point_tag)
                name = _container_name(chunk, first if first >= 0 else len(chunk))
            else:
                parts = _spans(chunk, _start(inner_tag, prefix), len(chunk))
                before = parts[0][0] if parts else len(chunk)
                if chunk.count(b"<" + prefix + point_tag, 0, before):
                    return None  # points outside a segment
                name = _container_name(chunk, before)
            for seg_index, (s0, s1) in enumerate(parts):
                fixes = _fixes(chunk[s0:s1], prefix, point_tag)
                if fixes is None:
                    return None
                if len(fixes):
                    segments.append((a + s0, Segment(name, index, seg_index if inner_tag else 0, kind, fixes)))
        # The holders run from the first one to the end of the file, and every point in them was read (points
        # before a holder's first segment refused above): a point before the first holder belongs to none.
        if data.count(b"<" + point_prefix + point_tag, 0, holders[0][0] if holders else len(data)):
            return None
    waypoints = _waypoints(data, unprefixed)
    if waypoints is None:
        return None
    return GpxDocument(path, attrs.get("version", ""), attrs.get("creator", ""),
                       [s for _pos, s in sorted(segments, key=lambda item: item[0])], waypoints)


def _waypoints(data: bytes, unprefixed: frozenset[bytes] = frozenset()) -> list[Waypoint] | None:
    prefix = _prefix_of(data, b"wpt", unprefixed)
    if prefix is None:
        return None
    if b"<" + prefix + b"wpt" not in data:
        return []
    fixes = _fixes(data, prefix, b"wpt")
    if fixes is None:
        return None
    out = []
    for k, piece in enumerate(data.split(b"<" + prefix + b"wpt")[1:]):
        head_end = piece.find(b">")
        self_closing = head_end > 0 and piece[head_end - 1: head_end] == b"/"
        body = b"" if self_closing else piece[head_end + 1:].split(b"</" + prefix + b"wpt", 1)[0]
        name = re.search(rb"<(?:" + _NAME + rb")?name\s*>([^<]*)<", body)
        texts = _waypoint_texts(body, prefix)
        out.append(Waypoint(_text(name.group(1)) if name else "",
                            float(fixes.lon[k]), float(fixes.lat[k]), float(fixes.ele[k]), float(fixes.time[k]),
                            texts.get("type", ""), texts.get("sym", ""),
                            waypoint_note(texts.get("desc", ""), texts.get("cmt", ""))))
    return out


def _waypoint_texts(body: bytes, prefix: bytes) -> dict[str, str]:
    """A <wpt>'s own <cmt>, <desc>, <sym> and <type> (in the GPX namespace's prefix): a <link>'s <type> and the
    extensions' elements are cut out first."""
    for container in (b"link", b"extensions"):
        body = re.sub(rb"<" + re.escape(prefix) + container + rb"\b.*?</" + re.escape(prefix) + container +
                      rb"\s*>", b"", body, flags=re.DOTALL)
    found = {}
    for tag in WAYPOINT_TEXTS:
        match = re.search(rb"<" + re.escape(prefix) + tag.encode() + rb"\s*>([^<]*)</", body)
        if match:
            found[tag] = _text(match.group(1)).strip()
    return found

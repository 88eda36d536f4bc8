"""GPX 1.0/1.1 reading into plain arrays, safe against hostile XML.

Expat is driven directly (not ElementTree) so that a document type with entity
declarations is refused before any expansion happens: an entity-expansion bomb
costs nothing, and external entities are never fetched. Element names are
compared by local name, so files with, without or with odd namespaces all read.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field
from xml.parsers import expat

import numpy as np

from .isotime import parse_one

# Garmin TrackPointExtension and friends: the local names we keep, whatever the prefix.
EXTENSION_FIELDS = {"hr": "heart_rate", "cad": "cadence", "atemp": "temperature"}
# The array reader is used where it can vouch for the result; tests switch it off to compare with the reference.
FAST_READER = True


class GpxError(ValueError):
    """A GPX file that cannot be read; names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None):
        self.path = path
        self.reason = reason
        self.line = line
        where = f"{path}, line {line}" if line else path
        super().__init__(f"{where}: {reason}")


@dataclass
class Fixes:
    """A run of GPS fixes as parallel arrays; time is UTC epoch seconds, NaN where absent."""

    lon: np.ndarray
    lat: np.ndarray
    ele: np.ndarray
    time: np.ndarray
    extensions: dict[str, np.ndarray] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lon)


@dataclass
class Segment:
    track_name: str
    track_index: int
    segment_index: int
    kind: str  # "track" or "route"
    fixes: Fixes


@dataclass
class Waypoint:
    name: str
    lon: float
    lat: float
    ele: float
    time: float


@dataclass
class GpxDocument:
    path: str
    version: str
    creator: str
    segments: list[Segment]
    waypoints: list[Waypoint]

    @property
    def point_count(self) -> int:
        return sum(len(s.fixes) for s in self.segments)


class _Builder:
    """Expat callbacks collecting points into Python lists, converted to arrays per segment."""

    POINT_TAGS = ("trkpt", "rtept", "wpt")

    def __init__(self, path: str, parser: expat.XMLParserType):
        self.path = path
        self.parser = parser
        self.version = ""
        self.creator = ""
        self.root_seen = False
        self.segments: list[Segment] = []
        self.waypoints: list[Waypoint] = []
        self.track_index = -1
        self.route_index = -1
        self.segment_index = -1
        self.container = ""  # "trk" or "rte" while inside one
        self.container_name = ""
        self.point: dict | None = None
        self.point_tag = ""
        self.text: list[str] = []
        self.stack: list[str] = []
        self._reset_columns()

    def _reset_columns(self) -> None:
        self.lon: list[float] = []
        self.lat: list[float] = []
        self.ele: list[float] = []
        self.time: list[float] = []
        self.ext: dict[str, list[float]] = {}

    def _fail(self, reason: str) -> None:
        raise GpxError(self.path, reason, self.parser.CurrentLineNumber)

    def start(self, name: str, attrs: dict) -> None:
        local = name.rsplit(" ", 1)[-1]
        if not self.root_seen:
            if local != "gpx":
                self._fail(f"not a GPX file (root element is <{local}>)")
            self.root_seen = True
            self.version = attrs.get("version", "")
            self.creator = attrs.get("creator", "")
        self.stack.append(local)
        self.text = []
        if local in ("trk", "rte") and self.point is None:
            self.container = local
            self.container_name = ""
            if local == "trk":
                self.track_index += 1
                self.segment_index = -1
            else:
                self.route_index += 1
                self.segment_index = 0
                self._reset_columns()
        elif local == "trkseg":
            self.segment_index += 1
            self._reset_columns()
        elif local in self.POINT_TAGS:
            lat, lon = attrs.get("lat"), attrs.get("lon")
            if lat is None or lon is None:
                self._fail(f"<{local}> without lat/lon")
            try:
                latf, lonf = float(lat), float(lon)
            except ValueError:
                self._fail(f"<{local}> has a non-numeric coordinate lat={lat!r} lon={lon!r}")
            if not (-90.0 <= latf <= 90.0 and -180.0 <= lonf <= 180.0) or math.isnan(latf + lonf):
                self._fail(f"<{local}> coordinate out of range lat={lat} lon={lon}")
            self.point = {"lat": latf, "lon": lonf, "ele": math.nan, "time": math.nan, "name": ""}
            self.point_tag = local

    def data(self, text: str) -> None:
        self.text.append(text)

    def end(self, name: str) -> None:
        local = name.rsplit(" ", 1)[-1]
        self.stack.pop()
        text = "".join(self.text).strip()
        self.text = []
        point = self.point
        if point is not None:
            if local == self.point_tag:
                self._finish_point(point)
                self.point = None
            elif local == "ele" and text:
                try:
                    point["ele"] = float(text)
                except ValueError:
                    self._fail(f"elevation {text!r} is not a number")
            elif local == "time" and text:
                try:
                    point["time"] = parse_one(text)
                except ValueError:
                    self._fail(f"time {text!r} is not an ISO 8601 time")
            elif local == "name":
                point["name"] = text
            elif local in EXTENSION_FIELDS and text:
                try:
                    point[EXTENSION_FIELDS[local]] = float(text)
                except ValueError:
                    pass  # an unreadable extension value is not worth losing the fix for
            return
        if local == "name" and self.container and len(self.stack) >= 1 and self.stack[-1] == self.container:
            self.container_name = text
        elif local == "trkseg":
            self._flush_segment("track", self.track_index)
        elif local == "rte":
            self._flush_segment("route", self.route_index)
            self.container = ""
        elif local == "trk":
            self.container = ""

    def _finish_point(self, point: dict) -> None:
        if self.point_tag == "wpt":
            self.waypoints.append(
                Waypoint(point["name"], point["lon"], point["lat"], point["ele"], point["time"])
            )
            return
        n = len(self.lon)
        self.lon.append(point["lon"])
        self.lat.append(point["lat"])
        self.ele.append(point["ele"])
        self.time.append(point["time"])
        for key in EXTENSION_FIELDS.values():
            if key in point:
                column = self.ext.setdefault(key, [math.nan] * n)
                column.append(point[key])
        for column in self.ext.values():
            if len(column) < n + 1:
                column.append(math.nan)

    def _flush_segment(self, kind: str, index: int) -> None:
        if not self.lon:
            return
        fixes = Fixes(
            lon=np.asarray(self.lon, dtype=np.float64),
            lat=np.asarray(self.lat, dtype=np.float64),
            ele=np.asarray(self.ele, dtype=np.float64),
            time=np.asarray(self.time, dtype=np.float64),
            extensions={k: np.asarray(v, dtype=np.float64) for k, v in self.ext.items()},
        )
        self.segments.append(
            Segment(self.container_name, index, max(self.segment_index, 0), kind, fixes)
        )
        self._reset_columns()


def _refuse_entities(*_args) -> None:
    raise _EntityRefused()


class _EntityRefused(Exception):
    pass


def _checked_parser(path: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")
    # Entity declarations are the only way to an expansion bomb or an external fetch; GPX never needs them.
    parser.EntityDeclHandler = _refuse_entities
    parser.UnparsedEntityDeclHandler = _refuse_entities
    parser.ExternalEntityRefHandler = _refuse_entities
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


def _run(parser: expat.XMLParserType, data: bytes, path: str) -> None:
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


def _parse_with_callbacks(data: bytes, path: str) -> GpxDocument:
    """The reference reader: every element through Python callbacks; slow, exact, with line numbers."""
    parser = _checked_parser(path)
    builder = _Builder(path, parser)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    _run(parser, data, path)
    if not builder.root_seen:
        raise GpxError(path, "no XML content")
    return GpxDocument(path, builder.version, builder.creator, builder.segments, builder.waypoints)


def parse_gpx_bytes(data: bytes, path: str = "<bytes>") -> GpxDocument:
    """Parse GPX: expat checks well-formedness and safety in C, then the fast array reader extracts the
    fixes; whatever the fast reader does not vouch for is read again by the exact callback reader."""
    if not data.strip():
        raise GpxError(path, "empty file")
    _run(_checked_parser(path), data, path)
    doc = None
    if FAST_READER:
        from .gpx_fast import read_arrays

        doc = read_arrays(data, path)
    if doc is None:
        doc = _parse_with_callbacks(data, path)
    if not doc.segments and not doc.waypoints:
        raise GpxError(path, "no track, route or waypoint in the file")
    return doc


def read_gpx(path: str) -> GpxDocument:
    """Read one GPX file; every failure is a GpxError naming the file."""
    return parse_gpx_bytes(load_gpx_bytes(path), path)


def load_gpx_bytes(path: str) -> bytes:
    """The bytes of a GPX file, or a GpxError saying why they cannot be had."""
    try:
        if os.path.isdir(path):
            raise GpxError(path, "is a folder, not a GPX file")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise GpxError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise GpxError(path, "empty file (0 bytes)")
    return data


def find_gpx_files(paths: list[str]) -> list[str]:
    """Expand folders to the .gpx files inside them (recursively), keeping files as given."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, _dirs, files in os.walk(path):
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(".gpx"))
        else:
            found.append(path)
    return sorted(dict.fromkeys(found))

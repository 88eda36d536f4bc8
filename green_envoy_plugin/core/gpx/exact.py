"""The exact (reference) reader: every element through Python callbacks of expat; slow, exact, with line numbers.

It reads whatever the fast reader declines (CDATA, character references in numbers, odd layouts) and names
the line of a bad point. Element names are compared by local name, so files with, without or with odd
namespaces all read.
"""

from __future__ import annotations

import math
from typing import Any, NoReturn
from xml.parsers import expat

import numpy as np

from ..isotime import parse_one
from .encoding import as_utf8
from .model import EXTENSION_FIELDS, WAYPOINT_TEXTS, Fixes, GpxDocument, GpxError, Segment, Waypoint, waypoint_note
from .safe_xml import checked_parser, parse_checked


class _Builder:
    """Expat callbacks collecting points into Python lists, converted to arrays per segment."""

    POINT_TAGS = ("trkpt", "rtept", "wpt")

    def __init__(self, path: str, parser: expat.XMLParserType) -> None:
        self.path = path
        self.parser = parser
        self.version = ""
        self.creator = ""
        self.root_seen = False
        self.segments: list[Segment] = []
        self.rejected: list[tuple[int, str]] = []
        self.waypoints: list[Waypoint] = []
        self.track_index = -1
        self.route_index = -1
        self.segment_index = -1
        self.container = ""  # "trk" or "rte" while inside one
        self.container_name = ""
        # The point being read: lat, lon, ele, time (floats), name (str) and any extension fields (floats).
        self.point: dict[str, Any] | None = None
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

    def _fail(self, reason: str) -> NoReturn:
        raise GpxError(self.path, reason, self.parser.CurrentLineNumber)

    def start(self, name: str, attrs: dict[str, str]) -> None:
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
            self.point = self._new_point(local, attrs.get("lat"), attrs.get("lon"))
            self.point_tag = local

    def _reject(self, reason: str) -> None:
        self.rejected.append((self.parser.CurrentLineNumber, reason))

    def _new_point(self, tag: str, lat: str | None, lon: str | None) -> dict[str, Any]:
        """The point being read; one with an unusable position is read to its end and left out, with its reason."""
        point: dict[str, Any] = {"lat": math.nan, "lon": math.nan, "ele": math.nan, "time": math.nan, "name": ""}
        if lat is None or lon is None:
            self._reject(f"<{tag}> without lat/lon: point left out")
            point["left_out"] = True
            return point
        try:
            point["lat"], point["lon"] = float(lat), float(lon)
        except ValueError:
            self._reject(f"<{tag}> has a non-numeric coordinate lat={lat!r} lon={lon!r}: point left out")
            point["left_out"] = True
            return point
        if not (-90.0 <= point["lat"] <= 90.0 and -180.0 <= point["lon"] <= 180.0):
            self._reject(f"<{tag}> coordinate out of range lat={lat} lon={lon}: point left out")
            point["left_out"] = True
        return point

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
                if not point.get("left_out"):
                    self._finish_point(point)
                self.point = None
            elif local == "ele" and text:
                try:
                    point["ele"] = float(text)
                except ValueError:
                    self._reject(f"elevation {text!r} is not a number: fix kept without elevation")
            elif local == "time" and text:
                try:
                    point["time"] = parse_one(text)
                except ValueError:
                    self._reject(f"time {text!r} is not an ISO 8601 time: fix kept without time")
            elif local == "name":
                point["name"] = text
            elif local in WAYPOINT_TEXTS and self.point_tag == "wpt" and self.stack[-1:] == ["wpt"]:
                point[local] = text  # the wpt's own, not a <link>'s <type> or an extension's
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

    def _finish_point(self, point: dict[str, Any]) -> None:
        if self.point_tag == "wpt":
            self.waypoints.append(
                Waypoint(point["name"], point["lon"], point["lat"], point["ele"], point["time"],
                         point.get("type", ""), point.get("sym", ""), waypoint_note(point.get("desc", ""),
                                                                                    point.get("cmt", "")))
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


def read_exact(data: bytes, path: str) -> GpxDocument:
    """The reference reader: the whole document through the checked parser and the callbacks above."""
    data = as_utf8(data, path)
    parser = checked_parser()
    builder = _Builder(path, parser)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    parse_checked(parser, data, path)
    if not builder.root_seen:
        raise GpxError(path, "no XML content")
    return GpxDocument(path, builder.version, builder.creator, builder.segments, builder.waypoints,
                       builder.rejected)

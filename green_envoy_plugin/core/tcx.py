"""TCX (Garmin Training Center XML, written by Garmin Connect, Strava's exports, Polar, Suunto, TrainingPeaks)
read into the GPX model, through the same safe expat stage and encoding handling as GPX.

An activity's `<Track>` elements are its segments (a device starts a new one after a pause), named by the
activity's sport; a course's track is a route and its `<CoursePoint>`s are waypoints (with their PointType).
A `<Lap>`'s summary (StartTime, TotalTimeSeconds, DistanceMeters, Calories) is read into `laps`. Per fix: time,
position, altitude, heart rate, cadence, and from Garmin's ActivityExtension speed (m/s) and power (W). A trackpoint
without a position (indoor rides, a lost fix) is no fix: counted in `skipped` with its reason; a value that
cannot be read is named with its line and the fix kept without it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .gpx.encoding import as_utf8
from .gpx.model import Fixes, GpxDocument, GpxError, Segment, Waypoint
from .gpx.safe_xml import check_document, checked_parser, parse_checked
from .isotime import parse_one

# local element name -> the fix's field; inside <HeartRateBpm> the <Value> is the heart rate
_NUMBERS = {"LatitudeDegrees": "lat", "LongitudeDegrees": "lon", "AltitudeMeters": "ele", "Cadence": "cadence",
            "RunCadence": "cadence", "Speed": "speed", "Watts": "power"}
CHANNELS = ("heart_rate", "cadence", "speed", "power")


@dataclass
class TcxLap:
    """A lap's summary as the device wrote it; NaN where the file has no value (a course's laps have no time)."""

    start_time: float = math.nan  # Unix seconds
    total_time_s: float = math.nan
    distance_m: float = math.nan
    calories: float = math.nan


_LAP_NUMBERS = {"TotalTimeSeconds": "total_time_s", "DistanceMeters": "distance_m", "Calories": "calories"}


@dataclass
class TcxDocument(GpxDocument):
    skipped: dict[str, int] = field(default_factory=dict)  # trackpoints that are not fixes, by reason
    laps: list[TcxLap] = field(default_factory=list)


class _Reader:
    def __init__(self, path: str, parser: Any) -> None:
        self.path = path
        self.parser = parser
        self.doc = TcxDocument(path, "TCX", "", [], [])
        self.stack: list[str] = []
        self.text: list[str] = []
        self.point: dict[str, Any] | None = None
        self.rows: list[dict[str, Any]] = []
        self.kind = ""  # "track" (an activity) or "route" (a course)
        self.name = ""
        self.tracks = -1
        self.segments_in_track = 0
        self.course_point: dict[str, Any] | None = None
        self.closing = ""  # the element being closed, named in messages

    def start(self, name: str, attrs: dict[str, str]) -> None:
        local = name.rsplit(" ", 1)[-1]
        if not self.stack and local != "TrainingCenterDatabase":
            raise GpxError(self.path, f"not a TCX file (root element is <{local}>)", self.parser.CurrentLineNumber)
        self.stack.append(local)
        self.text = []
        if local in ("Activity", "Course"):
            self.kind = "track" if local == "Activity" else "route"
            self.name = attrs.get("Sport", "")
            self.tracks += 1
            self.segments_in_track = 0
        elif local == "Track":
            self.rows = []
        elif local == "Trackpoint":
            self.point = {}
        elif local == "Lap":
            lap = TcxLap()
            if "StartTime" in attrs:
                try:
                    lap.start_time = parse_one(attrs["StartTime"])
                except ValueError:
                    self.doc.rejected.append((self.parser.CurrentLineNumber, f"lap StartTime {attrs['StartTime']!r}"
                                              " is not an ISO 8601 time: lap kept without it"))
            self.doc.laps.append(lap)
        elif local == "CoursePoint":
            self.course_point = {}

    def data(self, text: str) -> None:
        self.text.append(text)

    def _number(self, text: str, target: dict[str, Any], key: str, what: str = "fix") -> None:
        try:
            value = float(text)
        except ValueError:
            self.doc.rejected.append((self.parser.CurrentLineNumber,
                                      f"<{self.closing}> {text!r} is not a number: {what} kept without it"))
            return
        if math.isfinite(value):
            target[key] = value

    def end(self, name: str) -> None:
        local = self.closing = self.stack.pop()
        text = "".join(self.text).strip()
        self.text = []
        parent = self.stack[-1] if self.stack else ""
        target = self.point if self.point is not None else self.course_point
        if target is not None and text:
            if local == "Time":
                try:
                    target["time"] = parse_one(text)
                except ValueError:
                    self.doc.rejected.append((self.parser.CurrentLineNumber,
                                              f"time {text!r} is not an ISO 8601 time: fix kept without time"))
            elif local == "Value" and parent == "HeartRateBpm":
                self._number(text, target, "heart_rate")
            elif local in _NUMBERS:
                self._number(text, target, _NUMBERS[local])
            elif local == "Name" and target is self.course_point:
                target["name"] = text
            elif local == "PointType" and target is self.course_point:
                target["point_type"] = text
            elif local == "Notes" and target is self.course_point:
                target["notes"] = text
        elif parent == "Lap" and local in _LAP_NUMBERS and text and self.doc.laps:
            lap_values: dict[str, Any] = {}
            self._number(text, lap_values, "value", "lap")
            if "value" in lap_values:
                setattr(self.doc.laps[-1], _LAP_NUMBERS[local], lap_values["value"])
        if local == "Name" and parent == "Course" and text:
            self.name = text
        elif local == "Trackpoint" and self.point is not None:
            self._finish_point(self.point)
            self.point = None
        elif local == "CoursePoint" and self.course_point is not None:
            p = self.course_point
            if "lat" in p and "lon" in p:
                self.doc.waypoints.append(Waypoint(p.get("name", ""), p["lon"], p["lat"], p.get("ele", math.nan),
                                                   p.get("time", math.nan), p.get("point_type", ""),
                                                   description=p.get("notes", "")))
            else:
                self._count("course point without a position")
            self.course_point = None
        elif local == "Track":
            self._flush()
        elif local == "Name" and parent == "Creator":
            self.doc.creator = self.doc.creator or text

    def _count(self, reason: str) -> None:
        self.doc.skipped[reason] = self.doc.skipped.get(reason, 0) + 1

    def _finish_point(self, p: dict[str, Any]) -> None:
        if "lat" not in p or "lon" not in p:
            self._count("trackpoint without a position")
            return
        if not (-90.0 <= p["lat"] <= 90.0 and -180.0 <= p["lon"] <= 180.0):
            self.doc.rejected.append((self.parser.CurrentLineNumber,
                                      f"coordinate out of range lat={p['lat']} lon={p['lon']}: point left out"))
            return
        self.rows.append(p)

    def _flush(self) -> None:
        rows, self.rows = self.rows, []
        if not rows:
            return

        def column(key: str) -> np.ndarray:
            return np.array([r.get(key, math.nan) for r in rows], dtype=np.float64)

        extensions = {k: v for k in CHANNELS if not np.isnan(v := column(k)).all()}
        fixes = Fixes(column("lon"), column("lat"), column("ele"), column("time"), extensions)
        index = self.segments_in_track if self.kind == "track" else 0
        self.segments_in_track += 1
        self.doc.segments.append(Segment(self.name, self.tracks, index, self.kind or "track", fixes))


def parse_tcx_bytes(data: bytes, path: str = "<bytes>") -> TcxDocument:
    """A TCX document; a GpxError naming the line when it is not well-formed TCX or holds no position."""
    data = as_utf8(data, path)
    check_document(data, path)
    parser = checked_parser()
    reader = _Reader(path, parser)
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.CharacterDataHandler = reader.data
    parser.buffer_text = True
    parse_checked(parser, data, path)
    doc = reader.doc
    if not doc.segments and not doc.waypoints:
        counted = "; ".join(f"{n} {why}" for why, n in doc.skipped.items())
        raise GpxError(path, "no track, course or course point with a position" + (f" ({counted})" if counted else ""))
    return doc


_ROOT = re.compile(rb"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)[\s/>]")


def is_tcx(head: bytes) -> bool:
    """Whether a document's first bytes (UTF-8, or UTF-16 with its zero bytes) open with TCX's root element."""
    if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:2] in (b"<\x00", b"\x00<"):
        head = head.replace(b"\x00", b"")
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.S)
    root = _ROOT.search(body)
    return root is not None and root.group(2) == b"TrainingCenterDatabase"

"""What a GPX file reads into: fixes as parallel arrays, segments, waypoints, the document; and GpxError.

Shared by both readers (`exact` and `fast`) and the XML safety stage; imports nothing of the package.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Garmin TrackPointExtension and friends: the local names we keep, whatever the prefix (GPX 1.0's <speed> and
# TrackPointExtension v2's speed are m/s; <power> is Strava's and Garmin's watts).
WAYPOINT_TEXTS = ("cmt", "desc", "sym", "type")  # a <wpt>'s own text elements kept besides its name


def waypoint_note(desc: str, cmt: str) -> str:
    """A waypoint's <desc> and <cmt> as one text: devices often write the same words in both."""
    return desc if not cmt or cmt == desc else cmt if not desc else f"{desc}; {cmt}"


EXTENSION_FIELDS = {"hr": "heart_rate", "cad": "cadence", "atemp": "temperature", "power": "power", "speed": "speed"}


class GpxError(ValueError):
    """A GPX file that cannot be read; names the file and, where known, the line."""

    def __init__(self, path: str, reason: str, line: int | None = None) -> None:
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
    point_type: str = ""  # a course point's kind (FIT course_point type, TCX PointType), a GPX <wpt>'s <type>
    symbol: str = ""  # a GPX <wpt>'s <sym>: the device's symbol name ("Flag, Blue", "Campground")
    description: str = ""  # a GPX <wpt>'s <desc> and <cmt> (both when they differ): the envoy's own note


@dataclass
class GpxDocument:
    path: str
    version: str
    creator: str
    segments: list[Segment]
    waypoints: list[Waypoint]
    # Points left out or values not read, one by one, with their line: (line, reason). The file and its other
    # fixes still import; these are reported, never dropped silently.
    rejected: list[tuple[int, str]] = field(default_factory=list)

    @property
    def point_count(self) -> int:
        return sum(len(s.fixes) for s in self.segments)

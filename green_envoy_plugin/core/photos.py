"""Placing photos on the route: their own GPS, or their time matched to the track like exiftool -geotag."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass
class Timeline:
    """All fixes of the expedition in time order, with the track part each belongs to."""

    time: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    part: np.ndarray

    @classmethod
    def from_parts(cls, parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> Timeline:
        """parts: (time, lon, lat) per track part."""
        if not parts:
            empty = np.zeros(0)
            return cls(empty, empty, empty, np.zeros(0, dtype=np.int64))
        time = np.concatenate([p[0] for p in parts])
        order = np.argsort(time, kind="stable")
        part = np.concatenate([np.full(len(p[0]), i) for i, p in enumerate(parts)])
        return cls(time[order], np.concatenate([p[1] for p in parts])[order],
                   np.concatenate([p[2] for p in parts])[order], part[order])


def locate_by_time(
    timeline: Timeline, times: np.ndarray, max_gap_s: float = 300.0, max_extrapolation_s: float = 60.0
) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Position of each time by interpolation between the fixes around it.

    No position (NaN, with the reason) when the fixes around are further apart than max_gap_s,
    or when the time is off the ends of the track by more than max_extrapolation_s.
    """
    times = np.asarray(times, dtype=np.float64)
    lon = np.full(len(times), np.nan)
    lat = np.full(len(times), np.nan)
    reasons = [""] * len(times)
    t = timeline.time
    if len(t) == 0:
        return lon, lat, ["no track to match against"] * len(times)
    right = np.clip(np.searchsorted(t, times), 1, len(t) - 1)
    left = right - 1
    for i, when in enumerate(times):
        if np.isnan(when):
            reasons[i] = "no time"
            continue
        a, b = left[i], right[i]
        if when < t[0] or when > t[-1]:
            edge = 0 if when < t[0] else len(t) - 1
            if abs(when - t[edge]) <= max_extrapolation_s:
                lon[i], lat[i] = timeline.lon[edge], timeline.lat[edge]
            else:
                reasons[i] = "outside the track's time span"
            continue
        if t[b] - t[a] > max_gap_s or timeline.part[a] != timeline.part[b]:
            near = a if when - t[a] <= t[b] - when else b
            if abs(when - t[near]) <= max_extrapolation_s:
                lon[i], lat[i] = timeline.lon[near], timeline.lat[near]
            else:
                reasons[i] = f"in a track gap of {t[b] - t[a]:.0f} s"
            continue
        w = 0.0 if t[b] == t[a] else (when - t[a]) / (t[b] - t[a])
        lon[i] = timeline.lon[a] + w * (timeline.lon[b] - timeline.lon[a])
        lat[i] = timeline.lat[a] + w * (timeline.lat[b] - timeline.lat[a])
    return lon, lat, reasons


def estimate_offset(timeline: Timeline, lon: float, lat: float, camera_time: float,
                    max_distance_m: float = 100.0) -> tuple[float, float, float] | None:
    """The camera clock's error from one photo whose true place is known (it has GPS, or the user clicked
    where it was taken): the track's time when it passed closest to that place, the pass nearest in time
    to the camera's reading. Returns (offset s = camera - true, distance m, true UTC time) or None."""
    from .geodesy import WGS84_A

    if len(timeline.time) == 0:
        return None
    k = np.radians(timeline.lat)
    dx = np.radians(timeline.lon - lon) * np.cos(np.radians(lat)) * WGS84_A
    dy = (k - np.radians(lat)) * WGS84_A
    distance = np.hypot(dx, dy)
    near = np.flatnonzero(distance <= max_distance_m)
    if len(near) == 0:
        return None
    # Several passes (a town crossed twice): the pass closest in time to the camera's reading, and in it
    # the fix closest to the place.
    passes = np.split(near, np.flatnonzero(np.diff(timeline.time[near]) > 600.0) + 1)
    chosen = min(passes, key=lambda run: float(np.min(np.abs(timeline.time[run] - camera_time))))
    best = chosen[np.argmin(distance[chosen])]
    return float(camera_time - timeline.time[best]), float(distance[best]), float(timeline.time[best])

"""Cleaning raw fixes into trustworthy track parts, with every removal counted."""

from __future__ import annotations

import time
from dataclasses import dataclass, field, fields

import numpy as np

from .geodesy import step_lengths
from .gpx import Fixes


@dataclass(frozen=True)
class CleaningRules:
    # A bicycle does not do 30 m/s (108 km/h), not even downhill; a jump faster than that is a GPS spike.
    max_speed_ms: float = 30.0
    # A silence longer than this splits the track: the logger was off, nothing is known in between.
    gap_split_s: float = 600.0
    # Below walking pace the rider is stopped; such steps do not count as moving time.
    pause_speed_ms: float = 0.5
    # A run of "spikes" longer than this is a real relocation (a lift, a train), kept as a new part.
    max_spike_run: int = 5


# A logger's clock before GPS receivers were sold, or in the future, is not the ride's time (1901-12-13 and
# 2038/9999 stamps come from devices without a fix).
EARLIEST_TIME = 631_152_000.0  # 1990-01-01T00:00:00Z
FUTURE_SLACK_S = 86_400.0
# Where a cyclist can be: below the Dead Sea shore and above the highest pass are readings, not heights.
ELEVATION_RANGE_M = (-500.0, 9000.0)


@dataclass
class CleaningReport:
    fixes_in: int = 0
    missing_time: int = 0
    duplicates: int = 0
    backwards: int = 0
    spikes: int = 0
    gaps_split: int = 0
    fixes_out: int = 0
    bad_position: int = 0  # no coordinates, not finite or out of range: the fix is left out
    null_island: int = 0  # exactly (0, 0): a receiver without a fix, left out
    bad_elevation: int = 0  # not finite or outside ELEVATION_RANGE_M: the fix is kept without elevation
    impossible_time: int = 0  # before 1990 or in the future: the fix is kept as without time
    constant_clock: int = 0  # every timed fix of the segment at one time: the clock did not run
    lone_fixes: int = 0  # a fix alone between gaps: no step, no track; counted, not stored
    interpolated_time: int = 0  # no time, between timed fixes: kept in its place, its time interpolated (flagged)
    timeless: int = 0  # kept in a part without time (a planned route, a clock that did not run): no time figures

    def add(self, other: CleaningReport) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


# The per-fix flag (1.0) of a time interpolated between timed neighbours, carried as a channel of the fixes.
INTERPOLATED = "time_interpolated"


@dataclass
class TrackPart:
    fixes: Fixes
    speed: np.ndarray = field(default_factory=lambda: np.zeros(0))  # per fix, m/s from the previous
    steps: np.ndarray | None = None  # metres between consecutive fixes (n-1), when already measured

    @property
    def timed(self) -> bool:
        """Whether the part has times (measured, or a few interpolated); a timeless part has none at all."""
        return bool(len(self.fixes)) and not np.isnan(self.fixes.time[0])

    @property
    def interpolated(self) -> int:
        flags = self.fixes.extensions.get(INTERPOLATED)
        return 0 if flags is None else int(np.nansum(flags))

    def step_lengths(self) -> np.ndarray:
        if self.steps is None:
            self.steps = step_lengths(self.fixes.lon, self.fixes.lat)
        return self.steps


def _take(fixes: Fixes, index: np.ndarray | slice) -> Fixes:
    return Fixes(
        lon=fixes.lon[index],
        lat=fixes.lat[index],
        ele=fixes.ele[index],
        time=fixes.time[index],
        extensions={k: v[index] for k, v in fixes.extensions.items()},
    )


def _drop_spikes(fixes: Fixes, rules: CleaningRules) -> tuple[np.ndarray, int]:
    """Keep-mask comparing each fix to the last kept one; a long run of rejects is accepted back."""
    n = len(fixes)
    keep = np.ones(n, dtype=bool)
    if n < 2:
        return keep, 0
    # Vector pass first: only fixes next to a fast step need the sequential look.
    fast = np.zeros(n, dtype=bool)
    d = step_lengths(fixes.lon, fixes.lat)
    dt = np.diff(fixes.time)
    fast[1:] = d > rules.max_speed_ms * dt
    if not fast.any():
        return keep, 0
    lon, lat, time = fixes.lon, fixes.lat, fixes.time
    last = 0
    run: list[int] = []
    spikes = 0
    for i in range(1, n):
        if not fast[i] and not run and last == i - 1:
            last = i
            continue
        dist = float(step_lengths(lon[[last, i]], lat[[last, i]])[0])
        if dist <= rules.max_speed_ms * (time[i] - time[last]):
            spikes += len(run)
            run = []
            last = i
            continue
        keep[i] = False
        run.append(i)
        if len(run) > rules.max_spike_run:
            keep[run] = True  # a relocation, not noise; the gap split will cut here
            run = []
            last = i
    spikes += len(run)
    return keep, spikes


def _screen(fixes: Fixes, report: CleaningReport, now: float) -> Fixes:
    """Values no device could have measured, each counted by reason: positions left out, elevations and times
    set aside (the fix stays, as without them)."""
    lon, lat = fixes.lon, fixes.lat
    finite = np.isfinite(lon) & np.isfinite(lat)
    in_range = finite & (np.abs(lat) <= 90.0) & (np.abs(lon) <= 180.0)
    null_island = in_range & (lon == 0.0) & (lat == 0.0)
    report.bad_position = int((~in_range).sum())
    report.null_island = int(null_island.sum())
    fixes = _take(fixes, np.flatnonzero(in_range & ~null_island))
    ele = fixes.ele
    low, high = ELEVATION_RANGE_M
    bad_ele = ~np.isnan(ele) & ~((ele >= low) & (ele <= high))  # inf and 1e308 included
    if bad_ele.any():
        report.bad_elevation = int(bad_ele.sum())
        fixes.ele = np.where(bad_ele, np.nan, ele)
    time = fixes.time
    impossible = ~np.isnan(time) & ((time < EARLIEST_TIME) | (time > now + FUTURE_SLACK_S))
    if impossible.any():
        report.impossible_time = int(impossible.sum())
        fixes.time = time = np.where(impossible, np.nan, time)
    timed = time[~np.isnan(time)]
    if len(timed) > 1 and (timed == timed[0]).all():
        report.constant_clock = len(timed)
        fixes.time = np.full(len(time), np.nan)
    return fixes


def _timeless_parts(fixes: Fixes, report: CleaningReport) -> list[TrackPart]:
    """Fixes without any usable time kept as one part: its geometry, distance and elevation hold, its time
    figures are unknown (NaN speeds), never invented. A lone fix is counted instead."""
    if len(fixes) < 2:
        report.lone_fixes += len(fixes)
        return []
    report.timeless += len(fixes)
    steps = step_lengths(fixes.lon, fixes.lat)
    return [TrackPart(fixes, np.full(len(fixes), np.nan), steps)]


def _interpolate_times(fixes: Fixes, report: CleaningReport) -> tuple[Fixes, list[Fixes]]:
    """Fixes without time between timed ones get a time interpolated from their neighbours (by position in the
    file), flagged in the INTERPOLATED channel; the untimed runs before the first and after the last timed fix
    are returned apart, as timeless fixes."""
    has_time = ~np.isnan(fixes.time)
    timed = np.flatnonzero(has_time)
    first, last = int(timed[0]), int(timed[-1])
    ends = [_take(fixes, slice(0, first)), _take(fixes, slice(last + 1, len(fixes)))]
    inner = _take(fixes, slice(first, last + 1))
    gaps = np.isnan(inner.time)
    if gaps.any():
        k = np.arange(len(inner))
        inner.time = np.where(gaps, np.interp(k, k[~gaps], inner.time[~gaps]), inner.time)
        inner.extensions[INTERPOLATED] = gaps.astype(np.float64)
        report.interpolated_time += int(gaps.sum())
    return inner, [e for e in ends if len(e)]


def screen_fixes(fixes: Fixes, now: float | None = None) -> tuple[Fixes, CleaningReport]:
    """Only the screening of clean_fixes (positions, elevations, times no device measured): for planned
    routes, whose points are kept as written."""
    report = CleaningReport()
    return _screen(fixes, report, time.time() if now is None else now), report


def clean_fixes(fixes: Fixes, rules: CleaningRules = CleaningRules(),
                now: float | None = None) -> tuple[list[TrackPart], CleaningReport]:
    """Timed parts (cleaned of duplicates, clock jumps backwards and spikes, split at long silences) and timeless
    parts (fixes without any usable time, kept in their place), with every change counted."""
    report = CleaningReport(fixes_in=len(fixes))
    fixes = _screen(fixes, report, time.time() if now is None else now)  # a new Fixes: the caller's stays
    has_time = ~np.isnan(fixes.time)
    report.missing_time = int((~has_time).sum()) - report.impossible_time - report.constant_clock
    if has_time.sum() < 2:  # nothing to measure time by: a planned route, or a clock that did not run
        fixes.time = np.full(len(fixes), np.nan)
        parts = _timeless_parts(fixes, report)
        report.fixes_out = sum(len(p.fixes) for p in parts)
        return parts, report
    fixes, untimed_ends = _interpolate_times(fixes, report)
    timeless = [p for end in untimed_ends for p in _timeless_parts(end, report)]

    # Time must strictly increase. A fix at the time and place of the one before is a duplicate; one at an
    # earlier time, or at the same time elsewhere, is a clock going backwards.
    running_max = np.maximum.accumulate(fixes.time)
    previous_max = np.concatenate(([-np.inf], running_max[:-1]))
    same_place = np.zeros(len(fixes), dtype=bool)
    same_place[1:] = (fixes.lon[1:] == fixes.lon[:-1]) & (fixes.lat[1:] == fixes.lat[:-1])
    duplicate = (fixes.time == previous_max) & same_place
    backwards = (fixes.time < previous_max) | ((fixes.time == previous_max) & ~same_place)
    report.duplicates = int(duplicate.sum())
    report.backwards = int(backwards.sum())
    fixes = _take(fixes, np.flatnonzero(~(duplicate | backwards)))

    keep, report.spikes = _drop_spikes(fixes, rules)
    fixes = _take(fixes, np.flatnonzero(keep))

    dt = np.diff(fixes.time)
    steps = step_lengths(fixes.lon, fixes.lat)  # measured once; every part and statistic reuses them
    cuts = np.flatnonzero(dt > rules.gap_split_s) + 1
    report.gaps_split = len(cuts)
    parts = []
    for first, stop in zip(np.concatenate(([0], cuts)), np.concatenate((cuts, [len(fixes)]))):
        if stop - first < 2:
            report.lone_fixes += int(stop - first)
            continue  # a lone fix is no track
        part = _take(fixes, slice(first, stop))
        part_steps = steps[first: stop - 1]
        speed = np.zeros(stop - first)
        speed[1:] = part_steps / dt[first: stop - 1]
        parts.append(TrackPart(part, speed, part_steps))
    parts += timeless
    report.fixes_out = sum(len(p.fixes) for p in parts)
    return parts, report

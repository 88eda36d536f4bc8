"""The route's elevation profile in each region: km along the region's part, elevation, where visits begin."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np

from .geodesy import step_lengths
from .regions import RegionIndex

VISIT_GAP_S = 2 * 86400  # nights in the region do not part a profile; days spent elsewhere do
# The profile a page plots and the ascent it states are one: elevations resampled every 100 m along the route,
# averaged over 1 km (GPS heights wobble by metres from fix to fix, and 1 Hz noise summed over 1,000 km made
# Kyzylorda's 8,220 m beside a 101-281 m profile), climbs counted past a 5 m hysteresis.
GRID_KM = 0.1
SMOOTH_KM = 1.0
ASCENT_HYSTERESIS_M = 5.0
MAX_POINTS = 2000


def pieces(count: int, starts: Iterable[int]) -> list[tuple[int, int]]:
    """(begin, end) index ranges of the visits of a series of `count` points that start at `starts`."""
    bounds = sorted({0, *[int(i) for i in starts if 0 < int(i) < count], count})
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]


def smoothed(x: np.ndarray, y: np.ndarray, starts: Iterable[int]) -> tuple[np.ndarray, np.ndarray, list[int]]:
    """The profile resampled every GRID_KM and averaged over SMOOTH_KM, each visit on its own (no average
    across two visits); (km, m, visit starts). Elevations missing (NaN) are left out first."""
    out_x, out_y, out_starts = [], [], []
    total = 0
    for a, b in pieces(len(x), starts):
        px, py = x[a:b], y[a:b]
        keep = np.isfinite(py) & np.isfinite(px)
        px, py = px[keep], py[keep]
        if len(px) == 0:
            continue
        px = np.maximum.accumulate(px)  # along-track km never decreases
        grid = np.arange(px[0], px[-1] + GRID_KM / 2, GRID_KM) if px[-1] > px[0] else px[:1]
        grid[-1] = px[-1]
        gy = np.interp(grid, px, py)
        window = int(round(SMOOTH_KM / GRID_KM))
        if len(gy) > window > 1:
            padded = np.pad(gy, (window // 2, window - 1 - window // 2), mode="edge")
            gy = np.convolve(padded, np.ones(window) / window, mode="valid")
        out_starts.append(total)
        out_x.append(grid)
        out_y.append(gy)
        total += len(grid)
    if not out_x:
        return np.zeros(0), np.zeros(0), []
    return np.concatenate(out_x), np.concatenate(out_y), out_starts[1:]


def ascent(y: np.ndarray, starts: Iterable[int] = (), hysteresis: float = ASCENT_HYSTERESIS_M) -> float:
    """Metres climbed along a (smoothed) profile: each rise from a low to the next high, counted once the
    profile has turned by more than `hysteresis`; visits apart (no climb from one visit's end to the next)."""
    total = 0.0
    for a, b in pieces(len(y), starts):
        values = y[a:b]
        if len(values) < 2:
            continue
        low = high = float(values[0])
        rising = True
        for value in values[1:]:
            v = float(value)
            if rising:
                if v > high:
                    high = v
                elif high - v >= hysteresis:
                    total += high - low
                    low = high = v
                    rising = False
            elif v < low:
                low = high = v
            elif v - low >= hysteresis:
                high = v
                rising = True
        if rising:
            total += high - low
    return total


def page_profile(x: np.ndarray, y: np.ndarray, starts: Iterable[int], km: float | None = None
                 ) -> tuple[np.ndarray, np.ndarray, list[int], float]:
    """What a region's page plots and states: the smoothed profile stretched to the region's stated `km`
    (its km are counted from the exact boundary cuts; the profile's from its fixes, a few hundred metres
    apart), thinned to at most MAX_POINTS, and the ascent counted on it before thinning."""
    sx, sy, sstarts = smoothed(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64), starts)
    if len(sx) == 0:
        return sx, sy, [], 0.0
    climbed = ascent(sy, sstarts)
    if km is not None and sx[-1] > 0:
        sx = sx * (km / sx[-1])
    step = max(1, -(-len(sx) // MAX_POINTS))
    keep = np.unique(np.concatenate((np.arange(0, len(sx), step), [len(sx) - 1], sstarts, np.array(sstarts) - 1)))
    keep = keep[(keep >= 0) & (keep < len(sx))].astype(np.int64)
    new_starts = [int(np.searchsorted(keep, i)) for i in sstarts]
    return sx[keep], sy[keep], new_starts, climbed


def thinned_starts(starts: Iterable[int], step: int, count: int) -> list[int]:
    """Where the starts of pieces fall once a series of `count` points keeps every `step`th: the first kept
    point at or after each start, so no kept segment bridges two pieces."""
    kept = (count + step - 1) // step
    return sorted({int(-(-i // step)) for i in starts if -(-i // step) < kept})


def region_profiles(tracks: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                    index: RegionIndex, km: dict[str, float] | None = None) -> dict[str, tuple]:
    """The elevation profile of the route in each region of `index` it enters, as its page plots it
    (`page_profile`: smoothed, stretched to the region's stated `km` when given): (km along the region's part,
    elevation m, indices where a later visit begins, ascent m), at most MAX_POINTS points. `tracks`:
    (lon, lat, ele, time) arrays of each track, in time order."""
    # Each fix located once (the whole route, not once per region), thinned to ~1 fix in 10 s: plenty
    # for a 86 mm wide profile.
    located = []
    for lon, lat, ele, time in tracks:
        span = time[-1] - time[0] if len(time) > 1 else np.nan  # NaN: a track without time, kept whole
        step = max(1, len(time) // max(1, int(span / 10.0))) if np.isfinite(span) else 1
        thin = np.column_stack((lon[::step], lat[::step], ele[::step], time[::step]))
        located.append((thin, index.locate(thin[:, 0], thin[:, 1])))
    profiles = {}
    for k, region in enumerate(index.regions):
        distance, elevation, starts = [], [], []
        offset, last_time = 0.0, None
        for c, where in located:
            inside = where == k
            if inside.sum() < 2:
                continue
            part = c[inside]
            steps = np.concatenate(([0.0], step_lengths(part[:, 0], part[:, 1])))
            steps[1:][steps[1:] > 5000] = 0.0  # the route left the region and came back: no jump
            along = offset + np.cumsum(steps) / 1000.0
            distance.append(along)
            elevation.append(part[:, 2])
            # Back in the region after days elsewhere (Almaty: the first and the last week): the profile is
            # drawn apart there, not joined by a climb that never happened.
            start = np.zeros(len(part), dtype=bool)
            start[0] = last_time is not None and part[0, 3] - last_time > VISIT_GAP_S
            starts.append(start)
            offset, last_time = float(along[-1]), float(part[-1, 3])
        if distance:
            x, y, begins = np.concatenate(distance), np.concatenate(elevation), np.concatenate(starts)
            profiles[region.name] = page_profile(x, y, np.flatnonzero(begins).tolist(), (km or {}).get(region.name))
    return profiles

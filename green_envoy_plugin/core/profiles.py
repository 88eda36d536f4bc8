"""The route's elevation profile in each region: km along the region's part, elevation, where visits begin."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from .geodesy import step_lengths
from .regions import RegionIndex

VISIT_GAP_S = 2 * 86400  # nights in the region do not part a profile; days spent elsewhere do


def thinned_starts(starts: Iterable[int], step: int, count: int) -> list[int]:
    """Where the starts of pieces fall once a series of `count` points keeps every `step`th: the first kept
    point at or after each start, so no kept segment bridges two pieces."""
    kept = (count + step - 1) // step
    return sorted({int(-(-i // step)) for i in starts if -(-i // step) < kept})


def region_profiles(tracks: Iterable[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]],
                    index: RegionIndex) -> dict[str, tuple]:
    """The elevation profile of the route in each region of `index` it enters: (km along the region's part,
    elevation m, indices where a later visit begins), at most ~2000 points. `tracks`: (lon, lat, ele, time)
    arrays of each track, in time order."""
    # Each fix located once (the whole route, not once per region), thinned to ~1 fix in 10 s: plenty
    # for a 86 mm wide profile.
    located = []
    for lon, lat, ele, time in tracks:
        step = max(1, len(time) // max(1, int((time[-1] - time[0]) / 10.0))) if len(time) > 1 else 1
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
            step = max(1, len(x) // 2000)
            profiles[region.name] = (x[::step], y[::step], thinned_starts(np.flatnonzero(begins), step, len(x)))
    return profiles

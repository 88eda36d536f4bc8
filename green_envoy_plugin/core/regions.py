"""Regions: which region a fix, a finding or a photo is in, and the route split at region boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import numpy as np
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep
from shapely.validation import make_valid

try:  # shapely 2 (trixie, sid); shapely.vectorized is deprecated there
    from shapely import contains_xy
except ImportError:  # shapely 1.8 (bookworm)
    from shapely.vectorized import contains as contains_xy

from .cleaning import CleaningRules, TrackPart
from .tracks import climb_credits, local_days

OUTSIDE = -1
# A day or more without a fix in a region parts two visits: Almaty is left on day 1 and reached again on
# day 120, two visits of a day each, not a stay "1 August - 28 November".
VISIT_GAP_DAYS = 1


def visits(days: set[date] | list[date]) -> list[tuple[date, date, int]]:
    """The separate stays among a region's days: (first day, last day, days with fixes) each, in order."""
    ordered = sorted(set(days))
    periods: list[tuple[date, date, int]] = []
    for day in ordered:
        if periods and (day - periods[-1][1]).days <= VISIT_GAP_DAYS:
            first, _last, count = periods[-1]
            periods[-1] = (first, day, count + 1)
        else:
            periods.append((day, day, 1))
    return periods


@dataclass
class Region:
    name: str
    code: str
    geometry: BaseGeometry  # lon/lat, EPSG:4326
    names: dict[str, str] = field(default_factory=dict)  # "ru", "kk": the name in that language, when known


@dataclass
class RegionStats:
    name: str
    code: str
    distance_m: float = 0.0
    moving_s: float = 0.0
    ascent_m: float = 0.0
    first_time: float = np.inf
    last_time: float = -np.inf
    days: set[date] = field(default_factory=set)  # local calendar days with fixes here

    @property
    def visited(self) -> bool:
        return self.distance_m > 0.0


class RegionIndex:
    """Point-in-region lookups for arrays of positions, with a bounding-box filter before the exact test."""

    def __init__(self, regions: list[Region]):
        self.regions = []
        for r in regions:
            geom = r.geometry if r.geometry.is_valid else make_valid(r.geometry)
            self.regions.append(Region(r.name, r.code, geom))
        self.bounds = np.array([r.geometry.bounds for r in self.regions], dtype=np.float64).reshape(-1, 4)
        self._prepared = [prep(r.geometry) for r in self.regions]

    def __len__(self) -> int:
        return len(self.regions)

    def locate(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Index of the region holding each position, OUTSIDE (-1) where none does."""
        lon = np.asarray(lon, dtype=np.float64)
        lat = np.asarray(lat, dtype=np.float64)
        result = np.full(len(lon), OUTSIDE, dtype=np.int64)
        for i, (x0, y0, x1, y1) in enumerate(self.bounds):
            candidates = np.flatnonzero(
                (result == OUTSIDE) & (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1)
            )
            if len(candidates):
                inside = contains_xy(self.regions[i].geometry, lon[candidates], lat[candidates])
                result[candidates[inside]] = i
        return result

    def names(self, index: np.ndarray) -> list[str | None]:
        return [self.regions[i].name if i != OUTSIDE else None for i in index]

    def step_shares(self, x0: float, y0: float, x1: float, y1: float) -> dict[int, float]:
        """Share of a straight step inside each region it touches (planar in lon/lat, exact for short steps)."""
        seg = LineString([(x0, y0), (x1, y1)])
        length = seg.length
        shares: dict[int, float] = {}
        if length == 0.0:
            return shares
        bx0, bx1, by0, by1 = min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)
        for i, (rx0, ry0, rx1, ry1) in enumerate(self.bounds):
            if rx0 > bx1 or rx1 < bx0 or ry0 > by1 or ry1 < by0:
                continue
            if not self._prepared[i].intersects(seg):
                continue
            inside = seg.intersection(self.regions[i].geometry).length / length
            if inside > 0.0:
                shares[i] = inside
        return shares


def split_route(
    parts: list[TrackPart], index: RegionIndex, rules: CleaningRules = CleaningRules()
) -> tuple[list[RegionStats], RegionStats]:
    """Per-region km, moving time, days and climbing; steps crossing a boundary are cut at it.

    Returns the stats of every region (visited or not) and those of the route outside all regions,
    so that the regions plus the outside add up to the whole route.
    """
    stats = [RegionStats(r.name, r.code) for r in index.regions]
    outside = RegionStats("(outside all regions)", "")
    parts = [p for p in parts if len(p.fixes) >= 2]
    if not parts:
        return stats, outside
    n_regions = len(index)
    slots = [*stats, outside]  # the last slot collects the route outside all regions

    lon = np.concatenate([p.fixes.lon for p in parts])
    lat = np.concatenate([p.fixes.lat for p in parts])
    time = np.concatenate([p.fixes.time for p in parts])
    where = index.locate(lon, lat)  # one lookup for the whole route: the grid is shared
    slot = np.where(where == OUTSIDE, n_regions, where)

    # Steps within each part (never across two parts), as global fix indices.
    offsets = np.cumsum([0] + [len(p.fixes) for p in parts])
    first = np.concatenate([np.arange(offsets[k], offsets[k + 1] - 1) for k in range(len(parts))])
    steps = np.concatenate([p.step_lengths() for p in parts])
    moving = np.concatenate([
        np.where(p.speed[1:] >= rules.pause_speed_ms, np.diff(p.fixes.time), 0.0) for p in parts])
    same = slot[first] == slot[first + 1]
    for values, attr in ((steps, "distance_m"), (moving, "moving_s")):
        sums = np.bincount(slot[first[same]], weights=values[same], minlength=n_regions + 1)
        for i in np.flatnonzero(sums):
            setattr(slots[i], attr, getattr(slots[i], attr) + float(sums[i]))
    for k in np.flatnonzero(~same):
        i0 = first[k]
        shares = index.step_shares(lon[i0], lat[i0], lon[i0 + 1], lat[i0 + 1])
        for i, share in shares.items():
            stats[i].distance_m += steps[k] * share
            stats[i].moving_s += moving[k] * share
        rest = max(0.0, 1.0 - sum(shares.values()))
        outside.distance_m += steps[k] * rest
        outside.moving_s += moving[k] * rest

    gained = np.concatenate([climb_credits(p.fixes.ele, p.fixes.time)[0] for p in parts])
    ascents = np.bincount(slot, weights=gained, minlength=n_regions + 1)
    # Tracks without time (planned routes, stopped clocks) add km and climbing, never days or dates.
    timed = ~np.isnan(time)
    day_keys = np.unique(slot[timed] * 1_000_000 + local_days(time[timed]).astype(np.int64))
    for i in np.unique(slot):
        s = slots[i]
        mask = (slot == i) & timed
        s.ascent_m += float(ascents[i])
        if mask.any():
            s.first_time = min(s.first_time, float(time[mask].min()))
            s.last_time = max(s.last_time, float(time[mask].max()))
        s.days.update((day_keys[day_keys // 1_000_000 == i] % 1_000_000).astype("datetime64[D]").tolist())
    return stats, outside

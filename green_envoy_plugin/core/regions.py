"""Regions: which region a fix, a finding or a photo is in, and the route split at region boundaries."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from shapely import vectorized
from shapely.geometry import LineString
from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep
from shapely.validation import make_valid

from .cleaning import CleaningRules, TrackPart
from .geodesy import step_lengths
from .tracks import ELEVATION_HYSTERESIS_M, local_days

OUTSIDE = -1


@dataclass
class Region:
    name: str
    code: str
    geometry: BaseGeometry  # lon/lat, EPSG:4326


@dataclass
class RegionStats:
    name: str
    code: str
    distance_m: float = 0.0
    moving_s: float = 0.0
    ascent_m: float = 0.0
    first_time: float = np.inf
    last_time: float = -np.inf
    days: set = field(default_factory=set)

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
                inside = vectorized.contains(self.regions[i].geometry, lon[candidates], lat[candidates])
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


def _climb_contributions(ele: np.ndarray, hysteresis: float = ELEVATION_HYSTERESIS_M) -> np.ndarray:
    """Ascent credited to the fix where it was confirmed, so totals split by region add up."""
    gained = np.zeros(len(ele))
    valid = np.flatnonzero(~np.isnan(ele))
    if len(valid) < 2:
        return gained
    anchor = float(ele[valid[0]])
    for i in valid[1:]:
        delta = float(ele[i]) - anchor
        if delta >= hysteresis:
            gained[i] = delta
            anchor = float(ele[i])
        elif delta <= -hysteresis:
            anchor = float(ele[i])
    return gained


def split_route(
    parts: list[TrackPart], index: RegionIndex, rules: CleaningRules = CleaningRules()
) -> tuple[list[RegionStats], RegionStats]:
    """Per-region km, moving time, days and climbing; steps crossing a boundary are cut at it.

    Returns the stats of every region (visited or not) and those of the route outside all regions,
    so that the regions plus the outside add up to the whole route.
    """
    stats = [RegionStats(r.name, r.code) for r in index.regions]
    outside = RegionStats("(outside all regions)", "")
    n_regions = len(index)

    def target(i: int) -> RegionStats:
        return stats[i] if i != OUTSIDE else outside

    for part in parts:
        f = part.fixes
        if len(f) < 2:
            continue
        where = index.locate(f.lon, f.lat)
        steps = step_lengths(f.lon, f.lat)
        moving_time = np.where(part.speed[1:] >= rules.pause_speed_ms, np.diff(f.time), 0.0)
        a, b = where[:-1], where[1:]
        same = a == b
        slot = np.where(a == OUTSIDE, n_regions, a)  # the last bin collects the outside
        for values, attr in ((steps, "distance_m"), (moving_time, "moving_s")):
            sums = np.bincount(slot[same], weights=values[same], minlength=n_regions + 1)
            for i in range(n_regions + 1):
                if sums[i]:
                    s = stats[i] if i < n_regions else outside
                    setattr(s, attr, getattr(s, attr) + float(sums[i]))
        for k in np.flatnonzero(~same):
            shares = index.step_shares(f.lon[k], f.lat[k], f.lon[k + 1], f.lat[k + 1])
            for i, share in shares.items():
                stats[i].distance_m += steps[k] * share
                stats[i].moving_s += moving_time[k] * share
            rest = max(0.0, 1.0 - sum(shares.values()))
            outside.distance_m += steps[k] * rest
            outside.moving_s += moving_time[k] * rest

        gained = _climb_contributions(f.ele)
        climb_slot = np.where(where == OUTSIDE, n_regions, where)
        ascents = np.bincount(climb_slot, weights=gained, minlength=n_regions + 1)
        days = local_days(f.time)
        for i in np.unique(where):
            s = target(int(i))
            mask = where == i
            s.ascent_m += float(ascents[i if i != OUTSIDE else n_regions])
            t = f.time[mask]
            s.first_time = min(s.first_time, float(t.min()))
            s.last_time = max(s.last_time, float(t.max()))
            s.days.update(days[mask].tolist())
    return stats, outside

"""The web atlas's data as the pages read it: plain JSON-ready dicts, coordinates as [lat, lon] (Leaflet's order),
generalised and rounded to what each page's zoom can show.

Country level (the overview, the route's context on region pages): the route generalised to 0.002 deg (~200 m,
under a pixel up to zoom 9) and rounded to 3 decimals (~100 m). Region level: the route to 0.0002 deg (~20 m,
a pixel at zoom 13), boundaries to 0.001 deg, both rounded to 4 decimals (~10 m). Findings, photos and registry
records keep 5 decimals (~1 m): they are what a reader zooms in on.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import numpy as np
from shapely.geometry import LineString, MultiPolygon, Polygon, box
from shapely.geometry.base import BaseGeometry

from ..core import categories
from .read import Expedition, Profile, StoreRegion

COUNTRY_ROUTE_TOLERANCE = 0.002
REGION_ROUTE_TOLERANCE = 0.0002
BOUNDARY_TOLERANCE = 0.001
# The route shaded by day from light grey to black, as the PDF atlas shades it (atlas/styles.py ROUTE_FIRST,
# ROUTE_LAST; the test compares them): no hue a finding category has.
ROUTE_RAMP = ("#a6a6a6", "#111111")
PROFILE_POINTS = 700  # a profile is drawn some 700 px wide: one point per pixel


def latlon(coords: np.ndarray, digits: int) -> list[list[float]]:
    """(n, 2) lon/lat as [[lat, lon], ...] rounded to `digits`, without the repeats rounding makes."""
    rounded = np.round(np.asarray(coords, dtype=np.float64)[:, :2], digits)
    if len(rounded) > 1:
        keep = np.concatenate(([True], np.any(np.diff(rounded, axis=0) != 0, axis=1)))
        rounded = rounded[keep]
    return [[float(lat), float(lon)] for lon, lat in rounded]


def simplified_line(coords: np.ndarray, tolerance: float, digits: int) -> list[list[float]]:
    if len(coords) < 2:
        return latlon(coords, digits)
    line = LineString(coords[:, :2]).simplify(tolerance, preserve_topology=False)
    return latlon(np.asarray(line.coords), digits)


def polygons(geometry: BaseGeometry | None, tolerance: float, digits: int) -> list[list[list[list[float]]]]:
    """A (multi)polygon as Leaflet's nested rings: [polygon][ring][point]; parts smaller than the tolerance
    left out."""
    if geometry is None or geometry.is_empty:
        return []
    simple = geometry.simplify(tolerance, preserve_topology=True)
    parts = list(simple.geoms) if isinstance(simple, MultiPolygon) else [simple] if isinstance(simple, Polygon) else []
    out = []
    for part in parts:
        if part.is_empty or part.area < tolerance * tolerance:
            continue
        rings = [latlon(np.asarray(part.exterior.coords), digits)]
        rings += [latlon(np.asarray(ring.coords), digits) for ring in part.interiors
                  if abs(Polygon(ring).area) >= tolerance * tolerance]
        out.append(rings)
    return out


def _number(value: Any, digits: int = 1) -> float | None:
    if value is None:
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return round(number, digits) if math.isfinite(number) else None


def day_number(first: date | None, stamp: str | None) -> int | None:
    """The expedition day (1 = the first day with a track or a finding) of a local date or time."""
    if first is None or not stamp:
        return None
    try:
        return (date.fromisoformat(stamp[:10]) - first).days + 1
    except ValueError:
        return None


def category_entries() -> list[dict[str, str]]:
    """Key, colour and marker shape of each category, as core/categories.py defines them (shapes where it has
    them: SHAPES, QGIS marker names)."""
    shapes = getattr(categories, "SHAPES", {})
    return [{"key": key, "colour": entry[1], "shape": shapes.get(key, "circle")}
            for key, entry in categories.CATEGORIES.items()]


def region_entry(region: StoreRegion, counts: dict[str, int]) -> dict[str, Any]:
    figures = region.figures
    return {"name": region.name, "names": region.names, "stem": region.stem, "visited": region.visited,
            "km": _number(figures["km"]), "days": figures["days"] or 0, "moving_h": _number(figures["moving_h"]),
            "ascent_m": _number(figures["ascent_m"], 0), "first_day": figures["first_day"],
            "last_day": figures["last_day"], "visits": figures.get("visits", []),
            "findings": counts.get(region.name, 0),
            "label": _label_point(region.geometry),
            "shape": polygons(region.geometry, BOUNDARY_TOLERANCE, 4)}


def _label_point(geometry: BaseGeometry | None) -> list[float] | None:
    if geometry is None or geometry.is_empty:
        return None
    largest = max(geometry.geoms, key=lambda g: g.area) if isinstance(geometry, MultiPolygon) else geometry
    point = largest.representative_point()
    return [round(point.y, 3), round(point.x, 3)]


def finding_entries(expedition: Expedition, first: date | None, photos_of: dict[str, list[int]]
                    ) -> list[dict[str, Any]]:
    out = []
    for f in expedition.findings:
        xy = f["xy"]
        out.append({
            "id": f["id"], "cat": f["category"], "sev": f["severity"], "time": f["time"],
            "day": day_number(first, f["time"]), "ll": [round(xy[1], 5), round(xy[0], 5)] if xy else None,
            "region": f["region"], "place": f["settlement"], "nearest": f["nearest"],
            "nearest_km": _number(f["nearest_m"] / 1000.0 if f["nearest_m"] is not None else None),
            "case": f["case"], "concerns": f["concerns"], "text": f["description"],
            "official": f["official"], "official_id": f["official_id"],
            "official_m": _number(f["official_m"], 0), "photos": photos_of.get(f["id"], [])})
    return out


def official_entries(expedition: Expedition) -> list[dict[str, Any]]:
    return [{"id": r["id"], "layer": r["layer"], "region": r["region"], "route_m": _number(r["route_m"], 0),
             "ll": [round(r["xy"][1], 5), round(r["xy"][0], 5)]} for r in expedition.official if r["xy"]]


def route_entries(expedition: Expedition, first: date | None, tolerance: float, digits: int,
                  within: tuple[float, float, float, float] | None = None) -> list[dict[str, Any]]:
    """The route's lines with their expedition day; `within` (min lon, min lat, max lon, max lat) keeps the lines
    that reach into that box."""
    out = []
    for day, coords in expedition.route:
        if within is not None:
            lon, lat = coords[:, 0], coords[:, 1]
            if lon.max() < within[0] or lon.min() > within[2] or lat.max() < within[1] or lat.min() > within[3]:
                continue
        line = simplified_line(coords, tolerance, digits)
        if len(line) > 1:
            out.append({"day": day_number(first, day), "line": line})
    return out


def profile_entry(profile: Profile | None) -> dict[str, Any] | None:
    """A region's profile thinned to about one point per drawn pixel (the visits' starts kept), each point with
    its place: [km, m, lat, lon]."""
    if profile is None or len(profile.km) < 2:
        return None
    n = len(profile.km)
    step = max(1, -(-n // PROFILE_POINTS))
    keep = np.unique(np.concatenate((np.arange(0, n, step), [n - 1],
                                     [b for b in profile.breaks if 0 <= b < n]))).astype(np.int64)
    points = []
    for i in keep:
        ele = profile.ele[i]
        points.append([round(float(profile.km[i]), 2), round(float(ele)) if np.isfinite(ele) else None,
                       round(float(profile.lat[i]), 4), round(float(profile.lon[i]), 4)])
    breaks = sorted({int(np.searchsorted(keep, b)) for b in profile.breaks if 0 < b < n})
    return {"points": points, "breaks": breaks}


def bounds(geometry: BaseGeometry | None, margin: float = 0.05) -> list[list[float]] | None:
    if geometry is None or geometry.is_empty:
        return None
    minx, miny, maxx, maxy = geometry.bounds
    dx, dy = (maxx - minx) * margin, (maxy - miny) * margin
    return [[round(miny - dy, 3), round(minx - dx, 3)], [round(maxy + dy, 3), round(maxx + dx, 3)]]


def country_bounds(geometries: list[BaseGeometry | None]) -> list[list[float]] | None:
    """The box around every region (the whole country, visited or not)."""
    boxes = [g.bounds for g in geometries if g is not None and not g.is_empty]
    if not boxes:
        return None
    corners = np.array(boxes)
    return bounds(box(corners[:, 0].min(), corners[:, 1].min(), corners[:, 2].max(), corners[:, 3].max()), margin=0.02)

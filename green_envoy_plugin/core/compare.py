"""Findings against an official layer: which the registry already knows, which it does not, and which
registry entries along the route the expedition did not report.

Distances are measured in metres in the Lambert conformal conic fitted to Kazakhstan (scale 0.9986 at 48 N,
1.0059 at 41 N, 1.0076 at 55.5 N: under 1 % anywhere in the country, a few metres at the distances compared
here); point-to-point distances are then taken on the ellipsoid. The route is simplified to about 25 m
for the corridor test.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import shapely
from shapely.geometry import LineString, Point, box
from shapely.geometry.base import BaseGeometry
from shapely.strtree import STRtree

from .geodesy import WGS84

KAZAKHSTAN_LCC = "+proj=lcc +lat_0=48 +lon_0=68 +lat_1=45 +lat_2=51 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs"
MATCHES, NEAR, NOT_OFFICIAL = "matches official record", "near an official record", "not in the official layer"
CLASSES = (MATCHES, NEAR, NOT_OFFICIAL)
# The Lambert conformal conic on the WGS84 ellipsoid, computed here (Snyder, Map Projections: A Working Manual,
# 1987, eqs. 15-1 to 15-10) rather than through pyproj: the comparison runs in QGIS background tasks, and pyproj
# made in or used from such a thread crashed QGIS 3.40's process (trixie, pyproj 3.7). The same numbers as PROJ's
# lcc to well under a millimetre (tests/test_official.py compares them).
_A = 6378137.0
_F = 1 / 298.257223563
_E = float(np.sqrt(2 * _F - _F * _F))
_LAT0, _LON0, _LAT1, _LAT2 = np.radians([48.0, 68.0, 45.0, 51.0])


def _m(phi: np.ndarray | float) -> np.ndarray:
    return np.cos(phi) / np.sqrt(1 - (_E * np.sin(phi)) ** 2)


def _t(phi: np.ndarray | float) -> np.ndarray:
    sin = _E * np.sin(phi)
    return np.tan(np.pi / 4 - np.asarray(phi) / 2) / ((1 - sin) / (1 + sin)) ** (_E / 2)


_N = float((np.log(_m(_LAT1)) - np.log(_m(_LAT2))) / (np.log(_t(_LAT1)) - np.log(_t(_LAT2))))
_AF = float(_A * _m(_LAT1) / (_N * _t(_LAT1) ** _N))
_RHO0 = float(_AF * _t(_LAT0) ** _N)


def to_metres(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """WGS84 lon/lat in degrees to metres in KAZAKHSTAN_LCC."""
    rho = _AF * _t(np.radians(np.asarray(lat, float))) ** _N
    theta = _N * (np.radians(np.asarray(lon, float)) - _LON0)
    return np.asarray(rho * np.sin(theta)), np.asarray(_RHO0 - rho * np.cos(theta))


def geometry_to_metres(geom: BaseGeometry) -> BaseGeometry:
    if hasattr(shapely, "transform"):  # shapely 2 (trixie, sid): all coordinates in one array, in one call
        return shapely.transform(geom, lambda xy: np.column_stack(to_metres(xy[:, 0], xy[:, 1])))
    from shapely.ops import transform  # shapely 1.8 (bookworm)

    return transform(lambda x, y, z=None: to_metres(np.asarray(x), np.asarray(y)), geom)


def _densify_degrees(coords: np.ndarray, step: float) -> np.ndarray:
    """Vertices added so that no segment is longer than step degrees."""
    gaps = np.hypot(*np.diff(coords, axis=0).T)
    counts = np.maximum(1, np.ceil(gaps / step).astype(int))
    if (counts == 1).all():
        return coords
    parts = [coords[:1]]
    for (a, b), k in zip(pairwise(coords), counts):
        t = (np.arange(1, k + 1) / k)[:, None]
        parts.append(a + (b - a) * t)
    return np.concatenate(parts)


def _indices(found: object, index_of: dict[int, int]) -> list[int]:
    """STRtree answers geometries (shapely 1.8, Debian's) or indices (shapely 2): indices either way."""
    items = list(found) if isinstance(found, list | tuple | np.ndarray) else [found]
    return [int(g) if isinstance(g, int | np.integer) else index_of[id(g)] for g in items]


@dataclass
class Comparison:
    nearest: np.ndarray  # per finding: index of the nearest official feature (-1: none)
    distance_m: np.ndarray  # per finding
    classes: list[str]  # per finding
    unreported: np.ndarray  # indices of official features along the route that no finding matches
    unreported_distance_m: np.ndarray  # their distance to the route


def _nearest_points(fx: np.ndarray, fy: np.ndarray, ox: np.ndarray, oy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Nearest official point of each finding, by chunks of squared distances (no index needed at this size)."""
    nearest = np.full(len(fx), -1, dtype=np.int64)
    dist2 = np.full(len(fx), np.inf)
    if len(ox) == 0:
        return nearest, dist2
    chunk = max(1, 4_000_000 // max(1, len(ox)))
    for start in range(0, len(fx), chunk):
        dx = fx[start: start + chunk, None] - ox[None, :]
        dy = fy[start: start + chunk, None] - oy[None, :]
        d2 = dx * dx + dy * dy
        k = np.argmin(d2, axis=1)
        nearest[start: start + chunk] = k
        dist2[start: start + chunk] = d2[np.arange(len(k)), k]
    return nearest, dist2


def compare(findings_lon: np.ndarray, findings_lat: np.ndarray, official: list[BaseGeometry],
            route: list[tuple[np.ndarray, np.ndarray]], match_m: float = 250.0, near_m: float = 1000.0,
            corridor_m: float = 2000.0) -> Comparison:
    """Classify each finding by its distance to the nearest official feature (points, lines or polygons,
    in lon/lat), and find the official features within corridor_m of the route that no finding matches."""
    fx, fy = to_metres(findings_lon, findings_lat)
    all_points = bool(official) and all(g.geom_type == "Point" for g in official)
    if all_points:
        olon = np.array([g.x for g in official])
        olat = np.array([g.y for g in official])
        ox, oy = to_metres(olon, olat)
        nearest, _dist2 = _nearest_points(fx, fy, ox, oy)
        has = nearest >= 0
        distance = np.full(len(fx), np.inf)
        if has.any():  # the ellipsoid for the final figure
            distance[has] = WGS84.inv(findings_lon[has], findings_lat[has], olon[nearest[has]], olat[nearest[has]])[2]
        official_m = [Point(x, y) for x, y in zip(ox, oy)]
    else:
        official_m = [geometry_to_metres(g) for g in official]
        nearest = np.full(len(fx), -1, dtype=np.int64)
        distance = np.full(len(fx), np.inf)
        if official_m:
            tree = STRtree(official_m)
            index_of = {id(g): i for i, g in enumerate(official_m)}
            for i, (x, y) in enumerate(zip(fx, fy)):
                point = Point(x, y)
                k = _indices(tree.nearest(point), index_of)[0]
                nearest[i] = k
                distance[i] = official_m[k].distance(point)
    classes = [MATCHES if d <= match_m else NEAR if d <= near_m else NOT_OFFICIAL for d in distance]

    # Official features along the route: route pieces of ~100 vertices in an R-tree, each feature asks for
    # the pieces within the corridor.
    pieces = []
    for lon, lat in route:
        if len(lon) < 2:
            continue
        # Simplified before projecting (0.0002 deg is about 15-22 m here): a 1 Hz day shrinks a hundredfold.
        thin = np.asarray(LineString(np.column_stack((lon, lat))).simplify(0.0002, preserve_topology=False).coords)
        thin = _densify_degrees(thin, 0.05)  # long straight runs in degrees are arcs in metres: keep chords short
        coords = np.column_stack(to_metres(thin[:, 0], thin[:, 1]))
        for start in range(0, len(coords) - 1, 100):
            part = coords[start: start + 101]
            if len(part) >= 2:
                pieces.append(LineString(part))
    matched = set(nearest[np.asarray(distance) <= match_m].tolist())
    unreported, unreported_distance = [], []
    if pieces and official_m:
        route_tree = STRtree(pieces)
        piece_of = {id(g): i for i, g in enumerate(pieces)}
        for i, geom in enumerate(official_m):
            if i in matched:
                continue
            x0, y0, x1, y1 = geom.bounds
            candidates = _indices(route_tree.query(box(x0 - corridor_m, y0 - corridor_m, x1 + corridor_m,
                                                       y1 + corridor_m)), piece_of)
            if not candidates:
                continue
            d = min(pieces[c].distance(geom) for c in candidates)
            if d <= corridor_m:
                unreported.append(i)
                unreported_distance.append(d)
    return Comparison(nearest, distance, classes, np.array(unreported, dtype=np.int64),
                      np.array(unreported_distance, dtype=np.float64))


# The space-monitoring service's classes of waste sites (2023: 5,552 unauthorised dumps, 688 sanctioned sites, 393
# landfill-boundary violations), and the words by which a registry's class field is mapped to them, in the order
# tried: a boundary violation names a landfill too, and "несанкционированная" contains "санкционирован".
UNAUTHORISED, SANCTIONED, BOUNDARY = "unauthorised dump", "sanctioned site", "landfill-boundary violation"
WASTE_SITE_CLASSES = (UNAUTHORISED, SANCTIONED, BOUNDARY)
CLASS_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (BOUNDARY, ("boundary", "границ", "шекара", "violation", "нарушен", "бұзушылық")),
    (UNAUTHORISED, ("unauthoris", "unauthoriz", "illegal", "informal", "несанкционир", "стихийн", "незаконн",
                    "рұқсатсыз", "заңсыз", "detected")),
    (SANCTIONED, ("sanction", "landfill", "полигон", "санкционир", "operating", "closed", "planned", "official",
                  "ресми", "рұқсат етілген")),
)
# OpenStreetMap (GDAL's OSM driver): landuse=landfill is a waste site; informal=yes marks one no authority runs.
OSM_LANDFILL, OSM_INFORMAL = "landfill (OpenStreetMap)", "informal dump (OpenStreetMap informal=yes)"


def waste_site_class(value: object) -> str | None:
    """A registry's class value as one of WASTE_SITE_CLASSES, or None when no word of CLASS_WORDS is in it."""
    text = str(value or "").strip().lower()
    if not text:
        return None
    for name, words in CLASS_WORDS:
        if any(word in text for word in words):
            return name
    return None


def osm_tags(other_tags: str | None) -> dict[str, str]:
    """GDAL's OSM `other_tags` field ("key"=>"value","key2"=>"value2") as a dict."""
    tags: dict[str, str] = {}
    for part in (other_tags or "").split('","'):
        if "=>" in part:
            key, value = part.split("=>", 1)
            tags[key.strip().strip('"')] = value.strip().strip('"')
    return tags


def osm_waste_kind(landuse: str | None, other_tags: str | None) -> str | None:
    """OSM_LANDFILL or OSM_INFORMAL for a landuse=landfill feature (informal=yes separated), else None."""
    tags = osm_tags(other_tags)
    if (landuse or tags.get("landuse")) != "landfill":
        return None
    return OSM_INFORMAL if tags.get("informal") == "yes" else OSM_LANDFILL

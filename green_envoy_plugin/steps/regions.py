"""Regions: the route split exactly at region boundaries, findings and media given their region and nearest
settlement, the `regions` table with each region's statistics, elevation profile and page figures, and the
route generalised for maps."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from osgeo import ogr

from ..core.categories import CATEGORIES
from ..core.cleaning import TrackPart
from ..core.compare import MATCHES, NEAR, NOT_OFFICIAL
from ..core.geodesy import WGS84, step_lengths
from ..core.gpx import Fixes
from ..core.places import bearing
from ..core.profiles import region_profiles
from ..core.region_names import localised_names
from ..core.regions import OUTSIDE, Region, RegionIndex, RegionStats, split_route, visits
from ..core.tracks import LOCAL_TZ
from ..errors import StepError
from ..io.vector import load_features, load_regions
from ..store import gpkg
from ..store.bulk import BulkWriter, point_xy, read_rows, read_track_rows
from ..store.queries import page_photos
from ._common import file_stem
from .feedback import Feedback, SilentFeedback, check_canceled
from .media import link_media


@dataclass
class RegionSummary:
    stats: list[RegionStats]
    outside: RegionStats
    findings: dict[str, int]
    media: dict[str, int]

    @property
    def visited(self) -> list[RegionStats]:
        return [s for s in self.stats if s.visited]

    @property
    def total_km(self) -> float:
        return (sum(s.distance_m for s in self.stats) + self.outside.distance_m) / 1000.0

    def table(self) -> str:
        head = f"{'region':<26}{'km':>9}{'days':>6}  {'first day':<11} {'last day':<11}{'findings':>9}{'photos':>7}"
        lines = [head, "-" * len(head)]
        for s in sorted(self.visited, key=lambda s: s.first_time):
            first = datetime.fromtimestamp(s.first_time, LOCAL_TZ).date().isoformat() if s.days else "-"
            last = datetime.fromtimestamp(s.last_time, LOCAL_TZ).date().isoformat() if s.days else "-"
            lines.append(f"{s.name:<26}{s.distance_m / 1000:9.1f}{len(s.days):6d}  {first:<11} {last:<11}"
                         f"{self.findings.get(s.name, 0):9d}{self.media.get(s.name, 0):7d}")
        lines.append("-" * len(head))
        if self.outside.distance_m > 0:
            lines.append(f"{'outside all regions':<26}{self.outside.distance_m / 1000:9.1f}")
        all_days = set().union(*(s.days for s in self.stats), self.outside.days)
        lines.append(f"{'total':<26}{self.total_km:9.1f}{len(all_days):6d}{'':25}"
                     f"{sum(self.findings.values()):9d}{sum(self.media.values()):7d}")
        return "\n".join(lines)


def store_profiles(gpkg_path: str, profiles: dict[str, tuple]) -> None:
    """The regions' profiles into `regions.profile` (JSON), so that no atlas export reads the raw fixes, and
    the ascent counted on each (the one its page states beside it); a visited region the route only grazed gets
    an empty one (stored, not missing) and no ascent."""
    with BulkWriter(gpkg_path, tables=("regions",)) as writer:
        writer.conn.execute("UPDATE regions SET profile = CASE WHEN visited = 1 THEN '[[], [], []]' END")
        # A profile without its ascent (read back from a store: km, m, visit starts) leaves the stored ascent.
        writer.conn.executemany("UPDATE regions SET profile = ?, ascent_m = coalesce(?, ascent_m) WHERE name = ?", [
            (json.dumps([[round(float(v), 3) for v in profile[0]], [round(float(v), 1) for v in profile[1]],
                         [int(i) for i in profile[2]]]),
             round(float(profile[3])) if len(profile) > 3 else None, name)
            for name, profile in profiles.items()])


def assign_regions(gpkg_path: str, regions: str | list[tuple[Region, bytes]], name_field: str = "ADM1_EN",
                   code_field: str = "ADM1_PCODE", feedback: Feedback | None = None,
                   settlements: str | tuple | None = None, settlement_field: str = "name",
                   districts: str | list[tuple[Region, bytes]] | None = None, district_field: str = "name",
                   district_code_field: str = "code") -> RegionSummary:
    """Split the route at region boundaries, give findings and media their region, write `regions`; with
    `districts` (any polygon layer: the sample's kz_districts.gpkg), findings, km and days by district too.

    `regions` and `districts` are paths GDAL reads, or polygons already loaded (the QGIS adapter turns any
    layer into them).
    """
    feedback = feedback or SilentFeedback()
    loaded = load_regions(regions, name_field, code_field) if isinstance(regions, str) else regions
    if not loaded:
        raise StepError("the regions layer has no polygons")
    index = RegionIndex([r for r, _raw in loaded])
    district_polygons = None
    if districts is not None:
        district_polygons = (load_regions(districts, district_field, district_code_field)
                             if isinstance(districts, str) else districts)
        if not district_polygons:
            raise StepError("the districts layer has no polygons")
    gpkg.open_store(gpkg_path)
    link_media(gpkg_path)  # findings may have come after the media
    if settlements is not None:
        assign_settlements(gpkg_path, settlements, settlement_field)
    ds = gpkg.open_store(gpkg_path)
    feedback.setProgress(5)
    parts = _parts_from_store(gpkg_path)
    check_canceled(feedback)
    stats, outside = split_route(parts, index)
    profiles = region_profiles(((p.fixes.lon, p.fixes.lat, p.fixes.ele, p.fixes.time) for p in parts), index,
                               {s.name: s.distance_m / 1000.0 for s in stats})  # fixes read once
    for s in stats:  # the ascent of the profile the page plots (see core.profiles.page_profile)
        s.ascent_m = float(profiles[s.name][3]) if s.name in profiles else 0.0
    feedback.setProgress(70)
    counts: dict[str, dict[str, int]] = {}
    with gpkg.transaction(ds):
        for table in ("findings", "media"):
            rows = gpkg.read_points(ds, table)
            where = index.locate(np.array([r[1] for r in rows]), np.array([r[2] for r in rows]))
            names = index.names(where)
            gpkg.update_field(ds, table, {r[0]: name for r, name in zip(rows, names)}, "region")
            counts[table] = {}
            for name in names:
                if name is not None:
                    counts[table][name] = counts[table].get(name, 0) + 1
        gpkg.clear_table(ds, "regions")
        layer = ds.GetLayerByName("regions")
        for (region, raw), s in zip(loaded, stats):
            # Stored for maps, generalised by ~20 m (invisible even on a city's page); the statistics above
            # used the exact polygons.
            geom = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(raw).SimplifyPreserveTopology(
                REGION_MAP_TOLERANCE_DEG))
            geom.FlattenTo2D()  # a boundary layer with heights gives 3D polygons: the table is 2D
            visited = s.visited
            gpkg.new_row(layer, {
                "name": region.name, "code": region.code, "visited": int(visited),
                "km": round(s.distance_m / 1000.0, 1), "moving_h": round(s.moving_s / 3600.0, 1),
                "days": len(s.days), "ascent_m": round(s.ascent_m),
                "first_day": datetime.fromtimestamp(s.first_time, LOCAL_TZ).date().isoformat() if s.days else None,
                "last_day": datetime.fromtimestamp(s.last_time, LOCAL_TZ).date().isoformat() if s.days else None,
                "findings": counts["findings"].get(region.name, 0), "media": counts["media"].get(region.name, 0),
                "file_stem": file_stem(region.name),
                **dict(zip(("name_ru", "name_kk"), localised_names(region.name, region.code, region.names))),
                "visits": json.dumps([[first.isoformat(), last.isoformat(), count]
                                      for first, last, count in visits(s.days)]) if visited else None,
            }, geom)
    ds = None
    write_route_overview(gpkg_path)
    store_profiles(gpkg_path, profiles)
    store_totals(gpkg_path, stats, outside)
    if district_polygons is not None:
        assign_districts(gpkg_path, parts, district_polygons, index)
    store_page_figures(gpkg_path)
    feedback.setProgress(100)
    return RegionSummary(stats, outside, counts["findings"], counts["media"])


OVERVIEW_TOLERANCE_DEG = 0.0001  # about 8-11 m: invisible at the scales of a region's page
REGION_MAP_TOLERANCE_DEG = 0.0002


def write_route_overview(gpkg_path: str) -> int:
    """The route generalised once for maps (atlas pages, overview insets): a day of 1 Hz fixes shrinks from
    tens of thousands of vertices to a few hundred, so pages draw in a fraction of the time."""
    from shapely.geometry import LineString

    gpkg.open_store(gpkg_path)  # an older store gains the table
    rows = read_track_rows(gpkg_path)
    days = sorted({day for _fid, day, _c in rows if day})
    day_index = {day: k + 1 for k, day in enumerate(days)}
    with BulkWriter(gpkg_path, tables=("route_overview",)) as writer:
        writer.conn.execute("DELETE FROM route_overview")
        for fid, day, coords in rows:
            if len(coords) < 2:
                continue
            line = LineString(coords[:, :2]).simplify(OVERVIEW_TOLERANCE_DEG, preserve_topology=False)
            xy = np.asarray(line.coords)
            hours = (coords[-1, 3] - coords[0, 3]) / 3600.0
            km = float(step_lengths(coords[:, 0], coords[:, 1]).sum()) / 1000.0
            writer.add_line("route_overview", xy[:, 0], xy[:, 1], {
                "track_fid": fid, "day": day, "day_index": day_index.get(day),
                "avg_speed_kmh": km / hours if hours > 0 else None})
    return len(rows)


def store_totals(gpkg_path: str, stats: list[RegionStats], outside: RegionStats) -> None:
    """The whole route's km (the regions' and the part outside all of them: 22.6 km in the sample, left out
    of the overview's total before), days and dates, for the combined atlas's overview."""
    every = [s for s in stats if s.visited] + ([outside] if outside.distance_m > 0 else [])
    days = set().union(*(s.days for s in every)) if every else set()
    with BulkWriter(gpkg_path, tables=("route_totals",)) as writer:
        writer.conn.execute("DELETE FROM route_totals")
        writer.conn.execute(
            "INSERT INTO route_totals (km, km_outside, days, first_day, last_day) VALUES (?, ?, ?, ?, ?)",
            (round((sum(s.distance_m for s in stats) + outside.distance_m) / 1000.0, 1),
             round(outside.distance_m / 1000.0, 1), len(days),
             min(days).isoformat() if days else None, max(days).isoformat() if days else None))


def assign_districts(gpkg_path: str, parts: list[TrackPart], polygons: list[tuple[Region, bytes]],
                     regions: RegionIndex) -> int:
    """Km and days of the route in each district (cut exactly at its boundaries, like the regions), each
    finding's district, and the `districts` table of those the route or a finding enters, each with the region
    it lies in (the region holding most of it, by a point inside it). Returns the districts written."""
    index = RegionIndex([r for r, _raw in polygons])
    stats, _outside = split_route(parts, index)
    found = read_rows(gpkg_path, "SELECT fid, geom FROM findings WHERE geom IS NOT NULL")
    xy = np.array([point_xy(g) for _fid, g in found]).reshape(-1, 2)
    where = index.locate(xy[:, 0], xy[:, 1]) if len(xy) else np.zeros(0, dtype=np.int64)
    counts = np.bincount(where[where != OUTSIDE], minlength=len(index)) if len(where) else np.zeros(len(index))
    inside = [r.geometry.representative_point() for r in index.regions]
    region_of = regions.names(regions.locate(np.array([p.x for p in inside]), np.array([p.y for p in inside])))
    with BulkWriter(gpkg_path, tables=("findings", "districts")) as writer:
        writer.conn.executemany("UPDATE findings SET district = ? WHERE fid = ?", [
            (index.regions[w].name if w != OUTSIDE else None, fid) for (fid, _g), w in zip(found, where)])
        writer.conn.execute("DELETE FROM districts")
    ds = gpkg.open_store(gpkg_path)
    written = 0
    with gpkg.transaction(ds):
        layer = ds.GetLayerByName("districts")
        for k, ((district, raw), s) in enumerate(zip(polygons, stats)):
            if not s.visited and not counts[k]:
                continue
            geom = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(raw).SimplifyPreserveTopology(
                REGION_MAP_TOLERANCE_DEG))
            geom.FlattenTo2D()
            russian, kazakh = district.names.get("ru"), district.names.get("kk")
            gpkg.new_row(layer, {"name": district.name, "name_ru": russian, "name_kk": kazakh,
                                 "code": district.code, "region": region_of[k], "km": round(s.distance_m / 1000.0, 1),
                                 "days": len(s.days), "findings": int(counts[k])}, geom)
            written += 1
    ds = None
    return written


def _parts_from_store(gpkg_path: str) -> list[TrackPart]:
    parts = []
    for _fid, _day, coords in read_track_rows(gpkg_path, timeless=True):  # km of untimed tracks count too
        lon, lat, ele, time = (np.ascontiguousarray(coords[:, i]) for i in range(4))
        steps = step_lengths(lon, lat)
        speed = np.zeros(len(time))
        speed[1:] = steps / np.maximum(np.diff(time), 1e-9)
        parts.append(TrackPart(Fixes(lon, lat, ele, time), speed, steps))
    return parts


def assign_settlements(gpkg_path: str, settlements: str | tuple[list[str], list], name_field: str = "name") -> int:
    """Each finding's nearest settlement (any point or polygon layer; its name field) and the distance."""
    from ..core.compare import _nearest_points, to_metres

    names, geoms = load_features(settlements, name_field) if isinstance(settlements, str) else settlements
    points = [g.representative_point() for g in geoms]
    found = read_rows(gpkg_path, "SELECT fid, geom FROM findings WHERE geom IS NOT NULL")
    if not found or not points:
        return 0
    xy = np.array([point_xy(g) for _fid, g in found])
    slon, slat = np.array([p.x for p in points]), np.array([p.y for p in points])
    nearest, _d2 = _nearest_points(*to_metres(xy[:, 0], xy[:, 1]), *to_metres(slon, slat))
    distance = WGS84.inv(xy[:, 0], xy[:, 1], slon[nearest], slat[nearest])[2]
    # The direction from the settlement to the finding: a page says "273 km NW of Atyrau", not "near Atyrau".
    compass = [bearing(slon[k], slat[k], x, y) for (x, y), k in zip(xy, nearest)]
    with BulkWriter(gpkg_path, tables=("findings",)) as writer:
        writer.conn.executemany("UPDATE findings SET settlement_nearest = ?, settlement_distance_m = ?, "
                                "settlement_bearing = ? WHERE fid = ?",
                                [(names[k], round(float(d), 1), c, fid) for (fid, _g), k, d, c in
                                 zip(found, nearest, distance, compass)])
    return len(found)


def store_page_figures(gpkg_path: str) -> None:
    """Per visited region, the figures its atlas pages print: findings by category, the official comparison
    (matches, near, not in it, records along the route not reported) and the number of photos its page
    shows; written into `regions` so that the pages read plain fields (no per-page aggregates, which QGIS
    3.22 resolves only in its main project). Run by assign_regions and compare_official, whose results they
    count, and by every atlas entry point just before an export (`app.atlas`): findings edited in QGIS or
    media imported since change them, and the atlas itself only reads the store."""
    gpkg.open_store(gpkg_path)  # an older store gains the page-figure fields
    regions = [r[0] for r in read_rows(gpkg_path, "SELECT name FROM regions WHERE visited = 1")]
    by_category = read_rows(gpkg_path, "SELECT region, category, COUNT(*) FROM findings GROUP BY region, category")
    by_class = read_rows(gpkg_path, "SELECT region, official_class, COUNT(*) FROM findings GROUP BY region, "
                                    "official_class")
    unreported = dict(read_rows(gpkg_path, "SELECT region, COUNT(*) FROM official_unreported GROUP BY region"))
    photos = page_photos(gpkg_path)
    figures = {name: {f"n_{key}": 0 for key in CATEGORIES} for name in regions}
    for name in regions:
        figures[name].update(n_official_match=0, n_official_near=0, n_official_not=0,
                             n_photos=len(photos.get(name, [])), n_unreported=int(unreported.get(name, 0)))
    for region, category, count in by_category:
        if region in figures and f"n_{category}" in figures[region]:
            figures[region][f"n_{category}"] = count
    names = {MATCHES: "n_official_match", NEAR: "n_official_near", NOT_OFFICIAL: "n_official_not"}
    for region, official_class, count in by_class:
        if region in figures and official_class in names:
            figures[region][names[official_class]] = count
    if not figures:
        return
    columns = list(next(iter(figures.values())).keys())
    with BulkWriter(gpkg_path, tables=("regions",)) as writer:
        writer.conn.executemany(
            f"UPDATE regions SET {', '.join(f'{c} = ?' for c in columns)} WHERE name = ?",
            [(*values.values(), name) for name, values in figures.items()])

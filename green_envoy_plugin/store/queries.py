"""Read-only queries of the expedition GeoPackage that both the steps and the atlas need.

The atlas reads the store through this module only; it never writes (the steps do).
"""

from __future__ import annotations

import json

import numpy as np
from shapely import wkb as shapely_wkb

from ..core.profiles import region_profiles
from ..core.regions import Region, RegionIndex
from .access import StoreError
from .bulk import read_rows, read_track_rows, wkb_of

PAGE_PHOTOS = 4  # the photo places on a region's second atlas page; `regions.n_photos` counts up to this


def visited_regions(gpkg_path: str) -> list[tuple[str, str]]:
    """(name, file_stem) of each region the route visited."""
    return read_rows(gpkg_path, "SELECT name, file_stem FROM regions WHERE visited = 1")


def regions_without_findings(gpkg_path: str) -> set[str]:
    """Names of the visited regions the store counts no findings in (their atlas page has no second page)."""
    return {name for (name,) in read_rows(gpkg_path, "SELECT name FROM regions WHERE visited = 1 "
                                                      "AND coalesce(findings, 0) = 0")}


# A photo the pages can show: its stored thumbnail, or (stored without one: the camera embedded none) its original
# where the import read it, decoded when the page is made
_PICTURED = "(m.thumbnail IS NOT NULL OR (m.kind = 'photo' AND m.media_folder IS NOT NULL))"


def page_photos(gpkg_path: str, per_region: int = PAGE_PHOTOS) -> dict[str | None, list[bytes | None]]:
    """Per region, the stored thumbnails of the photos its atlas page shows (None: made from the original): the
    photos of the most severe findings first, then by time; at most `per_region`."""
    rows = read_rows(gpkg_path, "SELECT m.region, m.thumbnail FROM media m LEFT JOIN findings f "
                                f"ON f.finding_id = m.finding_id WHERE {_PICTURED} "
                                "ORDER BY m.region, coalesce(f.severity, 0) DESC, m.taken_at")
    photos: dict[str | None, list[bytes | None]] = {}
    for region, thumbnail in rows:
        chosen = photos.setdefault(region, [])
        if len(chosen) < per_region:
            chosen.append(thumbnail)
    return photos


def profiles_from_store(gpkg_path: str) -> dict[str, tuple]:
    """The visited regions' profiles computed from the store's tracks, for a store assign-regions has not
    given them (made before schema 8)."""
    rows = read_rows(gpkg_path, "SELECT name, code, geom, km FROM regions WHERE visited = 1")
    index = RegionIndex([Region(n, c or "", shapely_wkb.loads(wkb_of(g))) for n, c, g, _km in rows])
    profiles = region_profiles(((c[:, 0], c[:, 1], c[:, 2], c[:, 3]) for _fid, _day, c in
                                read_track_rows(gpkg_path)), index, {n: km for n, _c, _g, km in rows if km})
    return {name: profile[:3] for name, profile in profiles.items()}  # (km, m, visit starts), as stored


def stored_profiles(gpkg_path: str) -> dict[str, tuple | None]:
    """The visited regions' profiles as assign-regions stored them: (km, elevation m, visit starts); computed
    from the tracks instead for a store that has none (made before schema 8)."""
    rows = read_rows(gpkg_path, "SELECT name, profile FROM regions WHERE visited = 1")
    if any(profile is None for _name, profile in rows):
        computed = profiles_from_store(gpkg_path)
        return {name: computed.get(name) for name, _profile in rows}
    profiles: dict[str, tuple | None] = {}
    for name, profile in rows:
        values = json.loads(profile)
        profiles[name] = (np.array(values[0], dtype=np.float64), np.array(values[1], dtype=np.float64),
                          values[2] if len(values) > 2 else [])
    return profiles


def page_fact_rows(gpkg_path: str) -> dict[str, list[tuple]]:
    """What the atlas pages state beside the regions' fields (atlas/facts.py): each visited region's visits,
    the districts (name in each language, region, km, days, findings), each finding's district and nearest
    settlement (name, distance, compass bearing), the route's totals, the official layers compared with, and
    the photos with their findings (most severe first)."""
    def rows(sql: str) -> list[tuple]:
        try:
            return read_rows(gpkg_path, sql)
        except StoreError as exc:  # a store from before schema 10 lacks the table or field: nothing to state
            if "no such" not in str(exc):
                raise
            return []

    return {
        "regions": rows("SELECT name, visits, first_day, last_day, days FROM regions WHERE visited = 1"),
        "districts": rows("SELECT name, name_ru, name_kk, region, km, days, findings FROM districts"),
        "findings": rows("SELECT finding_id, region, district, settlement_nearest, settlement_distance_m, "
                         "settlement_bearing, settlement FROM findings"),
        "totals": rows("SELECT km, km_outside, days, first_day, last_day FROM route_totals"),
        "official": rows("SELECT DISTINCT official_layer FROM official_unreported WHERE official_layer IS NOT NULL"),
        "compared": rows("SELECT COUNT(*) FROM findings WHERE official_class IS NOT NULL"),
        # when compare-official last wrote its table (GeoPackage's own record of the table's last change)
        "compared_at": rows("SELECT last_change FROM gpkg_contents WHERE table_name = 'official_unreported'"),
        # the layer compared with, its own date and that date's source (schema 11; empty before)
        "official_layers": rows("SELECT name, official_date, date_source, compared_at FROM official_layers"),
        "photos": rows("SELECT m.region, m.path, m.thumbnail, m.finding_id, coalesce(f.observed_at, m.taken_at), "
                       "f.severity, m.media_folder FROM media m LEFT JOIN findings f ON f.finding_id = m.finding_id "
                       f"WHERE {_PICTURED} AND m.region IS NOT NULL "
                       "ORDER BY m.region, coalesce(f.severity, 0) DESC, m.taken_at"),
    }

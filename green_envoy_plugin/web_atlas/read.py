"""What the web atlas shows, read from the expedition store (read-only SQLite: store.bulk.read_rows, the queries the
PDF atlas uses): regions, the generalised route, findings, media, the registry records along the route and each
region's elevation profile with the place of every point (so the profile can point at the map).

Nothing here writes the store; the figures are counted from the rows themselves, so findings edited in QGIS since
the last assign-regions are counted as they are now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import numpy as np
from shapely import wkb as shapely_wkb
from shapely.geometry.base import BaseGeometry

from ..core.compare import MATCHES, NEAR, NOT_OFFICIAL
from ..core.profiles import region_profiles
from ..core.regions import Region, RegionIndex
from ..core.tracks import LOCAL_TZ
from ..store.bulk import point_xy, read_rows, read_track_rows, wkb_of
from ..store.queries import stored_profiles

OFFICIAL_KEYS = {MATCHES: "match", NEAR: "near", NOT_OFFICIAL: "not"}


@dataclass
class StoreRegion:
    name: str
    names: dict[str, str]  # en, ru, kk (the English name where the store has no translation)
    stem: str
    visited: bool
    geometry: BaseGeometry | None
    figures: dict[str, Any]  # km, days, moving_h, ascent_m, first_day, last_day


@dataclass
class Expedition:
    regions: list[StoreRegion] = field(default_factory=list)
    route: list[tuple[str | None, np.ndarray]] = field(default_factory=list)  # (local day, (n, 2) lon/lat)
    findings: list[dict[str, Any]] = field(default_factory=list)
    media: list[dict[str, Any]] = field(default_factory=list)
    official: list[dict[str, Any]] = field(default_factory=list)  # registry records along the route, not reported
    official_layers: list[str] = field(default_factory=list)
    total_km: float = 0.0
    days: list[str] = field(default_factory=list)  # the local days with a track, in order

    @property
    def first_day(self) -> date | None:
        candidates = list(self.days) + [f["time"][:10] for f in self.findings if f.get("time")]
        return date.fromisoformat(min(candidates)) if candidates else None


def local_time(iso_utc: str | None) -> str | None:
    """A stored UTC time as the expedition's local time (UTC+5, all of Kazakhstan since 2024), to the minute."""
    if not iso_utc:
        return None
    try:
        stamp = datetime.fromisoformat(iso_utc.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return stamp.strftime("%Y-%m-%dT%H:%M")
    return stamp.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")


def _geometry(blob: bytes | None) -> BaseGeometry | None:
    if blob is None or len(blob) < 8 or blob[3] & 0x10:  # none, or GeoPackage's empty-geometry flag
        return None
    return shapely_wkb.loads(bytes(wkb_of(blob)))


def _xy(blob: bytes | None) -> tuple[float, float] | None:
    if blob is None or len(blob) < 8 or blob[3] & 0x10:
        return None
    lon, lat = point_xy(blob)
    return (lon, lat) if np.isfinite(lon) and np.isfinite(lat) else None


def _safe_stem(stem: str, number: int, taken: set[str]) -> str:
    """The region's file stem as a plain file name: a store edited to hold a path ("../x") or nothing still
    writes its pages inside the atlas folder, each under a name of its own."""
    safe = re.sub(r"[^A-Za-z0-9_-]+", "_", stem).strip("_")[:80] or f"region_{number}"
    unique, k = safe, 2
    while unique in taken:
        unique, k = f"{safe}_{k}", k + 1
    return unique


def _visits(gpkg_path: str) -> dict[str, list]:
    """Each region's visits ([[first, last, days], ...], assign-regions since schema 10); none in older stores."""
    import json
    import sqlite3

    try:
        rows = read_rows(gpkg_path, "SELECT name, visits FROM regions WHERE visits IS NOT NULL")
    except sqlite3.Error:
        return {}
    out: dict[str, list] = {}
    for name, text in rows:
        try:
            out[name] = [list(v) for v in json.loads(text)]
        except (TypeError, ValueError):
            continue
    return out


def read_regions(gpkg_path: str) -> list[StoreRegion]:
    rows = read_rows(gpkg_path, "SELECT name, name_ru, name_kk, file_stem, visited, km, days, moving_h, ascent_m, "
                                "first_day, last_day, geom FROM regions ORDER BY first_day IS NULL, first_day, name")
    visits = _visits(gpkg_path)
    regions: list[StoreRegion] = []
    for name, name_ru, name_kk, stem, visited, km, days, moving_h, ascent_m, first_day, last_day, geom in rows:
        regions.append(StoreRegion(
            name=name, names={"en": name, "ru": name_ru or name, "kk": name_kk or name},
            stem=_safe_stem(stem or "", len(regions) + 1, {r.stem for r in regions}),
            visited=bool(visited), geometry=_geometry(geom),
            figures={"km": km, "days": days, "moving_h": moving_h, "ascent_m": ascent_m, "first_day": first_day,
                     "last_day": last_day, "visits": visits.get(name, [])}))
    return regions


def read_route(gpkg_path: str) -> list[tuple[str | None, np.ndarray]]:
    """The route as assign-regions generalised it (route_overview, ~10 m); the tracks themselves for a store
    without it."""
    rows = read_rows(gpkg_path, "SELECT day, geom FROM route_overview WHERE geom IS NOT NULL ORDER BY day, fid")
    route = []
    for day, geom in rows:
        line = _geometry(geom)
        if line is not None and not line.is_empty:
            route.append((day, np.asarray(line.coords)[:, :2]))
    if not route:
        route = [(day, coords[:, :2]) for _fid, day, coords in read_track_rows(gpkg_path)]
    return route


def read_findings(gpkg_path: str) -> list[dict[str, Any]]:
    rows = read_rows(gpkg_path, "SELECT finding_id, observed_at, category, case_type, severity, concerns, settlement, "
                                "description, region, settlement_nearest, settlement_distance_m, official_id, "
                                "official_distance_m, official_class, geom FROM findings ORDER BY observed_at, fid")
    findings = []
    for (finding_id, observed_at, category, case_type, severity, concerns, settlement, description, region,
         nearest, nearest_m, official_id, official_m, official_class, geom) in rows:
        findings.append({
            "id": finding_id or "", "time": local_time(observed_at), "category": category or "",
            "case": case_type or "", "severity": severity, "concerns": [c for c in (concerns or "").split(";") if c],
            "settlement": settlement or "", "description": description or "", "region": region or "",
            "nearest": nearest or "", "nearest_m": nearest_m, "official_id": official_id or "",
            "official_m": official_m, "official": OFFICIAL_KEYS.get(official_class or "", ""),
            "xy": _xy(geom)})
    return findings


def read_media(gpkg_path: str) -> list[dict[str, Any]]:
    rows = read_rows(gpkg_path, "SELECT fid, path, kind, taken_at, direction, orientation, region, finding_id, "
                                "thumbnail, geom, media_folder FROM media ORDER BY taken_at, fid")
    return [{"fid": fid, "path": path or "", "kind": kind or "", "time": local_time(taken_at),
             "direction": direction, "orientation": orientation or 1, "region": region or "",
             "finding": finding_id or "", "thumbnail": bytes(thumbnail) if thumbnail else None, "xy": _xy(geom),
             "folder": folder or ""}
            for fid, path, kind, taken_at, direction, orientation, region, finding_id, thumbnail, geom, folder in rows]


def read_official(gpkg_path: str) -> list[dict[str, Any]]:
    rows = read_rows(gpkg_path, "SELECT official_id, official_layer, region, distance_to_route_m, geom "
                                "FROM official_unreported ORDER BY official_id")
    return [{"id": official_id or "", "layer": layer or "", "region": region or "", "route_m": distance,
             "xy": _xy(geom)} for official_id, layer, region, distance, geom in rows]


def read_expedition(gpkg_path: str) -> Expedition:
    expedition = Expedition(regions=read_regions(gpkg_path), route=read_route(gpkg_path),
                            findings=read_findings(gpkg_path), media=read_media(gpkg_path),
                            official=read_official(gpkg_path))
    expedition.official_layers = sorted({r["layer"] for r in expedition.official if r["layer"]})
    km, days = read_rows(gpkg_path, "SELECT coalesce(sum(distance_km), 0), group_concat(DISTINCT day) FROM tracks "
                                    "WHERE day IS NOT NULL")[0]
    expedition.total_km = float(km or 0.0)
    expedition.days = sorted((days or "").split(",")) if days else []
    return expedition


@dataclass
class Profile:
    """A region's elevation profile: km along the region's part of the route, elevation, and where each point is."""

    km: np.ndarray
    ele: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    breaks: list[int]  # indices where a later visit begins (not joined to the point before)


def located_profiles(gpkg_path: str, regions: list[StoreRegion]) -> dict[str, Profile]:
    """Each visited region's profile as its PDF page plots it (store.queries.stored_profiles), with the place of
    each point: core.profiles.region_profiles run again with the longitudes, then the latitudes, where it expects
    the elevations, so that the places go through the same thinning or smoothing as the elevations did. A store
    without stored profiles shows the ones computed now."""
    tracks = read_track_rows(gpkg_path)
    index = RegionIndex([Region(r.name, "", r.geometry) for r in regions if r.visited and r.geometry is not None])
    if not tracks or not index.regions:
        return {}

    def run(column: int) -> dict[str, tuple]:
        return region_profiles(((c[:, 0], c[:, 1], c[:, column], c[:, 3]) for _fid, _day, c in tracks), index)

    computed, lons, lats = run(2), run(0), run(1)
    stored = stored_profiles(gpkg_path)
    profiles = {}
    for name, computed_profile in computed.items():
        km = np.asarray(computed_profile[0], dtype=np.float64)
        ele, breaks = np.asarray(computed_profile[1], dtype=np.float64), list(computed_profile[2])
        lon, lat = np.asarray(lons[name][1], dtype=np.float64), np.asarray(lats[name][1], dtype=np.float64)
        saved = stored.get(name)
        if saved is not None and len(saved[0]) > 1 and len(km) > 1 and saved[0][-1] > 0:
            # The stored profile may be stretched to the region's stated km: its points placed by their share
            # of the way.
            along = np.asarray(saved[0], dtype=np.float64) * (km[-1] / saved[0][-1])
            lon, lat = np.interp(along, km, lon), np.interp(along, km, lat)
            km, ele, breaks = np.asarray(saved[0], dtype=np.float64), np.asarray(saved[1], dtype=np.float64), saved[2]
        profiles[name] = Profile(km, ele, lon, lat, [int(b) for b in breaks])
    return profiles


__all__ = ["Expedition", "Profile", "StoreRegion", "located_profiles", "read_expedition"]

"""The expedition GeoPackage: its schema (versioned) and the reads and writes of each step.

Written through GDAL/OGR, which every QGIS install carries, so the store works headless and in QGIS
alike. Each write step is one transaction: a failure leaves the GeoPackage as it was.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

import numpy as np
from osgeo import ogr, osr

from .access import StoreError, check_store, process_running, writing

# 2 media; 3 official; 4 code lists; 5 route_overview; 6 names; 7 page figures; 8 profiles;
# 9 imported_files counts fixes left out or set aside by reason
# 10 tracks: timeless parts (time figures NULL), timed/interpolated fix counts, activity type; routes (planned);
#    track_points: time_interpolated, power, device speed; imported_files keyed by path in the imported folder;
#    districts, route_totals; findings: district, settlement_bearing; regions: visits
#    findings: field_uid (the phone capture's uuid / instanceID), modified_at, edited_by (field imports)
#    sync_state, sync_bases, finding_conflicts (the three-way sync with a shared PostGIS store)
#    media: camera_tz (the clock's zone a photo was placed with: a re-import without --tz keeps it), media_folder
#    (the folder it was imported from: a copy elsewhere is told from a move by whether the original is still there)
# 11 official_layers: the official layer compared with, its own date and where that date comes from
#    waypoints: point_type (a FIT/TCX course point's kind: left, summit, water ...); imported_files: laps (the
#    file's FIT/TCX lap summaries, counted: the ride itself is in its fixes)
# 12 media.fingerprint of a photo: SHA-256 of its size and first 64 KB (the bytes its EXIF read fetches); a photo
#    stored before keeps its SHA-1 of head and tail until an import finds it again and upgrades it
#    waypoints: symbol (GPX <sym>), description (GPX <desc>/<cmt>); point_type also from GPX <type>
#    laps: FIT and TCX lap summaries (start, end, elapsed and timer time, distance, sport, calories)
SCHEMA_VERSION = 12
WGS84_EPSG = 4326
PARTIAL_STORE = ".partial-"  # a store in the making: .partial-<pid>-<name>, renamed to <name> when complete

# name -> (OGR geometry type or None for a plain table, [(field, OGR type)])
SCHEMA: dict[str, tuple[int | None, list[tuple[str, int]]]] = {
    "ge_schema": (None, [("version", ogr.OFTInteger), ("created_at", ogr.OFTString)]),
    "imported_files": (None, [
        ("file_name", ogr.OFTString), ("sha256", ogr.OFTString), ("imported_at", ogr.OFTString),
        ("fixes_in", ogr.OFTInteger), ("fixes_out", ogr.OFTInteger), ("missing_time", ogr.OFTInteger),
        ("duplicates", ogr.OFTInteger), ("backwards", ogr.OFTInteger), ("spikes", ogr.OFTInteger),
        ("gaps_split", ogr.OFTInteger), ("bad_position", ogr.OFTInteger), ("null_island", ogr.OFTInteger),
        ("bad_elevation", ogr.OFTInteger), ("impossible_time", ogr.OFTInteger), ("constant_clock", ogr.OFTInteger),
        ("lone_fixes", ogr.OFTInteger), ("rejected_points", ogr.OFTInteger),
        ("interpolated_time", ogr.OFTInteger), ("timeless", ogr.OFTInteger), ("file_format", ogr.OFTString),
        ("laps", ogr.OFTInteger),
    ]),
    "tracks": (ogr.wkbLineStringZM, [
        ("file_id", ogr.OFTInteger), ("source_file", ogr.OFTString), ("track_name", ogr.OFTString),
        ("segment", ogr.OFTInteger), ("day", ogr.OFTDate), ("start_time", ogr.OFTDateTime),
        ("end_time", ogr.OFTDateTime), ("distance_km", ogr.OFTReal), ("moving_time_s", ogr.OFTReal),
        ("duration_s", ogr.OFTReal), ("ascent_m", ogr.OFTReal), ("descent_m", ogr.OFTReal),
        ("avg_speed_kmh", ogr.OFTReal), ("max_speed_kmh", ogr.OFTReal), ("n_fixes", ogr.OFTInteger),
        # which figures come from timed fixes: 0 fixes timed = a timeless part, every time figure NULL
        ("timed_fixes", ogr.OFTInteger), ("interpolated_fixes", ogr.OFTInteger), ("activity_type", ogr.OFTString),
    ]),
    "track_points": (ogr.wkbPoint25D, [
        ("track_fid", ogr.OFTInteger), ("file_id", ogr.OFTInteger), ("time", ogr.OFTDateTime),
        ("ele", ogr.OFTReal), ("speed_kmh", ogr.OFTReal), ("heart_rate", ogr.OFTReal),
        ("cadence", ogr.OFTReal), ("temperature", ogr.OFTReal),
        ("time_interpolated", ogr.OFTInteger), ("power", ogr.OFTReal), ("device_speed_kmh", ogr.OFTReal),
    ]),
    # planned routes (GPX <rte>, FIT courses, TCX courses): no time, never part of the ridden statistics
    "routes": (ogr.wkbLineString25D, [
        ("file_id", ogr.OFTInteger), ("source_file", ogr.OFTString), ("route_name", ogr.OFTString),
        ("route_index", ogr.OFTInteger), ("n_points", ogr.OFTInteger), ("distance_km", ogr.OFTReal),
        ("ascent_m", ogr.OFTReal), ("descent_m", ogr.OFTReal),
    ]),
    # FIT and TCX lap summaries as the device wrote them (at the lap's start where the file says; the ride
    # itself is in the track's fixes)
    "laps": (ogr.wkbPoint, [
        ("file_id", ogr.OFTInteger), ("lap_index", ogr.OFTInteger), ("start_time", ogr.OFTDateTime),
        ("end_time", ogr.OFTDateTime), ("elapsed_s", ogr.OFTReal), ("timer_s", ogr.OFTReal),
        ("distance_km", ogr.OFTReal), ("sport", ogr.OFTString), ("calories", ogr.OFTReal),
    ]),
    "waypoints": (ogr.wkbPoint25D, [
        ("file_id", ogr.OFTInteger), ("name", ogr.OFTString), ("time", ogr.OFTDateTime), ("ele", ogr.OFTReal),
        ("point_type", ogr.OFTString), ("symbol", ogr.OFTString), ("description", ogr.OFTString),
    ]),
    "findings": (ogr.wkbPoint, [
        ("finding_id", ogr.OFTString), ("observed_at", ogr.OFTDateTime), ("category", ogr.OFTString),
        ("case_type", ogr.OFTString), ("severity", ogr.OFTInteger), ("concerns", ogr.OFTString),
        ("settlement", ogr.OFTString), ("description", ogr.OFTString), ("source", ogr.OFTString),
        ("region", ogr.OFTString), ("settlement_nearest", ogr.OFTString), ("settlement_distance_m", ogr.OFTReal),
        ("official_id", ogr.OFTString), ("official_distance_m", ogr.OFTReal), ("official_class", ogr.OFTString),
        # the district (rayon) it lies in; the compass bearing from its nearest settlement (N, NE ... NW)
        ("district", ogr.OFTString), ("settlement_bearing", ogr.OFTString),
        # a capture from a phone (steps/field_import.py): its uuid, when and by whom it was last changed
        ("field_uid", ogr.OFTString), ("modified_at", ogr.OFTDateTime), ("edited_by", ogr.OFTString),
    ]),
    "route_overview": (ogr.wkbLineString, [
        ("track_fid", ogr.OFTInteger), ("day", ogr.OFTDate), ("day_index", ogr.OFTInteger),
        ("avg_speed_kmh", ogr.OFTReal),
    ]),
    "code_lists": (None, [("list", ogr.OFTString), ("key", ogr.OFTString), ("label", ogr.OFTString)]),
    "official_unreported": (ogr.wkbPoint, [
        ("official_id", ogr.OFTString), ("official_layer", ogr.OFTString), ("region", ogr.OFTString),
        ("distance_to_route_m", ogr.OFTReal),
    ]),
    # the official layer of the last comparison: name, its own date (YYYY-MM-DD) and that date's source (stated,
    # layer metadata, file date), when compared (UTC), its records
    "official_layers": (None, [
        ("name", ogr.OFTString), ("official_date", ogr.OFTString), ("date_source", ogr.OFTString),
        ("compared_at", ogr.OFTString), ("records", ogr.OFTInteger),
    ]),
    "media": (ogr.wkbPoint, [
        ("path", ogr.OFTString), ("kind", ogr.OFTString), ("taken_at", ogr.OFTDateTime),
        ("position_source", ogr.OFTString), ("offset_s", ogr.OFTReal), ("direction", ogr.OFTReal),
        ("orientation", ogr.OFTInteger), ("camera", ogr.OFTString), ("region", ogr.OFTString),
        ("time_source", ogr.OFTString), ("fingerprint", ogr.OFTString), ("size", ogr.OFTInteger64),
        ("finding_id", ogr.OFTString), ("finding_distance_m", ogr.OFTReal), ("link_source", ogr.OFTString),
        ("problems", ogr.OFTString), ("thumbnail", ogr.OFTBinary), ("camera_tz", ogr.OFTString),
        ("media_folder", ogr.OFTString),
    ]),
    # sharing through PostGIS (store/sync_local.py): this store's id, each finding's base per shared store (its
    # version and entered values at the last sync) and the conflicts kept until the user resolves them
    "sync_state": (None, [("store_id", ogr.OFTString), ("remote_id", ogr.OFTString), ("remote", ogr.OFTString),
                          ("last_sync_at", ogr.OFTString), ("last_sync_by", ogr.OFTString),
                          ("origin", ogr.OFTString)]),  # host:path the store_id was made for (a copy gets its own)
    "sync_bases": (None, [("remote_id", ogr.OFTString), ("finding_id", ogr.OFTString), ("row_version", ogr.OFTInteger),
                          ("base", ogr.OFTString), ("synced_at", ogr.OFTString)]),
    "finding_conflicts": (None, [
        ("finding_id", ogr.OFTString), ("remote_id", ogr.OFTString), ("kind", ogr.OFTString), ("fields", ogr.OFTString),
        ("local_values", ogr.OFTString), ("shared_values", ogr.OFTString), ("shared_version", ogr.OFTInteger),
        ("shared_by", ogr.OFTString), ("shared_at", ogr.OFTString), ("detected_at", ogr.OFTString),
        ("status", ogr.OFTString), ("resolved_at", ogr.OFTString),
    ]),
    "regions": (ogr.wkbMultiPolygon, [
        ("name", ogr.OFTString), ("code", ogr.OFTString), ("visited", ogr.OFTInteger),
        ("km", ogr.OFTReal), ("moving_h", ogr.OFTReal), ("days", ogr.OFTInteger),
        ("first_day", ogr.OFTDate), ("last_day", ogr.OFTDate), ("ascent_m", ogr.OFTReal),
        ("findings", ogr.OFTInteger), ("media", ogr.OFTInteger), ("file_stem", ogr.OFTString),
        ("name_ru", ogr.OFTString), ("name_kk", ogr.OFTString),
        # page figures, refreshed by each atlas export
        ("n_air", ogr.OFTInteger), ("n_water", ogr.OFTInteger), ("n_soil", ogr.OFTInteger),
        ("n_landfill", ogr.OFTInteger), ("n_waste", ogr.OFTInteger), ("n_official_match", ogr.OFTInteger),
        ("n_official_near", ogr.OFTInteger), ("n_official_not", ogr.OFTInteger), ("n_unreported", ogr.OFTInteger),
        ("n_photos", ogr.OFTInteger),
        # the elevation profile in the region, made by assign-regions: JSON [[km, ...], [m, ...]]
        ("profile", ogr.OFTString),
        # each stay in the region, JSON [[first day, last day, days], ...]; the ascent's source: the smoothed profile
        ("visits", ogr.OFTString),
    ]),
    # districts (rayons) the route or a finding enters, made by assign-regions --districts
    "districts": (ogr.wkbMultiPolygon, [
        ("name", ogr.OFTString), ("name_ru", ogr.OFTString), ("name_kk", ogr.OFTString), ("code", ogr.OFTString),
        ("region", ogr.OFTString), ("km", ogr.OFTReal), ("days", ogr.OFTInteger), ("findings", ogr.OFTInteger),
    ]),
    # the whole route's figures, the part outside all regions included (the overview's total)
    "route_totals": (None, [
        ("km", ogr.OFTReal), ("km_outside", ogr.OFTReal), ("days", ogr.OFTInteger), ("first_day", ogr.OFTDate),
        ("last_day", ogr.OFTDate),
    ]),
}


@contextlib.contextmanager
def ogr_exceptions() -> Iterator[None]:
    """OGR errors as exceptions here without changing the setting for the rest of QGIS."""
    before = ogr.GetUseExceptions()
    ogr.UseExceptions()
    try:
        yield
    finally:
        if not before:
            ogr.DontUseExceptions()


def iso_utc(epoch_s: float) -> str:
    return datetime.fromtimestamp(epoch_s, timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")[:-4] + "Z"


def _wgs84() -> osr.SpatialReference:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(WGS84_EPSG)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _create_layer(ds: ogr.DataSource, name: str) -> None:
    geom_type, fields = SCHEMA[name]
    if geom_type is None:
        layer = ds.CreateLayer(name, None, ogr.wkbNone, ["FID=fid"])
    else:
        layer = ds.CreateLayer(name, _wgs84(), geom_type, ["FID=fid", "GEOMETRY_NAME=geom"])
    for field_name, field_type in fields:
        layer.CreateField(ogr.FieldDefn(field_name, field_type))


def open_dataset(path: str, what: str, update: bool = False) -> ogr.DataSource:
    """A GDAL vector dataset, or a StoreError saying why not (GDAL may return None or raise)."""
    with ogr_exceptions():
        try:
            ds = ogr.Open(path, 1 if update else 0)
        except RuntimeError as exc:
            raise StoreError(f"{path}: cannot be opened as {what} ({exc})") from None
    if ds is None:
        reason = "no such file" if not os.path.exists(path) else "not a vector format GDAL reads"
        raise StoreError(f"{path}: cannot be opened as {what} ({reason})")
    return ds


def open_store(path: str, create: bool = True) -> ogr.DataSource:
    """Open (and if asked create or complete) the expedition GeoPackage, checking its schema version.

    Only a new path, an empty file or an expedition store is touched (`access.check_store`: a boundary
    GeoPackage, a CSV or a read-only store is refused before anything opens it). A new store is made under a
    temporary name beside its own and renamed when complete: no one sees half of one, and of two commands
    creating it at once the second finds it made (they take the writer lock in turn)."""
    exists = check_store(path, write=True)
    if not exists and not create:
        raise StoreError(f"{path}: no such expedition GeoPackage")
    with writing(path), ogr_exceptions():
        if not check_store(path, write=True):  # again under the lock: another command may have made it
            _create_store(path)
        try:
            ds = open_dataset(path, "an expedition GeoPackage", update=True)
            _complete_schema(ds, path)
        except RuntimeError as exc:
            raise StoreError(f"{path}: {exc}") from None
        return ds


def _create_store(path: str) -> None:
    folder, name = os.path.split(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    for stale in os.listdir(folder):  # left by a command killed while it created this store
        if stale.startswith(PARTIAL_STORE) and stale.endswith("-" + name) and not _alive(stale):
            with contextlib.suppress(OSError):
                os.remove(os.path.join(folder, stale))
    partial = os.path.join(folder, f"{PARTIAL_STORE}{os.getpid()}-{name}")
    try:
        try:
            ds = ogr.GetDriverByName("GPKG").CreateDataSource(partial)
        except RuntimeError as exc:
            raise StoreError(f"{path}: cannot be created ({exc})") from None
        _complete_schema(ds, path)
        ds = None
        os.replace(partial, path)
    finally:
        for leftover in (partial, partial + "-journal"):
            if os.path.exists(leftover):
                os.remove(leftover)


def _alive(partial_name: str) -> bool:
    pid = partial_name[len(PARTIAL_STORE):].split("-", 1)[0]
    return not pid.isdigit() or process_running(int(pid))  # a name not of ours: left alone


def _complete_schema(ds: ogr.DataSource, path: str) -> None:
    """The tables and fields of this schema version, added in one transaction where missing."""
    existing = {ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())}
    if "ge_schema" in existing:
        layer = ds.GetLayerByName("ge_schema")
        versions = [f.GetField("version") for f in layer]
        if versions and max(versions) > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: schema version {max(versions)} is newer than this plugin's {SCHEMA_VERSION}"
            )
    missing = [name for name in SCHEMA if name not in existing]
    stored = max([f.GetField("version") for f in ds.GetLayerByName("ge_schema")] or [0]) \
        if "ge_schema" in existing else 0
    # A field added to SCHEMA within one version (several features land in version 10) reaches a store of that
    # version made before it too.
    lacking = [name for name in SCHEMA if name in existing and {f for f, _t in SCHEMA[name][1]} - {
        ds.GetLayerByName(name).GetLayerDefn().GetFieldDefn(i).GetName()
        for i in range(ds.GetLayerByName(name).GetLayerDefn().GetFieldCount())}]
    if missing or stored < SCHEMA_VERSION or lacking:
        ds.StartTransaction()
        for name in missing:
            _create_layer(ds, name)
        _add_missing_fields(ds, [n for n in SCHEMA if n not in missing])
        _fill_code_lists(ds)
        meta = ds.GetLayerByName("ge_schema")
        row = ogr.Feature(meta.GetLayerDefn())
        row.SetField("version", SCHEMA_VERSION)
        row.SetField("created_at", datetime.now(timezone.utc).isoformat(timespec="seconds"))
        meta.CreateFeature(row)  # one row per migration: the history of the store's schema
        ds.CommitTransaction()


def _fill_code_lists(ds: ogr.DataSource) -> None:
    """The code lists (categories, case types, concerns) as a table, for the attribute form's value lists."""
    from ..core.categories import CASE_TYPES, CATEGORIES, CONCERNS

    layer = ds.GetLayerByName("code_lists")
    for feature in list(layer):
        layer.DeleteFeature(feature.GetFID())
    lists = (("category", {k: v[0] for k, v in CATEGORIES.items()}), ("case_type", CASE_TYPES),
             ("concerns", CONCERNS))
    for name, codes in lists:
        for key, label in codes.items():
            row = ogr.Feature(layer.GetLayerDefn())
            row.SetField("list", name)
            row.SetField("key", key)
            row.SetField("label", label)
            layer.CreateFeature(row)


def _add_missing_fields(ds: ogr.DataSource, tables: list[str]) -> None:
    """Migration between schema versions: fields added by a newer version are created, none dropped."""
    for name in tables:
        layer = ds.GetLayerByName(name)
        defn = layer.GetLayerDefn()
        for field_name, field_type in SCHEMA[name][1]:
            if defn.GetFieldIndex(field_name) < 0:
                layer.CreateField(ogr.FieldDefn(field_name, field_type))


@contextlib.contextmanager
def transaction(ds: ogr.DataSource) -> Iterator[None]:
    """All or nothing: the rows written inside are committed together or not at all; one writer at a time
    (`access.writing`)."""
    with writing(ds.GetDescription()), ogr_exceptions():
        ds.StartTransaction()
        try:
            yield
        except BaseException:
            ds.RollbackTransaction()
            raise
        ds.CommitTransaction()


def clear_table(ds: ogr.DataSource, table: str) -> None:
    if table not in SCHEMA:
        raise StoreError(f"unknown table {table}")
    ds.ExecuteSQL(f'DELETE FROM "{table}"')


def point(lon: float, lat: float, z: float | None = None) -> ogr.Geometry:
    geom = ogr.Geometry(ogr.wkbPoint25D if z is not None else ogr.wkbPoint)
    if z is not None:
        geom.AddPoint(float(lon), float(lat), float(z))
    else:
        geom.AddPoint_2D(float(lon), float(lat))
    return geom


def new_row(layer: ogr.Layer, values: dict[str, Any], geometry: ogr.Geometry | None = None) -> int:
    row = ogr.Feature(layer.GetLayerDefn())
    for key, value in values.items():
        if value is None or (isinstance(value, float) and np.isnan(value)):
            continue
        row.SetField(key, value)
    if geometry is not None:
        row.SetGeometry(geometry)
    layer.CreateFeature(row)
    return row.GetFID()


def read_points(ds: ogr.DataSource, table: str) -> list[tuple[int, float, float, dict[str, Any]]]:
    """(fid, lon, lat, attributes) of a point table."""
    rows = []
    with ogr_exceptions():
        layer = ds.GetLayerByName(table)
        layer.ResetReading()
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None or geom.IsEmpty():
                continue
            rows.append((feature.GetFID(), geom.GetX(), geom.GetY(), feature.items()))
    return rows


def update_field(ds: ogr.DataSource, table: str, values: dict[int, object], field_name: str) -> None:
    layer = ds.GetLayerByName(table)
    for fid, value in values.items():
        feature = layer.GetFeature(fid)
        if value is None:
            feature.SetFieldNull(field_name)
        else:
            feature.SetField(field_name, value)
        layer.SetFeature(feature)

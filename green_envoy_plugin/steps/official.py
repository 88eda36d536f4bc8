"""The official comparison: each finding against the nearest record of an official layer, and the records
along the route that the expedition did not report."""

from __future__ import annotations

import contextlib
import os
import pathlib
import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from xml.etree import ElementTree

import numpy as np
from shapely import wkb as shapely_wkb

from ..core.compare import CLASSES, MATCHES, NEAR, NOT_OFFICIAL, osm_waste_kind, waste_site_class
from ..core.compare import compare as compare_core
from ..core.regions import Region, RegionIndex
from ..errors import StepError
from ..io.tables import write_table
from ..io.vector import load_features
from ..store import gpkg
from ..store.bulk import BulkWriter, point_xy, read_rows, read_track_rows, wkb_of
from .feedback import Feedback, SilentFeedback
from .regions import store_page_figures


@dataclass
class OfficialSummary:
    rows: list[dict]  # one per finding
    unreported: list[dict]  # official features along the route not reported
    layer: str
    kinds: dict[str, int] = field(default_factory=dict)  # records of the official layer by kind (class field, OSM)

    def counts(self) -> dict[tuple[str, str], dict[str, int]]:
        """(region, category) -> class -> count."""
        out: dict[tuple[str, str], dict[str, int]] = {}
        for row in self.rows:
            key = (row["region"] or "(outside all regions)", row["category"])
            out.setdefault(key, {c: 0 for c in CLASSES})[row["official_class"]] += 1
        return dict(sorted(out.items()))

    def table(self) -> str:
        head = f"{'region':<26}{'category':<10}{'matches':>9}{'near':>6}{'not in':>8}{'unreported':>12}"
        lines = [f"Findings against {self.layer}", head, "-" * len(head)]
        unreported: dict[str, int] = {}
        for row in self.unreported:
            unreported[row["region"] or "(outside all regions)"] = unreported.get(row["region"] or
                                                                                 "(outside all regions)", 0) + 1
        last_region = None
        for (region, category), by_class in self.counts().items():
            extra = f"{unreported.get(region, 0):12d}" if region != last_region else ""
            lines.append(f"{region if region != last_region else '':<26}{category:<10}{by_class[MATCHES]:9d}"
                         f"{by_class[NEAR]:6d}{by_class[NOT_OFFICIAL]:8d}{extra}")
            last_region = region
        totals = {c: sum(1 for r in self.rows if r["official_class"] == c) for c in CLASSES}
        lines.append("-" * len(head))
        lines.append(f"{'total':<36}{totals[MATCHES]:9d}{totals[NEAR]:6d}{totals[NOT_OFFICIAL]:8d}"
                     f"{len(self.unreported):12d}")
        if self.kinds:
            lines.append("records by kind: " + ", ".join(f"{k} {n}" for k, n in sorted(self.kinds.items())))
        return "\n".join(lines)

    def write_table(self, path: str) -> None:
        """The comparison as CSV (findings only) or XLSX (findings, summary, unreported sheets)."""
        import pandas as pd

        findings = pd.DataFrame(self.rows)
        summary = pd.DataFrame([{"region": r, "category": c, **counts} for (r, c), counts in self.counts().items()])
        write_table(path, {"findings": findings, "summary": summary, "unreported": pd.DataFrame(self.unreported)})


OSM_EXTENSIONS = (".osm", ".osm.pbf", ".pbf")


def load_osm_waste_sites(path: str) -> tuple[list[str], list, list[str]]:
    """The landfills of an OpenStreetMap extract (.osm, .osm.pbf, through GDAL's OSM driver): landuse=landfill
    nodes and areas, ids as node/<id>, way/<id> or relation/<id>, the informal=yes ones of kind OSM_INFORMAL."""
    from osgeo import gdal
    from shapely.validation import make_valid

    ids, geoms, kinds = [], [], []
    gpkg.open_dataset(path, "an OpenStreetMap extract")  # a missing or unreadable file: one line saying so
    with gpkg.ogr_exceptions():
        try:
            ds = gdal.OpenEx(path, gdal.OF_VECTOR)
            ds.ResetReading()
        except RuntimeError as exc:
            raise StepError(f"{path}: cannot be read as an OpenStreetMap extract ({exc})") from None
        while True:  # the driver reads the file once, all layers interleaved (GDAL's advice for OSM files)
            try:
                feature, layer = ds.GetNextFeature()
            except RuntimeError as exc:
                raise StepError(f"{path}: damaged OpenStreetMap data ({exc})") from None
            if feature is None:
                break
            name = layer.GetName()
            if name not in ("points", "multipolygons"):
                continue
            defn = feature.GetDefnRef()
            landuse = feature.GetField("landuse") if defn.GetFieldIndex("landuse") >= 0 else None
            kind = osm_waste_kind(landuse, feature.GetField("other_tags"))
            geom = feature.GetGeometryRef()
            if kind is None or geom is None or geom.IsEmpty():
                continue
            if name == "points":
                ident = f"node/{feature.GetField('osm_id')}"
            elif feature.GetField("osm_way_id"):
                ident = f"way/{feature.GetField('osm_way_id')}"
            else:
                ident = f"relation/{feature.GetField('osm_id')}"
            shape = shapely_wkb.loads(bytes(geom.ExportToWkb()))
            ids.append(ident)
            geoms.append(shape if shape.is_valid else make_valid(shape))
            kinds.append(kind)
    return ids, geoms, kinds


def _record_kinds(path: str, ids: list[str], id_field: str, class_field: str) -> list[str]:
    """Each record's class field mapped to the space-monitoring classes (core.compare.waste_site_class); a value
    no word maps keeps its own text."""
    with gpkg.ogr_exceptions():
        ds = gpkg.open_dataset(path, "an official layer")
        layer = ds.GetLayer(0)  # (the dataset held: GDAL frees a layer with its dataset)
        if layer.GetLayerDefn().GetFieldIndex(class_field) < 0:
            raise StepError(f"{path}: the official layer has no field {class_field!r}")
        by_id = {(str(f.GetField(id_field)) if id_field else str(f.GetFID())): str(f.GetField(class_field) or "")
                 for f in layer}
    return [waste_site_class(by_id.get(i)) or by_id.get(i, "") for i in ids]


def load_official(path: str, id_field: str = "", class_field: str = "") -> tuple[list[str], list, list[str]]:
    """Ids, WGS84 geometries and kinds of an official layer: any vector file GDAL reads, or an OSM extract."""
    if path.lower().endswith(OSM_EXTENSIONS):
        return load_osm_waste_sites(path)
    ids, geoms = load_features(path, id_field)
    kinds = _record_kinds(path, ids, id_field, class_field) if class_field else [""] * len(ids)
    return ids, geoms, kinds


# Where the official layer's date comes from (stored beside it, printed on the pages in the page's language).
DATE_STATED, DATE_METADATA, DATE_FILE = "stated", "layer metadata", "file date"
# Of a QGIS metadata file's dates, the one that dates the data best first.
METADATA_DATES = ("Published", "Revised", "Created")


def stated_date(text: str) -> str:
    """A date the user gives (YYYY-MM-DD), checked: a typing error must not reach the pages."""
    try:
        return date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        raise StepError(f"official date {text!r}: not a date (YYYY-MM-DD)") from None


def metadata_file_date(path: str) -> str:
    """The date of a QGIS metadata file (.qmd) beside the layer's file: published, else revised, else created."""
    qmd = os.path.splitext(path)[0] + ".qmd"
    if not os.path.isfile(qmd):
        return ""
    try:
        root = ElementTree.parse(qmd).getroot()
    except (ElementTree.ParseError, OSError):
        return ""  # a damaged sidecar: the next source dates the layer
    found = {d.get("type"): (d.get("value") or "")[:10] for d in root.iter("date")}
    return next((found[k] for k in METADATA_DATES if len(found.get(k) or "") == 10), "")


def geopackage_date(path: str, layer_name: str = "") -> str:
    """A GeoPackage's own record of when the layer last changed (gpkg_contents.last_change)."""
    if not path.lower().endswith(".gpkg"):
        return ""
    try:
        with contextlib.closing(sqlite3.connect(f"{pathlib.Path(os.path.abspath(path)).as_uri()}?mode=ro",
                                                uri=True)) as conn:
            rows = conn.execute("SELECT table_name, last_change FROM gpkg_contents WHERE data_type = 'features' "
                                "ORDER BY rowid").fetchall()
    except sqlite3.Error:
        return ""
    chosen = [change for name, change in rows if name == layer_name] if layer_name else [r[1] for r in rows[:1]]
    return str(chosen[0] or "")[:10] if chosen else ""


def official_layer_date(path: str, layer_name: str = "") -> tuple[str, str]:
    """The official layer's own date and its source: a QGIS metadata file beside it or the GeoPackage's record
    of the layer's last change ("layer metadata"), else the file's modification date ("file date"); ("", "")
    when there is no file (a database or web layer)."""
    if not path or not os.path.exists(path):
        return "", ""
    when = metadata_file_date(path) or geopackage_date(path, layer_name)
    if len(when) == 10:
        return when, DATE_METADATA
    return datetime.fromtimestamp(os.path.getmtime(path), timezone.utc).date().isoformat(), DATE_FILE


def compare_official(gpkg_path: str, official: str | tuple[list[str], list], id_field: str = "",
                     match_m: float = 250.0, near_m: float = 1000.0, corridor_m: float = 2000.0,
                     layer_label: str = "", table: str = "", feedback: Feedback | None = None,
                     class_field: str = "", official_date: str = "",
                     official_date_source: str = "") -> OfficialSummary:
    """Each finding against the nearest official feature (matches / near / not in the official layer), and
    the official features within the route corridor that the expedition did not report. Stored in the
    findings' official_* fields and the `official_unreported` table (and the regions' page figures);
    optionally written as CSV/XLSX. An OpenStreetMap extract gives its landfills (informal=yes as a kind of
    their own); `class_field` maps a registry's classes to the space-monitoring ones (official_kind).
    The layer's name and date (`official_date`, YYYY-MM-DD, "stated" unless `official_date_source` says where
    it comes from; else what the file says: official_layer_date) are stored in `official_layers` for the pages."""
    feedback = feedback or SilentFeedback()
    if official_date:
        dated = (stated_date(official_date), official_date_source or DATE_STATED)
    else:
        dated = official_layer_date(official) if isinstance(official, str) else ("", "")
    if isinstance(official, str):
        ids, geoms, kinds = load_official(official, id_field, class_field)
        label = layer_label or os.path.basename(official)
    else:
        ids, geoms = official
        kinds = [""] * len(ids)
        label = layer_label or "official layer"
    gpkg.open_store(gpkg_path)
    found = read_rows(gpkg_path, "SELECT fid, finding_id, category, region, geom FROM findings "
                                 "WHERE geom IS NOT NULL")
    region_rows = read_rows(gpkg_path, "SELECT name, code, geom FROM regions WHERE geom IS NOT NULL")
    xy = np.array([point_xy(g) for *_rest, g in found]).reshape(-1, 2)
    route = [(c[:, 0], c[:, 1]) for _fid, _day, c in read_track_rows(gpkg_path)]
    feedback.setProgress(10)
    result = compare_core(xy[:, 0], xy[:, 1], geoms, route, match_m, near_m, corridor_m)
    feedback.setProgress(80)
    index = RegionIndex([Region(n, c or "", shapely_wkb.loads(wkb_of(g))) for n, c, g in region_rows])
    points = [geoms[i].representative_point() for i in result.unreported]
    where = (index.locate(np.array([p.x for p in points]), np.array([p.y for p in points])) if points
             else np.zeros(0, dtype=np.int64))
    rows = []
    updates = []
    for k, (fid, finding_id, category, region, _g) in enumerate(found):
        near = int(result.nearest[k])
        distance = float(result.distance_m[k]) if np.isfinite(result.distance_m[k]) else None
        rows.append({"finding_id": finding_id, "region": region, "category": category,
                     "official_class": result.classes[k], "official_id": ids[near] if near >= 0 else None,
                     "official_distance_m": None if distance is None else round(distance, 1),
                     "official_kind": kinds[near] if near >= 0 else None})
        updates.append((rows[-1]["official_id"], rows[-1]["official_distance_m"], result.classes[k], fid))
    unreported = [{"official_id": ids[i], "official_kind": kinds[i],
                   "region": index.names(np.array([w]))[0] if len(index) else None,
                   "distance_to_route_m": round(float(d), 1), "lon": p.x, "lat": p.y}
                  for i, d, p, w in zip(result.unreported, result.unreported_distance_m, points, where)]
    with BulkWriter(gpkg_path, tables=("findings", "official_unreported", "official_layers")) as writer:
        writer.conn.executemany("UPDATE findings SET official_id = ?, official_distance_m = ?, official_class = ? "
                                "WHERE fid = ?", updates)
        writer.conn.execute("DELETE FROM official_unreported")
        if unreported:
            writer.add_points("official_unreported", np.array([u["lon"] for u in unreported]),
                              np.array([u["lat"] for u in unreported]), None, {
                                  "official_id": [u["official_id"] for u in unreported],
                                  "official_layer": label,
                                  "region": [u["region"] for u in unreported],
                                  "distance_to_route_m": np.array([u["distance_to_route_m"] for u in unreported]),
                              })
        # The layer compared with, its own date and the comparison's: the pages' sources name them even when
        # no record lies along the route.
        writer.conn.execute("DELETE FROM official_layers")
        writer.conn.execute("INSERT INTO official_layers (name, official_date, date_source, compared_at, records) "
                            "VALUES (?, ?, ?, ?, ?)", (label, dated[0] or None, dated[1] or None,
                                                       gpkg.iso_utc(datetime.now(timezone.utc).timestamp()),
                                                       len(ids)))
    store_page_figures(gpkg_path)
    summary = OfficialSummary(rows, unreported, label, {k: kinds.count(k) for k in set(kinds) if k})
    if table:
        summary.write_table(table)
    feedback.setProgress(100)
    feedback.pushInfo(summary.table())
    return summary

"""The official comparison: each finding against the nearest record of an official layer, and the records
along the route that the expedition did not report."""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from shapely import wkb as shapely_wkb

from ..core.compare import CLASSES, MATCHES, NEAR, NOT_OFFICIAL
from ..core.compare import compare as compare_core
from ..core.regions import Region, RegionIndex
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
        return "\n".join(lines)

    def write_table(self, path: str) -> None:
        """The comparison as CSV (findings only) or XLSX (findings, summary, unreported sheets)."""
        import pandas as pd

        findings = pd.DataFrame(self.rows)
        summary = pd.DataFrame([{"region": r, "category": c, **counts} for (r, c), counts in self.counts().items()])
        write_table(path, {"findings": findings, "summary": summary, "unreported": pd.DataFrame(self.unreported)})


def compare_official(gpkg_path: str, official: str | tuple[list[str], list], id_field: str = "",
                     match_m: float = 250.0, near_m: float = 1000.0, corridor_m: float = 2000.0,
                     layer_label: str = "", table: str = "", feedback: Feedback | None = None) -> OfficialSummary:
    """Each finding against the nearest official feature (matches / near / not in the official layer), and
    the official features within the route corridor that the expedition did not report. Stored in the
    findings' official_* fields and the `official_unreported` table (and the regions' page figures);
    optionally written as CSV/XLSX."""
    feedback = feedback or SilentFeedback()
    if isinstance(official, str):
        ids, geoms = load_features(official, id_field)
        label = layer_label or os.path.basename(official)
    else:
        ids, geoms = official
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
                     "official_distance_m": None if distance is None else round(distance, 1)})
        updates.append((rows[-1]["official_id"], rows[-1]["official_distance_m"], result.classes[k], fid))
    unreported = [{"official_id": ids[i], "region": index.names(np.array([w]))[0] if len(index) else None,
                   "distance_to_route_m": round(float(d), 1), "lon": p.x, "lat": p.y}
                  for i, d, p, w in zip(result.unreported, result.unreported_distance_m, points, where)]
    with BulkWriter(gpkg_path, tables=("findings", "official_unreported")) as writer:
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
    store_page_figures(gpkg_path)
    summary = OfficialSummary(rows, unreported, label)
    if table:
        summary.write_table(table)
    feedback.setProgress(100)
    feedback.pushInfo(summary.table())
    return summary

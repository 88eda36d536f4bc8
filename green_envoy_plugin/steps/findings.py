"""Findings: a CSV/XLSX table (or rows read from a layer) into the store, and out again per region."""

from __future__ import annotations

import os

import numpy as np

from ..core.findings import Finding, RowProblem, read_findings_table
from ..core.isotime import parse_times
from ..io.tables import write_table
from ..store import access, gpkg
from ..store.bulk import point_xy, read_rows
from ._common import file_stem
from .feedback import Feedback, SilentFeedback, check_canceled


def import_findings(table: str | tuple[list[Finding], list[RowProblem], str], gpkg_path: str,
                    feedback: Feedback | None = None,
                    mapping: dict[str, str] | None = None) -> tuple[int, list[RowProblem]]:
    """Import findings from a CSV/XLSX table (columns mapped by `mapping` where they have other names) or
    from rows already read (another layer, through the QGIS adapter). Valid rows are imported in one
    transaction, a finding_id already stored is replaced, every bad row is reported with its number."""
    feedback = feedback or SilentFeedback()
    if isinstance(table, str):
        findings, problems = read_findings_table(table, mapping)
        source = table
    else:
        findings, problems, source = table
    for problem in problems:
        feedback.reportError(str(problem))
    ds = gpkg.open_store(gpkg_path)
    layer = ds.GetLayerByName("findings")
    existing = {f.GetField("finding_id"): f.GetFID() for f in layer}
    feedback.setProgress(10.0)  # the table is read: the rest is the writing, in one transaction
    with gpkg.transaction(ds):
        for k, finding in enumerate(findings):
            if k % 500 == 0:  # a cancel rolls the whole import back (the transaction): nothing half-written
                check_canceled(feedback)
                feedback.setProgress(10.0 + 90.0 * k / len(findings))
            if finding.finding_id in existing:
                layer.DeleteFeature(existing[finding.finding_id])
            gpkg.new_row(layer, {
                "finding_id": finding.finding_id,
                "observed_at": None if finding.observed_at is None else gpkg.iso_utc(finding.observed_at),
                "category": finding.category, "case_type": finding.case_type, "severity": finding.severity,
                "concerns": finding.concerns, "settlement": finding.settlement,
                "description": finding.description, "source": finding.source,
            }, gpkg.point(finding.lon, finding.lat))
    ds = None
    feedback.setProgress(100.0)
    feedback.pushInfo(f"Findings: {len(findings)} imported from {source}, {len(problems)} row(s) rejected")
    return len(findings), problems


def read_findings_table_from_store(gpkg_path: str) -> list[Finding]:
    """The store's placed findings as the domain's Finding objects (what is shared through PostGIS)."""
    rows = read_rows(gpkg_path, "SELECT finding_id, geom, category, observed_at, case_type, severity, concerns, "
                        "settlement, description, source FROM findings WHERE geom IS NOT NULL")
    out = []
    for fid, geom, category, observed, case_type, severity, concerns, settlement, description, source in rows:
        lon, lat = point_xy(geom)
        when = parse_times([observed.encode()])[0] if observed else None
        out.append(Finding(fid, lon, lat, category, None if when is None or np.isnan(when) else float(when),
                           case_type or "other", severity or 3, concerns or "", settlement or "", description or "",
                           source or ""))
    return out


def export_findings(gpkg_path: str, out_dir: str, fmt: str = "csv") -> list[str]:
    """One table of findings per region (file named from the region), CSV or XLSX, for the reports."""
    import pandas as pd

    access.check_store(gpkg_path)  # a missing store, a CSV, another GeoPackage: one line, no folder made
    columns = ["finding_id", "observed_at", "category", "case_type", "severity", "concerns", "settlement",
               "settlement_nearest", "description", "source", "region", "official_class", "official_id",
               "official_distance_m", "geom"]
    frame = pd.DataFrame(read_rows(gpkg_path, f"SELECT {', '.join(columns)} FROM findings ORDER BY observed_at"),
                         columns=columns)
    points = [point_xy(g) if g is not None else (None, None) for g in frame.pop("geom")]
    frame.insert(2, "lon", [p[0] for p in points])
    frame.insert(3, "lat", [p[1] for p in points])
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for region, rows in frame.groupby(frame["region"].fillna("(outside all regions)")):
        path = os.path.join(out_dir, f"findings_{file_stem(region)}.{'xlsx' if fmt == 'xlsx' else 'csv'}")
        write_table(path, {"findings": rows})
        written.append(path)
    return written

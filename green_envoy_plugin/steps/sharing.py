"""Sharing through PostgreSQL/PostGIS: findings into the shared store, and an expedition published there."""

from __future__ import annotations

from ..core.findings import RowProblem, read_findings_table
from ..errors import StepError
from ..store import gpkg
from .feedback import Feedback, SilentFeedback, check_canceled
from .findings import import_findings, read_findings_table_from_store


def import_findings_postgis(table: str, dsn: str, mapping: dict[str, str] | None = None,
                            feedback: Feedback | None = None) -> tuple[int, list[RowProblem]]:
    """Findings from a CSV/XLSX into the shared PostGIS store (created or upgraded first), in one
    transaction: new finding_ids added, known ones updated, bad rows reported."""
    from ..store.postgis import PostgisStore

    feedback = feedback or SilentFeedback()
    findings, problems = read_findings_table(table, mapping)
    for problem in problems:
        feedback.reportError(str(problem))
    with PostgisStore(dsn) as store:
        applied = store.migrate()
        if applied:
            feedback.pushInfo(f"PostGIS store upgraded to schema version {applied[-1]}")
        count = store.upsert_findings(findings)
    feedback.pushInfo(f"Findings: {count} written to PostGIS from {table}, {len(problems)} row(s) rejected")
    return count, problems


PUBLISHED_TABLES = ("tracks", "track_points", "waypoints", "regions", "official_unreported", "imported_files")


def sync_postgis(gpkg_path: str, dsn: str, feedback: Feedback | None = None) -> dict[str, int]:
    """Share the expedition through PostGIS. The computed layers (tracks, fixes, regions, ...) are published
    as copies with the GeoPackage's own schema; findings are shared both ways: new local ones go up, and the
    shared ones (edited by everybody, guarded by row versions) come down into the GeoPackage."""
    from osgeo import gdal

    from ..store.postgis import PostgisStore

    feedback = feedback or SilentFeedback()
    gpkg.open_store(gpkg_path)
    counts: dict[str, int] = {}
    with PostgisStore(dsn) as store:
        store.migrate()
        local = read_findings_table_from_store(gpkg_path)
        shared_ids = store.finding_ids()
        new = [f for f in local if f.finding_id not in shared_ids]
        counts["findings_pushed"] = store.upsert_findings(new)  # never overwrites a shared finding
        shared = store.read_findings()
    raised_before = gdal.GetUseExceptions()
    gdal.UseExceptions()  # restored below: the rest of QGIS expects its own setting
    try:
        publish(gpkg_path, dsn, feedback)
    finally:
        if not raised_before:
            gdal.DontUseExceptions()
    with PostgisStore(dsn) as store:
        counts["tracks_published"] = store.count("tracks")
        counts["fixes_published"] = store.count("track_points")
    count, _problems = import_findings((shared, [], "the shared PostGIS store"), gpkg_path)
    counts["findings_pulled"] = count
    feedback.setProgress(100)
    feedback.pushInfo(f"PostGIS: {counts['findings_pushed']} new finding(s) shared, {count} pulled; "
                      f"{counts['tracks_published']} track segments and {counts['fixes_published']} fixes published")
    return counts


def publish(gpkg_path: str, dsn: str, feedback: Feedback) -> None:
    """The computed layers copied to PostGIS with GDAL (COPY mode), each replacing its previous copy."""
    from osgeo import gdal

    from ..store.postgis import SCHEMA

    for n, table in enumerate(PUBLISHED_TABLES):
        check_canceled(feedback)
        feedback.setProgress(10 + 80 * n / len(PUBLISHED_TABLES))
        options = gdal.VectorTranslateOptions(
            layers=[table], layerName=table, accessMode="overwrite",
            layerCreationOptions=[f"SCHEMA={SCHEMA}", "GEOMETRY_NAME=geom", "FID=fid", "OVERWRITE=YES"])
        try:
            gdal.VectorTranslate(f"PG:{dsn}", gpkg_path, options=options)
        except RuntimeError as exc:
            raise StepError(f"publishing {table} to PostGIS failed ({exc})") from None

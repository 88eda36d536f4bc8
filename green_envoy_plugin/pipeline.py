"""The expedition's steps, one function each, called alike by the CLI, Processing and the GUI.

Progress and cancel go through any object with QgsFeedback's method names (setProgress, isCanceled,
pushInfo, reportError), so Processing passes its feedback straight in and the CLI a console one.
Nothing here needs a running QGIS application except the atlas export.
"""

from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np
from osgeo import ogr, osr
from shapely import wkb as shapely_wkb

from .core.cleaning import CleaningReport, CleaningRules, TrackPart, clean_fixes
from .core.compare import CLASSES, MATCHES, NEAR, NOT_OFFICIAL
from .core.compare import compare as compare_core
from .core.exif import ExifError, with_gps
from .core.findings import Finding, RowProblem, read_findings_table
from .core.geodesy import WGS84, step_lengths
from .core.gpx import Fixes, GpxError, find_gpx_files, load_gpx_bytes, parse_gpx_bytes
from .core.isotime import format_times, parse_times
from .core.media import MediaFile, read_media, walk_media
from .core.photos import Timeline, estimate_offset, locate_by_time
from .core.region_names import language_fields, localised_names
from .core.regions import Region, RegionIndex, RegionStats, split_route
from .core.tracks import LOCAL_TZ, track_stats
from .errors import Canceled, StepError
from .store import gpkg
from .store.bulk import BulkWriter, point_xy, read_rows, read_track_rows, wkb_of
from .thumbnails import make_thumbnail, qt_available

__all__ = ["Canceled", "StepError"]



class SilentFeedback:
    def setProgress(self, value: float) -> None:  # noqa: N802 (QgsFeedback's names)
        pass

    def isCanceled(self) -> bool:  # noqa: N802
        return False

    def pushInfo(self, text: str) -> None:  # noqa: N802
        pass

    def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        pass


def check_canceled(feedback) -> None:
    if feedback.isCanceled():
        raise Canceled("canceled by the user")


def file_stem(name: str) -> str:
    """A file name safe on any file system from a region name (any script, any punctuation)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_").lower()
    if not stem:
        stem = "region_" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:8]
    return stem[:80]


# ------------------------------------------------------------------------------------------ GPX


@dataclass
class GpxImportReport:
    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    cleaning: CleaningReport = field(default_factory=CleaningReport)
    tracks: int = 0
    fixes: int = 0
    distance_km: float = 0.0

    def lines(self) -> list[str]:
        c = self.cleaning
        out = [
            f"GPX: {len(self.imported)} file(s) imported, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} already imported and unchanged, {len(self.failed)} failed",
            f"  {self.tracks} track segment(s), {self.fixes} fixes kept, {self.distance_km:.1f} km",
            f"  cleaning: {c.missing_time} without time, {c.duplicates} duplicate(s), {c.backwards} going "
            f"backwards, {c.spikes} spike(s) removed, {c.gaps_split} gap split(s)",
        ]
        out += [f"  FAILED {path}: {reason}" for path, reason in self.failed]
        return out


def _write_gpx_document(writer: BulkWriter, doc, file_id: int, rules: CleaningRules,
                        report: GpxImportReport) -> CleaningReport:
    name = os.path.basename(doc.path)
    cleaning = CleaningReport()
    for segment in doc.segments:
        parts, segment_cleaning = clean_fixes(segment.fixes, rules)
        cleaning.add(segment_cleaning)
        for k, part in enumerate(parts):
            f = part.fixes
            stats = track_stats(part, rules)
            track_fid = writer.add_track({
                "file_id": file_id, "source_file": name, "track_name": segment.track_name,
                "segment": segment.segment_index * 1000 + k, "day": stats.day.isoformat(),
                "start_time": gpkg.iso_utc(stats.start_time), "end_time": gpkg.iso_utc(stats.end_time),
                "distance_km": stats.distance_m / 1000.0, "moving_time_s": stats.moving_s,
                "duration_s": stats.duration_s, "ascent_m": stats.ascent_m, "descent_m": stats.descent_m,
                "avg_speed_kmh": stats.avg_speed_kmh, "max_speed_kmh": stats.max_speed_kmh,
                "n_fixes": len(f),
            }, f.lon, f.lat, f.ele, f.time)
            writer.add_points("track_points", f.lon, f.lat, f.ele, {
                "track_fid": track_fid, "file_id": file_id, "time": format_times(f.time), "ele": f.ele,
                "speed_kmh": part.speed * 3.6,
                **{key: values for key, values in f.extensions.items()},
            })
            report.tracks += 1
            report.fixes += len(f)
            report.distance_km += stats.distance_m / 1000.0
    if doc.waypoints:
        w = doc.waypoints
        writer.add_points("waypoints", np.array([p.lon for p in w]), np.array([p.lat for p in w]),
                          np.array([p.ele for p in w]), {
                              "file_id": file_id, "name": [p.name for p in w],
                              "time": format_times(np.array([p.time for p in w])),
                              "ele": np.array([p.ele for p in w])})
    return cleaning


def _require_times(doc) -> None:
    """A track without any time cannot be placed in days, regions' dates or photo sync: refuse it."""
    tracks = [s for s in doc.segments if s.kind == "track"]
    fixes = sum(len(s.fixes) for s in tracks)
    if fixes and all(np.isnan(s.fixes.time).all() for s in tracks):
        raise GpxError(doc.path, f"none of its {fixes} track fixes has a time (a planned route, not a ride?)")


def import_gpx(paths: list[str], gpkg_path: str, rules: CleaningRules = CleaningRules(), feedback=None
               ) -> GpxImportReport:
    """Import GPX files and folders into the expedition GeoPackage, in one transaction.

    A file already imported with the same content is skipped; a file of the same name with new content
    replaces its earlier rows; a file that cannot be read is reported and the others still import.
    Files are read one at a time, so memory follows the largest file, not the number of files.
    """
    feedback = feedback or SilentFeedback()
    report = GpxImportReport()
    files = find_gpx_files(paths)
    if not files:
        raise StepError(f"no GPX file found in {', '.join(paths)}")
    gpkg.open_store(gpkg_path)  # creates or checks the schema, through GDAL
    sizes = [max(1, os.path.getsize(p)) if os.path.isfile(p) else 1 for p in files]
    done = 0
    with BulkWriter(gpkg_path) as writer:
        known = writer.known_files()
        for path, size in zip(files, sizes):
            check_canceled(feedback)
            feedback.setProgress(100.0 * done / sum(sizes))
            done += size
            name = os.path.basename(path)
            try:
                data = load_gpx_bytes(path)
                digest = hashlib.sha256(data).hexdigest()
                if name in known and known[name][1] == digest:
                    report.unchanged.append(path)  # the same bytes: nothing to parse or write
                    continue
                doc = parse_gpx_bytes(data, path)
                del data
                _require_times(doc)
            except GpxError as exc:
                report.failed.append((path, exc.reason if exc.line is None else f"line {exc.line}: {exc.reason}"))
                feedback.reportError(str(exc))
                continue
            if name in known:
                writer.delete_file(known[name][0])
                report.replaced.append(path)
            else:
                report.imported.append(path)
            file_id = writer.add_file({
                "file_name": name, "sha256": digest,
                "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            })
            cleaning = _write_gpx_document(writer, doc, file_id, rules, report)
            writer.update_file(file_id, cleaning.as_dict())
            report.cleaning.add(cleaning)
            known[name] = (file_id, digest)
        if report.failed and not (report.imported or report.replaced or report.unchanged):
            raise StepError("no GPX file could be imported:\n" + "\n".join(f"{p}: {r}" for p, r in report.failed))
    feedback.setProgress(100.0)
    for line in report.lines():
        feedback.pushInfo(line)
    return report


# ------------------------------------------------------------------------------------- findings


def import_findings(table: str | tuple[list[Finding], list[RowProblem], str], gpkg_path: str, feedback=None,
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
    with gpkg.transaction(ds):
        for finding in findings:
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
    feedback.pushInfo(f"Findings: {len(findings)} imported from {source}, {len(problems)} row(s) rejected")
    return len(findings), problems


def import_findings_postgis(table: str, dsn: str, mapping: dict[str, str] | None = None, feedback=None
                            ) -> tuple[int, list[RowProblem]]:
    """Findings from a CSV/XLSX into the shared PostGIS store (created or upgraded first), in one
    transaction: new finding_ids added, known ones updated, bad rows reported."""
    from .store.postgis import PostgisStore

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


def sync_postgis(gpkg_path: str, dsn: str, feedback=None) -> dict[str, int]:
    """Share the expedition through PostGIS. The computed layers (tracks, fixes, regions, ...) are published
    as copies with the GeoPackage's own schema; findings are shared both ways: new local ones go up, and the
    shared ones (edited by everybody, guarded by row versions) come down into the GeoPackage."""
    from osgeo import gdal

    from .store.postgis import PostgisStore

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
        _publish(gpkg_path, dsn, feedback)
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


def _publish(gpkg_path: str, dsn: str, feedback) -> None:
    """The computed layers copied to PostGIS with GDAL (COPY mode), each replacing its previous copy."""
    from osgeo import gdal

    from .store.postgis import SCHEMA

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


def read_findings_table_from_store(gpkg_path: str) -> list[Finding]:

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
        if fmt == "xlsx":
            rows.to_excel(path, index=False, sheet_name="findings")
        else:
            rows.to_csv(path, index=False)
        written.append(path)
    return written


# ---------------------------------------------------------------------------------------- media


@dataclass
class MediaReport:
    with_gps: int = 0
    time_synced: int = 0
    unchanged: int = 0
    moved: int = 0
    linked: int = 0  # media linked to a finding
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (file, why it has no position)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file or folder, what is wrong)

    def line(self) -> str:
        return (f"Media: {self.with_gps} placed by their GPS, {self.time_synced} by time against the track, "
                f"{len(self.unplaced)} not placed, {self.unchanged} unchanged, {self.moved} moved; "
                f"{self.linked} linked to a finding")


def _timeline(gpkg_path: str) -> Timeline:
    return Timeline.from_parts([(c[:, 3], c[:, 0], c[:, 1]) for _fid, _day, c in read_track_rows(gpkg_path)])


def parse_utc_offset(text: str) -> timezone:
    match = re.fullmatch(r"(?:UTC)?([+-])(\d{1,2}):?(\d{2})?", text.strip())
    if not match:
        raise StepError(f"time zone {text!r} is not like +05:00")
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))


def scan_media(folder: str, feedback=None) -> tuple[list[MediaFile], list[tuple[str, str]]]:
    """Read the metadata of every media file below folder (never the pixels)."""
    feedback = feedback or SilentFeedback()
    if not os.path.isdir(folder):
        raise StepError(f"{folder}: not a folder")
    paths, skipped = walk_media(folder)
    files = []
    for n, path in enumerate(paths):
        if n % 200 == 0:
            check_canceled(feedback)
            feedback.setProgress(60.0 * n / max(1, len(paths)))
        files.append(read_media(path, folder))
    return files, skipped


def _stored_media(gpkg_path: str) -> dict[str, tuple[int, str, str]]:
    """fingerprint -> (fid, path, position source) of the media already in the store."""

    rows = read_rows(gpkg_path, "SELECT fid, path, fingerprint, position_source FROM media "
                                "WHERE fingerprint IS NOT NULL")
    return {fp: (fid, path, source) for fid, path, fp, source in rows}


def import_media(folder: str, gpkg_path: str, camera_tz: str = "+05:00", offset_s: float = 0.0,
                 max_gap_s: float = 300.0, max_extrapolation_s: float = 60.0, thumbnails: bool = True,
                 feedback=None) -> MediaReport:
    """Place the photos, videos and audio notes of a folder, like exiftool -geotag: EXIF GPS where present,
    else their time (camera clock minus its offset, in the camera's time zone) matched to the imported
    track. Paths are stored relative to the folder, files are never modified. A re-scan adds new files,
    finds moved ones again by their fingerprint, and re-places the time-synced ones (a corrected offset);
    positions set by hand are kept."""
    feedback = feedback or SilentFeedback()
    tz = parse_utc_offset(camera_tz)
    report = MediaReport()
    files, skipped = scan_media(folder, feedback)
    report.problems.extend(skipped)
    gpkg.open_store(gpkg_path)
    stored = _stored_media(gpkg_path)
    timeline = _timeline(gpkg_path)

    clock = np.array([f.meta.camera_time(tz) if f.meta.camera_time(tz) is not None else np.nan for f in files])
    gps_time = np.array([f.meta.gps_utc if f.meta.gps_utc is not None else np.nan for f in files])
    true_time = clock - offset_s
    sync_lon, sync_lat, reasons = locate_by_time(timeline, true_time, max_gap_s, max_extrapolation_s)
    make_thumbs = thumbnails and qt_available()
    rows: dict[str, list] = {k: [] for k in ("lon", "lat", "path", "kind", "taken_at", "time_source",
                                              "position_source", "offset_s", "direction", "orientation",
                                              "camera", "fingerprint", "size", "problems", "thumbnail")}
    replace: list[int] = []
    renamed: list[tuple[str, int]] = []
    for i, media in enumerate(files):
        if i % 100 == 0:
            check_canceled(feedback)
            feedback.setProgress(60.0 + 35.0 * i / max(1, len(files)))
        meta = media.meta
        for problem in media.problems:
            if problem != "no EXIF metadata":
                report.problems.append((media.path, problem))
        old = stored.get(media.fingerprint) if media.fingerprint else None
        if old is not None and old[2] == "manual":
            if old[1] != media.rel:
                report.moved += 1  # placed by hand: the place stays, only the path follows the file
                renamed.append((media.rel, old[0]))
            else:
                report.unchanged += 1
            continue
        if meta.has_position:
            lon, lat, source, used_offset = meta.lon, meta.lat, "exif", 0.0
            taken = gps_time[i] if not np.isnan(gps_time[i]) else clock[i]
            report.with_gps += 1
        elif not np.isnan(sync_lon[i]):
            lon, lat, source, used_offset, taken = sync_lon[i], sync_lat[i], "time-sync", offset_s, true_time[i]
            report.time_synced += 1
        else:
            why = reasons[i] if not np.isnan(clock[i]) else ("; ".join(media.problems) or "no time to match")
            lon = lat = np.nan
            source, used_offset, taken = "none", offset_s, true_time[i]
            report.unplaced.append((media.path, why))
            feedback.reportError(f"{media.path}: not placed ({why})")
        if old is not None:
            if old[1] != media.rel:
                report.moved += 1
            elif source == "exif" and old[2] == "exif":
                report.unchanged += 1  # same bytes, same place: nothing to write
                report.with_gps -= 1
                continue
            replace.append(old[0])
        thumb = None
        if make_thumbs and media.kind == "photo" and not media.problems:
            thumb = make_thumbnail(media.path, meta.thumbnail, meta.orientation)
        for key, value in (("lon", lon), ("lat", lat), ("path", media.rel), ("kind", media.kind),
                           ("taken_at", taken), ("time_source", meta.time_source or None),
                           ("position_source", source), ("offset_s", used_offset),
                           ("direction", np.nan if meta.direction is None else meta.direction),
                           ("orientation", meta.orientation), ("camera", f"{meta.make} {meta.model}".strip()),
                           ("fingerprint", media.fingerprint or None), ("size", media.size),
                           ("problems", "; ".join(media.problems) or None), ("thumbnail", thumb)):
            rows[key].append(value)
    with BulkWriter(gpkg_path, tables=("media",)) as writer:
        writer.delete_rows("media", replace)
        writer.conn.executemany("UPDATE media SET path = ? WHERE fid = ?", renamed)
        if rows["path"]:
            lon = np.array(rows.pop("lon"), dtype=np.float64)
            lat = np.array(rows.pop("lat"), dtype=np.float64)
            rows["taken_at"] = format_times(np.array(rows["taken_at"], dtype=np.float64))
            for key in ("offset_s", "direction"):
                rows[key] = np.array(rows[key], dtype=np.float64)
            writer.add_points("media", lon, lat, None, rows)
    report.linked = link_media(gpkg_path)
    feedback.setProgress(100.0)
    feedback.pushInfo(report.line())
    for where, what in report.problems:
        feedback.reportError(f"{where}: {what}")
    return report


def link_media(gpkg_path: str, max_distance_m: float = 500.0, max_dt_s: float = 3 * 3600.0) -> int:
    """Each photo, video or note to the nearest finding within the distance and time windows (a finding
    without a time: distance only). Links set by hand (link_source 'manual') are kept. Returns the links."""

    findings = read_rows(gpkg_path, "SELECT finding_id, geom, observed_at FROM findings WHERE geom IS NOT NULL")
    media = read_rows(gpkg_path, "SELECT fid, geom, taken_at FROM media WHERE geom IS NOT NULL "
                                 "AND coalesce(link_source, '') <> 'manual'")
    updates: list[tuple] = []
    if findings and media:
        f_xy = np.array([point_xy(g) for _i, g, _t in findings])
        f_t = np.array([parse_times([t.encode()])[0] if t else np.nan for _i, _g, t in findings])
        m_xy = np.array([point_xy(g) for _f, g, _t in media])
        m_t = parse_times([(t or "").encode() for _f, _g, t in media])
        for start in range(0, len(media), 2000):
            xy, tt = m_xy[start: start + 2000], m_t[start: start + 2000]
            dist = np.hypot((xy[:, None, 0] - f_xy[None, :, 0]) * np.cos(np.radians(xy[:, None, 1])),
                            xy[:, None, 1] - f_xy[None, :, 1]) * 111_195.0
            dt = np.abs(tt[:, None] - f_t[None, :])
            ok = (dist <= max_distance_m) & ((dt <= max_dt_s) | np.isnan(dt))
            dist = np.where(ok, dist, np.inf)
            best = np.argmin(dist, axis=1)
            for row, k in enumerate(best):
                fid = media[start + row][0]
                if np.isfinite(dist[row, k]):
                    updates.append((findings[k][0], round(float(dist[row, k]), 1), "auto", fid))
                else:
                    updates.append((None, None, None, fid))
    with BulkWriter(gpkg_path, tables=("media",)) as writer:
        writer.conn.executemany("UPDATE media SET finding_id = ?, finding_distance_m = ?, link_source = ? "
                                "WHERE fid = ?", updates)
    return sum(1 for u in updates if u[0] is not None)


def write_tagged_copies(gpkg_path: str, media_root: str, out_dir: str) -> list[str]:
    """Copies of the JPEG photos placed by time, with their position written into EXIF GPS (every other tag
    kept). Only on request; the originals are never touched, and a copy never overwrites an original."""

    if os.path.realpath(out_dir) == os.path.realpath(media_root):
        raise StepError("the copies must go to another folder than the originals")
    placed = read_rows(gpkg_path, "SELECT path, geom FROM media WHERE position_source IN ('time-sync', 'manual') "
                          "AND geom IS NOT NULL AND kind = 'photo'")
    written = []
    for rel, blob in placed:
        if not rel.lower().endswith((".jpg", ".jpeg")):
            continue
        source = os.path.join(media_root, rel)
        target = os.path.join(out_dir, rel)
        lon, lat = point_xy(blob)
        try:
            with open(source, "rb") as handle:
                data = handle.read()
            tagged = with_gps(data, lat, lon)
        except (OSError, ExifError) as exc:
            raise StepError(f"{source}: cannot write a tagged copy ({exc})") from None
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(tagged)
        written.append(target)
    return written


def estimate_camera_offset(photo: str, gpkg_path: str, camera_tz: str = "+05:00", true_time: str = "",
                           lon: float | None = None, lat: float | None = None,
                           max_distance_m: float = 250.0) -> tuple[float, str]:
    """The camera clock's error from one photo: against a true time the user read (a photo of the GPS
    screen), or against the track at the photo's known place (its GPS, or a place the user gives)."""
    meta = read_media(photo, os.path.dirname(photo)).meta
    camera = meta.camera_time(parse_utc_offset(camera_tz))
    if camera is None:
        raise StepError(f"{photo}: no camera time to compare ({'; '.join(meta.problems) or 'no EXIF time'})")
    if true_time:
        stamp = datetime.fromisoformat(true_time)
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=LOCAL_TZ)
        offset = camera - stamp.timestamp()
        return offset, f"camera clock ahead by {offset:+.0f} s of the true time {stamp.isoformat()}"
    if lon is None or lat is None:
        if not meta.has_position:
            raise StepError(f"{photo}: no GPS position; give the place (--lon --lat) or the true time")
        lon, lat = meta.lon, meta.lat
    found = estimate_offset(_timeline(gpkg_path), lon, lat, camera, max_distance_m)
    if found is None:
        raise StepError(f"{photo}: the imported track never passes within {max_distance_m:.0f} m of "
                        f"{lat:.5f}, {lon:.5f}")
    offset, distance, when = found
    return offset, (f"camera clock ahead by {offset:+.0f} s: the track passed {distance:.0f} m from the photo's "
                    f"place at {datetime.fromtimestamp(when, timezone.utc).isoformat()}")


# -------------------------------------------------------------------------------------- regions


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
            first = datetime.fromtimestamp(s.first_time, LOCAL_TZ).date().isoformat()
            last = datetime.fromtimestamp(s.last_time, LOCAL_TZ).date().isoformat()
            lines.append(f"{s.name:<26}{s.distance_m / 1000:9.1f}{len(s.days):6d}  {first:<11} {last:<11}"
                         f"{self.findings.get(s.name, 0):9d}{self.media.get(s.name, 0):7d}")
        lines.append("-" * len(head))
        if self.outside.distance_m > 0:
            lines.append(f"{'outside all regions':<26}{self.outside.distance_m / 1000:9.1f}")
        all_days = set().union(*(s.days for s in self.stats), self.outside.days)
        lines.append(f"{'total':<26}{self.total_km:9.1f}{len(all_days):6d}{'':25}"
                     f"{sum(self.findings.values()):9d}{sum(self.media.values()):7d}")
        return "\n".join(lines)


def _to_wgs84(layer) -> osr.CoordinateTransformation | None:
    """The transformation of an OGR layer's coordinates to WGS84 lon/lat, None when they already are."""
    source_srs = layer.GetSpatialRef()
    if source_srs is None:
        return None
    source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return None if source_srs.IsSame(target) else osr.CoordinateTransformation(source_srs, target)


def load_regions(path: str, name_field: str = "ADM1_EN", code_field: str = "ADM1_PCODE", layer_name: str = ""
                 ) -> list[tuple[Region, bytes]]:
    """Regions of any polygon layer GDAL reads, reprojected to WGS84, with their geometry as WKB."""
    with gpkg.ogr_exceptions():
        ds = gpkg.open_dataset(path, "the regions layer")
        layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
        if layer is None:
            raise gpkg.StoreError(f"{path}: no layer {layer_name or 'at all'} for the regions")
        defn = layer.GetLayerDefn()
        if defn.GetFieldIndex(name_field) < 0:
            raise gpkg.StoreError(f"{path}: the regions layer has no field {name_field!r}")
        transform = _to_wgs84(layer)
        own_names = language_fields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
        regions = []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None:
                continue
            geom = geom.Clone()
            if transform is not None:
                geom.Transform(transform)
            raw = bytes(geom.ExportToWkb())
            code = feature.GetField(code_field) if defn.GetFieldIndex(code_field) >= 0 else ""
            names = {language: str(feature.GetField(f)) for language, f in own_names.items() if feature.GetField(f)}
            regions.append((Region(str(feature.GetField(name_field)), str(code or ""), shapely_wkb.loads(raw),
                                   names), raw))
    return regions


def _parts_from_store(gpkg_path: str) -> list[TrackPart]:
    parts = []
    for _fid, _day, coords in read_track_rows(gpkg_path):
        lon, lat, ele, time = (np.ascontiguousarray(coords[:, i]) for i in range(4))
        steps = step_lengths(lon, lat)
        speed = np.zeros(len(time))
        speed[1:] = steps / np.maximum(np.diff(time), 1e-9)
        parts.append(TrackPart(Fixes(lon, lat, ele, time), speed, steps))
    return parts


def assign_settlements(gpkg_path: str, settlements: str | tuple[list[str], list], name_field: str = "name") -> int:
    """Each finding's nearest settlement (any point or polygon layer; its name field) and the distance."""

    from .core.compare import _nearest_points, to_metres

    names, geoms = load_features(settlements, name_field) if isinstance(settlements, str) else settlements
    points = [g.representative_point() for g in geoms]
    found = read_rows(gpkg_path, "SELECT fid, geom FROM findings WHERE geom IS NOT NULL")
    if not found or not points:
        return 0
    xy = np.array([point_xy(g) for _fid, g in found])
    slon, slat = np.array([p.x for p in points]), np.array([p.y for p in points])
    nearest, _d2 = _nearest_points(*to_metres(xy[:, 0], xy[:, 1]), *to_metres(slon, slat))
    distance = WGS84.inv(xy[:, 0], xy[:, 1], slon[nearest], slat[nearest])[2]
    with BulkWriter(gpkg_path, tables=("findings",)) as writer:
        writer.conn.executemany("UPDATE findings SET settlement_nearest = ?, settlement_distance_m = ? WHERE fid = ?",
                                [(names[k], round(float(d), 1), fid) for (fid, _g), k, d in
                                 zip(found, nearest, distance)])
    return len(found)


VISIT_GAP_S = 2 * 86400  # nights in the region do not part a profile; days spent elsewhere do


def thinned_starts(starts, step: int, count: int) -> list[int]:
    """Where the starts of pieces fall once a series of `count` points keeps every `step`th: the first kept
    point at or after each start, so no kept segment bridges two pieces."""
    kept = (count + step - 1) // step
    return sorted({int(-(-i // step)) for i in starts if -(-i // step) < kept})


def region_profiles(tracks, index: RegionIndex) -> dict[str, tuple]:
    """The elevation profile of the route in each region of `index` it enters: (km along the region's part,
    elevation m, indices where a later visit begins), at most ~2000 points. `tracks`: (lon, lat, ele, time)
    arrays of each track, in time order."""
    # Each fix located once (the whole route, not once per region), thinned to ~1 fix in 10 s: plenty
    # for a 86 mm wide profile.
    located = []
    for lon, lat, ele, time in tracks:
        step = max(1, len(time) // max(1, int((time[-1] - time[0]) / 10.0))) if len(time) > 1 else 1
        thin = np.column_stack((lon[::step], lat[::step], ele[::step], time[::step]))
        located.append((thin, index.locate(thin[:, 0], thin[:, 1])))
    profiles = {}
    for k, region in enumerate(index.regions):
        distance, elevation, starts = [], [], []
        offset, last_time = 0.0, None
        for c, where in located:
            inside = where == k
            if inside.sum() < 2:
                continue
            part = c[inside]
            steps = np.concatenate(([0.0], step_lengths(part[:, 0], part[:, 1])))
            steps[1:][steps[1:] > 5000] = 0.0  # the route left the region and came back: no jump
            along = offset + np.cumsum(steps) / 1000.0
            distance.append(along)
            elevation.append(part[:, 2])
            # Back in the region after days elsewhere (Almaty: the first and the last week): the profile is
            # drawn apart there, not joined by a climb that never happened.
            start = np.zeros(len(part), dtype=bool)
            start[0] = last_time is not None and part[0, 3] - last_time > VISIT_GAP_S
            starts.append(start)
            offset, last_time = float(along[-1]), float(part[-1, 3])
        if distance:
            x, y, begins = np.concatenate(distance), np.concatenate(elevation), np.concatenate(starts)
            step = max(1, len(x) // 2000)
            profiles[region.name] = (x[::step], y[::step], thinned_starts(np.flatnonzero(begins), step, len(x)))
    return profiles


def profiles_from_store(gpkg_path: str) -> dict[str, tuple]:
    """The visited regions' profiles computed from the store's tracks, for a store assign-regions has not
    given them (made before schema 8)."""
    import sqlite3

    conn = sqlite3.connect(f"file:{gpkg_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name, code, geom FROM regions WHERE visited = 1").fetchall()
    finally:
        conn.close()
    index = RegionIndex([Region(n, c or "", shapely_wkb.loads(wkb_of(g))) for n, c, g in rows])
    return region_profiles(((c[:, 0], c[:, 1], c[:, 2], c[:, 3]) for _fid, _day, c in read_track_rows(gpkg_path)),
                           index)


def stored_profiles(gpkg_path: str) -> dict[str, tuple | None]:
    """The visited regions' profiles as `store_profiles` wrote them: (km, elevation m, visit starts); computed
    from the tracks instead for a store that has none (made before schema 8)."""
    import json
    import sqlite3

    conn = sqlite3.connect(f"file:{gpkg_path}?mode=ro", uri=True)
    try:
        rows = conn.execute("SELECT name, profile FROM regions WHERE visited = 1").fetchall()
    finally:
        conn.close()
    if any(profile is None for _name, profile in rows):
        computed = profiles_from_store(gpkg_path)
        return {name: computed.get(name) for name, _profile in rows}
    profiles = {}
    for name, profile in rows:
        values = json.loads(profile)
        profiles[name] = (np.array(values[0], dtype=np.float64), np.array(values[1], dtype=np.float64),
                          values[2] if len(values) > 2 else [])
    return profiles


def store_profiles(gpkg_path: str, profiles: dict[str, tuple]) -> None:
    """The regions' profiles into `regions.profile` (JSON), so that no atlas export reads the raw fixes; a
    visited region the route only grazed gets an empty one (stored, not missing)."""
    import json

    with BulkWriter(gpkg_path, tables=("regions",)) as writer:
        writer.conn.execute("UPDATE regions SET profile = CASE WHEN visited = 1 THEN '[[], [], []]' END")
        writer.conn.executemany("UPDATE regions SET profile = ? WHERE name = ?", [
            (json.dumps([[round(float(v), 3) for v in x], [round(float(v), 1) for v in y], visits]), name)
            for name, (x, y, visits) in profiles.items()])


def assign_regions(gpkg_path: str, regions: str | list[tuple[Region, bytes]], name_field: str = "ADM1_EN",
                   code_field: str = "ADM1_PCODE", feedback=None, settlements: str | tuple | None = None,
                   settlement_field: str = "name") -> RegionSummary:
    """Split the route at region boundaries, give findings and media their region, write `regions`.

    `regions` is a path GDAL reads, or regions already loaded (the QGIS adapter turns any layer into them).
    """
    feedback = feedback or SilentFeedback()
    loaded = load_regions(regions, name_field, code_field) if isinstance(regions, str) else regions
    if not loaded:
        raise StepError("the regions layer has no polygons")
    index = RegionIndex([r for r, _raw in loaded])
    gpkg.open_store(gpkg_path)
    link_media(gpkg_path)  # findings may have come after the media
    if settlements is not None:
        assign_settlements(gpkg_path, settlements, settlement_field)
    ds = gpkg.open_store(gpkg_path)
    feedback.setProgress(5)
    parts = _parts_from_store(gpkg_path)
    check_canceled(feedback)
    stats, outside = split_route(parts, index)
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
                "first_day": datetime.fromtimestamp(s.first_time, LOCAL_TZ).date().isoformat() if visited else None,
                "last_day": datetime.fromtimestamp(s.last_time, LOCAL_TZ).date().isoformat() if visited else None,
                "findings": counts["findings"].get(region.name, 0), "media": counts["media"].get(region.name, 0),
                "file_stem": file_stem(region.name),
                **dict(zip(("name_ru", "name_kk"), localised_names(region.name, region.code, region.names))),
            }, geom)
    ds = None
    write_route_overview(gpkg_path)
    store_profiles(gpkg_path, region_profiles(
        ((p.fixes.lon, p.fixes.lat, p.fixes.ele, p.fixes.time) for p in parts), index))  # fixes read once
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


# ------------------------------------------------------------------------------------- official


def load_features(path: str, id_field: str = "", layer_name: str = "") -> tuple[list[str], list]:
    """Ids and WGS84 shapely geometries of any vector layer GDAL reads (invalid geometries repaired)."""
    from shapely.validation import make_valid

    with gpkg.ogr_exceptions():
        ds = gpkg.open_dataset(path, "an official layer")
        layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
        if layer is None:
            raise StepError(f"{path}: no layer {layer_name!r}")
        if id_field and layer.GetLayerDefn().GetFieldIndex(id_field) < 0:
            raise StepError(f"{path}: the official layer has no field {id_field!r}")
        transform = _to_wgs84(layer)
        ids, geoms = [], []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None or geom.IsEmpty():
                continue
            geom = geom.Clone()
            if transform is not None:
                geom.Transform(transform)
            shape = shapely_wkb.loads(bytes(geom.ExportToWkb()))
            if not shape.is_valid:
                shape = make_valid(shape)
            ids.append(str(feature.GetField(id_field)) if id_field else str(feature.GetFID()))
            geoms.append(shape)
    return ids, geoms


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
        if path.lower().endswith(".xlsx"):
            with pd.ExcelWriter(path) as book:
                findings.to_excel(book, sheet_name="findings", index=False)
                summary.to_excel(book, sheet_name="summary", index=False)
                pd.DataFrame(self.unreported).to_excel(book, sheet_name="unreported", index=False)
        else:
            findings.to_csv(path, index=False)


def compare_official(gpkg_path: str, official: str | tuple[list[str], list], id_field: str = "",
                     match_m: float = 250.0, near_m: float = 1000.0, corridor_m: float = 2000.0,
                     layer_label: str = "", table: str = "", feedback=None) -> OfficialSummary:
    """Each finding against the nearest official feature (matches / near / not in the official layer), and
    the official features within the route corridor that the expedition did not report. Stored in the
    findings' official_* fields and the `official_unreported` table; optionally written as CSV/XLSX."""


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
    where = index.locate(np.array([p.x for p in points]), np.array([p.y for p in points])) if points else []
    rows = []
    updates = []
    for k, (fid, finding_id, category, region, _g) in enumerate(found):
        near = int(result.nearest[k])
        distance = float(result.distance_m[k]) if np.isfinite(result.distance_m[k]) else None
        rows.append({"finding_id": finding_id, "region": region, "category": category,
                     "official_class": result.classes[k], "official_id": ids[near] if near >= 0 else None,
                     "official_distance_m": None if distance is None else round(distance, 1)})
        updates.append((rows[-1]["official_id"], rows[-1]["official_distance_m"], result.classes[k], fid))
    unreported = [{"official_id": ids[i], "region": index.names([w])[0] if len(index) else None,
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
    summary = OfficialSummary(rows, unreported, label)
    if table:
        summary.write_table(table)
    feedback.setProgress(100)
    feedback.pushInfo(summary.table())
    return summary


# ----------------------------------------------------------------------------------------- demo


def run_demo(sample_dir: str, out_dir: str, feedback=None):
    """The whole chain on the sample data, from an empty store: GPX, findings, photos, regions, atlas."""
    import json
    import shutil

    from .qgis_app import ensure_qgis

    feedback = feedback or SilentFeedback()
    store = os.path.join(out_dir, "expedition.gpkg")
    atlas_dir = os.path.join(out_dir, "atlas")
    for stale in (store, atlas_dir):
        if os.path.isdir(stale):
            shutil.rmtree(stale)
        elif os.path.exists(stale):
            os.remove(stale)
    import_gpx([os.path.join(sample_dir, "gpx")], store, feedback=feedback)
    import_findings(os.path.join(sample_dir, "findings.csv"), store, feedback=feedback)
    photos = os.path.join(sample_dir, "photos")
    with open(os.path.join(photos, "camera_clock.json"), encoding="utf-8") as handle:
        camera = json.load(handle)  # what the envoy noted about the camera's wrong clock
    import_media(photos, store, camera["clock_tz"], camera["clock_offset_s"], feedback=feedback)
    summary = assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"), feedback=feedback,
                             settlements=os.path.join(sample_dir, "settlements.gpkg"))
    compare_official(store, os.path.join(sample_dir, "official_landfills_synthetic.gpkg"), "registry_id",
                     layer_label="landfill registry (SYNTHETIC sample)", feedback=feedback)
    ensure_qgis()
    from .atlas.export import export_atlas

    atlas = export_atlas(store, atlas_dir, feedback=feedback)
    return summary, atlas

"""Import tracks (GPX of GPS loggers and phones, FIT of bike computers and watches, TCX, `.gz` of each, Strava's
bulk export zip): files, folders and zips into the store's tracks, fixes, routes and waypoints, cleaned,
idempotent.

A file is known by its path in what was imported (`rides/garmin/Current.gpx`) and its content (SHA-256): two files
of one name in two folders are both imported, the same bytes under another name are reported as such and not
imported twice, and a changed file replaces only its own rows.
"""

from __future__ import annotations

import hashlib
import math
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np

from ..core.cleaning import CleaningReport, CleaningRules, TrackPart, clean_fixes, screen_fixes
from ..core.fit import FitDocument, is_fit, parse_fit_bytes
from ..core.gpx import GpxDocument, GpxError, Segment, parse_gpx_bytes
from ..core.isotime import format_times
from ..core.tcx import TcxDocument, is_tcx, parse_tcx_bytes
from ..core.track_files import TrackSource, find_sources, unpack
from ..core.tracks import climb, track_stats
from ..errors import StepError
from ..store import gpkg
from ..store.bulk import BulkWriter
from .feedback import Feedback, SilentFeedback, check_canceled

# Per-fix channels of the readers -> track_points columns (speed: the device's own, m/s -> km/h).
_POINT_COLUMNS = {"heart_rate": ("heart_rate", 1.0), "cadence": ("cadence", 1.0),
                  "temperature": ("temperature", 1.0), "power": ("power", 1.0), "speed": ("device_speed_kmh", 3.6),
                  "time_interpolated": ("time_interpolated", 1.0)}


@dataclass
class GpxImportReport:
    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    same_content: list[tuple[str, str]] = field(default_factory=list)  # (file, the imported file it repeats)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # left out: file, where ("line 12"), why
    warnings: list[tuple[str, str]] = field(default_factory=list)  # kept, but not as written: file, what
    cleaning: CleaningReport = field(default_factory=CleaningReport)
    tracks: int = 0
    timeless_tracks: int = 0
    fixes: int = 0
    distance_km: float = 0.0
    routes: int = 0
    waypoints: int = 0
    laps: int = 0  # FIT and TCX lap summaries: rows of `laps` (and counted per file: imported_files.laps)

    def lines(self) -> list[str]:
        c = self.cleaning
        out = [
            f"Tracks: {len(self.imported)} file(s) imported, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} already imported and unchanged, {len(self.same_content)} with the same "
            f"content as another, {len(self.failed)} failed",
            f"  {self.tracks} track segment(s) ({self.timeless_tracks} without time: no time figures), "
            f"{self.fixes} fixes kept, {self.distance_km:.1f} km; {self.routes} planned route(s), "
            f"{self.waypoints} waypoint(s) (course points included)",
            *([f"  {self.laps} lap summary(ies) of FIT/TCX files stored in the layer laps (their fixes are the "
               "tracks')"] if self.laps else []),
            f"  cleaning: {c.duplicates} duplicate(s), {c.backwards} going backwards in time, {c.spikes} spike(s) "
            f"removed, {c.gaps_split} gap split(s)",
        ]
        left_out = {
            "without usable coordinates": c.bad_position, "at (0, 0)": c.null_island,
            "with an impossible time (before 1990 or in the future), kept without it": c.impossible_time,
            "on a clock that did not run (one time for all): the track kept without time": c.constant_clock,
            "without time between timed fixes: time interpolated, flagged": c.interpolated_time,
            "kept without time (no time figures)": c.timeless,
            "with an impossible elevation, kept without it": c.bad_elevation,
            "alone between gaps (no track of one fix)": c.lone_fixes,
        }
        if any(left_out.values()):
            out.append("  fixes " + "; ".join(f"{n} {what}" for what, n in left_out.items() if n))
        out += [f"  SAME CONTENT {path}: as {other}, not imported twice" for path, other in self.same_content]
        out += [f"  WARNING {path}: {what}" for path, what in self.warnings]
        out += [f"  FAILED {path}: {reason}" for path, reason in self.failed]
        shown = 20
        out += [f"  {path}, {where}: {reason}" for path, where, reason in self.rejected[:shown]]
        if len(self.rejected) > shown:
            out.append(f"  ... and {len(self.rejected) - shown} more point(s) or value(s) left out")
        return out


def _track_row(part: TrackPart, rules: CleaningRules) -> tuple[dict[str, object], float]:
    stats = track_stats(part, rules)

    def timed(value: float) -> float | None:
        return value if stats.timed else None

    return {
        "day": stats.day.isoformat() if stats.day else None,
        "start_time": gpkg.iso_utc(stats.start_time) if stats.timed else None,
        "end_time": gpkg.iso_utc(stats.end_time) if stats.timed else None,
        "distance_km": stats.distance_m / 1000.0, "moving_time_s": timed(stats.moving_s),
        "duration_s": timed(stats.duration_s), "ascent_m": stats.ascent_m, "descent_m": stats.descent_m,
        "avg_speed_kmh": timed(stats.avg_speed_kmh), "max_speed_kmh": timed(stats.max_speed_kmh),
        "n_fixes": len(part.fixes), "timed_fixes": stats.timed_fixes, "interpolated_fixes": stats.interpolated_fixes,
    }, stats.distance_m


def _write_route(writer: BulkWriter, segment: Segment, file_id: int, key: str, cleaning: CleaningReport,
                 report: GpxImportReport) -> None:
    """A planned route: its points as written (screened for impossible values), no cleaning by time."""
    fixes, screened = screen_fixes(segment.fixes)
    cleaning.bad_position += screened.bad_position
    cleaning.null_island += screened.null_island
    cleaning.bad_elevation += screened.bad_elevation
    if len(fixes) < 2:
        cleaning.lone_fixes += len(fixes)
        return
    from ..core.geodesy import step_lengths

    ascent, descent = climb(fixes.ele)
    writer.add_line("routes", fixes.lon, fixes.lat, {
        "file_id": file_id, "source_file": key, "route_name": segment.track_name,
        "route_index": segment.track_index, "n_points": len(fixes),
        "distance_km": float(step_lengths(fixes.lon, fixes.lat).sum()) / 1000.0,
        "ascent_m": ascent, "descent_m": descent}, fixes.ele)
    report.routes += 1


def _write_document(writer: BulkWriter, doc: GpxDocument, source: TrackSource, file_id: int, rules: CleaningRules,
                    report: GpxImportReport) -> CleaningReport:
    cleaning = CleaningReport()
    described = isinstance(doc, FitDocument | TcxDocument)  # their segment names are the sport
    for segment in doc.segments:
        if segment.kind == "route":
            _write_route(writer, segment, file_id, source.key, cleaning, report)
            continue
        parts, segment_cleaning = clean_fixes(segment.fixes, rules)
        cleaning.add(segment_cleaning)
        for k, part in enumerate(parts):
            f = part.fixes
            row, distance_m = _track_row(part, rules)
            track_fid = writer.add_track({
                "file_id": file_id, "source_file": source.key, "track_name": source.name or segment.track_name,
                "segment": segment.segment_index * 1000 + k,
                "activity_type": source.activity_type or (segment.track_name if described else None), **row,
            }, f.lon, f.lat, f.ele, f.time)
            channels = {column: values * scale for key, values in f.extensions.items()
                        if key in _POINT_COLUMNS for column, scale in (_POINT_COLUMNS[key],)}
            writer.add_points("track_points", f.lon, f.lat, f.ele, {
                "track_fid": track_fid, "file_id": file_id, "time": format_times(f.time), "ele": f.ele,
                "speed_kmh": part.speed * 3.6, **channels,
            })
            report.tracks += 1
            report.timeless_tracks += not part.timed
            report.fixes += len(f)
            report.distance_km += distance_m / 1000.0
    if doc.waypoints:
        w = doc.waypoints
        writer.add_points("waypoints", np.array([p.lon for p in w]), np.array([p.lat for p in w]),
                          np.array([p.ele for p in w]), {
                              "file_id": file_id, "name": [p.name for p in w],
                              "time": format_times(np.array([p.time for p in w])),
                              "ele": np.array([p.ele for p in w]),
                              "point_type": [p.point_type or None for p in w],
                              "symbol": [p.symbol or None for p in w],
                              "description": [p.description or None for p in w]})
        report.waypoints += len(w)
    return cleaning


def _write_laps(writer: BulkWriter, doc: GpxDocument, file_id: int) -> int:
    """The file's FIT/TCX lap summaries as rows of `laps`; how many."""
    if isinstance(doc, FitDocument):
        laps = [(lap.start_time, lap.end_time, lap.elapsed_s, lap.timer_s, lap.distance_m, lap.sport, math.nan,
                 lap.start_lon, lap.start_lat) for lap in doc.laps]
    elif isinstance(doc, TcxDocument):  # TotalTimeSeconds is the timer's time; a TCX lap has no position
        laps = [(lap.start_time, lap.start_time + lap.total_time_s, math.nan, lap.total_time_s, lap.distance_m,
                 "", lap.calories, math.nan, math.nan) for lap in doc.laps]
    else:
        return 0
    if laps:
        start, end, elapsed, timer, metres, sport, calories, lon, lat = (list(column) for column in zip(*laps))
        writer.add_points("laps", np.array(lon, dtype=float), np.array(lat, dtype=float), None, {
            "file_id": file_id, "lap_index": list(range(1, len(laps) + 1)),
            "start_time": format_times(np.array(start, dtype=float)),
            "end_time": format_times(np.array(end, dtype=float)),
            "elapsed_s": np.array(elapsed, dtype=float), "timer_s": np.array(timer, dtype=float),
            "distance_km": np.array(metres, dtype=float) / 1000.0, "sport": [text or None for text in sport],
            "calories": np.array(calories, dtype=float)})
    return len(laps)


def parse_track_bytes(data: bytes, path: str) -> GpxDocument:
    """GPX, FIT or TCX by the file's first bytes (a FIT header says '.FIT', TCX names its root), not its name."""
    if is_fit(data[:14]):
        return parse_fit_bytes(data, path)
    if is_tcx(data[:1024]):
        return parse_tcx_bytes(data, path)
    return parse_gpx_bytes(data, path)


def _file_format(doc: GpxDocument) -> str:
    return "FIT" if isinstance(doc, FitDocument) else "TCX" if isinstance(doc, TcxDocument) else "GPX"


def _left_out(doc: GpxDocument) -> tuple[list[tuple[str, str]], int]:
    """What the reader could not take, where (a GPX line, a FIT byte offset, records by reason), and how many
    points that is."""
    out = [(f"line {line}", reason) for line, reason in doc.rejected]
    points = len(doc.rejected)
    if isinstance(doc, FitDocument):
        out += [(f"byte {p.offset}", p.reason) for p in doc.problems]
    if isinstance(doc, FitDocument | TcxDocument):
        out += [("records", f"{count} {reason}") for reason, count in doc.skipped.items()]
        points += sum(doc.skipped.values())
    return out, points


def _clock_warnings(c: CleaningReport) -> list[str]:
    """What a user must hear about the file's clock: its tracks were kept, but without (some of) their times."""
    out = []
    if c.constant_clock:
        out.append(f"the clock did not run ({c.constant_clock} fixes at one time): the track is kept without time, "
                   "no time figures")
    if c.impossible_time:
        out.append(f"{c.impossible_time} fix(es) with a time before 1990 or in the future: kept without that time")
    return out


def _previous(known: dict[str, tuple[int, str]], key: str) -> str | None:
    """The stored key of this file: itself, or (a store from before keys were paths) its bare name."""
    if key in known:
        return key
    name = key.rsplit("/", 1)[-1]
    return name if name in known and "/" not in name else None


def import_gpx(paths: list[str], gpkg_path: str, rules: CleaningRules = CleaningRules(),
               feedback: Feedback | None = None) -> GpxImportReport:
    """Import track files, folders and zips into the expedition GeoPackage, in one transaction.

    A file already imported with the same content is skipped, and so is a file whose bytes another imported
    file already has ("same content as"); a file with new content replaces its own earlier rows; a file that
    cannot be read is reported and the others still import. Files are read one at a time, so memory follows
    the largest file, not the number of files.
    """
    feedback = feedback or SilentFeedback()
    report = GpxImportReport()
    sources, report.failed = find_sources(paths)
    if not sources and not report.failed:
        raise StepError(f"no GPX, FIT or TCX file found in {', '.join(paths)}")
    new_store = not os.path.exists(gpkg_path) or os.path.getsize(gpkg_path) == 0
    gpkg.open_store(gpkg_path)  # creates or checks the schema, through GDAL
    with BulkWriter(gpkg_path, new_store=new_store) as writer:
        known = writer.known_files()
        by_content = {sha: key for key, (_fid, sha) in known.items()}
        for done, source in enumerate(sources):
            check_canceled(feedback)
            feedback.setProgress(100.0 * done / len(sources))
            try:
                data = unpack(source.read(), source.path)
                digest = hashlib.sha256(data).hexdigest()
                before = _previous(known, source.key)
                if before is not None and known[before][1] == digest:
                    report.unchanged.append(source.path)  # the same bytes: nothing to parse or write
                    continue
                if by_content.get(digest, source.key) != source.key:
                    report.same_content.append((source.path, by_content[digest]))
                    feedback.pushInfo(f"{source.path}: same content as {by_content[digest]}, not imported twice")
                    continue
                doc = parse_track_bytes(data, source.path)
                del data
            except GpxError as exc:
                report.failed.append((source.path, exc.reason if exc.line is None else
                                      f"line {exc.line}: {exc.reason}"))
                feedback.reportError(str(exc))
                continue
            if before is not None:
                writer.delete_file(known.pop(before)[0])
                report.replaced.append(source.path)
            else:
                report.imported.append(source.path)
            file_id = writer.add_file({
                "file_name": source.key, "sha256": digest, "file_format": _file_format(doc),
                "imported_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            })
            cleaning = _write_document(writer, doc, source, file_id, rules, report)
            report.warnings += [(source.path, what) for what in _clock_warnings(cleaning)]
            left_out, points_left_out = _left_out(doc)
            report.rejected += [(source.path, where, reason) for where, reason in left_out]
            laps = _write_laps(writer, doc, file_id)
            report.laps += laps
            writer.update_file(file_id, {**cleaning.as_dict(), "rejected_points": points_left_out, "laps": laps})
            report.cleaning.add(cleaning)
            known[source.key] = (file_id, digest)
            by_content[digest] = source.key
        if report.failed and not (report.imported or report.replaced or report.unchanged or report.same_content):
            raise StepError("no track file could be imported:\n" + "\n".join(f"{p}: {r}" for p, r in report.failed))
    feedback.setProgress(100.0)
    for line in report.lines():
        feedback.pushInfo(line)
    return report


__all__ = ["GpxImportReport", "import_gpx", "parse_track_bytes"]

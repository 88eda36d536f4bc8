"""Import tracks (GPX of GPS loggers and phones, FIT of bike computers and watches): files and folders into the
store's tracks, fixes and waypoints, cleaned, idempotent."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

import numpy as np

from ..core.cleaning import CleaningReport, CleaningRules, clean_fixes
from ..core.fit import FitDocument, is_fit, parse_fit_bytes
from ..core.gpx import TRACK_SUFFIXES, GpxDocument, GpxError, find_gpx_files, load_gpx_bytes, parse_gpx_bytes
from ..core.isotime import format_times
from ..core.tracks import track_stats
from ..errors import StepError
from ..store import gpkg
from ..store.bulk import BulkWriter
from .feedback import Feedback, SilentFeedback, check_canceled


@dataclass
class GpxImportReport:
    imported: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    rejected: list[tuple[str, str, str]] = field(default_factory=list)  # left out: file, where ("line 12"), why
    cleaning: CleaningReport = field(default_factory=CleaningReport)
    tracks: int = 0
    fixes: int = 0
    distance_km: float = 0.0

    def lines(self) -> list[str]:
        c = self.cleaning
        out = [
            f"Tracks: {len(self.imported)} file(s) imported, {len(self.replaced)} replaced, "
            f"{len(self.unchanged)} already imported and unchanged, {len(self.failed)} failed",
            f"  {self.tracks} track segment(s), {self.fixes} fixes kept, {self.distance_km:.1f} km",
            f"  cleaning: {c.missing_time} without time, {c.duplicates} duplicate(s), {c.backwards} going "
            f"backwards, {c.spikes} spike(s) removed, {c.gaps_split} gap split(s)",
        ]
        left_out = {
            "without usable coordinates": c.bad_position, "at (0, 0)": c.null_island,
            "with an impossible time (before 1990 or in the future), kept without it": c.impossible_time,
            "on a clock that did not run (one time for all), kept without time": c.constant_clock,
            "with an impossible elevation, kept without it": c.bad_elevation,
            "alone between gaps (no track of one fix)": c.lone_fixes,
        }
        if any(left_out.values()):
            out.append("  fixes " + "; ".join(f"{n} {what}" for what, n in left_out.items() if n))
        out += [f"  FAILED {path}: {reason}" for path, reason in self.failed]
        shown = 20
        out += [f"  {path}, {where}: {reason}" for path, where, reason in self.rejected[:shown]]
        if len(self.rejected) > shown:
            out.append(f"  ... and {len(self.rejected) - shown} more point(s) or value(s) left out")
        return out


def _write_gpx_document(writer: BulkWriter, doc: GpxDocument, file_id: int, rules: CleaningRules,
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


def _parse_track_bytes(data: bytes, path: str) -> GpxDocument:
    """GPX or FIT by the file's first bytes (a FIT header says '.FIT'), not by its name."""
    if is_fit(data[:14]):
        return parse_fit_bytes(data, path)
    return parse_gpx_bytes(data, path)


def _left_out(doc: GpxDocument) -> tuple[list[tuple[str, str]], int]:
    """What the reader could not take, where (a GPX line, a FIT byte offset, FIT records by reason), and how many
    points that is."""
    out = [(f"line {line}", reason) for line, reason in doc.rejected]
    points = len(doc.rejected)
    if isinstance(doc, FitDocument):
        out += [(f"byte {p.offset}", p.reason) for p in doc.problems]
        out += [("records", f"{count} {reason}") for reason, count in doc.skipped.items()]
        points += sum(doc.skipped.values())
    return out, points


def _require_times(doc: GpxDocument) -> None:
    """A track without any time cannot be placed in days, regions' dates or photo sync: refuse it."""
    tracks = [s for s in doc.segments if s.kind == "track"]
    fixes = sum(len(s.fixes) for s in tracks)
    if fixes and all(np.isnan(s.fixes.time).all() for s in tracks):
        raise GpxError(doc.path, f"none of its {fixes} track fixes has a time (a planned route, not a ride?)")


def import_gpx(paths: list[str], gpkg_path: str, rules: CleaningRules = CleaningRules(),
               feedback: Feedback | None = None) -> GpxImportReport:
    """Import GPX files and folders into the expedition GeoPackage, in one transaction.

    A file already imported with the same content is skipped; a file of the same name with new content
    replaces its earlier rows; a file that cannot be read is reported and the others still import.
    Files are read one at a time, so memory follows the largest file, not the number of files.
    """
    feedback = feedback or SilentFeedback()
    report = GpxImportReport()
    files = find_gpx_files(paths, TRACK_SUFFIXES)
    if not files:
        raise StepError(f"no GPX or FIT file found in {', '.join(paths)}")
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
                doc = _parse_track_bytes(data, path)
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
            left_out, points_left_out = _left_out(doc)
            report.rejected += [(path, where, reason) for where, reason in left_out]
            writer.update_file(file_id, {**cleaning.as_dict(), "rejected_points": points_left_out})
            report.cleaning.add(cleaning)
            known[name] = (file_id, digest)
        if report.failed and not (report.imported or report.replaced or report.unchanged):
            raise StepError("no GPX file could be imported:\n" + "\n".join(f"{p}: {r}" for p, r in report.failed))
    feedback.setProgress(100.0)
    for line in report.lines():
        feedback.pushInfo(line)
    return report

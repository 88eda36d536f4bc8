"""Media: photos, videos and audio notes placed by EXIF GPS or by time against the track, linked to the
nearest finding; tagged copies on request; the camera clock's error from one photo.

Thumbnails are made by a `Thumbnailer` the caller passes in (the entry points give Qt's, from
`thumbnails.py`): this module needs no Qt.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np

from ..core.exif import ExifError, with_gps
from ..core.isotime import format_times, parse_times
from ..core.media import MediaFile, fingerprint, legacy_photo, prefetch_head, read_media, walk_media
from ..core.photos import Timeline, estimate_offset, locate_by_time
from ..core.tracks import LOCAL_TZ
from ..errors import StepError
from ..store import gpkg
from ..store.bulk import BulkWriter, point_xy, read_rows, read_track_rows
from ..store.track_times import fixes_around
from .feedback import Feedback, SilentFeedback, check_canceled

# (file path, the EXIF's embedded thumbnail or None, EXIF orientation) -> an upright JPEG, or None; one with a
# `prepare()` method has it called once, on the calling thread, before the first thumbnail
Thumbnailer = Callable[[str, bytes | None, int], bytes | None]


@dataclass
class MediaReport:
    with_gps: int = 0
    time_synced: int = 0
    unchanged: int = 0
    moved: int = 0
    linked: int = 0  # media linked to a finding
    unplaced: list[tuple[str, str]] = field(default_factory=list)  # (file, why it has no position)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file or folder, what is wrong)
    time_sources: dict[str, int] = field(default_factory=dict)  # where the written files' times come from
    thumbnails_later: int = 0  # photos stored without a thumbnail: pictured from the original where shown

    def line(self) -> str:
        sources = ", ".join(f"{n} {TIME_SOURCES.get(k, k)}" for k, n in sorted(self.time_sources.items()))
        later = (f"; {self.thumbnails_later} photo(s) without an embedded thumbnail, pictured from the original "
                 "where shown (--all-thumbnails stores them now)" if self.thumbnails_later else "")
        return (f"Media: {self.with_gps} placed by their GPS, {self.time_synced} by time against the track, "
                f"{len(self.unplaced)} not placed, {self.unchanged} unchanged, {self.moved} moved; "
                f"{self.linked} linked to a finding" + (f"; times from {sources}" if sources else "") + later)


# exiftool's tag names (stored in media.time_source) as the report says them
TIME_SOURCES = {"DateTimeOriginal": "DateTimeOriginal", "CreateDate": "CreateDate (digitized or video)",
                "CreationDate": "CreationDate (Apple, with its offset)", "XMP": "XMP (the capture time only there)",
                "FileModifyDate": "the file's modification time (no capture time in the file)"}


def _timeline(gpkg_path: str) -> Timeline:
    return Timeline.from_parts([(c[:, 3], c[:, 0], c[:, 1]) for _fid, _day, c in read_track_rows(gpkg_path)])


def _timeline_around(gpkg_path: str, times: np.ndarray) -> Timeline:
    """The fixes that matching `times` (those of the files without a position of their own) reads: a few per
    time through SQLite's blob I/O (store/track_times.py), not the whole track (4 months: ~0.3 s, ~250 MB)."""
    if not np.isfinite(times).any():
        return Timeline.from_parts([])
    parts = fixes_around(gpkg_path, times)
    return _timeline(gpkg_path) if parts is None else Timeline.from_parts(parts)


def parse_utc_offset(text: str) -> timezone:
    match = re.fullmatch(r"(?:UTC)?([+-])(\d{1,2}):?(\d{2})?", text.strip())
    if not match:
        raise StepError(f"time zone {text!r} is not like +05:00")
    sign = -1 if match.group(1) == "-" else 1
    return timezone(sign * timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0)))


def scan_media(folder: str, feedback: Feedback | None = None) -> tuple[list[MediaFile], list[tuple[str, str]]]:
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
        if n + PREFETCH < len(paths):
            prefetch_head(paths[n + PREFETCH])
        files.append(read_media(path, folder))
    return files, skipped


PREFETCH = 16  # files ahead whose heads the disk is asked for while the one before is parsed
DEFAULT_TZ = "+05:00"  # Kazakhstan: the zone of a camera clock without an offset tag when none is given or stored


@dataclass
class _Stored:
    fid: int
    path: str
    source: str
    offset_s: float | None
    camera_tz: str | None
    folder: str | None  # the folder it was imported from (None: stored before the store kept it)


def upgraded_fingerprints(stored: list[tuple[int, str, str | None, int | None]],
                          files: list[MediaFile]) -> dict[int, str]:
    """fid -> its photo's current fingerprint, for the stored (fid, fingerprint, kind, size) rows of photos still
    under the head-and-tail fingerprint of schema 11 whose photo is among `files`. Only a file of the same size as
    such a row has its tail read, so a store made by an earlier version finds its photos again (no second row)
    while a folder of new photos never pays for it; the caller writes the new ones with its other changes."""
    legacy: dict[int | None, dict[str, list[int]]] = {}
    for fid, fp, kind, size in stored:
        if kind == "photo" and legacy_photo(fp):
            legacy.setdefault(size, {}).setdefault(fp, []).append(fid)
    upgraded: dict[int, str] = {}
    for media in files if legacy else []:
        same_size = legacy.get(media.size)
        if media.kind != "photo" or not media.fingerprint or not same_size:
            continue
        try:
            old = fingerprint(media.path, media.size)
        except OSError:
            continue
        for fid in same_size.pop(old, []):
            upgraded[fid] = media.fingerprint
    return upgraded


def _stored_media(gpkg_path: str, files: list[MediaFile]) -> tuple[dict[str, list[_Stored]], dict[int, str]]:
    """fingerprint -> the media already in the store with it (a copy in another folder is a row of its own); and
    the stored photos whose fingerprint is upgraded (fid -> the new one)."""
    rows = read_rows(gpkg_path, "SELECT fid, path, fingerprint, position_source, offset_s, camera_tz, media_folder, "
                                "kind, size FROM media WHERE fingerprint IS NOT NULL")
    upgraded = upgraded_fingerprints([(row[0], row[2], row[7], row[8]) for row in rows], files)
    stored: dict[str, list[_Stored]] = {}
    for fid, path, fp, source, offset, tz, folder, _kind, _size in rows:
        stored.setdefault(upgraded.get(fid, fp), []).append(_Stored(fid, path, source, offset, tz, folder))
    return stored, upgraded


def _match_stored(files: list[MediaFile], stored: dict[str, list[_Stored]], folder: str) -> list[_Stored | None]:
    """Each file's row in the store: the one at its own path in this folder; else, same content whose original
    is gone (it was moved or renamed, or the whole folder moved); else none: a new file, also when it is a copy
    of a photo still in its place (in this folder or the one it was imported from)."""
    found = {media.rel for media in files}

    def original_gone(row: _Stored) -> bool:
        if row.folder is None or row.folder == folder:
            return row.path not in found
        return not os.path.isfile(os.path.join(row.folder, row.path))

    taken: set[int] = set()
    match: list[_Stored | None] = [None] * len(files)
    for i, media in enumerate(files):
        for row in stored.get(media.fingerprint, []) if media.fingerprint else []:
            if row.path == media.rel and row.folder in (None, folder):
                match[i] = row
                taken.add(row.fid)
    for i, media in enumerate(files):
        if match[i] is not None or not media.fingerprint:
            continue
        for row in stored.get(media.fingerprint, []):
            if row.fid not in taken and original_gone(row):
                match[i] = row
                taken.add(row.fid)
                break
    return match


def _thumbnails(thumbnailer: Thumbnailer, jobs: list[tuple[str, bytes | None, int]],
                feedback: Feedback) -> list[bytes | None]:
    """Thumbnails made on all cores: the decoders (Qt's, GDAL's) release Python's lock while they work."""
    def one(job: tuple[str, bytes | None, int]) -> bytes | None:
        if feedback.isCanceled():
            return None
        try:
            return thumbnailer(*job)
        except Exception:
            return None

    prepare = getattr(thumbnailer, "prepare", None)  # Qt's starts QGIS here, on this thread, if there is work
    if jobs and prepare is not None:
        prepare()
    workers = max(1, min(8, os.cpu_count() or 1))
    if workers == 1 or len(jobs) < 8:
        return [one(job) for job in jobs]
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(one, jobs, chunksize=16))


def import_media(folder: str, gpkg_path: str, camera_tz: str | None = None, offset_s: float | None = None,
                 max_gap_s: float = 300.0, max_extrapolation_s: float = 60.0,
                 thumbnailer: Thumbnailer | None = None, feedback: Feedback | None = None,
                 all_thumbnails: bool = False) -> MediaReport:
    """Place the photos, videos and audio notes of a folder, like exiftool -geotag: EXIF GPS where present,
    else their time (camera clock minus its offset, in the camera's time zone) matched to the imported
    track. Paths are stored relative to the folder, files are never modified. A re-scan adds new files,
    finds moved ones again by their fingerprint, and re-places the time-synced ones; positions set by hand are
    kept. The clock's zone and offset apply to every file when given; when not, each file keeps the ones it
    was placed with (a copy of a stored photo: that photo's; new files: +05:00 and 0 s). With a `thumbnailer`,
    photos get a stored thumbnail from the one the camera embedded (HEIF: the one in the file); a photo without
    one gets none: decoding its picture would cost more than reading all of its tags, so the readers of the
    store (map tips, viewer, atlas, web atlas) make it from the original where they show it. `all_thumbnails`
    stores those too, decoded now, for a store that travels without its photos."""
    feedback = feedback or SilentFeedback()
    given_tz = parse_utc_offset(camera_tz) if camera_tz else None
    report = MediaReport()
    files, skipped = scan_media(folder, feedback)
    report.problems.extend(skipped)
    gpkg.open_store(gpkg_path)
    stored, upgraded = _stored_media(gpkg_path, files)
    root = os.path.realpath(folder)
    match = _match_stored(files, stored, root)

    # What a file keeps when the options are not given: its own row's zone and offset; a copy (same bytes, so the
    # same camera clock) those of the photo it copies; a new file the defaults.
    keep = [old or next(iter(stored.get(f.fingerprint, [])), None) for f, old in zip(files, match, strict=True)]
    zone_text = [camera_tz if camera_tz else (old.camera_tz if old and old.camera_tz else DEFAULT_TZ)
                 for old in keep]
    zones = {text: given_tz if text == camera_tz and given_tz else parse_utc_offset(text) for text in set(zone_text)}
    offsets = np.array([offset_s if offset_s is not None else
                        (old.offset_s if old is not None and old.offset_s is not None else 0.0) for old in keep])
    clock = np.array([np.nan if (t := f.meta.camera_time(zones[z])) is None else t
                      for f, z in zip(files, zone_text, strict=True)], dtype=np.float64)
    gps_time = np.array([f.meta.gps_utc if f.meta.gps_utc is not None else np.nan for f in files])
    # A time from the file system or from a video's UTC box is no camera clock reading: no offset applies.
    own_clock = np.array([(f.meta.time_source in ("DateTimeOriginal", "CreateDate", "XMP") and f.kind == "photo")
                          or f.meta.time_source == "CreationDate" for f in files], dtype=bool)
    true_time = np.where(own_clock, clock - offsets, clock)
    timeline = _timeline_around(gpkg_path, true_time[[not f.meta.has_position for f in files]])
    sync_lon, sync_lat, reasons = locate_by_time(timeline, true_time, max_gap_s, max_extrapolation_s)
    rows: dict[str, list] = {k: [] for k in ("lon", "lat", "path", "kind", "taken_at", "time_source",
                                              "position_source", "offset_s", "camera_tz", "media_folder", "direction",
                                              "orientation", "camera", "fingerprint", "size", "problems")}
    thumb_jobs: list[tuple[str, bytes | None, int]] = []
    later: dict[int, int | None] = {}  # photos without a thumbnail job -> the row they replace (its thumbnail kept)
    replace: list[int] = []
    renamed: list[tuple[str, str, int]] = []
    for i, media in enumerate(files):
        if i % 100 == 0:
            check_canceled(feedback)
            feedback.setProgress(60.0 + 20.0 * i / max(1, len(files)))
        meta = media.meta
        for problem in media.problems:
            if problem != "no EXIF metadata":
                report.problems.append((media.path, problem))
        old = match[i]
        if old is not None and old.source == "manual":
            if old.path != media.rel or old.folder not in (None, root):
                report.moved += 1  # placed by hand: the place stays, only the path follows the file
                renamed.append((media.rel, root, old.fid))
            else:
                report.unchanged += 1
            continue
        if meta.has_position:
            lon, lat, source, used_offset = meta.lon, meta.lat, "exif", 0.0
            taken = gps_time[i] if not np.isnan(gps_time[i]) else clock[i]
            report.with_gps += 1
        elif not np.isnan(sync_lon[i]):
            lon, lat, source, used_offset, taken = sync_lon[i], sync_lat[i], "time-sync", offsets[i], true_time[i]
            report.time_synced += 1
        else:
            why = reasons[i] if not np.isnan(clock[i]) else ("; ".join(media.problems) or "no time to match")
            lon = lat = np.nan
            source, used_offset, taken = "none", offsets[i], true_time[i]
            report.unplaced.append((media.path, why))
            feedback.reportError(f"{media.path}: not placed ({why})")
        if meta.time_source:
            report.time_sources[meta.time_source] = report.time_sources.get(meta.time_source, 0) + 1
        if old is not None:
            if old.path != media.rel or old.folder not in (None, root):
                report.moved += 1
            elif source == "exif" and old.source == "exif":
                report.unchanged += 1  # same bytes, same place: nothing to write
                report.with_gps -= 1
                continue
            replace.append(old.fid)
        # A photo stored turned (an orientation tag) gets its thumbnail now even without an embedded one: the map
        # tips show the original through QGIS's web view, which ignores the tag and would show it on its side.
        if thumbnailer is not None and media.kind == "photo" and media.size and (
                meta.thumbnail or meta.container == "heif" or meta.orientation != 1):
            thumb_jobs.append((media.path, meta.thumbnail, meta.orientation if meta.container != "heif" else 1))
        else:
            if thumbnailer is not None and media.kind == "photo" and media.size:
                later[len(thumb_jobs)] = old.fid if old is not None else None
            thumb_jobs.append(("", None, 0))
        for key, value in (("lon", lon), ("lat", lat), ("path", media.rel), ("kind", media.kind),
                           ("taken_at", taken), ("time_source", meta.time_source or None),
                           ("position_source", source), ("offset_s", used_offset), ("camera_tz", zone_text[i]),
                           ("media_folder", root),
                           ("direction", np.nan if meta.direction is None else meta.direction),
                           ("orientation", meta.orientation), ("camera", f"{meta.make} {meta.model}".strip()),
                           ("fingerprint", media.fingerprint or None), ("size", media.size),
                           ("problems", "; ".join(media.problems) or None)):
            rows[key].append(value)
    if thumbnailer is not None:
        feedback.setProgress(80.0)
        wanted = [k for k, job in enumerate(thumb_jobs) if job[0]]
        made = _thumbnails(thumbnailer, [thumb_jobs[k] for k in wanted], feedback)
        check_canceled(feedback)
        thumbs: list[bytes | None] = [None] * len(thumb_jobs)
        for k, blob in zip(wanted, made, strict=True):
            thumbs[k] = blob
        kept = _stored_thumbnails(gpkg_path, [fid for fid in later.values() if fid is not None])
        for k, fid in later.items():
            thumbs[k] = kept.get(fid) if fid is not None else None
        report.thumbnails_later = sum(1 for k in later if thumbs[k] is None)
        rows["thumbnail"] = thumbs
    with BulkWriter(gpkg_path, tables=("media",)) as writer:
        writer.conn.executemany("UPDATE media SET fingerprint = ? WHERE fid = ?",
                                [(fp, fid) for fid, fp in upgraded.items()])
        writer.delete_rows("media", replace)
        writer.conn.executemany("UPDATE media SET path = ?, media_folder = ? WHERE fid = ?", renamed)
        add_media_rows(writer, rows, ("offset_s", "direction"))
    if thumbnailer is not None and all_thumbnails:
        filled = store_missing_thumbnails(gpkg_path, thumbnailer, feedback)
        report.thumbnails_later = max(0, report.thumbnails_later - filled)
    report.linked = link_media(gpkg_path)
    feedback.setProgress(100.0)
    feedback.pushInfo(report.line())
    for where, what in report.problems:
        feedback.reportError(f"{where}: {what}")
    return report


def _stored_thumbnails(gpkg_path: str, fids: list[int]) -> dict[int, bytes]:
    """The thumbnails stored in these rows (those that have one)."""
    found: dict[int, bytes] = {}
    for start in range(0, len(fids), 500):
        part = fids[start: start + 500]
        sql = f"SELECT fid, thumbnail FROM media WHERE thumbnail IS NOT NULL AND fid IN ({', '.join('?' * len(part))})"
        found.update((fid, bytes(blob)) for fid, blob in read_rows(gpkg_path, sql, tuple(part)))
    return found


def store_missing_thumbnails(gpkg_path: str, thumbnailer: Thumbnailer, feedback: Feedback | None = None,
                             chunk: int = 500) -> int:
    """Thumbnails for the stored photos that have none (no embedded one: the import left them to be made where
    shown), decoded now from the originals where they still are, chunk by chunk (memory stays bounded); returns
    how many were stored."""
    feedback = feedback or SilentFeedback()
    rows = read_rows(gpkg_path, "SELECT fid, media_folder, path, orientation FROM media WHERE kind = 'photo' "
                                "AND thumbnail IS NULL AND media_folder IS NOT NULL AND path IS NOT NULL")
    jobs = [(fid, os.path.join(folder, rel), orientation or 1) for fid, folder, rel, orientation in rows]
    jobs = [job for job in jobs if os.path.isfile(job[1])]
    stored = 0
    with BulkWriter(gpkg_path, tables=("media",)) as writer:
        for start in range(0, len(jobs), chunk):
            check_canceled(feedback)
            part = jobs[start: start + chunk]
            made = _thumbnails(thumbnailer, [(path, None, orientation) for _fid, path, orientation in part], feedback)
            updates = [(blob, fid) for (fid, _p, _o), blob in zip(part, made, strict=True) if blob]
            writer.conn.executemany("UPDATE media SET thumbnail = ? WHERE fid = ?", updates)
            stored += len(updates)
    return stored


def add_media_rows(writer: BulkWriter, rows: dict[str, list], numbers: tuple[str, ...]) -> None:
    """New media rows, column by column (`lon`, `lat`, `taken_at` as epoch seconds, the `numbers` as floats
    with NaN for none, the rest as they are), into the media table in one bulk insert; nothing when empty."""
    if not rows["path"]:
        return
    columns: dict[str, object] = dict(rows)
    lon_column = np.array(columns.pop("lon"), dtype=np.float64)
    lat_column = np.array(columns.pop("lat"), dtype=np.float64)
    columns["taken_at"] = format_times(np.array(rows["taken_at"], dtype=np.float64))
    for key in numbers:
        columns[key] = np.array(rows[key], dtype=np.float64)
    writer.add_points("media", lon_column, lat_column, None, columns)


def link_media(gpkg_path: str, max_distance_m: float = 500.0, max_dt_s: float = 3 * 3600.0) -> int:
    """Each photo, video or note to the nearest finding within the distance and time windows (a finding
    without a time: distance only). Links set by hand (link_source 'manual') or by the phone that took the
    photo for its finding (link_source 'field', steps/field_import.py) are kept. Returns the links."""
    findings = read_rows(gpkg_path, "SELECT finding_id, geom, observed_at FROM findings WHERE geom IS NOT NULL")
    media = read_rows(gpkg_path, "SELECT fid, geom, taken_at FROM media WHERE geom IS NOT NULL "
                                 "AND coalesce(link_source, '') NOT IN ('manual', 'field')")
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
        if not meta.has_position or meta.lon is None or meta.lat is None:
            raise StepError(f"{photo}: no GPS position; give the place (--lon --lat) or the true time")
        lon, lat = meta.lon, meta.lat
    found = estimate_offset(_timeline(gpkg_path), lon, lat, camera, max_distance_m)
    if found is None:
        raise StepError(f"{photo}: the imported track never passes within {max_distance_m:.0f} m of "
                        f"{lat:.5f}, {lon:.5f}")
    offset, distance, when = found
    return offset, (f"camera clock ahead by {offset:+.0f} s: the track passed {distance:.0f} m from the photo's "
                    f"place at {datetime.fromtimestamp(when, timezone.utc).isoformat()}")

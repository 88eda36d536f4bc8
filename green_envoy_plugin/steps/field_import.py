"""import-field: what the phones brought back (a QField or Mergin Maps project folder or zip, an ODK Central
export zip, a KoboToolbox CSV/XLSX export with its media zip) into the store, whole and once.

Findings are matched by the capture's uuid (the kit's finding_id, ODK's instanceID / KEY, Kobo's _uuid): a
second import of the same return changes nothing; a finding edited on the phone since updates the stored one
only when the phone's change is newer than the store's `modified_at` (a desktop edit made later is kept and
the phone's version reported, never written over). Versioning here is local to the GeoPackage store
(`modified_at`, `edited_by`); the shared PostGIS store has its own (store/postgis.py).

Each photo named by a row is copied into the store's media folder (`<store>_media/field/<finding>/<file>`),
recognised by its fingerprint (a re-import copies nothing), placed by its own EXIF GPS or else at its finding,
linked to that finding (link_source 'field', kept by later automatic linking) and given a thumbnail. The report
counts rows imported, updated, unchanged, kept, rejected with their reasons, paths that name no file, and files
that no row names.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np

from ..core.field_form import KIT_TABLE
from ..core.field_returns import FieldRecord, FieldReturn, detect_kind, iso, parse_app_table, qfield_records
from ..core.findings import Finding, parse_finding
from ..core.media import KINDS, read_media
from ..core.sheets import TableError, read_table
from ..core.tracks import LOCAL_TZ
from ..errors import StepError
from ..store import gpkg
from ..store.bulk import BulkWriter, point_xy, read_rows
from .feedback import Feedback, SilentFeedback, check_canceled
from .media import Thumbnailer, add_media_rows, upgraded_fingerprints

MAX_UNPACKED = 8 * 1024 ** 3  # a week of three phones' photos is a few GB
FINDING_COLUMNS = ("finding_id", "observed_at", "category", "case_type", "severity", "concerns", "settlement",
                   "description", "source")


@dataclass
class FieldImportReport:
    source: str
    kind: str = ""
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: list[tuple[str, str]] = field(default_factory=list)  # (where, why the store's version was kept)
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (where, reason)
    missing_files: list[tuple[str, str]] = field(default_factory=list)  # (where, the path the row names)
    orphan_files: list[str] = field(default_factory=list)  # media in the return that no row names
    media_added: int = 0
    media_unchanged: int = 0

    @property
    def complete(self) -> bool:
        return not (self.kept or self.rejected or self.missing_files or self.orphan_files)

    def line(self) -> str:
        return (f"Field return ({self.kind}) {self.source}: {self.imported} finding(s) imported, {self.updated} "
                f"updated, {self.unchanged} unchanged, {len(self.kept)} kept as newer in the store, "
                f"{len(self.rejected)} rejected; photos: {self.media_added} added, {self.media_unchanged} "
                f"already there, {len(self.missing_files)} named but missing, {len(self.orphan_files)} with no row")


def media_folder(gpkg_path: str) -> str:
    """The store's own media folder, beside it: <folder>/<store name>_media."""
    return os.path.splitext(os.path.abspath(gpkg_path))[0] + "_media"


def _unpack(archive_path: str, into: str, report: FieldImportReport) -> None:
    """A zip unpacked safely: no member outside `into` (../, absolute paths, links), no more than MAX_UNPACKED."""
    try:
        with zipfile.ZipFile(archive_path) as archive:
            members = archive.infolist()
            if sum(m.file_size for m in members) > MAX_UNPACKED:
                raise StepError(f"{archive_path}: unpacks to more than {MAX_UNPACKED // 1024 ** 3} GB (refused)")
            root = os.path.realpath(into)
            for member in members:
                target = os.path.realpath(os.path.join(into, member.filename))
                if not target.startswith(root + os.sep) or (member.external_attr >> 28) == 0o12:
                    report.rejected.append((member.filename, "a zip member outside the return (left out)"))
                    continue
                if member.file_size > 10_000_000 and member.file_size > 100 * max(1, member.compress_size):
                    # photos and tables do not shrink a hundredfold: a zip bomb's member does
                    ratio = member.file_size // max(1, member.compress_size)
                    report.rejected.append((member.filename, f"expands {ratio} times (left out as a zip bomb)"))
                    continue
                if member.is_dir():
                    continue
                os.makedirs(os.path.dirname(target), exist_ok=True)
                with archive.open(member) as source, open(target, "wb") as out:
                    shutil.copyfileobj(source, out, 1 << 20)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zipfile.LargeZipFile, NotImplementedError,
            RuntimeError, zlib.error) as exc:  # a damaged, exotic or password-protected zip
        raise StepError(f"{archive_path}: not a readable zip ({exc})") from None


def _kit_geopackages(folder: str) -> list[str]:
    found = []
    for base, _dirs, files in os.walk(folder):
        found += [os.path.join(base, f) for f in sorted(files) if f.lower().endswith(".gpkg")]
    out = []
    for path in found:
        try:
            tables = {r[0] for r in read_rows_plain(path, "SELECT table_name FROM gpkg_contents")}
        except Exception:  # a GeoPackage of the return we cannot read: the others still count
            continue
        if KIT_TABLE in tables and _has_column(path, KIT_TABLE, "photo"):
            out.append(path)
    return out


def read_rows_plain(path: str, sql: str) -> list[tuple]:
    import sqlite3
    from urllib.parse import quote

    conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)  # a '?' or '#' in a name
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _has_column(path: str, table: str, column: str) -> bool:
    return any(r[1] == column for r in read_rows_plain(path, f'PRAGMA table_info("{table}")'))


def _ogr_time(feature: object, index: int) -> str:
    """An OGR date-time field as ISO 8601 with its offset (OGR's text form is 2025/08/03 12:00:00+05)."""
    y, mo, d, h, mi, s, tz = feature.GetFieldAsDateTime(index)  # type: ignore[attr-defined]
    text = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{int(s):02d}.{round((s % 1) * 1000):03d}"
    if tz >= 100:
        minutes = (tz - 100) * 15
        text += f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _read_kit(path: str) -> FieldReturn:
    from osgeo import ogr

    with gpkg.ogr_exceptions():
        ds = gpkg.open_dataset(path, "a field kit GeoPackage")
        layer = ds.GetLayerByName(KIT_TABLE)
        defn = layer.GetLayerDefn()
        names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        times = {i for i in range(defn.GetFieldCount()) if defn.GetFieldDefn(i).GetType() == ogr.OFTDateTime}
        rows = []
        for feature in layer:
            values = {n: (None if not feature.IsFieldSetAndNotNull(i) else
                          _ogr_time(feature, i) if i in times else feature.GetField(i)) for i, n in enumerate(names)}
            geom = feature.GetGeometryRef()
            point = None if geom is None or geom.IsEmpty() else (geom.GetX(), geom.GetY())
            rows.append((feature.GetFID(), values, point))
    return qfield_records(rows, path)


def _read_returns(folder: str, given: str, report: FieldImportReport) -> list[tuple[FieldReturn, str]]:
    """Every return found in the folder: the kit GeoPackages (their folder is where DCIM/ is), the ODK and Kobo
    tables (their folder, where media/ or files/ is)."""
    returns = [(_read_kit(path), os.path.dirname(path)) for path in _kit_geopackages(folder)]
    if returns:
        return returns
    unreadable: list[tuple[str, str]] = []
    for base, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if not name.lower().endswith((".csv", ".xlsx")):
                continue
            path = os.path.join(base, name)
            try:
                table = read_table(path)
            except TableError as exc:  # named: it may be the export itself, damaged
                unreadable.append((os.path.relpath(path, folder), str(exc).removeprefix(f"{path}: ")))
                continue
            kind = detect_kind(table.columns)
            if kind is None:
                continue  # a repeat group's table or an unrelated sheet
            parsed = parse_app_table(table, kind)
            parsed.source = os.path.relpath(path, folder) if given != path else path
            returns.append((parsed, base))
    if not returns:
        why = "; ".join(f"{name}: {reason}" for name, reason in unreadable[:3])
        raise StepError(f"{given}: no field return found (a kit GeoPackage with its findings, an ODK Central "
                        "export with meta-instanceID, or a KoboToolbox export with _uuid)"
                        + (f"; {why}" if why else ""))
    report.rejected.extend((name, f"not read ({reason})") for name, reason in unreadable)
    return returns


def _media_index(folder: str) -> dict[str, list[str]]:
    index: dict[str, list[str]] = {}
    for base, _dirs, files in os.walk(folder):
        for name in files:
            if os.path.splitext(name)[1].lower() in KINDS:
                index.setdefault(name.lower(), []).append(os.path.join(base, name))
    return index


def _find_file(named: str, uid: str, root: str, index: dict[str, list[str]]) -> str | None:
    """The file a row names: the kit's DCIM/<file> relative to the project, ODK's media/<file> or
    files/<instanceID>/<file>, Kobo's .../<_uuid>/<file>; else the only file of that name in the return."""
    relative = os.path.normpath(os.path.join(root, named.replace("\\", "/")))
    if os.path.isfile(relative) and os.path.realpath(relative).startswith(os.path.realpath(root)):
        return relative
    candidates = index.get(os.path.basename(named.replace("\\", "/")).lower(), [])
    own = [c for c in candidates if uid and uid in (p.removeprefix("uuid:") for p in c.replace("\\", "/").split("/"))]
    if own:
        return own[0]
    return candidates[0] if len(candidates) == 1 else None


def _same(stored: tuple, finding: Finding) -> bool:
    fid, *values, geom, _uid, _modified, _who = stored
    del fid
    lon, lat = point_xy(geom) if geom is not None else (np.nan, np.nan)
    old = dict(zip(FINDING_COLUMNS, values))
    new_time = None if finding.observed_at is None else gpkg.iso_utc(finding.observed_at)
    stored_time = old["observed_at"]
    same_time = (new_time is None and not stored_time) or (
        new_time is not None and bool(stored_time) and _epoch(stored_time) == round(finding.observed_at or 0))
    return (same_time and abs(lon - finding.lon) < 1e-7 and abs(lat - finding.lat) < 1e-7 and all(
        (old[k] or "") == (getattr(finding, k) or "") for k in FINDING_COLUMNS
        if k not in ("observed_at", "severity", "finding_id")) and int(old["severity"] or 3) == finding.severity)


def _epoch(text: str, whole_seconds: bool = True) -> float | None:
    from ..core.isotime import parse_times

    value = parse_times([text.replace("/", "-").encode()])[0]
    if np.isnan(value):
        return None
    return round(float(value)) if whole_seconds else round(float(value), 2)  # the store keeps hundredths


def _stored_time(text: str) -> float | None:
    """The store's modified_at: written by an import with its zone (UTC), or by QGIS's desktop form without one,
    in the local time of the machine that edited it, which is this desktop."""
    try:
        stamp = datetime.fromisoformat(text.replace("/", "-").replace("Z", "+00:00"))
    except ValueError:
        return _epoch(text, whole_seconds=False)
    return round(stamp.timestamp() if stamp.tzinfo else stamp.astimezone().timestamp(), 2)


def _upsert(gpkg_path: str, accepted: list[tuple[FieldRecord, Finding]], report: FieldImportReport) -> None:
    columns = ", ".join(FINDING_COLUMNS)
    stored = {row[-3] or row[1]: row for row in read_rows(
        gpkg_path, f"SELECT fid, {columns}, geom, field_uid, modified_at, edited_by FROM findings")}
    by_id = {row[1]: row for row in stored.values()}
    ds = gpkg.open_store(gpkg_path)
    layer = ds.GetLayerByName("findings")
    with gpkg.transaction(ds):
        for record, finding in accepted:
            old = stored.get(record.uid) or by_id.get(finding.finding_id)
            values = {"finding_id": finding.finding_id,
                      "observed_at": None if finding.observed_at is None else gpkg.iso_utc(finding.observed_at),
                      "category": finding.category, "case_type": finding.case_type, "severity": finding.severity,
                      "concerns": finding.concerns, "settlement": finding.settlement,
                      "description": finding.description, "source": finding.source, "field_uid": record.uid,
                      "modified_at": None if record.modified is None else gpkg.iso_utc(record.modified),
                      "edited_by": record.edited_by or None}
            if old is None:
                gpkg.new_row(layer, values, gpkg.point(finding.lon, finding.lat))
                report.imported += 1
                continue
            if _same(old, finding):
                report.unchanged += 1
                continue
            stored_modified = _stored_time(old[-2]) if old[-2] else None
            phone_modified = None if record.modified is None else round(record.modified, 2)
            # QGIS keeps whole seconds: the same second is the phone's own save, not a desktop edit after it
            if stored_modified is not None and (phone_modified is None or stored_modified > phone_modified):
                report.kept.append((record.line, f"{finding.finding_id}: the store's version (changed "
                                    f"{iso(stored_modified)}{' by ' + old[-1] if old[-1] else ''}) is newer than the "
                                    f"phone's ({iso(record.modified) or 'no time'}); not overwritten"))
                continue
            feature = layer.GetFeature(old[0])
            for key, value in values.items():
                if value is None:
                    feature.SetFieldNull(key)
                else:
                    feature.SetField(key, value)
            feature.SetGeometry(gpkg.point(finding.lon, finding.lat))
            layer.SetFeature(feature)
            report.updated += 1
    ds = None


def _copy_media(gpkg_path: str, placed: list[tuple[FieldRecord, Finding, str]], report: FieldImportReport,
                thumbnailer: Thumbnailer | None, feedback: Feedback) -> None:
    files = [read_media(path, os.path.dirname(path)) for _record, _finding, path in placed]
    stored = read_rows(gpkg_path, "SELECT fid, fingerprint, finding_id, link_source, kind, size FROM media "
                                  "WHERE fingerprint IS NOT NULL")
    upgraded = upgraded_fingerprints([(row[0], row[1], row[4], row[5]) for row in stored], files)
    known: dict[str, list[tuple[int, str | None, str | None]]] = {}  # fingerprint -> (fid, finding, link source)
    for fid, fp, linked, source, _kind, _size in stored:
        known.setdefault(upgraded.get(fid, fp), []).append((fid, linked, source))
    relink: list[tuple[str, int]] = []
    store_dir = os.path.dirname(os.path.abspath(gpkg_path))
    media_root = media_folder(gpkg_path)
    rows: dict[str, list] = {k: [] for k in ("lon", "lat", "path", "kind", "taken_at", "time_source",
                                              "position_source", "camera", "fingerprint", "size", "problems",
                                              "thumbnail", "finding_id", "finding_distance_m", "link_source",
                                              "orientation", "direction", "media_folder")}
    for k, (_record, finding, path) in enumerate(placed):
        if k % 50 == 0:
            check_canceled(feedback)
        media = files[k]
        if media.fingerprint and media.fingerprint in known:
            report.media_unchanged += 1
            # the same picture imported from a camera folder: the phone says whose it is (a hand-made link stays)
            relink += [(finding.finding_id, fid) for fid, linked, source in known[media.fingerprint]
                       if linked != finding.finding_id and source not in ("manual", "field")]
            continue
        folder = os.path.join(media_root, "field", _safe(finding.finding_id))
        os.makedirs(folder, exist_ok=True)
        target = os.path.join(folder, os.path.basename(path))
        if os.path.exists(target):
            target = os.path.join(folder, f"{media.fingerprint[:8]}_{os.path.basename(path)}")
        shutil.copy2(path, target)
        known.setdefault(media.fingerprint, []).append((-1, finding.finding_id, "field"))
        meta = media.meta
        if meta.has_position and meta.lon is not None and meta.lat is not None:
            lon, lat, source = meta.lon, meta.lat, "exif"
            distance = round(_metres(lon, lat, finding.lon, finding.lat), 1)
        else:
            lon, lat, source, distance = finding.lon, finding.lat, "finding", 0.0
        taken = meta.gps_utc if meta.gps_utc is not None else meta.camera_time(LOCAL_TZ)  # a phone keeps local time
        thumb = None
        if thumbnailer is not None and media.kind == "photo" and not media.problems:
            thumb = thumbnailer(target, meta.thumbnail, meta.orientation)
        stored_path = os.path.relpath(target, store_dir).replace(os.sep, "/")
        for key, value in (("lon", lon), ("lat", lat), ("path", stored_path),
                           ("kind", media.kind), ("taken_at", np.nan if taken is None else taken),
                           ("time_source", meta.time_source or None), ("position_source", source),
                           ("camera", f"{meta.make} {meta.model}".strip()), ("fingerprint", media.fingerprint or None),
                           ("size", media.size), ("problems", "; ".join(media.problems) or None),
                           ("thumbnail", thumb), ("finding_id", finding.finding_id), ("finding_distance_m", distance),
                           ("link_source", "field"), ("orientation", meta.orientation),
                           ("media_folder", os.path.realpath(store_dir)),  # what `path` is relative to
                           ("direction", np.nan if meta.direction is None else meta.direction)):
            rows[key].append(value)
        report.media_added += 1
    if not rows["path"] and not relink and not upgraded:
        return
    with BulkWriter(gpkg_path, tables=("media",)) as writer:
        writer.conn.executemany("UPDATE media SET fingerprint = ? WHERE fid = ?",
                                [(fp, fid) for fid, fp in upgraded.items()])
        writer.conn.executemany("UPDATE media SET finding_id = ?, finding_distance_m = NULL, link_source = 'field' "
                                "WHERE fid = ?", relink)
        add_media_rows(writer, rows, ("finding_distance_m", "direction"))


def _safe(name: str) -> str:
    from ._common import file_stem

    return file_stem(name) or "finding"


def _metres(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    return float(np.hypot((lon1 - lon2) * np.cos(np.radians((lat1 + lat2) / 2)), lat1 - lat2) * 111_195.0)


def import_field(path: str, gpkg_path: str, media_zip: str = "", thumbnailer: Thumbnailer | None = None,
                 feedback: Feedback | None = None) -> FieldImportReport:
    """Import a field return (see the module's text); `media_zip` is Kobo's separate media download (a zip or
    folder beside the CSV/XLSX is found by itself when PATH is their folder)."""
    feedback = feedback or SilentFeedback()
    if not os.path.exists(path):
        raise StepError(f"{path}: no such file or folder")
    report = FieldImportReport(path)
    gpkg.open_store(gpkg_path)
    with tempfile.TemporaryDirectory(prefix="green-envoy-field-") as work:
        if os.path.isdir(path):
            folder = path
        elif zipfile.is_zipfile(path) and not path.lower().endswith((".xlsx", ".xlsm")):
            folder = os.path.join(work, "return")
            _unpack(path, folder, report)
        else:  # a Kobo CSV/XLSX on its own: its folder holds nothing else of it
            folder = os.path.join(work, "return")
            os.makedirs(folder)
            shutil.copy2(path, os.path.join(folder, os.path.basename(path)))
        if media_zip:
            target = os.path.join(work, "media")
            if os.path.isdir(media_zip):
                shutil.copytree(media_zip, target)
            else:
                _unpack(media_zip, target, report)
        returns = _read_returns(folder, path, report)
        index = _media_index(folder)
        # a kit's own files beside its project (the basemap) are no photos: QField and Mergin keep those in DCIM/
        kit_roots = {os.path.realpath(root) for parsed, root in returns if parsed.kind == "qfield"}
        index = {name: kept for name, found in index.items()
                 if (kept := [p for p in found if os.path.realpath(os.path.dirname(p)) not in kit_roots])}
        if media_zip:
            for name, found in _media_index(os.path.join(work, "media")).items():
                index.setdefault(name, []).extend(found)
        named: set[str] = set()
        accepted: list[tuple[FieldRecord, Finding]] = []
        photos: list[tuple[FieldRecord, Finding, str]] = []
        for parsed, root in returns:
            report.kind = report.kind or parsed.kind
            report.rejected.extend((f"{parsed.source}, {where}", why) for where, why in parsed.rejected)
            for record in parsed.records:
                where = f"{parsed.source}, {record.line}"
                try:
                    if not record.values.get("lat") or not record.values.get("lon"):
                        raise ValueError("no position (the geopoint was not captured)")
                    finding = parse_finding(record.values)
                except ValueError as exc:
                    report.rejected.append((where, f"{record.uid}: {exc}"))
                    # its photos are not imported with it, and are no photos "with no row" either
                    named.update(os.path.realpath(hit) for photo in record.photos
                                 if (hit := _find_file(photo, record.uid, root, index)))
                    continue
                accepted.append((record, finding))
                for photo in record.photos:
                    located = _find_file(photo, record.uid, root, index)
                    if located is None:
                        report.missing_files.append((where, photo))
                    else:
                        named.add(os.path.realpath(located))
                        photos.append((record, finding, located))
        every_file = {os.path.realpath(p) for files in index.values() for p in files}
        # named as the user sees them: inside the return (or the zip), or inside the media zip
        places = [(os.path.realpath(folder), ""),
                  (os.path.realpath(os.path.join(work, "media")), os.path.basename(media_zip) + ": ")]
        report.orphan_files = sorted(next((label + os.path.relpath(p, base) for base, label in places
                                           if p.startswith(base + os.sep)), p) for p in every_file - named)
        feedback.setProgress(30)
        _upsert(gpkg_path, accepted, report)
        feedback.setProgress(50)
        _copy_media(gpkg_path, photos, report, thumbnailer, feedback)
    feedback.setProgress(100)
    feedback.pushInfo(report.line())
    for where, why in report.rejected:
        feedback.reportError(f"{where}: rejected: {why}")
    for where, why in report.kept:
        feedback.reportError(f"{where}: kept: {why}")
    for where, photo in report.missing_files:
        feedback.reportError(f"{where}: photo {photo} is not in the return")
    for orphan in report.orphan_files:
        feedback.reportError(f"{orphan}: a photo no row names (not imported)")
    return report

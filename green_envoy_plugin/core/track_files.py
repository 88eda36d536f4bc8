"""Where track files come from: files, folders, `.gz` of each format and Strava's bulk export (a zip holding
`activities.csv` and `activities/*.fit.gz|*.gpx.gz|*.tcx.gz`), each read with a bound and named by its path
relative to what the user chose to import.

A source's `key` is that relative path (`garmin/Current.gpx`, `export_123.zip/activities/456.fit.gz`): two files
of one name in two folders are two files. FIFOs, devices and sockets (and links to them) are never opened for
reading, so an import cannot hang on one; every read stops at a size no track file reaches.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from .gpx.files import MAX_TRACK_BYTES, read_file
from .gpx.model import GpxError

__all__ = ["FOLDER_SUFFIXES", "MAX_TRACK_BYTES", "TrackSource", "find_sources", "read_file", "unpack", "zip_sources"]

TRACK_EXTENSIONS = (".gpx", ".fit", ".tcx")
FOLDER_SUFFIXES = (*TRACK_EXTENSIONS, *(e + ".gz" for e in TRACK_EXTENSIONS), ".zip")
STRAVA_CSV = "activities.csv"


@dataclass
class TrackSource:
    """One file to import: `key` identifies it in the store, `path` names it in messages."""

    key: str
    path: str
    read: Callable[[], bytes]
    name: str = ""  # from Strava's activities.csv: the activity's name and type
    activity_type: str = ""


def _gunzip(data: bytes, path: str) -> bytes:
    """A gzip stream (all its members) decompressed, refused past MAX_TRACK_BYTES (a zip bomb stops there)."""
    out: list[bytes] = []
    size = 0
    while data[:2] == b"\x1f\x8b":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = inflater.decompress(data, MAX_TRACK_BYTES + 1 - size)
        except zlib.error as exc:
            raise GpxError(path, f"damaged gzip data ({exc})") from None
        size += len(chunk)
        out.append(chunk)
        if size > MAX_TRACK_BYTES:
            raise GpxError(path, f"decompresses to more than {MAX_TRACK_BYTES} bytes: not read")
        if not inflater.eof:
            raise GpxError(path, "gzip data cut off before its end")
        data = inflater.unused_data.lstrip(b"\0")
    return b"".join(out)


def unpack(data: bytes, path: str) -> bytes:
    """The bytes of the track file itself: gzip undone (whatever the name says), empty refused."""
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, path)
    if not data or data.isspace():  # not strip(): a copy of the whole file
        raise GpxError(path, "empty file" + ("" if data else " (0 bytes)"))
    return data


def _zip_member(archive: str, member: zipfile.ZipInfo, label: str) -> Callable[[], bytes]:
    def read() -> bytes:
        if member.file_size > MAX_TRACK_BYTES:
            raise GpxError(label, f"unpacks to {member.file_size} bytes, more than {MAX_TRACK_BYTES}: not read")
        try:
            with zipfile.ZipFile(archive) as z, z.open(member) as handle:
                return handle.read(MAX_TRACK_BYTES + 1)[:MAX_TRACK_BYTES + 1]
        except (OSError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
            raise GpxError(label, f"cannot be read from the zip ({exc})") from None

    return read


def _activities(rows: list[dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Strava's activities.csv: file name (as in the zip) -> (activity name, activity type)."""
    out = {}
    for row in rows:
        filename = (row.get("Filename") or "").strip()
        if filename:
            out[filename] = ((row.get("Activity Name") or "").strip(), (row.get("Activity Type") or "").strip())
    return out


def _read_csv(data: bytes) -> list[dict[str, str]]:
    text = data.decode("utf-8-sig", "replace")
    return list(csv.DictReader(io.StringIO(text)))


def zip_sources(path: str, key: str) -> tuple[list[TrackSource], list[tuple[str, str]]]:
    """Track files inside a zip (Strava's bulk export, or any zip of tracks), named by the activities.csv
    when there is one; (sources, [(what, why) not read])."""
    try:
        with zipfile.ZipFile(path) as z:
            members = [m for m in z.infolist() if not m.is_dir()]
            names = {m.filename for m in members}
            csv_name = next((n for n in names if n.rsplit("/", 1)[-1] == STRAVA_CSV and n.count("/") <= 1), None)
            named: dict[str, tuple[str, str]] = {}
            if csv_name is not None:
                csv_member = z.getinfo(csv_name)
                if csv_member.file_size < 64 * 1024 * 1024:
                    prefix = csv_name[: -len(STRAVA_CSV)]
                    named = {prefix + k: v for k, v in _activities(_read_csv(z.read(csv_member))).items()}
    except (OSError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError) as exc:
        raise GpxError(path, f"not a readable zip ({exc})") from None
    sources = []
    for m in members:
        if not m.filename.lower().endswith(FOLDER_SUFFIXES[:-1]):
            continue
        label = f"{path}/{m.filename}"
        name, kind = named.get(m.filename, ("", ""))
        sources.append(TrackSource(f"{key}/{m.filename}", label, _zip_member(path, m, label), name, kind))
    return sorted(sources, key=lambda s: s.key), []


def _folder_names(folder: str) -> dict[str, tuple[str, str]]:
    """An unpacked Strava export: activities.csv beside activities/ names the files."""
    csv_path = os.path.join(folder, STRAVA_CSV)
    if not os.path.isfile(csv_path):
        return {}
    try:
        with open(csv_path, "rb") as handle:
            rows = _read_csv(handle.read(64 * 1024 * 1024))
    except OSError:
        return {}
    return {os.path.normpath(os.path.join(folder, k)): v for k, v in _activities(rows).items()}


def find_sources(paths: list[str]) -> tuple[list[TrackSource], list[tuple[str, str]]]:
    """Every track file in the files, folders (recursively) and zips given; a file's key is its path relative
    to the folder given, under that folder's name (`rides/garmin/Current.gpx`; a file given alone:
    `garmin/Current.gpx`), so that two folders imported one after the other never share a key. Returns
    (sources, [(path, reason) that cannot be sources: a zip that is not one])."""
    sources: list[TrackSource] = []
    failed: list[tuple[str, str]] = []
    for given in paths:
        if os.path.isdir(given):
            base = os.path.abspath(given)
            files = []
            for root, _dirs, names in os.walk(given):
                files += [os.path.join(root, n) for n in names if n.lower().endswith(FOLDER_SUFFIXES)]
            folder_names: dict[str, tuple[str, str]] = {}
            # activities.csv sits beside activities/ in an unpacked Strava export, wherever that is in the folder
            for root in {os.path.dirname(f) for f in files} | {os.path.dirname(os.path.dirname(f)) for f in files}:
                folder_names.update(_folder_names(root))
            top = os.path.basename(base)
            chosen = [(f"{top}/" + os.path.relpath(os.path.abspath(f), base).replace(os.sep, "/"), f)
                      for f in sorted(files)]
        else:
            parent = os.path.basename(os.path.dirname(os.path.abspath(given)))
            chosen = [(f"{parent}/{os.path.basename(given)}" if parent else os.path.basename(given), given)]
            folder_names = _folder_names(os.path.dirname(os.path.dirname(given)) or ".")
        for key, path in chosen:
            if path.lower().endswith(".zip"):
                try:
                    inner, _ = zip_sources(path, key)
                except GpxError as exc:
                    failed.append((path, exc.reason))
                    continue
                sources += inner
                continue
            name, kind = folder_names.get(os.path.normpath(path), ("", ""))
            sources.append(TrackSource(key, path, lambda p=path: read_file(p), name, kind))  # type: ignore[misc]
    unique = {(s.key, s.path): s for s in sources}
    return list(unique.values()), failed

"""The expedition's media files: finding them (safely), reading their time and place, recognising them again.

Photos give EXIF (core.exif); videos and M4A notes the creation time of their MP4 'mvhd' box, read from the
box headers alone; other audio the file's modification time. Nothing here decodes an image or a stream.
"""

from __future__ import annotations

import hashlib
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field

from .exif import PhotoMeta, read_exif

KINDS = {
    ".jpg": "photo", ".jpeg": "photo", ".tif": "photo", ".tiff": "photo", ".png": "photo",
    ".heic": "photo", ".heif": "photo",
    ".mp4": "video", ".mov": "video", ".m4v": "video", ".3gp": "video",
    ".m4a": "audio", ".mp3": "audio", ".wav": "audio", ".ogg": "audio", ".aac": "audio", ".amr": "audio",
}
MP4_FAMILY = {".mp4", ".mov", ".m4v", ".3gp", ".m4a"}
MP4_EPOCH = -2082844800  # 1904-01-01T00:00:00Z in Unix seconds
FINGERPRINT_BYTES = 65536


@dataclass
class MediaFile:
    path: str
    rel: str  # relative to the media root, with '/' separators: the store moves between machines
    kind: str
    size: int
    fingerprint: str
    meta: PhotoMeta
    problems: list[str] = field(default_factory=list)


def walk_media(root: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Media files below root, following links but never round a loop; and the folders left out, why."""
    found: list[str] = []
    skipped: list[tuple[str, str]] = []
    seen: set[str] = set()
    for folder, dirs, files in os.walk(root, followlinks=True, onerror=lambda e: skipped.append(
            (e.filename or root, f"cannot be listed ({e.strerror})"))):
        real = os.path.realpath(folder)
        if real in seen:
            skipped.append((folder, "a link back to a folder already scanned (a loop)"))
            dirs[:] = []
            continue
        seen.add(real)
        dirs.sort()
        for name in sorted(files):
            if os.path.splitext(name)[1].lower() in KINDS:
                found.append(os.path.join(folder, name))
    return found, skipped


def fingerprint(path: str, size: int) -> str:
    """Size plus the first and last 64 KB: the same photo moved or renamed is recognised without hashing
    megabytes of pixels."""
    digest = hashlib.sha1(str(size).encode())
    with open(path, "rb") as handle:
        digest.update(handle.read(FINGERPRINT_BYTES))
        if size > 2 * FINGERPRINT_BYTES:
            handle.seek(-FINGERPRINT_BYTES, os.SEEK_END)
            digest.update(handle.read(FINGERPRINT_BYTES))
    return digest.hexdigest()


def mp4_creation_time(path: str) -> float | None:
    """UTC creation time from the 'mvhd' box of an MP4/MOV/M4A, reading only box headers."""
    with open(path, "rb") as handle:
        end = os.fstat(handle.fileno()).st_size

        def boxes(start: int, stop: int) -> Iterator[tuple[bytes, int, int]]:
            pos = start
            while pos + 8 <= stop:
                handle.seek(pos)
                head = handle.read(16)
                size, kind = struct.unpack(">I4s", head[:8])
                header = 8
                if size == 1:
                    (size,) = struct.unpack(">Q", head[8:16])
                    header = 16
                elif size == 0:
                    size = stop - pos
                if size < header:
                    return
                yield kind, pos + header, pos + size
                pos += size

        for kind, body, stop in boxes(0, end):
            if kind != b"moov":
                continue
            for inner, inner_body, _inner_stop in boxes(body, stop):
                if inner == b"mvhd":
                    handle.seek(inner_body)
                    version = handle.read(4)[0]
                    raw = handle.read(8 if version == 1 else 4)
                    created = struct.unpack(">Q" if version == 1 else ">I", raw)[0]
                    return float(created + MP4_EPOCH) if created else None
    return None


def read_media(path: str, root: str) -> MediaFile:
    """Everything the store keeps of one file; problems are reasons, never exceptions."""
    ext = os.path.splitext(path)[1].lower()
    kind = KINDS.get(ext, "other")
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    try:
        stat = os.stat(path)
        size = stat.st_size
        digest = fingerprint(path, size)
    except OSError as exc:
        meta = PhotoMeta(path, problems=[f"cannot be read ({exc.strerror or exc})"])
        return MediaFile(path, rel, kind, 0, "", meta, list(meta.problems))
    if size == 0:
        meta = PhotoMeta(path, problems=["empty file (0 bytes)"])
    elif ext in (".heic", ".heif"):
        meta = PhotoMeta(path, utc=stat.st_mtime, time_source="file",
                         problems=["HEIC metadata cannot be read here (no HEIF reader in QGIS's Python); "
                                   "the file time is used"])
    elif kind == "photo":
        meta = read_exif(path)
    else:
        meta = PhotoMeta(path)
        created = None
        if ext in MP4_FAMILY:
            try:
                created = mp4_creation_time(path)
            except (OSError, struct.error, IndexError):
                meta.problems.append("MP4 boxes unreadable; the file time is used")
        meta.utc, meta.time_source = (created, "video") if created else (stat.st_mtime, "file")
    return MediaFile(path, rel, kind, size, digest, meta, list(meta.problems))

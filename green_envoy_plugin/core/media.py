"""The expedition's media files: finding them (safely), reading their time and place, recognising them again.

Photos give EXIF (core.exif: JPEG, TIFF, PNG, HEIC/HEIF/AVIF); videos and M4A notes their creation time and
place from the QuickTime/MP4 boxes (core.isobmff); other audio the file's modification time. A photo without
a capture time in its EXIF takes the file's time, and says so (time_source). Nothing here decodes an image or
a stream, and each file is read in isolation: whatever goes wrong is that file's reason.
"""

from __future__ import annotations

import hashlib
import os
import struct
from dataclasses import dataclass, field
from stat import S_ISREG

from .exif import PhotoMeta, read_exif
from .isobmff import BoxError, apple_time, quicktime_meta

KINDS = {
    ".jpg": "photo", ".jpeg": "photo", ".tif": "photo", ".tiff": "photo", ".png": "photo",
    ".heic": "photo", ".heif": "photo", ".hif": "photo", ".avif": "photo", ".dng": "photo",
    ".mp4": "video", ".mov": "video", ".m4v": "video", ".3gp": "video",
    ".m4a": "audio", ".mp3": "audio", ".wav": "audio", ".ogg": "audio", ".aac": "audio", ".amr": "audio",
}
MP4_FAMILY = {".mp4", ".mov", ".m4v", ".3gp", ".m4a"}
FILE_TIME = "FileModifyDate"  # exiftool's name for the file system's time
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
    """Size plus the first and last 64 KB: the same video or sound moved or renamed is recognised without hashing
    megabytes of frames. Photos stored before schema 12 carry it too (`legacy_photo`)."""
    digest = hashlib.sha1(str(size).encode())
    with open(path, "rb") as handle:
        digest.update(handle.read(FINGERPRINT_BYTES))
        if size > 2 * FINGERPRINT_BYTES:
            handle.seek(-FINGERPRINT_BYTES, os.SEEK_END)
            digest.update(handle.read(FINGERPRINT_BYTES))
    return digest.hexdigest()


def photo_fingerprint(head: bytes, size: int) -> str:
    """Size plus the first 64 KB, the bytes the EXIF read fetches anyway: a photo read from a cold disk or a card
    costs one read, not a second one at its tail (which doubled the bytes exiftool reads). A JPEG's head holds its
    EXIF (times to the second, often sub-second and a unique id), its embedded thumbnail and the start of its
    pixels: two photos alike in size and head are the same photo. SHA-256, 64 hex digits, so it never equals the
    40-digit fingerprint of `fingerprint` a store may hold from before (see `legacy_photo`)."""
    digest = hashlib.sha256(b"photo:%d:" % size)
    digest.update(head)
    return digest.hexdigest()


def legacy_photo(stored: str | None) -> bool:
    """Whether a stored photo's fingerprint is the head-and-tail one of schema 11 and earlier."""
    return stored is not None and len(stored) == 40


def prefetch_head(path: str) -> None:
    """Ask the disk for a file's head without waiting for it (a card or a cold disk answers each read after a
    delay: asked ahead, the head is there when the file is read). Never blocks, never fails: a pipe is opened
    non-blocking, and whatever goes wrong only costs the head being read when asked for."""
    if not hasattr(os, "posix_fadvise"):
        return
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError:
        return
    try:
        os.posix_fadvise(fd, 0, FINGERPRINT_BYTES, os.POSIX_FADV_WILLNEED)
    except OSError:
        pass
    finally:
        os.close(fd)


def mp4_creation_time(path: str) -> float | None:
    """UTC creation time from the 'mvhd' box of an MP4/MOV/M4A, reading only box headers."""
    with open(path, "rb") as handle:
        return quicktime_meta(handle).created_utc


def read_video(path: str, meta: PhotoMeta) -> None:
    """Time and place of a video or M4A: Apple's creationdate (local, with its offset), else mvhd (UTC);
    the place from ©xyz or Apple's ISO 6709 key."""
    with open(path, "rb") as handle:
        video = quicktime_meta(handle)
    meta.container = "quicktime"
    if video.lat is not None and video.lon is not None:
        if -90 <= video.lat <= 90 and -180 <= video.lon <= 180:
            meta.lat, meta.lon, meta.alt = video.lat, video.lon, video.alt
        else:
            meta.problems.append(f"video position out of range ({video.lat}, {video.lon})")
    local = apple_time(video.local_time) if video.local_time else None
    if local is not None:
        meta.utc, meta.time_source = local, "CreationDate"
    elif video.created_utc is not None:
        meta.utc, meta.time_source = video.created_utc, "CreateDate"


def read_media(path: str, root: str) -> MediaFile:
    """Everything the store keeps of one file; problems are reasons, never exceptions."""
    ext = os.path.splitext(path)[1].lower()
    kind = KINDS.get(ext, "other")
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    try:
        return _read_media(path, rel, ext, kind)
    except Exception as exc:
        meta = PhotoMeta(path, problems=[f"unreadable ({type(exc).__name__}: {exc})"])
        return MediaFile(path, rel, kind, 0, "", meta, list(meta.problems))


def _read_media(path: str, rel: str, ext: str, kind: str) -> MediaFile:
    try:
        stat = os.stat(path)
        if not S_ISREG(stat.st_mode):  # a FIFO or a device would block or never end
            meta = PhotoMeta(path, problems=["not a regular file (a pipe, device or socket); skipped"])
            return MediaFile(path, rel, kind, 0, "", meta, list(meta.problems))
        size = stat.st_size
        head = None
        if kind == "photo":
            with open(path, "rb", buffering=FINGERPRINT_BYTES) as handle:  # 3.14 buffers 128 KB
                if hasattr(os, "posix_fadvise"):  # no read-ahead: a cold photo costs its head, not its 128 KB+
                    os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_RANDOM)
                head = handle.read(FINGERPRINT_BYTES)
            digest = photo_fingerprint(head, size)
        else:
            digest = fingerprint(path, size)
    except OSError as exc:
        meta = PhotoMeta(path, problems=[f"cannot be read ({exc.strerror or exc})"])
        return MediaFile(path, rel, kind, 0, "", meta, list(meta.problems))
    if size == 0:
        meta = PhotoMeta(path, problems=["empty file (0 bytes)"])
    elif kind == "photo":
        meta = read_exif(path, head)
    else:
        meta = PhotoMeta(path)
        if ext in MP4_FAMILY:
            try:
                read_video(path, meta)
            except (OSError, BoxError, struct.error, IndexError, ValueError, OverflowError) as exc:
                meta.problems.append(f"video boxes unreadable ({exc})")
    if meta.utc is None and not meta.taken and size:
        # No capture time in the file: the file system's time, named as such (it may be a copy's time).
        meta.utc, meta.time_source = stat.st_mtime, FILE_TIME
    return MediaFile(path, rel, kind, size, digest, meta, list(meta.problems))

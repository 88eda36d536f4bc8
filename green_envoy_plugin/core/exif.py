"""EXIF of photos wherever the file keeps it: a JPEG's APP1 segment, a TIFF's own directories (anywhere in the
file), a PNG's `eXIf` chunk or its legacy "Raw profile type exif" text chunk, the Exif item of a HEIF/AVIF.

Only metadata is read (never the image data), each read bounded, which keeps a scan of thousands of photos
fast. Every defect becomes a reason of that photo, not an exception, so one bad photo never stops a folder.
The TIFF structure itself is read by core/exif_tiff.py, HEIF boxes by core/isobmff.py; writing is in
core/exif_write.py (its names are re-exported here).
"""

from __future__ import annotations

import os
import struct
import zlib
from typing import BinaryIO

from .exif_tiff import (  # noqa: F401  (re-exported: the module's public names before the split)
    GPS_ALT,
    GPS_ALT_REF,
    GPS_DATE,
    GPS_DIR,
    GPS_DIR_REF,
    GPS_LAT,
    GPS_LAT_REF,
    GPS_LON,
    GPS_LON_REF,
    GPS_TIME,
    TAG_DATETIME,
    TAG_DATETIME_DIGITIZED,
    TAG_DATETIME_ORIGINAL,
    TAG_EXIF_IFD,
    TAG_GPS_IFD,
    TAG_MAKE,
    TAG_MODEL,
    TAG_OFFSET_TIME_ORIGINAL,
    TAG_ORIENTATION,
    TAG_THUMB_LENGTH,
    TAG_THUMB_OFFSET,
    TYPE_SIZES,
    ExifError,
    PhotoMeta,
    Window,
    _Tiff,
    read_tiff,
)
from .exif_write import _gps_entries, _pack_ifd, build_exif, insert_exif, with_gps  # noqa: F401
from .isobmff import BoxError, heif_exif, is_heif
from .xmp import MAX_XMP_BYTES, XMP_SIGNATURE, read_xmp

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
TIFF_MARKS = (b"II*\x00", b"MM\x00*")
MAX_PNG_CHUNKS = 100_000
MAX_TEXT_CHUNK = 16 << 20
RAW_PROFILE_KEYS = (b"Raw profile type exif", b"Raw profile type APP1")


def _jpeg_exif(data: bytes | Window) -> bytes | None:
    """The TIFF body of the first Exif APP1 segment, walking markers without touching image data."""
    return _jpeg_app1(data, b"Exif\x00\x00")


def _jpeg_xmp(data: bytes | Window) -> bytes | None:
    """The XMP packet of the JPEG's XMP APP1 segment (at most 64 KB: a segment's own limit), if any."""
    return _jpeg_app1(data, XMP_SIGNATURE, MAX_XMP_BYTES)


def _jpeg_app1(data: bytes | Window, signature: bytes, limit: int = 1 << 16) -> bytes | None:
    """The payload of the first APP1 segment that starts with `signature`."""
    if data[0:2] != b"\xff\xd8":
        raise ExifError("not a JPEG file (no start-of-image marker)")
    pos = 2
    size = len(data)
    for _ in range(10_000):
        if pos + 4 > size:
            return None
        head = data[pos: pos + 4]
        if head[0] != 0xFF:
            raise ExifError(f"corrupt JPEG marker at byte {pos}")
        marker = head[1]
        if marker == 0xFF:  # fill byte before a marker
            pos += 1
            continue
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: no metadata after this
            return None
        (length,) = struct.unpack(">H", head[2:4])
        if length < 2 or pos + 2 + length > size:
            raise ExifError(f"truncated JPEG segment at byte {pos}")
        if marker == 0xE1 and data[pos + 4: pos + 4 + len(signature)] == signature:
            return bytes(data[pos + 4 + len(signature): min(pos + 2 + length, pos + 4 + len(signature) + limit)])
        pos += 2 + length
    return None


def _raw_profile(kind: bytes, payload: bytes) -> bytes | None:
    """ImageMagick's legacy text chunk: 'Raw profile type exif' = "\\nexif\\n   <length>\\n<hex digits>"."""
    keyword, _, rest = payload.partition(b"\x00")
    if keyword not in RAW_PROFILE_KEYS:
        return None
    if kind == b"zTXt":
        text = zlib.decompressobj().decompress(rest[1:], MAX_TEXT_CHUNK)
    elif kind == b"iTXt":
        compressed = rest[:1] == b"\x01"
        rest = rest[2:].split(b"\x00", 2)[-1]  # language and translated keyword
        text = zlib.decompressobj().decompress(rest, MAX_TEXT_CHUNK) if compressed else rest
    else:
        text = rest
    lines = text.split(b"\n", 3)
    if len(lines) < 4:
        raise ExifError(f"PNG '{keyword.decode()}' text chunk is not a raw profile")
    length = int(lines[2].strip() or b"0")
    blob = bytes.fromhex(lines[3].replace(b"\n", b"").decode("ascii").strip())[:length]
    return blob[6:] if blob[:6] == b"Exif\x00\x00" else blob


def _png_exif(handle: BinaryIO) -> bytes | None:
    """The eXIf chunk (before or after the image data), else the legacy raw-profile text chunk."""
    end = os.fstat(handle.fileno()).st_size
    pos, legacy = 8, None
    for _ in range(MAX_PNG_CHUNKS):
        if pos + 8 > end:
            break
        handle.seek(pos)
        length, kind = struct.unpack(">I4s", handle.read(8))
        if pos + 12 + length > end:
            raise ExifError(f"PNG chunk '{kind.decode('latin-1')}' at byte {pos} runs past the end of the file")
        if kind == b"eXIf":
            if length > MAX_TEXT_CHUNK:
                raise ExifError(f"PNG eXIf chunk of {length} bytes is larger than any real one")
            data = handle.read(length)
            return data[6:] if data[:6] == b"Exif\x00\x00" else data
        if kind in (b"zTXt", b"tEXt", b"iTXt") and legacy is None and length <= MAX_TEXT_CHUNK:
            try:
                legacy = _raw_profile(kind, handle.read(length))
            except (ValueError, zlib.error) as exc:
                raise ExifError(f"PNG raw profile text chunk at byte {pos} unreadable ({exc})") from None
        if kind == b"IEND":
            break
        pos += 12 + length
    return legacy


def parse_exif(data: bytes, path: str = "<bytes>") -> PhotoMeta:
    """EXIF of a photo held in memory (JPEG, TIFF or PNG with eXIf)."""
    meta = PhotoMeta(path)
    try:
        if data[:4] in TIFF_MARKS:
            body: bytes | None = data
            meta.container = "tiff"
        elif data[:8] == PNG_SIGNATURE:
            meta.container = "png"
            pos, body = 8, None
            while pos + 8 <= len(data):
                length, kind = struct.unpack(">I4s", data[pos: pos + 8])
                if kind == b"eXIf":
                    body = data[pos + 8: pos + 8 + length]
                    body = body[6:] if body[:6] == b"Exif\x00\x00" else body
                    break
                pos += 12 + length
        else:
            meta.container = "jpeg"
            body = _jpeg_exif(data)
    except (ExifError, struct.error) as exc:
        meta.problems.append(str(exc))
        return meta
    if body is not None:
        read_tiff(body, meta)
    _xmp_fallback(data, meta, body is None)
    return meta


def _xmp_fallback(data: bytes | Window, meta: PhotoMeta, no_exif: bool) -> None:
    """A JPEG whose EXIF has no capture time or no position: the XMP packet's, when it has them (editors and
    some phones write them only there). Read only then: most photos never pay for it."""
    found = False
    if meta.container == "jpeg" and (not meta.taken or not meta.has_position):
        try:
            found = read_xmp(_jpeg_xmp(data), meta)
        except (ExifError, struct.error) as exc:
            meta.problems.append(f"XMP not reached ({exc})")
    if no_exif and not found:
        meta.problems.append("no EXIF metadata")


def read_exif(path: str, head: bytes | None = None) -> PhotoMeta:
    """EXIF of a photo file, by its content (not its extension), reading only the parts that hold metadata.
    `head`: the file's first Window.BLOCK bytes when the caller has read them already (not read again)."""
    meta = PhotoMeta(path)
    try:
        with open(path, "rb", buffering=Window.BLOCK) as handle:  # a block a read (3.14: 128 KB)
            window = Window(handle)
            if head is not None and (len(head) == Window.BLOCK or len(head) == window.size):
                window.blocks[0] = head
            head = window[0:64]
            body: bytes | Window | None
            if head[:4] in TIFF_MARKS:
                meta.container, body = "tiff", window  # directories anywhere in the file, read block by block
            elif head[:8] == PNG_SIGNATURE:
                meta.container, body = "png", _png_exif(handle)
            elif is_heif(head):
                meta.container, body = "heif", heif_exif(handle)
            elif head[:2] == b"\xff\xd8":
                meta.container, body = "jpeg", _jpeg_exif(window)
            else:
                meta.problems.append("not a JPEG, TIFF, PNG or HEIF file (by its content)")
                return meta
            if body is not None:
                read_tiff(body, meta)
            _xmp_fallback(window, meta, body is None)
    except OSError as exc:
        meta.problems.append(f"cannot be read ({exc.strerror or exc})")
    except (ExifError, BoxError, struct.error, IndexError, ValueError, OverflowError, MemoryError) as exc:
        meta.problems.append(str(exc) or type(exc).__name__)
    return meta

"""ISO base media files (HEIC/HEIF/AVIF photos, MP4/MOV/3GP videos, M4A notes): the metadata boxes only.

HEIF keeps the camera's EXIF as an item of the `meta` box (found through `iinf`, located through `iloc`);
videos keep their creation time in `moov/mvhd`, the place in `moov/udta/©xyz` (ISO 6709) or, on Apple devices,
in `moov/meta` as the key `com.apple.quicktime.location.ISO6709` (with `...creationdate`, a local time with its
offset). Only box headers and these small boxes are read (each read bounded); no image or stream is decoded.
"""

from __future__ import annotations

import os
import re
import struct
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import BinaryIO

MP4_EPOCH = -2082844800  # 1904-01-01T00:00:00Z in Unix seconds
MAX_META_BYTES = 16 << 20  # a HEIF meta box of a tiled 48 MP photo is a few hundred KB
MAX_SMALL_BOX = 1 << 20
MAX_EXIF_BYTES = 8 << 20
HEIF_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif", b"avis", b"mif2"}


class BoxError(ValueError):
    pass


def boxes(handle: BinaryIO, start: int, stop: int, limit: int = 100_000) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, box end) of the boxes in [start, stop), from their headers alone."""
    pos = start
    for _ in range(limit):
        if pos + 8 > stop:
            return
        handle.seek(pos)
        head = handle.read(16)
        if len(head) < 8:
            return
        size, kind = struct.unpack(">I4s", head[:8])
        header = 8
        if size == 1:
            if len(head) < 16:
                raise BoxError(f"truncated box header at byte {pos}")
            (size,) = struct.unpack(">Q", head[8:16])
            header = 16
        elif size == 0:
            size = stop - pos
        if size < header or pos + size > stop:
            raise BoxError(f"box '{kind.decode('latin-1')}' at byte {pos} runs past its container")
        yield kind, pos + header, pos + size
        pos += size


def _children(data: bytes, start: int = 0) -> Iterator[tuple[bytes, int, int]]:
    """The same walk over a box already in memory."""
    pos = start
    while pos + 8 <= len(data):
        size, kind = struct.unpack_from(">I4s", data, pos)
        header = 8
        if size == 1:
            (size,) = struct.unpack_from(">Q", data, pos + 8)
            header = 16
        elif size == 0:
            size = len(data) - pos
        if size < header or pos + size > len(data):
            raise BoxError(f"box '{kind.decode('latin-1')}' runs past its container")
        yield kind, pos + header, pos + size
        pos += size


def _read(handle: BinaryIO, start: int, stop: int, limit: int, what: str) -> bytes:
    if stop - start > limit:
        raise BoxError(f"{what} box of {stop - start} bytes is larger than any real one")
    handle.seek(start)
    return handle.read(stop - start)


def is_heif(head: bytes) -> bool:
    if head[4:8] != b"ftyp":
        return False
    brands = {head[8:12]} | {head[i: i + 4] for i in range(16, min(len(head), 64), 4)}
    return bool(brands & HEIF_BRANDS)


# --- HEIF / AVIF: the Exif item ---


def _uint(data: bytes, pos: int, size: int) -> int:
    if size == 0:
        return 0
    if size not in (1, 2, 4, 8) or pos + size > len(data):
        raise BoxError("iloc field has an impossible size")
    return int.from_bytes(data[pos: pos + size], "big")


def _exif_item_ids(data: bytes, start: int, stop: int) -> list[int]:
    version = data[start]
    pos = start + 4
    if version == 0:
        (count,) = struct.unpack_from(">H", data, pos)
        pos += 2
    else:
        (count,) = struct.unpack_from(">I", data, pos)
        pos += 4
    ids: list[int] = []
    for kind, body, _end in _children(data[:stop], pos):
        if kind != b"infe" or len(ids) > count:
            continue
        infe_version = data[body]
        if infe_version < 2:
            continue
        if infe_version == 2:
            (item_id,) = struct.unpack_from(">H", data, body + 4)
            item_type = data[body + 8: body + 12]
        else:
            (item_id,) = struct.unpack_from(">I", data, body + 4)
            item_type = data[body + 10: body + 14]
        if item_type == b"Exif":
            ids.append(item_id)
    return ids


def _item_extents(data: bytes, start: int, item: int) -> tuple[int, list[tuple[int, int]]]:
    """(construction method, [(offset, length)]) of one item in the iloc box."""
    version = data[start]
    pos = start + 4
    offset_size, length_size = data[pos] >> 4, data[pos] & 15
    base_size, index_size = data[pos + 1] >> 4, (data[pos + 1] & 15 if version in (1, 2) else 0)
    pos += 2
    count = _uint(data, pos, 2 if version < 2 else 4)
    pos += 2 if version < 2 else 4
    # Every item takes at least 4 bytes: a count the box cannot hold is corrupt (a fuzzed file's 2^32 items and
    # extents of 0-byte fields looped for seconds).
    if count * 4 > len(data) - pos:
        raise BoxError("iloc declares more items than its box holds")
    for _ in range(count):
        item_id = _uint(data, pos, 2 if version < 2 else 4)
        pos += 2 if version < 2 else 4
        method = 0
        if version in (1, 2):
            method = _uint(data, pos, 2) & 15
            pos += 2
        pos += 2  # data reference index
        base = _uint(data, pos, base_size)
        pos += base_size
        extent_count = _uint(data, pos, 2)
        pos += 2
        if extent_count * max(1, index_size + offset_size + length_size) > len(data) - pos:
            raise BoxError("iloc declares more extents than its box holds")
        extents = []
        for _e in range(extent_count):
            pos += index_size
            offset = _uint(data, pos, offset_size)
            pos += offset_size
            length = _uint(data, pos, length_size)
            pos += length_size
            extents.append((base + offset, length))
        if item_id == item:
            return method, extents
    raise BoxError(f"the Exif item {item} has no location (iloc)")


def heif_exif(handle: BinaryIO) -> bytes | None:
    """The TIFF structure of the Exif item of a HEIF/AVIF file, or None when it has none."""
    end = os.fstat(handle.fileno()).st_size
    for kind, body, stop in boxes(handle, 0, end):
        if kind != b"meta":
            continue
        meta = _read(handle, body, stop, MAX_META_BYTES, "meta")
        parts = {k: (b, e) for k, b, e in _children(meta, 4)}  # meta is a full box: version and flags first
        if b"iinf" not in parts or b"iloc" not in parts:
            return None
        ids = _exif_item_ids(meta, *parts[b"iinf"])
        if not ids:
            return None
        method, extents = _item_extents(meta, parts[b"iloc"][0], ids[0])
        if sum(length for _o, length in extents) > MAX_EXIF_BYTES:
            raise BoxError("the Exif item is larger than any real one")
        if method == 1:
            if b"idat" not in parts:
                raise BoxError("the Exif item lies in an idat box the file does not have")
            idat_start, _idat_end = parts[b"idat"]
            item = b"".join(meta[idat_start + o: idat_start + o + n] for o, n in extents)
        elif method == 0:
            chunks = []
            for offset, length in extents:
                if offset + length > end:
                    raise BoxError(f"the Exif item at byte {offset} lies past the end of the file")
                handle.seek(offset)
                chunks.append(handle.read(length))
            item = b"".join(chunks)
        else:
            raise BoxError("the Exif item is stored in a way not read here (iloc construction method 2)")
        if len(item) < 4:
            raise BoxError("the Exif item is empty")
        (skip,) = struct.unpack(">I", item[:4])
        tiff = item[4 + skip:] if 4 + skip < len(item) else item[4:]
        if tiff[:6] == b"Exif\x00\x00":
            tiff = tiff[6:]
        return tiff
    return None


# --- QuickTime / MP4: creation time and place ---


@dataclass
class VideoMeta:
    created_utc: float | None = None  # mvhd, UTC by the specification
    local_time: str = ""  # Apple's creationdate: "2019-05-01T12:34:56+0500"
    lat: float | None = None
    lon: float | None = None
    alt: float | None = None


_ISO6709 = re.compile(rb"([+-][0-9.]+)([+-][0-9.]+)([+-][0-9.]+)?")


def parse_iso6709(text: bytes) -> tuple[float, float, float | None] | None:
    """'+43.2525+076.9115+800.000/' (also the DDMM.MM and DDMMSS.SS forms) -> (lat, lon, alt)."""
    match = _ISO6709.match(text.strip())
    if not match:
        return None

    def angle(part: bytes, degree_digits: int) -> float:
        sign = -1.0 if part[:1] == b"-" else 1.0
        digits = part[1:]
        whole = digits.split(b".")[0]
        extra = len(whole) - degree_digits
        value = float(digits)
        if extra == 2:  # DDMM.MMM
            value = int(value / 100) + (value % 100) / 60.0
        elif extra == 4:  # DDMMSS.SS
            value = int(value / 10000) + int(value / 100 % 100) / 60.0 + (value % 100) / 3600.0
        return sign * value

    lat, lon = angle(match.group(1), 2), angle(match.group(2), 3)
    alt = float(match.group(3)) if match.group(3) else None
    return lat, lon, alt


def _quicktime_keys(meta: bytes, start: int) -> dict[str, bytes]:
    """Apple's `mdta` keys (keys + ilst) in a moov/meta box body -> their raw values."""
    parts = {k: (b, e) for k, b, e in _children(meta, start)}
    if b"keys" not in parts or b"ilst" not in parts:
        return {}
    keys_start, keys_end = parts[b"keys"]
    (count,) = struct.unpack_from(">I", meta, keys_start + 4)
    names = []
    pos = keys_start + 8
    for _ in range(min(count, 10_000)):
        if pos + 8 > keys_end:
            break
        (size,) = struct.unpack_from(">I", meta, pos)
        if size < 8:
            break
        names.append(meta[pos + 8: pos + size].decode("utf-8", "replace"))
        pos += size
    values = {}
    ilst_start, ilst_end = parts[b"ilst"]
    for kind, body, end in _children(meta[:ilst_end], ilst_start):
        index = int.from_bytes(kind, "big")
        if not 1 <= index <= len(names):
            continue
        for inner, inner_body, inner_end in _children(meta[:end], body):
            if inner == b"data":
                values[names[index - 1]] = meta[inner_body + 8: inner_end]
                break
    return values


def quicktime_meta(handle: BinaryIO) -> VideoMeta:
    video = VideoMeta()
    end = os.fstat(handle.fileno()).st_size
    for kind, body, stop in boxes(handle, 0, end):
        if kind != b"moov":
            continue
        for inner, inner_body, inner_stop in boxes(handle, body, stop):
            if inner == b"mvhd":
                handle.seek(inner_body)
                head = handle.read(12)
                version = head[0]
                created = struct.unpack(">Q" if version == 1 else ">I", head[4:12] if version == 1 else head[4:8])[0]
                if created:
                    video.created_utc = float(created + MP4_EPOCH)
            elif inner == b"udta":
                udta = _read(handle, inner_body, inner_stop, MAX_SMALL_BOX, "udta")
                for item, item_body, item_end in _children(udta):
                    if item == b"\xa9xyz" and video.lat is None:
                        place = parse_iso6709(udta[item_body + 4: item_end])  # after size and language
                        if place:
                            video.lat, video.lon, video.alt = place
            elif inner == b"meta":
                meta = _read(handle, inner_body, inner_stop, MAX_SMALL_BOX, "meta")
                start = 4 if meta[4:8] != b"hdlr" else 0  # ISO's meta is a full box, Apple's is not
                keys = _quicktime_keys(meta, start)
                apple_place = parse_iso6709(keys.get("com.apple.quicktime.location.ISO6709", b""))
                if apple_place:
                    video.lat, video.lon, video.alt = apple_place
                when = keys.get("com.apple.quicktime.creationdate")
                if when:
                    video.local_time = when.decode("utf-8", "replace").strip("\x00 ")
        break
    return video


def apple_time(text: str) -> float | None:
    """'2019-05-01T12:34:56+0500' -> epoch seconds (None without an offset: it would be a guess)."""
    try:
        stamp = datetime.strptime(text[:24], "%Y-%m-%dT%H:%M:%S%z")
    except ValueError:
        return None
    return stamp.timestamp()

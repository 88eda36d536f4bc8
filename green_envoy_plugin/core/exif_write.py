"""Writing EXIF: the sample generator's photos, and copies of photos with the GPS position placed by time.

Nothing here reads a photo for the import (core/exif.py does); with_gps appends and never moves existing bytes.
"""

from __future__ import annotations

import struct
from datetime import datetime

from .exif_tiff import (
    GPS_ALT,
    GPS_ALT_REF,
    GPS_DIR,
    GPS_DIR_REF,
    GPS_LAT,
    GPS_LAT_REF,
    GPS_LON,
    GPS_LON_REF,
    TAG_DATETIME_ORIGINAL,
    TAG_EXIF_IFD,
    TAG_GPS_IFD,
    TAG_MAKE,
    TAG_MODEL,
    TAG_OFFSET_TIME_ORIGINAL,
    TAG_ORIENTATION,
    TAG_THUMB_LENGTH,
    TAG_THUMB_OFFSET,
    ExifError,
    _Tiff,
)


def _rational(value: float, denominator: int) -> tuple[int, int]:
    return int(round(abs(value) * denominator)), denominator


def _pack_ifd(entries: list[tuple[int, int, int, bytes]], start: int, endian: str) -> bytes:
    """One IFD at absolute offset `start`, its out-of-line values right after it."""
    entries = sorted(entries)
    head = struct.pack(endian + "H", len(entries))
    data_offset = start + 2 + 12 * len(entries) + 4
    tail = b""
    for tag, typ, count, raw in entries:
        if len(raw) <= 4:
            head += struct.pack(endian + "HHI", tag, typ, count) + raw.ljust(4, b"\x00")
        else:
            head += struct.pack(endian + "HHII", tag, typ, count, data_offset + len(tail))
            tail += raw + (b"\x00" if len(raw) % 2 else b"")
    return head + struct.pack(endian + "I", 0) + tail


def build_exif(
    taken: datetime | None = None,
    lat: float | None = None,
    lon: float | None = None,
    alt: float | None = None,
    direction: float | None = None,
    make: str = "",
    model: str = "",
    orientation: int = 1,
    thumbnail: bytes | None = None,
) -> bytes:
    """An APP1 payload ("Exif\\0\\0" + TIFF) with the given tags; `taken` keeps its tzinfo as the offset;
    `thumbnail` (a small JPEG) goes into IFD1 as cameras write it."""
    e = "<"

    def ascii_(text: str) -> tuple[int, bytes]:
        raw = text.encode("ascii") + b"\x00"
        return len(raw), raw

    def rationals(*pairs: tuple[int, int]) -> bytes:
        return b"".join(struct.pack(e + "II", *p) for p in pairs)

    ifd0: list[tuple[int, int, int, bytes]] = [(TAG_ORIENTATION, 3, 1, struct.pack(e + "H", orientation))]
    for tag, text in ((TAG_MAKE, make), (TAG_MODEL, model)):
        if text:
            n, raw = ascii_(text)
            ifd0.append((tag, 2, n, raw))
    exif: list[tuple[int, int, int, bytes]] = []
    if taken is not None:
        n, raw = ascii_(taken.strftime("%Y:%m:%d %H:%M:%S"))
        exif.append((TAG_DATETIME_ORIGINAL, 2, n, raw))
        utc_offset = taken.utcoffset()
        if utc_offset is not None:
            minutes = int(utc_offset.total_seconds() // 60)
            sign = "+" if minutes >= 0 else "-"
            n, raw = ascii_(f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}")
            exif.append((TAG_OFFSET_TIME_ORIGINAL, 2, n, raw))
    gps = _gps_entries(lat, lon, alt, e) if lat is not None and lon is not None else []
    if gps and direction is not None:
        gps += [(GPS_DIR_REF, 2, 2, b"T\x00"), (GPS_DIR, 5, 1, rationals(_rational(direction, 100)))]

    # Lay out IFD0, then the Exif IFD, then the GPS IFD; pointers need the sizes, so pack twice.
    pointer_tags = []
    if exif:
        pointer_tags.append((TAG_EXIF_IFD, 4, 1, b"\x00" * 4))
    if gps:
        pointer_tags.append((TAG_GPS_IFD, 4, 1, b"\x00" * 4))
    first = _pack_ifd(ifd0 + pointer_tags, 8, e)
    exif_start = 8 + len(first)
    exif_block = _pack_ifd(exif, exif_start, e) if exif else b""
    gps_start = exif_start + len(exif_block)
    gps_block = _pack_ifd(gps, gps_start, e) if gps else b""
    final_pointers = []
    if exif:
        final_pointers.append((TAG_EXIF_IFD, 4, 1, struct.pack(e + "I", exif_start)))
    if gps:
        final_pointers.append((TAG_GPS_IFD, 4, 1, struct.pack(e + "I", gps_start)))
    first = _pack_ifd(ifd0 + final_pointers, 8, e)
    tiff = b"II" + struct.pack(e + "HI", 42, 8) + first + exif_block + gps_block
    if thumbnail:
        ifd1_start = len(tiff)
        size = 2 + 12 * 2 + 4
        ifd1 = _pack_ifd([(TAG_THUMB_OFFSET, 4, 1, struct.pack(e + "I", ifd1_start + size)),
                          (TAG_THUMB_LENGTH, 4, 1, struct.pack(e + "I", len(thumbnail)))], ifd1_start, e)
        count = len(ifd0 + final_pointers)
        link = 8 + 2 + 12 * count  # IFD0's next-directory link: to IFD1
        tiff = tiff[:link] + struct.pack(e + "I", ifd1_start) + tiff[link + 4:] + ifd1 + thumbnail
    return b"Exif\x00\x00" + tiff


def insert_exif(jpeg: bytes, app1_payload: bytes) -> bytes:
    """A JPEG with the given APP1 segment placed right after the start-of-image marker."""
    if jpeg[:2] != b"\xff\xd8":
        raise ExifError("not a JPEG")
    segment = b"\xff\xe1" + struct.pack(">H", len(app1_payload) + 2) + app1_payload
    return jpeg[:2] + segment + jpeg[2:]


def with_gps(jpeg: bytes, lat: float, lon: float, alt: float | None = None) -> bytes:
    """A copy of the JPEG whose EXIF also holds this GPS position; every other tag kept byte for byte.

    The new GPS directory and a new IFD0 (the old entries plus the GPS pointer) are appended to the end of
    the EXIF block and the header made to point at them: nothing already there moves, so the offsets of
    maker notes, the thumbnail and all other values stay valid. Without EXIF, a minimal block is added."""
    if jpeg[:2] != b"\xff\xd8":
        raise ExifError("not a JPEG")
    pos = 2
    while pos + 4 <= len(jpeg) and jpeg[pos] == 0xFF and jpeg[pos + 1] not in (0xDA, 0xD9):
        (length,) = struct.unpack(">H", jpeg[pos + 2: pos + 4])
        if jpeg[pos + 1] == 0xE1 and jpeg[pos + 4: pos + 10] == b"Exif\x00\x00":
            body = jpeg[pos + 10: pos + 2 + length]
            tiff = _Tiff(body)
            e = tiff.endian
            (ifd0_offset,) = tiff.unpack("I", 4)
            (count,) = tiff.unpack("H", ifd0_offset)
            entries = [body[ifd0_offset + 2 + 12 * i: ifd0_offset + 14 + 12 * i] for i in range(count)]
            (next_ifd,) = tiff.unpack("I", ifd0_offset + 2 + 12 * count)
            entries = [raw for raw in entries if struct.unpack(e + "H", raw[:2])[0] != TAG_GPS_IFD]
            gps_start = len(body) + (len(body) % 2)
            gps_block = _pack_ifd(_gps_entries(lat, lon, alt, e), gps_start, e)
            ifd0_start = gps_start + len(gps_block)
            ifd0_start += ifd0_start % 2
            entries.append(struct.pack(e + "HHII", TAG_GPS_IFD, 4, 1, gps_start))
            entries.sort(key=lambda raw: struct.unpack(e + "H", raw[:2])[0])
            ifd0 = struct.pack(e + "H", len(entries)) + b"".join(entries) + struct.pack(e + "I", next_ifd)
            new_body = bytearray(body + b"\x00" * (gps_start - len(body)) + gps_block)
            new_body += b"\x00" * (ifd0_start - len(new_body)) + ifd0
            new_body[4:8] = struct.pack(e + "I", ifd0_start)
            payload = b"Exif\x00\x00" + bytes(new_body)
            if len(payload) + 2 > 0xFFFF:
                raise ExifError("the EXIF block would outgrow its JPEG segment")
            segment = b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload
            return jpeg[:pos] + segment + jpeg[pos + 2 + length:]
        pos += 2 + length
    return insert_exif(jpeg, build_exif(None, lat, lon, alt))


def _gps_entries(lat: float, lon: float, alt: float | None, e: str) -> list[tuple[int, int, int, bytes]]:
    def dms(value: float) -> bytes:
        value = abs(value)
        d = int(value)
        m = int((value - d) * 60)
        s = (value - d - m / 60.0) * 3600.0
        return struct.pack(e + "6I", d, 1, m, 1, *_rational(s, 10000))

    entries = [
        (0, 1, 4, bytes([2, 3, 0, 0])),
        (GPS_LAT_REF, 2, 2, b"N\x00" if lat >= 0 else b"S\x00"),
        (GPS_LAT, 5, 3, dms(lat)),
        (GPS_LON_REF, 2, 2, b"E\x00" if lon >= 0 else b"W\x00"),
        (GPS_LON, 5, 3, dms(lon)),
    ]
    if alt is not None:
        entries += [(GPS_ALT_REF, 1, 1, bytes([0 if alt >= 0 else 1])),
                    (GPS_ALT, 5, 1, struct.pack(e + "2I", *_rational(alt, 100)))]
    return entries

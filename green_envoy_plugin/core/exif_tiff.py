"""The TIFF structure that holds EXIF (in a JPEG's APP1, a TIFF file, a PNG chunk or a HEIF item): the tags the
expedition needs, read with bounded reads.

The structure is read through a `Window` (bytes in memory, or a file read in blocks on demand), so a TIFF's
directories may lie anywhere in a file of any size while only the blocks they touch are read. Every defect
(wrong types, zero denominators, offsets outside the block, coordinates out of range) becomes a reason of the
photo, never an exception out of `read_tiff`.
"""

from __future__ import annotations

import math
import os
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, BinaryIO

TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4}
TAG_MAKE, TAG_MODEL, TAG_ORIENTATION = 0x010F, 0x0110, 0x0112
TAG_EXIF_IFD, TAG_GPS_IFD = 0x8769, 0x8825
TAG_DATETIME_ORIGINAL, TAG_DATETIME_DIGITIZED = 0x9003, 0x9004
TAG_OFFSET_TIME_ORIGINAL, TAG_OFFSET_TIME_DIGITIZED = 0x9011, 0x9012
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4
GPS_ALT_REF, GPS_ALT, GPS_DIR_REF, GPS_DIR = 5, 6, 16, 17
GPS_TIME, GPS_DATE = 7, 29
TAG_DATETIME = 0x0132  # ModifyDate: when software last saved the file, never the capture time
TAG_THUMB_OFFSET, TAG_THUMB_LENGTH = 0x0201, 0x0202

MAX_VALUE_BYTES = 1 << 20  # no tag the expedition reads is larger; a bigger claim is not read
MAX_THUMBNAIL_BYTES = 4 << 20
MAX_THUMBNAIL_SIDE = 1024  # an EXIF thumbnail is ~160 px; one claiming more is not decoded
IFD0_WANTED = {TAG_MAKE, TAG_MODEL, TAG_ORIENTATION, TAG_EXIF_IFD, TAG_GPS_IFD}
EXIF_WANTED = {TAG_DATETIME_ORIGINAL, TAG_DATETIME_DIGITIZED, TAG_OFFSET_TIME_ORIGINAL, TAG_OFFSET_TIME_DIGITIZED}
GPS_WANTED = {GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON, GPS_ALT_REF, GPS_ALT, GPS_DIR, GPS_TIME, GPS_DATE}
THUMB_WANTED = {TAG_THUMB_OFFSET, TAG_THUMB_LENGTH}


class ExifError(ValueError):
    pass


# One directory entry: EXIF type, count, the raw bytes of its value.
_Entry = tuple[int, int, bytes]


@dataclass
class PhotoMeta:
    path: str
    make: str = ""
    model: str = ""
    orientation: int = 1
    taken: str = ""  # the capture time as written by the camera, "YYYY:MM:DD HH:MM:SS"
    offset: str = ""  # the offset tag of that time, "+05:00", when the camera wrote one
    lat: float | None = None
    lon: float | None = None
    alt: float | None = None
    direction: float | None = None
    gps_utc: float | None = None  # GPSDateStamp + GPSTimeStamp: the receiver's own UTC time
    thumbnail: bytes | None = None  # the JPEG thumbnail the camera embedded (IFD1), if any
    utc: float | None = None  # an absolute time from the container (video) or the file system
    # where the time comes from, by exiftool's tag names: DateTimeOriginal, CreateDate (EXIF DateTimeDigitized or
    # a video's mvhd), CreationDate (Apple's QuickTime key), XMP (core/xmp.py: only the XMP packet has one),
    # FileModifyDate (no time in the file)
    time_source: str = ""
    container: str = ""  # jpeg, tiff, png, heif, quicktime
    problems: list[str] = field(default_factory=list)

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    def camera_time(self, default_tz: timezone) -> float | None:
        """Epoch seconds of the camera clock reading, in its own offset or else the given zone."""
        if not self.taken:
            return self.utc
        naive = parse_exif_time(self.taken)
        if naive is None:
            return None
        tz = parse_offset(self.offset) or default_tz
        return naive.replace(tzinfo=tz).timestamp()


def parse_exif_time(text: str) -> datetime | None:
    """'YYYY:MM:DD HH:MM:SS' (what follows, sub-seconds or an offset, ignored); by slices: strptime is the
    slowest step of a scan."""
    text = text.strip("\x00 ")
    if len(text) < 19 or text[4] != ":" or text[7] != ":" or text[13] != ":" or text[16] != ":":
        return None
    try:
        return datetime(int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), int(text[14:16]),
                        int(text[17:19]))
    except ValueError:
        return None


def parse_offset(text: str) -> timezone | None:
    try:
        sign = -1 if text.startswith("-") else 1
        hours, minutes = text.strip().lstrip("+-").split(":")
        return timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
    except ValueError:
        return None


class Window:
    """Bytes [start, start + size) of a file, read in blocks as they are asked for: `window[a:b]` like bytes."""

    BLOCK = 65536

    def __init__(self, handle: BinaryIO, start: int = 0, size: int | None = None) -> None:
        self.handle = handle
        self.start = start
        self.size = os.fstat(handle.fileno()).st_size - start if size is None else size
        self.blocks: dict[int, bytes] = {}

    def __len__(self) -> int:
        return self.size

    def __getitem__(self, key: slice) -> bytes:
        begin, end, _step = key.indices(self.size)
        if end <= begin:
            return b""
        if end - begin > 4 * self.BLOCK:  # a large value (a thumbnail): one read, not cached
            self.handle.seek(self.start + begin)
            return self.handle.read(end - begin)
        parts = []
        for block in range(begin // self.BLOCK, (end - 1) // self.BLOCK + 1):
            data = self.blocks.get(block)
            if data is None:
                self.handle.seek(self.start + block * self.BLOCK)
                data = self.blocks[block] = self.handle.read(self.BLOCK)
            parts.append(data)
        joined = b"".join(parts)
        first = begin - (begin // self.BLOCK) * self.BLOCK
        return joined[first: first + end - begin]


class _Tiff:
    def __init__(self, body: bytes | Window) -> None:
        mark = body[0:2]
        if mark == b"II":
            self.endian = "<"
        elif mark == b"MM":
            self.endian = ">"
        else:
            raise ExifError("EXIF block has no valid byte-order mark")
        self.body = body

    def unpack(self, fmt: str, offset: int) -> tuple[Any, ...]:
        size = struct.calcsize(self.endian + fmt)
        if offset < 0 or offset + size > len(self.body):
            raise ExifError("EXIF offset points outside the block")
        return struct.unpack(self.endian + fmt, self.body[offset: offset + size])

    def ifd(self, offset: int, wanted: set[int]) -> dict[int, _Entry]:
        """The wanted entries of the directory at offset; values of other tags (maker notes) are never read."""
        (count,) = self.unpack("H", offset)
        if count > 1000:
            raise ExifError("EXIF directory claims an implausible number of entries")
        table = self.body[offset + 2: offset + 2 + 12 * count]
        if len(table) < 12 * count:
            raise ExifError("EXIF directory runs past the end of the block")
        entries: dict[int, _Entry] = {}
        for i in range(count):
            tag, typ, n = struct.unpack_from(self.endian + "HHI", table, 12 * i)
            if tag not in wanted:
                continue
            size = TYPE_SIZES.get(typ, 1) * n
            if size <= 4:
                raw = table[12 * i + 8: 12 * i + 8 + size]
            elif size > MAX_VALUE_BYTES:
                continue
            else:
                (ptr,) = struct.unpack_from(self.endian + "I", table, 12 * i + 8)
                if ptr + size > len(self.body):
                    continue  # a broken entry is skipped, the rest of the directory still counts
                raw = self.body[ptr: ptr + size]
            entries[tag] = (typ, n, raw)
        return entries

    # A tag written with an unexpected type is a defect of the photo, reported like the others: text reads
    # whatever bytes are there, numbers and rationals of the wrong type or count are an ExifError.

    @staticmethod
    def text(entry: _Entry) -> str:
        return entry[2].split(b"\x00", 1)[0].decode("latin-1").strip()

    def integers(self, entry: _Entry, what: str) -> list[int]:
        typ, n, raw = entry
        if typ in (2, 5, 10, 11, 12):
            raise ExifError(f"{what} is not an integer (EXIF type {typ})")
        code = {1: "B", 3: "H", 4: "I", 6: "b", 7: "B", 8: "h", 9: "i", 13: "I"}.get(typ, "B")
        return list(struct.unpack(self.endian + code * n, raw[: n * struct.calcsize(code)]))

    def integer(self, entry: _Entry, what: str) -> int:
        values = self.integers(entry, what)
        if not values:
            raise ExifError(f"{what} has no value")
        return values[0]

    def rationals(self, entry: _Entry, what: str) -> list[tuple[int, int]]:
        typ, n, raw = entry
        if typ not in (5, 10):
            raise ExifError(f"{what} is not a rational number (EXIF type {typ})")
        code = "I" if typ == 5 else "i"
        nums = struct.unpack(self.endian + code * (2 * n), raw)
        return [(nums[2 * i], nums[2 * i + 1]) for i in range(n)]

    def rational(self, entry: _Entry, what: str) -> tuple[int, int]:
        values = self.rationals(entry, what)
        if not values:
            raise ExifError(f"{what} has no value")
        return values[0]


def _ratio(pair: tuple[int, int], what: str, problems: list[str]) -> float | None:
    num, den = pair
    if den == 0:
        problems.append(f"{what} has a zero denominator")
        return None
    return num / den


def _dms(tiff: _Tiff, entry: _Entry, what: str, problems: list[str]) -> float | None:
    parts = tiff.rationals(entry, what)
    if len(parts) != 3:
        problems.append(f"{what} is not degrees/minutes/seconds")
        return None
    degrees, minutes, seconds = (_ratio(p, what, problems) for p in parts)
    if degrees is None or minutes is None or seconds is None:
        return None
    return degrees + minutes / 60.0 + seconds / 3600.0


def _guarded(meta: PhotoMeta, part: str, read: Any, *args: Any) -> Any:
    """One part of the EXIF (a directory, the GPS, the thumbnail): its defect is a reason, the others still
    read."""
    try:
        return read(*args)
    except (ExifError, struct.error, ValueError, OverflowError) as exc:
        text = str(exc)
        meta.problems.append(text if part.lower() in text.lower() else f"{part}: {text}")
        return None


def read_tiff(body: bytes | Window, meta: PhotoMeta) -> None:
    """Fill meta from the TIFF structure in body (at offset 0)."""
    try:
        tiff = _Tiff(body)
        (magic,) = tiff.unpack("H", 2)
        if magic != 42:
            raise ExifError("EXIF block is not a TIFF structure")
        (ifd0_offset,) = tiff.unpack("I", 4)
        ifd0 = tiff.ifd(ifd0_offset, IFD0_WANTED)
    except (ExifError, struct.error) as exc:
        meta.problems.append(str(exc))
        return
    for tag, name in ((TAG_MAKE, "make"), (TAG_MODEL, "model")):
        if tag in ifd0:
            setattr(meta, name, tiff.text(ifd0[tag]))
    if TAG_ORIENTATION in ifd0:
        orientation = _guarded(meta, "orientation", tiff.integer, ifd0[TAG_ORIENTATION], "orientation")
        if orientation in range(1, 9):
            meta.orientation = orientation
        elif orientation is not None:
            meta.problems.append(f"orientation {orientation} is not 1-8; taken as 1")
    # A pointer with no value (count 0, written by some editors) points nowhere: no directory, nothing lost.
    if TAG_EXIF_IFD in ifd0 and ifd0[TAG_EXIF_IFD][1]:
        _guarded(meta, "Exif directory", _read_times, tiff, ifd0[TAG_EXIF_IFD], meta)
    if TAG_GPS_IFD in ifd0 and ifd0[TAG_GPS_IFD][1]:
        _guarded(meta, "GPS directory", _read_gps, tiff, ifd0[TAG_GPS_IFD], meta)
    _guarded(meta, "thumbnail", _read_thumbnail, tiff, ifd0_offset, meta)


def _read_times(tiff: _Tiff, pointer: _Entry, meta: PhotoMeta) -> None:
    """DateTimeOriginal, else CreateDate (DateTimeDigitized), each with its own offset tag; ModifyDate is
    never taken: it is when software last saved the file (a year off for an edited photo)."""
    exif = tiff.ifd(tiff.integer(pointer, "Exif directory pointer"), EXIF_WANTED)
    for tag, offset_tag, source in ((TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL, "DateTimeOriginal"),
                                    (TAG_DATETIME_DIGITIZED, TAG_OFFSET_TIME_DIGITIZED, "CreateDate")):
        if tag not in exif:
            continue
        text = tiff.text(exif[tag])
        if parse_exif_time(text) is None:
            if text.strip(" :0"):
                meta.problems.append(f"{source} {text!r} is not a date and time")
            continue
        meta.taken, meta.time_source = text, source
        if offset_tag in exif and parse_offset(tiff.text(exif[offset_tag])) is not None:
            meta.offset = tiff.text(exif[offset_tag])
        return


def _read_thumbnail(tiff: _Tiff, ifd0_offset: int, meta: PhotoMeta) -> None:
    (count,) = tiff.unpack("H", ifd0_offset)
    (next_ifd,) = tiff.unpack("I", ifd0_offset + 2 + 12 * count)
    if not next_ifd:
        return
    ifd1 = tiff.ifd(next_ifd, THUMB_WANTED)
    if TAG_THUMB_OFFSET not in ifd1 or TAG_THUMB_LENGTH not in ifd1:
        return
    start = tiff.integer(ifd1[TAG_THUMB_OFFSET], "thumbnail offset")
    length = tiff.integer(ifd1[TAG_THUMB_LENGTH], "thumbnail length")
    if length > MAX_THUMBNAIL_BYTES:
        meta.problems.append(f"embedded thumbnail of {length} bytes not read")
        return
    blob = tiff.body[start: start + length]
    if len(blob) != length or blob[:2] != b"\xff\xd8":
        return
    size = jpeg_size(blob)
    if size is not None and max(size) > MAX_THUMBNAIL_SIDE:
        meta.problems.append(f"embedded thumbnail claims {size[0]}x{size[1]} pixels; not decoded")
        return
    meta.thumbnail = blob


def jpeg_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) from a JPEG's frame header, walking the markers before it."""
    pos = 2
    while pos + 9 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            pos += 2
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height, width = struct.unpack(">HH", data[pos + 5: pos + 9])
            return width, height
        if marker in (0xDA, 0xD9):
            return None
        (length,) = struct.unpack(">H", data[pos + 2: pos + 4])
        pos += 2 + length
    return None


def _read_gps(tiff: _Tiff, pointer: _Entry, meta: PhotoMeta) -> None:
    gps = tiff.ifd(tiff.integer(pointer, "GPS directory pointer"), GPS_WANTED)
    if GPS_LAT not in gps or GPS_LON not in gps:
        return  # an empty GPS directory (many phones with location off): no position, not a defect
    lat = _dms(tiff, gps[GPS_LAT], "GPS latitude", meta.problems)
    lon = _dms(tiff, gps[GPS_LON], "GPS longitude", meta.problems)
    if lat is None or lon is None:
        return
    if GPS_LAT_REF in gps and tiff.text(gps[GPS_LAT_REF]).upper().startswith("S"):
        lat = -lat
    if GPS_LON_REF in gps and tiff.text(gps[GPS_LON_REF]).upper().startswith("W"):
        lon = -lon
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
        meta.problems.append(f"GPS position out of range ({lat:.6f}, {lon:.6f})")
        return
    meta.lat, meta.lon = lat, lon
    if GPS_ALT in gps:
        alt = _guarded(meta, "GPS altitude", tiff.rational, gps[GPS_ALT], "GPS altitude")
        alt = None if alt is None else _ratio(alt, "GPS altitude", meta.problems)
        if alt is not None:
            ref = gps.get(GPS_ALT_REF)
            below = ref is not None and _guarded(meta, "GPS altitude", tiff.integer, ref, "GPS altitude reference") == 1
            meta.alt = -alt if below else alt
    if GPS_DIR in gps:
        pair = _guarded(meta, "GPS direction", tiff.rational, gps[GPS_DIR], "GPS direction")
        meta.direction = None if pair is None else _ratio(pair, "GPS direction", meta.problems)
    if GPS_DATE in gps and GPS_TIME in gps:
        hms = [_ratio(p, "GPS time", meta.problems) for p in tiff.rationals(gps[GPS_TIME], "GPS time")]
        try:
            day = datetime.strptime(tiff.text(gps[GPS_DATE]), "%Y:%m:%d").replace(tzinfo=timezone.utc)
            if len(hms) == 3:
                hours, minutes, seconds = hms
                if hours is not None and minutes is not None and seconds is not None:
                    meta.gps_utc = day.timestamp() + hours * 3600 + minutes * 60 + seconds
        except ValueError:
            meta.problems.append("GPS date is not YYYY:MM:DD")

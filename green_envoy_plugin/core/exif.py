"""EXIF of JPEG photos: read the tags the expedition needs from the APP1 segment only, and write them.

Only the metadata segment is read (the image data is never decoded), which keeps a scan of thousands
of photos fast. Every defect (zero denominators, coordinates out of range, truncated segments) is
reported as a reason, not an exception, so one bad photo never stops a folder.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

TYPE_SIZES = {1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1, 9: 4, 10: 8}
TAG_MAKE, TAG_MODEL, TAG_ORIENTATION = 0x010F, 0x0110, 0x0112
TAG_EXIF_IFD, TAG_GPS_IFD = 0x8769, 0x8825
TAG_DATETIME_ORIGINAL, TAG_OFFSET_TIME_ORIGINAL = 0x9003, 0x9011
GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4
GPS_ALT_REF, GPS_ALT, GPS_DIR_REF, GPS_DIR = 5, 6, 16, 17
GPS_TIME, GPS_DATE = 7, 29
TAG_DATETIME = 0x0132
TAG_THUMB_OFFSET, TAG_THUMB_LENGTH = 0x0201, 0x0202


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
    taken: str = ""  # DateTimeOriginal as written by the camera, "YYYY:MM:DD HH:MM:SS"
    offset: str = ""  # OffsetTimeOriginal, "+05:00", when the camera wrote one
    lat: float | None = None
    lon: float | None = None
    alt: float | None = None
    direction: float | None = None
    gps_utc: float | None = None  # GPSDateStamp + GPSTimeStamp: the receiver's own UTC time
    thumbnail: bytes | None = None  # the JPEG thumbnail the camera embedded (IFD1), if any
    utc: float | None = None  # an absolute time from the container (video) or the file system
    time_source: str = ""  # "exif", "video", "file"
    problems: list[str] = field(default_factory=list)

    @property
    def has_position(self) -> bool:
        return self.lat is not None and self.lon is not None

    def camera_time(self, default_tz: timezone) -> float | None:
        """Epoch seconds of the camera clock reading, in its own offset or else the given zone."""
        if not self.taken:
            return self.utc
        try:
            naive = datetime.strptime(self.taken.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
        except ValueError:
            return None
        tz = default_tz
        if self.offset:
            try:
                sign = -1 if self.offset.startswith("-") else 1
                hours, minutes = self.offset.lstrip("+-").split(":")
                tz = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes)))
            except ValueError:
                pass
        return naive.replace(tzinfo=tz).timestamp()


def _exif_segment(data: bytes) -> bytes | None:
    """The TIFF body of the first Exif APP1 segment, walking markers without touching image data."""
    if data[:2] != b"\xff\xd8":
        raise ExifError("not a JPEG file (no start-of-image marker)")
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            raise ExifError(f"corrupt JPEG marker at byte {pos}")
        marker = data[pos + 1]
        if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
            pos += 2
            continue
        if marker in (0xDA, 0xD9):  # start of scan / end of image: no metadata after this
            return None
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if length < 2 or pos + 2 + length > len(data):
            raise ExifError(f"truncated JPEG segment at byte {pos}")
        if marker == 0xE1 and data[pos + 4 : pos + 10] == b"Exif\x00\x00":
            return data[pos + 10 : pos + 2 + length]
        pos += 2 + length
    return None


class _Tiff:
    def __init__(self, body: bytes) -> None:
        if body[:2] == b"II":
            self.endian = "<"
        elif body[:2] == b"MM":
            self.endian = ">"
        else:
            raise ExifError("EXIF block has no valid byte-order mark")
        self.body = body

    def unpack(self, fmt: str, offset: int) -> tuple[Any, ...]:
        size = struct.calcsize(self.endian + fmt)
        if offset < 0 or offset + size > len(self.body):
            raise ExifError("EXIF offset points outside the block")
        return struct.unpack(self.endian + fmt, self.body[offset : offset + size])

    def ifd(self, offset: int) -> dict[int, _Entry]:
        (count,) = self.unpack("H", offset)
        if count > 1000:
            raise ExifError("EXIF directory claims an implausible number of entries")
        entries: dict[int, _Entry] = {}
        for i in range(count):
            base = offset + 2 + 12 * i
            tag, typ, n = self.unpack("HHI", base)
            size = TYPE_SIZES.get(typ, 1) * n
            if size <= 4:
                raw = self.body[base + 8 : base + 8 + size]
            else:
                (ptr,) = self.unpack("I", base + 8)
                if ptr + size > len(self.body):
                    continue  # a broken entry is skipped, the rest of the directory still counts
                raw = self.body[ptr : ptr + size]
            entries[tag] = (typ, n, raw)
        return entries

    # A tag written with an unexpected type is a defect of the photo, reported like the others: text reads
    # whatever bytes are there, numbers and rationals of the wrong type or count are an ExifError.

    @staticmethod
    def text(entry: _Entry) -> str:
        return entry[2].split(b"\x00", 1)[0].decode("latin-1").strip()

    def integers(self, entry: _Entry, what: str) -> list[int]:
        typ, n, raw = entry
        if typ in (2, 5, 10):
            raise ExifError(f"{what} is not an integer (EXIF type {typ})")
        code = {1: "B", 3: "H", 4: "I", 7: "B", 9: "i"}.get(typ, "B")
        return list(struct.unpack(self.endian + code * n, raw))

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


def _tiff_body(data: bytes) -> bytes | None:
    """The TIFF structure holding the EXIF of a JPEG (APP1), a TIFF (the file itself) or a PNG (eXIf)."""
    if data[:4] in (b"II*\x00", b"MM\x00*"):
        return data
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        pos = 8
        while pos + 8 <= len(data):
            (length,) = struct.unpack(">I", data[pos: pos + 4])
            kind = data[pos + 4: pos + 8]
            if kind == b"eXIf":
                return data[pos + 8: pos + 8 + length]
            if kind in (b"IDAT", b"IEND"):
                return None
            pos += 12 + length
        return None
    return _exif_segment(data)


def parse_exif(data: bytes, path: str = "<bytes>") -> PhotoMeta:
    meta = PhotoMeta(path)
    try:
        body = _tiff_body(data)
        if body is None:
            meta.problems.append("no EXIF metadata")
            return meta
        tiff = _Tiff(body)
        (ifd0_offset,) = tiff.unpack("I", 4)
        ifd0 = tiff.ifd(ifd0_offset)
        if TAG_MAKE in ifd0:
            meta.make = tiff.text(ifd0[TAG_MAKE])
        if TAG_MODEL in ifd0:
            meta.model = tiff.text(ifd0[TAG_MODEL])
        if TAG_ORIENTATION in ifd0:
            meta.orientation = tiff.integer(ifd0[TAG_ORIENTATION], "orientation")
        if TAG_DATETIME in ifd0:
            meta.taken = tiff.text(ifd0[TAG_DATETIME])  # DateTimeOriginal below wins when present
        if TAG_EXIF_IFD in ifd0:
            exif = tiff.ifd(tiff.integer(ifd0[TAG_EXIF_IFD], "Exif directory pointer"))
            if TAG_DATETIME_ORIGINAL in exif:
                meta.taken = tiff.text(exif[TAG_DATETIME_ORIGINAL])
            if TAG_OFFSET_TIME_ORIGINAL in exif:
                meta.offset = tiff.text(exif[TAG_OFFSET_TIME_ORIGINAL])
        if meta.taken:
            meta.time_source = "exif"
        if TAG_GPS_IFD in ifd0:
            _read_gps(tiff, tiff.ifd(tiff.integer(ifd0[TAG_GPS_IFD], "GPS directory pointer")), meta)
        _read_thumbnail(tiff, ifd0_offset, meta)
    except (ExifError, struct.error) as exc:
        meta.problems.append(str(exc))
    return meta


def _read_thumbnail(tiff: _Tiff, ifd0_offset: int, meta: PhotoMeta) -> None:
    (count,) = tiff.unpack("H", ifd0_offset)
    (next_ifd,) = tiff.unpack("I", ifd0_offset + 2 + 12 * count)
    if not next_ifd:
        return
    ifd1 = tiff.ifd(next_ifd)
    if TAG_THUMB_OFFSET in ifd1 and TAG_THUMB_LENGTH in ifd1:
        start = tiff.integer(ifd1[TAG_THUMB_OFFSET], "thumbnail offset")
        length = tiff.integer(ifd1[TAG_THUMB_LENGTH], "thumbnail length")
        blob = tiff.body[start: start + length]
        if len(blob) == length and blob[:2] == b"\xff\xd8":
            meta.thumbnail = blob


def _read_gps(tiff: _Tiff, gps: dict[int, _Entry], meta: PhotoMeta) -> None:
    if GPS_LAT not in gps or GPS_LON not in gps:
        return
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
        alt = _ratio(tiff.rational(gps[GPS_ALT], "GPS altitude"), "GPS altitude", meta.problems)
        if alt is not None:
            below = GPS_ALT_REF in gps and tiff.integer(gps[GPS_ALT_REF], "GPS altitude reference") == 1
            meta.alt = -alt if below else alt
    if GPS_DIR in gps:
        meta.direction = _ratio(tiff.rational(gps[GPS_DIR], "GPS direction"), "GPS direction", meta.problems)
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


def read_exif(path: str, max_bytes: int = 128 * 1024) -> PhotoMeta:
    """EXIF of a photo file, reading only its head: a JPEG's APP1 segment is at most 64 KB and comes first."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes)
            if data[:4] in (b"II*\x00", b"MM\x00*") or data[:4] == b"\x89PNG":
                data += handle.read(16 * 1024 * 1024)  # TIFF and PNG may keep their tags further in
    except OSError as exc:
        return PhotoMeta(path, problems=[f"cannot be read ({exc.strerror or exc})"])
    return parse_exif(data, path)


# --- writing (the sample generator, and later tag write-back to a copy) ---


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
) -> bytes:
    """An APP1 payload ("Exif\\0\\0" + TIFF) with the given tags; `taken` keeps its tzinfo as the offset."""
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

"""A photo's XMP packet (Adobe's RDF/XML metadata, in a JPEG's APP1 segment "http://ns.adobe.com/xap/1.0/"):
the capture time and GPS position that editors and some phones write only there, read when the EXIF has none.

Read: exif:DateTimeOriginal, exif:DateTimeDigitized, xmp:CreateDate, photoshop:DateCreated (in that order; a
date without a time of day is no capture time), exif:GPSLatitude / GPSLongitude ("51,30.5N", "51,30,30N"),
GPSAltitude with its reference, GPSTimeStamp. Each property may be an attribute of an rdf:Description or an
element of its own. The packet is parsed by expat through the GPX readers' safety stage: any entity
declaration is refused before expansion, nothing external is fetched, and a packet over 64 KB is not read.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from .exif_tiff import PhotoMeta, parse_offset
from .gpx.encoding import as_utf8
from .gpx.model import GpxError
from .gpx.safe_xml import checked_parser, parse_checked

XMP_SIGNATURE = b"http://ns.adobe.com/xap/1.0/\x00"
MAX_XMP_BYTES = 64 * 1024
TIME_SOURCE = "XMP"  # media.time_source of a time read here

EXIF_NS = "http://ns.adobe.com/exif/1.0/"
XMP_NS = "http://ns.adobe.com/xap/1.0/"
PHOTOSHOP_NS = "http://ns.adobe.com/photoshop/1.0/"
# expat name (namespace, blank, local name) -> the name messages use
TIME_TAGS = {f"{EXIF_NS} DateTimeOriginal": "exif:DateTimeOriginal",
             f"{EXIF_NS} DateTimeDigitized": "exif:DateTimeDigitized",
             f"{XMP_NS} CreateDate": "xmp:CreateDate", f"{PHOTOSHOP_NS} DateCreated": "photoshop:DateCreated"}
GPS_TAGS = {f"{EXIF_NS} {name}": f"exif:{name}" for name in
            ("GPSLatitude", "GPSLongitude", "GPSAltitude", "GPSAltitudeRef", "GPSTimeStamp")}
WANTED = {**TIME_TAGS, **GPS_TAGS}

_DATE_TIME = re.compile(r"^(\d{4})[-:](\d\d)[-:](\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?"
                        r"\s*(Z|[+-]\d\d:?\d\d)?$")
_COORDINATE = re.compile(r"^(\d{1,3}(?:\.\d+)?)(?:,(\d{1,2}(?:\.\d+)?))?(?:,(\d{1,2}(?:\.\d+)?))?([NSEWnsew])$")


class XmpError(ValueError):
    pass


def xmp_properties(packet: bytes) -> dict[str, str]:
    """The wanted properties of an XMP packet, by their short name (exif:DateTimeOriginal ...): the first value
    of each, as text. An XmpError when the packet is too large, not well-formed or declares entities."""
    if len(packet) > MAX_XMP_BYTES:
        raise XmpError(f"XMP packet of {len(packet)} bytes is larger than {MAX_XMP_BYTES}: not read")
    found: dict[str, str] = {}
    open_tags: list[str] = []
    text: list[str] = []
    parser = checked_parser()

    def start(name: str, attrs: dict[str, str]) -> None:
        for key, value in attrs.items():
            if key in WANTED:
                found.setdefault(WANTED[key], value.strip())
        open_tags.append(name)
        text.clear()

    def end(name: str) -> None:
        open_tags.pop()
        if name in WANTED and "".join(text).strip():
            found.setdefault(WANTED[name], "".join(text).strip())
        text.clear()

    def data(chunk: str) -> None:
        text.append(chunk)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = data
    try:
        # UTF-16 packets (older Adobe writers) made UTF-8. The packet wrapper (<?xpacket ...?>) is a processing
        # instruction, the padding after it white space: both well-formed. What follows the end marker (junk or
        # NUL padding some writers leave) is cut off.
        packet = as_utf8(packet.lstrip(b" \t\r\n"), "XMP")
        end_mark = packet.rfind(b"<?xpacket end")
        if end_mark >= 0:
            close = packet.find(b"?>", end_mark)
            packet = packet[: close + 2] if close >= 0 else packet
        parse_checked(parser, packet.strip(b"\x00 \t\r\n"), "XMP")
    except GpxError as exc:
        reason = exc.reason.replace("GPX", "XMP")
        raise XmpError(f"XMP packet unreadable (line {exc.line}: {reason})") from None
    return found


def parse_xmp_time(text: str) -> tuple[str, str] | None:
    """An XMP date ("2010-07-11T13:53:00+02:00", "2017:03:13 23:03:09-07:00" ...) as the EXIF reader keeps a
    time: ("YYYY:MM:DD HH:MM:SS", "+HH:MM" or ""); None when it is not a date with a time of day."""
    m = _DATE_TIME.match(text.strip())
    if m is None or m.group(4) is None:
        return None
    year, month, day, hour, minute, second = (int(g) if g else 0 for g in m.groups()[:6])
    try:
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    zone = m.group(7) or ""
    if zone == "Z":
        zone = "+00:00"
    elif zone and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    return f"{year:04d}:{month:02d}:{day:02d} {hour:02d}:{minute:02d}:{second:02d}", zone


def parse_xmp_coordinate(text: str) -> float | None:
    """XMP's GPS coordinate, "DDD,MM,SSk" or "DDD,MM.mmk" (k one of N S E W), or a plain signed decimal."""
    text = text.strip().replace(" ", "")
    m = _COORDINATE.match(text)
    if m is None:
        try:
            return float(text)
        except ValueError:
            return None
    degrees, minutes, seconds, ref = m.groups()
    value = float(degrees) + float(minutes or 0) / 60.0 + float(seconds or 0) / 3600.0
    return -value if ref.upper() in "SW" else value


def _rational(text: str) -> float | None:
    top, _, bottom = text.strip().partition("/")
    try:
        return float(top) / float(bottom) if bottom else float(top)
    except (ValueError, ZeroDivisionError):
        return None


def apply_xmp(props: dict[str, Any], meta: PhotoMeta) -> bool:
    """Fill what the EXIF left empty (capture time, position, GPS time) from the XMP properties; problems are
    the photo's reasons. Whether anything was taken."""
    used = False
    if not meta.taken and not meta.utc:
        for tag in TIME_TAGS.values():
            if tag not in props:
                continue
            parsed = parse_xmp_time(props[tag])
            if parsed is None:
                meta.problems.append(f"XMP {tag} {props[tag]!r} is not a date with a time of day: not used")
                continue
            meta.taken, offset = parsed
            meta.offset = offset if offset and parse_offset(offset) is not None else ""
            meta.time_source = TIME_SOURCE
            used = True
            break
    if not meta.has_position and "exif:GPSLatitude" in props and "exif:GPSLongitude" in props:
        lat = parse_xmp_coordinate(props["exif:GPSLatitude"])
        lon = parse_xmp_coordinate(props["exif:GPSLongitude"])
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            meta.problems.append(f"XMP GPS position {props['exif:GPSLatitude']!r}, {props['exif:GPSLongitude']!r}"
                                 " unreadable or out of range: not used")
        elif (lat, lon) == (0.0, 0.0):
            meta.problems.append("XMP GPS position at (0, 0) (no fix): not used")
        else:
            meta.lat, meta.lon = lat, lon
            alt = _rational(props.get("exif:GPSAltitude", ""))
            if alt is not None:
                meta.alt = -alt if props.get("exif:GPSAltitudeRef", "0").strip() == "1" else alt
            used = True
    if meta.gps_utc is None and "exif:GPSTimeStamp" in props:
        parsed = parse_xmp_time(props["exif:GPSTimeStamp"])
        if parsed is not None:
            stamp = datetime.strptime(parsed[0], "%Y:%m:%d %H:%M:%S")
            meta.gps_utc = stamp.replace(tzinfo=parse_offset(parsed[1]) or timezone.utc).timestamp()
    return used


def read_xmp(packet: bytes | None, meta: PhotoMeta) -> bool:
    """`apply_xmp` of a packet (None: the photo has none); a packet that cannot be read is a reason of the
    photo, never an exception."""
    if packet is None:
        return False
    try:
        return apply_xmp(xmp_properties(packet), meta)
    except XmpError as exc:
        meta.problems.append(str(exc))
        return False

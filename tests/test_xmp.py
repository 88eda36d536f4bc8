"""XMP packets: the capture time and GPS that only XMP holds, read bounded and without entity expansion; a bad
packet is the photo's reason, never an exception. Real photos with XMP are in tests/test_photos_corpus.py."""

import os
import sqlite3
import struct

import pytest

from green_envoy_plugin.core.exif import parse_exif, read_exif
from green_envoy_plugin.core.xmp import (
    MAX_XMP_BYTES,
    XMP_SIGNATURE,
    XmpError,
    parse_xmp_coordinate,
    parse_xmp_time,
    xmp_properties,
)
from green_envoy_plugin.steps.media import import_media

from .test_media import jpeg, photo, store  # noqa: F401  (store: the fixture, a ride of 120 fixes)

PHOTOS = os.path.join(os.path.dirname(__file__), "data", "photos")
PACKET = (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
          b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" '
          b'xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" '
          b'exif:GPSLatitude="51,30N"><exif:GPSLongitude>0,7,30W</exif:GPSLongitude>'
          b'<photoshop:DateCreated>2025-08-01T10:20:30.5Z</photoshop:DateCreated></rdf:Description></rdf:RDF>'
          b'</x:xmpmeta><?xpacket end="w"?>' + b" " * 100 + b"\x00\x00")


def with_xmp(jpeg: bytes, packet: bytes) -> bytes:
    """The JPEG with an XMP APP1 segment right after its start-of-image marker."""
    body = XMP_SIGNATURE + packet
    return jpeg[:2] + b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body + jpeg[2:]


def test_forms_of_time_and_position():
    assert parse_xmp_time("2010-07-11T13:53:00.9+02:00") == ("2010:07:11 13:53:00", "+02:00")
    assert parse_xmp_time("2017:03:13 23:03:09-0700") == ("2017:03:13 23:03:09", "-07:00")
    assert parse_xmp_time("2025-08-01T10:20Z") == ("2025:08:01 10:20:00", "+00:00")
    assert parse_xmp_time("2025-08-01T10:20:30") == ("2025:08:01 10:20:30", "")
    assert parse_xmp_time("2006-10-29") is None and parse_xmp_time("2025-02-30T10:00:00") is None
    assert parse_xmp_coordinate("51,30N") == 51.5 and parse_xmp_coordinate("0,7,30W") == -0.125
    assert parse_xmp_coordinate("51,30.5N") == pytest.approx(51 + 30.5 / 60)
    assert parse_xmp_coordinate("-33.85") == -33.85 and parse_xmp_coordinate("north") is None


def test_a_jpeg_without_exif_placed_by_its_xmp():
    jpeg = open(os.path.join(PHOTOS, "exiftool_PhotoMechanic.jpg"), "rb").read()  # no EXIF, date-only XMP
    meta = parse_exif(with_xmp(jpeg, PACKET))
    assert (meta.taken, meta.offset, meta.time_source) == ("2025:08:01 10:20:30", "+00:00", "XMP")
    assert (meta.lat, meta.lon) == (51.5, -0.125) and "no EXIF metadata" not in meta.problems


def test_hostile_packets_are_reasons(tmp_path):
    jpeg = open(os.path.join(PHOTOS, "exiftool_PhotoMechanic.jpg"), "rb").read()
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "' + b"a" * 1000 + b'"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<x:xmpmeta xmlns:x="adobe:ns:meta/">&b;</x:xmpmeta>')
    path = tmp_path / "bomb.jpg"
    path.write_bytes(with_xmp(jpeg, bomb))
    meta = read_exif(str(path))
    assert meta.time_source == "" and any("declares XML entities" in p for p in meta.problems)
    broken = parse_exif(with_xmp(jpeg, PACKET[:200]))
    assert any(p.startswith("XMP packet unreadable (line 1") for p in broken.problems)
    with pytest.raises(XmpError, match="larger than"):
        xmp_properties(b" " * (MAX_XMP_BYTES + 1))
    external = (b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x:xmpmeta xmlns:x="adobe:ns:meta/"/>')
    assert xmp_properties(external) == {}  # the external DTD is never fetched


def test_an_xmp_time_is_the_cameras_clock_in_the_import(tmp_path, store):  # noqa: F811
    """import-photos places a photo whose time is only in its XMP by the track, the camera's clock offset
    applied as to an EXIF time, and stores time_source XMP."""
    media = tmp_path / "media"
    packet = PACKET.replace(b"2025-08-01T10:20:30.5Z", b"2025-08-01T09:06:30+06:00").replace(
        b' exif:GPSLatitude="51,30N"', b"").replace(b"<exif:GPSLongitude>0,7,30W</exif:GPSLongitude>", b"")
    photo(media, "xmp.jpg", with_xmp(jpeg(), packet))
    import_media(str(media), store, offset_s=90.0)  # 09:06:30+06:00, 90 s fast: 03:05:00 UTC, fix 30
    with sqlite3.connect(store) as conn:
        blob, source, taken = conn.execute("SELECT geom, time_source, taken_at FROM media").fetchone()
    assert source == "XMP" and taken.startswith("2025-08-01T03:05:00")
    assert struct.unpack("<2d", blob[13:29])[0] == pytest.approx(76.90 + 30 * 0.0007, abs=1e-6)

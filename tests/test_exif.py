import io
import struct
from datetime import datetime, timedelta, timezone

import pytest

from green_envoy_plugin.core.exif import build_exif, insert_exif, parse_exif, read_exif

KZ = timezone(timedelta(hours=5))


def jpeg_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (32, 24), (20, 120, 60)).save(buf, "JPEG")
    return buf.getvalue()


def test_roundtrip_position_time_direction_orientation():
    taken = datetime(2025, 9, 1, 14, 5, 6, tzinfo=KZ)
    data = insert_exif(jpeg_bytes(), build_exif(taken, 49.8019, 73.1021, 552.5, 271.5, "Canon", "EOS R50", 6))
    meta = parse_exif(data)
    assert meta.problems == []
    assert meta.lat == pytest.approx(49.8019, abs=1e-7) and meta.lon == pytest.approx(73.1021, abs=1e-7)
    assert meta.alt == pytest.approx(552.5) and meta.direction == pytest.approx(271.5)
    assert meta.orientation == 6 and meta.model == "EOS R50"
    assert meta.camera_time(timezone.utc) == taken.timestamp()


def test_pillow_reads_what_we_write():
    from PIL import Image

    data = insert_exif(jpeg_bytes(), build_exif(datetime(2025, 8, 3, 9, 0, 0), -33.5, -70.25))
    gps = Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)
    assert gps[1] == "S" and gps[3] == "W"
    assert float(gps[2][0]) == 33 and float(gps[2][1]) == 30


def test_camera_without_offset_uses_the_given_zone():
    data = insert_exif(jpeg_bytes(), build_exif(datetime(2025, 8, 3, 9, 0, 0)))
    meta = parse_exif(data)
    assert not meta.has_position
    six = timezone(timedelta(hours=6))
    assert meta.camera_time(six) == datetime(2025, 8, 3, 9, 0, 0, tzinfo=six).timestamp()


def test_zero_denominator_is_a_reason_not_a_crash():
    app1 = build_exif(datetime(2025, 8, 3, 9, 0, 0), 43.0, 76.0)
    # Zero every denominator of the latitude rationals (GPS tag 2) in the packed TIFF.
    tiff = bytearray(app1[6:])
    gps_ifd = struct.unpack_from("<I", tiff, _entry_value_offset(tiff, 8, 0x8825))[0]
    lat_offset = struct.unpack_from("<I", tiff, _entry_value_offset(tiff, gps_ifd, 2))[0]
    for k in range(3):
        struct.pack_into("<I", tiff, lat_offset + 8 * k + 4, 0)
    meta = parse_exif(insert_exif(jpeg_bytes(), b"Exif\x00\x00" + bytes(tiff)))
    assert not meta.has_position
    assert any("zero denominator" in p for p in meta.problems)


def _entry_value_offset(tiff: bytearray, ifd: int, tag: int) -> int:
    (count,) = struct.unpack_from("<H", tiff, ifd)
    for i in range(count):
        base = ifd + 2 + 12 * i
        if struct.unpack_from("<H", tiff, base)[0] == tag:
            return base + 8
    raise AssertionError(f"tag {tag:#x} not found")


def test_out_of_range_latitude_is_rejected():
    bad = build_exif(None, 89.0, 76.0)
    bad = bad.replace(struct.pack("<II", 89, 1), struct.pack("<II", 120, 1))
    meta = parse_exif(insert_exif(jpeg_bytes(), bad))
    assert not meta.has_position and any("out of range" in p for p in meta.problems)


def test_files_without_exif_corrupt_or_not_jpeg(tmp_path):
    assert parse_exif(jpeg_bytes()).problems == ["no EXIF metadata"]
    assert "not a JPEG" in parse_exif(b"GIF89a....").problems[0]
    broken = jpeg_bytes()[:2] + b"\xff\xe1\xff\xff" + b"Exif"
    assert "truncated" in parse_exif(broken).problems[0]
    assert "cannot be read" in read_exif(str(tmp_path / "missing.jpg")).problems[0]
    name = tmp_path / "Қарағанды_фото.jpg"  # Kazakh file names are fine
    name.write_bytes(insert_exif(jpeg_bytes(), build_exif(None, 49.8, 73.1)))
    assert read_exif(str(name)).has_position


def test_png_and_tiff_exif_are_read(tmp_path):
    import zlib

    tiff = build_exif(datetime(2025, 8, 3, 9, 0, 0), 43.5, 77.25)[6:]  # the TIFF block alone
    png = b"\x89PNG\r\n\x1a\n"
    png += struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0) + b"\x00" * 4
    png += struct.pack(">I", len(tiff)) + b"eXIf" + tiff + struct.pack(">I", zlib.crc32(b"eXIf" + tiff))
    png += struct.pack(">I", 0) + b"IEND" + b"\x00" * 4
    (tmp_path / "a.png").write_bytes(png)
    (tmp_path / "b.tif").write_bytes(tiff)
    for name in ("a.png", "b.tif"):
        meta = read_exif(str(tmp_path / name))
        assert (meta.lat, meta.lon, meta.taken) == (43.5, 77.25, "2025:08:03 09:00:00"), name

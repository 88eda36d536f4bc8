"""EXIF wherever a file keeps it, and the capture time's fallbacks.

TIFF directories far into a file, a PNG's eXIf after the image data and ImageMagick's legacy "Raw profile type
exif" text chunk (zTXt), HEIC's Exif item; DateTimeOriginal -> CreateDate -> file time, never ModifyDate; an
embedded thumbnail claiming huge dimensions is not decoded (peak memory measured in a fresh process).
"""

import os
import struct
import subprocess
import sys
import zlib

import pytest

from green_envoy_plugin.core import exif as ex
from green_envoy_plugin.core.media import read_media

CORPUS = os.path.join(os.path.dirname(__file__), "data", "photos")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
E = "<"


def ascii_entry(tag, text):
    raw = text.encode() + b"\0"
    return (tag, 2, len(raw), raw)


def tiff_with(ifd0, exif=None, gps=None, ifd_at=8, next_ifd=None):
    """A little-endian TIFF whose IFD0 sits at byte ifd_at, with an Exif and a GPS directory after it."""
    pointers = ([(ex.TAG_EXIF_IFD, 4, 1, b"\0" * 4)] if exif else []) + ([(ex.TAG_GPS_IFD, 4, 1, b"\0" * 4)]
                                                                      if gps else [])
    first = ex._pack_ifd(ifd0 + pointers, ifd_at, E)
    exif_at = ifd_at + len(first)
    exif_block = ex._pack_ifd(exif, exif_at, E) if exif else b""
    gps_at = exif_at + len(exif_block)
    gps_block = ex._pack_ifd(gps, gps_at, E) if gps else b""
    pointers = ([(ex.TAG_EXIF_IFD, 4, 1, struct.pack(E + "I", exif_at))] if exif else []) + (
        [(ex.TAG_GPS_IFD, 4, 1, struct.pack(E + "I", gps_at))] if gps else [])
    first = ex._pack_ifd(ifd0 + pointers, ifd_at, E)
    head = b"II" + struct.pack(E + "HI", 42, ifd_at)
    return head + b"\0" * (ifd_at - 8) + first + exif_block + gps_block


def test_a_tiff_whose_directories_lie_far_into_the_file(tmp_path):
    """Raw files and scanners put the image first and the directories at the end: 5 MB in, still read, and only
    the blocks holding them are read."""
    far = 5_000_000
    data = tiff_with([(ex.TAG_ORIENTATION, 3, 1, b"\x06\0"), ascii_entry(ex.TAG_MAKE, "NIKON")],
                     exif=[ascii_entry(ex.TAG_DATETIME_ORIGINAL, "2025:09:01 14:05:06")],
                     gps=ex._gps_entries(49.8019, 73.1021, 552.0, E), ifd_at=far)
    path = tmp_path / "scan.tif"
    path.write_bytes(data)
    meta = ex.read_exif(str(path))
    assert meta.problems == [] and meta.container == "tiff"
    assert (meta.make, meta.orientation, meta.taken) == ("NIKON", 6, "2025:09:01 14:05:06")
    assert meta.lat == pytest.approx(49.8019, abs=1e-7) and meta.lon == pytest.approx(73.1021, abs=1e-7)


def test_a_directory_pointing_past_the_end_is_a_reason(tmp_path):
    path = tmp_path / "cut.tif"
    path.write_bytes(b"II" + struct.pack("<HI", 42, 10_000_000))
    meta = read_media(str(path), str(tmp_path)).meta
    assert any("outside the block" in p for p in meta.problems)
    assert meta.time_source == "FileModifyDate"


def png(chunks):
    def chunk(kind, payload):
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + b"".join(chunk(k, p) for k, p in chunks) + chunk(b"IEND", b"")


def real_exif():
    """The TIFF body of a real phone photo's EXIF (exiftool's Google Pixel sample: GPS, direction, offset)."""
    with open(os.path.join(CORPUS, "exiftool_Google.jpg"), "rb") as handle:
        return ex._jpeg_exif(handle.read())


def test_png_exif_after_the_image_data_and_in_a_legacy_ztxt_raw_profile(tmp_path):
    body = real_exif()
    idat = zlib.compress(b"\0\0")
    after = tmp_path / "after.png"
    after.write_bytes(png([(b"IDAT", idat), (b"eXIf", body)]))
    blob = b"Exif\0\0" + body
    text = f"\nexif\n{len(blob):8d}\n".encode() + blob.hex().encode()
    legacy = tmp_path / "legacy.png"
    legacy.write_bytes(png([(b"zTXt", b"Raw profile type exif\0\0" + zlib.compress(text)), (b"IDAT", idat)]))
    for path in (after, legacy):
        meta = ex.read_exif(str(path))
        assert meta.problems == [], path.name
        assert meta.lat == pytest.approx(40.4000694, abs=1e-6) and meta.direction == 164.0
        assert (meta.taken, meta.offset) == ("2023:10:06 22:53:51", "+02:00")


def test_heic_exif_item_of_an_iphone(tmp_path):
    meta = ex.read_exif(os.path.join(CORPUS, "exiv2_2021-02-13-1929.heic"))
    assert meta.container == "heif" and meta.problems == []
    assert (meta.taken, meta.offset, meta.orientation) == ("2021:02:13 11:03:31", "-06:00", 6)
    assert meta.lat == pytest.approx(30.5803667, abs=1e-6) and meta.lon == pytest.approx(-88.0739056, abs=1e-6)
    assert meta.direction == pytest.approx(213.5029754, abs=1e-6)


def jpeg(ifd0, exif):
    return ex.insert_exif(b"\xff\xd8\xff\xd9", b"Exif\0\0" + tiff_with(ifd0, exif))


@pytest.mark.parametrize(("exif", "expected"), [
    ([ascii_entry(ex.TAG_DATETIME_ORIGINAL, "2025:09:01 10:00:00"),
      ascii_entry(ex.TAG_DATETIME_DIGITIZED, "2025:09:01 11:00:00")], ("2025:09:01 10:00:00", "DateTimeOriginal")),
    ([ascii_entry(ex.TAG_DATETIME_ORIGINAL, "0000:00:00 00:00:00"),
      ascii_entry(ex.TAG_DATETIME_DIGITIZED, "2025:09:01 11:00:00")], ("2025:09:01 11:00:00", "CreateDate")),
    ([], ("", "FileModifyDate")),
])
def test_time_falls_back_and_modify_date_is_never_the_capture_time(tmp_path, exif, expected):
    """The editor's save time (ModifyDate, a year later here) never stands in for the capture time."""
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg([ascii_entry(ex.TAG_DATETIME, "2026:09:01 09:00:00")], exif or None))
    os.utime(path, (1_756_000_000, 1_756_000_000))
    meta = read_media(str(path), str(tmp_path)).meta
    assert (meta.taken, meta.time_source) == expected
    if expected[1] == "FileModifyDate":
        assert meta.utc == 1_756_000_000


def claiming(width, height):
    """A real little JPEG whose frame header claims width x height: decoded, it fills all those pixels (the scan
    data ends early and the decoder pads the rest), ~1.6 GB for 20000 x 20000 from 700 bytes."""
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (16, 16), (90, 120, 60)).save(buf, "JPEG")
    data = bytearray(buf.getvalue())
    frame = data.index(b"\xff\xc0")
    data[frame + 5: frame + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def huge_thumbnail_photo(path):
    """A photo whose embedded thumbnail claims 20000 x 20000 pixels (1.6 GB decoded), its picture the same: the
    thumbnail is refused, the picture decoded at 1/8 scale (25 MB)."""
    thumb = claiming(20000, 20000)
    ifd0 = ex._pack_ifd([(ex.TAG_ORIENTATION, 3, 1, b"\x01\0")], 8, E)
    ifd1_at = 8 + len(ifd0)
    ifd1 = ex._pack_ifd([(ex.TAG_THUMB_OFFSET, 4, 1, b"\0" * 4), (ex.TAG_THUMB_LENGTH, 4, 1, b"\0" * 4)], ifd1_at, E)
    thumb_at = ifd1_at + len(ifd1)
    ifd1 = ex._pack_ifd([(ex.TAG_THUMB_OFFSET, 4, 1, struct.pack(E + "I", thumb_at)),
                         (ex.TAG_THUMB_LENGTH, 4, 1, struct.pack(E + "I", len(thumb)))], ifd1_at, E)
    ifd0 = ifd0[:-4] + struct.pack(E + "I", ifd1_at)  # IFD0's next-directory link to IFD1
    tiff = b"II" + struct.pack(E + "HI", 42, 8) + ifd0 + ifd1 + thumb
    path.write_bytes(ex.insert_exif(claiming(20000, 20000), b"Exif\0\0" + tiff))


def test_a_thumbnail_claiming_huge_dimensions_is_not_decoded(tmp_path):
    path = tmp_path / "bomb.jpg"
    huge_thumbnail_photo(path)
    meta = ex.read_exif(str(path))
    assert meta.thumbnail is None
    assert any("claims 20000x20000 pixels" in p for p in meta.problems)
    # Reading the file and making its thumbnail in a fresh process with Qt: its peak memory stays < 300 MB, and
    # the file itself costs less than 50 MB above what the process held before.
    script = (
        "import sys\n"
        # VmHWM, not getrusage's ru_maxrss: Linux keeps ru_maxrss across exec, so a child of a large pytest
        # process would report the parent's peak.
        "def peak():\n"
        "    return int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])\n"
        "from qgis.PyQt.QtGui import QGuiApplication\n"
        "app = QGuiApplication(['t'])  # Qt's image readers, as the import uses them; QGIS's providers not loaded\n"
        "from green_envoy_plugin.core.media import read_media\n"
        "from green_envoy_plugin.thumbnails import make_thumbnail\n"
        "before = peak()\n"
        "media = read_media(sys.argv[1], sys.argv[2])\n"
        "thumb = make_thumbnail(media.path, media.meta.thumbnail, media.meta.orientation)\n"
        "after = peak()\n"
        "print(before // 1024, after // 1024, thumb is not None)\n")
    out = subprocess.run([sys.executable, "-c", script, str(path), str(tmp_path)], capture_output=True, text=True,
                         timeout=120, env={**os.environ, "PYTHONPATH": ROOT}, check=True).stdout.split()
    before_mb, after_mb, made = int(out[-3]), int(out[-2]), out[-1]
    assert after_mb < 300 and after_mb - before_mb < 50, (before_mb, after_mb)
    assert made == "True"  # from the picture at 1/8 scale

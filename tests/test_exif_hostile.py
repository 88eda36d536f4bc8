"""Photos whose EXIF tags have the wrong type or count (orientation written as text, the Exif pointer as text,
an empty altitude, a GPS date as a number, ...) are read with a reason per defect, never an exception: one odd
photo from some camera or editor must not stop the folder's import (a type or count nobody expected used to
escape parse_exif as an exception and end the whole import)."""

import struct

import pytest

from green_envoy_plugin.core import exif as ex
from green_envoy_plugin.core.media import read_media, walk_media

E = "<"


def jpeg_with(ifd0, gps=None):
    """A minimal JPEG whose EXIF holds these IFD0 entries and, optionally, a GPS directory."""
    if gps:
        first_size = len(ex._pack_ifd([*ifd0, (ex.TAG_GPS_IFD, 4, 1, b"\0" * 4)], 8, E))
        gps_block = ex._pack_ifd(gps, 8 + first_size, E)
        ifd0 = [*ifd0, (ex.TAG_GPS_IFD, 4, 1, struct.pack(E + "I", 8 + first_size))]
    else:
        gps_block = b""
    tiff = b"II" + struct.pack(E + "HI", 42, 8) + ex._pack_ifd(ifd0, 8, E) + gps_block
    return ex.insert_exif(b"\xff\xd8\xff\xd9", b"Exif\0\0" + tiff)


GOOD_GPS = ex._gps_entries(43.2, 76.9, 800.0, E)
ORIENTATION_OK = [(ex.TAG_ORIENTATION, 3, 1, b"\x01\x00")]


def _replace(entries, tag, new):
    return [new if entry[0] == tag else entry for entry in entries]


CASES = {
    "latitude as text": (ORIENTATION_OK, _replace(GOOD_GPS, ex.GPS_LAT, (ex.GPS_LAT, 2, 4, b"abc\0")),
                         "GPS latitude is not a rational number"),
    "altitude with no value": (ORIENTATION_OK, _replace(GOOD_GPS, ex.GPS_ALT, (ex.GPS_ALT, 5, 0, b"")),
                               "GPS altitude has no value"),
    "GPS date as a number": (ORIENTATION_OK, [*GOOD_GPS, (ex.GPS_TIME, 5, 3, struct.pack(E + "6I", 1, 1, 2, 1, 3, 1)),
                                              (ex.GPS_DATE, 3, 1, b"\x01\x00")], "GPS date is not YYYY:MM:DD"),
    "orientation as text": ([(ex.TAG_ORIENTATION, 2, 2, b"x\0")], None, "orientation is not an integer"),
    "orientation with no value": ([(ex.TAG_ORIENTATION, 3, 0, b"")], None, "orientation has no value"),
    "Exif pointer as text": ([(ex.TAG_EXIF_IFD, 2, 2, b"x\0")], None, "Exif directory pointer is not an integer"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_wrongly_typed_tag_is_a_reason_not_an_exception(case):
    ifd0, gps, reason = CASES[case]
    meta = ex.parse_exif(jpeg_with(ifd0, gps))
    assert any(reason in problem for problem in meta.problems), meta.problems


def test_an_empty_gps_directory_or_a_pointer_with_no_value_is_no_position_and_no_defect():
    """Phones with location off write a GPS directory with no entries; some editors a pointer of count 0."""
    for gps_pointer in ((ex.TAG_GPS_IFD, 4, 0, b""),):
        meta = ex.parse_exif(jpeg_with([*ORIENTATION_OK, gps_pointer]))
        assert (meta.lat, meta.problems) == (None, [])
    tiff = bytearray(jpeg_with(ORIENTATION_OK, GOOD_GPS))
    gps_at = tiff.index(struct.pack(E + "H", len(GOOD_GPS)) + struct.pack(E + "H", 0), 30)
    tiff[gps_at: gps_at + 2] = b"\0\0"  # the GPS directory now holds no entries
    meta = ex.parse_exif(bytes(tiff))
    assert (meta.lat, meta.problems, meta.orientation) == (None, [], 1)


def test_what_is_right_in_the_same_photo_is_still_read():
    meta = ex.parse_exif(jpeg_with(ORIENTATION_OK, _replace(GOOD_GPS, ex.GPS_ALT, (ex.GPS_ALT, 5, 0, b""))))
    assert (meta.lat, meta.lon, meta.alt) == (pytest.approx(43.2), pytest.approx(76.9), None)


def test_a_folder_with_every_odd_photo_reads_them_all(tmp_path):
    good = tmp_path / "good.jpg"
    good.write_bytes(jpeg_with(ORIENTATION_OK, GOOD_GPS))
    for number, (ifd0, gps, _reason) in enumerate(CASES.values()):
        (tmp_path / f"odd_{number}.jpg").write_bytes(jpeg_with(ifd0, gps))
    found, skipped = walk_media(str(tmp_path))
    assert not skipped and len(found) == len(CASES) + 1
    read = {f.rel: f for f in (read_media(path, str(tmp_path)) for path in found)}
    assert read["good.jpg"].meta.lat == pytest.approx(43.2) and not read["good.jpg"].problems
    assert all(read[f"odd_{n}.jpg"].problems for n in range(len(CASES)))

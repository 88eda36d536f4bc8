"""Re-import keeps what the user set (issue 12, item 4): without --tz/--offset each photo keeps the zone and offset
it was placed with; given, they apply to all. A copy of an imported photo in another folder is a new file (placed
with its original's clock), while a photo that left its folder for another is a move."""

import os
import shutil
import sqlite3
import struct
import subprocess
import sys
from datetime import datetime

import pytest

from green_envoy_plugin.core.exif import build_exif, insert_exif
from green_envoy_plugin.steps.media import import_media

from .test_media import jpeg, photo, rows, store  # noqa: F401  (store: the fixture, a ride of 120 fixes)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def x_of(store_path, path):
    conn = sqlite3.connect(store_path)
    try:
        blob, offset, tz = conn.execute("SELECT geom, offset_s, camera_tz FROM media WHERE path = ?",
                                        (path,)).fetchone()
    finally:
        conn.close()
    return struct.unpack("<2d", blob[13:29])[0], offset, tz


def test_a_rerun_without_zone_or_offset_keeps_each_photos_own(tmp_path, store):  # noqa: F811
    media = tmp_path / "media"
    # Camera on UTC+6, 90 s fast: its 09:06:30 is 03:05:00 UTC, fix 30 of the ride (x = 76.90 + 30 * 0.0007).
    photo(media, "cam.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30))))
    import_media(str(media), store, "+06:00", 90.0)
    placed = x_of(store, "cam.jpg")
    assert placed == (pytest.approx(76.90 + 30 * 0.0007, abs=1e-6), 90.0, "+06:00")
    # Another day's photos added, the command run again without the options (the CLI's default).
    photo(media, "new.jpg", insert_exif(jpeg(colour=(5, 5, 5)), build_exif(datetime(2025, 8, 1, 8, 5, 0))))
    import_media(str(media), store)
    assert x_of(store, "cam.jpg") == placed  # not moved to +05:00 / 0 s
    assert x_of(store, "new.jpg")[1:] == (0.0, "+05:00")  # a new file: the defaults
    # Given, the options change every time-placed photo: 60 s fast instead of 90 moves cam.jpg 30 s = 3 fixes on.
    import_media(str(media), store, offset_s=60.0)
    x, offset, tz = x_of(store, "cam.jpg")
    assert (offset, tz) == (60.0, "+06:00") and x == pytest.approx(placed[0] + 3 * 0.0007, abs=1e-6)


def test_the_command_line_without_options_keeps_them(tmp_path, store):  # noqa: F811
    media = tmp_path / "media"
    photo(media, "cam.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30))))
    cli = [sys.executable, "-m", "green_envoy_plugin", "import-photos", str(media), "--gpkg", store,
           "--no-thumbnails"]
    env = {**os.environ, "PYTHONPATH": ROOT}
    subprocess.run([*cli, "--tz", "+06:00", "--offset", "90"], check=True, capture_output=True, env=env)
    placed = x_of(store, "cam.jpg")
    subprocess.run(cli, check=True, capture_output=True, env=env)
    assert x_of(store, "cam.jpg") == placed


def test_a_copy_in_another_folder_is_a_new_file_a_move_is_a_move(tmp_path, store):  # noqa: F811
    media = tmp_path / "media"
    photo(media, "day1/cam.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30))))
    import_media(str(media), store, "+06:00", 90.0)
    shutil.copy(media / "day1" / "cam.jpg", media / "selected" / "cam.jpg") if (media / "selected").mkdir() is None \
        else None
    report = import_media(str(media), store)
    assert sorted(rows(store)) == ["day1/cam.jpg", "selected/cam.jpg"] and report.moved == 0
    assert x_of(store, "selected/cam.jpg") == x_of(store, "day1/cam.jpg")  # the same clock: placed alike
    os.remove(media / "selected" / "cam.jpg")
    shutil.move(media / "day1" / "cam.jpg", media / "day2.jpg")
    report = import_media(str(media), store)
    stored = rows(store)
    assert "day2.jpg" in stored and "day1/cam.jpg" not in stored and report.moved == 1
    assert x_of(store, "day2.jpg")[1:] == (90.0, "+06:00")  # the moved file keeps its own


def test_processing_leaves_zone_and_offset_optional(tmp_path, store, qgis_processing):  # noqa: F811
    import processing
    from qgis.core import QgsApplication

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider

    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        media = tmp_path / "media"
        photo(media, "cam.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30))))
        first = processing.run("greenenvoy:importphotos", {"FOLDER": str(media), "GPKG": store, "TZ": "+06:00",
                                                           "OFFSET": 90})
        placed = x_of(store, "cam.jpg")
        again = processing.run("greenenvoy:importphotos", {"FOLDER": str(media), "GPKG": store})
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
    assert first["PLACED"] == again["PLACED"] == 1
    assert x_of(store, "cam.jpg") == placed and placed[1:] == (90.0, "+06:00")


def test_a_copy_imported_from_another_folder_is_new_a_folder_moved_whole_is_a_move(tmp_path, store):  # noqa: F811
    def stored():
        conn = sqlite3.connect(store)
        try:
            return sorted(conn.execute("SELECT media_folder, path, offset_s, camera_tz FROM media").fetchall())
        finally:
            conn.close()

    first, second = tmp_path / "card", tmp_path / "selected"
    photo(first, "cam.jpg", insert_exif(jpeg(), build_exif(datetime(2025, 8, 1, 9, 6, 30))))
    import_media(str(first), store, "+06:00", 90.0)
    photo(second, "cam.jpg", (first / "cam.jpg").read_bytes())  # the same photo copied for the report
    report = import_media(str(second), store)
    assert report.moved == 0  # the original is still on the card: a new file, with the original's clock
    assert stored() == sorted([(str(first), "cam.jpg", 90.0, "+06:00"), (str(second), "cam.jpg", 90.0, "+06:00")])
    shutil.move(first, tmp_path / "archive")  # the card copied to the archive and wiped
    report = import_media(str(tmp_path / "archive"), store)
    assert report.moved == 1  # found again by content: no third row
    assert stored() == sorted([(str(second), "cam.jpg", 90.0, "+06:00"),
                               (str(tmp_path / "archive"), "cam.jpg", 90.0, "+06:00")])

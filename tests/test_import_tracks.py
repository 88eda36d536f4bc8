"""Bike computers' FIT files import beside GPX through the same step and command: real files from Garmin, Wahoo and
Strava's app (tests/data/fit/SOURCES.md), each fix where the reference tools put it, what could not be read named
with its byte offset, and the import goes on."""

import os
import shutil
import sqlite3

from green_envoy_plugin import cli
from green_envoy_plugin.steps.tracks import import_gpx

FIT = os.path.join(os.path.dirname(__file__), "data", "fit")
SAMPLE_DAY = os.path.join(os.path.dirname(__file__), "..", "sample_data", "gpx", "2025-08-03.gpx")


def _folder(tmp_path):
    rides = tmp_path / "rides"
    (rides / "garmin").mkdir(parents=True)
    (rides / "phone").mkdir()
    shutil.copy(os.path.join(FIT, "python-fitparse", "garmin-edge-820-bike.fit"), rides / "garmin")
    shutil.copy(os.path.join(FIT, "gpsbabel", "wahoo-element-bolt.fit"), rides / "garmin")
    shutil.copy(os.path.join(FIT, "python-fitparse", "strava-android-app-201.10-b1218918.fit"), rides / "phone")
    shutil.copy(SAMPLE_DAY, rides)
    return rides


def test_a_folder_of_fit_and_gpx_imports_every_ride(tmp_path):
    rides = _folder(tmp_path)
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([str(rides)], store)
    assert len(report.imported) == 4 and not report.failed
    with sqlite3.connect(store) as conn:
        per_file = dict(conn.execute("SELECT file_name, fixes_in FROM imported_files"))
        fixes = conn.execute("SELECT count(*) FROM track_points").fetchone()[0]
    assert per_file["rides/garmin/garmin-edge-820-bike.fit"] == 15  # Edge 820: 15 fixes, as GPSBabel and fitdecode read it
    assert fixes == report.fixes > 2000
    # The Strava file is cut off and corrupt at byte 7471: named with its offsets, its readable rides kept.
    strava = [(where, why) for path, where, why in report.rejected if "strava" in path]
    assert ("byte 7471", strava[1][1]) in strava and any(where == "records" for where, _why in strava)
    assert per_file["rides/phone/strava-android-app-201.10-b1218918.fit"] > 0


def test_import_tracks_and_its_import_gpx_alias(tmp_path, capsys):
    rides = _folder(tmp_path)
    assert cli.main(["import-tracks", str(rides), "--gpkg", str(tmp_path / "a.gpkg")]) == 2  # something left out
    out = capsys.readouterr()
    assert "Tracks: 4 file(s) imported" in out.out + out.err and "byte 7471" in out.out + out.err
    os.remove(rides / "phone" / "strava-android-app-201.10-b1218918.fit")
    assert cli.main(["import-gpx", str(rides), "--gpkg", str(tmp_path / "b.gpkg")]) == 0

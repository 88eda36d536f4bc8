"""Bike computers' FIT files import beside GPX through the same step and command: real files from Garmin, Wahoo and
Strava's app (tests/data/fit/SOURCES.md), each fix where the reference tools put it, what could not be read named
with its byte offset, and the import goes on."""

import gzip
import os
import re
import shutil
import sqlite3
import zipfile

import pytest

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
    assert per_file["rides/garmin/garmin-edge-820-bike.fit"] == 15  # Edge 820: 15 fixes, as GPSBabel and fitdecode
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


TRACKS = os.path.join(os.path.dirname(__file__), "data", "tracks")


def _rows(store, sql):
    with sqlite3.connect(store) as conn:
        return conn.execute(sql).fetchall()


def test_a_file_is_its_path_and_its_content(tmp_path):
    """garmin/Current.gpx and phone/Current.gpx are two files; a copy under another name is reported, not imported
    twice; a changed file replaces only its own rows."""
    rides = tmp_path / "rides"
    for folder in ("garmin", "phone", "backup"):
        (rides / folder).mkdir(parents=True)
    shutil.copy(os.path.join(TRACKS, "gpxpy", "Mojstrovka.gpx"), rides / "garmin" / "Current.gpx")
    shutil.copy(os.path.join(TRACKS, "gpsbabel", "garminconnect.gpx"), rides / "phone" / "Current.gpx")
    shutil.copy(os.path.join(TRACKS, "gpxpy", "Mojstrovka.gpx"), rides / "backup" / "copy of Current.gpx")
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([str(rides)], store)
    assert len(report.imported) == 2 and report.fixes == 184 + 68
    assert report.same_content == [(str(rides / "garmin" / "Current.gpx"), "rides/backup/copy of Current.gpx")]
    assert sorted(_rows(store, "SELECT file_name FROM imported_files")) == [
        ("rides/backup/copy of Current.gpx",), ("rides/phone/Current.gpx",)]
    # The phone's file changes: its rows are replaced, the other file's stay.
    shutil.copy(os.path.join(TRACKS, "gpsbabel", "garmin_xt_atrk.gpx"), rides / "phone" / "Current.gpx")
    again = import_gpx([str(rides)], store)
    assert again.replaced == [str(rides / "phone" / "Current.gpx")] and len(again.unchanged) == 1
    assert _rows(store, "SELECT count(*) FROM track_points")[0][0] == 184 + 164


def test_fifos_devices_and_links_to_them_are_skipped_with_a_reason(tmp_path):
    rides = tmp_path / "rides"
    rides.mkdir()
    shutil.copy(os.path.join(TRACKS, "gpsbabel", "garminconnect.gpx"), rides / "day.gpx")
    os.mkfifo(rides / "pipe.gpx")  # opening it for reading would wait for a writer forever
    os.symlink(rides / "pipe.gpx", rides / "link-to-pipe.gpx")
    os.symlink("/dev/zero", rides / "zero.fit")  # an endless read
    report = import_gpx([str(rides)], str(tmp_path / "e.gpkg"))
    failed = {os.path.basename(p): why for p, why in report.failed}
    fifo = "is a FIFO (named pipe): skipped"
    assert failed == {"pipe.gpx": fifo, "link-to-pipe.gpx": fifo, "zero.fit": "is a character device: skipped"}
    assert report.fixes == 68


def test_gz_of_each_format_and_a_strava_bulk_export(tmp_path):
    export = tmp_path / "export_123.zip"
    files = {"activities/101.fit.gz": os.path.join(os.path.dirname(__file__), "data", "fit", "tormoder-fit",
                                                   "0134902991.fit"),
             "activities/102.gpx.gz": os.path.join(TRACKS, "gpxpy", "korita-zbevnica.gpx"),
             "activities/103.tcx.gz": os.path.join(TRACKS, "python-tcxparser", "no_hr.tcx")}
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("activities.csv", "Activity ID,Activity Date,Activity Name,Activity Type,Filename\n"
                   '101,"Aug 1, 2025",Almaty - Qonayev,Ride,activities/101.fit.gz\n'
                   '102,"Aug 2, 2025","Over the pass, day 2",Ride,activities/102.gpx.gz\n'
                   "103,\"Aug 3, 2025\",Evening run,Run,activities/103.tcx.gz\n")
        for name, path in files.items():
            with open(path, "rb") as handle:
                z.writestr(name, gzip.compress(handle.read()))
        z.writestr("profile.csv", "not a track")
    store = str(tmp_path / "e.gpkg")
    assert cli.main(["import-tracks", str(export), "--gpkg", store]) == 2  # no_hr.tcx: 1 trackpoint without position
    names = dict(_rows(store, "SELECT DISTINCT track_name, activity_type FROM tracks"))
    assert names == {"Almaty - Qonayev": "Ride", "Over the pass, day 2": "Ride", "Evening run": "Run"}
    keys = sorted((name.split("/", 1)[1], kind) for name, kind in  # under the folder holding the zip
                  _rows(store, "SELECT file_name, file_format FROM imported_files"))
    assert keys == [("export_123.zip/activities/101.fit.gz", "FIT"), ("export_123.zip/activities/102.gpx.gz", "GPX"),
                    ("export_123.zip/activities/103.tcx.gz", "TCX")]
    # FIT power and the device's own speed are stored (0134902991.fit: 739 fixes with power, fitdecode).
    power, speed = _rows(store, "SELECT count(power), count(device_speed_kmh) FROM track_points")[0]
    assert power == speed == 739 - 24  # 739 with power (fitdecode); 24 at the time of the fix before, elsewhere


def test_a_planned_route_and_a_track_without_time_are_kept(tmp_path):
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([os.path.join(TRACKS, "gpxpy", "route.gpx"), os.path.join(TRACKS, "gdal", "test.gpx"),
                         os.path.join(TRACKS, "gpxpy", "cerknicko-without-times.gpx")], store)
    assert not report.failed and report.routes == 2 and report.waypoints == 2 + 7
    assert _rows(store, "SELECT route_name, n_points FROM routes ORDER BY n_points") == [("route name", 3), ("", 55)]
    timeless = _rows(store, "SELECT count(*), round(sum(distance_km), 1), count(start_time), count(day), "
                            "count(moving_time_s), sum(timed_fixes) FROM tracks "
                            "WHERE source_file LIKE '%without-times%'")[0]
    # Seven tracks without any time keep their km; the eighth ends with 5 timed fixes: a part with time figures
    # from them, and the untimed fixes before them a part without.
    assert timeless == (8, 4.6, 1, 1, 1, 5)


def test_a_track_without_time_counts_in_the_regions_km_but_not_their_days(tmp_path):
    from green_envoy_plugin.steps.regions import assign_regions

    sample = os.path.join(os.path.dirname(__file__), "..", "sample_data")
    with open(os.path.join(sample, "gpx", "2025-08-03.gpx"), encoding="utf-8") as handle:
        day = handle.read()
    (tmp_path / "timed.gpx").write_text(day, encoding="utf-8")
    # The same day planned on a phone: no times at all.
    (tmp_path / "planned.gpx").write_text(re.sub(r"<time>[^<]*</time>", "", day), encoding="utf-8")
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([str(tmp_path / "timed.gpx"), str(tmp_path / "planned.gpx")], store)
    assert report.timeless_tracks >= 1 and report.tracks > report.timeless_tracks
    summary = assign_regions(store, os.path.join(sample, "kz_admin1.gpkg"))
    km = {s.name: s.distance_m / 1000 for s in summary.visited}
    stored_km = _rows(store, "SELECT sum(distance_km) FROM tracks")[0][0]
    assert summary.total_km == pytest.approx(stored_km, rel=1e-6)  # the planned day's km are in the regions
    assert sum(km.values()) == pytest.approx(stored_km, rel=1e-6)
    assert {len(s.days) for s in summary.visited} == {1}  # one day: the timed one


def test_a_clock_that_did_not_run_keeps_the_track_without_time_and_warns(tmp_path, capsys):
    """A device that wrote 1901-12-13 (a 32-bit clock's zero) for every fix: the ride is kept, with its km, and the
    user is told why it has no time; it is not '182 duplicates and 0 fixes'."""
    with open(os.path.join(TRACKS, "gpxpy", "korita-zbevnica.gpx"), encoding="utf-8") as handle:
        text = re.sub(r"<time>[^<]*</time>", "<time>1901-12-13T20:45:52Z</time>", handle.read())
    (tmp_path / "stuck.gpx").write_text(text, encoding="utf-8")
    store = str(tmp_path / "e.gpkg")
    assert cli.main(["import-tracks", str(tmp_path / "stuck.gpx"), "--gpkg", store]) == 0  # nothing left out
    out = capsys.readouterr().out
    assert "WARNING" in out and "kept without that time" in out
    assert _rows(store, "SELECT count(*), sum(n_fixes), count(start_time) FROM tracks") == [(3, 871, 0)]
    # 513 of the 871 fixes had a time (1901 now), the others none: all kept, no time invented.
    assert _rows(store, "SELECT impossible_time, timeless, duplicates FROM imported_files") == [(513, 871, 0)]


def test_reads_are_bounded_and_damaged_gzip_is_named(monkeypatch):
    from green_envoy_plugin.core import track_files
    from green_envoy_plugin.core.gpx import GpxError

    monkeypatch.setattr(track_files, "MAX_TRACK_BYTES", 10_000)
    bomb = gzip.compress(b"<gpx>" + b" " * 1_000_000)  # 1 MB of blanks in 1 KB: stops at the bound
    assert len(bomb) < 5_000
    with pytest.raises(GpxError, match="decompresses to more than 10000 bytes"):
        track_files.unpack(bomb, "bomb.gpx.gz")
    with pytest.raises(GpxError, match="cut off"):
        track_files.unpack(gzip.compress(b"<gpx/>" * 100)[:30], "cut.gpx.gz")
    assert track_files.unpack(gzip.compress(b"<gpx/>") + gzip.compress(b"\n"), "two.gz") == b"<gpx/>\n"


def test_an_unpacked_strava_export_inside_a_folder_is_named_from_its_csv(tmp_path):
    export = tmp_path / "downloads" / "export_123"
    (export / "activities").mkdir(parents=True)
    (export / "activities.csv").write_text("Activity ID,Activity Name,Activity Type,Filename\n"
                                           "7,Morning ride to Qonayev,Ride,activities/7.gpx.gz\n", encoding="utf-8")
    with open(os.path.join(TRACKS, "gpxpy", "Mojstrovka.gpx"), "rb") as handle:
        (export / "activities" / "7.gpx.gz").write_bytes(gzip.compress(handle.read()))
    store = str(tmp_path / "e.gpkg")
    import_gpx([str(tmp_path / "downloads")], store)
    names = _rows(store, "SELECT DISTINCT track_name, activity_type FROM tracks")
    assert names == [("Morning ride to Qonayev", "Ride")]


def test_a_store_from_before_paths_knows_its_files_by_name(tmp_path):
    """Stores of schema 9 keyed files by their bare name: the same file is unchanged, a changed one replaces it."""
    rides = tmp_path / "rides"
    rides.mkdir()
    shutil.copy(os.path.join(TRACKS, "gpsbabel", "garminconnect.gpx"), rides / "day.gpx")
    store = str(tmp_path / "e.gpkg")
    import_gpx([str(rides)], store)
    with sqlite3.connect(store) as conn:
        conn.execute("UPDATE imported_files SET file_name = 'day.gpx'")  # as schema 9 wrote it
    assert len(import_gpx([str(rides)], store).unchanged) == 1
    shutil.copy(os.path.join(TRACKS, "gpsbabel", "garmin_xt_atrk.gpx"), rides / "day.gpx")
    assert len(import_gpx([str(rides)], store).replaced) == 1
    assert _rows(store, "SELECT file_name FROM imported_files") == [("rides/day.gpx",)]
    assert _rows(store, "SELECT count(*) FROM track_points")[0][0] == 164


def test_waypoint_symbols_types_and_notes_reach_the_store(tmp_path):
    """The store's waypoints carry what GDAL reads of each <wpt>: <sym>, <type>, <desc>/<cmt>."""
    import sqlite3

    from osgeo import gdal

    from green_envoy_plugin.steps.tracks import import_gpx

    path = os.path.join(os.path.dirname(__file__), "data", "tracks", "gpsbabel", "expertgps.gpx")
    store = str(tmp_path / "w.gpkg")
    import_gpx([path], store)
    with sqlite3.connect(store) as db:
        stored = db.execute("SELECT name, symbol, point_type, description FROM waypoints ORDER BY fid").fetchall()
    ds = gdal.OpenEx(path, gdal.OF_VECTOR)  # kept in a name: its layer dies with it
    # <desc> and <cmt> both, when they differ ("Bear Hill Tower; BEAR HILL TOWER")
    assert stored == [(f["name"], f["sym"], f["type"], "; ".join(dict.fromkeys(t for t in (f["desc"], f["cmt"]) if t)))
                      for f in ds.GetLayerByName("waypoints")]
    assert len(stored) == 86 and len({s for _n, s, _t, _d in stored}) > 3

"""The GPX import into the expedition GeoPackage: idempotent, replacing, atomic, honest about bad files."""

import os
import sqlite3

import pytest
from osgeo import ogr

from green_envoy_plugin.errors import Canceled
from green_envoy_plugin.steps.feedback import SilentFeedback
from green_envoy_plugin.steps.tracks import import_gpx

from .helpers import straight_ride


def count(gpkg_path, table):
    ds = ogr.Open(gpkg_path)
    n = ds.GetLayerByName(table).GetFeatureCount()
    ds = None
    return n


def test_import_twice_changes_nothing_then_a_changed_file_replaces(tmp_path, write_gpx):
    day1 = write_gpx("2025-08-01.gpx", straight_ride(120))
    day2 = write_gpx("2025-08-02.gpx", straight_ride(80, start="2025-08-02T03:00:"))
    store = str(tmp_path / "e.gpkg")
    first = import_gpx([day1, day2], store)
    assert len(first.imported) == 2 and first.fixes == 200
    assert count(store, "track_points") == 200 and count(store, "tracks") == 2

    again = import_gpx([str(tmp_path)], store)
    assert len(again.unchanged) == 2 and again.imported == [] and again.fixes == 0
    assert count(store, "track_points") == 200

    write_gpx("2025-08-02.gpx", straight_ride(50, start="2025-08-02T03:00:"))
    changed = import_gpx([str(tmp_path)], store)
    assert changed.replaced == [day2] and len(changed.unchanged) == 1
    assert count(store, "track_points") == 170 and count(store, "imported_files") == 2


def test_one_bad_file_does_not_stop_the_good_ones(tmp_path, write_gpx):
    good = write_gpx("good.gpx")
    write_gpx("broken.gpx", text="<gpx version='1.1'><trk><trkseg><trkpt lat='1' lon='1'>")
    (tmp_path / "zero.gpx").write_bytes(b"")
    report = import_gpx([str(tmp_path)], str(tmp_path / "out" / "e.gpkg"))
    assert report.imported == [good]
    failed = dict(report.failed)
    assert set(os.path.basename(p) for p in failed) == {"broken.gpx", "zero.gpx"}
    assert "malformed XML" in failed[str(tmp_path / "broken.gpx")]
    assert "0 bytes" in failed[str(tmp_path / "zero.gpx")]


class CancelAfter(SilentFeedback):
    def __init__(self, checks):
        self.checks = checks

    def isCanceled(self):
        self.checks -= 1
        return self.checks < 0


def test_cancel_rolls_back_everything_written_in_the_import(tmp_path, write_gpx):
    store = str(tmp_path / "e.gpkg")
    import_gpx([write_gpx("a.gpx")], store)
    before = count(store, "track_points")
    more = [write_gpx(f"{d}.gpx", straight_ride(30, start=f"2025-08-0{d}T03:00:")) for d in (2, 3, 4)]
    with pytest.raises(Canceled):
        import_gpx(more, store, feedback=CancelAfter(2))
    assert count(store, "track_points") == before
    assert count(store, "imported_files") == 1


def test_tracks_keep_time_as_m_and_statistics(tmp_path, write_gpx):
    store = str(tmp_path / "e.gpkg")
    import_gpx([write_gpx("a.gpx", straight_ride(61))], store)
    ds = ogr.Open(store)
    track = ds.GetLayerByName("tracks").GetNextFeature()
    geom = track.GetGeometryRef()
    assert geom.GetGeometryType() == ogr.wkbLineStringZM
    assert geom.GetM(60) - geom.GetM(0) == 600
    assert track.GetField("day") == "2025/08/01"
    assert track.GetField("distance_km") == pytest.approx(60 * 0.0007 * 81.0, rel=0.01)
    assert track.GetField("moving_time_s") == 600


def test_track_without_any_time_is_stored_without_time_figures(tmp_path, write_gpx):
    untimed = write_gpx("plan.gpx", text='<gpx version="1.1"><trk><trkseg><trkpt lat="43.2" lon="76.9"><ele>800</ele>'
                                         '</trkpt><trkpt lat="43.3" lon="76.9"/></trkseg></trk></gpx>')
    good = write_gpx("good.gpx")
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([untimed, good], store)
    assert sorted(report.imported) == sorted([good, untimed]) and not report.failed
    conn = sqlite3.connect(store)
    row = conn.execute("SELECT day, start_time, moving_time_s, avg_speed_kmh, round(distance_km, 2), timed_fixes "
                       "FROM tracks WHERE source_file LIKE '%plan.gpx'").fetchone()
    conn.close()
    assert row == (None, None, None, None, 11.11, 0)  # 0.1 degree of latitude


def rtree_ok(store, table):
    import sqlite3

    conn = sqlite3.connect(store)
    try:
        (check,) = conn.execute(f"SELECT rtreecheck('rtree_{table}_geom')").fetchone()
        (indexed,) = conn.execute(f"SELECT COUNT(*) FROM rtree_{table}_geom").fetchone()
        (rows,) = conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()
        box = conn.execute(f"SELECT COUNT(*) FROM rtree_{table}_geom WHERE minx >= 76.93 AND maxx <= 76.95 "
                           "AND miny >= 43.0 AND maxy <= 43.5").fetchone()[0]
    finally:
        conn.close()
    return check, indexed, rows, box


def test_spatial_index_is_valid_after_bulk_load_append_and_replace(tmp_path, write_gpx, monkeypatch):
    from green_envoy_plugin.store import bulk

    monkeypatch.setattr(bulk, "BULK_FROM", 50)  # small files take the packed path too
    store = str(tmp_path / "e.gpkg")
    a = write_gpx("a.gpx", straight_ride(120))
    import_gpx([a], store)
    assert rtree_ok(store, "track_points")[:3] == ("ok", 120, 120)
    b = write_gpx("b.gpx", straight_ride(60, start="2025-08-02T03:00:"))  # few: one by one into the R-tree
    import_gpx([b], store)
    assert rtree_ok(store, "track_points")[:3] == ("ok", 180, 180)
    write_gpx("a.gpx", straight_ride(200))  # changed: replaced, packed again with the existing entries
    import_gpx([a], store)
    check, indexed, rows, box = rtree_ok(store, "track_points")
    assert (check, indexed, rows) == ("ok", 260, 260)
    # 76.93-76.95 E: fixes 43..71 of a (0.0007 deg apart from 76.90) and of b; the index finds them all.
    ds = ogr.Open(store)
    layer = ds.GetLayerByName("track_points")
    layer.SetSpatialFilterRect(76.93, 43.0, 76.95, 43.5)
    assert layer.GetFeatureCount() == box > 0
    assert rtree_ok(store, "tracks")[0] == "ok"


def test_a_ride_with_bad_points_imports_the_rest_and_names_them(tmp_path, write_gpx, capsys):
    """One point without latitude, one at (0, 0): the ride imports, the first is named with file and line, both
    are counted in imported_files, and the command's exit status says something was left out."""
    import sqlite3

    from green_envoy_plugin import cli

    points = straight_ride(40)
    lat, lon = points[3][0], points[3][1]
    from .helpers import gpx_text

    text = gpx_text(points).replace(f'<trkpt lat="{lat}" lon="{lon}">', f'<trkpt lon="{lon}">')
    text = text.replace(f'<trkpt lat="{points[9][0]}" lon="{points[9][1]}">', '<trkpt lat="0" lon="0">')
    path = write_gpx("holes.gpx", text=text)
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([path], store)
    assert report.fixes == 38 and report.imported == [path]
    assert len(report.rejected) == 1 and report.rejected[0][0] == path and "without lat/lon" in report.rejected[0][2]
    with sqlite3.connect(store) as conn:
        row = conn.execute("SELECT fixes_in, fixes_out, null_island, rejected_points FROM imported_files").fetchone()
    assert row == (39, 38, 1, 1)
    assert cli.main(["import-gpx", path, "--gpkg", str(tmp_path / "f.gpkg")]) == 2
    printed = capsys.readouterr()
    assert f"{path}, line" in printed.out + printed.err and "1 at (0, 0)" in printed.out + printed.err

"""The paths the fast import takes (issue 12, speed) give what the plain ones gave: the array reader's table of
fixed-width texts and its guard against tags between points, the R-tree's rowid table written by runs of
consecutive ids or leaf by leaf, point rows written many to a statement, and a new store written in the rollback
journal, which kill -9 leaves whole."""

import os
import sqlite3
import time

import numpy as np
import pytest

from green_envoy_plugin.core import gpx
from green_envoy_plugin.core.gpx import read_arrays
from green_envoy_plugin.store import bulk, gpkg, rtree

from .test_store_access import GPX, SAMPLE_FILES, copies, count, kill_and_check_whole, start_cli, wait_for_writer

HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="t" '
        'xmlns="http://www.topografix.com/GPX/1/1">\n<trk><trkseg>\n')
POINT = '  <trkpt lat="{lat}" lon="{lon}">\n    <ele>{ele}</ele>\n    <time>{time}</time>\n  </trkpt>\n'


def plain(points, between=""):
    body = between.join(POINT.format(lat=a, lon=b, ele=e, time=t) for a, b, e, t in points)
    return (HEAD + body + "</trkseg></trk></gpx>\n").encode()


def both(data):
    gpx.FAST_READER = False
    try:
        reference = gpx.parse_gpx_bytes(data, "ref.gpx")
    finally:
        gpx.FAST_READER = True
    return reference, gpx.parse_gpx_bytes(data, "fast.gpx")


def same_fixes(a, b):
    assert len(a.segments) == len(b.segments)
    for s, t in zip(a.segments, b.segments):
        for column in ("lon", "lat", "ele", "time"):
            assert np.array_equal(getattr(s.fixes, column), getattr(t.fixes, column), equal_nan=True), column


POINTS = [(43.25 + k / 1e4, 76.91 + k / 1e4, 800 + k, f"2025-08-01T03:00:{k:02d}Z") for k in range(5)]


def test_plain_layout_read_as_one_table():
    data = plain(POINTS)
    assert read_arrays(data, "p.gpx") is not None
    reference, fast = both(data)
    same_fixes(reference, fast)
    assert fast.segments[0].fixes.ele.tolist() == [800, 801, 802, 803, 804]


def test_a_text_longer_than_its_column_is_read_whole():
    """A latitude of 28 characters and a time of 46 do not fit the table's columns (24, 40): cut, they would
    read 4.0 and a time 5 hours off; they are read in full."""
    points = [*POINTS[:2], ("0000000000000000000000043.25", 76.93, 812.5,
                            "2025-08-01T08:00:05.123456789012345678901+05:00"), *POINTS[3:]]
    data = plain(points)
    assert read_arrays(data, "long.gpx") is not None
    reference, fast = both(data)
    same_fixes(reference, fast)
    assert fast.segments[0].fixes.lat[2] == 43.25
    assert fast.segments[0].fixes.time[2] == pytest.approx(1754017205.123457)


def test_a_tag_between_points_is_not_stepped_over():
    """An <ele> between two points belongs to neither: the uniform pattern would skip it, the guard on the
    number of tags sends the file to the exact reader, and both readers agree."""
    data = plain(POINTS, between="  <ele>5</ele>\n")
    assert read_arrays(data, "between.gpx") is None
    reference, fast = both(data)
    same_fixes(reference, fast)


def rtree_table(conn, ids, rng):
    conn.execute("DROP TABLE IF EXISTS r")
    conn.execute("CREATE VIRTUAL TABLE r USING rtree(id, minx, maxx, miny, maxy)")
    x, y = rng.uniform(60, 80, len(ids)), rng.uniform(40, 50, len(ids))
    cells = np.empty(len(ids), dtype=rtree.CELL)
    cells["id"] = ids
    cells["x0"], cells["x1"] = rtree.round_down(x), rtree.round_up(x)
    cells["y0"], cells["y1"] = rtree.round_down(y), rtree.round_up(y)
    rtree.bulk_load(conn, "r", cells)
    return x, y


@pytest.mark.parametrize("kind", ["consecutive", "runs", "scattered"])
def test_rtree_rowids_by_runs_or_by_leaf(kind):
    rng = np.random.default_rng(7)
    ids = {"consecutive": np.arange(1, 3001), "runs": np.r_[5:1005, 2000:4000, 9000:9500],
           "scattered": np.sort(rng.choice(10**6, 3000, replace=False)) + 1}[kind]
    conn = sqlite3.connect(":memory:")
    x, y = rtree_table(conn, ids, rng)
    assert conn.execute("SELECT rtreecheck('r')").fetchone()[0] == "ok"  # rowid -> leaf that holds the id
    assert conn.execute("SELECT COUNT(*) FROM r_rowid").fetchone()[0] == len(ids)
    inside = (x >= 65) & (x <= 70) & (y >= 42) & (y <= 44)
    found = [i for (i,) in conn.execute("SELECT id FROM r WHERE minx >= 65 AND maxx <= 70 AND miny >= 42 "
                                        "AND maxy <= 44 ORDER BY id")]
    assert found == sorted(ids[inside].tolist()) and found
    conn.close()


@pytest.mark.parametrize("limit", [None, 7])
def test_points_many_to_a_statement(tmp_path, limit):
    """257 fixes: two statements of 100 rows and one of 57 (or, with a limit of 7 parameters, one a statement);
    NULL where NaN, no geometry where no position, every row in its place."""
    store = str(tmp_path / "e.gpkg")
    gpkg.open_store(store)
    n = 257
    lon, lat = 76 + np.arange(n) / 1e3, 43 + np.arange(n) / 1e3
    lon[10] = lat[10] = np.nan
    ele = np.where(np.arange(n) % 3 == 0, np.nan, 800 + np.arange(n) * 0.5)
    with bulk.BulkWriter(store) as writer:
        if limit:
            writer._max_variables = limit
        writer.add_points("track_points", lon, lat, ele, {"track_fid": 1, "file_id": 1, "ele": ele,
                                                          "time": [f"t{k}" for k in range(n)]})
    rows = bulk.read_rows(store, "SELECT fid, geom, ele, time FROM track_points ORDER BY fid")
    assert [r[0] for r in rows] == list(range(1, n + 1))
    assert [r[3] for r in rows] == [f"t{k}" for k in range(n)]
    assert [r[2] for r in rows] == [None if np.isnan(e) else e for e in ele]
    assert rows[10][1] is None
    assert [bulk.point_xy(r[1]) for r in rows[11:]] == list(zip(lon[11:], lat[11:]))


def test_kill_9_of_a_first_import_into_a_new_store(tmp_path):
    """A new store is written in the rollback journal (no -wal beside it): kill -9 in the middle leaves it
    whole, empty of rows, and the next import works."""
    more = copies(tmp_path / "more", 2)
    store = str(tmp_path / "e.gpkg")
    doomed = start_cli("import-tracks", more, "--gpkg", store)
    wait_for_writer(store, doomed)
    deadline = time.monotonic() + 60
    while not os.path.exists(store + "-journal") and time.monotonic() < deadline:
        assert doomed.poll() is None, doomed.communicate()
        time.sleep(0.02)
    time.sleep(0.5)  # into its rows
    assert doomed.poll() is None, "the import ended before it could be killed: give it more files"
    assert not os.path.exists(store + "-wal")
    kill_and_check_whole(doomed, store)
    assert count(store, "imported_files") == 0 and count(store, "track_points") == 0
    again = start_cli("import-tracks", GPX, "--gpkg", store)
    _out, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert count(store, "imported_files") == SAMPLE_FILES

"""Every real track file of the corpus (tests/data/tracks/SOURCES.md, tests/data/fit/SOURCES.md) read as GDAL's GPX
driver and GPSBabel read it: the same tracks, fixes, routes, route points and waypoints, every difference explained
below; then all of them imported at once, with every fix read either stored or counted with its reason."""

import csv
import glob
import io
import os
import shutil
import sqlite3
import subprocess

import numpy as np
import pytest
from osgeo import gdal

from green_envoy_plugin.core.fit import FitDocument
from green_envoy_plugin.core.gpx import GpxError
from green_envoy_plugin.core.tcx import TcxDocument
from green_envoy_plugin.core.track_files import unpack
from green_envoy_plugin.steps.tracks import import_gpx, parse_track_bytes

DATA = os.path.join(os.path.dirname(__file__), "data")
CORPUS = sorted(p for folder in ("tracks", "fit") for p in glob.glob(os.path.join(DATA, folder, "*", "*"))
                if not p.endswith(".md"))
FIELDS = ("tracks", "track_fixes", "routes", "route_points", "waypoints")
GPSBABEL_FORMAT = {"gpx": "gpx", "fit": "garmin_fit,recoverymode", "tcx": "gtrnctr"}

# (file, field, reference) -> why ours differs. Everything not listed here must agree exactly.
EXPLAINED = {
    ("fit/python-fitparse/strava-android-app-201.10-b1218918.fit", "track_fixes", "gpsbabel"):
        "237 there: the record 20 bytes before the corrupt data at byte 7471 has a time in 2085; we leave it out and "
        "count it (tests/data/fit/SOURCES.md, difference 1)",
    ("fit/python-fitparse/sample_mulitple_header.fit", "tracks", "gpsbabel"):
        "one track there, five here: a triathlon's five sessions (swim, transition, bike ...) are five tracks",
    ("fit/gpsbabel/fitwrite-track.fit", "tracks", "gpsbabel"): "a FIT course file: a planned route here",
    ("fit/gpsbabel/fitwrite-track.fit", "track_fixes", "gpsbabel"): "a FIT course file: its 64 points are a route",
    ("fit/gpsbabel/fitwrite-track.fit", "routes", "gpsbabel"): "a FIT course file: a planned route here",
    ("fit/gpsbabel/fitwrite-track.fit", "route_points", "gpsbabel"): "a FIT course file: its 64 points are a route",
    ("fit/gpsbabel/fitwrite-track.fit", "waypoints", "gpsbabel"):
        "13 here, 1 there: GPSBabel 1.8.0 does not read course_point messages (its own writer wrote these 12); "
        "test_fit_course_points_are_the_waypoints_gpsbabel_wrote_them_from compares them",
    ("tracks/gpsbabel/gtrnctr-readcp.tcx", "tracks", "gpsbabel"): "a TCX <Course>: a planned route here",
    ("tracks/gpsbabel/gtrnctr-readcp.tcx", "track_fixes", "gpsbabel"): "a TCX <Course>: its 18 points are a route",
    ("tracks/gpsbabel/gtrnctr-readcp.tcx", "routes", "gpsbabel"): "a TCX <Course>: a planned route here",
    ("tracks/gpsbabel/gtrnctr-readcp.tcx", "route_points", "gpsbabel"): "a TCX <Course>: its 18 points are a route",
    ("tracks/opentracks/legacy_gpx_pause_resume.gpx", "track_fixes", "gdal"):
        "two fixes at latitude 100 and 200 (out of range) are left out, each named with its line",
    ("tracks/opentracks/legacy_gpx_pause_resume.gpx", "track_fixes", "gpsbabel"):
        "two fixes at latitude 100 and 200 (out of range) are left out, each named with its line",
}


def ours(path):
    """Counts as our readers give them (before cleaning): tracks and routes with at least one point. FIT and TCX
    laps are counted with the waypoints, as GPSBabel writes a waypoint at each lap's start."""
    try:
        doc = parse_track_bytes(unpack(open(path, "rb").read(), path), path)
    except GpxError:
        return dict.fromkeys(FIELDS, 0), None
    tracks = [s for s in doc.segments if s.kind == "track"]
    routes = [s for s in doc.segments if s.kind == "route"]
    laps = 0
    if isinstance(doc, FitDocument):
        laps = sum(1 for lap in doc.laps if lap.start_lat == lap.start_lat)
    elif isinstance(doc, TcxDocument):
        laps = len(doc.laps)
    return {"tracks": len({s.track_index for s in tracks}), "track_fixes": sum(len(s.fixes) for s in tracks),
            "routes": len({s.track_index for s in routes}), "route_points": sum(len(s.fixes) for s in routes),
            "waypoints": len(doc.waypoints) + laps}, doc


def by_gdal(path):
    """GDAL's GPX driver (what ogrinfo prints), tracks and routes with at least one point; nothing for a file it
    cannot read (as ours, which refuses it with its reason)."""
    try:
        ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    except RuntimeError:
        ds = None
    if ds is None:
        return dict.fromkeys(FIELDS, 0)
    counts = {}
    for layer, field in (("tracks", "tracks"), ("routes", "routes")):
        lyr = ds.GetLayerByName(layer)
        counts[field] = sum(1 for f in lyr if f.GetGeometryRef() is not None and
                            sum(g.GetPointCount() for g in _lines(f.GetGeometryRef())) > 0)
    for layer, field in (("track_points", "track_fixes"), ("route_points", "route_points"), ("waypoints", "waypoints")):
        counts[field] = ds.GetLayerByName(layer).GetFeatureCount()
    return counts


def _lines(geom):
    return [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())] if geom.GetGeometryCount() else [geom]


def by_gpsbabel(path):
    fmt = GPSBABEL_FORMAT[path.rsplit(".", 1)[1].lower()]
    out = subprocess.run(["gpsbabel", "-t", "-r", "-w", "-i", fmt, "-f", path, "-o", "gpx", "-F", "-"],
                         capture_output=True, check=False).stdout.decode("utf-8", "replace")
    return {"tracks": sum(1 for t in out.split("<trk>")[1:] if "<trkpt" in t.split("</trk>")[0]),
            "track_fixes": out.count("<trkpt"),
            "routes": sum(1 for r in out.split("<rte>")[1:] if "<rtept" in r.split("</rte>")[0]),
            "route_points": out.count("<rtept"), "waypoints": out.count("<wpt")}


def _differences(reference, counts_of):
    found = {}
    for path in CORPUS:
        name = os.path.relpath(path, DATA).replace(os.sep, "/")
        if reference == "gdal" and not path.endswith(".gpx"):
            continue  # GDAL has no FIT or TCX driver
        mine, _doc = ours(path)
        theirs = counts_of(path)
        for field in FIELDS:
            if mine[field] != theirs[field]:
                found[(name, field, reference)] = (mine[field], theirs[field])
    return found


def test_corpus_is_large_and_varied():
    assert len(CORPUS) >= 50
    assert {os.path.splitext(p)[1] for p in CORPUS} == {".gpx", ".fit", ".tcx"}


def test_counts_agree_with_gdal():
    found = _differences("gdal", by_gdal)
    assert {k: v for k, v in found.items() if k not in EXPLAINED} == {}
    assert set(found) == {k for k in EXPLAINED if k[2] == "gdal"}  # every explanation still needed


@pytest.mark.skipif(shutil.which("gpsbabel") is None, reason="gpsbabel not installed (make debs)")
def test_counts_agree_with_gpsbabel():
    found = _differences("gpsbabel", by_gpsbabel)
    assert {k: v for k, v in found.items() if k not in EXPLAINED} == {}
    assert set(found) == {k for k in EXPLAINED if k[2] == "gpsbabel"}


def test_the_whole_corpus_imports_and_every_fix_is_stored_or_counted(tmp_path):
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([os.path.join(DATA, "tracks"), os.path.join(DATA, "fit")], store)
    refused = {os.path.relpath(p, DATA): why for p, why in report.failed}
    # No position at all (an indoor ride, a file_id-only file, a track with no point), or cut off (Organic Maps'
    # route.gpx ends after </rte>, without </gpx>: GDAL and GPSBabel refuse it too).
    assert set(refused) == {"fit/muktihari-fit/TestEncode.fit", "fit/muktihari-fit/valid_only_contain_fileid.fit",
                            "fit/python-fitparse/compressed-speed-distance.fit",
                            "fit/tormoder-fit/unterminated-strings.fit", "tracks/gpxpy/unicode2.gpx",
                            "tracks/organicmaps/route.gpx"}
    assert refused["tracks/organicmaps/route.gpx"] == "line 16: malformed XML (no element found)"
    assert all(why.startswith("no ") for p, why in refused.items() if "organicmaps" not in p)
    with sqlite3.connect(store) as conn:
        rows = conn.execute(
            "SELECT file_name, fixes_in, fixes_out + bad_position + null_island + duplicates + backwards + spikes "
            "+ lone_fixes FROM imported_files").fetchall()
        stored = conn.execute("SELECT count(*) FROM track_points").fetchone()[0]
        routes = conn.execute("SELECT count(*), sum(n_points) FROM routes").fetchone()
        timeless = conn.execute("SELECT count(*) FROM tracks WHERE start_time IS NULL AND timed_fixes = 0"
                                ).fetchone()[0]
    assert all(fixes_in == accounted for _name, fixes_in, accounted in rows), rows
    assert stored == report.fixes == sum(r[1] for r in rows) - sum(
        getattr(report.cleaning, k) for k in ("bad_position", "null_island", "duplicates", "backwards", "spikes",
                                               "lone_fixes"))
    assert routes[0] == report.routes >= 6  # gdal 1, gpsbabel 3 (gpx 1.0 passthrough, route.gpx x2), gpxpy 3, FIT, TCX
    assert timeless >= 8  # gpxpy's cerknicko-without-times: its tracks without any time, kept with their km


def _gpsbabel_waypoints(path):
    out = subprocess.run(["gpsbabel", "-w", "-i", "gpx", "-f", path, "-o", "unicsv", "-F", "-"], capture_output=True,
                         check=True).stdout.decode()
    rows = list(csv.DictReader(io.StringIO(out)))
    return {r["Name"]: (float(r["Latitude"]), float(r["Longitude"])) for r in rows}


@pytest.mark.skipif(shutil.which("gpsbabel") is None, reason="gpsbabel not installed (make debs)")
def test_fit_course_points_are_the_waypoints_gpsbabel_wrote_them_from(tmp_path):
    """GPSBabel wrote fitwrite-track.fit (a FIT course) from fitwrite-track.gpx (its testo.d/garmin_fit.test): the
    GPX's 12 waypoints became the course's 12 course points, which GPSBabel's reader then skips. Ours are those
    waypoints (names, positions to the FIT semicircle), their types and order as fitdecode reads them."""
    fit = os.path.join(DATA, "fit", "gpsbabel", "fitwrite-track.fit")
    _counts, doc = ours(fit)
    source = _gpsbabel_waypoints(os.path.join(DATA, "tracks", "gpsbabel", "fitwrite-track.gpx"))
    assert len(source) == 12 and {w.name for w in doc.waypoints} == set(source)
    for w in doc.waypoints:
        lat, lon = source[w.name]
        assert abs(w.lat - lat) < 1e-6 and abs(w.lon - lon) < 1e-6, w  # written to 6 decimals there
    fitdecode = pytest.importorskip("fitdecode")
    with fitdecode.FitReader(fit) as reader:
        points = [m for m in reader if isinstance(m, fitdecode.FitDataMessage) and m.name == "course_point"]
    assert [(w.name, w.point_type, round(w.lat * 2**31 / 180), round(w.lon * 2**31 / 180)) for w in doc.waypoints] == [
        (m.get_value("name"), m.get_value("type"), m.get_value("position_lat"), m.get_value("position_long"))
        for m in points]
    assert {w.point_type for w in doc.waypoints} == {"generic", "left", "right"}
    assert all(np.isnan(w.time) for w in doc.waypoints)  # the course points have no timestamp
    store = str(tmp_path / "e.gpkg")
    report = import_gpx([fit], store)
    assert report.waypoints == 12 and report.routes == 1 and report.laps == 1
    assert "  1 lap summary(ies) of FIT/TCX files stored in the layer laps (their fixes are the tracks')" \
        in report.lines()
    gpx_only = import_gpx([os.path.join(DATA, "tracks", "gpsbabel", "fitwrite-track.gpx")], str(tmp_path / "g.gpkg"))
    assert gpx_only.laps == 0 and not any("lap" in line for line in gpx_only.lines())
    with sqlite3.connect(store) as conn:
        stored = conn.execute("SELECT name, point_type, time FROM waypoints ORDER BY fid").fetchall()
        laps = conn.execute("SELECT laps FROM imported_files").fetchall()
    assert stored[:2] == [("Test", "generic", None), ("Left", "left", None)] and len(stored) == 12
    assert laps == [(1,)]


def _gdal_waypoint_texts(path):
    """(name, sym, type, desc, cmt) of each <wpt> as GDAL's GPX driver reads them."""
    ds = gdal.OpenEx(path, gdal.OF_VECTOR)
    if ds is None:
        raise RuntimeError(f"GDAL cannot open {path}")
    layer = ds.GetLayerByName("waypoints")
    return [tuple(f.GetField(k) or "" for k in ("name", "sym", "type", "desc", "cmt")) for f in layer]


@pytest.mark.parametrize("fast", [True, False], ids=["array reader", "callback reader"])
def test_waypoint_symbol_type_and_note_as_gdal_reads_them(fast):
    """A waypoint's <sym>, <type>, <desc> and <cmt> (the envoy's notes at a spring, a dump, a camp) kept as GDAL
    reads them, by both readers, on every corpus GPX with waypoints that carry any."""
    from green_envoy_plugin.core import gpx
    from green_envoy_plugin.core.gpx.model import waypoint_note

    checked = 0
    for path in CORPUS:
        if not path.endswith(".gpx") or not any(tag in open(path, "rb").read() for tag in (b"<sym", b"<desc", b"<cmt",
                                                                                          b"<type")):
            continue
        try:
            theirs = _gdal_waypoint_texts(path)
        except RuntimeError:
            continue  # GDAL cannot read it (a prefixed or broken file)
        gpx.FAST_READER = fast
        try:
            doc = parse_track_bytes(unpack(open(path, "rb").read(), path), path)
        except GpxError:
            continue
        finally:
            gpx.FAST_READER = True
        mine = [(w.name, w.symbol, w.point_type, w.description) for w in doc.waypoints]
        expected = [(n.strip(), s.strip(), t.strip(), waypoint_note(d.strip(), c.strip())) for n, s, t, d, c in theirs]
        assert mine == expected, os.path.relpath(path, DATA)
        checked += sum(1 for _n, s, t, d in mine if s or t or d)
    assert checked >= 50  # waypoints with a symbol, type or note among the corpus files


def test_fit_and_tcx_laps_are_stored_where_gpsbabel_and_the_track_put_them(tmp_path):
    """A run's five FIT laps as rows of `laps`: each starts where GPSBabel puts the previous lap's waypoint (it
    writes one at each lap's end), the first at the track's first fix; TCX laps with their time and distance."""
    import struct

    store = str(tmp_path / "laps.gpkg")
    fit = os.path.join(DATA, "fit", "python-fitparse", "2013-02-06-12-11-14.fit")
    tcx = os.path.join(DATA, "tracks", "python-tcxparser", "test.tcx")
    import_gpx([fit, tcx], store)
    with sqlite3.connect(store) as db:
        rows = db.execute("SELECT l.lap_index, l.geom, l.start_time, l.distance_km, l.timer_s, f.file_format "
                          "FROM laps l JOIN imported_files f ON f.fid = l.file_id ORDER BY l.fid").fetchall()
        first_fix = db.execute("SELECT geom FROM track_points ORDER BY fid LIMIT 1").fetchone()[0]
    fit_laps = [row for row in rows if row[5] == "FIT"]
    assert [row[0] for row in fit_laps] == [1, 2, 3, 4, 5]
    starts = [struct.unpack("<2d", row[1][13:29]) for row in fit_laps]
    assert np.allclose(starts[0], struct.unpack("<2d", first_fix[13:29]), atol=1e-6)
    out = subprocess.run(["gpsbabel", "-w", "-i", "garmin_fit", "-f", fit, "-o", "unicsv", "-F", "-"],
                         capture_output=True, text=True, check=True).stdout
    ends = [(float(r["Longitude"]), float(r["Latitude"])) for r in csv.DictReader(io.StringIO(out))]
    assert np.allclose(starts[1:], ends[:4], atol=1e-6)
    assert fit_laps[0][2] == "2013-02-06T12:11:14.000Z"
    tcx_laps = [row for row in rows if row[5] == "TCX"]
    assert tcx_laps and all(row[1] is None and row[3] > 0 and row[4] > 0 for row in tcx_laps)

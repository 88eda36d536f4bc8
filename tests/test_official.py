"""Findings against an official layer: classes by distance, any geometry and CRS, the reverse view along
the route, tables; and the nearest settlement."""

import os
import sqlite3

import numpy as np
import pytest
from osgeo import ogr, osr
from shapely.geometry import Point, box

from green_envoy_plugin.core.compare import MATCHES, NEAR, NOT_OFFICIAL, compare
from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.official import compare_official
from green_envoy_plugin.steps.regions import assign_regions
from green_envoy_plugin.steps.tracks import import_gpx

from .helpers import straight_ride

# 1 degree of longitude at 48 N is about 74.6 km; of latitude 111.2 km.
LON_M = 74_600.0


def test_classes_by_distance_and_unreported_along_the_route():
    findings_lon = np.array([70.0, 70.1, 70.2])
    findings_lat = np.array([48.0, 48.0, 48.0])
    official = [
        Point(70.0 + 100 / LON_M, 48.0),  # 100 m from finding 0: matches
        Point(70.1 + 600 / LON_M, 48.0),  # 600 m from finding 1: near
        Point(70.5, 48.0 + 1000 / 111_200),  # 1 km beside the route, nobody reported it
        Point(70.5, 48.3),  # 33 km off the route
    ]
    route = [(np.linspace(69.9, 70.6, 200), np.full(200, 48.0))]
    result = compare(findings_lon, findings_lat, official, route, match_m=250, near_m=1000, corridor_m=2000)
    assert result.classes == [MATCHES, NEAR, NOT_OFFICIAL]
    assert result.distance_m[0] == pytest.approx(100, abs=2)
    # Only a match (within 250 m) counts as reported: the "near" record 1 lies on the route, unreported too.
    assert result.unreported.tolist() == [1, 2]
    # Map metres (scale 0.9986 here) to a route simplified to 25 m: within 2 %.
    assert result.unreported_distance_m[1] == pytest.approx(1000, rel=0.02)


def test_polygons_in_another_crs(tmp_path, write_gpx):
    """A registry of landfill polygons in UTM 42N: a finding inside one is at 0 m, a match."""
    path = str(tmp_path / "official.gpkg")
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(32643)
    layer = ds.CreateLayer("landfills", utm, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("ref", ogr.OFTString))
    to_utm = osr.CoordinateTransformation(_wgs84(), utm)
    for ref, (lon, lat) in (("L-1", (76.92, 43.25)), ("L-2", (76.94, 43.26))):
        x, y, _z = to_utm.TransformPoint(lon, lat)
        row = ogr.Feature(layer.GetLayerDefn())
        row.SetField("ref", ref)
        row.SetGeometry(ogr.CreateGeometryFromWkb(box(x - 200, y - 200, x + 200, y + 200).wkb))
        layer.CreateFeature(row)
    ds = None
    store = str(tmp_path / "e.gpkg")
    import_gpx([write_gpx("ride.gpx", straight_ride(120))], store)
    csv = tmp_path / "f.csv"
    csv.write_text("finding_id,lat,lon,category\nF-1,43.2501,76.9201,waste\nF-2,43.40,77.30,air\n", encoding="utf-8")
    import_findings(str(csv), store)
    summary = compare_official(store, path, "ref", table=str(tmp_path / "cmp.xlsx"))
    by_id = {r["finding_id"]: r for r in summary.rows}
    assert by_id["F-1"]["official_class"] == MATCHES and by_id["F-1"]["official_id"] == "L-1"
    assert by_id["F-1"]["official_distance_m"] == 0.0
    assert by_id["F-2"]["official_class"] == NOT_OFFICIAL
    assert [u["official_id"] for u in summary.unreported] == ["L-2"]  # 1 km north of the ride
    import pandas as pd

    sheets = pd.read_excel(str(tmp_path / "cmp.xlsx"), sheet_name=None)
    assert set(sheets) == {"findings", "summary", "unreported"}
    assert len(sheets["findings"]) == 2
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT official_class FROM findings WHERE finding_id = 'F-1'").fetchone()[0] == MATCHES
    assert conn.execute("SELECT COUNT(*) FROM official_unreported").fetchone()[0] == 1


def _wgs84():
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def test_sample_registry_comparison_and_settlements(sample_dir, tmp_path):
    store = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(sample_dir, "gpx")], store)
    import_findings(os.path.join(sample_dir, "findings.csv"), store)
    assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"),
                   settlements=os.path.join(sample_dir, "settlements.gpkg"))
    summary = compare_official(store, os.path.join(sample_dir, "official_landfills_synthetic.gpkg"),
                               "registry_id", table=str(tmp_path / "cmp.csv"))
    assert len(summary.rows) == 113
    classes = [r["official_class"] for r in summary.rows]
    assert classes.count(MATCHES) > 0 and classes.count(NOT_OFFICIAL) > 0
    assert all(r["official_distance_m"] <= 250 for r in summary.rows if r["official_class"] == MATCHES)
    assert all(250 < r["official_distance_m"] <= 1000 for r in summary.rows if r["official_class"] == NEAR)
    counts = summary.counts()
    assert sum(sum(c.values()) for c in counts.values()) == 113
    assert "Karaganda Region" in summary.table()
    assert len(open(tmp_path / "cmp.csv", encoding="utf-8").read().splitlines()) == 114
    conn = sqlite3.connect(store)
    rows = conn.execute("SELECT settlement, settlement_nearest, settlement_distance_m FROM findings").fetchall()
    assert all(nearest and distance >= 0 for _s, nearest, distance in rows)
    # Findings are documented at stops on the way between two towns: the nearest town is often one of them.
    assert sum(s == n for s, n, _d in rows) > len(rows) // 3


def test_the_maps_projection_is_proj_lcc_and_runs_in_any_thread():
    """core.compare projects to the Lambert conic itself (pyproj in a QGIS background task crashed QGIS 3.40):
    the same metres as PROJ over the whole country, and from a worker thread too."""
    import threading

    import numpy as np
    from pyproj import Transformer

    from green_envoy_plugin.core.compare import KAZAKHSTAN_LCC, to_metres

    rng = np.random.default_rng(7)
    lon, lat = rng.uniform(46.0, 88.0, 50_000), rng.uniform(40.0, 56.0, 50_000)
    expected = Transformer.from_crs("EPSG:4326", KAZAKHSTAN_LCC, always_xy=True).transform(lon, lat)
    results = {}
    worker = threading.Thread(target=lambda: results.setdefault("xy", to_metres(lon, lat)))
    worker.start()
    worker.join()
    for ours, proj in zip(results["xy"], expected):
        assert np.abs(ours - proj).max() < 0.001

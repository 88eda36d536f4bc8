"""The findings half of `make bench`: 10,000 findings against the 20 regions and a 5,000-feature official
layer (region assignment + official comparison, the same functions the CLI calls), timed together."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

SCRIPT = r"""
import sys, time, numpy as np
from green_envoy_plugin.core.compare import compare
from green_envoy_plugin.core.regions import RegionIndex
from green_envoy_plugin.io.vector import load_features, load_regions
from green_envoy_plugin.store.bulk import read_track_rows
from shapely.geometry import Point

store, official_path, regions_path = sys.argv[1:4]
rng = np.random.default_rng(11)
started = time.perf_counter()
loaded = load_regions(regions_path)
index = RegionIndex([r for r, _raw in loaded])
rows = read_track_rows(store)
coords = np.concatenate([c for _f, _d, c in rows])
pick = rng.integers(0, len(coords), 10_000)
lon = coords[pick, 0] + rng.normal(0, 0.003, 10_000)
lat = coords[pick, 1] + rng.normal(0, 0.002, 10_000)
regions = index.names(index.locate(lon, lat))
t_regions = time.perf_counter() - started
ids, geoms = load_features(official_path, "registry_id")
route = [(c[:, 0], c[:, 1]) for _f, _d, c in rows]
result = compare(lon, lat, geoms, route)
total = time.perf_counter() - started
print(total, t_regions, len(geoms), sum(c == "matches official record" for c in result.classes), len(result.unreported))
"""


def make_official(path: str, store_rows, count: int = 5000, seed: int = 5) -> None:
    from osgeo import ogr, osr

    if os.path.exists(path):
        return
    rng = np.random.default_rng(seed)
    coords = np.concatenate([c for _f, _d, c in store_rows])
    pick = rng.integers(0, len(coords), count)
    near = rng.random(count) < 0.5
    lon = np.where(near, coords[pick, 0] + rng.normal(0, 0.01, count), rng.uniform(47, 87, count))
    lat = np.where(near, coords[pick, 1] + rng.normal(0, 0.008, count), rng.uniform(41, 55, count))
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("registry", srs, ogr.wkbPoint)
    layer.CreateField(ogr.FieldDefn("registry_id", ogr.OFTString))
    ds.StartTransaction()
    for i, (x, y) in enumerate(zip(lon, lat)):
        row = ogr.Feature(layer.GetLayerDefn())
        row.SetField("registry_id", f"BENCH-{i:05d}")
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(float(x), float(y))
        row.SetGeometry(geom)
        layer.CreateFeature(row)
    ds.CommitTransaction()


def run_findings(line, out_dir: str, store: str, py: str) -> list[tuple[str, bool]]:
    from green_envoy_plugin.store.bulk import read_track_rows

    official = os.path.join(out_dir, "official_5000.gpkg")
    make_official(official, read_track_rows(store))
    result = subprocess.run([py, "-c", SCRIPT, store, official, os.path.join(ROOT, "sample_data", "kz_admin1.gpkg")],
                            capture_output=True, text=True, check=True, env={**os.environ, "PYTHONPATH": ROOT})
    total, regions, n_official, matches, unreported = result.stdout.split()
    line("10,000 findings", f"regions (20) + comparison with {int(n_official):,} official points, route corridor "
         "(4-month track)", 10_000, float(total), 0,
         f"regions {float(regions):.2f} s; {matches} matches, {unreported} unreported along the route")
    return [("regions + official comparison of 10,000 findings < 3 s", float(total) < 3.0)]

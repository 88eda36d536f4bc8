"""The main roads of the atlas's map context (sample_data/kz_context.gpkg, layer roads, made by tools/make_roads.py
from Natural Earth's roads)."""

import functools
import math
import os
import sqlite3
import sys

from shapely import geometry, wkb
from shapely.ops import unary_union

from tests.helpers.paths import SAMPLE, TOOLS


def _shape(blob: bytes):
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(flags >> 1) & 7]  # GeoPackage binary header, then WKB
    return wkb.loads(bytes(blob[8 + envelope:]))


def _make_roads():
    sys.path.insert(0, TOOLS)
    try:
        import make_roads
    finally:
        sys.path.remove(TOOLS)
    return make_roads


@functools.lru_cache(maxsize=1)
def _country():
    """Kazakhstan as one polygon: the oblasts' union, the gaps between them filled (tools/make_border.py)."""
    sys.path.insert(0, TOOLS)
    try:
        import make_border
    finally:
        sys.path.remove(TOOLS)
    union = make_border.kazakhstan()
    main = max(getattr(union, "geoms", [union]), key=lambda part: part.area)
    return geometry.Polygon(main.exterior)


def _context():
    with sqlite3.connect(os.path.join(SAMPLE, "kz_context.gpkg")) as db:
        roads = [(kind, rank, abroad, _shape(blob))
                 for kind, rank, abroad, blob in db.execute("SELECT type, scalerank, abroad, geom FROM roads")]
        centres = [(name, _shape(blob)) for name, blob in db.execute("SELECT name_en, geom FROM towns WHERE rank <= 2")]
        border = unary_union([_shape(blob) for (blob,) in db.execute("SELECT geom FROM national_border")])
    return roads, centres, border


def test_the_main_roads_reach_every_regional_centre_and_stop_short_of_local_roads():
    roads, centres, _border = _context()
    inside = unary_union([shape for _k, _r, abroad, shape in roads if not abroad])
    assert len(centres) == 21
    far = {name: round(inside.distance(point) * 111.3 * math.cos(math.radians(point.y)), 1)
           for name, point in centres if inside.distance(point) * 111.3 * math.cos(math.radians(point.y)) > 10}
    assert far == {}  # every regional centre on (within 10 km of) a main road inside Kazakhstan
    km = sum(_make_roads()._km(line) for _k, _r, abroad, shape in roads if not abroad for line in shape.geoms)
    # Kazakhstan's roads of national significance are ~24,000 km; local roads (scalerank 7) would add thousands
    assert 18_000 < km < 26_000, km
    assert not [rank for kind, rank, _a, _s in roads if kind in ("Road", "Unknown") and rank > 6]
    assert {kind for kind, *_rest in roads} <= {"Major Highway", "Secondary Highway", "Road", "Unknown"}
    assert all(shape.geom_type == "MultiLineString" and len(shape.geoms) == 1 for *_rest, shape in roads)


def test_roads_abroad_are_flagged_and_lie_outside_the_state_border():
    roads, _centres, border = _context()
    polygon = _country()
    for kind, _rank, abroad, shape in roads:
        middle = shape.geoms[0].interpolate(0.5, normalized=True)
        if middle.distance(border) < 0.01:  # on the border itself (~1 km, its simplification): either side
            continue
        assert polygon.contains(middle) != bool(abroad), (kind, abroad, middle.wkt)
    assert any(abroad for *_rest, abroad, _shape in roads) and not all(abroad for *_rest, abroad, _s in roads)


def test_make_roads_splits_at_the_border_drops_beyond_the_margin_and_keeps_a_shared_stretch_once():
    make_roads = _make_roads()
    country = geometry.box(60.0, 45.0, 70.0, 50.0)
    crossing = geometry.LineString([(65.0, 47.0), (75.0, 47.0)])  # leaves the country at 70 E, the margin at 72.5
    pieces = {("Major Highway", 3): [crossing], ("Road", 4): [crossing, geometry.LineString([(61, 46), (61, 49)])]}
    rows = make_roads.main_roads(pieces, country, box=geometry.box(50.0, 40.0, 80.0, 55.0))
    by_key = {(kind, abroad): shape for kind, _rank, abroad, shape in rows}
    assert set(by_key) == {("Major Highway", 0), ("Major Highway", 1), ("Road", 0)}
    assert abs(by_key[("Major Highway", 0)].length - 5.0) < 1e-6
    assert abs(by_key[("Major Highway", 1)].length - make_roads.MARGIN) < 1e-6
    assert abs(by_key[("Road", 0)].length - 3.0) < 1e-6  # the stretch the highway holds is not drawn twice

"""The state border of the atlas's map context (layer national_border of sample_data/kz_context.gpkg, made by
tools/make_border.py): Kazakhstan's land border only, not the gaps between the oblasts of the boundary data (a
state border drawn inside the country) nor the Caspian shore (a coast is no border)."""

import os
import sqlite3

from shapely import geometry
from shapely.ops import unary_union

from tests.helpers.paths import SAMPLE

from .test_context_roads import _country, _make_roads, _shape

KM = 1 / 111.3  # degrees of latitude


def _km(line) -> float:
    return _make_roads()._km(line)


def _layers():
    with sqlite3.connect(os.path.join(SAMPLE, "kz_context.gpkg")) as db:
        border = unary_union([_shape(blob) for (blob,) in db.execute("SELECT geom FROM national_border")])
        countries = {name: _shape(blob) for name, blob in db.execute("SELECT name_en, geom FROM countries")}
        caspian = next(_shape(blob) for (blob,) in db.execute("SELECT geom FROM waters WHERE name_en = 'Caspian Sea'"))
    return border, countries, caspian


def test_the_border_is_the_countrys_outline_not_the_gaps_inside_it():
    border, _countries, _caspian = _layers()
    outline = _country().exterior
    lines = list(getattr(border, "geoms", [border]))
    assert len(lines) == 1  # one line, from the Volga delta round to the Turkmen shore
    far = [point for line in lines for point in map(geometry.Point, line.coords) if point.distance(outline) > 3.0 * KM]
    assert far == []  # notches ~1 km wide closed; the oblast data's 146 inner gaps drew "borders" 100 km inside
    assert 12_000 < sum(_km(line) for line in lines) < 14_500  # the land border is ~13,400 km


def test_the_land_border_meets_each_neighbour_and_leaves_the_caspian_shore_out():
    border, countries, caspian = _layers()
    for name in ("Russia", "China", "Kyrgyzstan", "Uzbekistan", "Turkmenistan"):
        assert countries[name].distance(border) < 3 * KM, name
    along_the_sea = border.intersection(caspian.buffer(5 * KM))
    assert sum(_km(line) for line in getattr(along_the_sea, "geoms", [along_the_sea])) < 30  # its two ends only


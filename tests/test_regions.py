import numpy as np
import pytest
from shapely.geometry import Polygon, box

from green_envoy_plugin.core.cleaning import TrackPart
from green_envoy_plugin.core.geodesy import line_length
from green_envoy_plugin.core.gpx import Fixes
from green_envoy_plugin.core.regions import OUTSIDE, Region, RegionIndex, split_route


def two_regions():
    return RegionIndex([Region("West", "W", box(70.0, 47.0, 71.0, 49.0)),
                        Region("East", "E", box(71.0, 47.0, 72.0, 49.0))])


def part(lon, lat, dt=60.0):
    n = len(lon)
    t = 1_754_017_200 + np.arange(n) * dt
    speed = np.full(n, 5.0)
    return TrackPart(Fixes(np.asarray(lon, float), np.asarray(lat, float), np.full(n, 300.0), t), speed)


def test_route_is_cut_exactly_at_the_boundary():
    # Two fixes, 70.5 -> 71.5 along 48 N: half the step in each region.
    index = two_regions()
    stats, outside = split_route([part([70.5, 71.5], [48.0, 48.0])], index)
    total = line_length(np.array([70.5, 71.5]), np.array([48.0, 48.0]))
    assert stats[0].distance_m == pytest.approx(total / 2, rel=1e-3)
    assert stats[1].distance_m == pytest.approx(total / 2, rel=1e-3)
    assert outside.distance_m == pytest.approx(0.0, abs=1e-6)


def test_outside_part_is_kept_apart_and_totals_add_up():
    index = two_regions()
    lon = np.linspace(70.2, 72.8, 50)
    stats, outside = split_route([part(lon, np.full(50, 48.0))], index)
    total = line_length(lon, np.full(50, 48.0))
    assert outside.distance_m > 0
    assert sum(s.distance_m for s in stats) + outside.distance_m == pytest.approx(total, rel=1e-9)
    assert stats[0].days and stats[1].days


def test_locate_handles_multipolygons_and_invalid_rings():
    bowtie = Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])  # self-intersecting: repaired, not dropped
    index = RegionIndex([Region("Bow", "B", bowtie)])
    found = index.locate(np.array([0.3, 1.0, 5.0]), np.array([1.0, 0.2, 5.0]))
    assert found[0] == 0 and found[2] == OUTSIDE


def test_language_fields_are_found_in_any_spelling_and_fill_in_the_built_in_names():
    from green_envoy_plugin.core.region_names import language_fields, localised_names

    assert language_fields(["ADM1_EN", "ADM1_RU", "ADM1_PCODE"]) == {"ru": "ADM1_RU"}
    assert language_fields(["name", "name:kz", "Name_RU"]) == {"ru": "Name_RU", "kk": "name:kz"}
    assert language_fields(["name"]) == {}
    assert localised_names("Karaganda Region", "", {"ru": "Карагандинская обл."}) == (
        "Карагандинская обл.", "Қарағанды облысы")
    assert localised_names("Atlantis", "", {}) == ("Atlantis", "Atlantis")

"""TCX files (Garmin Training Center, Strava and Garmin Connect exports) read like GPX and FIT: real files from
python-tcxparser and GPSBabel (tests/data/tracks/SOURCES.md), values checked against those files' own text."""

import os

import numpy as np
import pytest

from green_envoy_plugin.core.gpx import Fixes, GpxError
from green_envoy_plugin.core.tcx import is_tcx, parse_tcx_bytes

DATA = os.path.join(os.path.dirname(__file__), "data", "tracks")


def read(name):
    with open(os.path.join(DATA, name), "rb") as handle:
        return handle.read()


def test_an_activity_with_heart_rate_and_a_trackpoint_without_position():
    doc = parse_tcx_bytes(read("python-tcxparser/test.tcx"), "test.tcx")
    assert {(s.kind, s.track_index, s.track_name) for s in doc.segments} == {("track", 0, "Running")}
    assert [s.segment_index for s in doc.segments] == [0, 1, 2] and len(doc.laps) == 3  # a <Track> in each lap
    f = Fixes(*(np.concatenate([getattr(s.fixes, k) for s in doc.segments]) for k in ("lon", "lat", "ele", "time")),
              {"heart_rate": np.concatenate([s.fixes.extensions["heart_rate"] for s in doc.segments])})
    assert len(f) == 383 and doc.skipped == {"trackpoint without a position": 1}  # 384 <Trackpoint>s in the file
    assert not np.isnan(f.time).any() and not np.isnan(f.ele).any()
    # python-tcxparser's own test: hr_max 189, hr_min 60 over the activity
    assert np.nanmax(f.extensions["heart_rate"]) == 189 and np.nanmin(f.extensions["heart_rate"]) == 60
    assert (f.lat[0], f.lon[0]) == (35.951880198, -79.0931872185)  # as python-tcxparser reads it


def test_lap_summaries_as_python_tcxparser_sums_them():
    doc = parse_tcx_bytes(read("python-tcxparser/test.tcx"), "test.tcx")
    # python-tcxparser's own test of this file: duration 1992.78 s and calories 379 (the laps' sums), started
    # at 2012-12-26T21:29:53Z (the first lap's StartTime)
    assert round(sum(lap.total_time_s for lap in doc.laps), 2) == 1992.78
    assert sum(lap.calories for lap in doc.laps) == 379
    assert doc.laps[0].start_time == 1356557393  # 2012-12-26T21:29:53Z
    assert [lap.distance_m for lap in doc.laps] == [1609.34399414, 1609.34399414, 1470.5546875]
    course = parse_tcx_bytes(read("gpsbabel/gtrnctr-readcp.tcx"), "readcp.tcx").laps
    assert len(course) == 1 and np.isnan(course[0].start_time) and course[0].total_time_s == 309.9
    bad = parse_tcx_bytes(read("python-tcxparser/test.tcx").replace(b"<Calories>94<", b"<Calories>many<"), "t.tcx")
    assert np.isnan(bad.laps[0].calories) and bad.laps[1].calories == 151
    assert [why for _line, why in bad.rejected] == ["<Calories> 'many' is not a number: lap kept without it"]


def test_speed_and_power_from_the_activity_extension():
    doc = parse_tcx_bytes(read("gpsbabel/tcxdata.tcx"), "tcxdata.tcx")
    ext = doc.segments[0].fixes.extensions
    assert np.isfinite(ext["power"]).sum() == 4 and np.isfinite(ext["speed"]).sum() == 4
    assert np.isfinite(ext["cadence"]).sum() >= 4


def test_a_course_is_a_planned_route_with_its_course_points():
    doc = parse_tcx_bytes(read("gpsbabel/gtrnctr-readcp.tcx"), "readcp.tcx")
    assert [s.kind for s in doc.segments] == ["route"] and len(doc.segments[0].fixes) == 18
    assert len(doc.waypoints) == 16 and all(w.name for w in doc.waypoints)
    # each <PointType> as written (GPSBabel's test file has one course point of every type)
    assert [w.point_type for w in doc.waypoints][:3] == ["Generic", "Summit", "Valley"]
    assert len({w.point_type for w in doc.waypoints}) == 16
    assert [w.description for w in doc.waypoints][:2] == ["Not Gen", "Not Sum"]  # each <Notes>
    assert all(w.description for w in doc.waypoints)


def test_what_is_not_tcx():
    assert not is_tcx(read("gpxpy/track-with-empty-segment.gpx")[:1024])  # a GPX naming TCX's namespace
    assert is_tcx(read("python-tcxparser/no_hr.tcx")[:1024])
    with pytest.raises(GpxError, match="not a TCX file"):
        parse_tcx_bytes(read("gdal/test.gpx"), "test.gpx")
    with pytest.raises(GpxError, match="no track, course or course point with a position"):
        parse_tcx_bytes(b'<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity Sport="Biking">'
                        b"<Lap><Track><Trackpoint><Time>2025-08-01T03:00:00Z</Time><HeartRateBpm><Value>99</Value>"
                        b"</HeartRateBpm></Trackpoint></Track></Lap></Activity></Activities></TrainingCenterDatabase>")
    with pytest.raises(GpxError, match="entities"):
        parse_tcx_bytes(b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaa">]><TrainingCenterDatabase>&a;'
                        b"</TrainingCenterDatabase>")

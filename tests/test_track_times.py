"""Time sync reads only the fixes around the photos' times (store/track_times.py), and places every time exactly
as against the whole track: inside tracks, on fixes, in the gaps between days, off both ends."""

import os
import sqlite3
import struct

import numpy as np

from green_envoy_plugin.core.photos import Timeline, locate_by_time
from green_envoy_plugin.steps.media import _timeline
from green_envoy_plugin.steps.tracks import import_gpx
from green_envoy_plugin.store.bulk import register_gpkg_functions
from green_envoy_plugin.store.track_times import fixes_around

from .helpers.paths import SAMPLE


def test_the_fixes_around_the_times_place_them_as_the_whole_track_does(tmp_path):
    store = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx")], store)  # the sample's days, with the nights between them
    full = _timeline(store)
    assert len(np.unique(full.part)) > 5
    rng = np.random.default_rng(12)
    first, last = full.time[0], full.time[-1]
    on_fixes = full.time[rng.integers(0, len(full.time), 300)]
    times = np.concatenate([rng.uniform(first - 7200, last + 7200, 2000), on_fixes, on_fixes + 0.5,
                            [first, last, first - 30, last + 30, first - 90, last + 90, np.nan]])
    parts = fixes_around(store, times)
    assert parts is not None
    around = Timeline.from_parts(parts)
    assert len(around.time) < len(full.time) / 5
    expected = locate_by_time(full, times, 300.0, 60.0)
    got = locate_by_time(around, times, 300.0, 60.0)
    assert got[2] == expected[2]
    assert any(reason.startswith("in a track gap") for reason in got[2]) and "outside the track's time span" in got[2]
    np.testing.assert_array_equal(got[0], expected[0])
    np.testing.assert_array_equal(got[1], expected[1])


def test_a_track_whose_times_are_out_of_order_is_read_whole(tmp_path):
    store = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", "2025-09-01.gpx")], store)
    conn = sqlite3.connect(store)
    fid, blob = conn.execute("SELECT fid, geom FROM tracks WHERE start_time IS NOT NULL LIMIT 1").fetchone()
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 7]
    last_m = len(blob) - 8  # the last fix's M, made earlier than the first fix's
    first_m = 8 + envelope + 9 + 24
    changed = blob[:last_m] + struct.pack("<d", struct.unpack("<d", blob[first_m:first_m + 8])[0] - 60)
    register_gpkg_functions(conn)  # the R-tree triggers call ST_IsEmpty, ST_MinX, ...
    with conn:
        conn.execute("UPDATE tracks SET geom = ? WHERE fid = ?", (changed, fid))
    conn.close()
    assert fixes_around(store, np.array([1.0e9])) is None  # the caller reads the whole track then


def test_only_the_tracks_near_the_times_are_read_and_the_places_stay_the_same(tmp_path):
    """Photos of a few days read those days' tracks and the ones either side (a photo in the night's gap), not
    every track's whole geometry, and are placed as against the whole track."""
    store = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx")], store)
    full = _timeline(store)
    tracks = len(np.unique(full.part))
    day = full.time[full.part == np.unique(full.part)[tracks // 2]]
    rng = np.random.default_rng(5)
    times = np.concatenate([rng.uniform(day[0] - 3 * 3600, day[-1] + 3 * 3600, 200), day[::50], [day[-1] + 1]])
    parts = fixes_around(store, times)
    assert parts is not None and 1 <= len(parts) < tracks / 3
    around = Timeline.from_parts(parts)
    expected, got = locate_by_time(full, times, 300.0, 60.0), locate_by_time(around, times, 300.0, 60.0)
    assert got[2] == expected[2]
    np.testing.assert_array_equal(got[0], expected[0])
    np.testing.assert_array_equal(got[1], expected[1])

import numpy as np
import pytest

from green_envoy_plugin.core.cleaning import CleaningRules, clean_fixes
from green_envoy_plugin.core.gpx import Fixes
from green_envoy_plugin.core.tracks import climb, track_stats


def ride(n=200, dt=10.0, speed_deg=0.0005):
    t = 1_754_017_200 + np.arange(n) * dt
    return Fixes(lon=70.0 + np.arange(n) * speed_deg, lat=np.full(n, 48.0), ele=np.full(n, 300.0), time=t.astype(float))


def test_duplicates_backwards_spike_and_gap_are_counted_and_removed():
    f = ride()
    lon, lat, time = list(f.lon), list(f.lat), list(f.time)
    for column in (lon, lat, time):
        column.insert(50, column[49])  # a duplicate fix
    time[100] -= 35  # goes backwards
    lat[150] += 0.05  # a 5.5 km jump for one fix: a spike
    for i in range(170, len(time)):
        time[i] += 1200  # logger off for 20 minutes
    n = len(lon)
    parts, report = clean_fixes(Fixes(np.array(lon), np.array(lat), np.full(n, 300.0), np.array(time)))
    assert report.duplicates == 1
    assert report.backwards == 1
    assert report.spikes == 1
    assert report.gaps_split == 1
    assert len(parts) == 2
    assert report.fixes_out == n - 3
    assert all(np.all(np.diff(p.fixes.time) > 0) for p in parts)


def test_fixes_without_time_between_timed_ones_keep_their_place_flagged():
    f = ride(20)
    f.time[[3, 4]] = np.nan
    parts, report = clean_fixes(f)
    assert report.missing_time == 2 and report.interpolated_time == 2 and report.fixes_out == 20
    (part,) = parts
    assert part.fixes.time[3] == f.time[2] + 10 and part.fixes.time[4] == f.time[2] + 20  # between neighbours
    assert part.fixes.extensions["time_interpolated"].tolist() == [0, 0, 0, 1, 1] + [0] * 15
    assert track_stats(part).interpolated_fixes == 2 and track_stats(part).timed_fixes == 18


def test_untimed_fixes_before_the_first_time_are_a_part_without_time():
    f = ride(20)
    f.time[:5] = np.nan
    parts, report = clean_fixes(f)
    assert [len(p.fixes) for p in parts] == [15, 5] and [p.timed for p in parts] == [True, False]
    assert report.timeless == 5 and report.fixes_out == 20


def test_a_track_without_any_time_keeps_its_geometry_distance_and_climb():
    f = ride(50)
    f.time[:] = np.nan
    f.ele[:] = 300.0 + np.arange(50)  # 49 m of climbing
    parts, report = clean_fixes(f)
    (part,) = parts
    stats = track_stats(part)
    assert report.timeless == 50 and not part.timed and stats.day is None
    assert stats.distance_m == pytest.approx(49 * 0.0005 * 74_500, rel=0.01) and stats.ascent_m == 49.0
    assert np.isnan([stats.moving_s, stats.duration_s, stats.avg_speed_kmh, stats.start_time]).all()


def test_a_long_jump_is_a_relocation_not_a_spike():
    f = ride(60)
    f.lon[30:] += 1.0  # 74 km further on for good (a lift in a car)
    _parts, report = clean_fixes(f, CleaningRules(max_spike_run=5))
    assert report.fixes_out == 60
    assert report.spikes == 0


def test_stats_moving_time_excludes_pauses():
    f = ride(100)
    f.lon[40:60] = f.lon[40]  # stopped for 200 s
    f.lon[60:] -= f.lon[60] - f.lon[40]
    parts, _ = clean_fixes(f)
    stats = track_stats(parts[0])
    assert stats.duration_s == 990
    assert stats.moving_s == 990 - 200
    assert 12 < stats.avg_speed_kmh < 15


def test_climb_ignores_wobble_below_hysteresis():
    wobble = np.array([100, 101, 100, 102, 100, 101, 100.0])
    assert climb(wobble) == (0.0, 0.0)
    assert climb(np.array([100, 110, 105, 120.0])) == (25.0, 5.0)


def test_values_no_device_measured_are_counted_by_reason():
    """(0, 0), coordinates out of range, an elevation of 1e308 and times in 1901 or 9999: each counted by its
    reason; positions left out, elevations and times set aside with the fix kept (it was 28,860 km and an
    infinite ascent before)."""
    f = ride(60)
    f.lon[5] = f.lat[5] = 0.0  # null island
    f.lat[6] = 95.0  # out of range
    f.lon[7] = np.nan
    f.ele[10] = 1e308
    f.ele[11] = np.inf
    f.ele[12] = -9999.0
    f.time[20] = -2_147_483_648.0  # 1901-12-13, a 32-bit clock's zero
    f.time[21] = 253_402_300_799.0  # 9999-12-31
    parts, report = clean_fixes(f, now=1_764_547_200.0)  # 2025-12-01
    assert (report.null_island, report.bad_position) == (1, 2)
    assert report.bad_elevation == 3
    assert report.impossible_time == 2 and report.missing_time == 0 and report.interpolated_time == 2
    assert report.fixes_out == 60 - 3
    kept = np.concatenate([p.fixes.ele for p in parts])
    assert np.isnan(kept).sum() == 3 and np.nanmax(kept) == 300.0
    assert sum(track_stats(p, CleaningRules()).distance_m for p in parts) < 10_000  # not 28,860 km


def test_a_clock_that_did_not_run_is_not_duplicates():
    """A device that wrote one time for every fix: the track is kept without time (said so), it does not become
    182 duplicates and nothing."""
    f = ride(182)
    f.time[:] = 1_754_017_200.0
    parts, report = clean_fixes(f)
    assert report.constant_clock == 182 and report.duplicates == 0 and report.timeless == 182
    assert [len(p.fixes) for p in parts] == [182] and not parts[0].timed


def test_a_duplicate_is_same_time_and_same_place():
    f = ride(10)
    f.time[5] = f.time[4]  # same time, another place: the clock stood still, not a copy of the fix
    _parts, report = clean_fixes(f)
    assert report.duplicates == 0 and report.backwards == 1


def test_lone_fixes_between_gaps_are_counted():
    f = ride(30)
    f.time[10:] += 3600  # an hour's silence before fix 10 and another after it: fix 10 stands alone
    f.time[11:] += 3600
    parts, report = clean_fixes(f)
    assert report.lone_fixes == 1 and report.fixes_out == 29 and len(parts) == 2

import numpy as np
import pytest

from green_envoy_plugin.core.photos import Timeline, locate_by_time


def test_interpolates_within_a_part_and_refuses_gaps_and_far_ends():
    t = np.array([0.0, 10.0, 20.0])
    timeline = Timeline.from_parts([(t, np.array([70.0, 70.1, 70.2]), np.full(3, 48.0)),
                                    (t + 1000, np.array([71.0, 71.1, 71.2]), np.full(3, 48.0))])
    lon, lat, reasons = locate_by_time(timeline, np.array([5.0, 500.0, 1015.0, -30.0, 5000.0, -10.0]),
                                       max_gap_s=300, max_extrapolation_s=20)
    assert lon[0] == pytest.approx(70.05) and lat[0] == 48.0
    assert np.isnan(lon[1]) and "gap" in reasons[1]
    assert lon[2] == pytest.approx(71.15)
    assert np.isnan(lon[3]) and "outside" in reasons[3]
    assert np.isnan(lon[4])
    assert lon[5] == 70.0  # 10 s before the first fix: within the extrapolation allowance

"""Statistics of cleaned track parts: distance, moving time, climbing, speed, the expedition day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import numpy as np

from .cleaning import CleaningRules, TrackPart
from .geodesy import step_lengths

# Kazakhstan has one time zone, UTC+5, since March 2024; an expedition day is a local calendar day.
LOCAL_TZ = timezone(timedelta(hours=5))
# Barometric and GPS elevation wobble by a few metres; climbing counts only past this hysteresis.
ELEVATION_HYSTERESIS_M = 3.0


def local_day(epoch_s: float) -> date:
    return datetime.fromtimestamp(epoch_s, LOCAL_TZ).date()


def local_days(epoch_s: np.ndarray) -> np.ndarray:
    """Local calendar day of each time as numpy datetime64[D]."""
    shifted = (np.asarray(epoch_s) + LOCAL_TZ.utcoffset(None).total_seconds()).astype("int64")
    return shifted.astype("datetime64[s]").astype("datetime64[D]")


def climb(ele: np.ndarray, hysteresis: float = ELEVATION_HYSTERESIS_M) -> tuple[float, float]:
    """Total ascent and descent in metres, ignoring wobble smaller than the hysteresis."""
    values = ele[~np.isnan(ele)]
    if len(values) < 2:
        return 0.0, 0.0
    ascent = descent = 0.0
    anchor = float(values[0])
    for v in values[1:]:
        delta = float(v) - anchor
        if delta >= hysteresis:
            ascent += delta
            anchor = float(v)
        elif delta <= -hysteresis:
            descent -= delta
            anchor = float(v)
    return ascent, descent


def moving_mask(part: TrackPart, rules: CleaningRules) -> np.ndarray:
    """Per step (n-1): True where the rider was moving."""
    return part.speed[1:] >= rules.pause_speed_ms


@dataclass
class TrackStats:
    distance_m: float
    moving_s: float
    duration_s: float
    ascent_m: float
    descent_m: float
    avg_speed_kmh: float
    max_speed_kmh: float
    start_time: float
    end_time: float

    @property
    def day(self) -> date:
        return local_day(self.start_time)


def track_stats(part: TrackPart, rules: CleaningRules = CleaningRules()) -> TrackStats:
    f = part.fixes
    steps = step_lengths(f.lon, f.lat)
    dt = np.diff(f.time)
    moving = moving_mask(part, rules)
    moving_s = float(dt[moving].sum())
    moving_m = float(steps[moving].sum())
    # One-step speed is noisy at 1 Hz; the maximum is taken over ~10 s windows.
    window = max(1, int(round(10.0 / max(float(np.median(dt)) if len(dt) else 1.0, 1.0))))
    if len(steps) >= window:
        csum_d = np.concatenate(([0.0], np.cumsum(steps)))
        csum_t = np.concatenate(([0.0], np.cumsum(dt)))
        max_speed = float(np.max((csum_d[window:] - csum_d[:-window]) / (csum_t[window:] - csum_t[:-window])))
    else:
        max_speed = 0.0
    ascent, descent = climb(f.ele)
    return TrackStats(
        distance_m=float(steps.sum()),
        moving_s=moving_s,
        duration_s=float(f.time[-1] - f.time[0]),
        ascent_m=ascent,
        descent_m=descent,
        avg_speed_kmh=(moving_m / moving_s * 3.6) if moving_s > 0 else 0.0,
        max_speed_kmh=max_speed * 3.6,
        start_time=float(f.time[0]),
        end_time=float(f.time[-1]),
    )

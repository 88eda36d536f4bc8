"""Statistics of cleaned track parts: distance, moving time, climbing, speed, the expedition day."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import numpy as np

from .cleaning import CleaningRules, TrackPart

# Kazakhstan has one time zone, UTC+5, since March 2024; an expedition day is a local calendar day.
LOCAL_TZ = timezone(timedelta(hours=5))
# Barometric and GPS elevation wobble by a few metres; climbing counts only past this hysteresis.
ELEVATION_HYSTERESIS_M = 3.0
# Elevation is averaged over this long before climbing is counted (1 Hz barometers jitter).
SMOOTH_S = 15.0


def local_day(epoch_s: float) -> date:
    return datetime.fromtimestamp(epoch_s, LOCAL_TZ).date()


def local_days(epoch_s: np.ndarray) -> np.ndarray:
    """Local calendar day of each time as numpy datetime64[D]."""
    shifted = (np.asarray(epoch_s) + LOCAL_TZ.utcoffset(None).total_seconds()).astype("int64")
    return shifted.astype("datetime64[s]").astype("datetime64[D]")


def climb_credits(ele: np.ndarray, time: np.ndarray | None = None,
                  hysteresis: float = ELEVATION_HYSTERESIS_M) -> tuple[np.ndarray, np.ndarray]:
    """Ascent and descent credited to the fix where each climb or drop ends (so totals split by region
    add up). The profile is smoothed over ~SMOOTH_S seconds, then only climbs and drops larger than the
    hysteresis between its turning points count: GPS and barometer wobble of a few metres adds nothing."""
    n = len(ele)
    gained, lost = np.zeros(n), np.zeros(n)
    valid = np.flatnonzero(~np.isnan(ele))
    if len(valid) < 2:
        return gained, lost
    values = ele[valid]
    if time is not None and len(valid) > 2:
        dt = float(np.median(np.diff(time[valid])))
        window = int(round(SMOOTH_S / dt)) if dt > 0 else 1
        if window > 1 and len(values) > window:
            kernel = np.ones(window) / window
            padded = np.concatenate((np.full(window // 2, values[0]), values, np.full(window - 1 - window // 2,
                                                                                      values[-1])))
            values = np.convolve(padded, kernel, mode="valid")
    step = np.diff(values)
    direction = np.sign(step)
    # Turning points: where the direction changes, flat stretches taking the direction before them.
    nonzero = np.flatnonzero(direction)
    if len(nonzero) == 0:
        return gained, lost
    turns = nonzero[np.flatnonzero(np.diff(direction[nonzero]))] + 1
    keys = np.concatenate(([0], turns, [len(values) - 1]))
    anchor = float(values[0])
    for k in keys[1:]:
        delta = float(values[k]) - anchor
        if delta >= hysteresis:
            gained[valid[k]] = delta
            anchor = float(values[k])
        elif delta <= -hysteresis:
            lost[valid[k]] = -delta
            anchor = float(values[k])
    return gained, lost


def climb(ele: np.ndarray, time: np.ndarray | None = None) -> tuple[float, float]:
    """Total ascent and descent in metres (see climb_credits)."""
    gained, lost = climb_credits(ele, time)
    return float(gained.sum()), float(lost.sum())


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
    # Which figures come from timed fixes: a timeless part (a planned route, a clock that did not run) has its
    # distance and climbing but NaN for every time figure; interpolated fixes are counted apart.
    timed_fixes: int = 0
    interpolated_fixes: int = 0

    @property
    def timed(self) -> bool:
        return not np.isnan(self.start_time)

    @property
    def day(self) -> date | None:
        return local_day(self.start_time) if self.timed else None


def _timeless_stats(part: TrackPart) -> TrackStats:
    ascent, descent = climb(part.fixes.ele)
    nan = float("nan")
    return TrackStats(float(part.step_lengths().sum()), nan, nan, ascent, descent, nan, nan, nan, nan, 0, 0)


def track_stats(part: TrackPart, rules: CleaningRules = CleaningRules()) -> TrackStats:
    f = part.fixes
    if not part.timed:
        return _timeless_stats(part)
    steps = part.step_lengths()
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
    ascent, descent = climb(f.ele, f.time)
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
        timed_fixes=len(f) - part.interpolated,
        interpolated_fixes=part.interpolated,
    )

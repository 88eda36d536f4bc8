"""Seeded generator of a synthetic but realistic Green Envoy expedition.

The rider leaves Almaty on 1 August 2025 and follows the 31 stops of EXPEDITION.md in order, riding about
12,300 km on meandering roads that stay inside Kazakhstan, back in Almaty in late November. Every day
has a GPX 1.1 file (rest days hold a short ride in town). The truth is simulated at one fix per second;
the committed sample is written every 30 s, the benchmark set at the full 1 Hz:

    python tools/generate_expedition.py --out sample_data              # the committed sample
    python tools/generate_expedition.py --out build/full_rate --rate 1 --gpx-only
    python tools/generate_expedition.py --out build/full_rate --rate 1 --gpx-only --fit   # + each day as FIT

Besides the tracks: findings (CSV, five categories) documented at the rider's stops, geotagged JPEG photos
of some findings (phone with GPS; a camera without GPS whose clock is on the old UTC+6 and 462 s fast),
and a SYNTHETIC landfill registry standing in for the official one. Same seed, same files.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import os
import sys
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from itertools import pairwise

import numpy as np
from osgeo import ogr, osr
from pyproj import Geod
from shapely import vectorized, wkb
from shapely.geometry import Point
from shapely.ops import nearest_points, unary_union

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from green_envoy_plugin.core.categories import CATEGORIES, CONCERNS
from green_envoy_plugin.core.exif import build_exif, insert_exif
from green_envoy_plugin.core.fit_write import encode_activity

ogr.UseExceptions()
GEOD = Geod(ellps="WGS84")
LOCAL = timezone(timedelta(hours=5))
START_DAY = date(2025, 8, 1)
TOTAL_DAYS = 120  # 1 August .. 28 November 2025
ROAD_FACTOR = 1.85  # ridden km per straight-line km: roads, detours and side trips (12,300 of 6,660 km)
SEED = 20250801

STOPS = [
    ("Almaty", 43.2525, 76.9115), ("Qonayev", 43.8668, 77.0630), ("Taldykorgan", 45.0156, 78.3739),
    ("Usharal", 46.1693, 80.9433), ("Ayagoz", 47.9645, 80.4344), ("Oskemen", 49.9714, 82.6059),
    ("Semey", 50.4206, 80.2502), ("Kurchatov", 50.7562, 78.5419), ("Pavlodar", 52.2760, 76.9688),
    ("Ekibastuz", 51.7237, 75.3229), ("Karaganda", 49.8019, 73.1021), ("Temirtau", 50.0520, 72.9550),
    ("Astana", 51.1801, 71.4460), ("Kokshetau", 53.2841, 69.3936), ("Petropavl", 54.8734, 69.1506),
    ("Kostanay", 53.2144, 63.6246), ("Zhetikara", 52.1902, 61.1989), ("Aktobe", 50.2797, 57.2072),
    ("Oral", 51.2460, 51.4256), ("Atyrau", 47.1048, 51.8843), ("Aral", 46.8017, 61.6631),
    ("Baikonyr", 45.6167, 63.3167), ("Kyzylorda", 44.8528, 65.5092), ("Turkistan", 43.2946, 68.2569),
    ("Saryagash", 41.4604, 69.1679), ("Shymkent", 42.3099, 69.6004), ("Taraz", 42.8980, 71.3733),
    ("Lugovoy", 42.9102, 72.7157), ("Merke", 42.8718, 73.1965), ("Korday", 43.0364, 74.7081),
    ("Almaty", 43.2525, 76.9115),
]
# Cities where the rider rested a day (meetings, press, repairs).
REST_AFTER = {"Taldykorgan", "Oskemen", "Semey", "Pavlodar", "Karaganda", "Astana", "Petropavl", "Kostanay",
              "Aktobe", "Oral", "Atyrau", "Kyzylorda", "Turkistan", "Shymkent", "Taraz"}
# Around these the findings are denser: industry, shrinking water, big dumps.
HOTSPOTS = {"Oskemen": 3.0, "Semey": 2.0, "Kurchatov": 2.0, "Pavlodar": 2.5, "Ekibastuz": 3.0, "Karaganda": 4.0,
            "Temirtau": 4.0, "Atyrau": 2.0, "Aral": 2.5, "Kyzylorda": 1.5, "Shymkent": 1.5}


# ---------------------------------------------------------------- geometry helpers


def load_country(regions_gpkg: str):
    ds = ogr.Open(regions_gpkg)
    geoms = [wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in ds.GetLayer(0)]
    country = unary_union(geoms)
    # Roads are kept a few km inside the border so no part of the ride leaves the regions layer.
    inner = country.buffer(-0.04).simplify(0.005)
    return country, inner


def metres_to_degrees(lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    return 1.0 / (111_320.0 * np.cos(np.radians(lat))), np.full_like(lat, 1.0 / 110_574.0)


def path_length(lon: np.ndarray, lat: np.ndarray) -> float:
    return float(GEOD.line_length(lon, lat))


def keep_inside(lon: np.ndarray, lat: np.ndarray, inner) -> tuple[np.ndarray, np.ndarray]:
    inside = vectorized.contains(inner, lon, lat)
    inside[0] = inside[-1] = True  # the stops themselves stay where they are
    for i in np.flatnonzero(~inside):
        p = nearest_points(inner, Point(lon[i], lat[i]))[0]
        lon[i], lat[i] = p.x, p.y
    return lon, lat


class Corridor:
    """Shortest paths inside the country on a 0.05 degree grid: the roads' skeleton between two stops.

    A straight line between stops can cross Russia (the Orsk bulge) or Kyrgyzstan; roads do not.
    """

    STEP = 0.05

    def __init__(self, inner):
        from scipy.sparse import coo_matrix

        minx, miny, maxx, maxy = inner.bounds
        self.x = np.arange(minx, maxx + self.STEP, self.STEP)
        self.y = np.arange(miny, maxy + self.STEP, self.STEP)
        gx, gy = np.meshgrid(self.x, self.y)
        self.inside = vectorized.contains(inner, gx.ravel(), gy.ravel()).reshape(gx.shape)
        ny, nx = gx.shape
        ids = np.arange(nx * ny).reshape(ny, nx)
        rows, cols, weights = [], [], []
        for dy, dx in ((0, 1), (1, 0), (1, 1), (1, -1)):
            a = ids[max(0, -dy): ny - max(0, dy), max(0, -dx): nx - max(0, dx)]
            b = ids[max(0, dy): ny - max(0, -dy), max(0, dx): nx - max(0, -dx)]
            a, b = a.ravel(), b.ravel()
            ok = self.inside.ravel()[a] & self.inside.ravel()[b]
            lat = gy.ravel()[a[ok]]
            w = np.hypot(dx * 111.32 * np.cos(np.radians(lat)), dy * 110.57)
            rows += [a[ok], b[ok]]
            cols += [b[ok], a[ok]]
            weights += [w, w]
        n = nx * ny
        self.graph = coo_matrix((np.concatenate(weights), (np.concatenate(rows), np.concatenate(cols))),
                                shape=(n, n)).tocsr()
        self.gx, self.gy = gx.ravel(), gy.ravel()

    def nearest_cell(self, lon: float, lat: float) -> int:
        d = np.where(self.inside.ravel(), np.hypot(self.gx - lon, self.gy - lat), np.inf)
        return int(np.argmin(d))

    def path(self, a, b) -> tuple[np.ndarray, np.ndarray]:
        from scipy.sparse.csgraph import dijkstra

        source, target = self.nearest_cell(a[2], a[1]), self.nearest_cell(b[2], b[1])
        _dist, pred = dijkstra(self.graph, indices=source, return_predecessors=True)
        cells = [target]
        while cells[-1] != source:
            cells.append(int(pred[cells[-1]]))
        cells = cells[::-1]
        lon = np.concatenate(([a[2]], self.gx[cells], [b[2]]))
        lat = np.concatenate(([a[1]], self.gy[cells], [b[1]]))
        # The grid's zigzag smoothed into a road-like line; the ends stay on the town centres.
        k = 7
        if len(lon) > 2 * k:
            kernel = np.ones(k) / k
            lon[k // 2: -(k // 2)] = np.convolve(lon, kernel, mode="valid")
            lat[k // 2: -(k // 2)] = np.convolve(lat, kernel, mode="valid")
        return lon, lat


def leg_path(a, b, factor: float, inner, corridor: Corridor, rng: np.random.Generator
             ) -> tuple[np.ndarray, np.ndarray]:
    """A road-like meandering path from stop a to stop b, about `factor` times the straight line."""
    straight = GEOD.inv(a[2], a[1], b[2], b[1])[2]
    base_lon, base_lat, cum = densify(*corridor.path(a, b), step_m=500.0)
    s = cum / cum[-1]
    # Unit normal of the skeleton at each vertex, in metres, then in degrees.
    kx, ky = metres_to_degrees(base_lat)
    ex = np.gradient(base_lon) / kx
    ey = np.gradient(base_lat) / ky
    norm = np.hypot(ex, ey)
    norm[norm == 0] = 1.0
    nx, ny = -ey / norm, ex / norm
    waves = np.zeros(len(s))
    km = cum[-1] / 1000.0
    for _ in range(6):
        wavelength_km = rng.uniform(15.0, 120.0)
        cycles = max(1.0, km / wavelength_km)
        waves += rng.uniform(0.3, 1.0) * np.sin(2 * np.pi * cycles * s + rng.uniform(0, 2 * np.pi))
    waves *= np.sin(np.pi * s) ** 0.3  # the road meets the town centres
    waves /= np.abs(waves).max() or 1.0

    def build(amplitude: float):
        lon = base_lon + waves * amplitude * nx * kx
        lat = base_lat + waves * amplitude * ny * ky
        return keep_inside(lon, lat, inner)

    lo, hi = 0.0, 60_000.0
    for _ in range(25):
        mid = (lo + hi) / 2
        if path_length(*build(mid)) < straight * factor:
            lo = mid
        else:
            hi = mid
    lon, lat = build((lo + hi) / 2)
    # Snapped vertices on either side of a border bay can still join across it; densify and snap again.
    for _ in range(2):
        lon, lat, _cum = densify(lon, lat, 150.0)
        lon, lat = keep_inside(lon, lat, inner)
    return lon, lat


def densify(lon: np.ndarray, lat: np.ndarray, step_m: float = 50.0):
    """Path vertices at most step_m apart, with cumulative distance, for interpolation by distance."""
    d = GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])[2]
    out_lon, out_lat = [lon[:1]], [lat[:1]]
    for i, seg in enumerate(d):
        k = max(1, int(math.ceil(seg / step_m)))
        t = np.arange(1, k + 1) / k
        out_lon.append(lon[i] + (lon[i + 1] - lon[i]) * t)
        out_lat.append(lat[i] + (lat[i + 1] - lat[i]) * t)
    lon, lat = np.concatenate(out_lon), np.concatenate(out_lat)
    cum = np.concatenate(([0.0], np.cumsum(GEOD.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])[2])))
    return lon, lat, cum


def terrain(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Plausible elevation (m): lowland west, Caspian depression, rising to the south-east mountain front."""
    mountains = 650.0 * np.clip((46.0 - lat) / 3.5, 0, 1) * np.clip((lon - 67.0) / 9.0, 0, 1)
    east = 300.0 * np.clip((lon - 70.0) / 12.0, 0, 1)
    caspian = -140.0 * np.clip((56.0 - lon) / 5.0, 0, 1) * np.clip((50.0 - lat) / 3.0, 0, 1)
    hills = 60.0 * np.sin(lon * 1.7) * np.cos(lat * 2.3) + 25.0 * np.sin(lon * 13.0) * np.sin(lat * 11.0)
    return 180.0 + mountains + east + caspian + hills + 6.0 * np.sin(lon * 90.0) * np.cos(lat * 70.0)


def ar1(n: int, sigma: float, rho: float, rng: np.random.Generator) -> np.ndarray:
    """Correlated noise like a GPS receiver's wander, without a Python loop per second."""
    if n == 0:
        return np.zeros(0)
    from scipy.signal import lfilter

    white = rng.normal(0.0, sigma * math.sqrt(1 - rho * rho), n)
    return lfilter([1.0], [1.0, -rho], white)


# ---------------------------------------------------------------- the ride


@dataclass
class Day:
    index: int
    date: date
    stop_from: str
    stop_to: str
    rest: bool
    time: np.ndarray  # UTC epoch seconds, 1 Hz truth
    lon: np.ndarray
    lat: np.ndarray
    ele: np.ndarray
    pauses: list[tuple[int, int]]  # index ranges where the rider stood still
    extensions: bool


def ride_day(index, day, stop_from, stop_to, path, s0, s1, rng) -> Day:
    start = datetime.combine(day, datetime.min.time(), LOCAL) + timedelta(hours=7.5 + rng.normal(0, 0.4))
    base = rng.uniform(5.2, 6.6)  # m/s: 19-24 km/h, loaded touring bike, wind of the day
    speed: list[np.ndarray] = []
    pauses: list[tuple[int, int]] = []
    gaps: list[tuple[int, int]] = []
    done = s0
    t = 0
    lunch_after = rng.uniform(0.45, 0.6) * (s1 - s0)
    lunch_done = False
    logger_off_lunch = rng.random() < 0.25
    while done < s1:
        ride = int(rng.uniform(2400, 5400))
        v = np.clip(base * (1.0 + ar1(ride, 0.12, 0.995, rng)), 1.5, 13.0)
        need = np.searchsorted(np.cumsum(v), s1 - done)
        v = v[: need + 1]
        speed.append(v)
        t += len(v)
        done += float(v.sum())
        if done >= s1:
            break
        if not lunch_done and done - s0 > lunch_after:
            length = int(rng.uniform(2700, 4200))
            (gaps if logger_off_lunch else pauses).append((t, t + length))
            lunch_done = True
        else:
            length = int(rng.uniform(240, 1200))
            pauses.append((t, t + length))
        speed.append(np.zeros(length))
        t += length
    v_all = np.concatenate(speed)
    s = np.minimum(s0 + np.cumsum(v_all) - v_all[0], s1)
    keep = np.ones(len(v_all), dtype=bool)
    for g0, g1 in gaps:
        keep[g0:g1] = False
    return _finish_day(index, day, stop_from, stop_to, False, start, s, keep, pauses, path, rng)


def rest_day(index, day, stop, rng) -> Day:
    """A short ride in town: meetings, a school, the akimat; a wobbly loop of 6-14 km."""
    _, lat0, lon0 = stop
    n = 400
    ang = np.linspace(0, 2 * np.pi, n)
    radius = rng.uniform(900, 2000) * (1 + 0.3 * np.sin(3 * ang + rng.uniform(0, 6)))
    kx, ky = metres_to_degrees(np.full(n, lat0))
    lon = lon0 + radius * np.cos(ang) * kx - radius[0] * kx
    lat = lat0 + radius * np.sin(ang) * ky
    path = densify(lon, lat)
    start = datetime.combine(day, datetime.min.time(), LOCAL) + timedelta(hours=10.5 + rng.normal(0, 0.5))
    v = np.clip(4.0 * (1.0 + ar1(int(path[2][-1] / 3), 0.2, 0.99, rng)), 1.0, 8.0)
    half = len(v) // 2
    pause = (half, half + int(rng.uniform(1800, 3600)))
    v = np.concatenate((v[:half], np.zeros(pause[1] - pause[0]), v[half:]))
    s = np.minimum(np.cumsum(v) - v[0], path[2][-1])
    keep = np.ones(len(v), dtype=bool)
    return _finish_day(index, day, stop[0], stop[0], True, start, s, keep, [pause], path, rng)


def _finish_day(index, day, a, b, rest, start, s, keep, pauses, path, rng) -> Day:
    lon_p, lat_p, cum = path
    lon = np.interp(s, cum, lon_p)
    lat = np.interp(s, cum, lat_p)
    ele = terrain(lon, lat)
    time = start.timestamp() + np.arange(len(s), dtype=np.float64)
    idx = np.flatnonzero(keep)
    return Day(index, day, a, b, rest, time[idx], lon[idx], lat[idx], ele[idx],
               [(int(np.searchsorted(idx, p0)), int(np.searchsorted(idx, p1))) for p0, p1 in pauses],
               extensions=index % 3 == 0)


def plan(inner, rng):
    """Legs with their paths, riding days per leg and rest days, filling TOTAL_DAYS."""
    legs = []
    corridor = Corridor(inner)
    for a, b in pairwise(STOPS):
        factor = ROAD_FACTOR * rng.uniform(0.88, 1.12)
        legs.append((a, b, densify(*leg_path(a, b, factor, inner, corridor, rng))))
    lengths = np.array([leg[2][2][-1] for leg in legs])
    rests = sum(1 for a, _b, _p in legs if a[0] in REST_AFTER)
    riding = TOTAL_DAYS - rests
    share = lengths / lengths.sum() * riding
    days = np.maximum(1, np.floor(share)).astype(int)
    while days.sum() < riding:
        days[np.argmax(share - days)] += 1
    return legs, days


def simulate(regions_gpkg: str, seed: int = SEED):
    """Yield each day of the expedition as 1 Hz truth, in order."""
    rng = np.random.default_rng(seed)
    _country, inner = load_country(regions_gpkg)
    legs, days_per_leg = plan(inner, rng)
    day_index = 0
    for (a, b, path), n_days in zip(legs, days_per_leg):
        if a[0] in REST_AFTER:
            yield rest_day(day_index, START_DAY + timedelta(days=day_index), a, rng)
            day_index += 1
        total = path[2][-1]
        # Days of unequal length: headwinds, towns, the terrain.
        weights = rng.uniform(0.75, 1.25, n_days)
        bounds = np.concatenate(([0.0], np.cumsum(weights) / weights.sum() * total))
        for k in range(n_days):
            yield ride_day(day_index, START_DAY + timedelta(days=day_index), a[0], b[0], path,
                           bounds[k], bounds[k + 1], rng)
            day_index += 1


# ---------------------------------------------------------------- writing


def observed(day: Day, every: int, rng: np.random.Generator):
    """What the receiver logged: noise, thinning, a few spikes, duplicates and a time going backwards."""
    n = len(day.time)
    kx, ky = metres_to_degrees(day.lat)
    lon = day.lon + ar1(n, 2.5, 0.97, rng) * kx
    lat = day.lat + ar1(n, 2.5, 0.97, rng) * ky
    ele = day.ele + ar1(n, 3.0, 0.98, rng)
    idx = np.arange(0, n, every)
    lon, lat, ele, time = lon[idx], lat[idx], ele[idx], day.time[idx]
    m = len(idx)
    hr = np.clip(118 + 25 * rng.standard_normal(m).cumsum() / np.sqrt(np.arange(1, m + 1)), 70, 185)
    cad = np.clip(rng.normal(78, 6, m), 0, 120)
    atemp = 24.0 - 0.12 * (day.date - START_DAY).days + rng.normal(0, 0.5, m)
    order = np.arange(m)
    if m > 100:
        for _ in range(rng.poisson(1.0)):  # spikes: a multipath jump of hundreds of metres, one fix
            k = int(rng.integers(10, m - 10))
            lon[k] += rng.uniform(0.004, 0.03) * rng.choice([-1, 1])
            lat[k] += rng.uniform(0.003, 0.02) * rng.choice([-1, 1])
        if rng.random() < 0.3:  # a fix logged twice
            k = int(rng.integers(10, m - 10))
            order = np.insert(order, k, k)
        if rng.random() < 0.15:  # a clock hiccup: one fix stamped 20 s early
            k = int(rng.integers(10, m - 10))
            time = time.copy()
            time[k] -= 20 + every
    return lon[order], lat[order], ele[order], time[order], hr[order], cad[order], atemp[order]


def write_gpx(path: str, day: Day, every: int, rng: np.random.Generator) -> int:
    lon, lat, ele, time, hr, cad, atemp = observed(day, every, rng)
    stamps = np.datetime_as_string(time.astype("datetime64[s]"), unit="s")
    name = f"Day {day.index + 1}: {day.stop_from}" + ("" if day.rest else f" to {day.stop_to}")
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="Green Envoy synthetic generator" xmlns="http://www.topografix.com/GPX/1/1"'
        ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
        f"<metadata><name>{name}</name><desc>SYNTHETIC sample data</desc></metadata>\n"
        f"<trk><name>{name}</name><type>cycling</type><trkseg>\n"
    )
    if day.extensions:
        rows = [
            f'<trkpt lat="{la:.6f}" lon="{lo:.6f}"><ele>{e:.1f}</ele><time>{t}Z</time><extensions>'
            f"<gpxtpx:TrackPointExtension><gpxtpx:atemp>{at:.1f}</gpxtpx:atemp><gpxtpx:hr>{h:.0f}</gpxtpx:hr>"
            f"<gpxtpx:cad>{c:.0f}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
            for la, lo, e, t, h, c, at in zip(lat, lon, ele, stamps, hr, cad, atemp)
        ]
    else:
        rows = [
            f'<trkpt lat="{la:.6f}" lon="{lo:.6f}"><ele>{e:.1f}</ele><time>{t}Z</time></trkpt>\n'
            for la, lo, e, t in zip(lat, lon, ele, stamps)
        ]
    with open(path, "w", encoding="utf-8") as out:
        out.write(head)
        out.writelines(rows)
        out.write("</trkseg></trk>\n</gpx>\n")
    return len(rows)


def write_fit(path: str, day: Day, every: int, rng: np.random.Generator, lap_m: float = 10000.0) -> int:
    """The day as a FIT activity, from the same observed fixes as its GPX when `rng` is in the same state:
    a bike computer's records (position, elevation, distance, speed; heart rate, cadence and temperature on
    the days the GPX has them), a lap every `lap_m` metres, a session. Returns the number of records."""
    lon, lat, ele, time, hr, cad, atemp = observed(day, every, rng)
    kx, ky = metres_to_degrees(lat)
    step = np.hypot(np.diff(lon) / kx[1:], np.diff(lat) / ky[1:])
    distance = np.concatenate(([0.0], np.cumsum(step)))
    dt = np.diff(np.floor(time))
    speed = np.concatenate(([0.0], np.where(dt > 0, step / np.where(dt > 0, dt, 1.0), np.nan)))
    cuts = np.flatnonzero(np.diff(np.floor(distance / lap_m)) > 0) + 1
    bounds = np.concatenate(([0], cuts, [len(time)]))
    laps = [(int(a), int(b)) for a, b in pairwise(bounds) if b > a]
    extra = dict(heart_rate=hr, cadence=cad, temperature=atemp) if day.extensions else {}
    data = encode_activity(time, lon, lat, ele, distance=distance, speed=speed, laps=laps, sport="cycling",
                           manufacturer="development", serial_number=20250801, **extra)
    with open(path, "wb") as out:
        out.write(data)
    return len(time)


# ---------------------------------------------------------------- findings, photos, registry

DESCRIPTIONS = {
    "air": "Smoke and dust plume from an industrial site; residents report breathing problems.",
    "water": "River bed shrinking, algae bloom and sewage outflow near the settlement.",
    "soil": "Overgrazed pasture with bare soil and erosion gullies; dumped waste at the edge.",
    "landfill": "Landfill beyond its boundary; irrigation canal silted up and leaking.",
    "waste": "Illegal dump of household and construction waste by the road.",
}
CASES_BY_CATEGORY = {
    "air": ["degraded_industrial_zone", "other"],
    "water": ["worn_water_infrastructure", "disappearing_small_river"],
    "soil": ["polluted_grazing_land", "other"],
    "landfill": ["overflowing_waste_site", "worn_water_infrastructure"],
    "waste": ["overflowing_waste_site", "other"],
}


def make_findings(day: Day, rng, counter: list[int]) -> list[dict]:
    near = [day.stop_from, day.stop_to]
    rate = 0.35 + max(HOTSPOTS.get(near[0], 0.0), HOTSPOTS.get(near[1], 0.0)) * 0.45
    out = []
    candidates = [p for p in day.pauses if p[1] - p[0] > 60 and p[0] < len(day.time)]
    for p0, _p1 in candidates[: rng.poisson(rate)]:
        k = min(p0 + 5, len(day.time) - 1)
        dist, az = rng.uniform(30, 400), rng.uniform(0, 360)
        lon, lat, _ = GEOD.fwd(day.lon[k], day.lat[k], az, dist)
        category = str(rng.choice(list(CATEGORIES), p=[0.2, 0.22, 0.18, 0.18, 0.22]))
        counter[0] += 1
        concerns = rng.choice(list(CONCERNS), size=int(rng.integers(1, 3)), replace=False)
        seen = datetime.fromtimestamp(day.time[k] + 120, LOCAL)
        out.append({
            "finding_id": f"F-{counter[0]:03d}",
            "observed_at": seen.isoformat(timespec="seconds"),
            "lat": f"{lat:.6f}",
            "lon": f"{lon:.6f}",
            "category": category,
            "case_type": str(rng.choice(CASES_BY_CATEGORY[category])),
            "severity": int(rng.integers(1, 6)),
            "concerns": ";".join(sorted(concerns)),
            "settlement": day.stop_to if p0 > len(day.time) / 2 else day.stop_from,
            "description": DESCRIPTIONS[category],
            "source": "field",
            "_truth_time": float(day.time[k] + 120),
            # The rider (and the bike's GPS) waits on the road while the finding is documented.
            "_rider_lon": float(day.lon[k]),
            "_rider_lat": float(day.lat[k]),
        })
    return out


def write_findings(path: str, findings: list[dict]) -> None:
    fields = [k for k in findings[0] if not k.startswith("_")]
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(findings)


def photo_image(finding: dict, rng) -> bytes:
    from PIL import Image, ImageDraw

    colour = CATEGORIES[finding["category"]][1]
    img = Image.new("RGB", (640, 427), (150, 190, 225))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 250, 640, 427], fill=(170, 150, 110))
    for _ in range(25):
        x, y, r = rng.integers(0, 640), rng.integers(230, 420), rng.integers(8, 40)
        draw.ellipse([x - r, y - r // 2, x + r, y + r // 2], fill=colour)
    draw.rectangle([0, 0, 640, 40], fill=(30, 30, 30))
    draw.text((12, 12), f"{finding['finding_id']}  {finding['category']}  {finding['observed_at']}",
              fill=(255, 255, 255))
    draw.polygon([(600, 60), (585, 100), (615, 100)], fill=(255, 255, 255))  # an "up" mark to check rotation
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=70)
    return buf.getvalue()


CAMERA = {"make": "Canon", "model": "EOS R50", "clock_tz": "+06:00", "clock_offset_s": 462}


def write_photos(folder: str, findings: list[dict], rng) -> list[dict]:
    """Photos of every 5th finding: phone photos carry GPS, camera photos only a wrong clock.

    The camera photos are taken from the road during the stop, so their true place is the rider's."""
    os.makedirs(folder, exist_ok=True)
    truth = []
    chosen = findings[::5][:12]
    camera_tz = timezone(timedelta(hours=6))
    for n, f in enumerate(chosen):
        true_time = f["_truth_time"] + 30
        with_gps = n % 3 != 2
        lat, lon = float(f["lat"]), float(f["lon"])
        if with_gps:
            taken = datetime.fromtimestamp(true_time, LOCAL)
            app1 = build_exif(taken, lat, lon, alt=float(terrain(np.array([lon]), np.array([lat]))[0]),
                              direction=float(rng.uniform(0, 360)), make="Samsung", model="Galaxy A54")
        else:
            # Camera clock: old UTC+6 zone, 462 s fast, no offset tag, no GPS.
            wrong = datetime.fromtimestamp(true_time + CAMERA["clock_offset_s"], camera_tz).replace(tzinfo=None)
            app1 = build_exif(wrong, make=CAMERA["make"], model=CAMERA["model"])
        name = f"{f['finding_id']}_{'phone' if with_gps else 'camera'}.jpg"
        with open(os.path.join(folder, name), "wb") as out:
            out.write(insert_exif(photo_image(f, rng), app1))
        # Phone photos are taken at the finding; camera photos from the road, where the track is.
        true_lat, true_lon = (f["lat"], f["lon"]) if with_gps else (f"{f['_rider_lat']:.6f}", f"{f['_rider_lon']:.6f}")
        truth.append({"file": name, "finding_id": f["finding_id"], "has_gps": int(with_gps),
                      "true_time_utc": datetime.fromtimestamp(true_time, timezone.utc).isoformat(),
                      "true_lat": true_lat, "true_lon": true_lon})
    with open(os.path.join(folder, "ground_truth.csv"), "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=list(truth[0]))
        writer.writeheader()
        writer.writerows(truth)
    with open(os.path.join(folder, "camera_clock.json"), "w", encoding="utf-8") as out:
        json.dump(CAMERA, out, indent=2)
    return truth


def write_registry(path: str, findings: list[dict], country, rng, count: int = 1200) -> None:
    """SYNTHETIC landfill registry: some records at the expedition's waste findings, the rest scattered."""
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("landfill_registry_synthetic", srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name, kind in (("registry_id", ogr.OFTString), ("kind", ogr.OFTString), ("status", ogr.OFTString),
                       ("year_detected", ogr.OFTInteger), ("area_ha", ogr.OFTReal), ("source", ogr.OFTString)):
        layer.CreateField(ogr.FieldDefn(name, kind))
    points = []
    for f in findings:
        if f["category"] in ("landfill", "waste") and rng.random() < 0.55:
            dist = rng.uniform(20, 300) if rng.random() < 0.7 else rng.uniform(600, 2500)
            lon, lat, _ = GEOD.fwd(float(f["lon"]), float(f["lat"]), rng.uniform(0, 360), dist)
            points.append((lon, lat))
    minx, miny, maxx, maxy = country.bounds
    towns = [(s[2], s[1]) for s in STOPS]
    while len(points) < count:
        if rng.random() < 0.5:
            tx, ty = towns[int(rng.integers(len(towns)))]
            x, y = tx + rng.normal(0, 0.35), ty + rng.normal(0, 0.25)
        else:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        if country.contains(Point(x, y)):
            points.append((x, y))
    ds.StartTransaction()
    for i, (x, y) in enumerate(points):
        row = ogr.Feature(layer.GetLayerDefn())
        unauthorised = rng.random() < 0.75
        row.SetField("registry_id", f"SYN-LF-{i + 1:05d}")
        row.SetField("kind", "unauthorised waste site" if unauthorised else "landfill")
        row.SetField("status", "detected" if unauthorised else str(rng.choice(["operating", "closed", "planned"])))
        row.SetField("year_detected", int(rng.integers(2019, 2026)))
        row.SetField("area_ha", round(float(rng.lognormal(0.0, 1.0)), 2))
        row.SetField("source", "SYNTHETIC sample, not official data")
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(x, y)
        row.SetGeometry(geom)
        layer.CreateFeature(row)
    ds.CommitTransaction()
    ds = None


def write_settlements(path: str) -> None:
    """The expedition's stops as a settlements layer (names and GeoNames town centres of EXPEDITION.md)."""
    if os.path.exists(path):
        os.remove(path)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = ds.CreateLayer("settlements", srs, ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])
    layer.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for name, lat, lon in dict.fromkeys(STOPS):
        row = ogr.Feature(layer.GetLayerDefn())
        row.SetField("name", name)
        geom = ogr.Geometry(ogr.wkbPoint)
        geom.AddPoint_2D(lon, lat)
        row.SetGeometry(geom)
        layer.CreateFeature(row)
    ds = None


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default="sample_data")
    parser.add_argument("--regions", default=os.path.join("sample_data", "kz_admin1.gpkg"))
    parser.add_argument("--rate", type=int, default=30, help="seconds between written fixes (1 = full rate)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--gpx-only", action="store_true", help="tracks only (the benchmark set)")
    parser.add_argument("--fit", action="store_true",
                        help="also write each day as a FIT activity in OUT/fit/ (the same fixes as its GPX)")
    args = parser.parse_args(argv)

    gpx_dir = os.path.join(args.out, "gpx")
    os.makedirs(gpx_dir, exist_ok=True)
    noise_rng = np.random.default_rng(args.seed + 1)
    event_rng = np.random.default_rng(args.seed + 2)
    findings: list[dict] = []
    counter = [0]
    total_fixes = 0
    total_km = 0.0
    fit_dir = os.path.join(args.out, "fit")
    if args.fit:
        os.makedirs(fit_dir, exist_ok=True)
    for day in simulate(args.regions, args.seed):
        # The FIT file replays the noise of the GPX from a copy of the generator: the GPX stays as without --fit.
        replay = np.random.Generator(type(noise_rng.bit_generator)()) if args.fit else None
        if replay is not None:
            replay.bit_generator.state = noise_rng.bit_generator.state
        total_fixes += write_gpx(os.path.join(gpx_dir, f"{day.date.isoformat()}.gpx"), day, args.rate, noise_rng)
        if replay is not None:
            write_fit(os.path.join(fit_dir, f"{day.date.isoformat()}.fit"), day, args.rate, replay)
        total_km += path_length(day.lon, day.lat) / 1000.0
        findings += make_findings(day, event_rng, counter)
        print(f"{day.date} {'rest' if day.rest else 'ride'} {day.stop_from:>12} -> {day.stop_to:<12}"
              f" {path_length(day.lon, day.lat) / 1000:7.1f} km", file=sys.stderr)
    print(f"{day.index + 1} days, {total_km:.0f} km, {total_fixes} fixes written, {len(findings)} findings")
    if args.gpx_only:
        return
    write_findings(os.path.join(args.out, "findings.csv"), findings)
    write_photos(os.path.join(args.out, "photos"), findings, event_rng)
    country, _inner = load_country(args.regions)
    write_registry(os.path.join(args.out, "official_landfills_synthetic.gpkg"), findings, country, event_rng)
    write_settlements(os.path.join(args.out, "settlements.gpkg"))


if __name__ == "__main__":
    main()

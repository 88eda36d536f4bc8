"""The fixes of the stored tracks that matching given times to the route needs, read without reading the tracks.

Placing photos by time (core.photos.locate_by_time) reads, for each time, the fix just before it and the one at or
after it in the whole expedition's time order. Those two are always among: each timed track's first and last fix,
and, in each track whose span holds the time, the two fixes around it. So instead of every track's geometry
(4 months at 1 Hz: 2.7 million fixes, ~0.3 s of CPU and ~250 MB), a binary search per time in each track's M
values through SQLite's incremental blob I/O reads a few pages a time. Tracks are stored in time order (cleaning
drops fixes whose clock goes backwards); a track whose times are not is reported as None, and the caller reads
the whole tracks.
"""

from __future__ import annotations

import struct
from typing import Any, Literal

import numpy as np

from ..core.isotime import parse_one
from . import access

# envelope bytes after the 8-byte GeoPackage header, by the header's envelope indicator
_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_FIX = 32  # lon, lat, z, m as doubles
_SLACK_S = 60.0  # a stored span rounded or cut to the second still holds its fixes' times
Part = tuple[np.ndarray, np.ndarray, np.ndarray]  # time, lon, lat


def fixes_around(gpkg_path: str, times: np.ndarray) -> list[Part] | None:
    """(time, lon, lat) per timed track, in the order of their first fix (as store.bulk.read_track_rows), of the
    fixes `times` are matched against; None where this Python's sqlite3 has no incremental blob I/O (before
    3.11) or a track's times are not in order."""
    times = np.sort(np.asarray(times, dtype=np.float64)[np.isfinite(times)])
    conn = access.connect_read(gpkg_path)
    try:
        if not hasattr(conn, "blobopen"):
            return None
        rows = conn.execute("SELECT fid, start_time, end_time FROM tracks "
                            "WHERE geom IS NOT NULL AND start_time IS NOT NULL ORDER BY fid").fetchall()
        fids = _needed(rows, times)
        parts: list[Part] = []
        for fid in fids:
            with conn.blobopen("tracks", "geom", fid, readonly=True) as blob:
                part = _track_part(blob, times)
            if part is False:
                return None
            if part is not None:
                parts.append(part)
    finally:
        conn.close()
    parts.sort(key=lambda p: p[0][0])
    return parts


def _epoch(texts: list) -> np.ndarray:
    """Stored ISO times as seconds (core.isotime's reading); NaN where one is missing or not a time."""
    out = np.full(len(texts), np.nan)
    for i, text in enumerate(texts):
        try:
            out[i] = parse_one(str(text)) if text is not None else np.nan
        except ValueError:
            pass
    return out


def _needed(rows: list, times: np.ndarray) -> list[int]:
    """The tracks whose fixes can be a time's neighbours: those whose stored span holds one of `times`, and for
    each time the track ending last before it and the one starting first after it (a photo in a gap between
    rides). Reading a track's last fix walks its geometry's whole overflow-page chain (~86 MB for the 4 months):
    from a store not yet in the disk cache that cost seconds, for tracks no time is near. The stored span is
    widened by a minute; a track without a readable span is always read."""
    if not rows or not len(times):
        return [row[0] for row in rows]
    fids = np.array([row[0] for row in rows])
    starts, ends = _epoch([row[1] for row in rows]) - _SLACK_S, _epoch([row[2] for row in rows]) + _SLACK_S
    unknown = ~(np.isfinite(starts) & np.isfinite(ends))
    holds = np.searchsorted(times, ends, "right") > np.searchsorted(times, starts, "left")
    needed = set(fids[unknown | holds].tolist())
    known = ~unknown
    by_end, by_start = np.argsort(ends[known]), np.argsort(starts[known])
    known_fids, known_ends, known_starts = fids[known], ends[known][by_end], starts[known][by_start]
    before = np.searchsorted(known_ends, times, "right") - 1
    after = np.searchsorted(known_starts, times, "left")
    needed.update(known_fids[by_end][before[before >= 0]].tolist())
    needed.update(known_fids[by_start][after[after < len(known_starts)]].tolist())
    return sorted(int(fid) for fid in needed)


def _track_part(blob: Any, times: np.ndarray) -> Part | Literal[False] | None:
    """The needed fixes of one track (None: empty or not a LineStringZM; False: its times are out of order)."""
    head = blob.read(8)
    if len(head) < 8 or head[:2] != b"GP":
        return None
    start = 8 + _ENVELOPE.get((head[3] >> 1) & 0x07, 0)
    blob.seek(start)
    wkb = blob.read(9)
    if len(wkb) < 9:
        return None
    order = "<" if wkb[0] == 1 else ">"
    gtype, n = struct.unpack(order + "II", wkb[1:9])
    if gtype != 3002 or n == 0:
        return None
    base = start + 9

    def m_at(i: int) -> float:
        blob.seek(base + _FIX * i + 24)
        return struct.unpack(order + "d", blob.read(8))[0]

    first, last = m_at(0), m_at(n - 1)
    if not (np.isfinite(first) and np.isfinite(last)) or last < first:
        return False
    wanted = {0, n - 1}
    lo_t, hi_t = np.searchsorted(times, first, "left"), np.searchsorted(times, last, "right")
    for when in times[lo_t:hi_t]:
        lo, hi = 0, n - 1  # the first fix at or after `when` (searchsorted's left side), by bisection
        while lo < hi:
            mid = (lo + hi) // 2
            value = m_at(mid)
            if not np.isfinite(value):
                return False
            if value < when:
                lo = mid + 1
            else:
                hi = mid
        wanted.update((max(lo - 1, 0), lo))
    indices = sorted(wanted)
    fixes = np.empty((len(indices), 4))
    for row, i in enumerate(indices):
        blob.seek(base + _FIX * i)
        fixes[row] = struct.unpack(order + "4d", blob.read(_FIX))
    if np.any(np.diff(fixes[:, 3]) < 0):
        return False
    return fixes[:, 3].copy(), fixes[:, 0].copy(), fixes[:, 1].copy()

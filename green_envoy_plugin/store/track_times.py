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

from . import access

# envelope bytes after the 8-byte GeoPackage header, by the header's envelope indicator
_ENVELOPE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
_FIX = 32  # lon, lat, z, m as doubles
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
        fids = [fid for (fid,) in conn.execute(
            "SELECT fid FROM tracks WHERE geom IS NOT NULL AND start_time IS NOT NULL ORDER BY fid")]
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

"""Ellipsoidal distances on WGS84 for arrays of fixes."""

from __future__ import annotations

import os
import sys

import numpy as np

# In a virtual environment pyproj looks for PROJ's data under the venv; the system's copy is under the
# base interpreter's prefix (Debian: /usr/share/proj). Point it there unless the user chose one.
_base_proj = os.path.join(sys.base_prefix, "share", "proj")
if not (os.environ.get("PROJ_DATA") or os.environ.get("PROJ_LIB")) and os.path.isdir(_base_proj):
    os.environ["PROJ_DATA"] = _base_proj

from pyproj import Geod  # noqa: E402

WGS84 = Geod(ellps="WGS84")


WGS84_A = 6378137.0
WGS84_E2 = 6.69437999014e-3
# Below this a step is measured with the ellipsoid's local radii of curvature (relative error < 1e-7,
# 15 times faster than the geodesic); longer steps (gaps, spikes) take the exact geodesic.
LOCAL_LIMIT_M = 2000.0


def step_lengths(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Ellipsoidal (WGS84) length in metres of each step between consecutive fixes (len n-1)."""
    lon = np.asarray(lon, dtype=np.float64)
    lat = np.asarray(lat, dtype=np.float64)
    if len(lon) < 2:
        return np.zeros(0)
    phi = np.radians((lat[:-1] + lat[1:]) * 0.5)
    sin2 = np.sin(phi) ** 2
    w = np.sqrt(1.0 - WGS84_E2 * sin2)
    meridian = WGS84_A * (1.0 - WGS84_E2) / (w * w * w)
    normal = WGS84_A / w
    dlon = np.radians(np.diff(lon))
    dlon = (dlon + np.pi) % (2 * np.pi) - np.pi  # across the antimeridian the short way
    dist = np.hypot(meridian * np.radians(np.diff(lat)), normal * np.cos(phi) * dlon)
    far = np.flatnonzero(dist > LOCAL_LIMIT_M)
    if len(far) == 1:  # pyproj >= 3.7 tries a 1-element array as a scalar first, which numpy 2 deprecates
        i = int(far[0])
        dist[i] = WGS84.inv(float(lon[i]), float(lat[i]), float(lon[i + 1]), float(lat[i + 1]))[2]
    elif len(far):
        dist[far] = WGS84.inv(lon[far], lat[far], lon[far + 1], lat[far + 1])[2]
    return dist


def line_length(lon: np.ndarray, lat: np.ndarray) -> float:
    return float(step_lengths(lon, lat).sum())

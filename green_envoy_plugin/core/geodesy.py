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


def step_lengths(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Geodesic length in metres of each step between consecutive fixes (len n-1)."""
    if len(lon) < 2:
        return np.zeros(0)
    _az1, _az2, dist = WGS84.inv(lon[:-1], lat[:-1], lon[1:], lat[1:])
    return np.asarray(dist, dtype=np.float64)


def line_length(lon: np.ndarray, lat: np.ndarray) -> float:
    return float(step_lengths(np.asarray(lon, float), np.asarray(lat, float)).sum())

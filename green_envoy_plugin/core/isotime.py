"""ISO 8601 times to epoch seconds for whole arrays at once, and back.

A day of 1 Hz fixes is 30,000 time stamps; parsing them one by one costs more than everything else of
an import. Stamps of one shape (the same length and punctuation, as a logger writes them) are decoded
together from their digits; any stamp of another shape falls back to datetime.fromisoformat.
"""

from __future__ import annotations

import math
from datetime import datetime

import numpy as np

_ZERO = ord("0")


def _days_from_civil(y: np.ndarray, m: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm, vectorised)."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def parse_one(text: str | bytes) -> float:
    if isinstance(text, bytes):
        text = text.decode("ascii", "replace")
    text = text.strip()
    if not text:
        return math.nan
    dt = datetime.fromisoformat(text.replace("z", "Z"))
    if dt.tzinfo is None:
        # GPX times are UTC by the schema; a bare time from a sloppy exporter is read as UTC too.
        return (dt - datetime(1970, 1, 1)).total_seconds()
    return dt.timestamp()


def _parse_shape(rows: np.ndarray, shape: bytes) -> np.ndarray | None:
    """Decode rows (uint8, one stamp per row) that all have this shape (digits shown as '9')."""
    if len(shape) < 19 or shape[:19] != b"9999-99-99T99:99:99":
        return None
    def num(a: int, b: int) -> np.ndarray:
        value = rows[:, a].astype(np.int64) - _ZERO
        for k in range(a + 1, b):
            value = value * 10 + (rows[:, k] - _ZERO)
        return value

    year, month, day = num(0, 4), num(5, 7), num(8, 10)
    hour, minute, second = num(11, 13), num(14, 16), num(17, 19)
    if (month < 1).any() or (month > 12).any() or (day < 1).any() or (day > 31).any() or (hour > 23).any() \
            or (minute > 59).any() or (second > 60).any():
        return None
    seconds = (_days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second).astype(np.float64)
    rest = shape[19:]
    pos = 19
    if rest.startswith(b"."):
        width = len(rest) - len(rest[1:].lstrip(b"9")) - 1
        if width == 0:
            return None
        kept = min(width, 6)  # microseconds, as datetime keeps them: both readers give the same time
        seconds += num(pos + 1, pos + 1 + kept) / 10.0**kept
        pos += 1 + width
        rest = rest[1 + width:]
    if rest in (b"", b"Z"):
        return seconds
    if rest in (b"+99:99", b"-99:99", b"+9999", b"-9999"):
        colon = 1 if b":" in rest else 0
        offset = num(pos + 1, pos + 3) * 3600 + num(pos + 3 + colon, pos + 5 + colon) * 60
        sign = 1 if rows[0, pos] == ord("+") else -1
        return seconds - sign * offset
    return None


def parse_times(stamps: list[bytes] | np.ndarray) -> np.ndarray:
    """Epoch seconds (float64, UTC) of ISO 8601 stamps; NaN for empty ones; ValueError names a bad one."""
    n = len(stamps)
    out = np.full(n, np.nan)
    if n == 0:
        return out
    raw = np.array(stamps, dtype=bytes)
    width = raw.dtype.itemsize
    rows = np.frombuffer(raw.tobytes(), dtype=np.uint8).reshape(n, width)
    is_digit = (rows >= _ZERO) & (rows <= _ZERO + 9)
    shapes = np.where(is_digit, ord("9"), rows).astype(np.uint8)
    # Group rows by shape; a logger writes one shape, so this is one group nearly always.
    if (shapes == shapes[0]).all():
        groups = [(np.arange(n), shapes[0].tobytes())]
    else:
        keys = np.ascontiguousarray(shapes).view(np.dtype((np.void, width))).ravel()
        unique, inverse = np.unique(keys, return_inverse=True)
        groups = [(np.flatnonzero(inverse == g), bytes(key)) for g, key in enumerate(unique)]
    for members, key in groups:
        shape = key.rstrip(b"\x00")
        decoded = _parse_shape(rows[members], shape) if shape == shape.strip() else None
        if decoded is not None:
            out[members] = decoded
            continue
        for i in members:
            out[i] = parse_one(stamps[i])  # raises ValueError with the text for a malformed stamp
    return out


def _civil_from_days(z: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Inverse of _days_from_civil."""
    z = z + 719468
    era = np.floor_divide(z, 146097)
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = np.where(mp < 10, mp + 3, mp - 9)
    return yoe + era * 400 + (m <= 2), m, d


def format_times(epoch_s: np.ndarray) -> list[str | None]:
    """GeoPackage DATETIME text ('YYYY-MM-DDTHH:MM:SS.sssZ', UTC) of epoch seconds, NaN as None."""
    epoch_s = np.asarray(epoch_s, dtype=np.float64)
    valid = ~np.isnan(epoch_s)
    ms = np.round(np.where(valid, epoch_s, 0.0) * 1000.0).astype(np.int64)
    days, ms_of_day = np.divmod(ms, 86_400_000)
    year, month, day = _civil_from_days(days)
    out = np.empty((len(ms), 24), dtype=np.uint8)
    out[:] = np.frombuffer(b"0000-00-00T00:00:00.000Z", dtype=np.uint8)
    fields = ((year, 0, 4), (month, 5, 2), (day, 8, 2), (ms_of_day // 3_600_000, 11, 2),
              (ms_of_day // 60_000 % 60, 14, 2), (ms_of_day // 1000 % 60, 17, 2), (ms_of_day % 1000, 20, 3))
    for field_value, start, width in fields:
        rest = field_value
        for k in range(width - 1, -1, -1):
            out[:, start + k] = _ZERO + rest % 10
            rest = rest // 10
    whole = out.tobytes().decode("ascii")  # one str cut in slices: cheaper than numpy's U24 and tolist()
    text: list[str | None] = [whole[i: i + 24] for i in range(0, len(whole), 24)]
    if not valid.all():
        for i in np.flatnonzero(~valid):
            text[i] = None
    return text

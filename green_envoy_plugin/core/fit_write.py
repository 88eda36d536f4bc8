"""Writing FIT activity files: the synthetic expedition's days and the tests' round trips.

`encode_activity` writes one activity as a device would: file_id, the record messages (one per fix, invalid
values where a channel is NaN), laps after their last fix, a session and an activity message; optionally big
endian, with compressed-timestamp headers, with a developer field in every record, with a 12-byte header.
All definitions come first, the data messages are built per message type as numpy structured arrays and
interleaved by their place in time, so a day at 1 Hz is written without a Python loop per fix.
Imports only fit_profile and fit_crc.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .fit_crc import crc16, crc16_slow
from .fit_profile import BASE_TYPE_BYTE, BASE_TYPES, FIT_EPOCH, MANUFACTURERS, SPORTS

_BY_NAME = {t.name: number for number, t in BASE_TYPES.items()}
PROTOCOL_VERSION = 0x20  # 2.0
PROFILE_VERSION = 2132  # 21.32


@dataclass
class _Message:
    """One message type to write: its local number, global number, fields (number, base type name, count)."""

    local: int
    global_number: int
    fields: list[tuple[int, str, int]]
    developer: list[tuple[int, int, int]] | None = None  # (field number, size, developer data index)

    def dtype(self, order: str, with_header: bool = True) -> np.dtype:
        names, formats = (["h"], ["u1"]) if with_header else ([], [])
        for number, base, count in self.fields:
            t = BASE_TYPES[_BY_NAME[base]]
            names.append(f"f{number}")
            formats.append(f"S{count}" if base == "string" else (order + t.code if count == 1 else
                                                                 f"({count},){order}{t.code}"))
        for k, (number, size, _index) in enumerate(self.developer or []):
            names.append(f"d{k}_{number}")
            formats.append(f"V{size}")
        return np.dtype({"names": names, "formats": formats})

    def definition(self, big: bool) -> bytes:
        out = bytearray([0x40 | (0x20 if self.developer else 0) | self.local, 0, 1 if big else 0])
        out += self.global_number.to_bytes(2, "big" if big else "little")
        out.append(len(self.fields))
        for number, base, count in self.fields:
            t = BASE_TYPES[_BY_NAME[base]]
            out += bytes([number, t.size * count, BASE_TYPE_BYTE[_BY_NAME[base]]])
        if self.developer is not None:
            out.append(len(self.developer))
            for number, size, index in self.developer:
                out += bytes([number, size, index])
        return bytes(out)


def _int_column(values: np.ndarray | None, n: int, base: str, scale: float = 1.0, offset: float = 0.0) -> np.ndarray:
    """Values scaled to the field's integers; the base type's invalid pattern where NaN or out of range."""
    t = BASE_TYPES[_BY_NAME[base]]
    dtype = np.dtype(t.code)
    info = np.iinfo(dtype)
    invalid = np.array(t.invalid, dtype=np.uint64).astype(dtype.str.replace("i", "u")).view(dtype)
    out = np.full(n, invalid, dtype=dtype)
    if values is None:
        return out
    v = (np.asarray(values, dtype=np.float64) + offset) * scale
    ok = np.isfinite(v)
    v = np.round(np.where(ok, v, 0.0))
    ok &= (v >= info.min) & (v <= info.max) & (v != int(invalid))
    out[ok] = v[ok].astype(dtype)
    return out


def _rows(message: _Message, columns: dict[int, np.ndarray | float], n: int, big: bool, header: np.ndarray | int,
          developer: np.ndarray | None = None) -> np.ndarray:
    """n data messages of one type as an (n, size) uint8 array, header byte first."""
    rows = np.zeros(n, dtype=message.dtype(">" if big else "<"))
    rows["h"] = header
    for number, values in columns.items():
        rows[f"f{number}"] = values
    if developer is not None:
        name = rows.dtype.names[-1]  # type: ignore[index]
        rows[name] = developer.view(rows.dtype[name]).reshape(n)
    return rows.view(np.uint8).reshape(n, rows.dtype.itemsize)


def _semicircles(degrees: np.ndarray | None, n: int) -> np.ndarray:
    if degrees is None:
        return _int_column(None, n, "sint32")
    return _int_column(np.asarray(degrees, dtype=np.float64), n, "sint32", scale=2**31 / 180.0)


def _fit_time(unix: np.ndarray | float) -> np.ndarray:
    return np.floor(np.asarray(unix, dtype=np.float64) - FIT_EPOCH)


def encode_activity(time: np.ndarray, lon: np.ndarray | None, lat: np.ndarray | None, ele: np.ndarray | None = None,
                    *, heart_rate: np.ndarray | None = None, cadence: np.ndarray | None = None,
                    temperature: np.ndarray | None = None, power: np.ndarray | None = None,
                    speed: np.ndarray | None = None, distance: np.ndarray | None = None,
                    laps: list[tuple[int, int]] | None = None, sport: str = "cycling",
                    manufacturer: str = "development", product: int = 0, serial_number: int = 1,
                    big_endian: bool = False, compressed_timestamps: bool = False, developer_field: bool = False,
                    header_size: int = 14) -> bytes:
    """One FIT activity file. Times are Unix seconds (whole seconds are written), positions degrees, elevation m,
    speed m/s, distance m; NaN (or None for a whole channel) is written as the invalid value. `laps` are
    index ranges [first, stop) of the fixes; default one lap over all. Compressed-timestamp headers are used
    for every fix less than 32 s after the one before it."""
    t = _fit_time(time)
    n = len(t)
    order = ">" if big_endian else "<"
    laps = laps if laps is not None else ([(0, n)] if n else [])
    makers = {name: number for number, name in MANUFACTURERS.items()}
    sports = {name: number for number, name in SPORTS.items()}
    record_fields = [(0, "sint32", 1), (1, "sint32", 1), (78, "uint32", 1), (5, "uint32", 1), (73, "uint32", 1),
                     (3, "uint8", 1), (4, "uint8", 1), (13, "sint8", 1), (7, "uint16", 1)]
    dev = [(0, 2, 0)] if developer_field else None
    messages = {
        "file_id": _Message(0, 0, [(0, "enum", 1), (1, "uint16", 1), (2, "uint16", 1), (3, "uint32z", 1),
                                   (4, "uint32", 1)]),
        "record": _Message(1, 20, [(253, "uint32", 1), *record_fields], dev),
        "compressed": _Message(2, 20, record_fields, dev),
        "lap": _Message(3, 19, [(253, "uint32", 1), (2, "uint32", 1), (7, "uint32", 1), (8, "uint32", 1),
                                (9, "uint32", 1), (3, "sint32", 1), (4, "sint32", 1), (5, "sint32", 1),
                                (6, "sint32", 1), (0, "enum", 1), (1, "enum", 1), (25, "enum", 1)]),
        "session": _Message(4, 18, [(253, "uint32", 1), (2, "uint32", 1), (7, "uint32", 1), (8, "uint32", 1),
                                    (9, "uint32", 1), (3, "sint32", 1), (4, "sint32", 1), (5, "enum", 1),
                                    (6, "enum", 1), (0, "enum", 1), (1, "enum", 1)]),
        "activity": _Message(5, 34, [(253, "uint32", 1), (0, "uint32", 1), (1, "uint16", 1), (2, "enum", 1),
                                     (3, "enum", 1), (4, "enum", 1)]),
    }
    head = bytearray()
    if developer_field:
        # developer_data_id (207) and field_description (206): one uint16 field "tyre_pressure" (the decoder
        # skips it by its size; readers that know developer data name it).
        dev_id = _Message(6, 207, [(1, "byte", 16), (3, "uint8", 1)])
        desc = _Message(7, 206, [(0, "uint8", 1), (1, "uint8", 1), (2, "uint8", 1), (3, "string", 16),
                                 (8, "string", 8)])
        head += dev_id.definition(big_endian)
        row = np.zeros(1, dev_id.dtype(order))
        row["h"] = 6
        row["f1"] = np.arange(16, dtype=np.uint8)
        row["f3"] = 0
        head += row.tobytes()
        head += desc.definition(big_endian)
        row = np.zeros(1, desc.dtype(order))
        row["h"], row["f0"], row["f1"], row["f2"] = 7, 0, 0, BASE_TYPE_BYTE[_BY_NAME["uint16"]]
        row["f3"], row["f8"] = b"tyre_pressure", b"kPa"
        head += row.tobytes()
    for message in messages.values():
        head += message.definition(big_endian)
    start = t[0] if n else 0
    head += _rows(messages["file_id"], {0: 4, 1: makers.get(manufacturer, 255), 2: product, 3: serial_number,
                                        4: start}, 1, big_endian, 0).tobytes()
    # The fixes: explicit timestamp or a compressed header, in time order.
    columns = {0: _semicircles(lat, n), 1: _semicircles(lon, n),
               78: _int_column(ele, n, "uint32", 5.0, 500.0), 5: _int_column(distance, n, "uint32", 100.0),
               73: _int_column(speed, n, "uint32", 1000.0), 3: _int_column(heart_rate, n, "uint8"),
               4: _int_column(cadence, n, "uint8"), 13: _int_column(temperature, n, "sint8"),
               7: _int_column(power, n, "uint16")}
    dev_values = (np.arange(n, dtype=np.uint16) + 250).astype(order + "u2").view(np.uint8).reshape(n, 2) \
        if developer_field else None
    compressed = np.zeros(n, dtype=bool)
    if compressed_timestamps and n > 1:
        step = np.diff(t)
        compressed[1:] = (step >= 0) & (step < 32)
    parts: list[tuple[np.ndarray, np.ndarray]] = []
    for is_compressed, name in ((False, "record"), (True, "compressed")):
        index = np.flatnonzero(compressed == is_compressed)
        if not len(index):
            continue
        cols: dict[int, np.ndarray | float] = {k: v[index] for k, v in columns.items()}
        if not is_compressed:
            cols[253] = t[index]
            header: np.ndarray | int = 1
        else:
            header = (0x80 | (2 << 5) | (t[index].astype(np.int64) & 0x1F)).astype(np.uint8)
        dev_rows = None if dev_values is None else np.ascontiguousarray(dev_values[index])
        parts.append((index.astype(np.float64), _rows(messages[name], cols, len(index), big_endian, header,
                                                       dev_rows)))
    # Laps after their last fix; then the session and the activity.
    if laps:
        firsts = np.array([a for a, _b in laps])
        lasts = np.array([b - 1 for _a, b in laps])
        end_t, start_t = t[lasts], t[firsts]
        lap_distance = (np.asarray(distance)[lasts] - np.asarray(distance)[firsts]) if distance is not None else None
        cols = {253: end_t, 2: start_t, 7: (end_t - start_t) * 1000, 8: (end_t - start_t) * 1000,
                9: _int_column(lap_distance, len(laps), "uint32", 100.0),
                3: columns[0][firsts], 4: columns[1][firsts], 5: columns[0][lasts], 6: columns[1][lasts],
                0: 9, 1: 1, 25: sports.get(sport, 0)}
        parts.append((lasts + 0.5, _rows(messages["lap"], cols, len(laps), big_endian, 3)))
    tail = bytearray()
    if n:
        total = float(np.nanmax(distance) - np.nanmin(distance)) if distance is not None and \
            np.isfinite(distance).any() else float("nan")
        cols = {253: t[-1], 2: t[0], 7: (t[-1] - t[0]) * 1000, 8: (t[-1] - t[0]) * 1000,
                9: _int_column(np.array([total]), 1, "uint32", 100.0), 3: columns[0][:1], 4: columns[1][:1],
                5: sports.get(sport, 0), 6: 0, 0: 8, 1: 1}
        tail += _rows(messages["session"], cols, 1, big_endian, 4).tobytes()
        cols = {253: t[-1], 0: (t[-1] - t[0]) * 1000, 1: 1, 2: 0, 3: 26, 4: 1}
        tail += _rows(messages["activity"], cols, 1, big_endian, 5).tobytes()
    body = bytes(head) + _interleave(parts) + bytes(tail)
    return _with_header(body, header_size)


def _interleave(parts: list[tuple[np.ndarray, np.ndarray]]) -> bytes:
    """Messages of several types (each an (n, size) byte array with a sort key per message) in key order."""
    if not parts:
        return b""
    keys = np.concatenate([k for k, _rows in parts])
    sizes = np.concatenate([np.full(len(k), rows.shape[1], dtype=np.int64) for k, rows in parts])
    order = np.argsort(keys, kind="stable")
    offsets = np.empty(len(keys), dtype=np.int64)
    offsets[order] = np.concatenate(([0], np.cumsum(sizes[order])[:-1]))
    out = np.zeros(int(sizes.sum()), dtype=np.uint8)
    first = 0
    for k, rows in parts:
        mine = offsets[first: first + len(k)]
        out[mine[:, None] + np.arange(rows.shape[1])] = rows
        first += len(k)
    return out.tobytes()


def _with_header(body: bytes, header_size: int = 14) -> bytes:
    head = bytearray([header_size, PROTOCOL_VERSION])
    head += PROFILE_VERSION.to_bytes(2, "little") + len(body).to_bytes(4, "little") + b".FIT"
    if header_size == 14:
        head += crc16_slow(bytes(head)).to_bytes(2, "little")
    data = bytes(head) + body
    return data + crc16(data).to_bytes(2, "little")

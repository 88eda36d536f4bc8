"""FIT activity files (Garmin, Wahoo, Coros, Hammerhead, Strava's apps ...) read into the GPX model.

`decode_fit(data, path)` never raises on bad bytes: it returns a `FitDocument` (a `GpxDocument`: the cleaning
and the store take it as they take GPX) whose `problems` name each defect with its byte offset and whose
`partial` says that part of the file could not be read or vouched for (CRC mismatch, truncation, corrupt
message); what was read before the defect is kept. `parse_fit_bytes` and `read_fit` raise `FitError` (a
`GpxError`) only when nothing usable is in the file, like `parse_gpx_bytes` / `read_gpx`.

What is read: the file header (12 or 14 bytes, its CRC and the file CRC checked), every FIT file of a chain
in turn, definition messages (local types 0-15, either byte order, developer fields skipped by their declared
size), normal and compressed-timestamp headers; of the global messages: record (20) as fixes, lap (19) and
session (18) as summaries, course_point (32) as waypoints, file_id (0). Invalid values (0x7FFFFFFF ...) are
NaN; records without a position are not fixes: they are counted in `skipped` with their reason. Pure Python
and numpy; see fit_decode for how.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

import numpy as np

from .fit_crc import crc16, crc16_slow
from .fit_decode import Group, decode, resolve_times, walk
from .fit_profile import (
    COURSE_POINT,
    COURSE_POINT_TYPES,
    FIELD_SYSTEM_TIMESTAMP,
    FILE_ID,
    FILE_TYPE_COURSE,
    FILE_TYPES,
    FIT_EPOCH,
    LAP,
    MANUFACTURERS,
    MESG_COURSE_POINT,
    MESG_FILE_ID,
    MESG_LAP,
    MESG_RECORD,
    MESG_SESSION,
    MESG_TIMESTAMP_CORRELATION,
    RECORD,
    SEMICIRCLE_DEG,
    SESSION,
    SPORTS,
    SUB_SPORTS,
    SYSTEM_TIME_LIMIT,
)
from .gpx.model import EXTENSION_FIELDS, Fixes, GpxDocument, GpxError, Segment, Waypoint

# Per-fix channels besides position, elevation and time. The store has columns for those the GPX extensions
# give (heart rate, cadence, temperature, power in W, the device's speed in m/s); `channels=ALL_CHANNELS` adds
# the device's distance (m).
STORE_CHANNELS: tuple[str, ...] = tuple(EXTENSION_FIELDS.values())
ALL_CHANNELS: tuple[str, ...] = (*STORE_CHANNELS, "distance")
MAX_FIT_BYTES = 512 * 1024 * 1024  # bounded read: a season's ride is a few MB


class FitError(GpxError):
    """A FIT file with nothing usable in it; names the file and the byte offset of the defect."""

    def __init__(self, path: str, reason: str, offset: int | None = None) -> None:
        self.offset = offset
        super().__init__(path, reason if offset is None else f"byte {offset}: {reason}")


@dataclass(frozen=True)
class FitProblem:
    offset: int
    reason: str

    def __str__(self) -> str:
        return f"byte {self.offset}: {self.reason}"


@dataclass
class FitSummary:
    """A lap or a session: times in Unix seconds, durations in s, distance in m, positions in degrees;
    NaN where the file has no value."""

    kind: str  # "lap" or "session"
    start_time: float
    end_time: float
    elapsed_s: float
    timer_s: float
    distance_m: float
    sport: str
    sub_sport: str
    start_lon: float
    start_lat: float


@dataclass
class FitFileInfo:
    """One FIT file of a chain: its header and its file_id message."""

    offset: int
    header_size: int
    protocol: str
    profile: int
    data_size: int
    crc_ok: bool | None  # None: the file has no CRC to check (cut off)
    file_type: str = ""
    manufacturer: str = ""
    product: int | None = None
    product_name: str = ""
    serial_number: int | None = None
    time_created: float = float("nan")
    records: int = 0  # record messages, with or without position


@dataclass
class FitDocument(GpxDocument):
    partial: bool = False
    problems: list[FitProblem] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)  # records that are not fixes, by reason
    files: list[FitFileInfo] = field(default_factory=list)
    laps: list[FitSummary] = field(default_factory=list)
    sessions: list[FitSummary] = field(default_factory=list)

    @property
    def records(self) -> int:
        return sum(f.records for f in self.files)


def is_fit(head: bytes) -> bool:
    """Whether these first bytes are a FIT file header."""
    return len(head) >= 12 and head[0] >= 12 and head[8:12] == b".FIT"


def _unix(fit_times: np.ndarray) -> np.ndarray:
    """FIT seconds to Unix seconds; times relative to the device's power-on (below 0x10000000) are NaN."""
    out = fit_times + FIT_EPOCH
    out[~(fit_times >= SYSTEM_TIME_LIMIT)] = np.nan
    return out


def _degrees(semicircles: np.ndarray) -> np.ndarray:
    return semicircles * SEMICIRCLE_DEG


def _enum_name(table: dict[int, str], value: float) -> str:
    if np.isnan(value):
        return ""
    return table.get(int(value), str(int(value)))


class _FileReader:
    """One FIT file of the buffer (from `start`), appended to the document."""

    def __init__(self, buf: bytes, doc: FitDocument, channels: tuple[str, ...]) -> None:
        self.buf = buf
        self.doc = doc
        self.channels = channels

    def problem(self, offset: int, reason: str, partial: bool = True) -> None:
        self.doc.problems.append(FitProblem(offset, reason))
        if partial:
            self.doc.partial = True

    def read(self, start: int) -> int | None:
        """Read the file at `start`; return where the next file of the chain starts, or None to stop."""
        buf = self.buf
        header_size = buf[start]
        if header_size < 12 or start + header_size > len(buf):
            self.problem(start, f"FIT header of {header_size} bytes cut off by the end of the file")
            return None
        protocol = buf[start + 1]
        profile = int.from_bytes(buf[start + 2: start + 4], "little")
        data_size = int.from_bytes(buf[start + 4: start + 8], "little")
        if header_size >= 14:
            stored = int.from_bytes(buf[start + 12: start + 14], "little")
            if stored != 0 and crc16_slow(buf[start: start + 12]) != stored:
                self.problem(start + 12, f"header CRC mismatch (stored 0x{stored:04X}, computed "
                                         f"0x{crc16_slow(buf[start: start + 12]):04X})")
        if protocol >> 4 > 2:
            self.problem(start + 1, f"unknown FIT protocol version {protocol >> 4}.{protocol & 15}; read as 2.0")
        data_start = start + header_size
        data_end = data_start + data_size
        info = FitFileInfo(start, header_size, f"{protocol >> 4}.{protocol & 15}", profile, data_size, None)
        self.doc.files.append(info)
        next_start: int | None = data_end + 2
        if data_size == 0:
            # A file that was never closed (the device stopped recording): its data runs to the end.
            data_end = len(buf)
            next_start = None
            self.problem(start + 4, "the header gives no data size (the file was never closed); read to the end")
        elif data_end + 2 > len(buf):
            next_start = None
            if data_end > len(buf):
                self.problem(len(buf), f"file cut off: the header declares {data_size} bytes of data ending at "
                                       f"byte {data_end}, the file ends at byte {len(buf)}")
                data_end = len(buf)
            else:
                self.problem(data_end, "file CRC missing: the file ends with its data")
        else:
            computed = crc16(memoryview(buf)[start: data_end])
            stored = int.from_bytes(buf[data_end: data_end + 2], "little")
            info.crc_ok = computed == stored
            if not info.crc_ok:
                self.problem(data_end, f"file CRC mismatch (stored 0x{stored:04X}, computed 0x{computed:04X}): "
                                       "the data is not what the device wrote")
        walked = walk(buf, data_start, data_end)
        if walked.problem is not None:
            self.problem(*walked.problem)
            if walked.problem[0] < data_end and next_start is not None:
                self.problem(walked.problem[0], f"{data_end - walked.problem[0]} bytes of data not read, up to "
                                                f"byte {data_end}")
        groups = [decode(buf, d) for d in walked.definitions if len(d)]
        corrupt = walked.problem is not None and "corrupt" in walked.problem[1]
        self._messages(groups, info, walked.problem[0] if corrupt and walked.problem else None)
        return next_start

    def _messages(self, groups: list[Group], info: FitFileInfo, corrupt_at: int | None) -> None:
        timed = resolve_times(groups)
        by_global: dict[int, list[Group]] = {}
        for g in groups:
            by_global.setdefault(g.definition.global_number, []).append(g)
        for g in by_global.get(MESG_FILE_ID, [])[:1]:
            self._file_id(g, info)
        self._correlate(by_global.get(MESG_TIMESTAMP_CORRELATION, []), groups, timed)
        summaries: list[FitSummary] = []
        for number, table, kind in ((MESG_LAP, LAP, "lap"), (MESG_SESSION, SESSION, "session")):
            for g in by_global.get(number, []):
                found = self._summaries(g, table, kind, timed[id(g)])
                summaries += found
                (self.doc.laps if kind == "lap" else self.doc.sessions).extend(found)
        self.doc.laps.sort(key=lambda s: (np.nan_to_num(s.start_time, nan=np.inf)))
        for g in by_global.get(MESG_COURSE_POINT, []):
            self._course_points(g)
        records = by_global.get(MESG_RECORD, [])
        if records:
            self._records(records, timed, info, [s for s in summaries if s.kind == "session"], corrupt_at)

    def _correlate(self, correlations: list[Group], groups: list[Group], timed: dict[int, np.ndarray]) -> None:
        """Times counted from the device's power-on (a camera, a watch without a fix yet) made UTC with the
        file's first timestamp_correlation message (UTC time beside system time); left NaN without one."""
        offset = None
        for g in correlations:
            utc = timed[id(g)]
            system = g.column(FIELD_SYSTEM_TIMESTAMP)
            ok = (utc >= SYSTEM_TIME_LIMIT) & (system < SYSTEM_TIME_LIMIT)
            if ok.any():
                k = int(np.argmax(ok))
                offset = float(utc[k] - system[k])
                break
        if offset is None:
            return
        for g in groups:
            t = timed[id(g)]
            relative = t < SYSTEM_TIME_LIMIT
            t[relative] += offset

    def _file_id(self, g: Group, info: FitFileInfo) -> None:
        value = {name: float(g.column(f.number)[0]) for name, f in FILE_ID.items() if name != "product_name"}
        info.file_type = _enum_name(FILE_TYPES, value["type"])
        info.manufacturer = _enum_name(MANUFACTURERS, value["manufacturer"])
        info.product = None if np.isnan(value["product"]) else int(value["product"])
        info.serial_number = None if np.isnan(value["serial_number"]) else int(value["serial_number"])
        info.time_created = float(_unix(np.array([value["time_created"]]))[0])
        info.product_name = g.text(FILE_ID["product_name"].number)[0]

    def _summaries(self, g: Group, table: dict, kind: str, end: np.ndarray) -> list[FitSummary]:
        c = {name: g.column(f.number, f.scale, f.offset) for name, f in table.items()}
        start = _unix(c["start_time"])
        stop = _unix(end.copy())
        return [
            FitSummary(kind, float(start[i]), float(stop[i]), float(c["elapsed_s"][i]), float(c["timer_s"][i]),
                       float(c["distance_m"][i]), _enum_name(SPORTS, c["sport"][i]),
                       _enum_name(SUB_SPORTS, c["sub_sport"][i]), float(_degrees(c["start_lon"][i:i + 1])[0]),
                       float(_degrees(c["start_lat"][i:i + 1])[0]))
            for i in range(len(g.starts))
        ]

    def _course_points(self, g: Group) -> None:
        """A course's points (turns, summits, water ...) as waypoints, in the file's order; their time is their
        own field 1 (NaN in courses planned without one)."""
        c = {name: g.column(f.number, f.scale, f.offset) for name, f in COURSE_POINT.items() if name != "name"}
        names = g.text(COURSE_POINT["name"].number)
        lat = _degrees(c["lat"])
        lon = _degrees(c["lon"])
        time = _unix(c["time"])
        for i in np.argsort(g.starts, kind="stable"):
            if np.isnan(lat[i]) or np.isnan(lon[i]):
                self._count("course point without a position", 1)
            elif abs(lat[i]) > 90.0 or not -180.0 <= lon[i] <= 180.0:
                self._count("course point position out of range", 1)
            else:
                self.doc.waypoints.append(Waypoint(names[i], float(lon[i]), float(lat[i]), float("nan"),
                                                   float(time[i]), _enum_name(COURSE_POINT_TYPES, c["type"][i])))

    def _records(self, groups: list[Group], timed: dict[int, np.ndarray], info: FitFileInfo,
                 sessions: list[FitSummary], corrupt_at: int | None) -> None:
        cols: dict[str, list[np.ndarray]] = {name: [] for name in (*RECORD, "time", "pos")}
        for g in groups:
            for name, f in RECORD.items():
                cols[name].append(g.column(f.number, f.scale, f.offset))
            cols["time"].append(timed[id(g)])
            cols["pos"].append(g.starts)
        joined = {name: np.concatenate(parts) for name, parts in cols.items()}
        if len(groups) > 1:
            order = np.argsort(joined["pos"], kind="stable")
            joined = {name: values[order] for name, values in joined.items()}
        n = len(joined["pos"])
        info.records += n
        lat = _degrees(joined["lat"])
        lon = _degrees(joined["lon"])
        missing = np.isnan(lat) | np.isnan(lon)
        outside = ~missing & ((np.abs(lat) > 90.0) | (lon < -180.0) | (lon > 180.0))
        self._count("record without a position", int(missing.sum()))
        self._count("record position out of range", int(outside.sum()))
        fit_time = joined["time"]
        relative = ~np.isnan(fit_time) & (fit_time < SYSTEM_TIME_LIMIT)
        keep = ~(missing | outside)
        if corrupt_at is not None:
            keep &= ~self._garbled_tail(joined["time"], keep, corrupt_at)
        self._count("fix time relative to the device's power-on (no date): kept without time",
                    int((relative & keep).sum()))
        self._count("fix without time", int((np.isnan(fit_time) & keep).sum()))
        time = _unix(fit_time)
        ele = np.where(np.isnan(joined["enhanced_altitude"]), joined["altitude"], joined["enhanced_altitude"])
        speed = np.where(np.isnan(joined["enhanced_speed"]), joined["speed"], joined["enhanced_speed"])
        channel_values = {"heart_rate": joined["heart_rate"], "cadence": joined["cadence"],
                          "temperature": joined["temperature"], "power": joined["power"], "speed": speed,
                          "distance": joined["distance"]}
        index = np.flatnonzero(keep)
        if not len(index):
            return
        # One segment per session (records by time from each session's start), in the file's own order.
        bounds = self._session_bounds(time[index], sessions)
        kind = "route" if info.file_type == FILE_TYPES[FILE_TYPE_COURSE] else "track"
        for k, (a, b, name) in enumerate(bounds):
            take = index[a:b]
            if not len(take):
                continue
            extensions = {}
            for key in self.channels:
                values = channel_values[key][take]
                if not np.isnan(values).all():
                    extensions[key] = values
            fixes = Fixes(lon=lon[take], lat=lat[take], ele=ele[take], time=time[take], extensions=extensions)
            track_index = len(self.doc.segments)
            self.doc.segments.append(Segment(name, track_index, k if kind == "track" else 0, kind, fixes))

    def _garbled_tail(self, fit_time: np.ndarray, keep: np.ndarray, corrupt_at: int) -> np.ndarray:
        """The last fixes before corrupt data whose time does not follow the fixes before them (backwards or
        more than a day ahead): the corruption began inside them. At most a few, checked from the end."""
        garbled = np.zeros(len(keep), dtype=bool)
        index = np.flatnonzero(keep)
        for k in range(len(index) - 1, max(len(index) - 9, 0), -1):
            now, before = fit_time[index[k]], fit_time[index[k - 1]]
            if not np.isnan(now) and not np.isnan(before) and 0 <= now - before <= 86400:
                break
            garbled[index[k]] = True
        if garbled.any():
            self._count(f"fix just before the corrupt data at byte {corrupt_at} with a time that does not follow "
                        "the fixes before it", int(garbled.sum()))
        return garbled

    @staticmethod
    def _session_bounds(time: np.ndarray, sessions: list[FitSummary]) -> list[tuple[int, int, str]]:
        """Index ranges of the kept records per session: a session starts at its start_time."""
        def label(s: FitSummary) -> str:
            return s.sport + (f" ({s.sub_sport})" if s.sub_sport and s.sub_sport != "generic" else "")

        n = len(time)
        starts = sorted((s for s in sessions if not np.isnan(s.start_time)), key=lambda s: s.start_time)
        if len(starts) <= 1:
            return [(0, n, label(sessions[0]) if sessions else "")]
        filled = time.copy()  # records without a time stay with the record before them
        valid = ~np.isnan(filled)
        if not valid.any():
            return [(0, n, label(starts[0]))]
        last = np.maximum.accumulate(np.where(valid, np.arange(n), -1))
        filled = np.where(last >= 0, filled[np.maximum(last, 0)], -np.inf)
        running = np.maximum.accumulate(filled)  # a clock that goes back does not reopen a session
        cuts = [0] + [int(np.searchsorted(running, s.start_time, side="left")) for s in starts[1:]] + [n]
        return [(cuts[k], cuts[k + 1], label(s)) for k, s in enumerate(starts)]

    def _count(self, reason: str, count: int) -> None:
        if count:
            self.doc.skipped[reason] = self.doc.skipped.get(reason, 0) + count


def decode_fit(data: bytes, path: str = "<bytes>", channels: tuple[str, ...] = STORE_CHANNELS) -> FitDocument:
    """Every FIT file of the chain in `data`, read as far as it is readable; never raises on bad bytes."""
    doc = FitDocument(path, "", "", [], [])
    reader = _FileReader(bytes(data), doc, tuple(channels))
    buf = reader.buf
    if not is_fit(buf[:12]):
        doc.problems.append(FitProblem(0, "not a FIT file (no '.FIT' signature in a header at the start)"))
        doc.partial = True
        return doc
    start: int | None = 0
    while start is not None and start < len(buf):
        if not is_fit(buf[start: start + 12]):
            rest = buf[start:]
            if rest.strip(b"\0"):
                reader.problem(start, f"{len(rest)} bytes after the last FIT file are not a FIT file")
            break
        here = start
        try:
            start = reader.read(here)
        except Exception as exc:  # the last guard: a defect the checks did not foresee becomes a reason
            reader.problem(here, f"unreadable FIT data ({type(exc).__name__}: {exc})")
            break
    if doc.files:
        first = doc.files[0]
        doc.version = f"FIT {first.protocol}"
        doc.creator = " ".join(p for p in (first.manufacturer, first.product_name or
                                           ("" if first.product is None else str(first.product))) if p)
    return doc


def parse_fit_bytes(data: bytes, path: str = "<bytes>", channels: tuple[str, ...] = STORE_CHANNELS) -> FitDocument:
    """Like decode_fit, but a file with no fix and no course point in it is a FitError naming its first problem
    (or saying that it holds no positions: an indoor ride, a swim in a pool, a settings file)."""
    doc = decode_fit(data, path, channels)
    if doc.segments or doc.waypoints:
        return doc
    if doc.problems and (not doc.files or not doc.records):
        first = doc.problems[0]
        raise FitError(path, first.reason, first.offset)
    kinds = ", ".join(sorted({f.file_type or "unknown" for f in doc.files})) or "unknown"
    reasons = "; ".join(f"{n} {r}" for r, n in doc.skipped.items())
    raise FitError(path, f"no fix with a position in the file ({kinds} file, {doc.records} record(s)"
                         + (f": {reasons}" if reasons else "") + ")")


def read_fit(path: str, channels: tuple[str, ...] = STORE_CHANNELS) -> FitDocument:
    """Read one FIT file; every failure is a FitError naming the file."""
    try:
        size = os.path.getsize(path)
        if size > MAX_FIT_BYTES:
            raise FitError(path, f"file of {size} bytes is larger than {MAX_FIT_BYTES} bytes: not read")
        with open(path, "rb") as handle:
            # The size it has, not the limit: read(n) reserves n bytes first (half a gigabyte for every file).
            data = handle.read(min(size, MAX_FIT_BYTES) + 1)
    except OSError as exc:
        raise FitError(path, f"cannot read the file: {exc.strerror or exc}") from exc
    return parse_fit_bytes(data, path, channels)

"""The message layer of FIT: one file of a chain walked from definition to data message, then every run of
messages of one definition decoded at once as a numpy structured array.

The walk is the only per-message Python: a table by header byte gives each data message's length, so a
message costs one lookup and one append; runs of messages with the same header (1 Hz records written back to
back) are skipped with one numpy comparison. Decoding happens afterwards, per definition: the messages'
start offsets index the bytes, a structured dtype (the definition's fields at their offsets, in its byte
order) reads every field of every message together. Compressed-timestamp headers are resolved after the walk,
vectorised over the file's timed messages in stream order. Imports only fit_profile.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .fit_profile import BASE_TYPES, FIELD_TIMESTAMP

_RUN_AFTER = 8  # the same header this many times in a row: look for a run with numpy
_RUN_PROBE = 64  # messages compared in the first numpy probe of a run (then 4 times more each time)
_TIMESTAMP_INVALID = 0xFFFFFFFF


@dataclass
class FieldDef:
    number: int
    offset: int  # from the start of the message, header byte included
    size: int
    base: int  # the base type byte as written


@dataclass
class Definition:
    """A definition message: the layout of the data messages of one local type until it is redefined."""

    offset: int  # byte offset of the definition message in the buffer
    local: int
    global_number: int
    big_endian: bool
    size: int  # of each data message, header byte included
    fields: dict[int, FieldDef]  # by field number (the first of duplicates)
    developer_bytes: int
    length: int  # of the definition message itself
    starts: list[int] = field(default_factory=list)  # byte offsets of its data messages, one by one
    runs: list[tuple[int, int]] = field(default_factory=list)  # (offset, count): messages back to back
    _dtype: np.dtype | None = None

    def __len__(self) -> int:
        return len(self.starts) + sum(count for _offset, count in self.runs)

    def offsets(self) -> np.ndarray:
        """Byte offsets of all its data messages, in file order."""
        single = np.asarray(self.starts, dtype=np.int64)
        if not self.runs:
            return single
        parts = [single, *(np.arange(offset, offset + count * self.size, self.size, dtype=np.int64)
                           for offset, count in self.runs)]
        return np.sort(np.concatenate(parts))

    def dtype(self) -> np.dtype:
        """Structured dtype of one whole message: fields named f<number>, arrays as sub-arrays."""
        if self._dtype is None:
            names, formats, offsets = [], [], []
            order = ">" if self.big_endian else "<"
            for f in self.fields.values():
                base = BASE_TYPES.get(f.base & 0x1F)
                if base is None or not base.code or f.size % base.size or f.size == 0:
                    fmt = f"V{f.size}" if f.size else None  # raw bytes: a string, an odd size, an unknown type
                else:
                    count = f.size // base.size
                    fmt = order + base.code if count == 1 else f"({count},){order}{base.code}"
                if fmt is None:
                    continue
                names.append(f"f{f.number}")
                formats.append(fmt)
                offsets.append(f.offset)
            self._dtype = np.dtype({"names": names, "formats": formats, "offsets": offsets,
                                    "itemsize": self.size})
        return self._dtype


@dataclass
class Walk:
    """What the walk over one file's data found."""

    definitions: list[Definition]
    end: int  # where the walk stopped (the data end when it read everything)
    problem: tuple[int, str] | None  # (byte offset, reason) when it stopped early


def _read_definition(buf: bytes, pos: int, end: int, header: int) -> Definition | tuple[int, str]:
    """The definition message at pos, or (offset, reason) when it is cut off or malformed."""
    if pos + 6 > end:
        return pos, f"definition message cut off by the end of the data at byte {end}"
    arch = buf[pos + 2]
    if arch > 1:
        return pos, f"definition message with an invalid architecture byte 0x{arch:02X} (corrupt data)"
    big = arch == 1
    global_number = int.from_bytes(buf[pos + 3: pos + 5], "big" if big else "little")
    count = buf[pos + 5]
    fields_end = pos + 6 + 3 * count
    if fields_end > end:
        return pos, f"definition message cut off by the end of the data at byte {end}"
    fields: dict[int, FieldDef] = {}
    offset = 1
    for k in range(pos + 6, fields_end, 3):
        number, size, base = buf[k], buf[k + 1], buf[k + 2]
        if number not in fields:
            fields[number] = FieldDef(number, offset, size, base)
        offset += size
    developer = 0
    def_end = fields_end
    if header & 0x20:  # developer fields follow: skipped by their declared size, never interpreted
        if fields_end + 1 > end:
            return pos, f"definition message cut off by the end of the data at byte {end}"
        dev_count = buf[fields_end]
        def_end = fields_end + 1 + 3 * dev_count
        if def_end > end:
            return pos, f"definition message cut off by the end of the data at byte {end}"
        developer = sum(buf[k + 1] for k in range(fields_end + 1, def_end, 3))
    return Definition(pos, header & 0x0F, global_number, big, offset + developer, fields, developer, def_end - pos)


def _run_length(arr: np.ndarray, pos: int, size: int, header: int, end: int) -> int:
    """How many messages of `size` bytes, from pos on, start with `header` and end by `end` (at least 1: the
    one at pos). Exact: each such message ends where the next one begins."""
    n, probe = 0, _RUN_PROBE
    while True:
        k = min((end - pos) // size - n, probe)
        if k <= 0:
            return n
        same = arr[pos + n * size: pos + (n + k) * size: size] == header
        if same.all():
            n += k
            probe *= 4
            continue
        return n + int(np.argmin(same))


def walk(buf: bytes, start: int, end: int) -> Walk:
    """Every message between start and end: definitions parsed, data messages' offsets listed by definition.

    Stops at the first message that cannot be read (an undefined local type, a malformed definition, a message
    cut off by the end); everything before it is kept."""
    arr = np.frombuffer(buf, dtype=np.uint8)
    size_of = [0] * 256  # data message length by header byte; 0: a definition or an undefined type
    list_of: list[list[int]] = [[] for _ in range(256)]
    runs_of: list[list[tuple[int, int]]] = [[] for _ in range(256)]
    definitions: list[Definition] = []
    timed_locals: set[int] = set()  # local types 0-3 whose definition has a timestamp field
    pos = start
    previous = -1
    streak = 0
    while pos < end:
        h = buf[pos]
        s = size_of[h]
        if s:
            if pos + s > end:
                return Walk(definitions, pos, (pos, f"message of {s} bytes cut off by the end of the data at "
                                                   f"byte {end}"))
            if h == previous:
                streak += 1
                if streak >= _RUN_AFTER:
                    # A run of one header (1 Hz records back to back): its length by numpy, stored as a range.
                    count = _run_length(arr, pos, s, h, end)
                    runs_of[h].append((pos, count))
                    pos += count * s
                    streak = 0
                    continue
            else:
                streak = 0
            list_of[h].append(pos)
            pos += s
            previous = h
            continue
        previous = -1
        streak = 0
        if h & 0x80:
            local = (h >> 5) & 3
            if local in timed_locals:
                return Walk(definitions, pos, (pos, f"compressed-timestamp header for local type {local}, whose "
                                                   "messages carry their own timestamp (corrupt data)"))
            return Walk(definitions, pos, (pos, f"compressed-timestamp message of local type {local} before any "
                                               "definition of it (corrupt data)"))
        if not h & 0x40:
            return Walk(definitions, pos, (pos, f"data message of local type {h & 0x0F} before any definition "
                                               "of it (corrupt data)"))
        read = _read_definition(buf, pos, end, h)
        if isinstance(read, tuple):
            return Walk(definitions, pos, read)
        definitions.append(read)
        local = read.local
        # Data headers: bit 7 clear, bit 6 clear; bits 4 and 5 are reserved and ignored, as readers do.
        for high in (0x00, 0x10, 0x20, 0x30):
            size_of[high | local] = read.size
            list_of[high | local] = read.starts
            runs_of[high | local] = read.runs
        if local < 4:  # compressed-timestamp headers: 1 LL TTTTT; not for messages with their own timestamp
            timed = FIELD_TIMESTAMP in read.fields
            if timed:
                timed_locals.add(local)
            else:
                timed_locals.discard(local)
            for offset in range(32):
                size_of[0x80 | (local << 5) | offset] = 0 if timed else read.size
                list_of[0x80 | (local << 5) | offset] = read.starts
                runs_of[0x80 | (local << 5) | offset] = read.runs
        pos += read.length
    return Walk(definitions, pos, None)


@dataclass
class Group:
    """The data messages of one definition, decoded: starts, header bytes and the structured rows."""

    definition: Definition
    starts: np.ndarray
    headers: np.ndarray
    rows: np.ndarray

    def column(self, number: int, scale: float = 1.0, offset: float = 0.0) -> np.ndarray:
        """The field as float64 (first element of an array field), NaN where absent or invalid."""
        f = self.definition.fields.get(number)
        n = len(self.starts)
        name = f"f{number}"
        base = BASE_TYPES.get(f.base & 0x1F) if f is not None else None
        if f is None or base is None or name not in self.rows.dtype.names or self.rows.dtype[name].kind == "V":
            return np.full(n, np.nan)  # absent, or bytes of an unknown type or an odd size: no value
        raw = self.rows[name]
        if raw.ndim > 1:
            raw = raw[:, 0]
        if base.code.startswith("f"):
            bits = raw.view(raw.dtype.str.replace("f", "u"))
            bad = bits == base.invalid
            values = raw.astype(np.float64)
            bad |= ~np.isfinite(values)
        else:
            unsigned = raw.view(raw.dtype.str.replace("i", "u")) if base.code.startswith("i") else raw
            bad = unsigned == base.invalid
            values = raw.astype(np.float64)
        if scale != 1.0 or offset != 0.0:
            values = values / scale - offset
        values[bad] = np.nan
        return values

    def raw_uint(self, number: int) -> np.ndarray | None:
        """An unsigned integer field's raw values as int64 (first array element); None if not readable so."""
        f = self.definition.fields.get(number)
        name = f"f{number}"
        if f is None or name not in self.rows.dtype.names:
            return None
        raw = self.rows[name]
        if raw.dtype.kind not in "ui":
            return None
        if raw.ndim > 1:
            raw = raw[:, 0]
        return raw.astype(np.int64) & ((1 << (8 * raw.dtype.itemsize)) - 1)

    def text(self, number: int) -> list[str]:
        """A string field, per message (NUL-terminated UTF-8; empty where absent)."""
        f = self.definition.fields.get(number)
        name = f"f{number}"
        if f is None or name not in self.rows.dtype.names:
            return [""] * len(self.starts)
        out = []
        for value in self.rows[name]:
            # tobytes, not bytes(): bytes() of a numpy integer (a corrupt definition's string field of 1-8 bytes)
            # is that many zero bytes, gigabytes for a large value.
            b = np.asarray(value).tobytes()
            out.append(b.split(b"\0", 1)[0].decode("utf-8", "replace"))
        return out


def decode(buf: bytes, definition: Definition) -> Group:
    """All data messages of one definition as one structured array (no copy when they lie back to back)."""
    arr = np.frombuffer(buf, dtype=np.uint8)
    starts = definition.offsets()
    dtype = definition.dtype()
    n = len(starts)
    if n == 0:
        return Group(definition, starts, np.zeros(0, np.uint8), np.zeros(0, dtype))
    headers = arr[starts]
    size = definition.size
    if n == 1 or (starts[-1] - starts[0] == (n - 1) * size and np.all(np.diff(starts) == size)):
        rows = np.frombuffer(buf, dtype=dtype, count=n, offset=int(starts[0]))
    else:
        rows = arr[starts[:, None] + np.arange(size)].view(dtype).reshape(n)
    return Group(definition, starts, headers, rows)


def resolve_times(groups: list[Group]) -> dict[int, np.ndarray]:
    """FIT timestamps (raw seconds since the FIT epoch, float, NaN where unknown) of every message of the
    given groups, by id(group); compressed-timestamp headers resolved against the last time in stream order."""
    explicit: dict[int, np.ndarray] = {}
    compressed_any = False
    for g in groups:
        raw = g.raw_uint(FIELD_TIMESTAMP)
        times = np.full(len(g.starts), np.nan)
        if raw is not None:
            ok = raw != _TIMESTAMP_INVALID
            times[ok] = raw[ok]
        explicit[id(g)] = times
        if len(g.headers) and (g.headers >= 0x80).any():
            compressed_any = True
    if not compressed_any:
        return explicit
    # Stream order of every message that carries a time or a time offset.
    pos_parts, time_parts, offset_parts, owner_parts = [], [], [], []
    for k, g in enumerate(groups):
        times = explicit[id(g)]
        compressed = g.headers >= 0x80
        take = compressed | ~np.isnan(times)
        if not take.any():
            continue
        pos_parts.append(g.starts[take])
        time_parts.append(np.where(compressed[take], np.nan, times[take]))
        # int64 before -1 joins them: numpy 2 keeps np.where(uint8, -1) in uint8, and -1 wraps to 255 there.
        offset_parts.append(np.where(compressed[take], g.headers[take].astype(np.int64) & 0x1F, -1))
        owner_parts.append(np.column_stack((np.full(int(take.sum()), k), np.flatnonzero(take))))
    pos = np.concatenate(pos_parts)
    order = np.argsort(pos, kind="stable")
    t = np.concatenate(time_parts)[order]
    off = np.concatenate(offset_parts)[order].astype(np.int64)
    owner = np.concatenate(owner_parts)[order]
    is_explicit = off < 0
    low = np.where(is_explicit, np.nan_to_num(t).astype(np.int64) & 0x1F, off)
    previous_low = np.concatenate(([0], low[:-1]))
    delta = np.where(is_explicit, 0, (off - previous_low) & 0x1F).astype(np.float64)
    # Each compressed message adds its rollover-corrected offset to the last time: a cumulative sum that
    # restarts at every explicit time. Messages before the first explicit time have no base: NaN.
    anchors = np.flatnonzero(is_explicit)
    total = np.cumsum(delta)
    if len(anchors):
        chain = np.maximum(np.cumsum(is_explicit) - 1, 0)
        resolved = t[anchors][chain] + (total - total[anchors][chain])
        resolved[: anchors[0]] = np.nan
    else:
        resolved = np.full(len(t), np.nan)
    resolved[is_explicit] = t[is_explicit]
    out = {id(g): explicit[id(g)].copy() for g in groups}
    for k, g in enumerate(groups):
        mine = owner[:, 0] == k
        if mine.any():
            out[id(g)][owner[mine, 1]] = resolved[mine]
    return out

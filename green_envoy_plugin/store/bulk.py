"""Bulk writes into the expedition GeoPackage through sqlite3: millions of fixes in seconds, one transaction.

GDAL creates the tables (store.gpkg.open_store); the rows of an import go straight to SQLite with their
GeoPackage geometry blobs built by numpy. The R-tree insert triggers of a GeoPackage call ST_* functions
that only GDAL registers, so while the import runs they are set aside and the writer fills the R-tree
itself; they come back, unchanged, before the commit. SQLite's DDL is transactional: a failure or a
cancel rolls back rows, R-tree entries and the triggers' removal alike.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
import struct
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime, timezone
from types import TracebackType
from typing import Any

import numpy as np
import numpy.typing as npt

from . import access, rtree

WGS84_SRS_ID = 4326
# From this many new entries on, the R-tree is packed anew rather than grown one insert at a time.
BULK_FROM = 20_000
# Rows of a point table written by one INSERT statement (bounded too by SQLite's limit on parameters).
ROWS_PER_STATEMENT = 100
# GeoPackage binary header: magic, version 0, flags (bit 0 little endian, bits 1-3 envelope type), srs id.
_POINT_HEADER = b"GP\x00\x01" + struct.pack("<i", WGS84_SRS_ID)
_LINE_HEADER = b"GP\x00\x03" + struct.pack("<i", WGS84_SRS_ID)  # with an xy envelope
_POINT_Z = np.dtype([("head", "S8"), ("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8"), ("z", "<f8")])
assert _POINT_Z.itemsize == 37
_POINT_2D = np.dtype([("head", "S8"), ("order", "u1"), ("type", "<u4"), ("x", "<f8"), ("y", "<f8")])
assert _POINT_2D.itemsize == 29


def point_blobs(lon: np.ndarray, lat: np.ndarray, z: np.ndarray | None) -> list[bytes]:
    """GeoPackage blobs of points, built for all points at once: 3D (ISO WKB type 1001) for a table declared
    with Z (fixes, waypoints), 2D (type 1) when z is None, as the table is declared (media, official records):
    GDAL >= 3.7 warns about, and rewrites the declaration of, a 2D table holding 3D points."""
    n = len(lon)
    rows = np.empty(n, dtype=_POINT_Z if z is not None else _POINT_2D)
    rows["head"] = _POINT_HEADER
    rows["order"] = 1
    rows["type"] = 1001 if z is not None else 1
    rows["x"], rows["y"] = lon, lat
    if z is not None:
        rows["z"] = np.nan_to_num(np.asarray(z, dtype=np.float64), nan=0.0)
    raw = rows.tobytes()
    size = rows.dtype.itemsize
    # Slices, not a numpy 'S37' view: numpy would strip the trailing zero bytes of z = 0.0.
    return [raw[i: i + size] for i in range(0, size * n, size)]


def line_zm_blob(lon: np.ndarray, lat: np.ndarray, z: np.ndarray, m: np.ndarray) -> bytes:
    coords = np.empty((len(lon), 4), dtype="<f8")
    coords[:, 0], coords[:, 1] = lon, lat
    coords[:, 2] = np.nan_to_num(np.asarray(z, dtype=np.float64), nan=0.0)
    coords[:, 3] = m
    envelope = struct.pack("<4d", float(np.min(lon)), float(np.max(lon)), float(np.min(lat)), float(np.max(lat)))
    return _LINE_HEADER + envelope + struct.pack("<BII", 1, 3002, len(lon)) + coords.tobytes()


def wkb_of(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (after the header and its optional envelope)."""
    flags = blob[3]
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}.get((flags >> 1) & 0x07, 0)
    return blob[8 + envelope:]


def line_zm_coords(blob: bytes) -> np.ndarray:
    """(n, 4) lon, lat, z, m of a LineStringZM blob."""
    wkb = wkb_of(blob)
    order = "<" if wkb[0] == 1 else ">"
    (gtype, n) = struct.unpack(order + "II", wkb[1:9])
    if gtype != 3002:
        raise ValueError(f"not a LineStringZM (WKB type {gtype})")
    return np.frombuffer(wkb, dtype=order + "f8", offset=9, count=4 * n).reshape(n, 4).astype(np.float64)


def point_xy(blob: bytes) -> tuple[float, float]:
    """lon, lat of a GeoPackage point blob (2D or 3D)."""
    wkb = wkb_of(blob)
    return struct.unpack("<2d" if wkb[0] == 1 else ">2d", wkb[5:21])


def read_rows(gpkg_path: str, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows of a read-only query on the GeoPackage (sqlite3; in WAL mode it reads beside a writer, and a
    read-only store is read too). A missing file, a folder, a CSV or another GeoPackage is a StoreError
    saying so (access.check_store), not SQLite's words."""
    try:
        conn = access.connect_read(gpkg_path)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        access.check_store(gpkg_path)
        raise access.StoreError(f"{gpkg_path}: {exc}") from None


def _none_for_nan(values: np.ndarray) -> list[float | None]:
    out = values.tolist()
    if np.isnan(values).any():
        for i in np.flatnonzero(np.isnan(values)):
            out[i] = None
    return out


def _inline(value: object) -> bool:
    """Whether a column's constant value can be written into the SQL itself: an int, never text (no quoting)."""
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def _point_or_envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a GeoPackage blob: its envelope, or the point it holds."""
    if blob is None or len(blob) < 8:
        return None
    flags = blob[3]
    if flags & 0x10:  # the empty-geometry flag
        return None
    little = "<" if flags & 1 else ">"
    if (flags >> 1) & 0x07:
        return struct.unpack(little + "4d", blob[8:40])
    wkb = wkb_of(blob)
    order = "<" if wkb[0] == 1 else ">"
    x, y = struct.unpack(order + "2d", wkb[5:21])
    return x, x, y, y


def register_gpkg_functions(conn: sqlite3.Connection) -> None:
    """The ST_* functions a GeoPackage's R-tree triggers call on UPDATE, which only GDAL registers: without
    them SQLite cannot even prepare an UPDATE of a feature table."""
    def bound(k: int) -> Callable[[bytes | None], float | None]:
        def value(blob: bytes | None) -> float | None:
            box = _point_or_envelope(blob)
            return None if box is None else box[k]

        return value

    conn.create_function("ST_IsEmpty", 1, lambda g: int(_point_or_envelope(g) is None), deterministic=True)
    for k, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        conn.create_function(name, 1, bound(k), deterministic=True)


class BulkWriter:
    """One import's writes: begin, insert, then commit() or rollback(); also a context manager."""

    GEOMETRY_TABLES = ("tracks", "track_points", "waypoints", "routes", "laps")

    def __init__(self, path: str, tables: tuple[str, ...] = GEOMETRY_TABLES, new_store: bool = False) -> None:
        """`new_store`: the store was created by this very command (see access.connect_write)."""
        self.tables = tables
        self.path = path
        if not access.check_store(path, write=True):
            raise access.StoreError(f"{path}: no such expedition GeoPackage")
        # One writer at a time (the CLI holds the lock the whole command long; here it is taken again).
        self._writing = contextlib.ExitStack()
        self._writing.enter_context(access.writing(path))
        try:
            self.conn = access.connect_write(path, wal=not new_store)
            register_gpkg_functions(self.conn)
            self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB of page cache for the R-tree and indexes
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._writing.close()
            raise access.StoreError(f"{path}: cannot be written ({exc}; is it being edited in QGIS?)") from None
        # SQLite's limit on the parameters of one statement (999 before 3.32, 32766 since).
        getlimit = getattr(self.conn, "getlimit", None)  # Python >= 3.11
        self._max_variables = getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) if getlimit else 999
        self._triggers: list[str] = []
        self._bounds: dict[str, list[float]] = {}
        self._pending: dict[str, list[np.ndarray]] = {}  # per table: chunks of rtree.CELL records
        self._set_aside_insert_triggers()

    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, _value: BaseException | None,
                 _tb: TracebackType | None) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def _set_aside_insert_triggers(self) -> None:
        tables = (*self.tables, "imported_files")
        rows = self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
            f"({', '.join('?' for _ in tables)}) "
            "AND (name LIKE 'rtree_%_insert' OR name LIKE 'trigger_insert_feature_count_%')", tables,
        ).fetchall()
        for name, sql in rows:
            self._triggers.append(sql)
            self.conn.execute(f'DROP TRIGGER "{name}"')

    def _next_fid(self, table: str) -> int:
        (last,) = self.conn.execute(f'SELECT COALESCE(MAX(fid), 0) FROM "{table}"').fetchone()
        (seq,) = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM sqlite_sequence WHERE name = ?",
                                   (table,)).fetchone() or (0,)
        return max(last, seq or 0) + 1

    def _grow_bounds(self, table: str, lon: np.ndarray, lat: np.ndarray) -> None:
        box = [float(np.min(lon)), float(np.min(lat)), float(np.max(lon)), float(np.max(lat))]
        old = self._bounds.get(table)
        self._bounds[table] = box if old is None else [min(old[0], box[0]), min(old[1], box[1]),
                                                       max(old[2], box[2]), max(old[3], box[3])]

    def _index(self, table: str, fids: list[int] | np.ndarray, x0: npt.ArrayLike, x1: npt.ArrayLike, y0: npt.ArrayLike,
               y1: npt.ArrayLike) -> None:
        """Entries for the table's R-tree, written at commit (see _write_indexes); kept as SQLite will store
        them (32-bit boxes rounded outwards), 24 bytes an entry."""
        cells = np.empty(len(fids), dtype=rtree.CELL)
        cells["id"] = fids
        cells["x0"], cells["x1"] = rtree.round_down(x0), rtree.round_up(x1)
        cells["y0"], cells["y1"] = rtree.round_down(y0), rtree.round_up(y1)
        self._pending.setdefault(table, []).append(cells)

    def _write_indexes(self) -> None:
        """Few new entries go in through SQLite's R-tree; many are packed with the existing ones."""
        for table, chunks in self._pending.items():
            name = f"rtree_{table}_geom"
            cells = np.concatenate(chunks).astype(rtree.CELL, copy=False)
            chunks.clear()
            (existing,) = self.conn.execute(f'SELECT COUNT(*) FROM "{name}_rowid"').fetchone()
            if len(cells) >= BULK_FROM and len(cells) * 4 >= existing:
                rtree.bulk_load(self.conn, name, cells)
            else:
                # The float32 bounds are exact in float64, so SQLite stores them unchanged.
                self.conn.executemany(f'INSERT OR REPLACE INTO "{name}" VALUES (?, ?, ?, ?, ?)',
                                      zip(cells["id"].tolist(), cells["x0"].tolist(), cells["x1"].tolist(),
                                          cells["y0"].tolist(), cells["y1"].tolist()))

    # ------------------------------------------------------------------ rows

    def known_files(self) -> dict[str, tuple[int, str]]:
        return {name: (fid, sha) for fid, name, sha in
                self.conn.execute("SELECT fid, file_name, sha256 FROM imported_files")}

    def delete_file(self, file_id: int) -> None:
        for table in self.GEOMETRY_TABLES:
            self.conn.execute(f'DELETE FROM "{table}" WHERE file_id = ?', (file_id,))
        self.conn.execute("DELETE FROM imported_files WHERE fid = ?", (file_id,))

    def add_file(self, values: dict[str, object]) -> int:
        columns = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" for _ in values)
        cursor = self.conn.execute(f"INSERT INTO imported_files ({columns}) VALUES ({marks})", tuple(values.values()))
        fid = cursor.lastrowid
        assert fid is not None  # set by every INSERT
        return fid

    def update_file(self, file_id: int, values: Mapping[str, object]) -> None:
        assignments = ", ".join(f'"{k}" = ?' for k in values)
        self.conn.execute(f"UPDATE imported_files SET {assignments} WHERE fid = ?", (*values.values(), file_id))

    def add_track(self, values: dict[str, object], lon: np.ndarray, lat: np.ndarray, ele: np.ndarray,
                  time: np.ndarray) -> int:
        fid = self._next_fid("tracks")
        columns = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" for _ in values)
        self.conn.execute(f'INSERT INTO tracks (fid, geom, {columns}) VALUES (?, ?, {marks})',
                          (fid, line_zm_blob(lon, lat, ele, time), *values.values()))
        self._index("tracks", [fid], [float(np.min(lon))], [float(np.max(lon))],
                    [float(np.min(lat))], [float(np.max(lat))])
        self._grow_bounds("tracks", lon, lat)
        return fid

    def add_line(self, table: str, lon: np.ndarray, lat: np.ndarray, values: dict[str, object],
                 z: np.ndarray | None = None) -> int:
        """One LineString row (2D, or with z a LineString Z; with an envelope) and its R-tree entry."""
        fid = self._next_fid(table)
        if z is None:
            coords = np.column_stack((lon, lat)).astype("<f8")
        else:
            coords = np.column_stack((lon, lat, np.nan_to_num(np.asarray(z, dtype=np.float64), nan=0.0))).astype("<f8")
        envelope = struct.pack("<4d", float(np.min(lon)), float(np.max(lon)), float(np.min(lat)), float(np.max(lat)))
        blob = _LINE_HEADER + envelope + struct.pack("<BII", 1, 2 if z is None else 1002, len(lon)) + coords.tobytes()
        columns = ", ".join(f'"{k}"' for k in values)
        marks = ", ".join("?" for _ in values)
        self.conn.execute(f'INSERT INTO "{table}" (fid, geom, {columns}) VALUES (?, ?, {marks})',
                          (fid, blob, *values.values()))
        self._index(table, [fid], [float(np.min(lon))], [float(np.max(lon))], [float(np.min(lat))],
                    [float(np.max(lat))])
        self._grow_bounds(table, lon, lat)
        return fid

    def add_points(self, table: str, lon: np.ndarray, lat: np.ndarray, ele: np.ndarray | None,
                   columns: Mapping[str, object]) -> None:
        """Rows of a point table; a column is an array (one value per point, NaN for NULL) or a constant;
        ele None for a table declared 2D."""
        n = len(lon)
        if n == 0:
            return
        # Columns with no value at all stay NULL by default: fewer parameters to bind per row.
        columns = {k: v for k, v in columns.items()
                   if not (isinstance(v, np.ndarray) and v.dtype.kind == "f" and np.isnan(v).all())}
        start = self._next_fid(table)
        fids = list(range(start, start + n))
        names = ", ".join(f'"{k}"' for k in columns)
        # A whole-number constant (the track's and the file's ids) is written into the statement: each value bound
        # per row costs, and a million fixes bind a million times (a quarter of the insert's time).
        marks = ", ".join(str(int(v)) if _inline(v) else "?" for v in columns.values())  # type: ignore[call-overload]
        values: list[Iterable[object]] = []
        for value in columns.values():
            if _inline(value):
                continue
            if isinstance(value, np.ndarray) and value.dtype.kind == "f":
                values.append(_none_for_nan(value))
            elif isinstance(value, list | np.ndarray):
                values.append(list(value))
            else:
                values.append(itertools.repeat(value, n))
        placed = ~(np.isnan(lon) | np.isnan(lat))
        blobs: list[bytes | None] = list(point_blobs(np.where(placed, lon, 0.0), np.where(placed, lat, 0.0), ele))
        if not placed.all():
            for i in np.flatnonzero(~placed):
                blobs[i] = None  # no position (yet): a row without geometry, kept for its reasons
        self._insert_rows(f'INSERT INTO "{table}" (fid, geom, {names}) VALUES ', f"(?, ?, {marks})",
                          zip(fids, blobs, *values), n, 2 + len(values))
        if placed.any():
            x, y = lon[placed], lat[placed]
            self._index(table, np.asarray(fids)[placed], x, x, y, y)
            self._grow_bounds(table, x, y)

    def _insert_rows(self, head: str, row: str, rows: Iterable[tuple[object, ...]], n: int, width: int) -> None:
        """Many rows a statement (`head` + `row` repeated): each execution of a statement costs on its own (an
        AUTOINCREMENT table's sqlite_sequence is written at its end), and row by row a million fixes ran a
        million of them: half of the insert's time."""
        per = max(1, min(ROWS_PER_STATEMENT, self._max_variables // width))
        flat = itertools.chain.from_iterable(rows)
        full = n // per * per
        if full:
            sql = head + ", ".join([row] * per)
            self.conn.executemany(sql, (tuple(itertools.islice(flat, per * width)) for _ in range(full // per)))
        if n > full:
            self.conn.execute(head + ", ".join([row] * (n - full)), tuple(flat))

    def delete_rows(self, table: str, fids: list[int]) -> None:
        self.conn.executemany(f'DELETE FROM "{table}" WHERE fid = ?', ((f,) for f in fids))

    # ------------------------------------------------------------------ end

    def commit(self) -> None:
        """Everything written, or (on any failure, a full disk included) nothing: a StoreError then."""
        try:
            self._finish()
            self.conn.execute("COMMIT")
        except BaseException as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise access.StoreError(f"{self.path}: nothing written ({exc})") from None
            raise
        finally:
            self._close()

    def _finish(self) -> None:
        self._write_indexes()
        for sql in self._triggers:
            self.conn.execute(sql)
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
        for table in (*self.tables, "imported_files"):
            self.conn.execute(
                f'UPDATE gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM "{table}") '
                "WHERE lower(table_name) = lower(?)", (table,))
        for table, (x0, y0, x1, y1) in self._bounds.items():
            self.conn.execute(
                "UPDATE gpkg_contents SET min_x = min(coalesce(min_x, ?), ?), min_y = min(coalesce(min_y, ?), ?), "
                "max_x = max(coalesce(max_x, ?), ?), max_y = max(coalesce(max_y, ?), ?), last_change = ? "
                "WHERE table_name = ?", (x0, x0, y0, y0, x1, x1, y1, y1, now, table))

    def rollback(self) -> None:
        try:
            with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back already (a full disk)
                self.conn.execute("ROLLBACK")
        finally:
            self._close()

    def _close(self) -> None:
        try:
            self.conn.close()
        finally:
            self._writing.close()


def read_track_rows(path: str, timeless: bool = False) -> list[tuple[int, str, np.ndarray]]:
    """(fid, day, coords (n, 4)) of every stored track with times, in time order, read straight from SQLite;
    with `timeless`, the parts without time too (their m is NaN, their day None), after the timed ones."""
    where = "" if timeless else " AND start_time IS NOT NULL"
    rows = [(fid, day, line_zm_coords(geom)) for fid, day, geom in
            read_rows(path, f"SELECT fid, day, geom FROM tracks WHERE geom IS NOT NULL{where}")]
    rows.sort(key=lambda r: r[2][0, 3] if len(r[2]) and not np.isnan(r[2][0, 3]) else np.inf)
    return rows

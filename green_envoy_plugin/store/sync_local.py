"""The expedition GeoPackage's side of a sync with the shared store: its findings as the merge sees them, the
base of each (version and values at the last sync, per shared store, in `sync_bases`), its conflicts
(`finding_conflicts`) and its identity (`sync_state`: a store_id of its own).

The base lives beside the findings, not in them: a finding deleted in QGIS leaves its base behind, which is how
the next sync knows it was deleted here (and sends a tombstone) rather than never shared.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import uuid
from datetime import datetime, timezone

import numpy as np
from osgeo import ogr

from ..core.merge import COMPUTED_FIELDS, SHARED_FIELDS, Action, Base, Shared, Values, normalise
from . import access, gpkg
from .bulk import point_blobs, point_xy, register_gpkg_functions

_READ = ("observed_at", "category", "case_type", "severity", "concerns", "settlement", "description", "source")


def origin(gpkg_path: str) -> str:
    return f"{socket.gethostname()}:{os.path.realpath(gpkg_path)}"


def now_utc() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


SYNC_TABLES = ("sync_state", "sync_bases", "finding_conflicts")


def prepare(gpkg_path: str) -> None:
    """The store checked, and its sync tables made where missing (GDAL: the GeoPackage's own bookkeeping); a field
    this version added to them is added too (a store of the same schema version made before it lacks it)."""
    ds = gpkg.open_store(gpkg_path)
    ds = None  # noqa: F841 - closes it
    with access.writing(gpkg_path):
        conn = access.connect_write(gpkg_path)
        try:
            for table in SYNC_TABLES:
                present = {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}
                for name, kind in gpkg.SCHEMA[table][1]:
                    if name not in present:
                        sql_type = "INTEGER" if kind == ogr.OFTInteger else "TEXT"
                        conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{name}" {sql_type}')
        finally:
            conn.close()


class LocalFinding:
    def __init__(self, fid: int, values: Values, computed: dict[str, object], raw: tuple[object, ...]) -> None:
        self.fid, self.values, self.computed, self.raw = fid, values, computed, raw


def _select(conn: sqlite3.Connection) -> str:
    present = {row[1] for row in conn.execute('PRAGMA table_info("findings")')}
    computed = [c for c in COMPUTED_FIELDS if c in present]
    return f"SELECT fid, finding_id, geom, {', '.join(_READ)}{''.join(', ' + c for c in computed)} FROM findings"


def _local(rows: list[tuple[object, ...]], names: list[str], left: list[str]) -> dict[str, LocalFinding]:
    out: dict[str, LocalFinding] = {}
    for row in rows:
        fid, finding_id, geom = row[0], row[1], row[2]
        if not finding_id or str(finding_id) in out:
            # a row without id cannot be shared; a second row of one id stays local: both said
            left.append(f"feature {fid}: " + (f"a second row of finding {finding_id}" if finding_id else
                                               "no finding_id") + "; not shared")
            continue
        values: dict[str, object] = dict(zip(_READ, row[3:3 + len(_READ)]))
        if isinstance(geom, bytes) and len(geom) > 8 and not geom[3] & 0x10:
            values["lon"], values["lat"] = point_xy(geom)
        computed = dict(zip(names[3 + len(_READ):], row[3 + len(_READ):]))
        out[str(finding_id)] = LocalFinding(int(str(fid)), normalise(values), computed, tuple(row))
    return out


def read_local(gpkg_path: str, remote_id: str,
               left: list[str] | None = None) -> tuple[str, dict[str, LocalFinding], dict[str, Base]]:
    """(this store's id, its findings, their bases for this shared store); rows that cannot be shared are
    named in `left`."""
    conn = access.connect_read(gpkg_path)
    try:
        sql = _select(conn)
        names = [n.strip() for n in sql[len("SELECT "):sql.index(" FROM ")].split(",")]
        local = _local(conn.execute(sql).fetchall(), names, left if left is not None else [])
        bases = {finding_id: Base(int(version), json.loads(base)) for finding_id, version, base in conn.execute(
            "SELECT finding_id, row_version, base FROM sync_bases WHERE remote_id = ?", (remote_id,))}
        row = conn.execute("SELECT store_id, origin FROM sync_state WHERE store_id IS NOT NULL LIMIT 1").fetchone()
    finally:
        conn.close()
    # A copy of the store (given to a colleague, or moved) publishes as a store of its own, not over the original's
    # published tracks; its bases stay valid: they describe what it holds.
    known = row[0] if row and row[1] == origin(gpkg_path) else ""
    return known, local, bases


def _set_values(values: Values) -> dict[str, object]:
    return {name: (None if values.get(name) in ("", None) and name not in ("category",) else values.get(name))
            for name in _READ}


class LocalWriter:
    """The sync's writes into the GeoPackage, in one SQLite transaction (under the store's writer lock)."""

    def __init__(self, gpkg_path: str, remote_id: str, who: str) -> None:
        self.path, self.remote_id, self.who = gpkg_path, remote_id, who
        try:
            self.conn = access.connect_write(gpkg_path)
            register_gpkg_functions(self.conn)
            self.conn.execute("BEGIN IMMEDIATE")  # waits access.BUSY_TIMEOUT_S for a save in QGIS to end
        except sqlite3.Error as exc:
            raise access.StoreError(f"{gpkg_path}: cannot be written now ({exc}: is QGIS saving edits of its "
                                    "layers?); nothing was synced, try again") from None
        self.skipped: list[str] = []
        self.now = now_utc()

    def store_id(self, known: str, remote: str) -> str:
        store_id = known or str(uuid.uuid4())
        self.conn.execute("DELETE FROM sync_state")
        self.conn.execute("INSERT INTO sync_state (store_id, remote_id, remote, last_sync_at, last_sync_by, origin) "
                          "VALUES (?, ?, ?, ?, ?, ?)", (store_id, self.remote_id, remote, self.now, self.who,
                                                        origin(self.path)))
        return store_id

    def _unchanged(self, finding_id: str, seen: LocalFinding | None) -> bool:
        """The finding as the sync read it (QGIS may have saved an edit of it since: then it is left alone,
        and the next sync sees that edit)."""
        sql = _select(self.conn) + " WHERE finding_id = ? ORDER BY fid LIMIT 1"
        row = self.conn.execute(sql, (finding_id,)).fetchone()
        if seen is None:
            return row is None
        return row is not None and tuple(row) == seen.raw

    def apply(self, action: Action, seen: LocalFinding | None, shared: Shared | None,
              new_version: int | None) -> None:
        kind = action.kind
        if kind in ("pull_insert", "pull_update", "pull_delete", "merge") and not self._unchanged(
                action.finding_id, seen):
            self.skipped.append(action.finding_id)
            return
        values = action.values
        if kind == "pull_insert" and values is not None:
            computed = {k: v for k, v in (shared.computed if shared else {}).items() if v is not None}
            row = {"finding_id": action.finding_id, **_set_values(values), **computed}
            columns = list(row)
            blob = self._point(values)
            self.conn.execute(f"INSERT INTO findings (geom, {', '.join(columns)}) VALUES "
                              f"(?, {', '.join('?' for _ in columns)})", (blob, *row.values()))
        elif kind in ("pull_update", "merge") and values is not None:
            sets = _set_values(values)
            self.conn.execute(f"UPDATE findings SET geom = ?, {', '.join(f'{k} = ?' for k in sets)} "
                              "WHERE finding_id = ?", (self._point(values), *sets.values(), action.finding_id))
        elif kind == "pull_delete":
            self.conn.execute("DELETE FROM findings WHERE finding_id = ?", (action.finding_id,))
        if kind in ("pull_delete", "forget", "push_delete"):
            self.conn.execute("DELETE FROM sync_bases WHERE remote_id = ? AND finding_id = ?",
                              (self.remote_id, action.finding_id))
        elif kind not in {"conflict", "none"} and values is not None and new_version is not None:
            self.base(action.finding_id, new_version, values)

    @staticmethod
    def _point(values: Values) -> bytes | None:
        if values.get("lon") is None or values.get("lat") is None:
            return None
        return point_blobs(np.array([values["lon"]], dtype=float), np.array([values["lat"]], dtype=float), None)[0]

    def base(self, finding_id: str, version: int, values: Values) -> None:
        self.conn.execute("DELETE FROM sync_bases WHERE remote_id = ? AND finding_id = ?",
                          (self.remote_id, finding_id))
        self.conn.execute("INSERT INTO sync_bases (remote_id, finding_id, row_version, base, synced_at) "
                          "VALUES (?, ?, ?, ?, ?)", (self.remote_id, finding_id, version,
                                                     json.dumps({k: values.get(k) for k in SHARED_FIELDS}),
                                                     self.now))

    def conflict(self, action: Action, mine: Values | None, shared: Shared | None) -> None:
        self.conn.execute("DELETE FROM finding_conflicts WHERE remote_id = ? AND finding_id = ? AND status = 'open'",
                          (self.remote_id, action.finding_id))
        self.conn.execute(
            "INSERT INTO finding_conflicts (finding_id, remote_id, kind, fields, local_values, shared_values, "
            "shared_version, shared_by, shared_at, detected_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')",
            (action.finding_id, self.remote_id, action.conflict, ", ".join(action.fields), json.dumps(mine),
             json.dumps(None if shared is None else shared.values), None if shared is None else shared.version,
             None if shared is None else shared.by, None if shared is None else shared.at, self.now))

    def close_conflicts(self, still_open: set[str]) -> None:
        rows = self.conn.execute("SELECT fid, finding_id FROM finding_conflicts WHERE remote_id = ? AND "
                                 "status = 'open'", (self.remote_id,)).fetchall()
        for fid, finding_id in rows:
            if finding_id not in still_open:
                self.conn.execute("UPDATE finding_conflicts SET status = 'resolved', resolved_at = ? WHERE fid = ?",
                                  (self.now, fid))

    def commit(self) -> None:
        try:
            self.conn.execute("UPDATE gpkg_ogr_contents SET feature_count = (SELECT COUNT(*) FROM findings) "
                              "WHERE lower(table_name) = 'findings'")
            self.conn.execute("COMMIT")
        finally:
            self.conn.close()

    def rollback(self) -> None:
        try:
            self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        finally:
            self.conn.close()

"""The shared expedition store in PostgreSQL/PostGIS: several envoys and report authors on one database.

Same findings fields as the GeoPackage, in a schema (`green_envoy` unless the connection says `schema=`), created
and upgraded by numbered migrations recorded in `<schema>.schema_migrations`. Every statement is parameterised.

One versioned protocol for every writer: a finding carries a row_version that the database's trigger raises on
every change of an entered field, whoever makes it (the plugin's steps, QGIS's editing, plain SQL). A change
applies only to the version it was based on: the steps update `WHERE row_version = <read>`, QGIS's layers claim
the version they read (a negative row_version for an edit, a row of `delete_claims` for a delete) and the trigger
refuses a stale one, naming who changed it when. A delete leaves a tombstone (version and last values), so that
other stores learn of it and nothing is lost. What cannot be applied is a row of `finding_conflicts`, kept until
resolved. Writers of findings (sync, import) take one advisory lock per schema, inside their one transaction.
"""

from __future__ import annotations

import getpass
import json
import socket
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from ..core.categories import CASE_TYPES, CATEGORIES, CONCERNS
from ..core.findings import Finding
from ..core.merge import COMPUTED_FIELDS, Shared, normalise
from ..errors import StepError
from . import pg_schema
from .pg_connection import ConnectionRef, parse, with_credentials

if TYPE_CHECKING:  # psycopg2 is optional: imported at run time only where a database is used
    from psycopg2.extensions import connection, cursor

SCHEMA = pg_schema.DEFAULT_SCHEMA
T = TypeVar("T")
LOCK_WAIT_S = 600
ROW_WAIT_S = 15.0


class ConflictError(StepError):
    """Somebody else changed the row since it was read."""


class PostgisError(StepError):
    """The database refused or failed; the message holds no secret of the connection."""


def who_am_i() -> str:
    """The person named in versions and conflicts: GREEN_ENVOY_USER, else user@host."""
    import os

    name = os.environ.get("GREEN_ENVOY_USER", "").strip()
    if name:
        return name[:60]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return f"{user}@{socket.gethostname()}"[:60]


def _psycopg2() -> Any:
    try:
        import psycopg2
    except ImportError:
        raise StepError("PostgreSQL needs psycopg2 (QGIS ships it; Debian: python3-psycopg2)") from None
    return psycopg2


def connect(ref: ConnectionRef, application: str = "green_envoy") -> connection:
    psycopg2 = _psycopg2()
    try:
        return psycopg2.connect(ref.libpq(), application_name=application[:63], connect_timeout=20)
    except psycopg2.Error as exc:
        lines = str(exc).strip().splitlines()
        reason = ref.scrub(lines[0] if lines else type(exc).__name__)
        raise PostgisError(f"cannot connect to the shared store {ref.label()} ({reason})") from None


class PostgisStore:
    """One connection to the shared store. `who` names this writer in versions and conflicts."""

    def __init__(self, connection_ref: str | ConnectionRef, who: str = "", command: str = "green_envoy") -> None:
        self.ref = with_credentials(parse(connection_ref))
        self.schema = self.ref.schema
        self.who = who or who_am_i()
        self.conn = connect(self.ref, f"green_envoy {command} by {self.who}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgisStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def failing_as_step_errors(self, what: str) -> Iterator[None]:
        """psycopg2's errors as one line naming the store and what was being done, without secrets."""
        psycopg2 = _psycopg2()
        try:
            yield
        except psycopg2.Error as exc:
            text = (getattr(exc, "pgerror", None) or str(exc) or type(exc).__name__).strip().splitlines()
            reason = self.ref.scrub(text[0] if text else type(exc).__name__).removeprefix("ERROR:").strip()
            raise PostgisError(f"{self.ref.label()}: {what} failed, nothing was written ({reason})") from None

    # ---------------------------------------------------------------------------------------- schema

    def version(self) -> int:
        with self.failing_as_step_errors("reading the schema version"), self.conn, self.conn.cursor() as cur:
            return pg_schema.version(cur, self.schema)

    def migrate(self) -> list[int]:
        """Apply the migrations this database has not seen, in one transaction, under a lock, so that two
        plugins starting at once do not migrate twice."""
        with self.failing_as_step_errors("creating or upgrading the schema"), self.conn, self.conn.cursor() as cur:
            applied = pg_schema.migrate(cur, self.schema)
            self._fill_code_lists(cur)
        return applied

    def _fill_code_lists(self, cur: cursor) -> None:
        rows = [("category", k, v[0]) for k, v in CATEGORIES.items()]
        rows += [("case_type", k, v) for k, v in CASE_TYPES.items()]
        rows += [("concerns", k, v) for k, v in CONCERNS.items()]
        cur.executemany(f"INSERT INTO {self.schema}.code_lists (list, key, label) VALUES (%s, %s, %s) "
                        "ON CONFLICT (list, key) DO UPDATE SET label = EXCLUDED.label", rows)

    def store_id(self, cur: cursor) -> str:
        cur.execute(f"SELECT id::text FROM {self.schema}.store_info LIMIT 1")
        return str(cur.fetchone()[0])

    # ------------------------------------------------------------------------------ one writer at a time

    def begin_writing(self, cur: cursor, via: str, wait: bool = True, wait_s: float = LOCK_WAIT_S,
                      notice: Callable[[str], None] | None = None) -> None:
        """Inside the caller's transaction: name this writer for the trigger (who, and through what), then take
        the schema's writer lock (released by commit or rollback, or by the server when the client dies). If
        another writer holds it: say who, since when, and wait (or, with wait=False, refuse)."""
        cur.execute("SELECT set_config('green_envoy.user', %s, true), set_config('green_envoy.via', %s, true)",
                    (self.who, via))
        key = pg_schema.lock_key(self.schema)
        cur.execute("SELECT pg_try_advisory_xact_lock(%s, %s)", key)
        if cur.fetchone()[0]:
            self._row_wait(cur)
            return
        holder = self.lock_holder(cur)
        if not wait:
            raise PostgisError(f"{self.ref.label()}: {holder} is running; try again when it has finished")
        if notice is not None:
            notice(f"{holder} is running; waiting for it to finish…")
        cur.execute("SELECT set_config('lock_timeout', %s, true)", (f"{int(wait_s * 1000)}ms",))
        psycopg2 = _psycopg2()
        try:
            cur.execute("SELECT pg_advisory_xact_lock(%s, %s)", key)
        except psycopg2.errors.LockNotAvailable:
            raise PostgisError(f"{self.ref.label()}: gave up after {wait_s:.0f} s waiting while {holder} "
                               "was running") from None
        self._row_wait(cur)

    @staticmethod
    def _row_wait(cur: cursor) -> None:
        """A finding locked by someone else's open transaction (QGIS editing in a transaction group) is waited for
        this long, then that finding alone is reported and left for the next run (see `attempt`)."""
        cur.execute("SELECT set_config('lock_timeout', %s, true)", (f"{int(ROW_WAIT_S * 1000)}ms",))

    def lock_holder(self, cur: cursor) -> str:
        """'a sync by alice@laptop (since 12:03:10)', from the lock holder's application name."""
        first, second = pg_schema.lock_key(self.schema)
        cur.execute("SELECT a.application_name, a.usename, to_char(a.xact_start, 'HH24:MI:SS') FROM pg_locks l "
                    "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                    "AND l.classid::integer = %s AND l.objid::integer = %s AND l.objsubid = 2 "
                    "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())",
                    (first, second))
        row = cur.fetchone()
        if row is None:
            return "another writer"
        application, user, since = row
        name = (application or "").removeprefix("green_envoy ").strip() or f"a session of {user}"
        if name.startswith("sync-postgis by "):
            name = "a sync by " + name.removeprefix("sync-postgis by ")
        elif name.startswith("import-findings by "):
            name = "an import of findings by " + name.removeprefix("import-findings by ")
        return f"{name} (since {since})" if since else name

    # ------------------------------------------------------------------------------------ findings

    def read_shared(self, cur: cursor) -> dict[str, Shared]:
        """Every finding of the shared store, live or a tombstone, by finding_id."""
        s = self.schema
        cur.execute(f"SELECT finding_id, row_version, updated_by, to_char(updated_at AT TIME ZONE 'UTC', "
                    "'YYYY-MM-DD HH24:MI:SS'), via, extract(epoch FROM observed_at), category, case_type, severity, "
                    f"concerns, settlement, description, source, ST_X(geom), ST_Y(geom), "
                    f"{', '.join(COMPUTED_FIELDS)} FROM {s}.findings")
        out = {}
        for row in cur.fetchall():
            values = dict(zip(("observed_at", "category", "case_type", "severity", "concerns", "settlement",
                               "description", "source", "lon", "lat"), row[5:15]))
            if values["observed_at"] is not None:
                values["observed_at"] = float(values["observed_at"])
            out[row[0]] = Shared(row[1], normalise(values), row[2], row[3], row[4] or "",
                                 dict(zip(COMPUTED_FIELDS, row[15:])))
        cur.execute(f"SELECT finding_id, row_version, deleted_by, to_char(deleted_at AT TIME ZONE 'UTC', "
                    f"'YYYY-MM-DD HH24:MI:SS'), via FROM {s}.finding_tombstones")
        for finding_id, version, by, at, via in cur.fetchall():
            out.setdefault(finding_id, Shared(version, None, by, at, via or ""))
        return out

    def insert_finding(self, cur: cursor, finding_id: str, values: dict[str, object],
                       computed: dict[str, object] | None = None) -> int:
        computed = {k: v for k, v in (computed or {}).items() if k in COMPUTED_FIELDS and v not in (None, "")}
        names = ["finding_id", *self._columns(values), *computed]
        cur.execute(f"INSERT INTO {self.schema}.findings ({', '.join(n for n in names)}, geom) "
                    f"VALUES ({', '.join(['%s'] * len(names))}, ST_SetSRID(ST_MakePoint(%s, %s), 4326)) "
                    "RETURNING row_version",
                    (finding_id, *self._values(values), *computed.values(), values["lon"], values["lat"]))
        return int(cur.fetchone()[0])

    def update_if(self, cur: cursor, finding_id: str, values: dict[str, object], expected: int) -> int | None:
        """The entered fields set to `values` if the shared version still is `expected`: the new version, or
        None when somebody changed or deleted the finding in the meantime."""
        names = self._columns(values)
        cur.execute(f"UPDATE {self.schema}.findings SET {', '.join(f'{n} = %s' for n in names)}, "
                    "geom = ST_SetSRID(ST_MakePoint(%s, %s), 4326) WHERE finding_id = %s AND row_version = %s "
                    "RETURNING row_version",
                    (*self._values(values), values["lon"], values["lat"], finding_id, expected))
        row = cur.fetchone()
        return None if row is None else int(row[0])

    def delete_if(self, cur: cursor, finding_id: str, expected: int) -> bool:
        cur.execute(f"DELETE FROM {self.schema}.findings WHERE finding_id = %s AND row_version = %s",
                    (finding_id, expected))
        return cur.rowcount == 1

    def attempt(self, cur: cursor, work: Callable[[], T]) -> tuple[T | None, str]:
        """`work` inside a savepoint: (its result, ""), or (None, the database's reason) with its writes undone
        and the transaction going on, so that one finding the database refuses does not stop the others."""
        psycopg2 = _psycopg2()
        cur.execute("SAVEPOINT green_envoy_item")
        try:
            result = work()
        except psycopg2.Error as exc:
            cur.execute("ROLLBACK TO SAVEPOINT green_envoy_item")
            if isinstance(exc, psycopg2.errors.UniqueViolation):
                return None, "created in the shared store meanwhile"
            if isinstance(exc, psycopg2.errors.LockNotAvailable):
                return None, f"being edited by another session for over {ROW_WAIT_S:.0f} s (QGIS in a transaction?)"
            text = (getattr(exc, "pgerror", None) or str(exc) or type(exc).__name__).strip().splitlines()
            reason = self.ref.scrub(text[0] if text else type(exc).__name__).removeprefix("ERROR:").strip()
            return None, f"refused by the shared store ({reason})"
        cur.execute("RELEASE SAVEPOINT green_envoy_item")
        return result, ""

    @staticmethod
    def _columns(values: dict[str, object]) -> list[str]:
        return ["observed_at", "category", "case_type", "severity", "concerns", "settlement", "description",
                "source"]

    @staticmethod
    def _values(values: dict[str, object]) -> list[object]:
        return [values.get("observed_at"), values.get("category"), values.get("case_type") or "other",
                values.get("severity") or 3, values.get("concerns") or None, values.get("settlement") or None,
                values.get("description") or None, values.get("source") or None]

    def record_conflict(self, cur: cursor, finding_id: str, kind: str, fields: Iterable[str],
                        shared: Shared | None, other_values: dict[str, object] | None, other: str) -> None:
        """A conflict kept in the shared store: one open row per finding and other side, brought up to date."""
        s = self.schema
        shared_values = None if shared is None else shared.values
        cur.execute(f"DELETE FROM {s}.finding_conflicts WHERE finding_id = %s AND other = %s AND status = 'open'",
                    (finding_id, other))
        cur.execute(f"INSERT INTO {s}.finding_conflicts (finding_id, kind, fields, shared_version, shared_by, "
                    "shared_at, shared_values, other, other_by, other_values) VALUES (%s, %s, %s, %s, %s, %s, %s, "
                    "%s, %s, %s)",
                    (finding_id, kind, ", ".join(fields), None if shared is None else shared.version,
                     None if shared is None else shared.by, None if shared is None else shared.at or None,
                     json.dumps(shared_values), other, self.who, json.dumps(other_values)))

    def close_conflicts(self, cur: cursor, other: str, still_open: set[str]) -> int:
        """Conflicts of `other` that this run no longer found: marked resolved."""
        cur.execute(f"UPDATE {self.schema}.finding_conflicts SET status = 'resolved', resolved_at = now(), "
                    "resolved_by = %s WHERE other = %s AND status = 'open' AND NOT (finding_id = ANY(%s))",
                    (self.who, other, list(still_open)))
        return cur.rowcount

    def open_conflicts(self) -> list[dict[str, Any]]:
        with self.failing_as_step_errors("reading the conflicts"), self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id, kind, fields, shared_by, shared_at, other, other_by, detected_at "
                        f"FROM {self.schema}.finding_conflicts WHERE status = 'open' ORDER BY finding_id")
            keys = ("finding_id", "kind", "fields", "shared_by", "shared_at", "other", "other_by", "detected_at")
            return [dict(zip(keys, row)) for row in cur.fetchall()]

    # ------------------------------------------------------------ single findings (tests, the QGIS adapter)

    def read_finding(self, finding_id: str) -> dict[str, Any] | None:
        with self.failing_as_step_errors("reading a finding"), self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id, category, case_type, severity, description, region, row_version, "
                        f"updated_by, ST_X(geom), ST_Y(geom), via FROM {self.schema}.findings WHERE finding_id = %s",
                        (finding_id,))
            row = cur.fetchone()
        if row is None:
            return None
        keys = ("finding_id", "category", "case_type", "severity", "description", "region", "row_version",
                "updated_by", "lon", "lat", "via")
        return dict(zip(keys, row))

    EDITABLE = ("category", "case_type", "severity", "concerns", "settlement", "description", "source", "region")

    def update_finding(self, finding_id: str, changes: dict[str, object], read_version: int) -> int:
        """Apply the changes if nobody changed the finding since read_version; the new version, or a
        ConflictError saying who changed it and when."""
        unknown = set(changes) - set(self.EDITABLE)
        if unknown:
            raise StepError(f"not editable: {', '.join(sorted(unknown))}")
        assignments = ", ".join(f"{name} = %s" for name in changes)  # names from EDITABLE only
        with self.failing_as_step_errors(f"changing finding {finding_id}"), self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT set_config('green_envoy.user', %s, true)", (self.who,))
            cur.execute(f"UPDATE {self.schema}.findings SET {assignments} WHERE finding_id = %s AND row_version = %s "
                        "RETURNING row_version", (*changes.values(), finding_id, read_version))
            row = cur.fetchone()
            if row is not None:
                return int(row[0])
            cur.execute(f"SELECT row_version, updated_by, updated_at FROM {self.schema}.findings "
                        "WHERE finding_id = %s", (finding_id,))
            now = cur.fetchone()
        if now is None:
            raise ConflictError(f"finding {finding_id} was deleted by someone else")
        raise ConflictError(f"finding {finding_id} was changed by {now[1]} at {now[2]:%Y-%m-%d %H:%M:%S} "
                            f"(version {now[0]}, you edited version {read_version}); reload it and edit again")

    def finding_ids(self) -> set[str]:
        with self.failing_as_step_errors("reading the findings"), self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id FROM {self.schema}.findings")
            return {r[0] for r in cur.fetchall()}

    def read_findings(self) -> list[Finding]:
        with self.failing_as_step_errors("reading the findings"), self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id, ST_X(geom), ST_Y(geom), category, extract(epoch FROM observed_at), "
                        f"case_type, severity, coalesce(concerns, ''), coalesce(settlement, ''), "
                        f"coalesce(description, ''), coalesce(source, '') FROM {self.schema}.findings "
                        "WHERE geom IS NOT NULL ORDER BY finding_id")
            rows = cur.fetchall()
        return [Finding(r[0], r[1], r[2], r[3], None if r[4] is None else float(r[4]), r[5], r[6], r[7], r[8],
                        r[9], r[10]) for r in rows]

    TABLES = ("findings", "media", "code_lists", "tracks", "track_points", "regions", "waypoints",
              "finding_tombstones", "finding_conflicts", "imported_files", "official_unreported", "delete_claims")

    def count(self, table: str, where: str = "") -> int:
        if table not in self.TABLES or where not in ("", "status = 'open'"):
            raise StepError(f"unknown table {table}")
        with self.failing_as_step_errors(f"counting {table}"), self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT count(*) FROM {self.schema}.{table}" + (f" WHERE {where}" if where else ""))
            return int(cur.fetchone()[0])

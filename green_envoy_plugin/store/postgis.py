"""The shared expedition store in PostgreSQL/PostGIS: several envoys and report authors on one database.

Same tables and fields as the GeoPackage (schema `green_envoy`), created and upgraded by numbered
migrations recorded in `green_envoy.schema_migrations`. Every statement is parameterised. Edits cannot
overwrite each other silently: each finding carries a row_version that a trigger raises on every update
(whoever makes it, the plugin or QGIS's own editing), and the plugin's updates only apply to the version
they read, so the second of two concurrent edits fails with a ConflictError naming who changed it when.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..core.categories import CASE_TYPES, CATEGORIES, CONCERNS
from ..core.findings import Finding
from ..errors import StepError

if TYPE_CHECKING:  # psycopg2 is optional: imported at run time only where a database is used
    from psycopg2.extensions import connection, cursor

SCHEMA = "green_envoy"


class ConflictError(StepError):
    """Somebody else changed the row since it was read."""


def _codes(values: Iterable[str]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)  # constants of the code, not user input


MIGRATIONS: list[tuple[int, str]] = [
    (1, f"""
CREATE TABLE {SCHEMA}.findings (
    fid serial PRIMARY KEY,
    finding_id text NOT NULL UNIQUE,
    observed_at timestamptz,
    category text NOT NULL CHECK (category IN ({_codes(CATEGORIES)})),
    case_type text NOT NULL DEFAULT 'other' CHECK (case_type IN ({_codes(CASE_TYPES)})),
    severity integer NOT NULL DEFAULT 3 CHECK (severity BETWEEN 1 AND 5),
    concerns text,
    settlement text,
    description text,
    source text,
    region text,
    geom geometry(Point, 4326),
    row_version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user
);
CREATE INDEX findings_geom_idx ON {SCHEMA}.findings USING gist (geom);
CREATE TABLE {SCHEMA}.code_lists (list text NOT NULL, key text NOT NULL, label text NOT NULL,
                                  PRIMARY KEY (list, key));
CREATE FUNCTION {SCHEMA}.bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- Any update, from the plugin or from QGIS, makes a new version: readers of the old one notice.
    NEW.row_version := OLD.row_version + 1;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END $$;
CREATE TRIGGER findings_row_version BEFORE UPDATE ON {SCHEMA}.findings
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.bump_row_version();
"""),
    (2, f"""
ALTER TABLE {SCHEMA}.findings
    ADD COLUMN settlement_nearest text, ADD COLUMN settlement_distance_m double precision,
    ADD COLUMN official_id text, ADD COLUMN official_distance_m double precision, ADD COLUMN official_class text;
CREATE TABLE {SCHEMA}.media (
    fid serial PRIMARY KEY, path text NOT NULL, kind text, taken_at timestamptz, time_source text,
    position_source text, offset_s double precision, direction double precision, orientation integer,
    camera text, region text, fingerprint text UNIQUE, size bigint, finding_id text, finding_distance_m double
    precision, link_source text, problems text, thumbnail bytea, geom geometry(Point, 4326),
    row_version integer NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user
);
CREATE INDEX media_geom_idx ON {SCHEMA}.media USING gist (geom);
CREATE TRIGGER media_row_version BEFORE UPDATE ON {SCHEMA}.media
    FOR EACH ROW EXECUTE FUNCTION {SCHEMA}.bump_row_version();
"""),
]
MIGRATIONS.append((3, f"""
CREATE OR REPLACE FUNCTION {SCHEMA}.bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A client may say which version it edited by writing its negative (QGIS, through the plugin's guard);
    -- if that is not the version in the database, somebody else saved in between: refuse, say who and when.
    IF NEW.row_version IS DISTINCT FROM OLD.row_version AND abs(NEW.row_version) <> OLD.row_version THEN
        RAISE EXCEPTION 'changed by % at % (version %, you edited version %): reload and edit again',
            OLD.updated_by, to_char(OLD.updated_at, 'YYYY-MM-DD HH24:MI:SS'), OLD.row_version, abs(NEW.row_version)
            USING ERRCODE = 'serialization_failure';
    END IF;
    NEW.row_version := OLD.row_version + 1;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END $$;
"""))
SCHEMA_VERSION = MIGRATIONS[-1][0]


def connect(dsn: str) -> connection:
    try:
        import psycopg2
    except ImportError:
        raise StepError("PostgreSQL needs psycopg2 (QGIS ships it; Debian: python3-psycopg2)") from None
    try:
        return psycopg2.connect(dsn)
    except psycopg2.Error as exc:
        raise StepError(f"cannot connect to PostgreSQL ({str(exc).strip()})") from None


class PostgisStore:
    def __init__(self, dsn: str) -> None:
        self.conn = connect(dsn)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> PostgisStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def version(self) -> int:
        with self.conn.cursor() as cur:
            cur.execute("SELECT to_regclass(%s)", (f"{SCHEMA}.schema_migrations",))
            if cur.fetchone()[0] is None:
                return 0
            cur.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.schema_migrations")
            return int(cur.fetchone()[0])

    def migrate(self) -> list[int]:
        """Apply the migrations this database has not seen, each in its own transaction, in order. A lock
        keeps two plugins starting at once from migrating twice."""
        applied = []
        with self.conn, self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (SCHEMA,))
            cur.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
            cur.execute(f"CREATE TABLE IF NOT EXISTS {SCHEMA}.schema_migrations (version integer PRIMARY KEY, "
                        "applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT "
                        "current_user)")
            cur.execute(f"SELECT coalesce(max(version), 0) FROM {SCHEMA}.schema_migrations")
            current = int(cur.fetchone()[0])
            if current > SCHEMA_VERSION:
                raise StepError(f"the database's schema version {current} is newer than this plugin's "
                                f"{SCHEMA_VERSION}: update the plugin")
            for version, sql in MIGRATIONS:
                if version > current:
                    cur.execute(sql)
                    cur.execute(f"INSERT INTO {SCHEMA}.schema_migrations (version) VALUES (%s)", (version,))
                    applied.append(version)
            self._fill_code_lists(cur)
        return applied

    def _fill_code_lists(self, cur: cursor) -> None:
        rows = [("category", k, v[0]) for k, v in CATEGORIES.items()]
        rows += [("case_type", k, v) for k, v in CASE_TYPES.items()]
        rows += [("concerns", k, v) for k, v in CONCERNS.items()]
        cur.executemany(f"INSERT INTO {SCHEMA}.code_lists (list, key, label) VALUES (%s, %s, %s) "
                        "ON CONFLICT (list, key) DO UPDATE SET label = EXCLUDED.label", rows)

    def upsert_findings(self, findings: Iterable[Finding]) -> int:
        """Insert new findings and update existing ones (by finding_id), all in one transaction."""
        import psycopg2

        rows = [(f.finding_id, f.observed_at, f.category, f.case_type, f.severity, f.concerns, f.settlement,
                 f.description, f.source, f.lon, f.lat) for f in findings]
        try:
            with self.conn, self.conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO {SCHEMA}.findings (finding_id, observed_at, category, case_type, severity, concerns, "
                    "settlement, description, source, geom) VALUES (%s, to_timestamp(%s), %s, %s, %s, %s, %s, %s, %s, "
                    "ST_SetSRID(ST_MakePoint(%s, %s), 4326)) ON CONFLICT (finding_id) DO UPDATE SET "
                    "observed_at = EXCLUDED.observed_at, category = EXCLUDED.category, "
                    "case_type = EXCLUDED.case_type, severity = EXCLUDED.severity, concerns = EXCLUDED.concerns, "
                    "settlement = EXCLUDED.settlement, description = EXCLUDED.description, source = EXCLUDED.source, "
                    "geom = EXCLUDED.geom", rows)
        except psycopg2.Error as exc:
            raise StepError(f"PostGIS refused the findings, nothing was written ({str(exc).strip()})") from None
        return len(rows)

    def read_finding(self, finding_id: str) -> dict[str, Any] | None:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id, category, case_type, severity, description, region, row_version, "
                        f"updated_by, ST_X(geom), ST_Y(geom) FROM {SCHEMA}.findings WHERE finding_id = %s",
                        (finding_id,))
            row = cur.fetchone()
        if row is None:
            return None
        keys = ("finding_id", "category", "case_type", "severity", "description", "region", "row_version",
                "updated_by", "lon", "lat")
        return dict(zip(keys, row))

    EDITABLE = ("category", "case_type", "severity", "concerns", "settlement", "description", "source", "region")

    def update_finding(self, finding_id: str, changes: dict[str, object], read_version: int) -> int:
        """Apply the changes if nobody changed the finding since read_version; the new version, or a
        ConflictError saying who changed it and when."""
        unknown = set(changes) - set(self.EDITABLE)
        if unknown:
            raise StepError(f"not editable: {', '.join(sorted(unknown))}")
        import psycopg2

        assignments = ", ".join(f"{name} = %s" for name in changes)  # names from EDITABLE only
        with self.conn, self.conn.cursor() as cur:
            try:
                cur.execute(f"UPDATE {SCHEMA}.findings SET {assignments} WHERE finding_id = %s AND row_version = %s "
                            "RETURNING row_version", (*changes.values(), finding_id, read_version))
            except psycopg2.Error as exc:
                raise StepError(f"finding {finding_id}: PostGIS refused the change ({str(exc).strip()})") from None
            row = cur.fetchone()
            if row is not None:
                return int(row[0])
            cur.execute(f"SELECT row_version, updated_by, updated_at FROM {SCHEMA}.findings WHERE finding_id = %s",
                        (finding_id,))
            now = cur.fetchone()
        if now is None:
            raise ConflictError(f"finding {finding_id} was deleted by someone else")
        raise ConflictError(f"finding {finding_id} was changed by {now[1]} at {now[2]:%Y-%m-%d %H:%M:%S} "
                            f"(version {now[0]}, you edited version {read_version}); reload it and edit again")

    def finding_ids(self) -> set[str]:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id FROM {SCHEMA}.findings")
            return {r[0] for r in cur.fetchall()}

    def read_findings(self) -> list[Finding]:
        with self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT finding_id, ST_X(geom), ST_Y(geom), category, extract(epoch FROM observed_at), "
                        f"case_type, severity, coalesce(concerns, ''), coalesce(settlement, ''), "
                        f"coalesce(description, ''), coalesce(source, '') FROM {SCHEMA}.findings "
                        "WHERE geom IS NOT NULL ORDER BY finding_id")
            rows = cur.fetchall()
        return [Finding(r[0], r[1], r[2], r[3], None if r[4] is None else float(r[4]), r[5], r[6], r[7], r[8],
                        r[9], r[10]) for r in rows]

    def count(self, table: str) -> int:
        if table not in ("findings", "media", "code_lists", "tracks", "track_points", "regions"):
            raise StepError(f"unknown table {table}")
        with self.conn, self.conn.cursor() as cur:
            cur.execute(f"SELECT count(*) FROM {SCHEMA}.{table}")
            return int(cur.fetchone()[0])

"""The shared store's schema in PostgreSQL/PostGIS, as numbered migrations (see store/postgis.py for the protocol).

Migrations are SQL templates of the schema name (a checked plain name, never user text in SQL otherwise).
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from ..core.categories import CASE_TYPES, CATEGORIES
from ..errors import StepError
from .pg_connection import DEFAULT_SCHEMA

if TYPE_CHECKING:
    from psycopg2.extensions import cursor

# The computed layers each store publishes (its own rows, by store_id).
PUBLISHED_TABLES = ("tracks", "track_points", "waypoints", "routes", "laps", "regions", "official_unreported",
                    "imported_files")
_LOCK_CLASS = 0x47456E76 - (1 << 32) if 0x47456E76 >= 1 << 31 else 0x47456E76  # "GEnv"


def lock_key(schema: str) -> tuple[int, int]:
    """The advisory lock of the schema's writers: two int4 (class, schema)."""
    value = zlib.crc32(schema.encode())
    return _LOCK_CLASS, value - (1 << 32) if value >= 1 << 31 else value


def _codes(values: object) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)  # type: ignore[attr-defined]


def _v1(s: str) -> str:
    return f"""
CREATE TABLE {s}.findings (
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
CREATE INDEX findings_geom_idx ON {s}.findings USING gist (geom);
CREATE TABLE {s}.code_lists (list text NOT NULL, key text NOT NULL, label text NOT NULL, PRIMARY KEY (list, key));
CREATE FUNCTION {s}.bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.row_version := OLD.row_version + 1;
    NEW.updated_at := now();
    NEW.updated_by := current_user;
    RETURN NEW;
END $$;
CREATE TRIGGER findings_row_version BEFORE UPDATE ON {s}.findings
    FOR EACH ROW EXECUTE FUNCTION {s}.bump_row_version();
"""


def _v2(s: str) -> str:
    return f"""
ALTER TABLE {s}.findings
    ADD COLUMN settlement_nearest text, ADD COLUMN settlement_distance_m double precision,
    ADD COLUMN official_id text, ADD COLUMN official_distance_m double precision, ADD COLUMN official_class text;
CREATE TABLE {s}.media (
    fid serial PRIMARY KEY, path text NOT NULL, kind text, taken_at timestamptz, time_source text,
    position_source text, offset_s double precision, direction double precision, orientation integer,
    camera text, region text, fingerprint text UNIQUE, size bigint, finding_id text, finding_distance_m double
    precision, link_source text, problems text, thumbnail bytea, geom geometry(Point, 4326),
    row_version integer NOT NULL DEFAULT 1, updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by text NOT NULL DEFAULT current_user
);
CREATE INDEX media_geom_idx ON {s}.media USING gist (geom);
CREATE TRIGGER media_row_version BEFORE UPDATE ON {s}.media
    FOR EACH ROW EXECUTE FUNCTION {s}.bump_row_version();
"""


def _v3(s: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {s}.bump_row_version() RETURNS trigger LANGUAGE plpgsql AS $$
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
"""


_ENTERED = "finding_id, observed_at, category, case_type, severity, concerns, settlement, description, source"
_WHO = "coalesce(nullif(current_setting('green_envoy.user', true), ''), current_user)"
_VIA = "coalesce(nullif(current_setting('green_envoy.via', true), ''), 'edit')"


def _v4(s: str) -> str:
    """Versions for inserts and deletes too, tombstones, conflicts, delete claims, per-store published copies."""
    old = ", ".join(f"OLD.{c.strip()}" for c in _ENTERED.split(","))
    new = ", ".join(f"NEW.{c.strip()}" for c in _ENTERED.split(","))
    published = ", ".join(f"{s}.{t}" for t in PUBLISHED_TABLES)
    return f"""
ALTER TABLE {s}.findings ADD COLUMN via text NOT NULL DEFAULT 'edit';
CREATE TABLE {s}.store_info (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
                             created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO {s}.store_info DEFAULT VALUES;
CREATE TABLE {s}.finding_tombstones (
    finding_id text PRIMARY KEY, row_version integer NOT NULL, deleted_at timestamptz NOT NULL DEFAULT now(),
    deleted_by text NOT NULL, via text, last_values jsonb);
CREATE TABLE {s}.finding_conflicts (
    id serial PRIMARY KEY, finding_id text NOT NULL, kind text NOT NULL, fields text,
    shared_version integer, shared_by text, shared_at text, shared_values jsonb,
    other text NOT NULL, other_by text, other_values jsonb,
    detected_at timestamptz NOT NULL DEFAULT now(), status text NOT NULL DEFAULT 'open',
    resolved_at timestamptz, resolved_by text);
CREATE INDEX finding_conflicts_open_idx ON {s}.finding_conflicts (finding_id) WHERE status = 'open';
CREATE TABLE {s}.delete_claims (fid integer PRIMARY KEY, row_version integer NOT NULL,
                                claimed_at timestamptz NOT NULL DEFAULT now(),
                                claimed_by text NOT NULL DEFAULT current_user);
CREATE TABLE {s}.published_stores (store_id text PRIMARY KEY, store_name text, published_at timestamptz,
                                   published_by text);
DROP TABLE IF EXISTS {published};
CREATE FUNCTION {s}.finding_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    tomb integer;
BEGIN
    IF TG_OP = 'INSERT' THEN
        -- a finding made again after a delete continues its versions: other stores see it is newer
        DELETE FROM {s}.finding_tombstones WHERE finding_id = NEW.finding_id RETURNING row_version INTO tomb;
        NEW.row_version := coalesce(tomb, 0) + 1;
        NEW.updated_at := now();
        NEW.updated_by := {_WHO};
        NEW.via := {_VIA};
        RETURN NEW;
    END IF;
    -- A client may say which version it edited by writing its negative (QGIS, through the plugin's guard);
    -- if that is not the version in the database, somebody else saved in between: refuse, say who and when.
    IF NEW.row_version IS DISTINCT FROM OLD.row_version AND abs(NEW.row_version) <> OLD.row_version THEN
        RAISE EXCEPTION 'finding %: changed by % at % (version %, you edited version %): reload and edit again',
            OLD.finding_id, OLD.updated_by, to_char(OLD.updated_at, 'YYYY-MM-DD HH24:MI:SS'), OLD.row_version,
            abs(NEW.row_version) USING ERRCODE = 'serialization_failure';
    END IF;
    IF ROW({new}, ST_AsEWKB(NEW.geom)) IS NOT DISTINCT FROM ROW({old}, ST_AsEWKB(OLD.geom)) THEN
        -- only computed fields (region, comparison): not a new version of what people entered
        NEW.row_version := OLD.row_version;
        NEW.updated_at := OLD.updated_at;
        NEW.updated_by := OLD.updated_by;
        NEW.via := OLD.via;
        RETURN NEW;
    END IF;
    NEW.row_version := OLD.row_version + 1;
    IF NEW.finding_id IS DISTINCT FROM OLD.finding_id THEN
        -- a renamed finding: the old id is deleted for the other stores (a tombstone), the new one continues
        INSERT INTO {s}.finding_tombstones (finding_id, row_version, deleted_at, deleted_by, via, last_values)
        VALUES (OLD.finding_id, OLD.row_version + 1, now(), {_WHO}, {_VIA},
                to_jsonb(OLD) - 'geom' || jsonb_build_object('geom', ST_AsText(OLD.geom), 'renamed_to', NEW.finding_id))
        ON CONFLICT (finding_id) DO UPDATE SET row_version = EXCLUDED.row_version, deleted_at = EXCLUDED.deleted_at,
            deleted_by = EXCLUDED.deleted_by, via = EXCLUDED.via, last_values = EXCLUDED.last_values;
        DELETE FROM {s}.finding_tombstones WHERE finding_id = NEW.finding_id RETURNING row_version INTO tomb;
        NEW.row_version := greatest(OLD.row_version, coalesce(tomb, 0)) + 1;
    END IF;
    NEW.updated_at := now();
    NEW.updated_by := {_WHO};
    NEW.via := {_VIA};
    RETURN NEW;
END $$;
CREATE FUNCTION {s}.finding_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    claimed integer;
BEGIN
    -- QGIS's guard claims the version it read before it deletes; a stale claim is refused, the row stays
    DELETE FROM {s}.delete_claims WHERE fid = OLD.fid AND claimed_at > now() - interval '1 hour'
        RETURNING row_version INTO claimed;
    IF claimed IS NOT NULL AND claimed <> OLD.row_version THEN
        RAISE EXCEPTION 'finding %: changed by % at % (version %, you deleted version %): not deleted; reload',
            OLD.finding_id, OLD.updated_by, to_char(OLD.updated_at, 'YYYY-MM-DD HH24:MI:SS'), OLD.row_version,
            claimed USING ERRCODE = 'serialization_failure';
    END IF;
    INSERT INTO {s}.finding_tombstones (finding_id, row_version, deleted_at, deleted_by, via, last_values)
    VALUES (OLD.finding_id, OLD.row_version + 1, now(), {_WHO}, {_VIA},
            to_jsonb(OLD) - 'geom' || jsonb_build_object('geom', ST_AsText(OLD.geom)))
    ON CONFLICT (finding_id) DO UPDATE SET row_version = EXCLUDED.row_version, deleted_at = EXCLUDED.deleted_at,
        deleted_by = EXCLUDED.deleted_by, via = EXCLUDED.via, last_values = EXCLUDED.last_values;
    RETURN OLD;
END $$;
DROP TRIGGER findings_row_version ON {s}.findings;
CREATE TRIGGER findings_row_version BEFORE INSERT OR UPDATE ON {s}.findings
    FOR EACH ROW EXECUTE FUNCTION {s}.finding_version();
CREATE TRIGGER findings_tombstone BEFORE DELETE ON {s}.findings
    FOR EACH ROW EXECUTE FUNCTION {s}.finding_deleted();
"""


MIGRATIONS = [(1, _v1), (2, _v2), (3, _v3), (4, _v4)]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def version(cur: cursor, schema: str) -> int:
    cur.execute("SELECT to_regclass(%s)", (f"{schema}.schema_migrations",))
    if cur.fetchone()[0] is None:
        return 0
    cur.execute(f"SELECT coalesce(max(version), 0) FROM {schema}.schema_migrations")
    return int(cur.fetchone()[0])


def migrate(cur: cursor, schema: str = DEFAULT_SCHEMA) -> list[int]:
    """The migrations the schema has not seen, in order, in the caller's transaction, under a lock."""
    cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", (schema,))
    cur.execute(f"CREATE SCHEMA IF NOT EXISTS {schema}")
    cur.execute(f"CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (version integer PRIMARY KEY, "
                "applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user)")
    current = version(cur, schema)
    if current > SCHEMA_VERSION:
        raise StepError(f"the shared store's schema version {current} is newer than this plugin's "
                        f"{SCHEMA_VERSION}: update the plugin")
    applied = []
    for number, sql in MIGRATIONS:
        if number > current:
            cur.execute(sql(schema))
            cur.execute(f"INSERT INTO {schema}.schema_migrations (version) VALUES (%s)", (number,))
            applied.append(number)
    return applied

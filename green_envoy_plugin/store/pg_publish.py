"""The computed layers of one expedition store (tracks, fixes, regions, ...) copied into the shared store.

Each store's rows are kept apart by its store_id (key: store_id, fid), so two envoys publishing do not replace
each other's tracks. A publish replaces that store's rows in the caller's transaction (the sync's one): other
sessions see the old rows until it commits, and a publish killed half-way leaves nothing of itself. Rows go
through COPY, the geometries as EWKB built from the GeoPackage's own WKB.
"""

from __future__ import annotations

import io
import sqlite3
import struct
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from osgeo import ogr

from . import access
from .bulk import wkb_of
from .gpkg import SCHEMA as GPKG_SCHEMA
from .pg_schema import PUBLISHED_TABLES

if TYPE_CHECKING:
    from psycopg2.extensions import cursor

CHUNK_ROWS = 20_000
_SQL_TYPES = {ogr.OFTInteger: "integer", ogr.OFTInteger64: "bigint", ogr.OFTReal: "double precision",
              ogr.OFTString: "text", ogr.OFTDate: "date", ogr.OFTDateTime: "timestamptz", ogr.OFTBinary: "bytea"}
_GEOMETRY_TYPES = {ogr.wkbPoint: "Point", ogr.wkbPoint25D: "PointZ", ogr.wkbLineString: "LineString",
                   ogr.wkbLineString25D: "LineStringZ", ogr.wkbLineStringZM: "LineStringZM"}


def _geometry_sql(geom_type: int) -> str:
    return f"geometry({_GEOMETRY_TYPES.get(geom_type, 'Geometry')}, 4326)"


def ewkb_hex(blob: bytes | None) -> str | None:
    """A GeoPackage geometry as hex EWKB with SRID 4326 (None for NULL or empty)."""
    if blob is None or len(blob) < 8 or blob[3] & 0x10:
        return None
    wkb = wkb_of(blob)
    order = "<" if wkb[0] == 1 else ">"
    (code,) = struct.unpack(order + "I", wkb[1:5])
    if code & 0xE0000000:  # already extended
        flags, base = code & 0xE0000000, code & 0x0FFFFFFF
    else:  # ISO: 1000s Z, 2000s M, 3000s ZM
        dims, base = divmod(code, 1000)
        flags = {0: 0, 1: 0x80000000, 2: 0x40000000, 3: 0xC0000000}.get(dims, 0)
    head = wkb[:1] + struct.pack(order + "Ii", base | flags | 0x20000000, 4326)
    return (head + wkb[5:]).hex()


def _copy_text(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()
    text = str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def ensure_table(cur: cursor, schema: str, table: str) -> list[str]:
    """The shared copy of `table`, created or completed with the fields of this plugin's GeoPackage schema;
    its field names."""
    geom_type, fields = GPKG_SCHEMA[table]
    columns = ", ".join(f"{name} {_SQL_TYPES.get(kind, 'text')}" for name, kind in fields)
    geometry = f", geom {_geometry_sql(geom_type)}" if geom_type is not None else ""
    cur.execute(f"CREATE TABLE IF NOT EXISTS {schema}.{table} (store_id text NOT NULL, fid bigint NOT NULL, "
                f"{columns}{geometry}, PRIMARY KEY (store_id, fid))")
    for name, kind in fields:
        cur.execute(f"ALTER TABLE {schema}.{table} ADD COLUMN IF NOT EXISTS {name} {_SQL_TYPES.get(kind, 'text')}")
    if geom_type is not None:
        cur.execute(f"CREATE INDEX IF NOT EXISTS {table}_geom_idx ON {schema}.{table} USING gist (geom)")
    return [name for name, _kind in fields]


def _local_columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def _rows(conn: sqlite3.Connection, table: str, columns: list[str], geometry: bool,
          integers: set[int]) -> Iterator[list[object]]:
    select = ", ".join(["fid", *(f'"{c}"' for c in columns), *(["geom"] if geometry else [])])
    for row in conn.execute(f'SELECT {select} FROM "{table}" ORDER BY fid'):
        values = list(row)
        for i in integers:
            if isinstance(values[i], float):
                values[i] = int(values[i])
        if geometry:
            values[-1] = ewkb_hex(values[-1])
        yield values


def publish(cur: cursor, schema: str, store_id: str, gpkg_path: str,
            progress: Callable[[str, int], None] | None = None) -> dict[str, int]:
    """This store's computed layers replace its previous copies; rows published per table."""
    counts: dict[str, int] = {}
    conn = access.connect_read(gpkg_path)
    try:
        for table in PUBLISHED_TABLES:
            if table not in GPKG_SCHEMA:
                continue
            shared = ensure_table(cur, schema, table)
            present = _local_columns(conn, table)
            cur.execute(f"DELETE FROM {schema}.{table} WHERE store_id = %s", (store_id,))
            if not present:
                counts[table] = 0
                continue
            if progress is not None:
                progress(table, len(counts))
            columns = [c for c in shared if c in present]
            geometry = GPKG_SCHEMA[table][0] is not None and "geom" in present
            kinds = dict(GPKG_SCHEMA[table][1])
            integers = {1 + i for i, c in enumerate(columns) if kinds[c] in (ogr.OFTInteger, ogr.OFTInteger64)}
            target = ", ".join(["store_id", "fid", *columns, *(["geom"] if geometry else [])])
            buffer, n = io.StringIO(), 0
            for values in _rows(conn, table, columns, geometry, integers):
                buffer.write(_copy_text(store_id) + "\t" + "\t".join(_copy_text(v) for v in values) + "\n")
                n += 1
                if n % CHUNK_ROWS == 0:
                    _flush(cur, schema, table, target, buffer)
                    buffer = io.StringIO()
            _flush(cur, schema, table, target, buffer)
            counts[table] = n
    finally:
        conn.close()
    return counts


def _flush(cur: cursor, schema: str, table: str, target: str, buffer: io.StringIO) -> None:
    if buffer.tell():
        buffer.seek(0)
        cur.copy_expert(f"COPY {schema}.{table} ({target}) FROM STDIN", buffer)

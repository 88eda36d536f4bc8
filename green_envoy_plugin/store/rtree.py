"""Bulk loading of a GeoPackage's SQLite R-tree: a packed tree written straight into its shadow tables.

Inserting a million entries one by one costs SQLite ~10 us each (R* splits and reinsertion), more than all
the rest of an import. Instead the whole tree is packed (sort-tile-recursive) with numpy and its nodes
written as SQLite's rtree module stores them (rtree.c): each node a blob of the table's node size,
a 4-byte header (tree depth in the root, cell count) and cells of a big-endian 64-bit id and four
big-endian 32-bit floats (minx, maxx, miny, maxy), rounded outwards as SQLite rounds them; the
`_rowid` table maps each entry to its leaf and `_parent` each node to its parent; the root is node 1.
`SELECT rtreecheck(...)` verifies the result in the tests. Existing entries are read back from the
leaves and packed together with the new ones.
"""

from __future__ import annotations

import itertools
import json
import math
import sqlite3
from collections.abc import Iterator

import numpy as np
import numpy.typing as npt

CELL = _CELL = np.dtype([("id", ">i8"), ("x0", ">f4"), ("x1", ">f4"), ("y0", ">f4"), ("y1", ">f4")])
_TOWARDS = 1.0 - 1.0 / 8388608.0
_AWAY = 1.0 + 1.0 / 8388608.0
FILL = 0.9  # leave room in each node for the edits QGIS makes later through GDAL's triggers


def round_down(values: npt.ArrayLike) -> np.ndarray:
    """float64 -> float32 never above the value (SQLite's rtreeValueDown)."""
    exact = np.asarray(values, dtype=np.float64)
    out = exact.astype(np.float32)
    over = out.astype(np.float64) > exact
    if over.any():
        d = exact[over]
        out[over] = (d * np.where(d < 0, _AWAY, _TOWARDS)).astype(np.float32)
    return out


def round_up(values: npt.ArrayLike) -> np.ndarray:
    """float64 -> float32 never below the value (SQLite's rtreeValueUp)."""
    exact = np.asarray(values, dtype=np.float64)
    out = exact.astype(np.float32)
    under = out.astype(np.float64) < exact
    if under.any():
        d = exact[under]
        out[under] = (d * np.where(d < 0, _TOWARDS, _AWAY)).astype(np.float32)
    return out


def _node_size(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute(f'SELECT length(data) FROM "{name}_node" WHERE nodeno = 1').fetchone()
    if row is None:
        raise ValueError(f"{name}: R-tree without a root node")
    return int(row[0])


def existing_entries(conn: sqlite3.Connection, name: str) -> np.ndarray:
    """All entries of the tree (structured cells), read from its leaves."""
    leaves = [nodeno for (nodeno,) in conn.execute(f'SELECT DISTINCT nodeno FROM "{name}_rowid"')]
    if not leaves:
        return np.zeros(0, dtype=_CELL)
    chunks = []
    for start in range(0, len(leaves), 500):
        batch = leaves[start: start + 500]
        marks = ",".join("?" for _ in batch)
        for (data,) in conn.execute(f'SELECT data FROM "{name}_node" WHERE nodeno IN ({marks})', batch):
            count = int.from_bytes(data[2:4], "big")
            chunks.append(np.frombuffer(data, dtype=_CELL, count=count, offset=4))
    return np.concatenate(chunks)


def _pack_level(cells: np.ndarray, capacity: int) -> tuple[np.ndarray, np.ndarray]:
    """Sort-tile-recursive: vertical slices by x centre, then runs by y centre within each slice.

    Returns the cells in node order and the start of each node's run."""
    n = len(cells)
    groups = math.ceil(n / capacity)
    slices = math.ceil(math.sqrt(groups))
    per_slice = slices * capacity
    order = np.argsort(cells["x0"].astype(np.float32) + cells["x1"], kind="stable")
    slice_of = np.empty(n, dtype=np.int32)
    slice_of[order] = np.arange(n, dtype=np.int32) // per_slice
    del order
    order = np.lexsort((cells["y0"].astype(np.float32) + cells["y1"], slice_of))  # by slice, then y
    sorted_slices = slice_of[order]
    del slice_of
    rank = np.arange(n, dtype=np.int64) - np.searchsorted(sorted_slices, sorted_slices, side="left")
    node_of = sorted_slices.astype(np.int64) * math.ceil(per_slice / capacity) + rank // capacity
    del rank, sorted_slices
    starts = np.flatnonzero(np.concatenate(([True], node_of[1:] != node_of[:-1])))
    return cells[order].astype(_CELL, copy=False), starts


def bulk_load(conn: sqlite3.Connection, name: str, new: np.ndarray, keep_existing: bool = True) -> None:
    """Replace the tree's content by its existing entries (if kept) plus the new cells, packed."""
    size = _node_size(conn, name)
    capacity_max = (size - 4) // _CELL.itemsize
    capacity = max(2, int(capacity_max * FILL))
    cells = np.concatenate((existing_entries(conn, name), new)) if keep_existing else new
    cells = cells.astype(_CELL, copy=False)  # concatenate turns the big-endian fields native; SQLite wants BE
    if len(np.unique(cells["id"])) != len(cells):
        # An id already indexed and given again (a replaced row): the newest box wins.
        _ids, last = np.unique(cells["id"][::-1], return_index=True)
        cells = cells[::-1][last]
    conn.execute(f'DELETE FROM "{name}_node"')
    conn.execute(f'DELETE FROM "{name}_rowid"')
    conn.execute(f'DELETE FROM "{name}_parent"')
    if len(cells) == 0:
        conn.execute(f'INSERT INTO "{name}_node" VALUES (1, zeroblob({size}))')
        return

    levels = [_pack_level(cells, capacity)]  # (cells in node order, node starts), leaves first
    del cells, new
    while len(levels[-1][1]) > 1:
        ordered, starts = levels[-1]
        parents = np.empty(len(starts), dtype=_CELL)
        parents["id"] = np.arange(len(starts))  # provisional: the node's index in the level below
        parents["x0"] = np.minimum.reduceat(ordered["x0"], starts)
        parents["x1"] = np.maximum.reduceat(ordered["x1"], starts)
        parents["y0"] = np.minimum.reduceat(ordered["y0"], starts)
        parents["y1"] = np.maximum.reduceat(ordered["y1"], starts)
        levels.append(_pack_level(parents, capacity))
    depth = len(levels) - 1
    # Number the nodes top-down so that the root is node 1.
    first_number = {}
    next_no = 1
    for level_index in range(depth, -1, -1):
        first_number[level_index] = next_no
        next_no += len(levels[level_index][1])
    parent_rows: list[tuple[int, int]] = []
    for level_index, (ordered, starts) in enumerate(levels):
        numbers = first_number[level_index] + np.arange(len(starts))
        counts = np.diff(np.append(starts, len(ordered)))
        node_of_cell = np.repeat(numbers, counts)
        if level_index == 0:
            _write_rowids(conn, name, ordered["id"], node_of_cell, numbers, starts, counts)
            cells_out = ordered
        else:
            children = first_number[level_index - 1] + ordered["id"]
            cells_out = ordered.copy()
            cells_out["id"] = children
            parent_rows.extend(zip(children.tolist(), node_of_cell.tolist()))
        conn.executemany(f'INSERT INTO "{name}_node" VALUES (?, ?)', _node_blobs(cells_out, starts, counts, numbers,
                                                                                  depth, size))
    conn.executemany(f'INSERT INTO "{name}_parent" VALUES (?, ?)', parent_rows)


# Ids in runs of consecutive numbers (the fids of new rows) go in by the run: at most this many per statement.
_RUN_CHUNK = 65_536


def _write_rowids(conn: sqlite3.Connection, name: str, ids: np.ndarray, node_of_cell: np.ndarray,
                  numbers: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> None:
    """The `_rowid` table (entry id -> leaf). SQLite expands JSON arrays in C, much faster than binding a
    million (id, node) pairs and without a million-tuple list in memory. Entries whose ids run consecutively
    (the new rows of an import) go in id order, a run's leaf numbers as one array: appended to the table's
    B-tree in order, not inserted at random places; otherwise one statement per leaf with its ids."""
    native = ids.astype(np.int64)
    order = np.argsort(native, kind="stable")
    sorted_ids = native[order]
    breaks = np.flatnonzero(np.diff(sorted_ids) != 1) + 1
    if len(breaks) * 64 <= len(ids):
        leaf = node_of_cell[order]
        bounds = np.concatenate(([0], breaks, [len(ids)])).tolist()
        conn.executemany(
            f'INSERT INTO "{name}_rowid" (rowid, nodeno) SELECT ? + key, value FROM json_each(?)',
            ((int(sorted_ids[a]), json.dumps(leaf[a: min(a + _RUN_CHUNK, b)].tolist()))
             for run_start, b in itertools.pairwise(bounds) for a in range(run_start, b, _RUN_CHUNK)))
        return
    conn.executemany(
        f'INSERT INTO "{name}_rowid" (rowid, nodeno) SELECT value, ? FROM json_each(?)',
        ((int(numbers[k]), json.dumps(native[a: a + c].tolist()))
         for k, (a, c) in enumerate(zip(starts.tolist(), counts.tolist()))))


def _node_blobs(ordered: np.ndarray, starts: np.ndarray, counts: np.ndarray, numbers: np.ndarray, depth: int,
                size: int, batch: int = 4096) -> Iterator[tuple[int, bytes]]:
    """(nodeno, blob) of each node of a level, built a batch of nodes at a time with numpy (a level's blobs are
    as big as its cells): a node's cells are a run of `ordered`, placed after its header, the rest zeros."""
    capacity = (size - 4) // _CELL.itemsize
    for k0 in range(0, len(starts), batch):
        k1 = min(k0 + batch, len(starts))
        first, stop = int(starts[k0]), int(starts[k1]) if k1 < len(starts) else len(ordered)
        run = counts[k0:k1]
        node = np.repeat(np.arange(k1 - k0), run)
        slot = np.arange(stop - first) - np.repeat(starts[k0:k1] - first, run)
        cells = np.zeros((k1 - k0, capacity), dtype=_CELL)
        cells[node, slot] = ordered[first:stop]
        blobs = np.zeros((k1 - k0, size), dtype=np.uint8)
        blobs[:, 2:4] = run.astype(">u2").view(np.uint8).reshape(-1, 2)
        blobs[:, 4: 4 + capacity * _CELL.itemsize] = cells.view(np.uint8).reshape(k1 - k0, -1)
        for k, nodeno in enumerate(numbers[k0:k1].tolist()):
            if nodeno == 1:
                blobs[k, 0:2] = np.frombuffer(depth.to_bytes(2, "big"), dtype=np.uint8)
            yield nodeno, blobs[k].tobytes()

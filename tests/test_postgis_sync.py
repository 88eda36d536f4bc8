"""Two envoys sharing one expedition through PostGIS (issue 13, item 1): the three-way merge, conflicts kept and
resolved, tombstones, computed fields surviving a pull; and real processes: two syncs at once, a second sync
told whose is running, a sync killed with SIGKILL in the middle of publishing, a CSV import that would overwrite
a colleague's edit. Each test has a schema of its own in the session's live PostgreSQL."""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.regions import assign_regions
from green_envoy_plugin.steps.sharing import sync_postgis
from green_envoy_plugin.steps.tracks import import_gpx
from green_envoy_plugin.store.bulk import register_gpkg_functions

from .helpers.paths import ROOT
from .helpers.postgis import drop_schema, dsn_parts, fresh_schema


@pytest.fixture
def shared(postgis_dsn, monkeypatch):
    monkeypatch.setenv("PGPASSWORD", dsn_parts(postgis_dsn).get("password", ""))  # for the commands run (_cli)
    schema = fresh_schema(postgis_dsn)
    yield f"{postgis_dsn} schema={schema}"
    drop_schema(postgis_dsn, schema)


def _edit(gpkg_path, sql, params=()):
    """An edit of the store as QGIS would save it (another connection, the GeoPackage's triggers)."""
    conn = sqlite3.connect(gpkg_path, isolation_level=None)
    register_gpkg_functions(conn)
    conn.execute(sql, params)
    conn.close()


def _value(gpkg_path, sql, params=()):
    conn = sqlite3.connect(gpkg_path)
    try:
        row = conn.execute(sql, params).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def _shared(shared, sql, params=()):
    from green_envoy_plugin.store.postgis import PostgisStore

    with PostgisStore(shared) as store, store.conn, store.conn.cursor() as cur:
        cur.execute(sql.replace("{s}", store.schema), params)
        return cur.fetchall()


def _cli(*args):
    """The command, its connection given without the password (PGPASSWORD carries it, as the CLI recommends)."""
    args = tuple(" ".join(part for part in arg.split() if not part.startswith("password=")) if "password=" in arg
                 else arg for arg in args)
    return [sys.executable, "-m", "green_envoy_plugin", *args]


def _run(who, *args, timeout=300):
    return subprocess.run(_cli(*args), env=_env(who), capture_output=True, text=True, timeout=timeout, check=False)


def _env(who):
    return {**os.environ, "GREEN_ENVOY_USER": who, "PYTHONPATH": ROOT}


def test_three_way_merge_between_two_stores(shared, tmp_path, sample_dir, monkeypatch):
    csv = os.path.join(sample_dir, "findings.csv")
    alice, bob = str(tmp_path / "alice.gpkg"), str(tmp_path / "bob.gpkg")
    for path in (alice, bob):
        import_findings(csv, path)
    assign_regions(bob, os.path.join(sample_dir, "kz_admin1.gpkg"))
    with_region = _value(bob, "SELECT COUNT(region) FROM findings")
    assert with_region > 100
    monkeypatch.setenv("GREEN_ENVOY_USER", "alice")
    assert sync_postgis(alice, shared).counts["findings_pushed"] == 113
    monkeypatch.setenv("GREEN_ENVOY_USER", "bob")
    first = sync_postgis(bob, shared)  # the same findings: linked, nothing pushed or pulled
    assert (first.counts["findings_pushed"], first.counts["findings_pulled"], first.conflicts) == (0, 0, [])

    _edit(alice, "UPDATE findings SET description = 'Alice: worse' WHERE finding_id = 'F-001'")
    _edit(bob, "UPDATE findings SET severity = 5 WHERE finding_id = 'F-002'")
    _edit(alice, "UPDATE findings SET description = 'Alice on 3' WHERE finding_id = 'F-003'")
    _edit(bob, "UPDATE findings SET description = 'Bob on 3' WHERE finding_id = 'F-003'")
    _edit(alice, "DELETE FROM findings WHERE finding_id IN ('F-004', 'F-005')")
    _edit(bob, "UPDATE findings SET description = 'Bob still sees 5' WHERE finding_id = 'F-005'")

    monkeypatch.setenv("GREEN_ENVOY_USER", "alice")
    report = sync_postgis(alice, shared)
    assert report.conflicts == [] and report.counts["findings_pushed"] == 4
    assert _shared(shared, "SELECT finding_id, deleted_by FROM {s}.finding_tombstones ORDER BY 1") == \
        [("F-004", "alice"), ("F-005", "alice")]

    monkeypatch.setenv("GREEN_ENVOY_USER", "bob")
    report = sync_postgis(bob, shared)
    kinds = {c.finding_id: (c.kind, c.fields, c.by) for c in report.conflicts}
    assert kinds == {"F-003": ("edited on both sides", ("description",), "alice"),
                     "F-005": ("edited here, deleted in the shared store", ("description",), "alice")}
    # Alice's edit pulled, Bob's pushed, Alice's delete of an unedited finding applied here; neither conflict
    # overwrote anything: each side keeps its own, both stores keep the conflict.
    assert _value(bob, "SELECT description FROM findings WHERE finding_id = 'F-001'") == "Alice: worse"
    assert _shared(shared, "SELECT severity FROM {s}.findings WHERE finding_id = 'F-002'") == [(5,)]
    assert _value(bob, "SELECT COUNT(*) FROM findings WHERE finding_id = 'F-004'") == 0
    assert _value(bob, "SELECT description FROM findings WHERE finding_id = 'F-003'") == "Bob on 3"
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-003'") == [("Alice on 3",)]
    assert _value(bob, "SELECT description FROM findings WHERE finding_id = 'F-005'") == "Bob still sees 5"
    assert _value(bob, "SELECT COUNT(*) FROM finding_conflicts WHERE status = 'open'") == 2
    stored = _shared(shared, "SELECT finding_id, kind, other_by, other_values->>'description' FROM "
                             "{s}.finding_conflicts WHERE status = 'open' ORDER BY 1")
    assert stored == [("F-003", "edited on both sides", "bob", "Bob on 3"),
                      ("F-005", "edited here, deleted in the shared store", "bob", "Bob still sees 5")]
    # The computed fields are the store's own: not one region lost by the pulls (F-004 was deleted).
    assert _value(bob, "SELECT COUNT(region) FROM findings") == with_region - 1
    assert _value(bob, "SELECT region FROM findings WHERE finding_id = 'F-001'")
    again = sync_postgis(bob, shared)  # unresolved conflicts stay reported, nothing else moves
    assert len(again.conflicts) == 2 and again.counts["findings_pushed"] == again.counts["findings_pulled"] == 0

    # Bob resolves: his text of F-003 stays, F-005 goes as Alice deleted it.
    report = sync_postgis(bob, shared, keep_local=["F-003"], keep_shared=["F-005"])
    assert report.conflicts == []
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-003'") == [("Bob on 3",)]
    assert _value(bob, "SELECT COUNT(*) FROM findings WHERE finding_id = 'F-005'") == 0
    assert _value(bob, "SELECT COUNT(*) FROM finding_conflicts WHERE status = 'open'") == 0
    assert _shared(shared, "SELECT COUNT(*) FROM {s}.finding_conflicts WHERE status = 'open'") == [(0,)]
    monkeypatch.setenv("GREEN_ENVOY_USER", "alice")
    report = sync_postgis(alice, shared)
    assert report.conflicts == []
    assert _value(alice, "SELECT description FROM findings WHERE finding_id = 'F-003'") == "Bob on 3"
    assert _value(alice, "SELECT severity FROM findings WHERE finding_id = 'F-002'") == 5
    assert _value(alice, "SELECT COUNT(*) FROM findings") == _value(bob, "SELECT COUNT(*) FROM findings") == 111


def test_import_does_not_overwrite_a_colleagues_newer_edit(shared, tmp_path, sample_dir):
    from green_envoy_plugin.store.postgis import PostgisStore

    folder = tmp_path / "csv"
    folder.mkdir()
    table = folder / "findings.csv"
    lines = open(os.path.join(sample_dir, "findings.csv"), encoding="utf-8").read().splitlines()
    table.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = _run("erlan", "import-findings", str(table), "--postgis", shared)
    assert done.returncode == 0, done.stderr
    with PostgisStore(shared, who="dana") as dana:
        dana.update_finding("F-010", {"description": "Dana checked it"}, dana.read_finding("F-010")["row_version"])
    header = lines[0].split(",")
    column = header.index("description")

    def changed(line, text):
        cells = line.split(",")
        cells[column] = text
        return ",".join(cells)

    edited = [changed(line, "from the spreadsheet") if line.startswith(("F-010,", "F-011,")) else line
              for line in lines]
    table.write_text("\n".join(edited) + "\n", encoding="utf-8")
    done = _run("erlan", "import-findings", str(table), "--postgis", shared)
    assert done.returncode == 2, done.stderr
    assert "F-010: edited in the shared store since [description] (shared version by dana" in done.stderr
    assert "Traceback" not in done.stderr
    with PostgisStore(shared) as store:
        assert store.read_finding("F-010")["description"] == "Dana checked it"  # not overwritten
        assert store.read_finding("F-011")["description"] == "from the spreadsheet"  # nobody had edited it
    rows = _shared(shared, "SELECT other, other_values->>'description', status FROM {s}.finding_conflicts")
    assert rows == [("import:findings.csv", "from the spreadsheet", "open")]


def _tracks_store(path, sample_dir, days):
    import_gpx([os.path.join(sample_dir, "gpx", f"2025-08-{d:02d}.gpx") for d in days], path)
    import_findings(os.path.join(sample_dir, "findings.csv"), path)


def _consistent(shared, store_path):
    """The shared copy of one store: as many tracks and fixes as the store has, no fix of a missing track."""
    store_id = _value(store_path, "SELECT store_id FROM sync_state")
    tracks, fixes, orphans = _shared(shared, "SELECT (SELECT count(*) FROM {s}.tracks WHERE store_id = %s), "
                                             "(SELECT count(*) FROM {s}.track_points WHERE store_id = %s), "
                                             "(SELECT count(*) FROM {s}.track_points p WHERE store_id = %s AND NOT "
                                             "EXISTS (SELECT 1 FROM {s}.tracks t WHERE t.store_id = p.store_id AND "
                                             "t.fid = p.track_fid))", (store_id,) * 3)[0]
    return tracks, fixes, orphans


def test_two_live_clients_sync_at_once(shared, tmp_path, sample_dir):
    alice, bob = str(tmp_path / "alice.gpkg"), str(tmp_path / "bob.gpkg")
    _tracks_store(alice, sample_dir, range(1, 9))
    _tracks_store(bob, sample_dir, range(9, 17))
    _edit(bob, "UPDATE findings SET description = 'Bob' WHERE finding_id = 'F-020'")
    runs = [subprocess.Popen(_cli("sync-postgis", "--gpkg", path, "--postgis", shared), env=_env(who),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for path, who in ((alice, "alice"), (bob, "bob"))]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outputs):
        assert run.returncode in (0, 2), err  # 2: the second met the first's findings created with other values
        assert "Traceback" not in err
    for path in (alice, bob):
        tracks, fixes, orphans = _consistent(shared, path)
        assert (tracks, fixes, orphans) == (_value(path, "SELECT COUNT(*) FROM tracks"),
                                            _value(path, "SELECT COUNT(*) FROM track_points"), 0)
    assert _shared(shared, "SELECT count(*) FROM {s}.published_stores") == [(2,)]
    assert _shared(shared, "SELECT count(*) FROM {s}.findings") == [(113,)]
    # Whoever came second found F-020 made with another text: kept as a conflict, not overwritten either way.
    description = _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-020'")[0][0]
    conflicts = _shared(shared, "SELECT finding_id, kind FROM {s}.finding_conflicts WHERE status = 'open'")
    if description == "Bob":
        assert conflicts == [("F-020", "created on both sides with other values")]
    else:
        assert conflicts == [("F-020", "created on both sides with other values")]
        assert _value(bob, "SELECT description FROM findings WHERE finding_id = 'F-020'") == "Bob"


def test_a_second_sync_is_told_whose_sync_runs_and_waits(shared, tmp_path, sample_dir):
    from green_envoy_plugin.store.postgis import PostgisStore

    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    with PostgisStore(shared, who="carol", command="sync-postgis") as carol:
        carol.migrate()
        cur = carol.conn.cursor()
        carol.begin_writing(cur, "sync:carol.gpkg")  # Carol's sync holds the lock, its transaction open
        refused = _run("dan", "sync-postgis", "--no-wait", "--gpkg", path, "--postgis", shared)
        assert refused.returncode == 1
        lines = refused.stderr.strip().splitlines()
        assert len(lines) == 1 and "a sync by carol (since " in lines[0] and "is running" in lines[0], lines
        waiting = subprocess.Popen(_cli("sync-postgis", "--gpkg", path, "--postgis", shared), env=_env("dan"),
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        first = waiting.stdout.readline()
        assert "a sync by carol" in first and "waiting" in first, first
        time.sleep(0.5)
        assert waiting.poll() is None  # still waiting
        carol.conn.commit()  # Carol's sync ends
        out, _ = waiting.communicate(timeout=120)
    assert waiting.returncode == 0, out
    assert _shared(shared, "SELECT count(*) FROM {s}.findings") == [(113,)]


def test_a_sync_killed_mid_publish_leaves_the_shared_tables_as_they_were(shared, tmp_path, sample_dir):
    path = str(tmp_path / "e.gpkg")
    _tracks_store(path, sample_dir, range(1, 4))
    done = _run("alice", "sync-postgis", "--gpkg", path, "--postgis", shared)
    assert done.returncode == 0, done.stderr
    before = _consistent(shared, path)
    assert before[0] > 0 and before[2] == 0
    folder = os.path.join(sample_dir, "gpx")
    import_gpx([os.path.join(folder, name) for name in sorted(os.listdir(folder))[3:40]], path)  # ~30,000 fixes
    _edit(path, "UPDATE findings SET description = 'edited before the crash' WHERE finding_id = 'F-030'")
    run = subprocess.Popen(_cli("sync-postgis", "--gpkg", path, "--postgis", shared), env=_env("alice"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    in_copy = False
    for line in run.stdout:
        if "publishing track_points" in line:
            deadline = time.monotonic() + 10
            while not in_copy and time.monotonic() < deadline:  # the server says the fixes are being copied
                in_copy = bool(_shared(shared, "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                               "'green_envoy sync-postgis by alice' AND state = 'active' AND "
                                               "query LIKE 'COPY %%track_points%%'")[0][0])
            os.kill(run.pid, signal.SIGKILL)
            break
    run.wait(timeout=60)
    assert in_copy  # killed in the middle of publishing, not before or after
    assert run.returncode == -signal.SIGKILL
    assert _consistent(shared, path) == before  # the killed sync's transaction left nothing
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-030'")[0][0] != \
        "edited before the crash"
    # The lock died with the process: the next sync runs at once and publishes everything.
    done = _run("alice", "sync-postgis", "--no-wait", "--gpkg", path, "--postgis", shared)
    assert done.returncode == 0, done.stderr
    tracks, fixes, orphans = _consistent(shared, path)
    assert (tracks, fixes, orphans) == (_value(path, "SELECT COUNT(*) FROM tracks"),
                                        _value(path, "SELECT COUNT(*) FROM track_points"), 0)
    assert fixes > 25_000
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-030'") == \
        [("edited before the crash",)]
    bases = json.loads(_value(path, "SELECT base FROM sync_bases WHERE finding_id = 'F-030'"))
    assert bases["description"] == "edited before the crash"


def test_a_finding_the_shared_store_refuses_does_not_stop_the_others(shared, tmp_path, sample_dir):
    """A local edit outside the shared store's checks (severity 9, saved in QGIS) and a repeated finding_id are
    reported; the other changes of the same sync are shared."""
    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    assert sync_postgis(path, shared).counts["findings_pushed"] == 113
    _edit(path, "UPDATE findings SET severity = 9 WHERE finding_id = 'F-040'")
    _edit(path, "UPDATE findings SET description = 'fine' WHERE finding_id = 'F-041'")
    _edit(path, "INSERT INTO findings (finding_id, category, severity, geom) SELECT finding_id, category, 2, geom "
                "FROM findings WHERE finding_id = 'F-042'")
    report = sync_postgis(path, shared)
    assert [(c.finding_id, c.kind.split(" (")[0]) for c in report.conflicts] == \
        [("F-040", "refused by the shared store")]
    assert "severity" in report.conflicts[0].kind
    assert len(report.left_out) == 1 and "a second row of finding F-042" in report.left_out[0]
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-041'") == [("fine",)]
    assert _shared(shared, "SELECT severity FROM {s}.findings WHERE finding_id = 'F-040'") != [(9,)]
    assert _value(path, "SELECT severity FROM findings WHERE finding_id = 'F-040'") == 9  # kept here
    done = _run("alice", "sync-postgis", "--gpkg", path, "--postgis", shared)
    assert done.returncode == 2 and "F-040: refused by the shared store" in done.stderr, done.stderr


def test_an_edit_saved_here_during_the_sync_is_not_pulled_over(shared, tmp_path, sample_dir):
    """QGIS does not take the store's writer lock: a finding saved here after the sync read the store and before
    it writes is left alone (reported), and the next sync sees that edit as the conflict it is."""
    from green_envoy_plugin.steps.feedback import SilentFeedback
    from green_envoy_plugin.store.postgis import PostgisStore

    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    sync_postgis(path, shared)
    with PostgisStore(shared, who="dana") as dana:
        dana.update_finding("F-050", {"description": "Dana's"}, dana.read_finding("F-050")["row_version"])

    class EditMeanwhile(SilentFeedback):
        def setProgress(self, value):  # called once the sync has read the store
            if value == 5:
                _edit(path, "UPDATE findings SET description = 'saved in QGIS meanwhile' WHERE finding_id = 'F-050'")

    report = sync_postgis(path, shared, EditMeanwhile())
    assert report.skipped == ["F-050"]
    assert _value(path, "SELECT description FROM findings WHERE finding_id = 'F-050'") == "saved in QGIS meanwhile"
    report = sync_postgis(path, shared)
    assert [(c.finding_id, c.kind, c.fields) for c in report.conflicts] == \
        [("F-050", "edited on both sides", ("description",))]


def test_a_copy_of_a_store_publishes_beside_the_original_not_over_it(shared, tmp_path, sample_dir):
    import shutil

    original, copy = str(tmp_path / "alice.gpkg"), str(tmp_path / "given_to_bob.gpkg")
    _tracks_store(original, sample_dir, (1,))
    sync_postgis(original, shared)
    shutil.copy(original, copy)
    _edit(copy, "DELETE FROM track_points WHERE fid % 2 = 0")
    report = sync_postgis(copy, shared)
    assert report.conflicts == [] and report.counts["findings_pushed"] == report.counts["findings_pulled"] == 0
    assert _value(copy, "SELECT store_id FROM sync_state") != _value(original, "SELECT store_id FROM sync_state")
    assert _shared(shared, "SELECT count(*) FROM {s}.published_stores") == [(2,)]
    for path in (original, copy):
        assert _consistent(shared, path)[1] == _value(path, "SELECT COUNT(*) FROM track_points")


def test_a_finding_locked_by_an_open_qgis_transaction_is_left_for_the_next_sync(shared, tmp_path, sample_dir,
                                                                                monkeypatch):
    """QGIS editing in a transaction group holds its rows locked until it saves: the sync waits ROW_WAIT_S for
    such a finding, then reports it and shares the rest, instead of hanging or failing as a whole."""
    import psycopg2

    from green_envoy_plugin.store import postgis

    monkeypatch.setattr(postgis, "ROW_WAIT_S", 1.0)
    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    sync_postgis(path, shared)
    _edit(path, "UPDATE findings SET description = 'here' WHERE finding_id IN ('F-060', 'F-061')")
    dsn, schema = shared.rsplit(" schema=", 1)
    qgis = psycopg2.connect(dsn)
    try:
        with qgis.cursor() as cur:  # a transaction left open, F-060 locked
            cur.execute(f"UPDATE {schema}.findings SET severity = severity WHERE finding_id = 'F-060'")
        started = time.monotonic()
        report = sync_postgis(path, shared)
        assert time.monotonic() - started < 30
    finally:
        qgis.rollback()
        qgis.close()
    assert [(c.finding_id, c.kind.split(" for ")[0]) for c in report.conflicts] == \
        [("F-060", "being edited by another session")]
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-061'") == [("here",)]
    report = sync_postgis(path, shared)  # the lock gone: shared now, the conflict closed
    assert report.conflicts == []
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-060'") == [("here",)]
    assert _value(path, "SELECT COUNT(*) FROM finding_conflicts WHERE status = 'open'") == 0


def test_a_store_qgis_keeps_busy_fails_the_sync_whole_with_one_line(shared, tmp_path, sample_dir, monkeypatch):
    from green_envoy_plugin.store import access

    monkeypatch.setattr(access, "BUSY_TIMEOUT_S", 1.0)
    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    busy = sqlite3.connect(path, isolation_level=None)
    busy.execute("BEGIN IMMEDIATE")  # QGIS saving, the store's write lock held
    try:
        with pytest.raises(access.StoreError, match=r"cannot be written now .*nothing was synced"):
            sync_postgis(path, shared)
    finally:
        busy.execute("ROLLBACK")
        busy.close()
    assert _shared(shared, "SELECT count(*) FROM {s}.findings") == [(0,)]  # the shared store rolled back too
    assert sync_postgis(path, shared).counts["findings_pushed"] == 113


def test_a_sync_that_dies_between_the_two_commits_is_caught_up_by_the_next(shared, tmp_path, sample_dir,
                                                                           monkeypatch):
    """The shared store commits first; a sync that dies before the GeoPackage commits (killed, a full disk) leaves
    the GeoPackage as it was, and the next sync finds what was pushed equal (no conflict) and pulls the rest."""
    from green_envoy_plugin.store import sync_local
    from green_envoy_plugin.store.postgis import PostgisStore

    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    sync_postgis(path, shared)
    _edit(path, "UPDATE findings SET description = 'pushed before the crash' WHERE finding_id = 'F-070'")
    _edit(path, "DELETE FROM findings WHERE finding_id = 'F-072'")
    with PostgisStore(shared, who="dana") as dana:
        dana.update_finding("F-071", {"description": "Dana's"}, dana.read_finding("F-071")["row_version"])

    def dies(writer):
        writer.rollback()
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sync_local.LocalWriter, "commit", dies)
    with pytest.raises(OSError):
        sync_postgis(path, shared)
    monkeypatch.undo()
    assert _shared(shared, "SELECT description FROM {s}.findings WHERE finding_id = 'F-070'") == \
        [("pushed before the crash",)]
    assert _value(path, "SELECT description FROM findings WHERE finding_id = 'F-071'") != "Dana's"
    report = sync_postgis(path, shared)
    assert report.conflicts == []
    assert _value(path, "SELECT description FROM findings WHERE finding_id = 'F-071'") == "Dana's"
    assert _value(path, "SELECT COUNT(*) FROM sync_bases WHERE finding_id = 'F-072'") == 0
    assert _shared(shared, "SELECT count(*) FROM {s}.findings") == [(112,)]
    again = sync_postgis(path, shared)
    assert again.counts["findings_pushed"] == again.counts["findings_pulled"] == 0


def test_a_finding_renamed_in_the_shared_store_is_renamed_here_not_doubled(shared, tmp_path, sample_dir):
    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    sync_postgis(path, shared)
    _shared(shared, "UPDATE {s}.findings SET finding_id = 'F-080-bis' WHERE finding_id = 'F-080' RETURNING 1")
    report = sync_postgis(path, shared)
    assert report.conflicts == []
    assert _value(path, "SELECT COUNT(*) FROM findings WHERE finding_id LIKE 'F-080%'") == 1
    assert _value(path, "SELECT finding_id FROM findings WHERE finding_id LIKE 'F-080%'") == "F-080-bis"
    assert _shared(shared, "SELECT last_values->>'renamed_to' FROM {s}.finding_tombstones") == [("F-080-bis",)]
    assert _shared(shared, "SELECT count(*) FROM {s}.findings") == [(113,)]


def test_a_store_synced_before_a_sync_field_existed_gets_it(shared, tmp_path, sample_dir):
    """Found by hand: a store of the same schema version made before `sync_state.origin` existed failed with
    'no such column: origin' (the GeoPackage adds fields only when its version changes)."""
    path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), path)
    sync_postgis(path, shared)
    _edit(path, "ALTER TABLE sync_state DROP COLUMN origin")
    report = sync_postgis(path, shared)
    assert report.conflicts == [] and _value(path, "SELECT origin FROM sync_state")

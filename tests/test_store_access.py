"""The store checked before it is touched, and one store shared by many commands (issue 13, items 4, 6 and 9):
wrong targets refused in one line with their bytes unchanged, a read-only store read but not written, a second
writer waiting (and saying for whom) while readers go on, two imports creating one store, and kill -9 of an
import. The concurrent attacks run the real CLI in real processes."""

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from green_envoy_plugin import cli
from green_envoy_plugin.store import access
from green_envoy_plugin.store.bulk import read_rows

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample_data")
GPX = os.path.join(SAMPLE, "gpx")
ONE_GPX = os.path.join(GPX, "2025-08-01.gpx")
SAMPLE_FILES = 120  # GPX files of the sample
SAMPLE_TRACKS = 148  # track segments they give


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def count(store, table):
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    try:
        return conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
    finally:
        conn.close()


def run_cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "green_envoy_plugin", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                          check=False)


def start_cli(*args):
    return subprocess.Popen([sys.executable, "-m", "green_envoy_plugin", *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def one_line_error(stderr, *words):
    """The user's whole story: one `error:` line naming what it must, and no traceback."""
    assert "Traceback" not in stderr, stderr
    errors = [line for line in stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, stderr
    for word in words:
        assert word in errors[0], errors[0]
    return errors[0]


def copies(folder, times):
    """The sample's GPX under `times` sets of new names, each set a byte different (a comment at the end: the
    same bytes under another name are not imported twice): an import of some seconds."""
    os.makedirs(folder, exist_ok=True)
    for k in range(times):
        for name in os.listdir(GPX):
            with open(os.path.join(GPX, name), "rb") as original:
                data = original.read()
            with open(os.path.join(folder, f"c{k}_{name}"), "wb") as copy:
                copy.write(data + f"<!-- copy {k} -->\n".encode())
    return str(folder)


def wait_for_writer(store, process, timeout=60):
    """Until `process` holds the store's writer lock (its lock file names it)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        try:
            with open(access.lock_path(store), encoding="utf-8") as handle:
                if f'"pid": {process.pid},' in handle.read():
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise AssertionError("the import never took the writer lock")


def kill_and_check_whole(doomed, store):
    """kill -9 of a writer, then the store as the next user finds it: whole, its fixes' R-tree consistent."""
    doomed.send_signal(signal.SIGKILL)
    doomed.communicate()
    assert integrity(store) == "ok"
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT rtreecheck('rtree_track_points_geom')").fetchone()[0] == "ok"
    conn.close()


def integrity(store):
    conn = sqlite3.connect(store)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# ------------------------------------------------------------------------------------------ wrong targets


@pytest.fixture
def targets(tmp_path):
    shutil.copy(os.path.join(SAMPLE, "kz_admin1.gpkg"), tmp_path / "boundaries.gpkg")
    shutil.copy(os.path.join(SAMPLE, "findings.csv"), tmp_path / "findings.csv")
    (tmp_path / "folder.gpkg").mkdir()
    return tmp_path


@pytest.mark.parametrize(("target", "reason"), [
    ("boundaries.gpkg", "not an expedition store"),
    ("findings.csv", "not an expedition GeoPackage"),
    ("folder.gpkg", "a folder"),
])
@pytest.mark.parametrize("command", [
    ["import-gpx", ONE_GPX], ["import-findings", os.path.join(SAMPLE, "findings.csv")], ["assign-regions"],
    ["export-findings", "--out", "OUT"], ["atlas", "--out", "OUT"],
])
def test_a_foreign_file_is_refused_in_one_line_and_left_as_it_was(targets, capsys, target, reason, command):
    path = str(targets / target)
    before = digest(path) if os.path.isfile(path) else None
    args = [a.replace("OUT", str(targets / "out")) for a in command] + ["--gpkg", path]
    assert cli.main(args) == 1
    one_line_error(capsys.readouterr().err, path, reason)
    if before is not None:
        assert digest(path) == before  # not a byte of expedition tables added into it
    assert sorted(os.listdir(targets)) == ["boundaries.gpkg", "findings.csv", "folder.gpkg"]
    assert os.listdir(targets / "folder.gpkg") == []


@pytest.mark.parametrize("command", [["export-findings", "--out", "OUT"], ["atlas", "--out", "OUT"],
                                     ["assign-regions"], ["estimate-offset", ONE_GPX]])
def test_a_missing_store_is_named_not_created(tmp_path, command):
    """What the issue's hook runs: a reading command on a missing store; in a real process, so that any
    traceback SQLite or QGIS would print shows."""
    store = str(tmp_path / "missing.gpkg")
    result = run_cli(*[a.replace("OUT", str(tmp_path / "out")) for a in command], "--gpkg", store)
    assert result.returncode == 1
    one_line_error(result.stderr, store, "no such expedition GeoPackage")
    assert os.listdir(tmp_path) == []  # no store, no lock file, no output folder


def test_an_empty_file_becomes_the_store_and_a_new_folder_is_made(tmp_path, capsys):
    empty = tmp_path / "empty.gpkg"
    empty.write_bytes(b"")
    assert cli.main(["import-gpx", ONE_GPX, "--gpkg", str(empty)]) == 0
    assert count(str(empty), "imported_files") == 1
    deep = tmp_path / "new" / "season" / "e.gpkg"
    assert cli.main(["import-gpx", ONE_GPX, "--gpkg", str(deep)]) == 0
    assert count(str(deep), "tracks") == 1
    assert sorted(os.listdir(deep.parent)) == ["e.gpkg"]  # no lock, journal or partial file left


def test_reads_of_a_foreign_file_through_the_store_layer_say_what_it_is(targets):
    with pytest.raises(access.StoreError, match="not an expedition store"):
        read_rows(str(targets / "boundaries.gpkg"), "SELECT COUNT(*) FROM findings")
    with pytest.raises(access.StoreError, match="no such expedition GeoPackage"):
        read_rows(str(targets / "nothing.gpkg"), "SELECT 1")
    with pytest.raises(access.StoreError, match="a folder"):
        read_rows(str(targets / "folder.gpkg"), "SELECT 1")


@pytest.fixture(scope="module")
def atlas_store(tmp_path_factory, qgis_app):
    """The sample's first days, findings and regions: enough for an atlas page."""
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    store = str(tmp_path_factory.mktemp("atlas_store") / "e.gpkg")
    import_gpx([os.path.join(GPX, f"2025-08-0{d}.gpx") for d in range(1, 4)], store)
    import_findings(os.path.join(SAMPLE, "findings.csv"), store)
    assign_regions(store, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return store


def test_a_read_only_store_is_read_but_not_written(atlas_store, tmp_path, capsys):
    store = str(tmp_path / "archive.gpkg")
    shutil.copy(atlas_store, store)
    os.chmod(store, 0o444)
    before = digest(store)
    assert cli.main(["import-gpx", os.path.join(GPX, "2025-08-09.gpx"), "--gpkg", store]) == 1
    one_line_error(capsys.readouterr().err, store, "read-only", "can be read")
    assert cli.main(["import-findings", os.path.join(SAMPLE, "findings.csv"), "--gpkg", store]) == 1
    one_line_error(capsys.readouterr().err, store, "read-only")
    assert cli.main(["export-findings", "--gpkg", store, "--out", str(tmp_path / "tables")]) == 0
    assert len(os.listdir(tmp_path / "tables")) == len(read_rows(store, "SELECT DISTINCT region FROM findings"))
    assert cli.main(["atlas", "--gpkg", store, "--out", str(tmp_path / "atlas"), "--regions", "Almaty"]) == 0
    out = capsys.readouterr()
    assert "read-only" in out.out and "figures as last counted" in out.out
    assert os.listdir(tmp_path / "atlas") == ["almaty.pdf"]
    assert digest(store) == before
    assert sorted(os.listdir(tmp_path)) == ["archive.gpkg", "atlas", "tables"]


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to run as another user")
def test_another_users_store_in_a_read_only_folder_is_read_even_in_wal_mode(atlas_store, tmp_path):
    """A store left in WAL mode (a killed writer), in a folder this user cannot write: SQLite cannot make its
    shared-memory file there; the store is read as immutable instead of failing."""
    import tempfile

    top = tempfile.mkdtemp(prefix="green_envoy_theirs_")  # pytest's own folder is closed to other users
    try:
        os.chmod(top, 0o755)
        folder = os.path.join(top, "theirs")
        os.mkdir(folder, 0o755)
        store = os.path.join(folder, "e.gpkg")
        shutil.copy(atlas_store, store)
        regions = len(read_rows(store, "SELECT DISTINCT region FROM findings"))
        conn = sqlite3.connect(store)
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
        conn.close()
        os.chmod(store, 0o644)
        out = os.path.join(top, "mine")
        os.mkdir(out)
        os.chmod(out, 0o777)

        def as_nobody(*args):
            return subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable,
                                   "-m", "green_envoy_plugin", *args], cwd=ROOT, capture_output=True, text=True,
                                  timeout=120, check=False, env={**os.environ, "HOME": out})

        result = as_nobody("export-findings", "--gpkg", store, "--out", os.path.join(out, "t"))
        if "Permission denied" in result.stderr and "python" in result.stderr.lower():
            pytest.skip("the venv is not readable by another user here")
        assert result.returncode == 0, result.stderr
        assert len(os.listdir(os.path.join(out, "t"))) == regions
        before = digest(store)
        result = as_nobody("import-gpx", ONE_GPX, "--gpkg", store)
        assert result.returncode == 1
        one_line_error(result.stderr, store, "read-only")
        assert digest(store) == before
    finally:
        shutil.rmtree(top)


# -------------------------------------------------------------------------------------- one writer


def test_the_writer_lock_nests_names_its_holder_and_is_free_after_a_death(tmp_path):
    store = str(tmp_path / "e.gpkg")
    with access.writing(store, "import-gpx"), access.writing(store):  # nested: no wait for itself
        assert os.path.exists(access.lock_path(store))
    assert not os.path.exists(access.lock_path(store))  # cleared at the end
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time; from green_envoy_plugin.store import access\n"
                               "with access.writing(sys.argv[1], 'import-photos'):\n"
                               "    print('held', flush=True); time.sleep(60)", store],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(access.StoreBusy, match=rf"being written by import-photos \(pid {holder.pid}\) since"):
            with access.writing(store, "atlas", wait=False):
                pass
        holder.send_signal(signal.SIGKILL)
        holder.wait()
        assert os.path.exists(access.lock_path(store))  # left by the dead, naming it ...
        started = time.monotonic()
        with access.writing(store, "atlas", wait=False):  # ... and taken over at once
            pass
        assert time.monotonic() - started < 1.0
    finally:
        holder.kill()
        holder.wait()
        holder.stdout.close()


@pytest.fixture(scope="module")
def base_store(tmp_path_factory):
    """A store with the whole sample and its findings imported, regions assigned (for the atlas), and 4 more sets
    of the sample's GPX files to import into copies of it (some seconds)."""
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    folder = tmp_path_factory.mktemp("shared")
    store = str(folder / "base.gpkg")
    import_gpx([GPX], store)
    import_findings(os.path.join(SAMPLE, "findings.csv"), store)
    assign_regions(store, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return store, copies(folder / "more", 4)


def test_a_second_command_waits_for_the_writer_and_readers_go_on(base_store, tmp_path):
    """An import runs; a second import and a findings import wait for it (saying once for whom), the atlas and
    export-findings read beside it without waiting; all succeed and every row is there."""
    base, more = base_store
    store = str(tmp_path / "e.gpkg")
    shutil.copy(base, store)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "late.gpx").write_bytes(open(os.path.join(GPX, "2025-08-05.gpx"), "rb").read() + b"<!-- late -->\n")
    first = start_cli("import-gpx", more, "--gpkg", store)
    wait_for_writer(store, first)
    others = {
        "import": start_cli("import-gpx", str(extra / "late.gpx"), "--gpkg", store),
        "findings": start_cli("import-findings", os.path.join(SAMPLE, "findings.csv"), "--gpkg", store),
        "atlas": start_cli("atlas", "--gpkg", store, "--out", str(tmp_path / "atlas"), "--regions", "Almaty"),
        "export": start_cli("export-findings", "--gpkg", store, "--out", str(tmp_path / "tables")),
    }
    outputs = {name: process.communicate(timeout=600) for name, process in others.items()}
    first_out = first.communicate(timeout=600)
    assert first.returncode == 0, first_out
    for name, process in others.items():
        assert process.returncode == 0, (name, outputs[name])
        assert "Traceback" not in outputs[name][1] and "locked" not in outputs[name][1], (name, outputs[name])
    waiting = f"the store {store} is being written by import-gpx (pid {first.pid}) since "
    for name in ("import", "findings"):
        assert outputs[name][1].count(waiting) == 1 and "; waiting..." in outputs[name][1], outputs[name]
    for name in ("atlas", "export"):
        assert "waiting" not in outputs[name][0] + outputs[name][1], outputs[name]
    # The atlas ran while the import wrote: it said so, and printed the committed data.
    assert waiting in outputs["atlas"][0] and "figures as last counted" in outputs["atlas"][0]
    assert os.listdir(tmp_path / "atlas") == ["almaty.pdf"]
    assert len(os.listdir(tmp_path / "tables")) == len(read_rows(base, "SELECT DISTINCT region FROM findings"))
    assert count(store, "imported_files") == 5 * SAMPLE_FILES + 1  # the sample, 4 copies, 1 late
    (late_tracks,), = read_rows(base, "SELECT COUNT(*) FROM tracks WHERE source_file = 'gpx/2025-08-05.gpx'")
    assert count(store, "tracks") == 5 * SAMPLE_TRACKS + late_tracks
    assert count(store, "findings") == 113
    assert integrity(store) == "ok"
    assert sorted(os.listdir(tmp_path)) == ["atlas", "e.gpkg", "extra", "tables"]  # no lock, -wal or -shm left


def test_two_imports_creating_one_new_store_make_one(tmp_path):
    store = str(tmp_path / "new" / "e.gpkg")
    both = [start_cli("import-gpx", GPX, "--gpkg", store) for _ in range(2)]
    outputs = [p.communicate(timeout=600) for p in both]
    for process, output in zip(both, outputs):
        assert process.returncode == 0, output
        assert "Traceback" not in output[1]
    assert count(store, "imported_files") == SAMPLE_FILES
    assert count(store, "tracks") == SAMPLE_TRACKS
    # One made it; the other, once the first was done, found every file imported and unchanged.
    assert sum(f"{SAMPLE_FILES} already imported and unchanged" in out for out, _err in outputs) == 1
    assert integrity(store) == "ok"
    assert os.listdir(tmp_path / "new") == ["e.gpkg"]


def test_kill_9_of_an_import_leaves_the_store_whole_and_the_next_import_works(base_store, tmp_path):
    base, more = base_store
    store = str(tmp_path / "e.gpkg")
    shutil.copy(base, store)
    before = {t: count(store, t) for t in ("imported_files", "tracks", "track_points")}
    doomed = start_cli("import-gpx", more, "--gpkg", store)
    wait_for_writer(store, doomed)
    time.sleep(1.5)  # well into its rows
    assert doomed.poll() is None, "the import ended before it could be killed: give it more files"
    kill_and_check_whole(doomed, store)
    assert {t: count(store, t) for t in before} == before  # none of the killed import's rows
    assert not read_rows(store, "SELECT 1 FROM imported_files WHERE file_name LIKE 'more/c%'")
    started = time.monotonic()
    result = run_cli("import-gpx", os.path.join(more, "c0_2025-08-03.gpx"), "--gpkg", store)
    assert result.returncode == 0, result.stderr
    assert "waiting" not in result.stderr  # the dead writer's lock is no one's
    assert time.monotonic() - started < 60
    assert count(store, "imported_files") == before["imported_files"] + 1
    assert integrity(store) == "ok"
    assert sorted(os.listdir(tmp_path)) == ["e.gpkg"]

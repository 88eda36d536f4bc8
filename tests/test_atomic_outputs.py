"""Outputs written whole or not at all (issue 13, item 5): the atlas's PDFs (per region and combined) and PNG pages,
and the tables, go to a partial name beside their own and are renamed when complete. A full disk (a small tmpfs)
is one clear error, with only whole files left and the previous ones kept; kill -9 of an export leaves the
previous files or nothing under their names."""

import contextlib
import gc
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time

import pytest

from green_envoy_plugin import cli
from green_envoy_plugin.io import files

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample_data")


def digest(path):
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def assert_only_whole_files(folder):
    """Every file under its own name whole (a PDF or PNG that ends as one); no 0-byte file; no partial one."""
    names = sorted(os.listdir(folder))
    assert not [n for n in names if n.startswith(files.PARTIAL_PREFIX)], names
    for name in names:
        path = os.path.join(folder, name)
        assert os.path.getsize(path) > 0, name
        whole = files.pdf_whole if name.endswith(".pdf") else files.png_whole
        assert whole(path), name
    return names


# ------------------------------------------------------------------------------------------- the helper


def test_a_failed_or_incomplete_write_leaves_the_previous_file(tmp_path):
    path = tmp_path / "atlas.pdf"
    path.write_bytes(b"%PDF-1.4 the good one %%EOF")
    with pytest.raises(RuntimeError), files.atomic_output(str(path), files.pdf_whole) as partial:
        with open(partial, "wb") as handle:
            handle.write(b"%PDF-1.4 half")
        raise RuntimeError("killed")
    with pytest.raises(files.OutputError, match="incomplete"), \
            files.atomic_output(str(path), files.pdf_whole) as partial:
        with open(partial, "wb") as handle:
            handle.write(b"%PDF-1.4 no end")
    with pytest.raises(files.OutputError, match="incomplete"), files.atomic_output(str(path)) as partial:
        open(partial, "wb").close()  # 0 bytes: what QGIS leaves on a full disk, reporting success
    assert path.read_bytes() == b"%PDF-1.4 the good one %%EOF"
    assert os.listdir(tmp_path) == ["atlas.pdf"]
    with files.atomic_output(str(path), files.pdf_whole) as partial:
        with open(partial, "wb") as handle:
            handle.write(b"%PDF-1.4 the new one\n%%EOF\n")
    assert path.read_bytes().startswith(b"%PDF-1.4 the new one")
    assert os.listdir(tmp_path) == ["atlas.pdf"]
    umask = os.umask(0)
    os.umask(umask)
    assert os.stat(path).st_mode & 0o777 == 0o666 & ~umask  # as any file the user writes, not mkstemp's 0600


def test_partial_files_of_a_dead_process_are_removed_others_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    (tmp_path / f"{files.PARTIAL_PREFIX}{dead.pid}-abc123-almaty.pdf").write_bytes(b"%PDF-half")
    (tmp_path / f"{files.PARTIAL_PREFIX}{os.getpid()}-abc123-astana.pdf").write_bytes(b"%PDF-mine")
    (tmp_path / ".partial-notes.txt").write_text("not ours")
    (tmp_path / ".partial-2025-notes.txt").write_text("not ours either")
    assert files.remove_stale_partials(str(tmp_path)) == 1
    assert sorted(os.listdir(tmp_path)) == sorted([".partial-2025-notes.txt",  # sorted: a pid may sort either side
                                                   f"{files.PARTIAL_PREFIX}{os.getpid()}-abc123-astana.pdf",
                                                   ".partial-notes.txt"])


# ------------------------------------------------------------------------------------------- the atlas


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    """The whole sample (18 visited regions, findings): a per-region atlas of some 2.7 MB."""
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("outputs") / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx")], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


@contextlib.contextmanager
def small_disk(megabytes):
    """A tmpfs of this size (root only), unmounted after."""
    folder = tempfile.mkdtemp(prefix="green_envoy_disk_")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", folder],
                             capture_output=True, text=True, check=False)
    if mounted.returncode != 0:
        os.rmdir(folder)
        pytest.skip(f"no small file system to fill here (mount -t tmpfs: {mounted.stderr.strip()})")
    try:
        yield folder
    finally:
        gc.collect()  # nothing of the test's own left open on it
        if subprocess.run(["umount", folder], check=False).returncode != 0:
            subprocess.run(["umount", "-l", folder], check=False)
        os.rmdir(folder)


def fill(folder, leave_bytes):
    """A filler file that leaves about `leave_bytes` free."""
    free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
    with open(os.path.join(folder, "filler"), "wb") as handle:
        handle.write(b"\0" * max(0, free - leave_bytes))


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_stops_the_atlas_with_one_error_and_only_whole_files(store, capsys):
    with small_disk(1) as disk:
        out = os.path.join(disk, "atlas")
        assert cli.main(["atlas", "--gpkg", store, "--out", out, "--png"]) == 1
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        errors = [line for line in captured.err.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "the disk is full" in errors[0] and "nothing half-written" in errors[0], errors
        names = assert_only_whole_files(out)
        pdfs = [n for n in names if n.endswith(".pdf")]
        assert 0 < len(pdfs) < 18  # some whole pages before the disk filled; they are named in the error
        assert f"{len(pdfs)} PDF(s)" in errors[0]
        assert captured.out.count(".pdf") == 0  # nothing claimed as written beyond the error's count


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_keeps_the_previous_combined_atlas(store, capsys):
    regions = "Almaty,Astana,Shymkent"
    with small_disk(2) as disk:
        assert cli.main(["atlas", "--gpkg", store, "--out", disk, "--combined", "--regions", regions]) == 0
        good = os.path.join(disk, "atlas.pdf")
        before = digest(good)
        fill(disk, 64 * 1024)
        capsys.readouterr()
        assert cli.main(["atlas", "--gpkg", store, "--out", disk, "--combined", "--regions", regions]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and "the disk is full" in err, err
        assert digest(good) == before
        os.remove(os.path.join(disk, "filler"))
        assert assert_only_whole_files(disk) == ["atlas.pdf"]


@pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")
def test_a_full_disk_keeps_the_previous_findings_table(store, capsys):
    with small_disk(1) as disk:
        assert cli.main(["export-findings", "--gpkg", store, "--out", disk, "--format", "xlsx"]) == 0
        before = {name: digest(os.path.join(disk, name)) for name in os.listdir(disk)}
        fill(disk, 0)
        capsys.readouterr()
        assert cli.main(["export-findings", "--gpkg", store, "--out", disk, "--format", "xlsx"]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and "the disk is full" in err, err
        os.remove(os.path.join(disk, "filler"))
        assert {name: digest(os.path.join(disk, name)) for name in os.listdir(disk)} == before


def start_atlas(store, out, *options):
    return subprocess.Popen([sys.executable, "-m", "green_envoy_plugin", "atlas", "--gpkg", store, "--out", out,
                             *options], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def kill_when_writing(process, out, timeout=120):
    """kill -9 of the export as soon as a file is being written into `out`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        if os.path.isdir(out) and any(n.startswith(files.PARTIAL_PREFIX) for n in os.listdir(out)):
            process.send_signal(signal.SIGKILL)
            process.communicate()
            return
        time.sleep(0.01)
    raise AssertionError("the export never started writing")


def test_kill_9_of_an_export_leaves_the_previous_files_whole(store, tmp_path):
    out = str(tmp_path / "atlas")
    assert cli.main(["atlas", "--gpkg", store, "--out", out, "--combined", "--regions", "Almaty,Astana"]) == 0
    assert cli.main(["atlas", "--gpkg", store, "--out", out]) == 0
    before = {name: digest(os.path.join(out, name)) for name in os.listdir(out)}
    assert len(before) == 19

    killed = [start_atlas(store, out, "--combined")]  # a killed combined export must not replace the good one
    kill_when_writing(killed[0], out)
    assert digest(os.path.join(out, "atlas.pdf")) == before["atlas.pdf"]
    killed.append(start_atlas(store, out, "--png"))
    kill_when_writing(killed[1], out)
    left = [n for n in os.listdir(out) if n.startswith(files.PARTIAL_PREFIX)]
    assert left  # the killed exports' partial files, under names no one opens ...
    named = sorted(n for n in os.listdir(out) if n not in left)
    assert [n for n in named if not n.endswith(".png")] == sorted(before)
    for name in named:  # ... and every file under its own name whole: the previous one, or a new whole one
        assert (files.pdf_whole if name.endswith(".pdf") else files.png_whole)(os.path.join(out, name)), name
    assert cli.main(["atlas", "--gpkg", store, "--out", out, "--regions", "Astana"]) == 0
    assert not [n for n in assert_only_whole_files(out) if n.endswith(".pdf") and n not in before]
    pictures = [f"green_envoy_pages_{p.pid}_" for p in killed]  # the killed exports' page pictures: gone too
    assert not [d for d in os.listdir(tempfile.gettempdir()) if d.startswith(tuple(pictures))]

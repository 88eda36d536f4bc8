"""Coverage-guided fuzzing (atheris, libFuzzer) of every reader of outside bytes: `make fuzz`.

    python tools/fuzz.py TARGET [--seconds N] [--out build/fuzz]    one target
    python tools/fuzz.py all --seconds N                            each target N seconds, in its own process

A target feeds the bytes to the reader a user's file reaches (through a file, as the plugin reads it) and
accepts only the reader's own error type, or the reader's per-row / per-file report; any other exception, a
run over 10 s (a hang) or a process over 2 GB (a memory blow-up) is a crash: libFuzzer writes the input to
build/fuzz/<target>/crash-* and this script copies it to tests/data/fuzz/<target>/ for tests/test_fuzz_crashers.py
to replay. Seeds are the real-file corpus (tests/data, sample_data, resources).
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

# target -> (seed globs relative to ROOT, suffix of the file the bytes are written to)
SEEDS: dict[str, tuple[list[str], str]] = {
    "gpx": (["sample_data/gpx/2025-08-0[1-3].gpx", "tests/data/**/*.gpx"], ".gpx"),
    "fit": (["tests/data/**/*.fit"], ".fit"),
    "tcx": (["tests/data/**/*.tcx"], ".tcx"),
    "track-gz": (["tests/data/**/*.gz", "tests/data/fit/*.fit", "tests/data/tracks/*.tcx"], ".gz"),
    "photo": (["sample_data/photos/*.jpg", "tests/data/**/*.jp*g", "tests/data/**/*.JPG", "tests/data/**/*.tif*",
               "tests/data/**/*.png", "tests/data/**/*.hei[cf]", "tests/data/**/*.avif", "tests/data/**/*.mp4",
               "tests/data/**/*.mov"], ".jpg"),
    "table-csv": (["sample_data/findings.csv", "tests/data/**/*.csv"], ".csv"),
    "table-xlsx": (["tests/data/**/*.xlsx"], ".xlsx"),
    "qpt": (["resources/*.qpt", "tests/data/**/*.qpt"], ".qpt"),
}
MAX_SEED = 256 * 1024
# libFuzzer's limit is on the process after thousands of inputs, not on one input: under atheris the FIT and
# gzipped-track targets' processes grew to 1-2 GB over 20,000-130,000 inputs although each kept input reads in
# < 90 MB and 20,000 mutated inputs read in a loop without atheris hold 89 MB (cause not found: the
# instrumentation's own tables?). So `all` runs each target in rounds (CHUNK_S seconds or CHUNK_RUNS inputs) in
# fresh processes on one corpus folder, the process gets 2 GB, and tests/test_fuzz_crashers.py holds each kept
# input to 300 MB.
RSS_LIMIT_MB = 2048
CHUNK_S = 60
CHUNK_RUNS = 8000  # the gzipped-track target's process grew ~100 KB an input under atheris: 2 GB after 20,000


def reader(target: str):
    """(function of a path, the exception types that are the reader's own way of saying no)."""
    from green_envoy_plugin.errors import StepError

    if target == "gpx":
        from green_envoy_plugin.core.gpx import read_gpx
        from green_envoy_plugin.core.gpx.model import GpxError
        return read_gpx, (GpxError, StepError)
    if target == "fit":
        from green_envoy_plugin.core.fit import read_fit
        from green_envoy_plugin.core.gpx.model import GpxError
        return read_fit, (GpxError, StepError)
    if target == "tcx":
        from green_envoy_plugin.core.gpx.model import GpxError
        from green_envoy_plugin.core.tcx import parse_tcx_bytes

        def read_tcx(path: str) -> None:
            with open(path, "rb") as handle:
                parse_tcx_bytes(handle.read(), path)
        return read_tcx, (GpxError, StepError)
    if target == "track-gz":
        from green_envoy_plugin.core.gpx.model import GpxError
        from green_envoy_plugin.core.track_files import read_file, unpack
        from green_envoy_plugin.steps.tracks import parse_track_bytes

        def read_any(path: str) -> None:  # what import-tracks does with a file of any name: gzip, sniff, read
            parse_track_bytes(unpack(read_file(path), path), path)
        return read_any, (GpxError, StepError)
    if target == "photo":
        from green_envoy_plugin.core import exif
        return exif.read_exif, (getattr(exif, "ExifError", ValueError), StepError)
    if target in ("table-csv", "table-xlsx"):
        from green_envoy_plugin.core.findings import read_findings_table
        return read_findings_table, (StepError,)
    if target == "qpt":
        from green_envoy_plugin.atlas.errors import TemplateError
        from green_envoy_plugin.atlas.templates import check_template_bytes

        def read_qpt(path: str) -> None:
            with open(path, "rb") as handle:
                check_template_bytes(handle.read(), path)
        return read_qpt, (TemplateError,)
    raise SystemExit(f"unknown target {target}; one of {', '.join(SEEDS)}")


def _import_readers() -> None:
    import importlib
    import pkgutil

    from green_envoy_plugin import core

    for module in pkgutil.walk_packages(core.__path__, "green_envoy_plugin.core."):
        importlib.import_module(module.name)


def _xlsx_seed(folder: str) -> None:
    """The sample's findings as a workbook, when the corpus has none: the XLSX reader needs a valid start."""
    import csv

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    with open(os.path.join(ROOT, "sample_data", "findings.csv"), encoding="utf-8-sig", newline="") as handle:
        for row in list(csv.reader(handle))[:20]:
            sheet.append(row)
    book.save(os.path.join(folder, "findings_sample.xlsx"))


def seed_folder(target: str, out: str) -> str:
    folder = os.path.join(out, target, "seeds")
    os.makedirs(folder, exist_ok=True)
    globs, _suffix = SEEDS[target]
    for pattern in globs:
        for path in sorted(glob.glob(os.path.join(ROOT, pattern), recursive=True)):
            if os.path.isfile(path) and os.path.getsize(path) <= MAX_SEED:
                shutil.copyfile(path, os.path.join(folder, os.path.basename(path)))
    if target == "track-gz":  # a gzip of each kind, as Strava's export holds them
        import gzip

        for pattern in ("sample_data/gpx/2025-08-01.gpx", "tests/data/fit/*.fit", "tests/data/tracks/*.tcx"):
            for path in sorted(glob.glob(os.path.join(ROOT, pattern)))[:2]:
                with open(path, "rb") as handle, gzip.open(
                        os.path.join(folder, os.path.basename(path) + ".gz"), "wb") as packed:
                    packed.write(handle.read())
    if target == "table-xlsx" and not any(name.endswith(".xlsx") for name in os.listdir(folder)):
        _xlsx_seed(folder)
    return folder


def run_one(target: str, seconds: int, out: str) -> int:
    import atheris

    with atheris.instrument_imports(include=["green_envoy_plugin"]):
        read, allowed = reader(target)
        _import_readers()  # those a reader imports when called (sheets, ISO-BMFF ...) instrumented too
    if read is None:
        print(f"{target}: no reader in this checkout; skipped")
        return 0
    suffix = SEEDS[target][1]
    scratch = tempfile.mkdtemp(prefix=f"green_envoy_fuzz_{target}_")
    path = os.path.join(scratch, "input" + suffix)

    def one_input(data: bytes) -> None:
        with open(path, "wb") as handle:
            handle.write(data)
        try:
            read(path)
        except allowed:
            pass

    corpus = os.path.join(out, target, "corpus")
    os.makedirs(corpus, exist_ok=True)
    args = [sys.argv[0], corpus, seed_folder(target, out), f"-max_total_time={seconds}", "-timeout=10",
            f"-rss_limit_mb={RSS_LIMIT_MB}", f"-runs={CHUNK_RUNS}", f"-max_len={MAX_SEED}",
            f"-artifact_prefix={os.path.join(out, target)}/", "-print_final_stats=1"]
    atheris.Setup(args, one_input)
    atheris.Fuzz()
    return 0


def crash_files(target: str, out: str) -> set[str]:
    return {path for kind in ("crash-*", "timeout-*", "oom-*") for path in glob.glob(os.path.join(out, target, kind))}


def keep_crashers(target: str, out: str, before: set[str]) -> list[str]:
    """This run's crash inputs become regression files under tests/data/fuzz/<target>/."""
    kept = []
    keep = os.path.join(ROOT, "tests", "data", "fuzz", target)
    for crash in sorted(crash_files(target, out) - before):
        os.makedirs(keep, exist_ok=True)
        shutil.copyfile(crash, os.path.join(keep, os.path.basename(crash)))
        kept.append(os.path.join(keep, os.path.basename(crash)))
    return kept


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("target", choices=[*SEEDS, "all"])
    parser.add_argument("--only", default="", help="with all: a comma-separated subset of the targets")
    parser.add_argument("--seconds", type=int, default=600)
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "fuzz"))
    args = parser.parse_args()
    if args.target != "all":
        return run_one(args.target, args.seconds, args.out)
    failed = []
    for target in [t for t in SEEDS if not args.only or t in args.only.split(",")]:
        started = time.monotonic()
        before = crash_files(target, args.out)
        executed, rss, codes, tail = 0, 0, [], ""
        # In rounds of CHUNK_S, each a fresh process on the same corpus folder (coverage carries over): a
        # process's memory grows with the inputs it has run (see RSS_LIMIT_MB), one input's blow-up does not.
        while time.monotonic() - started < args.seconds:
            chunk = int(min(CHUNK_S, args.seconds - (time.monotonic() - started))) or 1
            done = subprocess.run([sys.executable, __file__, target, "--seconds", str(chunk), "--out", args.out],
                                  check=False, capture_output=True, text=True)
            codes.append(done.returncode)
            tail = done.stderr[-3000:]
            for line in done.stderr.splitlines():
                if line.startswith("stat::number_of_executed_units:"):
                    executed += int(line.split(":")[-1])
                elif line.startswith("stat::peak_rss_mb:"):
                    rss = max(rss, int(line.split(":")[-1]))
            if done.returncode != 0 or "no reader in this checkout" in done.stdout:
                break
        crashers = keep_crashers(target, args.out, before)
        print(f"{target}: {time.monotonic() - started:.0f} s in {len(codes)} process(es), {executed} inputs, "
              f"peak {rss} MB, exit {max(codes, default=0)}, crashers kept: {len(crashers)}", flush=True)
        if any(codes) or crashers:
            failed.append(target)
            print(tail, file=sys.stderr)
    print("fuzz: " + ("crashes in " + ", ".join(failed) if failed else "no crash, hang or blow-up in any target"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

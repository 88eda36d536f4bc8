"""FIT benchmark: the Green Envoy FIT decoder beside GPSBabel on the 4-month expedition at 1 Hz as 120 FIT files.

Every tool runs as its own process, timed end to end (start-up included), with its peak resident memory taken
by GNU time, in the same run on the same files. The set is written by the generator (about 20 s):

    python tools/generate_expedition.py --out build/full_rate_fit --rate 1 --gpx-only --fit
    python bench/fit.py [--fit-dir build/full_rate_fit/fit] [--days N] [--out build/bench]

Standalone; `run_fit(line, out, py, fit_dir)` gives bench/run.py the same rows and verdicts. Prints a
Markdown table and writes it to OUT/fit_results.md; exit status 3 when a target is missed.
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
from collections.abc import Callable

from report import write_report

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable
DEFAULT_DIR = os.path.join(ROOT, "build", "full_rate_fit", "fit")

# The child processes: decode every file (all channels), and decode + clean as the import does before storing.
DECODE = (
    "import sys\nsys.path.insert(0, {root!r})\n"
    "from green_envoy_plugin.core.fit import ALL_CHANNELS, read_fit\n"
    "n = 0\nfor p in sys.argv[1:]:\n    n += read_fit(p, ALL_CHANNELS).point_count\n"
    "print(n)\n"
)
DECODE_CLEAN = (
    "import sys\nsys.path.insert(0, {root!r})\n"
    "from green_envoy_plugin.core.cleaning import clean_fixes\n"
    "from green_envoy_plugin.core.fit import read_fit\n"
    "n = 0\nfor p in sys.argv[1:]:\n    for s in read_fit(p).segments:\n"
    "        parts, report = clean_fixes(s.fixes)\n        n += report.fixes_out\n"
    "print(n)\n"
)


def run(cmd: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (MB) and standard output of one command."""
    with tempfile.NamedTemporaryFile(suffix=".time") as stats:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats.name, *cmd], check=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        wall = time.perf_counter() - started
        with open(stats.name, encoding="ascii") as handle:
            peak_kb = int(handle.read().split()[-1])
    return wall, peak_kb // 1024, done.stdout


def gpsbabel_each(files: list[str]) -> tuple[float, int, int]:
    """GPSBabel as a user runs it: one call per file, tracks to unicsv. Wall, peak MB, rows written."""
    total, peak, rows = 0.0, 0, 0
    for f in files:
        wall, rss, out = run(["gpsbabel", "-t", "-i", "garmin_fit", "-f", f, "-o", "unicsv", "-F", "-"])
        total += wall
        peak = max(peak, rss)
        rows += max(0, out.count("\n") - 1)
    return total, peak, rows


def gpsbabel_once(files: list[str]) -> tuple[float, int, int]:
    """GPSBabel with every file in one call (no start-up per file)."""
    args = [a for f in files for a in ("-f", f)]
    wall, rss, out = run(["gpsbabel", "-t", "-i", "garmin_fit", *args, "-o", "unicsv", "-F", "-"])
    return wall, rss, max(0, out.count("\n") - 1)


def run_fit(line: Callable[..., None], out_dir: str, py: str, fit_dir: str, days: int | None = None
            ) -> list[tuple[str, bool]]:
    """The FIT rows of the benchmark table and the verdicts (as bench/run.py collects them)."""
    files = sorted(glob.glob(os.path.join(fit_dir, "*.fit")))[:days]
    if not files:
        raise SystemExit(f"no FIT files in {fit_dir}: python tools/generate_expedition.py --out "
                         f"{os.path.dirname(fit_dir)} --rate 1 --gpx-only --fit")
    what = f"{len(files)} FIT files, {sum(os.path.getsize(f) for f in files) / 1e6:.0f} MB"
    w_dec, m_dec, n_dec = run([py, "-c", DECODE.format(root=ROOT), *files])
    fixes = int(n_dec.split()[-1])
    w_clean, m_clean, n_clean = run([py, "-c", DECODE_CLEAN.format(root=ROOT), *files])
    if shutil.which("gpsbabel") is None:
        raise SystemExit("gpsbabel is not installed: apt-get install gpsbabel")
    store = os.path.join(out_dir, "fit_import.gpkg")
    if os.path.exists(store):
        os.remove(store)
    w_imp, m_imp, _ = run([py, "-m", "green_envoy_plugin", "-q", "import-tracks", *files, "--gpkg", store])
    w_each, m_each, rows_each = gpsbabel_each(files)
    w_once, m_once, rows_once = gpsbabel_once(files)
    line(what, "Green Envoy read_fit (decode, all channels, one process)", fixes, w_dec, m_dec,
         f"{w_each / w_dec:.1f}x / {w_once / w_dec:.1f}x gpsbabel")
    line(what, "Green Envoy read_fit + clean_fixes (what the import stores)", int(n_clean.split()[-1]), w_clean,
         m_clean, f"{w_each / w_clean:.1f}x / {w_once / w_clean:.1f}x gpsbabel")
    line(what, "Green Envoy import-tracks (decode, clean, statistics, GeoPackage + R-tree)", int(n_clean.split()[-1]),
         w_imp, m_imp, f"{w_each / w_imp:.1f}x / {w_once / w_imp:.1f}x gpsbabel")
    line(what, "gpsbabel -t -i garmin_fit -f X -o unicsv, one call per file", rows_each, w_each, m_each)
    line(what, "gpsbabel -t -i garmin_fit -f ... (all files) -o unicsv, one call", rows_once, w_once, m_once)
    return [
        ("FIT decode at least as fast as gpsbabel (one call per file)", w_dec <= w_each),
        ("FIT decode at least as fast as gpsbabel (one call for all files)", w_dec <= w_once),
        ("FIT decode + cleaning at least as fast as gpsbabel (one call for all files)", w_clean <= w_once),
        ("FIT import into the GeoPackage at least as fast as gpsbabel (one call per file)", w_imp <= w_each),
        ("FIT import, peak memory < 1 GB", m_imp < 1024),
        ("FIT decode, peak memory < 1 GB", m_dec < 1024),
        ("same fixes as gpsbabel", fixes == rows_once),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--fit-dir", default=DEFAULT_DIR)
    parser.add_argument("--days", type=int, help="only the first N files (a quick run)")
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rows: list[tuple[str, ...]] = []

    def line(what: str, tool: str, points: int, wall: float, rss: int, note: str = "") -> None:
        rows.append((what, tool, f"{points:,}", f"{wall:.1f}", f"{points / wall:,.0f}", f"{rss}", note))
        print(" | ".join(rows[-1]), flush=True)

    verdicts = run_fit(line, args.out, PY, args.fit_dir, args.days)
    version = subprocess.run(["gpsbabel", "-V"], check=False, capture_output=True, text=True).stdout.strip()
    command = "python bench/fit.py" + (f" --days {args.days}" if args.days else "")
    return write_report(os.path.join(args.out, "fit_results.md"), rows, verdicts, version, command, unit="fixes")


if __name__ == "__main__":
    sys.exit(main())

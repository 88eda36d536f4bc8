"""`make bench`: the GPX engine against GDAL's ogr2ogr and gpxpy, same machine, same files, same run.

Every tool runs as its own process, timed end to end (start-up included), with its peak resident memory
taken by GNU time. Prints a Markdown table and writes it to build/bench/results.md.

    python bench/run.py [--full-rate build/full_rate/gpx] [--out build/bench]
"""

from __future__ import annotations

import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

from report import write_report

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PY = sys.executable
TARGET_SPEEDUP = 2.0
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def run(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command."""
    with tempfile.NamedTemporaryFile(suffix=".time") as stats:
        started = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M", "-o", stats.name, *cmd], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        wall = time.perf_counter() - started
        peak_kb = int(open(stats.name).read().split()[-1])
    return wall, peak_kb // 1024


def run_cpu(cmd: list[str]) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one command: on a machine shared with other
    work the wall time measures the queue for the cores too, the CPU time what the command itself needed."""
    with tempfile.NamedTemporaryFile(suffix=".time") as stats:
        started = time.perf_counter()
        subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "-o", stats.name, *cmd], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wall = time.perf_counter() - started
        peak_kb, user, system = open(stats.name).read().split()[-3:]
    return wall, float(user) + float(system), int(peak_kb) // 1024


def count_points(paths: list[str]) -> int:
    return sum(open(p, "rb").read().count(b"<trkpt") for p in paths)


def make_million(files: list[str], path: str, target: int = 1_000_000) -> int:
    """One GPX file of about a million fixes: consecutive days as tracks of one document."""
    n = 0
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="green-envoy bench" '
                  b'xmlns="http://www.topografix.com/GPX/1/1" '
                  b'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n')
        for f in files:
            data = open(f, "rb").read()
            body = data[data.index(b"<trk>"): data.rindex(b"</trk>") + 6]
            out.write(body + b"\n")
            n += body.count(b"<trkpt")
            if n >= target:
                break
        out.write(b"</gpx>\n")
    return n


_PLAIN_POINT = re.compile(rb'<trkpt lat="([^"]*)" lon="([^"]*)"><ele>([^<]*)</ele><time>([^<]*)</time>')


def make_plain_million(files: list[str], path: str, target: int = 1_000_000) -> int:
    """One GPX of a million fixes as a plain 1 Hz logger writes them: lat, lon, ele, time and nothing else, one
    element a line, indented (not the generator's one-line layout with extensions, which the array reader knows)."""
    n = 0
    with open(path, "wb") as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="green-envoy bench plain" '
                  b'xmlns="http://www.topografix.com/GPX/1/1">\n')
        for f in files:
            rows = _PLAIN_POINT.findall(open(f, "rb").read())[: target - n]
            out.write(b"  <trk>\n    <trkseg>\n")
            out.write(b"".join(b'      <trkpt lat="%s" lon="%s">\n        <ele>%s</ele>\n        <time>%s</time>\n'
                               b"      </trkpt>\n" % r for r in rows))
            out.write(b"    </trkseg>\n  </trk>\n")
            n += len(rows)
            if n >= target:
                break
        out.write(b"</gpx>\n")
    return n


# Where the import's time goes, phase by phase, in one process (the child prints seconds per phase).
PHASES = (
    "import sys, time\nsys.path.insert(0, {root!r})\n"
    "from green_envoy_plugin.core.gpx import parse_gpx_bytes\n"
    "from green_envoy_plugin.core.cleaning import clean_fixes\n"
    "from green_envoy_plugin.core.tracks import track_stats\n"
    "from green_envoy_plugin.steps.tracks import import_gpx\n"
    "t0 = time.perf_counter(); data = open(sys.argv[1], 'rb').read(); doc = parse_gpx_bytes(data, sys.argv[1])\n"
    "t1 = time.perf_counter()\n"
    "for s in doc.segments:\n    parts, _ = clean_fixes(s.fixes)\n    [track_stats(p) for p in parts]\n"
    "t2 = time.perf_counter(); import_gpx([sys.argv[1]], sys.argv[2]); t3 = time.perf_counter()\n"
    "print(t1 - t0, t2 - t1, (t3 - t2) - (t2 - t0))\n"
)


def phases(path: str, store: str) -> tuple[float, float, float]:
    if os.path.exists(store):
        os.remove(store)
    out = subprocess.run([PY, "-c", PHASES.format(root=ROOT), path, store], check=True, capture_output=True, text=True)
    parse, clean, write = (float(v) for v in out.stdout.split()[-3:])
    return parse, clean, write


def plain_half(line, files, out, rounds: int = 2) -> list[tuple[str, bool]]:
    """The 1 Hz plain-layout million against ogr2ogr, same run, alternating, best of `rounds` each; and where our
    time goes."""
    plain = os.path.join(out, "plain_million.gpx")
    n_plain = make_plain_million(files, plain)
    store, ogr_store = os.path.join(out, "plain.gpkg"), os.path.join(out, "ogr_plain.gpkg")
    mine, theirs = [], []
    for _ in range(rounds):
        for path in (store, ogr_store):
            if os.path.exists(path):
                os.remove(path)
        mine.append(run_cpu([PY, "-m", "green_envoy_plugin", "-q", "import-tracks", plain, "--gpkg", store]))
        theirs.append(run_cpu(["ogr2ogr", "-q", "-f", "GPKG", ogr_store, plain, "track_points"]))
    (w_ours, _cpu, m_ours), (w_ogr, _cpu, m_ogr) = min(mine), min(theirs)
    cpu_ours, cpu_ogr = min(c for _w, c, _m in mine), min(c for _w, c, _m in theirs)
    what = f"1 file, 1M fixes, plain 1 Hz ({os.path.getsize(plain) / 1e6:.0f} MB)"
    line(what, "Green Envoy import-tracks (parse, clean, statistics, GeoPackage + R-tree)", n_plain, w_ours, m_ours,
         f"{w_ogr / w_ours:.1f}x ogr2ogr wall; CPU {cpu_ours:.1f} s vs {cpu_ogr:.1f} s: {cpu_ogr / cpu_ours:.1f}x")
    line(what, "ogr2ogr -f GPKG ... track_points (GDAL C++ GPX driver)", n_plain, w_ogr, m_ogr, f"CPU {cpu_ogr:.1f} s")
    parse, clean, write = phases(plain, store)
    line(what, "  of which: parse (expat check + array reader)", n_plain, parse, 0, "in one process")
    line(what, "  of which: cleaning and statistics", n_plain, clean, 0, "in one process")
    line(what, "  of which: GeoPackage rows, R-tree, commit", n_plain, write, 0, "in one process")
    return [(f"import >= {TARGET_SPEEDUP:.0f}x ogr2ogr on 1M fixes, plain 1 Hz file (best wall time of {rounds})",
             w_ogr / w_ours >= TARGET_SPEEDUP),
            (f"import >= {TARGET_SPEEDUP:.0f}x ogr2ogr on 1M fixes, plain 1 Hz file (CPU time)",
             cpu_ogr / cpu_ours >= TARGET_SPEEDUP)]


def ours(paths: list[str], store: str) -> tuple[float, int]:
    if os.path.exists(store):
        os.remove(store)
    return run([PY, "-m", "green_envoy_plugin", "-q", "import-tracks", *paths, "--gpkg", store])


def ogr2ogr(paths: list[str], store: str) -> tuple[float, int]:
    """GDAL's C++ GPX driver into a GeoPackage, the way a user does it: one ogr2ogr per file, appending."""
    if os.path.exists(store):
        os.remove(store)
    total, peak = 0.0, 0
    for p in paths:
        wall, rss = run(["ogr2ogr", "-q", "-f", "GPKG", "-append", store, p, "track_points"])
        total += wall
        peak = max(peak, rss)
    return total, peak


def gpxpy_parse(paths: list[str]) -> tuple[float, int]:
    code = "import sys, gpxpy\nfor p in sys.argv[1:]:\n    gpxpy.parse(open(p, encoding='utf-8'))\n"
    return run([PY, "-c", code, *paths])


def regions(store: str) -> tuple[float, int]:
    return run([PY, "-m", "green_envoy_plugin", "-q", "assign-regions", "--gpkg", store])


def gpx_half(line, million, n_million, files, n_all, store, out) -> list[tuple[str, bool]]:
    w_ours, m_ours = ours([million], store)
    w_ogr, m_ogr = ogr2ogr([million], os.path.join(out, "ogr.gpkg"))
    w_py, m_py = gpxpy_parse([million])
    line("1 file, 1M fixes", "Green Envoy import-gpx (parse, clean, statistics, GeoPackage + R-tree)", n_million,
         w_ours, m_ours, f"{w_ogr / w_ours:.1f}x ogr2ogr")
    line("1 file, 1M fixes", "ogr2ogr -f GPKG ... track_points (GDAL C++ GPX driver)", n_million, w_ogr, m_ogr)
    line("1 file, 1M fixes", "gpxpy.parse (parse only, nothing written)", n_million, w_py, m_py)
    w_ours_all, m_ours_all = ours(files, store)
    w_ogr_all, m_ogr_all = ogr2ogr(files, os.path.join(out, "ogr_all.gpkg"))
    line("4 months, all files", "Green Envoy import-gpx (one call, one transaction)", n_all, w_ours_all, m_ours_all,
         f"{w_ogr_all / w_ours_all:.1f}x ogr2ogr")
    line("4 months, all files", "ogr2ogr, one -append call per file", n_all, w_ogr_all, m_ogr_all)
    quarter = files[: len(files) // 4]
    w_q, m_q = ours(quarter, os.path.join(out, "quarter.gpkg"))
    line(f"first {len(quarter)} files", "Green Envoy import-gpx (memory vs number of files)", count_points(quarter),
         w_q, m_q)
    again, m_again = run([PY, "-m", "green_envoy_plugin", "-q", "import-gpx", *files, "--gpkg", store])
    line("4 months, again", "Green Envoy import-gpx, all unchanged (idempotent re-import)", 0, again, m_again)
    w_reg, m_reg = regions(store)
    line("4 months", "per-region statistics (assign-regions, 20 regions)", n_all, w_reg, m_reg)
    return [
        (f"import >= {TARGET_SPEEDUP:.0f}x ogr2ogr on 1M fixes", w_ogr / w_ours >= TARGET_SPEEDUP),
        (f"import >= {TARGET_SPEEDUP:.0f}x ogr2ogr on the 4 months", w_ogr_all / w_ours_all >= TARGET_SPEEDUP),
        ("peak memory, 4 months < 1 GB", m_ours_all < 1024),
        ("per-region statistics, 4 months < 5 s", w_reg < 5.0),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--full-rate", default=os.path.join(ROOT, "build", "full_rate", "gpx"))
    parser.add_argument("--out", default=os.path.join(ROOT, "build", "bench"))
    parser.add_argument("--only", choices=("gpx", "gpx-plain", "fit", "photos", "photos-import", "findings", "atlas"),
                        help="one part of the benchmark")
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.full_rate, "*.gpx")))
    if not files:
        print(f"no full-rate GPX in {args.full_rate}: run `make full-rate` first", file=sys.stderr)
        return 1
    os.makedirs(args.out, exist_ok=True)
    million = os.path.join(args.out, "million.gpx")
    n_million = make_million(files, million)
    n_all = count_points(files)
    mb_all = sum(os.path.getsize(f) for f in files) / 1e6
    print(f"data: {n_million:,} fixes in one file ({os.path.getsize(million) / 1e6:.0f} MB); "
          f"{len(files)} daily files, {n_all:,} fixes ({mb_all:.0f} MB)", flush=True)
    rows = []

    def line(what, tool, points, wall, rss, note=""):
        rate = points / wall if points else 0
        rows.append((what, tool, f"{points:,}" if points else "", f"{wall:.1f}", f"{rate:,.0f}" if points else "",
                     f"{rss}", note))
        print(" | ".join(rows[-1]), flush=True)

    store = os.path.join(args.out, "ours.gpkg")
    verdicts = []
    if args.only in (None, "gpx", "gpx-plain"):
        verdicts += plain_half(line, files, args.out)
    if args.only in (None, "gpx"):
        verdicts += gpx_half(line, million, n_million, files, n_all, store, args.out)
    if args.only in (None, "fit"):
        from fit import run_fit

        verdicts += run_fit(line, args.out, PY, os.path.join(ROOT, "build", "full_rate_fit", "fit"))
    if args.only not in ("gpx", "gpx-plain", "fit") and not os.path.exists(store):
        ours(files, store)
    if args.only in (None, "photos", "photos-import"):
        from photos import run_photos

        verdicts += run_photos(run, line, args.out, store, PY, import_only=args.only == "photos-import")
    if args.only in (None, "findings"):
        from findings import run_findings

        verdicts += run_findings(line, args.out, store, PY)
    if args.only in (None, "atlas"):
        if not os.path.exists(store):
            ours(files, store)
        regions(store)
        from atlas import run_atlas

        verdicts += run_atlas(line, args.out, store, PY)

    return write_report(os.path.join(args.out, "results.md"), rows, verdicts, str(shutil.which("ogr2ogr")),
                        "make bench")


if __name__ == "__main__":
    sys.exit(main())

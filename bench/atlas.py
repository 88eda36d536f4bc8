"""The atlas part of `make bench`: seconds per page of the 18-region atlas on the full-rate expedition, the
route drawn from its generalised copy (route_overview) vs from the raw tracks (every 1 Hz fix); a third run
with an empty route table measures what a page costs without any route (QGIS's own per-page work: maps of
the regions, legend, tables, PDF), so that the route's own share of each run is known.

Each process exports the atlas twice: the first export in a fresh process also pays QGIS's start-up work
(fonts, the PROJ database, SVG and image readers, Python imports); the second is what every later export
in a QGIS session costs. Both are reported; the per-page targets are judged on the second (a page's cost,
not the process's), and the first is printed beside it."""

from __future__ import annotations

import os
import subprocess
import sys

ROUNDS = 5
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCRIPT = r"""
import resource, sys, time
from green_envoy_plugin.qgis_app import ensure_qgis
ensure_qgis()
from green_envoy_plugin.atlas.export import export_atlas
from green_envoy_plugin.steps.regions import store_page_figures, store_profiles, write_route_overview
from green_envoy_plugin.store.queries import profiles_from_store
store, out, table = sys.argv[1:4]
from green_envoy_plugin.store import gpkg
gpkg.open_store(store)  # a store from an earlier plugin gains the profile field
write_route_overview(store)  # all three made by assign-regions, once, not per export
store_profiles(store, profiles_from_store(store))
store_page_figures(store)
def cpu():  # user + system seconds of the process (all its threads)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
times = []
for run in ("first", "again"):  # a fresh process, then a second export in the same session
    started, started_cpu = time.perf_counter(), cpu()
    result = export_atlas(store, out + "_" + run, route_table=table)
    times += [time.perf_counter() - started, cpu() - started_cpu]
import subprocess
pages = sum(int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
            check=True).stdout.splitlines() if line.startswith("Pages:"))) for pdf in result.pdfs)
print(*times, pages)
"""


def run_atlas(line, out_dir: str, store: str, py: str) -> list[tuple[str, bool]]:
    # The empty route: route_overview's table with no rows (same fields and geometry type).
    subprocess.run(["ogr2ogr", "-q", "-update", "-overwrite", "-nln", "route_empty", "-where", "fid < 0", store, store,
                    "route_overview"], check=True)
    tables = ("tracks", "route_overview", "route_empty")
    best = dict.fromkeys(tables, float("inf"))
    first = dict.fromkeys(tables, float("inf"))
    best_cpu = dict.fromkeys(tables, float("inf"))
    # The best of five runs of each, taken in turn: a run here varies by a tenth either way (2 shared cores),
    # and the fastest is the one least disturbed by other work on the machine. The CPU seconds (user + system)
    # are what the export itself needed: on a machine shared with other work the wall time also measures the
    # queue for the cores.
    for _round in range(ROUNDS):
        for table in tables:
            result = subprocess.run([py, "-c", SCRIPT, store, os.path.join(out_dir, f"atlas_{table}"), table],
                                    capture_output=True, text=True, check=True,
                                    env={**os.environ, "PYTHONPATH": ROOT, "QT_QPA_PLATFORM": "offscreen"})
            cold, _cold_cpu, warm, warm_cpu, pages = result.stdout.split()[-5:]
            first[table] = min(first[table], float(cold))
            best[table] = min(best[table], float(warm))
            best_cpu[table] = min(best_cpu[table], float(warm_cpu))
    per_page = {table: best[table] / int(pages) for table in tables}
    cpu_page = {table: best_cpu[table] / int(pages) for table in tables}
    for table in tables:
        line(f"atlas, 18 regions, {pages} pages", f"PDF export, route from {table} (best of {ROUNDS})", int(pages),
             best[table], 0, f"{per_page[table]:.3f} s/page, CPU {cpu_page[table]:.3f} s/page; first export in a "
             f"fresh process {first[table]:.1f} s")
    speedup = per_page["tracks"] / per_page["route_overview"]
    cpu_speedup = cpu_page["tracks"] / cpu_page["route_overview"]
    first_speedup = first["tracks"] / first["route_overview"]
    # The route's own cost per page: the run minus the same pages without a route.
    raw_route, overview_route = (per_page[t] - per_page["route_empty"] for t in ("tracks", "route_overview"))
    # Under a millisecond a page, route_overview's share is lost in the runs' noise: no ratio is claimed then.
    share = (f"{overview_route:.3f} vs {raw_route:.3f} s/page: {raw_route / overview_route:.0f}x"
             if overview_route >= 1e-3 else
             f"{overview_route:.3f} (within the noise of the run without a route) vs {raw_route:.3f} s/page")
    line("atlas, the route's own share", "route_overview vs tracks, each minus the pages without a route", 0,
         max(overview_route, 0.0) * int(pages), 0, share)
    print(f"atlas speed-up {speedup:.1f}x wall, {cpu_speedup:.1f}x CPU; first export in a fresh process "
          f"{first_speedup:.1f}x (the route's own share: {share})", file=sys.stderr)
    return [(f"atlas >= 5x faster with the generalised route ({speedup:.1f}x; the first export in a fresh process "
             f"{first_speedup:.1f}x)", speedup >= 5.0),
            (f"atlas >= 5x faster with the generalised route, CPU time ({cpu_speedup:.1f}x)", cpu_speedup >= 5.0),
            ("atlas < 2 s per page", per_page["route_overview"] < 2.0)]

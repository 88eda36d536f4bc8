"""The atlas part of `make bench`: seconds per page of the 18-region atlas on the full-rate expedition, the
route drawn from its generalised copy (route_overview) vs from the raw tracks (every 1 Hz fix)."""

from __future__ import annotations

import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCRIPT = r"""
import sys, time
from green_envoy_plugin.qgis_app import ensure_qgis
ensure_qgis()
from green_envoy_plugin import pipeline
from green_envoy_plugin.atlas.export import export_atlas
store, out, table = sys.argv[1:4]
from green_envoy_plugin.store import gpkg
gpkg.open_store(store)  # a store from an earlier plugin gains the profile field
pipeline.write_route_overview(store)  # both made by assign-regions, once, not per export
pipeline.store_profiles(store, pipeline.profiles_from_store(store))
started = time.perf_counter()
result = export_atlas(store, out, route_table=table)
seconds = time.perf_counter() - started
import subprocess
pages = sum(int(next(line.split()[-1] for line in subprocess.run(["pdfinfo", pdf], capture_output=True, text=True,
            check=True).stdout.splitlines() if line.startswith("Pages:"))) for pdf in result.pdfs)
print(seconds, pages)
"""


def run_atlas(line, out_dir: str, store: str, py: str) -> list[tuple[str, bool]]:
    per_page = {}
    for table in ("tracks", "route_overview"):
        result = subprocess.run([py, "-c", SCRIPT, store, os.path.join(out_dir, f"atlas_{table}"), table],
                                capture_output=True, text=True, check=True,
                                env={**os.environ, "PYTHONPATH": ROOT, "QT_QPA_PLATFORM": "offscreen"})
        seconds, pages = result.stdout.split()[-2:]
        per_page[table] = float(seconds) / int(pages)
        line(f"atlas, 18 regions, {pages} pages", f"PDF export, route from {table}", int(pages), float(seconds), 0,
             f"{per_page[table]:.2f} s/page")
    speedup = per_page["tracks"] / per_page["route_overview"]
    print(f"atlas speed-up {speedup:.1f}x", file=sys.stderr)
    return [(f"atlas >= 5x faster with the generalised route ({speedup:.1f}x)", speedup >= 5.0),
            ("atlas < 2 s per page", per_page["route_overview"] < 2.0)]

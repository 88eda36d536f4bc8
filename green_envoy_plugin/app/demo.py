"""The demo: the whole chain on the sample data, as `make demo` and `python -m green_envoy_plugin demo` run it."""

from __future__ import annotations

import json
import os
import shutil
from typing import TYPE_CHECKING

from ..qgis_app import ensure_qgis
from ..steps.feedback import Feedback, SilentFeedback
from ..steps.findings import import_findings
from ..steps.media import import_media
from ..steps.official import compare_official
from ..steps.regions import RegionSummary, assign_regions
from ..steps.tracks import import_gpx
from ..thumbnails import qt_thumbnailer
from .atlas import export_atlas

if TYPE_CHECKING:
    from ..atlas.export import AtlasResult


def run_demo(sample_dir: str, out_dir: str, feedback: Feedback | None = None
             ) -> tuple[RegionSummary, AtlasResult]:
    """The whole chain on the sample data, from an empty store: GPX, findings, photos, regions, atlas."""
    feedback = feedback or SilentFeedback()
    store = os.path.join(out_dir, "expedition.gpkg")
    atlas_dir = os.path.join(out_dir, "atlas")
    for stale in (store, atlas_dir):
        if os.path.isdir(stale):
            shutil.rmtree(stale)
        elif os.path.exists(stale):
            os.remove(stale)
    import_gpx([os.path.join(sample_dir, "gpx")], store, feedback=feedback)
    import_findings(os.path.join(sample_dir, "findings.csv"), store, feedback=feedback)
    photos = os.path.join(sample_dir, "photos")
    with open(os.path.join(photos, "camera_clock.json"), encoding="utf-8") as handle:
        camera = json.load(handle)  # what the envoy noted about the camera's wrong clock
    # every thumbnail stored (the sample's photos embed none): the demo's store shows them without the plugin's folder
    import_media(photos, store, camera["clock_tz"], camera["clock_offset_s"], thumbnailer=qt_thumbnailer(),
                 feedback=feedback, all_thumbnails=True)
    summary = assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"), feedback=feedback,
                             settlements=os.path.join(sample_dir, "settlements.gpkg"),
                             districts=os.path.join(sample_dir, "kz_districts.gpkg"))
    compare_official(store, os.path.join(sample_dir, "official_landfills_synthetic.gpkg"), "registry_id",
                     layer_label="landfill registry (SYNTHETIC sample)", feedback=feedback)
    ensure_qgis()
    atlas = export_atlas(store, atlas_dir, feedback=feedback, media_dir=photos)
    return summary, atlas

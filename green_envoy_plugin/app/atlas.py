"""The atlas export as every entry point runs it (CLI, Processing, panel, demo): first the step that brings the
page figures in the store up to date, then the export, which only reads the store."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from ..steps.feedback import Feedback
from ..steps.regions import store_page_figures

if TYPE_CHECKING:
    from ..atlas.export import AtlasResult


def export_atlas(gpkg_path: str, out_dir: str, feedback: Feedback | None = None, **options: Any) -> AtlasResult:
    """`atlas.export.export_atlas` (same options) on figures counted now: findings edited in QGIS or media
    imported since assign-regions and compare-official change them. Needs a running QGIS application."""
    from ..atlas.export import export_atlas as export_pages

    if os.path.isfile(gpkg_path):  # a missing store is named by the export, not created here
        store_page_figures(gpkg_path)
    return export_pages(gpkg_path, out_dir, feedback, **options)

"""The atlas export as every entry point runs it (CLI, Processing, panel, demo): first the step that brings the
page figures in the store up to date, then the export, which only reads the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..steps.feedback import Feedback, SilentFeedback
from ..steps.regions import store_page_figures
from ..store import access

if TYPE_CHECKING:
    from ..atlas.export import AtlasResult


def export_atlas(gpkg_path: str, out_dir: str, feedback: Feedback | None = None, **options: Any) -> AtlasResult:
    """`atlas.export.export_atlas` (same options) on figures counted now: findings edited in QGIS or media
    imported since assign-regions and compare-official change them. Needs a running QGIS application.

    The atlas is a reader: a missing store, a folder, a CSV or another GeoPackage is refused in one line; a
    read-only store, or one another command is writing (an import), is exported as it is, with the figures as
    last counted (said once), without waiting."""
    from ..atlas.export import export_atlas as export_pages

    feedback = feedback or SilentFeedback()
    access.check_store(gpkg_path)
    reason = access.read_only_reason(gpkg_path)
    if reason:
        feedback.pushInfo(f"{gpkg_path}: read-only ({reason}): the pages print the figures as last counted")
    else:
        try:
            with access.writing(gpkg_path, "atlas", wait=False):
                store_page_figures(gpkg_path)
        except access.StoreBusy as busy:
            feedback.pushInfo(f"{busy}: the pages print the committed data, with the figures as last counted")
    return export_pages(gpkg_path, out_dir, feedback, **options)

"""The atlas's photos folder (issue 16, item 5: photos printed at >= 300 ppi) through Processing: exportatlas's
MEDIA reads the originals, as `atlas --media` does; without it the pages print the 256 px thumbnails."""

import os
import shutil
import subprocess

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

from tests import test_processing
from tests.helpers.paths import SAMPLE

PHOTOS = os.path.join(SAMPLE, "photos")


provider = test_processing.provider  # the provider registered for the test, as the Processing tests have it


@pytest.fixture
def store(tmp_path, qgis_app):
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.media import import_media
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx
    from green_envoy_plugin.thumbnails import qt_thumbnailer

    path = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", f"2025-{d}.gpx") for d in ("09-01", "09-02")], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    # Imported from a card that is gone since, every thumbnail stored (the sample's photos embed none): without
    # the media folder the pages can only print the thumbnails.
    card = shutil.copytree(PHOTOS, tmp_path / "card")
    import_media(str(card), path, "+06:00", 462, thumbnailer=qt_thumbnailer(), all_thumbnails=True)
    shutil.rmtree(card)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


def _widest_images(pdf):
    """The pixel widths of the photos in the PDF (pdfimages -list), widest first."""
    listing = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:]]
    return sorted((int(r[3]) for r in rows if r[2] == "image"), reverse=True)


def test_processing_prints_the_original_photos_from_the_media_folder(provider, store, tmp_path):
    import processing

    from green_envoy_plugin.processing_provider.atlas import ExportAtlas

    algorithm = QgsApplication.processingRegistry().algorithmById("greenenvoy:exportatlas")
    media = next(p for p in algorithm.parameterDefinitions() if p.name() == ExportAtlas.MEDIA)
    assert media.flags() & media.FlagOptional and media.behavior() == media.Folder
    base = {"GPKG": store, "REGIONS": "Karaganda Region"}
    processing.run("greenenvoy:exportatlas", {**base, "OUTPUT": str(tmp_path / "thumbs")})
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    result = processing.run("greenenvoy:exportatlas", {**base, "OUTPUT": str(tmp_path / "sharp"), "MEDIA": PHOTOS},
                            context=context, feedback=feedback)
    assert result["PDFS"] == 1
    thumbs = _widest_images(str(tmp_path / "thumbs" / "karaganda_region.pdf"))
    sharp = _widest_images(str(tmp_path / "sharp" / "karaganda_region.pdf"))
    assert thumbs and max(thumbs) <= 256  # the stored thumbnails: soft in print
    # The sample's originals are 640 px wide; their place on A4 is 42 mm wide at most: >= 300 ppi.
    assert max(sharp) == 640 and max(sharp) / (42 / 25.4) >= 300


def test_the_panels_atlas_step_prints_the_originals_and_remembers_the_folder(store, tmp_path, qgis_iface,
                                                                            qgis_new_project):
    from qgis.core import QgsProject
    from qgis.gui import QgsGui

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    QgsGui.editorWidgetRegistry().initEditors()
    panel = ExpeditionPanel(qgis_iface)
    panel.store.setFilePath(store)
    panel.refresh_atlas_regions()
    panel.atlas_regions.setCheckedItems(["Karaganda Region"])
    panel.atlas_dir.setFilePath(str(tmp_path / "panel"))
    panel.media.setFilePath("")  # not the photo import's folder: the atlas step's own
    panel.atlas_media.setFilePath(PHOTOS)
    result = panel.run_atlas()
    assert panel.last_error == "" and [os.path.basename(p) for p in result.pdfs] == ["karaganda_region.pdf"]
    assert max(_widest_images(result.pdfs[0])) == 640
    assert QgsProject.instance().readEntry("green_envoy", "atlas_media")[0] == PHOTOS
    panel.atlas_media.setFilePath("")
    panel._restore_settings()  # the project read again
    assert panel.atlas_media.filePath() == PHOTOS

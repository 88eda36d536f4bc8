"""An atlas drawn while the store could not be read is not kept (atlas/export.py): QGIS draws a layer it could not
read without it and says so only to its log (seen with three exports on one store, one of them writing the page
figures: "sqlite3_step(): unable to open database file"). The export is drawn again; pages that never read
whole are refused with a message, none kept."""

import os

import pytest

from green_envoy_plugin.steps.feedback import SilentFeedback
from tests.helpers.paths import SAMPLE


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("busy") / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", f"2025-{day}.gpx") for day in ("09-05", "09-06")], path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


class Feedback(SilentFeedback):
    """The export's messages, kept."""

    def __init__(self):
        self.infos = []

    def pushInfo(self, text):
        self.infos.append(text)


def _gdal_error(level, message: str) -> None:
    """A GDAL error as a driver reports one, to the error handlers: with the bindings' exceptions on (GDAL 3.10 on
    trixie) gdal.Error would raise it here instead."""
    from osgeo import gdal

    raising = gdal.GetUseExceptions()
    if raising:
        gdal.DontUseExceptions()
    try:
        gdal.Error(level, 1, message)
    finally:
        if raising:
            gdal.UseExceptions()


def _failing_reads(monkeypatch, times: int):
    """GDAL reports a failed read of the store while the pages are drawn, in the first `times` exports."""
    from osgeo import gdal

    from green_envoy_plugin.atlas import export

    calls = []
    draw = export.write_profiles

    def write_profiles(*args, **kwargs):
        calls.append(1)
        if len(calls) <= times:
            _gdal_error(gdal.CE_Failure, "In GetNextRawFeature(): sqlite3_step() : unable to open database file")
        return draw(*args, **kwargs)

    monkeypatch.setattr(export, "write_profiles", write_profiles)
    monkeypatch.setattr(export.time, "sleep", lambda _seconds: None)
    return calls


def test_pages_drawn_while_the_store_could_not_be_read_are_drawn_again(store, tmp_path, monkeypatch):
    from green_envoy_plugin.atlas.export import export_atlas

    calls = _failing_reads(monkeypatch, 1)
    feedback = Feedback()
    result = export_atlas(store, str(tmp_path / "pages"), feedback)
    assert len(calls) == 2
    assert result.pdfs and all(os.path.getsize(pdf) > 10_000 for pdf in result.pdfs)
    assert any("could not be read" in info and "drawn again" in info for info in feedback.infos)


def test_pages_that_never_read_the_store_whole_are_not_kept(store, tmp_path, monkeypatch):
    from green_envoy_plugin.atlas.errors import AtlasError
    from green_envoy_plugin.atlas.export import export_atlas
    from green_envoy_plugin.atlas.writing import STORE_READ_ATTEMPTS

    calls = _failing_reads(monkeypatch, 99)
    out = tmp_path / "pages"
    with pytest.raises(AtlasError, match=r"could not be read.*unable to open database file.*no page kept"):
        export_atlas(store, str(out), Feedback())
    assert len(calls) == STORE_READ_ATTEMPTS
    assert not [name for name in os.listdir(out) if name.endswith(".pdf")]


def test_an_atlas_that_could_not_start_for_an_unread_store_is_tried_again(store, tmp_path, monkeypatch):
    # The coverage layer unread, QGIS's atlas does not start: not "run assign-regions first" while the store has
    # its regions.
    from osgeo import gdal
    from qgis.core import QgsLayoutAtlas

    from green_envoy_plugin.atlas import export

    calls = []
    begin = QgsLayoutAtlas.beginRender

    def begin_render(atlas):
        calls.append(1)
        if len(calls) == 1:
            _gdal_error(gdal.CE_Failure, "sqlite3_get_table(SELECT ...) failed: unable to open database file")
            return False
        return begin(atlas)

    monkeypatch.setattr(QgsLayoutAtlas, "beginRender", begin_render)
    monkeypatch.setattr(export.time, "sleep", lambda _seconds: None)
    feedback = Feedback()
    assert export.export_atlas(store, str(tmp_path / "pages"), feedback).pdfs
    assert len(calls) == 2 and any("drawn again" in info for info in feedback.infos)


def test_other_gdal_messages_do_not_redraw_the_pages(store, tmp_path, monkeypatch):
    from osgeo import gdal

    from green_envoy_plugin.atlas import export

    calls = []
    draw = export.write_profiles

    def write_profiles(*args, **kwargs):
        calls.append(1)
        _gdal_error(gdal.CE_Warning, "sqlite3: a warning only")
        _gdal_error(gdal.CE_Failure, "a raster basemap tile could not be fetched")
        return draw(*args, **kwargs)

    monkeypatch.setattr(export, "write_profiles", write_profiles)
    assert export.export_atlas(store, str(tmp_path / "pages"), Feedback()).pdfs
    assert len(calls) == 1

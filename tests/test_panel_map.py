"""Results readable on the map (issue 19, item 7), a map tip with its photo (item 10) and tasks that never touch
the panel from their thread nor outlive it (issue 13, item 10)."""

import os
import re
import shutil

import pytest
from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapLayer,
    QgsProject,
    QgsVectorLayer,
)

from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.media import import_media
from green_envoy_plugin.steps.official import compare_official
from green_envoy_plugin.steps.tracks import import_gpx
from green_envoy_plugin.thumbnails import make_thumbnail
from tests.test_panel import SAMPLE, click, wait
from tests.test_panel_traps import log, panel  # noqa: F401 (the fixtures)


@pytest.fixture(scope="module")
def compared_store(tmp_path_factory, qgis_app):
    store = str(tmp_path_factory.mktemp("map") / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx")], store)
    import_findings(os.path.join(SAMPLE, "findings.csv"), store)
    import_media(os.path.join(SAMPLE, "photos"), store, "+06:00", 462, thumbnailer=make_thumbnail)
    compare_official(store, os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"))
    return store


def test_first_use_takes_the_expedition_projection_and_offers_it_to_a_project_with_layers(panel, tmp_path):  # noqa: F811
    from green_envoy_plugin.atlas.items import map_crs

    project = QgsProject.instance()
    assert project.crs() != map_crs()
    panel.gpx.setFilePath(os.path.join(SAMPLE, "gpx", "2025-08-03.gpx"))
    wait(click(panel, panel.import_gpx))
    assert project.crs() == map_crs()  # an empty project: set, Kazakhstan not stretched

    # A project that already had the user's layers in its own CRS is asked, not changed.
    project.clear()
    project.setCrs(QgsVectorLayer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "regions", "ogr").crs())
    project.addMapLayer(QgsVectorLayer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "regions", "ogr"))
    panel.store.setFilePath(str(tmp_path / "second.gpkg"))
    wait(click(panel, panel.import_gpx))
    assert project.crs().authid() == "EPSG:4326"
    assert "projection" in panel.last_message[0]
    panel.crs_offer()  # the user's "Use the expedition's projection"
    assert project.crs() == map_crs()


def test_store_layers_styled_named_and_translated_again_in_another_language(compared_store):
    from green_envoy_plugin.i18n import language
    from green_envoy_plugin.qgis_layers import add_store_layers, localize_store_layers

    project = QgsProject.instance()
    layers = add_store_layers(compared_store, project)
    try:
        assert layers["code_lists"].flags() & QgsMapLayer.Private  # the form's lists, not in the layer tree
        assert project.layerTreeRoot().findLayer(layers["code_lists"].id()) is None
        comparison = layers["findings:comparison"]
        assert isinstance(comparison.renderer(), QgsCategorizedSymbolRenderer)
        assert comparison.renderer().classAttribute() == "official_class"
        assert [c.label() for c in comparison.renderer().categories()] == [
            "In the official layer", "Near an official record", "Not in the official layer"]
        assert layers["official_unreported"].featureCount() > 0
        assert layers["regions"].labelsEnabled()
        categories = layers["findings"].renderer().categories()  # kept: a category's symbol lives with it
        size = categories[0].symbol().dataDefinedSize().expressionString()
        assert "@map_scale" in size  # smaller circles at country scale
        layers["tracks"].setName("My route")  # renamed by the user: kept
        with language("ru"):
            localize_store_layers(compared_store, project)
            names = {key: layer.name() for key, layer in layers.items()}
            assert names["findings"] == "Выявленные проблемы" and names["tracks"] == "My route"
            assert names["official_unreported"] == "Официальные записи, не отмеченные экспедицией"
            findings = layers["findings"]
            assert findings.attributeAlias(findings.fields().indexOf("severity")) != "Severity (1-5)"
            labels = [category.label() for category in comparison.renderer().categories()]
            assert labels[0] == "В официальном слое"
    finally:
        project.removeAllMapLayers()


def test_a_finding_map_tip_shows_its_photo(compared_store, tmp_path):
    from qgis.PyQt.QtCore import QUrl

    from green_envoy_plugin.qgis_layers import add_store_layers
    from green_envoy_plugin.steps.media import store_missing_thumbnails

    def tips(store):
        project = QgsProject.instance()
        layers = add_store_layers(store, project)
        try:
            findings = layers["findings"]
            linked = {f["finding_id"] for f in layers["media"].getFeatures() if f["finding_id"]}
            feature = next(f for f in findings.getFeatures() if f["finding_id"] in linked)
            context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(findings))
            context.setFeature(feature)
            html = QgsExpression.replaceExpressionText(findings.mapTipTemplate(), context)
            assert feature["finding_id"] in html
            lonely = next(f for f in findings.getFeatures() if f["finding_id"] not in linked)
            context.setFeature(lonely)
            assert "<img" not in QgsExpression.replaceExpressionText(findings.mapTipTemplate(), context)
            return html
        finally:
            project.removeAllMapLayers()

    # The sample's photos embed no thumbnail, so none is stored: the tip shows the original.
    url = re.search(r'<img width="240" src="(file:///[^"]+)"', tips(compared_store))
    assert url and os.path.isfile(QUrl(url.group(1)).toLocalFile())
    stored = str(tmp_path / "stored.gpkg")  # import-photos --all-thumbnails: the stored one, inline
    shutil.copyfile(compared_store, stored)
    store_missing_thumbnails(stored, make_thumbnail)
    html = tips(stored)
    assert 'src="data:image/jpeg;base64,/9j/' in html and "file:" not in html


def test_a_task_works_on_the_values_read_when_it_started(panel, tmp_path):  # noqa: F811
    first = panel.store_path()
    panel.gpx.setFilePath(os.path.join(SAMPLE, "gpx"))
    task = click(panel, panel.import_gpx)
    panel.store.setFilePath(str(tmp_path / "other.gpkg"))  # changed while the task runs
    panel.gpx.setFilePath(str(tmp_path))
    wait(task)
    assert panel.last_error == ""
    assert os.path.isfile(first) and not os.path.exists(tmp_path / "other.gpkg")


def test_unload_cancels_and_waits_for_running_tasks(qgis_iface, qgis_new_project, tmp_path):
    from green_envoy_plugin.gui.panel import ExpeditionPanel

    gpx = tmp_path / "gpx"
    shutil.copytree(os.path.join(SAMPLE, "gpx"), gpx)
    panel = ExpeditionPanel(qgis_iface)  # noqa: F811 (its own panel, started and unloaded here)
    panel.store.setFilePath(str(tmp_path / "e.gpkg"))
    panel.gpx.setFilePath(str(gpx))
    task = click(panel, panel.import_gpx)
    called = []
    task.done = lambda *args: called.append(args)  # what would call into the panel
    assert panel.cancel_tasks(timeout_s=60) == 0
    assert not called and panel.tasks == []
    assert QgsApplication.taskManager().countActiveTasks() == 0


def test_the_panel_reopens_with_its_project(qgis_iface, qgis_new_project, tmp_path):
    from tests.helpers import plugin_in_locale

    path = str(tmp_path / "season.qgs")
    with plugin_in_locale(qgis_iface, "en") as plugin:
        assert plugin.panel is None
        plugin.panel_action.setChecked(True)  # the user opens the panel
        assert QgsProject.instance().readBoolEntry("green_envoy", "panel/visible")[0]
        assert QgsProject.instance().write(path)
    QgsProject.instance().clear()
    with plugin_in_locale(qgis_iface, "en") as plugin:
        assert plugin.panel is None
        assert QgsProject.instance().read(path)
        assert plugin.panel is not None and plugin.panel_action.isChecked()


def test_a_failed_step_is_in_the_log_with_its_details(panel, tmp_path, log):  # noqa: F811
    """The message bar says the details are in the log: they are (the error, under the step's name)."""
    from qgis.core import Qgis

    panel.gpx.setFilePath(str(tmp_path / "no such folder"))
    wait(click(panel, panel.import_gpx))
    text, level = panel.last_message
    assert level == Qgis.Critical and "log" in text
    assert any(message.startswith("Import tracks: ") and "no such folder" in message and lv == Qgis.Critical
               for message, _tag, lv in log)

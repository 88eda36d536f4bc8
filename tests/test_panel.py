"""The Expedition panel: each step a background task, the store's state shown, errors in the message bar."""

import os
import subprocess
import time

import pytest
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from .helpers import plugin_in_locale

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample_data")


def wait(task, timeout=120):
    started = time.monotonic()
    while task in QgsApplication.taskManager().tasks() or task.status() not in (task.Complete, task.Terminated):
        QgsApplication.processEvents()
        time.sleep(0.01)
        if time.monotonic() - started > timeout:
            raise TimeoutError(task.description())
    for _ in range(20):  # let finished() run on the main thread
        QgsApplication.processEvents()


@pytest.fixture
def panel(qgis_iface, qgis_new_project, tmp_path):
    from qgis.gui import QgsGui

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    QgsGui.editorWidgetRegistry().initEditors()
    widget = ExpeditionPanel(qgis_iface)
    widget.store.setFilePath(str(tmp_path / "expedition.gpkg"))
    yield widget
    QgsProject.instance().removeAllMapLayers()


def click(panel, button):
    """Press the panel's button as a user would; returns the background task it started."""
    before = list(panel.tasks)
    button.click()
    started = [t for t in panel.tasks if t not in before]
    return started[0]


def test_workflow_from_the_panel(panel, tmp_path, qgis_iface):
    panel.gpx.setFilePath(os.path.join(SAMPLE, "gpx"))
    wait(click(panel, panel.import_gpx))
    assert panel.last_error == ""
    assert "148 track segments" in panel.status.text()
    # Before any assignment the status asks for one, not for one "again".
    assert "assign regions again" not in panel.status.text() and "assign regions" in panel.status.text()
    group = QgsProject.instance().layerTreeRoot().findGroup("Green Envoy")
    # added after the first import (the code lists: in the project, not in the tree)
    assert group is not None and len(group.findLayers()) == 4

    panel.findings.setFilePath(os.path.join(SAMPLE, "findings.csv"))
    wait(click(panel, panel.import_findings))
    panel.media.setFilePath(os.path.join(SAMPLE, "photos"))
    panel.tz.setText("+06:00")
    panel.offset.setValue(462)
    wait(click(panel, panel.import_media))
    assert "113 findings; 12 media" in panel.status.text()

    regions = QgsVectorLayer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "kz_admin1", "ogr")
    QgsProject.instance().addMapLayer(regions)
    panel.regions.setLayer(regions)
    panel.region_name.setField("ADM1_EN")
    wait(click(panel, panel.assign))
    assert panel.last_error == "" and "assign regions again" not in panel.status.text()
    # The user's boundaries become outlines under the store's named regions, not QGIS's random opaque fill.
    assert regions.renderer().symbol().color().alpha() == 0 and regions.name() == "kz_admin1"

    official = QgsVectorLayer(os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry", "ogr")
    QgsProject.instance().addMapLayer(official)
    panel.official.setLayer(official)
    wait(click(panel, panel.compare))
    assert panel.last_error == ""
    assert official.renderer().symbol().symbolLayer(0).shape() is not None and official.name() == "registry"
    assert official.customProperty("green_envoy/styled_as_official")

    panel.atlas_dir.setFilePath(str(tmp_path / "atlas"))
    panel.language.setCurrentIndex(2)  # Kazakh
    result = panel.run_atlas()
    assert len(result.pdfs) == 18 and all(p.endswith("_kk.pdf") for p in result.pdfs)
    # The message links the folder and has a button that opens it.
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtWidgets import QPushButton

    assert panel.last_message[0] == f"18 atlas file(s) written to {tmp_path / 'atlas'}"
    assert QUrl.fromLocalFile(str(tmp_path / "atlas")).toString() in panel.last_message_item.text()
    assert panel.last_message_item.findChild(QPushButton, "open_folder").text() == "Open folder"
    panel.combined.setChecked(True)
    panel.template.setFilePath(os.path.join(os.path.dirname(SAMPLE), "resources", "green_envoy_atlas.qpt"))
    panel.atlas_dir.setFilePath(str(tmp_path / "combined"))
    panel.page_format.setCurrentIndex(panel.page_format.findData("a3-portrait"))
    combined = panel.run_atlas().pdfs
    assert [os.path.basename(p) for p in combined] == ["atlas_kk.pdf"]
    info = subprocess.run(["pdfinfo", combined[0]], capture_output=True, text=True, check=True).stdout
    assert "842 x 1191 pts (A3)" in info
    # The store is remembered by the project, relative to it.
    assert QgsProject.instance().readEntry("green_envoy", "store")[0].endswith("expedition.gpkg")


def test_a_bad_step_reports_in_the_message_bar_and_cancel_stops(panel, tmp_path):
    panel.gpx.setFilePath(str(tmp_path / "nothing_here"))
    os.makedirs(tmp_path / "nothing_here")
    wait(panel.run_import_gpx())
    assert "no GPX" in panel.last_error and "file found" in panel.last_error
    panel.gpx.setFilePath(os.path.join(SAMPLE, "gpx"))
    task = panel.run_import_gpx()
    task.cancel()
    wait(task)
    assert "cancel" in panel.last_error


@pytest.mark.parametrize(("locale", "store_title", "action"), [
    ("kk", "1. Экспедиция қоймасы", "Экспедиция панелі"),
    ("ru", "1. Хранилище экспедиции", "Панель экспедиции"),
])
def test_panel_and_menu_follow_the_qgis_language(qgis_iface, locale, store_title, action):
    from qgis.PyQt.QtWidgets import QGroupBox

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    with plugin_in_locale(qgis_iface, locale) as plugin:
        assert action in [a.text() for a in plugin.actions]
        panel = ExpeditionPanel(qgis_iface)
        assert panel.findChildren(QGroupBox)[0].title() == store_title
    english = ExpeditionPanel(qgis_iface)
    assert english.findChildren(QGroupBox)[0].title() == "1. Expedition store"  # unloading removed the translation

"""The panel's traps (issue 19, items 1-4): pickers that offered the store's own layers, a map that did not show
the result, a forgotten camera clock offset, messages that showed the last log line."""

import os

import pytest
from qgis.core import Qgis, QgsApplication, QgsProject, QgsVectorLayer

from tests.test_panel import SAMPLE, click, wait

FINDINGS_HEADER = "finding_id,observed_at,lat,lon,category,case_type,severity,concerns,settlement,description,source"
GOOD_ROW = ("F-001,2025-08-03T08:17:21+05:00,44.398861,77.702985,landfill,worn_water_infrastructure,1,"
            "drinking_water,Qonayev,Landfill.,field")
BAD_ROW = "F-002,2025-08-03T09:40:56+05:00,144.61,77.74,waste,other,5,rivers,Qonayev,Dump.,field"


@pytest.fixture
def panel(qgis_iface, qgis_new_project, tmp_path):
    from qgis.gui import QgsGui

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    QgsGui.editorWidgetRegistry().initEditors()
    qgis_iface.messageBar().clear_messages()
    widget = ExpeditionPanel(qgis_iface)
    widget.store.setFilePath(str(tmp_path / "expedition.gpkg"))
    yield widget
    QgsProject.instance().removeAllMapLayers()


def imported(panel):
    panel.gpx.setFilePath(os.path.join(SAMPLE, "gpx"))
    wait(click(panel, panel.import_gpx))
    assert panel.last_error == ""
    return panel


def layer(path, name):
    loaded = QgsVectorLayer(path, name, "ogr")
    assert loaded.isValid()
    QgsProject.instance().addMapLayer(loaded)
    return loaded


def own_layers(panel):
    from green_envoy_plugin.qgis_layers import store_layers

    return {t: ls[0] for t, ls in store_layers(panel.store_path()).items()}


# ---------------------------------------------------------------------------------------------- 1. the pickers

def test_pickers_start_empty_and_never_offer_the_store_layers(panel):
    regions = layer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "kz_admin1")
    assert panel.regions.currentLayer() is None and panel.official.currentLayer() is None  # not "the first one"
    imported(panel)
    own = own_layers(panel)
    assert {"tracks", "findings", "media", "regions", "code_lists"} <= set(own)
    for picker in (panel.regions, panel.official):
        assert set(own.values()) <= set(picker.exceptedLayerList())
        assert picker.currentLayer() is None
        picker.setLayer(own["regions"] if picker is panel.regions else own["findings"])
        assert picker.currentLayer() is None  # not offered, so not selectable
    panel.regions.setLayer(regions)
    assert panel.regions.currentLayer() is regions
    layer(os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry")
    assert panel.regions.currentLayer() is regions and panel.official.currentLayer() is None


def test_compare_refuses_the_store_findings_as_the_official_layer(panel, qgis_iface):
    imported(panel)
    findings = own_layers(panel)["findings"]
    panel.official.setExceptedLayerList([])  # however the store's Findings got into the picker
    panel.official.setLayer(findings)
    assert panel.official.currentLayer() is findings
    before = list(panel.tasks)
    assert panel.run_compare() is None and panel.tasks == before
    assert "own table" in panel.last_error and findings.name() in panel.last_error
    assert panel.last_message[1] == Qgis.Critical
    panel.regions.setExceptedLayerList([])
    panel.regions.setLayer(own_layers(panel)["regions"])
    assert panel.run_assign() is None and "own table" in panel.last_error


def test_reopening_the_project_restores_the_chosen_layers(panel, qgis_iface, tmp_path):
    from green_envoy_plugin.gui.panel import ExpeditionPanel

    imported(panel)
    regions = layer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "kz_admin1")
    official = layer(os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry")
    panel.regions.setLayer(regions)
    panel.region_name.setField("ADM1_EN")
    panel.official.setLayer(official)
    wait(click(panel, panel.assign))
    assert panel.last_error == ""
    project = QgsProject.instance()
    path = str(tmp_path / "season.qgz")
    assert project.write(path)
    ids = regions.id(), official.id()

    project.clear()
    assert project.read(path)
    # The open panel follows the project it reads; a new panel (QGIS restarted) finds the same choice.
    for widget in (panel, ExpeditionPanel(qgis_iface)):
        assert (widget.regions.currentLayer().id(), widget.official.currentLayer().id()) == ids
        assert widget.region_name.currentField() == "ADM1_EN"

    # A project saved with the store's Findings as the official layer (the old default) opens with it empty.
    project.writeEntry("green_envoy", "layer/official", own_layers(panel)["findings"].id())
    assert ExpeditionPanel(qgis_iface).official.currentLayer() is None


# ---------------------------------------------------------------------------------------------- 2. the map

def test_the_map_shows_each_result_without_a_refresh(panel, qgis_iface):
    canvas = qgis_iface.mapCanvas()
    imported(panel)
    own = own_layers(panel)
    assert own["tracks"].featureCount() == 148
    tracks_extent = own["tracks"].extent()
    if canvas.mapSettings().destinationCrs() != own["tracks"].crs():
        from qgis.core import QgsCoordinateTransform

        tracks_extent = QgsCoordinateTransform(own["tracks"].crs(), canvas.mapSettings().destinationCrs(),
                                               QgsProject.instance()).transformBoundingBox(tracks_extent)
    assert canvas.extent().contains(tracks_extent)  # zoomed to the expedition after the first import

    findings = own["findings"]
    assert findings.featureCount() == 0
    panel.findings.setFilePath(os.path.join(SAMPLE, "findings.csv"))
    wait(click(panel, panel.import_findings))
    assert findings.featureCount() == 113 and not findings.extent().isEmpty()  # the same layer, read again
    assert len(list(findings.getFeatures())) == 113

    QgsProject.instance().removeMapLayer(own["media"].id())
    panel.media.setFilePath(os.path.join(SAMPLE, "photos"))
    wait(click(panel, panel.import_media))
    assert own_layers(panel)["media"].featureCount() == 12  # the step's table came back


# ---------------------------------------------------------------------------------------------- 3. the camera

def test_the_camera_clock_offset_survives_the_panel(panel, qgis_iface, tmp_path):
    from green_envoy_plugin.gui.panel import ExpeditionPanel

    imported(panel)
    panel.media.setFilePath(os.path.join(SAMPLE, "photos"))
    panel.tz.setText("+06:00")
    panel.offset.setValue(462)
    wait(click(panel, panel.import_media))
    assert qgis_iface.messageBar().get_messages(Qgis.Success)[-1].startswith("Green Envoy:Import media: ")

    again = ExpeditionPanel(qgis_iface)
    assert again.offset.value() == 462 and again.tz.text() == "+06:00"

    # A project that never saw the offset (the store opened from another project): the one the photos were
    # placed with, read from the store, not 0.
    path = panel.store_path()
    QgsProject.instance().clear()
    QgsProject.instance().writeEntry("green_envoy", "store", path)
    fresh = ExpeditionPanel(qgis_iface)
    assert fresh.store_path() == path and fresh.offset.value() == 462

    # Re-running with another offset moves the photos placed by time: a warning, never a green message.
    fresh.offset.setValue(0)
    qgis_iface.messageBar().clear_messages()
    wait(click(fresh, fresh.import_media))
    text, level = fresh.last_message
    assert level == Qgis.Warning and "offset changed from 462" in text
    assert not qgis_iface.messageBar().get_messages(Qgis.Success)


# ---------------------------------------------------------------------------------------------- 4. the messages

@pytest.fixture
def log():
    entries = []

    def received(message, tag, level):
        entries.append((message, tag, level))

    QgsApplication.messageLog().messageReceived.connect(received)
    yield entries
    QgsApplication.messageLog().messageReceived.disconnect(received)


def test_a_rejected_row_is_a_warning_with_its_reason_and_logged(panel, qgis_iface, tmp_path, log):
    table = tmp_path / "findings.csv"
    table.write_text("\n".join((FINDINGS_HEADER, GOOD_ROW, BAD_ROW)) + "\n", encoding="utf-8")
    panel.findings.setFilePath(str(table))
    wait(click(panel, panel.import_findings))
    text, level = panel.last_message
    assert level == Qgis.Warning and not qgis_iface.messageBar().get_messages(Qgis.Success)
    assert text.startswith("Import findings: 1 finding(s) imported, 1 row(s) rejected. findings.csv, row 3: ")
    assert "lat" in text and "log" in text  # the first reason here, all of them in the log
    assert any("row 3" in m and tag == "Green Envoy" and lv == Qgis.Warning for m, tag, lv in log)


def test_wrong_columns_are_a_warning_not_a_green_zero(panel, tmp_path, log):
    table = tmp_path / "wrong.csv"
    table.write_text("id,x,y\n1,77.7,44.4\n", encoding="utf-8")
    panel.findings.setFilePath(str(table))
    wait(click(panel, panel.import_findings))
    text, level = panel.last_message
    assert level == Qgis.Warning
    assert "0 finding(s) imported, 1 row(s) rejected. wrong.csv, row 1: header lacks column(s)" in text


def test_a_step_says_its_result_not_its_last_log_line(panel, qgis_iface):
    imported(panel)
    text, level = panel.last_message
    assert level == Qgis.Success
    assert text.startswith("Import tracks: ") and " file(s) imported, " in text and " km" in text
    assert "cleaning" not in text and "done" not in text
    regions = layer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "kz_admin1")
    panel.regions.setLayer(regions)
    panel.region_name.setField("ADM1_EN")
    wait(click(panel, panel.assign))
    assert " region(s) visited, " in panel.last_message[0]
    panel.official.setLayer(layer(os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry"))
    wait(click(panel, panel.compare))
    text = panel.last_message[0]
    assert "findings against registry: " in text and "Findings against" not in text.split(":", 1)[1]


def test_the_photo_step_stores_every_thumbnail_only_when_asked(panel):
    """The sample's photos embed no thumbnail: left unticked, the import stores none (they are shown from the
    originals); ticked, each photo's thumbnail is decoded and stored, for a store that travels without them."""
    import sqlite3

    def thumbnails():
        with sqlite3.connect(panel.store_path()) as db:
            return db.execute("SELECT count(*), count(thumbnail) FROM media").fetchone()

    imported(panel)
    panel.media.setFilePath(os.path.join(SAMPLE, "photos"))
    assert not panel.all_thumbnails.isChecked()
    wait(click(panel, panel.import_media))
    assert thumbnails() == (12, 0)
    panel.all_thumbnails.setChecked(True)
    wait(click(panel, panel.import_media))
    assert thumbnails() == (12, 12)

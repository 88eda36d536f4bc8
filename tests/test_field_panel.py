"""The panel's field step: the kit made from the store, a return imported as a task with its outcome."""

import os

from qgis.core import QgsProject

from .test_field_import import PHOTO_GPS, _odk_row, _odk_zip
from .test_panel import click, wait


def test_panel_makes_a_kit_and_imports_a_return(qgis_iface, qgis_new_project, tmp_path, sample_dir):
    from qgis.gui import QgsGui

    from green_envoy_plugin.gui.panel import ExpeditionPanel
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    store = str(tmp_path / "expedition.gpkg")
    import_gpx([os.path.join(sample_dir, "gpx", "2025-08-01.gpx")], store)
    assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"))
    QgsGui.editorWidgetRegistry().initEditors()
    panel = ExpeditionPanel(qgis_iface)
    try:
        panel.store.setFilePath(store)
        panel.field_kit_folder.setFilePath(str(tmp_path / "kit"))
        panel.make_kit.click()
        assert os.path.isfile(tmp_path / "kit" / "green_envoy_field.qgs"), panel.last_error
        zipped = _odk_zip(tmp_path / "odk.zip", [_odk_row("q1", "43.3", "76.95", "p.jpg"),
                                                 _odk_row("q2", "", "", "")], {"p.jpg": PHOTO_GPS})
        panel.field_return.setFilePath(zipped)
        wait(click(panel, panel.import_return))
        text, _level = panel.last_message
        assert "1 finding(s) imported" in text and "1 photo(s) added" in text and "q2: no position" in text, text
    finally:
        QgsProject.instance().removeAllMapLayers()

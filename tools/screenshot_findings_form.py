"""Screenshot of the findings attribute form with its category drop-down open, in a real window (Xvfb):
`xvfb-run -a python tools/screenshot_findings_form.py out.png`. Prints the drop-down's items."""

import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main(out_png: str) -> None:
    from screen import settle

    from green_envoy_plugin.qgis_app import ensure_qgis

    app = ensure_qgis(gui=True)
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject
    from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsGui
    from qgis.PyQt.QtWidgets import QComboBox

    from green_envoy_plugin.qgis_layers import add_store_layers
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions

    QgsGui.editorWidgetRegistry().initEditors()  # QGIS desktop does this; a standalone app must

    sample = os.path.join(ROOT, "sample_data")
    store = os.path.join(tempfile.mkdtemp(), "e.gpkg")
    import_findings(os.path.join(sample, "findings.csv"), store)
    assign_regions(store, os.path.join(sample, "kz_admin1.gpkg"))
    layers = add_store_layers(store, QgsProject.instance())
    findings = layers["findings"]
    feature = QgsFeature(findings.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(73.10, 49.80)))  # Karaganda
    for index in range(findings.fields().count()):
        if findings.defaultValueDefinition(index).isValid():
            feature.setAttribute(index, findings.defaultValue(index, feature))
    findings.startEditing()
    form = QgsAttributeForm(findings, feature, QgsAttributeEditorContext())
    form.setMode(QgsAttributeEditorContext.AddFeatureMode)
    form.resize(560, 640)
    form.move(0, 0)
    form.show()
    settle(app, form)
    boxes = form.findChildren(QComboBox)
    combo = next(b for b in boxes if any("Air quality" in b.itemText(i) for i in range(b.count())))
    combo.showPopup()
    settle(app, combo.view().window())
    app.primaryScreen().grabWindow(0).save(out_png)
    print("|".join(combo.itemText(i) for i in range(combo.count())))
    region_index = findings.fields().indexOf("region")
    print("region:", feature.attribute(region_index), flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1])

"""The findings attribute form: value lists, constraints and computed defaults; and an Xvfb screenshot."""

import os
import shutil

import pytest

from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.regions import assign_regions

from .helpers import screenshot_script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture
def layers(tmp_path, sample_dir, qgis_app):
    from qgis.core import QgsProject
    from qgis.gui import QgsGui

    from green_envoy_plugin.qgis_layers import add_store_layers

    QgsGui.editorWidgetRegistry().initEditors()
    store = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), store)
    assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"))
    project = QgsProject.instance()
    layers = add_store_layers(store, project)
    yield layers
    project.removeAllMapLayers()


def test_form_widgets_constraints_and_defaults(layers):
    from qgis.core import QgsFeature, QgsFieldConstraints, QgsGeometry, QgsPointXY, QgsVectorLayerUtils

    findings = layers["findings"]
    fields = findings.fields()
    widget = {name: findings.editorWidgetSetup(fields.indexOf(name)).type()
              for name in ("category", "case_type", "concerns", "severity", "source", "observed_at")}
    assert widget == {"category": "ValueMap", "case_type": "ValueMap", "concerns": "ValueRelation",
                      "severity": "Range", "source": "ValueMap", "observed_at": "DateTime"}
    values = [next(iter(item.values())) for item in
              findings.editorWidgetSetup(fields.indexOf("category")).config()["map"]]
    assert values == ["air", "water", "soil", "landfill", "waste"]
    feature = QgsFeature(fields)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(73.10, 49.80)))
    region = findings.defaultValue(fields.indexOf("region"), feature)
    assert region == "Karaganda Region"
    assert str(findings.defaultValue(fields.indexOf("finding_id"), feature)).startswith("F-")
    feature.setAttribute(fields.indexOf("severity"), 7)
    ok, errors = QgsVectorLayerUtils.validateAttribute(findings, feature, fields.indexOf("severity"),
                                                       QgsFieldConstraints.ConstraintStrengthHard)
    assert not ok and errors
    feature.setAttribute(fields.indexOf("severity"), 4)
    ok, _errors = QgsVectorLayerUtils.validateAttribute(findings, feature, fields.indexOf("severity"),
                                                        QgsFieldConstraints.ConstraintStrengthHard)
    assert ok


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (Debian xvfb) is not installed")
def test_form_screenshot_with_the_category_drop_down(tmp_path):
    png = tmp_path / "findings_form.png"
    items, region = screenshot_script("screenshot_findings_form.py", png).strip().splitlines()[-2:]
    # QGIS 3.22 lists the empty choice first as "Please select", 3.40 last as "(NULL)": one empty choice, and the
    # categories in code-list order.
    listed = items.split("|")
    assert len([item for item in listed if item in ("Please select", "(NULL)")]) == 1
    assert [item for item in listed if item not in ("Please select", "(NULL)")] == [
        "Air quality and industrial zones", "Rivers, lakes and water resources", "Soil, pastures and forest areas",
        "Waste landfills and irrigated lands", "Household and industrial waste"]
    assert region == "region: Karaganda Region"
    assert png.stat().st_size > 10_000


def test_read_only_form_texts_distinct_in_every_language(layers):
    """The description is several lines; the comparison shows its class by name; no two fields share a label
    (two were both "Distance to it (m)"), in English, Russian and Kazakh."""
    from green_envoy_plugin.forms import configure_findings_form
    from green_envoy_plugin.i18n import language

    findings = layers["findings"]
    fields = findings.fields()
    description = findings.editorWidgetSetup(fields.indexOf("description"))
    assert description.type() == "TextEdit" and description.config()["IsMultiline"]
    classes = findings.editorWidgetSetup(fields.indexOf("official_class"))
    assert classes.type() == "ValueMap"
    for code in ("en", "ru", "kk"):
        with language(code):
            configure_findings_form(findings, layers.get("code_lists"), layers.get("regions"))
            aliases = [findings.attributeDisplayName(i) for i in range(fields.count())]
        assert len(set(aliases)) == len(aliases), (code, sorted(a for a in aliases if aliases.count(a) > 1))
        assert findings.editFormConfig().readOnly(fields.indexOf("official_distance_m"))

"""field-kit: a kit made from a store opens in QGIS with the desktop's form widgets, its XLSForm converts with
pyxform, and a finding captured into the kit through QGIS's API with a photo in DCIM/ comes back once."""

import os
import shutil
import sqlite3
import warnings
import xml.etree.ElementTree as ET
import zipfile

import pytest

from .helpers import SAMPLE

DAYS = ["2025-08-01.gpx", "2025-08-02.gpx"]
OFFICIAL = os.path.join(SAMPLE, "official_landfills_synthetic.gpkg")


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("kit_store") / "expedition.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", day) for day in DAYS], path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


@pytest.fixture(scope="module")
def kit(store, tmp_path_factory):
    from osgeo import gdal

    from green_envoy_plugin.app.field_kit import build_field_kit

    folder = tmp_path_factory.mktemp("kits")
    basemap = str(folder / "tiles.tif")
    raster = gdal.GetDriverByName("GTiff").Create(basemap, 8, 8, 1)
    raster.SetGeoTransform((76.0, 0.5, 0, 46.0, 0, -0.5))
    raster.SetProjection('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
                         'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]')
    raster = None
    out = str(folder / "kit")
    files, project, translations = build_field_kit(
        store, out, "en", regions=["Almaty Region", "Jetisu Region"],
        settlements=os.path.join(SAMPLE, "settlements.gpkg"), official=OFFICIAL, basemap=basemap)
    return files, project, translations


def test_kit_opens_in_qgis_with_the_form(kit):
    from qgis.core import QgsProject

    files, project_path, _translations = kit
    folder = files.folder
    # QGIS >= 3.40 also writes <project>_attachments.zip (its project style database) beside the .qgs.
    listed = sorted(set(os.listdir(folder)) - {"green_envoy_field_attachments.zip"})
    assert listed == ["DCIM", "basemap.tif", "findings_form.xlsx", "green_envoy_field.gpkg",
                      "green_envoy_field.qgs", "green_envoy_field_kk.qm",
                      "green_envoy_field_ru.qm"]
    with open(project_path, encoding="utf-8") as handle:
        text = handle.read()
    assert "./green_envoy_field.gpkg|layername=findings" in text and files.folder not in text  # paths relative
    project = QgsProject()
    assert project.read(project_path)
    layers = {layer.name(): layer for layer in project.mapLayers().values()}
    findings = layers["Findings"]
    assert findings.isValid() and not findings.readOnly()
    fields = findings.fields()
    assert "region" not in fields.names() and "official_class" not in fields.names()  # nothing a phone cannot fill

    def widget(name):
        setup = findings.editorWidgetSetup(fields.indexOf(name))
        return setup.type(), setup.config()

    kind, config = widget("category")
    assert kind == "ValueMap" and {"Air quality and industrial zones": "air"} in config["map"]
    assert widget("case_type")[0] == "ValueMap" and widget("source")[0] == "ValueMap"
    kind, config = widget("severity")
    assert kind == "Range" and (config["Min"], config["Max"]) == (1, 5)
    kind, config = widget("concerns")
    assert kind == "ValueRelation" and config["AllowMulti"] and config["Key"] == "key"
    assert widget("description") == ("TextEdit", {"IsMultiline": True, "UseHtml": False})
    kind, config = widget("photo")
    assert kind == "ExternalResource" and config["RelativeStorage"] == 1 and config["DocumentViewer"] == 1
    assert "DCIM/" in config["PropertyCollection"]["properties"]["storageUrl"]["expression"]
    assert findings.defaultValueDefinition(fields.indexOf("observed_at")).expression() == "now()"
    assert "uuid()" in findings.defaultValueDefinition(fields.indexOf("finding_id")).expression()
    assert findings.defaultValueDefinition(fields.indexOf("modified_at")).applyOnUpdate()
    assert "1" in findings.constraintExpression(fields.indexOf("severity"))
    for name in ("Route", "Regions", "Settlements", "Basemap"):
        assert layers[name].isValid() and layers[name].readOnly(), name
    official = next(layer for name, layer in layers.items() if name.startswith("Official layer"))
    assert "SYNTHETIC" in official.name() and official.readOnly() and official.featureCount() > 0
    assert layers["Regions"].featureCount() == 2  # the regions asked for only
    assert 0 < layers["Route"].featureCount()


def test_project_translations_follow_the_phone(kit):
    """QGIS (and QField) translate a project by <project>_<locale>.qm: its layer names and field aliases."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QTranslator

    _files, project_path, translations = kit
    project = QgsProject()
    assert project.read(project_path)
    ids = {layer.name(): layer.id() for layer in project.mapLayers().values()}
    assert [os.path.basename(t) for t in translations] == ["green_envoy_field_ru.qm", "green_envoy_field_kk.qm"]
    for path, category, layer_name, severity in ((translations[0], "Категория", "Выявленные проблемы", "Тяжесть (1-5)"),
                                                 (translations[1], "Санат", "Анықталған мәселелер", "Ауырлығы (1-5)")):
        translator = QTranslator()
        assert translator.load(path)
        aliases = f"project:layers:{ids['Findings']}:fieldaliases"
        assert translator.translate(aliases, "Category") == category, path
        assert translator.translate(aliases, "Severity (1-5)") == severity, path
        assert translator.translate(f"project:layers:{ids['Findings']}", "Findings") == layer_name, path


def test_xlsform_converts_with_pyxform(kit, tmp_path):
    import pyxform
    from openpyxl import load_workbook
    from pyxform.xls2xform import xls2xform_convert

    from green_envoy_plugin.core.field_form import choice_lists

    files, _project, _translations = kit
    xml = str(tmp_path / "form.xml")
    xls2xform_convert(files.xlsform, xml, validate=False)
    validate = os.path.join(os.path.dirname(pyxform.__file__), "validators", "odk_validate", "bin", "ODK_Validate.jar")
    if shutil.which("java") and os.path.exists(validate):  # pyxform 1.x carries ODK Validate (JavaRosa) itself
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # pyxform's own threading.isSet()
            assert xls2xform_convert(files.xlsform, xml, validate=True) == []  # no error, no warning
    with open(xml, encoding="utf-8") as handle:
        form = handle.read()
    assert 'lang="Kazakh (kk)"' in form and 'lang="Russian (ru)"' in form
    assert "geopoint" in form and 'mediatype="image/*"' in form
    # The time defaults to now() when the form opens (pyxform 1.x and 4.x write the attributes in other orders).
    setvalues = [e.attrib for e in ET.fromstring(form).iter() if e.tag.endswith("setvalue")]
    assert {"event": "odk-instance-first-load", "ref": "/data/observed_at", "value": "now()"} in setvalues
    book = load_workbook(files.xlsform)
    survey = [[c.value for c in row] for row in book["survey"].iter_rows()]
    assert survey[0][2:5] == ["label::English (en)", "label::Russian (ru)", "label::Kazakh (kk)"]
    by_name = {row[1]: row for row in survey[1:]}
    assert by_name["category"][0] == "select_one category" and by_name["concerns"][0] == "select_multiple concerns"
    assert by_name["category"][3] == "Категория" and by_name["category"][4] == "Санат"
    choices = [[c.value for c in row] for row in book["choices"].iter_rows(min_row=2)]
    assert {(r[0], r[1]) for r in choices} == {(n, k) for n, keys in choice_lists().items() for k in keys}


def test_a_capture_in_the_kit_comes_back_once(kit, store, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayerUtils

    from green_envoy_plugin.steps.field_import import import_field

    files, _project_path, _translations = kit
    phone = tmp_path / "phone"
    shutil.copytree(files.folder, phone)  # what the phone holds
    project = QgsProject()
    assert project.read(str(phone / "green_envoy_field.qgs"))
    findings = next(layer for layer in project.mapLayers().values() if layer.name() == "Findings")
    assert findings.startEditing()
    feature = QgsVectorLayerUtils.createFeature(findings, QgsGeometry.fromPointXY(QgsPointXY(77.70, 44.40)))
    assert isinstance(feature, QgsFeature)
    assert len(feature["finding_id"]) == 36 and feature["observed_at"] is not None
    for name, value in (("category", "waste"), ("severity", 4), ("concerns", "{illegal_dumps,drinking_water}"),
                        ("description", "Dump by the canal\nburning"), ("photo", "DCIM/20250803_081751_a.jpg")):
        feature[name] = value
    assert findings.addFeature(feature)
    assert findings.commitChanges(), findings.commitErrors()
    shutil.copy(os.path.join(SAMPLE, "photos", "F-001_phone.jpg"), phone / "DCIM" / "20250803_081751_a.jpg")
    del project

    report = import_field(str(phone), store)
    assert report.kind == "qfield" and report.complete, report.line()
    assert (report.imported, report.media_added) == (1, 1)
    conn = sqlite3.connect(store)
    row = conn.execute("SELECT finding_id, category, severity, concerns, description, modified_at FROM findings "
                       "WHERE field_uid IS NOT NULL").fetchall()
    media = conn.execute("SELECT finding_id, position_source, link_source FROM media").fetchall()
    conn.close()
    assert row[0][1:5] == ("waste", 4, "illegal_dumps;drinking_water", "Dump by the canal\nburning")
    assert row[0][5] is not None
    assert media == [(row[0][0], "exif", "field")]
    # The same return again, and zipped as Mergin or a phone's file manager sends it: nothing changes.
    archive = tmp_path / "phone.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for base, _dirs, names in os.walk(phone):
            for name in names:
                full = os.path.join(base, name)
                zipped.write(full, os.path.relpath(full, tmp_path))
    for again in (import_field(str(phone), store), import_field(str(archive), store)):
        assert (again.imported, again.updated, again.unchanged, again.media_added) == (0, 0, 1, 0), again.line()

    # Edited on the phone a day later: QGIS (as QField) stamps modified_at on save; the store takes the edit.
    project = QgsProject()
    assert project.read(str(phone / "green_envoy_field.qgs"))
    findings = next(layer for layer in project.mapLayers().values() if layer.name() == "Findings")
    before = next(findings.getFeatures())["modified_at"]
    assert findings.startEditing()
    fid = next(findings.getFeatures()).id()
    assert findings.changeAttributeValue(fid, findings.fields().indexOf("description"), "Fire put out")
    assert findings.commitChanges(), findings.commitErrors()
    assert next(findings.getFeatures())["modified_at"] >= before
    del project
    edited = import_field(str(phone), store)
    assert (edited.imported, edited.updated, edited.media_added) == (0, 1, 0), edited.line()
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT description FROM findings WHERE field_uid IS NOT NULL").fetchone() == ("Fire put out",)
    conn.close()


def test_processing_makes_the_kit_and_imports_a_return(store, tmp_path, qgis_processing):
    import processing
    from qgis.core import QgsApplication

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider

    from .test_field_import import _odk_row, _odk_zip

    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        out = str(tmp_path / "kit")
        result = processing.run("greenenvoy:fieldkit", {"GPKG": store, "OUT": out, "LANGUAGE": 2,
                                                        "REGIONS": "Almaty Region"})
        assert os.path.isfile(result["PROJECT"]) and os.path.isfile(result["XLSFORM"])
        conn = sqlite3.connect(os.path.join(out, "green_envoy_field.gpkg"))
        labels = dict(conn.execute("SELECT key, label FROM code_lists WHERE list = 'concerns'").fetchall())
        conn.close()
        assert labels["rivers"] != "Condition of rivers"  # the kit in Kazakh: its value lists too
        zipped = _odk_zip(tmp_path / "odk.zip", [_odk_row("p1", "43.3", "76.95", "")], {})
        result = processing.run("greenenvoy:importfield", {"RETURN": zipped, "GPKG": store})
        assert (result["IMPORTED"], result["REJECTED"], result["PHOTOS"]) == (1, 0, 0)
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)


def _capture(phone, lon, lat, photo, description):
    """A finding captured into a copy of the kit through QGIS's API (what QField does), its photo in DCIM/."""
    from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayerUtils

    project = QgsProject()
    assert project.read(str(phone / "green_envoy_field.qgs"))
    findings = next(layer for layer in project.mapLayers().values() if layer.name() == "Findings")
    assert findings.startEditing()
    feature = QgsVectorLayerUtils.createFeature(findings, QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
    for name, value in (("category", "water"), ("description", description), ("photo", f"DCIM/{photo}")):
        feature[name] = value
    assert findings.addFeature(feature) and findings.commitChanges(), findings.commitErrors()
    shutil.copy(os.path.join(SAMPLE, "photos", "F-011_camera.jpg"), phone / "DCIM" / photo)
    return feature["finding_id"]


def test_three_phones_in_one_zip(kit, tmp_path):
    """A coordinator's week: three phones' folders zipped together, the same photo name on two of them."""
    from green_envoy_plugin.steps.field_import import import_field
    from green_envoy_plugin.store import gpkg

    files, _project, _translations = kit
    store = str(tmp_path / "week.gpkg")
    gpkg.open_store(store)
    ids = []
    for k in range(3):
        phone = tmp_path / "returns" / f"phone{k + 1}"
        shutil.copytree(files.folder, phone)
        ids.append(_capture(phone, 77.0 + k / 10, 44.0, "IMG_0001.jpg", f"phone {k + 1}"))
    archive = tmp_path / "week.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        for base, _dirs, names in os.walk(tmp_path / "returns"):
            for name in names:
                zipped.write(os.path.join(base, name), os.path.relpath(os.path.join(base, name), tmp_path))
    report = import_field(str(archive), store)
    assert (report.imported, report.media_added) == (3, 1), report.line()  # one photo, copied to three phones
    assert report.media_unchanged == 2 and report.complete
    conn = sqlite3.connect(store)
    stored = dict(conn.execute("SELECT field_uid, description FROM findings").fetchall())
    conn.close()
    assert stored == {uid: f"phone {k + 1}" for k, uid in enumerate(ids)}


def test_a_desktop_edit_in_qgis_is_not_overwritten_by_an_older_phone_version(tmp_path):
    from qgis.core import QgsVectorLayer

    from green_envoy_plugin.forms import configure_findings_form
    from green_envoy_plugin.steps.field_import import import_field
    from green_envoy_plugin.store import gpkg

    from .test_field_import import _odk_row, _odk_zip

    store = str(tmp_path / "e.gpkg")
    gpkg.open_store(store)
    import_field(_odk_zip(tmp_path / "v1.zip", [_odk_row("d1", "44.4", "77.7", "")], {}), store)
    layer = QgsVectorLayer(f"{store}|layername=findings", "findings", "ogr")
    configure_findings_form(layer)
    assert layer.startEditing()
    fid = next(layer.getFeatures()).id()
    assert layer.changeAttributeValue(fid, layer.fields().indexOf("description"), "Checked at the desk")
    assert layer.commitChanges(), layer.commitErrors()
    stamped = next(layer.getFeatures())
    assert stamped["modified_at"].toSecsSinceEpoch() > 1754370000  # stamped now (after the phone's edit) on save
    del layer
    phone = _odk_zip(tmp_path / "v2.zip", [_odk_row("x", "44.4", "77.7", "", description="Phone text",
                                                   end="2025-08-05T10:00:00.000+05:00", key="d1")], {})
    report = import_field(phone, store)
    assert report.updated == 0 and len(report.kept) == 1
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT description FROM findings").fetchone() == ("Checked at the desk",)
    conn.close()

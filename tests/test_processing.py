"""The Processing algorithms run through processing.run on a few sample days."""

import glob
import os
import shutil
import subprocess

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider


@pytest.fixture
def provider(qgis_processing):
    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    yield provider
    QgsApplication.processingRegistry().removeProvider(provider)


def test_import_assign_and_atlas_through_processing(provider, sample_dir, tmp_path):
    import processing

    store = str(tmp_path / "e.gpkg")
    days = sorted(glob.glob(os.path.join(sample_dir, "gpx", "2025-08-0*.gpx")))  # Almaty to Jetisu
    result = processing.run("greenenvoy:importgpx", {"FILES": days, "GPKG": store})
    assert result["FAILED"] == 0 and result["FIXES"] > 1000
    result = processing.run("greenenvoy:importfindings", {"TABLE": os.path.join(sample_dir, "findings.csv"),
                                                          "GPKG": store})
    assert result["IMPORTED"] > 50 and result["REJECTED"] == 0
    regions = QgsVectorLayer(os.path.join(sample_dir, "kz_admin1.gpkg"), "regions", "ogr")
    result = processing.run("greenenvoy:assignregions", {"GPKG": store, "REGIONS": regions,
                                                         "NAME_FIELD": "ADM1_EN", "CODE_FIELD": "ADM1_PCODE"})
    assert result["VISITED"] >= 2  # Almaty, Almaty Region, Jetisu Region in the first nine days
    out = str(tmp_path / "atlas")
    result = processing.run("greenenvoy:exportatlas", {"GPKG": store, "OUTPUT": out})
    assert result["PDFS"] == result_visited(store)
    assert sorted(os.listdir(out)) == sorted(f + ".pdf" for f in stems(store))

    from green_envoy_plugin.atlas.export import save_template

    template = tmp_path / "report.qpt"
    save_template(store, str(template))
    title = 'labelText="[% &quot;name&quot; %]"'
    edited = template.read_text(encoding="utf-8").replace(title, 'labelText="Report: [% &quot;name&quot; %]"')
    template.write_text(edited, encoding="utf-8")
    out = str(tmp_path / "designed")
    processing.run("greenenvoy:exportatlas", {"GPKG": store, "OUTPUT": out, "TEMPLATE": str(template)})
    portrait = str(tmp_path / "portrait")
    processing.run("greenenvoy:exportatlas", {"GPKG": store, "OUTPUT": portrait, "PAGE": 1, "COMBINED": True})
    info = subprocess.run(["pdfinfo", os.path.join(portrait, "atlas.pdf")], capture_output=True, text=True,
                          check=True).stdout
    assert "595 x 842 pts (A4)" in info
    first = os.path.join(out, stems(store)[0] + ".pdf")
    text = subprocess.run(["pdftotext", first, "-"], capture_output=True, text=True, check=True).stdout
    assert "Report: " in text


def result_visited(store):
    layer = QgsVectorLayer(f"{store}|layername=regions", "r", "ogr")
    return sum(1 for f in layer.getFeatures() if f["visited"] == 1)


def stems(store):
    layer = QgsVectorLayer(f"{store}|layername=regions", "r", "ogr")
    return [f["file_stem"] for f in layer.getFeatures() if f["visited"] == 1]


def test_assign_regions_reprojects_a_layer_in_another_crs(provider, sample_dir, tmp_path):
    import processing

    store = str(tmp_path / "e.gpkg")
    day = os.path.join(sample_dir, "gpx", "2025-09-01.gpx")
    processing.run("greenenvoy:importgpx", {"FOLDER": "", "FILES": [day], "GPKG": store})
    reprojected = processing.run("native:reprojectlayer", {
        "INPUT": os.path.join(sample_dir, "kz_admin1.gpkg"), "TARGET_CRS": "EPSG:32642", "OUTPUT": "memory:"})["OUTPUT"]
    utm = processing.run("greenenvoy:assignregions", {"GPKG": store, "REGIONS": reprojected, "NAME_FIELD": "ADM1_EN"})
    wgs = processing.run("greenenvoy:assignregions", {
        "GPKG": store, "REGIONS": os.path.join(sample_dir, "kz_admin1.gpkg"), "NAME_FIELD": "ADM1_EN"})
    assert utm["VISITED"] == wgs["VISITED"] == 1  # 1 September: the last stretch into Karaganda
    assert utm["KM"] == pytest.approx(wgs["KM"], rel=1e-9)


def test_region_names_come_from_the_users_layer_when_it_has_them(provider, sample_dir, tmp_path):
    """A boundary layer with its own Russian names (OCHA's ADM1_RU) gives the atlas those names; Kazakh, absent
    from the layer, falls back to the built-in names of the 20 units."""
    import processing

    store = str(tmp_path / "e.gpkg")
    processing.run("greenenvoy:importgpx", {"FILES": [os.path.join(sample_dir, "gpx", "2025-09-01.gpx")],
                                            "GPKG": store})
    named = processing.run("native:fieldcalculator", {
        "INPUT": os.path.join(sample_dir, "kz_admin1.gpkg"), "FIELD_NAME": "ADM1_RU", "FIELD_TYPE": 2,
        "FORMULA": "'Слой: ' || \"ADM1_EN\"", "OUTPUT": "memory:"})["OUTPUT"]
    processing.run("greenenvoy:assignregions", {"GPKG": store, "REGIONS": named, "NAME_FIELD": "ADM1_EN"})
    regions = QgsVectorLayer(f"{store}|layername=regions", "r", "ogr")
    karaganda = next(f for f in regions.getFeatures() if f["name"] == "Karaganda Region")
    assert karaganda["name_ru"] == "Слой: Karaganda Region"
    assert karaganda["name_kk"] == "Қарағанды облысы"


def test_a_failing_step_is_a_processing_error_not_a_traceback(provider, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="Choose track files or a folder"):
        processing.run("greenenvoy:importgpx", {"GPKG": str(tmp_path / "e.gpkg")})
    broken = tmp_path / "broken.gpx"
    broken.write_text("<gpx version='1.1'><trk>")
    with pytest.raises(QgsProcessingException, match=r"broken\.gpx.*malformed XML"):
        processing.run("greenenvoy:importgpx", {"FILES": [str(broken)], "GPKG": str(tmp_path / "e.gpkg")})
    with pytest.raises(QgsProcessingException, match=r"empty\.gpkg"):
        processing.run("greenenvoy:exportatlas", {"GPKG": str(tmp_path / "empty.gpkg"), "OUTPUT": str(tmp_path / "a")})


def test_parameters_are_named_by_constants_and_every_help_says_what_is_rejected(provider):
    """Models and qgis_process calls give parameters by name: each is a constant of its algorithm's class. The help
    says what the algorithm does, its outputs and what it rejects and how."""
    from green_envoy_plugin.processing_provider.provider import ALGORITHMS

    assert [cls.NAME for cls in ALGORITHMS] == ["importgpx", "importfindings", "importphotos", "assignregions",
                                                "compareofficial", "exportatlas", "exportwebatlas", "fieldkit",
                                                "importfield", "syncpostgis"]
    for cls in ALGORITHMS:
        algorithm = QgsApplication.processingRegistry().algorithmById(f"greenenvoy:{cls.NAME}")
        constants = {getattr(cls, name) for name in dir(cls) if name.isupper() and name != "NAME"}
        names = {p.name() for p in algorithm.parameterDefinitions()} | {o.name() for o in algorithm.outputDefinitions()}
        assert names <= constants, (cls.NAME, names - constants)
        assert algorithm.GPKG in names
        paragraphs = algorithm.shortHelpString().split("\n")
        assert len(paragraphs) >= 4 and any(p.startswith("Outputs: ") for p in paragraphs), cls.NAME
        assert any(p.startswith(("Rejected: ", "Not placed: ")) for p in paragraphs), cls.NAME
        assert algorithm.groupId() != "expedition" and algorithm.helpUrl().startswith("https://")
        assert not algorithm.icon().isNull()


def test_the_renamed_parameters(provider, sample_dir, tmp_path):
    """0.3.0 renamed importfindings' CSV to TABLE (it takes XLSX too) and exportatlas' output PAGES to PDFS (it
    counts PDF files): the old name is no longer read."""
    import processing
    from qgis.core import QgsProcessingException

    from green_envoy_plugin.processing_provider.atlas import ExportAtlas
    from green_envoy_plugin.processing_provider.findings import ImportFindings

    assert (ImportFindings.TABLE, ExportAtlas.PDFS) == ("TABLE", "PDFS")
    with pytest.raises(QgsProcessingException, match="Choose a table or a layer"):
        processing.run("greenenvoy:importfindings", {"CSV": os.path.join(sample_dir, "findings.csv"),
                                                     "GPKG": str(tmp_path / "e.gpkg")})
    atlas = QgsApplication.processingRegistry().algorithmById("greenenvoy:exportatlas")
    assert {o.name() for o in atlas.outputDefinitions()} == {"OUTPUT", "PDFS", "FOLDER"}


def test_dialogs_grouped_in_workflow_order_prefilled_and_without_six_decimals(provider, qgis_new_project, tmp_path):
    """The toolbox lists the groups in the workflow's order (it sorts them by name: numbered); the store comes
    from the project, the atlas goes beside it, in QGIS's language; distances and gaps show whole numbers."""
    from qgis.core import QgsProject, QgsSettings

    from green_envoy_plugin.processing_provider.base import GROUPS
    from green_envoy_plugin.processing_provider.provider import ALGORITHMS

    registry = QgsApplication.processingRegistry()
    groups = [registry.algorithmById(f"greenenvoy:{cls.NAME}").group() for cls in ALGORITHMS]
    order = ["fieldkit", "tracks", "findings", "media", "regions", "official", "atlas", "sharing"]
    assert sorted(set(groups)) == [GROUPS[g] for g in order if GROUPS[g] in groups]
    assert registry.algorithmById("greenenvoy:importgpx").group() < registry.algorithmById(
        "greenenvoy:exportatlas").group()

    store = tmp_path / "season" / "expedition.gpkg"
    QgsProject.instance().writeEntry("green_envoy", "store", str(store))
    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", "kk_KZ")
    try:
        atlas = registry.createAlgorithmById("greenenvoy:exportatlas")
        official = registry.createAlgorithmById("greenenvoy:compareofficial")
    finally:
        settings.setValue("locale/userLocale", before)
    assert atlas.parameterDefinition("GPKG").defaultValue() == str(store)
    assert atlas.parameterDefinition("OUTPUT").defaultValue() == str(tmp_path / "season" / "atlas")
    assert atlas.parameterDefinition("LANGUAGE").defaultValue() == 2  # Қазақша, as QGIS
    assert official.parameterDefinition("GPKG").defaultValue() == str(store)
    for name in ("MATCH", "NEAR", "CORRIDOR"):
        assert official.parameterDefinition(name).metadata()["widget_wrapper"]["decimals"] == 0
    for name in ("REGIONS", "PNG"):
        assert atlas.parameterDefinition(name).flags() & atlas.parameterDefinition(name).FlagAdvanced


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (Debian xvfb) is not installed")
def test_atlas_dialog_in_russian_prefilled_under_xvfb(tmp_path):
    """The real Processing dialog (screenshot kept with GREEN_ENVOY_KEEP_SCREENSHOTS): labels in Russian, the
    project's store, the atlas folder beside it (not a temporary one), the pages in QGIS's language."""
    from .helpers import screenshot_script

    png = tmp_path / "processing_atlas_dialog_ru.png"
    rows = dict(line.split("\t", 1) for line in screenshot_script(
        "screenshot_processing_dialog.py", png, "exportatlas", "ru").splitlines() if "\t" in line)
    _label, store = rows["GPKG"].split("\t")
    label, folder = rows["OUTPUT"].split("\t")
    assert store.endswith(os.path.join("season", "expedition.gpkg")) and label == "Папка атласа"
    assert folder == os.path.join(os.path.dirname(store), "atlas")
    assert rows["LANGUAGE"].split("\t") == ["Язык страниц", "1"]  # Русский
    assert png.stat().st_size > 20_000

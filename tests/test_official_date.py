"""The official layer's own date (issue 16, item 4: "the official layer's name and date"): stated by the user
(CLI --official-date, Processing OFFICIAL_DATE), else what the layer says (a .qmd beside it, a GeoPackage's record
of its last change), else its file's date; stored with its source and printed in the pages' sources."""

import os
import shutil
import sqlite3
import subprocess
import unicodedata
from datetime import date

import pytest

from green_envoy_plugin import cli
from green_envoy_plugin.steps.official import official_layer_date
from tests.helpers.paths import SAMPLE

REGISTRY = os.path.join(SAMPLE, "official_landfills_synthetic.gpkg")
QMD = """<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.40.0">
  <identifier>registry</identifier>
  <dates>
    <date type="Created" value="2019-01-02T00:00:00"/>
    <date type="Published" value="2024-03-15T10:00:00"/>
  </dates>
</qgis>
"""


def test_the_layer_dates_itself_by_its_metadata_else_its_file(tmp_path):
    copy = tmp_path / "registry.gpkg"
    shutil.copy(REGISTRY, copy)
    # The sample GeoPackage's own record of the layer's last change, not the copy's file date (today).
    assert official_layer_date(str(copy)) == ("2026-11-21", "layer metadata")
    (tmp_path / "registry.qmd").write_text(QMD, encoding="utf-8")  # the publisher's metadata: published wins
    assert official_layer_date(str(copy)) == ("2024-03-15", "layer metadata")
    plain = tmp_path / "other.geojson"
    plain.write_text('{"type": "FeatureCollection", "features": []}', encoding="utf-8")
    os.utime(plain, (1_600_000_000, 1_600_000_000))  # 13 September 2020 (UTC)
    assert official_layer_date(str(plain)) == ("2020-09-13", "file date")
    assert official_layer_date(str(tmp_path / "gone.gpkg")) == ("", "")


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("dated") / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", f"2025-{d}.gpx") for d in ("09-01", "09-02")], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


def test_a_stated_date_is_stored_and_printed_in_the_sources(store, tmp_path, capsys):
    assert cli.main(["-q", "compare-official", "--gpkg", store, "--official", REGISTRY, "--id-field", "registry_id",
                     "--official-date", "2025-06-30"]) == 0
    rows = sqlite3.connect(store).execute("SELECT name, official_date, date_source, compared_at, records "
                                          "FROM official_layers").fetchall()
    assert len(rows) == 1
    name, official_date, source, compared_at, records = rows[0]
    assert (name, official_date, source) == ("official_landfills_synthetic.gpkg", "2025-06-30", "stated")
    assert compared_at[:10] == date.today().isoformat() and records > 0
    # A date that is not one: one line, the store keeps the stated date.
    assert cli.main(["compare-official", "--gpkg", store, "--official", REGISTRY, "--official-date",
                     "30.06.2025"]) == 1
    assert "not a date (YYYY-MM-DD)" in capsys.readouterr().err
    assert sqlite3.connect(store).execute("SELECT official_date FROM official_layers").fetchone()[0] == "2025-06-30"

    from green_envoy_plugin.atlas.facts import page_variables
    from green_envoy_plugin.i18n import language

    today = date.today()
    day = f"{today.day} {today.strftime('%B')} {today.year}"
    en = page_variables(store, "en")["sources"]
    assert f"Official layer: official_landfills_synthetic.gpkg, 30 June 2025 (stated); compared {day} — " \
           "SYNTHETIC" in en
    with language("ru"):  # (the date as core.places writes it in the language)
        ru = page_variables(store, "ru")["sources"]
    assert "Официальный слой: official_landfills_synthetic.gpkg, 30 июня 2025" in ru
    assert "(указана пользователем); сравнение от" in ru
    with language("kk"):
        kk = page_variables(store, "kk")["sources"]
    assert "Ресми қабат: official_landfills_synthetic.gpkg, " in kk and " 30 маусым" in kk
    assert "(пайдаланушы көрсеткен); салыстырылған күні:" in kk

    from green_envoy_plugin.app.atlas import export_atlas

    pdfs = export_atlas(store, str(tmp_path / "atlas"), regions=["Karaganda Region"]).pdfs
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdfs[0], "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "Official layer: official_landfills_synthetic.gpkg, 30 June 2025 (stated); compared" in text


def test_processing_takes_the_date_or_the_layers_own(store, qgis_processing):
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider

    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        layer = QgsVectorLayer(REGISTRY, "landfill registry", "ogr")
        processing.run("greenenvoy:compareofficial", {"GPKG": store, "OFFICIAL": layer, "ID_FIELD": "registry_id"})
        read = "SELECT name, official_date, date_source FROM official_layers"
        assert sqlite3.connect(store).execute(read).fetchall() == [
            ("landfill registry", "2026-11-21", "layer metadata")]
        processing.run("greenenvoy:compareofficial", {"GPKG": store, "OFFICIAL": layer, "ID_FIELD": "registry_id",
                                                      "OFFICIAL_DATE": "2024-12-01"})
        assert sqlite3.connect(store).execute(read).fetchall() == [("landfill registry", "2024-12-01", "stated")]
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)

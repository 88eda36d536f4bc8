"""compare-official against an OpenStreetMap extract read by GDAL's OSM driver: landuse=landfill areas and nodes,
informal=yes kept apart as unofficial dumps; a registry's class field mapped to the space-monitoring classes."""

import os
import subprocess
import sys

import pytest

from green_envoy_plugin.core.compare import (
    BOUNDARY,
    OSM_INFORMAL,
    OSM_LANDFILL,
    SANCTIONED,
    UNAUTHORISED,
    osm_tags,
    waste_site_class,
)
from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.official import compare_official, load_osm_waste_sites

from .helpers import ROOT, SAMPLE

# Three sites near Qonayev (around 44.40 N, 77.70 E) as an OSM XML extract: a sanctioned landfill (closed way),
# an informal dump (closed way, informal=yes), a landfill node, and a park that is no waste site.
OSM = """<?xml version='1.0' encoding='UTF-8'?>
<osm version="0.6" generator="test">
  <node id="1" lat="44.4000" lon="77.7000" version="1"/>
  <node id="2" lat="44.4000" lon="77.7020" version="1"/>
  <node id="3" lat="44.4015" lon="77.7020" version="1"/>
  <node id="4" lat="44.4015" lon="77.7000" version="1"/>
  <node id="5" lat="44.5000" lon="77.8000" version="1"/>
  <node id="6" lat="44.5000" lon="77.8010" version="1"/>
  <node id="7" lat="44.5010" lon="77.8010" version="1"/>
  <node id="8" lat="44.5010" lon="77.8000" version="1"/>
  <node id="9" lat="44.6000" lon="77.9000" version="1">
    <tag k="landuse" v="landfill"/>
    <tag k="name" v="Полигон ТБО"/>
  </node>
  <node id="10" lat="44.7000" lon="78.0000" version="1"/>
  <node id="11" lat="44.7000" lon="78.0010" version="1"/>
  <node id="12" lat="44.7010" lon="78.0010" version="1"/>
  <way id="100" version="1">
    <nd ref="1"/><nd ref="2"/><nd ref="3"/><nd ref="4"/><nd ref="1"/>
    <tag k="landuse" v="landfill"/>
  </way>
  <way id="101" version="1">
    <nd ref="5"/><nd ref="6"/><nd ref="7"/><nd ref="8"/><nd ref="5"/>
    <tag k="landuse" v="landfill"/>
    <tag k="informal" v="yes"/>
  </way>
  <way id="102" version="1">
    <nd ref="10"/><nd ref="11"/><nd ref="12"/><nd ref="10"/>
    <tag k="leisure" v="park"/>
  </way>
</osm>
"""


def test_osm_extract_gives_landfills_with_informal_apart(tmp_path):
    path = tmp_path / "kz_sample.osm"
    path.write_text(OSM, encoding="utf-8")
    ids, geoms, kinds = load_osm_waste_sites(str(path))
    found = dict(zip(ids, kinds))
    assert found == {"node/9": OSM_LANDFILL, "way/100": OSM_LANDFILL, "way/101": OSM_INFORMAL}
    assert geoms[ids.index("way/100")].geom_type in ("Polygon", "MultiPolygon")

    store = str(tmp_path / "e.gpkg")
    table = tmp_path / "findings.csv"
    table.write_text("finding_id,lat,lon,category\nF-1,44.4007,77.7010,landfill\nF-2,44.5005,77.8005,waste\n"
                     "F-3,43.0,76.0,air\n", encoding="utf-8")
    import_findings(str(table), store)
    summary = compare_official(store, str(path), table=str(tmp_path / "comparison.xlsx"))
    rows = {r["finding_id"]: r for r in summary.rows}
    assert rows["F-1"]["official_id"] == "way/100" and rows["F-1"]["official_kind"] == OSM_LANDFILL
    assert rows["F-2"]["official_id"] == "way/101" and rows["F-2"]["official_kind"] == OSM_INFORMAL
    assert rows["F-1"]["official_distance_m"] == 0.0
    assert summary.kinds == {OSM_LANDFILL: 2, OSM_INFORMAL: 1}
    assert "informal dump (OpenStreetMap informal=yes) 1" in summary.table()


@pytest.mark.parametrize(("value", "expected"), [
    ("Несанкционированная свалка", UNAUTHORISED), ("unauthorised waste site", UNAUTHORISED),
    ("Рұқсатсыз қоқыс үйіндісі", UNAUTHORISED), ("Санкционированный полигон ТБО", SANCTIONED),
    ("landfill", SANCTIONED), ("Нарушение границ полигона", BOUNDARY), ("landfill-boundary violation", BOUNDARY),
    ("", None), ("forest fire", None),
])
def test_space_monitoring_class_mapping(value, expected):
    assert waste_site_class(value) == expected


def test_osm_tags_parse():
    assert osm_tags('"landuse"=>"landfill","informal"=>"yes","name"=>"a=>b"') == {
        "landuse": "landfill", "informal": "yes", "name": "a=>b"}


def test_demo_registry_by_class_field_and_cli_stays_synthetic(tmp_path):
    """The synthetic registry's `kind` mapped to the classes; the CLI names the layer with SYNTHETIC in it."""
    store = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(SAMPLE, "findings.csv"), store)
    registry = os.path.join(SAMPLE, "official_landfills_synthetic.gpkg")
    summary = compare_official(store, registry, "registry_id", class_field="kind")
    assert summary.kinds == {SANCTIONED: 300, UNAUTHORISED: 900}
    run = subprocess.run([sys.executable, "-m", "green_envoy_plugin", "compare-official", "--gpkg", store,
                          "--official", registry, "--id-field", "registry_id", "--class-field", "nope"],
                         check=False, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and run.stderr.strip().count("\n") == 0 and "no field 'nope'" in run.stderr
    assert "synthetic" in summary.layer.lower()


def test_processing_reads_the_whole_osm_extract(tmp_path, qgis_processing):
    import processing
    from qgis.core import QgsApplication, QgsVectorLayer

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider

    path = tmp_path / "kz_sample.osm"
    path.write_text(OSM, encoding="utf-8")
    store = str(tmp_path / "e.gpkg")
    table = tmp_path / "findings.csv"
    table.write_text("finding_id,lat,lon,category\nF-1,44.4007,77.7010,landfill\nF-9,44.6000,77.9000,waste\n",
                     encoding="utf-8")
    import_findings(str(table), store)
    layer = QgsVectorLayer(f"{path}|layername=multipolygons", "osm", "ogr")  # what QGIS adds for the areas
    assert layer.isValid()
    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        result = processing.run("greenenvoy:compareofficial", {"GPKG": store, "OFFICIAL": layer})
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
    assert result["MATCHES"] == 2  # F-9 matches the landfill node, read from the extract's points too

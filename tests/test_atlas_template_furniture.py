"""An author's template gets the map page's furniture (issue 16's remainder): items save-template writes by id are
made again where the author put them; what a pared-down template lacks is added inside its atlas map; the map
context, finding ids and sources reach every template's pages."""

import os
import subprocess
import unicodedata
from xml.etree import ElementTree

import pytest

from tests.helpers.paths import SAMPLE

FURNITURE = ("detail", "detail_caption", "detail_number", "detail_2", "detail_caption_2", "detail_number_2", "locator",
             "size_key", "credits")


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.official import compare_official
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("furniture") / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", f"2025-{d}.gpx") for d in ("08-31", "09-01", "09-02")], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    compare_official(path, os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry_id",
                     official_date="2025-06-30")
    return path


@pytest.fixture(scope="module")
def saved(store, tmp_path_factory):
    from green_envoy_plugin.atlas.export import save_template

    return save_template(store, str(tmp_path_factory.mktemp("qpt") / "atlas.qpt"))


def _edited(saved, path, drop=(), move=None):
    """The saved template with the items of `drop` (ids) and the map's graticule taken out, or an item moved
    (`move`: id -> "x,y" mm on its page), as an author would in the designer."""
    tree = ElementTree.parse(saved)
    for parent in tree.iter():
        for child in list(parent):
            if child.tag == "LayoutItem" and child.get("id") in drop:
                parent.remove(child)
            elif child.tag == "ComposerMapGrid" and "graticule" in drop:
                parent.remove(child)
            elif child.tag == "LayoutItem" and move and child.get("id") in move:
                child.set("position", f"{move[child.get('id')]},mm")
                child.set("positionOnPage", f"{move[child.get('id')]},mm")
    tree.write(path, encoding="utf-8")
    return str(path)


def _furnished(store, template):
    from qgis.core import QgsProject

    from green_envoy_plugin.atlas.export import expedition_layers, layout_from_template
    from green_envoy_plugin.atlas.template_furniture import furnish_template

    project = QgsProject()
    layers = expedition_layers(store, project)
    layout = layout_from_template(template, layers, project)
    furniture = furnish_template(layout, layers, project, "en")
    return project, layout, furniture


def _box(item):
    at, size = item.positionWithUnits(), item.sizeWithUnits()
    return at.x(), at.y(), at.x() + size.width(), at.y() + size.height()


def _inside(inner, outer):
    return outer[0] <= inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2] and inner[3] <= outer[3]


def test_save_template_writes_the_furniture_by_id_without_this_machines_paths(saved, store):
    text = open(saved, encoding="utf-8").read()
    for item_id in FURNITURE:
        assert f'id="{item_id}"' in text, item_id
    assert 'name="graticule"' in text
    assert os.path.dirname(os.path.abspath(SAMPLE)) not in text and os.path.dirname(store) not in text


def test_a_pared_down_template_gets_the_furniture_inside_its_map(store, saved, tmp_path):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap

    template = _edited(saved, tmp_path / "bare.qpt", drop=(*FURNITURE, "graticule"))
    assert 'id="locator"' not in open(template, encoding="utf-8").read()
    _project, layout, furniture = _furnished(store, template)
    frame = _box(layout.itemById("map"))
    for item_id, kind in (("detail", QgsLayoutItemMap), ("locator", QgsLayoutItemMap),
                          ("size_key", QgsLayoutItemLegend)):
        item = layout.itemById(item_id)
        assert isinstance(item, kind), item_id
        assert _inside(_box(item)[:2] + _box(item)[:2], frame), item_id  # placed inside the map's frame
    assert furniture.keep_clear == [layout.itemById("locator")]  # the detail map keeps off the added locator
    assert [g.name() for g in layout.itemById("map").grids().asList()] == ["graticule"] * 2  # + the top labels
    # The sources on the map's page (the template's page 2 has its own, short ones): along its lower edge.
    sources = [i for i in layout.items() if isinstance(i, QgsLayoutItemLabel) and i.page() == 0
               and "@green_envoy_sources " in i.text()]
    assert len(sources) == 1 and sources[0].id() == "credits" and 190 <= _box(sources[0])[1] < _box(sources[0])[3] \
        <= 210.0
    assert layout.itemById("map").layers()[-1].name()  # the map context under the regions
    assert len(layout.itemById("map").layers()) > len(layout.itemById("map").layers()[:8])

    from green_envoy_plugin.app.atlas import export_atlas

    pdf = export_atlas(store, str(tmp_path / "atlas"), template=template, regions=["Karaganda Region"]).pdfs[0]
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "Severity (symbol size)" in text and "F-04" in text  # the size key and the finding ids
    assert "Official layer: official_landfills_synthetic.gpkg, 30 June 2025 (stated)" in text  # the sources


def test_the_authors_places_are_kept(store, saved, tmp_path):
    template = _edited(saved, tmp_path / "moved.qpt", move={"locator": "15,150", "size_key": "150,180"})
    _project, layout, furniture = _furnished(store, template)
    locator, key = layout.itemById("locator"), layout.itemById("size_key")
    assert (locator.positionWithUnits().x(), locator.positionWithUnits().y()) == (15.0, 150.0)
    assert (key.positionWithUnits().x(), key.positionWithUnits().y()) == (150.0, 180.0)
    assert furniture.keep_clear == []  # the author's locator: where the author put it
    # One of each: the template's own item, which showed no layer, made again in its place.
    ids = [i.id() for i in layout.items() if hasattr(i, "id") and callable(i.id)]
    assert all(ids.count(item_id) == 1 for item_id in FURNITURE), ids
    assert locator.layers() and layout.itemById("detail").layers()

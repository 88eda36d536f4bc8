"""Two detail maps where a region's findings crowd in two places apart (Pavlodar: around Pavlodar and around
Ekibastuz); one where they crowd in one (Karaganda); every id of the region on its map page."""

import os
import re
import subprocess
import unicodedata

import pytest

from green_envoy_plugin.core.clusters import detail_groups
from tests.helpers.paths import SAMPLE


def test_two_crowds_apart_get_a_detail_map_each_and_near_ones_share_one():
    town = [(f"a{k}", k * 1.0, 0.0) for k in range(4)]
    other = [(f"b{k}", 100.0 + k, 50.0) for k in range(3)]
    pair = [("c0", 200.0, 0.0), ("c1", 200.5, 0.0)]  # crowded, but two: their ids find room with leader lines
    lone = [("d", 300.0, 300.0)]
    groups = detail_groups(town + other + pair + lone, 1.5, 20.0)
    assert [[p[0] for p in g] for g in groups] == [["a0", "a1", "a2", "a3"], ["b0", "b1", "b2"]]
    # Within one detail map's reach, the two crowds share it.
    assert [len(g) for g in detail_groups(town + other, 1.5, 200.0)] == [7]
    assert detail_groups(town + other, 1.5, 20.0, most=1) == [town]
    assert detail_groups(lone + pair, 1.5, 20.0) == []


def _page_text(pdf):
    text = subprocess.run(["pdftotext", "-f", "1", "-l", "1", pdf, "-"], capture_output=True, text=True,
                          check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("details") / "e.gpkg")
    days = [f"2025-08-{d}.gpx" for d in range(23, 32)] + ["2025-09-01.gpx"]
    import_gpx([os.path.join(SAMPLE, "gpx", day) for day in days], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


def test_pavlodar_has_two_detail_maps_and_every_id_on_its_map_page(store, tmp_path):
    from green_envoy_plugin.app.atlas import export_atlas
    from green_envoy_plugin.store.bulk import read_rows

    pdfs = export_atlas(store, str(tmp_path), regions=["Pavlodar Region", "Karaganda Region"]).pdfs
    pages = {os.path.basename(p): _page_text(p) for p in pdfs}
    pavlodar, karaganda = pages["pavlodar_region.pdf"], pages["karaganda_region.pdf"]
    assert "Detail 1 (dashed frame 1), 1:" in pavlodar and "Detail 2 (dashed frame 2), 1:" in pavlodar
    assert re.search(r"Detail \(dashed frame\), 1:", karaganda) and "Detail 2" not in karaganda
    for region, text in (("Pavlodar Region", pavlodar), ("Karaganda Region", karaganda)):
        ids = [i for (i,) in read_rows(store, "SELECT finding_id FROM findings WHERE region = ?", (region,))]
        assert ids and all(i in text for i in ids), (region, [i for i in ids if i not in text])


@pytest.fixture(scope="module")
def kyzylorda(tmp_path_factory, qgis_app):
    """Kyzylorda's 13 days (21 findings along the Syr Darya: two detail maps, and findings in every corner)."""
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx

    path = str(tmp_path_factory.mktemp("kyzylorda") / "e.gpkg")
    days = [f"2025-10-{d}.gpx" for d in range(28, 32)] + [f"2025-11-0{d}.gpx" for d in range(1, 10)]
    import_gpx([os.path.join(SAMPLE, "gpx", day) for day in days], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    return path


def test_no_detail_map_hides_a_finding_of_the_map(kyzylorda):
    """A detail map takes a corner, else the middle of an edge, else a smaller size, so that no finding's symbol
    on the page's map lies under it or under its frame (Kyzylorda's F-106 did)."""
    from qgis.core import QgsCoordinateTransform, QgsProject

    from green_envoy_plugin.atlas import export
    from green_envoy_plugin.atlas.map_page import SYMBOL_MM, furnish

    project = QgsProject()
    layers = export.expedition_layers(kyzylorda, project, "route_overview")
    export.page_levels(layers)
    layout = export.build_layout(layers, project)
    furniture = furnish(layout, layers, project)
    map_item = layout.itemById("map")
    to_map = QgsCoordinateTransform(layers["findings"].crs(), map_item.crs(), project)
    atlas = layout.atlas()
    assert atlas.beginRender()
    checked = 0
    for page in range(atlas.count()):
        atlas.seekTo(page)
        extent, frame = map_item.extent(), map_item.positionWithUnits()
        per_mm = extent.width() / map_item.sizeWithUnits().width()
        shown = [d for d in furniture.details if d.isVisible()]
        for finding in layers["findings"].getFeatures():
            point = to_map.transform(finding.geometry().asPoint())
            if not extent.contains(point):
                continue
            x = frame.x() + (point.x() - extent.xMinimum()) / per_mm
            y = frame.y() + (extent.yMaximum() - point.y()) / per_mm
            for detail in shown:
                at, size = detail.positionWithUnits(), detail.sizeWithUnits()
                inside = (at.x() - SYMBOL_MM <= x <= at.x() + size.width() + SYMBOL_MM
                          and at.y() - SYMBOL_MM <= y <= at.y() + size.height() + SYMBOL_MM)
                assert not inside, (atlas.nameForPage(page), finding["finding_id"])
            checked += 1
        if atlas.nameForPage(page) == "Kyzylorda Region":
            assert len(shown) == 2
    atlas.endRender()
    assert checked > 20

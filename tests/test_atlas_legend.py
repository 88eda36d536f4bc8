"""The region page's legend (atlas/legend.py): on every page the entries QGIS's own "filter legend by map content"
gives, found without it (issue 16: the filter cost a page as much as its map context)."""

import pytest

from tests import test_atlas_map

# Karaganda's six days (findings, photos, towns, rivers) and Almaty's first (a city: no findings, no border): the
# map page tests' store, the same fixture.
store = test_atlas_map.store


def _entries(legend) -> list[tuple[str, list[str]]]:
    """(layer name, its entries' labels) of every layer the legend shows."""
    model = legend.model()
    shown = []
    for node in model.rootGroup().findLayers():
        nodes = model.layerLegendNodes(node)
        if nodes:
            shown.append((node.layer().name(), [legend_node.data(0) for legend_node in nodes]))
    return shown


@pytest.mark.parametrize("route_table", ["route_overview", "tracks"])
def test_the_legend_shows_what_qgis_filter_by_map_shows(store, route_table):
    from qgis.core import QgsLayoutExporter, QgsProject
    from qgis.PyQt.QtCore import QSize

    from green_envoy_plugin.atlas import export
    from green_envoy_plugin.atlas.map_page import furnish

    project = QgsProject()
    layers = export.expedition_layers(store, project, route_table)
    export.page_levels(layers)
    layout = export.build_layout(layers, project)
    furniture = furnish(layout, layers, project)
    legend = layout.itemById("legend")
    atlas = layout.atlas()
    assert atlas.beginRender()
    count = atlas.count()
    ours = []
    for page in [*range(count), *range(count - 2, -1, -1)]:  # and back: whichever page came before
        atlas.seekTo(page)
        ours.append((atlas.nameForPage(page), _entries(legend)))
    # QGIS's filter over the full legend, page by page.
    full = furniture.legend.entries
    theirs = {}
    for page in range(count):
        atlas.seekTo(page)
        model = legend.model()
        model.rootGroup().clear()
        for layer, properties, _keys in full:
            node = model.rootGroup().addLayer(layer)
            for key, value in properties.items():
                node.setCustomProperty(key, value)
            model.refreshLayerLegend(node)
        legend.setLegendFilterByMapEnabled(True)
        QgsLayoutExporter(layout).renderPageToImage(0, QSize(297, 210))  # the filter runs as the legend is drawn
        theirs[atlas.nameForPage(page)] = _entries(legend)
        legend.setLegendFilterByMapEnabled(False)
        if hasattr(model, "setFilterSettings"):  # 3.32+
            model.setFilterSettings(None)
        else:
            model.setLegendFilterByMap(None)
    atlas.endRender()
    for name, entries in ours:
        assert entries == theirs[name], name
    by_name = dict(ours)
    # Not everything everywhere: the city page has no findings and no state border in its map; Karaganda has
    # findings and no state border either (inside the country); a region on the border has it.
    assert "Findings" not in dict(by_name["Almaty"]) and "State border" not in dict(by_name["Almaty"])
    assert "Findings" in dict(by_name["Karaganda Region"]) and "State border" not in dict(by_name["Karaganda Region"])
    assert "State border" in dict(by_name["Almaty Region"])

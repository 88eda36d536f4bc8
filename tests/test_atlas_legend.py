"""The region page's legend (atlas/legend.py): on every page the entries QGIS's own "filter legend by map content"
gives, found without it (issue 16: the filter cost a page as much as its map context)."""

import pytest

from tests import test_atlas_map

# Karaganda's six days (findings, photos, towns, rivers) and Almaty's first (a city: no findings, no border): the
# map page tests' store, the same fixture.
store = test_atlas_map.store


def _entries(legend, skip=()) -> list[tuple[str, list[str]]]:
    """(layer name, its entries' labels) of every layer the legend shows but those of `skip`."""
    model = legend.model()
    shown = []
    for node in model.rootGroup().findLayers():
        if node.layer() in skip:
            continue
        nodes = model.layerLegendNodes(node)
        if nodes:
            shown.append((node.layer().name(), [legend_node.data(0) for legend_node in nodes]))
    return shown


def _in_colour(legend, findings) -> list[str]:
    """The labels of the findings' categories the legend shows."""
    model = legend.model()
    node = model.rootGroup().findLayer(findings.id())
    return [] if node is None else [legend_node.data(0) for legend_node in model.layerLegendNodes(node)]


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
    # The findings' own entries and the muted one of other regions' differ from the filter's on purpose: checked
    # apart, and in test_only_the_regions_own_findings_in_colour.
    skip = [layers["findings"], getattr(furniture.legend, "other_region", None)]
    atlas = layout.atlas()
    assert atlas.beginRender()
    count = atlas.count()
    ours = []
    for page in [*range(count), *range(count - 2, -1, -1)]:  # and back: whichever page came before
        atlas.seekTo(page)
        ours.append((atlas.nameForPage(page), _entries(legend, skip), _in_colour(legend, layers["findings"])))
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
        theirs[atlas.nameForPage(page)] = (_entries(legend, skip), _in_colour(legend, layers["findings"]))
        legend.setLegendFilterByMapEnabled(False)
        if hasattr(model, "setFilterSettings"):  # 3.32+
            model.setFilterSettings(None)
        else:
            model.setLegendFilterByMap(None)
    atlas.endRender()
    for name, entries, in_colour in ours:
        assert entries == theirs[name][0], name
        # The findings' categories in colour: some of those QGIS's filter gives (of other regions too, and of
        # findings in the box of the extent in the layer's CRS but outside the map).
        assert set(in_colour) <= set(theirs[name][1]), name
    by_name = {name: (entries, in_colour) for name, entries, in_colour in ours}
    # Not everything everywhere: the city page has no findings and no state border in its map; Karaganda has
    # findings and no state border either (inside the country); a region on the border has it.
    assert not by_name["Almaty"][1] and "State border" not in dict(by_name["Almaty"][0])
    assert by_name["Karaganda Region"][1] and "State border" not in dict(by_name["Karaganda Region"][0])
    assert "State border" in dict(by_name["Almaty Region"][0])


def _findings_in_map(layer, map_item) -> list:
    """The findings the page's map draws: their points inside the map's extent (in the map's CRS)."""
    from qgis.core import QgsCoordinateTransform

    to_map = QgsCoordinateTransform(layer.crs(), map_item.crs(), map_item.layout().project())
    extent = map_item.extent()
    return [feature for feature in layer.getFeatures() if feature.hasGeometry()
            and extent.contains(to_map.transform(feature.geometry().asPoint()))]


def _findings_legend(legend, findings, other_layer):
    """(the category labels the legend shows in colour, the muted entry's label or None, whether the muted entry
    carries the findings' heading itself)."""
    from qgis.core import QgsLegendRenderer, QgsLegendStyle

    model = legend.model()
    colour, muted, heading = [], None, None
    for node in model.rootGroup().findLayers():
        labels = [legend_node.data(0) for legend_node in model.layerLegendNodes(node)]
        if node.layer() is findings:
            colour = labels
        elif node.layer() is other_layer and labels:
            muted = labels
            heading = QgsLegendRenderer.nodeLegendStyle(node, model) != QgsLegendStyle.Hidden
    return colour, muted, heading


def _findings_layer(path):
    from qgis.core import QgsVectorLayer

    return QgsVectorLayer(f"{path}|layername=findings", "findings", "ogr")


def _give_region(path, ids, region) -> None:
    """The findings `ids` assigned to `region` (through OGR: the GeoPackage's triggers need its functions)."""
    layer = _findings_layer(path)
    field = layer.fields().indexOf("region")
    assert layer.startEditing()
    for feature in layer.getFeatures():
        if feature["finding_id"] in ids:
            assert layer.changeAttributeValue(feature.id(), field, region)
    assert layer.commitChanges()


def _pages_and_legends(path):
    """Every page of the store's atlas: (region, its findings in the map, the findings' legend) as PageLegend
    leaves it, in export order and then back (whichever page came before)."""
    from qgis.core import QgsProject

    from green_envoy_plugin.atlas import export
    from green_envoy_plugin.atlas.map_page import furnish

    project = QgsProject()
    layers = export.expedition_layers(path, project, "route_overview")
    export.page_levels(layers)
    layout = export.build_layout(layers, project)
    furniture = furnish(layout, layers, project)
    legend, map_item = layout.itemById("legend"), layout.itemById("map")
    findings = layers["findings"]
    atlas = layout.atlas()
    assert atlas.beginRender()
    count = atlas.count()
    seen = []
    for page in [*range(count), *range(count - 2, -1, -1)]:
        atlas.seekTo(page)
        name = atlas.nameForPage(page)
        seen.append((name, _findings_in_map(findings, map_item),
                     _findings_legend(legend, findings, getattr(furniture.legend, "other_region", None))))
    atlas.endRender()
    return seen, {category.value(): category.label() for category in findings.renderer().categories()}


def _expected(name, drawn, labels):
    own = {feature["category"] for feature in drawn if feature["region"] == name}
    colour = [label for key, label in labels.items() if key in own]  # the renderer's order
    other = any(feature["region"] != name for feature in drawn)
    return colour, other


def _check(seen, labels):
    for name, drawn, (colour, muted, heading) in seen:
        expected_colour, other = _expected(name, drawn, labels)
        assert colour == expected_colour, name
        assert muted == (["other region"] if other else None), name
        if other:
            # Alone, the muted entry is under the findings' heading; below the page's own, it continues them.
            assert heading == (not expected_colour), name


def test_only_the_regions_own_findings_in_colour(store, tmp_path):
    """A page whose map shows findings of other regions only (the demo's Astana beside Akmola's): no category in
    colour, one muted entry under the findings' heading; a page with both: its own in colour, then the muted
    entry; a page with none in its map (Almaty): no findings in the legend at all."""
    import shutil

    path = str(tmp_path / "e.gpkg")
    shutil.copy(store, path)
    ids = sorted(feature["finding_id"] for feature in _findings_layer(path).getFeatures()
                 if feature["region"] == "Karaganda Region")
    assert len(ids) >= 4
    # Half of Karaganda's findings given to its neighbour: on Karaganda's page they are drawn muted, in view.
    _give_region(path, ids[:len(ids) // 2], "Ulytau Region")
    seen, labels = _pages_and_legends(path)
    _check(seen, labels)
    karaganda = [legend for name, _drawn, legend in seen if name == "Karaganda Region"]
    assert karaganda and all(muted == ["other region"] for _colour, muted, _heading in karaganda)
    assert all(colour for colour, _muted, _heading in karaganda)

    # All of them another region's: the Astana-like page.
    _give_region(path, ids, "Ulytau Region")
    seen, labels = _pages_and_legends(path)
    _check(seen, labels)
    karaganda = [legend for name, drawn, legend in seen if name == "Karaganda Region"]
    assert karaganda and all(legend == ([], ["other region"], True) for legend in karaganda)
    almaty = [legend for name, _drawn, legend in seen if name == "Almaty"]
    assert almaty and all(legend == ([], None, None) for legend in almaty)

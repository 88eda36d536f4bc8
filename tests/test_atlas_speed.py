"""What the atlas's speed-ups must not change: an AtlasLayout's expression contexts hold what QGIS's own hold (only
the global scope is read once), and the profile drawing's texts reach the PDF as one path each, not three."""

import re
import zlib


def _coverage(qgis_app):
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "regions", "memory")
    for name, x in (("West", 0), ("East", 2)):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(f"POLYGON(({x} 0, {x + 1} 0, {x + 1} 1, {x} 1, {x} 0))"))
        feature["name"] = name
        layer.dataProvider().addFeatures([feature])
    return layer


def _variables(context) -> dict:
    values = {}
    for name in context.variableNames():
        try:
            value = context.variable(name)
        except TypeError:  # a layer pointer (@layer, @atlas_layer): compared by its id variable instead
            continue
        values[name] = value.asWkt() if hasattr(value, "asWkt") else \
            value.attributes() if hasattr(value, "attributes") else value
    return values


def _atlas_layout(qgis_app):
    """An AtlasLayout over the two-region coverage, its atlas on; the project is returned to be held."""
    from qgis.core import QgsProject

    from green_envoy_plugin.atlas.layout_context import AtlasLayout

    project = QgsProject()
    layer = _coverage(qgis_app)
    project.addMapLayer(layer, False)
    layout = AtlasLayout(project)
    layout.initializeDefaults()
    layout.atlas().setCoverageLayer(layer)
    layout.atlas().setEnabled(True)
    return project, layer, layout


def test_atlas_layout_contexts_hold_what_qgis_own_hold(qgis_app):
    from qgis.core import QgsExpressionContextUtils, QgsPrintLayout


    _project, _layer, layout = _atlas_layout(qgis_app)  # the project held: its layers live with it
    atlas = layout.atlas()
    atlas.setPageNameExpression('"name"')
    QgsExpressionContextUtils.setLayoutVariable(layout, "green_envoy_test", "one")
    assert atlas.beginRender()
    try:
        for page in range(2):
            atlas.seekTo(page)
            ours, theirs = layout.createExpressionContext(), QgsPrintLayout.createExpressionContext(layout)
            assert [s.name() for s in ours.scopes()] == [s.name() for s in theirs.scopes()]
            assert _variables(ours) == _variables(theirs)
            assert ours.variable("atlas_pagename") == ["West", "East"][page]
        # A layout variable set between two contexts is in the next one (only the global scope is read once).
        QgsExpressionContextUtils.setLayoutVariable(layout, "green_envoy_test", "two")
        assert layout.createExpressionContext().variable("green_envoy_test") == "two"
        assert all(plan for plan in layout._plans.values())  # made here, not QGIS's own context every time
    finally:
        atlas.endRender()


def test_atlas_map_context_follows_the_page_and_the_map(qgis_app):
    """The page map's context is made once for each state, and holds what QGIS's own holds at every state: after
    the atlas moves, the extent, size, rotation, layers or a layout variable change."""
    from qgis.core import (
        QgsExpressionContextUtils,
        QgsLayoutItemMap,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsRectangle,
        QgsUnitTypes,
    )

    from green_envoy_plugin.atlas.layout_context import AtlasMap

    _project, layer, layout = _atlas_layout(qgis_app)  # the project held: its layers live with it
    atlas = layout.atlas()
    map_item = AtlasMap(layout)
    layout.addLayoutItem(map_item)
    map_item.attemptMove(QgsLayoutPoint(10, 10, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(100, 80, QgsUnitTypes.LayoutMillimeters))
    map_item.setLayers([layer])
    map_item.setAtlasDriven(True)
    made = []
    own = QgsLayoutItemMap.createExpressionContext

    def check():
        ours, theirs = map_item.createExpressionContext(), own(map_item)
        assert _variables(ours) == _variables(theirs)
        made.append(map_item._held_key)

    assert atlas.beginRender()
    try:
        for page in range(2):
            atlas.seekTo(page)
            check()
            check()
            assert made[-1] == made[-2]  # the same state: the context held, not made again
            map_item.setExtent(QgsRectangle(0, 0, 5.0 * (page + 1), 4.0 * (page + 1)))  # its shape: no resize
            check()
            map_item.attemptResize(QgsLayoutSize(90, 80, QgsUnitTypes.LayoutMillimeters))
            check()
            map_item.setMapRotation(10.0 * (page + 1))
            check()
            map_item.setLayers([])
            check()
            map_item.setLayers([layer])
            QgsExpressionContextUtils.setLayoutVariable(layout, "green_envoy_test", str(page))
            check()
            assert map_item.createExpressionContext().variable("green_envoy_test") == str(page)
    finally:
        atlas.endRender()
    assert len(set(made)) == 12  # each change a state of its own


def test_profile_texts_reach_the_pdf_as_one_path_each(qgis_app, tmp_path):
    """Qt's SVG renderer draws an SVG's text into a PDF as glyph outlines: filled and traced once (the drawing's
    texts carry their thin stroke), not filled and traced again as the outline of an invisible pen."""
    from qgis.PyQt.QtCore import QByteArray, QRectF
    from qgis.PyQt.QtGui import QPainter, QPdfWriter
    from qgis.PyQt.QtSvg import QSvgRenderer

    from green_envoy_plugin.atlas.second_page import _outline_texts

    svg = tmp_path / "profile.svg"
    svg.write_text('<svg width="86mm" height="50mm" viewBox="0 0 860 500" xmlns="http://www.w3.org/2000/svg">'
                   '<text fill="#555555" fill-opacity="1" stroke="none" xml:space="preserve" x="300" y="200" '
                   'font-family="DejaVu Sans" font-size="22">Distance in the region, km</text></svg>',
                   encoding="utf-8")

    def paths(drawing: bytes) -> tuple[int, int]:
        pdf = tmp_path / "page.pdf"
        writer = QPdfWriter(str(pdf))
        writer.setResolution(200)
        painter = QPainter(writer)
        QSvgRenderer(QByteArray(drawing)).render(painter, QRectF(100, 100, 680, 395))
        painter.end()
        data = pdf.read_bytes()
        content = b"".join(zlib.decompress(data[m.end():data.index(b"endstream", m.end())])
                           for m in re.finditer(rb"stream\r?\n", data)
                           if data[m.end():m.end() + 2] == b"x\x9c")
        painted = [line.split()[-1] for line in content.splitlines() if line.strip()]
        return sum(op in (b"f", b"f*", b"B", b"B*", b"S") for op in painted), content.count(b" c\n")

    before = paths(svg.read_bytes())
    _outline_texts(str(svg))
    assert 'stroke="#555555" stroke-width="0.1"' in svg.read_text(encoding="utf-8")
    after = paths(svg.read_bytes())
    assert after[1] * 2.5 < before[1]  # the glyphs' curves once, not three times

"""The region page's legend: the entries of what the page's map can show, found as QGIS's "filter legend by map
content" finds them (the legend keys of the features of each layer in the map's extent, at the map's scale), but
without its cost on every page: that filter renders a hit test of every layer into an image of the map's size,
serialises every feature's symbol, and then rebuilds every layer's legend, each rebuild refreshing the legend
item again. Here each layer's features in the extent are read once, and the legend is
rebuilt only when its entries differ from the previous page's.

Unlike QGIS's filter, the findings' categories are those of the page's own region only: the map draws the findings
of other regions muted (styles.style_findings), and a category in colour with no finding of that colour on the map
misleads. Those are explained by one muted "other region" entry instead (the size key's words), and only findings
the map itself shows count (QGIS 3.22's filter also took those in the box of the extent in the layer's CRS).
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsGeometry,
    QgsLayerTreeModel,
    QgsLayerTreeModelLegendNode,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsRenderContext,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ..i18n import tr
from . import styles

# The role of a legend entry's rule key (an int role on every release; a scoped enum from 3.36 on).
RULE_KEY = getattr(QgsLayerTreeModelLegendNode.RuleKeyRole, "value", QgsLayerTreeModelLegendNode.RuleKeyRole)


# The key legend_keys_in gives a finding of another region than the page's (never a renderer's legend key: those are
# rule ids and category indices).
OTHER_REGION = "green_envoy/other region"


# Up to 3.30 QGIS's filter reads the features intersecting the bounding box of the map's extent in each layer's
# CRS; from 3.32 on (its legend filter settings) those intersecting the extent itself, carried into that CRS.
EXACT_EXTENT = hasattr(QgsLayerTreeModel, "setFilterSettings")


class PageLegend:
    """Keeps a legend showing, on each atlas page, only the entries its linked map shows there. Built once the
    legend holds all its layers (with their custom symbols): that content is the full set it picks from."""

    def __init__(self, legend: QgsLayoutItemLegend, map_item: QgsLayoutItemMap):
        self.legend, self.map_item = legend, map_item
        legend.setLegendFilterByMapEnabled(False)
        model = legend.model()
        self.entries = []  # (layer, the node's custom properties, the rule key of each of its original entries)
        for node in model.rootGroup().findLayers():
            properties = {key: node.customProperty(key) for key in node.customProperties()}
            keys = [legend_node.data(RULE_KEY) for legend_node in model.layerOriginalLegendNodes(node)]
            self.entries.append((node.layer(), properties, keys))
        # What the legend shows now: every entry of every layer.
        self.shown = {layer.id(): list(range(len(keys))) for layer, _properties, keys in self.entries}
        self.findings = next((layer for layer, _properties, _keys in self.entries
                              if layer.customProperty("green_envoy/role") == "findings"), None)
        self.other_region = None if self.findings is None else _other_region_layer(self.findings, legend)
        self.other_shown: bool | None = None  # the muted entry: None absent, else whether it carries the heading

    def update(self) -> None:
        """The entries of the current page (call once the map has the page's extent). Only the layers whose
        entries changed since the previous page are rebuilt: each rebuild refreshes the whole legend item."""
        extent, scale, crs = self.map_item.extent(), self.map_item.scale(), self.map_item.crs()
        map_layers = {layer.id() for layer in self.map_item.layers()}
        rects: dict = {}  # the extent in each layer CRS, as the hit test takes it (its bounding box there)
        model = self.legend.model()
        root = model.rootGroup()
        position, changed = 0, False
        region = self._page_region()
        other = False  # a finding of another region in the map
        for layer, properties, keys in self.entries:
            indices = None
            # The filter shows nothing of a layer its map does not draw, or not at this scale.
            if isinstance(layer, QgsVectorLayer) and layer.id() in map_layers and not (
                    layer.hasScaleBasedVisibility() and not layer.isInScaleRange(scale)):
                area = None
                # The findings as the map draws them: a finding in the box of the extent in the layer's CRS but
                # outside the map (Astana's F-050, 3.22's filter) is not on the page.
                exact = EXACT_EXTENT or layer is self.findings
                if layer.crs() == crs:
                    rect = extent
                else:
                    key = (layer.crs().toWkt(), exact)
                    if key not in rects:
                        to_layer = QgsCoordinateTransform(crs, layer.crs(), layer.transformContext())
                        shape = None
                        if exact:
                            shape = QgsGeometry.fromRect(extent).densifyByCount(20)
                            shape.transform(to_layer)
                        rects[key] = (to_layer.transformBoundingBox(extent), shape)
                    rect, area = rects[key]
                if layer is self.findings and region is not None:
                    hit = legend_keys_in(layer, rect, scale, {*keys, OTHER_REGION}, area, region)
                    other = OTHER_REGION in hit
                else:
                    hit = legend_keys_in(layer, rect, scale, set(keys), area)
                indices = [i for i, key in enumerate(keys) if key in hit] or None
            before = self.shown.get(layer.id())
            if indices != before:
                changed = True
                node = root.findLayer(layer.id())
                if indices is None:
                    root.removeChildNode(node)
                    del self.shown[layer.id()]
                else:
                    if node is None:
                        node = root.insertLayer(position, layer)
                        for name, value in properties.items():
                            node.setCustomProperty(name, value)
                    QgsMapLayerLegendUtils.setLegendNodeOrder(node, indices)
                    model.refreshLayerLegend(node)
                    self.shown[layer.id()] = indices
            if indices is not None:
                position += 1
            if layer is self.findings and self.other_region is not None:
                changed |= self._show_other_region(position, other, indices is not None)
                position += other
        if changed:
            self.legend.adjustBoxSize()

    def _page_region(self) -> str | None:
        """The name of the page's region (as the findings' "region" field holds it), None outside an atlas
        (the map then draws every finding in its colour)."""
        layout = self.legend.layout()
        if layout is None or not layout.atlas().enabled():
            return None
        feature = layout.reportContext().feature()
        if not feature.isValid() or feature.fields().indexOf("name") < 0:
            return None
        return feature["name"]

    def _show_other_region(self, position: int, shown: bool, own: bool) -> bool:
        """The muted entry at `position`, right under the page's own categories; the "Findings" heading its own
        where the page has none of its region's. Returns whether the legend changed."""
        state = (not own) if shown else None
        if state == self.other_shown:
            return False
        root = self.legend.model().rootGroup()
        node = root.findLayer(self.other_region.id())
        if state is None:
            root.removeChildNode(node)
        else:
            if node is None:
                node = root.insertLayer(position, self.other_region)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Subgroup if state else QgsLegendStyle.Hidden)
            self.legend.model().refreshLayerLegend(node)
        self.other_shown = state
        return True


def _other_region_layer(findings: QgsVectorLayer, legend: QgsLayoutItemLegend) -> QgsVectorLayer:
    """A layer for the legend only: one grey marker, as the map draws a finding outside the page's region, under
    the findings' name (their heading where it stands alone)."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326", findings.name(), "memory")
    symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": styles.OUTSIDE_COLOUR, "outline_color": "#8c8c8c",
                                           "outline_width": "0.3", "size": "3"})
    # A category, not a single symbol: QGIS would draw a lone unlabelled symbol beside the layer's name.
    layer.setRenderer(QgsCategorizedSymbolRenderer("", [QgsRendererCategory("", symbol, tr("other region"))]))
    project = legend.layout().project() if legend.layout() is not None else None
    if project is not None:
        project.addMapLayer(layer, False)  # kept alive and resolvable by id as the legend's other layers
    return layer


def legend_keys_in(layer: QgsVectorLayer, rect, scale: float, wanted: set | None = None, area=None,
                   region: str | None = None) -> set:
    """The legend keys of `layer`'s renderer for its features in `rect` (in the layer's CRS): the features QGIS's
    hit test reads (those intersecting the rectangle, through the provider's own spatial filter). Stops once every
    key of `wanted` is found: one raw track in the extent is enough for the route's single entry, and each
    further one is a whole day of fixes read and intersected. `area`: the map's extent as a polygon in the layer's
    CRS, which a feature must intersect too (QGIS 3.32 on). `region`: the keys of the findings of that region
    only; a finding of another one gives OTHER_REGION instead (the map draws it muted, whatever its key)."""
    renderer = layer.renderer()
    if renderer is None:
        return set()
    context = QgsRenderContext()
    context.setRendererScale(scale)
    expressions = QgsExpressionContext()
    expressions.appendScope(QgsExpressionContextUtils.layerScope(layer))
    context.setExpressionContext(expressions)
    # As the hit test asks: the features that intersect the extent, not those whose bounding box does (a
    # country's border would be in every page's legend).
    request = QgsFeatureRequest().setFilterRect(rect).setFlags(QgsFeatureRequest.Flag.ExactIntersect)
    renderer = renderer.clone()  # startRender prepares state a live render must not share
    renderer.startRender(context, layer.fields())
    keys: set = set()
    engine = None
    if area is not None:
        request = QgsFeatureRequest().setFilterRect(area.boundingBox())
        engine = QgsGeometry.createGeometryEngine(area.constGet())
        engine.prepareGeometry()
    try:
        attributes = renderer.usedAttributes(context) | ({"region"} if region is not None else set())
        request.setSubsetOfAttributes(attributes, layer.fields())
        for feature in layer.getFeatures(request):
            if engine is not None and not (feature.hasGeometry() and engine.intersects(feature.geometry().constGet())):
                continue
            if region is not None and feature["region"] != region:
                keys.add(OTHER_REGION)
                if wanted is not None and wanted <= keys:
                    break
                continue
            context.expressionContext().setFeature(feature)
            keys.update(renderer.legendKeysForFeature(feature, context))
            if wanted is not None and wanted <= keys:
                break
    finally:
        renderer.stopRender(context)
    return keys

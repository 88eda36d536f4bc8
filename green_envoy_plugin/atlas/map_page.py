"""The furniture of a region's map page, added to the layout export.build_layout made: map context and the user's
basemap, finding ids with a detail map where findings cluster, the size key, a locator, a graticule and a round
scale bar; each page's values (scale bar step, grid interval, detail map) set as the atlas moves to the region.
"""

from __future__ import annotations

import math

from qgis.core import (
    QgsCentroidFillSymbolLayer,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGeometry,
    QgsGraduatedSymbolRenderer,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemMapOverview,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsMarkerSymbol,
    QgsPrintLayout,
    QgsProperty,
    QgsRectangle,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..core.categories import CATEGORIES
from ..core.clusters import detail_groups
from ..i18n import tr
from . import compat, context, graticule, styles
from .items import fit_aspect, font
from .legend import PageLegend

MM = QgsUnitTypes.LayoutMillimeters
NICE = (1, 2, 5)
COLLIDE_MM = 8.0  # two findings nearer than this on paper crowd each other's ids (an id is ~8 mm wide)
KEY_ROOM = (92.0, 13.0)  # mm the size key takes on an A4 page (title and one row of six symbols)
KEY_WIDTH = {"en": 92.0, "ru": 109.0, "kk": 110.0}  # its words are longer in Russian and Kazakh (measured)
DETAIL_MIN = 3  # findings in a cluster before a detail map is worth its place
TWO_DETAILS = 0.8  # the detail maps' size where a page has two
SYMBOL_MM = 2.5  # a finding's symbol's half size: nearer a detail map's frame than this, the frame cuts it


def nice_step(value: float) -> float:
    """The largest 1-2-5 step (…, 0.5, 1, 2, 5, 10, …) not above `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    return max(step * power for step in NICE if step * power <= value * (1 + 1e-9))


def grid_interval(span_degrees: float, lines: int = 5) -> float:
    """A graticule interval in degrees (1-2-5 steps, or 0.25) giving about `lines` lines across the map."""
    return nice_step(span_degrees / lines)


def furnish(layout: QgsPrintLayout, layers: dict, project, page_format: str = "a4-landscape",
            language: str = "en", basemap: str = "") -> PageFurniture:
    """Adds the furniture to the region layout (items found by id), places every item for the page format
    (pages.fit_pages) and keeps the per-page values up to date as the atlas moves. The returned object must be
    kept as long as the layout is exported (it holds the atlas's slot)."""
    from .pages import fit_pages

    map_item = layout.itemById("map")
    crs = map_item.crs()
    extra = context_map(map_item, layers, project, language, basemap)
    graticule.add(map_item, language)
    _fix_legend(layout, layers, extra)
    legend = layout.itemById("legend")
    page_legend = PageLegend(legend, map_item) if isinstance(legend, QgsLayoutItemLegend) else None
    detail = _detail_map(layout, map_item, layers, extra)
    _detail_map(layout, map_item, layers, extra, "_2")  # where the findings crowd in two places apart
    locator = _locator(layout, layers, extra, crs)
    _size_key(layout, project)
    _omit_empty_second_page(layout)
    _profile_on_map_page(layout)
    fit_pages(layout, page_format)
    if page_format.endswith("portrait") and isinstance(legend, QgsLayoutItemLegend):
        # Under a portrait map the legend has the page's width but not the height of one column: in one it ran
        # over the sources (Akmola, Karaganda). Two columns, each legend group kept whole.
        legend.setColumnCount(2)
        legend.setSplitLayer(False)
        legend.adjustBoxSize()
    furniture = PageFurniture(layout, map_item, detail, locator, layers, language)
    furniture.legend = page_legend
    furniture.towns = extra.get("towns")
    if page_format.startswith("a3"):
        from .pages import A3_TYPE

        furniture.type_scale = A3_TYPE
    return furniture


def context_map(map_item: QgsLayoutItemMap, layers: dict, project, language: str = "en", basemap: str = "") -> dict:
    """The page map's layers: the expedition's (findings labelled with their ids) over the map context and the
    user's basemap. Returns the context layers by role (towns, rivers, waters, borders, neighbours)."""
    extra = context.context_layers(project, map_item.crs(), language)
    base = context.load_basemap(basemap, project)
    styles.label_finding_ids(layers["findings"])
    # The registry's records along the route the expedition did not report: the page counts them, so draws them.
    top = [layers[key] for key in ("media", "findings", "unreported", "route", "route_coarse")
           if layers.get(key) is not None]
    regions = [layers[key] for key in ("regions", "regions_coarse", "region_names") if layers.get(key) is not None]
    # The user's basemap replaces the neighbours' plain fill (it shows them); the regions go translucent over it.
    below = [extra[key] for key in ("country_labels", "water_labels", "towns", "national_border", "roads",
                                    "roads_abroad", "rivers", "waters") if key in extra]
    _cheaper_labels(project)
    below_regions = [] if base is not None else [extra[key] for key in ("countries",) if key in extra]
    if base is not None:
        for layer in regions[:2]:
            _translucent(layer, 0.45)
    map_item.setLayers(top + below + regions + below_regions + ([base] if base is not None else []))
    map_item.setBackgroundColor(QColor(context.WATER if base is None else "#ffffff"))  # beyond the land: sea
    return extra


def _cheaper_labels(project) -> None:
    """Fewer candidate places per line label: the names along rivers and borders need a handful, and every
    candidate is weighed against every other on each page."""
    settings = project.labelingEngineSettings()
    if hasattr(settings, "setMaximumLineCandidatesPerCm"):  # 3.12+
        settings.setMaximumLineCandidatesPerCm(2.0)
        settings.setMaximumPolygonCandidatesPerCmSquared(1.0)
    # No name cut by the map's frame ("РЕСЕЙ" half outside): a name that does not fit whole is left out.
    partial = getattr(type(settings), "UsePartialCandidates", None)
    if partial is None:
        from qgis.core import Qgis

        partial = Qgis.LabelingFlag.UsePartialCandidates
    settings.setFlag(partial, False)
    project.setLabelingEngineSettings(settings)


def _translucent(layer: QgsVectorLayer, opacity: float) -> None:
    """The layer's fills see-through over a basemap. Set on the symbols, not the layer: a PDF kept in vectors
    cannot blend a whole layer (QGIS would draw it opaque)."""
    from qgis.core import QgsRenderContext

    renderer = layer.renderer().clone()
    for symbol in renderer.symbols(QgsRenderContext()):
        symbol.setOpacity(opacity)
    layer.setRenderer(renderer)


def _fix_legend(layout: QgsPrintLayout, layers: dict, extra: dict) -> None:
    """The findings' legend symbols plain (shape and colour, no per-feature size or muting) and the map's
    context (towns, border, rivers, lakes) after the route and photos."""
    legend = layout.itemById("legend")
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    root = legend.model().rootGroup()
    finding_symbols(legend, layers)
    for role in ("towns", "national_border", "roads", "rivers", "waters"):
        if role in extra:
            root.addLayer(extra[role])
    legend.setColumnCount(1)
    compat.set_legend_font(legend, QgsLegendStyle.Title, font(9, bold=True))
    legend.rstyle(QgsLegendStyle.Title).setMargin(QgsLegendStyle.Bottom, 0.5)
    compat.set_legend_font(legend, QgsLegendStyle.SymbolLabel, font(7.5))
    compat.set_legend_font(legend, QgsLegendStyle.Subgroup, font(8, bold=True))
    legend.setSymbolHeight(2.8)
    legend.setSymbolWidth(5.5)
    legend.rstyle(QgsLegendStyle.Subgroup).setMargin(QgsLegendStyle.Top, 1.3)
    legend.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 0.6)  # 23 rows above the scale bar
    legend.setBoxSpace(1.0)
    legend.adjustBoxSize()


def finding_symbols(legend: QgsLayoutItemLegend, layers: dict) -> None:
    """The findings' legend symbols plain: each category's shape and colour (the map mutes and sizes them)."""
    for node in legend.model().rootGroup().findLayers():
        if node.layer() is layers["findings"]:
            for i, key in enumerate(CATEGORIES):
                QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(node, i, styles.finding_symbol(key))
            legend.model().refreshLayerLegend(node)


def _detail_map(layout: QgsPrintLayout, map_item: QgsLayoutItemMap, layers: dict, extra: dict, suffix: str = ""):
    """A detail map (ids `detail`, `detail_2`), its caption, its dashed frame on the page's map and the frame's
    number (shown when a page has two detail maps)."""
    detail = QgsLayoutItemMap(layout)
    detail.setCrs(map_item.crs())
    layout.addLayoutItem(detail)
    detail.attemptResize(QgsLayoutSize(64, 50, MM))
    detail.attemptMove(QgsLayoutPoint(135, 29, MM))
    detail.setId("detail" + suffix)
    detail.setLayers(map_item.layers())
    detail.setKeepLayerSet(True)
    detail.setBackgroundColor(QColor("#ffffff"))
    detail.setFrameEnabled(True)
    detail.setFrameStrokeWidth(QgsLayoutMeasurement(0.5, MM))
    detail.setFrameStrokeColor(QColor("#1a1a1a"))
    detail.setExtent(fit_aspect(map_item.extent(), 64 / 50))
    for item_id in ("detail_caption", "detail_number"):
        caption = QgsLayoutItemLabel(layout)
        caption.setId(item_id + suffix)
        compat.set_label_text(caption, font(6.5, bold=True), "#1a1a1a")
        caption.setBackgroundEnabled(True)
        caption.setBackgroundColor(QColor(255, 255, 255, 230))
        caption.setMarginX(0.8)
        caption.setMarginY(0.4)
        caption.setVisibility(False)
        layout.addLayoutItem(caption)
    overview = QgsLayoutItemMapOverview("detail_frame" + suffix, map_item)
    overview.setLinkedMap(detail)
    overview.setFrameSymbol(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#1a1a1a", "outline_width": "0.4", "outline_style": "dash"}))
    map_item.overviews().addOverview(overview)
    return detail


def _locator(layout: QgsPrintLayout, layers: dict, extra: dict, crs):
    """Kazakhstan with the page's region dark, and a ring at its centre that shows even a city."""
    regions = layers["regions_locator"].clone()
    layout.project().addMapLayer(regions, False)
    this = "\"name\" = attribute(@atlas_feature, 'name')"
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "#e2e0d8", "outline_color": "#ffffff", "outline_width": "0.15"}), 0, 0, f"NOT ({this})"))
    current = QgsFillSymbol.createSimple({"color": "#3d3d3d", "outline_color": "#3d3d3d", "outline_width": "0.1"})
    ring = QgsCentroidFillSymbolLayer()
    ring.setSubSymbol(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "0,0,0,0", "outline_color": "#d55e00", "outline_width": "0.6", "size": "4.5"}))
    ring.setPointOnSurface(False)  # the centroid: a region's shape is compact enough, and it costs less
    current.appendSymbolLayer(ring)
    root.appendChild(QgsRuleBasedRenderer.Rule(current, 0, 0, this))
    regions.setRenderer(QgsRuleBasedRenderer(root))
    regions.setLabelsEnabled(False)
    locator = QgsLayoutItemMap(layout)
    locator.setCrs(crs)
    layout.addLayoutItem(locator)
    locator.attemptResize(QgsLayoutSize(79, 44, MM))
    locator.attemptMove(QgsLayoutPoint(208, 26, MM))
    locator.setId("locator")
    # The whole loop over the country, as page 2's inset drew it: where the region lies on the expedition.
    locator_layers = [layers["route_locator"], regions]
    # At ~1:30 M a 5 km simplification is under a printed pixel and draws a fraction of the vertices.
    if "waters" in extra:
        locator_layers.insert(0, context.coarse(extra["waters"], 5000.0, layout.project()))
    if "countries" in extra:
        locator_layers.append(context.coarse(extra["countries"], 5000.0, layout.project()))
    locator.setLayers(locator_layers)
    locator.setKeepLayerSet(True)
    locator.setBackgroundColor(QColor(context.WATER))
    locator.setFrameEnabled(True)
    locator.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, MM))
    to_map = QgsCoordinateTransform(layers["regions_country"].crs(), crs, layout.project())
    country = to_map.transformBoundingBox(layers["regions_country"].extent())
    country.scale(1.04)
    locator.setExtent(fit_aspect(country, 79 / 44))
    return locator


def _size_key(layout: QgsPrintLayout, project) -> None:
    """Severity 1 to 5 as the findings' symbol sizes, in a row of its own inside the map's corner (the legend
    shows the categories; grey symbols are findings of other regions)."""
    key = QgsVectorLayer("Point?crs=EPSG:4326&field=severity:integer", "severity", "memory")
    ranges = []
    for severity in range(1, 6):
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#6e6e6e", "outline_color": "#ffffff",
                                               "outline_width": "0.3", "size": str(styles.severity_size(severity))})
        text = {1: tr("1 least"), 5: tr("5 most")}.get(severity, str(severity))
        ranges.append(QgsRendererRange(severity - 0.5, severity + 0.5, symbol, text))
    muted = QgsMarkerSymbol.createSimple({"name": "circle", "color": styles.OUTSIDE_COLOUR, "outline_color": "#8c8c8c",
                                          "outline_width": "0.3", "size": str(styles.severity_size(3))})
    ranges.append(QgsRendererRange(5.5, 6.5, muted, tr("other region")))
    key.setRenderer(QgsGraduatedSymbolRenderer("severity", ranges))
    key.setName(tr("Severity (symbol size)"))
    project.addMapLayer(key, False)
    legend = QgsLayoutItemLegend(layout)
    legend.setId("size_key")
    legend.setTitle(tr("Severity (symbol size)"))
    legend.setAutoUpdateModel(False)
    legend.model().rootGroup().clear()
    node = legend.model().rootGroup().addLayer(key)
    QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Hidden)
    legend.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression(
        'coalesce("findings", 0) = 0'))
    compat.set_legend_font(legend, QgsLegendStyle.SymbolLabel, font(7))
    compat.set_legend_font(legend, QgsLegendStyle.Title, font(7, bold=True))
    legend.setColumnCount(6)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(False)
    legend.setColumnSpace(1.0)
    legend.setSymbolWidth(5.0)
    legend.setSymbolHeight(4.8)
    legend.setBoxSpace(1.2)
    legend.rstyle(QgsLegendStyle.Symbol).setMargin(QgsLegendStyle.Top, 0.5)
    legend.rstyle(QgsLegendStyle.Title).setMargin(QgsLegendStyle.Bottom, 0.8)
    legend.setBackgroundColor(QColor(255, 255, 255, 225))
    legend.setFrameEnabled(True)
    legend.setFrameStrokeWidth(QgsLayoutMeasurement(0.15, MM))
    legend.setResizeToContents(True)
    legend.attemptMove(QgsLayoutPoint(12, 178, MM))
    layout.addLayoutItem(legend)


def _profile_on_map_page(layout: QgsPrintLayout) -> None:
    """The elevation profile on the map page of a region without findings (its second page is left out)."""
    from qgis.core import QgsLayoutItemPicture

    from .second_page import WIDE_PROFILE_SUFFIX

    profile = QgsLayoutItemPicture(layout)
    profile.setMode(QgsLayoutItemPicture.FormatSVG)
    properties = profile.dataDefinedProperties()
    properties.setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromExpression(
        f"CASE WHEN coalesce(\"findings\", 0) = 0 THEN @green_envoy_pages || '/' || \"file_stem\" || "
        f"'{WIDE_PROFILE_SUFFIX}' ELSE '' END"))
    properties.setProperty(QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression(
        'coalesce("findings", 0) > 0'))
    layout.addLayoutItem(profile)
    profile.attemptResize(QgsLayoutSize(79, 30, MM))
    profile.attemptMove(QgsLayoutPoint(208, 148, MM))
    profile.setId("profile_1")


def _omit_empty_second_page(layout: QgsPrintLayout) -> None:
    """A region without findings has no table, photos or figures worth a page: its second page is left out."""
    if layout.pageCollection().pageCount() < 2:
        return
    page = layout.pageCollection().page(1)
    page.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports,
                                             QgsProperty.fromExpression('coalesce("findings", 0) = 0'))
    for item in layout.items():
        if hasattr(item, "page") and isinstance(item, QgsLayoutItemMap) and item.id() == "inset":
            item.dataDefinedProperties().setProperty(QgsLayoutObject.ExcludeFromExports,
                                                     QgsProperty.fromExpression('coalesce("findings", 0) = 0'))
    # Nor is its profile drawing read for that page (the map page shows it: profile_1): every picture is
    # loaded again at each page, shown or not.
    profile = layout.itemById("profile")
    source = profile.dataDefinedProperties().property(QgsLayoutObject.PictureSource) if profile else None
    if source is not None and source.isActive():
        profile.dataDefinedProperties().setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromExpression(
            f"CASE WHEN coalesce(\"findings\", 0) = 0 THEN '' ELSE {source.expressionString()} END"))


def scale_text(scale: float, language: str) -> str:
    """A map scale rounded to two significant figures, grouped as the language writes numbers (1:250 000)."""
    digits = max(0, len(str(int(scale))) - 2)
    rounded = int(round(scale, -digits))
    grouped = f"{rounded:,}"
    return grouped.replace(",", "\u00a0" if language in ("ru", "kk") else ",")


class PageFurniture:
    """The per-page values, set as the atlas moves to a region: scale bar step, graticule interval, detail map."""

    def __init__(self, layout, map_item, detail, locator, layers, language: str = "en"):
        self.layout, self.map_item, self.detail, self.locator, self.layers = layout, map_item, detail, locator, layers
        self.language = language
        self.type_scale = 1.0
        self.legend: PageLegend | None = None  # the page's legend entries, set by furnish
        self.keep_clear: list = []  # other items inside the map the detail map keeps off (a template's locator)
        self.towns: QgsVectorLayer | None = None  # the map context's towns (in the map's CRS): capitals kept in view
        self.region_shape: QgsGeometry | None = None  # the page's region in the map's CRS: detail maps keep off it
        second = layout.itemById("detail_2")
        self.details = [detail, *([second] if isinstance(second, QgsLayoutItemMap) else [])]
        self.detail_size: QgsLayoutSize | None = None
        self.findings = layers["findings"]
        self.to_map = QgsCoordinateTransform(self.findings.crs(), map_item.crs(), layout.project())
        self.to_degrees = QgsCoordinateTransform(map_item.crs(), QgsCoordinateReferenceSystem("EPSG:4326"),
                                                 layout.project())
        layout.atlas().featureChanged.connect(self.page_changed)

    def page_changed(self, _feature: QgsFeature) -> None:
        # A slot that raised would abort QGIS: a page whose furniture fails keeps the previous page's values.
        try:
            self._page_changed(self.layout.reportContext().feature())
        except Exception as exc:
            from qgis.core import QgsMessageLog

            QgsMessageLog.logMessage(f"atlas page furniture: {exc!r}", "Green Envoy")

    def _page_changed(self, feature: QgsFeature) -> None:
        self.region_shape = QgsGeometry(feature.geometry())
        coverage = self.layout.atlas().coverageLayer()
        if coverage is not None and not self.region_shape.isNull():
            self.region_shape.transform(QgsCoordinateTransform(coverage.crs(), self.map_item.crs(),
                                                               self.layout.project()))
        extent = self.map_item.extent()
        width_mm = self.map_item.sizeWithUnits().width()
        metres_per_mm = extent.width() / width_mm
        self._scale_bar(metres_per_mm)
        degrees = self.to_degrees.transformBoundingBox(extent)
        interval = grid_interval(min(degrees.width(), degrees.height()), 4)
        for grid in self.map_item.grids().asList():
            if grid.intervalX() != interval:
                grid.setIntervalX(interval)
                grid.setIntervalY(interval)
        self._detail(feature["name"], extent, metres_per_mm)
        covering = [self.layout.itemById(item_id) for item_id in ("size_key", "detail", "detail_2", "profile_1")]
        graticule.label_ranges(self.layout, self.map_item, self.to_degrees,
                               [item for item in covering if item is not None and item.isVisible()])
        self._second_pages(feature)
        if self.legend is not None:
            self.legend.update()

    def _second_pages(self, feature: QgsFeature) -> None:
        """Without findings there is no table, photo or figure worth a page: only the map page is exported."""
        empty = not (feature.fields().indexOf("findings") >= 0 and (feature["findings"] or 0) > 0)
        collection = self.layout.pageCollection()
        for number in range(1, collection.pageCount()):
            collection.page(number).setExcludeFromExports(empty)

    def _scale_bar(self, metres_per_mm: float) -> None:
        scale = self.layout.itemById("scale")
        if not isinstance(scale, QgsLayoutItemScaleBar):
            return
        # Two segments of a 1-2-5 length in about 45 mm: 0-50-100 km, 0-5-10 km, never 0-7-14. Each setter
        # lays the bar out again: only what changed is set.
        step_km = nice_step(metres_per_mm * 22.0 / 1000.0)
        if scale.segmentSizeMode() != QgsScaleBarSettings.SegmentSizeFixed:
            scale.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
            scale.setNumberOfSegments(2)
            scale.setNumberOfSegmentsLeft(0)
        if scale.unitsPerSegment() != step_km:
            scale.setUnitsPerSegment(step_km)

    def _detail(self, region: str, extent: QgsRectangle, metres_per_mm: float) -> None:
        points = []
        request = QgsFeatureRequest().setFilterExpression(f"\"region\" = '{str(region).replace(chr(39), chr(39) * 2)}'")
        for finding in self.findings.getFeatures(request):
            if finding.geometry().isNull():
                continue
            shape = QgsGeometry(finding.geometry())
            shape.transform(self.to_map)
            point = shape.asPoint()
            points.append((finding["finding_id"], point.x(), point.y()))
        if self.detail_size is None:  # as the page format placed it
            self.detail_size = self.detail.sizeWithUnits()
        size = self.detail_size
        # Findings gathered into one detail map only as far as it still shows them at twice the page's scale (with
        # the room around them): two groups farther apart get one each.
        shown = detail_groups(points, COLLIDE_MM * metres_per_mm, size.width() * metres_per_mm / (2 * 1.3),
                              len(self.details), DETAIL_MIN)
        if len(shown) > 1:  # two in the map's corners, each off the other's dashed frame
            size = QgsLayoutSize(size.width() * TWO_DETAILS, size.height() * TWO_DETAILS, MM)
        ids = ",".join(finding_id for group in shown for finding_id, _x, _y in group)
        QgsExpressionContextUtils.setLayoutVariable(self.layout, "green_envoy_detail_ids", ids)
        boxes = [self._cluster_box(group, size, metres_per_mm) for group in shown]
        frames = {overview.name(): overview for overview in self.map_item.overviews().asList()}
        placed: list[QgsRectangle] = []
        for k, detail in enumerate(self.details):
            suffix = "" if k == 0 else f"_{k + 1}"
            show = k < len(shown)
            detail.setVisibility(show)
            for item_id in ("detail_caption", "detail_number"):
                item = self.layout.itemById(item_id + suffix)
                if item is not None:
                    item.setVisibility(show and (item_id == "detail_caption" or len(shown) > 1))
            if "detail_frame" + suffix in frames:
                frames["detail_frame" + suffix].setEnabled(show)
            if show:
                detail.attemptResize(size)
                detail.setExtent(fit_aspect(boxes[k], size.width() / size.height()))
                placed.append(self._place_detail(extent, metres_per_mm, boxes[k], k, boxes, placed, len(shown)))

    def caption_text(self, k: int, count: int) -> str:
        """Detail map `k`'s caption: its scale, and its number when the page has `count` > 1 of them."""
        scale = scale_text(self.details[k].scale(), self.language)
        return tr("Detail (dashed frame), 1:{0}").format(scale) if count == 1 else \
            tr("Detail {0} (dashed frame {0}), 1:{1}").format(k + 1, scale)

    @staticmethod
    def _cluster_box(group: list, size, metres_per_mm: float) -> QgsRectangle:
        """The detail map's extent around its findings: at least 4 times the page's map, and room for the ids."""
        xs = [x for _i, x, _y in group]
        ys = [y for _i, _x, y in group]
        box = QgsRectangle(min(xs), min(ys), max(xs), max(ys))
        least = size.width() * metres_per_mm / 4.0
        grow_w = max(box.width() * 1.3, least)
        grow_h = max(box.height() * 1.3, least * size.height() / size.width())
        centre = box.center()
        return QgsRectangle(centre.x() - grow_w / 2, centre.y() - grow_h / 2,
                            centre.x() + grow_w / 2, centre.y() + grow_h / 2)

    def _place_detail(self, extent: QgsRectangle, metres_per_mm: float, cluster_box: QgsRectangle, k: int = 0,
                      clusters_shown: list | None = None, placed: list | None = None, count: int = 1) -> QgsRectangle:
        """Detail map `k` in the map's corner with the fewest findings under it, away from every cluster with a
        detail map and from the detail maps placed before it; its caption, and its number on its dashed frame
        when there are two. Returns its place on the map (mm from the map's top left)."""
        frame = self.map_item.positionWithUnits()
        width, height = self.map_item.sizeWithUnits().width(), self.map_item.sizeWithUnits().height()
        detail = self.details[k]
        size = detail.sizeWithUnits()
        margin = 3.0
        on_map = []  # what a detail map must not hide, in the map's CRS
        for finding in self.findings.getFeatures():
            if not finding.geometry().isNull():
                shape = QgsGeometry(finding.geometry())
                shape.transform(self.to_map)
                on_map.append(shape.asPoint())
        if self.towns is not None:  # the capital and the regional centres weigh as findings: never hidden either
            request = QgsFeatureRequest().setFilterExpression('"rank" <= 2')
            on_map += [town.geometry().asPoint() for town in self.towns.getFeatures(request)]
        points = [((point.x() - extent.xMinimum()) / metres_per_mm, (extent.yMaximum() - point.y()) / metres_per_mm)
                  for point in on_map]

        def on_paper(box: QgsRectangle) -> QgsRectangle:
            return QgsRectangle((box.xMinimum() - extent.xMinimum()) / metres_per_mm,
                                (extent.yMaximum() - box.yMaximum()) / metres_per_mm,
                                (box.xMaximum() - extent.xMinimum()) / metres_per_mm,
                                (extent.yMaximum() - box.yMinimum()) / metres_per_mm)

        # Off the dashed frames (the clusters' boxes at the detail maps' shape), its own and the other's.
        avoid = [on_paper(fit_aspect(box, size.width() / size.height())) for box in (clusters_shown or [cluster_box])]

        # The size key sits inside the map too: the detail map keeps off it.
        key = self.layout.itemById("size_key")
        taken = list(placed or [])
        if isinstance(key, QgsLayoutItemLegend) and key.isVisible():
            # A legend knows its size only once drawn: the key's room is reserved at its drawn size on A4.
            at = key.positionWithUnits()
            key_w = KEY_WIDTH.get(self.language, max(KEY_WIDTH.values())) * self.type_scale
            key_h = KEY_ROOM[1] * self.type_scale
            taken.append(QgsRectangle(at.x() - frame.x(), at.y() - frame.y(),
                                      at.x() - frame.x() + key_w, at.y() - frame.y() + key_h))
        for item in self.keep_clear:
            at, room = item.positionWithUnits(), item.sizeWithUnits()
            taken.append(QgsRectangle(at.x() - frame.x(), at.y() - frame.y(),
                                      at.x() - frame.x() + room.width(), at.y() - frame.y() + room.height()))

        region = self.region_shape

        def over_region(rect: QgsRectangle) -> float:
            """The share of the detail map over the page's own region (over neighbours or sea it hides less)."""
            if region is None or region.isNull():
                return 0.0
            left, top = extent.xMinimum(), extent.yMaximum()
            on_map = QgsGeometry.fromRect(QgsRectangle(
                left + rect.xMinimum() * metres_per_mm, top - rect.yMaximum() * metres_per_mm,
                left + rect.xMaximum() * metres_per_mm, top - rect.yMinimum() * metres_per_mm))
            return region.intersection(on_map).area() / max(on_map.area(), 1e-9)

        def best(scale: float) -> tuple[float, tuple[float, float], float, float]:
            """The cheapest place for the detail map at `scale` times its size: the corners first; the middles
            of the edges where every corner would hide a finding (Kyzylorda's F-106, Abay's F-005 were)."""
            w, h = size.width() * scale, size.height() * scale
            xs = (margin, (width - w) / 2, width - w - margin)
            ys = (margin, (height - h) / 2, height - h - margin)

            def cost(corner: tuple[float, float]) -> float:
                x, y = corner
                rect = QgsRectangle(x, y, x + w, y + h)
                # a finding whose symbol (or the id beside it) the frame would cut counts as under it
                reach = QgsRectangle(x - SYMBOL_MM, y - SYMBOL_MM, x + w + SYMBOL_MM, y + h + SYMBOL_MM)
                under = sum(10 for px, py in points if reach.contains(px, py))
                middle = 0 if x in (xs[0], xs[2]) and y in (ys[0], ys[2]) else 1  # a corner, if it hides nothing
                return under + middle + 8 * over_region(rect) + sum(1000 for box in avoid if rect.intersects(box)) + \
                    sum(500 for other in taken if rect.intersects(other))

            place = min(sorted((x, y) for x in xs for y in ys if (x, y) != (xs[1], ys[1])), key=cost)
            return cost(place), place, w, h

        # Smaller (down to 70 %) rather than over a finding; over one only where no size clears them all.
        found = full = best(1.0)
        for scale in (0.85, 0.7):
            if found[0] < 10:
                break
            found = best(scale)
        _cost, (x, y), w, h = found if found[0] < 10 else full
        if (w, h) != (size.width(), size.height()):
            detail.attemptResize(QgsLayoutSize(w, h, MM))
            detail.setExtent(fit_aspect(cluster_box, w / h))  # the same findings in a smaller map
            size = detail.sizeWithUnits()
        page = self.map_item.page()
        detail.attemptMove(QgsLayoutPoint(frame.x() + x, frame.y() + y, MM), page=page)
        suffix = "" if k == 0 else f"_{k + 1}"
        caption = self.layout.itemById("detail_caption" + suffix)
        if caption is not None:
            caption.setText(self.caption_text(k, count))
            caption.adjustSizeToText()
            caption.attemptMove(QgsLayoutPoint(frame.x() + x + 0.6, frame.y() + y + 0.6, MM), page=page)
        number = self.layout.itemById("detail_number" + suffix)
        if number is not None and count > 1:  # on the dashed frame's upper left corner, outside it
            number.setText(str(k + 1))
            number.adjustSizeToText()
            at = on_paper(fit_aspect(cluster_box, size.width() / size.height()))
            number.attemptMove(QgsLayoutPoint(frame.x() + max(0.0, at.xMinimum() - number.sizeWithUnits().width()),
                                              frame.y() + max(0.0, at.yMinimum() - number.sizeWithUnits().height()),
                                              MM), page=page)
        return QgsRectangle(x, y, x + size.width(), y + size.height())

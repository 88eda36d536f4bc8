"""Layer styles of the expedition layers, shared by the atlas and the layers added to a QGIS project."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsRendererRange,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..core.categories import CATEGORIES, category_colour, category_shape
from ..core.languages import TRANSLATED
from ..core.map_tips import photo_tag
from ..i18n import tr
from . import compat

# The route in greys, light (first days) to black (last): no hue of a finding category (styles of findings), so
# a line is never read as a category; its white casing keeps it readable over any fill.
ROUTE_COLOUR = "#3a3a3a"
ROUTE_FIRST, ROUTE_LAST = "#a6a6a6", "#111111"


def cased_line(colour: str, width: float, casing: float, join: str = "", **top: str) -> QgsLineSymbol:
    """A line of `colour` on a white casing (round caps; `join`, QGIS's default where not given): readable over
    any fill. `top`: more properties of the coloured line (a dash)."""
    ends = {"capstyle": "round", **({"joinstyle": join} if join else {})}
    symbol = QgsLineSymbol.createSimple({"line_color": "#ffffff", "line_width": str(casing), **ends})
    line = QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width), **ends, **top})
    symbol.appendSymbolLayer(line.symbolLayer(0).clone())  # `line` kept in a name: its layer is cloned from it
    return symbol


def _route_symbol(colour: str, dashed: bool = False) -> QgsLineSymbol:
    return cased_line(colour, 0.65, 1.2, **({"customdash": "3;1.2", "use_custom_dash": "1"} if dashed else {}))


def style_route(layer: QgsVectorLayer) -> None:
    layer.renderer().setSymbol(_route_symbol(ROUTE_COLOUR))
    layer.setName(tr("Route"))


def style_route_by_day(layer: QgsVectorLayer, days: int, classes: int = 6) -> None:
    """The route shaded by expedition day (early days light grey, the last ones black), so the direction of
    travel reads on every page without a hue that a finding category uses; every second class dashed."""
    ramp = QgsGradientColorRamp(QColor(ROUTE_FIRST), QColor(ROUTE_LAST))
    ranges = []
    step = max(1, -(-days // classes))
    for k, start in enumerate(range(1, days + 1, step)):
        end = min(days, start + step - 1)
        colour = ramp.color(k / max(1, (days - 1) // step))
        # Neighbouring classes differ by a few greys only: every second one dashed tells them apart on a page.
        ranges.append(QgsRendererRange(start - 0.5, end + 0.5, _route_symbol(colour.name(), dashed=k % 2 == 1),
                                       tr("Route, days {0}–{1}").format(start, end)))
    layer.setRenderer(QgsGraduatedSymbolRenderer("day_index", ranges))
    layer.setName(tr("Route"))


# Findings of other regions on a page: light grey, behind the page's own (atlas pages only; a project without an
# atlas shows every finding in its colour).
OUTSIDE_COLOUR = "#c4c4c4"
IN_PAGE_REGION = "(@atlas_feature IS NULL OR \"region\" = attribute(@atlas_feature, 'name'))"


def finding_symbol(key: str, size: float = 3.0) -> QgsMarkerSymbol:
    """The plain marker of a category: its Okabe-Ito colour and its own shape (core.categories.SHAPES)."""
    return QgsMarkerSymbol.createSimple({"name": category_shape(key), "color": category_colour(key),
                                        "outline_color": "#ffffff", "outline_width": "0.3", "size": str(size)})


def severity_size(severity: float) -> float:
    """Marker size (mm) of a severity 1-5: the worst cases stand out on a crowded page."""
    return 1.8 + 0.6 * severity


def style_findings(layer: QgsVectorLayer) -> None:
    categories = []
    for key, (label, colour) in CATEGORIES.items():
        symbol = finding_symbol(key)
        # Severity as size, set on the symbol, not its layer, so legends draw the plain 3 mm symbol instead of
        # an unevaluated giant.
        symbol.setDataDefinedSize(QgsProperty.fromExpression(
            f'{severity_size(0)} + {severity_size(1) - severity_size(0)} * coalesce("severity", 3)'))
        marker = symbol.symbolLayer(0)
        marker.setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, QgsProperty.fromExpression(
            f"CASE WHEN {IN_PAGE_REGION} THEN '{colour}' ELSE '{OUTSIDE_COLOUR}' END"))
        marker.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor, QgsProperty.fromExpression(
            f"CASE WHEN {IN_PAGE_REGION} THEN '#ffffff' ELSE '#8c8c8c' END"))
        categories.append(QgsRendererCategory(key, symbol, tr(label)))
    renderer = QgsCategorizedSymbolRenderer("category", categories)
    # The page's own findings drawn over the muted ones of the neighbours, and the worst over the others.
    renderer.setOrderByEnabled(True)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([
        QgsFeatureRequest.OrderByClause(f"CASE WHEN {IN_PAGE_REGION} THEN 1 ELSE 0 END", True),
        QgsFeatureRequest.OrderByClause('coalesce("severity", 3)', True)]))
    layer.setRenderer(renderer)
    layer.setName(tr("Findings"))
    layer.setCustomProperty("green_envoy/role", "findings")
    _obstacle_for_names(layer)


def label_finding_ids(layer: QgsVectorLayer, size: float = 6.5) -> None:
    """Every finding of the page's region named by its id beside its symbol (the id of the findings table). The
    ids of a cluster (layout variable green_envoy_detail_ids, comma-separated) are named in the detail maps
    (ids 'detail', 'detail_2') instead; an id that finds no free place is drawn all the same, with a leader line
    to its symbol, so that no id of the table is missing from the page."""
    from qgis.core import QgsSimpleLineCallout

    labels = QgsPalLayerSettings()
    labels.isExpression = True
    labels.fieldName = (
        f"CASE WHEN {IN_PAGE_REGION} AND (@map_id IN ('detail', 'detail_2') OR NOT array_contains("
        "string_to_array(coalesce(@green_envoy_detail_ids, ''), ','), \"finding_id\")) THEN \"finding_id\" END")
    text = compat.text_format(QFont("DejaVu Sans"), "#1a1a1a", 0.8)
    text.setSize(size)
    labels.setFormat(text)
    labels.placement = compat.label_placement("OrderedPositionsAroundPoint")
    labels.dist = 0.6
    labels.displayAll = True  # an id always shows: the table's ids must all be found on the map
    labels.priority = 10
    callout = QgsSimpleLineCallout()
    callout.setEnabled(True)
    callout.setMinimumLength(1.0)
    symbol = QgsLineSymbol.createSimple({"line_color": "#4d4d4d", "line_width": "0.2"})
    callout.setLineSymbol(symbol)
    labels.setCallout(callout)
    obstacle = labels.obstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setFactor(2.0)
    labels.setObstacleSettings(obstacle)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def _obstacle_for_names(layer: QgsVectorLayer) -> None:
    """The layer's points keep other layers' names (the regions') off them; they carry no label themselves.
    A region's name otherwise sat on the findings near its border."""
    settings = QgsPalLayerSettings()
    settings.drawLabels = False
    obstacle = settings.obstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setFactor(2.0)  # the strongest discouragement: a name goes elsewhere if it can
    settings.setObstacleSettings(obstacle)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


MEDIA_MAP_TIP = (
    '<div style="font-family: sans-serif; max-width: 270px">'
    '<b>[% "path" %]</b><br>'
    '[% format_date(to_datetime("taken_at"), \'d MMM yyyy HH:mm\') %] UTC · [% "position_source" %]'
    '[% CASE WHEN "finding_id" IS NOT NULL THEN \' · \' || "finding_id" END %]<br>'
    "[% " + photo_tag('"thumbnail"', '"kind"', '"media_folder"', '"path"', 256) + " %]"
    "</div>"
)


def style_media(layer: QgsVectorLayer) -> None:
    """Photos with a direction as arrows turned that way, the others as squares; the map tip shows the
    stored thumbnail (upright, and without the original files), else the original photo (core/map_tips.py)."""
    root = QgsRuleBasedRenderer.Rule(None)
    arrow = QgsMarkerSymbol.createSimple(
        {"name": "arrow", "color": "#252525", "outline_color": "#ffffff", "outline_width": "0.2", "size": "4"}
    )
    arrow.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyAngle, QgsProperty.fromField("direction"))
    dot = QgsMarkerSymbol.createSimple(
        {"name": "square", "color": "#ffffff", "outline_color": "#252525", "outline_width": "0.35", "size": "2.2"}
    )
    arrow.insertSymbolLayer(0, dot.symbolLayer(0).clone())
    root.appendChild(QgsRuleBasedRenderer.Rule(arrow, 0, 0, '"direction" IS NOT NULL', tr("Photo, camera direction")))
    root.appendChild(QgsRuleBasedRenderer.Rule(dot, 0, 0, '"direction" IS NULL', tr("Photo, video or note")))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setMapTipTemplate(MEDIA_MAP_TIP)
    layer.setDisplayExpression('"path"')
    layer.setName(tr("Photos"))
    _obstacle_for_names(layer)


# The page's region in a copy of the regions layer (other feature ids than the atlas's): found by its name.
_PAGE_REGION_BY_NAME = "\"name\" = attribute(@atlas_feature, 'name')"


def style_regions_for_atlas(layer: QgsVectorLayer, copy: bool = False, names: bool = True) -> None:
    """The page's region light and outlined; its neighbours muted and named. `copy` for a generalised copy
    of the regions (other feature ids, so the page's region is found by name). `names=False` for the inset
    map of the whole country: nineteen names in a map the size of a postcard ran into each other, and the
    highlighted region and the loop are what the inset is for."""
    this = _PAGE_REGION_BY_NAME if copy else "@atlas_featureid = $id"
    root = QgsRuleBasedRenderer.Rule(None)
    current = QgsFillSymbol.createSimple(
        {"color": "#f7f4e8", "outline_color": "#4d4d4d", "outline_width": "0.6"}
    )
    others = QgsFillSymbol.createSimple({"color": "#e3e3e3", "outline_color": "#ffffff", "outline_width": "0.3"})
    rule_current = QgsRuleBasedRenderer.Rule(current, 0, 0, this, tr("This region"))
    rule_others = QgsRuleBasedRenderer.Rule(others, 0, 0, f"NOT ({this})", tr("Other regions"))
    root.appendChild(rule_others)
    root.appendChild(rule_current)
    renderer = QgsRuleBasedRenderer(root)
    # The page's region drawn last: a neighbour later in the table would otherwise lay its white outline
    # over the region's dark one.
    current.symbolLayer(0).setRenderingPass(1)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    layer.setName(tr("Regions"))
    if not names:
        layer.setLabelsEnabled(False)
        return
    _neighbour_names(layer, this)


def _neighbour_names(layer: QgsVectorLayer, this: str) -> None:
    # Neighbours named in grey, so the reader knows where the route goes on to (the translation names the
    # field of the language: name_ru, name_kk).
    neighbours = tr('CASE WHEN @atlas_featureid <> $id THEN "name" END')
    _name_labels(layer, neighbours.replace("@atlas_featureid <> $id", f"NOT ({this})"), 8, "#8a8a8a", False)


def style_region_names(layer: QgsVectorLayer) -> None:
    """Only the neighbours' names, no symbols: for region pages, the names placed within a simpler copy of
    the boundaries than the one drawn (finding a place for a name inside an outline costs with each of its
    vertices; a name moves by less than the copy's tolerance)."""
    layer.setRenderer(QgsNullSymbolRenderer())
    _neighbour_names(layer, _PAGE_REGION_BY_NAME)
    layer.setName(tr("Region names"))


def style_regions_overview(layer: QgsVectorLayer, language: str) -> None:
    """The national overview: visited regions light, the others muted, every region named in the language."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "#f7f4e8", "outline_color": "#7a7a7a", "outline_width": "0.3"}), 0, 0, '"visited" = 1'))
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "#e3e3e3", "outline_color": "#ffffff", "outline_width": "0.3"}), 0, 0, 'coalesce("visited", 0) = 0'))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    name_field = f"name_{language}" if language in TRANSLATED else None  # regions.name_ru, name_kk
    _name_labels(layer, f'coalesce("{name_field}", "name")' if name_field else '"name"', 6.5, "#6e6e6e", True)


def _name_labels(layer: QgsVectorLayer, expression: str, size: float, colour: str, at_point: bool) -> None:
    labels = QgsPalLayerSettings()
    labels.isExpression = True
    labels.fieldName = expression
    if at_point:
        labels.geometryGeneratorEnabled = True
        labels.geometryGenerator = "point_on_surface($geometry)"
        labels.geometryGeneratorType = QgsWkbTypes.PointGeometry
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(size)
    text.setColor(QColor(colour))
    labels.setFormat(text)
    labels.placement = compat.label_placement("OverPoint" if at_point else "Horizontal")
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def style_official(layer: QgsVectorLayer) -> None:
    """Records of an official registry: hollow dark-red triangles, apart from the expedition's filled
    findings, so a reader sees at once which points are the registry's and which the rider's."""
    symbol = QgsMarkerSymbol.createSimple(
        {"name": "triangle", "color": "0,0,0,0", "outline_color": "#99000d", "outline_width": "0.45", "size": "3"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setName(tr("Official registry records"))


def style_regions_plain(layer: QgsVectorLayer) -> None:
    """Regions in a project (outside the atlas): outlines only, so the map below shows through."""
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#6e6e6e", "outline_width": "0.4"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setName(tr("Regions"))

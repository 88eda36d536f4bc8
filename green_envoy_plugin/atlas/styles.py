"""Layer styles of the expedition layers, shared by the atlas and the layers added to a QGIS project."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGradientStop,
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

from ..core.categories import CATEGORIES
from ..core.languages import TRANSLATED
from ..i18n import tr
from . import compat

ROUTE_COLOUR = "#1b7837"


def style_route(layer: QgsVectorLayer) -> None:
    # A white casing keeps the route readable over any fill colour.
    symbol = QgsLineSymbol.createSimple({"line_color": "#ffffff", "line_width": "1.1", "capstyle": "round"})
    top = QgsLineSymbol.createSimple({"line_color": ROUTE_COLOUR, "line_width": "0.6", "capstyle": "round"})
    symbol.appendSymbolLayer(top.symbolLayer(0).clone())
    layer.renderer().setSymbol(symbol)
    layer.setName(tr("Route"))


def style_route_by_day(layer: QgsVectorLayer, days: int, classes: int = 6) -> None:
    """The route coloured by expedition day (early days yellow-green, the last ones dark blue), so the
    direction of travel reads on every page; each colour is drawn over a white casing."""
    # Green to deep blue: every shade reads on the cream of the page's region and the grey of its neighbours.
    ramp = QgsGradientColorRamp(QColor("#66bd63"), QColor("#313695"), False,
                                [QgsGradientStop(0.5, QColor("#1d91c0"))])
    ranges = []
    step = max(1, -(-days // classes))
    for k, start in enumerate(range(1, days + 1, step)):
        end = min(days, start + step - 1)
        colour = ramp.color(k / max(1, (days - 1) // step))
        symbol = QgsLineSymbol.createSimple({"line_color": "#ffffff", "line_width": "1.1", "capstyle": "round"})
        top = QgsLineSymbol.createSimple({"line_color": colour.name(), "line_width": "0.6", "capstyle": "round"})
        symbol.appendSymbolLayer(top.symbolLayer(0).clone())
        ranges.append(QgsRendererRange(start - 0.5, end + 0.5, symbol, tr("Route, days {0}–{1}").format(start, end)))
    layer.setRenderer(QgsGraduatedSymbolRenderer("day_index", ranges))
    layer.setName(tr("Route"))


def style_findings(layer: QgsVectorLayer) -> None:
    categories = []
    for key, (label, colour) in CATEGORIES.items():
        symbol = QgsMarkerSymbol.createSimple(
            {"name": "circle", "color": colour, "outline_color": "#ffffff", "outline_width": "0.3", "size": "3"}
        )
        # Severity 1-5 as size, so the worst cases stand out on a crowded page. Set on the symbol, not
        # its layer, so legends draw the plain 3 mm symbol instead of an unevaluated giant.
        symbol.setDataDefinedSize(QgsProperty.fromExpression('1.8 + 0.6 * coalesce("severity", 3)'))
        categories.append(QgsRendererCategory(key, symbol, tr(label)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("category", categories))
    layer.setName(tr("Findings"))
    _obstacle_for_names(layer)


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
    '[% CASE WHEN "thumbnail" IS NOT NULL THEN \'<img width="256" src="data:image/jpeg;base64,\' '
    '|| to_base64("thumbnail") || \'">\' END %]'
    "</div>"
)


def style_media(layer: QgsVectorLayer) -> None:
    """Photos with a direction as arrows turned that way, the others as squares; the map tip shows the
    stored thumbnail (upright, and without the original files)."""
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

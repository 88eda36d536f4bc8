"""Styles of the store's layers in the user's project (the atlas styles its own copies in atlas/styles.py):
readable from the whole country (1:10 M) to a village, labelled and with legends in the interface language.

Each style marks the layer (green_envoy/style) so that a project read in another language has its legends
translated (translate_legend) without touching a style the user made."""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsProperty,
    QgsRendererCategory,
    QgsSettings,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor, QFont

from .atlas import styles
from .core.categories import CATEGORIES
from .core.compare import MATCHES, NEAR, NOT_OFFICIAL
from .core.languages import TRANSLATED, translatable
from .i18n import tr

STYLE = "green_envoy/style"
# Finding circles by severity: at country scale (beyond 1:3 M) half as large, so that 100 findings along one
# route do not merge into a band; the most severe drawn on top.
FINDING_SIZE = ('CASE WHEN @map_scale > 3000000 THEN 1.0 + 0.3 * coalesce("severity", 3) '
                'ELSE 1.8 + 0.6 * coalesce("severity", 3) END')
CLASSES = {MATCHES: (translatable("In the official layer"), "#1a9850"),
           NEAR: (translatable("Near an official record"), "#fdae61"),
           NOT_OFFICIAL: (translatable("Not in the official layer"), "#d73027")}


def interface_language() -> str:
    return (QgsSettings().value("locale/userLocale", "en") or "en")[:2].lower()


def style_route(layer: QgsVectorLayer) -> None:
    styles.style_route(layer)
    layer.setCustomProperty(STYLE, "route")


def style_media(layer: QgsVectorLayer) -> None:
    styles.style_media(layer)
    layer.setCustomProperty(STYLE, "media")


def style_findings(layer: QgsVectorLayer) -> None:
    styles.style_findings(layer)
    renderer = layer.renderer()
    for index, category in enumerate(renderer.categories()):  # copies: each symbol set back by index
        symbol = category.symbol().clone()
        symbol.setDataDefinedSize(QgsProperty.fromExpression(FINDING_SIZE))
        renderer.updateCategorySymbol(index, symbol)
    renderer.setOrderBy(QgsFeatureRequest.OrderBy([QgsFeatureRequest.OrderByClause("coalesce(\"severity\", 3)")]))
    renderer.setOrderByEnabled(True)
    layer.setCustomProperty(STYLE, "findings")


def style_regions(layer: QgsVectorLayer) -> None:
    """Outlines with the region's name (in the interface language where the store has it), grey and haloed so
    that it reads over any base map; at country scale too."""
    styles.style_regions_plain(layer)
    layer.setCustomProperty(STYLE, "regions")
    label_regions(layer)


def label_regions(layer: QgsVectorLayer) -> None:
    language = interface_language()
    field = f"name_{language}" if language in TRANSLATED and layer.fields().indexOf(f"name_{language}") >= 0 else ""
    labels = QgsPalLayerSettings()
    labels.isExpression = True
    labels.fieldName = f'coalesce("{field}", "name")' if field else '"name"'
    text = QgsTextFormat()
    text.setFont(QFont("DejaVu Sans"))
    text.setSize(8)
    text.setColor(QColor("#505050"))
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    halo.setColor(QColor("#ffffff"))
    text.setBuffer(halo)
    labels.setFormat(text)
    labels.placement = styles.compat.label_placement("Horizontal")
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def style_comparison(layer: QgsVectorLayer) -> None:
    """The findings by official comparison class: green in the registry, orange near a record, red not in it."""
    categories = []
    for key, (label, colour) in CLASSES.items():
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "color": colour, "outline_color": "#ffffff",
                                               "outline_width": "0.3", "size": "2.6"})
        categories.append(QgsRendererCategory(key, symbol, tr(label)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("official_class", categories))
    layer.setSubsetString('"official_class" IS NOT NULL')
    layer.setCustomProperty(STYLE, "comparison")


def style_unreported(layer: QgsVectorLayer) -> None:
    """Registry records along the route no finding matched: the registry's hollow triangle, thicker."""
    symbol = QgsMarkerSymbol.createSimple({"name": "triangle", "color": "0,0,0,0", "outline_color": "#99000d",
                                           "outline_width": "0.6", "size": "3.4"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setMapTipTemplate('<b>[% "official_id" %]</b><br>[% "region" %] · '
                            '[% format_number("distance_to_route_m", 0) %] m')
    layer.setCustomProperty(STYLE, "unreported")


def style_registry(layer: QgsVectorLayer) -> None:
    """The user's own registry layer: small hollow triangles, its name kept. A registry has hundreds of records
    across the country; at country scale smaller still, so that the findings and the records nobody reported
    (the larger triangles of their own layer) stand out."""
    if layer.geometryType() != QgsWkbTypes.PointGeometry:  # a registry of areas or lines keeps its style
        return
    name = layer.name()
    styles.style_official(layer)
    symbol = layer.renderer().symbol().clone()
    symbol.symbolLayer(0).setStrokeWidth(0.25)
    symbol.setDataDefinedSize(QgsProperty.fromExpression("CASE WHEN @map_scale > 3000000 THEN 1.3 ELSE 2.2 END"))
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setName(name)


def style_boundaries(layer: QgsVectorLayer) -> None:
    """The user's own boundaries layer: thin light outlines, its name kept."""
    symbol = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#b0b0b0", "outline_width": "0.26"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))


def translate_legend(layer) -> None:
    """The legend labels and region names of a layer the plugin styled, in this session's language; a layer
    restyled by the user (another renderer) is left alone."""
    kind = layer.customProperty(STYLE)
    renderer = layer.renderer() if isinstance(layer, QgsVectorLayer) else None
    if kind == "findings" and isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            if category.value() in CATEGORIES:
                renderer.updateCategoryLabel(index, tr(CATEGORIES[category.value()][0]))
    elif kind == "comparison" and isinstance(renderer, QgsCategorizedSymbolRenderer):
        for index, category in enumerate(renderer.categories()):
            if category.value() in CLASSES:
                renderer.updateCategoryLabel(index, tr(CLASSES[category.value()][0]))
    elif kind == "media" and renderer is not None and renderer.type() == "RuleRenderer":
        labels = {'"direction" IS NOT NULL': translatable("Photo, camera direction"),
                  '"direction" IS NULL': translatable("Photo, video or note")}
        for rule in renderer.rootRule().children():
            if rule.filterExpression() in labels:
                rule.setLabel(tr(labels[rule.filterExpression()]))
    elif kind == "regions" and layer.labelsEnabled():
        label_regions(layer)

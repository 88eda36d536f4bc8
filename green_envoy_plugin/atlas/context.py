"""The map context of the region pages: neighbouring countries, the national border, lakes and seas, main rivers
and towns (sample_data/kz_context.gpkg, Natural Earth and geokz: see sample_data/README.md), and the user's own
basemap (any layer QGIS opens, or a .qlr layer file).

The context is read once per export and projected into the maps' CRS in memory, so that no page projects it again.
"""

from __future__ import annotations

import os

from qgis.core import (
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsProject,
    QgsProperty,
    QgsRasterLayer,
    QgsRuleBasedRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbolLayer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QFont

from ..core.languages import translatable
from ..errors import StepError
from ..i18n import tr
from . import compat
from .items import memory_copy, projected_copy, read_layer
from .styles import cased_line

CONTEXT_NAME = "kz_context.gpkg"
CONTEXT_CREDIT = translatable(
    "Map context: Natural Earth (public domain); towns: geokz (A. Rodionov), CC BY 4.0, after the Bureau of "
    "National Statistics of Kazakhstan.")
WATER, WATER_LINE = "#cfe2f3", "#5b92c7"
# Top first, as they are drawn over each other.
ORDER = ("country_labels", "water_labels", "towns", "national_border", "roads", "roads_abroad", "rivers", "waters",
         "countries")
# Roles read from part of another layer: (layer, filter)
PARTS = {"roads": ("roads", '"abroad" = 0'), "roads_abroad": ("roads", '"abroad" = 1')}
ROAD = "#a0583c"
ROADS_FROM_SCALE = 750_000  # roads hidden on maps larger than 1:750,000


class BasemapError(StepError):
    pass


def context_path() -> str:
    """The context GeoPackage: beside the plugin's resources in an installed plugin, sample_data/ in the source."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for candidate in (os.path.join(here, "resources", CONTEXT_NAME),
                      os.path.join(os.path.dirname(here), "resources", CONTEXT_NAME),
                      os.path.join(os.path.dirname(here), "sample_data", CONTEXT_NAME)):
        if os.path.isfile(candidate):
            return candidate
    return ""


def name_field(language: str) -> str:
    return f"name_{language}" if language in ("ru", "kk") else "name_en"


def context_layers(project: QgsProject, crs, language: str, path: str = "") -> dict[str, QgsVectorLayer]:
    """The context layers by role (see ORDER), styled and projected; none where the GeoPackage is missing."""
    path = path or context_path()
    if not path:
        return {}
    layers = {}
    for role in ORDER:
        layer = _projected(path, role, crs, project)
        if layer is not None:
            layers[role] = layer
    names = name_field(language)
    if "countries" in layers:
        _style(layers["countries"], QgsFillSymbol.createSimple(
            {"color": "#f3f2ee", "outline_color": "#b9b9b9", "outline_width": "0.25"}), tr("Neighbouring country"))
        layers["countries"].setLabelsEnabled(False)
    if "waters" in layers:
        _style(layers["waters"], QgsFillSymbol.createSimple(
            {"color": WATER, "outline_color": WATER_LINE, "outline_width": "0.2"}), tr("Lake, sea"))
        layers["waters"].setLabelsEnabled(False)
    # Names of countries and waters at points chosen once (tools/make_context.py): the centre of a polygon's part
    # on the page costs a clip of the polygon (the Caspian's, Russia's) on every page.
    for role, expression, size, colour, italic, spacing in (
            ("country_labels", f'upper("{names}")', 8, "#9a9a9a", False, 1.5),
            ("water_labels", f'"{names}"', 7, "#2f6aa3", True, 0.0)):
        if role in layers:
            layers[role].setRenderer(QgsNullSymbolRenderer())
            _label(layers[role], _labels(expression, size, colour, "OverPoint", italic=italic, spacing=spacing,
                                         halo=role == "water_labels"))
    if "rivers" in layers:
        _style(layers["rivers"], QgsLineSymbol.createSimple(
            {"line_color": WATER_LINE, "line_width": "0.45", "capstyle": "round"}), tr("River"))
        _label(layers["rivers"], _labels(f'"{names}"', 6.5, "#2f6aa3", "Line", italic=True))
    for role in ("roads", "roads_abroad"):
        if role in layers:
            _style_roads(layers[role], abroad=role == "roads_abroad")
    if "national_border" in layers:
        # The state border as a cartographer draws it: a broad pale band under a dash-dot line, unlike the
        # thin solid oblast borders.
        band = QgsLineSymbol.createSimple({"line_color": "#d9c9e6", "line_width": "1.6"})
        dash = QgsLineSymbol.createSimple({"line_color": "#3d3d3d", "line_width": "0.5",
                                           "customdash": "4;1;1;1", "use_custom_dash": "1"})
        band.appendSymbolLayer(dash.symbolLayer(0).clone())
        _style(layers["national_border"], band, tr("State border"))
    if "towns" in layers:
        _style_towns(layers["towns"], names)
    return layers


# The context as the maps draw it (projected), by its file's path, size and time, the maps' CRS and the role: a
# second export in a QGIS session (another language or page format) reads and projects it no more. Features, not
# layers: plain values, which outlive QGIS's providers harmlessly.
_PROJECTED: dict[tuple, tuple] = {}


def _projected(path: str, role: str, crs, project: QgsProject) -> QgsVectorLayer | None:
    """The context layer of `role` in the maps' CRS, in memory, added to `project`; None where the file lacks it."""
    stat = os.stat(path)
    key = (os.path.abspath(path), stat.st_size, stat.st_mtime_ns, crs.toWkt(), role)
    held = _PROJECTED.get(key)
    if held is not None:
        wkb_type, fields, features = held
        return memory_copy(wkb_type, role, crs, fields, features, project)
    name, where = PARTS.get(role, (role, ""))
    source = read_layer(f"{path}|layername={name}" + (f"|subset={where}" if where else ""), role, project)
    if not source.isValid():
        return None
    layer = projected_copy(source, crs, project)
    for stale in [other for other in _PROJECTED if other[0] == key[0] and other[1:3] != key[1:3]]:
        del _PROJECTED[stale]  # the file changed: its former state is not drawn again
    _PROJECTED[key] = (layer.wkbType(), layer.fields(), list(layer.getFeatures()))
    return layer


def _style_roads(layer: QgsVectorLayer, abroad: bool = False) -> None:
    """Main roads as a road map draws them: a brown line on a white casing, the trunk roads (scalerank <= 4)
    broader; roads abroad thin and pale, as the neighbours are, and kept out of the legend (a layer of their own).
    One symbol, widths by rank, so the legend has one entry; symbol levels put every casing under every line, so
    that where two roads meet neither's casing cuts the other. No names: the source has none."""
    # Drawn from a 1:10 million source: on a city's page (1:300,000) its lines would stray kilometres from the
    # streets they stand for, so they show only at the scales they were made for.
    layer.setScaleBasedVisibility(True)
    layer.setMaximumScale(ROADS_FROM_SCALE)
    if abroad:
        _style(layer, QgsLineSymbol.createSimple({"line_color": "#cdbfb3", "line_width": "0.3", "capstyle": "round"}),
               tr("Main road"))
        return
    symbol = cased_line(ROAD, 0.3, 0.6, join="round")
    for index, (trunk, other) in enumerate(((0.75, 0.6), (0.45, 0.3))):
        symbol.symbolLayer(index).setDataDefinedProperty(
            QgsSymbolLayer.PropertyStrokeWidth, QgsProperty.fromExpression(f'if("scalerank" <= 4, {trunk}, {other})'))
    renderer = QgsSingleSymbolRenderer(symbol)
    renderer.setUsingSymbolLevels(True)
    layer.setRenderer(renderer)
    layer.setName(tr("Main road"))
    layer.setLabelsEnabled(False)


def coarse(layer: QgsVectorLayer, tolerance: float, project: QgsProject) -> QgsVectorLayer:
    """A copy of a context layer simplified by `tolerance` map units, for a small map (the locator)."""
    copy = layer.materialize(QgsFeatureRequest())
    features = []
    for feature in copy.getFeatures():
        feature.setGeometry(feature.geometry().simplify(tolerance))
        features.append(feature)
    copy.dataProvider().truncate()
    copy.dataProvider().addFeatures(features)
    copy.setRenderer(layer.renderer().clone())
    copy.setLabelsEnabled(False)
    project.addMapLayer(copy, False)
    return copy


def _style(layer: QgsVectorLayer, symbol, name: str) -> None:
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setName(name)


def _labels(expression: str, size: float, colour: str, placement: str,
            italic: bool = False, spacing: float = 0.0, halo: bool = True, priority: int = 5):
    labels = QgsPalLayerSettings()
    labels.isExpression = True
    labels.fieldName = expression
    font = QFont("DejaVu Sans")
    font.setItalic(italic)
    if spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spacing)
    # An opaque halo: Qt's PDF engine writes a translucent one as the outline of its stroke (a filled path some
    # four times the glyphs' own), a third of a region page's PDF; an opaque one is the glyph path stroked once.
    text = compat.text_format(font, colour, 0.7 if halo else 0.0)
    text.setSize(size)
    labels.setFormat(text)
    labels.placement = compat.label_placement(placement)
    labels.priority = priority
    return labels


def _label(layer: QgsVectorLayer, labels: QgsPalLayerSettings) -> None:
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))  # takes the settings over
    layer.setLabelsEnabled(True)


def _style_towns(layer: QgsVectorLayer, names: str) -> None:
    """The capital a ringed dot, regional centres open circles, the expedition's stops and other towns dots;
    every town the findings table can name (capital, centres, stops) labelled whatever the crowding."""
    root = QgsRuleBasedRenderer.Rule(None)
    capital = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#ffffff", "outline_color": "#1a1a1a",
                                            "outline_width": "0.45", "size": "3.2"})
    dot = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#1a1a1a", "outline_style": "no", "size": "1.4"})
    capital.appendSymbolLayer(dot.symbolLayer(0).clone())
    centre = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#ffffff", "outline_color": "#1a1a1a",
                                           "outline_width": "0.45", "size": "2.4"})
    town = QgsMarkerSymbol.createSimple({"name": "circle", "color": "#1a1a1a", "outline_color": "#ffffff",
                                         "outline_width": "0.2", "size": "1.5"})
    root.appendChild(QgsRuleBasedRenderer.Rule(capital, 0, 0, '"rank" = 1', tr("Capital")))
    root.appendChild(QgsRuleBasedRenderer.Rule(centre, 0, 0, '"rank" = 2', tr("Regional centre")))
    root.appendChild(QgsRuleBasedRenderer.Rule(town, 0, 0, '"rank" >= 3', tr("Town")))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setName(tr("Map context"))  # the heading of the towns and the lines after them in the legend
    labels = _labels(f'coalesce("{names}", "name_en")', 7, "#1a1a1a", "OrderedPositionsAroundPoint",
                     priority=8)
    labels.dist = 0.8
    properties = labels.dataDefinedProperties()
    properties.setProperty(QgsPalLayerSettings.Size, QgsProperty.fromExpression(
        '(CASE WHEN "rank" <= 2 THEN 8 ELSE 7 END) * coalesce(@green_envoy_type, 1)'))
    properties.setProperty(QgsPalLayerSettings.Bold, QgsProperty.fromExpression('"rank" <= 2'))
    properties.setProperty(QgsPalLayerSettings.AlwaysShow, QgsProperty.fromExpression('"rank" <= 3'))
    labels.setDataDefinedProperties(properties)
    _label(layer, labels)


def load_basemap(source: str, project: QgsProject):
    """The user's basemap as a QGIS layer: an XYZ URI (type=xyz&url=...), an MBTiles file, a raster or vector file
    GDAL/OGR opens, or a .qlr layer file (its first layer). Raises BasemapError naming the input otherwise."""
    if not source:
        return None
    if source.lower().endswith(".qlr"):
        from qgis.core import QgsLayerDefinition

        if not os.path.isfile(source):
            raise BasemapError(f"{source}: no such layer file")
        loaded = QgsLayerDefinition.loadLayerDefinitionLayers(source)
        if not loaded:
            raise BasemapError(f"{source}: the layer file holds no layer QGIS can open")
        layer = loaded[0]
        project.addMapLayer(layer, False)
        return layer
    if source.startswith(("type=xyz", "http://", "https://")):
        uri = source if source.startswith("type=") else f"type=xyz&url={source}"
        layer = QgsRasterLayer(uri, tr("Basemap"), "wms")
    elif source.lower().endswith(".mbtiles"):
        layer = QgsRasterLayer(source, tr("Basemap"), "gdal")
        if not layer.isValid():
            from qgis.core import QgsVectorTileLayer

            layer = QgsVectorTileLayer(f"type=mbtiles&url={source}", tr("Basemap"))
    else:
        if not os.path.exists(source.split("|", maxsplit=1)[0]):
            raise BasemapError(f"{source}: no such file")
        layer = QgsRasterLayer(source, tr("Basemap"), "gdal")
        if not layer.isValid():
            layer = QgsVectorLayer(source, tr("Basemap"), "ogr")
    if not layer.isValid():
        raise BasemapError(f"{source}: QGIS cannot open it as a layer (XYZ URI, MBTiles, raster, vector or .qlr)")
    project.addMapLayer(layer, False)
    return layer

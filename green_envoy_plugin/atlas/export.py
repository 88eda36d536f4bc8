"""The regional atlas: one A4 landscape page per visited region, exported to PDF with QGIS's atlas."""

from __future__ import annotations

import os
import re
import tempfile
import time
from dataclasses import dataclass, field

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContextUtils,
    QgsLayoutExporter,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRenderContext,
    QgsScaleBarSettings,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from .. import i18n
from ..core.names import safe_file_name
from ..i18n import tr
from ..io import files
from . import compat, styles
from .errors import AtlasError
from .facts import name_pdf, page_variables, set_page_variables
from .items import CREDITS, fit_aspect, font, label, map_crs, projected_copy, read_layer
from .layout_context import AtlasLayout, AtlasMap, graticules
from .second_page import (
    PAGE_NUMBER,
    add_second_page,
    continuation_pages,
    profile_as_drawing,
    write_page_photos,
    write_profiles,
)
from .writing import STORE_READ_ATTEMPTS, export_pdf, export_png, store_read_errors


@dataclass
class AtlasResult:
    pdfs: list[str] = field(default_factory=list)
    pngs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


# Country-wide maps: the route at 0.01 deg (~1 km), under a printed pixel on the national overview page
# (~1:17 M); the boundaries of page 2's inset (~1:34 M) at 0.02 deg, half a pixel there, which leaves some
# three thousand of their vertices to draw on every page.
COUNTRY_TOLERANCE_DEG = 0.01
INSET_TOLERANCE_DEG = 0.02
# The locator (79 x 44 mm, ~1:48 M) and page 2's inset (~1:40 M): 0.05 deg (~5 km) is a tenth of a millimetre
# there, the width of their thinnest line; at the inset's 0.02 deg the locator alone wrote a fifth of a region
# page's drawing (some 8,000 vertices, 0.04 mm apart).
LOCATOR_TOLERANCE_DEG = 0.05
# Region pages at the scale of a region (1:2 M on A3 to 1:4.7 M here) draw the boundaries and the route from
# copies generalised to ~0.002 deg (~200 m: 0.04-0.1 mm on paper, under the 0.3-0.6 mm of the lines drawn; QGIS's
# own PDF simplification keeps everything above a tenth of a pixel); city pages (1:270 k to 1:360 k) draw them
# whole. At 0.001 deg a third more vertices, 0.02-0.05 mm apart.
PAGE_TOLERANCE_DEG = 0.002
COARSE_FROM_SCALE = 1_500_000


def _coarse_copy(layer: QgsVectorLayer, tolerance: float, project: QgsProject,
                 crs: QgsCoordinateReferenceSystem) -> QgsVectorLayer:
    """The layer generalised once per export into memory, for maps at scales that cannot show its detail, and
    projected once into the maps' CRS (items.projected_copy). `tolerance` is in the layer's own units."""
    multi = QgsWkbTypes.isMultiType(layer.wkbType())
    return projected_copy(layer, crs, project, lambda geometry: _generalised(geometry, tolerance, multi))


def _generalised(geometry, tolerance: float, multi: bool):
    """Douglas-Peucker through shapely (GEOS): a quarter of the time of QGIS's topology-preserving simplify.
    Where it would leave a polygon invalid or empty, the topology-preserving one is taken instead."""
    import shapely.wkb
    from qgis.core import QgsGeometry

    if geometry.isNull() or geometry.isEmpty():
        return geometry
    result = QgsGeometry()
    result.fromWkb(shapely.wkb.loads(bytes(geometry.asWkb())).simplify(tolerance, preserve_topology=False).wkb)
    if result.isEmpty() or (result.type() == QgsWkbTypes.PolygonGeometry and not result.isGeosValid()):
        result = geometry.simplify(tolerance)
    if multi:
        result.convertToMultiType()
    return result


def _layer(gpkg_path: str, table: str, project: QgsProject) -> QgsVectorLayer:
    layer = read_layer(f"{gpkg_path}|layername={table}", table, project)
    if not layer.isValid():
        raise AtlasError(f"{gpkg_path}: layer {table} cannot be opened")
    project.addMapLayer(layer, False)
    return layer


def build_layout(layers: dict, project: QgsProject, language: str = "en") -> QgsPrintLayout:
    """The atlas layout over the expedition's layers (`expedition_layers`): `regions` (visited only), route,
    findings and photos."""
    regions, route, findings = layers["regions"], layers["route"], layers["findings"]
    media, unreported = layers["media"], layers["unreported"]

    layout = AtlasLayout(project)
    layout.initializeDefaults()
    layout.setName(tr("Green Envoy regional atlas"))
    page = layout.pageCollection().page(0)
    page.setPageSize("A4", QgsLayoutItemPage.Landscape)

    atlas = layout.atlas()
    atlas.setCoverageLayer(regions)
    atlas.setEnabled(True)
    atlas.setFilterFeatures(True)
    atlas.setFilterExpression('"visited" = 1')
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"first_day"')
    atlas.setFilenameExpression('"file_stem"')
    atlas.setPageNameExpression('"name"')

    label(layout, tr('[% "name" %]'), 10, 7, 190, 11, 20, bold=True).setId("title")  # translated: the name
    # Each visit apart, with its days (atlas/facts.py): "1 August 2025 (1 day); 28 November 2025 (1 day)".
    label(layout, "[% map_get(from_json(coalesce(@green_envoy_subtitles, '{}')), \"name\") %]",
          10, 18, 190, 6, 9.5, colour="#444444").setId("subtitle")

    # The CRS before any resize, the extent after: otherwise the item computes a NaN extent, and the
    # atlas keeps that broken aspect ratio and stretches the map over the page.
    crs = map_crs()
    project.setCrs(crs)
    to_map = QgsCoordinateTransform(regions.crs(), crs, project)
    country_extent = to_map.transformBoundingBox(regions.extent())
    map_item = AtlasMap(layout)
    map_item.setCrs(crs)
    map_item.attemptMove(QgsLayoutPoint(10, 26, QgsUnitTypes.LayoutMillimeters))
    map_item.attemptResize(QgsLayoutSize(192, 166, QgsUnitTypes.LayoutMillimeters))
    map_item.setLayers(page_map_layers(layers))
    map_item.setKeepLayerSet(True)
    map_item.setBackgroundColor(QColor("#fbfbf8"))  # outside Kazakhstan: blank, not sea
    map_item.setFrameEnabled(True)
    map_item.setFrameStrokeWidth(QgsLayoutMeasurement(0.3, QgsUnitTypes.LayoutMillimeters))
    map_item.setAtlasDriven(True)
    map_item.setId("map")
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.08)
    layout.addLayoutItem(map_item)
    map_item.setExtent(fit_aspect(country_extent, 192 / 166))

    north = QgsLayoutItemPicture(layout)
    for svg_dir in QgsApplication.svgPaths():
        candidate = os.path.join(svg_dir, "arrows", "NorthArrow_02.svg")
        if os.path.exists(candidate):
            north.setPicturePath(candidate)
            break
    north.setLinkedMap(map_item)
    north.setNorthMode(QgsLayoutItemPicture.TrueNorth)
    north.setId("north")
    north.attemptMove(QgsLayoutPoint(209, 172, QgsUnitTypes.LayoutMillimeters))
    north.attemptResize(QgsLayoutSize(9, 13, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(north)

    stats = label(layout, "\n".join([
        tr("Distance ridden: [% format_number(\"km\", 1) %] km"),
        tr("Days in the region: [% \"days\" %]"),
        tr("Moving time: [% format_number(\"moving_h\", 1) %] h"),
        tr("Ascent: [% format_number(\"ascent_m\", 0) %] m"),
        tr("Findings documented: [% \"findings\" %]"),
        tr("Photos: [% \"media\" %]"),
    ]), 208, 26, 80, 36, 10)
    stats.setFrameEnabled(False)
    stats.setId("stats")
    label(layout, tr("In this region"), 208, 20, 80, 6, 10, bold=True).setId("stats_heading")

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legend"))
    legend.setId("legend")
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    _fill_legend(legend, layers)
    compat.set_legend_font(legend, QgsLegendStyle.Title, font(11, bold=True))
    compat.set_legend_font(legend, QgsLegendStyle.SymbolLabel, font(8.5))
    compat.set_legend_font(legend, QgsLegendStyle.Subgroup, font(9.5, bold=True))
    legend.attemptMove(QgsLayoutPoint(208, 66, QgsUnitTypes.LayoutMillimeters))
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)

    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setId("scale")
    scale.setLinkedMap(map_item)
    scale.setUnits(QgsUnitTypes.DistanceKilometers)
    scale.setUnitLabel(tr("km"))
    scale.setNumberOfSegments(2)
    scale.setNumberOfSegmentsLeft(0)
    scale.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFitWidth)
    scale.setMinimumBarWidth(25)
    scale.setMaximumBarWidth(55)
    scale.setUnitsPerSegment(50)
    compat.set_scalebar_font(scale, font(8))
    scale.attemptMove(QgsLayoutPoint(222, 176, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(scale)

    # Sources, registry (SYNTHETIC when the demo's), period, author, date, disclaimer (atlas/facts.py), readable
    label(layout, "[% coalesce(@green_envoy_sources, '" + tr(CREDITS).format(qgis=Qgis.QGIS_VERSION.split("-")[0])
          .replace("'", "''") + "') %]", 10, 193, 277, 14, 7, colour="#333333").setId("credits")
    label(layout, PAGE_NUMBER, 258, 7, 30, 6, 9, colour="#333333", align=Qt.AlignmentFlag.AlignRight).setId("counter")
    add_second_page(layout, label, font, country_extent,
                    {"findings": findings, "media": media, "regions": regions, "route": route,
                     "regions_locator": layers["regions_locator"], "route_locator": layers["route_locator"],
                     "unreported": unreported, "crs": crs},
                    language)
    return layout


def _fill_legend(legend: QgsLayoutItemLegend, layers: dict) -> None:
    """Findings, route and photos in the legend (filtered to the page by the legend's map, which also leaves
    out the route's level not drawn at the page's scale)."""
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    findings = layers["findings"]
    for layer in (findings, layers.get("unreported"), layers["route"], layers.get("route_coarse"), layers["media"]):
        if layer is None:
            continue
        node = root.addLayer(layer)
        if layer is findings:
            # The legend would draw the data-defined (severity) size unevaluated: show plain 3 mm symbols.
            for i, category in enumerate(layer.renderer().categories()):
                plain = category.symbol().clone()
                plain.setDataDefinedSize(QgsProperty())
                plain.setSize(3.0)
                QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(node, i, plain)
            legend.model().refreshLayerLegend(node)


def expedition_layers(gpkg_path: str, project: QgsProject, route_table: str = "route_overview") -> dict:
    """The styled layers of the atlas, added to the project."""
    layers = {"regions": _layer(gpkg_path, "regions", project), "route": _layer(gpkg_path, route_table, project),
              "findings": _layer(gpkg_path, "findings", project), "media": _layer(gpkg_path, "media", project),
              "unreported": _layer(gpkg_path, "official_unreported", project)}
    styles.style_regions_for_atlas(layers["regions"])
    crs = map_crs()
    layers["regions_coarse"] = _coarse_copy(layers["regions"], PAGE_TOLERANCE_DEG, project, crs)
    # Region pages name the neighbours from a copy as simple as the inset's (see style_region_names), not
    # from the drawn one.
    styles.style_regions_for_atlas(layers["regions_coarse"], copy=True, names=False)
    layers["regions_country"] = _coarse_copy(layers["regions"], INSET_TOLERANCE_DEG, project, crs)
    styles.style_regions_for_atlas(layers["regions_country"], copy=True, names=False)
    layers["regions_locator"] = _coarse_copy(layers["regions"], LOCATOR_TOLERANCE_DEG, project, crs)
    styles.style_regions_for_atlas(layers["regions_locator"], copy=True, names=False)
    layers["region_names"] = layers["regions_country"].clone()  # the same features, not generalised again
    project.addMapLayer(layers["region_names"], False)
    styles.style_region_names(layers["region_names"])
    route = layers["route"]
    if route_table == "route_overview" and route.featureCount() > 0:
        styles.style_route_by_day(route, int(route.maximumValue(route.fields().indexOf("day_index")) or 1))
    else:
        styles.style_route(route)
    # The generalised route is coarsened once more for region pages and again for the country maps; the raw
    # tracks stay raw everywhere (what a user without route_overview would draw, and the benchmark's reference).
    layers["route_coarse"] = None
    layers["route_country"] = layers["route_locator"] = route
    if route_table == "route_overview":
        layers["route_coarse"] = _coarse_copy(route, PAGE_TOLERANCE_DEG, project, crs)
        layers["route_country"] = _coarse_copy(route, COUNTRY_TOLERANCE_DEG, project, crs)
        layers["route_locator"] = _coarse_copy(route, LOCATOR_TOLERANCE_DEG, project, crs)
        for copy in (layers["route_coarse"], layers["route_country"], layers["route_locator"]):
            copy.setRenderer(route.renderer().clone())
    styles.style_findings(layers["findings"])
    styles.style_media(layers["media"])
    styles.style_official(layers["unreported"])
    layers["unreported"].setName(tr("Registry records along the route, not reported"))
    return layers


def page_map_layers(layers: dict) -> list:
    """The layers of a region page's map, top first: each whole and generalised level (see `page_levels`)."""
    # The registry's records along the route the expedition did not report: the page counts them, so draws them.
    order = ("media", "findings", "unreported", "route", "route_coarse", "regions", "regions_coarse", "region_names")
    return [layers[key] for key in order if layers.get(key) is not None]


def page_levels(layers: dict) -> None:
    """Each drawn at its pages' scales: the whole route and boundaries (and their names) on city pages, their
    ~100 m copies and the names from the ~2 km copy on region pages. Set for an export only: the layers'
    saved styles carry no scale limits."""
    for whole, coarse in (("route", "route_coarse"), ("regions", "regions_coarse"), ("regions", "region_names")):
        if layers.get(coarse) is None:
            continue
        layers[whole].setScaleBasedVisibility(True)
        layers[whole].setMinimumScale(COARSE_FROM_SCALE)  # shown when zoomed in beyond 1:1.5 M
        layers[coarse].setScaleBasedVisibility(True)
        layers[coarse].setMaximumScale(COARSE_FROM_SCALE)


def save_template(gpkg_path: str, path: str, language: str = "en") -> str:
    """The atlas layout as a .qpt that report authors open and adjust in QGIS's layout designer."""
    from qgis.core import QgsReadWriteContext

    gpkg_path = os.path.abspath(gpkg_path)
    with i18n.language(language), files.atomic_output(path) as partial:  # the previous template kept on failure
        project = QgsProject()  # held: the layout's layers live only as long as their project
        layers = expedition_layers(gpkg_path, project)
        layout = build_layout(layers, project)
        _with_furniture(layout, layers, project, language)
        if not layout.saveAsTemplate(partial, QgsReadWriteContext()):
            raise AtlasError(f"{path}: the template cannot be written")
        # The layer references carry the store's path; the export re-binds the layers by role, so the template
        # names only the file and does not leak one machine's folders into a shared or committed template.
        with open(partial, encoding="utf-8") as handle:
            text = handle.read()
        with open(partial, "w", encoding="utf-8") as handle:
            handle.write(text.replace(gpkg_path, os.path.basename(gpkg_path)))
    return path


def _with_furniture(layout: QgsPrintLayout, layers: dict, project: QgsProject, language: str) -> None:
    """The furniture by id for the author to move; the maps and legend with the store's layers only (bound again
    by role at export; the map context's file path would name this machine's folders)."""
    from .map_page import furnish

    furnish(layout, layers, project, language=language)
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            item.setLayers(page_map_layers(layers) if item.atlasDriven() or item.id() == "detail"
                           else [layers["route_country"], layers["regions_country"]])
        elif isinstance(item, QgsLayoutItemLegend) and item.id() == "legend":
            _fill_legend(item, layers)


STYLE_FILES = {"route": "route.qml", "findings": "findings.qml", "media": "media.qml", "regions": "regions.qml",
               "unreported": "official.qml"}


def save_styles(gpkg_path: str, out_dir: str, language: str = "en") -> list[str]:
    """The atlas's layer styles as .qml files (route by day, findings by category and severity, media,
    regions of the atlas, official registry records) to load onto any layer with the same fields."""
    os.makedirs(out_dir, exist_ok=True)
    written = []
    with i18n.language(language):
        project = QgsProject()
        layers = expedition_layers(os.path.abspath(gpkg_path), project)
        styles.style_official(layers["unreported"])
        for role, name in STYLE_FILES.items():
            path = os.path.join(out_dir, name)
            with files.atomic_output(path) as partial:
                _message, ok = layers[role].saveNamedStyle(partial)
                if not ok:
                    raise AtlasError(f"{path}: the style cannot be written")
            written.append(path)
    return written


def layout_from_template(template: str, layers: dict, project: QgsProject) -> QgsPrintLayout:
    """A layout loaded from an author's .qpt: every item as the author left it (places, sizes, texts, fonts,
    frames); its atlas, maps and legend given this store's layers."""
    from qgis.core import QgsReadWriteContext

    from .templates import read_template

    project.setCrs(map_crs())  # items need a valid project CRS
    document = read_template(template)
    layout = AtlasLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise AtlasError(f"{template}: QGIS could not load this layout template")
    atlas = layout.atlas()
    atlas.setCoverageLayer(layers["regions"])
    atlas.setEnabled(True)
    for item in layout.items():
        if isinstance(item, QgsLayoutItemMap):
            # A template keeps no layers of ours: the atlas map shows the expedition, other maps the overview.
            item.setKeepLayerSet(True)
            item.setLayers(page_map_layers(layers) if item.atlasDriven()
                           else [layers["route_country"], layers["regions_country"]])
        elif isinstance(item, QgsLayoutItemLegend):
            _fill_legend(item, layers)
        elif isinstance(item, QgsLayoutItemPicture):
            profile_as_drawing(item)
    for table in layout.multiFrames():
        if isinstance(table, QgsLayoutItemAttributeTable) and table.vectorLayer() is None:
            # Setting the layer resets the columns to the layer's fields: keep the author's columns.
            columns, sort = table.columns(), table.sortColumns()
            table.setVectorLayer(layers["findings"])
            table.setColumns(columns)
            table.setSortColumns(sort)
    return layout


PICTURES_PREFIX = "green_envoy_pages_"


def export_atlas(gpkg_path: str, out_dir: str, feedback=None, dpi: int = 200,
                 route_table: str = "route_overview", language: str = "en", regions: list[str] | None = None,
                 combined: bool = False, png: bool = False, template: str = "",
                 page_format: str = "a4-landscape", basemap: str = "", media_dir: str = "") -> AtlasResult:
    """One PDF per visited region into out_dir, named from the region name (with _ru or _kk for those
    languages), or all of them in one PDF (`combined`), and/or PNG pages for the web (`png`). The page text,
    dates, numbers and region names are in the language chosen (en, ru, kk); `regions` limits the atlas to
    those names. The route is drawn from its generalised copy (`route_overview`, made by assign-regions);
    `tracks` draws every fix. `template` is a .qpt a report author adjusted in QGIS's layout designer
    (start from resources/green_envoy_atlas.qpt): its items, with the expedition's layers, on its pages.
    `page_format` is a4-landscape, a4-portrait, a3-landscape or a3-portrait. `media_dir`: the folder the photos
    were imported from, where the pages read the originals (sharp at 300 ppi and more) instead of the thumbnails."""
    from .pages import check_format

    check_format(page_format)
    # The page pictures (profiles, photos) are made for this export only, and go with it (those of a killed
    # export with the next one).
    files.remove_stale_partials(tempfile.gettempdir(), re.compile(PICTURES_PREFIX + r"(\d+)_\w{8}$"))
    for attempt in range(STORE_READ_ATTEMPTS):
        with i18n.language(language), tempfile.TemporaryDirectory(prefix=f"{PICTURES_PREFIX}{os.getpid()}_") \
                as picture_dir, store_read_errors() as errors:
            try:
                result = _export_atlas(gpkg_path, out_dir, feedback, dpi, route_table, language, regions, combined,
                                       png, template, page_format, picture_dir, basemap, media_dir)
            except AtlasError:
                if not errors:
                    raise
                # An atlas that could not start for want of its regions (the coverage layer unread): the store's
                # fault only for now, as above
                result = AtlasResult()
        if not errors:
            return result
        # A page drawn while a layer of the store could not be read lacks what the layer holds, though QGIS
        # drew it without complaint: those pages are not kept.
        for written in result.pdfs + result.pngs:
            files.discard(written)
        if attempt + 1 < STORE_READ_ATTEMPTS:
            feedback.pushInfo(f"Atlas: the store could not be read while the pages were drawn ({errors[0]}; "
                              "another command was writing it?): drawn again")
            time.sleep(1.0)
    raise AtlasError(f"{gpkg_path}: the store could not be read while the pages were drawn, {STORE_READ_ATTEMPTS} "
                     f"times ({errors[0]}; {len(errors)} read error(s)); no page kept: export again once the other "
                     "command is done")


def _export_atlas(gpkg_path: str, out_dir: str, feedback, dpi: int, route_table: str, language: str,
                  regions: list[str] | None, combined: bool, png: bool, template: str,
                  page_format: str, picture_dir: str, basemap: str = "", media_dir: str = "") -> AtlasResult:
    from ..steps.feedback import SilentFeedback, check_canceled
    from .map_page import furnish
    from .pages import fit_pages

    feedback = feedback or SilentFeedback()
    if not os.path.isfile(gpkg_path):
        raise AtlasError(f"{gpkg_path}: no such expedition GeoPackage")
    os.makedirs(out_dir, exist_ok=True)
    files.remove_stale_partials(out_dir)  # what an export killed before left
    project = QgsProject()
    # The store is only read: its page figures are counted by the steps (steps.regions.store_page_figures).
    from ..store.queries import visited_regions

    visited = visited_regions(gpkg_path)  # read once: names and file stems of the pages, pictures and checks
    _check_file_stems(os.path.abspath(gpkg_path), visited)
    # Of each region the drawing its page shows; a template's author may have put either on a page.
    write_profiles(os.path.abspath(gpkg_path), picture_dir, language, visited, used_only=not template)
    originals, thumbnails = write_page_photos(os.path.abspath(gpkg_path), picture_dir, media_dir, language, visited)
    if thumbnails:  # said, not silent: they print soft
        feedback.pushInfo(f"Atlas: {thumbnails} page photo(s) from the 256 px thumbnails, {originals} from originals "
                          f"(--media {media_dir or 'not given'})")
    # Loaded and styled once: the region pages and the combined atlas's overview draw the same layers.
    layers = expedition_layers(os.path.abspath(gpkg_path), project, route_table)
    page_levels(layers)
    if template:
        from .template_furniture import furnish_template

        layout = layout_from_template(template, layers, project)
        furniture = furnish_template(layout, layers, project, language, basemap)  # kept alive: the atlas slot
    else:
        layout = build_layout(layers, project, language)
        # Context, ids, locator, graticule, scale and the page format (a template keeps the pages its author gave)
        furniture = furnish(layout, layers, project, page_format, language, basemap)  # noqa: F841 (kept alive)
        continuation_pages(layout, label, layers["findings"])
    set_page_variables(layout, page_variables(os.path.abspath(gpkg_path), language))
    # The page's pictures (profile, photos) are files made for this export: found through a layout variable,
    # so that a saved template works with any later export.
    QgsExpressionContextUtils.setLayoutVariable(layout, "green_envoy_pages", picture_dir)
    atlas = layout.atlas()
    if regions:
        quoted = ", ".join(QgsExpression.quotedString(name) for name in regions)
        atlas.setFilterExpression(f'"visited" = 1 AND "name" IN ({quoted})')
    result = AtlasResult()
    if not atlas.beginRender():
        if regions:  # QGIS does not start an atlas whose filter leaves no page
            names = ", ".join(sorted(name for name, _stem in visited))
            raise AtlasError(f"{gpkg_path}: no visited region among {', '.join(regions)} to make a page for "
                             f"(the visited regions: {names or 'none; run assign-regions first'})")
        raise AtlasError("the atlas could not start (is the regions table filled? run assign-regions first)")
    total = atlas.count()
    if total == 0:
        atlas.endRender()
        which = f" among {', '.join(regions)}" if regions else ""
        raise AtlasError(f"{gpkg_path}: no visited region{which} to make a page for (run assign-regions first)")
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = dpi
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    # Text stays text: the pages can be searched, and tests read them with pdftotext.
    settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText
    suffix = "" if language == "en" else f"_{language}"
    try:
        if combined:
            from .overview import build_overview, region_pages, write_combined

            def cancel():
                check_canceled(feedback)

            pages, rows = region_pages(layout, language, cancel)
            overview = build_overview(project, layers, rows, language)
            fit_pages(overview, page_format)
            path = os.path.join(out_dir, f"atlas{suffix}.pdf")
            share = 50.0 if png else 100.0
            partial = files.partial_path(path)  # the atlas a killed or failed export leaves is the previous one
            try:
                if not write_combined(partial, overview, layout, pages, settings, cancel,
                                      lambda done, count: feedback.setProgress(share * done / count),
                                      rows, language):
                    raise AtlasError(f"{path}: cannot be written")
                result.pdfs.append(files.commit(partial, files.pdf_whole))
            finally:
                files.discard(partial)
            if not png:
                total = 0  # every page is in the combined PDF
        for i in range(total):
            check_canceled(feedback)
            graticules(layout, False)  # not worked out at each of the page's refreshes, only drawn
            atlas.seekTo(i)
            graticules(layout, True)
            name_pdf(layout)
            exporter = QgsLayoutExporter(layout)
            # The name comes from the store or the author's template: data, so one plain name inside out_dir.
            base = os.path.join(out_dir, safe_file_name(atlas.currentFilename(), f"page_{i + 1}") + suffix)
            try:
                if not combined:
                    result.pdfs.append(export_pdf(exporter, base + ".pdf", settings))
                if png:
                    result.pngs.extend(export_png(exporter, base + ".png"))
            except files.OutputError as exc:
                if exc.disk_full:  # every page after it would fail alike: one error, the export stops
                    raise AtlasError(f"{exc} ({len(result.pdfs)} PDF(s) and {len(result.pngs)} PNG page(s) "
                                     "before it complete; the export stopped)") from None
                result.errors.append(str(exc))
                feedback.reportError(result.errors[-1])
            feedback.setProgress(100.0 * (i + 1) / total)
    finally:
        atlas.endRender()
    # Counted once renamed to their names: only whole files.
    feedback.pushInfo(f"Atlas: {len(result.pdfs)} PDF(s) and {len(result.pngs)} PNG page(s) written to {out_dir}")
    return result


def _check_file_stems(gpkg_path: str, visited: list[tuple[str, str]]) -> None:
    """Each region's pictures and pages are named after its stored `file_stem` (`visited`: the store's visited
    regions, name and stem): one edited into a path would write outside the atlas's folders, so such a store is
    refused before anything is written."""
    for name, stem in visited:
        if not stem or safe_file_name(stem, "") != stem:
            raise AtlasError(f"{gpkg_path}: region {name!r}: its file stem {stem!r} is not a plain file name "
                             "(edited in the store?); run assign-regions again")

"""The combined atlas: a national overview page with the table of contents, then every region's pages.

QGIS 3.22 exports an atlas to one PDF but cannot put another layout in front of it, and a plugin cannot count
on a PDF tool being installed; so the combined PDF is painted page by page onto one QPrinter, the way
QgsLayoutExporter does it, after a first pass has counted each region's pages (a long findings table adds
pages) so that the contents give the right page numbers. Every page prints its number in this PDF (the
contents' numbers); bookmarks (per region, and per page within it) and the contents' links are added to the
finished file (bookmarks.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    Qgis,
    QgsCategorizedSymbolRenderer,
    QgsCoordinateTransform,
    QgsExpressionContextUtils,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutRenderContext,
    QgsLayoutSize,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsLineSymbol,
    QgsMapLayerLegendUtils,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsProperty,
    QgsRendererCategory,
    QgsRuleBasedRenderer,
    QgsScaleBarSettings,
    QgsSingleSymbolRenderer,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QMarginsF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFontMetricsF, QPageLayout, QPageSize, QPainter
from qgis.PyQt.QtPrintSupport import QPrinter

from ..core.categories import CATEGORIES
from ..core.languages import TRANSLATED
from ..core.places import number
from ..i18n import tr
from . import compat, styles
from .bookmarks import Bookmark, Link, add_outline
from .facts import page_variables, set_page_variables
from .items import fit_aspect, font, label, map_crs
from .layout_context import AtlasLayout, print_simplification
from .second_page import PAGE_NUMBER, place_footers

MM = QgsUnitTypes.LayoutMillimeters


@dataclass
class ContentsRow:
    name: str
    km: float
    days: int
    findings: int
    first_page: int


def _number(value: float, decimals: int, language: str) -> str:
    return number(value, decimals, language)


def region_pages(layout: QgsPrintLayout, language: str, check_canceled=None,
                 first_page: int = 2) -> tuple[list[tuple[int, list[int]]], list[ContentsRow]]:
    """One pass over the atlas (which must be rendering: beginRender): for every feature in atlas order its
    index and the layout pages it exports, and its row of the contents with the page it starts on."""
    atlas = layout.atlas()
    name_field = f"name_{language}" if language in TRANSLATED else "name"  # regions.name_ru, name_kk
    pages, rows, page = [], [], first_page
    for i in range(atlas.count()):
        if check_canceled:
            check_canceled()
        atlas.seekTo(i)
        collection = layout.pageCollection()
        # As the exporter decides: a page of empty frames, or one left out (a region without findings has no
        # second page), is not exported.
        exported = [p for p in range(collection.pageCount())
                    if collection.shouldExportPage(p) and not collection.page(p).excludeFromExports()]
        pages.append((i, exported))
        feature = layout.reportContext().feature()
        name = feature[name_field] if name_field in feature.fields().names() and feature[name_field] else None
        rows.append(ContentsRow(name or feature["name"], float(feature["km"] or 0), int(feature["days"] or 0),
                                int(feature["findings"] or 0), page))
        page += len(exported)
    return pages, rows


def build_overview(project: QgsProject, layers: dict, rows: list[ContentsRow],
                   language: str) -> QgsPrintLayout:
    """Page 1 of the combined atlas: Kazakhstan with the whole loop, the findings and every region named (the
    visited ones in dark type), its legend and scale, the expedition's totals (the route outside all regions
    included) and the contents (region, km, days, findings, page: linked to the page in the PDF)."""
    layout = AtlasLayout(project)  # its expression contexts cheaper (layout_context.py)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)
    gpkg_path = layers["regions"].source().split("|")[0]
    facts = page_variables(gpkg_path, language)
    set_page_variables(layout, facts)

    label(layout, tr("Green Envoy of the Great Steppe: regional atlas"), 10, 7, 240, 11, 20,
          bold=True).setId("overview_title")
    label(layout, PAGE_NUMBER, 258, 7, 30, 6, 9, colour="#333333",
          align=Qt.AlignmentFlag.AlignRight).setId("counter")
    subtitle = tr("{regions} regions · {km} km ridden · {findings} findings documented").format(
        regions=len(rows), km=_number(sum(r.km for r in rows), 1, language), findings=sum(r.findings for r in rows))
    if facts["total"]:
        subtitle = tr("{regions} regions · {findings} findings · {total}").format(
            regions=len(rows), findings=sum(r.findings for r in rows), total=facts["total"])
    label(layout, subtitle, 10, 18, 277, 6, 9.5, colour="#444444").setId("overview_subtitle")

    # Its own layers: the atlas's styles draw around the atlas feature, which this page has none of.
    regions = QgsVectorLayer(layers["regions"].source(), tr("Regions"), "ogr")
    project.addMapLayer(regions, False)
    _style_regions(regions, language)
    findings = QgsVectorLayer(layers["findings"].source(), tr("Findings"), "ogr")
    project.addMapLayer(findings, False)
    _style_findings(findings)
    # The loop in one line: the region pages' colours by day would take six lines of the legend here.
    route = layers["route_country"].clone()
    project.addMapLayer(route, False)
    line = QgsLineSymbol.createSimple({"line_color": "#ffffff", "line_width": "0.9", "capstyle": "round"})
    top = QgsLineSymbol.createSimple({"line_color": "#3a3a3a", "line_width": "0.45", "capstyle": "round"})
    line.appendSymbolLayer(top.symbolLayer(0).clone())  # `top` held: its layer is cloned, not borrowed
    route.setRenderer(QgsSingleSymbolRenderer(line))
    route.setName(tr("Route"))

    crs = map_crs()
    project.setCrs(crs)
    extent = QgsCoordinateTransform(regions.crs(), crs, project).transformBoundingBox(regions.extent())
    extent.scale(1.04)
    map_item = QgsLayoutItemMap(layout)
    map_item.setCrs(crs)
    map_item.attemptMove(QgsLayoutPoint(10, 30, MM))
    map_item.attemptResize(QgsLayoutSize(172, 118, MM))
    map_item.setLayers([findings, route, regions])
    map_item.setKeepLayerSet(True)
    map_item.setBackgroundColor(QColor("#fbfbf8"))
    map_item.setFrameEnabled(True)
    map_item.setId("overview_map")
    layout.addLayoutItem(map_item)
    map_item.setExtent(fit_aspect(extent, 172 / 118))

    legend = QgsLayoutItemLegend(layout)
    legend.setTitle(tr("Legend"))
    legend.setId("overview_legend")
    legend.setLinkedMap(map_item)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    root.clear()
    for layer in (findings, route, regions):
        node = root.addLayer(layer)
        if layer is findings:
            for k, category in enumerate(layer.renderer().categories()):
                QgsMapLayerLegendUtils.setLegendNodeCustomSymbol(node, k, category.symbol())
        elif layer is route:
            # A group of its own, its heading above its line as the others': a single symbol is otherwise drawn
            # as one entry on the groups' heading row, between them.
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, tr("The expedition's loop"))
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Subgroup)
        legend.model().refreshLayerLegend(node)
    compat.set_legend_font(legend, QgsLegendStyle.Title, font(9, bold=True))
    compat.set_legend_font(legend, QgsLegendStyle.SymbolLabel, font(7.5))
    compat.set_legend_font(legend, QgsLegendStyle.Subgroup, font(8, bold=True))
    legend.setSymbolHeight(3.5)
    legend.setColumnCount(3)  # findings, route, regions side by side under the map
    legend.setColumnSpace(6)  # a group's longest entry 2 mm from the next group's symbols read as one line
    legend.setSplitLayer(False)
    legend.attemptMove(QgsLayoutPoint(10, 151, MM))
    legend.setResizeToContents(True)
    layout.addLayoutItem(legend)

    scale = QgsLayoutItemScaleBar(layout)
    scale.setStyle("Single Box")
    scale.setId("overview_scale")
    scale.setLinkedMap(map_item)
    scale.setUnits(QgsUnitTypes.DistanceKilometers)
    scale.setUnitLabel(tr("km"))
    scale.setNumberOfSegments(2)
    scale.setNumberOfSegmentsLeft(0)
    scale.setUnitsPerSegment(200)  # 0-200-400 km: a round step at the overview's ~1:17 M
    scale.setSegmentSizeMode(QgsScaleBarSettings.SegmentSizeFixed)
    compat.set_scalebar_font(scale, font(7.5))
    scale.attemptMove(QgsLayoutPoint(188, 180, MM))
    layout.addLayoutItem(scale)

    label(layout, tr("Contents"), 188, 26, 99, 7, 12, bold=True).setId("contents_heading")
    # The contents' place: its rows are laid out in it once the page has its format (contents_rows), so that
    # each row's link covers it exactly.
    label(layout, "", 188, 35, 99, 155, 8).setId("contents")

    label(layout, "[% @green_envoy_sources %]", 10, 194, 277, 12, 7, colour="#333333").setId("credits")
    return layout


def _style_regions(layer: QgsVectorLayer, language: str) -> None:
    """Visited regions light with a dark outline, the others muted; every one named (visited in dark type, the
    others in grey), names allowed to touch so that none is left out (the cities are small: named beside)."""
    root = QgsRuleBasedRenderer.Rule(None)
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "#f7f4e8", "outline_color": "#5a5a5a", "outline_width": "0.3"}), 0, 0, '"visited" = 1',
        tr("Region visited")))
    root.appendChild(QgsRuleBasedRenderer.Rule(QgsFillSymbol.createSimple(
        {"color": "#e3e3e3", "outline_color": "#ffffff", "outline_width": "0.3"}), 0, 0,
        'coalesce("visited", 0) = 0', tr("Region not visited")))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    name = f'coalesce("name_{language}", "name")' if language in TRANSLATED else '"name"'
    labels = QgsPalLayerSettings()
    labels.isExpression = True
    labels.fieldName = name
    labels.geometryGeneratorEnabled = True
    labels.geometryGenerator = "point_on_surface($geometry)"
    labels.geometryGeneratorType = QgsWkbTypes.PointGeometry
    labels.placement = compat.label_placement("AroundPoint")
    labels.dist = 1.0
    labels.displayAll = True  # every visited region named: the overview named 5 of 20
    labels.setFormat(compat.text_format(font(6.5), "#1a1a1a", 0.6))
    labels.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Color, QgsProperty.fromExpression("CASE WHEN \"visited\" = 1 THEN '#1a1a1a' "
                                                             "ELSE '#7a7a7a' END"))
    layer.setLabeling(QgsVectorLayerSimpleLabeling(labels))
    layer.setLabelsEnabled(True)


def _style_findings(layer: QgsVectorLayer) -> None:
    """The findings by category, each its marker shape, one size: the whole country at 1:17 M."""
    categories = [QgsRendererCategory(key, styles.finding_symbol(key, 2.2), tr(name))
                  for key, (name, _colour) in CATEGORIES.items()]
    layer.setRenderer(QgsCategorizedSymbolRenderer("category", categories))


def contents_rows(layout: QgsPrintLayout, rows: list[ContentsRow], language: str) -> list[tuple[tuple, int]]:
    """The contents in the place of the item `contents` (its page and size as the page format left them): a
    header row and a row per region; returns each row's rectangle (x, y, w, h mm from the page's top left)
    with its first page (1-based), for the PDF's links."""
    anchor = layout.itemById("contents")
    if anchor is None:
        return []
    position, size = anchor.pagePositionWithUnits(), anchor.sizeWithUnits()
    place_footers(layout)
    page = layout.pageCollection().page(0).pageSize()
    if page.height() > page.width():  # portrait: the legend and scale beside the contents, under the map
        grow = page.width() / 210.0
        for item_id, x, y in (("overview_legend", 115, 152), ("overview_scale", 115, 262)):
            item = layout.itemById(item_id)
            if item is not None:
                item.attemptMove(QgsLayoutPoint(x * grow, y * grow, MM))
        legend = layout.itemById("overview_legend")
        if legend is not None:
            legend.setColumnCount(1)
        title = layout.itemById("overview_title")
        if title is not None:  # clear of the page number
            title.attemptResize(QgsLayoutSize(page.width() - 2 * position.x() - 25 * grow, 18 * grow, MM))
    x0, y0, width = position.x(), position.y(), size.width()
    grow = width / 99.0
    table = [[row.name, _number(row.km, 1, language), str(row.days), str(row.findings), str(row.first_page)]
             for row in rows]
    headings, widths = _contents_columns(
        [(tr("Region"), 46), (tr("km"), 15), (tr("Days"), 11), (tr("Findings count"), 17), (tr("Page"), 10)],
        table, grow)
    header_height, row_height = 8.0 * grow, 5.2 * grow
    x = x0
    for k, (heading, column) in enumerate(zip(headings, widths)):
        align = Qt.AlignmentFlag.AlignLeft if k == 0 else Qt.AlignmentFlag.AlignRight
        label(layout, heading, x, y0, column, header_height, *HEADING_FONT, align=align)
        x += column
    links = []
    y = y0 + header_height + 1
    for row, cells in zip(rows, table):
        x = x0
        # A name wider than its column ("Восточно-Казахстанская область") takes two lines, its row too.
        height = row_height * (1.7 if _mm(CELL_FONT, row.name) > widths[0] - 2 else 1.0)
        for k, (column, text) in enumerate(zip(widths, cells)):
            align = Qt.AlignmentFlag.AlignLeft if k == 0 else Qt.AlignmentFlag.AlignRight
            colour = "#0b4f8a" if k in (0, 4) else "#1a1a1a"  # the linked name and page in link blue
            label(layout, text, x, y, column, height, *CELL_FONT, colour=colour, align=align)
            x += column
        links.append(((x0, y, width, height), row.first_page))
        y += height
    return links


HEADING_FONT, CELL_FONT = (7.5, True), (8, False)  # size (pt) and bold: as drawn and as measured
# Between a column's heading (or widest number) and the column before it: right-aligned headings a word space
# apart (0.85 mm at 7.5 pt) read as one ("Дни Проблемы"), so the space is well over two of them.
COLUMN_GAP = 3.0


def _mm(style: tuple[float, bool], text: str) -> float:
    metrics = QFontMetricsF(font(*style))
    return metrics.horizontalAdvance(text) * 25.4 / metrics.fontDpi()


def _contents_columns(columns: list[tuple[str, float]], table: list[list[str]],
                      grow: float) -> tuple[list[str], list[float]]:
    """The contents' headings (a long one on two lines) and column widths (mm): each right-aligned column at
    least its widest heading line and number plus COLUMN_GAP, taken from the region column, whose names wrap."""
    total = sum(share for _heading, share in columns) * grow
    headings, widths = [columns[0][0]], [0.0]
    for k, (heading, share) in enumerate(columns[1:], start=1):
        lines = [heading]
        if _mm(HEADING_FONT, heading) + COLUMN_GAP > share * grow:
            words = heading.split()
            splits = [[" ".join(words[:i]), " ".join(words[i:])] for i in range(1, len(words))]
            if splits:  # the two lines of the narrowest split ("Күн / саны", "Мәселе / саны")
                lines = min(splits, key=lambda pair: max(_mm(HEADING_FONT, line) for line in pair))
        widest = max([_mm(HEADING_FONT, line) for line in lines]
                     + [_mm(CELL_FONT, cells[k]) for cells in table])
        headings.append("\n".join(lines))
        widths.append(max(share * grow, widest + COLUMN_GAP))
    widths[0] = total - sum(widths)
    return headings, widths


def _page_layout(layout: QgsPrintLayout, page: int) -> QPageLayout:
    size = layout.pageCollection().page(page).pageSize()
    width, height = size.width(), size.height()
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Millimeter),
                       orientation, QMarginsF(0, 0, 0, 0))


def write_combined(path: str, overview: QgsPrintLayout, atlas_layout: QgsPrintLayout,
                   pages: list[tuple[int, list[int]]], settings: QgsLayoutExporter.PdfExportSettings,
                   check_canceled=None, progress=None, rows: list[ContentsRow] | None = None,
                   language: str = "en") -> bool:
    """The overview page, then each region's exported pages, into one PDF, rendered as `settings` ask of a
    per-region PDF (dpi, vector output, text as text); each page numbered as the contents number it; then the
    bookmarks and the contents' links. False when the printer fails."""
    links = contents_rows(overview, rows or [], language)
    for layout in (overview, atlas_layout):
        context = layout.renderContext()
        context.setDpi(settings.dpi)
        context.setFlag(QgsLayoutRenderContext.FlagForceVectorOutput, settings.forceVectorOutput)
        context.setTextRenderFormat(settings.textRenderFormat)
        # Simplified as QGIS's export simplifies the per-region PDFs' (the combined PDF drew every vertex: 5.5 MB
        # for the demo's 4.2 MB)
        context.setSimplifyMethod(print_simplification(settings))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setFullPage(True)
    printer.setColorMode(QPrinter.ColorMode.Color)
    # The PDF's own title and creator, as the per-region PDFs carry theirs (facts.name_pdf).
    printer.setDocName(tr("Green Envoy of the Great Steppe: regional atlas"))
    printer.setCreator(f"QGIS {Qgis.version()}")
    printer.setResolution(int(settings.dpi))
    printer.setPageLayout(_page_layout(overview, 0))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    bookmarks = [Bookmark(tr("Overview and contents"), 0)]
    page_types = [tr("Map"), tr("Findings, photos and profile")]
    number = 1  # pages written so far
    try:
        QgsLayoutExporter(overview).renderPage(painter, 0)
        exporter = QgsLayoutExporter(atlas_layout)
        atlas = atlas_layout.atlas()
        for done, (i, exported) in enumerate(pages):
            if check_canceled:
                check_canceled()
            # The region's pages go on from the pages before it (before seekTo: the page refreshes its texts).
            QgsExpressionContextUtils.setLayoutVariable(atlas_layout, "green_envoy_page0", number)
            atlas.seekTo(i)
            title = rows[done].name if rows and done < len(rows) else atlas.nameForPage(i)
            mark = Bookmark(title, number)
            for k, page in enumerate(exported):
                printer.setPageLayout(_page_layout(atlas_layout, page))
                printer.newPage()
                exporter.renderPage(painter, page)
                kind = page_types[k] if k < len(page_types) else tr("Findings table, continued")
                mark.children.append(Bookmark(kind, number))
                number += 1
            bookmarks.append(mark)
            if progress:
                progress(done + 1, len(pages))
    finally:
        painter.end()
        QgsExpressionContextUtils.setLayoutVariable(atlas_layout, "green_envoy_page0", 0)
    add_outline(path, bookmarks, [Link(0, rect, first - 1) for rect, first in links])
    return True

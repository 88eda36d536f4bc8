"""The combined atlas: a national overview page with the table of contents, then every region's pages.

QGIS 3.22 exports an atlas to one PDF but cannot put another layout in front of it, and a plugin cannot count
on a PDF tool being installed; so the combined PDF is painted page by page onto one QPrinter, the way
QgsLayoutExporter does it, after a first pass has counted each region's pages (a long findings table adds
pages) so that the contents give the right page numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateTransform,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutRenderContext,
    QgsLayoutSize,
    QgsLayoutTableColumn,
    QgsPrintLayout,
    QgsProject,
    QgsTableCell,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QMarginsF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QPageLayout, QPageSize, QPainter
from qgis.PyQt.QtPrintSupport import QPrinter

from ..core.languages import TRANSLATED
from ..i18n import tr
from . import compat, styles
from .items import CREDITS, fit_aspect, font, label, map_crs

MM = QgsUnitTypes.LayoutMillimeters


@dataclass
class ContentsRow:
    name: str
    km: float
    days: int
    findings: int
    first_page: int


def _number(value: float, decimals: int, language: str) -> str:
    text = f"{value:,.{decimals}f}"
    if language in TRANSLATED:  # Russian and Kazakh: grouping by narrow no-break space, decimal comma
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


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
        exported = [p for p in range(collection.pageCount()) if collection.shouldExportPage(p)]
        pages.append((i, exported))
        feature = layout.reportContext().feature()
        name = feature[name_field] if name_field in feature.fields().names() and feature[name_field] else None
        rows.append(ContentsRow(name or feature["name"], float(feature["km"] or 0), int(feature["days"] or 0),
                                int(feature["findings"] or 0), page))
        page += len(exported)
    return pages, rows


def build_overview(project: QgsProject, layers: dict, rows: list[ContentsRow],
                   language: str) -> QgsPrintLayout:
    """Page 1 of the combined atlas: Kazakhstan with the whole loop and the visited regions, the
    expedition's totals, and the contents (region, km, days, findings, page)."""
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Landscape)

    label(layout, tr("Green Envoy of the Great Steppe: regional atlas"), 10, 7, 277, 11, 20,
          bold=True).setId("overview_title")
    total_km = sum(r.km for r in rows)
    label(layout, tr("{regions} regions · {km} km ridden · {findings} findings documented").format(
        regions=len(rows), km=_number(total_km, 0, language), findings=sum(r.findings for r in rows)),
        10, 18, 277, 6, 9.5, colour="#555555").setId("overview_subtitle")

    # Its own regions layer: the atlas's style draws only around the atlas feature.
    regions = QgsVectorLayer(layers["regions"].source(), "regions", "ogr")
    project.addMapLayer(regions, False)
    styles.style_regions_overview(regions, language)

    crs = map_crs()
    project.setCrs(crs)
    extent = QgsCoordinateTransform(regions.crs(), crs, project).transformBoundingBox(regions.extent())
    extent.scale(1.04)
    map_item = QgsLayoutItemMap(layout)
    map_item.setCrs(crs)
    map_item.attemptMove(QgsLayoutPoint(10, 30, MM))
    map_item.attemptResize(QgsLayoutSize(172, 118, MM))
    map_item.setLayers([layers["findings"], layers["route_country"], regions])
    map_item.setKeepLayerSet(True)
    map_item.setBackgroundColor(QColor("#fbfbf8"))
    map_item.setFrameEnabled(True)
    map_item.setId("overview_map")
    layout.addLayoutItem(map_item)
    map_item.setExtent(fit_aspect(extent, 172 / 118))

    label(layout, tr("Contents"), 188, 26, 99, 7, 12, bold=True).setId("contents_heading")
    table = QgsLayoutItemManualTable.create(layout)
    layout.addMultiFrame(table)
    headings = [(tr("Region"), 43), (tr("km"), 13), (tr("Days"), 11), (tr("Findings count"), 17), (tr("Page"), 11)]
    columns = []
    for heading, width in headings:
        column = QgsLayoutTableColumn(heading)
        column.setWidth(width)
        column.setHAlignment(Qt.AlignmentFlag.AlignLeft if not columns else Qt.AlignmentFlag.AlignRight)
        columns.append(column)
    table.setHeaders(columns)
    table.setColumnWidths([width for _heading, width in headings])
    table.setWrapBehavior(QgsLayoutItemManualTable.WrapText)  # long headings wrap inside their width
    table.setIncludeTableHeader(True)
    def figure(text: str) -> QgsTableCell:
        cell = QgsTableCell(text)
        cell.setHorizontalAlignment(Qt.AlignmentFlag.AlignRight)  # figures line up by their last digit
        return cell

    table.setTableContents([[QgsTableCell(r.name), figure(_number(r.km, 0, language)), figure(str(r.days)),
                             figure(str(r.findings)), figure(str(r.first_page))] for r in rows])
    table.setHeaderTextFormat(compat.text_format(font(8, bold=True)))
    table.setContentTextFormat(compat.text_format(font(8)))
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#b0b0b0"))
    frame = QgsLayoutFrame(layout, table)
    frame.attemptMove(QgsLayoutPoint(188, 35, MM))
    frame.attemptResize(QgsLayoutSize(99, 155, MM))
    frame.setId("contents")
    table.addFrame(frame)

    from qgis.core import Qgis

    label(layout, tr(CREDITS).format(qgis=Qgis.QGIS_VERSION.split("-")[0]), 10, 196, 277, 9, 6.5,
          colour="#666666").setId("credits")
    return layout


def _page_layout(layout: QgsPrintLayout, page: int) -> QPageLayout:
    size = layout.pageCollection().page(page).pageSize()
    width, height = size.width(), size.height()
    orientation = QPageLayout.Orientation.Landscape if width > height else QPageLayout.Orientation.Portrait
    return QPageLayout(QPageSize(QSizeF(min(width, height), max(width, height)), QPageSize.Unit.Millimeter),
                       orientation, QMarginsF(0, 0, 0, 0))


def write_combined(path: str, overview: QgsPrintLayout, atlas_layout: QgsPrintLayout,
                   pages: list[tuple[int, list[int]]], settings: QgsLayoutExporter.PdfExportSettings,
                   check_canceled=None, progress=None) -> bool:
    """The overview page, then each region's exported pages, into one PDF, rendered as `settings` ask of a
    per-region PDF (dpi, vector output, text as text). False when the printer fails."""
    for layout in (overview, atlas_layout):
        context = layout.renderContext()
        context.setDpi(settings.dpi)
        context.setFlag(QgsLayoutRenderContext.FlagForceVectorOutput, settings.forceVectorOutput)
        context.setTextRenderFormat(settings.textRenderFormat)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setFullPage(True)
    printer.setColorMode(QPrinter.ColorMode.Color)
    printer.setResolution(int(settings.dpi))
    printer.setPageLayout(_page_layout(overview, 0))
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        QgsLayoutExporter(overview).renderPage(painter, 0)
        exporter = QgsLayoutExporter(atlas_layout)
        atlas = atlas_layout.atlas()
        for done, (i, exported) in enumerate(pages):
            if check_canceled:
                check_canceled()
            atlas.seekTo(i)
            for page in exported:
                printer.setPageLayout(_page_layout(atlas_layout, page))
                printer.newPage()
                exporter.renderPage(painter, page)
            if progress:
                progress(done + 1, len(pages))
    finally:
        painter.end()
    return True

"""Page formats of the atlas: A4 or A3, landscape or portrait, each with places of its own for the items.

The items are found by their ids. A4 landscape places the map beside a column of locator, statistics, legend,
scale and north arrow; portrait puts a taller map on top (it keeps no landscape shape) and the column's items in
two columns below it; A3 is its A4 design grown by the ratio of the sizes, with the type grown by A3_TYPE (less
than the page: an A3 page shows more map and more table rows, in letters read at a wall-chart distance).
"""

from __future__ import annotations

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsUnitTypes,
)

from ..core.page_formats import PAGE_FORMATS
from ..errors import StepError
from .items import fit_aspect

MM = QgsUnitTypes.LayoutMillimeters
A3_OVER_A4 = 420 / 297

# A4 landscape places of the map page's items (x, y, width, height in mm); None keeps the item's own size.
LANDSCAPE = {
    "map": (10, 26, 192, 166), "locator": (208, 26, 79, 36),
    "stats_heading": (208, 65, 79, 6), "stats": (208, 71, 79, 30), "legend": (207, 101, None, None),
    "size_key": (12, 178, None, None), "north": (279, 178, 8, 12), "scale": (208, 182, None, None),
    "profile_1": (208, 149, 79, 31),  # on the map page of a region without findings
    "detail": (117, 29, 84, 66),  # its size: the handler of map_page moves it to the map's emptiest corner
}
# A4 portrait places of the items by id.
PORTRAIT = {
    # region page 1
    "title": (10, 7, 160, 11), "counter": (170, 7, 30, 6), "subtitle": (10, 18, 190, 6),
    # The sources take six lines of 7 pt in Russian and Kazakh: their box ends 4 mm above the page's edge.
    "map": (10, 26, 190, 166), "locator": (10, 196, 62, 38), "size_key": (12, 178, None, None),
    # A region without findings: its profile under the legend (beside it, it covered the legend's second column)
    "detail": (113, 29, 84, 66), "profile_1": (77, 229, 110, 30),
    "stats_heading": (10, 237, 62, 6), "stats": (10, 243, 62, 30), "legend": (77, 194, None, None),
    "north": (190, 256, 9, 13), "scale": (140, 264, None, None), "credits": (10, 275, 190, 18),
    # region page 2
    "title_2": (10, 7, 190, 9), "inset": (10, 20, 92, 56), "figures": (108, 20, 92, 56),
    "profile": (10, 80, 92, 64), "photo_0": (108, 80, 45, 31), "photo_1": (155, 80, 45, 31),
    "photo_2": (108, 113, 45, 31), "photo_3": (155, 113, 45, 31), "photo_caption": (108, 145, 92, 5),
    "findings_table": (10, 152, 190, 135),
    # national overview (combined atlas)
    "overview_title": (10, 7, 190, 18), "overview_subtitle": (10, 26, 190, 6), "overview_map": (10, 34, 190, 112),
    "contents_heading": (10, 152, 99, 7), "contents": (10, 160, 99, 117),
}
A3_TYPE = 1.25  # type on A3 pages: larger than on A4, less than the page (1.41)


class PageFormatError(StepError):
    pass


def check_format(page_format: str) -> tuple[str, str]:
    if page_format not in PAGE_FORMATS:
        raise PageFormatError(f"page format {page_format!r}: choose one of {', '.join(PAGE_FORMATS)}")
    size, orientation = page_format.split("-")
    return size.upper(), orientation


def fit_pages(layout: QgsPrintLayout, page_format: str) -> None:
    """Every page of the layout in the format, its items placed for it (items are found by their ids)."""
    size, orientation = check_format(page_format)
    grow = A3_OVER_A4 if size == "A3" else 1.0
    places = PORTRAIT if orientation == "portrait" else LANDSCAPE
    items = [item for item in layout.items() if isinstance(item, QgsLayoutItem) and item.id()]
    # Places are read relative to their page before the pages change size and move.
    before = {}
    for item in items:
        position, extent = item.pagePositionWithUnits(), item.sizeWithUnits()
        before[item.id()] = (item.page(), position.x(), position.y(), extent.width(), extent.height())
    collection = layout.pageCollection()
    for number in range(collection.pageCount()):
        collection.page(number).setPageSize(
            size, QgsLayoutItemPage.Portrait if orientation == "portrait" else QgsLayoutItemPage.Landscape)
    collection.reflow()  # the pages below the first move down (or up) to their new places
    for item in items:
        page, x, y, width, height = before[item.id()]
        place = places.get(item.id())
        if place is None and orientation == "portrait":  # an item without a portrait place: the page's shape
            place = (x * 190 / 277, y * 297 / 210, width * 190 / 277, height)
        if place is not None:
            x, y, new_width, new_height = place
            width, height = new_width or width, new_height or height
        if not isinstance(item, (QgsLayoutItemLegend, QgsLayoutItemScaleBar)):  # they size to their content
            shown = item.extent() if isinstance(item, QgsLayoutItemMap) else None
            item.attemptResize(QgsLayoutSize(width * grow, height * grow, MM))
            if shown is not None and not item.atlasDriven():
                item.setExtent(fit_aspect(shown, width / height))  # the same place, the new shape
        item.attemptMove(QgsLayoutPoint(x * grow, y * grow, MM), page=page)
        if isinstance(item, QgsLayoutItemScaleBar):
            item.setMaximumBarWidth(item.maximumBarWidth() * grow)
    # Tables fill their wider frames: wider columns wrap fewer lines.
    for table in layout.multiFrames():
        if isinstance(table, QgsLayoutItemManualTable):
            table.setColumnWidths([width * grow for width in table.columnWidths()])
        elif isinstance(table, QgsLayoutItemAttributeTable):
            columns = table.columns()
            for column in columns:
                column.setWidth(column.width() * grow)
            table.setColumns(columns)
    if size == "A3":
        grow_type(layout, A3_TYPE)


def grow_type(layout: QgsPrintLayout, factor: float) -> None:
    """Every text of the layout's items `factor` times its size: labels, legends, scale bars, tables and the
    maps' grid annotations (the names inside maps keep their size: an A3 map shows more land, not bigger names)."""
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemMap, QgsLayoutTable, QgsLegendStyle

    seen: set[str] = set()

    def grown(text_format):
        text_format.setSize(text_format.size() * factor)
        return text_format

    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            if hasattr(item, "textFormat"):
                item.setTextFormat(grown(item.textFormat()))
            else:
                chosen = item.font()
                chosen.setPointSizeF(chosen.pointSizeF() * factor)
                item.setFont(chosen)
        elif isinstance(item, QgsLayoutItemLegend):
            for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                          QgsLegendStyle.SymbolLabel):
                legend_style = item.rstyle(style)
                if hasattr(legend_style, "textFormat"):
                    legend_style.setTextFormat(grown(legend_style.textFormat()))
                else:
                    chosen = legend_style.font()
                    chosen.setPointSizeF(chosen.pointSizeF() * factor)
                    legend_style.setFont(chosen)
            item.setSymbolHeight(item.symbolHeight() * factor)
            item.setSymbolWidth(item.symbolWidth() * factor)
            item.adjustBoxSize()
        elif isinstance(item, QgsLayoutItemScaleBar):
            item.setTextFormat(grown(item.textFormat()))
            item.setHeight(item.height() * factor)
        elif isinstance(item, QgsLayoutItemMap):
            for grid in item.grids().asList():
                grid.setAnnotationTextFormat(grown(grid.annotationTextFormat()))
            for layer in item.layers():
                if layer.id() not in seen:
                    seen.add(layer.id())
                    _grow_labels(layer, factor)
    # Names whose size an expression gives (towns by rank) read this factor.
    QgsExpressionContextUtils.setLayoutVariable(layout, "green_envoy_type", factor)
    for table in layout.multiFrames():
        if isinstance(table, QgsLayoutTable):
            table.setHeaderTextFormat(grown(table.headerTextFormat()))
            table.setContentTextFormat(grown(table.contentTextFormat()))


def _grow_labels(layer, factor: float) -> None:
    """The names a map layer draws, `factor` times their size (a layer of this export only)."""
    from qgis.core import QgsVectorLayer, QgsVectorLayerSimpleLabeling

    if not isinstance(layer, QgsVectorLayer) or not isinstance(layer.labeling(), QgsVectorLayerSimpleLabeling):
        return
    settings = QgsPalLayerSettings(layer.labeling().settings())
    text = settings.format()
    text.setSize(text.size() * factor)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))


"""Page formats of the atlas: A4 or A3, landscape or portrait.

The pages are designed on A4 landscape. Portrait has its own places for the same items (the map on top, the
statistics and legend below it; on page 2 the table under the inset, profile and photos); A3 is the A4 design
grown by the ratio of the sizes, with the text kept at its size, so an A3 page shows more map and more table
rows rather than bigger letters.
"""

from __future__ import annotations

from qgis.core import (
    QgsLayoutItem,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemLegend,
    QgsLayoutItemManualTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemScaleBar,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsUnitTypes,
)

from ..core.page_formats import PAGE_FORMATS
from ..errors import StepError
from .items import fit_aspect

MM = QgsUnitTypes.LayoutMillimeters
A3_OVER_A4 = 420 / 297

# A4 portrait places (x, y, width, height in mm) of the items by id; None keeps the item's own size.
PORTRAIT = {
    # region page 1
    "title": (10, 7, 160, 11), "counter": (170, 7, 30, 6), "subtitle": (10, 18, 190, 6),
    "map": (10, 26, 190, 155),
    "stats_heading": (10, 187, 85, 6), "stats": (10, 193, 85, 36), "legend": (100, 185, None, None),
    "north": (10, 240, 9, 13), "scale": (24, 244, None, None), "credits": (10, 281, 190, 9),
    # region page 2
    "title_2": (10, 7, 190, 9), "inset": (10, 20, 92, 56), "figures": (108, 20, 92, 56),
    "profile": (10, 80, 92, 64), "photo_0": (108, 80, 45, 31), "photo_1": (155, 80, 45, 31),
    "photo_2": (108, 113, 45, 31), "photo_3": (155, 113, 45, 31), "photo_caption": (108, 145, 92, 5),
    "findings_table": (10, 152, 190, 135),
    # national overview (combined atlas)
    "overview_title": (10, 7, 190, 18), "overview_subtitle": (10, 26, 190, 6), "overview_map": (10, 34, 190, 112),
    "contents_heading": (10, 152, 99, 7), "contents": (10, 160, 99, 117),
}


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
    if page_format == "a4-landscape":
        return
    grow = A3_OVER_A4 if size == "A3" else 1.0
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
        if orientation == "portrait":
            x, y, new_width, new_height = PORTRAIT[item.id()]
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

"""The map page's furniture on an author's template (`atlas --template`): the template keeps its pages and items
as its author left them, and still gets what the default pages have.

What a template carries by id (save-template writes them all: `detail` and `detail_2` with their captions,
`locator`, `size_key`, the map's `graticule`) is made again where and as large as the author put it: a template
holds no layer of ours, so a map or legend saved in it shows nothing until given them. What an older or pared-down
template lacks is added inside its atlas map's frame, where it covers none of the author's items: the detail
map in the map's emptiest corner page by page, the size key in the lower left, a locator in the upper right, the
graticule. The map context, the user's basemap, the finding ids and the scale bar's 1-2-5 steps (an item `scale`)
come to every template; the sources and credits (CC BY attribution of the context and districts) are printed by
the item `credits`, else along the first page's lower edge when no item prints them."""

from __future__ import annotations

import re

from qgis.core import (
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsRectangle,
)

from . import graticule
from .items import label
from .map_page import (
    KEY_ROOM,
    MM,
    PageFurniture,
    _detail_map,
    _locator,
    _size_key,
    context_map,
    finding_symbols,
)

MARGIN_MM = 3.0  # furniture added inside the map keeps this far from its frame
LOCATOR_SHARE = 0.28  # of the map's width, for a locator added to a template without one
SOURCES_VARIABLE = "green_envoy_sources"


class TemplateFurniture(PageFurniture):
    """PageFurniture on a template: the author's pages all exported, a detail map the author placed left there."""

    def __init__(self, layout, map_item, detail, locator, layers, language: str = "en", place_detail: bool = True):
        super().__init__(layout, map_item, detail, locator, layers, language)
        self.place_detail = place_detail
        self.legend = None  # the author's legend: not laid out again page by page

    def _second_pages(self, feature) -> None:
        pass  # the template's pages are its author's: none is left out

    def _place_detail(self, extent: QgsRectangle, metres_per_mm: float, cluster_box: QgsRectangle, k: int = 0,
                      clusters_shown: list | None = None, placed: list | None = None, count: int = 1) -> QgsRectangle:
        if self.place_detail:
            return super()._place_detail(extent, metres_per_mm, cluster_box, k, clusters_shown, placed, count)
        caption = self.layout.itemById("detail_caption" + ("" if k == 0 else f"_{k + 1}"))
        if caption is not None:
            caption.setText(self.caption_text(k, count))
        at, corner = _frame(self.details[k]), self.map_item.positionWithUnits()  # where the other keeps off
        return QgsRectangle(at.xMinimum() - corner.x(), at.yMinimum() - corner.y(), at.xMaximum() - corner.x(),
                            at.yMaximum() - corner.y())


def atlas_map(layout: QgsPrintLayout) -> QgsLayoutItemMap | None:
    """The map the atlas drives: the item `map`, else the first atlas-driven map."""
    item = layout.itemById("map")
    if isinstance(item, QgsLayoutItemMap):
        return item
    return next((i for i in layout.items() if isinstance(i, QgsLayoutItemMap) and i.atlasDriven()), None)


def furnish_template(layout: QgsPrintLayout, layers: dict, project, language: str = "en",
                     basemap: str = "") -> TemplateFurniture | None:
    """The furniture on a template's layout (see the module's text); None when no map is driven by the atlas.
    The returned object must be kept as long as the layout is exported (it holds the atlas's slot)."""
    map_item = atlas_map(layout)
    if map_item is None:
        return None
    extra = context_map(map_item, layers, project, language, basemap)
    _graticule_of(map_item, language)
    _legend_context(layout, layers, extra)
    frame = _frame(map_item)
    # Of an earlier export's detail maps, the dashed frames linked to them: drawn again for the new ones.
    for overview in list(map_item.overviews().asList()):
        if overview.name().startswith("detail_frame"):
            map_item.overviews().removeOverview(overview.id())
    for suffix in ("", "_2"):  # the second where findings crowd in two places apart
        authored = layout.itemById("detail" + suffix)
        labels = {item_id: layout.itemById(item_id + suffix) for item_id in ("detail_caption", "detail_number")}
        detail = _detail_map(layout, map_item, layers, extra, suffix)
        if isinstance(authored, QgsLayoutItemMap):
            _take_place(layout, detail, authored)
            for item_id, label_at in labels.items():
                made = _made(layout, item_id + suffix, label_at)
                if label_at is not None and made is not None:
                    _take_place(layout, made, label_at)
        else:  # half a small map at most, as wide as the default page's
            width = min(64.0, frame.width() * 0.4)
            detail.attemptResize(QgsLayoutSize(width, width * 50 / 64, MM))
    detail = layout.itemById("detail")
    locator_at = layout.itemById("locator")
    locator = _locator(layout, layers, extra, map_item.crs())
    added = not isinstance(locator_at, QgsLayoutItemMap)
    if added:
        width = frame.width() * LOCATOR_SHARE
        locator.attemptResize(QgsLayoutSize(width, width * 44 / 79, MM))
        locator.attemptMove(QgsLayoutPoint(frame.xMaximum() - width - MARGIN_MM, frame.yMinimum() + MARGIN_MM, MM))
    else:
        _take_place(layout, locator, locator_at)
    locator.setExtent(_country(locator, layers, project))
    key_at = layout.itemById("size_key")
    _size_key(layout, project)
    key = _made(layout, "size_key", key_at)
    if isinstance(key_at, QgsLayoutItemLegend):
        _take_place(layout, key, key_at)
    else:
        key.attemptMove(QgsLayoutPoint(frame.xMinimum() + 2.0, frame.yMaximum() - KEY_ROOM[1] - 2.0, MM))
    _sources(layout)
    # A detail map inside the map's frame goes to the emptiest corner page by page (at the template's size); one
    # its author put beside the map stays there.
    furniture = TemplateFurniture(layout, map_item, detail, locator, layers, language,
                                  place_detail=frame.contains(_frame(detail)))
    if added:
        furniture.keep_clear.append(locator)
    return furniture


def _frame(item) -> QgsRectangle:
    at, size = item.positionWithUnits(), item.sizeWithUnits()
    return QgsRectangle(at.x(), at.y(), at.x() + size.width(), at.y() + size.height())


def _take_place(layout: QgsPrintLayout, new, old) -> None:
    """`new` where and as large as the author made `old`, which goes: a saved map or legend holds none of the
    layers it showed."""
    new.attemptResize(old.sizeWithUnits())
    new.attemptMove(old.positionWithUnits())
    layout.removeLayoutItem(old)


def _made(layout: QgsPrintLayout, item_id: str, before):
    """The item of `item_id` just added beside the template's own (`before`, or None)."""
    return next((i for i in layout.items() if isinstance(i, QgsLayoutItem) and i.id() == item_id and i is not before),
                None)


def _country(locator: QgsLayoutItemMap, layers: dict, project) -> QgsRectangle:
    """The locator's extent, the whole country, fitted to the size the template gave it."""
    from qgis.core import QgsCoordinateTransform

    from .items import fit_aspect

    to_map = QgsCoordinateTransform(layers["regions_country"].crs(), locator.crs(), project)
    country = to_map.transformBoundingBox(layers["regions_country"].extent())
    country.scale(1.04)
    size = locator.sizeWithUnits()
    return fit_aspect(country, size.width() / size.height())


def _graticule_of(map_item: QgsLayoutItemMap, language: str) -> None:
    """The graticule in the page's language: ours made again; a map with grids of its author's keeps those."""
    grids = map_item.grids()
    for grid in list(grids.asList()):
        if grid.name() == graticule.NAME:
            grids.removeGrid(grid.id())
    if grids.size() == 0:
        graticule.add(map_item, language)


def _legend_context(layout: QgsPrintLayout, layers: dict, extra: dict) -> None:
    """The findings by shape and colour in the legend `legend`, and the map context (towns, border, rivers,
    lakes) after the expedition's layers where the template was made with room for them (it has the size key
    save-template writes since the map had its context): in an older one they would run into the items below the
    legend (a legend's size is known only once drawn)."""
    legend = layout.itemById("legend")
    if not isinstance(legend, QgsLayoutItemLegend):
        return
    finding_symbols(legend, layers)
    if layout.itemById("size_key") is None:
        return
    root = legend.model().rootGroup()
    for role in ("towns", "national_border", "rivers", "waters"):
        if role in extra and root.findLayer(extra[role]) is None:
            root.addLayer(extra[role])


def _sources(layout: QgsPrintLayout) -> None:
    """The sources and credits along the first page's lower edge (the map's page: its data's attribution), below
    the author's items where there is room, when no item there prints them."""
    if any(isinstance(i, QgsLayoutItemLabel) and re.search(rf"@{SOURCES_VARIABLE}\b", i.text()) and i.page() == 0
           for i in layout.items()):
        return
    page = layout.pageCollection().page(0)
    width, height = page.sizeWithUnits().width(), page.sizeWithUnits().height()
    credits = layout.itemById("credits")
    if isinstance(credits, QgsLayoutItemLabel):  # ours, from an earlier version: its fixed credits made current,
        credits.setText(f"[% @{SOURCES_VARIABLE} %]")  # room to the page's lower margin for the longer text
        top = credits.pagePositionWithUnits().y()
        page_height = layout.pageCollection().page(credits.page()).sizeWithUnits().height()
        credits.attemptResize(QgsLayoutSize(credits.sizeWithUnits().width(),
                                            max(credits.sizeWithUnits().height(), page_height - 3.0 - top), MM))
        return
    lowest = max((_frame(i).yMaximum() for i in layout.items()
                  if isinstance(i, QgsLayoutItem) and not isinstance(i, QgsLayoutItemPage) and i.isVisible()
                  and i.page() == 0 and _frame(i).yMaximum() < height), default=0.0)
    top = max(lowest + 1.5, height - 16.0)
    if height - 3.0 - top < 7.0:  # the author's items reach the edge: the sources over its last 10 mm
        top = height - 10.0
    label(layout, f"[% @{SOURCES_VARIABLE} %]", 10, top, width - 20, height - 3.0 - top, 6.5,
          colour="#333333").setId("credits")

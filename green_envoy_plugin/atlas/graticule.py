"""The region map's graticule: lines every 1-2-5 degrees, interior ticks, labels inside the frame in the page's
language: latitudes along the left edge, longitudes along the bottom and the top (a busy region's size key and
detail maps cover much of the bottom). Each page sets the stretch of each edge its labels may use
(`label_ranges`): off the frame's corners, so that no label crosses the frame, and off the items inside the map
(size key, detail maps), so that none is cut by one or hidden under it.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsExpressionContextUtils,
    QgsLayoutItemMap,
    QgsLayoutItemMapGrid,
    QgsLineSymbol,
    QgsPointXY,
)
from qgis.PyQt.QtGui import QColor

from ..core.places import graticule_expression
from . import compat
from .items import font

NAME = "graticule"  # both grids: a template made again drops them by this name
ACROSS_MM, UP_MM = 8.0, 4.0  # half a label's width and height: a label's line this near an end crosses it
EDGE_MM = 6.0  # an item this near an edge covers that edge's labels
# Unset (a template's own map), every label shows.
RANGE = ("CASE WHEN @grid_number < coalesce(@green_envoy_grid_{0}0, -1000) OR "
         "@grid_number > coalesce(@green_envoy_grid_{0}1, 1000) THEN '' ELSE {1} END")


def add(map_item: QgsLayoutItemMap, language: str = "en") -> None:
    """The lines, the ticks and the left and bottom labels (one grid), and the top labels (a second grid with no
    lines: a grid's labels have one range of longitudes, the top's differs from the bottom's)."""
    label = graticule_expression(language)
    main = _grid(map_item, f"CASE WHEN @grid_axis = 'x' THEN ({RANGE.format('x', label)}) "
                                     f"ELSE ({RANGE.format('y', label)}) END")
    main.setStyle(QgsLayoutItemMapGrid.Solid)
    main.setLineSymbol(QgsLineSymbol.createSimple({"line_color": "#8aa0b4", "line_width": "0.12"}))
    main.setFrameStyle(QgsLayoutItemMapGrid.InteriorTicks)
    main.setFrameWidth(1.6)
    main.setFramePenSize(0.25)
    main.setFramePenColor(QColor("#4d4d4d"))
    main.setAnnotationDisplay(QgsLayoutItemMapGrid.LatitudeOnly, QgsLayoutItemMapGrid.Left)
    main.setAnnotationDisplay(QgsLayoutItemMapGrid.LongitudeOnly, QgsLayoutItemMapGrid.Bottom)
    top = _grid(map_item, RANGE.format("top_x", label))
    top.setStyle(QgsLayoutItemMapGrid.FrameAnnotationsOnly)
    top.setFrameStyle(QgsLayoutItemMapGrid.NoFrame)
    top.setAnnotationDisplay(QgsLayoutItemMapGrid.LongitudeOnly, QgsLayoutItemMapGrid.Top)
    map_item.grids().addGrid(main)
    map_item.grids().addGrid(top)


def _grid(map_item: QgsLayoutItemMap, expression: str) -> QgsLayoutItemMapGrid:
    grid = QgsLayoutItemMapGrid(NAME, map_item)
    grid.setCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    grid.setIntervalX(1.0)
    grid.setIntervalY(1.0)
    grid.setAnnotationEnabled(True)
    # Degrees and minutes with the hemisphere in the page's language (QGIS's DegreeMinute writes N and E).
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.CustomFormat)
    grid.setAnnotationExpression(expression)
    grid.setAnnotationTextFormat(compat.text_format(font(6), "#3d4f61", 0.6))
    for side in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Right, QgsLayoutItemMapGrid.Top,
                 QgsLayoutItemMapGrid.Bottom):
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.InsideMapFrame, side)
        grid.setAnnotationDirection(QgsLayoutItemMapGrid.Horizontal, side)
        grid.setAnnotationDisplay(QgsLayoutItemMapGrid.HideAll, side)
    grid.setAnnotationFrameDistance(2.0)
    return grid


def label_ranges(layout, map_item: QgsLayoutItemMap, to_degrees, covering: list) -> None:
    """This page's label ranges as layout variables: the longitudes of the bottom and of the top edge, the
    latitudes of the left edge, each edge shortened by half a label at its ends and by the `covering` items
    (visible layout items inside the map) at its corners."""
    extent = map_item.extent()
    left, top = map_item.positionWithUnits().x(), map_item.positionWithUnits().y()
    width, height = map_item.sizeWithUnits().width(), map_item.sizeWithUnits().height()
    metres_per_mm = extent.width() / width
    # mm along each edge from its left (top for the left edge) where labels may stand
    bottom_span, top_span = [ACROSS_MM, width - ACROSS_MM], [ACROSS_MM, width - ACROSS_MM]
    left_span = [UP_MM, height - UP_MM]
    for item in covering:
        x0 = item.positionWithUnits().x() - left
        y0 = item.positionWithUnits().y() - top
        x1, y1 = x0 + item.sizeWithUnits().width(), y0 + item.sizeWithUnits().height()
        for span, near, start, end, room, length in (
                (bottom_span, y1 >= height - EDGE_MM, x0, x1, ACROSS_MM, width),
                (top_span, y0 <= EDGE_MM, x0, x1, ACROSS_MM, width),
                (left_span, x0 <= EDGE_MM, y0, y1, UP_MM, height)):
            if not near:
                continue
            if start <= length / 2:  # from the edge's first corner: the labels start after it
                span[0] = max(span[0], end + room)
            if end >= length / 2:  # to its other corner: they end before it
                span[1] = min(span[1], start - room)

    def longitude(mm: float, y: float) -> float:
        return to_degrees.transform(QgsPointXY(extent.xMinimum() + mm * metres_per_mm, y)).x()

    values = {
        "x0": longitude(bottom_span[0], extent.yMinimum()), "x1": longitude(bottom_span[1], extent.yMinimum()),
        "top_x0": longitude(top_span[0], extent.yMaximum()), "top_x1": longitude(top_span[1], extent.yMaximum()),
        "y0": to_degrees.transform(QgsPointXY(extent.xMinimum(), extent.yMaximum() - left_span[1] * metres_per_mm)).y(),
        "y1": to_degrees.transform(QgsPointXY(extent.xMinimum(), extent.yMaximum() - left_span[0] * metres_per_mm)).y(),
    }
    for name, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, f"green_envoy_grid_{name}", value)

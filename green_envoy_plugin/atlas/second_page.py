"""The second page (and its continuations) of a region: overview of Kazakhstan, elevation profile, the best
photos, the findings by category, the official comparison and the findings table."""

from __future__ import annotations

import os
import re

from qgis.core import (
    QgsLayoutFrame,
    QgsLayoutItemAttributeTable,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutMeasurement,
    QgsLayoutMultiFrame,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsProperty,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor

from ..core.categories import CATEGORIES
from ..core.compare import MATCHES, NEAR, NOT_OFFICIAL
from ..core.places import AT_SETTLEMENT_M, number, times_text
from ..core.profiles import thinned_starts
from ..i18n import tr
from ..store.queries import PAGE_PHOTOS, regions_without_findings, stored_profiles, visited_regions
from . import compat
from .items import fit_aspect
from .styles import ROUTE_COLOUR

MM = QgsUnitTypes.LayoutMillimeters
PHOTOS = PAGE_PHOTOS


def _category_label_expression(field: str = '"category"') -> str:
    # QGIS 3.22 knows only the searched CASE (CASE WHEN ...), not CASE x WHEN ...
    cases = " ".join(f"WHEN {field} = '{key}' THEN '{tr(label).replace(chr(39), chr(39) * 2)}'"
                     for key, (label, _colour) in CATEGORIES.items())
    return f"CASE {cases} ELSE {field} END"


# The profile is an SVG: vector in the PDF (sharp at any zoom and print size), and loaded at each page
# in a fraction of the time a raster of the same size takes to decode.
PROFILE_SUFFIX = ".svg"
PROFILE_SIZE = (860, 500)  # drawing units of the profile; the layout item scales it to its own size
WIDE_PROFILE_SUFFIX, WIDE_PROFILE = "_wide.svg", (860, 400)  # the map page's (a region without findings)


def profile_as_drawing(picture) -> None:
    """A template saved before the profile became a drawing names `<region>.png`: point it at the drawing."""
    props = picture.dataDefinedProperties()
    source = props.property(QgsLayoutObject.PictureSource)
    old = "\"file_stem\" || '.png'"
    if source.isActive() and old in source.expressionString():
        props.setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromExpression(
            source.expressionString().replace(old, f"\"file_stem\" || '{PROFILE_SUFFIX}'")))
        picture.setMode(QgsLayoutItemPicture.FormatSVG)


def add_second_page(layout, label, font, country_extent, layers: dict, language: str) -> None:
    page = QgsLayoutItemPage(layout)
    page.setPageSize("A4", QgsLayoutItemPage.Landscape)
    layout.pageCollection().addPage(page)
    findings = layers["findings"]

    def place(item, x, y, w, h):
        item.attemptResize(QgsLayoutSize(w, h, MM))
        item.attemptMove(QgsLayoutPoint(x, y, MM), page=1)

    title = label(layout, tr('[% "name" %]') + " — " + tr("findings, photos and profile"), 10, 7, 277, 9, 14,
                  bold=True)
    place(title, 10, 7, 277, 9)
    title.setId("title_2")

    overview = QgsLayoutItemMap(layout)
    overview.setCrs(layers["crs"])
    layout.addLayoutItem(overview)
    place(overview, 10, 20, 86, 52)
    overview.setId("inset")
    overview.setLayers([layers["route_locator"], layers["regions_locator"]])
    overview.setKeepLayerSet(True)
    overview.setExtent(fit_aspect(country_extent, 86 / 52))
    overview.setBackgroundColor(QColor("#fbfbf8"))
    overview.setFrameEnabled(True)
    overview.setFrameStrokeWidth(QgsLayoutMeasurement(0.25, MM))

    profile = QgsLayoutItemPicture(layout)
    profile.setMode(QgsLayoutItemPicture.FormatSVG)
    profile.dataDefinedProperties().setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromExpression(
        f"@green_envoy_pages || '/' || \"file_stem\" || '{PROFILE_SUFFIX}'"))
    layout.addLayoutItem(profile)
    place(profile, 10, 76, 86, 50)
    profile.setId("profile")

    for k in range(PHOTOS):
        picture = QgsLayoutItemPicture(layout)
        picture.setMode(QgsLayoutItemPicture.FormatRaster)
        picture.setResizeMode(QgsLayoutItemPicture.Zoom)
        props = picture.dataDefinedProperties()
        # An empty name (not NULL, which QGIS takes for an error) where the region has fewer photos: a
        # missing file would make QGIS decode its "image missing" placeholder at every page.
        props.setProperty(QgsLayoutObject.PictureSource, QgsProperty.fromExpression(
            f"CASE WHEN coalesce(\"n_photos\", 0) > {k} "
            f"THEN @green_envoy_pages || '/' || \"file_stem\" || '_photo{k}.jpg' ELSE '' END"))
        props.setProperty(QgsLayoutObject.ExcludeFromExports, QgsProperty.fromExpression(
            f'coalesce("n_photos", 0) <= {k}'))
        layout.addLayoutItem(picture)
        place(picture, 10 + (k % 2) * 44, 131 + (k // 2) * 33, 42, 31)
        picture.setId(f"photo_{k}")
    # The photos are those of the most severe findings first (facts.write_page_photos), each with its finding,
    # date and severity burnt into its lower edge; the line below names them in the same order, as text.
    caption = label(layout, "[% CASE WHEN \"n_photos\" > 0 THEN '" + _quoted(tr("Photos, most severe finding first"))
                    + ": ' || map_get(from_json(coalesce(@green_envoy_photo_ids, '{}')), \"name\") ELSE '"
                    + _quoted(tr("No photos in this region.")) + "' END %]", 10, 196, 86, 4.5, 7, colour="#333333")
    place(caption, 10, 196, 86, 4.5)
    caption.setId("photo_caption")
    sources = label(layout, SOURCES_SHORT, 10, 201, 277, 8, 7, colour="#333333")
    place(sources, 10, 201, 277, 8)
    sources.setId("sources_2")

    parts = []
    for key, (cat_label, _colour) in CATEGORIES.items():
        text = _quoted(tr(cat_label))
        # A no-break space: the count never alone at a line's start ("қалдықтар:" then "2" below it).
        parts.append(f"CASE WHEN \"n_{key}\" > 0 THEN '{text}:\u00a0' || \"n_{key}\" END")
    none = _quoted(tr("none"))
    lines = [tr("Findings by category") + ": [% coalesce(nullif(array_to_string(array_filter(array("
             + ", ".join(parts) + f"), @element IS NOT NULL), ' · '), ''), '{none}') %]"]
    lines.append(tr('Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, '
                    '[% "n_official_not" %] not in it; [% "n_unreported" %] registry records along the route '
                    "not reported (drawn as hollow triangles)")
                 + "[% CASE WHEN @green_envoy_synthetic = '1' THEN ' — " + _quoted(tr("SYNTHETIC registry"))
                 + "' END %]")
    lines.append("[% map_get(from_json(coalesce(@green_envoy_districts, '{}')), \"name\") %]")
    lines.append(tr("Place: distance and direction from the nearest settlement; its name alone within {0} km of it.")
                 .format(number(AT_SETTLEMENT_M / 1000.0, 0, language)))
    block = label(layout, "\n".join(lines), 104, 20, 183, 30, 7.5)
    place(block, 104, 20, 183, 30)
    block.setId("figures")

    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(findings)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"region\" = attribute(@atlas_feature, 'name')")
    table.setMaximumNumberOfFeatures(1000)
    table.setColumns([_column(expression, heading, width) for expression, heading, width in
                      findings_columns(language)])
    sort = QgsLayoutTableColumn()
    sort.setAttribute('"severity"')
    sort.setSortOrder(1)  # descending: the worst first
    table.setSortColumns([sort])
    table.setWrapBehavior(QgsLayoutItemAttributeTable.WrapText)
    table.setHeaderTextFormat(compat.text_format(font(7, bold=True)))  # QgsTextFormat since 3.16
    table.setContentTextFormat(compat.text_format(font(7)))
    table.setHeaderMode(QgsLayoutTable.AllFrames)  # every continuation repeats the header row
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#b0b0b0"))
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.ShowMessage)
    table.setEmptyTableMessage(tr("No findings were documented in this region."))
    table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)  # a template's table: continuation_pages sets its own
    frame = QgsLayoutFrame(layout, table)
    table.addFrame(frame)
    place(frame, 104, 54, 183, 145)
    frame.setId("findings_table")


# The registry (SYNTHETIC when it is the demo's), data period, author, date and disclaimer (atlas/facts.py).
SOURCES_SHORT = "[% @green_envoy_sources_short %]"


def _quoted(text: str) -> str:
    return text.replace("'", "''")


def _column(expression: str, heading: str, width: float) -> QgsLayoutTableColumn:
    column = QgsLayoutTableColumn(heading)
    column.setAttribute(expression)
    column.setWidth(width)
    return column


def findings_columns(language: str) -> list[tuple[str, str, float]]:
    """(expression, heading, width mm) of the findings table: 183 mm on A4 landscape with the cells' margins.
    Where a finding is, from its nearest settlement ("273 km NW of Atyrau") and its district, in the page's
    language (facts.py); the description as the envoy wrote it. Each heading fits its width in the three
    languages (no clipped "Severity")."""
    return [
        ("finding_id", tr("Id"), 11),
        (f"format_date(\"observed_at\", 'd MMM', '{language}')", tr("Date"), 11),
        (_category_label_expression(), tr("Category"), 24),
        ("\"severity\"", tr("Severity"), 16),
        ("map_get(from_json(coalesce(@green_envoy_places, '{}')), \"finding_id\")", tr("Place"), 25),
        ("map_get(from_json(coalesce(@green_envoy_finding_districts, '{}')), \"finding_id\")", tr("District"), 24),
        ("CASE WHEN \"official_class\" = '{m}' THEN '{a}' WHEN \"official_class\" = '{n}' THEN '{b}' "
         "WHEN \"official_class\" = '{o}' THEN '{c}' END".format(
            m=MATCHES, n=NEAR, o=NOT_OFFICIAL, a=_quoted(tr("in registry")), b=_quoted(tr("near a record")),
            c=_quoted(tr("not in registry"))), tr("Registry"), 17),
        ("\"description\"", tr("Description"), 36),
    ]


def continuation_pages(layout, label, findings) -> None:
    """Pages after the second for a long findings table (enough for the region with the most `findings`), each
    with the region's title, the header row, the page number and the sources line; a page the table does not
    reach is left out of the export (its frame hides it). Called once the pages have their format: each
    continuation takes the second page's size, the table's width and the format's type size. The table fills
    these frames only (no page QGIS would add without a title)."""
    from qgis.core import QgsLayoutItemPage

    collection = layout.pageCollection()
    first = layout.itemById("findings_table")
    title = layout.itemById("title_2")
    if first is None or title is None or collection.pageCount() < 2:
        return
    table = first.multiFrame()
    count = continuation_count(most_findings(findings))
    size = collection.page(1).pageSize()
    width, height = size.width(), size.height()
    grow, type_grow = page_growth(width, height)
    margin, top = title.pagePositionWithUnits().x(), 20 * grow
    footer_top = place_footers(layout)
    # Before any frame is added: in ExtendToNextPage mode QGIS removes the frames the content does not reach.
    table.setResizeMode(QgsLayoutMultiFrame.UseExistingFrames)
    for _k in range(count):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(size)
        collection.addPage(page)
        number = collection.pageCount() - 1
        heading = label(layout, tr('[% "name" %]') + " — " + tr("findings (continued)"), margin, 7 * grow,
                        width - 2 * margin - 30, 9 * grow, 12 * type_grow, bold=True)
        heading.attemptMove(QgsLayoutPoint(margin, 7 * grow, MM), page=number)
        heading.setId(f"title_{number + 1}")
        counter = page_number_label(layout, label, width, margin, type_grow)
        counter.attemptMove(QgsLayoutPoint(width - margin - 30, 7 * grow, MM), page=number)
        frame = QgsLayoutFrame(layout, table)
        # As wide as the second page's frame (the columns' widths are the table's), as tall as the page allows.
        frame.attemptResize(QgsLayoutSize(first.sizeWithUnits().width(), footer_top - 2 - top, MM))
        frame.attemptMove(QgsLayoutPoint(margin, top, MM), page=number)
        frame.setHidePageIfEmpty(True)
        frame.setHideBackgroundIfEmpty(True)
        frame.setId(f"findings_table_{number + 1}")
        table.addFrame(frame)
        footer = label(layout, SOURCES_SHORT, margin, footer_top, width - 2 * margin, height - 3 - footer_top,
                       7 * type_grow, colour="#333333")
        footer.attemptMove(QgsLayoutPoint(margin, footer_top, MM), page=number)
        footer.setId(f"sources_{number + 1}")
    counter = page_number_label(layout, label, width, margin, type_grow)
    counter.attemptMove(QgsLayoutPoint(width - margin - 30, 7 * grow, MM), page=1)
    counter.setId("counter_2")
    table.recalculateFrameSizes()


def page_growth(width: float, height: float) -> tuple[float, float]:
    """(places, type) growth of a format over A4: A3 is 1.41 and its type 1.25 (atlas/pages.py)."""
    return (1.414, 1.25) if max(width, height) > 400 else (1.0, 1.0)


def place_footers(layout) -> float:
    """The sources at the foot of the pages, tall enough for their lines in the format (portrait pages are
    narrower: five lines on page 1, three after it), the findings table's frame ending above them. Returns the
    top of the pages' sources line (mm)."""
    collection = layout.pageCollection()
    size = collection.page(0).pageSize()
    width, height = size.width(), size.height()
    grow, _type = page_growth(width, height)
    portrait = height > width
    margin = 10 * grow
    credits = layout.itemById("credits")
    if credits is not None and portrait:  # under the map page's scale, stats and north arrow, the page's width
        tall = 19 * grow  # six lines of 7 pt in Russian and Kazakh, ending 3 mm above the page's edge
        credits.attemptResize(QgsLayoutSize(width - 14 * grow, tall, MM))
        credits.attemptMove(QgsLayoutPoint(7 * grow, height - 3 * grow - tall, MM), page=0)
    tall = (11 if portrait else 8) * grow
    top = height - (3 if portrait else 1) * grow - tall  # A4 landscape: under the photos' caption line
    sources = layout.itemById("sources_2")
    if sources is not None and collection.pageCount() > 1:
        sources.attemptResize(QgsLayoutSize(width - 2 * margin, tall, MM))
        sources.attemptMove(QgsLayoutPoint(margin, top, MM), page=1)
    frame = layout.itemById("findings_table")
    if frame is not None and collection.pageCount() > 1:
        y, frame_height = frame.pagePositionWithUnits().y(), frame.sizeWithUnits().height()
        if y + frame_height > top - 1:
            frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), top - 1 - y, MM))
    return top


# The page number: the page in this PDF, counted on in the combined atlas (overview.write_combined sets the
# offset of each region), one scheme with the contents.
PAGE_NUMBER = "[% @layout_page + coalesce(@green_envoy_page0, 0) %]"


def page_number_label(layout, label, width: float, margin: float, type_grow: float = 1.0):
    from qgis.PyQt.QtCore import Qt

    return label(layout, PAGE_NUMBER, width - margin - 30, 7, 30, 6 * type_grow, 9 * type_grow, colour="#333333",
                 align=Qt.AlignmentFlag.AlignRight)


def most_findings(findings) -> int:
    """The most findings of any one region (a layer of the store's findings)."""
    counts: dict = {}
    index = findings.fields().indexOf("region")
    for feature in findings.getFeatures():
        region = feature.attributes()[index]
        counts[region] = counts.get(region, 0) + 1
    return max(counts.values(), default=0)


def continuation_count(most_findings: int) -> int:
    """Continuation pages enough for the region with the most findings: the second page holds at least 6 rows,
    a continuation at least 8 (rows of four wrapped lines); the unused ones are hidden."""
    return max(0, -(-(most_findings - 6) // 8))


def write_profiles(gpkg_path: str, profile_dir: str, language: str = "en",
                   visited: list[tuple[str, str]] | None = None, used_only: bool = False) -> int:
    """An elevation profile drawing (SVG) of the route in each visited region (distance in the region,
    elevation), drawn with Qt from the stored profiles (computed here for a store that has none): the smoothed
    profile whose ascent the page states, as long as the region's stated km, with its axes titled and the
    vertical exaggeration noted; the layout's picture shows the one of the page's region. Two drawings each:
    the second page's, and a wide one with larger type for the narrow frame on the map page of a region
    without findings (there the second page's type came out at 4 pt). `used_only`: the one drawing the atlas's own
    layout shows of each region (the wide one where the region has no findings), not both (a template may show
    either)."""
    rows = visited_regions(gpkg_path) if visited is None else visited  # (name, file stem), as the export read them
    stored = stored_profiles(gpkg_path)
    without = regions_without_findings(gpkg_path) if used_only else None
    drawings = ((PROFILE_SUFFIX, PROFILE_SIZE, 22), (WIDE_PROFILE_SUFFIX, WIDE_PROFILE, 30))
    for name, stem in rows:
        for suffix, size, type_px in drawings:
            if without is not None and (suffix == WIDE_PROFILE_SUFFIX) != (name in without):
                continue
            path = os.path.join(profile_dir, f"{stem}{suffix}")
            _draw_profile(path, name, stored.get(name), size, type_px, language)
            _outline_texts(path)
    return len(rows)


def _draw_profile(path: str, name: str, profile, size: tuple[int, int], type_px: int, language: str) -> None:
    import numpy as np
    from qgis.PyQt.QtCore import QPointF, QRect, QRectF, QSize, Qt
    from qgis.PyQt.QtGui import QFont, QPainter, QPainterPath, QPen
    from qgis.PyQt.QtSvg import QSvgGenerator

    km_word, m_word = tr("km"), tr("m")
    drawing = QSvgGenerator()
    drawing.setFileName(path)
    drawing.setSize(QSize(*size))
    drawing.setViewBox(QRect(0, 0, *size))
    drawing.setTitle(name)
    painter = QPainter(drawing)
    painter.fillRect(QRect(0, 0, *size), Qt.GlobalColor.white)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(type_px)
    painter.setFont(font)
    unit = type_px / 22  # the second page's drawing: type of 22 units, the plot at (120, 40) 720 x 360
    plot = QRectF(120 * unit, 40 * unit, size[0] - 140 * unit, size[1] - 140 * unit)
    painter.setPen(QPen(Qt.GlobalColor.gray, 1.5))
    painter.drawRect(plot)
    left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
    centre = Qt.AlignmentFlag.AlignHCenter
    painter.setPen(Qt.GlobalColor.black)
    painter.drawText(QRectF(plot.left(), plot.bottom() + 42 * unit, plot.width(), 34 * unit), centre,
                     tr("Distance in the region, km"))
    painter.save()
    painter.translate(24 * unit, plot.center().y())
    painter.rotate(-90)
    painter.drawText(QRectF(-plot.height() / 2, -14 * unit, plot.height(), 34 * unit), centre, tr("Elevation, m"))
    painter.restore()
    if profile is not None and len(profile[0]) > 1:
        x, y, visits = profile[:3]
        # The range and the length from every point: the drawing thins them, not the figures the page states.
        low, high = float(np.nanmin(y)), float(np.nanmax(y))
        if high - low < 50:
            low, high = low - 25, high + 25
        span = max(float(x[-1]), 1e-6)
        step = max(1, len(x) // 720)  # one point per pixel of the plot is all a drawn line can show
        begins = set(thinned_starts(visits, step, len(x)))
        kept = np.arange(0, len(x), step)
        if kept[-1] != len(x) - 1:
            kept = np.append(kept, len(x) - 1)  # the last point too: the line ends at the stated km
        x, y = x[kept], y[kept]
        path_line = QPainterPath()
        for i, (xi, yi) in enumerate(zip(x, y)):
            point = QPointF(plot.left() + plot.width() * xi / span,
                            plot.bottom() - plot.height() * (yi - low) / (high - low))
            path_line.moveTo(point) if i == 0 or i in begins else path_line.lineTo(point)
        painter.setPen(QPen(QColor(ROUTE_COLOUR), 3 * unit))
        painter.drawPath(path_line)
        painter.setPen(Qt.GlobalColor.black)
        painter.drawText(QRectF(0, plot.top() - 12 * unit, 112 * unit, 30 * unit), right,
                         f"{number(high, 0, language)} {m_word}")
        painter.drawText(QRectF(0, plot.bottom() - 20 * unit, 112 * unit, 30 * unit), right,
                         f"{number(low, 0, language)} {m_word}")
        painter.drawText(QRectF(plot.left(), plot.bottom() + 8 * unit, 200 * unit, 34 * unit), left, f"0 {km_word}")
        painter.drawText(QRectF(plot.right() - 300 * unit, plot.bottom() + 8 * unit, 300 * unit, 34 * unit), right,
                         f"{number(span, 1, language)} {km_word}")
        # Drawing units are alike on both axes: metres per unit across over metres per unit up.
        exaggeration = (span * 1000.0 / plot.width()) / ((high - low) / plot.height())
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(plot.left(), 2, plot.width(), 32 * unit), right,
                         tr("vertical exaggeration ×{0}").format(times_text(exaggeration, language)))
    painter.end()


def _outline_texts(path: str) -> None:
    """The drawing's texts traced by a stroke of their own colour 0.1 drawing units (~0.01 mm) wide, as Qt's SVG
    renderer draws an SVG's text into a PDF anyway (as outlines, each glyph filled and traced that thin), but in
    one path instead of three: Qt's SVG writer gives its texts no stroke, and the renderer then traces the glyphs
    as the outline of an invisible pen (three times the path data, and the PDF's compression of it). Not a
    zero-width stroke: that is a hairline, a device pixel wide, which makes small text bold on a screen."""
    with open(path, encoding="utf-8") as drawing:
        text = drawing.read()
    text = re.sub(r'<text fill="(#[0-9a-fA-F]{6})" fill-opacity="1" stroke="none"',
                  r'<text fill="\1" fill-opacity="1" stroke="\1" stroke-width="0.1"', text)
    with open(path, "w", encoding="utf-8") as drawing:
        drawing.write(text)


def write_page_photos(gpkg_path: str, picture_dir: str, media_dir: str = "", language: str = "en",
                      visited: list[tuple[str, str]] | None = None) -> tuple[int, int]:
    """The photos of each visited region's page (`visited`: name and file stem, if the caller read them): see
    facts.write_page_photos."""
    from .facts import write_page_photos as write

    return write(gpkg_path, picture_dir, dict(visited_regions(gpkg_path) if visited is None else visited), media_dir,
                 language)

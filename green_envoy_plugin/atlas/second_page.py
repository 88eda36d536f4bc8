"""The second page (and its continuations) of a region: overview of Kazakhstan, elevation profile, the best
photos, the findings by category, the official comparison and the findings table."""

from __future__ import annotations

import os

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
    QgsLayoutTableColumn,
    QgsProperty,
    QgsUnitTypes,
)
from qgis.PyQt.QtGui import QColor

from ..core.categories import CATEGORIES
from ..core.compare import MATCHES, NEAR, NOT_OFFICIAL
from ..core.profiles import thinned_starts
from ..i18n import tr
from ..store.queries import PAGE_PHOTOS, page_photos, stored_profiles, visited_regions
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
    overview.setLayers([layers["route_country"], layers["regions_country"]])
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
    caption = label(layout, tr("[% CASE WHEN \"n_photos\" > 0 THEN 'Photos of the most severe findings, shown "
                               "upright.' ELSE 'No photos in this region.' END %]"), 10, 197, 86, 5, 6.5,
                    colour="#666666")
    place(caption, 10, 197, 86, 5)
    caption.setId("photo_caption")

    parts = []
    for key, (cat_label, _colour) in CATEGORIES.items():
        text = tr(cat_label).replace("'", "''")
        parts.append(f"CASE WHEN \"n_{key}\" > 0 THEN '{text}: ' || \"n_{key}\" END")
    none = tr("none").replace("'", "''")
    lines = [tr("Findings by category") + ": [% coalesce(nullif(array_to_string(array_filter(array("
             + ", ".join(parts) + f"), @element IS NOT NULL), ' · '), ''), '{none}') %]"]
    lines.append(tr('Official registry: [% "n_official_match" %] matched, [% "n_official_near" %] near, '
                    '[% "n_official_not" %] not in it; [% "n_unreported" %] registry records along the route '
                    "not reported"))
    block = label(layout, "\n".join(lines), 104, 20, 183, 30, 8.5)
    place(block, 104, 20, 183, 30)
    block.setId("figures")

    table = QgsLayoutItemAttributeTable.create(layout)
    layout.addMultiFrame(table)
    table.setVectorLayer(findings)
    table.setFilterFeatures(True)
    table.setFeatureFilter("\"region\" = attribute(@atlas_feature, 'name')")
    table.setMaximumNumberOfFeatures(1000)
    columns = [
        ("finding_id", tr("Id"), 13),
        (f"format_date(\"observed_at\", 'd MMM', '{language}')", tr("Date"), 13),
        (_category_label_expression(), tr("Category"), 32),
        ("\"severity\"", tr("Severity"), 11),
        ("coalesce(\"settlement_nearest\", \"settlement\")", tr("Near"), 20),
        ("CASE WHEN \"official_class\" = '{m}' THEN '{a}' WHEN \"official_class\" = '{n}' THEN '{b}' "
         "WHEN \"official_class\" = '{o}' THEN '{c}' END".format(
            m=MATCHES, n=NEAR, o=NOT_OFFICIAL, a=tr("in registry"), b=tr("near a record"), c=tr("not in registry")),
         tr("Registry"), 20),
        ("\"description\"", tr("Description"), 56),
    ]
    table_columns = []
    for expression, heading, width in columns:
        column = QgsLayoutTableColumn(heading)
        column.setAttribute(expression)
        column.setWidth(width)
        table_columns.append(column)
    table.setColumns(table_columns)
    sort = QgsLayoutTableColumn()
    sort.setAttribute('"severity"')
    sort.setSortOrder(1)  # descending: the worst first
    table.setSortColumns([sort])
    table.setWrapBehavior(QgsLayoutItemAttributeTable.WrapText)
    table.setHeaderTextFormat(compat.text_format(font(7.5, bold=True)))  # QgsTextFormat since 3.16
    table.setContentTextFormat(compat.text_format(font(7)))
    table.setGridStrokeWidth(0.15)
    table.setGridColor(QColor("#b0b0b0"))
    table.setEmptyTableBehavior(QgsLayoutItemAttributeTable.ShowMessage)
    table.setEmptyTableMessage(tr("No findings were documented in this region."))
    table.setResizeMode(QgsLayoutMultiFrame.ExtendToNextPage)
    frame = QgsLayoutFrame(layout, table)
    table.addFrame(frame)
    place(frame, 104, 54, 183, 145)
    frame.setId("findings_table")


def write_profiles(gpkg_path: str, profile_dir: str, language: str = "en") -> int:
    """An elevation profile drawing (SVG) of the route in each visited region (distance in the region,
    elevation), drawn with Qt from the stored profiles (computed here for a store that has none); the
    layout's picture shows the one of the page's region."""
    import numpy as np
    from qgis.PyQt.QtCore import QPointF, QRect, QRectF, QSize, Qt
    from qgis.PyQt.QtGui import QFont, QPainter, QPainterPath, QPen
    from qgis.PyQt.QtSvg import QSvgGenerator

    rows = visited_regions(gpkg_path)
    stored = stored_profiles(gpkg_path)
    km_word, m_word = tr("km"), tr("m")
    written = 0
    for name, stem in rows:
        drawing = QSvgGenerator()
        drawing.setFileName(os.path.join(profile_dir, f"{stem}{PROFILE_SUFFIX}"))
        drawing.setSize(QSize(*PROFILE_SIZE))
        drawing.setViewBox(QRect(0, 0, *PROFILE_SIZE))
        drawing.setTitle(name)
        painter = QPainter(drawing)
        painter.fillRect(QRect(0, 0, *PROFILE_SIZE), Qt.GlobalColor.white)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont("DejaVu Sans")
        font.setPixelSize(22)
        painter.setFont(font)
        plot = QRectF(110, 20, 730, 400)
        painter.setPen(QPen(Qt.GlobalColor.gray, 1.5))
        painter.drawRect(plot)
        if stored.get(name) is not None and len(stored[name][0]) > 1:
            x, y, visits = stored[name][:3]
            step = max(1, len(x) // 730)  # one point per pixel of the plot is all a drawn line can show
            begins = set(thinned_starts(visits, step, len(x)))
            x, y = x[::step], y[::step]
            low, high = float(np.nanmin(y)), float(np.nanmax(y))
            if high - low < 50:
                low, high = low - 25, high + 25
            span = max(float(x[-1]), 1e-6)
            path = QPainterPath()
            for i, (xi, yi) in enumerate(zip(x, y)):
                point = QPointF(plot.left() + plot.width() * xi / span,
                                plot.bottom() - plot.height() * (yi - low) / (high - low))
                path.moveTo(point) if i == 0 or i in begins else path.lineTo(point)
            painter.setPen(QPen(QColor(ROUTE_COLOUR), 3))
            painter.drawPath(path)
            painter.setPen(Qt.GlobalColor.black)
            left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
            painter.drawText(QRectF(0, plot.top() - 12, 100, 30), right, f"{high:.0f} {m_word}")
            painter.drawText(QRectF(0, plot.bottom() - 20, 100, 30), right, f"{low:.0f} {m_word}")
            painter.drawText(QRectF(plot.left(), plot.bottom() + 10, 200, 40), left, f"0 {km_word}")
            painter.drawText(QRectF(plot.right() - 250, plot.bottom() + 10, 250, 40), right, f"{span:.0f} {km_word}")
        painter.end()
        written += 1
    return written


def write_page_photos(gpkg_path: str, picture_dir: str) -> None:
    """The photos of each visited region's page (those of its most severe findings, as many as the page's
    `n_photos` figure counts) as upright JPEG files from the stored thumbnails."""
    photos = page_photos(gpkg_path, PHOTOS)
    for name, stem in visited_regions(gpkg_path):
        for k, thumbnail in enumerate(photos.get(name, [])):
            with open(os.path.join(picture_dir, f"{stem}_photo{k}.jpg"), "wb") as out:
                out.write(thumbnail)

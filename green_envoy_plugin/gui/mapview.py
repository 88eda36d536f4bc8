"""The map after a step: the expedition's projection, the extent of what was imported."""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsProject, QgsRectangle

from ..i18n import tr
from .settings import SCOPE


def expedition_crs():
    """The projection the atlas draws Kazakhstan in (Lambert conformal conic, 45° and 51°), in which the
    official comparison measures its distances: the country not stretched as in EPSG:4326."""
    from ..atlas.items import map_crs

    return map_crs()


def use_expedition_crs(had_layers: bool, offer) -> bool:
    """On first use, the project takes the expedition's map projection. A project that already had layers (its
    author may have chosen its CRS) is not changed: `offer(question, apply)` lets the user choose (once per
    project). Returns whether the CRS was set."""
    project = QgsProject.instance()
    crs = expedition_crs()
    if project.crs() == crs:
        return False
    asked, ok = project.readBoolEntry(SCOPE, "crs_asked", False)
    if ok and asked:
        return False
    project.writeEntryBool(SCOPE, "crs_asked", True)
    if had_layers:
        offer(tr("The map is in {0}; the expedition's projection (Lambert conformal conic for Kazakhstan, as in "
                 "the atlas) shows the country without stretching.").format(
            project.crs().authid() or project.crs().description()), lambda: project.setCrs(crs))
        return False
    project.setCrs(crs)
    return True


def zoom_to(layers, canvas) -> None:
    target = canvas.mapSettings().destinationCrs()
    extent = QgsRectangle()
    for layer in layers:
        if layer.featureCount() == 0 or layer.extent().isEmpty():
            continue
        box = layer.extent()
        if target.isValid() and layer.crs() != target:
            box = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()).transformBoundingBox(box)
        extent.combineExtentWith(box)
    if not extent.isNull() and not extent.isEmpty():
        extent.scale(1.05)
        canvas.setExtent(extent)

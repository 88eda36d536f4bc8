"""The thin QGIS adapter: QGIS layers in, core objects out; stored tables out as styled QGIS layers."""

from __future__ import annotations

import os

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsProject,
    QgsProviderRegistry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from shapely import wkb as shapely_wkb

from .core.region_names import language_fields
from .core.regions import Region
from .errors import StepError

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


def _wgs84_features(layer: QgsVectorLayer):
    """(feature, WKB in WGS84) of every feature with a geometry; invalid geometries repaired, not dropped."""
    transform = QgsCoordinateTransform(layer.crs(), WGS84, QgsProject.instance())
    for feature in layer.getFeatures():
        geom = feature.geometry()
        if geom.isNull() or geom.isEmpty():
            continue
        if not geom.isGeosValid():
            geom = geom.makeValid()
        geom.transform(transform)
        yield feature, bytes(geom.asWkb())


def regions_from_layer(layer: QgsVectorLayer, name_field: str, code_field: str = "") -> list[tuple[Region, bytes]]:
    """Any polygon layer, in any CRS, as WGS84 regions; invalid polygons are repaired, not dropped."""
    if layer is None or not layer.isValid():
        raise StepError("the regions layer is not valid")
    if QgsWkbTypes.geometryType(layer.wkbType()) != QgsWkbTypes.PolygonGeometry:
        raise StepError(f"{layer.name()}: the regions layer must hold polygons")
    if layer.fields().indexOf(name_field) < 0:
        raise StepError(f"{layer.name()}: no field {name_field!r} for the region names")
    has_code = bool(code_field) and layer.fields().indexOf(code_field) >= 0
    own_names = language_fields(layer.fields().names())
    regions = []
    for feature, raw in _wgs84_features(layer):
        code = str(feature[code_field]) if has_code and feature[code_field] is not None else ""
        names = {language: str(feature[f]) for language, f in own_names.items() if feature[f] not in (None, "")}
        regions.append((Region(str(feature[name_field]), code, shapely_wkb.loads(raw), names), raw))
    return regions


def features_from_layer(layer: QgsVectorLayer, id_field: str = "") -> tuple[list[str], list]:
    """Ids and WGS84 shapely geometries of any QGIS vector layer (invalid geometries repaired)."""
    if layer is None or not layer.isValid():
        raise StepError("the official layer is not valid")
    if id_field and layer.fields().indexOf(id_field) < 0:
        raise StepError(f"{layer.name()}: no field {id_field!r}")
    ids, geoms = [], []
    for feature, raw in _wgs84_features(layer):
        ids.append(str(feature[id_field]) if id_field else str(feature.id()))
        geoms.append(shapely_wkb.loads(raw))
    return ids, geoms


def findings_from_layer(layer: QgsVectorLayer, mapping: dict[str, str] | None = None):
    """Findings from any point layer (any CRS): its attributes mapped to ours, its points as the position.
    Returns (findings, problems, source) for steps.findings.import_findings; problems name the feature id."""
    from .core.findings import parse_rows

    if layer is None or not layer.isValid():
        raise StepError("the findings layer is not valid")
    transform = QgsCoordinateTransform(layer.crs(), WGS84, QgsProject.instance())
    columns = [f.name() for f in layer.fields()] + ["lat", "lon"]
    rows = []
    for feature in layer.getFeatures():
        row = {name: ("" if feature[name] is None or str(feature[name]) == "NULL" else str(feature[name]))
               for name in layer.fields().names()}
        geom = feature.geometry()
        if not geom.isNull() and not geom.isEmpty():
            geom.transform(transform)
            point = geom.centroid().asPoint()
            row["lon"], row["lat"] = repr(point.x()), repr(point.y())
        rows.append((feature.id(), row))
    findings, problems = parse_rows(layer.name(), columns, rows, mapping)
    for problem in problems:
        problem.reason = f"feature {problem.row}: {problem.reason}"
    return findings, problems, layer.name()


def store_layer(gpkg_path: str, table: str, name: str = "") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg_path}|layername={table}", name or table, "ogr")
    if not layer.isValid():
        raise StepError(f"{gpkg_path}: table {table} cannot be opened as a layer")
    return layer



def layer_file(layer: QgsMapLayer) -> str:
    """The file a layer reads (a GeoPackage, a shapefile...), or "" for a database or web layer."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return str(parts.get("path") or "")


def _same_file(a: str, b: str) -> bool:
    return bool(a) and bool(b) and os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def store_layers(gpkg_path: str, project: QgsProject | None = None) -> dict[str, list[QgsMapLayer]]:
    """The project's layers that read the store's tables (whatever the user renamed them to), by table."""
    project = project or QgsProject.instance()
    found: dict[str, list[QgsMapLayer]] = {}
    for layer in project.mapLayers().values():
        if _same_file(layer_file(layer), gpkg_path):
            table = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("layerName")
            found.setdefault(str(table or ""), []).append(layer)
    return found


def is_store_layer(layer: QgsMapLayer | None, gpkg_path: str) -> bool:
    return layer is not None and _same_file(layer_file(layer), gpkg_path)


def add_store_layers(gpkg_path: str, project: QgsProject | None = None, group: str = "Green Envoy",
                     tables: tuple[str, ...] | None = None) -> dict[str, QgsVectorLayer]:
    """The expedition's route, findings and media as styled layers in a group of the project; a table already
    in the project keeps its layer (and the user's style): only the missing ones are added (of `tables`, if
    given). Returns the layers of the store's tables in the project, by table."""
    from .atlas import styles
    from .i18n import tr

    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    present = store_layers(gpkg_path, project)
    node = root.findGroup(tr(group))
    layers, added = {}, []
    for table, style in (("media", styles.style_media), ("findings", styles.style_findings),
                         ("tracks", styles.style_route), ("regions", styles.style_regions_plain),
                         ("code_lists", None)):
        if present.get(table):
            layers[table] = present[table][0]
            continue
        if tables is not None and table not in tables:
            continue
        if node is None:
            node = root.insertGroup(0, tr(group))
        layer = store_layer(gpkg_path, table)
        if style is not None:
            style(layer)
        project.addMapLayer(layer, False)
        node.addLayer(layer)
        layers[table] = layer
        added.append(table)
    if "code_lists" in added:
        node.findLayer(layers["code_lists"].id()).setItemVisibilityChecked(False)
    if "findings" in added:
        from .forms import configure_findings_form

        configure_findings_form(layers["findings"], layers.get("code_lists"), layers.get("regions"))
    return layers


def reload_store_layers(gpkg_path: str, project: QgsProject | None = None) -> list[QgsMapLayer]:
    """Read again the store's layers whose rows a step changed outside QGIS (its own GDAL or SQLite connection):
    the provider reopens the table, the extent is counted again and the layer repainted."""
    reloaded = []
    for layers in store_layers(gpkg_path, project).values():
        for layer in layers:
            if isinstance(layer, QgsVectorLayer):
                layer.reload()  # the provider's reloadData(): the OGR provider reopens the table
                layer.updateExtents()
            else:
                layer.dataProvider().reloadData()
            layer.triggerRepaint()
            reloaded.append(layer)
    return reloaded

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
from .i18n import tr, translatable

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


def official_layer_date(layer: QgsMapLayer) -> tuple[str, str]:
    """An official layer's own date (YYYY-MM-DD) and its source: QGIS's layer metadata (QGIS 3.30 and later:
    published, else revised, else created), else what its file says (steps.official.official_layer_date)."""
    from qgis.core import Qgis

    from .steps import official

    metadata = layer.metadata()
    kinds = getattr(Qgis, "MetadataDateType", None)
    if kinds is not None and hasattr(metadata, "dateTime"):
        for kind in official.METADATA_DATES:
            value = metadata.dateTime(getattr(kinds, kind))
            if value.isValid():
                return value.date().toString("yyyy-MM-dd"), official.DATE_METADATA
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return official.official_layer_date(str(parts.get("path") or ""), str(parts.get("layerName") or ""))


def _same_file(a: str, b: str) -> bool:
    return bool(a) and bool(b) and os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


ROLE = "green_envoy/store_role"  # a second layer of one table (the findings by official comparison class)
SHOWN_NAME = "green_envoy/shown_name"  # the name the plugin gave the layer: renamed by the user when it differs
SOURCE_NAME = "green_envoy/source_name"  # that name's English source, to translate it in another session

# Layer names in the interface language (translatable here, translated when the layer is added or the project
# read again in another language).
NAMES = {"media": translatable("Photos"), "findings": translatable("Findings"), "tracks": translatable("Route"),
         "regions": translatable("Regions"), "code_lists": translatable("Code lists"),
         "official_unreported": translatable("Official records not reported"),
         "findings:comparison": translatable("Findings by official comparison")}


COMPARISON = ("official_unreported", "findings:comparison")  # the layers of compare-official's results


def compared(gpkg_path: str) -> bool:
    """Whether compare-official has run on the store (its layers are worth adding)."""
    from .store.bulk import read_rows

    try:
        return bool(read_rows(gpkg_path, "SELECT 1 FROM findings WHERE official_class IS NOT NULL LIMIT 1"))
    except Exception:
        return False


def store_layers(gpkg_path: str, project: QgsProject | None = None) -> dict[str, list[QgsMapLayer]]:
    """The project's layers that read the store's tables (whatever the user renamed them to), by table (a
    second layer of a table by `table:role`)."""
    project = project or QgsProject.instance()
    found: dict[str, list[QgsMapLayer]] = {}
    for layer in project.mapLayers().values():
        if _same_file(layer_file(layer), gpkg_path):
            table = str(QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
                        .get("layerName") or "")
            role = layer.customProperty(ROLE)
            found.setdefault(f"{table}:{role}" if role else table, []).append(layer)
    return found


def is_store_layer(layer: QgsMapLayer | None, gpkg_path: str) -> bool:
    return layer is not None and _same_file(layer_file(layer), gpkg_path)


def _name(layer: QgsMapLayer, key: str) -> None:
    layer.setName(tr(NAMES[key]))
    layer.setCustomProperty(SHOWN_NAME, layer.name())
    layer.setCustomProperty(SOURCE_NAME, NAMES[key])


def add_store_layers(gpkg_path: str, project: QgsProject | None = None, group: str = "Green Envoy",
                     tables: tuple[str, ...] | None = None) -> dict[str, QgsVectorLayer]:
    """The expedition's route, findings and media as styled layers in a group of the project, named in the
    interface language; a table already in the project keeps its layer (and the user's style): only the
    missing ones are added (of `tables`, if given). The code lists (the form's value lists) are in the project
    but not in the layer tree. Returns the layers of the store's tables in the project, by table."""
    from . import project_styles

    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    present = store_layers(gpkg_path, project)
    node = root.findGroup(tr(group))
    layers, added = {}, []
    for key, style in (("official_unreported", project_styles.style_unreported),
                       ("findings:comparison", project_styles.style_comparison),
                       ("media", project_styles.style_media), ("findings", project_styles.style_findings),
                       ("tracks", project_styles.style_route), ("regions", project_styles.style_regions),
                       ("code_lists", None)):
        table, _, role = key.partition(":")
        if present.get(key):
            layers[key] = present[key][0]
            continue
        if key in COMPARISON and tables is None and not compared(gpkg_path):
            continue  # no comparison yet: its layers would be empty
        if tables is not None and key not in tables:
            continue
        layer = store_layer(gpkg_path, table)
        if role:
            layer.setCustomProperty(ROLE, role)
        if style is not None:
            style(layer)
        _name(layer, key)
        if key == "code_lists":
            # The form's value lists: needed in the project, no use on the map.
            layer.setFlags(layer.flags() | QgsMapLayer.Private)
            project.addMapLayer(layer, False)
        else:
            if node is None:
                node = root.insertGroup(0, tr(group))
            project.addMapLayer(layer, False)
            # Added after the first import (the comparison): above the others, not hidden under the regions.
            node.insertLayer(0, layer) if present else node.addLayer(layer)
        layers[key] = layer
        added.append(key)
    if "findings" in layers and ("findings" in added or "code_lists" in added or "media" in added):
        from .forms import configure_findings_form, findings_map_tip

        if "findings" in added:
            configure_findings_form(layers["findings"], layers.get("code_lists"), layers.get("regions"))
        findings_map_tip(layers["findings"], layers.get("media"))
    return layers


def localize_store_layers(gpkg_path: str, project: QgsProject | None = None) -> None:
    """A project made in another language, read again: the layers the user did not rename take this session's
    names, the legends their labels, the findings form its aliases and value lists."""
    from . import project_styles
    from .forms import configure_findings_form

    present = store_layers(gpkg_path, project)
    for layers in present.values():
        for layer in layers:
            source = layer.customProperty(SOURCE_NAME)
            if source and layer.name() == layer.customProperty(SHOWN_NAME):
                layer.setName(tr(source))
                layer.setCustomProperty(SHOWN_NAME, layer.name())
            project_styles.translate_legend(layer)
    for layer in present.get("findings", []):
        configure_findings_form(layer, (present.get("code_lists") or [None])[0], (present.get("regions") or [None])[0])


def style_regions_source(layer: QgsMapLayer) -> None:
    """The user's boundaries, once assigned, as outlines under the store's labelled regions instead of QGIS's
    random opaque fill that hid the route; once: a style the user gives it afterwards is kept."""
    from . import project_styles

    if isinstance(layer, QgsVectorLayer) and not layer.customProperty("green_envoy/styled_as_boundaries"):
        project_styles.style_boundaries(layer)
        layer.setCustomProperty("green_envoy/styled_as_boundaries", True)
        layer.triggerRepaint()


def style_official_source(layer: QgsMapLayer) -> None:
    """The user's registry, compared with the findings, drawn as registry records (hollow triangles) instead of
    QGIS's random default colour; once: a style the user gives it afterwards is kept."""
    from . import project_styles

    if isinstance(layer, QgsVectorLayer) and not layer.customProperty("green_envoy/styled_as_official"):
        project_styles.style_registry(layer)
        layer.setCustomProperty("green_envoy/styled_as_official", True)
        layer.triggerRepaint()


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

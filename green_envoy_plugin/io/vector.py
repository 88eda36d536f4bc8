"""Vector layers of any format GDAL reads and any CRS, as the domain's objects in WGS84: regions, and the
features of an official layer or a settlements layer. (Inside QGIS, `qgis_layers.py` reads QGIS layers into
the same objects.)"""

from __future__ import annotations

from osgeo import ogr, osr
from shapely import wkb as shapely_wkb

from ..core.region_names import language_fields
from ..core.regions import Region
from ..errors import StepError
from ..store import gpkg


def to_wgs84(layer: ogr.Layer) -> osr.CoordinateTransformation | None:
    """The transformation of an OGR layer's coordinates to WGS84 lon/lat, None when they already are."""
    source_srs = layer.GetSpatialRef()
    if source_srs is None:
        return None
    source_srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    target = osr.SpatialReference()
    target.ImportFromEPSG(4326)
    target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return None if source_srs.IsSame(target) else osr.CoordinateTransformation(source_srs, target)


def load_regions(path: str, name_field: str = "ADM1_EN", code_field: str = "ADM1_PCODE", layer_name: str = ""
                 ) -> list[tuple[Region, bytes]]:
    """Regions of any polygon layer GDAL reads, reprojected to WGS84, with their geometry as WKB."""
    with gpkg.ogr_exceptions():
        ds = gpkg.open_dataset(path, "the regions layer")
        layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
        if layer is None:
            raise gpkg.StoreError(f"{path}: no layer {layer_name or 'at all'} for the regions")
        defn = layer.GetLayerDefn()
        if defn.GetFieldIndex(name_field) < 0:
            raise gpkg.StoreError(f"{path}: the regions layer has no field {name_field!r}")
        transform = to_wgs84(layer)
        own_names = language_fields([defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())])
        regions = []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None:
                continue
            geom = geom.Clone()
            if transform is not None:
                geom.Transform(transform)
            raw = bytes(geom.ExportToWkb())
            code = feature.GetField(code_field) if defn.GetFieldIndex(code_field) >= 0 else ""
            names = {language: str(feature.GetField(f)) for language, f in own_names.items() if feature.GetField(f)}
            regions.append((Region(str(feature.GetField(name_field)), str(code or ""), shapely_wkb.loads(raw),
                                   names), raw))
    return regions


def load_features(path: str, id_field: str = "", layer_name: str = "") -> tuple[list[str], list]:
    """Ids and WGS84 shapely geometries of any vector layer GDAL reads (invalid geometries repaired)."""
    from shapely.validation import make_valid

    with gpkg.ogr_exceptions():
        ds = gpkg.open_dataset(path, "an official layer")
        layer = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
        if layer is None:
            raise StepError(f"{path}: no layer {layer_name!r}")
        if id_field and layer.GetLayerDefn().GetFieldIndex(id_field) < 0:
            raise StepError(f"{path}: the official layer has no field {id_field!r}")
        transform = to_wgs84(layer)
        ids, geoms = [], []
        for feature in layer:
            geom = feature.GetGeometryRef()
            if geom is None or geom.IsEmpty():
                continue
            geom = geom.Clone()
            if transform is not None:
                geom.Transform(transform)
            shape = shapely_wkb.loads(bytes(geom.ExportToWkb()))
            if not shape.is_valid:
                shape = make_valid(shape)
            ids.append(str(feature.GetField(id_field)) if id_field else str(feature.GetFID()))
            geoms.append(shape)
    return ids, geoms

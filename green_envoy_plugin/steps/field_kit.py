"""field-kit, its part without QGIS: the kit folder a phone opens offline, in the layout QField and Mergin Maps
expect (the project beside its GeoPackage, photos in DCIM/), and the XLSForm of the same form for ODK Collect and
KoboToolbox. The QGIS project itself (form widgets, styles, translations) is written by app/field_kit.py.

The kit's GeoPackage holds the findings layer (empty, the form's fields only: nothing a phone cannot fill) and
the read-only context: the route generalised to about 100 m, the regions, the settlements and the official
layer, limited to the chosen regions' extent; a basemap the user passes (MBTiles, GeoTIFF, GeoPackage raster) is
copied beside it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from io import BytesIO

from ..core.field_form import FIELDS, KIT_TABLE, PHOTO_FOLDER, choice_lists, xlsform_sheets
from ..errors import StepError
from ..io.files import atomic_output
from ..store import access, gpkg

KIT_GPKG = "green_envoy_field.gpkg"
XLSFORM = "findings_form.xlsx"
ROUTE_TOLERANCE_DEG = 0.001  # about 100 m: the route as a guide on a phone, not 4 months of fixes
BASEMAPS = (".mbtiles", ".tif", ".tiff", ".gpkg", ".vrt", ".jpg", ".png")


@dataclass
class KitFiles:
    folder: str
    gpkg: str
    xlsform: str
    basemap: str = ""
    layers: dict[str, int] = field(default_factory=dict)  # kit table -> features
    official_label: str = ""


def _ogr_type(kind: str) -> int:
    from osgeo import ogr

    return {"string": ogr.OFTString, "integer": ogr.OFTInteger, "datetime": ogr.OFTDateTime}[kind]


def _extent_filter(regions: list[str], store: object) -> tuple[str, tuple[float, float, float, float] | None]:
    """The SQL filter of the chosen regions and their envelope (with a 0.2-degree margin), or no filter."""
    if not regions:
        return "", None
    layer = store.GetLayerByName("regions")  # type: ignore[attr-defined]
    quoted = ", ".join("'" + r.replace("'", "''") + "'" for r in regions)
    layer.SetAttributeFilter(f"name IN ({quoted})")
    bounds = [feature.GetGeometryRef().GetEnvelope() for feature in layer if feature.GetGeometryRef() is not None]
    layer.SetAttributeFilter(None)
    found = {f.GetField("name") for f in layer}
    unknown = [r for r in regions if r not in found]
    if unknown:
        raise StepError(f"no region named {', '.join(unknown)} in the store (assign-regions names them)")
    margin = 0.2
    return f"name IN ({quoted})", (min(b[0] for b in bounds) - margin, max(b[1] for b in bounds) + margin,
                                   min(b[2] for b in bounds) - margin, max(b[3] for b in bounds) + margin)


def _copy_layer(source: object, target: object, name: str, where: str = "",
                envelope: tuple[float, float, float, float] | None = None, simplify: float = 0.0,
                fields: tuple[str, ...] | None = None) -> int:
    """A layer into the kit in WGS84: filtered, clipped to the envelope's features, generalised if asked."""
    from osgeo import ogr

    from ..io.vector import to_wgs84

    source_layer = source  # an ogr.Layer
    transform = to_wgs84(source_layer)
    if where:
        source_layer.SetAttributeFilter(where)  # type: ignore[attr-defined]
    defn = source_layer.GetLayerDefn()  # type: ignore[attr-defined]
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    keep = [n for n in names if fields is None or n in fields]
    geom_type = ogr.GT_Flatten(source_layer.GetGeomType())  # type: ignore[attr-defined]
    out = target.CreateLayer(name, gpkg._wgs84(), geom_type, ["FID=fid", "GEOMETRY_NAME=geom"])  # type: ignore
    for n in keep:
        out.CreateField(defn.GetFieldDefn(names.index(n)))
    count = 0
    for feature in source_layer:  # type: ignore[attr-defined]
        geom = feature.GetGeometryRef()
        if geom is None or geom.IsEmpty():
            continue
        geom = geom.Clone()
        geom.FlattenTo2D()
        if transform is not None:
            geom.Transform(transform)
        if envelope is not None:
            x0, x1, y0, y1 = geom.GetEnvelope()
            if x1 < envelope[0] or x0 > envelope[1] or y1 < envelope[2] or y0 > envelope[3]:
                continue
        if simplify:
            geom = geom.SimplifyPreserveTopology(simplify)
        row = ogr.Feature(out.GetLayerDefn())
        for n in keep:
            row.SetField(n, feature.GetField(n))
        row.SetGeometry(geom)
        out.CreateFeature(row)
        count += 1
    if where:
        source_layer.SetAttributeFilter(None)  # type: ignore[attr-defined]
    return count


def _findings_layer(target: object, labels: dict[str, str]) -> None:
    from osgeo import ogr

    layer = target.CreateLayer(KIT_TABLE, gpkg._wgs84(), ogr.wkbPoint, ["FID=fid", "GEOMETRY_NAME=geom"])  # type: ignore
    for form_field in FIELDS:
        layer.CreateField(ogr.FieldDefn(form_field.name, _ogr_type(form_field.kind)))
    lists = target.CreateLayer("code_lists", None, ogr.wkbNone, ["FID=fid"])  # type: ignore[attr-defined]
    for name in ("list", "key", "label"):
        lists.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for list_name, codes in choice_lists().items():
        for key, label in codes.items():
            row = ogr.Feature(lists.GetLayerDefn())
            row.SetField("list", list_name)
            row.SetField("key", key)
            row.SetField("label", labels.get(label, label))  # the kit's language: a value list shows it as is
            lists.CreateFeature(row)


def write_xlsform(path: str, labels: dict[str, dict[str, str]]) -> str:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in xlsform_sheets(labels).items():
        sheet = book.create_sheet(title=name)
        for row in rows:
            sheet.append(row)
    content = BytesIO()
    book.save(content)
    with atomic_output(path) as temporary, open(temporary, "wb") as handle:
        handle.write(content.getbuffer())
    return path


def prepare_kit(gpkg_path: str, out_dir: str, regions: list[str] | None = None, settlements: str = "",
                official: str = "", official_label: str = "", basemap: str = "",
                labels: dict[str, dict[str, str]] | None = None, language: str = "en") -> KitFiles:
    """The kit's GeoPackage, DCIM/, basemap and XLSForm in `out_dir` (made anew: a kit is a copy, never edited
    in place). `labels` are the form's translations per language (see core.field_form.xlsform_sheets)."""
    from osgeo import ogr

    access.check_store(gpkg_path)
    if basemap and (not os.path.isfile(basemap) or not basemap.lower().endswith(BASEMAPS)):
        raise StepError(f"{basemap}: not a basemap file ({', '.join(BASEMAPS)})")
    kit_gpkg = os.path.join(out_dir, KIT_GPKG)
    if os.path.exists(kit_gpkg):
        raise StepError(f"{out_dir}: already holds a field kit; give an empty folder (a kit in use holds captures)")
    files = KitFiles(out_dir, kit_gpkg, os.path.join(out_dir, XLSFORM))
    with gpkg.ogr_exceptions():
        store = gpkg.open_dataset(gpkg_path, "an expedition GeoPackage")
        where, envelope = _extent_filter(regions or [], store)  # an unknown region: refused before any folder
        os.makedirs(os.path.join(out_dir, PHOTO_FOLDER), exist_ok=True)
        partial = os.path.join(out_dir, ".partial-" + KIT_GPKG)
        target = ogr.GetDriverByName("GPKG").CreateDataSource(partial)
        try:
            _findings_layer(target, (labels or {}).get(language, {}))
            files.layers[KIT_TABLE] = 0
            files.layers["route"] = _copy_layer(store.GetLayerByName("route_overview"), target, "route",
                                                envelope=envelope, simplify=ROUTE_TOLERANCE_DEG,
                                                fields=("day", "day_index"))
            files.layers["regions"] = _copy_layer(store.GetLayerByName("regions"), target, "regions", where,
                                                  fields=("name", "name_ru", "name_kk", "visited"))
            for path, name in ((settlements, "settlements"), (official, "official")):
                if not path:
                    continue
                source = gpkg.open_dataset(path, f"the {name} layer")
                files.layers[name] = _copy_layer(source.GetLayer(0), target, name, envelope=envelope)
            target = None
            os.replace(partial, kit_gpkg)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    files.official_label = official_label or (os.path.basename(official) if official else "")
    if basemap:
        files.basemap = os.path.join(out_dir, "basemap" + os.path.splitext(basemap)[1].lower())
        shutil.copyfile(basemap, files.basemap)
    write_xlsform(files.xlsform, labels or {})
    return files

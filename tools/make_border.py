"""The `national_border` layer of sample_data/kz_context.gpkg: Kazakhstan's land border, drawn by the atlas as a state
border (a dash-dot line on a pale band).

The union of the oblasts (sample_data/kz_admin1.gpkg, OCHA COD-AB) is not a clean outline: its polygons leave 146
gaps between them inside the country (one, at the Karaganda/Akmola/Pavlodar junction, ~100 km round) and 31 slivers
along the coasts, and their boundaries drawn as a state border put "border" lines inside the country. The border is
the outer ring of the country's main polygon alone (notches narrower than ~1 km between two oblasts closed first),
without the Caspian shore (a coast is not a border).

    python tools/make_border.py            # replaces the layer national_border of sample_data/kz_context.gpkg
"""

from __future__ import annotations

import argparse
import os

from osgeo import ogr, osr
from shapely import geometry, wkb
from shapely.ops import linemerge, transform, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LAYER = "national_border"
BORDER_TOLERANCE = 0.001  # degrees (~100 m), as the atlas simplifies the oblast borders of region pages
CLOSE = 0.005  # degrees: notches between two oblasts narrower than ~1 km closed before the outline is taken
SHORE = 0.3  # degrees (~30 km): the outline this near the Caspian is its shore, unless a neighbour is near
NEIGHBOUR = 0.03  # degrees (~3 km): how far Natural Earth's neighbours and OCHA's outline part at most
NAMES = ("Kazakhstan", "Казахстан", "Қазақстан")


def kazakhstan(admin1: str = os.path.join(ROOT, "sample_data", "kz_admin1.gpkg")):
    """The union of the oblasts, in 2D."""
    source = ogr.Open(admin1)
    layer = source.GetLayer(0)
    shapes = [wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in layer]
    return transform(lambda x, y, z=None: (x, y), unary_union(shapes).buffer(0))


def state_border(country, caspian, neighbours) -> geometry.MultiLineString:
    """The land border: the outer ring of the country's main polygon, less its shore: the outline within 30 km of
    the Caspian (its bays and lagoons too) unless a neighbour is within 3 km of it (Natural Earth's neighbours
    and OCHA's outline part by up to a few km), and any piece then left that meets no neighbour; simplified."""
    closed = country.buffer(CLOSE, join_style=2).buffer(-CLOSE, join_style=2)
    main = max(getattr(closed, "geoms", [closed]), key=lambda part: part.area)
    ring = geometry.LineString(main.exterior.coords)
    near = neighbours.buffer(NEIGHBOUR)
    land = ring.difference(caspian.buffer(SHORE).difference(near)) if caspian is not None else ring
    parts = [part for part in getattr(land, "geoms", [land]) if part.geom_type == "LineString"
             and part.intersects(near)]
    merged = linemerge(parts)
    return geometry.MultiLineString([part.simplify(BORDER_TOLERANCE) for part in getattr(merged, "geoms", [merged])])


def neighbours_of(context: str):
    """The neighbouring countries of the context GeoPackage (outside Kazakhstan, as tools/make_context.py cut them)."""
    source = ogr.Open(context)
    return unary_union([wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in source.GetLayerByName("countries")])


def caspian_of(context: str):
    """The Caspian of the context GeoPackage's waters layer (tools/make_context.py put it there)."""
    source = ogr.Open(context)
    layer = source.GetLayerByName("waters")
    for feature in layer:
        if feature.GetField("name_en") == "Caspian Sea":
            return wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))
    return None


def write(out: str, border: geometry.MultiLineString) -> None:
    """Replaces the layer national_border of the GeoPackage `out` (its other layers stay as they are)."""
    target = ogr.Open(out, 1)
    if target.GetLayerByName(LAYER) is not None:
        target.DeleteLayer(LAYER)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = target.CreateLayer(LAYER, srs, ogr.wkbMultiLineString, ["FID=fid", "GEOMETRY_NAME=geom"])
    for field in ("name_en", "name_ru", "name_kk"):
        layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    for field, value in zip(("name_en", "name_ru", "name_kk"), NAMES, strict=True):
        feature.SetField(field, value)
    feature.SetGeometry(ogr.ForceToMultiLineString(ogr.CreateGeometryFromWkb(border.wkb)))
    layer.CreateFeature(feature)
    target.ExecuteSQL("VACUUM")
    target = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=os.path.join(ROOT, "sample_data", "kz_context.gpkg"))
    args = parser.parse_args()
    border = state_border(kazakhstan(), caspian_of(args.out), neighbours_of(args.out))
    write(args.out, border)
    print(f"{LAYER}: {len(border.geoms)} line(s), {sum(len(g.coords) for g in border.geoms)} vertices, "
          f"{border.length * 111.3 * 0.68:,.0f} km (about)")


if __name__ == "__main__":
    main()

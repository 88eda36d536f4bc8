"""sample_data/kz_districts.gpkg: the 224 districts (rayons and cities of oblast significance) of 2024 from geokz
(../shared/data/kazakhstan_admin_geokz.gpkg, layer districts_2024, CC BY 4.0), simplified for the sample.

    python tools/make_districts.py ../shared/data/kazakhstan_admin_geokz.gpkg sample_data/kz_districts.gpkg

Simplified by 0.002 deg (~200 m, topology kept per polygon): the districts count findings and km, where a
boundary 200 m off moves nothing the sample's findings (documented at its stops) show. The names as a page
prints them (core/region_names.district_names): name (English), name_ru, name_kk; code = ADM2_PCODE, oblast =
ADM1_EN, kato = KATO.
"""

import os
import sys

from osgeo import ogr, osr

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from green_envoy_plugin.core.region_names import district_names

ogr.UseExceptions()
TOLERANCE_DEG = 0.002


def main(src: str, dst: str) -> None:
    source = ogr.Open(src)  # held: the layer lives only as long as its dataset
    layer = source.GetLayerByName("districts_2024")
    if os.path.exists(dst):
        os.remove(dst)
    out = ogr.GetDriverByName("GPKG").CreateDataSource(dst)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    target = out.CreateLayer("kz_districts", srs, ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name in ("name", "name_ru", "name_kk", "code", "oblast", "kato"):
        target.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    out.StartTransaction()
    for feature in layer:
        geom = feature.GetGeometryRef().Clone().SimplifyPreserveTopology(TOLERANCE_DEG)
        if not geom.IsValid():
            geom = geom.MakeValid()
        geom = ogr.ForceToMultiPolygon(geom)
        en, ru, kk = district_names(feature.GetField("ADM2_EN"), feature.GetField("ADM2_RU"),
                                    feature.GetField("ADM2_KK"), feature.GetField("KATO"))
        row = ogr.Feature(target.GetLayerDefn())
        for field, value in (("name", en), ("name_ru", ru), ("name_kk", kk), ("code", feature.GetField("ADM2_PCODE")),
                             ("oblast", feature.GetField("ADM1_EN")), ("kato", feature.GetField("KATO"))):
            row.SetField(field, value)
        row.SetGeometry(geom)
        target.CreateFeature(row)
    out.CommitTransaction()
    out = None


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

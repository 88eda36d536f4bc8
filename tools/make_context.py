"""sample_data/kz_context.gpkg: the map context of the atlas pages (neighbouring countries, the national border,
lakes and seas, main rivers, towns), clipped to Kazakhstan and its neighbours.

Sources (see sample_data/README.md): Natural Earth 4.0 (public domain) 1:50 m countries, 1:10 m lakes, rivers and
populated places, as GeoJSON from github.com/martynafford/natural-earth-geojson (its 7z archives unpacked into
--natural-earth); the 21 regional centres of geokz (CC BY 4.0, ../shared/data/kazakhstan_admin_geokz.gpkg) for
the official Kazakh and Russian names; the expedition's stops (sample_data/settlements.gpkg) so that every town
the findings table names is on the map. The national border is the outline of sample_data/kz_admin1.gpkg, the
boundaries the atlas draws, so that it meets the oblast borders exactly.

    python tools/make_context.py --natural-earth /tmp/ne --geokz ../shared/data/kazakhstan_admin_geokz.gpkg \
        --roads-tiles /tmp/netiles/tiles

Main roads (layer `roads`) come from Natural Earth's vector tiles: see tools/make_roads.py, which also replaces that
layer alone in an existing GeoPackage.
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from osgeo import ogr, osr
from shapely import geometry, wkb
from shapely.ops import unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
from green_envoy_plugin.core.places import SETTLEMENTS  # noqa: E402  (the table's names of the stops)

BOX = geometry.box(44.0, 37.0, 92.0, 57.5)  # Kazakhstan and a page margin of its neighbours
TOLERANCE = 0.003  # degrees (~300 m): below a printed pixel at the region pages' scales

COUNTRIES = {  # English: (Russian, Kazakh)
    "Russia": ("Россия", "Ресей"), "China": ("Китай", "Қытай"), "Kyrgyzstan": ("Кыргызстан", "Қырғызстан"),
    "Uzbekistan": ("Узбекистан", "Өзбекстан"), "Turkmenistan": ("Туркменистан", "Түрікменстан"),
    "Mongolia": ("Монголия", "Моңғолия"), "Tajikistan": ("Таджикистан", "Тәжікстан"),
    "Azerbaijan": ("Азербайджан", "Әзірбайжан"), "Iran": ("Иран", "Иран"),
    "Afghanistan": ("Афганистан", "Ауғанстан"), "Georgia": ("Грузия", "Грузия"),
    "Armenia": ("Армения", "Армения"), "Iraq": ("Ирак", "Ирак"), "Pakistan": ("Пакистан", "Пәкістан"),
    "Turkey": ("Турция", "Түркия"),
}
WATERS = {  # Natural Earth name: (English, Russian, Kazakh)
    "Lake Balkhash": ("Lake Balkhash", "оз. Балхаш", "Балқаш көлі"),
    "Aral Sea": ("Aral Sea", "Аральское море", "Арал теңізі"),
    "Lake Zaysan": ("Lake Zaysan", "оз. Зайсан", "Зайсан көлі"),
    "Alakol": ("Lake Alakol", "оз. Алаколь", "Алакөл"),
    "Tengiz Köli": ("Lake Tengiz", "оз. Тенгиз", "Теңіз көлі"),
    "Kapchagay Reservoir": ("Kapshagay Reservoir", "Капшагайское вдхр.", "Қапшағай су қоймасы"),
    "Caspian Sea": ("Caspian Sea", "Каспийское море", "Каспий теңізі"),
}
RIVERS = {
    "Irtysh": ("Irtysh", "Иртыш", "Ертіс"), "Ertis": ("Irtysh", "Иртыш", "Ертіс"),
    "Ertix": ("Irtysh", "Иртыш", "Ертіс"), "Ishim": ("Ishim", "Ишим", "Есіл"), "Esil": ("Ishim", "Ишим", "Есіл"),
    "Ural": ("Ural", "Урал", "Жайық"), "Syr  Darya": ("Syr Darya", "Сырдарья", "Сырдария"),
    "Ile": ("Ili", "Или", "Іле"), "Tobol": ("Tobol", "Тобол", "Тобыл"), "Volga": ("Volga", "Волга", "Еділ"),
    "Amu  Darya": ("Amu Darya", "Амударья", "Әмудария"), "Ob": ("Ob", "Обь", "Обь"),
    "Naryn": ("Naryn", "Нарын", "Нарын"), "Aksu": ("Aksu", "Аксу", "Ақсу"),
}
RENAMED = {  # geokz 2022 names since changed or misspelt in Kazakh: (English, Russian, Kazakh)
    "Nur-Sultan": ("Astana", "Астана", "Астана"), "Aktau": ("Aktau", "Актау", "Ақтау"),
    "Zhezkazgan": ("Zhezkazgan", "Жезказган", "Жезқазған"),
}
# Kazakh names of the other towns where Natural Earth has only the Russian one (Kazakh exonyms for the cities abroad);
# a town renamed since: (English, Russian, Kazakh).
KAZAKH_TOWNS = {
    "Zharkent": "Жаркент", "Esik": "Есік", "Aksay": "Ақсай", "Sarkand": "Сарқан", "Karatau": "Қаратау",
    "Arkalyk": "Арқалық", "Balkhash": "Балқаш", "Kulsary": "Құлсары", "Shu": "Шу", "Tashkent": "Ташкент",
    "Bishkek": "Бішкек", "Ürümqi": "Үрімжі", "Omsk": "Омбы", "Orenburg": "Орынбор", "Novosibirsk": "Новосібір",
    "Samarkand": "Самарқанд", "Andijan": "Әндіжан", "Fergana": "Ферғана", "Kashgar": "Қашқар",
    "Yining City": "Құлжа", "Astrakhan": "Астрахан", "Chelyabinsk": "Челябі", "Barnaul": "Барнауыл",
    "Tyumen": "Түмен", "Khujand": "Хұжанд",
}
TOWNS_RENAMED = {"Zyryanovsk": ("Altai", "Алтай", "Алтай"), "Yining City": ("Yining", "Кульджа", "Құлжа")}
NAME_FIELDS = (("name_en", ogr.OFTString), ("name_ru", ogr.OFTString), ("name_kk", ogr.OFTString))


def _features(path: str):
    with open(path, encoding="utf-8") as handle:
        for feature in json.load(handle)["features"]:
            if feature["geometry"]:
                yield feature["properties"], geometry.shape(feature["geometry"])


def _ogr_layers(path: str, name: str):
    source = ogr.Open(path)
    for feature in source.GetLayerByName(name):
        yield feature, wkb.loads(bytes(feature.GetGeometryRef().ExportToWkb()))


def build(natural_earth: str, geokz: str, out: str) -> dict[str, int]:
    kazakhstan = unary_union([shape for _f, shape in _ogr_layers(os.path.join(ROOT, "sample_data", "kz_admin1.gpkg"),
                                                                  "kz_admin1")]).buffer(0)
    layers: dict[str, list] = {name: [] for name in ("countries", "national_border", "waters", "rivers", "towns")}
    land = []
    for props, shape in _features(os.path.join(natural_earth, "ne_50m_admin_0_countries.json")):
        land.append(shape)
        if props["ADM0_A3"] == "KAZ" or not shape.intersects(BOX):
            continue
        clipped = shape.intersection(BOX).difference(kazakhstan).simplify(TOLERANCE)
        name = props["NAME_EN"] if props.get("NAME_EN") else props["NAME"]
        ru, kk = COUNTRIES.get(name, (name, name))
        if not clipped.is_empty:
            layers["countries"].append(((name, ru, kk), clipped))
    # Natural Earth keeps the Caspian as sea (not land, not lake): the water between the countries' shores.
    caspian = geometry.box(46.0, 36.5, 55.5, 47.5).difference(unary_union([*land, kazakhstan]))
    caspian = max(getattr(caspian, "geoms", [caspian]), key=lambda part: part.area).simplify(TOLERANCE)
    layers["waters"].append((WATERS["Caspian Sea"], caspian))
    # The land border alone (tools/make_border.py: not the gaps between the oblasts, not the Caspian shore),
    # simplified as the atlas simplifies the oblast borders of region pages, so that the two lines run together.
    import make_border  # here: it takes ROOT from this module's folder as well

    neighbours = unary_union([shape for _names, shape in layers["countries"]])
    layers["national_border"].append((make_border.NAMES, make_border.state_border(kazakhstan, caspian, neighbours)))
    for props, shape in _features(os.path.join(natural_earth, "ne_10m_lakes.json")):
        if shape.intersects(BOX) and (props["scalerank"] <= 7 or props["name"] in WATERS):
            names = WATERS.get(props["name"], ("", "", ""))  # only the named waters of WATERS are labelled
            layers["waters"].append((names, shape.intersection(BOX).simplify(TOLERANCE)))
    for props, shape in _features(os.path.join(natural_earth, "ne_10m_rivers_lake_centerlines.json")):
        if shape.intersects(BOX) and props["name"] in RIVERS:
            layers["rivers"].append((RIVERS[props["name"]], shape.intersection(BOX).simplify(TOLERANCE)))
    towns = []  # (names, rank, point): 1 capital, 2 regional centre, 3 expedition stop, 4 other town
    stops = list(_ogr_layers(os.path.join(ROOT, "sample_data", "settlements.gpkg"), "settlements"))
    for feature, shape in _ogr_layers(geokz, "regional_centres_2022"):
        names = RENAMED.get(feature["NAME_EN"], (feature["NAME_EN"], feature["NAME_RU"], feature["NAME_KK"]))
        # The English name the findings table uses (the stop's: Oral, not Uralsk), where a stop is this town.
        english = next((stop["name"] for stop, point in stops if point.distance(shape) <= 0.1), names[0])
        # The names the findings table gives the stop (core.places), so that map and table agree.
        ru, kk = SETTLEMENTS.get(english, names[1:])
        towns.append(((english, ru, kk), 1 if names[0] == "Astana" else 2, shape))
    for feature, shape in stops:
        if all(shape.distance(point) > 0.1 and names[0] != feature["name"] for names, _r, point in towns):
            ru, kk = SETTLEMENTS.get(feature["name"], (feature["name"], feature["name"]))
            towns.append(((feature["name"], ru, kk), 3, shape))
    for props, shape in _features(os.path.join(natural_earth, "ne_10m_populated_places.json")):
        inside = props["ADM0_A3"] == "KAZ" and props["POP_MAX"] >= 30_000
        abroad = props["ADM0_A3"] != "KAZ" and props["POP_MAX"] >= 400_000 and shape.within(BOX)
        # A town already in (a centre or a stop under another spelling) is within a few kilometres.
        known = all(shape.distance(point) > 0.15 and names[0] != props["NAME_EN"] for names, _r, point in towns)
        if (inside or abroad) and known:
            english = props["NAME_EN"] or props["NAME"]
            russian = props["NAME_RU"] or english
            names = TOWNS_RENAMED.get(english, (english, russian, KAZAKH_TOWNS.get(english, russian)))
            towns.append((names, 4, shape))
    layers["towns"] = [(names, point, rank) for names, rank, point in towns]
    layers["country_labels"] = _label_points(layers["countries"], kazakhstan, 7.0)
    layers["water_labels"] = [(names, shape.representative_point() if names[0] != "Caspian Sea"
                               else geometry.Point(50.6, 42.6)) for names, shape in layers["waters"] if names[0]]
    _write(out, layers)
    return {name: len(rows) for name, rows in layers.items()}


def _label_points(countries: list, kazakhstan, spacing: float) -> list:
    """Where each neighbour's name goes: points `spacing` degrees apart inside it, 1 to 5 degrees from Kazakhstan,
    so that a region page along any border finds one (a label point is cheap to place on every page; the centre of
    a polygon's visible part is not)."""
    near = kazakhstan.buffer(5.0).difference(kazakhstan.buffer(1.0))
    points = []
    for names, shape in countries:
        inner = shape.buffer(-0.6).intersection(near)
        if inner.is_empty:
            inner = shape.buffer(-0.2)
        if inner.is_empty:
            continue
        minx, miny, maxx, maxy = inner.bounds
        placed = []
        x = minx + spacing / 4
        while x < maxx:
            # The middle of the longest stretch of the country on this meridian.
            cut = inner.intersection(geometry.LineString([(x, miny - 1), (x, maxy + 1)]))
            parts = [part for part in getattr(cut, "geoms", [cut]) if part.length > 0.8]
            if parts:
                placed.append(max(parts, key=lambda part: part.length).interpolate(0.5, normalized=True))
            x += spacing
        if not placed:
            placed.append(inner.representative_point())
        points.extend((names, point) for point in placed)
    return points


def _write(out: str, layers: dict[str, list]) -> None:
    if os.path.exists(out):
        os.remove(out)
    driver = ogr.GetDriverByName("GPKG")
    target = driver.CreateDataSource(out)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    kinds = {"countries": ogr.wkbMultiPolygon, "national_border": ogr.wkbMultiLineString,
             "waters": ogr.wkbMultiPolygon, "rivers": ogr.wkbMultiLineString, "towns": ogr.wkbPoint,
             "country_labels": ogr.wkbPoint, "water_labels": ogr.wkbPoint}
    for name, rows in layers.items():
        layer = target.CreateLayer(name, srs, kinds[name], ["FID=fid", "GEOMETRY_NAME=geom"])
        for field, kind in NAME_FIELDS:
            layer.CreateField(ogr.FieldDefn(field, kind))
        if name == "towns":
            layer.CreateField(ogr.FieldDefn("rank", ogr.OFTInteger))
        layer.StartTransaction()
        for row in rows:
            names, shape = row[0], row[1]
            feature = ogr.Feature(layer.GetLayerDefn())
            for (field, _kind), value in zip(NAME_FIELDS, names):
                feature.SetField(field, value)
            if name == "towns":
                feature.SetField("rank", row[2])
            shape_geometry = ogr.CreateGeometryFromWkb(shape.wkb)
            if kinds[name] != ogr.wkbPoint:
                shape_geometry = ogr.ForceTo(shape_geometry, kinds[name])
            feature.SetGeometry(shape_geometry)
            layer.CreateFeature(feature)
        layer.CommitTransaction()
    target = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--natural-earth", required=True, help="folder of the unpacked Natural Earth GeoJSON files")
    parser.add_argument("--geokz", default=os.path.join(ROOT, "..", "shared", "data", "kazakhstan_admin_geokz.gpkg"))
    parser.add_argument("--out", default=os.path.join(ROOT, "sample_data", "kz_context.gpkg"))
    parser.add_argument("--roads-tiles", help="Natural Earth vector tiles for the layer roads (tools/make_roads.py); "
                                              "without it the GeoPackage is written without roads")
    args = parser.parse_args()
    print(build(args.natural_earth, args.geokz, args.out))
    if args.roads_tiles:
        import make_roads  # here: make_roads takes BOX from this module

        make_roads.build(args.roads_tiles, args.out)


if __name__ == "__main__":
    main()

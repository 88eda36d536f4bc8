"""The `roads` layer of sample_data/kz_context.gpkg: the main roads of Kazakhstan and the page margin of its
neighbours, for the atlas's region pages.

Source: Natural Earth 1:10 m roads (ne_10m_roads, **public domain**) as cut into vector tiles by
github.com/lukasmartinelli/naturalearthtiles (release v1.0, after klokantech/naturalearthtiles), unpacked to
{z}/{x}/{y}.pbf in the public repository github.com/mapion/natural-earth-tiles (commit 3a31baa, folder tiles/).
Natural Earth's own roads file is out of reach here (a 48 MB GeoJSON, in a 745 MB repository); its zoom-7 tiles
hold the same lines, quantised to 1/4096 of a tile (~76 m along the equator, ~50 m at 48 N) and with the
attributes featureclass, type and scalerank (no names or route numbers).

Kept: what Natural Earth ranks 1:10 m roads in this part of the world by -- type "Major Highway", "Secondary
Highway", "Road", and "Unknown" of scalerank <= 6. Its types here follow the country sources, not importance (the
Almaty-Bishkek road is a "Major Highway", Astana-Karaganda a "Road", Astana-Kokshetau-Petropavl and
Almaty-Taldykorgan-Ayagoz "Unknown" of scalerank 5 and 6): scalerank <= 6 is the network of roads of national
significance; "Unknown" of scalerank 7 (local roads), "Track" and ferries are left out, counted. Tile pieces are
joined back into lines, simplified by 0.001 deg (~100 m), clipped to the context box of tools/make_context.py and
to 2.5 deg around the state border, and split at that border (field `abroad`: 0 inside Kazakhstan, 1 outside, for
a muted style). Fields: `type`,
`scalerank` (Natural Earth's), `abroad`.

    git -C /work/.mirror/mapion+natural-earth-tiles/repo archive HEAD tiles | tar -x -C /tmp/netiles
    python tools/make_roads.py --tiles /tmp/netiles/tiles            # replaces only the layer `roads`
"""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
from collections import Counter

from osgeo import gdal, ogr, osr
from shapely import geometry, wkb
from shapely.ops import linemerge, transform, unary_union

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))
from make_context import BOX  # noqa: E402  (the context's own box, so that all its layers end together)

gdal.UseExceptions()
ZOOM = 7  # the tiles' deepest level: Natural Earth's roads at full detail
TOLERANCE = 0.001  # degrees (~100 m): below a printed line's width at the region pages' scales
JOIN = 0.0005  # degrees (~50 m): ends of pieces of one road in two tiles lie closer than this
MAIN = {"Major Highway": 9, "Secondary Highway": 9, "Road": 6, "Unknown": 6}  # type: highest scalerank kept
# Abroad, the roads within 2.5 deg (~200-280 km) of the border: as far as a region page's frame reaches past it.
MARGIN = 2.5
LAYER = "roads"
EARTH = 6378137.0


def _tile_range(box: geometry.Polygon, zoom: int) -> tuple[range, range]:
    minx, miny, maxx, maxy = box.bounds
    n = 2 ** zoom

    def row(lat: float) -> int:
        lat_r = math.radians(lat)
        return int((1 - math.log(math.tan(lat_r) + 1 / math.cos(lat_r)) / math.pi) / 2 * n)

    return (range(int((minx + 180) / 360 * n), int((maxx + 180) / 360 * n) + 1),
            range(row(maxy), row(miny) + 1))


def _to_degrees(x: float, y: float) -> tuple[float, float]:
    return math.degrees(x / EARTH), math.degrees(2 * math.atan(math.exp(y / EARTH)) - math.pi / 2)


def read_tiles(tiles: str, box: geometry.Polygon = BOX, zoom: int = ZOOM) -> tuple[dict[tuple, list], Counter]:
    """The road pieces of every tile over `box` by (type, scalerank), in degrees; and a count of what was left out,
    by reason."""
    pieces: dict[tuple, list] = {}
    dropped: Counter = Counter()
    columns, rows = _tile_range(box, zoom)
    for x in columns:
        for y in rows:
            path = os.path.join(tiles, str(zoom), str(x), f"{y}.pbf")
            if not os.path.isfile(path):
                dropped["tile missing (no data there)"] += 1
                continue
            # CLIP=YES (the default) cuts each piece at the tile's edge: the neighbour holds the rest.
            source = gdal.OpenEx(path, gdal.OF_VECTOR, allowed_drivers=["MVT"])
            layer = source.GetLayerByName("road")
            for feature in layer if layer is not None else ():
                kind, rank = feature["type"], feature["scalerank"]
                if kind not in MAIN or rank > MAIN[kind]:
                    dropped[f"{kind} (scalerank {rank:g})"] += 1
                    continue
                line = feature.GetGeometryRef().Clone()
                line.FlattenTo2D()
                shape = wkb.loads(bytes(line.ExportToWkb()))
                pieces.setdefault((kind, int(rank)), []).append(transform(_xy, shape))
            source = None
    return pieces, dropped


def _xy(xs, ys):
    points = [_to_degrees(x, y) for x, y in zip(xs, ys)]
    return [p[0] for p in points], [p[1] for p in points]


def _join_ends(pieces: dict[tuple, list], tolerance: float = JOIN) -> dict[tuple, list]:
    """The pieces with each end moved onto an end of another piece within `tolerance` degrees: two tiles quantise a
    road where it crosses their common edge apart by up to ~20 m, and a gap there would break the line in print."""
    anchors: dict[tuple[int, int], list] = {}

    def anchor(point):
        cell = (int(point[0] // tolerance), int(point[1] // tolerance))
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for other in anchors.get((cell[0] + dx, cell[1] + dy), ()):
                    if math.hypot(point[0] - other[0], point[1] - other[1]) <= tolerance:
                        return other
        anchors.setdefault(cell, []).append(point)
        return point

    joined: dict[tuple, list] = {}
    for key, shapes in pieces.items():
        for shape in shapes:
            for part in getattr(shape, "geoms", [shape]):
                coords = list(part.coords)
                coords[0], coords[-1] = anchor(coords[0]), anchor(coords[-1])
                line = geometry.LineString(coords)
                if line.length > 0:
                    joined.setdefault(key, []).append(line)
    return joined


def main_roads(pieces: dict[tuple, list], kazakhstan, box: geometry.Polygon = BOX) -> list[tuple]:
    """(type, scalerank, abroad, lines) rows: each group's pieces joined into lines, simplified, clipped, split at
    the border. A stretch that two groups share is kept once, in the first (by type as MAIN lists them, then
    scalerank)."""
    rows = []
    taken = geometry.GeometryCollection()
    pieces = _join_ends(pieces)
    for kind, rank in sorted(pieces, key=lambda key: (list(MAIN).index(key[0]), key[1])):
        lines = unary_union(pieces[(kind, rank)])
        if lines.is_empty:
            continue
        lines = linemerge(lines) if lines.geom_type == "MultiLineString" else lines
        lines = lines.difference(taken).intersection(box).simplify(TOLERANCE)
        taken = unary_union([taken, lines.buffer(1e-6)])
        near = kazakhstan.buffer(MARGIN)
        for abroad, shape in ((0, lines.intersection(kazakhstan)),
                              (1, lines.intersection(near).difference(kazakhstan))):
            part = _lines_only(shape)
            if not part.is_empty:
                rows.append((kind, rank, abroad, part))
    return rows


def _lines_only(shape):
    parts = [part for part in getattr(shape, "geoms", [shape]) if part.geom_type == "LineString" and part.length]
    return geometry.MultiLineString(parts) if parts else geometry.MultiLineString()


def write(out: str, rows: list[tuple]) -> None:
    """Replaces the layer `roads` of the GeoPackage `out` (its other layers stay as they are)."""
    target = ogr.Open(out, 1) if os.path.exists(out) else ogr.GetDriverByName("GPKG").CreateDataSource(out)
    if target.GetLayerByName(LAYER) is not None:
        target.DeleteLayer(LAYER)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = target.CreateLayer(LAYER, srs, ogr.wkbMultiLineString, ["FID=fid", "GEOMETRY_NAME=geom"])
    layer.CreateField(ogr.FieldDefn("type", ogr.OFTString))
    layer.CreateField(ogr.FieldDefn("scalerank", ogr.OFTInteger))
    layer.CreateField(ogr.FieldDefn("abroad", ogr.OFTInteger))
    layer.StartTransaction()
    for kind, rank, abroad, shape in rows:
        for part in shape.geoms:  # one feature a line: a page's spatial index then skips the far ones
            feature = ogr.Feature(layer.GetLayerDefn())
            feature.SetField("type", kind)
            feature.SetField("scalerank", rank)
            feature.SetField("abroad", abroad)
            feature.SetGeometry(ogr.ForceToMultiLineString(ogr.CreateGeometryFromWkb(part.wkb)))
            layer.CreateFeature(feature)
    layer.CommitTransaction()
    target.ExecuteSQL("VACUUM")  # the space of the layer replaced goes back: the file ships in the plugin
    target = None


def _kazakhstan():
    source = ogr.Open(os.path.join(ROOT, "sample_data", "kz_admin1.gpkg"))
    shapes = [wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())) for f in source.GetLayerByName("kz_admin1")]
    return transform(lambda x, y, z=None: (x, y), unary_union(shapes).buffer(0))  # the source carries z = 0


def build(tiles: str, out: str) -> None:
    pieces, dropped = read_tiles(tiles)
    rows = main_roads(pieces, _kazakhstan())
    write(out, rows)
    lines, km = Counter(), Counter()
    for kind, rank, abroad, shape in rows:
        lines[f"{kind} {rank}{' abroad' if abroad else ''}"] += len(shape.geoms)
        if not abroad:
            km[f"{kind} {rank}"] += sum(_km(line) for line in shape.geoms)
    print("kept (lines):", dict(lines))
    print("km inside Kazakhstan:", {key: round(value) for key, value in km.items()}, round(sum(km.values())))
    print("left out (tile pieces):", dict(dropped))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tiles", required=True, help="folder of the Natural Earth vector tiles ({z}/{x}/{y}.pbf)")
    parser.add_argument("--out", default=os.path.join(ROOT, "sample_data", "kz_context.gpkg"))
    args = parser.parse_args()
    build(args.tiles, args.out)


def _km(line) -> float:
    """A line's length in km on the sphere."""
    total = 0.0
    coords = list(line.coords)
    for (x1, y1), (x2, y2) in itertools.pairwise(coords):
        dx = math.radians(x2 - x1) * math.cos(math.radians((y1 + y2) / 2))
        total += 6371.0 * math.hypot(dx, math.radians(y2 - y1))
    return total


if __name__ == "__main__":
    main()

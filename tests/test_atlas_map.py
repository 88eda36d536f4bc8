"""The region map page as a reader uses it (issue 16, items 1, 2, 8): every finding id of the region's table on its
map page, towns named, the second page only where there are findings, 1-2-5 scale steps, portrait of its own."""

import itertools
import os
import sqlite3
import subprocess

import pytest

from tests.helpers.pdf import word_boxes
from tests.helpers.stores import sample_store

SAMPLE = os.path.join(os.path.dirname(__file__), "..", "sample_data")
# Karaganda's six days (its 12 findings crowd around Karaganda and Temirtau) and Almaty's first (no findings).
DAYS = ["2025-08-01.gpx"] + [f"2025-08-{d}.gpx" for d in (30, 31)] + [f"2025-09-0{d}.gpx" for d in range(1, 6)]


@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    return sample_store(tmp_path_factory.mktemp("map_page"), DAYS)


def page_words(pdf: str, page: int) -> list[tuple[str, float, float]]:
    """The words of one PDF page with their positions (pdftotext -bbox), in points from the top left."""
    return [(text, x0, y0) for text, x0, y0, _x1, _y1 in word_boxes(pdf, page)]


def pages(pdf: str) -> int:
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


def region_ids(store: str, region: str) -> set[str]:
    with sqlite3.connect(store) as db:
        return {row[0] for row in db.execute("SELECT finding_id FROM findings WHERE region = ?", (region,))}


@pytest.fixture(scope="module")
def landscape(store, tmp_path_factory):
    from green_envoy_plugin.atlas.export import export_atlas

    out = tmp_path_factory.mktemp("landscape")
    export_atlas(store, str(out), regions=["Karaganda Region", "Almaty"])
    return out


def test_every_id_of_the_region_is_on_its_map_page(store, landscape):
    ids = region_ids(store, "Karaganda Region")
    assert len(ids) == 12  # the busiest region of the sample: the test can fail
    words = {text for text, _x, _y in page_words(str(landscape / "karaganda_region.pdf"), 1)}
    assert ids <= words, sorted(ids - words)
    # Towns of the table's "Near" column and the regional centre are named on the map page.
    assert {"Karaganda", "Temirtau"} <= words


def test_region_without_findings_has_no_empty_second_page(store, landscape):
    assert not region_ids(store, "Almaty")
    assert pages(str(landscape / "almaty.pdf")) == 1
    assert pages(str(landscape / "karaganda_region.pdf")) >= 2


def test_scale_bar_steps_are_round(store, landscape):
    for pdf in ("karaganda_region.pdf", "almaty.pdf"):
        words = page_words(str(landscape / pdf), 1)
        # The scale bar's unit: the lowest "km" of the right-hand column (the statistics above say km too).
        unit = max(((x, y) for text, x, y in words if text == "km" and x > 560), key=lambda place: place[1])
        numbers = [float(text.replace(",", ".")) for text, x, y in words
                   if abs(y - unit[1]) < 2 and x > 560 and text.replace(",", ".").replace(".", "", 1).isdigit()]
        steps = [b - a for a, b in itertools.pairwise(numbers)]
        assert numbers[0] == 0 and steps and len(set(steps)) == 1, numbers
        mantissa = steps[0] / 10 ** int(f"{steps[0]:e}".split("e")[1])
        assert round(mantissa, 6) in (1, 2, 5), numbers


def test_portrait_map_is_not_landscape_shaped(store, tmp_path):
    from qgis.core import QgsProject

    from green_envoy_plugin.atlas.export import build_layout, expedition_layers
    from green_envoy_plugin.atlas.map_page import furnish

    project = QgsProject()
    layers = expedition_layers(store, project)
    for page_format in ("a4-landscape", "a4-portrait", "a3-portrait"):
        layout = build_layout(layers, project)
        furnish(layout, layers, project, page_format)
        size = layout.itemById("map").sizeWithUnits()
        page = layout.pageCollection().page(0).pageSize()
        if page_format == "a4-landscape":
            assert size.width() > size.height() * 1.1
        else:
            assert size.height() >= size.width() * 0.85  # taller than a landscape map: a shape of its own
            assert size.width() > page.width() * 0.85
        if page_format == "a3-portrait":
            title = layout.itemById("title")
            assert title.textFormat().size() > 20 if hasattr(title, "textFormat") else title.font().pointSizeF() > 20


def test_one_two_five_steps():
    from green_envoy_plugin.atlas.map_page import nice_step
    from green_envoy_plugin.core.clusters import detail_groups

    assert [nice_step(v) for v in (0.7, 1, 1.9, 3, 7, 14, 90, 180, 499)] == [0.5, 1, 1, 2, 5, 10, 50, 100, 200]
    points = [("a", 0, 0), ("b", 1, 0), ("c", 2, 0), ("far", 100, 100)]
    assert [[p[0] for p in group] for group in detail_groups(points, 1.5, 10)] == [["a", "b", "c"]]


def test_palette_is_colour_blind_safe_with_a_shape_each():
    from green_envoy_plugin.atlas.styles import ROUTE_FIRST, ROUTE_LAST
    from green_envoy_plugin.core.categories import CATEGORIES, SHAPES

    okabe_ito = {"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000"}
    colours = [colour for _label, colour in CATEGORIES.values()]
    assert set(colours) <= okabe_ito and len(set(colours)) == len(CATEGORIES)
    assert len(set(SHAPES.values())) == len(CATEGORIES) and set(SHAPES) == set(CATEGORIES)
    for route in (ROUTE_FIRST, ROUTE_LAST):  # the route greys: no hue a category has
        r, g, b = (int(route[i:i + 2], 16) for i in (1, 3, 5))
        assert max(r, g, b) - min(r, g, b) < 8


def test_users_basemap_is_drawn_under_the_map(store, tmp_path):
    """A raster file as basemap ends up in the page as an image (without it the map page has none)."""
    import numpy as np
    from osgeo import gdal, osr

    from green_envoy_plugin.atlas.context import BasemapError
    from green_envoy_plugin.atlas.export import export_atlas

    raster = str(tmp_path / "basemap.tif")
    ds = gdal.GetDriverByName("GTiff").Create(raster, 240, 120, 1, gdal.GDT_Byte)
    ds.SetGeoTransform((70.0, 0.05, 0, 46.0, 0, -0.05))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.tile(np.linspace(0, 255, 240).astype(np.uint8), (120, 1)))
    ds = None

    def images(pdf):
        out = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True, check=True).stdout
        return len(out.splitlines()) - 2

    plain = export_atlas(store, str(tmp_path / "plain"), regions=["Almaty"]).pdfs[0]
    based = export_atlas(store, str(tmp_path / "based"), regions=["Almaty"], basemap=raster).pdfs[0]
    assert images(plain) == 0
    assert images(based) >= 1
    with pytest.raises(BasemapError, match="no such file"):
        export_atlas(store, str(tmp_path / "missing"), regions=["Almaty"], basemap=str(tmp_path / "none.tif"))


@pytest.mark.parametrize("language, towns", [("ru", {"Темиртау", "Караганда", "Балхаш"}),
                                             ("kk", {"Теміртау", "Қарағанды", "Балқаш"})])
def test_map_page_in_russian_and_kazakh(store, tmp_path, language, towns):
    """The towns in the page's language, under the names the findings table gives them (core.places), and every
    id of the region all the same."""
    from green_envoy_plugin.atlas.export import export_atlas

    pdf = export_atlas(store, str(tmp_path), regions=["Karaganda Region"], language=language).pdfs[0]
    words = {text for text, _x, _y in page_words(pdf, 1)}
    assert towns <= words, sorted(towns - words)
    assert region_ids(store, "Karaganda Region") <= words


@pytest.mark.parametrize("language", ["ru", "kk"])
def test_the_sources_fit_on_the_portrait_page(store, tmp_path, language):
    """Six lines of sources in Russian and Kazakh at the foot of a portrait map page: every word inside the page,
    3 mm from its edge at least, the disclaimer's last word there (it was cut by the page's edge)."""
    import re
    import shutil

    from green_envoy_plugin.atlas.export import export_atlas
    from green_envoy_plugin.steps.official import compare_official

    compared = str(tmp_path / "compared.gpkg")  # with the registry: the longest sources a page carries
    shutil.copyfile(store, compared)
    compare_official(compared, os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry_id",
                     layer_label="landfill registry (SYNTHETIC sample)")
    result = export_atlas(compared, str(tmp_path / "atlas"), regions=["Karaganda Region"], language=language,
                          page_format="a4-portrait")
    xml = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", result.pdfs[0], "-"], capture_output=True,
                         text=True, check=True).stdout
    height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', xml).group(1))
    words = re.findall(r'yMax="([\d.]+)">([^<]*)</word>', xml)
    lowest = max(float(y) for y, _text in words)
    assert lowest <= height - 3 / 25.4 * 72, (lowest, height)
    last = {"ru": "признания.", "kk": "білдірмейді."}[language]
    assert last in [text for _y, text in words]


def road_pixels(pdf: str, tmp_path) -> int:
    """Pixels of page 1 in the main roads' brown (#a0583c), at 60 dpi."""
    import numpy as np
    from PIL import Image

    stem = str(tmp_path / os.path.basename(pdf))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, stem], check=True)
    pixels = np.asarray(Image.open(stem + ".png").convert("RGB")).astype(int)
    return int((np.abs(pixels - np.array([0xa0, 0x58, 0x3c])).sum(axis=2) < 40).sum())


def test_main_roads_on_the_region_page_not_on_the_citys(landscape, tmp_path):
    """Natural Earth's main roads (1:10 million) on the oblast's map and in its legend; not at a city's scale,
    where they would stray kilometres from the streets they stand for."""
    karaganda, almaty = (str(landscape / name) for name in ("karaganda_region.pdf", "almaty.pdf"))
    assert "Main road" in " ".join(text for text, _x, _y in page_words(karaganda, 1))
    assert road_pixels(karaganda, tmp_path) > 300
    assert "road" not in {text for text, _x, _y in page_words(almaty, 1)}
    assert road_pixels(almaty, tmp_path) < 20


def test_longitudes_are_labelled_along_the_top_too(landscape):
    """Karaganda's size key and detail map cover most of the bottom edge: its longitudes are read at the top."""
    import re

    words = page_words(str(landscape / "karaganda_region.pdf"), 1)
    top = sorted(int(text[:-2]) for text, _x, y in words if re.fullmatch(r"\d+°E", text) and y < 110)
    assert len(top) >= 6 and top == list(range(top[0], top[0] + len(top)))  # every meridian, in order

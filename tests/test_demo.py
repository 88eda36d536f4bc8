"""The whole chain on the committed sample, as `make demo` runs it."""

import itertools
import os
import re
import subprocess
import unicodedata

import pytest

from green_envoy_plugin import cli
from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.regions import assign_regions
from green_envoy_plugin.steps.tracks import import_gpx


@pytest.fixture(scope="module")
def demo(tmp_path_factory, qgis_app):
    out = str(tmp_path_factory.mktemp("demo"))
    from green_envoy_plugin.app.demo import run_demo

    summary, atlas = run_demo(os.path.join(os.path.dirname(__file__), "..", "sample_data"), out)
    return out, summary, atlas


def page_title(pdf, number=1):
    """The page's title: its tallest line of text (the largest type), wherever pdftotext puts it in reading
    order (QGIS 3.22 writes the title first, 3.40 the page number)."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", "-f", str(number), "-l", str(number), pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    lines = re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="[\d.]+" yMax="[\d.]+">(.*?)</line>', xml, re.DOTALL)

    def type_size(body):  # the tallest word: a name along a curved river spans a tall line of small letters
        return max(float(y1) - float(y0) for y0, y1 in
                   re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', body))

    words = max((body for body in lines if "<word" in body), key=type_size)
    return " ".join(re.findall(r"<word [^>]*>(.*?)</word>", words))


def test_one_pdf_per_visited_region(demo):
    out, summary, atlas = demo
    visited = summary.visited
    assert len(visited) == 18  # the loop misses Mangystau and Ulytau (EXPEDITION.md)
    assert {s.name for s in summary.stats} - {s.name for s in visited} == {"Mangystau Region", "Ulytau Region"}
    assert atlas.errors == []
    assert sorted(os.listdir(os.path.join(out, "atlas"))) == sorted(
        pipeline_stem(s.name) + ".pdf" for s in visited)


def pipeline_stem(name):
    from green_envoy_plugin.steps._common import file_stem

    return file_stem(name)



def test_geometries_are_stored_as_their_tables_are_declared(demo):
    """A 2D table holds 2D geometries and a 3D one 3D (GDAL >= 3.7 warns and rewrites the declaration of a 2D
    table holding Z: media and regions did)."""
    import sqlite3

    from green_envoy_plugin.store.bulk import wkb_of

    out, _summary, _atlas = demo
    conn = sqlite3.connect(os.path.join(out, "expedition.gpkg"))
    declared = dict(conn.execute("SELECT table_name, z FROM gpkg_geometry_columns"))
    for table in ("media", "regions", "official_unreported", "findings", "track_points"):
        types = set()
        for (blob,) in conn.execute(f'SELECT geom FROM "{table}" WHERE geom IS NOT NULL'):
            wkb = wkb_of(blob)
            types.add(int.from_bytes(wkb[1:5], "little" if wkb[0] == 1 else "big"))
        assert types, table
        has_z = {t // 1000 in (1, 3) or bool(t & 0x80000000) for t in types}
        assert has_z == {bool(declared[table])}, (table, declared[table], types)
    conn.close()

def test_region_km_add_up_to_the_total(demo):
    _out, summary, _atlas = demo
    regions_km = sum(s.distance_m for s in summary.stats) / 1000
    assert summary.total_km == pytest.approx(12_300, rel=0.05)  # "more than 12,000 km"
    assert regions_km == pytest.approx(summary.total_km, rel=0.005)


def test_every_finding_and_photo_has_a_region(demo):
    _out, summary, _atlas = demo
    assert sum(summary.findings.values()) == 113
    assert sum(summary.media.values()) == 12


def test_page_shows_region_name_km_dates(demo):
    out, summary, _atlas = demo
    karaganda = next(s for s in summary.stats if s.name == "Karaganda Region")
    text = subprocess.run(["pdftotext", os.path.join(out, "atlas", "karaganda_region.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "Karaganda Region" in text
    assert f"Distance ridden: {karaganda.distance_m / 1000:,.1f} km" in text
    assert "Findings documented: 12" in text
    assert "Visited 30 August – 4 September 2025 (6 days)" in text
    assert "km" in text and "Legend" in text


def test_cli_runs_the_steps(tmp_path, sample_dir, capsys, qgis_app):
    store = str(tmp_path / "e.gpkg")
    gpx = os.path.join(sample_dir, "gpx", "2025-08-01.gpx")
    assert cli.main(["import-gpx", gpx, "--gpkg", store]) == 0
    assert cli.main(["import-gpx", gpx, "--gpkg", store]) == 0
    assert "1 already imported and unchanged" in capsys.readouterr().out
    bad = tmp_path / "bad.gpx"
    bad.write_text("<gpx>")
    assert cli.main(["import-gpx", str(bad), gpx, "--gpkg", store]) == 2  # one rejected, one unchanged
    assert "bad.gpx" in capsys.readouterr().err
    assert cli.main(["import-gpx", str(bad), "--gpkg", store]) == 1  # nothing could be imported
    assert "bad.gpx" in capsys.readouterr().err
    assert cli.main(["assign-regions", "--gpkg", store]) == 0
    assert "Almaty" in capsys.readouterr().out
    assert cli.main(["atlas", "--gpkg", store, "--out", str(tmp_path / "atlas")]) == 0
    assert len(os.listdir(tmp_path / "atlas")) >= 1
    assert cli.main(["assign-regions", "--gpkg", store, "--regions", str(tmp_path / "nope.gpkg")]) == 1


def test_photos_land_where_they_were_taken(demo, sample_dir):
    import csv

    from osgeo import ogr
    from pyproj import Geod

    out, _summary, _atlas = demo
    ds = ogr.Open(os.path.join(out, "expedition.gpkg"))
    placed = {f.GetField("path"): (f.GetGeometryRef().GetX(), f.GetGeometryRef().GetY(), f.GetField("position_source"))
              for f in ds.GetLayerByName("media")}
    with open(os.path.join(sample_dir, "photos", "ground_truth.csv"), encoding="utf-8") as handle:
        truth = list(csv.DictReader(handle))
    geod = Geod(ellps="WGS84")
    for row in truth:
        lon, lat, source = placed[row["file"]]
        error = geod.inv(lon, lat, float(row["true_lon"]), float(row["true_lat"]))[2]
        if row["has_gps"] == "1":
            assert source == "exif" and error < 1.0, row["file"]
        else:
            assert source == "time-sync" and error < 25.0, (row["file"], error)


@pytest.mark.parametrize(("language", "title", "km_line", "legend"), [
    ("kk", "Қарағанды облысы", "Жүріп өткен жол: {km} км", "Шартты белгілер"),
    ("ru", "Карагандинская область", "Пройдено: {km} км", "Условные обозначения"),
])
def test_atlas_in_kazakh_and_russian(demo, tmp_path, language, title, km_line, legend):
    from green_envoy_plugin.atlas.export import export_atlas
    from green_envoy_plugin.atlas.items import FONT

    out, summary, _atlas = demo
    result = export_atlas(os.path.join(out, "expedition.gpkg"), str(tmp_path), language=language)
    assert len(result.pdfs) == 18 and all(p.endswith(f"_{language}.pdf") for p in result.pdfs)
    page = os.path.join(str(tmp_path), f"karaganda_region_{language}.pdf")
    text = subprocess.run(["pdftotext", page, "-"], capture_output=True, text=True, check=True).stdout
    karaganda = next(s for s in summary.stats if s.name == "Karaganda Region")
    km = f"{karaganda.distance_m / 1000:.1f}".replace(".", ",")
    assert title in text and km_line.format(km=km) in text and legend in text
    fonts = subprocess.run(["pdffonts", page], capture_output=True, text=True, check=True).stdout
    assert "DejaVuSans" in fonts  # embedded, so the letters show, not boxes
    from qgis.PyQt.QtGui import QFont, QFontMetrics

    metrics = QFontMetrics(QFont(FONT))
    assert all(metrics.inFont(letter) for letter in "ӘҒҚҢӨҰҮҺІәғқңөұүһі")


def test_language_is_checked():
    from green_envoy_plugin import i18n
    from green_envoy_plugin.errors import StepError

    with pytest.raises(StepError, match="not one of"), i18n.language("de"):
        pass


def test_second_page_lists_the_regions_findings_and_handles_an_empty_region(demo):
    out, _summary, _atlas = demo
    import sqlite3

    conn = sqlite3.connect(os.path.join(out, "expedition.gpkg"))
    ids = [r[0] for r in conn.execute("SELECT finding_id FROM findings WHERE region = 'Karaganda Region'")]
    text = subprocess.run(["pdftotext", "-f", "2", os.path.join(out, "atlas", "karaganda_region.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", text)  # the PDF's "ffi" ligatures back to letters
    assert len(ids) == 12 and all(i in text for i in ids)
    assert "Findings by category:" in text and "Official registry:" in text
    # A region without findings has its map page alone (issue 16): no table, photo or figure to fill a second.
    info = subprocess.run(["pdfinfo", os.path.join(out, "atlas", "almaty.pdf")], capture_output=True, text=True,
                          check=True).stdout
    assert next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")) == "1"


def test_sixty_findings_continue_on_further_pages(tmp_path, sample_dir, qgis_app):
    import numpy as np

    from green_envoy_plugin.atlas.export import export_atlas

    store = str(tmp_path / "e.gpkg")
    days = [os.path.join(sample_dir, "gpx", f"2025-{d}.gpx") for d in ("08-31", "09-01", "09-02", "09-03")]
    import_gpx(days, store)
    rng = np.random.default_rng(3)
    rows = ["finding_id,observed_at,lat,lon,category,severity,description"]
    for k in range(60):
        rows.append(f"K-{k:03d},2025-09-01T12:00:00+05:00,{49.9 + rng.uniform(-0.1, 0.1):.5f},"
                    f"{73.2 + rng.uniform(-0.1, 0.1):.5f},{('air', 'water', 'soil', 'landfill', 'waste')[k % 5]},"
                    f"{1 + k % 5},\"A long description of finding {k} so that the table rows wrap onto two lines "
                    f"and the table needs more than one page.\"")
    (tmp_path / "sixty.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    import_findings(str(tmp_path / "sixty.csv"), store)
    assign_regions(store, os.path.join(sample_dir, "kz_admin1.gpkg"))
    result = export_atlas(store, str(tmp_path / "atlas"))
    page = next(p for p in result.pdfs if p.endswith("karaganda_region.pdf"))
    info = subprocess.run(["pdfinfo", page], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    text = subprocess.run(["pdftotext", page, "-"], capture_output=True, text=True, check=True).stdout
    assert pages >= 3
    assert all(f"K-{k:03d}" in text for k in range(60))


def test_atlas_subset_combined_and_png(demo, tmp_path):
    from green_envoy_plugin.atlas.export import export_atlas

    out, _summary, _atlas = demo
    store = os.path.join(out, "expedition.gpkg")
    result = export_atlas(store, str(tmp_path / "a"), regions=["Almaty", "Karaganda Region"], png=True)
    assert sorted(os.path.basename(p) for p in result.pdfs) == ["almaty.pdf", "karaganda_region.pdf"]
    assert sorted(os.path.basename(p) for p in result.pngs) == ["almaty.png", "karaganda_region.png",
                                                                "karaganda_region_2.png"]
    combined = export_atlas(store, str(tmp_path / "b"), combined=True, language="kk")
    info = subprocess.run(["pdfinfo", combined.pdfs[0]], capture_output=True, text=True, check=True).stdout
    pages = int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:")))
    # contents + 15 regions x 2+ + the 3 cities without findings x 1
    assert combined.pdfs == [str(tmp_path / "b" / "atlas_kk.pdf")] and pages >= 34
    first = subprocess.run(["pdftotext", "-l", "1", combined.pdfs[0], "-"], capture_output=True, text=True,
                           check=True).stdout
    assert "Мазмұны" in first and "Қарағанды облысы" in first  # the contents, in Kazakh


def test_combined_atlas_contents_give_each_regions_page(demo, tmp_path):
    """The combined PDF opens with Kazakhstan and the contents; each listed page is that region's first page,
    also after a region whose findings table runs over several pages."""
    from green_envoy_plugin.atlas.export import export_atlas

    out, _summary, _atlas = demo
    chosen = ["Almaty", "Karaganda Region", "Kyzylorda Region", "Shymkent"]
    result = export_atlas(os.path.join(out, "expedition.gpkg"), str(tmp_path), regions=chosen, combined=True)
    pdf = result.pdfs[0]

    def page_text(number, layout=False):
        return subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-f", str(number), "-l", str(number),
                               pdf, "-"], capture_output=True, text=True, check=True).stdout

    contents = page_text(1, layout=True)
    assert "regional atlas" in contents and "Contents" in contents
    first_pages = {m.group(1): int(m.group(2)) for m in
                   re.finditer(r"(Almaty|Karaganda Region|Kyzylorda Region|Shymkent)\s+[\d,.]+\s+\d+\s+\d+\s+(\d+)\s*$",
                               contents, re.MULTILINE)}
    assert set(first_pages) == set(chosen)
    assert first_pages["Almaty"] == 2
    for name, number in first_pages.items():
        assert page_title(pdf, number) == name
    # Kyzylorda's 21 findings take three pages, Karaganda's 12 two, the cities without findings their map page.
    order = sorted(first_pages.values())
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    pages = int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:")))
    spans = [b - a for a, b in zip(order, [*order[1:], pages + 1])]
    assert sorted(spans) == [1, 1, 2, 3]


def test_atlas_from_an_edited_template(demo, tmp_path):
    """A report author saves the layout, changes it in the designer (here: the title text), and the export
    keeps the change while the maps and legend still show this store's layers."""
    from green_envoy_plugin.atlas.export import AtlasError, export_atlas, save_template

    out, _summary, _atlas = demo
    store = os.path.join(out, "expedition.gpkg")
    template = save_template(store, str(tmp_path / "atlas.qpt"))
    with open(template, encoding="utf-8") as handle:
        text = handle.read()
    title = 'labelText="[% &quot;name&quot; %]"'
    assert text.count(title) == 1
    edited = tmp_path / "report.qpt"
    edited.write_text(text.replace(title, 'labelText="Report: [% &quot;name&quot; %]"'), encoding="utf-8")
    result = export_atlas(store, str(tmp_path / "atlas"), regions=["Karaganda Region"], template=str(edited))
    assert result.errors == []
    pdf_text = subprocess.run(["pdftotext", result.pdfs[0], "-"], capture_output=True, text=True,
                              check=True).stdout
    assert "Report: Karaganda Region" in pdf_text
    assert "Legend" in pdf_text and "Distance ridden" in pdf_text
    default_text = subprocess.run(["pdftotext", os.path.join(out, "atlas", "karaganda_region.pdf"), "-"],
                                  capture_output=True, text=True, check=True).stdout
    ids = set(re.findall(r"F-\d{3}", pdf_text))
    assert len(ids) == 12 and ids == set(re.findall(r"F-\d{3}", default_text))  # the findings table filled
    (tmp_path / "broken.qpt").write_text("<Layout", encoding="utf-8")
    with pytest.raises(AtlasError, match=r"broken\.qpt: .*layout template"):
        export_atlas(store, str(tmp_path / "x"), template=str(tmp_path / "broken.qpt"))


def test_shipped_template_and_styles(demo, tmp_path, sample_dir):
    """resources/ holds what a report author opens in QGIS: the layout template exports this store's pages,
    and each .qml gives a layer of the same fields the atlas's look."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsRuleBasedRenderer,
        QgsSimpleMarkerSymbolLayerBase,
        QgsSingleSymbolRenderer,
        QgsVectorLayer,
    )

    from green_envoy_plugin.atlas.export import export_atlas

    resources = os.path.join(os.path.dirname(__file__), "..", "resources")
    out, _summary, _atlas = demo
    store = os.path.join(out, "expedition.gpkg")
    template = os.path.join(resources, "green_envoy_atlas.qpt")
    with open(template, encoding="utf-8") as handle:
        assert "/work/" not in handle.read()  # no machine's folders in a shipped file
    result = export_atlas(store, str(tmp_path), regions=["Pavlodar Region"], template=template)
    text = subprocess.run(["pdftotext", result.pdfs[0], "-"], capture_output=True, text=True, check=True).stdout
    assert "Pavlodar Region" in text and "Distance ridden" in text and re.search(r"F-\d{3}", text)

    for table, qml, renderer in (("findings", "findings.qml", QgsCategorizedSymbolRenderer),
                                 ("media", "media.qml", QgsRuleBasedRenderer)):
        layer = QgsVectorLayer(f"{store}|layername={table}", table, "ogr")
        assert isinstance(layer.renderer(), QgsSingleSymbolRenderer)  # OGR's default before the style
        _message, ok = layer.loadNamedStyle(os.path.join(resources, "styles", qml))
        assert ok and isinstance(layer.renderer(), renderer)
    official = QgsVectorLayer(os.path.join(sample_dir, "official_landfills_synthetic.gpkg"), "o", "ogr")
    _message, ok = official.loadNamedStyle(os.path.join(resources, "styles", "official.qml"))
    assert ok and official.renderer().symbol().symbolLayer(0).shape() == QgsSimpleMarkerSymbolLayerBase.Triangle


def _page_pictures(layout, atlas, region):
    """(profile picture, [photo pictures]) of the layout at `region`'s page."""
    from qgis.core import QgsLayoutItemPicture

    assert atlas.seekTo([atlas.nameForPage(i) for i in range(atlas.count())].index(region))
    pictures = {item.id(): item for item in layout.items() if isinstance(item, QgsLayoutItemPicture)}
    # The profile the page shows: a region without findings has it on its map page (profile_1), and its page 2,
    # left out of the export, does not read the drawing.
    shown = pictures["profile"]
    if "profile_1" in pictures and pictures["profile_1"].evaluatedPath():
        shown = pictures["profile_1"]
    return shown, [pictures[f"photo_{k}"] for k in range(4)]


def test_page_pictures_are_drawings_and_photos_never_missing(demo, tmp_path):
    """The profile is a drawing (vector in the PDF); a region with fewer than four photos leaves the other
    places empty instead of QGIS's "image missing" cross; a template saved when the profile was a PNG still
    shows it; the pictures made for an export are gone after it."""
    import glob
    import tempfile

    from qgis.core import QgsExpressionContextUtils, QgsLayoutItemPicture, QgsProject

    from green_envoy_plugin.atlas import export

    out, _summary, _atlas = demo
    store = os.path.abspath(os.path.join(out, "expedition.gpkg"))
    pictures_dir = str(tmp_path / "pictures")
    os.makedirs(pictures_dir)
    export.write_profiles(store, pictures_dir)
    export.write_page_photos(store, pictures_dir)
    old_template = tmp_path / "old.qpt"
    export.save_template(store, str(old_template))
    text = old_template.read_text(encoding="utf-8")
    # page 2's profile and, for a region without findings, the map page's (save-template writes the furniture)
    assert text.count("file_stem&quot; || '.svg'") == 1 and text.count("file_stem&quot; || '_wide.svg'") == 1
    old_template.write_text(text.replace("file_stem&quot; || '.svg'", "file_stem&quot; || '.png'"), encoding="utf-8")
    project = QgsProject()
    layers = export.expedition_layers(store, project)
    for layout in (export.build_layout(layers, project), export.layout_from_template(str(old_template), layers,
                                                                                   project)):
        QgsExpressionContextUtils.setLayoutVariable(layout, "green_envoy_pages", pictures_dir)
        atlas = layout.atlas()
        assert atlas.beginRender()
        for region, photos in (("Karaganda Region", 2), ("Almaty", 0)):
            profile, places = _page_pictures(layout, atlas, region)
            assert profile.mode() == QgsLayoutItemPicture.FormatSVG and not profile.isMissingImage()
            assert profile.evaluatedPath().endswith(".svg") and os.path.isfile(profile.evaluatedPath())
            assert [bool(p.evaluatedPath()) for p in places] == [k < photos for k in range(4)], region
            assert not any(p.isMissingImage() for p in places), region
        atlas.endRender()
    # The export's picture folder is removed after it: watched in a temporary folder of this test's own, so that
    # another export running on the machine meanwhile (a second test session, a user) cannot make it fail.
    own_tmp = tmp_path / "tmp"
    own_tmp.mkdir()
    saved, tempfile.tempdir = tempfile.tempdir, str(own_tmp)
    try:
        export.export_atlas(store, str(tmp_path / "atlas"), regions=["Almaty"])
    finally:
        tempfile.tempdir = saved
    assert glob.glob(os.path.join(str(own_tmp), "green_envoy_pages_*")) == []


def test_region_pages_draw_generalised_copies_and_city_pages_the_whole(demo):
    """A region page (~1:3-5 M) draws boundaries and route from their ~100 m copies, a city page (~1:300 k)
    the whole ones; the copies keep the regions' areas, and the legend names the route
    once whichever level the page draws."""
    from qgis.core import QgsCoordinateTransform, QgsLayoutItemMap, QgsProject

    from green_envoy_plugin.atlas import export

    out, _summary, _atlas = demo
    store = os.path.abspath(os.path.join(out, "expedition.gpkg"))
    project = QgsProject()
    layers = export.expedition_layers(store, project)
    export.page_levels(layers)
    layout = export.build_layout(layers, project)
    items = {item.id(): item for item in layout.items() if hasattr(item, "id") and item.id()}
    page_map = items["map"]
    assert isinstance(page_map, QgsLayoutItemMap)
    atlas = layout.atlas()
    assert atlas.beginRender()
    names = [atlas.nameForPage(i) for i in range(atlas.count())]
    drawn = {}
    for region in ("Karaganda Region", "Almaty"):
        atlas.seekTo(names.index(region))
        scale = page_map.scale()
        drawn[region] = {key for key in ("route", "route_coarse", "regions", "regions_coarse", "region_names")
                         if layers[key].isInScaleRange(scale)}
    atlas.endRender()
    # Region pages name the neighbours from the simpler inset copy; city pages from the whole boundaries.
    assert drawn == {"Karaganda Region": {"route_coarse", "regions_coarse", "region_names"},
                     "Almaty": {"route", "regions"}}
    assert layers["regions"].labelsEnabled() and layers["region_names"].labelsEnabled()
    assert not layers["regions_coarse"].labelsEnabled()
    whole = {f["name"]: f.geometry() for f in layers["regions"].getFeatures()}
    # The copies are made in the maps' projection (projected once, not at every page): back for comparing.
    assert layers["regions_coarse"].crs() == page_map.crs() != layers["regions"].crs()
    back = QgsCoordinateTransform(layers["regions_coarse"].crs(), layers["regions"].crs(), project)
    for feature in layers["regions_coarse"].getFeatures():
        original = whole[feature["name"]]
        coarse = feature.geometry()
        coarse.transform(back)
        assert coarse.isGeosValid() and coarse.constGet().nCoordinates() < original.constGet().nCoordinates()
        # The outline moves by less than the tolerance along its length; only specks go (islets and holes
        # under ~100 m: the sample's Aktobe has one).
        moved = coarse.symDifference(original).area()
        assert moved < original.length() * export.PAGE_TOLERANCE_DEG, feature["name"]
    pdfs = export.export_atlas(store, os.path.join(out, "levels"), regions=["Karaganda Region", "Almaty"]).pdfs
    assert len(pdfs) == 2
    for pdf in pdfs:  # the legend's heading once: the level not drawn is filtered out with the page's map
        first = subprocess.run(["pdftotext", "-l", "1", pdf, "-"], capture_output=True, text=True, check=True).stdout
        assert [line.strip() for line in first.splitlines()].count("Route") == 1, pdf
        assert re.search(r"Route, days \d+–\d+", first), pdf
        if "karaganda" in os.path.basename(pdf):  # the neighbours named on the map (from region_names)
            assert {"Pavlodar Region", "Akmola Region", "Ulytau Region"} <= set(re.findall(r"\w+ Region", first))


@pytest.mark.parametrize(("page_format", "points"), [("a4-portrait", "595 x 842"), ("a3-landscape", "1191 x 842")])
def test_page_formats(demo, tmp_path, page_format, points):
    """Every page in the chosen size and orientation, with the same content: the region, its figures and all
    its findings; a longer page keeps the table on fewer pages, never more."""
    from green_envoy_plugin.atlas.export import export_atlas

    out, _summary, _atlas = demo
    result = export_atlas(os.path.join(out, "expedition.gpkg"), str(tmp_path), regions=["Kyzylorda Region"],
                          page_format=page_format)
    info = subprocess.run(["pdfinfo", result.pdfs[0]], capture_output=True, text=True, check=True).stdout
    assert f"Page size:       {points} pts" in info
    pages = int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:")))
    assert 2 <= pages <= 3  # A4 landscape needs 3 for Kyzylorda's 21 findings
    text = subprocess.run(["pdftotext", result.pdfs[0], "-"], capture_output=True, text=True, check=True).stdout
    assert page_title(result.pdfs[0]) == "Kyzylorda Region" and "Distance ridden: 1,277.3 km" in text
    assert len(set(re.findall(r"F-\d{3}", text))) == 21


def test_unknown_page_format_is_named(demo, tmp_path):
    from green_envoy_plugin.atlas.export import export_atlas
    from green_envoy_plugin.errors import StepError

    with pytest.raises(StepError, match="page format 'letter'"):
        export_atlas(os.path.join(demo[0], "expedition.gpkg"), str(tmp_path), page_format="letter")


def test_assign_regions_stores_each_visited_regions_profile(demo):
    """The profiles are made once from the raw fixes by assign-regions; the atlas only draws them."""
    import json
    import sqlite3

    out, summary, _atlas = demo
    conn = sqlite3.connect(os.path.join(out, "expedition.gpkg"))
    rows = conn.execute("SELECT name, visited, km, profile FROM regions").fetchall()
    conn.close()
    assert {name for name, visited, _km, profile in rows if profile} == {s.name for s in summary.visited}
    for name, visited, km, profile in rows:
        if not visited:
            continue
        distance, elevation, visits = json.loads(profile)
        assert len(distance) == len(elevation) > 100
        if name == "Almaty Region":  # ridden in the first and in the last week: two pieces, not one
            assert len(visits) == 1 and distance[visits[0]] == distance[visits[0] - 1]
        assert all(b >= a for a, b in itertools.pairwise(distance))
        assert distance[-1] == pytest.approx(km, rel=0.05), name  # the region's km, jumps between visits left out
    # A store from before the profiles were stored gets the same from its tracks at export.
    from green_envoy_plugin.store.queries import profiles_from_store

    recomputed = profiles_from_store(os.path.join(out, "expedition.gpkg"))
    assert set(recomputed) == {s.name for s in summary.visited}
    stored = {name: json.loads(profile) for name, _v, _km, profile in rows if profile}
    for name, (distance, _elevation, visits) in recomputed.items():
        assert distance[-1] == pytest.approx(stored[name][0][-1], rel=0.01), name
        assert len(visits) == len(stored[name][2]), name


def test_thinning_keeps_every_visit_apart():
    from green_envoy_plugin.core.profiles import thinned_starts

    # 10 points kept every 4th (0, 4, 8): a start at 5 falls on kept point 2 (index 8), so that no kept
    # segment runs from before it to after it; a start on a kept point stays there.
    assert thinned_starts([5], 4, 10) == [2]
    assert thinned_starts([4], 4, 10) == [1]
    assert thinned_starts([9], 4, 10) == []  # after the last kept point: nothing left to part
    assert thinned_starts([1, 2, 3], 1, 5) == [1, 2, 3]

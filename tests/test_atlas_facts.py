"""What the atlas pages state (issue 16, items 3-7 and 9): visits, places, ascent, sources, districts, the
findings table's continuations, photos, the combined atlas's numbering, bookmarks and links, in the three
languages; on a small store of the committed sample (Almaty's first and last day, four days of Karaganda)."""

import os
import re
import subprocess
import unicodedata
from datetime import date

import numpy as np
import pytest

from green_envoy_plugin.core.places import bearing, number, place_text, visits_text
from green_envoy_plugin.core.profiles import ascent, page_profile
from green_envoy_plugin.core.region_names import NAMES, cyrillic, district_names
from green_envoy_plugin.core.regions import visits
from tests.helpers.paths import SAMPLE

DAYS = ("08-01", "08-31", "09-01", "09-02", "09-03", "11-28")


def _text(pdf, first=None, last=None, layout=False):
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), *pages, pdf, "-"], capture_output=True,
                          text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text).replace("\u00a0", " ")  # the "fi" ligature of DejaVu as two letters


def _pages(pdf):
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    return int(next(x.split()[-1] for x in info.splitlines() if x.startswith("Pages:")))


# --- pure parts -------------------------------------------------------------------------------------------

def test_a_region_left_and_reached_again_has_two_visits():
    days = {date(2025, 8, 1), date(2025, 11, 28)}
    assert visits(days) == [(date(2025, 8, 1), date(2025, 8, 1), 1), (date(2025, 11, 28), date(2025, 11, 28), 1)]
    stay = {date(2025, 9, d) for d in (1, 2, 3)} | {date(2025, 9, 6)}
    assert visits(stay) == [(date(2025, 9, 1), date(2025, 9, 3), 3), (date(2025, 9, 6), date(2025, 9, 6), 1)]
    assert visits_text(visits(days), "en") == "1 August (1 day); 28 November 2025 (1 day)"
    assert visits_text(visits(stay), "ru") == "1–3 сентября (3 дня); 6 сентября 2025\u00a0г. (1 день)"
    assert visits_text(visits(stay), "kk") == "2025\u00a0жылғы 1–3 қыркүйек (3 күн); 6 қыркүйек (1 күн)"
    winter = [(date(2025, 12, 30), date(2026, 1, 2), 4)]
    assert visits_text(winter, "en") == "30 December 2025 – 2 January 2026 (4 days)"


def test_a_far_finding_is_placed_by_distance_and_direction_not_near():
    # 273 km north-west of Atyrau (47.10 N, 51.88 E): the "Near Atyrau".
    compass = bearing(51.8843, 47.1048, 49.5, 48.9)
    assert compass == "NW"
    assert place_text("Atyrau", 273_400, compass, "en") == "273\u00a0km\u00a0NW of Atyrau"
    assert place_text("Atyrau", 273_400, compass, "ru") == "Атырау, 273\u00a0км\u00a0к\u00a0СЗ"
    assert place_text("Atyrau", 273_400, compass, "kk") == "Атырау, 273\u00a0км солтүстік-батысқа"
    assert place_text("Oral", 900, "S", "ru") == "Уральск"  # at the settlement: its name alone, in the language
    assert place_text("Karaganda", 13_000, "N", "kk") == "Қарағанды, 13\u00a0км солтүстікке"


def test_numbers_in_the_locale():
    assert number(12259.5, 1, "en") == "12,259.5"
    assert number(12259.5, 1, "ru") == "12\u00a0259,5" == number(12259.5, 1, "kk")


def test_ascent_is_that_of_the_smoothed_profile_and_its_km_are_the_stated_km():
    rng = np.random.default_rng(1)
    x = np.linspace(0, 1277.0, 40_000)  # a flat steppe with 2.5 m GPS noise: the noise climbed 8,220 m before
    flat = 150 + rng.normal(0, 2.5, len(x))
    px, _py, starts, climbed = page_profile(x, flat, [], km=1277.3)
    assert climbed < 30 and px[-1] == pytest.approx(1277.3) and len(px) <= 2000 and starts == []
    hill = np.concatenate([np.linspace(100, 400, 20_000), np.linspace(400, 100, 20_000)])
    assert page_profile(x, hill, [], km=1277.0)[3] == pytest.approx(300, abs=3)
    # Two visits: no climb from the end of one to the start of the other.
    assert ascent(np.array([100.0, 100, 100, 500, 500, 500]), [3]) == 0.0
    assert ascent(np.array([100.0, 120, 140, 130, 160])) == pytest.approx(70)  # a 10 m dip: two climbs
    assert ascent(np.array([100.0, 120, 140, 137, 160])) == pytest.approx(60)  # a 3 m wobble: one climb


def test_one_official_russian_form_for_the_oblasts_and_kazakh_fixed():
    russian = [ru for code, (_en, ru, _kk) in NAMES.items() if code not in ("KAZ004", "KAZ006", "KAZ017")]
    assert len(russian) == 17 and all(ru.endswith("ская область") for ru in russian)
    assert NAMES["KAZ010"][1] == "Жетысуская область" and NAMES["KAZ019"][1] == "Улытауская область"
    assert NAMES["KAZ004"][2] == "Алматы қаласы"
    assert cyrillic("Солтүстiк Қазақстан", kazakh=True) == "Солтүстік Қазақстан"
    assert cyrillic("Aршалинский") == "Аршалинский" and cyrillic("Turksib") == "Turksib"
    assert district_names("Altay", "Алтайский", "Алтай", "634800000") == ("Altay District", "Алтайский район",
                                                                          "Алтай ауданы")
    assert district_names("Semey", "Семей", "Семей", "101000000") == ("Semey (city)", "г. Семей", "Семей қаласы")
    assert district_names("Turar Ryskulov", "Турар Рыскулов", "Тұрар Рысқұлов", "315000000")[1] == \
        "район Турара Рыскулова"


def test_bookmarks_and_links_are_added_to_a_qt_pdf(tmp_path, qgis_app):
    from qgis.PyQt.QtCore import QRectF
    from qgis.PyQt.QtGui import QPainter
    from qgis.PyQt.QtPrintSupport import QPrinter

    from green_envoy_plugin.atlas.bookmarks import Bookmark, Link, add_outline

    path = str(tmp_path / "three.pdf")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    painter = QPainter(printer)
    for k in range(3):
        if k:
            printer.newPage()
        painter.drawText(QRectF(100, 100, 2000, 200), 0, f"page {k + 1}")
    painter.end()
    marks = [Bookmark("Обзор", 0), Bookmark("Қарағанды облысы", 1, [Bookmark("Map", 1), Bookmark("Table", 2)])]
    assert add_outline(path, marks, [Link(0, (20, 20, 60, 6), 2)])
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", path], capture_output=True, text=True,
                         check=True).stdout
    outline = re.findall(r'<item page="(\d+)">(.*?)</item>', xml)
    assert outline == [("1", "Обзор"), ("2", "Қарағанды облысы"), ("2", "Map"), ("3", "Table")]
    assert _pages(path) == 3 and "page 3" in _text(path, 3, 3)
    with open(path, "rb") as handle:
        data = handle.read()
    assert len(re.findall(rb"/Subtype /Link", data)) == 1
    assert not add_outline(path, marks)  # a PDF with an outline already is left as it is
    not_pdf = tmp_path / "x.pdf"
    not_pdf.write_bytes(b"not a pdf")
    assert not add_outline(str(not_pdf), marks) and not_pdf.read_bytes() == b"not a pdf"


# --- the pages --------------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def store(tmp_path_factory, qgis_app):
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.media import import_media
    from green_envoy_plugin.steps.official import compare_official
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx
    from green_envoy_plugin.thumbnails import qt_thumbnailer

    sample_dir = SAMPLE
    out = tmp_path_factory.mktemp("facts")
    path = str(out / "e.gpkg")
    import_gpx([os.path.join(sample_dir, "gpx", f"2025-{d}.gpx") for d in DAYS], path)
    # The sample's findings in Karaganda, and thirty more there so that its table runs over three pages.
    with open(os.path.join(sample_dir, "findings.csv"), encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    rng = np.random.default_rng(5)
    extra = [f"X-{k:03d},2025-09-01T12:00:00+05:00,{49.9 + rng.uniform(-0.1, 0.1):.5f},"
             f"{73.2 + rng.uniform(-0.1, 0.1):.5f},waste,,{1 + k % 5},,Karaganda,\"A long description of finding {k} "
             f"that wraps onto a second line of the table.\",test" for k in range(30)]
    (out / "f.csv").write_text("\n".join(lines + extra) + "\n", encoding="utf-8")
    import_findings(str(out / "f.csv"), path)
    import_media(os.path.join(sample_dir, "photos"), path, "+06:00", 462, thumbnailer=qt_thumbnailer())
    assign_regions(path, os.path.join(sample_dir, "kz_admin1.gpkg"),
                   settlements=os.path.join(sample_dir, "settlements.gpkg"),
                   districts=os.path.join(sample_dir, "kz_districts.gpkg"))
    compare_official(path, os.path.join(sample_dir, "official_landfills_synthetic.gpkg"), "registry_id",
                     layer_label="landfill registry (SYNTHETIC sample)")
    return path


def test_districts_get_the_findings_km_and_days(store):
    from green_envoy_plugin.store.bulk import read_rows

    districts = read_rows(store, "SELECT name, name_ru, name_kk, region, km, days, findings FROM districts")
    by_region = read_rows(store, "SELECT region, COUNT(*), COUNT(district) FROM findings WHERE region IS NOT NULL "
                                 "GROUP BY region")
    for region, count, with_district in by_region:
        assert with_district == count
        assert sum(d[6] for d in districts if d[3] == region) == count
    total = read_rows(store, "SELECT km, km_outside FROM route_totals")[0][0]
    assert sum(d[4] for d in districts) == pytest.approx(total, rel=0.01)
    karaganda = {d[0]: d for d in districts if d[3] == "Karaganda Region"}
    assert "Karaganda (city)" in karaganda and karaganda["Karaganda (city)"][1] == "г. Караганда"
    visits = dict(read_rows(store, "SELECT name, visits FROM regions WHERE visited = 1"))
    assert visits["Almaty"] == '[["2025-08-01", "2025-08-01", 1], ["2025-11-28", "2025-11-28", 1]]'


@pytest.fixture(scope="module")
def pages(store, tmp_path_factory):
    from green_envoy_plugin.app.atlas import export_atlas

    sample_dir = SAMPLE
    out = tmp_path_factory.mktemp("pages")
    result = {}
    for language in ("en", "ru", "kk"):
        exported = export_atlas(store, str(out / language), language=language,
                                media_dir=os.path.join(sample_dir, "photos"))
        result[language] = {os.path.basename(p): p for p in exported.pdfs}
    return result


def test_visits_places_districts_and_sources_on_the_pages(pages):
    almaty = _text(pages["en"]["almaty.pdf"])
    assert "Visited 1 August (1 day); 28 November 2025 (1 day)" in almaty
    assert "Visited 1 August – 28 November" not in almaty  # the data period (sources) may span them
    karaganda = _text(pages["en"]["karaganda_region.pdf"])
    assert "By district (km ridden · findings):" in karaganda and "Karaganda (city)" in karaganda
    assert re.search(r"\d+ km (N|NE|E|SE|S|SW|W|NW) of (Karaganda|Temirtau)", karaganda)
    for language, name in (("en", "karaganda_region.pdf"), ("ru", "karaganda_region_ru.pdf"),
                           ("kk", "karaganda_region_kk.pdf")):
        pdf = pages[language][name]
        for page in range(1, _pages(pdf) + 1):  # every page: the registry is the demo's, so SYNTHETIC
            text = _text(pdf, page, page)
            assert re.search("SYNTHETIC|СИНТЕТИЧЕСК|СИНТЕТИКАЛЫҚ", text), (language, page)
            assert text.split()[-1] == str(page) or re.search(rf"(?m)^\s*{page}\s*$", text)
    ru = _text(pages["ru"]["karaganda_region_ru.pdf"])
    assert "Карагандинская область" in ru and "км к " in ru and "г. Караганда" in ru and "Дата составления" in ru
    kk = _text(pages["kk"]["karaganda_region_kk.pdf"])
    assert "Өңірде" in kk and "Облыста" not in kk and "есептелмеген" not in kk and "Қарағанды қаласы" in kk
    # Dates and the graticule as each language writes them (a fluent reader's review): no N/E letters, the year
    # after a Russian date with its abbreviation, before a Kazakh one.
    assert "31 августа – 3 сентября 2025 г. (4 дня)" in ru and "с. ш." in ru and "в. д." in ru
    assert "2025 жылғы 31 тамыз – 3 қыркүйек (4 күн)" in kk and "с. е." in kk and "ш. б." in kk
    assert not re.search(r"°(\d\d′)?[NE]\b", ru + kk)
    for language, name in (("ru", "karaganda_region_ru.pdf"), ("kk", "karaganda_region_kk.pdf")):
        # The sources after the map page end on the page, their last word above the edge (the Russian and
        # Kazakh ran to a third line that the edge cut).
        words = subprocess.run(["pdftotext", "-bbox", "-f", "2", "-l", "2", pages[language][name], "-"],
                               capture_output=True, text=True, check=True).stdout
        height = float(re.search(r'<page width="[\d.]+" height="([\d.]+)"', words).group(1))
        lowest = max(float(y) for y in re.findall(r'yMax="([\d.]+)"', words))
        assert lowest < height - 2.0, (language, lowest, height)


def test_each_pdf_names_its_region_and_author_in_its_metadata(pages):
    """A report's PDFs are filed and found by their title: each region's own, in the page's language."""
    for language, name, title in (("en", "karaganda_region.pdf", "Karaganda Region"),
                                  ("ru", "karaganda_region_ru.pdf", "Карагандинская область"),
                                  ("kk", "almaty_kk.pdf", "Алматы қаласы")):
        info = subprocess.run(["pdfinfo", pages[language][name]], capture_output=True, text=True,
                              check=True).stdout
        fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
        assert fields["Title"].strip() == title, (language, fields.get("Title"))
        assert re.search("Green Envoy|Зелёный посланник|Жасыл елшісі", fields["Author"]), fields.get("Author")


def test_no_graticule_label_hangs_over_the_map_frame(pages):
    """A meridian meeting the bottom edge near a corner was labelled half outside the frame ("76°36 в. д." on
    Almaty, longer in Russian and Kazakh than "E"): such labels are left out, the others stay."""
    from green_envoy_plugin.atlas.pages import LANDSCAPE

    x, _y, width, _height = LANDSCAPE["map"]
    left, right = x * 72 / 25.4, (x + width) * 72 / 25.4
    labelled = 0
    for language in ("ru", "kk"):
        for name, pdf in pages[language].items():
            words = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-"], capture_output=True,
                                   text=True, check=True).stdout
            for x0, x1, text in re.findall(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<',
                                           words):
                if re.fullmatch(r"\d+°(\d\d′)?", text):
                    labelled += 1
                    assert left - 0.5 <= float(x0) and float(x1) <= right + 0.5, (name, text, x0, x1)
    assert labelled > 20


def test_the_table_continues_with_title_header_and_page_number(pages):
    pdf = pages["en"]["karaganda_region.pdf"]
    count = _pages(pdf)
    assert count >= 3
    text = _text(pdf)
    assert all(f"X-{k:03d}" in text for k in range(30))
    for page in range(3, count + 1):
        text = _text(pdf, page, page, layout=True)
        lines = [line for line in text.splitlines() if line.strip()]
        assert "Karaganda Region — findings (continued)" in lines[0] and lines[0].split()[-1] == str(page)
        assert re.match(r"\s*Id\s+Date\s+Category\s+Severity\s+Place\s+District\s+Registry\s+Description", lines[1])
    for language, name, heading in (("ru", "karaganda_region_ru.pdf", "Тяжесть"),
                                    ("kk", "karaganda_region_kk.pdf", "Ауырлығы")):
        assert heading in _text(pages[language][name], 2, 2)  # the whole word: not clipped


def test_photos_are_the_most_severe_findings_captioned_and_sharp(store, tmp_path, sample_dir, qgis_app):
    from qgis.PyQt.QtGui import QImage

    from green_envoy_plugin.atlas.facts import write_page_photos
    from green_envoy_plugin.store.bulk import read_rows
    from green_envoy_plugin.store.queries import visited_regions

    stems = dict(visited_regions(store))
    originals, thumbnails = write_page_photos(store, str(tmp_path), stems, os.path.join(sample_dir, "photos"))
    assert originals > 0 and thumbnails == 0
    shown = read_rows(store, "SELECT m.region, f.severity FROM media m JOIN findings f ON f.finding_id = m.finding_id "
                             "WHERE m.region = 'Karaganda Region' ORDER BY f.severity DESC")
    written = sorted(f for f in os.listdir(tmp_path) if f.startswith("karaganda_region_photo"))
    assert len(written) == min(4, len(shown))
    image = QImage(str(tmp_path / written[0]))
    # Its place on A4 is 42 x 31 mm, the photo fitted inside: printed at >= 300 ppi (the thumbnails: ~155).
    printed_mm = min(42.0, 31.0 * image.width() / image.height())
    assert image.width() / (printed_mm / 25.4) >= 300
    assert image.pixelColor(image.width() // 2, image.height() - 2).lightness() > 200  # the caption band


def test_combined_atlas_pages_bookmarks_and_links(store, tmp_path):
    from green_envoy_plugin.app.atlas import export_atlas

    pdf = export_atlas(store, str(tmp_path), combined=True, language="kk").pdfs[0]
    contents = _text(pdf, 1, 1, layout=True)
    assert "Мазмұны" in contents and re.search(r"Күн\s+Мәселе.*\n.*саны\s+саны", contents)  # headers on 2 lines
    assert "Алматы қаласы" in contents and "Қарағанды облысы" in contents
    first = {m.group(1): int(m.group(2)) for m in re.finditer(r"(Алматы қаласы|Қарағанды облысы)\s.*?(\d+)\s*$",
                                                              contents, re.MULTILINE)}
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", pdf], capture_output=True, text=True,
                         check=True).stdout
    outline = re.findall(r'<item page="(\d+)">(.*?)</item>', xml)
    assert outline[0] == ("1", "Шолу және мазмұны")
    marks = dict((title, int(page)) for page, title in outline)
    for name, page in first.items():
        assert marks[name] == page  # bookmark, contents and printed number agree
        printed = _text(pdf, page, page, layout=True).split()
        assert str(page) in printed[:12] or str(page) == printed[-1]
    assert "Карта" in [title for _page, title in outline]
    links = re.findall(r'<a href="[^"#]*#(\d+)">([^<]*)</a>', xml.split("</page>")[0])
    assert ("{}".format(first["Қарағанды облысы"]), "Қарағанды облысы") in links
    assert "12" in contents or "км" in contents  # the total, in the locale, with the part outside all regions
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert re.search(r"(?m)^Title:\s+Ұлы Даланың Жасыл елшісі: өңірлер атласы$", info), info  # kept by the appender


def test_a_store_assigned_before_visits_were_stored_states_days_not_a_span(store, tmp_path):
    import json
    import shutil

    from osgeo import ogr

    from green_envoy_plugin.atlas.facts import page_variables

    old = str(tmp_path / "old.gpkg")
    shutil.copy(store, old)
    ds = ogr.Open(old, 1)  # GDAL: the GeoPackage's triggers need its SQL functions
    ds.ExecuteSQL("UPDATE regions SET visits = NULL")
    ds = None
    subtitles = json.loads(page_variables(old, "en")["subtitles"])
    assert subtitles["Almaty"] == "First day 1 August 2025, last day 28 November 2025 (2 days in the region)"

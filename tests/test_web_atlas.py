"""The offline web atlas (issue 18): the folder it writes from the demo expedition, checked against the store; its
refusals; the CLI and Processing entry points; the vendored libraries against web/package-lock.json; and the pages
opened from file:// in Debian's Chromium (headless, driven by Playwright), clicked, switched and looked at."""

import contextlib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

import pytest

from green_envoy_plugin.errors import StepError
from green_envoy_plugin.store.bulk import point_xy, read_rows

from .helpers import ROOT, SAMPLE, keep_screenshot

WEB = os.path.join(ROOT, "web")
BUILT = os.path.join(ROOT, "resources", "web")


def demo_store(folder: str) -> str:
    """The demo's store (tracks, findings, photos, regions, the synthetic registry), without its PDF atlas."""
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.media import import_media
    from green_envoy_plugin.steps.official import compare_official
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.steps.tracks import import_gpx
    from green_envoy_plugin.thumbnails import qt_thumbnailer

    store = os.path.join(folder, "expedition.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx")], store)
    import_findings(os.path.join(SAMPLE, "findings.csv"), store)
    with open(os.path.join(SAMPLE, "photos", "camera_clock.json"), encoding="utf-8") as handle:
        camera = json.load(handle)
    import_media(os.path.join(SAMPLE, "photos"), store, camera["clock_tz"], camera["clock_offset_s"],
                 thumbnailer=qt_thumbnailer(), all_thumbnails=True)  # as the demo does
    assign_regions(store, os.path.join(SAMPLE, "kz_admin1.gpkg"),
                   settlements=os.path.join(SAMPLE, "settlements.gpkg"))
    compare_official(store, os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "registry_id",
                     layer_label="landfill registry (SYNTHETIC sample)")
    return store


@pytest.fixture(scope="module")
def atlas(tmp_path_factory, qgis_app):
    """(store, web atlas folder, result) of the demo expedition."""
    from green_envoy_plugin.web_atlas.export import export_web_atlas

    folder = tmp_path_factory.mktemp("web_atlas")
    store = demo_store(str(folder))
    out = str(folder / "web")
    result = export_web_atlas(store, out, media_dir=os.path.join(SAMPLE, "photos"))
    return store, out, result


def script_data(path: str) -> dict:
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    name, _, body = text.partition(" = ")
    assert name.startswith("window.GE_") and body.endswith(";\n")
    return json.loads(body[:-2])


def test_the_folder_has_an_overview_and_a_page_per_visited_region_and_stays_small(atlas):
    store, out, result = atlas
    visited = read_rows(store, "SELECT file_stem FROM regions WHERE visited = 1")
    assert len(visited) == 18
    expected = ["index.html"] + [f"{stem}.html" for (stem,) in visited]
    assert sorted(os.path.basename(p) for p in result.pages) == sorted(expected)
    assert result.findings == 113 and result.findings_unplaced == [] and result.problems == []
    assert result.photos == 12 and result.enlarged == 12
    size = sum(os.path.getsize(os.path.join(d, n)) for d, _s, names in os.walk(out) for n in names)
    assert size == result.size_bytes < 30_000_000


def test_every_page_loads_only_files_beside_it(atlas):
    """No CDN, no absolute path: each script and style a page names is a relative path to a file in the folder."""
    _store, out, result = atlas
    for page in result.pages:
        with open(page, encoding="utf-8") as handle:
            html = handle.read()
        references = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', html)
        assert len(references) >= 6, page
        for reference in references:
            assert "://" not in reference and not reference.startswith(("/", "//")), (page, reference)
            assert os.path.isfile(os.path.join(out, reference)), (page, reference)
    for folder, _dirs, names in os.walk(out):
        for name in names:
            if name.endswith((".js", ".css", ".html")):
                with open(os.path.join(folder, name), encoding="utf-8") as handle:
                    text = handle.read()
                # A link to a site (Leaflet's own credit) is not a load; a source or a stylesheet's url() would be.
                assert not re.search(r"src\s*=\s*[\"']?(https?:)?//", text), name
                assert not re.search(r"url\(\s*[\"']?(https?:)?//|@import", text), name
    assert script_data(os.path.join(out, "data", "common.js"))["basemap"] is None


def test_the_findings_are_the_stores_with_rounded_positions(atlas):
    store, out, _result = atlas
    common = script_data(os.path.join(out, "data", "common.js"))
    rows = {fid: (cat, sev, region, point_xy(geom)) for fid, cat, sev, region, geom in read_rows(
        store, "SELECT finding_id, category, severity, region, geom FROM findings")}
    assert len(common["findings"]) == len(rows) == 113
    for finding in common["findings"]:
        category, severity, region, (lon, lat) = rows[finding["id"]]
        assert (finding["cat"], finding["sev"], finding["region"]) == (category, severity, region)
        assert finding["ll"] == [round(lat, 5), round(lon, 5)]
        assert 1 <= finding["day"] <= common["days"]
    photographed = [f for f in common["findings"] if f["photos"]]
    linked = read_rows(store, "SELECT count(*) FROM media WHERE finding_id IS NOT NULL")[0][0]
    assert sum(len(f["photos"]) for f in photographed) == linked == 12
    for finding in photographed:
        for k in finding["photos"]:
            photo = common["photos"][k]
            assert photo["finding"] == finding["id"]
            assert os.path.getsize(os.path.join(out, photo["thumb"])) > 1000
            assert os.path.getsize(os.path.join(out, photo["big"])) > os.path.getsize(os.path.join(out, photo["thumb"]))


def test_the_route_is_generalised_and_rounded_for_each_page(atlas):
    _store, out, _result = atlas
    common = script_data(os.path.join(out, "data", "common.js"))
    country = [point for piece in common["route"] for point in piece["line"]]
    region = script_data(os.path.join(out, "data", "region-pavlodar_region.js"))
    detailed = [point for piece in region["route"] for point in piece["line"]]
    stored = read_rows(atlas[0], "SELECT sum(length(geom)) FROM route_overview")[0][0] // 16  # ~vertices
    assert 1000 < len(country) < stored / 3
    assert all(round(v, 3) == v for point in country for v in point)
    assert all(round(v, 4) == v for point in detailed for v in point)
    assert len(detailed) > 500


def test_a_region_profile_knows_where_each_point_is(atlas):
    """The profile that the PDF atlas draws (the stored one), each point placed on the route in its region: the
    map's marker follows the pointer along the profile."""
    from shapely import wkb
    from shapely.geometry import Point
    from shapely.prepared import prep

    from green_envoy_plugin.store.bulk import wkb_of

    store, out, _result = atlas
    region = script_data(os.path.join(out, "data", "region-pavlodar_region.js"))
    stored = json.loads(read_rows(store, "SELECT profile FROM regions WHERE name = 'Pavlodar Region'")[0][0])
    points = region["profile"]["points"]
    assert 300 < len(points) <= 800
    assert points[-1][0] == pytest.approx(stored[0][-1], abs=0.01)
    shape = wkb.loads(bytes(wkb_of(read_rows(store, "SELECT geom FROM regions WHERE name = 'Pavlodar Region'")[0][0])))
    near = prep(shape.simplify(0.01).buffer(0.03))
    assert all(near.contains(Point(lon, lat)) for _km, _m, lat, lon in points)
    assert [p[0] for p in points] == sorted(p[0] for p in points)


def test_the_symbols_are_the_pdf_atlas_symbols(atlas):
    """Categories with their colour and shape (core/categories.py), the route shaded by day as the PDF atlas
    shades it."""
    from green_envoy_plugin.atlas.styles import ROUTE_FIRST, ROUTE_LAST
    from green_envoy_plugin.core.categories import CATEGORIES, SHAPES

    common = script_data(os.path.join(atlas[1], "data", "common.js"))
    assert common["categories"] == [{"key": key, "colour": colour, "shape": SHAPES[key]}
                                    for key, (_label, colour) in CATEGORIES.items()]
    assert common["route_ramp"] == [ROUTE_FIRST, ROUTE_LAST]


def test_the_labels_are_in_three_languages(atlas):
    _store, out, _result = atlas
    texts = script_data(os.path.join(out, "data", "common.js"))["texts"]
    assert set(texts) == {"en", "ru", "kk"}
    en, ru, kk = (texts[code]["labels"] for code in ("en", "ru", "kk"))
    same = {key for key in en if en[key] == ru[key] or en[key] == kk[key]}
    assert same <= {"date_short", "profile_point"}, same
    assert "веб-атлас" in kk["title"] and "қ" in texts["kk"]["months"][11]
    assert texts["ru"]["months"][7] == "августа"
    assert texts["kk"]["categories"]["water"] != texts["en"]["categories"]["water"]


def test_a_second_export_replaces_the_folder_whole(atlas, tmp_path):
    from green_envoy_plugin.web_atlas.export import export_web_atlas

    store, _out, _result = atlas
    out = tmp_path / "web"
    export_web_atlas(store, str(out), regions=["Павлодарская область"], enlarger=None)
    (out / "stale.txt").write_text("from before")
    (tmp_path / f".partial-{2 ** 22 + 7}-abcdef-web").mkdir()  # left by a killed export (no such process)
    result = export_web_atlas(store, str(out), regions=["almaty", "Jetisu Region"], language="kk", enlarger=None)
    assert sorted(os.listdir(out)) == sorted(["index.html", "almaty.html", "jetisu_region.html", "assets", "data",
                                              "photos", "findings.csv", "README.txt", ".green-envoy-web-atlas"])
    assert [p for p in os.listdir(tmp_path) if p.startswith(".partial-")] == []
    assert result.enlarged == 0 and len(result.thumbnail_only) == 12  # no image reader given: thumbnails only
    assert '<html lang="kk">' in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("kwargs, message", [
    ({"regions": ["Atlantis"]}, "not a visited region: Atlantis"),
    ({"basemap": "tiles.example/{z}/{x}.png"}, "not an XYZ tile address"),
    ({"language": "de"}, "not one of en, ru, kk"),
    ({"media_dir": "/nonexistent/photos"}, "no such media folder"),
])
def test_bad_inputs_are_refused_before_anything_is_written(atlas, tmp_path, kwargs, message):
    from green_envoy_plugin.web_atlas.export import export_web_atlas

    with pytest.raises(StepError, match=message):
        export_web_atlas(atlas[0], str(tmp_path / "web"), **kwargs)
    assert os.listdir(tmp_path) == []


def test_a_folder_of_other_files_is_never_replaced(atlas, tmp_path):
    from green_envoy_plugin.web_atlas.export import export_web_atlas

    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StepError, match="a folder with other files"):
        export_web_atlas(atlas[0], str(tmp_path))
    assert os.listdir(tmp_path) == ["notes.txt"]


def test_the_command_line_prints_the_overview_page(atlas, tmp_path):
    store = atlas[0]
    run = [sys.executable, "-m", "green_envoy_plugin", "web-atlas", "--gpkg", store, "--regions", "Shymkent"]
    env = {**os.environ, "PYTHONPATH": ROOT}
    done = subprocess.run([*run, "--out", str(tmp_path / "web")], capture_output=True, text=True, env=env, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == str(tmp_path / "web" / "index.html")
    missing = subprocess.run([*run[:4], "--gpkg", str(tmp_path / "none.gpkg"), "--out", str(tmp_path / "w2")],
                             capture_output=True, text=True, env=env, check=False, timeout=120)
    assert missing.returncode == 1 and "Traceback" not in missing.stderr
    assert [line for line in missing.stderr.splitlines() if line.startswith("error:")] != []
    assert not (tmp_path / "w2").exists()


def test_processing_writes_the_same_atlas(atlas, qgis_processing, tmp_path):
    import processing
    from qgis.core import QgsApplication

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider

    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        result = processing.run("greenenvoy:exportwebatlas", {
            "GPKG": atlas[0], "OUTPUT": str(tmp_path / "web"), "LANGUAGE": 1, "REGIONS": "Astana, Shymkent"})
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
    assert result["PAGES"] == 3 and result["INDEX"] == str(tmp_path / "web" / "index.html")
    assert '<html lang="ru">' in (tmp_path / "web" / "astana.html").read_text(encoding="utf-8")


def test_the_vendored_libraries_are_the_locked_ones():
    """resources/web/ is what `make web` builds from web/: each library at its pinned version, every file as the
    build recorded it (tools/build_web.py --check compares with a fresh npm install; this needs no npm)."""
    with open(os.path.join(WEB, "package.json"), encoding="utf-8") as handle:
        pins = json.load(handle)["dependencies"]
    with open(os.path.join(WEB, "package-lock.json"), encoding="utf-8") as handle:
        lock = json.load(handle)["packages"]
    with open(os.path.join(BUILT, "vendor", "MANIFEST.json"), encoding="utf-8") as handle:
        manifest = json.load(handle)
    assert set(manifest) == set(pins) == {"leaflet", "leaflet.markercluster"}
    for name, entry in manifest.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", pins[name]) and entry["version"] == pins[name]
        assert lock[f"node_modules/{name}"]["version"] == entry["version"]
        assert lock[f"node_modules/{name}"]["integrity"] == entry["integrity"]
        assert entry["license"] in ("BSD-2-Clause", "MIT")
        for path, digest in entry["files"].items():
            with open(os.path.join(BUILT, "vendor", name, path), "rb") as handle:
                assert hashlib.sha256(handle.read()).hexdigest() == digest, path
        assert entry["licence_file"] in entry["files"]
    for name in ("page.html", "atlas.js", "atlas.css"):
        with open(os.path.join(WEB, "src", name), "rb") as source, open(os.path.join(BUILT, name), "rb") as built:
            assert source.read() == built.read(), f"resources/web/{name} is not web/src/{name}: run `make web`"


# ---- the pages in a real browser: Debian's chromium, headless, driven by Playwright (its own browsers never used)

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip("Debian's chromium is not installed (`make test` installs it: DEBIAN_PACKAGES)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield chromium
        chromium.close()


@contextlib.contextmanager
def opened(browser, folder: str, page_name: str):
    """The page opened from file://, every request that would leave the machine refused and listed, every console
    error, warning and uncaught exception listed; yields (page, problems, outside) once the atlas is drawn."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    outside: list[str] = []
    problems: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(f"exception: {error}"))
    page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
    try:
        page.goto(f"file://{os.path.join(folder, page_name)}")
        page.wait_for_function("window.GEAtlas && window.GEAtlas.ready", timeout=10_000)
        yield page, problems, outside
    finally:
        context.close()


def screenshot(page, tmp_path, name: str, full_page: bool = True) -> None:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 20_000
    keep_screenshot(path)  # GREEN_ENVOY_KEEP_SCREENSHOTS=build/screenshots keeps it for people to look at


def test_the_overview_opens_offline_with_all_113_findings(atlas, browser, tmp_path):
    _store, out, _result = atlas
    with opened(browser, out, "index.html") as (page, problems, outside):
        assert page.evaluate("GEAtlas.readyMs") < 2000  # interactive within 2 s of the navigation
        assert page.evaluate("GEAtlas.shownFindings()") == 113
        # What the map draws: the clusters' counts and the single symbols add up to every finding.
        clustered = sum(int(n) for n in page.locator(".ge-cluster text").all_text_contents())
        single = page.locator(".ge-finding").count()
        assert clustered + single == 113 and clustered > 0
        assert page.inner_text("#ge-showing") == "Showing 113 of 113 findings"
        assert page.locator("table.ge-regions tbody tr").count() == 18
        # Almaty is left on the first day and reached again on the last: two visits, not a stay of four months.
        almaty = page.locator("table.ge-regions tbody tr", has_text="Almaty").first.inner_text()
        assert "1 August 2025; 28 November 2025" in almaty, almaty
        # Without a basemap the context is drawn as vectors: the seas and lakes named, the neighbours, the towns.
        assert {"Caspian Sea", "Aral Sea", "Lake Balkhash"} <= set(page.locator(".ge-water-label").all_inner_texts())
        assert "Astana" in page.locator(".ge-town-label").all_inner_texts()
        screenshot(page, tmp_path, "web_atlas_overview.png")
        assert problems == [] and outside == []


def test_a_click_on_a_finding_opens_its_popup_with_its_photo(atlas, browser, tmp_path):
    _store, out, _result = atlas
    with opened(browser, out, "pavlodar_region.html") as (page, problems, outside):
        screenshot(page, tmp_path, "web_atlas_region_pavlodar.png")
        page.evaluate("GEAtlas.showFinding('F-031', false)")
        page.locator('[data-finding="F-031"]').click()
        popup = page.locator('[data-popup-finding="F-031"]')
        popup.wait_for()
        assert "F-031" in popup.inner_text() and "Soil, pastures and forest areas" in popup.inner_text()
        thumbnail = popup.locator(".ge-thumb img")
        thumbnail.wait_for()
        page.wait_for_function("document.querySelector('.ge-thumb img').complete")
        assert thumbnail.evaluate("img => img.naturalWidth") > 100
        thumbnail.click()
        large = page.locator(".ge-viewer-image")
        large.wait_for()
        page.wait_for_function("document.querySelector('.ge-viewer-image').complete")
        assert large.evaluate("img => img.naturalWidth") > thumbnail.evaluate("img => img.naturalWidth")
        assert "Finding F-031" in page.inner_text(".ge-viewer-caption")
        screenshot(page, tmp_path, "web_atlas_viewer.png", full_page=False)  # the viewer covers the window
        page.keyboard.press("Escape")
        assert page.locator("#ge-viewer").is_hidden()
        assert problems == [] and outside == []


def test_the_viewer_steps_through_the_regions_photos(atlas, browser):
    _store, out, _result = atlas
    with opened(browser, out, "pavlodar_region.html") as (page, problems, _outside):
        page.locator('[data-photo="0"]').dispatch_event("click")
        page.locator(".ge-thumb-wide").click()
        caption = page.locator(".ge-viewer-caption")
        assert caption.inner_text().startswith("Photo 1 of 3")
        first = page.get_attribute(".ge-viewer-image", "src")
        page.keyboard.press("ArrowRight")
        assert caption.inner_text().startswith("Photo 2 of 3")
        assert page.get_attribute(".ge-viewer-image", "src") != first
        page.locator(".ge-viewer-prev").click()
        page.locator(".ge-viewer-prev").click()
        assert caption.inner_text().startswith("Photo 3 of 3")
        assert problems == []


def test_the_region_table_matches_the_store(atlas, browser):
    store, out, _result = atlas
    rows = read_rows(store, "SELECT finding_id, severity, category, description FROM findings "
                            "WHERE region = 'Kyzylorda Region'")
    with opened(browser, out, "kyzylorda_region.html") as (page, problems, _outside):
        cells = page.eval_on_selector_all(
            "table.ge-findings tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")
        assert len(cells) == len(rows) == 21
        shown = {row[0]: (int(row[3]), row[2], row[6]) for row in cells}
        labels = {"air": "Air quality and industrial zones", "water": "Rivers, lakes and water resources",
                  "soil": "Soil, pastures and forest areas", "landfill": "Waste landfills and irrigated lands",
                  "waste": "Household and industrial waste"}
        assert shown == {fid: (severity, labels[category], text) for fid, severity, category, text in rows}
        assert [int(row[3]) for row in cells] == sorted((int(row[3]) for row in cells), reverse=True)
        ids = "rows => rows.map(r => r.cells[0].innerText)"
        page.locator("th button[data-sort='id']").click()
        assert page.eval_on_selector_all("table.ge-findings tbody tr", ids) == sorted(shown)
        page.locator("th button[data-sort='id']").click()  # again: the other way
        assert page.eval_on_selector_all("table.ge-findings tbody tr", ids) == sorted(shown, reverse=True)
        assert problems == []


def test_the_language_switch_changes_the_labels(atlas, browser):
    store, out, _result = atlas
    (name_ru, name_kk), = read_rows(store, "SELECT name_ru, name_kk FROM regions WHERE name = 'Jetisu Region'")
    with opened(browser, out, "jetisu_region.html") as (page, problems, _outside):
        assert page.inner_text("#ge-heading") == "Jetisu Region"
        english = page.inner_text("#ge-side")
        page.locator('button[data-lang="ru"]').click()
        assert page.inner_text("#ge-heading") == name_ru
        assert "Условные обозначения" in page.inner_text("#ge-side") and "Legend" not in page.inner_text("#ge-side")
        assert page.evaluate("document.documentElement.lang") == "ru"
        page.locator('button[data-lang="kk"]').click()
        assert page.inner_text("#ge-heading") == name_kk == "Жетісу облысы"
        kazakh = page.inner_text("#ge-side")
        assert "Шартты белгілер" in kazakh and kazakh != english
        assert "тамыз" in page.inner_text("#ge-subtitle")  # dates in Kazakh: August is тамыз
        assert "Балқаш көлі" in page.locator(".ge-water-label").all_inner_texts()
        assert page.get_attribute("a[rel=next]", "href").endswith("?lang=kk")
        assert page.evaluate("location.search") == "?lang=kk"
        assert problems == []


def test_the_day_filter_shows_the_findings_up_to_a_day(atlas, browser):
    from datetime import date, datetime, timedelta, timezone

    store, out, _result = atlas
    first = date.fromisoformat(read_rows(store, "SELECT min(day) FROM tracks")[0][0])
    days = [(datetime.fromisoformat(t.replace("Z", "+00:00")).astimezone(timezone(timedelta(hours=5))).date()
             - first).days + 1 for (t,) in read_rows(store, "SELECT observed_at FROM findings")]
    with opened(browser, out, "index.html") as (page, problems, _outside):
        page.fill("#ge-day", "40")
        assert page.evaluate("GEAtlas.shownFindings()") == sum(d <= 40 for d in days) > 0
        assert page.inner_text("#ge-day-out") == "Day 40 · 9 September 2025"
        page.select_option("#ge-day-mode", "only")
        assert page.evaluate("GEAtlas.shownFindings()") == sum(d == 40 for d in days)
        page.locator("#ge-day-reset").click()
        assert page.evaluate("GEAtlas.shownFindings()") == 113
        assert problems == []
    (start, end), = read_rows(store, "SELECT first_day, last_day FROM regions WHERE name = 'Kyzylorda Region'")
    with opened(browser, out, "kyzylorda_region.html") as (page, problems, _outside):
        # A region page's slider runs over the region's own days.
        expected = [(date.fromisoformat(d) - first).days + 1 for d in (start, end)]
        assert [int(page.get_attribute("#ge-day", name)) for name in ("min", "max")] == expected
        page.fill("#ge-day", str(expected[0]))
        assert page.evaluate("GEAtlas.shownFindings()") == 0  # 28 October: the region entered, nothing found yet
        assert problems == []


def test_pointing_at_the_profile_shows_the_place_on_the_map(atlas, browser):
    _store, out, _result = atlas
    with opened(browser, out, "abay_region.html") as (page, problems, _outside):
        hit = page.locator("#ge-profile-hit")
        hit.scroll_into_view_if_needed()
        box = hit.bounding_box()
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
        assert page.locator(".leaflet-ge-cursor-pane path").count() == 1
        assert re.fullmatch(r"[\d,.]+ km · [\d,]+ m", page.text_content(".ge-profile-label"))
        page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] - 80)  # off the profile: the place goes
        assert page.locator(".leaflet-ge-cursor-pane path").count() == 0
        # And the other way: pointing at the route on the map shows that place on the profile.
        page.locator("#ge-map").scroll_into_view_if_needed()
        x, y, km = page.evaluate("""() => {
            const p = GE_REGION.profile.points[300], box = document.getElementById('ge-map').getBoundingClientRect();
            const at = GEAtlas.map.latLngToContainerPoint([p[2], p[3]]);
            return [at.x + box.left, at.y + box.top, p[0]]; }""")
        page.mouse.move(x, y)
        shown = float(page.text_content(".ge-profile-label").split(" km")[0].replace(",", ""))
        assert shown == pytest.approx(km, abs=15)
        assert problems == []


def test_a_basemap_is_drawn_only_when_asked_for(atlas, browser, tmp_path):
    """--basemap adds the XYZ tiles under the vectors (for an atlas published online); the tiles are the only
    requests that leave the page, and they go to the address given."""
    from green_envoy_plugin.web_atlas.export import export_web_atlas

    out = tmp_path / "online"
    export_web_atlas(atlas[0], str(out), regions=["Astana"], basemap="https://tiles.invalid/{z}/{x}/{y}.png",
                     basemap_attribution="© Tiles & co", enlarger=None)
    with opened(browser, str(out), "astana.html") as (page, problems, outside):
        page.wait_for_function("document.querySelectorAll('img.leaflet-tile').length > 0")
        assert outside and all(url.startswith("https://tiles.invalid/") for url in outside)
        assert {p.split(": ", 1)[0] for p in problems} <= {"failed", "error"}  # the refused tiles, nothing else
        assert "© Tiles & co" in page.inner_text(".leaflet-control-attribution")


def test_the_panel_exports_the_web_atlas(atlas, qgis_iface, qgis_new_project, tmp_path):
    """The panel's web atlas step: in the atlas step's language, the photos' larger images from the media folder."""
    from qgis.gui import QgsGui

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    QgsGui.editorWidgetRegistry().initEditors()
    panel = ExpeditionPanel(qgis_iface)
    panel.store.setFilePath(atlas[0])
    panel.language.setCurrentIndex(panel.language.findData("kk"))
    panel.media.setFilePath(os.path.join(SAMPLE, "photos"))
    panel.web_dir.setFilePath(str(tmp_path / "web"))
    result = panel.run_web_atlas()
    assert panel.last_error == ""
    assert len(result.pages) == 19 and result.enlarged == 12
    assert '<html lang="kk">' in (tmp_path / "web" / "astana.html").read_text(encoding="utf-8")
    assert panel.last_message[0] == f"Web atlas: 19 page(s) written to {tmp_path / 'web'}; open index.html"


def test_photos_are_upright_and_what_is_left_out_says_why(qgis_app, tmp_path):
    """The viewer's copy is turned as the store's EXIF orientation says (6: the camera held upright, a landscape
    frame stored); a video is named, not copied; a photo whose original is missing keeps its thumbnail."""
    from qgis.PyQt.QtGui import QColor, QImage

    from green_envoy_plugin.web_atlas.photos import qt_enlarger, write_photos

    media_dir = tmp_path / "media"
    media_dir.mkdir()
    frame = QImage(400, 200, QImage.Format.Format_RGB32)
    frame.fill(QColor("#2c7fb8"))
    assert frame.save(str(media_dir / "upright.jpg"), "JPEG")
    with open(media_dir / "upright.jpg", "rb") as handle:
        thumbnail = handle.read()

    def medium(path, kind="photo", orientation=1, thumb=thumbnail):
        return {"path": path, "kind": kind, "time": "2025-08-03T09:00", "direction": 90.0, "orientation": orientation,
                "region": "Jetisu Region", "finding": "F-001", "thumbnail": thumb, "xy": (77.0, 44.0)}

    out = tmp_path / "out"
    result = write_photos([medium("upright.jpg", orientation=6), medium("clip.mp4", kind="video", thumb=None),
                           medium("gone.jpg")], str(out), str(media_dir), qt_enlarger(), lambda _t: 3)
    big = QImage(str(out / result.entries[0]["big"]))
    assert (big.width(), big.height()) == (200, 400)
    assert result.entries[1]["thumb"] is None and result.left_out == ["clip.mp4: a video (only photos are copied)"]
    assert result.entries[2]["big"] is None and result.entries[2]["thumb"]
    assert result.thumbnail_only == [f"gone.jpg: not found in {media_dir}"]
    assert result.entries[0]["ll"] == [44.0, 77.0] and result.entries[0]["dir"] == 90.0


def test_an_edited_file_stem_cannot_leave_the_folder(atlas, tmp_path):
    from osgeo import ogr

    from green_envoy_plugin.web_atlas.export import export_web_atlas

    store = str(tmp_path / "edited.gpkg")
    shutil.copyfile(atlas[0], store)
    edited = ogr.Open(store, 1)  # through GDAL: the GeoPackage's triggers call its ST_ functions
    edited.ExecuteSQL("UPDATE regions SET file_stem = '../../escaped' WHERE name = 'Astana'")
    edited.ExecuteSQL("UPDATE regions SET file_stem = 'escaped' WHERE name = 'Shymkent'")
    edited = None
    result = export_web_atlas(store, str(tmp_path / "out" / "web"), regions=["Astana", "Shymkent"], enlarger=None)
    assert sorted(os.path.basename(p) for p in result.pages) == ["escaped.html", "escaped_2.html", "index.html"]
    assert sorted(os.listdir(tmp_path / "out")) == ["web"] and not (tmp_path / "escaped.html").exists()


def test_typed_text_stays_text_in_the_pages_and_the_table(atlas, browser, tmp_path):
    """A description is what someone typed: markup in it is shown, never run; a formula stays text in the CSV."""
    import csv

    from osgeo import ogr

    from green_envoy_plugin.web_atlas.export import export_web_atlas

    store = str(tmp_path / "typed.gpkg")
    shutil.copyfile(atlas[0], store)
    typed = '=1+1 <img src=x onerror="window.pwned=1"><b>bold</b>'
    edited = ogr.Open(store, 1)
    edited.ExecuteSQL(f"UPDATE findings SET description = '{typed.replace(chr(39), chr(39) * 2)}' "
                      "WHERE finding_id = 'F-001'")
    edited = None
    out = str(tmp_path / "web")
    export_web_atlas(store, out, regions=["Jetisu Region"], enlarger=None)
    with opened(browser, out, "jetisu_region.html") as (page, problems, outside):
        cell = page.locator('tr[data-finding-row="F-001"] td').nth(6)
        assert cell.inner_text().startswith(typed) and cell.locator("img, b").count() == 0
        page.evaluate("GEAtlas.showFinding('F-001', true)")
        page.locator('[data-popup-finding="F-001"] .ge-pop-text').wait_for()
        assert page.inner_text('[data-popup-finding="F-001"] .ge-pop-text') == typed
        assert page.evaluate("window.pwned") is None and problems == [] and outside == []
    with open(os.path.join(out, "findings.csv"), encoding="utf-8-sig", newline="") as handle:
        rows = {row["finding_id"]: row for row in csv.DictReader(handle)}
    assert rows["F-001"]["description"] == "'" + typed and len(rows) == 113

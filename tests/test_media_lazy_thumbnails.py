"""Issue 12, photo speed: the default import stores the thumbnail the camera embedded and decodes no picture; a
photo without one is pictured from its original where it is shown (viewer: test_media_viewer.py, map tips:
test_media_viewer.py and here, atlas pages and web atlas: here); `--all-thumbnails` stores them all."""

import os
import shutil
import sqlite3

import pytest

from green_envoy_plugin.steps.media import import_media, store_missing_thumbnails
from green_envoy_plugin.steps.tracks import import_gpx
from green_envoy_plugin.thumbnails import make_thumbnail

from .helpers import straight_ride
from .helpers.paths import SAMPLE

CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "photos")
EMBEDDED = "exifpy_Canon_40D.jpg"  # a Canon 40D's file (made smaller by exif-py): its thumbnail in IFD1
PLAIN = "exiftool_Canon.jpg"  # exiftool's sample: the thumbnail taken out, as an editor's export is


class Counting:
    """Qt's thumbnailer, counting the start-ups (`prepare`) and the thumbnails asked for."""

    def __init__(self):
        self.prepared = self.made = 0

    def prepare(self):
        self.prepared += 1

    def __call__(self, path, embedded, orientation):
        self.made += 1
        return make_thumbnail(path, embedded, orientation)


def thumbnails(store):
    conn = sqlite3.connect(store)
    try:
        return dict(conn.execute("SELECT path, thumbnail FROM media"))
    finally:
        conn.close()


@pytest.fixture
def store(tmp_path, write_gpx):
    path = str(tmp_path / "e.gpkg")
    import_gpx([write_gpx("ride.gpx", straight_ride(20))], path)
    return path


def test_the_import_stores_the_embedded_thumbnail_and_decodes_no_picture(tmp_path, store, qgis_app):
    from qgis.PyQt.QtGui import QImage

    from green_envoy_plugin.core.media import read_media

    folder = tmp_path / "card"
    folder.mkdir()
    shutil.copy(os.path.join(CORPUS, PLAIN), folder)
    counting = Counting()
    report = import_media(str(folder), store, thumbnailer=counting)
    # Only photos without an embedded thumbnail: QGIS is not even started, nothing is decoded.
    assert (counting.prepared, counting.made) == (0, 0)
    assert thumbnails(store) == {PLAIN: None}
    assert report.thumbnails_later == 1 and "1 photo(s) without an embedded thumbnail" in report.line()

    shutil.copy(os.path.join(CORPUS, EMBEDDED), folder)
    report = import_media(str(folder), store, thumbnailer=counting)
    assert (counting.prepared, counting.made) == (1, 1)
    embedded = read_media(os.path.join(CORPUS, EMBEDDED), CORPUS).meta.thumbnail
    stored = thumbnails(store)
    assert stored[EMBEDDED] == embedded  # upright and small: stored as the camera wrote it
    assert stored[PLAIN] is None and report.thumbnails_later == 1  # placed by time: written again, still without

    # --all-thumbnails: the rest decoded from the originals, those stored before included.
    report = import_media(str(folder), store, thumbnailer=counting, all_thumbnails=True)
    stored = thumbnails(store)
    image = QImage.fromData(stored[PLAIN])
    assert not image.isNull() and max(image.width(), image.height()) <= 256
    assert stored[EMBEDDED] == embedded and report.thumbnails_later == 0
    # A default import again: the photo placed by time is written again and keeps the thumbnail it has now.
    made = counting.made
    report = import_media(str(folder), store, thumbnailer=counting)
    assert thumbnails(store)[PLAIN] == stored[PLAIN] and report.thumbnails_later == 0
    assert counting.made == made + 1  # the embedded one (placed by time too): taken from the file again


def test_a_photo_gone_from_its_folder_is_left_without_thumbnail(tmp_path, store, qgis_app):
    folder = tmp_path / "card"
    folder.mkdir()
    for name in (PLAIN, "exiftool_Nikon.jpg"):
        shutil.copy(os.path.join(CORPUS, name), folder)
    import_media(str(folder), store, thumbnailer=make_thumbnail)
    os.remove(folder / PLAIN)
    assert store_missing_thumbnails(store, make_thumbnail) == 1
    stored = thumbnails(store)
    assert stored[PLAIN] is None and stored["exiftool_Nikon.jpg"]


def test_the_web_atlas_makes_the_missing_thumbnail_from_the_original(tmp_path, qgis_app):
    from qgis.PyQt.QtGui import QImage

    from green_envoy_plugin.web_atlas.photos import qt_enlarger, write_photos

    item = {"path": PLAIN, "kind": "photo", "time": None, "finding": "", "region": "", "direction": None,
            "xy": None, "orientation": 1, "thumbnail": None, "folder": CORPUS}
    gone = {**item, "path": "gone.jpg"}
    result = write_photos([item, gone], str(tmp_path), "", qt_enlarger(), lambda _t: None)
    first, second = result.entries
    image = QImage(str(tmp_path / first["thumb"]))
    assert not image.isNull() and max(image.width(), image.height()) <= 256
    assert second["thumb"] is None and result.left_out == ["gone.jpg: no thumbnail in the store and no media "
                                                           "folder given"]


def test_the_atlas_pages_print_photos_stored_without_thumbnail(tmp_path, qgis_app):
    from qgis.PyQt.QtGui import QImage

    from green_envoy_plugin.atlas.facts import write_page_photos
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.regions import assign_regions
    from green_envoy_plugin.store.queries import visited_regions
    from green_envoy_plugin.thumbnails import qt_thumbnailer

    path = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(SAMPLE, "gpx", "2025-09-01.gpx")], path)
    import_findings(os.path.join(SAMPLE, "findings.csv"), path)
    card = shutil.copytree(os.path.join(SAMPLE, "photos"), tmp_path / "card")
    import_media(str(card), path, "+06:00", 462, thumbnailer=qt_thumbnailer())  # the sample's embed none
    assign_regions(path, os.path.join(SAMPLE, "kz_admin1.gpkg"))
    conn = sqlite3.connect(path)
    counted = dict(conn.execute("SELECT name, n_photos FROM regions WHERE n_photos > 0"))
    assert conn.execute("SELECT count(*) FROM media WHERE thumbnail IS NOT NULL").fetchone()[0] == 0
    conn.close()
    assert counted  # the pages count the photos they will print, thumbnails or not
    stems = dict(visited_regions(path))
    pages = tmp_path / "pages"
    pages.mkdir()
    originals, from_thumbnails = write_page_photos(path, str(pages), stems)
    assert (originals, from_thumbnails) == (sum(counted.values()), 0)
    for name, n in counted.items():
        for k in range(n):
            image = QImage(str(pages / f"{stems[name]}_photo{k}.jpg"))
            assert image.width() == 640  # the sample's originals, where the import read them
    # The card is gone and nothing was stored: a grey card carrying the caption keeps the page's frames filled.
    shutil.rmtree(card)
    assert write_page_photos(path, str(pages), stems) == (0, 0)
    name = next(iter(counted))
    image = QImage(str(pages / f"{stems[name]}_photo0.jpg"))
    assert image.width() == 1000 and image.pixelColor(500, 100).name() == "#dddddd"


def test_processing_stores_every_thumbnail_when_asked(tmp_path, store, qgis_processing):
    import processing
    from qgis.core import QgsApplication

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider

    folder = tmp_path / "card"
    folder.mkdir()
    shutil.copy(os.path.join(CORPUS, PLAIN), folder)
    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        processing.run("greenenvoy:importphotos", {"FOLDER": str(folder), "GPKG": store})
        assert thumbnails(store) == {PLAIN: None}
        processing.run("greenenvoy:importphotos", {"FOLDER": str(folder), "GPKG": store, "ALL_THUMBNAILS": True})
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
    assert thumbnails(store)[PLAIN][:2] == b"\xff\xd8"


def test_a_turned_photo_without_embedded_thumbnail_gets_an_upright_one(tmp_path, store, qgis_app):
    """The map tips show a photo without a stored thumbnail from its original, in a view that ignores the EXIF
    orientation: a photo stored on its side (orientation 6) gets its thumbnail at import, upright."""
    from datetime import datetime

    from qgis.PyQt.QtGui import QImage

    from green_envoy_plugin.core.exif import build_exif, insert_exif

    from .test_media import jpeg, photo

    folder = tmp_path / "card"
    photo(folder, "turned.jpg", insert_exif(jpeg(64, 32), build_exif(datetime(2025, 8, 1, 8, 0), orientation=6)))
    photo(folder, "upright.jpg", insert_exif(jpeg(64, 32), build_exif(datetime(2025, 8, 1, 8, 1))))
    counting = Counting()
    report = import_media(str(folder), store, thumbnailer=counting)
    stored = thumbnails(store)
    assert counting.made == 1 and stored["upright.jpg"] is None and report.thumbnails_later == 1
    image = QImage.fromData(stored["turned.jpg"])
    assert (image.width(), image.height()) == (32, 64)  # 64 x 32 stored, turned a quarter: upright

"""Thumbnails of real files: the camera's own when it is upright (stored byte for byte), an iPhone HEIC through
GDAL's HEIF driver (upright: libheif applies the file's rotation), a placeholder where no decoder can read the
file, and the same thumbnails in the same order whether made on one core or several."""

import os

import pytest

from green_envoy_plugin.core.media import read_media
from green_envoy_plugin.steps.feedback import SilentFeedback
from green_envoy_plugin.steps.media import _thumbnails
from green_envoy_plugin.thumbnails import heif_decoder, make_thumbnail

CORPUS = os.path.join(os.path.dirname(__file__), "data", "photos")


def size_of(blob):
    from qgis.PyQt.QtCore import QByteArray
    from qgis.PyQt.QtGui import QImage

    image = QImage()
    assert image.loadFromData(QByteArray(blob))
    return image.width(), image.height()


def thumbnail_of(name):
    meta = read_media(os.path.join(CORPUS, name), CORPUS).meta
    return meta, make_thumbnail(os.path.join(CORPUS, name), meta.thumbnail,
                                meta.orientation if meta.container != "heif" else 1)


def test_an_upright_embedded_thumbnail_is_stored_as_it_is(qgis_app):
    meta, thumb = thumbnail_of("exifpy_Canon_40D.jpg")
    assert meta.orientation == 1 and meta.thumbnail and thumb == meta.thumbnail


def test_a_sideways_embedded_thumbnail_is_turned(qgis_app):
    meta, _thumb = thumbnail_of("exifpy_Canon_40D.jpg")  # its camera's landscape thumbnail
    width, height = size_of(meta.thumbnail)
    turned = make_thumbnail(os.path.join(CORPUS, "exifpy_Canon_40D.jpg"), meta.thumbnail, 6)
    assert size_of(turned) == (height, width)


def test_iphone_heic_thumbnail_or_placeholder(qgis_app):
    _meta, thumb = thumbnail_of("exiv2_2021-02-13-1929.heic")  # 4032 x 3024 stored, orientation 6: portrait
    width, height = size_of(thumb)
    if heif_decoder():
        assert (width, height) == (192, 256)  # upright, from the 240 x 320 thumbnail the phone embedded
    else:
        assert (width, height) == (256, 192)  # the placeholder card


def test_a_file_no_decoder_reads_gets_the_placeholder(qgis_app):
    _meta, thumb = thumbnail_of("exiftool_QuickTime.heic")  # exiftool's HEIC has metadata but no picture
    assert size_of(thumb) == (256, 192)


@pytest.mark.parametrize("workers", [1, 2])
def test_thumbnails_on_several_cores_come_back_in_order(qgis_app, monkeypatch, workers):
    monkeypatch.setattr(os, "cpu_count", lambda: workers)
    names = sorted(n for n in os.listdir(CORPUS) if n.endswith((".jpg", ".JPG", ".png", ".tif")))
    jobs = []
    for name in names:
        meta = read_media(os.path.join(CORPUS, name), CORPUS).meta
        jobs.append((os.path.join(CORPUS, name), meta.thumbnail, meta.orientation))
    made = _thumbnails(make_thumbnail, jobs, SilentFeedback())
    assert made == [make_thumbnail(*job) for job in jobs]
    assert sum(blob is not None for blob in made) >= 30  # exiftool's and libexif's samples hold no picture

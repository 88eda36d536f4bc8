"""The media viewer: previous/next along the route by time, photos upright; and a real-window screenshot."""

import os
import re
import shutil

import pytest

from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.media import import_media
from green_envoy_plugin.steps.tracks import import_gpx
from green_envoy_plugin.thumbnails import make_thumbnail

from .helpers import screenshot_script

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory, qgis_app):
    work = tmp_path_factory.mktemp("viewer")
    store = str(work / "e.gpkg")
    sample = os.path.join(ROOT, "sample_data")
    import_gpx([os.path.join(sample, "gpx")], store)
    import_findings(os.path.join(sample, "findings.csv"), store)
    import_media(os.path.join(sample, "photos"), store, "+06:00", 462, thumbnailer=make_thumbnail)
    return store


def test_viewer_walks_the_media_in_time_order(sample_store, qgis_app):
    from green_envoy_plugin.gui.media_viewer import MediaViewer
    from green_envoy_plugin.qgis_layers import store_layer

    layer = store_layer(sample_store, "media")
    viewer = MediaViewer(layer)  # no media folder: the originals where they were imported from
    shown = []
    viewer.current_changed.connect(shown.append)
    assert viewer.position.text() == "1 / 12"
    assert not viewer.previous.isEnabled()
    for _ in range(11):
        viewer.next.click()
    assert viewer.position.text() == "12 / 12" and not viewer.next.isEnabled()
    times = [layer.getFeature(fid)["taken_at"] for fid in shown]
    assert times == sorted(times) and len(shown) == 11
    assert viewer.image.pixmap() is not None and not viewer.image.pixmap().isNull()
    assert "F-0" in viewer.caption.text() and "UTC" in viewer.caption.text()


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (Debian xvfb) is not installed")
def test_screenshot_under_xvfb_shows_the_sideways_photo_upright(tmp_path):
    from qgis.PyQt.QtGui import QImage

    png = tmp_path / "media_viewer.png"
    x, y, w, h = (int(v) for v in screenshot_script("screenshot_media_viewer.py", png).split()[-4:])
    screen = QImage(str(png))
    assert not screen.isNull()
    # The sample photo has a dark caption band at its top and brown ground at its bottom; stored sideways
    # (orientation 6), it must be shown turned back: the dark band at the top of the shown picture.
    column = [screen.pixelColor(x + w // 2, y + row) for row in range(h)]
    picture = [c for c in column if c.name() != column[0].name()] or column
    top, bottom = picture[len(picture) // 40], picture[-len(picture) // 20]
    assert top.lightness() < 70, top.name()
    assert bottom.red() > bottom.blue() + 30, bottom.name()  # the brown ground


def test_media_layer_style_and_map_tip_show_the_thumbnail(sample_store, tmp_path, qgis_app):
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsProject
    from qgis.PyQt.QtCore import QUrl

    from green_envoy_plugin.qgis_layers import add_store_layers
    from green_envoy_plugin.steps.media import store_missing_thumbnails

    def tip(store, project):
        layers = add_store_layers(store, project)
        media = layers["media"]
        feature = next(f for f in media.getFeatures() if f["kind"] == "photo")
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(media))
        context.setFeature(feature)
        return layers, feature, QgsExpression.replaceExpressionText(media.mapTipTemplate(), context)

    project = QgsProject()
    # The sample's photos embed no thumbnail: none stored, the tip shows the original where it was imported from.
    layers, feature, html = tip(sample_store, project)
    media = layers["media"]
    assert media.renderer().type() == "RuleRenderer"
    rules = {r.filterExpression() for r in media.renderer().rootRule().children()}
    assert rules == {'"direction" IS NOT NULL', '"direction" IS NULL'}
    assert not feature["thumbnail"]
    url = re.search(r'<img width="256" src="(file:///[^"]+)"', html)
    assert url and os.path.isfile(QUrl(url.group(1)).toLocalFile()), html
    assert QUrl(url.group(1)).toLocalFile() == os.path.join(feature["media_folder"], feature["path"])
    # Stored (import-photos --all-thumbnails): inline, no original file needed.
    stored = str(tmp_path / "stored.gpkg")
    shutil.copyfile(sample_store, stored)
    assert store_missing_thumbnails(stored, make_thumbnail) == 12
    _layers, feature, html = tip(stored, QgsProject())
    assert 'src="data:image/jpeg;base64,/9j/' in html and "file:" not in html
    assert feature["path"] in html
    group = project.layerTreeRoot().findGroup("Green Envoy")
    assert group is not None and len(group.findLayers()) == 4  # media, findings, route, regions (code lists: hidden)
    assert layers["code_lists"].flags() & layers["code_lists"].Private

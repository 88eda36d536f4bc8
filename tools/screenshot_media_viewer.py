"""Screenshot of the media viewer in a real window (run under Xvfb): `xvfb-run -a python this.py out.png`.

Builds a small store from the sample (one day of track, its findings and photos) plus one photo stored
sideways with EXIF orientation 6, opens the viewer on that photo, and grabs the whole virtual screen.
Prints the image area's rectangle on the screen (x y width height) for the test that checks it is upright.
"""

import io
import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main(out_png: str) -> None:
    from PIL import Image
    from screen import grab_when_drawn

    from green_envoy_plugin.qgis_app import ensure_qgis

    app = ensure_qgis(gui=True)
    from green_envoy_plugin.core.exif import build_exif, insert_exif, read_exif
    from green_envoy_plugin.gui.media_viewer import MediaViewer
    from green_envoy_plugin.qgis_layers import store_layer
    from green_envoy_plugin.steps.findings import import_findings
    from green_envoy_plugin.steps.media import import_media
    from green_envoy_plugin.steps.tracks import import_gpx
    from green_envoy_plugin.thumbnails import make_thumbnail

    sample = os.path.join(ROOT, "sample_data")
    work = tempfile.mkdtemp()
    media = os.path.join(work, "media")
    shutil.copytree(os.path.join(sample, "photos"), media)
    # The sample photo F-001 turned on its side in the file, with orientation 6 saying "rotate to view".
    original = os.path.join(media, "F-001_phone.jpg")
    meta = read_exif(original)
    sideways = Image.open(original).transpose(Image.ROTATE_90)
    buf = io.BytesIO()
    sideways.save(buf, "JPEG", quality=90)
    from datetime import datetime, timedelta, timezone

    taken = datetime.strptime(meta.taken, "%Y:%m:%d %H:%M:%S").replace(tzinfo=timezone(timedelta(hours=5)))
    with open(os.path.join(media, "F-001_sideways.jpg"), "wb") as out:
        out.write(insert_exif(buf.getvalue(), build_exif(taken, meta.lat, meta.lon, orientation=6)))
    store = os.path.join(work, "e.gpkg")
    import_gpx([os.path.join(sample, "gpx", "2025-08-03.gpx")], store)
    import_findings(os.path.join(sample, "findings.csv"), store)
    import_media(media, store, "+06:00", 462, thumbnailer=make_thumbnail)
    layer = store_layer(store, "media")
    start = next(f.id() for f in layer.getFeatures() if f["path"] == "F-001_sideways.jpg")
    viewer = MediaViewer(layer, media, start)
    viewer.move(0, 0)
    viewer.show()
    area = viewer.image

    def picture_drawn(image) -> bool:  # the photo's middle column holds more than one colour
        corner = area.mapToGlobal(area.rect().topLeft())
        x = corner.x() + area.width() // 2
        colours = {image.pixel(x, corner.y() + row) for row in range(0, area.height(), 8)}
        return len(colours) > 2

    screen = grab_when_drawn(app, viewer, picture_drawn)
    screen.save(out_png)
    top_left = area.mapToGlobal(area.rect().topLeft())
    print(top_left.x(), top_left.y(), area.width(), area.height(), flush=True)
    # Exit without tearing down Qt and QGIS in arbitrary order (it can crash, and nothing is left to save).
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1])

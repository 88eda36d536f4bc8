"""Upright JPEG thumbnails for the store (atlas pages and map tips work without the original files).

Qt does the image work because every QGIS has it: the camera's embedded EXIF thumbnail when there is one
(no decoding of the full image), else the photo decoded at reduced size (JPEG DCT scaling); the EXIF
orientation is applied, so the stored thumbnail is always the right way up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .steps.media import Thumbnailer

THUMBNAIL_PX = 256
# EXIF orientation -> (rotation in degrees clockwise, mirror horizontally first)
_ORIENTATION = {1: (0, False), 2: (0, True), 3: (180, False), 4: (180, True), 5: (90, True), 6: (90, False),
                7: (270, True), 8: (270, False)}


def qt_available() -> bool:
    try:
        from qgis.PyQt.QtGui import QImage  # noqa: F401
    except ImportError:
        return False
    return True


def qt_thumbnailer() -> Thumbnailer | None:
    """The thumbnail maker the entry points hand to `steps.media.import_media` (its `Thumbnailer`): Qt's, or
    None where Qt cannot be imported (media are then stored without thumbnails)."""
    return make_thumbnail if qt_available() else None


def make_thumbnail(path: str, embedded: bytes | None, orientation: int, size: int = THUMBNAIL_PX) -> bytes | None:
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
    from qgis.PyQt.QtGui import QImage, QImageReader, QTransform

    image = QImage()
    if embedded:
        image.loadFromData(QByteArray(embedded))
    if image.isNull():
        reader = QImageReader(path)
        reader.setAutoTransform(False)  # orientation applied below, the same way for both sources
        full = reader.size()
        if full.isValid() and max(full.width(), full.height()) > size:
            scale = size / max(full.width(), full.height())
            reader.setScaledSize(QSize(max(1, round(full.width() * scale)), max(1, round(full.height() * scale))))
        image = reader.read()
    if image.isNull():
        return None
    rotation, mirror = _ORIENTATION.get(orientation or 1, (0, False))
    if mirror:
        image = image.mirrored(True, False)
    if rotation:
        image = image.transformed(QTransform().rotate(rotation))
    if max(image.width(), image.height()) > size:
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 80)
    return bytes(data)

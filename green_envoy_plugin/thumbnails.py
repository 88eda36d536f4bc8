"""Upright JPEG thumbnails for the store (atlas pages and map tips work without the original files).

Qt does the image work because every QGIS has it: the camera's embedded EXIF thumbnail when there is one
(stored as it is when already upright; no decoding of the full image), else the photo decoded at reduced size
(JPEG DCT scaling; steps/media.py runs these on all cores, Qt releasing Python's lock while it decodes); the EXIF
orientation is applied, so the stored thumbnail is always the right way up. HEIC/HEIF/AVIF go through GDAL's
HEIF driver where this GDAL has one (its overview is the thumbnail the phone embedded; libheif has already
turned the picture upright), else they get a placeholder naming the format.

No picture is decoded whose pixels would not fit in memory: an embedded thumbnail claiming more than
MAX_THUMBNAIL_SIDE pixels is refused by core.exif_tiff, and a full picture is decoded only when its reduced
decode stays under MAX_DECODE_PIXELS (JPEG decodes at 1/8 scale; PNG, TIFF and HEIF at full size).
"""

from __future__ import annotations

import functools
import importlib.util
import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from .core.exif_tiff import jpeg_size

if TYPE_CHECKING:
    from .steps.media import Thumbnailer

THUMBNAIL_PX = 256
MAX_DECODE_PIXELS = 24_000_000  # ~96 MB as 32-bit pixels: the largest decode a thumbnail may cost
HEIF_EXTENSIONS = (".heic", ".heif", ".hif", ".avif")
# EXIF orientation -> (rotation in degrees clockwise, mirror horizontally first)
_ORIENTATION = {1: (0, False), 2: (0, True), 3: (180, False), 4: (180, True), 5: (90, True), 6: (90, False),
                7: (270, True), 8: (270, False)}


def qt_available() -> bool:
    try:
        from qgis.PyQt.QtGui import QImage  # noqa: F401
    except ImportError:
        return False
    return True


class QtThumbnailer:
    """`make_thumbnail` as the `Thumbnailer` of `steps.media`, with QGIS imported and started (`start`, on the
    calling thread, before any worker) only when there is a thumbnail to make: an import whose photos embed none
    (they are pictured from the original where shown) never pays QGIS's start-up, ~0.5 s of CPU."""

    def __init__(self, start: Callable[[], object] | None = None) -> None:
        self.start = start

    def prepare(self) -> None:
        if self.start is not None:
            self.start()
            self.start = None

    def __call__(self, path: str, embedded: bytes | None, orientation: int) -> bytes | None:
        return make_thumbnail(path, embedded, orientation)


def qt_thumbnailer(start: Callable[[], object] | None = None) -> Thumbnailer | None:
    """The thumbnail maker the entry points hand to `steps.media.import_media` (its `Thumbnailer`): Qt's, or
    None where QGIS's Python cannot be found (media are then stored without thumbnails). `start` starts QGIS
    where it is not running (the CLI's `ensure_qgis`)."""
    return QtThumbnailer(start) if importlib.util.find_spec("qgis") is not None else None


@functools.cache
def heif_decoder() -> str:
    """Which decoder makes HEIC thumbnails here: 'qt' (an image plugin), 'gdal' (its HEIF driver) or ''."""
    from qgis.PyQt.QtGui import QImageReader

    formats = {bytes(f).decode().lower() for f in QImageReader.supportedImageFormats()}
    if formats & {"heic", "heif"}:
        return "qt"
    try:
        from osgeo import gdal
    except ImportError:
        return ""
    return "gdal" if gdal.GetDriverByName("HEIF") is not None else ""


def make_thumbnail(path: str, embedded: bytes | None, orientation: int, size: int = THUMBNAIL_PX) -> bytes | None:
    from qgis.PyQt.QtCore import QByteArray, QSize
    from qgis.PyQt.QtGui import QImage, QImageReader

    if embedded and (orientation or 1) == 1:
        # The camera's own thumbnail already upright and small: stored as it is, nothing decoded or encoded.
        claimed = jpeg_size(embedded)
        if claimed is not None and 0 < min(claimed) and max(claimed) <= size:
            return embedded
    image = QImage()
    if embedded:
        image.loadFromData(QByteArray(embedded))
    heif = path.lower().endswith(HEIF_EXTENSIONS)
    if heif:
        orientation = 1  # libheif (behind GDAL or a Qt plugin) applies the file's rotation and mirroring itself
    if image.isNull() and heif and heif_decoder() != "qt":
        image = _heif_image(path, size)
    elif image.isNull():
        reader = QImageReader(path)
        reader.setAutoTransform(False)  # orientation applied below, the same way for both sources
        full = reader.size()
        if not full.isValid():
            return None
        scale = size / max(full.width(), full.height(), 1)
        jpeg = bytes(reader.format()).decode().lower() in ("jpeg", "jpg")
        decoded = full.width() * full.height() * (min(1.0, max(scale, 1 / 8)) ** 2 if jpeg else 1.0)
        if decoded > MAX_DECODE_PIXELS:
            return None  # a picture claiming more pixels than memory holds: no thumbnail, never a crash
        if scale < 1:
            reader.setScaledSize(QSize(max(1, round(full.width() * scale)), max(1, round(full.height() * scale))))
        image = reader.read()
    if image.isNull():
        return None
    return _encode(_upright(image, orientation), size)


def _upright(image, orientation: int):
    from qgis.PyQt.QtGui import QTransform

    rotation, mirror = _ORIENTATION.get(orientation or 1, (0, False))
    if mirror:
        image = image.mirrored(True, False)
    if rotation:
        image = image.transformed(QTransform().rotate(rotation))
    return image


def _encode(image, size: int) -> bytes:
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, Qt

    if max(image.width(), image.height()) > size:
        image = image.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", 80)
    return bytes(data)


def _heif_image(path: str, size: int):
    """A HEIF picture through GDAL (its smallest overview at least `size` px, the embedded thumbnail), else a
    placeholder."""
    try:
        from osgeo import gdal

        if gdal.GetDriverByName("HEIF") is None:
            return _placeholder(path, size)
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # a file GDAL cannot decode gets a placeholder, not a log line
        try:
            return _heif_by_gdal(gdal, path, size)
        finally:
            gdal.PopErrorHandler()
    except (ImportError, RuntimeError, AttributeError):
        return _placeholder(path, size)


def _heif_by_gdal(gdal, path: str, size: int):
    from qgis.PyQt.QtGui import QImage

    dataset = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY, allowed_drivers=["HEIF"])
    if dataset is None:
        return _placeholder(path, size)
    band = dataset.GetRasterBand(1)
    choice = None
    for k in range(band.GetOverviewCount()):
        overview = band.GetOverview(k)
        if max(overview.XSize, overview.YSize) >= size // 2 and (choice is None or overview.XSize < choice[0]):
            choice = (overview.XSize, overview.YSize)
    if choice is None and dataset.RasterXSize * dataset.RasterYSize > MAX_DECODE_PIXELS:
        return _placeholder(path, size)
    width, height = choice if choice else (dataset.RasterXSize, dataset.RasterYSize)
    scale = min(1.0, size / max(width, height))
    out_w, out_h = max(1, round(width * scale)), max(1, round(height * scale))
    bands = min(3, dataset.RasterCount)
    pixels = dataset.ReadRaster(0, 0, dataset.RasterXSize, dataset.RasterYSize, out_w, out_h,
                                band_list=list(range(1, bands + 1)), buf_pixel_space=bands,
                                buf_line_space=bands * out_w, buf_band_space=1)
    if pixels is None:
        return _placeholder(path, size)
    fmt = QImage.Format.Format_RGB888 if bands == 3 else QImage.Format.Format_Grayscale8
    return QImage(bytes(pixels), out_w, out_h, bands * out_w, fmt).copy()


def _placeholder(path: str, size: int):
    """A grey card with the file's format: the photo is in the store, its picture is not decodable here."""
    from qgis.PyQt.QtCore import QRect, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

    image = QImage(size, size * 3 // 4, QImage.Format.Format_RGB32)
    image.fill(QColor(200, 200, 200))
    painter = QPainter(image)
    painter.setPen(QColor(60, 60, 60))
    painter.setFont(QFont("DejaVu Sans", size // 8))
    painter.drawText(QRect(0, 0, image.width(), image.height()), int(Qt.AlignmentFlag.AlignCenter),
                     os.path.splitext(path)[1].lstrip(".").upper() or "?")
    painter.end()
    return image

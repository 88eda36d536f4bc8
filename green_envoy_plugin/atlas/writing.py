"""Writing an atlas's pages to files: each PDF or PNG whole or not at all (io/files.py), and the store's read
errors while the pages are drawn, which QGIS reports only to its log."""

from __future__ import annotations

import contextlib
import os

from qgis.core import QgsLayoutExporter

from ..io import files

STORE_READ_ATTEMPTS = 3


@contextlib.contextmanager
def store_read_errors():
    """The errors GDAL reports of reading a GeoPackage (SQLite) while the atlas is made, collected: QGIS's
    provider reports them only to the log and draws the layer without the features it could not read (seen when
    another command closed its connection to the store at that moment: "unable to open database file")."""
    from osgeo import gdal

    errors: list[str] = []

    def collect(level, _number, message):
        if level >= gdal.CE_Failure and ("sqlite3" in message or "database" in message):
            errors.append(" ".join(str(message).split()))

    gdal.PushErrorHandler(collect)
    try:
        yield errors
    finally:
        gdal.PopErrorHandler()


def export_pdf(exporter: QgsLayoutExporter, path: str, settings: QgsLayoutExporter.PdfExportSettings) -> str:
    """The atlas's current region into `path`, written whole or not at all (io/files.py): QGIS reports success
    on a full disk, so the file itself is checked."""
    partial = files.partial_path(path)
    try:
        status = exporter.exportToPdf(partial, settings)
        if status != QgsLayoutExporter.Success:
            raise files.failure(path, f"export failed: {exporter.errorFile() or status}")
        return files.commit(partial, files.pdf_whole)
    finally:
        files.discard(partial)


def export_png(exporter: QgsLayoutExporter, path: str) -> list[str]:
    """The current region's pages as PNGs (`x.png`, `x_2.png` ...), renamed only when every page is whole."""
    from osgeo import gdal

    image = QgsLayoutExporter.ImageExportSettings()
    image.dpi = 150
    image.exportMetadata = False  # web images; no georeferencing attempt on PNG (GDAL can't)
    partial = files.partial_path(path)
    stem = os.path.splitext(os.path.basename(partial))[0]
    folder = os.path.dirname(partial)

    def pages() -> list[str]:
        return sorted(os.path.join(folder, f) for f in os.listdir(folder)
                      if f.endswith(".png") and (f == stem + ".png" or f.startswith(stem + "_")))

    # QGIS then tries to georeference the PNG through GDAL, which cannot update PNGs: silence that.
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        status = exporter.exportToImage(partial, image)
    finally:
        gdal.PopErrorHandler()
    written = pages()
    try:
        if status != QgsLayoutExporter.Success or not written or not all(files.png_whole(p) for p in written):
            raise files.failure(path, f"export failed: {exporter.errorFile() or status}")
        return [files.commit(page, files.png_whole) for page in written]
    finally:
        for page in pages():
            files.discard(page)

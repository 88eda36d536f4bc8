"""The atlas: its folder, language (QGIS's own by default), pages, and the Processing tool's other options
(which regions, PNG pages for the web, a template) folded."""

from __future__ import annotations

import os

from qgis.core import QgsSettings
from qgis.gui import QgsCheckableComboBox, QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QGroupBox, QProgressDialog

from ...core.languages import LANGUAGES
from ...core.languages import NAMES as LANGUAGE_NAMES
from ...core.page_formats import PAGE_FORMATS
from ...errors import StepError
from ...i18n import tr
from ...store.bulk import read_rows
from ..layout import step_box
from .feedback import DialogFeedback


def interface_language() -> str:
    """QGIS's interface language if the atlas speaks it, else English."""
    code = (QgsSettings().value("locale/userLocale", "en") or "en")[:2].lower()
    return code if code in LANGUAGES else "en"


def page_format_names() -> dict[str, str]:
    return dict(zip(PAGE_FORMATS, (tr("A4 landscape"), tr("A4 portrait"), tr("A3 landscape"), tr("A3 portrait"))))


class AtlasStep:
    """Mixin of ExpeditionPanel."""

    def build_atlas(self) -> QGroupBox:
        self.atlas_dir = QgsFileWidget()
        self.atlas_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.atlas_dir.setObjectName("atlas_dir")
        self.remember(self.atlas_dir, "atlas", user=True)
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(interface_language()))
        self.remember(self.language, "atlas_language")
        self.page_format = QComboBox()
        self.page_format.setObjectName("page_format")
        for code, name in page_format_names().items():
            self.page_format.addItem(name, code)
        self.remember(self.page_format, "atlas_page_format")
        self.combined = QCheckBox(tr("One PDF: overview, contents, regions"))
        self.combined.setObjectName("combined")
        self.remember(self.combined, "atlas_combined")
        self.atlas_regions = QgsCheckableComboBox()
        self.atlas_regions.setObjectName("atlas_regions")
        self.atlas_regions.setDefaultText(tr("all visited regions"))
        self.png = QCheckBox(tr("PNG pages for the web too"))
        self.png.setObjectName("png")
        self.remember(self.png, "atlas_png")
        self.template = QgsFileWidget()
        self.template.setFilter(tr("Layout templates (*.qpt)"))
        self.template.setObjectName("template")
        self.template.setToolTip(tr("Optional: the atlas layout adjusted in the layout designer "
                                    "(start from resources/green_envoy_atlas.qpt)"))
        self.remember(self.template, "atlas_template")
        # Any layer QGIS opens: a file chosen here, or an XYZ URI typed into the same field.
        self.basemap = QgsFileWidget()
        self.basemap.setFilter(tr("Layers (*.qlr *.mbtiles *.tif *.tiff *.gpkg *.shp *.geojson);;All files (*)"))
        self.basemap.setObjectName("basemap")
        self.basemap.setToolTip(tr("Optional: a basemap under the region maps: an XYZ URI (type=xyz&url=...), an "
                                   "MBTiles, raster or vector file, or a .qlr layer file"))
        # Not kept in the project: an XYZ URI may carry the provider's key, and a project is shared.
        # The photos' folder is the project's: another expedition's folder may hold files of the same names.
        self.atlas_media = QgsFileWidget()
        self.atlas_media.setStorageMode(QgsFileWidget.GetDirectory)
        self.atlas_media.setObjectName("atlas_media")
        self.atlas_media.setToolTip(tr("Optional: the folder the photos were imported from; the pages print the "
                                       "originals, sharp, instead of the thumbnails (empty: the photo import's "
                                       "folder)"))
        self.remember(self.atlas_media, "atlas_media")
        self.export = self.button(tr("Export the atlas"), self.run_atlas, "export")
        return step_box(tr("Atlas"), [
            (tr("Output folder"), self.atlas_dir), (tr("Language"), self.language), (tr("Pages"), self.page_format),
            ("", self.combined)], self.export, [
            (tr("Regions"), self.atlas_regions), ("", self.png), (tr("Layout template"), self.template),
            (tr("Basemap"), self.basemap), (tr("Photos folder (sharp photos)"), self.atlas_media)], name="atlas")

    def refresh_atlas_regions(self) -> None:
        """The visited regions to choose from (all, when none is checked); the checked ones kept."""
        path = self.store_path()
        checked = set(self.atlas_regions.checkedItems())
        try:
            names = [name for (name,) in read_rows(path, "SELECT name FROM regions WHERE visited = 1 ORDER BY name")]
        except Exception:
            names = []
        if names == [self.atlas_regions.itemText(i) for i in range(self.atlas_regions.count())]:
            return
        self.atlas_regions.clear()
        self.atlas_regions.addItems(names)
        self.atlas_regions.setCheckedItems([name for name in names if name in checked])

    def run_atlas(self):
        from ...app.atlas import export_atlas

        if not self.store_path():
            self._message(tr("Choose the expedition GeoPackage first."), self.WARNING)
            return None
        self._save_settings()
        out = self.atlas_dir.filePath() or os.path.join(os.path.dirname(self.store_path()), "atlas")
        # Layout export builds its own project and fonts, so it stays on the main thread; between pages the
        # window is repainted and the progress dialog's Cancel is heard.
        progress = QProgressDialog(tr("Exporting the atlas…"), tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        try:
            result = export_atlas(self.store_path(), out, language=self.language.currentData(),
                                  feedback=DialogFeedback(progress), combined=self.combined.isChecked(),
                                  template=self.template.filePath(), page_format=self.page_format.currentData(),
                                  regions=self.atlas_regions.checkedItems() or None, png=self.png.isChecked(),
                                  basemap=self.basemap.filePath().strip(),
                                  media_dir=self.atlas_media.filePath() or self.media.filePath() or "")
        except StepError as exc:
            self.last_error = str(exc)
            self._log_failure(tr("Export the atlas"), str(exc))
            self._message(f"{tr('Export the atlas')}: {exc}", self.CRITICAL, details=True)
            return None
        finally:
            progress.close()
        self.last_error = ""
        from ...qgis_layers import reload_store_layers

        reload_store_layers(self.store_path())  # the regions' page figures were counted again
        self._message(tr("{0} atlas file(s) written to {1}").format(len(result.pdfs), out), self.SUCCESS,
                      folder=out)
        return result

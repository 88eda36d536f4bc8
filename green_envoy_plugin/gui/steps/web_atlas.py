"""The web atlas (issue 18): its folder, and folded the Processing tool's other options (the photos' folder for
larger images, a basemap for online use); the language and regions are the PDF atlas step's, above it."""

from __future__ import annotations

import os

from qgis.core import Qgis, QgsMessageLog
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QGroupBox, QLineEdit, QProgressDialog

from ...errors import StepError
from ...i18n import tr
from ..layout import step_box
from ..tasks import LOG_TAG
from .feedback import DialogFeedback


class WebAtlasStep:
    """Mixin of ExpeditionPanel (after AtlasStep, whose language and regions it uses)."""

    def build_web_atlas(self) -> QGroupBox:
        self.web_dir = QgsFileWidget()
        self.web_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.web_dir.setObjectName("web_dir")
        self.web_dir.setToolTip(tr("A new or empty folder, or a web atlas written before (it is replaced whole)"))
        self.remember(self.web_dir, "web_atlas", user=True)
        self.web_media = QgsFileWidget()
        self.web_media.setStorageMode(QgsFileWidget.GetDirectory)
        self.web_media.setObjectName("web_media")
        self.web_media.setToolTip(tr("Folder the photos were imported from (larger images)"))
        self.remember(self.web_media, "web_atlas_media", user=True)
        self.web_basemap = QLineEdit()
        self.web_basemap.setObjectName("web_basemap")
        self.web_basemap.setPlaceholderText("https://…/{z}/{x}/{y}.png")
        self.web_basemap.setToolTip(tr("Basemap tiles for online use (XYZ address with {z}/{x}/{y})"))
        self.remember(self.web_basemap, "web_atlas_basemap")
        self.export_web = self.button(tr("Export the web atlas"), self.run_web_atlas, "export_web")
        return step_box(tr("Web atlas (offline HTML)"), [(tr("Output folder"), self.web_dir)], self.export_web, [
            (tr("Photos folder (larger images)"), self.web_media),
            (tr("Basemap for online use (XYZ)"), self.web_basemap)], name="web_atlas")

    def run_web_atlas(self):
        from ...web_atlas.export import export_web_atlas

        if not self.store_path():
            self._message(tr("Choose the expedition GeoPackage first."), self.WARNING)
            return None
        self._save_settings()
        out = self.web_dir.filePath() or os.path.join(os.path.dirname(self.store_path()), "web_atlas")
        # The pages' words are translated by installing Qt translators: on the main thread, as the PDF atlas.
        progress = QProgressDialog(tr("Exporting the web atlas…"), tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        try:
            result = export_web_atlas(
                self.store_path(), out, language=self.language.currentData(),
                regions=self.atlas_regions.checkedItems() or None,
                media_dir=self.web_media.filePath() or self.media.filePath() or "",
                basemap=self.web_basemap.text().strip(), feedback=DialogFeedback(progress))
        except StepError as exc:
            self.last_error = str(exc)
            self._log_failure(tr("Export the web atlas"), str(exc))
            self._message(f"{tr('Export the web atlas')}: {exc}", self.CRITICAL, details=True)
            return None
        finally:
            progress.close()
        self.last_error = ""
        for problem in result.problems:  # each item a reader of the atlas will miss, with its reason
            QgsMessageLog.logMessage(f"{tr('Export the web atlas')}: {problem}", LOG_TAG, Qgis.Warning)
        self._message(tr("Web atlas: {0} page(s) written to {1}; open index.html").format(len(result.pages), out),
                      self.WARNING if result.problems else self.SUCCESS, folder=out)
        return result

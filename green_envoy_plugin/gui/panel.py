"""The Expedition panel: the workflow in order, each step started as a background task.

It only collects input and shows results: every step is a function of `steps/` run in a StepTask; the store's
state (counts, dates, what is stale) is read again after each step.
"""

from __future__ import annotations

import os

from qgis.core import Qgis, QgsApplication, QgsMapLayerProxyModel, QgsProject, QgsSettings
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.languages import LANGUAGES
from ..core.languages import NAMES as LANGUAGE_NAMES
from ..core.page_formats import PAGE_FORMATS
from ..errors import StepError
from ..i18n import tr
from ..steps.feedback import SilentFeedback
from ..steps.findings import import_findings
from ..steps.media import import_media
from ..steps.official import compare_official
from ..steps.regions import assign_regions
from ..steps.sharing import sync_postgis
from ..steps.tracks import import_gpx
from ..store.bulk import read_rows
from .tasks import StepTask

SCOPE = "green_envoy"


class DialogFeedback(SilentFeedback):
    """The steps' Feedback on a progress dialog, for work that must stay on the main thread."""

    def __init__(self, dialog: QProgressDialog):
        self.dialog = dialog

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.dialog.setValue(int(value))
        QApplication.processEvents()

    def isCanceled(self) -> bool:  # noqa: N802
        QApplication.processEvents()
        return self.dialog.wasCanceled()


class ExpeditionPanel(QgsDockWidget):
    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Expedition"), parent)
        self.setObjectName("GreenEnvoyExpeditionPanel")
        self.setMinimumWidth(380)
        self.iface = iface
        self.tasks: list[StepTask] = []
        self.last_error = ""
        body = QWidget()
        layout = QVBoxLayout(body)

        self.store = QgsFileWidget()
        self.store.setStorageMode(QgsFileWidget.SaveFile)
        self.store.setFilter("GeoPackage (*.gpkg)")
        self.store.setObjectName("store")
        self.status = QLabel(tr("Choose or create the expedition GeoPackage."))
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        self.postgis = QLineEdit()
        self.postgis.setPlaceholderText("host=... dbname=... user=... password=...")
        self.postgis.setObjectName("postgis")
        self.sync = self._button(tr("Share through PostGIS"), self.run_sync, "sync")
        layout.addWidget(self._group(tr("1. Expedition store"), [
            (tr("GeoPackage"), self.store), ("", self.status), (tr("Shared PostGIS (optional)"), self.postgis),
            ("", self.sync)]))

        self.gpx = QgsFileWidget()
        self.gpx.setStorageMode(QgsFileWidget.GetDirectory)
        self.gpx.setObjectName("gpx")
        self.import_gpx = self._button(tr("Import GPX"), self.run_import_gpx, "import_gpx")
        layout.addWidget(self._group(tr("2. Tracks"), [(tr("GPX folder or file"), self.gpx), ("", self.import_gpx)]))

        self.media = QgsFileWidget()
        self.media.setStorageMode(QgsFileWidget.GetDirectory)
        self.media.setObjectName("media")
        self.offset = QDoubleSpinBox()
        self.offset.setRange(-86400, 86400)
        self.offset.setSuffix(" s")
        self.offset.setObjectName("offset")
        self.tz = QLineEdit("+05:00")
        self.tz.setObjectName("tz")
        self.import_media = self._button(tr("Import media"), self.run_import_media, "import_media")
        layout.addWidget(self._group(tr("3. Photos, videos, audio notes"), [
            (tr("Folder"), self.media), (tr("Camera clock ahead by"), self.offset), (tr("Camera time zone"), self.tz),
            ("", self.import_media)]))

        self.findings = QgsFileWidget()
        self.findings.setFilter(tr("Tables (*.csv *.xlsx)"))
        self.findings.setObjectName("findings")
        self.import_findings = self._button(tr("Import findings"), self.run_import_findings, "import_findings")
        layout.addWidget(self._group(tr("4. Findings"), [(tr("CSV or XLSX"), self.findings),
                                                          ("", self.import_findings)]))

        self.regions = QgsMapLayerComboBox()
        self.regions.setFilters(QgsMapLayerProxyModel.PolygonLayer)
        self.regions.setObjectName("regions")
        self.region_name = QgsFieldComboBox()
        self.region_name.setObjectName("region_name")
        self.regions.layerChanged.connect(self.region_name.setLayer)
        self.region_name.setLayer(self.regions.currentLayer())
        self.assign = self._button(tr("Assign regions"), self.run_assign, "assign")
        self.official = QgsMapLayerComboBox()
        self.official.setFilters(QgsMapLayerProxyModel.VectorLayer)
        self.official.setAllowEmptyLayer(True)
        self.official.setObjectName("official")
        self.compare = self._button(tr("Compare with the official layer"), self.run_compare, "compare")
        layout.addWidget(self._group(tr("5. Regions and official data"), [
            (tr("Regions layer"), self.regions), (tr("Name field"), self.region_name), ("", self.assign),
            (tr("Official layer"), self.official), ("", self.compare)]))

        self.atlas_dir = QgsFileWidget()
        self.atlas_dir.setStorageMode(QgsFileWidget.GetDirectory)
        self.atlas_dir.setObjectName("atlas_dir")
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code in LANGUAGES:
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.page_format = QComboBox()
        self.page_format.setObjectName("page_format")
        for code, name in zip(PAGE_FORMATS, (tr("A4 landscape"), tr("A4 portrait"), tr("A3 landscape"),
                                             tr("A3 portrait"))):
            self.page_format.addItem(name, code)
        self.combined = QCheckBox(tr("One PDF: overview, contents, regions"))
        self.combined.setObjectName("combined")
        self.template = QgsFileWidget()
        self.template.setFilter(tr("Layout templates (*.qpt)"))
        self.template.setObjectName("template")
        self.template.setToolTip(tr("Optional: the atlas layout adjusted in the layout designer "
                                    "(start from resources/green_envoy_atlas.qpt)"))
        self.export = self._button(tr("Export the atlas"), self.run_atlas, "export")
        layout.addWidget(self._group(tr("6. Atlas"), [
            (tr("Output folder"), self.atlas_dir), (tr("Language"), self.language), (tr("Pages"), self.page_format),
            ("", self.combined),
            (tr("Layout template"), self.template), ("", self.export)]))
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        self.setWidget(scroll)
        self._restore_settings()
        self.store.fileChanged.connect(self._store_changed)
        self.refresh()

    # ------------------------------------------------------------------ widgets

    def _group(self, title: str, rows) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        """The store per project (relative to the project file, so the project moves); folders per user."""
        path, ok = QgsProject.instance().readEntry(SCOPE, "store", "")
        if ok and path:
            self.store.setFilePath(QgsProject.instance().readPath(path))
        settings = QgsSettings()
        for widget, key in ((self.gpx, "gpx"), (self.media, "media"), (self.atlas_dir, "atlas")):
            widget.setFilePath(settings.value(f"{SCOPE}/{key}", "", type=str))
        self.tz.setText(settings.value(f"{SCOPE}/tz", "+05:00", type=str))
        self.postgis.setText(QgsProject.instance().readEntry(SCOPE, "postgis", "")[0])

    def _save_settings(self) -> None:
        if self.store.filePath():
            QgsProject.instance().writeEntry(SCOPE, "store", QgsProject.instance().writePath(self.store.filePath()))
        settings = QgsSettings()
        for widget, key in ((self.gpx, "gpx"), (self.media, "media"), (self.atlas_dir, "atlas")):
            settings.setValue(f"{SCOPE}/{key}", widget.filePath())
        settings.setValue(f"{SCOPE}/tz", self.tz.text())
        # The connection is remembered per project (without asking where passwords should live: the DSN as typed).
        QgsProject.instance().writeEntry(SCOPE, "postgis", self.postgis.text())

    def _store_changed(self, _path: str) -> None:
        self._save_settings()
        self.refresh()

    # ------------------------------------------------------------------ state

    def store_path(self) -> str:
        return self.store.filePath().strip()

    def refresh(self) -> None:
        """What the store holds, and which results are stale after new data."""
        path = self.store_path()
        if not path or not os.path.isfile(path):
            self.status.setText(tr("Choose or create the expedition GeoPackage."))
            return
        try:
            (tracks, km, first, last), = read_rows(
                path, "SELECT COUNT(*), coalesce(SUM(distance_km), 0), MIN(day), MAX(day) FROM tracks")
            (findings,), = read_rows(path, "SELECT COUNT(*) FROM findings")
            (media,), = read_rows(path, "SELECT COUNT(*) FROM media")
            changes = dict(read_rows(path, "SELECT table_name, last_change FROM gpkg_contents"))
        except Exception:
            self.status.setText(tr("The store cannot be read yet."))
            return
        text = tr("{0} track segments, {1:.1f} km, {2} – {3}; {4} findings; {5} media").format(
            tracks, km, first or "–", last or "–", findings, media)
        regions_time = changes.get("regions") or ""
        newest_data = max(changes.get(t) or "" for t in ("tracks", "findings", "media"))
        if tracks and newest_data > regions_time:
            text += "\n" + tr("New data since the regions were assigned: assign regions again.")
        self.status.setText(text)

    # ------------------------------------------------------------------ steps

    def _start(self, title: str, work, done=None) -> StepTask | None:
        path = self.store_path()
        if not path:
            self._message(tr("Choose the expedition GeoPackage first."), Qgis.Warning)
            return None
        self._save_settings()

        def finished(result, error, messages):
            self.tasks.remove(task)
            if error:
                self.last_error = error
                self._message(f"{title}: {error}", Qgis.Critical, details=True)
            else:
                self.last_error = ""
                summary = next((m for m in reversed(messages) if m), tr("done"))
                self._message(f"{title}: {summary.splitlines()[0]}", Qgis.Success)
                if done is not None:
                    done(result)
            self.refresh()

        task = StepTask(title, work, finished)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def _message(self, text: str, level, details: bool = False) -> None:
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        if details:
            # Errors go to the message bar, their details to the log panel; never a traceback dialog.
            bar.pushMessage(tr("Green Envoy"), text + " " + tr("(details: View > Panels > Log Messages)"), level)
        else:
            bar.pushMessage(tr("Green Envoy"), text, level, 6)

    def _add_layers(self, _result=None) -> None:
        from ..qgis_layers import add_store_layers

        add_store_layers(self.store_path())

    def run_import_gpx(self):
        folder = self.gpx.filePath()
        return self._start(tr("Import GPX"), lambda fb: import_gpx([folder], self.store_path(), feedback=fb),
                           self._add_layers_once)

    def run_import_media(self):
        from ..thumbnails import qt_thumbnailer

        folder, tz, offset = self.media.filePath(), self.tz.text(), self.offset.value()
        return self._start(tr("Import media"), lambda fb: import_media(
            folder, self.store_path(), tz, offset, thumbnailer=qt_thumbnailer(), feedback=fb), self._add_layers_once)

    def run_import_findings(self):
        table = self.findings.filePath()
        return self._start(tr("Import findings"), lambda fb: import_findings(
            table, self.store_path(), feedback=fb), self._add_layers_once)

    def run_assign(self):
        from ..qgis_layers import regions_from_layer

        layer = self.regions.currentLayer()
        if layer is None:
            self._message(tr("Choose a regions layer."), Qgis.Warning)
            return None
        regions = regions_from_layer(layer, self.region_name.currentField(), "ADM1_PCODE")  # read on the main thread
        return self._start(tr("Assign regions"), lambda fb: assign_regions(
            self.store_path(), regions, feedback=fb))

    def run_compare(self):
        from ..qgis_layers import features_from_layer

        layer = self.official.currentLayer()
        if layer is None:
            self._message(tr("Choose an official layer."), Qgis.Warning)
            return None
        official = features_from_layer(layer)
        return self._start(tr("Compare with the official layer"), lambda fb: compare_official(
            self.store_path(), official, layer_label=layer.name(), feedback=fb))

    def run_sync(self):
        dsn = self.postgis.text().strip()
        if not dsn:
            self._message(tr("Give the PostgreSQL connection of the shared store."), Qgis.Warning)
            return None
        return self._start(tr("Share through PostGIS"), lambda fb: sync_postgis(self.store_path(), dsn, fb))

    def run_atlas(self):
        from ..app.atlas import export_atlas

        out = self.atlas_dir.filePath() or os.path.join(os.path.dirname(self.store_path()), "atlas")
        language = self.language.currentData()
        # Layout export builds its own project and fonts, so it stays on the main thread; between pages the
        # window is repainted and the progress dialog's Cancel is heard.
        progress = QProgressDialog(tr("Exporting the atlas…"), tr("Cancel"), 0, 100, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        try:
            result = export_atlas(self.store_path(), out, language=language, feedback=DialogFeedback(progress),
                                  combined=self.combined.isChecked(), template=self.template.filePath(),
                                  page_format=self.page_format.currentData())
        except StepError as exc:
            self._message(f"{tr('Export the atlas')}: {exc}", Qgis.Critical, details=True)
            self.last_error = str(exc)
            return None
        finally:
            progress.close()
        self.last_error = ""
        self._message(tr("{0} atlas file(s) written to {1}").format(len(result.pdfs), out), Qgis.Success)
        return result

    def _add_layers_once(self, _result=None) -> None:
        from ..i18n import tr as translate

        root = QgsProject.instance().layerTreeRoot()
        if root.findGroup(translate("Green Envoy")) is None:
            self._add_layers()

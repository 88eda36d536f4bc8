"""The Expedition panel: the workflow in order, each step started as a background task.

It only collects input and shows results: every step is a function of `steps/` run in a StepTask; the store's
state (counts, dates, what is stale) is read again after each step.
"""

from __future__ import annotations

import os

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateTransform,
    QgsMapLayerProxyModel,
    QgsMessageLog,
    QgsProject,
    QgsRectangle,
    QgsSettings,
)
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
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
from . import results
from .tasks import LOG_TAG, StepTask

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
        self.last_message: tuple[str, int] = ("", Qgis.Info)  # what the message bar showed last, and its level
        self._restoring = False
        # The user's inputs, remembered in the project by layer id; never the store's own tables.
        self.pickers: dict[str, QgsMapLayerComboBox] = {}
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
        self.postgis.setPlaceholderText("service=... | authcfg=... host=... dbname=...")
        self.postgis.setObjectName("postgis")
        # Kept as a reference only: a typed password moves into QGIS's authentication database (gui/shared_store.py).
        self.postgis.editingFinished.connect(self.keep_connection_safe)
        self.postgis.textChanged.connect(lambda _text: self.postgis.hasFocus() or self.keep_connection_safe())
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

        self.regions = self._picker(QgsMapLayerProxyModel.PolygonLayer, "regions")
        self.region_name = QgsFieldComboBox()
        self.region_name.setObjectName("region_name")
        self.regions.layerChanged.connect(self.region_name.setLayer)
        self.region_name.setLayer(self.regions.currentLayer())
        self.assign = self._button(tr("Assign regions"), self.run_assign, "assign")
        self.official = self._picker(QgsMapLayerProxyModel.VectorLayer, "official")
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
        for widget in (self.offset, self.tz):
            widget.editingFinished.connect(self._save_settings)
        for key, picker in self.pickers.items():
            picker.activated.connect(lambda _index, key=key: self._remember_picker(key))
        self.region_name.activated.connect(lambda _index: self._remember_picker("regions"))
        project = QgsProject.instance()
        project.layersAdded.connect(self._except_store_layers)
        project.layersWillBeRemoved.connect(self._forget_removed_layers)
        project.readProject.connect(self._project_read)
        self.refresh()

    # ------------------------------------------------------------------ widgets

    def _group(self, title: str, rows) -> QGroupBox:
        box = QGroupBox(title)
        form = QFormLayout(box)
        for label, widget in rows:
            form.addRow(label, widget)
        return box

    def _picker(self, filters, name: str) -> QgsMapLayerComboBox:
        """A layer picker for the user's own data: empty until the user chooses (never whatever layer is first)."""
        picker = QgsMapLayerComboBox()
        picker.setFilters(filters)
        picker.setAllowEmptyLayer(True, tr("choose a layer"))
        picker.setLayer(None)
        picker.setObjectName(name)
        self.pickers[name] = picker
        return picker

    def _button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # ------------------------------------------------------------------ settings

    def _restore_settings(self) -> None:
        """The store, the camera and the chosen layers per project (the store relative to the project file, so
        the project moves); folders per user."""
        self._restoring = True  # setting the store's path below must not save this widget's old values
        try:
            self._read_settings()
        finally:
            self._restoring = False

    def _read_settings(self) -> None:
        project = QgsProject.instance()
        path, ok = project.readEntry(SCOPE, "store", "")
        if ok and path:
            self.store.setFilePath(project.readPath(path))
        settings = QgsSettings()
        for widget, key in ((self.gpx, "gpx"), (self.media, "media"), (self.atlas_dir, "atlas")):
            widget.setFilePath(settings.value(f"{SCOPE}/{key}", "", type=str))
        tz, ok = project.readEntry(SCOPE, "camera_tz", "")
        self.tz.setText(tz if ok and tz else settings.value(f"{SCOPE}/tz", "+05:00", type=str))
        # The camera clock offset belongs to this expedition's camera: the project's, else the one the store's
        # photos were placed with (never 0 by default: a re-run with 0 would move every photo placed by time).
        offset, ok = project.readDoubleEntry(SCOPE, "camera_offset_s", 0.0)
        if not ok:
            used = self._stored_offsets()
            offset = used[0] if used else 0.0
        self.offset.setValue(offset)
        self.postgis.setText(project.readEntry(SCOPE, "postgis", "")[0])
        self._restore_pickers()

    def _save_settings(self, pickers: bool = True) -> None:
        project = QgsProject.instance()
        if self.store.filePath():
            project.writeEntry(SCOPE, "store", project.writePath(self.store.filePath()))
        settings = QgsSettings()
        for widget, key in ((self.gpx, "gpx"), (self.media, "media"), (self.atlas_dir, "atlas")):
            settings.setValue(f"{SCOPE}/{key}", widget.filePath())
        settings.setValue(f"{SCOPE}/tz", self.tz.text())
        project.writeEntry(SCOPE, "camera_tz", self.tz.text())
        project.writeEntryDouble(SCOPE, "camera_offset_s", self.offset.value())
        if self.keep_connection_safe():  # never with its password
            project.writeEntry(SCOPE, "postgis", self.postgis.text())
        for key in self.pickers if pickers else ():
            self._remember_picker(key)

    def _stored_offsets(self) -> list[float]:
        """The camera clock offsets the store's photos placed by time were placed with, the latest first."""
        path = self.store_path()
        if not path or not os.path.isfile(path):
            return []
        try:
            rows = read_rows(path, "SELECT offset_s, MAX(fid) AS last FROM media WHERE position_source = "
                                   "'time-sync' AND offset_s IS NOT NULL GROUP BY offset_s ORDER BY last DESC")
        except Exception:
            return []
        return [float(offset) for offset, _last in rows]

    def _remember_picker(self, key: str) -> None:
        layer = self.pickers[key].currentLayer()
        QgsProject.instance().writeEntry(SCOPE, f"layer/{key}", layer.id() if layer is not None else "")
        if key == "regions":
            QgsProject.instance().writeEntry(SCOPE, "layer/regions_name_field", self.region_name.currentField())

    def _restore_pickers(self) -> None:
        """The layers the user chose, by id, if the project still has them; else empty (never the store's)."""
        from ..qgis_layers import is_store_layer

        self._except_store_layers()
        project = QgsProject.instance()
        for key, picker in self.pickers.items():
            layer = project.mapLayer(project.readEntry(SCOPE, f"layer/{key}", "")[0])
            picker.setLayer(None if layer is None or is_store_layer(layer, self.store_path()) else layer)
        field = project.readEntry(SCOPE, "layer/regions_name_field", "")[0]
        if field and self.regions.currentLayer() is not None:
            self.region_name.setField(field)

    def _except_store_layers(self, _layers=None) -> None:
        """The store's own tables (regions, findings, media, ...) are results, not inputs: no picker offers them.
        A picker that held one (or whose layer goes) is left empty, not moved to the next layer."""
        from ..qgis_layers import store_layers

        own = [layer for layers in store_layers(self.store_path()).values() for layer in layers] \
            if self.store_path() else []
        for picker in self.pickers.values():
            chosen = picker.currentLayer()
            picker.setExceptedLayerList(own)
            if chosen is None or chosen in own:
                picker.setLayer(None)
            elif picker.currentLayer() is not chosen:
                picker.setLayer(chosen)

    def _forget_removed_layers(self, ids) -> None:
        for picker in self.pickers.values():
            if picker.currentLayer() is not None and picker.currentLayer().id() in ids:
                picker.setLayer(None)

    def _project_read(self, *_args) -> None:
        self._restore_settings()
        self.refresh()

    def _store_changed(self, _path: str) -> None:
        if self._restoring:
            return
        self._save_settings(pickers=False)
        self._except_store_layers()
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
            (regions,), = read_rows(path, "SELECT COUNT(*) FROM regions")
            changes = dict(read_rows(path, "SELECT table_name, last_change FROM gpkg_contents"))
        except Exception:
            self.status.setText(tr("The store cannot be read yet."))
            return
        text = tr("{0} track segments, {1:.1f} km, {2} – {3}; {4} findings; {5} media").format(
            tracks, km, first or "–", last or "–", findings, media)
        regions_time = changes.get("regions") or ""
        newest_data = max(changes.get(t) or "" for t in ("tracks", "findings", "media"))
        if tracks and not regions:
            text += "\n" + tr("Next: choose a regions layer and assign regions.")
        elif tracks and newest_data > regions_time:
            text += "\n" + tr("New data since the regions were assigned: assign regions again.")
        self.status.setText(text)

    # ------------------------------------------------------------------ steps

    def _start(self, title: str, work, describe=None, tables: tuple[str, ...] = ()) -> StepTask | None:
        """Run `work` as a task; then show what it did (`describe(result)`, an Outcome) and the store's layers
        `tables` on the map, read again."""
        path = self.store_path()
        if not path:
            self._message(tr("Choose the expedition GeoPackage first."), Qgis.Warning)
            return None
        self._save_settings()

        def finished(result, error, _messages):
            self.tasks.remove(task)
            if error:
                self.last_error = error
                self._message(f"{title}: {error}", Qgis.Critical, details=True)
            else:
                self.last_error = ""
                outcome = describe(result) if describe is not None else results.Outcome(tr("done"))
                QgsMessageLog.logMessage(f"{title}: {outcome.line}", LOG_TAG,
                                         Qgis.Warning if outcome.problem else Qgis.Info)
                if outcome.problem:
                    # What was left out and why: the first reason here, all of them in the log.
                    self._message(f"{title}: {outcome.line}. {outcome.problem}", Qgis.Warning, details=True)
                else:
                    self._message(f"{title}: {outcome.line}", Qgis.Success)
                self.show_results(tables)
            self.refresh()

        task = StepTask(title, work, finished)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def _message(self, text: str, level, details: bool = False, folder: str = "") -> None:
        if details:
            # Problems go to the message bar, their details to the log panel; never a traceback dialog.
            text = text + " " + tr("(details: View > Panels > Log Messages)")
        self.last_message = (text, level)
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        if folder:
            # What was made, with a link to it and a button that opens it.
            link = f'<a href="{QUrl.fromLocalFile(folder).toString()}">{folder}</a>'
            item = bar.createMessage(tr("Green Envoy"), text.replace(folder, link))
            button = QPushButton(tr("Open folder"))
            button.setObjectName("open_folder")
            button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
            item.layout().addWidget(button)
            bar.pushWidget(item, level, 0)
            self.last_message_item = item
        else:
            bar.pushMessage(tr("Green Envoy"), text, level, 6 if level in (Qgis.Success, Qgis.Info) else 0)

    def show_results(self, tables: tuple[str, ...] = ()) -> None:
        """The store's layers read again (a step wrote their rows outside QGIS), the tables a step made added if
        the project lacks them, the map repainted; the first time, the map zooms to the expedition."""
        from ..qgis_layers import add_store_layers, reload_store_layers, store_layers

        path = self.store_path()
        first = not store_layers(path)
        reload_store_layers(path)
        layers = add_store_layers(path, tables=None if first else tables)
        self._except_store_layers()
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        if first:
            self._zoom_to([layers[t] for t in ("tracks", "findings", "media") if t in layers], canvas)
        canvas.refreshAllLayers()

    def _zoom_to(self, layers, canvas) -> None:
        target = canvas.mapSettings().destinationCrs()
        extent = QgsRectangle()
        for layer in layers:
            if layer.featureCount() == 0 or layer.extent().isEmpty():
                continue
            box = layer.extent()
            if target.isValid() and layer.crs() != target:
                box = QgsCoordinateTransform(layer.crs(), target, QgsProject.instance()).transformBoundingBox(box)
            extent.combineExtentWith(box)
        if not extent.isNull() and not extent.isEmpty():
            extent.scale(1.05)
            canvas.setExtent(extent)

    def run_import_gpx(self):
        folder = self.gpx.filePath()
        return self._start(tr("Import GPX"), lambda fb: import_gpx([folder], self.store_path(), feedback=fb),
                           results.tracks_outcome, ("tracks",))

    def run_import_media(self):
        from ..thumbnails import qt_thumbnailer

        folder, tz, offset = self.media.filePath(), self.tz.text(), self.offset.value()
        before = set(self._stored_offsets())
        return self._start(tr("Import media"), lambda fb: import_media(
            folder, self.store_path(), tz, offset, thumbnailer=qt_thumbnailer(), feedback=fb),
            lambda report: results.media_outcome(report, before, offset), ("media",))

    def run_import_findings(self):
        table = self.findings.filePath()
        return self._start(tr("Import findings"), lambda fb: import_findings(
            table, self.store_path(), feedback=fb), results.findings_outcome, ("findings",))

    def _own_layer(self, layer, what: str) -> bool:
        """True (and says so) when the user's input is one of the store's own tables: a step would read its
        own results back (Findings against Findings) and overwrite the real ones."""
        from ..qgis_layers import is_store_layer

        if not is_store_layer(layer, self.store_path()):
            return False
        self.last_error = what.format(layer.name())
        self._message(self.last_error, Qgis.Critical)
        return True

    def run_assign(self):
        from ..qgis_layers import regions_from_layer

        layer = self.regions.currentLayer()
        if layer is None:
            self._message(tr("Choose a regions layer."), Qgis.Warning)
            return None
        if self._own_layer(layer, tr("The regions layer is the expedition's own table {0}: choose a layer of "
                                     "administrative boundaries.")):
            return None
        regions = regions_from_layer(layer, self.region_name.currentField(), "ADM1_PCODE")  # read on the main thread
        return self._start(tr("Assign regions"), lambda fb: assign_regions(
            self.store_path(), regions, feedback=fb), results.regions_outcome, ("regions",))

    def run_compare(self):
        from ..qgis_layers import features_from_layer

        layer = self.official.currentLayer()
        if layer is None:
            self._message(tr("Choose an official layer."), Qgis.Warning)
            return None
        if self._own_layer(layer, tr("The official layer is the expedition's own table {0}: choose the official "
                                     "registry's layer.")):
            return None
        official = features_from_layer(layer)
        return self._start(tr("Compare with the official layer"), lambda fb: compare_official(
            self.store_path(), official, layer_label=layer.name(), feedback=fb), results.official_outcome,
            ("findings",))

    def keep_connection_safe(self) -> bool:
        from .shared_store import safe_reference

        try:
            text, note = safe_reference(self.postgis.text())
        except StepError as exc:
            self.postgis.clear()  # never kept with its password
            self._message(str(exc), Qgis.Warning)
            return False
        if text != self.postgis.text():
            self.postgis.setText(text)
        if note:
            self._message(note, Qgis.Info)
        return True

    def run_sync(self):
        from .shared_store import connection_for_sync

        if not self.keep_connection_safe():
            return None
        text, store = self.postgis.text().strip(), self.store_path()
        if not text:
            self._message(tr("Give the PostgreSQL connection of the shared store."), Qgis.Warning)
            return None
        try:
            connection = connection_for_sync(text)
        except StepError as exc:
            self._message(str(exc), Qgis.Warning)
            return None
        return self._start(tr("Share through PostGIS"), lambda fb: sync_postgis(store, connection, fb),
                           results.sharing_outcome, ("findings",))

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
        from ..qgis_layers import reload_store_layers

        reload_store_layers(self.store_path())  # the regions' page figures were counted again
        self._message(tr("{0} atlas file(s) written to {1}").format(len(result.pdfs), out), Qgis.Success,
                      folder=out)
        return result

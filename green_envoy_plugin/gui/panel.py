"""The Expedition panel: the workflow in order, each step started as a background task.

It only collects input and shows results: every step is a function of `steps/` run in a StepTask; the store's
state (counts, dates, what is stale) is read again after each step. The steps' widgets and run methods live in
gui/steps/ (one mixin per step); `_build_steps` below lists them in the order of the workflow.
"""

from __future__ import annotations

import os

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject
from qgis.gui import QgsDockWidget, QgsFileWidget
from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from ..i18n import tr
from ..store.bulk import read_rows
from . import mapview, results
from .layout import step_box
from .settings import SCOPE, PanelSettings
from .steps.analysis import AnalysisSteps
from .steps.atlas import AtlasStep
from .steps.field import FieldSteps
from .steps.imports import ImportSteps
from .steps.sharing import SharingStep
from .steps.web_atlas import WebAtlasStep
from .tasks import LOG_TAG, StepTask, cancel_and_wait

__all__ = ["SCOPE", "ExpeditionPanel"]

# The width the panel must fit in every language (tests/test_panel_layout.py measures it).
DOCK_WIDTH = 360


class ExpeditionPanel(ImportSteps, FieldSteps, AnalysisSteps, AtlasStep, WebAtlasStep, SharingStep, PanelSettings,
                      QgsDockWidget):
    SUCCESS, INFO, WARNING, CRITICAL = Qgis.Success, Qgis.Info, Qgis.Warning, Qgis.Critical

    def __init__(self, iface=None, parent=None):
        super().__init__(tr("Expedition"), parent)
        self.setObjectName("GreenEnvoyExpeditionPanel")
        self.iface = iface
        self.tasks: list[StepTask] = []
        self.last_error = ""
        self.last_message: tuple[str, int] = ("", Qgis.Info)  # what the message bar showed last, and its level
        self._restoring = False
        self.remembered: list = []  # (widget, key, in the user's settings) of each step's remembered inputs
        # The user's inputs, remembered in the project by layer id; never the store's own tables.
        self.pickers: dict = {}
        self.picker_fields: dict = {}
        body = QWidget()
        body.setObjectName("body")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)

        self.store = QgsFileWidget()
        self.store.setStorageMode(QgsFileWidget.SaveFile)
        self.store.setFilter("GeoPackage (*.gpkg)")
        self.store.setObjectName("store")
        self.store.setToolTip(tr("An existing expedition GeoPackage, or the name of a new one"))
        self.status = QLabel(tr("Choose or create the expedition GeoPackage."))
        self.status.setWordWrap(True)
        self.status.setObjectName("status")
        store = step_box(tr("Expedition store"), [(tr("GeoPackage"), self.store), ("", self.status)], name="store")
        self.steps = self._build_steps()
        for number, box in enumerate([store, *self.steps], start=1):
            box.setTitle(f"{number}. {box.title()}")
            layout.addWidget(box)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setObjectName("scroll")
        self.setWidget(scroll)
        self._restore_settings()
        self.store.fileChanged.connect(self._store_changed)
        for key, combo in self.pickers.items():
            combo.activated.connect(lambda _index, key=key: self._remember_picker(key))
        project = QgsProject.instance()
        project.layersAdded.connect(self._except_store_layers)
        project.layersWillBeRemoved.connect(self._forget_removed_layers)
        project.readProject.connect(self._project_read)
        self.refresh()

    def _build_steps(self) -> list[QGroupBox]:
        """The workflow, in order: tracks, findings (before media, which link to them), media, regions, the
        official comparison, the atlas, then sharing. A new step is a mixin in gui/steps/ with a build_ method
        returning its step_box, inserted here where it belongs in the workflow (numbered automatically)."""
        return [self.build_tracks(), self.build_findings(), self.build_media(), self.build_field(),
                self.build_regions(), self.build_official(), self.build_atlas(), self.build_web_atlas(),
                self.build_sharing()]

    def button(self, text: str, slot, name: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _project_read(self, *_args) -> None:
        self._restore_settings()
        self.refresh()
        from ..qgis_layers import localize_store_layers

        if self.store_path():
            localize_store_layers(self.store_path())  # names, legends and forms in this session's language

    def _store_changed(self, _path: str) -> None:
        if self._restoring:
            return
        self._save_settings(pickers=False)
        self._except_store_layers()
        self.refresh()

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
        number = results.number
        text = tr("{0} track segments, {1} km, {2} – {3}; {4} findings; {5} media").format(
            number(tracks), number(km, 1), first or "–", last or "–", number(findings), number(media))
        regions_time = changes.get("regions") or ""
        newest_data = max(changes.get(t) or "" for t in ("tracks", "findings", "media"))
        if tracks and not regions:
            text += "\n" + tr("Next: choose a regions layer and assign regions.")
        elif tracks and newest_data > regions_time:
            text += "\n" + tr("New data since the regions were assigned: assign regions again.")
        self.status.setText(text)
        self.refresh_atlas_regions()

    # ------------------------------------------------------------------ running steps

    def _start(self, title: str, work, describe=None, tables: tuple[str, ...] = ()) -> StepTask | None:
        """Run `work` (a closure over values read here, on the main thread) as a task; then show what it did
        (`describe(result)`, an Outcome) and the store's layers `tables` on the map, read again."""
        store = self.store_path()
        if not store:
            self._message(tr("Choose the expedition GeoPackage first."), Qgis.Warning)
            return None
        self._save_settings()

        def finished(result, error, _messages):
            if task in self.tasks:
                self.tasks.remove(task)
            if error:
                self.last_error = error
                self._message(f"{title}: {error}", Qgis.Critical, details=True)
            else:
                self.last_error = ""
                outcome = describe(result) if describe is not None else results.Outcome(tr("done"))
                QgsMessageLog.logMessage(f"{title}: {outcome.line}" + (f". {outcome.problem}" if outcome.problem
                                                                        else ""),
                                         LOG_TAG, Qgis.Warning if outcome.problem else Qgis.Info)
                if outcome.problem:
                    # What was left out and why: the first reason here, all of them in the log.
                    self._message(f"{title}: {outcome.line}. {outcome.problem}", Qgis.Warning, details=True)
                else:
                    self._message(f"{title}: {outcome.line}", Qgis.Success)
                self.show_results(tables, store)  # the store the step wrote, whatever the panel shows now
            self.refresh()

        task = StepTask(title, work, finished)
        self.tasks.append(task)
        QgsApplication.taskManager().addTask(task)
        return task

    def _log_failure(self, title: str, error: str) -> None:
        QgsMessageLog.logMessage(f"{title}: {error}", LOG_TAG, Qgis.Critical)

    def cancel_tasks(self, timeout_s: float = 30.0) -> int:
        """Cancel the running steps and wait for them (the plugin is unloading); none calls back into this
        panel afterwards. Returns how many were still running at the timeout."""
        left = cancel_and_wait(list(self.tasks), timeout_s)
        self.tasks = []
        return len(left)

    def _message(self, text: str, level, details: bool = False, folder: str = "") -> None:
        if details:
            # Problems go to the message bar, their details to the log panel (a button opens it); never a
            # traceback dialog.
            text = text + " " + tr("(details in the log)")
        self.last_message = (text, level)
        if self.iface is None:
            return
        bar = self.iface.messageBar()
        if not folder and not details:
            bar.pushMessage(tr("Green Envoy"), text, level, 6 if level in (Qgis.Success, Qgis.Info) else 0)
            return
        if folder:
            # What was made, with a link to it and a button that opens it.
            link = f'<a href="{QUrl.fromLocalFile(folder).toString()}">{folder}</a>'
            text = text.replace(folder, link)
        item = bar.createMessage(tr("Green Envoy"), text)
        if folder:
            button = QPushButton(tr("Open folder"))
            button.setObjectName("open_folder")
            button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(folder)))
            item.layout().addWidget(button)
        if details:
            button = QPushButton(tr("Show the log"))
            button.setObjectName("show_log")
            button.clicked.connect(self.iface.openMessageLog)
            item.layout().addWidget(button)
        bar.pushWidget(item, level, 6 if level == Qgis.Success else 0)
        self.last_message_item = item

    def show_results(self, tables: tuple[str, ...] = (), store: str = "") -> None:
        """The store's layers read again (a step wrote their rows outside QGIS), the tables a step made added if
        the project lacks them, the map repainted; the first time, the project takes the expedition's map
        projection (asked when it already had layers) and the map zooms to the expedition."""
        from ..qgis_layers import (
            add_store_layers,
            reload_store_layers,
            store_layers,
            style_official_source,
            style_regions_source,
        )

        path = store or self.store_path()
        first = not store_layers(path)
        had_layers = bool(QgsProject.instance().mapLayers())
        reload_store_layers(path)
        layers = add_store_layers(path, tables=None if first else tables)
        self._except_store_layers()
        compared = getattr(self, "_compared_layer", None)
        if "official_unreported" in tables and compared is not None:
            style_official_source(compared)  # the user's registry drawn as registry records, once
        assigned = getattr(self, "_assigned_layer", None)
        if "regions" in tables and assigned is not None:
            style_regions_source(assigned)  # the user's boundaries as outlines, once
        if first:
            mapview.use_expedition_crs(had_layers, self._offer_crs)
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        if canvas is None:
            return
        if first:
            mapview.zoom_to([layers[t] for t in ("tracks", "findings", "media") if t in layers], canvas)
        canvas.refreshAllLayers()

    def _offer_crs(self, text: str, apply) -> None:
        """The expedition's projection offered in the message bar (not a modal question in the middle of
        a step's results)."""
        self.crs_offer = apply
        self.last_message = (text, Qgis.Info)
        if self.iface is None:
            return
        item = self.iface.messageBar().createMessage(tr("Green Envoy"), text)
        button = QPushButton(tr("Use the expedition's projection"))
        button.setObjectName("use_crs")
        button.clicked.connect(lambda: (apply(), self.iface.messageBar().popWidget(item)))
        item.layout().addWidget(button)
        self.iface.messageBar().pushWidget(item, Qgis.Info, 0)

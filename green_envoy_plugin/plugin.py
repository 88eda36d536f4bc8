"""The QGIS plugin: Processing provider plus a menu and toolbar entry per step; unload undoes all of it."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .i18n import tr, translatable
from .processing_provider.provider import ALGORITHMS, ICON, GreenEnvoyProvider

MENU = translatable("&Green Envoy")


class GreenEnvoyPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider: GreenEnvoyProvider | None = None
        self.actions: list[QAction] = []
        self.toolbar = None

    def initProcessing(self) -> None:  # noqa: N802
        """Called by initGui, and alone by qgis_process (no GUI): the algorithms' labels and help are translated
        when they are made, so the translation comes first."""
        self._install_translator()
        if self.provider is None:
            self.provider = GreenEnvoyProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def _install_translator(self) -> None:
        from qgis.core import QgsSettings

        from .i18n import install_translator

        # The plugin follows QGIS's own language (Settings > Options > General > User interface translation).
        if getattr(self, "translator", None) is None:
            self.translator = install_translator(QgsSettings().value("locale/userLocale", "en") or "en")

    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        from .shared_layers import watch_project

        watch_project()  # QGIS's edits of the shared store's layers kept to its versions, in reopened projects too
        self.toolbar = self.iface.addToolBar(tr("Green Envoy"))
        self.toolbar.setObjectName("GreenEnvoyToolbar")
        icon = QIcon(ICON)
        for algorithm in (cls() for cls in ALGORITHMS):
            action = QAction(icon, algorithm.displayName(), self.iface.mainWindow())
            action.setObjectName(f"greenenvoy_{algorithm.NAME}")
            action.triggered.connect(lambda _checked=False, name=algorithm.NAME: self.open_step(name))
            self.iface.addPluginToMenu(tr(MENU), action)
            self.actions.append(action)
        self.panel = None
        panel_action = QAction(icon, tr("Expedition panel"), self.iface.mainWindow())
        panel_action.setObjectName("greenenvoy_panel")
        panel_action.setCheckable(True)
        panel_action.toggled.connect(self.toggle_panel)
        self.iface.addPluginToMenu(tr(MENU), panel_action)
        self.actions.append(panel_action)
        for name, title, slot in (("layers", tr("Add expedition layers…"), self.add_layers),
                                  ("shared", tr("Add shared findings (PostGIS)…"), self.add_shared),
                                  ("viewer", tr("Media viewer…"), self.open_viewer)):
            action = QAction(icon, title, self.iface.mainWindow())
            action.setObjectName(f"greenenvoy_{name}")
            action.triggered.connect(slot)
            self.iface.addPluginToMenu(tr(MENU), action)
            self.actions.append(action)
        self.toolbar.addAction(panel_action)
        self.panel_action = panel_action
        self.viewer = None
        from qgis.core import QgsProject

        # The panel comes back with a project it was open in (and with the one already open at start-up).
        QgsProject.instance().readProject.connect(self._project_read)
        self._project_read()

    def _project_read(self, *_args) -> None:
        from qgis.core import QgsProject

        from .gui.settings import SCOPE

        visible, ok = QgsProject.instance().readBoolEntry(SCOPE, "panel/visible", False)
        if ok and visible and not self.panel_action.isChecked():
            self.panel_action.setChecked(True)

    def open_step(self, name: str) -> None:
        import processing

        processing.execAlgorithmDialog(f"greenenvoy:{name}", {})

    def toggle_panel(self, visible: bool) -> None:
        from qgis.PyQt.QtCore import Qt

        from .gui.panel import ExpeditionPanel

        if self.panel is None:
            self.panel = ExpeditionPanel(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
            # The dock's close button unchecks the menu entry.
            self.panel.visibilityChanged.connect(self._panel_visibility)
        self.panel.setVisible(visible)
        # The panel comes back when this project is opened again.
        from qgis.core import QgsProject

        from .gui.settings import SCOPE

        QgsProject.instance().writeEntryBool(SCOPE, "panel/visible", visible)

    def _panel_visibility(self, visible: bool) -> None:
        if self.panel is not None and not visible and not self.panel.isVisible() and self.panel.isHidden():
            self.panel_action.setChecked(False)

    def add_layers(self) -> None:
        from qgis.PyQt.QtWidgets import QFileDialog

        from .errors import StepError
        from .qgis_layers import add_store_layers

        path, _filter = QFileDialog.getOpenFileName(self.iface.mainWindow(), tr("Expedition GeoPackage"), "",
                                                    "GeoPackage (*.gpkg)")
        if path:
            try:
                add_store_layers(path)
            except StepError as exc:
                self.iface.messageBar().pushCritical(tr("Green Envoy"), str(exc))

    def add_shared(self) -> None:
        from qgis.core import QgsProject
        from qgis.PyQt.QtWidgets import QInputDialog

        from .errors import StepError

        text, ok = QInputDialog.getText(self.iface.mainWindow(), tr("Shared store"),
                                        tr("PostgreSQL connection (service=... or authcfg=... host=... dbname=...)"))
        if not ok or not text.strip():
            return
        try:
            from .atlas import styles
            from .forms import configure_findings_form
            from .shared_layers import postgis_layer, resolve, without_password
            from .store.postgis import PostgisStore

            ref = without_password(text)  # a typed password goes into QGIS's authentication database
            with PostgisStore(resolve(ref)) as store:
                store.migrate()
            findings = postgis_layer(ref, "findings", tr("Findings (shared)"))
            configure_findings_form(findings)
            styles.style_findings(findings)
            findings.setName(tr("Findings (shared)"))
            QgsProject.instance().addMapLayer(findings)
        except StepError as exc:
            self.iface.messageBar().pushCritical(tr("Green Envoy"), str(exc))

    def open_viewer(self) -> None:
        """The media viewer docked below the map (which stays visible beside it), on the selected item; the media
        folder is the one remembered in the project, else the panel's, else the stored thumbnails."""
        from qgis.PyQt.QtCore import Qt

        from .gui.media_viewer import MediaViewer, remembered_root

        layer = self.iface.activeLayer()
        if layer is None or layer.fields().indexOf("thumbnail") < 0 or layer.fields().indexOf("path") < 0:
            self.iface.messageBar().pushWarning(tr("Green Envoy"), tr("Select the expedition's media layer first."))
            return
        if self.viewer is not None:
            self.iface.removeDockWidget(self.viewer)
            self.viewer.deleteLater()
        root = remembered_root() or (self.panel.media.filePath() if self.panel is not None else "")
        selected = layer.selectedFeatureIds()
        self.viewer = MediaViewer(layer, root, selected[0] if selected else None, self.iface.mainWindow())
        self.viewer.current_changed.connect(lambda fid: self._follow(layer, fid))
        self.iface.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.viewer)
        self.viewer.show()

    def _follow(self, layer, fid: int) -> None:
        layer.selectByIds([fid])
        canvas = self.iface.mapCanvas()
        if canvas is not None:
            canvas.panToSelected(layer)

    def unload(self) -> None:
        from qgis.core import QgsProject

        from .shared_layers import unwatch_project

        unwatch_project()
        if getattr(self, "viewer", None) is not None:
            self.iface.removeDockWidget(self.viewer)
            self.viewer.deleteLater()
            self.viewer = None
        try:
            QgsProject.instance().readProject.disconnect(self._project_read)
        except (TypeError, RuntimeError):
            pass
        if getattr(self, "panel", None) is not None:
            # Running steps are canceled and waited for: none may call back into the deleted panel.
            left = self.panel.cancel_tasks()
            if left:
                from qgis.core import Qgis, QgsMessageLog

                from .gui.tasks import LOG_TAG

                QgsMessageLog.logMessage(f"{left} step(s) still running at unload", LOG_TAG, Qgis.Warning)
            self.iface.removeDockWidget(self.panel)
            self.panel.deleteLater()
            self.panel = None
        for action in self.actions:
            self.iface.removePluginMenu(tr(MENU), action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if getattr(self, "translator", None) is not None:
            from qgis.PyQt.QtCore import QCoreApplication

            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

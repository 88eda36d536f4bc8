"""The QGIS plugin: Processing provider plus a menu and toolbar entry per step; unload undoes all of it."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from .i18n import tr
from .processing_provider.algorithms import ALGORITHMS
from .processing_provider.provider import ICON, GreenEnvoyProvider

MENU = "&Green Envoy"


class GreenEnvoyPlugin:
    def __init__(self, iface):
        self.iface = iface
        self.provider: GreenEnvoyProvider | None = None
        self.actions: list[QAction] = []
        self.toolbar = None

    def initProcessing(self) -> None:  # noqa: N802
        self.provider = GreenEnvoyProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("Green Envoy"))
        self.toolbar.setObjectName("GreenEnvoyToolbar")
        icon = QIcon(ICON)
        for algorithm in ALGORITHMS:
            action = QAction(icon, tr(algorithm.TITLE), self.iface.mainWindow())
            action.setObjectName(f"greenenvoy_{algorithm.NAME}")
            action.triggered.connect(lambda _checked=False, name=algorithm.NAME: self.open_step(name))
            self.iface.addPluginToMenu(tr(MENU), action)
            self.actions.append(action)
        self.toolbar.addAction(self.actions[0])

    def open_step(self, name: str) -> None:
        import processing

        processing.execAlgorithmDialog(f"greenenvoy:{name}", {})

    def unload(self) -> None:
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

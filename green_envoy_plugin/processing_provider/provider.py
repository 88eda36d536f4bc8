from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import resource
from .algorithms import ALGORITHMS

ICON = resource("icon.svg")


class GreenEnvoyProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "greenenvoy"

    def name(self) -> str:
        return tr("Green Envoy")

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def loadAlgorithms(self) -> None:  # noqa: N802
        for algorithm in ALGORITHMS:
            self.addAlgorithm(algorithm())

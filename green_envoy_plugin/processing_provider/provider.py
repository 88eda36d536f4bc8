"""The Processing provider `greenenvoy`: one algorithm per user step, in the order of the workflow."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from .atlas import ExportAtlas
from .base import ICON, GreenEnvoyAlgorithm
from .field_import import ImportField
from .field_kit import FieldKit
from .findings import ImportFindings
from .media import ImportPhotos
from .official import CompareOfficial
from .regions import AssignRegions
from .sharing import SyncPostgis
from .tracks import ImportGpx
from .web_atlas import ExportWebAtlas

__all__ = ["ALGORITHMS", "ICON", "GreenEnvoyProvider"]

ALGORITHMS: list[type[GreenEnvoyAlgorithm]] = [
    ImportGpx, ImportFindings, ImportPhotos, AssignRegions, CompareOfficial, ExportAtlas, ExportWebAtlas, FieldKit,
    ImportField, SyncPostgis]


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

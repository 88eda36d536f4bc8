"""What every algorithm of the provider shares: its id, group, icon, translation, the expedition GeoPackage
parameter, and running its step so that a step's error reaches the user as a message, never a traceback."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProject,
)
from qgis.PyQt.QtGui import QIcon

from ..errors import StepError
from ..i18n import tr, translatable
from ..paths import resource

ICON = resource("icon.svg")
# The toolbox's groups in the order of the workflow (the toolbox sorts groups by name: the number keeps the
# order in every language). An algorithm names its group by id (GROUP); a new step adds its group here.
GROUPS = {
    "fieldkit": translatable("0. Before the season"),
    "tracks": translatable("1. Tracks"),
    "findings": translatable("2. Findings"),
    "media": translatable("3. Photos, videos, audio notes"),
    "regions": translatable("4. Regions"),
    "official": translatable("5. Official data"),
    "atlas": translatable("6. Atlas"),
    "sharing": translatable("7. Sharing"),
    "expedition": translatable("Expedition"),
}
STORE_KEY = ("green_envoy", "store")  # where the Expedition panel keeps the project's store
HELP_URL = "https://github.com/green-envoy/green-envoy-qgis#readme"
GPKG_FILTER = "GeoPackage (*.gpkg)"


class GreenEnvoyAlgorithm(QgsProcessingAlgorithm):
    """One user step (`steps/`) as a Processing algorithm.

    A subclass sets NAME (its id: models and `qgis_process run greenenvoy:<NAME>` use it, so it never changes),
    its parameter names as class constants (what `processing.run` and models are given: a renamed constant is
    a change for every caller, listed in CHANGELOG.md), and implements displayName and shortHelpString (with
    self.tr("...") on literal text, so that tools/check_translations.py finds it), initAlgorithm and run_step
    (not `run`: that is QgsProcessingAlgorithm's own).
    """

    NAME = ""
    GROUP = "expedition"  # a key of GROUPS
    GPKG = "GPKG"  # the expedition GeoPackage, in every algorithm

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return tr(GROUPS.get(self.GROUP, GROUPS["expedition"]))

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def helpUrl(self) -> str:  # noqa: N802
        return HELP_URL

    def createInstance(self) -> GreenEnvoyAlgorithm:  # noqa: N802
        return type(self)()

    def tr(self, text: str) -> str:
        """The plugin's translation (context GreenEnvoy, i18n/green_envoy_<language>.qm)."""
        return tr(text)

    def add_store_parameter(self, existing: bool) -> None:
        """The expedition GeoPackage: an existing one (the steps that read what was imported), or one created
        when missing (the imports)."""
        store = project_store() or None  # the project's store (the Expedition panel's), prefilled
        if existing:
            self.addParameter(QgsProcessingParameterFile(
                self.GPKG, self.tr("Expedition GeoPackage"), extension="gpkg", defaultValue=store))
        else:
            self.addParameter(QgsProcessingParameterFileDestination(
                self.GPKG, self.tr("Expedition GeoPackage (created when missing)"), GPKG_FILTER, defaultValue=store))

    def add_distance_parameter(self, name: str, label: str, default: float, maximum: float = 100_000.0) -> None:
        """Metres as a whole number ("250 m", not "250.000000"); the step measures in the expedition's metric
        projection whatever the layer's CRS, so not a QgsProcessingParameterDistance in the layer's units."""
        parameter = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Double, default,
                                                 minValue=0.0, maxValue=maximum)
        parameter.setMetadata({"widget_wrapper": {"decimals": 0}})
        self.addParameter(parameter)

    def store_path(self, parameters: dict[str, Any], context: QgsProcessingContext) -> str:
        if isinstance(self.parameterDefinition(self.GPKG), QgsProcessingParameterFileDestination):
            return self.parameterAsFileOutput(parameters, self.GPKG, context)
        return self.parameterAsFile(parameters, self.GPKG, context)

    def processAlgorithm(self, parameters: dict[str, Any], context: QgsProcessingContext,  # noqa: N802
                         feedback: QgsProcessingFeedback) -> dict[str, Any]:
        """Runs the step; its StepError (a bad file, a missing table, a cancel) becomes the QgsProcessingException
        Processing shows as the algorithm's error message. Anything else is a bug, and keeps its traceback."""
        try:
            return self.run_step(parameters, context, feedback)
        except StepError as exc:
            raise QgsProcessingException(str(exc)) from None

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        """Reads the parameters, calls one step with `feedback` (QgsProcessingFeedback has the names of
        steps.feedback.Feedback) and returns the outputs."""
        raise NotImplementedError


def project_store() -> str:
    """The expedition GeoPackage of the open project (as the Expedition panel saved it), or ""."""
    project = QgsProject.instance()
    path, ok = project.readEntry(*STORE_KEY, "")
    return project.readPath(path) if ok and path else ""

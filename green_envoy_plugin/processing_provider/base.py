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
)
from qgis.PyQt.QtGui import QIcon

from ..errors import StepError
from ..i18n import tr
from ..paths import resource

ICON = resource("icon.svg")
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
    GPKG = "GPKG"  # the expedition GeoPackage, in every algorithm

    def name(self) -> str:
        return self.NAME

    def group(self) -> str:
        return self.tr("Expedition")

    def groupId(self) -> str:  # noqa: N802
        return "expedition"

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
        if existing:
            self.addParameter(QgsProcessingParameterFile(
                self.GPKG, self.tr("Expedition GeoPackage"), extension="gpkg"))
        else:
            self.addParameter(QgsProcessingParameterFileDestination(
                self.GPKG, self.tr("Expedition GeoPackage (created when missing)"), GPKG_FILTER))

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

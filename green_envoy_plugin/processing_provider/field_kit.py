"""greenenvoy:fieldkit: the field kit for the phones, a QField / Mergin Maps project and an XLSForm (app/field_kit)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputFile,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..app.field_kit import build_field_kit
from ..core.languages import LANGUAGES, NAMES
from .base import GreenEnvoyAlgorithm


class FieldKit(GreenEnvoyAlgorithm):
    NAME = "fieldkit"
    GROUP = "fieldkit"
    OUT = "OUT"
    LANGUAGE = "LANGUAGE"
    REGIONS = "REGIONS"
    SETTLEMENTS = "SETTLEMENTS"
    OFFICIAL = "OFFICIAL"
    BASEMAP = "BASEMAP"
    PROJECT = "PROJECT"
    XLSFORM = "XLSFORM"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Make the field kit (QField, Mergin Maps, ODK, Kobo)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Writes a folder the envoys' phones open offline: a QGIS project for QField or Mergin Maps with "
                    "the findings layer and its form (category, case type and source lists, severity 1-5, residents' "
                    "concerns, description, time, a unique id, a photo stored in DCIM/), the route, regions, "
                    "settlements and official layer read-only, an optional basemap, the project's Russian and Kazakh "
                    "translations, and findings_form.xlsx, the same form for ODK Collect and KoboToolbox."),
            self.tr("Inputs: the expedition GeoPackage; a kit folder; the language of the form; optionally "
                    "the regions to take, a settlements layer, an official layer and an offline basemap (MBTiles or "
                    "GeoTIFF) copied into the kit."),
            self.tr("Outputs: the field project (.qgs) and the XLSForm. Bring the phones' work back with 'Import "
                    "field returns'."),
            self.tr("Rejected: a folder that already holds a kit (one in use holds captures), a region the "
                    "GeoPackage does not have, or a layer that cannot be read stops the algorithm with a message, "
                    "and no half-made kit is left."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.add_store_parameter(existing=True)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUT, self.tr("Kit folder (empty)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the form"), [NAMES[code] for code in LANGUAGES], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.REGIONS, self.tr("Only these regions (comma-separated)"), "", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.SETTLEMENTS, self.tr("Settlements layer"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.OFFICIAL, self.tr("Official layer"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.BASEMAP, self.tr("Offline basemap (MBTiles, GeoTIFF)"), optional=True))
        self.addOutput(QgsProcessingOutputFile(self.PROJECT, self.tr("Field project")))
        self.addOutput(QgsProcessingOutputFile(self.XLSFORM, self.tr("XLSForm")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        regions = [r.strip() for r in self.parameterAsString(parameters, self.REGIONS, context).split(",")
                   if r.strip()]
        kit, project, _translations = build_field_kit(
            self.store_path(parameters, context), self.parameterAsString(parameters, self.OUT, context),
            LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)], regions or None,
            self.parameterAsFile(parameters, self.SETTLEMENTS, context),
            self.parameterAsFile(parameters, self.OFFICIAL, context), "",
            self.parameterAsFile(parameters, self.BASEMAP, context), feedback)
        return {self.OUT: kit.folder, self.PROJECT: project, self.XLSFORM: kit.xlsform}

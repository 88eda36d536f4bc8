"""greenenvoy:importfield: findings and photos back from QField, Mergin Maps, ODK or Kobo (steps/field_import.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
)

from ..steps.field_import import import_field
from ..thumbnails import qt_thumbnailer
from .base import GreenEnvoyAlgorithm


class ImportField(GreenEnvoyAlgorithm):
    NAME = "importfield"
    GROUP = "findings"
    RETURN = "RETURN"
    MEDIA = "MEDIA"
    IMPORTED = "IMPORTED"
    UPDATED = "UPDATED"
    REJECTED = "REJECTED"
    PHOTOS = "PHOTOS"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import field returns (QField, Mergin Maps, ODK, Kobo)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Imports what the phones brought back: a returned field kit folder or zip (QField, Mergin Maps), "
                    "an ODK Central export zip, or a KoboToolbox CSV or XLSX export with its media zip."),
            self.tr("Findings are matched by their capture's uuid: importing the same return again changes nothing, "
                    "a finding edited on the phone is updated unless the GeoPackage holds a newer change. Photos are "
                    "copied into the store's media folder, placed by their GPS or at their finding and linked to it."),
            self.tr("Outputs: the numbers of findings imported and updated, of rows rejected and of photos added."),
            self.tr("Rejected: rows without a position, with a repeated uuid or an invalid value, photos a row names "
                    "that are missing and photos no row names are listed in the log with their reasons; the rest "
                    "is imported."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(self.RETURN, self.tr("Field return (file or zip)")))
        self.addParameter(QgsProcessingParameterFile(self.MEDIA, self.tr("Kobo media zip"), optional=True))
        self.add_store_parameter(existing=False)
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Findings imported")))
        self.addOutput(QgsProcessingOutputNumber(self.UPDATED, self.tr("Findings updated")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, self.tr("Rows rejected")))
        self.addOutput(QgsProcessingOutputNumber(self.PHOTOS, self.tr("Photos added")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        gpkg = self.store_path(parameters, context)
        report = import_field(self.parameterAsFile(parameters, self.RETURN, context), gpkg,
                              self.parameterAsFile(parameters, self.MEDIA, context), qt_thumbnailer(), feedback)
        return {self.GPKG: gpkg, self.IMPORTED: report.imported, self.UPDATED: report.updated,
                self.REJECTED: len(report.rejected), self.PHOTOS: report.media_added}

"""greenenvoy:importgpx: GPX files and folders into the expedition GeoPackage (steps/tracks.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
)

from ..steps.tracks import import_gpx
from .base import GreenEnvoyAlgorithm


class ImportGpx(GreenEnvoyAlgorithm):
    NAME = "importgpx"
    FILES = "FILES"
    FOLDER = "FOLDER"
    FIXES = "FIXES"
    FAILED = "FAILED"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import tracks (GPX, FIT)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Imports GPX 1.0 and 1.1 files into the expedition GeoPackage: every track segment with its "
                    "statistics (km, moving time, ascent), its fixes, and the waypoints. The fixes are cleaned "
                    "first: fixes without a time, duplicates, fixes going back in time and speed spikes are "
                    "dropped, and a long gap in time splits a segment."),
            self.tr("Inputs: GPX or FIT files, a folder (every .gpx and .fit file in it and in its subfolders), "
                    "or both; the GeoPackage, created when missing."),
            self.tr("A file already imported with the same content is skipped; a file of the same name with new "
                    "content replaces its earlier rows. All is written in one transaction."),
            self.tr("Outputs: the fixes imported (after cleaning) and the number of files rejected."),
            self.tr("Rejected: a file that is neither well-formed GPX nor FIT, declares XML entities, or has no "
                    "time on any track fix. A point without usable coordinates is left out alone and a time or "
                    "elevation that cannot be read is set aside, each named in the log with its line (GPX) or byte "
                    "offset (FIT); the other points and files are still imported. The algorithm fails with a "
                    "message when no GPX or FIT file is found or none could be imported."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FILES, self.tr("GPX or FIT files"), QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, self.tr("Folder of GPX or FIT files"), QgsProcessingParameterFile.Folder, optional=True))
        self.add_store_parameter(existing=False)
        self.addOutput(QgsProcessingOutputNumber(self.FIXES, self.tr("Fixes imported")))
        self.addOutput(QgsProcessingOutputNumber(self.FAILED, self.tr("Files rejected")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        paths = [p for p in self.parameterAsFileList(parameters, self.FILES, context) or [] if p]
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        if folder:
            paths.append(folder)
        if not paths:
            raise QgsProcessingException(self.tr("Choose GPX files or a folder"))
        gpkg = self.store_path(parameters, context)
        report = import_gpx(paths, gpkg, feedback=feedback)
        return {self.GPKG: gpkg, self.FIXES: report.fixes, self.FAILED: len(report.failed)}

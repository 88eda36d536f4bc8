"""greenenvoy:importgpx: GPX, FIT and TCX files (and .gz, Strava export zips) and folders into the expedition
GeoPackage (steps/tracks.py)."""

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
    GROUP = "tracks"
    FILES = "FILES"
    FOLDER = "FOLDER"
    FIXES = "FIXES"
    FAILED = "FAILED"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import tracks (GPX, FIT, TCX)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Imports track files into the expedition GeoPackage: GPX 1.0 and 1.1, FIT (bike computers and "
                    "watches), TCX, the .gz of each and Strava's bulk export zip. Every track segment is stored with "
                    "its statistics (km, moving time, ascent) and its fixes, planned routes (GPX routes, FIT and TCX "
                    "courses) in the routes layer, and the waypoints. The fixes are cleaned first: duplicates (same "
                    "time and place), fixes going back in time and speed spikes are dropped, and a long gap in time "
                    "splits a segment."),
            self.tr("A fix without time between timed fixes keeps its place with a time interpolated from its "
                    "neighbours, flagged. A track without any usable time (a planned route saved as a track, a device "
                    "whose clock did not run) is kept with its geometry, km and climbing; its time figures stay empty "
                    "and the log says so."),
            self.tr("Inputs: track files, a folder (every .gpx, .fit and .tcx file, the .gz of each and every .zip "
                    "in it and in its subfolders), or both; the GeoPackage, created when missing."),
            self.tr("A file is known by its path in the folder imported and by its content: a file already imported "
                    "with the same content is skipped, a file with the same content as another imported file is "
                    "reported and not imported twice, and a file with new content replaces only its own earlier rows. "
                    "All is written in one transaction."),
            self.tr("Outputs: the fixes imported (after cleaning) and the number of files rejected."),
            self.tr("Rejected: a file that is not well-formed GPX, TCX or FIT, declares XML entities, holds no "
                    "position, or is not a regular file (a named pipe or a device). A point without usable coordinates "
                    "is left out alone and a time or elevation that cannot be read is set aside, each named in the log "
                    "with its line (GPX, TCX) or byte offset (FIT); the other points and files are still imported. The "
                    "algorithm fails with a message when no track file is found or none could be imported."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.FILES, self.tr("Track files (GPX, FIT, TCX, .gz, Strava export zip)"), QgsProcessing.TypeFile,
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, self.tr("Folder of track files"), QgsProcessingParameterFile.Folder, optional=True))
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
            raise QgsProcessingException(self.tr("Choose track files or a folder"))
        gpkg = self.store_path(parameters, context)
        report = import_gpx(paths, gpkg, feedback=feedback)
        return {self.GPKG: gpkg, self.FIXES: report.fixes, self.FAILED: len(report.failed)}

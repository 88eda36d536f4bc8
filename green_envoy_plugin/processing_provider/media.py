"""greenenvoy:importphotos: the photos, videos and audio notes of a folder, placed (steps/media.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..steps.media import import_media
from ..thumbnails import qt_thumbnailer
from .base import GreenEnvoyAlgorithm


class ImportPhotos(GreenEnvoyAlgorithm):
    NAME = "importphotos"  # the id of 0.1.0, when only photos were imported
    GROUP = "media"
    FOLDER = "FOLDER"
    TZ = "TZ"
    OFFSET = "OFFSET"
    MAX_GAP = "MAX_GAP"
    MAX_EXTRAPOLATION = "MAX_EXTRAPOLATION"
    ALL_THUMBNAILS = "ALL_THUMBNAILS"
    PLACED = "PLACED"
    UNPLACED = "UNPLACED"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import photos, videos and audio notes")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Places the photos (JPEG, TIFF, PNG, HEIC), videos (MP4, MOV, 3GP) and audio notes (M4A, "
                    "MP3, WAV, OGG, AAC, AMR) of a folder and its subfolders in the expedition GeoPackage: by "
                    "their own GPS position where they have one, otherwise by their time matched to the "
                    "imported track, like exiftool -geotag. Each is then linked to the nearest finding within 500 m "
                    "and 3 hours."),
            self.tr("Inputs: the camera's time zone (+05:00 is Kazakhstan) and how many seconds its clock is "
                    "ahead (negative when behind); the largest gap between two track fixes that a time may "
                    "still be interpolated across, and how far in time from the track a file may be (before its "
                    "start, after its end or in a larger gap) and still be placed at the nearest fix. Import the "
                    "GPX tracks first."),
            self.tr("Paths are stored relative to the folder, and photos get an upright thumbnail; the files are "
                    "never modified. Running it again adds new files, finds moved ones by their fingerprint, "
                    "places the time-matched ones again (after a corrected clock offset) and keeps positions "
                    "set by hand."),
            self.tr("The time zone and the offset may be left empty: a file imported before then keeps the zone and "
                    "offset it was placed with, a new file takes +05:00 and 0 s. A copy of a photo in another folder "
                    "is a new file. A photo's time is its DateTimeOriginal, else its CreateDate, else the capture time "
                    "in its XMP (editors write it there), else the file's modification time (never ModifyDate); the "
                    "field time_source says which."),
            self.tr("A photo whose camera embedded no thumbnail (an editor's export) is stored without one and shown "
                    "from its original wherever it is looked at (map tips, the media viewer, the atlases); the option "
                    "above decodes and stores those thumbnails now, for a GeoPackage that travels without its "
                    "photos."),
            self.tr("Outputs: the files placed and the files not placed."),
            self.tr("Not placed: a file without a GPS position whose time is missing, outside the track's time "
                    "span or in a gap of the track; each is listed in the log with the reason and stored "
                    "without a position. A file that cannot be read is listed in the log too. A folder that "
                    "does not exist or a time zone not like +05:00 stops the algorithm with a message."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.FOLDER, self.tr("Media folder"), QgsProcessingParameterFile.Folder))
        self.add_store_parameter(existing=False)
        self.addParameter(QgsProcessingParameterString(self.TZ, self.tr("Camera time zone"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.OFFSET, self.tr("Camera clock ahead by (s)"), QgsProcessingParameterNumber.Double, None,
            optional=True))
        for name, label, default in ((self.MAX_GAP, self.tr("Largest track gap to interpolate across (s)"), 300.0),
                                     (self.MAX_EXTRAPOLATION, self.tr("Largest time off the track still placed (s)"),
                                      60.0)):
            seconds = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Double, default,
                                                   minValue=0.0)
            seconds.setMetadata({"widget_wrapper": {"decimals": 0}})  # "300 s", not "300.000000"
            self.addParameter(seconds)
        self.addParameter(QgsProcessingParameterBoolean(
            self.ALL_THUMBNAILS, self.tr("Store the thumbnails of photos without an embedded one (slower)"), False))
        self.addOutput(QgsProcessingOutputNumber(self.PLACED, self.tr("Media placed")))
        self.addOutput(QgsProcessingOutputNumber(self.UNPLACED, self.tr("Media not placed")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        gpkg = self.store_path(parameters, context)
        offset = parameters.get(self.OFFSET)
        report = import_media(
            self.parameterAsFile(parameters, self.FOLDER, context), gpkg,
            self.parameterAsString(parameters, self.TZ, context).strip() or None,
            None if offset is None or offset == "" else self.parameterAsDouble(parameters, self.OFFSET, context),
            self.parameterAsDouble(parameters, self.MAX_GAP, context),
            self.parameterAsDouble(parameters, self.MAX_EXTRAPOLATION, context), thumbnailer=qt_thumbnailer(),
            feedback=feedback, all_thumbnails=self.parameterAsBool(parameters, self.ALL_THUMBNAILS, context))
        return {self.GPKG: gpkg, self.PLACED: report.with_gps + report.time_synced,
                self.UNPLACED: len(report.unplaced)}

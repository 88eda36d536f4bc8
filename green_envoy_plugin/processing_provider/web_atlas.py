"""greenenvoy:exportwebatlas: the offline web atlas (web_atlas/export.py), the function the CLI's web-atlas runs."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ..core.languages import LANGUAGES
from ..core.languages import NAMES as LANGUAGE_NAMES
from ..web_atlas.export import export_web_atlas
from .base import GreenEnvoyAlgorithm


class ExportWebAtlas(GreenEnvoyAlgorithm):
    NAME = "exportwebatlas"
    GROUP = "atlas"
    OUTPUT = "OUTPUT"
    LANGUAGE = "LANGUAGE"  # an index into core.languages.LANGUAGES
    REGIONS = "REGIONS"
    MEDIA = "MEDIA"
    BASEMAP = "BASEMAP"
    BASEMAP_ATTRIBUTION = "BASEMAP_ATTRIBUTION"
    PAGES = "PAGES"
    INDEX = "INDEX"
    FOLDER = "FOLDER"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Export the web atlas (offline HTML)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Writes the expedition as an interactive map in a folder that opens by double-clicking "
                    "index.html, with no network: an overview page and one page per visited region, with the "
                    "findings by category (clustered where dense), a popup per finding with its photos and a "
                    "viewer, the photos with their camera direction, a day filter, the region's elevation "
                    "profile linked to the map and the table of its findings, in English, Russian and Kazakh."),
            self.tr("Inputs: the GeoPackage after Assign regions; the atlas folder (new, empty, or a web atlas "
                    "written before: it is replaced whole); the pages' first language; optionally the regions "
                    "(names, comma-separated), the folder the photos were imported from (larger images in the "
                    "viewer) and an XYZ tile address for a basemap (for online use only)."),
            self.tr("Outputs: the atlas folder, its index.html and the number of pages."),
            self.tr("Rejected: a missing GeoPackage, one without visited regions, an unknown region name, a folder "
                    "holding other files or a basemap that is not an XYZ address stops the algorithm with a "
                    "message. A finding without a position, or a video or audio note, is listed in the log."),
        ))

    def flags(self) -> QgsProcessingAlgorithm.Flags:
        # The pages' words are translated by installing Qt translators, which belongs on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.add_store_parameter(existing=True)
        self.addParameter(QgsProcessingParameterFolderDestination(self.OUTPUT, self.tr("Web atlas folder")))
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("First language of the pages"), [LANGUAGE_NAMES[code] for code in LANGUAGES],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.REGIONS, self.tr("Only these regions (names, comma-separated)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MEDIA, self.tr("Folder the photos were imported from (larger images)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.BASEMAP, self.tr("Basemap tiles for online use (XYZ address with {z}/{x}/{y})"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.BASEMAP_ATTRIBUTION, self.tr("Basemap credit line"), optional=True))
        self.addOutput(QgsProcessingOutputFolder(self.FOLDER, self.tr("Web atlas folder")))
        self.addOutput(QgsProcessingOutputFile(self.INDEX, self.tr("Overview page (index.html)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, self.tr("Pages written")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
                 feedback: QgsProcessingFeedback) -> dict[str, Any]:
        out = self.parameterAsString(parameters, self.OUTPUT, context)
        regions = self.parameterAsString(parameters, self.REGIONS, context)
        result = export_web_atlas(
            self.store_path(parameters, context), out,
            language=LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
            regions=[r.strip() for r in regions.split(",") if r.strip()] or None,
            media_dir=self.parameterAsFile(parameters, self.MEDIA, context) or "",
            basemap=self.parameterAsString(parameters, self.BASEMAP, context).strip(),
            basemap_attribution=self.parameterAsString(parameters, self.BASEMAP_ATTRIBUTION, context).strip(),
            feedback=feedback)
        return {self.OUTPUT: result.folder, self.FOLDER: result.folder, self.INDEX: result.pages[0],
                self.PAGES: len(result.pages)}

"""greenenvoy:exportatlas: the regional atlas as PDF (app/atlas.py: the page figures, then the export)."""

from __future__ import annotations

import os
from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
    QgsSettings,
)

from ..app.atlas import export_atlas
from ..core.languages import LANGUAGES
from ..core.languages import NAMES as LANGUAGE_NAMES
from ..core.page_formats import PAGE_FORMATS
from .base import GreenEnvoyAlgorithm, project_store


class ExportAtlas(GreenEnvoyAlgorithm):
    NAME = "exportatlas"
    GROUP = "atlas"
    OUTPUT = "OUTPUT"
    LANGUAGE = "LANGUAGE"  # an index into core.languages.LANGUAGES
    TEMPLATE = "TEMPLATE"
    PAGE = "PAGE"  # an index into core.page_formats.PAGE_FORMATS
    COMBINED = "COMBINED"
    REGIONS = "REGIONS"  # names separated by ;
    PNG = "PNG"
    BASEMAP = "BASEMAP"  # any QGIS layer source or .qlr file, under the region maps
    MEDIA = "MEDIA"  # the folder the photos were imported from: the pages print the originals
    PDFS = "PDFS"  # PDF files written (was PAGES before 0.3.0)
    FOLDER = "FOLDER"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Export the regional atlas (PDF)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Exports the atlas of the visited regions from the expedition GeoPackage: for each region a "
                    "page with the map of its route, findings and photos, its statistics, legend and scale bar, "
                    "and a second page with its place in Kazakhstan, the elevation profile, photos of the most "
                    "severe findings, the findings by category, the official comparison and the table of its "
                    "findings. One PDF per region, named after it (with "
                    "_ru or _kk added in Russian or Kazakh), or with One PDF a single atlas.pdf: the national "
                    "overview, the contents, then every region."),
            self.tr("Inputs: the GeoPackage after Assign regions; the atlas folder; the language of the pages; "
                    "optionally a layout template (.qpt, written by save-template and adjusted in QGIS's layout "
                    "designer), whose pages are kept as its author left them; otherwise the page size and "
                    "orientation. The page figures are counted again first, so findings edited in QGIS since "
                    "are included."),
            self.tr("The folder the photos were imported from (optional): the pages print the original photos, "
                    "sharp at 300 ppi and more, instead of the stored thumbnails; a photo not found there is "
                    "printed from its thumbnail."),
            self.tr("Outputs: the number of PDF files written and the atlas folder."),
            self.tr("Rejected: a missing GeoPackage, a GeoPackage without visited regions (run Assign regions "
                    "first) or a template that cannot be read stops the algorithm with a message. A page that "
                    "cannot be written is listed in the log, and the others are still written."),
        ))

    def flags(self) -> QgsProcessingAlgorithm.Flags:
        # Layout rendering builds its own project and fonts: kept on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.add_store_parameter(existing=True)
        # Beside the store, where the panel writes it too (not a temporary folder the user must then find).
        store = project_store()
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.OUTPUT, self.tr("Atlas folder"), os.path.join(os.path.dirname(store), "atlas") if store else None))
        language = (QgsSettings().value("locale/userLocale", "en") or "en")[:2].lower()
        self.addParameter(QgsProcessingParameterEnum(
            self.LANGUAGE, self.tr("Language of the pages"), [LANGUAGE_NAMES[code] for code in LANGUAGES],
            defaultValue=LANGUAGES.index(language) if language in LANGUAGES else 0))  # QGIS's own language
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, self.tr("Layout template adjusted in the designer (.qpt, from save-template)"),
            extension="qpt", optional=True))
        page_names = dict(zip(PAGE_FORMATS, (self.tr("A4 landscape"), self.tr("A4 portrait"),
                                             self.tr("A3 landscape"), self.tr("A3 portrait"))))
        self.addParameter(QgsProcessingParameterEnum(
            self.PAGE, self.tr("Page size and orientation"), [page_names[code] for code in PAGE_FORMATS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.COMBINED, self.tr("One PDF: national overview, contents, then every region"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.BASEMAP, self.tr("Basemap under the region maps (XYZ URI, MBTiles, raster, vector or .qlr file)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.MEDIA, self.tr("Folder the photos were imported from (sharp photos on the pages)"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))
        regions = QgsProcessingParameterString(
            self.REGIONS, self.tr("Only these regions (names separated by ;)"), "", optional=True)
        regions.setFlags(regions.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(regions)
        png = QgsProcessingParameterBoolean(self.PNG, self.tr("PNG pages for the web too"), defaultValue=False)
        png.setFlags(png.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(png)
        self.addOutput(QgsProcessingOutputNumber(self.PDFS, self.tr("PDF files written")))
        self.addOutput(QgsProcessingOutputFolder(self.FOLDER, self.tr("Atlas folder")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        out = self.parameterAsString(parameters, self.OUTPUT, context)
        result = export_atlas(
            self.store_path(parameters, context), out, feedback,
            language=LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)],
            template=self.parameterAsFile(parameters, self.TEMPLATE, context) or "",
            combined=self.parameterAsBoolean(parameters, self.COMBINED, context),
            page_format=PAGE_FORMATS[self.parameterAsEnum(parameters, self.PAGE, context)],
            regions=[name.strip() for name in self.parameterAsString(parameters, self.REGIONS, context).split(";")
                     if name.strip()] or None,
            png=self.parameterAsBoolean(parameters, self.PNG, context),
            basemap=self.parameterAsString(parameters, self.BASEMAP, context).strip(),
            media_dir=self.parameterAsFile(parameters, self.MEDIA, context) or "")
        return {self.OUTPUT: out, self.FOLDER: out, self.PDFS: len(result.pdfs)}

"""Processing algorithms: read the parameters, call the step (`steps/`), return its numbers."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFolder,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..core.page_formats import PAGE_FORMATS
from ..errors import StepError
from ..i18n import tr
from ..steps.findings import import_findings
from ..steps.media import import_media
from ..steps.official import compare_official
from ..steps.regions import assign_regions
from ..steps.tracks import import_gpx

GPKG_FILTER = "GeoPackage (*.gpkg)"


class _Step(QgsProcessingAlgorithm):
    NAME = ""
    TITLE = ""
    HELP = ""

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return tr(self.TITLE)

    def group(self) -> str:
        return tr("Expedition")

    def groupId(self) -> str:  # noqa: N802
        return "expedition"

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(self.HELP)

    def createInstance(self):  # noqa: N802
        return type(self)()

    def _store_param(self, existing: bool = False) -> None:
        if existing:
            self.addParameter(QgsProcessingParameterFile("GPKG", tr("Expedition GeoPackage"), extension="gpkg"))
        else:
            self.addParameter(QgsProcessingParameterFileDestination(
                "GPKG", tr("Expedition GeoPackage (created when missing)"), GPKG_FILTER))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.run_step(parameters, context, feedback)
        except StepError as exc:
            raise QgsProcessingException(str(exc)) from exc


class ImportGpx(_Step):
    NAME, TITLE = "importgpx", "Import GPX tracks"
    HELP = ("Imports GPX 1.0/1.1 files (and every .gpx in a folder) into the expedition GeoPackage: tracks, "
            "fixes and waypoints, cleaned of duplicates, backward times and spikes. Files already imported "
            "unchanged are skipped; changed files replace their rows. One transaction.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "FILES", tr("GPX files"), QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", tr("Folder of GPX files"), QgsProcessingParameterFile.Folder, optional=True))
        self._store_param()
        self.addOutput(QgsProcessingOutputNumber("FIXES", tr("Fixes imported")))
        self.addOutput(QgsProcessingOutputNumber("FAILED", tr("Files rejected")))

    def run_step(self, parameters, context, feedback):
        paths = [p for p in self.parameterAsFileList(parameters, "FILES", context) or [] if p]
        folder = self.parameterAsFile(parameters, "FOLDER", context)
        if folder:
            paths.append(folder)
        if not paths:
            raise QgsProcessingException(tr("Choose GPX files or a folder"))
        gpkg = self.parameterAsFileOutput(parameters, "GPKG", context)
        report = import_gpx(paths, gpkg, feedback=feedback)
        return {"GPKG": gpkg, "FIXES": report.fixes, "FAILED": len(report.failed)}


class ImportFindings(_Step):
    NAME, TITLE = "importfindings", "Import findings (CSV, XLSX or a layer)"
    HELP = ("Imports findings from a CSV or XLSX table, or from any point layer, with an optional field mapping "
            "(for example 'lat=Latitude;category=Kind'). Valid rows are imported in one transaction; rejected "
            "rows are listed by row number (feature id for a layer) and reason.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            "CSV", tr("Findings table (CSV or XLSX)"), fileFilter="Tables (*.csv *.xlsx)", optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            "LAYER", tr("…or a point layer"), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterString(
            "MAPPING", tr("Field mapping (field=column;...)"), "", optional=True))
        self._store_param()
        self.addOutput(QgsProcessingOutputNumber("IMPORTED", tr("Findings imported")))
        self.addOutput(QgsProcessingOutputNumber("REJECTED", tr("Rows rejected")))

    def run_step(self, parameters, context, feedback):
        mapping_text = self.parameterAsString(parameters, "MAPPING", context)
        try:
            mapping = dict(item.split("=", 1) for item in mapping_text.split(";") if item.strip())
        except ValueError:
            raise QgsProcessingException(tr("The mapping must read like lat=Latitude;lon=Longitude")) from None
        gpkg = self.parameterAsFileOutput(parameters, "GPKG", context)
        table = self.parameterAsFile(parameters, "CSV", context)
        layer = self.parameterAsVectorLayer(parameters, "LAYER", context)
        if table:
            source = table
        elif layer is not None:
            from ..qgis_layers import findings_from_layer

            source = findings_from_layer(layer, mapping)
        else:
            raise QgsProcessingException(tr("Choose a table or a layer"))
        count, problems = import_findings(source, gpkg, feedback, mapping)
        return {"GPKG": gpkg, "IMPORTED": count, "REJECTED": len(problems)}


class ImportPhotos(_Step):
    NAME, TITLE = "importphotos", "Import photos, videos and audio notes"
    HELP = ("Places the media of a folder (recursively): by their EXIF GPS, or by their time matched to the "
            "imported track (camera time zone and clock offset, like exiftool -geotag). Thumbnails are stored "
            "upright in the GeoPackage; the files are never modified. Re-running adds new files, finds moved "
            "ones by their fingerprint and keeps positions set by hand.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile("FOLDER", tr("Photo folder"), QgsProcessingParameterFile.Folder))
        self._store_param()
        self.addParameter(QgsProcessingParameterString("TZ", tr("Camera time zone"), "+05:00"))
        self.addParameter(QgsProcessingParameterNumber(
            "OFFSET", tr("Camera clock ahead by (s)"), QgsProcessingParameterNumber.Double, 0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_GAP", tr("Largest track gap to interpolate across (s)"), QgsProcessingParameterNumber.Double,
            300.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            "MAX_EXTRAPOLATION", tr("Largest time off the track still placed (s)"),
            QgsProcessingParameterNumber.Double, 60.0, minValue=0.0))
        self.addOutput(QgsProcessingOutputNumber("PLACED", tr("Media placed")))
        self.addOutput(QgsProcessingOutputNumber("UNPLACED", tr("Media not placed")))

    def run_step(self, parameters, context, feedback):
        from ..thumbnails import qt_thumbnailer

        gpkg = self.parameterAsFileOutput(parameters, "GPKG", context)
        report = import_media(
            self.parameterAsFile(parameters, "FOLDER", context), gpkg,
            self.parameterAsString(parameters, "TZ", context), self.parameterAsDouble(parameters, "OFFSET", context),
            self.parameterAsDouble(parameters, "MAX_GAP", context),
            self.parameterAsDouble(parameters, "MAX_EXTRAPOLATION", context), thumbnailer=qt_thumbnailer(),
            feedback=feedback)
        return {"GPKG": gpkg, "PLACED": report.with_gps + report.time_synced, "UNPLACED": len(report.unplaced)}


class AssignRegions(_Step):
    NAME, TITLE = "assignregions", "Assign regions and per-region statistics"
    HELP = ("Splits the route exactly at region boundaries (km, moving time, days, ascent per region) and "
            "gives every finding and photo its region, from any polygon layer in any CRS.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._store_param(existing=True)
        self.addParameter(QgsProcessingParameterVectorLayer(
            "REGIONS", tr("Regions layer"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField("NAME_FIELD", tr("Region name field"), "ADM1_EN", "REGIONS"))
        self.addParameter(QgsProcessingParameterField(
            "CODE_FIELD", tr("Region code field"), "ADM1_PCODE", "REGIONS", optional=True))
        self.addOutput(QgsProcessingOutputNumber("VISITED", tr("Regions visited")))
        self.addOutput(QgsProcessingOutputNumber("KM", tr("Total km")))

    def run_step(self, parameters, context, feedback):
        from ..qgis_layers import regions_from_layer

        layer = self.parameterAsVectorLayer(parameters, "REGIONS", context)
        regions = regions_from_layer(layer, self.parameterAsString(parameters, "NAME_FIELD", context),
                                     self.parameterAsString(parameters, "CODE_FIELD", context))
        gpkg = self.parameterAsFile(parameters, "GPKG", context)
        summary = assign_regions(gpkg, regions, feedback=feedback)
        feedback.pushInfo(summary.table())
        return {"GPKG": gpkg, "VISITED": len(summary.visited), "KM": summary.total_km}


class CompareOfficial(_Step):
    NAME, TITLE = "compareofficial", "Compare findings with an official layer"
    HELP = ("For each finding the nearest official feature (points, lines or polygons, any CRS) and its "
            "distance: matches the official record, near, or not in the official layer; and the official "
            "features within the route corridor that the expedition did not report. Results go to the "
            "findings' official_* fields and the official_unreported table; optionally a CSV/XLSX table.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self._store_param(existing=True)
        self.addParameter(QgsProcessingParameterVectorLayer("OFFICIAL", tr("Official layer")))
        self.addParameter(QgsProcessingParameterField("ID_FIELD", tr("Official id field"), None, "OFFICIAL",
                                                      optional=True))
        for name, label, default in (("MATCH", "Matches within (m)", 250.0), ("NEAR", "Near within (m)", 1000.0),
                                     ("CORRIDOR", "Route corridor (m)", 2000.0)):
            self.addParameter(QgsProcessingParameterNumber(name, tr(label), QgsProcessingParameterNumber.Double,
                                                           default, minValue=0.0))
        self.addParameter(QgsProcessingParameterFileDestination(
            "TABLE", tr("Comparison table"), "Excel (*.xlsx);;CSV (*.csv)", optional=True, createByDefault=False))
        for name, label in (("MATCHES", "Findings matching a record"), ("NOT_OFFICIAL", "Findings not in the layer"),
                            ("UNREPORTED", "Official features along the route not reported")):
            self.addOutput(QgsProcessingOutputNumber(name, tr(label)))

    def run_step(self, parameters, context, feedback):
        from ..core.compare import MATCHES, NOT_OFFICIAL
        from ..qgis_layers import features_from_layer

        layer = self.parameterAsVectorLayer(parameters, "OFFICIAL", context)
        official = features_from_layer(layer, self.parameterAsString(parameters, "ID_FIELD", context))
        gpkg = self.parameterAsFile(parameters, "GPKG", context)
        summary = compare_official(
            gpkg, official, match_m=self.parameterAsDouble(parameters, "MATCH", context),
            near_m=self.parameterAsDouble(parameters, "NEAR", context),
            corridor_m=self.parameterAsDouble(parameters, "CORRIDOR", context), layer_label=layer.name(),
            table=self.parameterAsFileOutput(parameters, "TABLE", context) or "", feedback=feedback)
        return {"GPKG": gpkg, "MATCHES": sum(r["official_class"] == MATCHES for r in summary.rows),
                "NOT_OFFICIAL": sum(r["official_class"] == NOT_OFFICIAL for r in summary.rows),
                "UNREPORTED": len(summary.unreported)}


class ExportAtlas(_Step):
    NAME, TITLE = "exportatlas", "Export the regional atlas (PDF)"
    HELP = "One PDF page per visited region: map with route, findings and photos, statistics, legend, scale."

    def flags(self):
        # Layout rendering builds its own project and fonts: kept on the main thread.
        return super().flags() | QgsProcessingAlgorithm.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self._store_param(existing=True)
        self.addParameter(QgsProcessingParameterFolderDestination("OUTPUT", tr("Atlas folder")))
        self.addParameter(QgsProcessingParameterEnum("LANGUAGE", tr("Language of the pages"),
                                                     ["English", "Русский", "Қазақша"], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            "TEMPLATE", tr("Layout template adjusted in the designer (.qpt, from save-template)"),
            extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterEnum("PAGE", tr("Page size and orientation"),
                                                     list(PAGE_FORMATS), defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            "COMBINED", tr("One PDF: national overview, contents, then every region"), defaultValue=False))
        self.addOutput(QgsProcessingOutputNumber("PAGES", tr("Pages written")))
        self.addOutput(QgsProcessingOutputFolder("FOLDER", tr("Atlas folder")))

    def run_step(self, parameters, context, feedback):
        from ..app.atlas import export_atlas

        out = self.parameterAsString(parameters, "OUTPUT", context)
        language = ("en", "ru", "kk")[self.parameterAsEnum(parameters, "LANGUAGE", context)]
        result = export_atlas(self.parameterAsFile(parameters, "GPKG", context), out, feedback, language=language,
                              template=self.parameterAsFile(parameters, "TEMPLATE", context) or "",
                              combined=self.parameterAsBoolean(parameters, "COMBINED", context),
                              page_format=PAGE_FORMATS[self.parameterAsEnum(parameters, "PAGE", context)])
        return {"OUTPUT": out, "FOLDER": out, "PAGES": len(result.pdfs)}


ALGORITHMS = [ImportGpx, ImportFindings, ImportPhotos, AssignRegions, CompareOfficial, ExportAtlas]

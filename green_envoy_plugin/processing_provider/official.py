"""greenenvoy:compareofficial: the findings against an official layer (steps/official.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..core.compare import MATCHES, NOT_OFFICIAL
from ..qgis_layers import features_from_layer, layer_file, official_layer_date
from ..steps.official import OSM_EXTENSIONS, compare_official
from .base import GreenEnvoyAlgorithm


class CompareOfficial(GreenEnvoyAlgorithm):
    NAME = "compareofficial"
    GROUP = "official"
    OFFICIAL = "OFFICIAL"
    ID_FIELD = "ID_FIELD"
    MATCH = "MATCH"
    NEAR = "NEAR"
    CORRIDOR = "CORRIDOR"
    TABLE = "TABLE"
    OFFICIAL_DATE = "OFFICIAL_DATE"
    MATCHES = "MATCHES"
    NOT_OFFICIAL = "NOT_OFFICIAL"
    UNREPORTED = "UNREPORTED"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Compare findings with an official layer")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Compares every finding with the nearest feature of an official layer (points, lines or "
                    "polygons, any CRS): it matches an official record (within the match distance), is near one "
                    "(within the near distance), or is not in the official layer. It also lists the official "
                    "features within the route corridor that no finding matches: those the expedition did not "
                    "report."),
            self.tr("Inputs: the official layer; its id field (when empty, the QGIS feature id is stored); the "
                    "match, near and corridor distances in metres; optionally a comparison table to write: CSV "
                    "(the findings) or XLSX (findings, summary per region and category, unreported records)."),
            self.tr("The results are stored in the findings' official_* fields and the official_unreported "
                    "table, replacing those of an earlier comparison, and counted on the atlas pages."),
            self.tr("Outputs: the findings matching a record, the findings not in the layer, and the official "
                    "features along the route not reported; the table per region and category is written to "
                    "the log."),
            self.tr("Rejected: an invalid layer or an id field the layer does not have stops the algorithm with a "
                    "message, and nothing is written."),
            self.tr("The official layer's date (YYYY-MM-DD), its publication or data date, is printed on the atlas "
                    "pages with its name; when empty, the layer's metadata gives it (or a GeoPackage's record of "
                    "its last change), else the file's date, and the pages say which."),
            self.tr("An OpenStreetMap extract (.osm, .osm.pbf; any of its layers chosen) is read whole for its "
                    "landfills (landuse=landfill), those tagged informal=yes kept apart as informal dumps."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.add_store_parameter(existing=True)
        self.addParameter(QgsProcessingParameterVectorLayer(self.OFFICIAL, self.tr("Official layer")))
        self.addParameter(QgsProcessingParameterField(
            self.ID_FIELD, self.tr("Official id field"), None, self.OFFICIAL, optional=True))
        for name, label, default in ((self.MATCH, self.tr("Matches within (m)"), 250.0),
                                     (self.NEAR, self.tr("Near within (m)"), 1000.0),
                                     (self.CORRIDOR, self.tr("Route corridor (m)"), 2000.0)):
            self.add_distance_parameter(name, label, default)
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, self.tr("Comparison table"), "Excel (*.xlsx);;CSV (*.csv)", optional=True,
            createByDefault=False))
        self.addParameter(QgsProcessingParameterString(
            self.OFFICIAL_DATE, self.tr("Official layer's date (YYYY-MM-DD)"), optional=True))
        for name, label in ((self.MATCHES, self.tr("Findings matching a record")),
                            (self.NOT_OFFICIAL, self.tr("Findings not in the layer")),
                            (self.UNREPORTED, self.tr("Official features along the route not reported"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        layer = self.parameterAsVectorLayer(parameters, self.OFFICIAL, context)
        source = layer_file(layer) if layer is not None else ""
        official: Any = source if source.lower().endswith(OSM_EXTENSIONS) else features_from_layer(
            layer, self.parameterAsString(parameters, self.ID_FIELD, context))
        gpkg = self.store_path(parameters, context)
        stated = (self.parameterAsString(parameters, self.OFFICIAL_DATE, context) or "").strip()
        dated = (stated, "") if stated else official_layer_date(layer)
        summary = compare_official(
            gpkg, official, match_m=self.parameterAsDouble(parameters, self.MATCH, context),
            near_m=self.parameterAsDouble(parameters, self.NEAR, context),
            corridor_m=self.parameterAsDouble(parameters, self.CORRIDOR, context), layer_label=layer.name(),
            table=self.parameterAsFileOutput(parameters, self.TABLE, context) or "", feedback=feedback,
            official_date=dated[0], official_date_source=dated[1])
        return {self.GPKG: gpkg,
                self.MATCHES: sum(r["official_class"] == MATCHES for r in summary.rows),
                self.NOT_OFFICIAL: sum(r["official_class"] == NOT_OFFICIAL for r in summary.rows),
                self.UNREPORTED: len(summary.unreported)}

"""greenenvoy:importfindings: findings from a CSV or XLSX table, or from a point layer (steps/findings.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..steps.findings import import_findings
from .base import GreenEnvoyAlgorithm


class ImportFindings(GreenEnvoyAlgorithm):
    NAME = "importfindings"
    GROUP = "findings"
    TABLE = "TABLE"  # CSV or XLSX (was CSV before 0.3.0)
    LAYER = "LAYER"
    MAPPING = "MAPPING"
    IMPORTED = "IMPORTED"
    REJECTED = "REJECTED"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Import findings (CSV, XLSX or a layer)")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Imports the environmental findings into the expedition GeoPackage, from a CSV table (UTF-8, "
                    "comma-separated), an XLSX table (its first sheet) or any point layer in any CRS (its "
                    "points give the position). When both a table and a layer are given, the table is used."),
            self.tr("Columns: finding_id, lat, lon and category are required (category as a key, a number 1-5 "
                    "or its English name); observed_at (ISO 8601, Kazakhstan time when it has no zone), "
                    "case_type, severity (1-5), concerns (separated by ;), settlement, description and source "
                    "are optional. Field mapping names the columns that are called otherwise, for example "
                    "lat=Latitude;category=Kind."),
            self.tr("The valid rows are imported in one transaction; a finding_id already in the GeoPackage is "
                    "replaced."),
            self.tr("Outputs: the findings imported and the rows rejected."),
            self.tr("Rejected: each row with a missing or invalid value or a repeated finding_id, listed in the "
                    "log with its row number (the feature id for a layer) and the reason, while the other rows "
                    "are imported. A header that lacks a required column rejects the whole table (one rejected "
                    "row, nothing imported). A mapping that is not field=column stops the algorithm."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.TABLE, self.tr("Findings table (CSV or XLSX)"), fileFilter=self.tr("Tables (*.csv *.xlsx)"),
            optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.LAYER, self.tr("…or a point layer"), [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING, self.tr("Field mapping (field=column;...)"), "", optional=True))
        self.add_store_parameter(existing=False)
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, self.tr("Findings imported")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED, self.tr("Rows rejected")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        mapping_text = self.parameterAsString(parameters, self.MAPPING, context)
        try:
            mapping = dict(item.split("=", 1) for item in mapping_text.split(";") if item.strip())
        except ValueError:
            raise QgsProcessingException(self.tr("The mapping must read like lat=Latitude;lon=Longitude")) from None
        gpkg = self.store_path(parameters, context)
        table = self.parameterAsFile(parameters, self.TABLE, context)
        layer = self.parameterAsVectorLayer(parameters, self.LAYER, context)
        if table:
            source: Any = table
        elif layer is not None:
            from ..qgis_layers import findings_from_layer

            source = findings_from_layer(layer, mapping)
        else:
            raise QgsProcessingException(self.tr("Choose a table or a layer"))
        count, problems = import_findings(source, gpkg, feedback, mapping)
        return {self.GPKG: gpkg, self.IMPORTED: count, self.REJECTED: len(problems)}

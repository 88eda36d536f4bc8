"""greenenvoy:assignregions: the route split at region boundaries, per-region statistics (steps/regions.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessing,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterField,
    QgsProcessingParameterVectorLayer,
)

from ..qgis_layers import features_from_layer, regions_from_layer
from ..steps.regions import assign_regions
from .base import GreenEnvoyAlgorithm


class AssignRegions(GreenEnvoyAlgorithm):
    NAME = "assignregions"
    GROUP = "regions"
    REGIONS = "REGIONS"
    NAME_FIELD = "NAME_FIELD"
    CODE_FIELD = "CODE_FIELD"
    SETTLEMENTS = "SETTLEMENTS"
    SETTLEMENT_FIELD = "SETTLEMENT_FIELD"
    DISTRICTS = "DISTRICTS"
    DISTRICT_FIELD = "DISTRICT_FIELD"
    VISITED = "VISITED"
    KM = "KM"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Assign regions and per-region statistics")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Splits the imported route exactly at the boundaries of a polygon layer (any format and "
                    "CRS) and writes the regions table of the expedition GeoPackage: for each region the km "
                    "ridden, moving time, days, ascent, elevation profile and the figures of its atlas page. "
                    "Every finding and media file gets the region it lies in. Run it after the imports, and "
                    "again after new ones; it replaces the previous assignment."),
            self.tr("Inputs: the regions layer, its field of region names and, optionally, a code field (OCHA's "
                    "ADM1_PCODE). Russian and Kazakh names come from the layer's own name fields when it has "
                    "them (ADM1_RU, name_kk, name:kz...), otherwise from the built-in names of Kazakhstan's 20 "
                    "regions."),
            self.tr("Optionally a districts (rayons) layer, any polygon layer with a name field (the sample's "
                    "kz_districts.gpkg: the 224 districts of 2024 from geokz): each finding gets its district and "
                    "the districts table the km, days and findings in each; a region's atlas page lists them."),
            self.tr("Outputs: the regions visited and the total km; the table of km, days, findings and photos "
                    "per region is written to the log."),
            self.tr("Rejected: an invalid layer, a layer without polygons or without the name field stops the "
                    "algorithm with a message, and nothing is written."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.add_store_parameter(existing=True)
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.REGIONS, self.tr("Regions layer"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.NAME_FIELD, self.tr("Region name field"), "ADM1_EN", self.REGIONS))
        self.addParameter(QgsProcessingParameterField(
            self.CODE_FIELD, self.tr("Region code field"), "ADM1_PCODE", self.REGIONS, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.DISTRICTS, self.tr("Districts layer (rayons)"), [QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.DISTRICT_FIELD, self.tr("District name field"), "name", self.DISTRICTS, optional=True))
        self.addParameter(QgsProcessingParameterVectorLayer(
            self.SETTLEMENTS, self.tr("Settlements layer (each finding gets the nearest)"),
            [QgsProcessing.TypeVectorPoint, QgsProcessing.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SETTLEMENT_FIELD, self.tr("Settlement name field"), "name", self.SETTLEMENTS, optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.VISITED, self.tr("Regions visited")))
        self.addOutput(QgsProcessingOutputNumber(self.KM, self.tr("Total km")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
            feedback: QgsProcessingFeedback) -> dict[str, Any]:
        layer = self.parameterAsVectorLayer(parameters, self.REGIONS, context)
        regions = regions_from_layer(layer, self.parameterAsString(parameters, self.NAME_FIELD, context),
                                     self.parameterAsString(parameters, self.CODE_FIELD, context))
        district_layer = self.parameterAsVectorLayer(parameters, self.DISTRICTS, context)
        districts = None
        if district_layer is not None:
            districts = regions_from_layer(district_layer,
                                           self.parameterAsString(parameters, self.DISTRICT_FIELD, context) or "name")
        gpkg = self.store_path(parameters, context)
        towns = self.parameterAsVectorLayer(parameters, self.SETTLEMENTS, context)
        settlements = features_from_layer(towns, self.parameterAsString(parameters, self.SETTLEMENT_FIELD, context)
                                          or "name") if towns is not None else None
        summary = assign_regions(gpkg, regions, feedback=feedback, districts=districts, settlements=settlements)
        feedback.pushInfo(summary.table())
        return {self.GPKG: gpkg, self.VISITED: len(summary.visited), self.KM: summary.total_km}

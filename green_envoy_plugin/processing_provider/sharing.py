"""greenenvoy:syncpostgis: the expedition synced with the shared PostGIS store (steps/sharing.py)."""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterProviderConnection,
    QgsProcessingParameterString,
)

from ..steps.sharing import sync_postgis
from .base import GreenEnvoyAlgorithm


class SyncPostgis(GreenEnvoyAlgorithm):
    NAME = "syncpostgis"
    GROUP = "sharing"
    CONNECTION = "CONNECTION"  # a PostgreSQL connection saved in QGIS (by name: no secret in models or history)
    SCHEMA = "SCHEMA"
    WAIT = "WAIT"
    KEEP_LOCAL = "KEEP_LOCAL"
    KEEP_SHARED = "KEEP_SHARED"
    PUSHED = "PUSHED"
    PULLED = "PULLED"
    CONFLICTS = "CONFLICTS"

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Share through PostGIS")

    def shortHelpString(self) -> str:  # noqa: N802
        return "\n".join((
            self.tr("Syncs the expedition GeoPackage with a shared PostgreSQL/PostGIS store: a three-way merge of "
                    "the findings against the last sync (a change made on one side only goes to the other, "
                    "deletions too), and this store's tracks, fixes and regions published beside other envoys'."),
            self.tr("The connection is one saved in QGIS (Browser > PostgreSQL), best with an authentication "
                    "configuration: only its name is kept in models and the history, never a password."),
            self.tr("Outputs: the finding changes shared and pulled, and the conflicts kept."),
            self.tr("Rejected: nothing is overwritten. A field changed on both sides, an edit against a deletion or "
                    "a finding the shared store refuses is a conflict: nothing of that finding changes on either "
                    "side, the conflict is kept in both stores and listed in the log. Resolve it by naming the "
                    "finding in 'keep this store's' or 'keep the shared store's'."),
            self.tr("All of it is one transaction: a sync that fails or is canceled leaves the shared store as it "
                    "was. While another sync runs, this one waits (or, without waiting, stops saying whose runs)."),
        ))

    def initAlgorithm(self, config: dict[str, Any] | None = None) -> None:  # noqa: N802
        self.add_store_parameter(existing=True)
        self.addParameter(QgsProcessingParameterProviderConnection(
            self.CONNECTION, self.tr("PostgreSQL connection"), "postgres"))
        self.addParameter(QgsProcessingParameterString(
            self.SCHEMA, self.tr("Schema of the shared store"), "green_envoy"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.WAIT, self.tr("Wait while another sync runs"), True))
        self.addParameter(QgsProcessingParameterString(
            self.KEEP_LOCAL, self.tr("Conflicts: keep this store's findings (ids, comma-separated)"), "",
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.KEEP_SHARED, self.tr("Conflicts: keep the shared store's findings (ids, comma-separated)"), "",
            optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.PUSHED, self.tr("Finding changes shared")))
        self.addOutput(QgsProcessingOutputNumber(self.PULLED, self.tr("Finding changes pulled")))
        self.addOutput(QgsProcessingOutputNumber(self.CONFLICTS, self.tr("Conflicts kept")))

    def run_step(self, parameters: dict[str, Any], context: QgsProcessingContext,
                 feedback: QgsProcessingFeedback) -> dict[str, Any]:
        from ..shared_layers import saved_connection

        name = self.parameterAsConnectionName(parameters, self.CONNECTION, context)
        schema = self.parameterAsString(parameters, self.SCHEMA, context).strip() or "green_envoy"
        connection = saved_connection(name, schema)
        if connection is None:
            raise QgsProcessingException(self.tr("No saved PostgreSQL connection of that name"))

        def ids(key: str) -> list[str]:
            return [part.strip() for part in self.parameterAsString(parameters, key, context).split(",")
                    if part.strip()]

        gpkg = self.store_path(parameters, context)
        report = sync_postgis(gpkg, connection, feedback, self.parameterAsBoolean(parameters, self.WAIT, context),
                              ids(self.KEEP_LOCAL), ids(self.KEEP_SHARED))
        return {self.GPKG: gpkg, self.PUSHED: report.counts.get("findings_pushed", 0),
                self.PULLED: report.counts.get("findings_pulled", 0), self.CONFLICTS: len(report.conflicts)}

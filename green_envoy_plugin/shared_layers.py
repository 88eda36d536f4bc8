"""The shared PostGIS store in QGIS: connections through QGIS's authentication database, layers whose source holds
only a reference (service name or authcfg id, never a password), and QGIS's own editing of them kept to the
shared store's versioned protocol (store/postgis.py).
"""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from .errors import StepError
from .store.pg_connection import ConnectionRef, parse, set_resolver

GUARDED = "green_envoy/guarded"


def resolve(connection: str | ConnectionRef) -> ConnectionRef:
    """The reference with the user name and password of its authcfg (from QGIS's authentication database,
    which may ask for its master password), held in memory only."""
    ref = parse(connection)
    if not ref.authcfg:
        return ref
    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    if not manager.loadAuthenticationConfig(ref.authcfg, config, True) or not config.id():
        raise StepError(f"QGIS's authentication database has no configuration {ref.authcfg} (Settings > Options > "
                        "Authentication)")
    ref.credentials = {"user": config.config("username"), "password": config.config("password")}
    return ref


def saved_connection(name: str, schema: str) -> ConnectionRef | None:
    """A PostgreSQL connection saved in QGIS (Browser), by name, as a resolved reference (None: no such one)."""
    from qgis.core import QgsProviderConnectionException

    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    try:
        saved = metadata.findConnection(name) if name else None
    except QgsProviderConnectionException:
        saved = None
    if saved is None:
        return None
    uri = QgsDataSourceUri(saved.uri())
    ref = parse(f"schema={schema}")
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username()), ("password", uri.password())):
        if value:
            ref.params[key] = value
    sslmode = QgsDataSourceUri.encodeSslMode(uri.sslMode())
    if sslmode not in ("", "prefer"):
        ref.params["sslmode"] = sslmode
    ref.authcfg = uri.authConfigId()
    return resolve(ref)


set_resolver(resolve)


def without_password(connection: str | ConnectionRef, name: str = "Green Envoy shared store") -> ConnectionRef:
    """A reference safe to keep: a password typed into the settings moves into QGIS's authentication database (a
    new Basic configuration), and the reference names that configuration instead."""
    ref = parse(connection)
    if not ref.has_secret:
        return ref
    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet() and not manager.setMasterPassword(True):
        raise StepError("the password cannot be kept safely: QGIS's authentication database is locked (no master "
                        "password). Use a pg_service name or an authcfg instead")
    config = QgsAuthMethodConfig()
    config.setMethod("Basic")
    config.setName(f"{name} ({ref.label()})")
    config.setConfig("username", ref.params.get("user", ""))
    config.setConfig("password", ref.params.pop("password"))
    ref.params.pop("user", None)
    stored = manager.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):  # QGIS >= 3.34 returns (ok, config)
        stored, config = stored[0], stored[1]
    if not stored or not config.id():
        raise StepError("the password could not be stored in QGIS's authentication database")
    ref.authcfg = config.id()
    return ref


def data_source(connection: str | ConnectionRef, table: str) -> QgsDataSourceUri:
    ref = parse(connection)
    if ref.has_secret:
        raise StepError("the shared store's connection holds a password: keep it in QGIS's authentication "
                        "database (authcfg) or a pg_service file, so that no project or layer stores it")
    params = ref.params
    uri = QgsDataSourceUri()
    if params.get("service"):
        uri.setConnection(params["service"], params.get("dbname", ""), params.get("user", ""), "",
                          QgsDataSourceUri.SslMode.SslPrefer, ref.authcfg)
    else:
        uri.setConnection(params.get("host", ""), params.get("port", "5432"), params.get("dbname", ""),
                          params.get("user", ""), "", QgsDataSourceUri.SslMode.SslPrefer, ref.authcfg)
    uri.setDataSource(ref.schema, table, "geom" if table not in ("code_lists",) else "", "", "fid")
    return uri


def postgis_layer(connection: str | ConnectionRef, table: str, name: str = "") -> QgsVectorLayer:
    """A table of the shared store as a QGIS layer (its source: the reference, no password), findings and media
    guarded against silent overwrites and stale deletes."""
    ref = parse(connection)
    layer = QgsVectorLayer(data_source(ref, table).uri(False), name or table, "postgres")
    if not layer.isValid():
        raise StepError(f"{ref.label()}: the shared store has no readable table {ref.schema}.{table}")
    if table in ("findings", "media"):
        guard_concurrent_edits(layer, ref.schema if table == "findings" else "")
    return layer


def guard_shared_layers(layers: object) -> int:
    """Guard the shared store's layers a project brings back (a guard is signal connections, which a saved project
    does not keep): layers the plugin made (marked GUARDED) or any PostGIS layer of a `findings`/`media` table
    with a row_version field. Connected to QgsProject.layersAdded; the number guarded."""
    guarded = 0
    for layer in layers if isinstance(layers, list | tuple) else []:
        if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "postgres" or not layer.isValid():
            continue
        if layer.property("green_envoy_guard") or layer.fields().indexOf("row_version") < 0:
            continue
        uri = QgsDataSourceUri(layer.source())
        if uri.table() not in ("findings", "media"):
            continue
        guard_concurrent_edits(layer, uri.schema() if uri.table() == "findings" else "")
        guarded += 1
    return guarded


def guard_concurrent_edits(layer: QgsVectorLayer, claims_schema: str = "") -> None:
    """QGIS writes only the fields a user changed, and deletes by feature id, so a PostGIS trigger cannot tell a
    stale edit from a fresh one. This guard remembers the row_version of every feature when editing starts and,
    at commit, sends the negative of the version each edited feature had then, and (findings) claims the version
    of each feature to delete in `delete_claims`: the store's triggers refuse the save or the delete when somebody
    else saved that feature in between, and QGIS shows the reason instead of overwriting or deleting silently."""
    index = layer.fields().indexOf("row_version")
    if index < 0:
        raise StepError(f"{layer.name()}: no row_version field; not a shared Green Envoy table")
    read_versions: dict[int, int] = {}

    def remember() -> None:
        read_versions.clear()
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes([index])
        read_versions.update({f.id(): int(f[index]) for f in layer.getFeatures(request)})

    def claim() -> None:
        buffer = layer.editBuffer()
        if buffer is None:
            return
        edited = set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())
        for fid in edited:
            if fid in read_versions:
                layer.changeAttributeValue(fid, index, -read_versions[fid])
        deleted = [fid for fid in buffer.deletedFeatureIds() if fid in read_versions]
        if deleted and claims_schema:
            _claim_deletes(layer, claims_schema, {fid: read_versions[fid] for fid in deleted})

    layer.editingStarted.connect(remember)
    layer.beforeCommitChanges.connect(claim)
    # a commit or rollback that keeps the layer editable starts from the versions now saved
    layer.afterCommitChanges.connect(lambda: layer.isEditable() and remember())
    layer.afterRollBack.connect(lambda: layer.isEditable() and remember())
    layer.setCustomProperty(GUARDED, True)
    layer.setProperty("green_envoy_guard", True)  # this session's: the connections above exist
    if layer.isEditable():
        remember()


def _claim_deletes(layer: QgsVectorLayer, schema: str, versions: dict[int, int]) -> None:
    """The versions the user saw of the features to delete, written through QGIS's own connection (no password
    here either) just before QGIS deletes them; the delete trigger compares and consumes them."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(layer.source(), {})
    rows = ", ".join(f"({int(fid)}, {int(version)})" for fid, version in versions.items())
    connection.executeSql(f"INSERT INTO {schema}.delete_claims (fid, row_version) VALUES {rows} ON CONFLICT (fid) "
                          "DO UPDATE SET row_version = EXCLUDED.row_version, claimed_at = now(), "
                          "claimed_by = current_user")


def watch_project() -> None:
    """Guard the shared layers of every project read or layer added from now on (and those already there)."""
    from qgis.core import QgsProject

    project = QgsProject.instance()
    unwatch_project()
    project.layersAdded.connect(guard_shared_layers)
    guard_shared_layers(list(project.mapLayers().values()))


def unwatch_project() -> None:
    from qgis.core import QgsProject

    try:
        QgsProject.instance().layersAdded.disconnect(guard_shared_layers)
    except (TypeError, RuntimeError):
        pass  # not connected

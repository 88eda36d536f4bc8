"""The shared PostGIS store against a live PostgreSQL + PostGIS 3 server: conftest's session fixture postgis_dsn
(GREEN_ENVOY_TEST_PG, which `make test` sets, or a cluster tools/pg_test_server.sh starts and stops again).
Each test has a schema of its own (other tests may use the database at the same time)."""

import os

import pytest

from green_envoy_plugin.errors import StepError
from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.regions import assign_regions
from green_envoy_plugin.steps.sharing import import_findings_postgis, sync_postgis
from green_envoy_plugin.steps.tracks import import_gpx

from .helpers.postgis import authcfg_reference, drop_schema, fresh_schema


@pytest.fixture
def shared(postgis_dsn):
    """The reference of a fresh shared store (libpq settings + schema=...)."""
    schema = fresh_schema(postgis_dsn)
    yield f"{postgis_dsn} schema={schema}"
    drop_schema(postgis_dsn, schema)


@pytest.fixture
def store(shared):
    from green_envoy_plugin.store.postgis import PostgisStore

    with PostgisStore(shared) as s:
        yield s


def test_migrations_are_versioned_and_run_once(store):
    from green_envoy_plugin.store.pg_schema import SCHEMA_VERSION

    assert store.version() == 0
    assert store.migrate() == list(range(1, SCHEMA_VERSION + 1))
    assert store.migrate() == []
    assert store.version() == SCHEMA_VERSION
    assert store.count("code_lists") == 5 + 6 + 5


def test_sample_findings_import_twice_without_duplicates(store, sample_dir, shared):
    table = os.path.join(sample_dir, "findings.csv")
    count, problems, conflicts = import_findings_postgis(table, shared)
    assert (count, problems, conflicts) == (113, [], [])
    assert import_findings_postgis(table, shared)[0] == 0  # nothing changed: nothing written
    assert store.count("findings") == 113
    row = store.read_finding("F-001")
    assert row["category"] == "landfill" and 77 < row["lon"] < 78 and row["via"] == "import:findings.csv"


def test_two_users_edits_do_not_overwrite_each_other(store, sample_dir, shared):
    from green_envoy_plugin.store.postgis import ConflictError, PostgisStore

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), shared)
    with PostgisStore(shared, who="alice") as alice, PostgisStore(shared, who="bob") as bob:
        seen_by_alice = alice.read_finding("F-002")["row_version"]
        seen_by_bob = bob.read_finding("F-002")["row_version"]
        new_version = alice.update_finding("F-002", {"severity": 5, "description": "worse"}, seen_by_alice)
        assert new_version == seen_by_alice + 1
        with pytest.raises(ConflictError, match="changed by alice"):
            bob.update_finding("F-002", {"description": "Bob's text"}, seen_by_bob)
        assert bob.read_finding("F-002")["description"] == "worse"  # Alice's edit stands


def test_an_edit_made_in_qgis_also_raises_the_version_and_a_computed_one_does_not(store, sample_dir, qgis_app,
                                                                                   shared):
    from green_envoy_plugin.shared_layers import postgis_layer
    from green_envoy_plugin.store.postgis import ConflictError

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), shared)
    read = store.read_finding("F-003")["row_version"]
    assert store.update_finding("F-003", {"region": "Almaty"}, read) == read  # computed: not a new version
    layer = postgis_layer(authcfg_reference(store.ref.libpq(), store.schema), "findings")
    assert layer.featureCount() == 113
    feature = next(f for f in layer.getFeatures() if f["finding_id"] == "F-003")
    assert layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("description"), "edited in QGIS")
    assert layer.commitChanges(), layer.commitErrors()
    with pytest.raises(ConflictError):
        store.update_finding("F-003", {"severity": 1}, read)


def test_bad_values_are_refused_by_the_database_and_nothing_is_written(store, tmp_path, shared):
    table = tmp_path / "f.csv"
    table.write_text("finding_id,lat,lon,category\nOK-1,43.2,76.9,air\n", encoding="utf-8")
    import_findings_postgis(str(table), shared)
    with pytest.raises(StepError, match=r"refused|failed") as caught:
        store.update_finding("OK-1", {"severity": 0}, 1)
    assert "password" not in str(caught.value) and "green_envoy_test" not in str(caught.value).split("(")[-1]
    assert store.read_finding("OK-1")["severity"] == 3


def test_sync_publishes_the_expedition_and_shares_findings_both_ways(store, sample_dir, tmp_path, shared):
    import sqlite3

    from green_envoy_plugin.store.postgis import PostgisStore

    gpkg_path = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(sample_dir, "gpx", f"2025-08-0{d}.gpx") for d in (1, 2, 3)], gpkg_path)
    import_findings(os.path.join(sample_dir, "findings.csv"), gpkg_path)
    assign_regions(gpkg_path, os.path.join(sample_dir, "kz_admin1.gpkg"))
    report = sync_postgis(gpkg_path, shared)
    assert report.counts["findings_pushed"] == 113 and report.counts["findings_pulled"] == 0
    local = sqlite3.connect(gpkg_path)
    assert report.counts["fixes_published"] == local.execute("SELECT COUNT(*) FROM track_points").fetchone()[0]
    assert store.count("regions") == 20
    regions_before = local.execute("SELECT COUNT(region) FROM findings").fetchone()[0]
    assert regions_before > 100
    # Another envoy edits a finding in the shared store; the next sync brings it down (keeping the region this
    # store computed), and a finding made locally meanwhile goes up.
    with PostgisStore(shared, who="dana") as other:
        other.update_finding("F-010", {"description": "checked again"}, other.read_finding("F-010")["row_version"])
    extra = tmp_path / "new.csv"
    extra.write_text("finding_id,lat,lon,category\nLOCAL-1,43.3,77.0,waste\n", encoding="utf-8")
    import_findings(str(extra), gpkg_path)
    report = sync_postgis(gpkg_path, shared)
    assert (report.counts["findings_pushed"], report.counts["findings_pulled"]) == (1, 1)
    assert store.count("findings") == 114
    local = sqlite3.connect(gpkg_path)
    assert local.execute("SELECT description, region FROM findings WHERE finding_id = 'F-010'").fetchone()[0] == \
        "checked again"
    assert local.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 114
    assert local.execute("SELECT COUNT(region) FROM findings").fetchone()[0] == regions_before
    assert local.execute("SELECT region FROM findings WHERE finding_id = 'F-010'").fetchone()[0]


def test_two_qgis_users_editing_the_same_finding(store, sample_dir, qgis_app, shared):
    """QGIS's own editing, through the plugin's guard: the second save of the same finding is refused with
    the reason; different findings edited at the same time both save."""
    from green_envoy_plugin.shared_layers import postgis_layer

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), shared)
    reference = authcfg_reference(store.ref.libpq(), store.schema)
    alice, bob = postgis_layer(reference, "findings"), postgis_layer(reference, "findings")
    assert alice.startEditing() and bob.startEditing()
    description = alice.fields().indexOf("description")

    def fid(layer, finding_id):
        return next(f.id() for f in layer.getFeatures() if f["finding_id"] == finding_id)

    alice.changeAttributeValue(fid(alice, "F-005"), description, "Alice's text")
    alice.changeAttributeValue(fid(alice, "F-006"), description, "Alice on F-006")
    assert alice.commitChanges()
    bob.changeAttributeValue(fid(bob, "F-005"), description, "Bob's text")
    assert not bob.commitChanges()
    assert any("changed by" in e for e in bob.commitErrors()), bob.commitErrors()
    bob.rollBack()
    assert store.read_finding("F-005")["description"] == "Alice's text"
    assert bob.startEditing()  # after reloading, Bob's edit of the new version goes through
    bob.changeAttributeValue(fid(bob, "F-005"), description, "Bob's text")
    assert bob.commitChanges(), bob.commitErrors()
    assert store.read_finding("F-005")["description"] == "Bob's text"


def test_deleting_in_qgis_a_finding_edited_meanwhile_is_not_committed(store, sample_dir, qgis_app, shared):
    """Bob deletes F-007 in QGIS while Alice (the plugin, another QGIS, plain SQL) edits it: Bob's delete is
    refused with the reason and F-007 stays with Alice's edit. A delete of an unchanged finding goes through and
    leaves a tombstone with the finding's last values."""
    from green_envoy_plugin.shared_layers import postgis_layer
    from green_envoy_plugin.store.postgis import PostgisStore

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), shared)
    bob = postgis_layer(authcfg_reference(store.ref.libpq(), store.schema), "findings")
    assert bob.startEditing()
    target = {f["finding_id"]: f.id() for f in bob.getFeatures()}
    with PostgisStore(shared, who="alice") as alice:
        alice.update_finding("F-007", {"description": "Alice was here"}, alice.read_finding("F-007")["row_version"])
    assert bob.deleteFeature(target["F-007"]) and bob.deleteFeature(target["F-008"])
    assert not bob.commitChanges()
    assert any("changed by alice" in e for e in bob.commitErrors()), bob.commitErrors()
    bob.rollBack()
    assert store.read_finding("F-007")["description"] == "Alice was here"
    assert bob.startEditing() and bob.deleteFeature(target["F-008"])
    assert bob.commitChanges(), bob.commitErrors()
    assert store.read_finding("F-008") is None
    with store.conn, store.conn.cursor() as cur:
        cur.execute(f"SELECT row_version, last_values->>'description' FROM {store.schema}.finding_tombstones "
                    "WHERE finding_id = 'F-008'")
        version, description = cur.fetchone()
    assert version == 2 and description


def test_panel_shares_the_store_through_postgis(store, tmp_path, sample_dir, qgis_iface, shared):
    import time

    from qgis.core import QgsApplication

    import green_envoy_plugin.shared_layers  # noqa: F401 - loaded by the plugin's initGui: authcfg resolved through QGIS
    from green_envoy_plugin.gui.panel import ExpeditionPanel

    gpkg_path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), gpkg_path)
    panel = ExpeditionPanel(qgis_iface)
    panel.store.setFilePath(gpkg_path)
    panel.postgis.setText(authcfg_reference(store.ref.libpq(), store.schema))
    panel.sync.click()
    task = panel.tasks[-1]
    started = time.monotonic()
    while task in QgsApplication.taskManager().tasks() and time.monotonic() - started < 120:
        QgsApplication.processEvents()
        time.sleep(0.01)
    for _ in range(20):
        QgsApplication.processEvents()
    assert panel.last_error == ""
    assert store.count("findings") == 113


def test_a_reopened_project_keeps_the_guard(store, sample_dir, qgis_app, shared, tmp_path):
    """The guard is signal connections, which a project file does not keep: the plugin guards the shared layers
    a project brings back, so a stale delete in a reopened project is still refused."""
    from qgis.core import QgsProject

    from green_envoy_plugin.shared_layers import postgis_layer, unwatch_project, watch_project
    from green_envoy_plugin.store.postgis import PostgisStore

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), shared)
    project = QgsProject.instance()
    layer = postgis_layer(authcfg_reference(store.ref.libpq(), store.schema), "findings", "shared findings")
    project.addMapLayer(layer)
    path = str(tmp_path / "shared.qgs")
    assert project.write(path)
    project.clear()
    watch_project()  # what the plugin's initGui does
    try:
        assert project.read(path)
        reopened = project.mapLayersByName("shared findings")[0]
        assert reopened.property("green_envoy_guard")
        assert reopened.startEditing()
        target = next(f.id() for f in reopened.getFeatures() if f["finding_id"] == "F-009")
        with PostgisStore(shared, who="alice") as alice:
            alice.update_finding("F-009", {"severity": 1}, alice.read_finding("F-009")["row_version"])
        assert reopened.deleteFeature(target)
        assert not reopened.commitChanges()
        assert any("changed by alice" in e for e in reopened.commitErrors())
        reopened.rollBack()
        assert store.read_finding("F-009")["severity"] == 1
    finally:
        unwatch_project()
        project.clear()


def test_processing_syncs_through_a_connection_saved_in_qgis(store, sample_dir, tmp_path, qgis_processing, shared):
    """The Processing algorithm takes a PostgreSQL connection saved in QGIS by name (its credentials in QGIS's
    authentication database): what models and the history keep holds no password."""
    import processing
    from qgis.core import QgsApplication, QgsProviderRegistry

    from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider
    from green_envoy_plugin.shared_layers import data_source

    gpkg_path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), gpkg_path)
    reference = authcfg_reference(store.ref.libpq(), store.schema)
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    saved = metadata.createConnection(data_source(reference, "findings").connectionInfo(False), {})
    metadata.saveConnection(saved, "expedition (test)")
    provider = GreenEnvoyProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    try:
        parameters = {"GPKG": gpkg_path, "CONNECTION": "expedition (test)", "SCHEMA": store.schema}
        result = processing.run("greenenvoy:syncpostgis", parameters)
        assert (result["PUSHED"], result["PULLED"], result["CONFLICTS"]) == (113, 0, 0)
        assert store.count("findings") == 113
        assert "password" not in str(parameters)
        from qgis.core import QgsProcessingException

        with pytest.raises(QgsProcessingException, match=r"no saved PostgreSQL connection|No saved"):
            processing.run("greenenvoy:syncpostgis", {**parameters, "CONNECTION": "nobody's"})
    finally:
        QgsApplication.processingRegistry().removeProvider(provider)
        metadata.deleteConnection("expedition (test)")


def test_a_row_the_database_refuses_does_not_stop_the_import(store, tmp_path, shared):
    """A rule of the shared store's administrator (here a CHECK on the description) refuses one row: it is kept
    as a conflict with the file's values, and the other rows are written."""
    store.migrate()
    with store.conn, store.conn.cursor() as cur:
        cur.execute(f"ALTER TABLE {store.schema}.findings ADD CONSTRAINT no_secret CHECK (description <> 'classified')")
    table = tmp_path / "f.csv"
    table.write_text("finding_id,lat,lon,category,description\nA-1,43.2,76.9,air,open\n"
                     "A-2,43.3,76.8,water,classified\nA-3,43.4,76.7,soil,open too\n", encoding="utf-8")
    written, problems, conflicts = import_findings_postgis(str(table), shared)
    assert (written, problems) == (2, [])
    assert [(c.finding_id, c.kind.split(" (")[0]) for c in conflicts] == [("A-2", "refused by the shared store")]
    assert "no_secret" in conflicts[0].kind
    assert store.finding_ids() == {"A-1", "A-3"}
    assert store.open_conflicts()[0]["finding_id"] == "A-2"


def test_a_store_made_by_the_previous_version_is_upgraded_and_its_findings_kept(store, shared, tmp_path, sample_dir):
    """Schema 3 (before tombstones and conflicts), findings in it and published copies made by GDAL: migration 4
    keeps every finding and its version, drops the old copies (each store publishes again), and a store that pulled
    those findings with the previous version links them at its first sync instead of reporting 113 conflicts."""
    from green_envoy_plugin.store import pg_schema

    with store.conn, store.conn.cursor() as cur:
        cur.execute(f"CREATE SCHEMA {store.schema}")
        cur.execute(f"CREATE TABLE {store.schema}.schema_migrations (version integer PRIMARY KEY, applied_at "
                    "timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user)")
        for number, sql in pg_schema.MIGRATIONS[:3]:
            cur.execute(sql(store.schema))
            cur.execute(f"INSERT INTO {store.schema}.schema_migrations VALUES (%s)", (number,))
        cur.execute(f"INSERT INTO {store.schema}.findings (finding_id, category, description, source, geom) VALUES "
                    "('OLD-1', 'air', 'from 0.3', 'import', ST_SetSRID(ST_MakePoint(76.9, 43.2), 4326))")
        cur.execute(f"UPDATE {store.schema}.findings SET severity = 4 WHERE finding_id = 'OLD-1'")
        cur.execute(f"CREATE TABLE {store.schema}.tracks (fid serial PRIMARY KEY, geom geometry)")
    assert store.migrate() == [4]
    row = store.read_finding("OLD-1")
    assert (row["row_version"], row["severity"], row["description"]) == (2, 4, "from 0.3")
    path = str(tmp_path / "e.gpkg")
    table = tmp_path / "old.csv"
    table.write_text("finding_id,lat,lon,category,severity,description\nOLD-1,43.2,76.9,air,4,from 0.3\n",
                     encoding="utf-8")
    import_findings(str(table), path)
    report = sync_postgis(path, shared)
    assert report.conflicts == [] and report.counts["findings_pushed"] == report.counts["findings_pulled"] == 0
    assert store.count("tracks") == 0  # the store's own copy now, with store_id


def test_saving_twice_without_leaving_edit_mode_is_not_a_conflict(store, sample_dir, qgis_app, shared):
    from green_envoy_plugin.shared_layers import postgis_layer

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), shared)
    layer = postgis_layer(authcfg_reference(store.ref.libpq(), store.schema), "findings")
    description = layer.fields().indexOf("description")
    fid = next(f.id() for f in layer.getFeatures() if f["finding_id"] == "F-012")
    assert layer.startEditing()
    layer.changeAttributeValue(fid, description, "first save")
    assert layer.commitChanges(False), layer.commitErrors()  # saved, still editing
    layer.changeAttributeValue(fid, description, "second save")
    assert layer.commitChanges(), layer.commitErrors()
    assert store.read_finding("F-012")["description"] == "second save"

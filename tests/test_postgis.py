"""The shared PostGIS store against a live PostgreSQL + PostGIS 3 server: conftest's session fixture postgis_dsn
(GREEN_ENVOY_TEST_PG, which `make test` sets, or a cluster tools/pg_test_server.sh starts and stops again)."""

import os

import pytest

from green_envoy_plugin.errors import StepError
from green_envoy_plugin.steps.findings import import_findings
from green_envoy_plugin.steps.regions import assign_regions
from green_envoy_plugin.steps.sharing import import_findings_postgis, sync_postgis
from green_envoy_plugin.steps.tracks import import_gpx


@pytest.fixture
def store(postgis_dsn):
    from green_envoy_plugin.store.postgis import PostgisStore

    with PostgisStore(postgis_dsn) as clean, clean.conn, clean.conn.cursor() as cur:
        cur.execute("DROP SCHEMA IF EXISTS green_envoy CASCADE")
    with PostgisStore(postgis_dsn) as s:
        yield s


def test_migrations_are_versioned_and_run_once(store):
    from green_envoy_plugin.store.postgis import SCHEMA_VERSION

    assert store.version() == 0
    assert store.migrate() == list(range(1, SCHEMA_VERSION + 1))
    assert store.migrate() == []
    assert store.version() == SCHEMA_VERSION
    assert store.count("code_lists") == 5 + 6 + 5


def test_sample_findings_import_twice_without_duplicates(store, sample_dir, postgis_dsn):
    table = os.path.join(sample_dir, "findings.csv")
    count, problems = import_findings_postgis(table, postgis_dsn)
    assert (count, problems) == (113, [])
    import_findings_postgis(table, postgis_dsn)
    assert store.count("findings") == 113
    row = store.read_finding("F-001")
    assert row["category"] == "landfill" and 77 < row["lon"] < 78


def test_two_users_edits_do_not_overwrite_each_other(store, sample_dir, postgis_dsn):
    from green_envoy_plugin.store.postgis import ConflictError, PostgisStore

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), postgis_dsn)
    with PostgisStore(postgis_dsn) as alice, PostgisStore(postgis_dsn) as bob:
        seen_by_alice = alice.read_finding("F-002")["row_version"]
        seen_by_bob = bob.read_finding("F-002")["row_version"]
        new_version = alice.update_finding("F-002", {"severity": 5, "description": "worse"}, seen_by_alice)
        assert new_version == seen_by_alice + 1
        with pytest.raises(ConflictError, match="changed by green_envoy"):
            bob.update_finding("F-002", {"description": "Bob's text"}, seen_by_bob)
        assert bob.read_finding("F-002")["description"] == "worse"  # Alice's edit stands


def test_an_edit_made_in_qgis_also_raises_the_version(store, sample_dir, qgis_app, postgis_dsn):
    from qgis.core import QgsDataSourceUri, QgsVectorLayer

    from green_envoy_plugin.store.postgis import ConflictError

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), postgis_dsn)
    read = store.read_finding("F-003")["row_version"]
    params = dict(part.split("=", 1) for part in postgis_dsn.split())
    uri = QgsDataSourceUri()
    uri.setConnection(params["host"], params["port"], params["dbname"], params["user"], params["password"])
    uri.setDataSource("green_envoy", "findings", "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(), "findings", "postgres")
    assert layer.isValid() and layer.featureCount() == 113
    feature = next(f for f in layer.getFeatures() if f["finding_id"] == "F-003")
    assert layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("description"), "edited in QGIS")
    assert layer.commitChanges()
    with pytest.raises(ConflictError):
        store.update_finding("F-003", {"severity": 1}, read)


def test_bad_values_are_refused_by_the_database_and_nothing_is_written(store):
    from green_envoy_plugin.core.findings import Finding

    store.migrate()
    store.upsert_findings([Finding("OK-1", 76.9, 43.2, "air")])
    bad = [Finding("OK-2", 76.9, 43.2, "air"), Finding("BAD-1", 76.9, 43.2, "air", severity=9)]
    with pytest.raises(StepError, match="nothing was written"):
        store.upsert_findings(bad)
    assert store.count("findings") == 1
    with pytest.raises(StepError, match="refused the change"):
        store.update_finding("OK-1", {"severity": 0}, 1)


def test_sync_publishes_the_expedition_and_shares_findings_both_ways(store, sample_dir, tmp_path, postgis_dsn):
    import sqlite3

    from green_envoy_plugin.store.postgis import PostgisStore

    gpkg_path = str(tmp_path / "e.gpkg")
    import_gpx([os.path.join(sample_dir, "gpx", f"2025-08-0{d}.gpx") for d in (1, 2, 3)], gpkg_path)
    import_findings(os.path.join(sample_dir, "findings.csv"), gpkg_path)
    assign_regions(gpkg_path, os.path.join(sample_dir, "kz_admin1.gpkg"))
    counts = sync_postgis(gpkg_path, postgis_dsn)
    assert counts["findings_pushed"] == 113 and counts["findings_pulled"] == 113
    local = sqlite3.connect(gpkg_path)
    assert counts["fixes_published"] == local.execute("SELECT COUNT(*) FROM track_points").fetchone()[0]
    assert store.count("regions") == 20
    # Another envoy edits a finding in the shared store; the next sync brings it down, and a finding made
    # locally meanwhile goes up.
    with PostgisStore(postgis_dsn) as other:
        other.update_finding("F-010", {"description": "checked again"}, other.read_finding("F-010")["row_version"])
    extra = tmp_path / "new.csv"
    extra.write_text("finding_id,lat,lon,category\nLOCAL-1,43.3,77.0,waste\n", encoding="utf-8")
    import_findings(str(extra), gpkg_path)
    counts = sync_postgis(gpkg_path, postgis_dsn)
    assert counts["findings_pushed"] == 1 and store.count("findings") == 114
    local = sqlite3.connect(gpkg_path)
    assert local.execute("SELECT description FROM findings WHERE finding_id = 'F-010'").fetchone()[0] == \
        "checked again"
    assert local.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 114


def test_two_qgis_users_editing_the_same_finding(store, sample_dir, qgis_app, postgis_dsn):
    """QGIS's own editing, through the plugin's guard: the second save of the same finding is refused with
    the reason; different findings edited at the same time both save."""
    from green_envoy_plugin.qgis_layers import postgis_layer

    import_findings_postgis(os.path.join(sample_dir, "findings.csv"), postgis_dsn)
    alice, bob = postgis_layer(postgis_dsn, "findings"), postgis_layer(postgis_dsn, "findings")
    assert alice.startEditing() and bob.startEditing()
    description = alice.fields().indexOf("description")

    def fid(layer, finding_id):
        return next(f.id() for f in layer.getFeatures() if f["finding_id"] == finding_id)

    alice.changeAttributeValue(fid(alice, "F-005"), description, "Alice's text")
    alice.changeAttributeValue(fid(alice, "F-006"), description, "Alice on F-006")
    assert alice.commitChanges()
    bob.changeAttributeValue(fid(bob, "F-005"), description, "Bob's text")
    assert not bob.commitChanges()
    assert any("changed by green_envoy" in e for e in bob.commitErrors()), bob.commitErrors()
    bob.rollBack()
    assert store.read_finding("F-005")["description"] == "Alice's text"
    assert bob.startEditing()  # after reloading, Bob's edit of the new version goes through
    bob.changeAttributeValue(fid(bob, "F-005"), description, "Bob's text")
    assert bob.commitChanges(), bob.commitErrors()
    assert store.read_finding("F-005")["description"] == "Bob's text"


def test_panel_shares_the_store_through_postgis(store, tmp_path, sample_dir, qgis_iface, postgis_dsn):
    import time

    from qgis.core import QgsApplication

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    gpkg_path = str(tmp_path / "e.gpkg")
    import_findings(os.path.join(sample_dir, "findings.csv"), gpkg_path)
    panel = ExpeditionPanel(qgis_iface)
    panel.store.setFilePath(gpkg_path)
    panel.postgis.setText(postgis_dsn)
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

"""No secret is ever written (issue 13, item 2) and the CLI's shared-store commands never show a traceback (item 9):
the saved project, the shared layer's source and every message are searched for the password."""

import os
import sqlite3
import subprocess
import sys

import pytest

from .helpers.paths import ROOT
from .helpers.postgis import drop_schema, dsn_parts, fresh_schema

SECRET = "Tr0ub4dor&3-horse"  # a password nobody else uses: found anywhere, it leaked


@pytest.fixture
def shared(postgis_dsn):
    schema = fresh_schema(postgis_dsn)
    yield f"{postgis_dsn} schema={schema}"
    drop_schema(postgis_dsn, schema)


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "green_envoy_plugin", *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": ROOT}, check=False)


def test_connection_references_never_hold_or_show_the_password():
    from green_envoy_plugin.store.pg_connection import parse

    ref = parse(f"host=db.example port=5433 dbname=steppe user=aigerim password='{SECRET}' schema=season_2025")
    assert ref.schema == "season_2025" and ref.has_secret
    assert SECRET not in ref.reference() and "password" not in ref.reference()
    assert SECRET not in ref.label() and "aigerim" not in ref.label()
    assert f"password={SECRET}" in ref.libpq()  # only what is handed to libpq holds it
    assert SECRET not in repr(ref) and SECRET not in str(ref)
    assert ref.scrub(f'FATAL: password "{SECRET}" refused') == 'FATAL: password "***" refused'
    uri = parse(f"postgresql://aigerim:{SECRET.replace('&', '%26')}@db.example:5433/steppe")
    assert uri.params["password"] == SECRET and SECRET not in uri.reference()
    with pytest.raises(Exception, match="schema="):
        parse("host=x schema='bad; DROP SCHEMA public'")


def test_cli_errors_are_one_line_without_the_password(shared, tmp_path, sample_dir, postgis_dsn):
    parts = dsn_parts(postgis_dsn)
    wrong = f"host={parts['host']} port={parts['port']} dbname={parts['dbname']} user={parts['user']} " \
            f"password='{SECRET}'"
    broken = f"host={parts['host']} password={SECRET} dbname"  # libpq would quote a piece of it back
    store = str(tmp_path / "e.gpkg")
    csv = os.path.join(sample_dir, "findings.csv")
    warned = _cli("postgis-migrate", "--postgis", wrong)
    assert "warning: a password on the command line is visible" in warned.stderr
    attempts = [
        (["sync-postgis", "--gpkg", store, "--postgis", wrong], "password authentication failed"),
        (["sync-postgis", "--gpkg", store, "--postgis", broken], "not key=value pairs"),
        (["import-findings", csv, "--postgis", wrong], "cannot connect"),
        (["import-findings", str(tmp_path / "missing.csv"), "--postgis", shared], "missing.csv"),
        (["import-findings", csv, "--postgis", shared, "--map", "latitude"], "--map latitude"),
        (["postgis-migrate", "--postgis", "host=127.0.0.1 port=1 dbname=x connect_timeout=2"], "cannot connect"),
        (["postgis-migrate", "--postgis", shared.replace("schema=", "schema=Bad-")], "schema="),
        (["postgis-conflicts", "--postgis", wrong], "cannot connect"),
        (["sync-postgis", "--gpkg", csv, "--postgis", shared], "findings.csv"),
    ]
    for args, expected in attempts:
        done = _cli(*args)
        lines = [line for line in done.stderr.strip().splitlines() if not line.startswith("warning: a password")]
        assert done.returncode == 1, (args, done.stderr)
        assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], (args, done.stderr)
        assert SECRET not in done.stderr + done.stdout and "Traceback" not in done.stderr
        assert SECRET[:6] not in done.stderr and SECRET[-5:] not in done.stderr  # not a piece of it either


def test_project_layer_source_and_messages_hold_no_password(shared, tmp_path, qgis_iface, postgis_dsn):
    """A password typed into the panel moves into QGIS's authentication database; the project and the shared
    layer keep the authcfg reference only; the layer still opens; messages never repeat the password."""
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsProject

    from green_envoy_plugin.gui.panel import ExpeditionPanel
    from green_envoy_plugin.gui.shared_store import safe_reference
    from green_envoy_plugin.shared_layers import postgis_layer
    from green_envoy_plugin.store.postgis import PostgisStore

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("green-envoy-test-master", True)
    password = dsn_parts(postgis_dsn)["password"]
    panel = ExpeditionPanel(qgis_iface)
    panel.store.setFilePath(str(tmp_path / "e.gpkg"))
    panel.postgis.setText(shared)
    panel.postgis.editingFinished.emit()
    kept = panel.postgis.text()
    assert "password" not in kept and "authcfg=" in kept
    with PostgisStore(kept) as store:  # the reference still reaches the store (its authcfg resolved through QGIS)
        store.migrate()
    layer = postgis_layer(kept, "findings", "Findings (shared)")
    assert layer.isValid()
    assert QgsDataSourceUri(layer.source()).password() == "" and "password" not in layer.source()
    assert QgsDataSourceUri(layer.source()).authConfigId() in kept
    QgsProject.instance().addMapLayer(layer)
    panel._save_settings()
    project_file = str(tmp_path / "shared.qgs")
    assert QgsProject.instance().write(project_file)
    saved = open(project_file, encoding="utf-8").read()
    QgsProject.instance().removeMapLayer(layer.id())
    assert "authcfg=" in saved
    assert f"password={password}" not in saved and f"password='{password}'" not in saved
    assert "password=" not in saved
    # A project saved by an older version, its DSN with the password: made safe as the panel reads it.
    QgsProject.instance().writeEntry("green_envoy", "postgis", shared)
    panel._restore_settings()
    assert "authcfg=" in panel.postgis.text() and "password" not in panel.postgis.text()
    panel._save_settings()
    assert "password" not in QgsProject.instance().readEntry("green_envoy", "postgis", "")[0]
    # The panel refuses nothing it can keep safely, and says where the password went.
    text, note = safe_reference(f"host=127.0.0.1 dbname=x user=y password='{SECRET}'")
    assert SECRET not in text + note and "authcfg=" in text and "authentication database" in note


def test_a_pg_service_name_is_all_that_is_given_and_kept(shared, tmp_path, postgis_dsn, qgis_app, monkeypatch,
                                                         sample_dir):
    """service=NAME: host, database and user in a pg_service file, the password in a .pgpass file; the command
    line, the layer source and the store's sync_state hold only the name."""
    from qgis.core import QgsDataSourceUri

    from green_envoy_plugin.shared_layers import postgis_layer

    parts = dsn_parts(postgis_dsn)
    schema = shared.rsplit("schema=", 1)[1]
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[ge_test]\nhost={parts['host']}\nport={parts['port']}\ndbname={parts['dbname']}\n"
                        f"user={parts['user']}\n", encoding="utf-8")
    passwords = tmp_path / "pgpass"
    passwords.write_text(f"{parts['host']}:{parts['port']}:{parts['dbname']}:{parts['user']}:{parts['password']}\n",
                         encoding="utf-8")
    passwords.chmod(0o600)
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    monkeypatch.setenv("PGPASSFILE", str(passwords))
    store = str(tmp_path / "e.gpkg")
    done = _cli("import-findings", os.path.join(sample_dir, "findings.csv"), "--gpkg", store)
    assert done.returncode == 0, done.stderr
    done = _cli("sync-postgis", "--gpkg", store, "--postgis", f"service=ge_test schema={schema}")
    assert done.returncode == 0, done.stderr
    assert "113 finding change(s) shared" in done.stdout
    conn = sqlite3.connect(store)
    assert conn.execute("SELECT remote FROM sync_state").fetchone()[0] == f"service=ge_test schema={schema}"
    conn.close()
    layer = postgis_layer(f"service=ge_test schema={schema}", "findings")
    assert layer.isValid() and layer.featureCount() == 113
    assert QgsDataSourceUri(layer.source()).service() == "ge_test" and "password" not in layer.source()

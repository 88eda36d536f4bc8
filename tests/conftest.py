"""The tests' fixtures: a QGIS application with a profile made fresh for the session, the PostGIS server, the
sample. Plain helpers (GPX text, synthetic rides, the Xvfb screenshot runner) are in tests/helpers; tests import
them from there, never from this file.

Everything a test writes goes under pytest's tmp paths (`tmp_path`, `tmp_path_factory`): the QGIS profile and
settings included, so nothing lands in the repository, in build/ or in a user's QGIS profile.

The QGIS application is made here rather than by the pytest-qgis plugin (disabled in pytest.ini: it starts QGIS
with a profile in `<rootdir>/.qgis-settings`, before any conftest could say otherwise); its stub QgisInterface is
used as a library. The fixtures keep pytest-qgis's names: qgis_app, qgis_iface, qgis_new_project, qgis_processing.
"""

import os
import sys
import tempfile
from unittest import mock

import pytest
import qgis.utils  # noqa: F401  at start-up, as pytest-qgis did: it sets the warnings filters QGIS's Python runs with

from .helpers import ROOT, SAMPLE, gpx_text, straight_ride
from .helpers.postgis import PgServer

sys.path.insert(0, ROOT)
# QGIS's own Processing plugin lives outside site-packages on Debian.
if os.path.isdir("/usr/share/qgis/python/plugins"):
    sys.path.append("/usr/share/qgis/python/plugins")

# The session's QgsApplication and stub QgisInterface, once qgis_app has made them: held to the end of the
# process, as QGIS's objects still alive then (widgets, tasks) must not outlive the application.
_SESSION = {}


def _process_events():
    from qgis.PyQt.QtCore import QCoreApplication

    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()


@pytest.fixture(scope="session", autouse=True)
def qgis_app(tmp_path_factory):
    """The session's headless QgsApplication, with a QGIS profile made fresh under pytest's tmp paths
    (`<basetemp>/qgis-profiles0/profiles/default`: qgis-auth.db, QGIS/QGIS3.ini with what the tests set, ...).
    QGIS_CUSTOM_CONFIG_PATH points there for the session, so QGIS started by a test in a subprocess (tools,
    the packaged plugin) uses it too rather than the user's profile. TMPDIR is `<basetemp>/tmp0`, where QGIS and
    Qt (here and in subprocesses) leave their temporary folders (QGIS3-*, qt_temp-*) instead of in /tmp; Python's
    own `tempfile` here keeps /tmp, which tests use for folders other users must reach. `qgis.utils.iface` is a stub
    interface (pytest-qgis's QgisInterface, see qgis_iface) for the whole session, as in pytest-qgis."""
    from pytest_qgis.mock_qgis_classes import MockMessageBar
    from pytest_qgis.qgis_interface import QgisInterface
    from qgis.core import QgsApplication, QgsProject
    from qgis.gui import QgsGui, QgsMapCanvas
    from qgis.PyQt.QtCore import QCoreApplication, QSettings, QSize, QThreadPool
    from qgis.PyQt.QtWidgets import QApplication, QMainWindow

    profiles = tmp_path_factory.mktemp("qgis-profiles")
    saved = {name: os.environ.get(name) for name in ("QGIS_CUSTOM_CONFIG_PATH", "TMPDIR")}
    os.environ["QGIS_CUSTOM_CONFIG_PATH"] = str(profiles)
    tempfile.gettempdir()  # Python's, chosen before TMPDIR changes
    os.environ["TMPDIR"] = str(tmp_path_factory.mktemp("tmp"))
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    QCoreApplication.setOrganizationName(QgsApplication.QGIS_ORGANIZATION_NAME)
    QCoreApplication.setOrganizationDomain(QgsApplication.QGIS_ORGANIZATION_DOMAIN)
    QCoreApplication.setApplicationName(QgsApplication.QGIS_APPLICATION_NAME)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)  # QgsSettings in the profile: <profile>/QGIS/QGIS3.ini
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(profiles / "profiles" / "default"))
    app = _SESSION["app"] = QgsApplication([], False)
    app.initQgis()
    QgsGui.editorWidgetRegistry().initEditors()
    parent = QMainWindow()
    parent.resize(QSize(600, 600))
    canvas = QgsMapCanvas(parent)
    canvas.resize(QSize(600, 600))
    _SESSION["iface"] = QgisInterface(canvas, MockMessageBar(), parent)
    # QGIS zooms to the first layer added when events are next processed: process them at once instead.
    QgsProject.instance().legendLayersAdded.connect(_process_events)
    try:
        with mock.patch("qgis.utils.iface", _SESSION["iface"]):
            yield app
    finally:
        QgsProject.instance().legendLayersAdded.disconnect(_process_events)
        for widget in QApplication.allWidgets():  # render jobs deleted after exitQgis crash: canvases go first
            if isinstance(widget, QgsMapCanvas):
                widget.deleteLater()
        _process_events()
        QThreadPool.globalInstance().waitForDone()
        _process_events()
        _process_events()
        app.exitQgis()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(scope="session")
def qgis_iface(qgis_app):
    """A stub QgisInterface (pytest-qgis's) with a map canvas in a main window: `qgis.utils.iface` too."""
    return _SESSION["iface"]


@pytest.fixture
def qgis_new_project(qgis_iface):
    """QGIS's project, emptied."""
    from qgis.core import QgsProject

    qgis_iface.newProject()
    QgsProject.instance().clear()
    return QgsProject.instance()


@pytest.fixture(scope="session")
def qgis_processing(qgis_app):
    """QGIS's Processing framework, initialised."""
    from processing.core.Processing import Processing

    Processing.initialize()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    """Events queued by a test (deleteLater, finished tasks) are delivered before the next one starts."""
    try:
        return (yield)
    finally:
        if nextitem is not None:
            _process_events()


_PG = PgServer()


def _pg_startable() -> bool:
    return not os.environ.get("GREEN_ENVOY_TEST_PG") and os.geteuid() == 0


def pytest_collection_finish(session):
    """Once the tests are collected (collecting starts nothing), start the PostGIS server in the background if
    a test will ask for it: a cold start takes seconds, in which the tests before it run."""
    if not session.config.option.collectonly and _pg_startable() and any(
            "postgis_dsn" in getattr(item, "fixturenames", ()) for item in session.items):
        _PG.start()


def pytest_sessionfinish(session):
    _PG.stop()  # a server started for tests that then did not run (-x, an interrupt)


@pytest.fixture(scope="session")
def postgis_dsn():
    """A PostgreSQL + PostGIS server for the session, as a libpq DSN: GREEN_ENVOY_TEST_PG if set (`make test`
    starts one and passes it), otherwise the cluster tools/pg_test_server.sh starts (root only), stopped again at
    the end of the session if a test session started it and no other one still uses it (see helpers/postgis.py;
    a cluster started otherwise is left running). Without a server the tests asking for it skip, saying why."""
    if os.environ.get("GREEN_ENVOY_TEST_PG"):
        yield os.environ["GREEN_ENVOY_TEST_PG"]
        return
    if not _pg_startable():
        pytest.skip("no PostgreSQL/PostGIS server: GREEN_ENVOY_TEST_PG is not set, and starting one "
                    "(tools/pg_test_server.sh) needs root")
    try:
        dsn, problem = _PG.dsn()
        if dsn is None:
            pytest.skip(f"no PostgreSQL/PostGIS server could be started here (tools/pg_test_server.sh: {problem}; "
                        "it needs Debian's postgresql-NN-postgis-3), and GREEN_ENVOY_TEST_PG is not set")
        yield dsn
    finally:
        _PG.stop()


@pytest.fixture
def sample_dir():
    return SAMPLE


@pytest.fixture
def write_gpx(tmp_path):
    def write(name, points=None, text=None):
        path = tmp_path / name
        path.write_text(text if text is not None else gpx_text(points or straight_ride()), encoding="utf-8")
        return str(path)

    return write

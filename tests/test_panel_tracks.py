"""The panel's tracks step takes files and Strava's export zip as downloaded, not only a folder, and passes them
to the same import_gpx the command line calls."""

import gzip
import os
import sqlite3
import zipfile

from green_envoy_plugin.gui.steps.imports import track_paths

from .test_panel import click, panel, wait  # noqa: F401  (panel: the fixture)

DATA = os.path.join(os.path.dirname(__file__), "data")


def test_the_paths_of_a_folder_and_of_files_picked_several_at_once():
    assert track_paths("", "") == []
    assert track_paths("  ", "") == []
    assert track_paths("/rides", "") == ["/rides"]
    assert track_paths("", "/down loads/export_1.zip") == ["/down loads/export_1.zip"]  # one file: no quotes
    # several: the file widget's own form, each path in quotes (names with blanks kept whole)
    assert track_paths("/rides", '"/down loads/export_1.zip" "/garmin/2025-08-01 ride.fit.gz"') == [
        "/rides", "/down loads/export_1.zip", "/garmin/2025-08-01 ride.fit.gz"]


def test_a_strava_export_zip_picked_directly_imports_with_its_names(panel, tmp_path):  # noqa: F811
    export = tmp_path / "export_123.zip"
    with zipfile.ZipFile(export, "w") as z:
        z.writestr("activities.csv", "Activity ID,Activity Name,Activity Type,Filename\n"
                   "101,Almaty - Qonayev,Ride,activities/101.fit.gz\n")
        with open(os.path.join(DATA, "fit", "tormoder-fit", "0134902991.fit"), "rb") as handle:
            z.writestr("activities/101.fit.gz", gzip.compress(handle.read()))
    course = os.path.join(DATA, "fit", "gpsbabel", "fitwrite-track.fit")
    panel.gpx.setFilePath("")
    assert panel.run_import_gpx() is None and "Choose a folder" in panel.last_error  # nothing chosen: said so
    # the file widget's text as a user's multiple choice leaves it
    panel.gpx_files.setFilePath(f'"{export}" "{course}"')
    wait(click(panel, panel.import_gpx))
    assert panel.last_error == ""
    with sqlite3.connect(str(tmp_path / "expedition.gpkg")) as conn:
        names = conn.execute("SELECT DISTINCT track_name, activity_type FROM tracks").fetchall()
        files = sorted(r[0] for r in conn.execute("SELECT file_name FROM imported_files"))
        waypoints = conn.execute("SELECT count(*) FROM waypoints").fetchone()[0]
    assert names == [("Almaty - Qonayev", "Ride")]
    assert files == ["gpsbabel/fitwrite-track.fit", f"{tmp_path.name}/export_123.zip/activities/101.fit.gz"]
    assert waypoints == 12  # the course's course points


def test_the_files_picked_are_there_when_the_project_is_opened_again(panel, qgis_iface, tmp_path):  # noqa: F811
    from qgis.core import QgsProject

    from green_envoy_plugin.gui.panel import ExpeditionPanel

    course = os.path.join(DATA, "fit", "gpsbabel", "fitwrite-track.fit")
    ride = os.path.join(DATA, "tracks", "gpxpy", "korita-zbevnica.gpx")
    panel.gpx.setFilePath("")
    panel.gpx_files.setFilePath(f'"{course}" "{ride}"')
    wait(click(panel, panel.import_gpx))
    assert panel.last_error == ""
    project = QgsProject.instance()
    path = str(tmp_path / "season.qgz")
    assert project.write(path)
    project.clear()
    assert project.read(path)
    for widget in (panel, ExpeditionPanel(qgis_iface)):  # the open panel and one of a restarted QGIS
        assert track_paths("", widget.gpx_files.filePath()) == [course, ride]

"""Tracks, findings and media: the imports, in the order that links them (a photo is linked to a finding that
is already stored, so findings come before media)."""

from __future__ import annotations

from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QCheckBox, QGroupBox, QLineEdit

from ...i18n import tr
from ...steps.findings import import_findings
from ...steps.media import import_media
from ...steps.tracks import import_gpx
from .. import results
from ..layout import seconds, step_box


def track_paths(folder: str, files: str) -> list[str]:
    """What the tracks step imports: the folder chosen and the files chosen (the file widget's text, several
    paths each in quotes), as import-tracks takes them; a Strava export zip or a .gz is one of the files."""
    paths = [folder.strip()] if folder.strip() else []
    return paths + [p for p in QgsFileWidget.splitFilePaths(files) if p.strip()]


class ImportSteps:
    """Mixin of ExpeditionPanel."""

    def build_tracks(self) -> QGroupBox:
        self.gpx = QgsFileWidget()
        self.gpx.setStorageMode(QgsFileWidget.GetDirectory)
        self.gpx.setObjectName("gpx")
        self.remember(self.gpx, "gpx", user=True)
        # Files picked one by one, or Strava's export zip as downloaded, without unpacking it into a folder first.
        self.gpx_files = QgsFileWidget()
        self.gpx_files.setStorageMode(QgsFileWidget.GetMultipleFiles)
        self.gpx_files.setFilter(tr("Track files (*.gpx *.fit *.tcx *.gz *.zip)"))
        self.gpx_files.setObjectName("gpx_files")
        self.gpx_files.setToolTip(tr("GPX, FIT or TCX files, their .gz, or a Strava bulk export .zip; imported "
                                     "with the folder above when both are given"))
        self.remember(self.gpx_files, "gpx_files")  # the expedition's files: kept in its project
        self.import_gpx = self.button(tr("Import tracks"), self.run_import_gpx, "import_gpx")
        return step_box(tr("Tracks (GPX, FIT, TCX)"), [(tr("Folder of track files"), self.gpx),
                                                      (tr("Or files (Strava .zip too)"), self.gpx_files)],
                        self.import_gpx, name="tracks")

    def build_findings(self) -> QGroupBox:
        self.findings = QgsFileWidget()
        self.findings.setFilter(tr("Tables (*.csv *.xlsx)"))
        self.findings.setObjectName("findings")
        self.remember(self.findings, "findings_table")
        self.mapping = QLineEdit()
        self.mapping.setObjectName("mapping")
        self.mapping.setPlaceholderText("lat=Latitude;category=Kind")
        self.mapping.setToolTip(tr("Columns of the table that have other names, as field=column;..."))
        self.remember(self.mapping, "findings_mapping")
        self.import_findings = self.button(tr("Import findings"), self.run_import_findings, "import_findings")
        return step_box(tr("Findings"), [(tr("CSV or XLSX"), self.findings)], self.import_findings,
                        [(tr("Field mapping (field=column;...)"), self.mapping)], name="findings")

    def build_media(self) -> QGroupBox:
        self.media = QgsFileWidget()
        self.media.setStorageMode(QgsFileWidget.GetDirectory)
        self.media.setObjectName("media")
        self.remember(self.media, "media", user=True)
        self.offset = seconds(0.0, -86400, 86400, 2)
        self.offset.setObjectName("offset")
        self.tz = QLineEdit("+05:00")
        self.tz.setObjectName("tz")
        self.max_gap = seconds(300.0, 0, 86400, 0)
        self.max_gap.setObjectName("max_gap")
        self.remember(self.max_gap, "media_max_gap_s")
        self.max_extrapolation = seconds(60.0, 0, 86400, 0)
        self.max_extrapolation.setObjectName("max_extrapolation")
        self.remember(self.max_extrapolation, "media_max_extrapolation_s")
        # Off by default: decoding a photo that has no embedded thumbnail costs more than reading its tags; the map
        # tips, viewer and atlas then picture it from its original. On for a store that travels without the photos.
        self.all_thumbnails = QCheckBox(tr("Store the thumbnails of photos without an embedded one (slower)"))
        self.all_thumbnails.setObjectName("all_thumbnails")
        self.all_thumbnails.setToolTip(tr("For a store that will be used without the photos' folder: the map tips, "
                                          "viewer and atlas can then show every photo"))
        self.remember(self.all_thumbnails, "media_all_thumbnails")
        self.import_media = self.button(tr("Import media"), self.run_import_media, "import_media")
        for widget in (self.offset, self.tz):
            widget.editingFinished.connect(self._save_settings)
        return step_box(tr("Photos, videos, audio notes"), [
            (tr("Folder"), self.media), (tr("Camera clock ahead by"), self.offset), (tr("Camera time zone"), self.tz),
        ], self.import_media, [
            (tr("Largest track gap to interpolate across (s)"), self.max_gap),
            (tr("Largest time off the track still placed (s)"), self.max_extrapolation),
            ("", self.all_thumbnails)], name="media")

    def run_import_gpx(self):
        paths, store = track_paths(self.gpx.filePath(), self.gpx_files.filePath()), self.store_path()
        if not paths:
            self.last_error = tr("Choose a folder of track files, or the files themselves")
            self._message(self.last_error, self.WARNING)
            return None
        return self._start(tr("Import tracks"), lambda fb: import_gpx(paths, store, feedback=fb),
                           results.tracks_outcome, ("tracks",))

    def run_import_findings(self):
        table, store = self.findings.filePath(), self.store_path()
        text = self.mapping.text()
        try:
            mapping = dict(item.strip().split("=", 1) for item in text.split(";") if item.strip()) or None
        except ValueError:
            self.last_error = tr("The mapping must read like lat=Latitude;lon=Longitude")
            self._message(self.last_error, self.WARNING)
            return None
        return self._start(tr("Import findings"), lambda fb: import_findings(
            table, store, feedback=fb, mapping=mapping), results.findings_outcome, ("findings",))

    def run_import_media(self):
        from ...thumbnails import qt_thumbnailer

        folder, tz, offset, store = self.media.filePath(), self.tz.text(), self.offset.value(), self.store_path()
        gap, extrapolation = self.max_gap.value(), self.max_extrapolation.value()
        all_thumbnails = self.all_thumbnails.isChecked()
        before = set(self._stored_offsets())
        thumbnailer = qt_thumbnailer()
        return self._start(tr("Import media"), lambda fb: import_media(
            folder, store, tz, offset, gap, extrapolation, thumbnailer=thumbnailer, feedback=fb,
            all_thumbnails=all_thumbnails),
            lambda report: results.media_outcome(report, before, offset), ("media",))

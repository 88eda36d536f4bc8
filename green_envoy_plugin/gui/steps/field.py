"""The field kit and the field returns: a kit folder for the phones (QField, Mergin Maps, ODK, Kobo) and what they
bring back. The kit is made on the main thread (a few seconds): it speaks each language in turn through Qt's
translators, which must not change under the panel from a worker thread; the import runs as a task."""

from __future__ import annotations

import os

from qgis.core import Qgis
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtWidgets import QGroupBox

from ...i18n import tr
from ...steps.field_import import FieldImportReport, import_field
from .. import results
from ..layout import step_box


def field_outcome(report: FieldImportReport) -> results.Outcome:
    line = tr("{0} finding(s) imported, {1} updated, {2} unchanged; {3} photo(s) added").format(
        results.number(report.imported), results.number(report.updated), results.number(report.unchanged),
        results.number(report.media_added))
    problems = ([f"{where}: {why}" for where, why in report.rejected + report.kept] +
                [tr("{0}: photo {1} is not in the return").format(w, p) for w, p in report.missing_files] +
                [tr("{0}: a photo no row names").format(p) for p in report.orphan_files])
    return results.Outcome(line, problems[0] if problems else "")


class FieldSteps:
    """Mixin of ExpeditionPanel."""

    def build_field(self) -> QGroupBox:
        self.field_kit_folder = QgsFileWidget()
        self.field_kit_folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.field_kit_folder.setObjectName("field_kit_folder")
        self.remember(self.field_kit_folder, "field_kit_folder", user=True)
        self.field_return = QgsFileWidget()
        self.field_return.setObjectName("field_return")
        self.field_return.setToolTip(tr("A returned kit folder or zip, an ODK Central export zip, a Kobo CSV/XLSX"))
        self.make_kit = self.button(tr("Make the field kit"), self.run_field_kit, "make_field_kit")
        self.import_return = self.button(tr("Import field returns"), self.run_import_field, "import_field")
        box = step_box(tr("Field kit for the phones"), [
            (tr("Kit folder (empty)"), self.field_kit_folder), ("", self.make_kit),
            (tr("Field return (file or zip)"), self.field_return)], self.import_return, name="field")
        return box

    def run_field_kit(self):
        from ...app.field_kit import build_field_kit
        from ...errors import StepError

        store, folder = self.store_path(), self.field_kit_folder.filePath().strip()
        if not store or not folder:
            self._message(tr("Choose the expedition GeoPackage and an empty kit folder first."), Qgis.Warning)
            return None
        try:
            _kit, project, _translations = build_field_kit(store, folder)
        except (StepError, OSError) as exc:
            self.last_error = str(exc)
            self._message(f"{tr('Make the field kit')}: {exc}", Qgis.Critical, details=True)
            return None
        self._message(f"{tr('Make the field kit')}: {os.path.basename(project)}", Qgis.Success, folder=folder)
        return project

    def run_import_field(self):
        from ...thumbnails import qt_thumbnailer

        path, store = self.field_return.filePath().strip(), self.store_path()
        thumbnailer = qt_thumbnailer()
        return self._start(tr("Import field returns"), lambda fb: import_field(
            path, store, thumbnailer=thumbnailer, feedback=fb), field_outcome, ("findings", "media"))

"""Sharing the store through PostGIS: last, after the season's own work is done."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QGroupBox, QLineEdit

from ...errors import StepError
from ...i18n import tr
from ...steps.sharing import sync_postgis
from .. import results, shared_store
from ..layout import step_box


class SharingStep:
    """Mixin of ExpeditionPanel."""

    def build_sharing(self) -> QGroupBox:
        self.postgis = QLineEdit()
        self.postgis.setPlaceholderText("service=... | authcfg=... host=... dbname=...")
        self.postgis.setObjectName("postgis")
        # Remembered per project as a reference only: a typed password moves into QGIS's authentication database.
        self.postgis.editingFinished.connect(self.keep_connection_safe)
        # a project saved by an older version may bring one back: made safe as it is read, before it is saved again
        self.postgis.textChanged.connect(lambda _text: self.postgis.hasFocus() or self.keep_connection_safe())
        self.remember(self.postgis, "postgis")
        self.sync = self.button(tr("Share through PostGIS"), self.run_sync, "sync")
        return step_box(tr("Sharing (optional)"), [(tr("Shared PostGIS"), self.postgis)], self.sync, name="sharing")

    def keep_connection_safe(self) -> bool:
        try:
            text, note = shared_store.safe_reference(self.postgis.text())
        except StepError as exc:
            self.postgis.clear()  # never kept with its password
            self._message(str(exc), self.WARNING)
            return False
        if text != self.postgis.text():
            self.postgis.setText(text)
        if note:
            self._message(note, self.INFO)
        return True

    def run_sync(self):
        if not self.keep_connection_safe():
            return None
        text, store = self.postgis.text().strip(), self.store_path()
        if not text:
            self._message(tr("Give the PostgreSQL connection of the shared store."), self.WARNING)
            return None
        try:
            connection = shared_store.connection_for_sync(text)
        except StepError as exc:
            self._message(str(exc), self.WARNING)
            return None
        return self._start(tr("Share through PostGIS"), lambda fb: sync_postgis(store, connection, fb),
                           results.sharing_outcome, ("findings",))

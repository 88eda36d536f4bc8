"""The steps' Feedback on a progress dialog, for work that must stay on the main thread (the atlas)."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QApplication, QProgressDialog

from ...steps.feedback import SilentFeedback


class DialogFeedback(SilentFeedback):
    def __init__(self, dialog: QProgressDialog):
        self.dialog = dialog

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.dialog.setValue(int(value))
        QApplication.processEvents()

    def isCanceled(self) -> bool:  # noqa: N802
        QApplication.processEvents()
        return self.dialog.wasCanceled()

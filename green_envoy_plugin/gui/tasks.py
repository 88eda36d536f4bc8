"""Steps as QgsTasks: the work in run() (no GUI, no layers), the outcome reported in finished()."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from qgis.core import Qgis, QgsMessageLog, QgsTask

from ..errors import StepError
from ..i18n import tr

LOG_TAG = "Green Envoy"


class TaskFeedback:
    """The steps' Feedback on top of a QgsTask: progress in the task manager, cancel from it."""

    def __init__(self, task: QgsTask):
        self.task = task
        self.messages: list[str] = []
        self.errors: list[str] = []  # what the step left out (a rejected row, a file that failed): warnings in the log

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)

    def isCanceled(self) -> bool:  # noqa: N802
        return self.task.isCanceled()

    def pushInfo(self, text: str) -> None:  # noqa: N802
        self.messages.append(text)

    def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        self.messages.append(text)
        self.errors.append(text)


class StepTask(QgsTask):
    """Runs `work(feedback)` in the background; `done(result, error, messages)` runs on the main thread."""

    def __init__(self, title: str, work: Callable, done: Callable):
        super().__init__(title, QgsTask.CanCancel)
        self.work = work
        self.done = done
        self.result = None
        self.error: str | None = None
        self.details = ""
        self.feedback = TaskFeedback(self)

    def run(self) -> bool:
        try:
            self.result = self.work(self.feedback)
            return True
        except StepError as exc:  # the user's problem, said plainly
            self.error = str(exc)
        except Exception as exc:
            self.error = tr("unexpected error: {0}").format(exc)
            self.details = traceback.format_exc()
        return False

    def finished(self, ok: bool) -> None:
        errors = set(self.feedback.errors)
        for message in self.feedback.messages:
            QgsMessageLog.logMessage(message, LOG_TAG, Qgis.Warning if message in errors else Qgis.Info)
        if self.details:
            QgsMessageLog.logMessage(self.details, LOG_TAG, Qgis.Critical)
        if not ok and self.error is None:
            self.error = tr("canceled")
        self.done(self.result if ok else None, self.error, self.feedback.messages)

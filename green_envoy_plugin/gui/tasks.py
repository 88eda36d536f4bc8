"""Steps as QgsTasks: the work in run() (no GUI, no layers), the outcome reported in finished().

The work is a closure over values the panel read on the main thread before the task started (paths, numbers,
features copied out of layers): run() runs on a worker thread, where touching a widget or a layer is undefined
behaviour. Layers are added and the message bar written in finished(), back on the main thread.
"""

from __future__ import annotations

import time
import traceback
from collections.abc import Callable

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsTask

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
    """Runs `work(feedback)` in the background; `done(result, error, messages)` runs on the main thread,
    unless the task was `detach`ed (its panel is going away)."""

    def __init__(self, title: str, work: Callable, done: Callable | None):
        super().__init__(title, QgsTask.CanCancel)
        self.title = title
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
        if not ok and self.error is None:
            self.error = tr("canceled")
        if not ok:
            # The message bar says "details in the log": so the log always has them, the traceback included.
            QgsMessageLog.logMessage(f"{self.title}: {self.error}" + (f"\n{self.details}" if self.details else ""),
                                     LOG_TAG, Qgis.Critical)
        if self.done is not None:
            try:
                self.done(self.result if ok else None, self.error, self.feedback.messages)
            except Exception:  # an exception here would abort QGIS (PyQt's qFatal): logged instead
                QgsMessageLog.logMessage(f"{self.title}: {traceback.format_exc()}", LOG_TAG, Qgis.Critical)

    def detach(self) -> None:
        """Nothing is called back any more (the panel that started it is being deleted)."""
        self.done = None


def cancel_and_wait(tasks: list[StepTask], timeout_s: float = 30.0) -> list[StepTask]:
    """Cancel running tasks and wait (events processed, so their finished() runs) until they have ended;
    returns those still running after `timeout_s` (a step checks for cancel between files, not inside one)."""
    for task in tasks:
        task.detach()
        task.cancel()
    manager = QgsApplication.taskManager()
    deadline = time.monotonic() + timeout_s
    running = list(tasks)
    while running and time.monotonic() < deadline:
        QgsApplication.processEvents()
        running = [t for t in running if _running(t, manager)]
        if running:
            time.sleep(0.02)
    return running


def _running(task: StepTask, manager) -> bool:
    try:
        return task in manager.tasks() and task.status() not in (QgsTask.Complete, QgsTask.Terminated)
    except RuntimeError:  # the manager has deleted it: ended
        return False

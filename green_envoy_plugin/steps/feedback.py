"""How a step reports progress and hears a cancel: the few methods of QgsFeedback that the steps call.

Processing passes its QgsProcessingFeedback straight in, the panel a task's or a dialog's, the CLI a console
one; nothing here imports QGIS.
"""

from __future__ import annotations

from typing import Protocol

from ..errors import Canceled


class Feedback(Protocol):
    """The part of QgsFeedback (and QgsProcessingFeedback) a step uses."""

    def setProgress(self, value: float) -> None: ...  # noqa: N802 (QgsFeedback's names)

    def isCanceled(self) -> bool: ...  # noqa: N802

    def pushInfo(self, text: str) -> None: ...  # noqa: N802

    def reportError(self, text: str, fatalError: bool = False) -> None: ...  # noqa: N802, N803


class SilentFeedback:
    """A Feedback that says nothing and is never canceled (a step called without one)."""

    def setProgress(self, value: float) -> None:  # noqa: N802
        pass

    def isCanceled(self) -> bool:  # noqa: N802
        return False

    def pushInfo(self, text: str) -> None:  # noqa: N802
        pass

    def reportError(self, text: str, fatalError: bool = False) -> None:  # noqa: N802, N803
        pass


def check_canceled(feedback: Feedback) -> None:
    if feedback.isCanceled():
        raise Canceled("canceled by the user")

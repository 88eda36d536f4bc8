"""Waiting for a real window under Xvfb before its screenshot is taken.

A fixed number of processEvents() calls is not enough on a loaded machine (CI runs other work beside it): the
window may not be mapped and painted yet and the grab comes out black. Wait until the window server has exposed
it, then keep the event loop turning for a while of wall-clock time.
"""

import time


def settle(app, widget, seconds: float = 0.6) -> None:
    from qgis.PyQt.QtTest import QTest

    QTest.qWaitForWindowExposed(widget, 10_000)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def grab_when_drawn(app, widget, drawn, tries: int = 50):
    """A grab of the whole screen once `drawn(image)` says the widget shows its content (up to ~10 s)."""
    settle(app, widget)
    for _ in range(tries):
        image = app.primaryScreen().grabWindow(0)
        if drawn(image.toImage()):
            return image
        settle(app, widget, 0.2)
    return image

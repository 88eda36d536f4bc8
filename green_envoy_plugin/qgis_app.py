"""A QGIS application for headless runs (CLI, benchmarks); inside QGIS or pytest-qgis the running one."""

from __future__ import annotations

import os
import sys

_APP = None
PLUGINS_DIR = "/usr/share/qgis/python/plugins"  # where Debian puts QGIS's own Processing plugin


def ensure_qgis(processing: bool = False, gui: bool = False):
    """The running QGIS application, or one started: headless by default; `gui` for real windows (under
    Xvfb: the screenshot tools)."""
    global _APP
    if not gui:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication.instance()
    if app is None:
        QgsApplication.setPrefixPath(os.environ.get("QGIS_PREFIX_PATH", "/usr"), True)
        _APP = app = QgsApplication([], gui)
        app.initQgis()
    if processing:
        if PLUGINS_DIR not in sys.path and os.path.isdir(PLUGINS_DIR):
            sys.path.append(PLUGINS_DIR)
        from processing.core.Processing import Processing

        Processing.initialize()
    return app

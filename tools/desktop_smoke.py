"""Run inside real QGIS desktop (`qgis --code tools/desktop_smoke.py`): after start-up, record which plugins
are active, whether the greenenvoy provider and the Green Envoy menu are there, save a screenshot, quit.
Output: $SMOKE_OUT.txt and $SMOKE_OUT.png. Used by tests/test_desktop.py under Xvfb with a clean profile."""

import os

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import active_plugins, iface


def shoot() -> None:
    out = os.environ.get("SMOKE_OUT", "/tmp/green_envoy_smoke")
    with open(out + ".txt", "w", encoding="utf-8") as report:
        report.write(f"active={sorted(active_plugins)}\n")
        report.write(f"provider={QgsApplication.processingRegistry().providerById('greenenvoy') is not None}\n")
        report.write(f"menu={[a.text() for a in iface.pluginMenu().actions()]}\n")
    iface.mainWindow().grab().save(out + ".png")
    QgsApplication.exit(0)


QTimer.singleShot(6000, shoot)

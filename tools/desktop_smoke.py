"""Run inside real QGIS desktop (`qgis --code tools/desktop_smoke.py`): after start-up, record which plugins
are active and whether the greenenvoy provider and the Green Envoy menu are there; with SMOKE_WORKFLOW set
to a folder, run the sample workflow from the Expedition panel (import GPX, findings, media; assign regions;
compare) into a store there; then save a screenshot and quit.
Output: $SMOKE_OUT.txt and $SMOKE_OUT.png. Used by tests/test_desktop.py under Xvfb with a clean profile."""

import os

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.utils import active_plugins, iface, plugins

OUT = os.environ.get("SMOKE_OUT", "/tmp/green_envoy_smoke")
WORK = os.environ.get("SMOKE_WORKFLOW", "")
SAMPLE = os.environ.get("SMOKE_SAMPLE", "")
report = open(OUT + ".txt", "w", encoding="utf-8")


def check_plugin() -> None:
    report.write(f"active={sorted(active_plugins)}\n")
    report.write(f"provider={QgsApplication.processingRegistry().providerById('greenenvoy') is not None}\n")
    report.write(f"menu={[a.text() for a in iface.pluginMenu().actions()]}\n")
    report.flush()
    if WORK:
        start_workflow()
    else:
        finish()


def start_workflow() -> None:
    plugin = plugins["green_envoy_plugin"]
    next(a for a in plugin.actions if a.objectName() == "greenenvoy_panel").setChecked(True)
    panel = plugin.panel
    panel.store.setFilePath(os.path.join(WORK, "expedition.gpkg"))
    panel.gpx.setFilePath(os.path.join(SAMPLE, "gpx"))
    panel.findings.setFilePath(os.path.join(SAMPLE, "findings.csv"))
    panel.media.setFilePath(os.path.join(SAMPLE, "photos"))
    panel.tz.setText("+06:00")
    panel.offset.setValue(462)
    regions = QgsVectorLayer(os.path.join(SAMPLE, "kz_admin1.gpkg"), "Regions of Kazakhstan", "ogr")
    official = QgsVectorLayer(os.path.join(SAMPLE, "official_landfills_synthetic.gpkg"), "Landfill registry", "ogr")
    QgsProject.instance().addMapLayers([regions, official])
    panel.regions.setLayer(regions)
    panel.region_name.setField("ADM1_EN")
    panel.official.setLayer(official)
    panel.atlas_dir.setFilePath(os.path.join(WORK, "atlas"))
    steps = [panel.import_gpx.click, panel.import_findings.click, panel.import_media.click, panel.assign.click,
             panel.compare.click, panel.export.click]

    def next_step() -> None:
        if QgsApplication.taskManager().countActiveTasks():
            QTimer.singleShot(300, next_step)
            return
        if panel.last_error:
            report.write(f"error={panel.last_error}\n")
        if not steps:
            report.write(f"status={panel.status.text()!r}\n")
            atlas = os.path.join(WORK, "atlas")
            report.write(f"atlas={len(os.listdir(atlas)) if os.path.isdir(atlas) else 0}\n")
            canvas = iface.mapCanvas()
            canvas.setExtent(QgsProject.instance().mapLayersByName("Route")[0].extent())
            canvas.refresh()
            QTimer.singleShot(4000, finish)
            return
        steps.pop(0)()
        QTimer.singleShot(300, next_step)

    next_step()


def finish() -> None:
    iface.mainWindow().grab().save(OUT + ".png")
    report.close()
    QgsApplication.exit(0)


QTimer.singleShot(5000, check_plugin)

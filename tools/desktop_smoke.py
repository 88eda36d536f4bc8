"""Run inside real QGIS desktop (`qgis --code tools/desktop_smoke.py`): after start-up, record which plugins
are active and whether the greenenvoy provider and the Green Envoy menu are there; with SMOKE_WORKFLOW set
to a folder, run the sample workflow from the Expedition panel (import GPX, findings, media; assign regions;
compare) into a store there; then save a screenshot and quit.
Output: $SMOKE_OUT.txt and $SMOKE_OUT.png (the main window, the panel docked at 360 px), $SMOKE_OUT_panel.png (the
whole panel, advanced inputs open), $SMOKE_OUT_viewer.png (the media viewer docked below the map). Used by
tests/test_desktop.py under Xvfb with a clean profile, in the QGIS language its profile sets."""

import os

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
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
            project = QgsProject.instance()
            if getattr(panel, "crs_offer", None) is not None:
                panel.crs_offer()  # the user accepts the expedition's projection offered in the message bar
            from green_envoy_plugin.gui import mapview
            from green_envoy_plugin.qgis_layers import store_layers

            mapview.zoom_to(store_layers(panel.store_path())["tracks"], iface.mapCanvas())
            report.write(f"crs={project.crs().description()!r} {project.crs().toProj()!r}\n")
            group = project.layerTreeRoot().findGroup("Green Envoy")
            report.write(f"layers={[layer.name() for layer in group.findLayers()] if group else []!r}\n")
            report.write(f"titles={[box.title() for box in panel.steps]!r}\n")
            from qgis.PyQt.QtWidgets import QScrollArea

            body = panel.findChild(QScrollArea, "scroll").widget()
            report.write(f"panel_min_width={body.minimumSizeHint().width()}\n")
            iface.mainWindow().resizeDocks([panel], [360], Qt.Orientation.Horizontal)
            show_viewer(plugin)
            QTimer.singleShot(4000, finish)
            return
        steps.pop(0)()
        QTimer.singleShot(300, next_step)

    next_step()


def show_viewer(plugin) -> None:
    """The media viewer on the first photo, docked below the map, which pans to it."""
    media = next((layer for layer in QgsProject.instance().mapLayers().values()
                  if layer.fields().indexOf("thumbnail") >= 0), None) if WORK else None
    if media is None:
        return
    iface.setActiveLayer(media)
    plugin.open_viewer()
    area = iface.mainWindow().dockWidgetArea(plugin.viewer)
    report.write(f"viewer_docked={area == Qt.DockWidgetArea.BottomDockWidgetArea}\n")
    plugin.viewer.next.click()


def finish() -> None:
    plugin = plugins.get("green_envoy_plugin")
    if plugin is not None and plugin.panel is not None:
        report.write(f"panel_width={plugin.panel.width()}\n")
    iface.mainWindow().grab().save(OUT + ".png")
    if plugin is not None and plugin.panel is not None:
        from qgis.gui import QgsCollapsibleGroupBox
        from qgis.PyQt.QtWidgets import QScrollArea

        body = plugin.panel.findChild(QScrollArea, "scroll").widget()
        for box in body.findChildren(QgsCollapsibleGroupBox):
            box.setCollapsed(False)
        body.resize(344, body.heightForWidth(344) if body.hasHeightForWidth() else body.sizeHint().height())
        body.adjustSize()
        body.resize(344, body.sizeHint().height())
        body.grab().save(OUT + "_panel.png")
    if plugin is not None and plugin.viewer is not None:
        plugin.viewer.grab().save(OUT + "_viewer.png")
    report.close()
    QgsApplication.exit(0)


QTimer.singleShot(5000, check_plugin)

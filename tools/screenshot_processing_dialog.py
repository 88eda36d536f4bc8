"""Screenshot of a Green Envoy Processing dialog in a real window (Xvfb), in a QGIS language:
`xvfb-run -a python tools/screenshot_processing_dialog.py out.png exportatlas ru`. Prints the parameters'
labels and the values the dialog starts with."""

import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main(out_png: str, algorithm: str, locale: str) -> None:
    from screen import settle

    from green_envoy_plugin.qgis_app import ensure_qgis

    app = ensure_qgis(gui=True)
    from qgis.core import QgsApplication, QgsProject, QgsSettings

    QgsSettings().setValue("locale/userLocale", locale)
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing
    from processing.gui.AlgorithmDialog import AlgorithmDialog

    Processing.initialize()
    import green_envoy_plugin

    plugin = green_envoy_plugin.classFactory(None)
    plugin.initProcessing()
    store = os.path.join(tempfile.mkdtemp(), "season", "expedition.gpkg")
    QgsProject.instance().writeEntry("green_envoy", "store", store)  # as the Expedition panel keeps it
    alg = QgsApplication.processingRegistry().createAlgorithmById(f"greenenvoy:{algorithm}")
    dialog = AlgorithmDialog(alg)
    dialog.resize(820, 640)
    dialog.move(0, 0)
    dialog.show()
    settle(app, dialog)
    app.primaryScreen().grabWindow(0).save(out_png)
    for parameter in alg.parameterDefinitions():
        print(f"{parameter.name()}\t{parameter.description()}\t{parameter.defaultValue()}", flush=True)
    print(f"group\t{alg.group()}", flush=True)
    os._exit(0)


if __name__ == "__main__":
    main(*sys.argv[1:4])

"""The plugin as QGIS loads it: initGui registers the provider and the menu, unload removes both."""

from qgis.core import QgsApplication

import green_envoy_plugin


def test_load_and_unload(qgis_iface):
    plugin = green_envoy_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        check_loaded(plugin)
    finally:
        plugin.unload()
    registry = QgsApplication.processingRegistry()
    assert registry.providerById("greenenvoy") is None
    assert plugin.actions == [] and plugin.toolbar is None


def check_loaded(plugin):
    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("greenenvoy")
    assert provider is not None
    ids = {a.id() for a in provider.algorithms()}
    assert ids == {f"greenenvoy:{n}" for n in ("importgpx", "importfindings", "importphotos", "assignregions",
                                                "compareofficial", "exportatlas", "exportwebatlas", "fieldkit",
                                                "importfield", "syncpostgis")}
    from green_envoy_plugin.processing_provider.provider import ALGORITHMS

    assert len(plugin.actions) == len(ALGORITHMS) + 4  # each algorithm; the panel, layers, shared store, viewer
    assert {a.objectName() for a in plugin.actions} >= {"greenenvoy_viewer", "greenenvoy_layers"}
    assert all(a.text() for a in plugin.actions)

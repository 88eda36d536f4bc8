"""The plugin started in QGIS with another interface language, and everything put back after."""

import contextlib
from collections.abc import Iterator


@contextlib.contextmanager
def plugin_in_locale(iface, locale: str) -> Iterator:
    """The plugin loaded (initGui) with QGIS's user locale set to `locale`; unloaded and the locale restored after."""
    from qgis.core import QgsSettings

    import green_envoy_plugin

    settings = QgsSettings()
    before = settings.value("locale/userLocale", "")
    settings.setValue("locale/userLocale", locale)
    plugin = green_envoy_plugin.classFactory(iface)
    plugin.initGui()
    try:
        yield plugin
    finally:
        plugin.unload()
        settings.setValue("locale/userLocale", before)

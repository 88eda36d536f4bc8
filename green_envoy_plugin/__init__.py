"""Green Envoy: expedition tracks, media and findings to regional layers and report atlases."""


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import GreenEnvoyPlugin

    return GreenEnvoyPlugin(iface)

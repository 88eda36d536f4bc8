"""Green Envoy: expedition tracks, media and findings to regional layers and report atlases."""

__version__ = "0.2.0"


def classFactory(iface):  # noqa: N802 (QGIS's name)
    from .plugin import GreenEnvoyPlugin

    return GreenEnvoyPlugin(iface)

"""Translation of user-facing text through Qt, in the plugin's own context (i18n/*.qm)."""

from __future__ import annotations


def tr(text: str) -> str:
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:  # core/ and the CLI without QGIS: the English source text
        return text
    return QCoreApplication.translate("GreenEnvoy", text)

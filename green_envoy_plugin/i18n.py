"""Translation of user-facing text through Qt, in the plugin's own context (i18n/green_envoy_<lang>.qm)."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from .core.languages import LANGUAGES, SOURCE_LANGUAGE, translatable

__all__ = ["CONTEXT", "LANGUAGES", "install_translator", "language", "qm_file", "tr", "translatable"]

CONTEXT = "GreenEnvoy"


def tr(text: str) -> str:
    try:
        from qgis.PyQt.QtCore import QCoreApplication
    except ImportError:  # core/ and the CLI without QGIS: the English source text
        return text
    return QCoreApplication.translate(CONTEXT, text)


def qm_file(language: str) -> str | None:
    from .paths import PLUGIN_DIR

    for base in (PLUGIN_DIR, os.path.dirname(PLUGIN_DIR)):  # the installed plugin, then a source checkout
        path = os.path.join(base, "i18n", f"green_envoy_{language}.qm")
        if os.path.exists(path):
            return path
    return None


def install_translator(language: str):
    """Load the plugin's translation for a language into the running application; returns the translator
    (keep it: Qt does not own it) or None for English or a language without a translation."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    language = (language or SOURCE_LANGUAGE)[:2].lower()
    path = qm_file(language) if language != SOURCE_LANGUAGE else None
    if path is None:
        return None
    translator = QTranslator()
    if not translator.load(path):
        return None
    QCoreApplication.installTranslator(translator)
    return translator


@contextlib.contextmanager
def language(code: str) -> Iterator[None]:
    """Text made inside speaks this language (the atlas in Kazakh while QGIS itself runs in English)."""
    from qgis.PyQt.QtCore import QCoreApplication

    if code not in LANGUAGES:
        from .errors import StepError

        raise StepError(f"language {code!r} is not one of {', '.join(LANGUAGES)}")
    translator = install_translator(code)
    try:
        yield
    finally:
        if translator is not None:
            QCoreApplication.removeTranslator(translator)

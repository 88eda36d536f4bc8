"""The plugin's languages, defined here once: English, the language of the source text, and the languages it is
translated into (i18n/green_envoy_<code>.ts, compiled to .qm).

Everything that lists languages imports them from here: the atlas's language switch (i18n.py), the CLI's
--language, the Processing and panel choices, tools/make_translations.py and tools/check_translations.py.
A new language: its code and name here, its column in tools/make_translations.py, its region names
(core/region_names.py) and a font with its letters (atlas/items.py).
"""

from __future__ import annotations

SOURCE_LANGUAGE = "en"
LANGUAGES: tuple[str, ...] = ("en", "ru", "kk")  # the source language first
TRANSLATED: tuple[str, ...] = tuple(code for code in LANGUAGES if code != SOURCE_LANGUAGE)
NAMES: dict[str, str] = {"en": "English", "ru": "Русский", "kk": "Қазақша"}  # each in its own language


def translatable(text: str) -> str:
    """Marks user-facing text that reaches tr() later through a variable (a code list's label, an alias): returns
    it unchanged. tools/check_translations.py collects these literals as it collects tr("...") calls, so that
    a text without a translation, or a translation no text uses any more, fails `make lint`."""
    return text

"""Where the plugin's files are: metadata.txt and resources/ (template, styles, icon, compiled translations) live
inside the package, as in the installed plugin folder, so a checkout and the zip read them alike."""

from __future__ import annotations

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))


def resource(*parts: str) -> str:
    return os.path.join(PLUGIN_DIR, "resources", *parts)

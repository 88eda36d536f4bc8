"""Where the plugin's resources are: inside the installed plugin folder, or at the top of a source checkout."""

from __future__ import annotations

import os

PLUGIN_DIR = os.path.dirname(os.path.abspath(__file__))


def resource(*parts: str) -> str:
    for base in (PLUGIN_DIR, os.path.dirname(PLUGIN_DIR)):
        candidate = os.path.join(base, "resources", *parts)
        if os.path.exists(candidate):
            return candidate
    return os.path.join(PLUGIN_DIR, "resources", *parts)

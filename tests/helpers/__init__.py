"""Plain helpers the tests share: import them with `from .helpers import straight_ride`. Fixtures are in
tests/conftest.py, which is pytest's to load and no module to import from."""

from .gpx import GPX11, gpx_text, straight_ride
from .locale import plugin_in_locale
from .paths import ROOT, SAMPLE, TOOLS
from .screenshots import KEEP_SCREENSHOTS, keep_screenshot, screenshot_script

__all__ = ["GPX11", "KEEP_SCREENSHOTS", "ROOT", "SAMPLE", "TOOLS", "gpx_text", "keep_screenshot",
           "plugin_in_locale", "screenshot_script", "straight_ride"]

"""Screenshots in real windows under Xvfb (tools/screenshot_*.py), and keeping them for people to look at."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .paths import TOOLS

# A folder to copy the tests' screenshots into (created if missing), e.g.
# `GREEN_ENVOY_KEEP_SCREENSHOTS=build/screenshots make test`; unset, they stay under pytest's tmp paths only.
KEEP_SCREENSHOTS = "GREEN_ENVOY_KEEP_SCREENSHOTS"


def keep_screenshot(png, name: str | None = None) -> str | None:
    """Copy `png` (as `name`, by default its own) into the folder GREEN_ENVOY_KEEP_SCREENSHOTS names, relative
    to the current directory; returns the copy's path. Without the variable nothing is written."""
    folder = os.environ.get(KEEP_SCREENSHOTS)
    if not folder:
        return None
    os.makedirs(folder, exist_ok=True)
    return shutil.copy(png, os.path.join(folder, name or os.path.basename(str(png))))


def screenshot_script(script: str, png, *args: str) -> str:
    """Run one of tools/screenshot_*.py in a real window under Xvfb, saving its screenshot as `png` (a path under
    the test's tmp_path); its stdout (the script says what it saw), after checking it ended well.

    The script's scratch files (TMPDIR) and its QGIS profile (QGIS_CUSTOM_CONFIG_PATH) are made fresh in a
    folder beside `png`. The screenshot is copied out of pytest's tmp paths only when GREEN_ENVOY_KEEP_SCREENSHOTS
    names a folder for people to look at (e.g. `GREEN_ENVOY_KEEP_SCREENSHOTS=build/screenshots`)."""
    scratch = Path(png).with_name(Path(png).stem + "_scratch")
    (scratch / "tmp").mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "TMPDIR": str(scratch / "tmp"),
           "QGIS_CUSTOM_CONFIG_PATH": str(scratch / "qgis")}
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, os.path.join(TOOLS, script), str(png), *args],
        capture_output=True, text=True, timeout=300, env=env, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    keep_screenshot(png)
    return result.stdout

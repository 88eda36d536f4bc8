import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLE = os.path.join(ROOT, "sample_data")
sys.path.insert(0, ROOT)
# QGIS's own Processing plugin lives outside site-packages on Debian.
if os.path.isdir("/usr/share/qgis/python/plugins"):
    sys.path.append("/usr/share/qgis/python/plugins")

GPX11 = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"
     xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">
<trk><name>{name}</name><trkseg>
{points}
</trkseg></trk>
</gpx>
"""


def gpx_text(points, name="test day"):
    """GPX 1.1 from (lat, lon, ele, iso-time) tuples."""
    rows = "\n".join(
        f'<trkpt lat="{lat}" lon="{lon}"><ele>{ele}</ele><time>{time}</time></trkpt>' for lat, lon, ele, time in points
    )
    return GPX11.format(name=name, points=rows)


def straight_ride(n=120, start_lon=76.90, lat=43.25, step_deg=0.0007, start="2025-08-01T03:00:"):
    """n fixes 10 s apart going east at about 5.7 m/s."""
    from datetime import datetime, timedelta, timezone

    t0 = datetime.fromisoformat(start + "00+00:00")
    return [
        (lat, round(start_lon + i * step_deg, 6), 800 + i % 7,
         (t0 + timedelta(seconds=10 * i)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        for i in range(n)
    ]


@pytest.fixture
def sample_dir():
    return SAMPLE


@pytest.fixture
def write_gpx(tmp_path):
    def write(name, points=None, text=None):
        path = tmp_path / name
        path.write_text(text if text is not None else gpx_text(points or straight_ride()), encoding="utf-8")
        return str(path)

    return write


def screenshot_script(script: str, png) -> str:
    """Run one of tools/screenshot_*.py in a real window under Xvfb; its stdout (the script says what it saw),
    after checking it ended well. The screenshot is also kept in build/screenshots/ for people to look at."""
    import shutil
    import subprocess

    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", sys.executable, os.path.join(ROOT, "tools", script),
         str(png)], capture_output=True, text=True, timeout=300, env={**os.environ, "QT_QPA_PLATFORM": "xcb"},
        check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    os.makedirs(os.path.join(ROOT, "build", "screenshots"), exist_ok=True)
    shutil.copy(png, os.path.join(ROOT, "build", "screenshots", os.path.basename(str(png))))
    return result.stdout

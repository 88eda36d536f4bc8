"""Real QGIS desktop under Xvfb, a clean profile, the plugin installed from the zip `make package` builds."""

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from .helpers import keep_screenshot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


@pytest.mark.skipif(shutil.which("qgis") is None or shutil.which("xvfb-run") is None,
                    reason="QGIS desktop or xvfb-run is not installed")
@pytest.mark.parametrize("locale", ["en", "ru", "kk"])
def test_zip_installs_into_a_clean_profile_and_runs_the_workflow_in_qgis_desktop(tmp_path, locale):
    archive = tmp_path / "green_envoy_plugin.zip"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "package.py"), str(archive)], check=True,
                   capture_output=True)
    profile = tmp_path / "profiles" / "default"
    plugins = profile / "python" / "plugins"
    plugins.mkdir(parents=True)
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(plugins)
    (profile / "QGIS").mkdir()
    (profile / "QGIS" / "QGIS3.ini").write_text(
        "[PythonPlugins]\ngreen_envoy_plugin=true\n\n[qgis]\nshowTips=false\ncheckVersion=false\n\n"
        f"[locale]\noverrideFlag=true\nuserLocale={locale}\nglobalLocale={locale}\n", encoding="utf-8")
    out = tmp_path / "smoke"
    work = tmp_path / "work"
    work.mkdir()
    result = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--profiles-path", str(tmp_path), "--nologo",
         "--noversioncheck", "--code", os.path.join(ROOT, "tools", "desktop_smoke.py")],
        capture_output=True, text=True, timeout=400, check=False,
        env={**os.environ, "SMOKE_OUT": str(out), "QT_QPA_PLATFORM": "xcb", "SMOKE_WORKFLOW": str(work),
             "SMOKE_SAMPLE": os.path.join(ROOT, "sample_data")})
    report = (tmp_path / "smoke.txt").read_text(encoding="utf-8") if (tmp_path / "smoke.txt").exists() else ""
    assert "green_envoy_plugin" in report, (result.returncode, result.stderr[-1500:])
    assert "provider=True" in report
    assert "&Green Envoy" in report
    # The sample workflow run from the Expedition panel in real QGIS: no step failed, the store is full.
    assert "error=" not in report, report
    assert "148" in report and "113" in report, report
    assert "atlas=18" in report, report
    # The map in the expedition's projection, the comparison on it, the panel within a 360 px dock, the viewer
    # docked below the map.
    assert "crs='unnamed'" in report or "Lambert" in report or "lcc" in report.lower(), report
    # The dock area is set to 360 px; the dock itself is that less the frame of the style (354 px on 3.40).
    assert 340 <= int(report.split("panel_width=")[1].split()[0]) <= 360, report
    assert int(report.split("panel_min_width=")[1].split()[0]) <= 340, report
    assert "viewer_docked=True" in report, report
    names = {"en": ("Route", "Findings by official comparison"), "ru": ("Маршрут", "Официальные записи"),
             "kk": ("Маршрут", "ресми жазбалар")}[locale]
    layers = report.split("layers=")[1].splitlines()[0]
    assert all(name in layers for name in names), layers
    assert (tmp_path / "smoke.png").stat().st_size > 20_000
    print("\n".join(line for line in report.splitlines() if line.startswith(("panel_", "crs=", "layers=", "status="))))
    # with GREEN_ENVOY_KEEP_SCREENSHOTS=<dir> only
    keep_screenshot(tmp_path / "smoke.png", f"qgis_desktop_{locale}.png")
    keep_screenshot(tmp_path / "smoke_panel.png", f"panel_{locale}.png")
    keep_screenshot(tmp_path / "smoke_viewer.png", f"media_viewer_{locale}.png")

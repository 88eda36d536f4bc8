"""The zip QGIS installs holds a working plugin: it imports from the unpacked folder and finds its resources."""

import os
import subprocess
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_zip_unpacks_to_a_loadable_plugin(tmp_path):
    zip_path = tmp_path / "green_envoy_plugin.zip"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "package.py"), str(zip_path)], check=True)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        archive.extractall(tmp_path / "plugins")
    assert "green_envoy_plugin/metadata.txt" in names
    assert not any(n.startswith(("tests/", "sample_data/")) or "__pycache__" in n for n in names)
    probe = (
        "import sys, os; sys.path.insert(0, sys.argv[1]);"
        "from green_envoy_plugin.qgis_app import ensure_qgis; ensure_qgis();"
        "import green_envoy_plugin as p; assert p.__file__.startswith(sys.argv[1]), p.__file__;"
        "from green_envoy_plugin.processing_provider.provider import GreenEnvoyProvider, ICON;"
        "assert os.path.exists(ICON) and ICON.startswith(sys.argv[1]), ICON;"
        "pr = GreenEnvoyProvider(); pr.loadAlgorithms(); print(len(pr.algorithms()))"
    )
    out = subprocess.run([sys.executable, "-c", probe, str(tmp_path / "plugins")], capture_output=True, text=True,
                         cwd=str(tmp_path), env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "6"

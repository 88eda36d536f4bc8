"""Build the plugin zip QGIS's plugin manager installs ("Install from ZIP") and the official repository accepts.

The repository keeps the plugin's parts where the project's design puts them: the code in green_envoy_plugin/,
and at the top resources/ (template, styles, icon), i18n/ (translations: the compiled .qm go into the zip, the
.ts sources do not), metadata.txt, CHANGELOG.md and LICENSE. This script assembles them as one plugin folder in
a staging directory, then qgis-plugin-dev-tools (`python -m qgis_plugin_dev_tools build`, configured in
pyproject.toml) makes the zip from it: it writes the version and the changelog into metadata.txt from
CHANGELOG.md, adds LICENSE and would bundle any pure-Python runtime dependency. The tool itself takes only a
package folder holding everything (metadata.txt included), hence the staging. Then tools/check_package.py runs
the repository's checks; the zip reaches its final name only when they pass (never a half zip under the name).
"""

import glob
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "green_envoy_plugin"
sys.path.insert(0, os.path.join(ROOT, "tools"))

from check_package import check  # noqa: E402 (tools/ is not a package)

IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", "*.pyo")


def stage(into: str) -> str:
    """The plugin folder as QGIS installs it, assembled under `into`; returns the staged pyproject.toml."""
    plugin = os.path.join(into, PACKAGE)
    shutil.copytree(os.path.join(ROOT, PACKAGE), plugin, ignore=IGNORED)
    shutil.copytree(os.path.join(ROOT, "resources"), os.path.join(plugin, "resources"), ignore=IGNORED)
    # The atlas's map context (atlas/context.py finds it in the plugin's resources/ once installed).
    shutil.copy(os.path.join(ROOT, "sample_data", "kz_context.gpkg"), os.path.join(plugin, "resources"))
    os.makedirs(os.path.join(plugin, "i18n"))
    for qm in glob.glob(os.path.join(ROOT, "i18n", "*.qm")):
        shutil.copy(qm, os.path.join(plugin, "i18n"))
    shutil.copy(os.path.join(ROOT, "metadata.txt"), plugin)
    for name in ("pyproject.toml", "CHANGELOG.md", "LICENSE"):
        shutil.copy(os.path.join(ROOT, name), into)
    return os.path.join(into, "pyproject.toml")


def build(out: str) -> str:
    out = os.path.abspath(out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="green_envoy_package_", dir=os.path.dirname(out)) as work:
        staged = os.path.join(work, "stage")
        pyproject = stage(staged)
        env = {**os.environ, "PYTHONPATH": staged}  # the tool finds the package to copy by importing its spec
        result = subprocess.run([sys.executable, "-m", "qgis_plugin_dev_tools", "build", "-p", pyproject],
                                cwd=work, env=env, capture_output=True, text=True, check=False)
        made = glob.glob(os.path.join(work, "dist", "*.zip"))
        if result.returncode != 0 or len(made) != 1:
            raise SystemExit(f"qgis-plugin-dev-tools build failed:\n{result.stdout}{result.stderr}")
        problems = check(made[0], changelog=os.path.join(ROOT, "CHANGELOG.md"))
        if problems:
            raise SystemExit("the zip would be refused by the plugin repository:\n  " + "\n  ".join(problems))
        os.replace(made[0], out)
    return out


if __name__ == "__main__":
    print(build(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", f"{PACKAGE}.zip")))

"""Build the plugin zip QGIS's plugin manager installs ("Install from ZIP") and the official repository accepts.

The zip is made by qgis-plugin-dev-tools (`python -m qgis_plugin_dev_tools build`), which copies the package
green_envoy_plugin/ (code, metadata.txt, resources/ with the template, styles, icon and compiled translations),
writes the version and changelog into metadata.txt from CHANGELOG.md, adds LICENSE and would bundle any pure-Python
runtime dependency listed in pyproject.toml. Then tools/check_package.py runs the repository's checks on it; the
zip reaches its final name only when they pass (written beside it and renamed: never a half zip under the name).
"""

import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tools"))

from check_package import check  # noqa: E402 (tools/ is not a package)


def build(out: str) -> str:
    out = os.path.abspath(out)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="green_envoy_package_", dir=os.path.dirname(out)) as work:
        env = {**os.environ, "PYTHONPATH": ROOT + os.pathsep + os.environ.get("PYTHONPATH", "")}
        result = subprocess.run(
            [sys.executable, "-m", "qgis_plugin_dev_tools", "build", "-p", os.path.join(ROOT, "pyproject.toml")],
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
    print(build(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "green_envoy_plugin.zip")))

"""Print pip constraints that keep the venv on the distribution's compiled Python packages.

QGIS's Python bindings, GDAL's and shapely's are built against the numpy Debian ships; a numpy from PyPI in the
venv (pulled in by any dev tool) would break them. Pinning the versions read off this machine keeps pip on
Debian's copies whatever the release (numpy 1.24 on bookworm, 2.2 on trixie, 2.4 on sid), where a fixed pin in
constraints.txt would make every pip resolution fail on the other releases.
Run with the system Python: `/usr/bin/python3 tools/debian_constraints.py > build/debian-constraints.txt`.
"""

import importlib.metadata
import sys

# Compiled packages QGIS users get from their distribution (or QGIS's installer); pure-Python tools are free.
DISTRIBUTION_OWNED = {"numpy", "shapely", "pyproj", "pandas", "scipy", "gdal", "pillow", "psycopg2", "pyqt5",
                      "lxml", "matplotlib", "openpyxl"}


def main() -> int:
    pins = {}
    for dist in importlib.metadata.distributions():
        name = (dist.metadata["Name"] or "").lower()
        if name in DISTRIBUTION_OWNED and not str(dist.locate_file("")).startswith(sys.prefix + "/local"):
            pins[name] = dist.version
    for name in sorted(pins):
        print(f"{name}=={pins[name]}")
    if "numpy" not in pins:
        print("Debian's numpy (python3-numpy) is not installed", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

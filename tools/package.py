"""Build the plugin zip QGIS's plugin manager installs ("Install from ZIP").

The zip holds one folder, green_envoy_plugin/, with the code, metadata.txt, resources/ and i18n/;
no tests, no sample data, no caches.
"""

import os
import sys
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "green_envoy_plugin"
SKIP_DIRS = {"__pycache__"}


def files():
    for base in (PACKAGE, "resources", "i18n"):
        for root, dirs, names in os.walk(os.path.join(ROOT, base)):
            dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
            for name in sorted(names):
                if name.endswith((".pyc", ".ts")):
                    continue
                path = os.path.join(root, name)
                rel = os.path.relpath(path, ROOT)
                arc = rel if base == PACKAGE else os.path.join(PACKAGE, rel)
                yield path, arc
    yield os.path.join(ROOT, "metadata.txt"), os.path.join(PACKAGE, "metadata.txt")
    yield os.path.join(ROOT, "README.md"), os.path.join(PACKAGE, "README.md")


def main(out: str) -> None:
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, arc in files():
            archive.write(path, arc)
    print(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", f"{PACKAGE}.zip"))

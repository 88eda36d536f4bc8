"""Builds the web atlas's resources (resources/web/) from web/: the libraries installed from the npm registry by
`npm ci` (pinned in web/package.json, their tarballs' hashes in web/package-lock.json) and the atlas's own page,
script and style (web/src/). The result is committed, so that neither `make test`, CI nor `make package` needs npm;
`make web` rebuilds it and `make web-check` checks that the committed files are what the lock gives.

  python tools/build_web.py            write resources/web/ (after `npm ci --ignore-scripts` in web/)
  python tools/build_web.py --check    build into a temporary folder and compare with resources/web/: exit 1 listing
                                       each file that differs, is missing or is extra

resources/web/vendor/MANIFEST.json records each library's version, licence, the lock's integrity hash and the SHA-256
of every file taken from it; the tests compare it with the lock and the files (no npm needed for that).
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WEB = os.path.join(ROOT, "web")
OUT = os.path.join(ROOT, "resources", "web")
# package -> (licence file, files taken from it: path in the package -> path under vendor/<package>/)
VENDOR: dict[str, tuple[str, dict[str, str]]] = {
    "leaflet": ("LICENSE", {
        "dist/leaflet.js": "leaflet.js", "dist/leaflet.css": "leaflet.css",
        **{f"dist/images/{name}": f"images/{name}" for name in (
            "layers.png", "layers-2x.png", "marker-icon.png", "marker-icon-2x.png", "marker-shadow.png")}}),
    "leaflet.markercluster": ("MIT-LICENCE.txt", {
        "dist/leaflet.markercluster.js": "leaflet.markercluster.js", "dist/MarkerCluster.css": "MarkerCluster.css"}),
}
SOURCES = ("page.html", "atlas.js", "atlas.css")


def sha256(path: str) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def build(out: str) -> list[str]:
    """resources/web/ written into `out`; problems (a missing `npm ci`, a version not the lock's) listed."""
    with open(os.path.join(WEB, "package-lock.json"), encoding="utf-8") as handle:
        lock = json.load(handle)["packages"]
    problems = []
    manifest = {}
    os.makedirs(os.path.join(out, "vendor"), exist_ok=True)
    for package, (licence, files) in VENDOR.items():
        locked = lock.get(f"node_modules/{package}")
        source = os.path.join(WEB, "node_modules", package)
        if locked is None:
            problems.append(f"{package}: not in web/package-lock.json")
            continue
        try:
            with open(os.path.join(source, "package.json"), encoding="utf-8") as handle:
                installed = json.load(handle)
        except OSError:
            problems.append(f"{package}: not installed (run `npm ci --ignore-scripts` in web/)")
            continue
        if installed["version"] != locked["version"]:
            problems.append(f"{package}: {installed['version']} installed, the lock has {locked['version']}")
            continue
        entry = {"version": locked["version"], "license": locked.get("license", installed.get("license")),
                 "integrity": locked["integrity"], "licence_file": licence, "files": {}}
        for inside, target in {licence: licence, **files}.items():
            path = os.path.join(out, "vendor", package, target)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            shutil.copyfile(os.path.join(source, inside), path)
            entry["files"][target] = sha256(path)
        manifest[package] = entry
    with open(os.path.join(out, "vendor", "MANIFEST.json"), "w", encoding="utf-8") as handle:
        json.dump(manifest, handle, indent=2, sort_keys=True)
        handle.write("\n")
    for name in SOURCES:
        shutil.copyfile(os.path.join(WEB, "src", name), os.path.join(out, name))
    return problems


def differences(built: str, committed: str) -> list[str]:
    out = []
    comparison = filecmp.dircmp(built, committed)
    stack = [("", comparison)]
    while stack:
        prefix, node = stack.pop()
        out += [f"missing from resources/web: {prefix}{name}" for name in node.left_only]
        out += [f"not made by the build: {prefix}{name}" for name in node.right_only]
        out += [f"differs: {prefix}{name}" for name in node.diff_files]
        stack += [(f"{prefix}{name}/", sub) for name, sub in node.subdirs.items()]
    return sorted(out)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare a fresh build with resources/web/")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as scratch:
            problems = build(scratch) or differences(scratch, OUT)
    else:
        staged = tempfile.mkdtemp(prefix=".web-", dir=os.path.dirname(OUT))
        try:
            problems = build(staged)
            if not problems:
                shutil.rmtree(OUT, ignore_errors=True)
                os.replace(staged, OUT)
        finally:
            shutil.rmtree(staged, ignore_errors=True)
    for problem in problems:
        print(problem, file=sys.stderr)
    state = f"problems: {len(problems)}" if problems else "up to date" if args.check else "built"
    print(f"resources/web: {state}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

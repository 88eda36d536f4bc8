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
    assert "green_envoy_plugin/LICENSE" in names
    assert "green_envoy_plugin/i18n/green_envoy_kk.qm" in names
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
    from green_envoy_plugin.processing_provider.provider import ALGORITHMS

    assert out.stdout.strip().splitlines()[-1] == str(len(ALGORITHMS))  # every algorithm loads from the zip


def _version_in(zip_path):
    import configparser

    with zipfile.ZipFile(zip_path) as archive:
        parser = configparser.ConfigParser(interpolation=None)
        parser.read_string(archive.read("green_envoy_plugin/metadata.txt").decode("utf-8"))
    return parser.get("general", "version"), parser.get("general", "changelog")


def test_version_and_changelog_come_from_the_changelog(tmp_path):
    from tools.check_package import latest_changelog_version

    zip_path = tmp_path / "plugin.zip"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "package.py"), str(zip_path)], check=True)
    version, changelog = _version_in(zip_path)
    assert version == latest_changelog_version(os.path.join(ROOT, "CHANGELOG.md"))
    assert version != "dev" and version in changelog


def _rezip(source, target, drop=(), add=None, replace=None):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename in drop:
                continue
            data = old.read(item.filename)
            if replace and item.filename in replace:
                data = replace[item.filename](data)
            new.writestr(item, data)
        for name, data in (add or {}).items():
            new.writestr(name, data)


def test_repository_checks_refuse_what_plugins_qgis_org_refuses(tmp_path):
    """The check make package runs says no to each fault the official repository refuses, and yes to our zip."""
    from tools.check_package import check

    good = tmp_path / "good.zip"
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "package.py"), str(good)], check=True)
    assert check(str(good)) == []
    meta = "green_envoy_plugin/metadata.txt"
    faults = {
        "no LICENSE": ({"drop": ("green_envoy_plugin/LICENSE",)}, "LICENSE is missing"),
        "a binary": ({"add": {"green_envoy_plugin/fast.so": b"\x7fELF" + bytes(60)}}, "compiled binary"),
        "an ELF by another name": ({"add": {"green_envoy_plugin/data.bin": b"\x7fELF" + bytes(60)}},
                                   "compiled binary"),
        "a pyc": ({"add": {"green_envoy_plugin/x.pyc": b"\x00"}}, ".pyc"),
        "a .git folder": ({"add": {"green_envoy_plugin/.git/config": b""}}, "forbidden folder"),
        "the checkout's version": ({"replace": {meta: lambda d: d.replace(b"version = 0.", b"version = dev0.")}},
                                   "not a release version"),
        "no email": ({"replace": {meta: lambda d: d.replace(b"email = ", b"mail = ")}}, "email is missing"),
        "no Qt6 flag": ({"replace": {meta: lambda d: d.replace(b"supportsQt6 = True", b"supportsQt6 = False")}},
                        "supportsQt6"),
        "two top folders": ({"add": {"other/readme.txt": b""}}, "one top folder"),
    }
    for label, (change, expected) in faults.items():
        bad = tmp_path / "bad.zip"
        _rezip(good, bad, **change)
        problems = check(str(bad))
        assert any(expected in p for p in problems), (label, problems)
    big = tmp_path / "big.zip"
    _rezip(good, big, add={"green_envoy_plugin/noise.dat": os.urandom(25_100_000)})
    assert any("at most 25,000,000" in p for p in check(str(big)))

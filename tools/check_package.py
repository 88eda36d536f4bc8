"""The official QGIS plugin repository's checks on an uploaded zip, run before anyone uploads it.

Following plugins.qgis.org's validator (qgis/QGIS-Django, plugins/validator.py) as of 2025: at most 25,000,000
bytes; a readable zip without '..' or absolute paths, .pyc files or __MACOSX/.git/__pycache__ folders; one top
folder named [A-Za-z][A-Za-z0-9-_]+ holding __init__.py, metadata.txt with a [general] section and the required
fields, and LICENSE (required since June 2024); an author without slashes; http(s) links for tracker,
repository and homepage (the repository also fetches them: not possible offline, so not done). Added here because
the repository's reviewers refuse them: no compiled binaries (by content: ELF, PE, Mach-O), a real version (not
the checkout's 'dev') equal to CHANGELOG.md's latest, supportsQt6 for QGIS 4, the icon inside the zip.
Usage: python tools/check_package.py PLUGIN.zip   (exit 1 and one line per problem when refused)
"""

from __future__ import annotations

import configparser
import os
import re
import sys
import zipfile
from urllib.parse import urlparse

MAX_BYTES = 25_000_000
REQUIRED = ("name", "description", "version", "qgisMinimumVersion", "author", "email", "about", "tracker",
            "repository")
FORBIDDEN_DIRS = {"__MACOSX", ".git", "__pycache__"}
BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xcf\xfa\xed\xfe", b"\xce\xfa\xed\xfe", b"\xca\xfe\xba\xbe")
BINARY_SUFFIXES = (".so", ".pyd", ".dll", ".dylib", ".exe")


def latest_changelog_version(path: str) -> str | None:
    with open(path, encoding="utf-8") as changelog:
        for line in changelog:
            if line.startswith("## "):
                return line.split()[1]
    return None


def check(zip_path: str, changelog: str | None = None) -> list[str]:
    problems: list[str] = []
    size = os.path.getsize(zip_path)
    if size > MAX_BYTES:
        problems.append(f"{size:,} bytes: the repository takes at most {MAX_BYTES:,}")
    try:
        archive = zipfile.ZipFile(zip_path)
    except zipfile.BadZipFile as error:
        return [*problems, f"not a readable zip: {error}"]
    with archive:
        names = archive.namelist()
        bad = archive.testzip()
        if bad:
            problems.append(f"{bad}: CRC error")
        for name in names:
            parts = name.split("/")
            if ".." in name or name.startswith("/"):
                problems.append(f"{name}: path information ('..' or absolute)")
            if name.endswith(".pyc"):
                problems.append(f"{name}: compiled Python (.pyc)")
            if FORBIDDEN_DIRS & set(parts[:-1]):
                problems.append(f"{name}: inside a forbidden folder ({', '.join(FORBIDDEN_DIRS & set(parts))})")
            if not name.endswith("/"):
                head = archive.open(name).read(4)
                if name.lower().endswith(BINARY_SUFFIXES) or any(head.startswith(m) for m in BINARY_MAGIC):
                    problems.append(f"{name}: a compiled binary")
        tops = sorted({name.split("/")[0] for name in names})
        if len(tops) != 1:
            return [*problems, f"one top folder expected, found {tops}"]
        top = tops[0]
        if not re.match(r"^[A-Za-z][A-Za-z0-9-_]+$", top):
            problems.append(f"top folder {top!r}: must start with an ASCII letter, then letters, digits, - or _")
        for needed in ("__init__.py", "metadata.txt", "LICENSE"):
            if f"{top}/{needed}" not in names:
                problems.append(f"{top}/{needed} is missing")
        if f"{top}/metadata.txt" not in names:
            return problems
        parser = configparser.ConfigParser(interpolation=None)
        parser.optionxform = str
        try:
            parser.read_string(archive.read(f"{top}/metadata.txt").decode("utf-8"))
        except (UnicodeDecodeError, configparser.Error) as error:
            return [*problems, f"metadata.txt cannot be read: {error}"]
        if not parser.has_section("general"):
            return [*problems, "metadata.txt has no [general] section"]
        meta = dict(parser.items("general"))
        problems += [f"metadata.txt: {field} is missing or empty" for field in REQUIRED if not meta.get(field)]
        if "/" in meta.get("author", ""):
            problems.append("metadata.txt: author must not contain slashes")
        for field in ("tracker", "repository", "homepage"):
            url = urlparse(meta.get(field, "") or "")
            if field in meta and not (url.scheme in ("http", "https") and url.netloc):
                problems.append(f"metadata.txt: {field} is not an http(s) link")
        version = meta.get("version", "")
        if not re.match(r"^\d+(\.\d+)*([-.]?\w+)?$", version) or version == "dev":
            problems.append(f"metadata.txt: version {version!r} is not a release version")
        if changelog and version != latest_changelog_version(changelog):
            problems.append(f"metadata.txt: version {version!r} is not CHANGELOG.md's latest "
                            f"({latest_changelog_version(changelog)!r})")
        if meta.get("supportsQt6", "").lower() not in ("true", "yes", "1"):
            problems.append("metadata.txt: supportsQt6 is not True (QGIS 4 would not offer the plugin)")
        icon = meta.get("icon", "")
        if icon and f"{top}/{icon.removeprefix('./')}" not in names:
            problems.append(f"metadata.txt: icon {icon} is not in the zip")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    problems = check(argv[1])
    for problem in problems:
        print(problem)
    print(f"{argv[1]}: {'refused, ' + str(len(problems)) + ' problem(s)' if problems else 'accepted'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

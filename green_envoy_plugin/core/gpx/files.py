"""GPX files on disk: finding them in folders and loading their bytes, with failures as GpxError."""

from __future__ import annotations

import os

from .model import GpxError


def load_gpx_bytes(path: str) -> bytes:
    """The bytes of a GPX file, or a GpxError saying why they cannot be had."""
    try:
        if os.path.isdir(path):
            raise GpxError(path, "is a folder, not a GPX file")
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise GpxError(path, f"cannot be read ({exc.strerror or exc})") from None
    if not data:
        raise GpxError(path, "empty file (0 bytes)")
    return data


TRACK_SUFFIXES = (".gpx", ".fit")  # what a folder is searched for: GPS loggers' GPX, bike computers' FIT


def find_gpx_files(paths: list[str], suffixes: tuple[str, ...] = (".gpx",)) -> list[str]:
    """Expand folders to the files with these suffixes inside them (recursively), keeping files as given."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for root, _dirs, files in os.walk(path):
                found.extend(os.path.join(root, f) for f in files if f.lower().endswith(suffixes))
        else:
            found.append(path)
    return sorted(dict.fromkeys(found))

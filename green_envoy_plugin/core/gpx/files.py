"""GPX files on disk: finding them in folders and loading their bytes, with failures as GpxError."""

from __future__ import annotations

import os
import stat

from .model import GpxError

# A 4-month expedition at 1 Hz is ~12 million fixes in many files; one file of 1 GB is 8 million fixes of GPX.
MAX_TRACK_BYTES = 1024 * 1024 * 1024
_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def read_file(path: str) -> bytes:
    """A regular file's bytes, bounded; anything else (a FIFO, a device, a folder, a link to one) a GpxError
    saying what it is. The file is opened non-blocking and checked before a byte is read: opening a FIFO
    would otherwise wait for a writer forever."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except IsADirectoryError:
        raise GpxError(path, "is a folder, not a track file") from None
    except OSError as exc:
        raise GpxError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        kind = stat.S_IFMT(info.st_mode)
        if kind != stat.S_IFREG:
            raise GpxError(path, f"is {_KINDS.get(kind, 'not a regular file')}: skipped")
        if info.st_size > MAX_TRACK_BYTES:
            raise GpxError(path, f"file of {info.st_size} bytes is larger than {MAX_TRACK_BYTES} bytes: not read")
        with os.fdopen(fd, "rb", closefd=True) as handle:
            fd = -1
            # The size it has, not the limit: read(n) reserves n bytes first (a gigabyte for every file).
            data = handle.read(info.st_size + 1)
    except OSError as exc:
        raise GpxError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        if fd >= 0:
            os.close(fd)
    if len(data) > MAX_TRACK_BYTES:
        raise GpxError(path, f"grew past {MAX_TRACK_BYTES} bytes while read: not read")
    return data



def load_gpx_bytes(path: str) -> bytes:
    """The bytes of a GPX file (bounded; a FIFO or device refused unopened), or a GpxError saying why not."""
    data = read_file(path)
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

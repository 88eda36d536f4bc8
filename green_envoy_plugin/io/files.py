"""Output files written whole or not at all (the atlas's PDFs and PNGs, the findings and comparison tables).

Each file is written beside its final name, under `.partial-<pid>-<token>-<name>`, and renamed to its name once
complete: a reader never finds half a file under the final name, and a failure, a cancel or a kill leaves the
previous file as it was, or none. What a failure leaves is removed with it; what a killed process left is
removed by the next export into the folder (the name carries the dead process's id). A file that is written
but not whole (QGIS reports success on a full disk and leaves a PDF of 0 bytes) is refused in one line, which
says when the disk is full.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
from collections.abc import Callable, Iterator

from ..errors import StepError
from ..store.access import process_running

PARTIAL_PREFIX = ".partial-"
PARTIAL_NAME = re.compile(r"\.partial-(\d+)-[0-9a-f]{6}-.")  # .partial-<pid>-<token>-<name>, as partial_path makes
# Below this much free space, a file that could not be written whole is put down to a full disk.
DISK_FULL_BELOW = 1 << 20


class OutputError(StepError):
    """A file could not be written whole; nothing of it is left under its name."""

    def __init__(self, message: str, disk_full: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full


def partial_path(path: str) -> str:
    """The name to write `path` under until it is complete: hidden, in the same folder (so the rename is
    atomic), unique to this process and call."""
    folder, name = os.path.split(os.path.abspath(path))
    return os.path.join(folder, f"{PARTIAL_PREFIX}{os.getpid()}-{secrets.token_hex(3)}-{name}")


def final_name(partial: str) -> str:
    """The final name of a partial file (also of the pages QGIS numbers from it: `x_2.png`)."""
    folder, name = os.path.split(partial)
    parts = name[len(PARTIAL_PREFIX):].split("-", 2)
    return os.path.join(folder, parts[2]) if name.startswith(PARTIAL_PREFIX) and len(parts) == 3 else partial


def discard(path: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.remove(path)


def remove_stale_partials(folder: str, pattern: re.Pattern[str] = PARTIAL_NAME) -> int:
    """Remove what a killed process left in `folder`: the files (or folders) whose name `pattern` matches,
    its group 1 being the process id, and whose process no longer runs. How many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        match = pattern.match(name)
        if match is None or process_running(int(match.group(1))):
            continue
        path = os.path.join(folder, name)
        with contextlib.suppress(OSError):
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path)
            else:
                os.remove(path)
            removed += 1
    return removed


def pdf_whole(path: str) -> bool:
    """A PDF that ends as a PDF ends (its %%EOF marker in the last kilobyte)."""
    return _starts_and_ends(path, b"%PDF-", b"%%EOF")


def png_whole(path: str) -> bool:
    """A PNG that ends with its IEND chunk."""
    return _starts_and_ends(path, b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82")


def _starts_and_ends(path: str, head: bytes, tail: bytes) -> bool:
    try:
        with open(path, "rb") as handle:
            if handle.read(len(head)) != head:
                return False
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 1024))
            return tail in handle.read()
    except OSError:
        return False


def disk_full(folder: str) -> bool:
    try:
        return shutil.disk_usage(folder).free < DISK_FULL_BELOW
    except OSError:
        return False


def failure(path: str, reason: str = "") -> OutputError:
    """The one-line error for `path` not written: the disk is full, or the reason given."""
    folder = os.path.dirname(os.path.abspath(path))
    if disk_full(folder):
        free = shutil.disk_usage(folder).free
        return OutputError(f"{path}: not written: the disk is full ({free // 1024} kB free in {folder}); "
                           "nothing half-written is left", disk_full=True)
    return OutputError(f"{path}: not written ({reason or 'incomplete'}); nothing half-written is left")


def commit(partial: str, whole: Callable[[str], bool] | None = None) -> str:
    """Rename a complete partial file to its final name (returned); if it is missing, empty or (by `whole`)
    not whole, remove it and raise an OutputError."""
    path = final_name(partial)
    try:
        ok = os.path.getsize(partial) > 0 and (whole is None or whole(partial))
    except OSError:
        ok = False
    if not ok:
        error = failure(path, "the file written is incomplete")
        discard(partial)
        raise error
    try:
        os.replace(partial, path)
    except OSError as exc:
        discard(partial)
        raise OutputError(f"{path}: not written ({exc.strerror})") from None
    return path


@contextlib.contextmanager
def atomic_output(path: str, whole: Callable[[str], bool] | None = None) -> Iterator[str]:
    """The partial name to write `path` under: renamed to `path` when the block ends without error and the
    file is whole, removed otherwise (an OSError of a full disk becomes an OutputError saying so)."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    partial = partial_path(path)
    try:
        yield partial
    except OSError as exc:
        error = failure(path, exc.strerror or str(exc))
        discard(partial)
        raise error from None
    except BaseException:
        discard(partial)
        raise
    commit(partial, whole)

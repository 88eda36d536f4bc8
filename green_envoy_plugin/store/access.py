"""What may touch the expedition GeoPackage, and how: the file is checked before anything opens it, one command
writes at a time, and readers go on reading while it does.

The check (`check_store`): only a new path, an empty file or a file that already is an expedition store (it has
the `ge_schema` table) is ever created or written. A boundary GeoPackage, a CSV, a folder, a missing store (for a
command that reads) or a read-only one (for a command that writes) is refused in one line naming the path and the
reason, before anything opens it: its bytes stay as they were. A read-only store can still be read.

One writer at a time (`writing`): a command that writes holds an advisory lock on `<store>.lock` beside the
store (flock; msvcrt on Windows), the whole command long in the CLI, each write otherwise. The file names the
writer (command, pid, host, since), so that a second writer says once whom it waits for, then waits. The kernel
drops the lock of a process that dies (kill -9): the file it leaves names nobody, and the next writer takes it
at once. The same thread takes the lock again freely (a step's writes nest inside its command's).

Readers beside the writer: a writer puts the store into SQLite's WAL journal mode, in which readers (the atlas,
export-findings, QGIS) read the last committed state and never wait for it; when the last writer ends and no one
else has the store open, it goes back to the rollback journal, one self-contained file again (readable from
read-only media). The exception is a store the command itself has just created, which nobody else can have open
yet: its first import stays in the rollback journal (as crash-safe; the rows are written once, not into the WAL
and again into the store). While a command writes, `<store>-wal` and `<store>-shm` lie beside the store (SQLite's): copy
the store when no command runs. WAL needs one machine's shared memory: not a store on a network share written
from two machines at once (share through PostGIS instead).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import stat
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from datetime import datetime

from ..errors import Canceled, StepError

SQLITE_HEADER = b"SQLite format 3\x00"
LOCK_SUFFIX = ".lock"
# How long an SQLite statement waits for a lock that is not ours (QGIS saving edits of the store's layers).
BUSY_TIMEOUT_S = 60.0
POLL_S = 0.2


class StoreError(StepError):
    pass


class StoreBusy(StoreError):
    """Another command is writing the store (raised only when asked not to wait)."""


# ---------------------------------------------------------------------------------------------------- the check


def read_only_reason(path: str) -> str | None:
    """Why the existing store cannot be written, or None. A file without any write permission counts as
    read-only even for root (its owner marked it so, e.g. a closed season's archive)."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return exc.strerror
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK):
        return "the file is read-only"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"its folder {folder} is read-only, and SQLite writes its journal beside the store"
    return None


def check_store(path: str, write: bool = False) -> bool:
    """Raise a StoreError (one line: the path and the reason) unless `path` is an expedition store that can be
    read (`write`: and written), or, for a writer, a new path or an empty file where one may be created.
    True when the store exists, False when a writer will create it. Opens nothing for writing."""
    if not path:
        raise StoreError("no expedition GeoPackage given")
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if not write:
            raise StoreError(f"{path}: no such expedition GeoPackage") from None
        _check_creatable(path)
        return False
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None
    if stat.S_ISDIR(mode):
        raise StoreError(f"{path}: a folder, not an expedition GeoPackage (give the .gpkg file)")
    if not stat.S_ISREG(mode):
        raise StoreError(f"{path}: not a regular file, not an expedition GeoPackage")
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(f"{path}: cannot be read ({exc.strerror})") from None
    if not head:
        if write:
            _check_creatable(path)
            return False  # an empty file becomes the store
        raise StoreError(f"{path}: an empty file, not an expedition GeoPackage (nothing was imported into it)")
    if head != SQLITE_HEADER:
        raise StoreError(f"{path}: not an expedition GeoPackage (not a GeoPackage or SQLite file at all); "
                         "left as it was")
    tables = _tables(path)
    if "ge_schema" not in tables:
        what = "a GeoPackage" if "gpkg_contents" in tables else "an SQLite database"
        raise StoreError(f"{path}: {what} that is not an expedition store (it has no ge_schema table); left as it "
                         "was: give a new file name for the store")
    if write:
        reason = read_only_reason(path)
        if reason:
            raise StoreError(f"{path}: read-only ({reason}): the store can be read (atlas, export-findings) but "
                             "not written")
    return True


def _check_creatable(path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(folder):
        folder = os.path.dirname(folder)
    if not os.path.isdir(folder):
        raise StoreError(f"{path}: cannot be created ({folder} is a file, not a folder)")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StoreError(f"{path}: cannot be created (the folder {folder} is read-only)")


def _tables(path: str) -> set[str]:
    try:
        conn = connect_read(path)
        try:
            return {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: not a readable GeoPackage ({exc})") from None


# ---------------------------------------------------------------------------------------------- connections


def _uri(path: str, **options: str) -> str:
    query = "&".join(f"{key}={value}" for key, value in options.items())
    return "file:" + urllib.parse.quote(os.path.abspath(path)) + (f"?{query}" if query else "")


def connect_read(path: str) -> sqlite3.Connection:
    """A read-only connection. A store in WAL mode that this user cannot write (a read-only file or folder, where
    SQLite cannot make its shared-memory file) is read as immutable: what was committed, without locking."""
    conn = sqlite3.connect(_uri(path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        conn.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()
    except sqlite3.OperationalError:
        conn.close()
        if read_only_reason(path) is None:
            raise
        conn = sqlite3.connect(_uri(path, mode="ro", immutable="1"), uri=True)
    return conn


def connect_write(path: str, wal: bool = True) -> sqlite3.Connection:
    """A connection for a writer (under `writing`): WAL journal mode, so that readers go on, and a busy timeout
    for the locks that are not ours. Without `wal` (a store this command has just created, which no reader can
    have open yet) the rollback journal: as safe, and a big first import is written once, not into the WAL and
    then again into the store."""
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    if wal:
        use_wal(conn)
    return conn


def use_wal(conn: sqlite3.Connection) -> None:
    """WAL journal mode if it can be had within two seconds (leaving the rollback journal needs a moment when no
    one else reads); otherwise the write goes on in the rollback journal, where readers wait for its commit."""
    conn.execute("PRAGMA busy_timeout = 2000")
    try:
        conn.execute("PRAGMA journal_mode = WAL").fetchall()
    except sqlite3.OperationalError:
        pass
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


def _settle(path: str) -> None:
    """The store back in the rollback journal (one file again) if no one else has it open; else left in WAL."""
    if not os.path.isfile(path):
        return
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=0)
    except sqlite3.Error:
        return
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    except sqlite3.Error:
        pass
    finally:
        conn.close()


# --------------------------------------------------------------------------------------------- one writer


DEFAULT_COMMAND = "QGIS"  # the panel's and Processing's writes; the CLI names its command


class _Held:
    def __init__(self, fd: int | None) -> None:
        self.fd = fd
        self.depth = 1


_held: dict[tuple[str, int], _Held] = {}
_held_guard = threading.Lock()


def lock_path(path: str) -> str:
    return os.path.realpath(path) + LOCK_SUFFIX


def _try_lock(fd: int) -> bool | None:
    """True: locked; False: someone else holds it; None: this file system has no locks (write unguarded)."""
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 1 << 20, os.SEEK_SET)  # lock a byte past the text, which others read
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except PermissionError:  # msvcrt: held by another process
        return False
    except OSError:
        return None


def _same_file(fd: int, path: str) -> bool:
    try:
        mine, named = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (named.st_dev, named.st_ino)


def _open_lock(path: str) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except PermissionError:
        return os.open(path, os.O_RDONLY)  # another user's lock file: lockable, not ours to write


def holder(path: str) -> str:
    """Who holds the store's writer lock, as its lock file says: 'import-gpx (pid 123) since 2025-08-01
    10:00:00'. The text may be in the making for a moment (empty, or still naming a writer killed before):
    read again briefly before giving up."""
    for _attempt in range(10):
        try:
            with open(lock_path(path), encoding="utf-8") as handle:
                info = json.loads(handle.read() or "null")
        except (OSError, ValueError):
            info = None
        if isinstance(info, dict):
            here = info.get("host") in (None, socket.gethostname())
            if not here or process_running(info.get("pid")):
                return f"{info.get('command', 'another command')} (pid {info.get('pid', '?')}" \
                       f"{'' if here else ' on ' + str(info.get('host'))}) since {info.get('since', '?')}"
        time.sleep(0.05)
    return "another command"


def process_running(pid: object) -> bool:
    """Whether a process of this id runs on this machine (True when that cannot be told: on Windows, where
    os.kill would end it, or for another user's process)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    if sys.platform == "win32" or pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _write_info(fd: int, command: str) -> None:
    text = json.dumps({"command": command, "pid": os.getpid(), "host": socket.gethostname(),
                       "since": datetime.now().strftime("%Y-%m-%d %H:%M:%S")}).encode("utf-8")
    with contextlib.suppress(OSError):  # a read-only descriptor: the lock alone
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, text)


def _acquire(path: str, command: str, notice: Callable[[str], None] | None, wait: bool,
             canceled: Callable[[], bool] | None) -> int | None:
    name = lock_path(path)
    told = False
    while True:
        try:
            os.makedirs(os.path.dirname(name), exist_ok=True)  # a new store's folder, made as it is created
            fd = _open_lock(name)
        except OSError as exc:
            raise StoreError(f"{path}: cannot be written ({name}: {exc.strerror})") from None
        locked = _try_lock(fd)
        if locked is None:  # no locks here: SQLite's own locking and busy timeout remain
            os.close(fd)
            return None
        if locked:
            if _same_file(fd, name):
                _write_info(fd, command)
                return fd
            os.close(fd)  # the writer before removed this file as it ended: lock the one now there
            continue
        os.close(fd)
        message = f"the store {path} is being written by {holder(path)}"
        if not wait:
            raise StoreBusy(message)
        if not told and notice is not None:
            notice(message + "; waiting...")
        told = True
        if canceled is not None and canceled():
            raise Canceled("canceled by the user while waiting for the store")
        time.sleep(POLL_S)


def _release(fd: int | None, path: str) -> None:
    if fd is None:
        return
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            os.unlink(lock_path(path))  # while still held: a waiter then finds it gone and takes the new one
    else:
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
    os.close(fd)


@contextlib.contextmanager
def writing(path: str, command: str | None = None, notice: Callable[[str], None] | None = None,
            wait: bool = True, canceled: Callable[[], bool] | None = None) -> Iterator[None]:
    """Hold the store's writer lock for the block: wait for another writer (saying once through `notice`
    whom for) or, with wait=False, raise StoreBusy naming it. Reentrant in one thread; at the outermost end
    the store goes back to the rollback journal if no one else has it open."""
    key = (os.path.realpath(path), threading.get_ident())
    with _held_guard:
        held = _held.get(key)
        if held is not None:
            held.depth += 1
    if held is not None:
        try:
            yield
        finally:
            held.depth -= 1
        return
    fd = _acquire(path, command or DEFAULT_COMMAND, notice or _to_stderr, wait, canceled)
    with _held_guard:
        _held[key] = _Held(fd)
    try:
        yield
    finally:
        with _held_guard:
            del _held[key]
        try:
            _settle(path)
        finally:
            _release(fd, path)


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)

"""The PostgreSQL + PostGIS server the PostGIS tests use (conftest's session fixture postgis_dsn)."""

import fcntl
import os
import subprocess
import time

from .paths import TOOLS

SCRIPT = os.path.join(TOOLS, "pg_test_server.sh")
# tools/pg_test_server.sh notes here that it started the cluster; its `stop` stops such a cluster.
STARTED_MARK = "/run/green_envoy_pg_test.started"
# Test sessions share the cluster: each one using it has a file here (its pid), and `owned` says a session
# started it. The last session out stops it; one started otherwise (`make test`, by hand) is left running.
SESSIONS = "/run/green_envoy_pg_test.sessions"
LOCK = "/run/green_envoy_pg_test.lock"  # held while the script starts or stops the cluster
TIMEOUT_S = 120


def _mark() -> tuple[int, int] | None:
    """Which start of the cluster the mark records (None: not one the script made)."""
    try:
        stat = os.stat(STARTED_MARK)
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class PgServer:
    """tools/pg_test_server.sh for this test session, run at most once: `start` in the background (a cold start
    takes seconds), `dsn` waits for it, `stop` stops the cluster again if a test session started it and no other
    session still uses it."""

    def __init__(self):
        self.process = None
        self.answer = None
        self.mark_before = None
        self.me = os.path.join(SESSIONS, str(os.getpid()))

    def start(self) -> None:
        if self.process is None and self.answer is None:
            self.mark_before = _mark()
            try:
                os.makedirs(SESSIONS, exist_ok=True)
                open(self.me, "w").close()
                # -o: the cluster the script starts must not inherit (and hold) the lock
                self.process = subprocess.Popen(["flock", "-o", "-w", str(TIMEOUT_S), LOCK, "bash", SCRIPT],
                                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            except OSError as error:
                self.answer = (None, str(error))

    def dsn(self) -> tuple[str | None, str]:
        """(the server's DSN, "") or (None, why there is none)."""
        self.start()
        if self.answer is None:
            try:
                out, err = self.process.communicate(timeout=TIMEOUT_S)
            except subprocess.TimeoutExpired as error:
                self.process.kill()
                self.process.communicate()
                self.answer = (None, str(error))
            else:
                lines = out.strip().splitlines()
                if self.process.returncode == 0 and lines:
                    self.answer = (lines[-1], "")
                else:
                    self.answer = (None, (err.strip().splitlines() or [f"exit status {self.process.returncode}"])[-1])
            if _mark() not in (None, self.mark_before):  # this run of the script started the cluster
                open(os.path.join(SESSIONS, "owned"), "w").close()
        return self.answer

    def stop(self) -> None:
        if self.process is None:
            return
        self.dsn()  # a start under way finishes first
        self.process = None
        with open(LOCK, "a") as lock:
            deadline = time.monotonic() + TIMEOUT_S
            while True:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        return  # held by something else all along: the cluster is left as it is
                    time.sleep(0.2)
            if os.path.exists(self.me):
                os.remove(self.me)
            others = []
            for name in os.listdir(SESSIONS):
                if name.isdigit() and _alive(int(name)):
                    others.append(name)
                elif name.isdigit():
                    os.remove(os.path.join(SESSIONS, name))  # a session that ended without stopping (killed)
            owned = os.path.join(SESSIONS, "owned")
            if not others and os.path.exists(owned):
                subprocess.run(["bash", SCRIPT, "stop"], capture_output=True, timeout=TIMEOUT_S, check=False)
                os.remove(owned)


# ---------------------------------------------------------------------------------------------- per-test stores


def fresh_schema(dsn: str, prefix: str = "ge_t") -> str:
    """A schema name of its own for one test (other helpers' tests use the same database at the same time), dropped
    first if a killed run left it."""
    import uuid

    import psycopg2

    schema = f"{prefix}{uuid.uuid4().hex[:10]}"
    with psycopg2.connect(dsn) as conn, conn.cursor() as cur:
        cur.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    conn.close()
    return schema


def drop_schema(dsn: str, schema: str) -> None:
    import psycopg2

    conn = psycopg2.connect(dsn)
    try:
        with conn, conn.cursor() as cur:
            cur.execute("SET lock_timeout = '20s'")
            cur.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
    finally:
        conn.close()


def dsn_parts(dsn: str) -> dict:
    return dict(part.split("=", 1) for part in dsn.split())


def authcfg_reference(dsn: str, schema: str) -> str:
    """The test server's credentials in the session's QGIS authentication database (a fresh profile: its master
    password set here), and the reference that names them: what a project may hold."""
    from qgis.core import QgsApplication, QgsAuthMethodConfig

    manager = QgsApplication.authManager()
    if not manager.masterPasswordIsSet():
        assert manager.setMasterPassword("green-envoy-test-master", True)
    parts = dsn_parts(dsn)
    config = QgsAuthMethodConfig()
    config.setMethod("Basic")
    config.setName("green envoy test")
    config.setConfig("username", parts["user"])
    config.setConfig("password", parts["password"])
    stored = manager.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):
        stored, config = stored[0], stored[1]
    assert stored and config.id()
    return f"host={parts['host']} port={parts['port']} dbname={parts['dbname']} authcfg={config.id()} schema={schema}"

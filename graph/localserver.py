"""The local Neo4j server that `make run` and `make test` use when ``NEO4J_URI`` is unset.

Neo4j Community comes from Maven Central as jars (``graph/neo4j-runtime.pom.xml``), cached
under ``NEO4J_CACHE_DIR`` so that a second start downloads nothing. The server runs from
``NEO4J_HOME`` with a ``neo4j.conf`` this module writes: loopback only, authentication on,
no usage reports, memory sized for a 2-core, 24 GiB machine that also runs the tests.

:func:`start` is idempotent and waits until Bolt answers; :func:`stop` signals the process
recorded in the pid file, after checking that it is this server, never by process name.
"""
from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph import jvm
from graph.errors import ServerError
from graph.settings import Settings

__all__ = ["ServerStatus", "fetch_jars", "write_config", "start", "stop", "status", "admin_command",
           "NEO4J_VERSION"]

NEO4J_VERSION = "5.26.0"
_POM = Path(__file__).with_name("neo4j-runtime.pom.xml")
_ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
_ADMIN_TOOL = "org.neo4j.cli.AdminTool"
# The JVM flags Neo4j's own launcher passes on Java 17, less those for monitoring.
_JVM_FLAGS = [
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields", "-XX:+DisableExplicitGC", "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true", "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
]


@dataclass(frozen=True)
class ServerStatus:
    """What :func:`status` found."""

    managed: bool
    uri: str
    pid: int | None
    bolt_open: bool
    home: Path | None

    @property
    def running(self) -> bool:
        return self.bolt_open if not self.managed else (self.pid is not None and self.bolt_open)


def lib_dir(settings: Settings) -> Path:
    return settings.neo4j_cache_dir / NEO4J_VERSION / "lib"


def fetch_jars(settings: Settings, *, quiet: bool = True) -> Path:
    """Download the Neo4j jars with Maven unless they are already cached; returns the lib folder."""
    return jvm.fetch_runtime(_POM, lib_dir(settings), what=f"Neo4j {NEO4J_VERSION}",
                             properties={"neo4j.version": NEO4J_VERSION}, quiet=quiet)


def write_config(settings: Settings) -> Path:
    """Write ``neo4j.conf`` under the server's home; returns the conf folder."""
    home = settings.neo4j_home.resolve()
    conf = home / "conf"
    for folder in ("conf", "data", "logs", "run", "import", "plugins"):
        (home / folder).mkdir(parents=True, exist_ok=True)
    bolt, http = settings.neo4j_bolt_port, settings.neo4j_http_port
    lines = [
        "# Written by intelgraph (graph/localserver.py) on every start: edit the settings, not this file.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{bolt}",
        f"server.bolt.advertised_address=127.0.0.1:{bolt}",
        f"server.http.listen_address=127.0.0.1:{http}",
        f"server.http.advertised_address=127.0.0.1:{http}",
        "server.https.enabled=false",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        f"server.directories.data={home / 'data'}",
        f"server.directories.logs={home / 'logs'}",
        f"server.directories.run={home / 'run'}",
        f"server.directories.plugins={home / 'plugins'}",
        # LOAD CSV may read only this empty folder, never file:/// paths elsewhere.
        f"server.directories.import={home / 'import'}",
        "dbms.security.allow_csv_import_from_file_urls=false",
        "dbms.security.procedures.unrestricted=",
        # No plugin procedure or function is loaded (an empty allow-list); the built-ins stay.
        "dbms.security.procedures.allowlist=",
        # Heap is set on the java command line; the page cache holds the whole store at L size.
        f"server.memory.pagecache.size={settings.neo4j_pagecache}",
        # A cap on every transaction, whatever the client asks for.
        "db.transaction.timeout=120s",
        "db.memory.transaction.max=1g",
        "dbms.memory.transaction.total.max=2g",
        "db.logs.query.enabled=OFF",
    ]
    (conf / "neo4j.conf").write_text("\n".join(lines) + "\n")
    return conf


def _environment(settings: Settings) -> dict[str, str]:
    home = settings.neo4j_home.resolve()
    return {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}


def admin_command(settings: Settings, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run ``neo4j-admin`` (its Java entry point) from the same release against this home."""
    lib = fetch_jars(settings)
    write_config(settings)
    command = ["java", "-Xmx1g", "-cp", f"{lib}/*", _ADMIN_TOOL, *args]
    result = subprocess.run(command, capture_output=True, text=True, env=_environment(settings))
    if check and result.returncode != 0:
        raise ServerError(f"neo4j-admin {' '.join(args[:3])} failed:\n{result.stdout}{result.stderr}")
    return result


def _pid_file(settings: Settings) -> Path:
    return settings.neo4j_home.resolve() / "run" / "intelgraph-neo4j.pid"


def _our_pid(settings: Settings) -> int | None:
    """The pid in the pid file if that process is alive and is this home's Neo4j."""
    return jvm.our_pid(_pid_file(settings), _ENTRY_POINT, f"--home-dir={settings.neo4j_home.resolve()}")


def status(settings: Settings) -> ServerStatus:
    """Whether the server answers; for a local server, also its pid."""
    if not settings.manages_local_server:
        from graph.store import Store  # only for the external case, to ask the server itself

        with Store(settings) as store:
            reachable = store.ping()
        return ServerStatus(False, settings.bolt_uri, None, reachable, None)
    pid = _our_pid(settings)
    return ServerStatus(True, settings.bolt_uri, pid, jvm.port_open(settings.neo4j_bolt_port),
                        settings.neo4j_home.resolve())


def _log_tail(settings: Settings, lines: int = 40) -> str:
    logs = settings.neo4j_home.resolve() / "logs"
    parts = []
    for name in ("console.log", "neo4j.log", "debug.log"):
        path = logs / name
        if path.exists():
            text = path.read_text(errors="replace").splitlines()[-lines:]
            parts.append(f"--- {path} (last {len(text)} lines)\n" + "\n".join(text))
    return "\n".join(parts) or "(no log written)"


def start(settings: Settings) -> ServerStatus:
    """Start the local server unless it already runs; wait until Bolt answers.

    Raises
    ------
    ServerError
        When ``NEO4J_URI`` names an external server that does not answer, when the ports are
        taken by something else, or when the server does not answer within
        ``NEO4J_START_TIMEOUT_S`` (with the tail of its logs).
    """
    if not settings.manages_local_server:
        found = status(settings)
        if not found.bolt_open:
            raise ServerError(f"NEO4J_URI={settings.bolt_uri} does not answer; intelgraph starts no "
                              "server of its own when NEO4J_URI is set")
        return found
    pid = _our_pid(settings)
    if pid is not None:
        _wait_for_bolt(settings, pid)
        return status(settings)
    for port in (settings.neo4j_bolt_port, settings.neo4j_http_port):
        if jvm.port_open(port):
            raise ServerError(f"port {port} on 127.0.0.1 is taken by another process; set "
                              "NEO4J_BOLT_PORT / NEO4J_HTTP_PORT to free ports")

    lib = fetch_jars(settings)
    conf = write_config(settings)
    home = settings.neo4j_home.resolve()
    if not (home / "data" / "dbms" / "auth.ini").exists():
        admin_command(settings, "dbms", "set-initial-password",
                      settings.neo4j_password.get_secret_value())
    console = open(home / "logs" / "console.log", "ab")
    command = ["java", f"-Xms{settings.neo4j_heap}", f"-Xmx{settings.neo4j_heap}", *_JVM_FLAGS,
               "-cp", f"{lib}/*", _ENTRY_POINT, f"--home-dir={home}", f"--config-dir={conf}"]
    process = subprocess.Popen(command, stdout=console, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                               env=_environment(settings), start_new_session=True)
    console.close()
    _pid_file(settings).write_text(f"{process.pid}\n")
    _wait_for_bolt(settings, process.pid, process)
    return status(settings)


def _wait_for_bolt(settings: Settings, pid: int, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + settings.neo4j_start_timeout_s
    from graph.store import Store

    with Store(settings) as store:
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                _pid_file(settings).unlink(missing_ok=True)
                raise ServerError(f"Neo4j exited with code {process.returncode} while starting:\n"
                                  f"{_log_tail(settings)}")
            if jvm.port_open(settings.neo4j_bolt_port) and store.ping():
                return
            time.sleep(0.25)
    raise ServerError(f"Neo4j (pid {pid}) did not answer on Bolt port {settings.neo4j_bolt_port} within "
                      f"{settings.neo4j_start_timeout_s:.0f} s:\n{_log_tail(settings)}")


def stop(settings: Settings, *, timeout_s: float = 60.0, kill: bool = False) -> bool:
    """Stop the local server named by the pid file; returns whether one was running.

    ``kill=True`` sends SIGKILL at once (used by the fault tests to simulate a crash).
    """
    if not settings.manages_local_server:
        raise ServerError("NEO4J_URI is set: intelgraph does not stop servers it did not start")
    pid = _our_pid(settings)
    if pid is None:
        _pid_file(settings).unlink(missing_ok=True)
        return False
    jvm.stop_pid(pid, timeout_s=timeout_s, kill=kill)
    _pid_file(settings).unlink(missing_ok=True)
    return True


"""The Java services the project runs on this machine: fetched from Maven Central, started in the
background, found again by their pid file and stopped by it.

Neo4j (:mod:`graph.localserver`) and Stanford CoreNLP (:mod:`extract.nlp.server`) are both jars
from Maven Central started with ``java -cp``. What they share lives here once: fetching a
runtime's jars with its pom, checking a loopback port, recognising our own process by its pid
file and command line (never by its name), and stopping it.
"""
from __future__ import annotations

import fcntl
import os
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from graph.errors import ServerError

__all__ = ["fetch_runtime", "port_open", "our_pid", "stop_pid"]

_COMPLETE_MARKER = ".complete"


def fetch_runtime(pom: Path, lib: Path, *, what: str, properties: dict[str, str] | None = None,
                  quiet: bool = True) -> Path:
    """Copy the jars ``pom`` depends on (and theirs) into ``lib`` once; return ``lib``.

    The copy goes to a staging folder first and is renamed when complete, so an interrupted
    download is never taken for a runtime. Processes that fetch at once (the test workers on a
    fresh machine) take turns on a lock beside ``lib``: the first fetches, the others find its
    copy complete. Without the lock, a second fetch replaced the folder under a server the first
    had just started from it, which then missed classes it had not loaded yet.
    """
    if (lib / _COMPLETE_MARKER).exists():
        return lib
    lib.parent.mkdir(parents=True, exist_ok=True)
    with open(lib.with_name(lib.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (lib / _COMPLETE_MARKER).exists():
            _copy_runtime(pom, lib, what=what, properties=properties or {}, quiet=quiet)
    return lib


def _copy_runtime(pom: Path, lib: Path, *, what: str, properties: dict[str, str], quiet: bool) -> None:
    """Run Maven's copy into a staging folder and rename it to ``lib``; the caller holds the lock."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ServerError(f"Maven (mvn) is needed to fetch {what} from Maven Central; install it "
                          "(Debian: apt-get install maven)")
    staging = lib.with_name(lib.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    command = [mvn, "-B", "-f", str(pom), "dependency:copy-dependencies", "-DincludeScope=runtime",
               f"-DoutputDirectory={staging}", *(f"-D{k}={v}" for k, v in properties.items())]
    if quiet:
        command.insert(2, "-q")
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        tail = "\n".join((result.stdout + result.stderr).splitlines()[-20:])
        raise ServerError(f"fetching {what} with Maven failed:\n{tail}")
    shutil.rmtree(lib, ignore_errors=True)
    staging.rename(lib)
    (lib / _COMPLETE_MARKER).write_text(what + "\n")


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    """Whether something accepts connections on ``host:port``."""
    try:
        with socket.create_connection((host, port), timeout=0.5):
            return True
    except OSError:
        return False


def our_pid(pid_file: Path, *markers: str) -> int | None:
    """The pid in ``pid_file`` if that process is alive and its command line has every marker.

    A stale pid file whose number now belongs to another process gives None.
    """
    try:
        pid = int(pid_file.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
    except (FileNotFoundError, ProcessLookupError):
        return None
    return pid if all(marker in cmdline for marker in markers) else None


def stop_pid(pid: int, *, timeout_s: float = 60.0, kill: bool = False) -> None:
    """Send SIGTERM (or SIGKILL with ``kill``), wait up to ``timeout_s``, then SIGKILL."""
    os.kill(pid, signal.SIGKILL if kill else signal.SIGTERM)
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and Path(f"/proc/{pid}").exists():
        _reap(pid)
        time.sleep(0.2)
    if Path(f"/proc/{pid}").exists():
        os.kill(pid, signal.SIGKILL)
        while Path(f"/proc/{pid}").exists():
            _reap(pid)
            time.sleep(0.1)


def _reap(pid: int) -> None:
    """Collect our own child's exit status so it does not linger as a zombie."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass

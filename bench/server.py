"""The benchmark's own Neo4j and API: its own home and ports, never the test or `make run` server."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from graph import localserver
from graph.settings import PROJECT_ROOT, Settings, get_settings

__all__ = ["bench_settings", "wipe_database", "free_port", "ApiServer", "child_environment", "rss_mb", "cpu_seconds"]

#: Memory of the bench server by corpus size: heap, page cache (the store of L is about 3 GB).
MEMORY = {"XS": ("1g", "512m"), "S": ("1g", "512m"), "M": ("1g", "1g"), "L": ("2g", "4g")}


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_settings(*, size: str, home: Path, bolt_port: int, http_port: int) -> Settings:
    """Settings of a local server at ``home`` on the given ports, whatever the environment says."""
    heap, pagecache = MEMORY.get(size, MEMORY["M"])
    return get_settings().model_copy(update={
        "neo4j_uri": None, "neo4j_home": home, "neo4j_bolt_port": bolt_port, "neo4j_http_port": http_port,
        "neo4j_heap": heap, "neo4j_pagecache": pagecache, "neo4j_start_timeout_s": 300.0})


def wipe_database(settings: Settings) -> None:
    """Stop the bench server and delete its database (the password and settings stay)."""
    localserver.stop(settings)
    data = settings.neo4j_home.resolve() / "data"
    for folder in ("databases", "transactions"):
        shutil.rmtree(data / folder / settings.neo4j_database, ignore_errors=True)


def child_environment(settings: Settings) -> dict[str, str]:
    """The environment of a child process that must use ``settings``' server, in local API mode."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("NEO4J_", "INTELGRAPH_"))}
    env.update({"NEO4J_URI": "", "NEO4J_HOME": str(settings.neo4j_home.resolve()),
                "NEO4J_BOLT_PORT": str(settings.neo4j_bolt_port), "NEO4J_HTTP_PORT": str(settings.neo4j_http_port),
                "NEO4J_USER": settings.neo4j_user, "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
                "NEO4J_DATABASE": settings.neo4j_database, "NEO4J_POOL_SIZE": str(settings.neo4j_pool_size),
                "PYTHONPATH": str(PROJECT_ROOT)})
    return env


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    """A process's resident memory (``VmRSS``) or its peak so far (``VmHWM``), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(field)


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) a process and its children have used so far, in seconds.

    ``uvicorn --workers N`` serves from N child processes of the one started, so the API's CPU
    is the sum over the tree (children of children are counted too).

    >>> cpu_seconds(os.getpid()) > 0
    True
    """
    tick = os.sysconf("SC_CLK_TCK")
    total, pending = 0.0, [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
            for task in Path(f"/proc/{current}/task").iterdir():
                pending.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue  # a worker that exited meanwhile
    return total


class ApiServer:
    """``uvicorn api.main:app`` on 127.0.0.1, started and stopped by the bench (by its own pid)."""

    def __init__(self, settings: Settings, *, port: int, workers: int = 1, env: dict[str, str] | None = None):
        self.settings, self.port, self.workers, self.env = settings, port, workers, env or {}
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """The CPU time the server (all its workers) has used so far."""
        return cpu_seconds(self.process.pid) if self.process is not None else float("nan")

    def __enter__(self) -> ApiServer:
        command = [sys.executable, "-m", "uvicorn", "api.main:app", "--host", "127.0.0.1", "--port", str(self.port),
                   "--workers", str(self.workers), "--log-level", "warning", "--no-access-log"]
        # Its output goes to a file: a pipe nobody reads would block the server once it fills.
        self.log = self.settings.neo4j_home.resolve() / "logs" / f"api-{self.port}.log"
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            env = {**child_environment(self.settings), **self.env}
            self.process = subprocess.Popen(command, cwd=PROJECT_ROOT, env=env,
                                            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}: "
                                   f"{self.log.read_text(errors='replace')[-2000:]}")
            try:
                if httpx.get(self.url + "/health", timeout=1.0).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("uvicorn did not answer /health within 120 s")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

"""The analyst page end to end: Debian's chromium driven by Playwright (tests/web/e2e.mjs)
against a real API process (uvicorn) over the test Neo4j, loaded with the seed article and
the test corpus.

The browser script checks the page as an analyst uses it (names typed and picked, an edge's
quote, claims hidden, k-shortest, centrality, a GEXF download, errors in words, the URL
restoring the view) and saves a screenshot of each step in artifacts/screenshots/.
`make test` installs chromium and playwright-core first (the `browser` target).
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.store import Store
from tests.conftest import ROOT, SEED_CORPUS, TEST_CORPUS

pytestmark = pytest.mark.neo4j

CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT = ROOT / "web" / "node_modules" / "playwright-core"
SCRIPT = ROOT / "tests" / "web" / "e2e.mjs"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
BROWSER_RUN_S = 240  # the script bounds itself at 150 s; this is the backstop
STARTUP_S = 60
E2E_KEY = "e2e-key"  # the keyed server's only key; e2e.mjs types it into the page


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STARTUP_S
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"uvicorn exited with {server.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/ready", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the API did not become ready at {url} within {STARTUP_S} s:\n{log.read_text()[-3000:]}")


@pytest.fixture
def web_graph(empty_store: Store) -> Store:
    from loaders.facts_loader import load_paths

    load_paths(empty_store, [SEED_CORPUS, TEST_CORPUS])
    return empty_store


@contextmanager
def _api_server(log: Path, **env: str) -> Iterator[str]:
    """A real API process on a free loopback port, over the test Neo4j (the env conftest set)."""
    port = _free_port()
    uvicorn = Path(sys.executable).with_name("uvicorn")
    with open(log, "wb") as out:
        server = subprocess.Popen([str(uvicorn), "api.main:app", "--host", "127.0.0.1", "--port", str(port)],
                                  cwd=ROOT, env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, server, log)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


@pytest.fixture
def api_urls(web_graph: Store, tmp_path: Path) -> Iterator[tuple[str, str]]:
    """The API as `make run` serves it (no keys), and as a keyed deployment does (reads open)."""
    with _api_server(tmp_path / "open.log") as open_url, \
            _api_server(tmp_path / "keyed.log", INTELGRAPH_API_KEYS=E2E_KEY) as keyed_url:
        yield open_url, keyed_url


def test_an_analyst_finds_a_path_reads_its_evidence_and_exports_it(api_urls: tuple[str, str]) -> None:
    api_url, keyed_url = api_urls
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium, as root)"
    assert PLAYWRIGHT.is_dir(), "playwright-core is missing: run `make browser` (npm ci in web/)"
    assert (ROOT / "api" / "static" / "app.js").is_file(), "the page is not built: run `make setup`"
    node = shutil.which("node")
    assert node, "node is not on PATH"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*"):
        old.unlink()
    run = subprocess.run([node, str(SCRIPT), api_url, str(SCREENSHOTS), keyed_url], cwd=ROOT, capture_output=True,
                         text=True, timeout=BROWSER_RUN_S)
    report = f"exit {run.returncode}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr[-3000:]}"
    assert run.returncode == 0, report
    assert "FAIL" not in run.stdout and "passed:" in run.stdout, report
    steps = [line[3:] for line in run.stdout.splitlines() if line.startswith("ok ")]
    for step in ("the paths are drawn", "click an edge and read its quote", "hide claims and the path changes",
                 "switch to k-shortest and see several paths", "the centrality view ranks entities and sizes the nodes",
                 "download the subgraph as GEXF", "the URL restores the view", "an unknown name is said in words",
                 "a keyed server asks for the key, then exports"):
        assert step in steps, report
    shots = sorted(p.name for p in SCREENSHOTS.glob("*.png"))
    assert len(shots) >= 12, shots
    gexf = list(SCREENSHOTS.glob("*.gexf"))
    assert gexf and gexf[0].read_bytes().startswith(b"<?xml"), "the GEXF download was not kept"

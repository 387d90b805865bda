"""The analyst page end to end: Debian's chromium driven by Playwright (tests/web/e2e.mjs)
against a real API process (uvicorn) over the test Neo4j, loaded with the seed article and
the test corpus.

The browser script checks the page as an analyst uses it (names typed and picked, an edge's
quote, claims hidden, k-shortest, centrality, a GEXF download, errors in words, the URL
restoring the view) and saves a screenshot of each step in artifacts/screenshots/.
`make test` installs chromium and playwright-core first (the `browser` target).
"""
from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import Store
from tests.conftest import ROOT, SEED_CORPUS, TEST_CORPUS, running_api

pytestmark = pytest.mark.neo4j

CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT = ROOT / "web" / "node_modules" / "playwright-core"
SCRIPT = ROOT / "tests" / "web" / "e2e.mjs"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
SHOTS = "[0-9][0-9]-*.png"  # this script's screenshots, numbered without a prefix
BROWSER_RUN_S = 240  # the script bounds itself at 150 s; this is the backstop
E2E_KEY = "e2e-key"  # the keyed server's only key; e2e.mjs types it into the page


@pytest.fixture
def web_graph(empty_store: Store) -> Store:
    from loaders.facts_loader import load_paths

    load_paths(empty_store, [SEED_CORPUS, TEST_CORPUS])
    return empty_store


@pytest.fixture
def api_urls(web_graph: Store) -> Iterator[tuple[str, str]]:
    """The API as `make run` serves it (no keys), and as a keyed deployment does (reads open)."""
    with running_api() as open_url, running_api({"INTELGRAPH_API_KEYS": E2E_KEY}) as keyed_url:
        yield open_url, keyed_url


def test_an_analyst_finds_a_path_reads_its_evidence_and_exports_it(api_urls: tuple[str, str]) -> None:
    api_url, keyed_url = api_urls
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `make browser` (apt-get install chromium, as root)"
    assert PLAYWRIGHT.is_dir(), "playwright-core is missing: run `make browser` (npm ci in web/)"
    assert (ROOT / "api" / "static" / "app.js").is_file(), "the page is not built: run `make setup`"
    node = shutil.which("node")
    assert node, "node is not on PATH"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Only this test's files: the other browser tests (explore-*, wb-*) may be writing theirs meanwhile.
    for old in [*SCREENSHOTS.glob(SHOTS), *SCREENSHOTS.glob("*.gexf")]:
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
    shots = sorted(p.name for p in SCREENSHOTS.glob(SHOTS))
    assert len(shots) >= 12, shots
    gexf = list(SCREENSHOTS.glob("*.gexf"))
    assert gexf and gexf[0].read_bytes().startswith(b"<?xml"), "the GEXF download was not kept"

"""The analysts' workbench end to end (issue 17): Debian's chromium driven by Playwright
(tests/web/workbench_e2e.mjs) against a real API process over the test Neo4j, with the drafts
and the corpus it loads into in scratch folders.

The browser drafts a short article, reviews by keyboard, edits, rejects, undoes, adds an entity
and a relation by selecting text, sees a second reviewer's conflict, loads, finds the new edge on
a path and opens its quote in the document view; screenshots go to artifacts/screenshots/wb-*.png.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from graph.settings import Settings
from graph.store import Store
from tests.conftest import FIXTURES, ROOT, SEED_CORPUS, TEST_CORPUS, running_api

pytestmark = pytest.mark.neo4j

SCRIPT = ROOT / "tests" / "web" / "workbench_e2e.mjs"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
ARTICLE = FIXTURES / "workbench" / "article.txt"
STEPS = ("open the workbench and draft a pasted article", "review candidates by keyboard",
         "edit a relation: claimed, by the FSB", "reject a relation, undo, reject again",
         "add an entity and a relation by selecting text", "a second reviewer of the same draft sees the conflict",
         "accept the rest by keyboard and load",
         "find the new edge on a path and open its quote in the document view")


def test_an_analyst_turns_a_pasted_article_into_loaded_facts(empty_store: Store, nlp_server: Settings,
                                                            tmp_path: Path) -> None:
    from loaders.facts_loader import load_paths

    assert (ROOT / "api" / "static" / "workbench.js").is_file(), "the page is not built: run `make setup`"
    node = shutil.which("node")
    assert node, "node is not on PATH"
    load_paths(empty_store, [SEED_CORPUS, TEST_CORPUS])
    corpus = tmp_path / "corpus"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("wb-*"):
        old.unlink()
    with running_api({"DRAFTS_DIR": str(tmp_path / "drafts"), "CORPUS_DIR": str(corpus)}) as url:
        run = subprocess.run([node, str(SCRIPT), url, str(SCREENSHOTS), str(ARTICLE)], cwd=ROOT,
                             capture_output=True, text=True, timeout=240)
    report = f"exit {run.returncode}\n--- stdout\n{run.stdout}\n--- stderr\n{run.stderr[-3000:]}"
    assert run.returncode == 0 and "passed:" in run.stdout, report
    done = [line[3:] for line in run.stdout.splitlines() if line.startswith("ok ")]
    assert list(STEPS) == done, report
    loaded = list(corpus.glob("*.facts.yaml"))
    assert len(loaded) == 1 and "candidate: true" not in loaded[0].read_text(), loaded
    assert len(list(SCREENSHOTS.glob("wb-*.png"))) >= 10

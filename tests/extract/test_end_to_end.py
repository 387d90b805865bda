"""draft → review → load on an article the project has never seen, through the real entry point,
against the real Neo4j holding the seed article; and the review at a terminal (tmux)."""
from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from graph.facts import read_facts
from graph.services.entities import EntityService
from graph.store import Store
from loaders.facts_loader import load_paths
from tests.conftest import FIXTURES, ROOT, SEED_CORPUS, counts
from tests.terminal import Tmux

TINY = FIXTURES / "extraction" / "latvia-recruiter-arrest-2024.txt"
INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"
DOCUMENT = "latvia-recruiter-arrest-2024"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, timeout=180, cwd=ROOT,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "400"})


@pytest.fixture(scope="module")
def seed_graph(store: Store) -> Store:
    store.delete_all()
    load_paths(store, [SEED_CORPUS / "crocus-city-hall-ft-2024.facts.yaml"])
    return store


@pytest.mark.neo4j
def test_draft_review_load_an_unseen_article(seed_graph: Store, tmp_path: Path) -> None:
    store = seed_graph
    shutil.copy(TINY, tmp_path / TINY.name)
    draft = tmp_path / f"{DOCUMENT}.facts.yaml"

    drafted = run("draft", str(tmp_path / TINY.name), "--title", "Latvia arrests two suspected recruiters",
                  "--publisher", "Test Gazette", "--date", "2024-04-12")
    assert drafted.returncode == 0, drafted.stderr
    entities = {e["id"]: e for e in yaml.safe_load(draft.read_text(encoding="utf-8"))["entities"]}
    # the graph's names, its spellings' variants, and its ids
    assert entities["fsb"]["review"]["match"] == ["fsb"]
    assert entities["iskp"]["review"]["match"] == ["iskp"] and "IS-K" in entities["iskp"]["aliases"]
    assert entities["ukraine"]["aliases"] == ["Kiev"] and entities["ukraine"]["review"]["match"] == ["ukraine"]
    assert entities["riga"]["kind"] == "Place" and entities["riga"]["review"]["match"] == ["riga"]
    assert "ilze-kalnina" in entities and entities["ilze-kalnina"]["kind"] == "Person"

    before = counts(store)
    refused = run("load", str(draft))
    assert refused.returncode == 1
    first = refused.stderr.splitlines()[0]
    line = next(n for n, text in enumerate(draft.read_text(encoding="utf-8").splitlines(), 1)
                if text.strip().startswith("review:"))
    assert first.startswith(f"error: {draft}:{line}: entities[0].review: a draft candidate nobody has reviewed")
    assert "nothing was written" in refused.stderr and counts(store) == before

    decisions = "\n".join(["reject entity recruiters",
                           'edit entity two-men name="two men arrested in Riga"',
                           "edit entity state-security-service id=latvian-state-security-service",
                           "accept all", ""])
    reviewed = run("review", str(draft), "--decisions", "-", stdin=decisions)
    assert reviewed.returncode == 0, reviewed.stderr
    assert "0 candidates left" in reviewed.stdout

    loaded = run("load", str(draft))
    assert loaded.returncode == 0, loaded.stderr
    assert f"loaded  {DOCUMENT}:" in loaded.stdout
    facts = read_facts(draft)
    iskp = store.read_one("entities/by_id", id="iskp")
    assert "IS-K" in iskp["aliases"] and set(iskp["documents"]) == {"ft-2024-crocus-intelligence", DOCUMENT}
    assert store.read_one("entities/by_id", id="latvian-state-security-service")["kind"] == "SecurityService"
    edges = EntityService(store).get("fsb")["edges"]
    accused = [e for e in edges if e["type"] == "ACCUSED" and e["target"] == "ukraine"]
    assert accused and {v["document"] for v in accused[0]["evidence"]} == {DOCUMENT}
    for edge in edges:  # every quote is the text's, where the loader says it is
        for evidence in edge["evidence"]:
            if evidence["document"] == DOCUMENT:
                assert facts.text[evidence["start"]:evidence["end"]] == evidence["quote"]
    again = run("load", str(draft))
    assert again.returncode == 0 and f"unchanged  {DOCUMENT}" in again.stdout


# --- at a terminal --------------------------------------------------------------------------------
def _draft_offline(tmp_path: Path) -> Path:
    shutil.copy(TINY, tmp_path / TINY.name)
    draft = tmp_path / "tiny.facts.yaml"
    result = run("draft", str(tmp_path / TINY.name), "-o", str(draft), "--gazetteer",
                 str(SEED_CORPUS / "crocus-city-hall-ft-2024.facts.yaml"),
                 "--title", "T", "--publisher", "P", "--date", "2024-04-12")
    assert result.returncode == 0, result.stderr
    return draft


def _review_in_tmux(tmux: Tmux, draft: Path) -> None:
    command = f"{shlex.quote(str(INTELGRAPH))} review {shlex.quote(str(draft))}; echo EXIT=$?; sleep 60"
    tmux("new-session", "-d", "-s", "cli", "-x", "160", "-y", "50", "-c", str(ROOT), command)


def test_review_at_a_terminal(tmp_path: Path, tmux: Tmux) -> None:
    draft = _draft_offline(tmp_path)
    entities = yaml.safe_load(draft.read_text(encoding="utf-8"))["entities"]
    total = len(entities) + len(yaml.safe_load(draft.read_text(encoding="utf-8"))["relations"])
    _review_in_tmux(tmux, draft)
    tmux.wait_for(f"1/{total}  entity {entities[0]['id']}")
    assert "why:" in tmux.screen()
    tmux.keys("r", "Enter")                                   # reject the first entity
    tmux.wait_for(f"2/{total}  entity {entities[1]['id']}")
    tmux.keys("e", "Enter")                                   # edit the second: a bad kind first
    tmux.wait_for("an empty line ends")
    tmux.keys("kind=Planet", "Enter", "Enter")
    tmux.wait_for("not possible:")
    assert "unknown kind 'Planet'" in tmux.screen()
    tmux.wait_for(f"2/{total}  entity {entities[1]['id']}")    # asked again
    tmux.keys("e", "Enter")
    tmux.keys("name=Renamed by the reviewer", "Enter", "Enter")
    tmux.wait_for(f"3/{total}  entity {entities[2]['id']}")
    tmux.keys("a", "Enter")                                   # accept the third
    tmux.wait_for(f"4/{total}")
    tmux.keys("w", "Enter")                                   # write and stop
    screen = tmux.wait_for("EXIT=")
    assert "EXIT=0" in screen and "accepted 1, edited 1, rejected 1" in screen
    after = {e["id"]: e for e in yaml.safe_load(draft.read_text(encoding="utf-8"))["entities"]}
    assert entities[0]["id"] not in after
    assert after[entities[1]["id"]]["name"] == "Renamed by the reviewer" and "review" not in after[entities[1]["id"]]
    assert "review" not in after[entities[2]["id"]] and "review" in after[entities[3]["id"]]


def test_quitting_the_review_writes_nothing(tmp_path: Path, tmux: Tmux) -> None:
    draft = _draft_offline(tmp_path)
    before = draft.read_text(encoding="utf-8")
    _review_in_tmux(tmux, draft)
    tmux.wait_for("1/")
    tmux.keys("r", "Enter")
    tmux.wait_for("2/")
    tmux.keys("q", "Enter")
    screen = tmux.wait_for("EXIT=")
    assert "EXIT=1" in screen and "quit: nothing was written" in screen
    assert draft.read_text(encoding="utf-8") == before

"""The ``intelgraph`` command line, through its real entry point (a subprocess per command).

The environment is the test server's (tests/conftest.py sets NEO4J_URI="" and the test home
and ports in os.environ before anything else runs).
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.exports.source import GraphSource, Selection
from graph.facts import read_facts
from graph.filters import EdgeFilter
from graph.store import Store
from tests.conftest import FIXTURES, ROOT, counts

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, env=os.environ.copy(),
                          cwd=ROOT, timeout=180)


@pytest.fixture
def bad_alpha(tmp_path: Path) -> Path:
    """alpha with two problems, one of them with a message far wider than a terminal."""
    for name in ("alpha.txt", "alpha.facts.yaml"):
        shutil.copy(FIXTURES / "corpus" / name, tmp_path / name)
    path = tmp_path / "alpha.facts.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("type: LEADS", "type: HEADS")
                    .replace("kind: Event", 'kind: "[/b]Event"'), encoding="utf-8")
    return path


def test_validate_good_files() -> None:
    result = _run("validate", "tests/fixtures/corpus")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "ok  tests/fixtures/corpus/alpha.facts.yaml  (5 entities, 7 relations)",
        "ok  tests/fixtures/corpus/beta.facts.yaml  (5 entities, 7 relations)",
    ]


def test_validate_bad_file_prints_one_line_per_problem(bad_alpha: Path) -> None:
    with pytest.raises(InvalidInput) as caught:
        read_facts(bad_alpha)
    result = _run("validate", str(bad_alpha))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"error: {problem}" for problem in caught.value.problems] + [
        "2 problem(s); nothing was written."]
    assert f"error: {bad_alpha}:26: entities[4].kind: unknown kind '[/b]Event'" in result.stderr
    assert f"error: {bad_alpha}:42: relations[2].type: unknown relation type 'HEADS'" in result.stderr


def test_validate_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = _run("validate", str(tmp_path / "nothing.facts.yaml"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr


@pytest.mark.neo4j
def test_load_then_stats(empty_store: Store) -> None:
    result = _run("load", "tests/fixtures/corpus")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("loaded  test-alpha: 5 entities, 7 relations in ")
    assert lines[1].startswith("loaded  test-beta: 5 entities, 7 relations in ")
    assert "  north-svc resolved to existing entity northern-service" in lines
    assert counts(empty_store)["total:documents"] == 2

    again = _run("load", "tests/fixtures/corpus")
    assert again.returncode == 0, again.stderr
    assert [line.split("  (")[0] for line in again.stdout.splitlines()] == [
        "unchanged  test-alpha", "unchanged  test-beta"]

    stats = _run("stats")
    assert stats.returncode == 0, stats.stderr
    rows = {tuple(cell.strip() for cell in line.strip("│┃ ").replace("┃", "│").split("│"))
            for line in stats.stdout.splitlines() if "│" in line or "┃" in line}
    stored = counts(empty_store)
    for key, value in stored.items():
        section, name = key.split(":", 1)
        assert (section, name, str(value)) in rows, key
    assert ("total", "documents", "2") in rows


@pytest.mark.neo4j
def test_load_bad_file_writes_nothing(empty_store: Store, bad_alpha: Path) -> None:
    result = _run("load", "tests/fixtures/corpus", str(bad_alpha))
    assert result.returncode == 1
    assert "nothing was written" in result.stderr
    assert counts(empty_store).get("total:documents", 0) == 0


@pytest.mark.neo4j
def test_db_status_while_the_test_server_runs(store: Store) -> None:
    result = _run("db", "status")
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith(f"Neo4j running at {store.settings.bolt_uri} (pid ")


@pytest.mark.neo4j
def test_load_reads_the_folders_sources_then_grade_commands(empty_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", folder)
    (folder / "sources.yaml").write_text("publishers:\n  - name: Test Gazette\n    reliability: C\n"
                                         "    reason: fairly reliable so far\n", encoding="utf-8")
    validated = _run("validate", str(folder))
    assert validated.returncode == 0 and f"ok  {folder / 'sources.yaml'}  (1 graded sources)" in validated.stdout
    assert _run("load", str(folder)).returncode == 0

    vey_leads = next(GraphSource(empty_store, Selection(edge_filter=EdgeFilter(types=("LEADS",)))).edges())
    assert vey_leads["grade"] == "C2"
    shown = _run("edge", vey_leads["id"], "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["grade_reason"].startswith("C2: source Test Gazette is C (fairly reliable)")

    changed = _run("grade", "edge", vey_leads["id"], "--credibility", "1", "--reason", "seen in court", "--by", "ana",
                   "--json")
    assert changed.returncode == 0, changed.stderr
    assert json.loads(changed.stdout)["grade"] == "C1"
    history = _run("grade", "history", vey_leads["id"], "--json")
    assert [(c["action"], c["by"], c["via"]) for c in json.loads(history.stdout)["changes"]] == [("set", "ana", "cli")]
    refused = _run("grade", "edge", vey_leads["id"], "--credibility", "9", "--reason", "x")
    assert refused.returncode == 1 and "credibility: expected a grade from 1 to 6" in refused.stderr

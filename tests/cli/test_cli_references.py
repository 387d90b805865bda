"""The CLI names entities as the API does (graph/references.py), and its small promises:
``--version`` and ``stats --json``. Each test was a case of issue 16 that failed before."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from graph.store import Store
from tests.conftest import ROOT

pytestmark = pytest.mark.neo4j

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "400"}, cwd=ROOT, timeout=120)


def test_a_saved_query_takes_a_name_for_an_entity(loaded: Store) -> None:
    """`queries people_around --param entity=FSB` returned 0 rows with exit 0."""
    result = run("queries", "people_around", "--param", "entity=FSB", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rows"][0][:2] == ["Alexander Bortnikov", 1]


def test_export_center_takes_a_name(loaded: Store, tmp_path) -> None:
    """`export --center FSB` said there is no entity FSB."""
    target = tmp_path / "fsb.json"
    result = run("export", "--format", "json", "--center", "FSB", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert "fsb" in {node["id"] for node in json.loads(target.read_text())["nodes"]}


def test_export_ids_take_names_and_refuse_unknown_ones(loaded: Store, tmp_path) -> None:
    """`export --ids FSB,Putin` left out both without a word (and wrote an empty graph)."""
    target = tmp_path / "two.json"
    result = run("export", "--format", "json", "--ids", "FSB,Putin", "--output", str(target))
    assert result.returncode == 0, result.stderr
    assert {node["id"] for node in json.loads(target.read_text())["nodes"]} == {"fsb", "vladimir-putin"}
    unknown = run("export", "--format", "json", "--ids", "fsb,Bortnikof", "--output", str(tmp_path / "x.json"))
    assert unknown.returncode == 1 and "error: ids: no entity is called 'Bortnikof'" in unknown.stderr
    assert "did you mean" in unknown.stderr and not (tmp_path / "x.json").exists()


def test_entity_takes_an_id_in_any_case(loaded: Store) -> None:
    """`intelgraph entity ISKP` failed although `iskp` is the id."""
    result = run("entity", "ISKP", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == "iskp"


def test_an_ambiguous_name_lists_the_candidates(loaded: Store) -> None:
    """`entity Moscow` answered with Russia without saying that City of Moscow exists."""
    result = run("entity", "Moscow")
    assert result.returncode == 1
    assert "'Moscow' names 2 entities" in result.stderr
    assert "russia" in result.stderr and "moscow-city" in result.stderr


def test_a_misspelt_name_offers_the_closest(loaded: Store) -> None:
    result = run("entity", "Bortnikof")
    assert result.returncode == 1
    assert "did you mean" in result.stderr and "alexander-bortnikov" in result.stderr


def test_version() -> None:
    """`intelgraph --version` exited 2."""
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("intelgraph 0.")


def test_stats_json(loaded: Store) -> None:
    """`intelgraph stats --json` exited 2."""
    result = run("stats", "--json")
    assert result.returncode == 0, result.stderr
    counts = {(row["section"], row["name"]): row["count"] for row in json.loads(result.stdout)["counts"]}
    assert counts == {(row["section"], row["name"]): row["count"] for row in loaded.read("stats")}

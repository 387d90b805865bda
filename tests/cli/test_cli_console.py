"""``intelgraph cypher`` and ``intelgraph queries`` through the real entry point, against the real test Neo4j.

The console must refuse what ``POST /cypher`` refuses, and leave the graph as it was.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graph.cypher import get_registry
from graph.store import Store
from tests.conftest import ROOT, counts

pytestmark = pytest.mark.neo4j

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, env=os.environ | {"COLUMNS": "400"},
                          cwd=ROOT, timeout=120, **({"input": stdin} if stdin is not None else
                                                    {"stdin": subprocess.DEVNULL}))


def run_json(*args: str, stdin: str | None = None) -> Any:
    result = run(*args, "--json", stdin=stdin)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def graph(loaded: Store) -> Store:
    """The shared test graph (tests/conftest.py): the seed article and the test documents."""
    return loaded


# --- cypher -----------------------------------------------------------------------------------------
def test_a_read_prints_a_table_and_json(graph: Store) -> None:
    query = "MATCH (e:Entity {id: 'russia'}) RETURN e.name AS name, e.aliases AS aliases, e.missing AS missing"
    assert run_json("cypher", query) == {
        "columns": ["name", "aliases", "missing"],
        "rows": [["Russia", ["Moscow", "Russian", "Russian authorities", "the Russian side"], None]],
        "truncated": False}
    result = run("cypher", query)
    assert result.returncode == 0, result.stderr
    assert "Russia" in result.stdout and '["Moscow", "Russian"' in result.stdout and "null" in result.stdout
    assert "1 row" in result.stdout


@pytest.mark.parametrize("query, reason", [
    ("CREATE (n:Entity {id: 'intruder'}) RETURN n",
     "the query reads and writes: the console runs read-only queries only"),
    ("MATCH (n:Entity) DETACH DELETE n", "the query writes: the console runs read-only queries only"),
    ("MATCH (n:Entity {id: 'fsb'}) SET n.name = 'x' RETURN n", "the query reads and writes"),
    ("LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV is not allowed"),
    ("CALL db.createLabel('Intruder')", "procedure db.createLabel is not on the allow-list"),
])
def test_a_write_is_refused_with_the_reason_and_changes_nothing(graph: Store, query: str, reason: str) -> None:
    before = counts(graph)
    result = run("cypher", query)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"error: {reason}"), result.stderr
    assert counts(graph) == before


def test_a_file_and_parameters(graph: Store, tmp_path: Path) -> None:
    query = tmp_path / "who.cypher"
    query.write_text("// a comment first\nMATCH (e:Entity {id: $id})\nRETURN e.name AS name, $n AS n, $tags AS tags, "
                     "$text AS text, $quoted AS quoted\n", encoding="utf-8")
    answer = run_json("cypher", "--file", str(query), "--param", "id=russia", "--param", "n=3",
                      "-p", 'tags=["a", "b"]', "-p", "text=just words", "-p", 'quoted="3"')
    # values are JSON when they parse, text when they do not
    assert answer["rows"] == [["Russia", 3, ["a", "b"], "just words", "3"]]
    piped = run_json("cypher", "--file", "-", "-p", "id=fsb", "-p", "n=null", "-p", "tags=[]", "-p", "text=x",
                     "-p", "quoted=true", stdin=query.read_text(encoding="utf-8"))
    assert piped["rows"] == [["Federal Security Service", None, [], "x", True]]


def test_the_json_is_the_api_answer(graph: Store, neo4j_server: Any) -> None:
    from fastapi.testclient import TestClient

    from api.main import create_app

    query = "MATCH (a:Entity)-[r:ACCUSED]->(b:Entity) RETURN a.id AS a, b.id AS b, r.status AS status ORDER BY a, b"
    with TestClient(create_app(neo4j_server)) as client:
        api = client.post("/cypher", json={"query": query}).json()
        listed = client.get("/queries").json()
        saved = client.post("/queries/who_accused_whom", json={"parameters": {"limit": 3}}).json()
    assert run_json("cypher", query) == api
    assert run_json("queries") == listed
    assert run_json("queries", "who_accused_whom", "--param", "limit=3") == saved


@pytest.mark.parametrize("args, message", [
    ([], "error: query: give the query as an argument or with --file"),
    (["RETURN 1", "--file", "x.cypher"], "error: query: give the query as an argument or with --file, not both"),
    (["--file", "/nonexistent/q.cypher"], "error: file: cannot read /nonexistent/q.cypher"),
    (["RETURN 1", "--param", "novalue"], "error: param: expected NAME=VALUE, not 'novalue'"),
    (["MATCH (n RETURN n"], "error: query: Invalid input"),
])
def test_bad_input_is_a_user_error(graph: Store, args: list[str], message: str) -> None:
    result = run("cypher", *args)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(message), result.stderr


# --- queries ----------------------------------------------------------------------------------------
def test_queries_lists_every_saved_query(graph: Store) -> None:
    names = sorted(get_registry().saved_queries())
    result = run("queries")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"{len(names)} saved queries")
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()
              and line.split()[0] in names]
    assert listed == names
    assert "entity: entity, limit: integer = 200" in result.stdout  # parameters, typed, with defaults


def test_queries_name_runs_it_with_typed_parameters(graph: Store) -> None:
    # limit is an integer in the header: "2" is coerced, or the service would refuse a string
    answer = run_json("queries", "entity_timeline", "--param", "entity=russia", "--param", "limit=2")
    assert answer["columns"] == ["event_time", "report_time", "direction", "relation", "other", "status", "quote"]
    assert len(answer["rows"]) == 2
    result = run("queries", "entity_timeline", "--param", "entity=russia", "--param", "limit=2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("An entity's timeline") and "2 rows" in result.stdout
    for row in answer["rows"]:
        assert row[6] in result.stdout


def test_queries_show_prints_the_statement(graph: Store) -> None:
    result = run("queries", "entity_timeline", "--show")
    assert result.returncode == 0, result.stderr
    assert "--param entity=<entity>" in result.stdout and "--param limit=<integer>" in result.stdout
    assert get_registry().get("queries/entity_timeline").text in result.stdout


@pytest.mark.parametrize("args, message", [
    (["nope"], "error: no saved query named 'nope'"),
    (["entity_timeline", "--param", "entity=russia", "--param", "limit=many"],
     "error: limit: expected an integer, not 'many'"),
    (["entity_timeline", "--param", "who=russia"], "error: who: is not a parameter of entity_timeline"),
    (["entity_timeline"], "error: entity: is required"),
    (["--param", "limit=2"], "error: name: --param and --show need the name of a saved query"),
])
def test_bad_saved_query_input_is_a_user_error(graph: Store, args: list[str], message: str) -> None:
    result = run("queries", *args)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(message), result.stderr

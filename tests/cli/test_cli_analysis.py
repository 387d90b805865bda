"""``intelgraph paths | entity | centrality`` through the real entry point, against the real test Neo4j.

Each command runs as a subprocess of ``.venv/bin/intelgraph`` with the test server's environment
(tests/conftest.py puts it in os.environ). ``--json`` answers are compared with the API's for the
same question, since both must come from the same service. The numbered choice offered for an
ambiguous name needs a terminal, so it runs in a tmux session of its own.
"""
from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import time
from typing import Any

import pytest

from graph.store import Store
from tests.conftest import ROOT
from tests.terminal import Tmux

pytestmark = pytest.mark.neo4j

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"
WIDE = {"COLUMNS": "400"}  # one quote, one line: rich wraps at the terminal width


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=os.environ | WIDE | (env or {}), cwd=ROOT, timeout=120)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)  # stdout holds the JSON and nothing else


@pytest.fixture(scope="module")
def graph(loaded: Store) -> Store:
    """The shared test graph (tests/conftest.py): the seed article and the test documents."""
    return loaded


@pytest.fixture(scope="module")
def api(client: Any) -> Any:
    """The API over the same graph, to compare answers with."""
    return client


def route(path: dict[str, Any]) -> list[str]:
    return [node["id"] for node in path["nodes"]]


def expected_route(graph: Store, path: dict[str, Any]) -> str:
    """Every entity by name, every edge by type pointing from subject to object, claims and denials
    marked with who makes them."""
    text = path["nodes"][0]["name"]
    for step, edge in enumerate(path["edges"]):
        forward = edge["source"] == path["nodes"][step]["id"]
        mark = ""
        if edge["status"] != "reported":
            mark = f"[{edge['status']} by {graph.read_one('entities/by_id', id=edge['asserted_by'])['name']}]"
        text += (f" —{edge['type']}{mark}→ " if forward else f" ←{edge['type']}{mark}— ")
        text += path["nodes"][step + 1]["name"]
    return text


# --- paths ------------------------------------------------------------------------------------------
def test_paths_cia_to_isis_k_prints_the_route_and_every_quote(graph: Store) -> None:
    answer = run_json("paths", "CIA", "Isis-K")
    result = run("paths", "CIA", "Isis-K")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("1 path (shortest) from Central Intelligence Agency (cia) to "
                        "Islamic State Khorasan Province (iskp)")
    path = answer["paths"][0]
    assert f"  {expected_route(graph, path)}" in lines  # the route, on one line
    for edge in path["edges"]:
        for evidence in edge["evidence"]:
            assert f"“{evidence['quote']}”" in result.stdout
            assert evidence["document"] in result.stdout


def test_paths_json_is_the_api_answer(graph: Store, api: Any) -> None:
    answer = run_json("paths", "CIA", "Isis-K")
    assert set(answer) == {"from", "to", "mode", "paths"}
    assert answer["from"]["id"] == "cia" and answer["to"]["id"] == "iskp" and answer["mode"] == "shortest"
    assert route(answer["paths"][0])[0] == "cia" and route(answer["paths"][0])[-1] == "iskp"
    response = api.get("/paths", params={"from": "CIA", "to": "Isis-K"})
    assert response.status_code == 200
    assert answer == response.json()


def test_exclude_claims_changes_the_answer(graph: Store) -> None:
    # Ana Vey reaches the Red Cell only through the Bureau's claims about the Northern Service.
    with_claims = run("paths", "ana-vey", "red-cell")
    assert with_claims.returncode == 0, with_claims.stderr
    found = run_json("paths", "ana-vey", "red-cell")["paths"]
    assert found and any(edge["status"] != "reported" for edge in found[0]["edges"])
    assert f"  {expected_route(graph, found[0])}" in with_claims.stdout.splitlines()
    for edge in found[0]["edges"]:  # each step says who makes a claim or a denial, and who disputes it
        if edge["status"] != "reported":
            who = graph.read_one("entities/by_id", id=edge["asserted_by"])["name"]
            assert f"     {edge['status']} by {who}" in with_claims.stdout

    without = run("paths", "ana-vey", "red-cell", "--exclude-claims")
    assert without.returncode == 0, without.stderr  # no path is an answer, not an error
    assert without.stdout.startswith("no path between Ana Vey (ana-vey) and Red Cell (red-cell) within 6 hops")
    assert run_json("paths", "ana-vey", "red-cell", "--exclude-claims")["paths"] == []


def test_claims_shown_hidden_or_only(graph: Store, api: Any) -> None:
    claim = api.get("/subgraph", params={"center": "southern-bureau", "claims": "only"}).json()["edges"][0]
    only = run_json("paths", claim["source"], claim["target"], "--claims", "only")
    assert only["paths"] and {edge["status"] for path in only["paths"] for edge in path["edges"]} <= {
        "claimed", "denied"}
    assert only == api.get("/paths", params={"from": claim["source"], "to": claim["target"],
                                             "claims": "only"}).json()
    assert run_json("paths", "ana-vey", "red-cell", "--claims", "hidden")["paths"] == []  # as --exclude-claims
    assert run_json("paths", "ana-vey", "red-cell", "--claims", "hidden", "--exclude-claims")["paths"] == []
    both = run("paths", "ana-vey", "red-cell", "--claims", "only", "--exclude-claims")
    assert both.returncode == 1 and both.stdout == ""
    assert both.stderr.startswith("error: claims: --claims only contradicts --exclude-claims")
    bad = run("paths", "ana-vey", "red-cell", "--claims", "some")
    assert bad.returncode == 1 and bad.stderr.startswith("error: claims: expected one of shown, hidden, only")


def test_publishers_keep_their_edges_and_unknown_ones_are_listed(graph: Store, api: Any) -> None:
    courier = run_json("centrality", "--measure", "degree", "--publishers", "Test Courier", "--limit", "50")
    assert courier == api.get("/centrality", params={"measure": "degree", "limit": 50,
                                                     "publishers": "Test Courier"}).json()
    assert 0 < courier["edges"] < run_json("centrality", "--measure", "degree", "--limit", "50")["edges"]
    ft = run_json("paths", "CIA", "Isis-K", "--publisher", "Financial Times")
    assert ft["paths"] and {p for path in ft["paths"] for edge in path["edges"] for p in edge["publishers"]} == {
        "Financial Times"}
    assert run_json("paths", "CIA", "Isis-K", "--publishers", "Test Courier")["paths"] == []
    unknown = run("paths", "CIA", "Isis-K", "--publishers", "The Times")
    assert unknown.returncode == 1 and unknown.stdout == ""
    assert unknown.stderr.startswith("error: publishers: unknown publisher 'The Times'; known: ")
    assert "Financial Times" in unknown.stderr and "Test Courier" in unknown.stderr


def test_k_shortest_paths(graph: Store, api: Any) -> None:
    answer = run_json("paths", "CIA", "Isis-K", "--k", "3")
    assert answer["mode"] == "k_shortest"
    found = answer["paths"]
    assert 2 <= len(found) <= 3
    assert len({tuple(route(p)) for p in found}) == len(found)
    assert [len(p["edges"]) for p in found] == sorted(len(p["edges"]) for p in found)
    assert answer == api.get("/paths", params={"from": "CIA", "to": "Isis-K", "mode": "k_shortest",
                                               "k": 3}).json()
    assert run_json("paths", "CIA", "Isis-K", "--mode", "k-shortest", "--k", "3") == answer
    table = run("paths", "CIA", "Isis-K", "--k", "3")
    assert table.returncode == 0 and f"{len(found)} paths (k-shortest)" in table.stdout
    assert all(f"Path {n}: " in table.stdout for n in range(1, len(found) + 1))


def test_filters_reach_the_service(graph: Store) -> None:
    allowed = {"LEADS", "ACCUSED", "CLAIMED_RESPONSIBILITY", "CARRIED_OUT"}
    found = run_json("paths", "ana-vey", "red-cell", "--types", "LEADS,ACCUSED", "--types",
                     "CLAIMED_RESPONSIBILITY", "-t", "CARRIED_OUT")["paths"]
    assert found and {edge["type"] for edge in found[0]["edges"]} <= allowed
    assert run_json("paths", "ana-vey", "red-cell", "--types", "LEADS")["paths"] == []
    assert run_json("paths", "red-cell", "ana-vey", "--directed")["paths"] == []
    assert run_json("paths", "ilo-marsh", "southern-bureau", "--document", "test-alpha")["paths"] == []
    assert run_json("paths", "ana-vey", "southern-bureau", "--until", "2024-05-02")["paths"] == []
    assert run_json("paths", "ana-vey", "southern-bureau", "--since", "2024-05-03")["paths"]


@pytest.mark.parametrize("args, message", [
    (["--types", "NOT_A_TYPE"], "error: types: unknown relation type 'NOT_A_TYPE'"),
    (["--max-hops", "11"], "error: max_hops: must be between 1 and 10"),
    (["--k", "21"], "error: k: must be between 1 and 20"),
    (["--mode", "fastest"], "error: mode: expected shortest, all-shortest, k-shortest, not 'fastest'"),
    (["--mode", "shortest", "--k", "2"], "error: k: only goes with --mode k-shortest"),
    (["--since", "yesterday"], "error: since: expected a day as YYYY-MM-DD, not 'yesterday'"),
])
def test_bad_options_are_user_errors(graph: Store, args: list[str], message: str) -> None:
    result = run("paths", "cia", "iskp", *args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(message), result.stderr


def test_an_ambiguous_end_lists_the_candidates(graph: Store) -> None:
    result = run("paths", "Red Cell", "cia")
    assert result.returncode == 1 and result.stdout == ""
    assert "from: 'Red Cell' names 2 entities" in result.stderr
    assert "  red-cell  Red Cell (ArmedGroup)" in result.stderr.splitlines()
    assert "  red-cell-hackers  Red Cell (Organisation)" in result.stderr.splitlines()


# --- entity -----------------------------------------------------------------------------------------
def test_entity_by_alias_shows_the_card_and_its_edges(graph: Store, api: Any) -> None:
    detail = run_json("entity", "Russian authorities")
    assert detail["id"] == "russia" and "Russian authorities" in detail["aliases"]
    assert detail == api.get("/entities/russia").json()
    result = run("entity", "Russian authorities")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["name", "Russia"] and lines[1].split() == ["id", "russia"]
    assert any(line.startswith("aliases") and "Moscow" in line for line in lines)
    assert f"{len(detail['edges'])} edges" in result.stdout
    for edge in detail["edges"]:
        assert edge["other"]["name"] in result.stdout
        for evidence in edge["evidence"]:
            assert f"“{evidence['quote']}”" in result.stdout
    claimed = next(edge for edge in detail["edges"] if edge["status"] == "claimed")
    assert "claimed by " in result.stdout and claimed["type"] in result.stdout


def test_an_ambiguous_entity_lists_both_candidates_and_fails(graph: Store) -> None:
    result = run("entity", "Red Cell")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == "error: name: 'Red Cell' names 2 entities; give one of their ids"
    assert sorted(lines[1:]) == ["  red-cell  Red Cell (ArmedGroup)", "  red-cell-hackers  Red Cell (Organisation)"]
    assert run_json("entity", "red-cell-hackers")["kind"] == "Organisation"


def test_an_unknown_entity_is_a_user_error_with_suggestions(graph: Store) -> None:
    nothing = run("entity", "Nobody At All")
    assert nothing.returncode == 1 and nothing.stdout == ""
    assert nothing.stderr.startswith("error: name: no entity is called 'Nobody At All'")
    near = run("entity", "Northern Serv")  # a prefix: not a name, but it finds one
    assert near.returncode == 1
    assert "did you mean one of these?" in near.stderr and "northern-service" in near.stderr


# --- centrality -------------------------------------------------------------------------------------
def test_centrality_pagerank_top_five(graph: Store, api: Any) -> None:
    ranking = run_json("centrality", "--measure", "pagerank", "--limit", "5")
    assert set(ranking) == {"measure", "graph_version", "nodes", "edges", "sampled", "results"}
    scores = [row["score"] for row in ranking["results"]]
    assert len(scores) == 5 and scores == sorted(scores, reverse=True)
    assert ranking == api.get("/centrality", params={"measure": "pagerank", "limit": 5}).json()
    table = run("centrality", "--measure", "pagerank", "--limit", "5")
    assert table.returncode == 0, table.stderr
    assert table.stdout.startswith(f"pagerank over {ranking['nodes']} entities and {ranking['edges']} edges")
    rows = [line.split() for line in table.stdout.splitlines() if line.strip()[:1].isdigit()]
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5"]
    assert [row[-1] for row in rows] == [row["id"] for row in ranking["results"]]


def test_centrality_filters_and_errors(graph: Store, api: Any) -> None:
    people = run_json("centrality", "--measure", "degree", "--kind", "Person", "--limit", "3", "--exclude-claims")
    assert people["results"] and {row["kind"] for row in people["results"]} == {"Person"}
    assert people == api.get("/centrality", params={"measure": "degree", "kind": "Person", "limit": 3,
                                                    "exclude_claims": True}).json()
    bad = run("centrality", "--measure", "fame")
    assert bad.returncode == 1 and bad.stderr.startswith("error: measure: unknown measure 'fame'")


def test_the_measures_named_in_the_cli_are_the_analytics_measures() -> None:
    from cli.analysis import MEASURES as NAMED
    from graph.analytics.centrality import MEASURES

    assert NAMED == MEASURES


# --- Neo4j unreachable ------------------------------------------------------------------------------
def test_an_unreachable_neo4j_is_a_clear_message(graph: Store) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    started = time.monotonic()
    result = run("paths", "cia", "iskp", env={"NEO4J_BOLT_PORT": str(port)})
    assert result.returncode == 1 and result.stdout == ""
    assert f"error: Neo4j does not answer at bolt://127.0.0.1:{port}" in result.stderr
    assert "intelgraph db start" in result.stderr
    assert time.monotonic() - started < 10  # no 15-second retry loop


# --- the interactive choice, in a terminal ----------------------------------------------------------
def _in_tmux(tmux: Tmux, *args: str) -> None:
    env = {key: os.environ[key] for key in ("NEO4J_URI", "NEO4J_HOME", "NEO4J_BOLT_PORT", "NEO4J_HTTP_PORT")}
    command = " ".join(["env", *(f"{key}={shlex.quote(value)}" for key, value in env.items()),
                        shlex.quote(str(INTELGRAPH)), *map(shlex.quote, args)])
    # the shell stays after the command, so its exit code and output can be read
    tmux("new-session", "-d", "-s", "cli", "-x", "200", "-y", "50", "-c", str(ROOT),
         f"{command}; echo EXIT=$?; sleep 60")


def test_an_ambiguous_name_asks_which_one_in_a_terminal(graph: Store, tmux: Tmux) -> None:
    _in_tmux(tmux, "entity", "Red Cell")
    screen = tmux.wait_for("Which one?")
    assert "'Red Cell' names 2 entities" in screen
    numbers = {line.split("id: ")[1].strip(): line.split(".")[0].strip()
               for line in screen.splitlines() if "id: red-cell" in line}
    assert set(numbers) == {"red-cell", "red-cell-hackers"}
    tmux("send-keys", "-t", "cli", "7", "Enter")  # out of range: asked again
    tmux.wait_for("7 is not in the range")
    tmux("send-keys", "-t", "cli", numbers["red-cell-hackers"], "Enter")
    screen = tmux.wait_for("EXIT=")
    assert "EXIT=0" in screen
    card = screen[screen.index("Which one?"):]
    assert any(line.split() == ["id", "red-cell-hackers"] for line in card.splitlines())
    assert any(line.split() == ["kind", "Organisation"] for line in card.splitlines())
    assert "leaked the Southern Bureau's payroll" in card


def test_paths_ask_for_each_ambiguous_end_in_a_terminal(graph: Store, tmux: Tmux) -> None:
    _in_tmux(tmux, "paths", "Red Cell", "Southern Bureau", "--max-hops", "1")
    screen = tmux.wait_for("Which one?")
    number = next(line.split(".")[0].strip() for line in screen.splitlines() if "id: red-cell-hackers" in line)
    tmux("send-keys", "-t", "cli", number, "Enter")
    screen = tmux.wait_for("EXIT=")
    assert "EXIT=0" in screen
    assert "from Red Cell (red-cell-hackers) to Southern Bureau (southern-bureau)" in screen, screen
    assert "Red Cell —TARGETED→ Southern Bureau" in screen


def test_end_of_input_at_the_question_aborts(graph: Store, tmux: Tmux) -> None:
    _in_tmux(tmux, "entity", "Red Cell")
    tmux.wait_for("Which one?")
    tmux("send-keys", "-t", "cli", "C-d")
    screen = tmux.wait_for("EXIT=")
    assert "aborted" in screen and "EXIT=1" in screen


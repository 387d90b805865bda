"""GET /centrality through the API: networkx's numbers on the same graph, and a load drops the cache."""
from __future__ import annotations

import shutil

import networkx as nx
import pytest

from graph.exports.source import GraphSource
from loaders.facts_loader import load_paths
from tests.conftest import AMBIGUITY

pytestmark = pytest.mark.neo4j

REFERENCE = {
    "degree": nx.degree_centrality,
    "pagerank": lambda g: nx.pagerank(g, tol=1e-13, max_iter=10_000),
    "betweenness": nx.betweenness_centrality,
    "closeness": nx.closeness_centrality,
}


def reference_graph(store) -> nx.Graph:
    """The loaded graph as the JSON export reads it, collapsed to a simple undirected graph."""
    graph = nx.Graph()
    source = GraphSource(store)
    graph.add_nodes_from(node["id"] for node in source.nodes())
    graph.add_edges_from((edge["source"], edge["target"]) for edge in source.edges()
                         if edge["source"] != edge["target"])
    return graph


@pytest.mark.parametrize("measure", sorted(REFERENCE))
def test_each_measure_equals_networkx(client, loaded, measure):
    expected = REFERENCE[measure](reference_graph(loaded))
    body = client.get("/centrality", params={"measure": measure, "limit": 1000}).json()
    assert body["measure"] == measure and body["nodes"] == len(expected)
    scores = {row["id"]: row["score"] for row in body["results"]}
    assert scores.keys() == expected.keys()
    for node, value in expected.items():
        assert scores[node] == pytest.approx(value, abs=1e-6), node
    ranked = [row["score"] for row in body["results"]]
    assert ranked == sorted(ranked, reverse=True)


def test_kind_limits_the_ranking_not_the_graph(client):
    everyone = {row["id"]: row["score"] for row in client.get("/centrality", params={"limit": 1000}).json()["results"]}
    people = client.get("/centrality", params={"kind": "Person", "limit": 3}).json()["results"]
    assert len(people) == 3 and all(row["kind"] == "Person" for row in people)
    assert all(row["score"] == pytest.approx(everyone[row["id"]]) for row in people)


def test_a_load_drops_the_cached_ranking(client, loaded, tmp_path):
    first = client.get("/centrality", params={"measure": "degree", "limit": 1000}).json()
    assert client.get("/centrality", params={"measure": "degree", "limit": 1000}).json() == first  # cached
    # one more document: a second hacker collective joined to the armed group's target
    shutil.copy(AMBIGUITY / "gamma.txt", tmp_path / "gamma.txt")
    text = (AMBIGUITY / "gamma.facts.yaml").read_text().replace("id: test-gamma", "id: test-gamma-2") \
        .replace("red-cell-hackers", "blue-cell-hackers").replace("name: Red Cell\n", "name: Blue Cell\n") \
        .replace("[Red Cell hackers]", "[Blue Cell hackers]")
    (tmp_path / "gamma2.facts.yaml").write_text(text)
    load_paths(loaded, [tmp_path / "gamma2.facts.yaml"])
    second = client.get("/centrality", params={"measure": "degree", "limit": 1000}).json()
    assert second["graph_version"] > first["graph_version"]
    assert second["nodes"] == first["nodes"] + 1
    assert {row["id"] for row in second["results"]} - {row["id"] for row in first["results"]} == {"blue-cell-hackers"}

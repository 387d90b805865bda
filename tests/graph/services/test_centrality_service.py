"""CentralityService over the real test Neo4j: networkx's numbers, filters, sampling and the cache."""
from __future__ import annotations

import threading
from pathlib import Path

import networkx as nx
import numpy as np
import pytest

import graph.services.centrality as centrality_module
from graph.analytics.centrality import MEASURES
from graph.errors import InvalidParameter
from graph.exports.source import GraphSource
from graph.filters import EdgeFilter
from graph.services.centrality import CentralityService
from graph.services.projection import read_projection
from graph.store import Store
from loaders.facts_loader import load_paths

pytestmark = pytest.mark.neo4j

ROOT = Path(__file__).resolve().parents[3]
TEST_CORPUS = ROOT / "tests" / "fixtures" / "corpus"
SEED_CORPUS = ROOT / "tests" / "fixtures" / "seed"


@pytest.fixture
def loaded(empty_store: Store) -> Store:
    load_paths(empty_store, [TEST_CORPUS])
    return empty_store


def export_graph(store: Store, *, reported_only: bool = False) -> nx.MultiDiGraph:
    """The graph as the export reads it (every edge), built independently of the projection code."""
    graph = nx.MultiDiGraph()
    source = GraphSource(store)
    for node in source.nodes():
        graph.add_node(node["id"], kind=node["kind"])
    for edge in source.edges():
        if not reported_only or edge["status"] == "reported":
            graph.add_edge(edge["source"], edge["target"], type=edge["type"], status=edge["status"])
    return graph


def simple(graph: nx.MultiDiGraph, *, directed: bool) -> nx.Graph:
    """networkx's own collapse: one edge per connected pair, no self-loops."""
    result = nx.DiGraph(graph) if directed else nx.Graph(graph.to_undirected())
    result.remove_edges_from(list(nx.selfloop_edges(result)))
    return result


REFERENCE = {
    "degree": nx.degree_centrality,
    "pagerank": lambda g: nx.pagerank(g, alpha=0.85, tol=1e-13, max_iter=10_000),
    "betweenness": lambda g: nx.betweenness_centrality(g, normalized=True, endpoints=False),
    "closeness": lambda g: nx.closeness_centrality(g, wf_improved=True),
    # Power iteration from the uniform vector, run to convergence: defined on disconnected graphs too.
    "eigenvector": lambda g: nx.eigenvector_centrality(g, tol=1e-15, max_iter=100_000),
}


def scores_of(result: dict) -> dict[str, float]:
    return {row["id"]: row["score"] for row in result["results"]}


def assert_matches(result: dict, expected: dict, atol: float = 1e-6) -> None:
    got = scores_of(result)
    assert set(got) == set(expected)
    np.testing.assert_allclose([got[v] for v in sorted(got)], [expected[v] for v in sorted(got)], atol=atol)


def assert_ranked(result: dict) -> None:
    keys = [(-round(row["score"], 12), row["id"]) for row in result["results"]]
    assert keys == sorted(keys)


@pytest.mark.parametrize("measure", MEASURES)
def test_each_measure_is_networkx(loaded: Store, measure: str):
    graph = export_graph(loaded)
    result = CentralityService(loaded).compute(measure, limit=1000)
    assert result["measure"] == measure
    assert result["nodes"] == graph.number_of_nodes() and result["edges"] == graph.number_of_edges()
    assert result["sampled"] is None
    assert_matches(result, REFERENCE[measure](simple(graph, directed=False)))
    assert_ranked(result)


@pytest.mark.parametrize("measure", ["degree", "pagerank", "betweenness", "closeness"])
def test_directed_is_networkx(loaded: Store, measure: str):
    graph = simple(export_graph(loaded), directed=True)
    result = CentralityService(loaded).compute(measure, limit=1000, directed=True)
    assert_matches(result, REFERENCE[measure](graph))


@pytest.mark.parametrize("partitions", [1, 2, 5])
def test_the_projection_read_in_slices_is_the_whole(loaded: Store, partitions: int):
    """However many statements read the edges side by side, together they are each edge once."""
    projection = read_projection(loaded, partitions=partitions, **EdgeFilter().parameters())
    ids = projection.ids
    pairs = zip(projection.sources.tolist(), projection.targets.tolist(), strict=True)
    read = sorted((ids[s], ids[t]) for s, t in pairs)
    graph = export_graph(loaded)
    assert set(ids) == set(graph.nodes)
    assert read == sorted((s, t) for s, t, _ in graph.edges(keys=True))
    assert projection.dropped == 0


def test_exclude_claims_drops_claimed_edges(loaded: Store):
    service = CentralityService(loaded)
    everything = service.compute("degree", limit=1000)
    reported = service.compute("degree", limit=1000, edge_filter=EdgeFilter(exclude_claims=True))
    graph = export_graph(loaded, reported_only=True)
    assert reported["edges"] == graph.number_of_edges() < everything["edges"]
    assert_matches(reported, REFERENCE["degree"](simple(graph, directed=False)))
    assert scores_of(reported) != scores_of(everything)
    # The claimed and denied CARRIED_OUT edges were the bombing's link to the Northern Service.
    assert scores_of(reported)["harbour-market-bombing"] < scores_of(everything)["harbour-market-bombing"]


def test_type_filter(loaded: Store):
    result = CentralityService(loaded).compute("degree", limit=1000, edge_filter=EdgeFilter(types=("ACCUSED",)))
    graph = export_graph(loaded)
    graph.remove_edges_from([(u, v, k) for u, v, k, t in graph.edges(keys=True, data="type") if t != "ACCUSED"])
    assert result["edges"] == graph.number_of_edges() >= 1
    assert_matches(result, REFERENCE["degree"](simple(graph, directed=False)))


def test_kind_filters_results_not_the_graph(loaded: Store):
    service = CentralityService(loaded)
    everyone = scores_of(service.compute("pagerank", limit=1000))
    people = service.compute("pagerank", kind="Person", limit=1000)
    assert people["results"] and {row["kind"] for row in people["results"]} == {"Person"}
    assert all(everyone[row["id"]] == row["score"] for row in people["results"])
    assert people["nodes"] == len(everyone)
    assert len(service.compute("pagerank", limit=2)["results"]) == 2


def test_sampled_betweenness(loaded: Store, monkeypatch: pytest.MonkeyPatch):
    service = CentralityService(loaded)
    graph = simple(export_graph(loaded), directed=False)
    result = service.compute("betweenness", limit=1000, sample=3)
    assert result["sampled"] == {"k": 3}
    # The projection lists nodes by id, as the export does: networkx draws the same sources.
    assert_matches(result, nx.betweenness_centrality(graph, k=3, seed=0))
    assert service.compute("betweenness", sample=10_000)["sampled"] is None  # every node: exact
    # Above the exact size, betweenness is sampled without being asked.
    monkeypatch.setattr(centrality_module, "BETWEENNESS_EXACT_MAX_NODES", 2)
    monkeypatch.setattr(centrality_module, "BETWEENNESS_SAMPLE", 4)
    assert CentralityService(loaded).compute("betweenness")["sampled"] == {"k": 4}


def test_cache_is_kept_and_dropped_by_a_load(loaded: Store):
    service = CentralityService(loaded)
    first = service.scores("pagerank")
    assert service.scores("pagerank") is first
    before = service.compute("pagerank", limit=1000)
    assert service.compute("pagerank", limit=1000) == before
    assert service.scores("pagerank", edge_filter=EdgeFilter(exclude_claims=True)) is not first

    load_paths(loaded, [SEED_CORPUS])
    after = service.compute("pagerank", limit=1000)
    assert after["graph_version"] > before["graph_version"]
    assert service.scores("pagerank") is not first
    assert after["nodes"] > before["nodes"]
    assert scores_of(after) != scores_of(before)
    assert_matches(after, REFERENCE["pagerank"](simple(export_graph(loaded), directed=False)))


def test_a_wiped_graph_is_not_the_old_one(empty_store: Store):
    """A wipe resets the version counter: the cache tells the two graphs apart by when they changed."""
    load_paths(empty_store, [TEST_CORPUS / "alpha.facts.yaml"])
    service = CentralityService(empty_store)
    before = service.compute("degree", limit=1000)
    empty_store.delete_all()
    load_paths(empty_store, [SEED_CORPUS])
    after = service.compute("degree", limit=1000)
    assert after["graph_version"] == before["graph_version"] == 1
    assert scores_of(after) == pytest.approx(REFERENCE["degree"](simple(export_graph(empty_store), directed=False)))
    assert scores_of(after) != scores_of(before)


def test_a_load_during_the_projection_reads_it_again(loaded: Store):
    service = CentralityService(loaded)
    read_stamp, project = service._read_stamp, service._project
    reads, projections = [], []

    def stamp_moving_once():
        stamp = read_stamp()
        reads.append(stamp)
        return (stamp[0] + 1, stamp[1] + 1) if len(reads) == 2 else stamp  # the check after the 1st read

    def counting(*args, **kwargs):
        projections.append(1)
        return project(*args, **kwargs)

    service._read_stamp, service._project = stamp_moving_once, counting
    result = service.compute("degree", limit=1000)
    assert len(projections) == 2
    assert_matches(result, REFERENCE["degree"](simple(export_graph(loaded), directed=False)))
    assert service.scores("degree") is service.scores("degree")


def test_concurrent_callers_share_one_computation(loaded: Store):
    service = CentralityService(loaded)
    calls = []
    project = service._project

    def counting(*args, **kwargs):
        calls.append(1)
        return project(*args, **kwargs)

    service._project = counting
    results = []
    barrier = threading.Barrier(8)

    def work():
        barrier.wait()
        results.append(service.scores("betweenness"))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(result is results[0] for result in results)
    assert len(calls) == 1


def test_closeness_is_refused_on_large_graphs(loaded: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(centrality_module, "CLOSENESS_MAX_NODES", 2)
    with pytest.raises(InvalidParameter, match="closeness is computed exactly, on at most 2 entities"):
        CentralityService(loaded).compute("closeness")


def test_undefined_directed_eigenvector_is_an_invalid_parameter(loaded: Store):
    """A filter that leaves no directed cycle: the measure is undefined, and the message says so."""
    service = CentralityService(loaded)
    with pytest.raises(InvalidParameter, match="without a directed cycle"):
        service.compute("eigenvector", directed=True, edge_filter=EdgeFilter(types=("LEADS",)))


def test_bad_parameters(store: Store):
    service = CentralityService(store)
    with pytest.raises(InvalidParameter) as error:
        service.compute("katz")
    assert error.value.parameter == "measure"
    for limit in (0, 1001):
        with pytest.raises(InvalidParameter, match="limit"):
            service.compute("degree", limit=limit)
    with pytest.raises(InvalidParameter, match="kind: unknown kind 'Planet'"):
        service.compute("degree", kind="Planet")
    with pytest.raises(InvalidParameter, match="sample"):
        service.compute("betweenness", sample=1)
    with pytest.raises(InvalidParameter, match="sample: only betweenness"):
        service.compute("pagerank", sample=10)
    with pytest.raises(InvalidParameter, match="types"):
        service.compute("degree", edge_filter=EdgeFilter(types=("NOPE",)))

"""The igraph backend computes networkx's centralities, on small graphs of every shape."""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from graph.analytics.centrality import MEASURES, array_centrality, centrality, collapse
from graph.errors import InvalidParameter

TOL = 1e-9  # the issue asks for 1e-6; the backends agree far closer


def _with_disconnected_piece(graph: nx.Graph) -> nx.Graph:
    """A seeded random graph plus a triangle, a lone edge and an isolated node."""
    graph = graph.copy()
    n = len(graph)
    nx.add_cycle(graph, [n, n + 1, n + 2])
    graph.add_edge(n + 3, n + 4)
    graph.add_node(n + 5)
    return graph


def _multigraph() -> nx.MultiDiGraph:
    """Parallel edges (same and opposite directions), a self-loop, weights on some edges."""
    graph = nx.MultiDiGraph()
    graph.add_edges_from([("a", "b", {"weight": 2}), ("a", "b", {"weight": 3}), ("b", "a", {"weight": 1}),
                          ("b", "c"), ("c", "d", {"weight": 4}), ("d", "b"), ("d", "e"), ("d", "e"),
                          ("e", "e"), ("e", "f"), ("c", "a", {"weight": 2})])
    graph.add_node("lonely")
    return graph


GRAPHS = {
    "path": lambda directed: nx.path_graph(6, create_using=nx.DiGraph if directed else nx.Graph),
    "star": lambda directed: nx.star_graph(5, create_using=nx.DiGraph if directed else nx.Graph),
    "gnm": lambda directed: _with_disconnected_piece(nx.gnm_random_graph(40, 90, seed=7, directed=directed)),
    "multigraph": lambda directed: _multigraph(),
}

# Directed eigenvector centrality needs a cycle: a directed path or star has none.
_UNDEFINED = {("path", True, "eigenvector"), ("star", True, "eigenvector")}


def _both(graph, measure, backend="igraph", **kwargs):
    ref = centrality(graph, measure, backend="networkx", **kwargs)
    fast = centrality(graph, measure, backend=backend, **kwargs)
    assert list(ref) == list(fast) == list(graph)
    return np.array(list(ref.values())), np.array(list(fast.values()))


@pytest.mark.parametrize("measure", MEASURES)
@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("name", list(GRAPHS))
@pytest.mark.parametrize("weight", [None, "weight"], ids=["unweighted", "weighted"])
def test_igraph_equals_networkx(name, directed, measure, weight):
    graph = GRAPHS[name](directed)
    if (name, directed, measure) in _UNDEFINED:
        for backend in ("networkx", "igraph"):
            with pytest.raises(InvalidParameter, match="without a directed cycle"):
                centrality(graph, measure, directed=directed, weight=weight, backend=backend)
        return
    ref, fast = _both(graph, measure, directed=directed, weight=weight)
    assert np.all(np.isfinite(ref))
    np.testing.assert_allclose(fast, ref, atol=TOL, rtol=0)


@pytest.mark.parametrize("measure", ["degree", "pagerank"])
@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("name", list(GRAPHS))
@pytest.mark.parametrize("weight", [None, "weight"], ids=["unweighted", "weighted"])
def test_scipy_equals_networkx(name, directed, measure, weight):
    ref, fast = _both(GRAPHS[name](directed), measure, backend="scipy", directed=directed, weight=weight)
    np.testing.assert_allclose(fast, ref, atol=TOL, rtol=0)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("name", ["path", "star", "gnm"])
def test_reference_is_networkx(name, directed):
    """On simple graphs the reference backend is networkx's own function, normalisation included."""
    graph = GRAPHS[name](directed)
    view = graph if directed else graph.to_undirected()
    expected = {
        "degree": nx.degree_centrality(view),
        "pagerank": nx.pagerank(view, alpha=0.85, tol=1e-12, max_iter=10_000),
        "betweenness": nx.betweenness_centrality(view, normalized=True, endpoints=False),
        "closeness": nx.closeness_centrality(view, wf_improved=True),
    }
    for measure, scores in expected.items():
        for backend in ("networkx", "igraph", "auto") + (("scipy",) if measure in ("degree", "pagerank") else ()):
            got = centrality(graph, measure, directed=directed, backend=backend)
            np.testing.assert_allclose(list(got.values()), [scores[v] for v in got], atol=TOL, err_msg=measure)


def test_pagerank_within_networkx_default_tolerance():
    graph = GRAPHS["gnm"](True)
    got = centrality(graph, "pagerank", directed=True, backend="igraph")
    expected = nx.pagerank(graph)  # networkx's default tol=1e-6 stops with errors near 4e-5 here
    np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=1e-4)


def test_eigenvector_connected_is_networkx_numpy():
    graph = nx.gnm_random_graph(30, 80, seed=3)
    assert nx.is_connected(graph)
    expected = nx.eigenvector_centrality_numpy(graph)
    for backend in ("networkx", "igraph"):
        got = centrality(graph, "eigenvector", backend=backend)
        np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=TOL)
        assert np.linalg.norm(list(got.values())) == pytest.approx(1.0)


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
def test_eigenvector_disconnected_is_networkx_power_iteration_limit(directed):
    """Off the dominant component the vector is 0: where networkx's power iteration converges."""
    graph = GRAPHS["gnm"](directed)
    expected = nx.eigenvector_centrality(graph, tol=1e-15, max_iter=100_000)
    for backend in ("networkx", "igraph"):
        got = centrality(graph, "eigenvector", directed=directed, backend=backend)
        np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=1e-6)
        n = len(graph)
        assert got[n - 1] == 0.0 and got[n - 6] == 0.0  # the isolated node, the triangle


def test_eigenvector_ties_between_components():
    """Two equal components share the largest eigenvalue: each gets its vector scaled by its sum,
    which is what power iteration from the uniform vector converges to."""
    graph = nx.disjoint_union_all([
        nx.complete_graph(4),   # eigenvalue 3
        nx.star_graph(9),       # eigenvalue sqrt(9) = 3 too: a tie of another shape
        nx.star_graph(6),       # sqrt(6): a candidate by its bounds, but smaller
        nx.complete_graph(4),   # a second K4
        nx.path_graph(3),
    ])
    expected = nx.eigenvector_centrality(graph, tol=1e-15, max_iter=100_000)
    for backend in ("networkx", "igraph"):
        got = centrality(graph, "eigenvector", backend=backend)
        np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=1e-6)


def test_eigenvector_without_edges_is_uniform():
    graph = nx.empty_graph(4)
    for backend in ("networkx", "igraph"):
        assert centrality(graph, "eigenvector", backend=backend) == pytest.approx({v: 0.5 for v in range(4)})


def test_directed_eigenvector_tie_is_refused():
    graph = nx.DiGraph([(0, 1), (1, 0), (2, 3), (3, 2)])
    for backend in ("networkx", "igraph"):
        with pytest.raises(InvalidParameter, match="ambiguous"):
            centrality(graph, "eigenvector", directed=True, backend=backend)


def test_directed_eigenvector_reaches_downstream():
    """A 3-cycle feeding a tail: the tail scores by what points at it, as networkx's iteration finds."""
    graph = nx.DiGraph([(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (5, 0)])
    expected = nx.eigenvector_centrality(graph, tol=1e-15, max_iter=100_000)
    for backend in ("networkx", "igraph"):
        got = centrality(graph, "eigenvector", directed=True, backend=backend)
        np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=1e-6)
        assert got[4] > 0 and got[5] == 0


@pytest.mark.parametrize("directed", [False, True], ids=["undirected", "directed"])
@pytest.mark.parametrize("k,seed", [(2, 0), (5, 1), (20, 42), (46, 3)])
def test_sampled_betweenness_equals_networkx(directed, k, seed):
    graph = GRAPHS["gnm"](directed)
    expected = nx.betweenness_centrality(graph, k=k, seed=seed, normalized=True, endpoints=False)
    for backend in ("networkx", "igraph"):
        got = centrality(graph, "betweenness", directed=directed, k=k, seed=seed, backend=backend)
        np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=TOL)


def test_sampling_all_nodes_is_exact():
    graph = GRAPHS["gnm"](False)
    exact = centrality(graph, "betweenness", backend="igraph")
    everyone = centrality(graph, "betweenness", k=len(graph), backend="igraph")
    np.testing.assert_allclose(list(everyone.values()), list(exact.values()), atol=TOL)


def test_multigraph_counts_a_connected_pair_once():
    graph = _multigraph()
    simple = nx.DiGraph(graph)
    simple.remove_edges_from(nx.selfloop_edges(simple))
    for measure, reference in [("degree", nx.degree_centrality), ("closeness", nx.closeness_centrality),
                               ("betweenness", nx.betweenness_centrality)]:
        got = centrality(graph, measure, directed=True, backend="igraph")
        expected = reference(simple)
        np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=TOL, err_msg=measure)


def test_multigraph_sums_parallel_weights():
    graph = _multigraph()
    simple = nx.Graph()
    simple.add_nodes_from(graph)
    for u, v, w in graph.edges(data="weight", default=1):
        if u != v:
            previous = simple.get_edge_data(u, v, {"weight": 0})["weight"]
            simple.add_edge(u, v, weight=previous + w)
    assert simple["a"]["b"]["weight"] == 6
    got = centrality(graph, "pagerank", weight="weight", backend="igraph")
    expected = nx.pagerank(simple, weight="weight", tol=1e-12)
    np.testing.assert_allclose(list(got.values()), [expected[v] for v in got], atol=TOL)
    got = centrality(graph, "degree", weight="weight", backend="igraph")
    assert got["a"] == pytest.approx((6 + 2) / (len(graph) - 1))


def test_collapse_drops_self_loops_and_merges():
    s, t, w = collapse(4, np.array([0, 1, 2, 2, 3]), np.array([1, 0, 2, 3, 2]), np.array([1.0, 2.0, 5.0, 1.0, 1.0]),
                       directed=False)
    assert (s.tolist(), t.tolist(), w.tolist()) == ([0, 2], [1, 3], [3.0, 2.0])


@pytest.mark.parametrize("measure", MEASURES)
def test_auto_backend_on_a_larger_graph(measure):
    graph = nx.gnm_random_graph(600, 1500, seed=1)  # above AUTO_IGRAPH_MIN_NODES: scipy or igraph
    auto = centrality(graph, measure)
    ref = centrality(graph, measure, backend="networkx")
    np.testing.assert_allclose(list(auto.values()), list(ref.values()), atol=TOL)


@pytest.mark.parametrize("backend", ["networkx", "igraph", "scipy"])
def test_tiny_graphs(backend):
    assert centrality(nx.Graph(), "pagerank", backend=backend) == {}
    one = nx.empty_graph(1)
    assert centrality(one, "degree", backend=backend) == {0: 1.0}
    assert centrality(one, "pagerank", backend=backend) == pytest.approx({0: 1.0})
    assert centrality(nx.empty_graph(3), "pagerank", backend=backend) == pytest.approx({v: 1 / 3 for v in range(3)})
    if backend == "scipy":
        return
    assert centrality(one, "betweenness", backend=backend) == {0: 0.0}
    assert centrality(one, "closeness", backend=backend) == {0: 0.0}
    pair = nx.path_graph(2)
    assert centrality(pair, "eigenvector", backend=backend) == pytest.approx({0: 2 ** -0.5, 1: 2 ** -0.5})


def test_bad_parameters():
    graph = nx.path_graph(4)
    with pytest.raises(InvalidParameter, match="measure"):
        centrality(graph, "katz")
    with pytest.raises(InvalidParameter, match="backend"):
        centrality(graph, "degree", backend="graph-tool")
    with pytest.raises(InvalidParameter, match="backend: scipy computes degree and pagerank only"):
        centrality(graph, "closeness", backend="scipy")
    with pytest.raises(InvalidParameter, match="k: must be between 2"):
        centrality(graph, "betweenness", k=1)
    with pytest.raises(InvalidParameter, match="k: must be between 2"):
        centrality(graph, "betweenness", k=5)
    with pytest.raises(InvalidParameter, match="only betweenness"):
        centrality(graph, "pagerank", k=2)
    with pytest.raises(InvalidParameter, match="directed: the graph is undirected"):
        centrality(graph, "pagerank", directed=True)
    graph.edges[0, 1]["weight"] = 0
    with pytest.raises(InvalidParameter, match="weight: weights must be positive"):
        centrality(graph, "pagerank", weight="weight")


def test_array_centrality_needs_no_networkx_graph():
    scores = array_centrality(3, np.array([0, 0]), np.array([1, 2]), "degree")
    assert scores.tolist() == [1.0, 0.5, 0.5]

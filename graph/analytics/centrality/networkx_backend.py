"""networkx, the reference back-end: every measure by networkx's own function on an ``nx.Graph``.

It is the definition the other back-ends are held to (``tests/graph/analytics/test_centrality.py``)
and what ``backend="auto"`` uses on small graphs. PageRank is solved to ``tol = 1e-13``
(networkx's default, 1e-6, leaves errors of the order of the differences between scores).
"""
from __future__ import annotations

import warnings
from collections.abc import Callable

import networkx as nx
import numpy as np
import scipy.sparse as sp_sparse
import scipy.sparse.linalg as sp_linalg

from graph.analytics.centrality.arithmetic import (
    PAGERANK_ALPHA,
    dominant_components,
    eigen_candidates,
    pair_perron,
    undirected_eigenvector,
    unit_nonnegative,
)

__all__ = ["MEASURES", "scores"]

MEASURES: tuple[str, ...] = ("degree", "pagerank", "betweenness", "eigenvector", "closeness")
_PAGERANK_TOL = 1e-13       # its stopping rule is an L1 change below n * tol


def scores(measure: str, n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, weighted: bool,
           directed: bool, k: int | None, seed: int | None) -> np.ndarray:
    """``measure`` of every node of the simple graph ``src[j] -> dst[j]`` (weights ``w`` when ``weighted``).

    >>> scores("closeness", 3, np.array([0, 1]), np.array([1, 2]), np.ones(2), weighted=False,
    ...        directed=False, k=None, seed=0).round(4).tolist()
    [0.6667, 1.0, 0.6667]
    """
    return _MEASURES[measure](_graph(n, src, dst, w, directed, weighted), weighted=weighted, k=k, seed=seed)


def _graph(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, directed: bool,
           weighted: bool) -> nx.Graph:
    graph = nx.DiGraph() if directed else nx.Graph()
    graph.add_nodes_from(range(n))
    if weighted:
        graph.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist(), strict=True), weight="weight")
    else:
        graph.add_edges_from(zip(src.tolist(), dst.tolist(), strict=True))
    return graph


def _values(graph: nx.Graph, scores: dict) -> np.ndarray:
    return np.array([scores[v] for v in range(len(graph))], dtype=np.float64)


def _degree(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    n = len(graph)
    if n == 1:
        return np.ones(1)
    return _values(graph, {v: d / (n - 1) for v, d in graph.degree(weight="weight" if weighted else None)})


def _pagerank(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    return _values(graph, nx.pagerank(graph, alpha=PAGERANK_ALPHA, weight="weight" if weighted else None,
                                      tol=_PAGERANK_TOL, max_iter=10_000))


def _betweenness(graph: nx.Graph, *, weighted: bool, k: int | None, seed: int | None,
                 **_: object) -> np.ndarray:
    return _values(graph, nx.betweenness_centrality(graph, k=k, normalized=True, endpoints=False, seed=seed,
                                                    weight="weight" if weighted else None))


def _closeness(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    return _values(graph, nx.closeness_centrality(graph, distance="weight" if weighted else None,
                                                  wf_improved=True))


def _eigenvector(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    n = len(graph)
    directed = graph.is_directed()
    weight = "weight" if weighted else None
    components = nx.strongly_connected_components(graph) if directed else nx.connected_components(graph)
    labels = np.empty(n, dtype=np.int64)
    for label, members in enumerate(components):
        labels[list(members)] = label
    edges = list(graph.edges(data="weight", default=1))
    src = np.array([u for u, _, _ in edges], dtype=np.int64)
    dst = np.array([v for _, v, _ in edges], dtype=np.int64)
    w = np.array([d if weighted else 1 for _, _, d in edges], dtype=np.float64)
    pieces = []
    for members in eigen_candidates(n, src, dst, w, labels, directed=directed):
        sub = graph.subgraph(members.tolist())
        if len(members) == 2:
            u, v = members.tolist()
            a = sub[u][v]["weight"] if weighted else 1.0
            vector, value = pair_perron(a, (sub[v][u]["weight"] if weighted else 1.0) if directed else a)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # scipy falls back to a dense solver
                scores = nx.eigenvector_centrality_numpy(sub, weight=weight)
            vector = unit_nonnegative([scores[v] for v in members.tolist()])
            value = _eigenvalue(sub, dict(zip(members.tolist(), vector, strict=True)), weight)
        pieces.append((members, vector, value))
    dominant = dominant_components(pieces, directed=directed)
    if not directed:
        return undirected_eigenvector(n, dominant)
    # One dominant strongly connected component S with eigenvalue rho: its Perron vector, and
    # below it the nodes D it reaches, where rho x_D = A_DD^T x_D + A_SD^T x_S (0 elsewhere).
    [(members, vector, rho)] = dominant
    # S is strongly connected: what one of its nodes reaches, all of them reach.
    below = sorted(nx.descendants(graph, int(members[0])) - set(members.tolist()))
    x = np.zeros(n)
    x[members] = vector
    if below:
        order = below + members.tolist()
        matrix = nx.to_scipy_sparse_array(graph, nodelist=order, weight=weight, format="csc").T
        d = len(below)
        system = rho * sp_sparse.identity(d, format="csc") - matrix[:d, :d]
        x[below] = np.atleast_1d(sp_linalg.spsolve(system.tocsc(), matrix[:d, d:] @ vector))
    return unit_nonnegative(x)


def _eigenvalue(graph: nx.Graph, vector: dict, weight: str | None) -> float:
    """``sum(A^T x) / sum(x)`` for an eigenvector ``x``: its eigenvalue."""
    total = 0.0
    for u, v, d in graph.edges(data=weight, default=1):
        d = 1 if weight is None else d
        total += d * vector[u]
        if not graph.is_directed():
            total += d * vector[v]
    return total / sum(vector.values())


_MEASURES: dict[str, Callable[..., np.ndarray]] = {
    "degree": _degree, "pagerank": _pagerank, "betweenness": _betweenness, "closeness": _closeness,
    "eigenvector": _eigenvector}

"""igraph, the back-end for large graphs: every measure in C, from the edge arrays, without a
networkx graph. PageRank by PRPACK; betweenness accumulates the dependencies of the sampled
sources only (``Graph.betweenness(sources=...)``); the eigenvector of the whole graph directly.
"""
from __future__ import annotations

import warnings
from collections.abc import Callable

import igraph as ig
import numpy as np

from graph.analytics.centrality.arithmetic import (
    PAGERANK_ALPHA,
    degree,
    dominant_components,
    eigen_candidates,
    pair_perron,
    rescale_betweenness,
    sample_sources,
    undirected_eigenvector,
    unit_nonnegative,
)

__all__ = ["MEASURES", "scores"]

MEASURES: tuple[str, ...] = ("degree", "pagerank", "betweenness", "eigenvector", "closeness")


def scores(measure: str, n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, weighted: bool,
           directed: bool, k: int | None, seed: int | None) -> np.ndarray:
    """``measure`` of every node of the simple graph ``src[j] -> dst[j]`` (weights ``w`` when ``weighted``).

    >>> scores("betweenness", 3, np.array([0, 1]), np.array([1, 2]), np.ones(2), weighted=False,
    ...        directed=False, k=None, seed=0).tolist()
    [0.0, 1.0, 0.0]
    """
    if measure == "degree":  # networkx's arithmetic, without building a graph
        return degree(n, src, dst, w if weighted else None)
    graph = _graph(n, src, dst, w if weighted else None, directed)
    return _MEASURES[measure](graph, weighted=weighted, k=k, seed=seed, edges=(src, dst, w))


def _graph(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray | None, directed: bool) -> ig.Graph:
    # A list of tuples is igraph's fastest input (a NumPy array or a list of lists takes twice as long).
    graph = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist(), strict=True)), directed=directed)
    if w is not None:
        graph.es["weight"] = w.tolist()
    return graph


def _weights(graph: ig.Graph, weighted: bool) -> str | None:
    return "weight" if weighted else None


def _pagerank(graph: ig.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    return np.array(graph.pagerank(damping=PAGERANK_ALPHA, weights=_weights(graph, weighted),
                                   directed=graph.is_directed(), implementation="prpack"))


def _betweenness(graph: ig.Graph, *, weighted: bool, k: int | None, seed: int | None,
                 **_: object) -> np.ndarray:
    n = graph.vcount()
    directed = graph.is_directed()
    sampled = None if k is None else sample_sources(n, k, seed)
    raw = np.array(graph.betweenness(directed=directed, weights=_weights(graph, weighted), sources=sampled),
                   dtype=np.float64)
    if not directed:  # igraph counts an unordered pair once; networkx accumulates both orders
        raw *= 2
    return rescale_betweenness(raw, directed=directed, sampled=sampled)


def _closeness(graph: ig.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    n = graph.vcount()
    if n < 2:
        return np.zeros(n)
    directed = graph.is_directed()
    mode = "in" if directed else "all"  # networkx: distances *to* the node
    weights = _weights(graph, weighted)
    inverse_total = np.array(graph.closeness(mode=mode, weights=weights, normalized=False), dtype=np.float64)
    if directed:  # how many nodes reach each one: igraph's normalised closeness is r / total
        reached = np.array(graph.closeness(mode=mode, weights=weights, normalized=True), dtype=np.float64)
        with np.errstate(invalid="ignore", divide="ignore"):
            r = np.rint(reached / inverse_total)
    else:
        membership = np.array(graph.connected_components().membership)
        r = np.bincount(membership)[membership] - 1.0
    scores = inverse_total * r * r / (n - 1)
    return np.nan_to_num(scores, nan=0.0, posinf=0.0)


def _eigenvector(graph: ig.Graph, *, weighted: bool, edges: tuple[np.ndarray, np.ndarray, np.ndarray],
                 **_: object) -> np.ndarray:
    n = graph.vcount()
    directed = graph.is_directed()
    weights = _weights(graph, weighted)
    labels = np.array(graph.connected_components(mode="strong" if directed else "weak").membership,
                      dtype=np.int64)
    src, dst, w = edges
    candidates = eigen_candidates(n, src, dst, w if weighted else np.ones(src.shape[0]), labels, directed=directed)
    if len(candidates) == 1:
        # The only candidate holds the largest eigenvalue, which is then simple: igraph's solver on
        # the whole graph finds its vector, up to rounding off the component (and what it reaches).
        return _whole_perron(graph, weights, candidates[0], labels)
    pieces = []
    for members in candidates:
        if len(members) == 2:
            u, v = members.tolist()
            a = graph.es[graph.get_eid(u, v)]["weight"] if weighted else 1.0
            b = (graph.es[graph.get_eid(v, u)]["weight"] if weighted else 1.0) if directed else a
            vector, value = pair_perron(a, b)
        else:
            vector, value = _perron(graph.induced_subgraph(members.tolist()), weights)
        pieces.append((members, vector, value))
    dominant = dominant_components(pieces, directed=directed)
    if not directed:
        return undirected_eigenvector(n, dominant)
    return _whole_perron(graph, weights, dominant[0][0], labels)


def _whole_perron(graph: ig.Graph, weights: str | None, members: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The top eigenvector of the whole graph, exactly 0 where the dominant component (``members``)
    does not reach: off it when undirected, off it and its descendants when directed."""
    vector, _ = _perron(graph, weights)
    if graph.is_directed():
        support = np.zeros(graph.vcount(), dtype=bool)
        support[graph.subcomponent(int(members[0]), mode="out")] = True
    else:
        support = labels == labels[members[0]]
    return unit_nonnegative(np.where(support, vector, 0.0))


def _perron(graph: ig.Graph, weights: str | None) -> tuple[np.ndarray, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "not meaningful for disconnected graphs": handled
        # (igraph 1.0 refuses directed=False on an undirected graph; the default suits both)
        vector, value = graph.eigenvector_centrality(weights=weights, return_eigenvalue=True)
    return unit_nonnegative(vector), float(value)


_MEASURES: dict[str, Callable[..., np.ndarray]] = {
    "pagerank": _pagerank, "betweenness": _betweenness, "closeness": _closeness, "eigenvector": _eigenvector}

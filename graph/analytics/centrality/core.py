"""What every centrality back-end shares: the names of the measures and back-ends, the simple
graph each back-end is given (:func:`collapse`), the checks of the parameters, and the choice of
a back-end (:func:`array_centrality`). The definitions are in :mod:`graph.analytics.centrality`.
"""
from __future__ import annotations

from collections.abc import Hashable
from typing import Literal, Protocol, TypeGuard, get_args

import networkx as nx
import numpy as np

from graph.analytics.centrality import igraph_backend, networkx_backend, scipy_backend
from graph.analytics.projection import from_networkx
from graph.errors import InvalidParameter

__all__ = ["Measure", "Backend", "MEASURES", "BACKENDS", "AUTO_IGRAPH_MIN_NODES", "centrality", "array_centrality",
           "collapse", "is_measure"]

Measure = Literal["degree", "pagerank", "betweenness", "eigenvector", "closeness"]
Backend = Literal["auto", "networkx", "igraph", "scipy"]

MEASURES: tuple[str, ...] = get_args(Measure)
BACKENDS: tuple[str, ...] = get_args(Backend)
#: ``backend="auto"`` uses the fast backends on graphs of at least this many nodes, networkx below.
AUTO_IGRAPH_MIN_NODES = 500


class _Backend(Protocol):
    """What each back-end module offers: the measures it computes, and ``scores`` to compute one."""

    MEASURES: tuple[str, ...]

    def scores(self, measure: str, n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, weighted: bool,
               directed: bool, k: int | None, seed: int | None) -> np.ndarray: ...


_BACKENDS: dict[str, _Backend] = {"networkx": networkx_backend, "igraph": igraph_backend, "scipy": scipy_backend}


def is_measure(value: object) -> TypeGuard[Measure]:
    """Whether ``value`` names one of the :data:`MEASURES` (and is then typed as one).

    >>> is_measure("pagerank"), is_measure("PageRank")
    (True, False)
    """
    return value in MEASURES


def centrality(graph: nx.Graph, measure: Measure, *, directed: bool = False, weight: str | None = None,
               k: int | None = None, seed: int | None = 0, backend: Backend = "auto") -> dict[Hashable, float]:
    """Score every node of ``graph`` by a centrality measure (defined in :mod:`graph.analytics.centrality`).

    Parameters
    ----------
    graph : networkx graph
        ``Graph``, ``DiGraph``, ``MultiGraph`` or ``MultiDiGraph``; made simple by :func:`collapse`.
    measure : {"degree", "pagerank", "betweenness", "eigenvector", "closeness"}
    directed : bool, optional (default=False)
        Follow edge directions; needs a directed ``graph``.
    weight : str or None, optional (default=None)
        Edge attribute holding a weight (missing counts 1): a strength for degree, PageRank and
        eigenvector, a distance for betweenness and closeness. ``None``: unweighted.
    k : int or None, optional (default=None)
        Betweenness only: estimate from ``k`` sampled sources (``2 <= k <= n``).
    seed : int or None, optional (default=0)
        The seed of that sample, as networkx's ``seed``.
    backend : {"auto", "networkx", "igraph", "scipy"}, optional (default="auto")
        ``"scipy"`` computes degree and PageRank only.

    Returns
    -------
    dict
        Node to score (a Python float), for every node, in the graph's node order.

    Raises
    ------
    InvalidParameter
        For an unknown ``measure`` or ``backend`` (or ``"scipy"`` for a measure it does not
        compute), ``directed=True`` on an undirected graph, a weight that is not positive, a
        ``k`` out of range or given for another measure, or an eigenvector centrality the
        directed graph does not define (no cycle, or a tie; see :mod:`graph.analytics.centrality`).

    Examples
    --------
    >>> g = nx.path_graph(4)
    >>> [round(s, 3) for s in centrality(g, "betweenness").values()]
    [0.0, 0.667, 0.667, 0.0]
    >>> [round(s, 3) for s in centrality(g, "betweenness", backend="igraph").values()]
    [0.0, 0.667, 0.667, 0.0]
    >>> [round(s, 3) for s in centrality(g, "closeness").values()]
    [0.5, 0.75, 0.75, 0.5]
    >>> star = nx.star_graph(3)
    >>> centrality(star, "degree")
    {0: 1.0, 1: 0.3333333333333333, 2: 0.3333333333333333, 3: 0.3333333333333333}
    >>> {v: round(s, 4) for v, s in centrality(star, "eigenvector", backend="igraph").items()}
    {0: 0.7071, 1: 0.4082, 2: 0.4082, 3: 0.4082}

    Two edges between the same pair count once unless a weight is named:

    >>> mg = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    >>> centrality(mg, "degree")
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    >>> centrality(mg, "degree", weight="weight")
    {'a': 1.0, 'b': 1.5, 'c': 0.5}
    """
    if directed and not graph.is_directed():
        raise InvalidParameter("directed", "the graph is undirected")
    projection = from_networkx(graph, weight=weight)
    scores = array_centrality(projection.n_nodes, projection.sources, projection.targets, measure,
                              weights=projection.weights if weight is not None else None, directed=directed,
                              k=k, seed=seed, backend=backend)
    return dict(zip(projection.ids, scores.tolist(), strict=True))


def array_centrality(n: int, sources: np.ndarray, targets: np.ndarray, measure: Measure, *,
                     weights: np.ndarray | None = None, directed: bool = False, k: int | None = None,
                     seed: int | None = 0, backend: Backend = "auto") -> np.ndarray:
    """:func:`centrality` of the graph of nodes ``0 .. n-1`` and edges ``sources[j] -> targets[j]``.

    This is the path for large graphs: with igraph no networkx graph is built.

    Parameters
    ----------
    n : int
        Number of nodes.
    sources, targets : array of int
        The edges (parallel edges and self-loops allowed; see :func:`collapse`).
    measure, directed, k, seed, backend
        As :func:`centrality`.
    weights : array of float or None, optional (default=None)
        One weight per edge, or ``None`` for an unweighted graph.

    Returns
    -------
    numpy.ndarray
        Scores by node index.

    Examples
    --------
    >>> src, dst = np.array([0, 1, 2]), np.array([1, 2, 0])
    >>> array_centrality(3, src, dst, "pagerank", directed=True, backend="igraph").round(4).tolist()
    [0.3333, 0.3333, 0.3333]
    """
    if measure not in MEASURES:
        raise InvalidParameter("measure", f"unknown measure {measure!r}; expected one of {', '.join(MEASURES)}")
    if backend not in BACKENDS:
        raise InvalidParameter("backend", f"unknown backend {backend!r}; expected one of {', '.join(BACKENDS)}")
    if k is not None:
        if measure != "betweenness":
            raise InvalidParameter("k", "only betweenness is estimated from a sample")
        if not 2 <= k <= n:
            raise InvalidParameter("k", f"must be between 2 and the number of nodes ({n})")
    if n == 0:
        return np.zeros(0)
    src, dst, w = collapse(n, np.asarray(sources), np.asarray(targets),
                           None if weights is None else np.asarray(weights, dtype=np.float64), directed=directed)
    weighted = weights is not None
    if weighted and not np.all(w > 0):
        raise InvalidParameter("weight", "weights must be positive numbers")
    if backend == "auto":
        backend = ("networkx" if n < AUTO_IGRAPH_MIN_NODES
                   else "scipy" if measure in scipy_backend.MEASURES else "igraph")
    chosen = _BACKENDS[backend]
    if measure not in chosen.MEASURES:
        raise InvalidParameter("backend", f"{backend} computes {' and '.join(chosen.MEASURES)} only, not {measure}")
    return chosen.scores(measure, n, src, dst, w, weighted=weighted, directed=directed, k=k, seed=seed)


def collapse(n: int, sources: np.ndarray, targets: np.ndarray, weights: np.ndarray | None = None, *,
             directed: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Make edges simple: drop self-loops, merge parallel edges, summing their weights.

    Undirected edges come out as ``(min, max)`` pairs. The weight of a merged edge is the sum of
    ``weights`` over the edges merged (so their number when ``weights`` is ``None``). The result
    is sorted by ``(source, target)``.

    Examples
    --------
    >>> s, t, w = collapse(3, np.array([0, 1, 0, 2]), np.array([1, 0, 1, 2]), directed=False)
    >>> s.tolist(), t.tolist(), w.tolist()
    ([0], [1], [3.0])
    >>> s, t, w = collapse(3, np.array([0, 1, 0]), np.array([1, 0, 1]), np.array([1.0, 2.0, 4.0]), directed=True)
    >>> s.tolist(), t.tolist(), w.tolist()
    ([0, 1], [1, 0], [5.0, 2.0])
    """
    sources = np.asarray(sources, dtype=np.int64)
    targets = np.asarray(targets, dtype=np.int64)
    weights = np.ones(sources.shape[0]) if weights is None else np.asarray(weights, dtype=np.float64)
    keep = sources != targets
    sources, targets, weights = sources[keep], targets[keep], weights[keep]
    if not directed:
        sources, targets = np.minimum(sources, targets), np.maximum(sources, targets)
    codes = sources * n + targets
    unique, inverse = np.unique(codes, return_inverse=True)
    summed = np.bincount(inverse, weights=weights, minlength=unique.shape[0])
    return unique // n, unique % n, summed

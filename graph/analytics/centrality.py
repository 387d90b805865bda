"""Centrality: degree, PageRank, betweenness, eigenvector and closeness, computed two ways.

networkx is the reference (``backend="networkx"``). The fast backends work from integer edge
arrays and never build a networkx graph: ``backend="igraph"`` computes every measure in C, and
``backend="scipy"`` computes degree and PageRank with NumPy and a sparse matrix, which at 100k
nodes and 1M edges is several times quicker than igraph's PageRank solver once the cost of
building an igraph graph is counted (``bench/centrality_bench.py``). ``backend="auto"`` uses
networkx below :data:`AUTO_IGRAPH_MIN_NODES` nodes and from there scipy for degree and PageRank,
igraph for the rest. The backends agree to 1e-9 on the definitions below
(``tests/graph/analytics/test_centrality.py``).

The graph every backend sees
----------------------------
Every input is first made a *simple* graph (:func:`collapse`), the same way for all backends:

- self-loops are dropped (an entity's relation with itself says nothing of its position);
- with ``directed=False`` an edge joins its two ends whichever way it points;
- parallel edges become one edge (several relation types, statuses or directions between the
  same two entities). With ``weight=None`` every pair of entities that is connected counts
  once, however many edges join it; with ``weight="..."`` the one edge carries the *sum* of the
  parallel edges' weights (missing weights count 1).

Definitions (networkx's, normalisation included)
------------------------------------------------
degree
    ``degree / (n - 1)`` (in + out when directed; weighted degree with ``weight``), as
    ``nx.degree_centrality``; a one-node graph scores 1.
pagerank
    ``nx.pagerank`` with ``alpha = 0.85``, uniform teleportation, dangling nodes spreading their
    rank uniformly; ``weight`` is a strength. The reference is solved to ``tol = 1e-13`` (networkx's
    default, 1e-6, leaves errors of the order of the differences between scores); igraph solves it
    with PRPACK, scipy iterates until the L1 change is below 1e-12 (an error below 6e-12).
betweenness
    ``nx.betweenness_centrality(normalized=True, endpoints=False)``; ``weight`` is a *distance*.
    With ``k`` it is estimated from ``k`` source nodes drawn exactly as networkx draws them
    (``random.Random(seed).sample`` over the nodes in order) and rescaled as networkx does, so a
    sampled result equals networkx's for the same ``seed``. igraph accumulates the dependencies
    of just those sources (``Graph.betweenness(sources=...)``).
closeness
    ``nx.closeness_centrality(wf_improved=True)``: ``(r / (n - 1)) * (r / total distance)`` over the
    ``r`` nodes that reach the node (incoming distances when directed); 0 when none does;
    ``weight`` is a distance.
eigenvector
    The eigenvector of the largest eigenvalue of the adjacency matrix (of its transpose when
    directed: a node is central when central nodes point at it), non-negative and of unit
    Euclidean norm, as ``nx.eigenvector_centrality_numpy``; ``weight`` is a strength.

    On a connected graph that vector is unique. On a disconnected one it is what networkx's
    power iteration (``nx.eigenvector_centrality``, started from the uniform vector) converges to:
    the Perron vector of the component with the largest leading eigenvalue and 0 elsewhere;
    when several components tie, each gets its own Perron vector ``v`` scaled by ``sum(v)``
    (the projection of the uniform start on their common eigenspace); a graph without edges
    scores ``1 / sqrt(n)`` everywhere. ``nx.eigenvector_centrality_numpy`` refuses disconnected
    graphs, so the reference runs it on each candidate component.

    A directed graph needs a directed cycle (a graph without one has only the eigenvalue 0), and
    its largest eigenvalue must belong to one strongly connected component: when several tie,
    the vector is not determined by the definition above and :class:`InvalidParameter` is
    raised (use ``directed=False``). With one, ``S``, the vector is ``S``'s Perron vector carried
    down to the nodes ``D`` that ``S`` reaches (``rho x_D = A_DD^T x_D + A_SD^T x_S``; 0 elsewhere),
    where ``nx.eigenvector_centrality`` converges too: the reference solves that linear system,
    igraph finds the vector of the whole graph directly.
"""
from __future__ import annotations

import math
import random
import warnings
from collections.abc import Callable, Hashable
from typing import Literal, TypeGuard

import igraph as ig
import networkx as nx
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp_sparse
import scipy.sparse.linalg as sp_linalg

from graph.analytics.projection import from_networkx
from graph.errors import InvalidParameter

__all__ = ["Measure", "Backend", "MEASURES", "BACKENDS", "AUTO_IGRAPH_MIN_NODES", "PAGERANK_ALPHA", "centrality",
           "array_centrality", "collapse", "sample_sources", "is_measure"]

Measure = Literal["degree", "pagerank", "betweenness", "eigenvector", "closeness"]
Backend = Literal["auto", "networkx", "igraph", "scipy"]

MEASURES: tuple[str, ...] = ("degree", "pagerank", "betweenness", "eigenvector", "closeness")
BACKENDS: tuple[str, ...] = ("auto", "networkx", "igraph", "scipy")
#: ``backend="auto"`` uses the fast backends on graphs of at least this many nodes, networkx below.
AUTO_IGRAPH_MIN_NODES = 500
PAGERANK_ALPHA = 0.85



def is_measure(value: object) -> TypeGuard[Measure]:
    """Whether ``value`` names one of the :data:`MEASURES` (and is then typed as one).

    >>> is_measure("pagerank"), is_measure("PageRank")
    (True, False)
    """
    return value in MEASURES


_PAGERANK_TOL = 1e-13       # networkx reference: its stopping rule is an L1 change below n * tol
_TIE = 1e-9                 # relative difference under which two eigenvalues are equal


def centrality(graph: nx.Graph, measure: Measure, *, directed: bool = False, weight: str | None = None,
               k: int | None = None, seed: int | None = 0, backend: Backend = "auto") -> dict[Hashable, float]:
    """Score every node of ``graph`` by a centrality measure (see the module docstring).

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
        directed graph does not define (no cycle, or a tie; see the module docstring).

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
        backend = "networkx" if n < AUTO_IGRAPH_MIN_NODES else "scipy" if measure in _SCIPY else "igraph"
    if backend == "scipy" and measure not in _SCIPY:
        raise InvalidParameter("backend", f"scipy computes {' and '.join(_SCIPY)} only, not {measure}")
    if measure == "degree":  # the same arithmetic either way; networkx's reads the degree off the graph
        if backend == "networkx":
            return _nx_degree(_nx_graph(n, src, dst, w, directed, weighted), weighted)
        return _degree(n, src, dst, w if weighted else None)
    if backend == "scipy":
        return _scipy_pagerank(n, src, dst, w if weighted else np.ones(src.shape[0]), directed=directed)
    if backend == "networkx":
        graph = _nx_graph(n, src, dst, w, directed, weighted)
        return _NX[measure](graph, weighted=weighted, k=k, seed=seed)
    graph = _ig_graph(n, src, dst, w if weighted else None, directed)
    return _IG[measure](graph, weighted=weighted, k=k, seed=seed, edges=(src, dst, w))


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


def sample_sources(n: int, k: int, seed: int | None) -> list[int]:
    """The ``k`` source indices networkx samples among ``n`` nodes for ``seed``.

    networkx draws ``random.Random(seed).sample(list(G), k)``; ``random.sample`` chooses positions
    from the population's length alone, so the same positions come out of ``range(n)``.

    >>> g = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> [list(g)[i] for i in sample_sources(5, 2, 7)] == random.Random(7).sample(list(g), 2)
    True
    """
    return random.Random(seed).sample(range(n), k)


# --- the arithmetic shared by the backends ----------------------------------------------------------

def _degree(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray | None) -> np.ndarray:
    if n == 1:
        return np.ones(1)
    degree = np.bincount(src, weights=w, minlength=n) + np.bincount(dst, weights=w, minlength=n)
    return degree.astype(np.float64) / (n - 1)


def _rescale_betweenness(raw: np.ndarray, *, directed: bool, sampled: list[int] | None) -> np.ndarray:
    """networkx's normalisation (``_rescale`` with ``endpoints=False``) of summed dependencies.

    ``raw`` counts each ordered (source, target) pair once, as networkx accumulates it.
    """
    n = raw.shape[0]
    big_n = n - 1
    if big_n < 2:
        return raw
    if sampled is None:
        return raw / (big_n * (big_n - 1))
    k = len(sampled)
    scale = np.full(n, 1 / (k * (big_n - 1)))
    scale[sampled] = 1 / ((k - 1) * (big_n - 1))
    return raw * scale


def _dominant(pieces: list[tuple[np.ndarray, np.ndarray, float]], *,
              directed: bool) -> list[tuple[np.ndarray, np.ndarray, float]]:
    """The components holding the largest eigenvalue, from each candidate's
    ``(members, unit Perron vector, eigenvalue)``; raises where the definition gives no answer."""
    if not pieces:  # no component of two nodes or more: every eigenvalue is 0
        if directed:
            raise InvalidParameter("measure", "eigenvector centrality is undefined on a directed graph without "
                                              "a directed cycle (its only eigenvalue is 0); use directed=False")
        return []
    rho = max(value for _, _, value in pieces)
    dominant = [piece for piece in pieces if piece[2] >= rho * (1 - _TIE)]
    if directed and len(dominant) > 1:
        raise InvalidParameter("directed", f"eigenvector centrality is ambiguous on this directed graph: "
                                           f"{len(dominant)} strongly connected components share the largest "
                                           f"eigenvalue ({rho:.6g}); use directed=False")
    return dominant


def _undirected_eigenvector(n: int, dominant: list[tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    """Each dominant component's Perron vector ``v`` scaled by ``sum(v)``; uniform without edges."""
    if not dominant:
        return np.full(n, 1 / math.sqrt(n))
    x = np.zeros(n)
    for members, vector, _ in dominant:
        x[members] = vector * vector.sum()
    return x / np.linalg.norm(x)


def _candidates(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, labels: np.ndarray, *,
                directed: bool) -> list[np.ndarray]:
    """Components (by ``labels``) that may hold the largest leading eigenvalue, found by bounds.

    For the non-negative matrix of a connected (strongly connected) component, the leading
    eigenvalue lies between the smallest and the largest row sum (and column sum); when
    undirected, it is also at least the mean row sum and the root of the largest sum of squared
    weights of a row. A component whose upper bound is below another's lower bound cannot win.
    Components of one node have eigenvalue 0 and are never candidates.
    """
    internal = labels[src] == labels[dst]
    s, t, ww = src[internal], dst[internal], w[internal]
    count = int(labels.max()) + 1
    size = np.bincount(labels, minlength=count)
    out_sum = np.bincount(s, weights=ww, minlength=n)
    in_sum = np.bincount(t, weights=ww, minlength=n)
    if directed:
        upper = np.minimum(_group_max(out_sum, labels, count), _group_max(in_sum, labels, count))
        lower = np.maximum(_group_min(out_sum, labels, count), _group_min(in_sum, labels, count))
    else:
        row = out_sum + in_sum
        squares = np.bincount(s, weights=ww * ww, minlength=n) + np.bincount(t, weights=ww * ww, minlength=n)
        upper = _group_max(row, labels, count)
        lower = np.maximum(np.bincount(labels, weights=row, minlength=count) / size,
                           np.sqrt(_group_max(squares, labels, count)))
    eligible = size >= 2
    if not eligible.any():
        return []
    best = lower[eligible].max()
    chosen = np.flatnonzero(eligible & (upper >= best * (1 - _TIE)))
    order = np.argsort(labels, kind="stable")
    starts = np.concatenate(([0], np.cumsum(size)))
    return [order[starts[c]:starts[c + 1]] for c in chosen]


def _group_max(values: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    out = np.full(count, -np.inf)
    np.maximum.at(out, labels, values)
    return out


def _group_min(values: np.ndarray, labels: np.ndarray, count: int) -> np.ndarray:
    out = np.full(count, np.inf)
    np.minimum.at(out, labels, values)
    return out


def _unit_nonnegative(vector: npt.ArrayLike) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float64)
    vector = vector * (np.sign(vector.sum()) or 1.0)
    vector = np.clip(vector, 0.0, None)
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def _pair_perron(a: float, b: float) -> tuple[np.ndarray, float]:
    """The two-node component: edge weights ``a`` (first to second) and ``b`` (back; = a if undirected)."""
    rho = math.sqrt(a * b)
    vector = np.array([math.sqrt(b), math.sqrt(a)])  # x_second / x_first = a / rho for the transpose
    return vector / np.linalg.norm(vector), rho


# --- networkx, the reference ---------------------------------------------------------------------

def _nx_graph(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, directed: bool,
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


def _nx_degree(graph: nx.Graph, weighted: bool) -> np.ndarray:
    n = len(graph)
    if n == 1:
        return np.ones(1)
    return _values(graph, {v: d / (n - 1) for v, d in graph.degree(weight="weight" if weighted else None)})


def _nx_pagerank(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    return _values(graph, nx.pagerank(graph, alpha=PAGERANK_ALPHA, weight="weight" if weighted else None,
                                      tol=_PAGERANK_TOL, max_iter=10_000))


def _nx_betweenness(graph: nx.Graph, *, weighted: bool, k: int | None, seed: int | None) -> np.ndarray:
    return _values(graph, nx.betweenness_centrality(graph, k=k, normalized=True, endpoints=False, seed=seed,
                                                    weight="weight" if weighted else None))


def _nx_closeness(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    return _values(graph, nx.closeness_centrality(graph, distance="weight" if weighted else None,
                                                  wf_improved=True))


def _nx_eigenvector(graph: nx.Graph, *, weighted: bool, **_: object) -> np.ndarray:
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
    for members in _candidates(n, src, dst, w, labels, directed=directed):
        sub = graph.subgraph(members.tolist())
        if len(members) == 2:
            u, v = members.tolist()
            a = sub[u][v]["weight"] if weighted else 1.0
            vector, value = _pair_perron(a, (sub[v][u]["weight"] if weighted else 1.0) if directed else a)
        else:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # scipy falls back to a dense solver
                scores = nx.eigenvector_centrality_numpy(sub, weight=weight)
            vector = _unit_nonnegative([scores[v] for v in members.tolist()])
            value = _nx_eigenvalue(sub, dict(zip(members.tolist(), vector, strict=True)), weight)
        pieces.append((members, vector, value))
    dominant = _dominant(pieces, directed=directed)
    if not directed:
        return _undirected_eigenvector(n, dominant)
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
    return _unit_nonnegative(x)


def _nx_eigenvalue(graph: nx.Graph, vector: dict, weight: str | None) -> float:
    """``sum(A^T x) / sum(x)`` for an eigenvector ``x``: its eigenvalue."""
    total = 0.0
    for u, v, d in graph.edges(data=weight, default=1):
        d = 1 if weight is None else d
        total += d * vector[u]
        if not graph.is_directed():
            total += d * vector[v]
    return total / sum(vector.values())


_NX: dict[str, Callable[..., np.ndarray]] = {
    "pagerank": _nx_pagerank, "betweenness": _nx_betweenness, "closeness": _nx_closeness,
    "eigenvector": _nx_eigenvector}


# --- scipy ---------------------------------------------------------------------------------------

_SCIPY = ("degree", "pagerank")
_SCIPY_TOL = 1e-12      # L1 change that stops the iteration; the error is at most 0.85/0.15 of it
_SCIPY_MAX_ITER = 1000  # 0.85 ** 200 < 1e-14: never reached


def _scipy_pagerank(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, directed: bool) -> np.ndarray:
    """networkx's PageRank by power iteration on a sparse matrix (dangling rank spread uniformly)."""
    if not directed:
        src, dst, w = np.concatenate((src, dst)), np.concatenate((dst, src)), np.concatenate((w, w))
    into = sp_sparse.csr_array((w, (dst, src)), shape=(n, n))  # row v: the edges u -> v
    out = np.bincount(src, weights=w, minlength=n)
    inverse = np.divide(1.0, out, out=np.zeros(n), where=out > 0)
    dangling = out == 0
    x = np.full(n, 1.0 / n)
    for _ in range(_SCIPY_MAX_ITER):
        last = x
        x = PAGERANK_ALPHA * (into @ (last * inverse))
        x += (PAGERANK_ALPHA * last[dangling].sum() + 1.0 - PAGERANK_ALPHA) / n
        if np.abs(x - last).sum() < _SCIPY_TOL:
            break
    return x / x.sum()


# --- igraph ------------------------------------------------------------------------------------

def _ig_graph(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray | None, directed: bool) -> ig.Graph:
    # A list of tuples is igraph's fastest input (a NumPy array or a list of lists takes twice as long).
    graph = ig.Graph(n=n, edges=list(zip(src.tolist(), dst.tolist(), strict=True)), directed=directed)
    if w is not None:
        graph.es["weight"] = w.tolist()
    return graph


def _ig_weights(graph: ig.Graph, weighted: bool) -> str | None:
    return "weight" if weighted else None


def _ig_pagerank(graph: ig.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    return np.array(graph.pagerank(damping=PAGERANK_ALPHA, weights=_ig_weights(graph, weighted),
                                   directed=graph.is_directed(), implementation="prpack"))


def _ig_betweenness(graph: ig.Graph, *, weighted: bool, k: int | None, seed: int | None,
                    **_: object) -> np.ndarray:
    n = graph.vcount()
    directed = graph.is_directed()
    sampled = None if k is None else sample_sources(n, k, seed)
    raw = np.array(graph.betweenness(directed=directed, weights=_ig_weights(graph, weighted), sources=sampled),
                   dtype=np.float64)
    if not directed:  # igraph counts an unordered pair once; networkx accumulates both orders
        raw *= 2
    return _rescale_betweenness(raw, directed=directed, sampled=sampled)


def _ig_closeness(graph: ig.Graph, *, weighted: bool, **_: object) -> np.ndarray:
    n = graph.vcount()
    if n < 2:
        return np.zeros(n)
    directed = graph.is_directed()
    mode = "in" if directed else "all"  # networkx: distances *to* the node
    weights = _ig_weights(graph, weighted)
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


def _ig_eigenvector(graph: ig.Graph, *, weighted: bool, edges: tuple[np.ndarray, np.ndarray, np.ndarray],
                    **_: object) -> np.ndarray:
    n = graph.vcount()
    directed = graph.is_directed()
    weights = _ig_weights(graph, weighted)
    labels = np.array(graph.connected_components(mode="strong" if directed else "weak").membership,
                      dtype=np.int64)
    src, dst, w = edges
    candidates = _candidates(n, src, dst, w if weighted else np.ones(src.shape[0]), labels, directed=directed)
    if len(candidates) == 1:
        # The only candidate holds the largest eigenvalue, which is then simple: igraph's solver on
        # the whole graph finds its vector, up to rounding off the component (and what it reaches).
        return _ig_whole_perron(graph, weights, candidates[0], labels)
    pieces = []
    for members in candidates:
        if len(members) == 2:
            u, v = members.tolist()
            a = graph.es[graph.get_eid(u, v)]["weight"] if weighted else 1.0
            b = (graph.es[graph.get_eid(v, u)]["weight"] if weighted else 1.0) if directed else a
            vector, value = _pair_perron(a, b)
        else:
            vector, value = _ig_perron(graph.induced_subgraph(members.tolist()), weights)
        pieces.append((members, vector, value))
    dominant = _dominant(pieces, directed=directed)
    if not directed:
        return _undirected_eigenvector(n, dominant)
    return _ig_whole_perron(graph, weights, dominant[0][0], labels)


def _ig_whole_perron(graph: ig.Graph, weights: str | None, members: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The top eigenvector of the whole graph, exactly 0 where the dominant component (``members``)
    does not reach: off it when undirected, off it and its descendants when directed."""
    vector, _ = _ig_perron(graph, weights)
    if graph.is_directed():
        support = np.zeros(graph.vcount(), dtype=bool)
        support[graph.subcomponent(int(members[0]), mode="out")] = True
    else:
        support = labels == labels[members[0]]
    return _unit_nonnegative(np.where(support, vector, 0.0))


def _ig_perron(graph: ig.Graph, weights: str | None) -> tuple[np.ndarray, float]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "not meaningful for disconnected graphs": handled
        # (igraph 1.0 refuses directed=False on an undirected graph; the default suits both)
        vector, value = graph.eigenvector_centrality(weights=weights, return_eigenvalue=True)
    return _unit_nonnegative(vector), float(value)


_IG: dict[str, Callable[..., np.ndarray]] = {
    "pagerank": _ig_pagerank, "betweenness": _ig_betweenness, "closeness": _ig_closeness,
    "eigenvector": _ig_eigenvector}

"""The arithmetic the centrality back-ends share: degree, networkx's rescaling of betweenness,
PageRank's damping, networkx's sample of betweenness sources, and the choice of the component(s)
whose Perron vector is the eigenvector centrality (see :mod:`graph.analytics.centrality`).

Everything here works on the simple graph :func:`~graph.analytics.centrality.core.collapse`
makes: nodes ``0 .. n-1``, edge arrays ``src``, ``dst`` and their weights ``w``.
"""
from __future__ import annotations

import math
import random

import numpy as np
import numpy.typing as npt

from graph.errors import InvalidParameter

__all__ = ["PAGERANK_ALPHA", "sample_sources", "degree", "rescale_betweenness", "dominant_components",
           "undirected_eigenvector", "eigen_candidates", "unit_nonnegative", "pair_perron"]

PAGERANK_ALPHA = 0.85
_TIE = 1e-9                 # relative difference under which two eigenvalues are equal


def sample_sources(n: int, k: int, seed: int | None) -> list[int]:
    """The ``k`` source indices networkx samples among ``n`` nodes for ``seed``.

    networkx draws ``random.Random(seed).sample(list(G), k)``; ``random.sample`` chooses positions
    from the population's length alone, so the same positions come out of ``range(n)``.

    >>> import networkx as nx
    >>> g = nx.path_graph(["a", "b", "c", "d", "e"])
    >>> [list(g)[i] for i in sample_sources(5, 2, 7)] == random.Random(7).sample(list(g), 2)
    True
    """
    return random.Random(seed).sample(range(n), k)


def degree(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray | None) -> np.ndarray:
    """``degree / (n - 1)`` of every node, weighted by ``w`` unless it is ``None``.

    >>> degree(3, np.array([0, 0]), np.array([1, 2]), None).tolist()
    [1.0, 0.5, 0.5]
    """
    if n == 1:
        return np.ones(1)
    total = np.bincount(src, weights=w, minlength=n) + np.bincount(dst, weights=w, minlength=n)
    return total.astype(np.float64) / (n - 1)


def rescale_betweenness(raw: np.ndarray, *, directed: bool, sampled: list[int] | None) -> np.ndarray:
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


def dominant_components(pieces: list[tuple[np.ndarray, np.ndarray, float]], *,
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


def undirected_eigenvector(n: int, dominant: list[tuple[np.ndarray, np.ndarray, float]]) -> np.ndarray:
    """Each dominant component's Perron vector ``v`` scaled by ``sum(v)``; uniform without edges."""
    if not dominant:
        return np.full(n, 1 / math.sqrt(n))
    x = np.zeros(n)
    for members, vector, _ in dominant:
        x[members] = vector * vector.sum()
    return x / np.linalg.norm(x)


def eigen_candidates(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, labels: np.ndarray, *,
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


def unit_nonnegative(vector: npt.ArrayLike) -> np.ndarray:
    vector = np.asarray(vector, dtype=np.float64)
    vector = vector * (np.sign(vector.sum()) or 1.0)
    vector = np.clip(vector, 0.0, None)
    norm = np.linalg.norm(vector)
    return vector / norm if norm else vector


def pair_perron(a: float, b: float) -> tuple[np.ndarray, float]:
    """The two-node component: edge weights ``a`` (first to second) and ``b`` (back; = a if undirected)."""
    rho = math.sqrt(a * b)
    vector = np.array([math.sqrt(b), math.sqrt(a)])  # x_second / x_first = a / rho for the transpose
    return vector / np.linalg.norm(vector), rho

"""scipy, the back-end for the two measures that are sums over edges: degree (NumPy) and PageRank
(power iteration on a sparse matrix).

At 100k nodes and 1M edges its PageRank is several times quicker than igraph's PRPACK once the
cost of building an igraph graph is counted (``bench/centrality_bench.py``). It iterates until the
L1 change is below 1e-12 (an error below 6e-12).
"""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp_sparse

from graph.analytics.centrality.arithmetic import PAGERANK_ALPHA, degree

__all__ = ["MEASURES", "scores"]

MEASURES: tuple[str, ...] = ("degree", "pagerank")
_SCIPY_TOL = 1e-12      # L1 change that stops the iteration; the error is at most 0.85/0.15 of it
_SCIPY_MAX_ITER = 1000  # 0.85 ** 200 < 1e-14: never reached


def scores(measure: str, n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, weighted: bool,
           directed: bool, k: int | None = None, seed: int | None = None) -> np.ndarray:
    """``measure`` (degree or pagerank) of every node of the simple graph ``src[j] -> dst[j]``.

    >>> scores("pagerank", 3, np.array([0, 1, 2]), np.array([1, 2, 0]), np.ones(3), weighted=False,
    ...        directed=True).round(4).tolist()
    [0.3333, 0.3333, 0.3333]
    """
    if measure == "degree":
        return degree(n, src, dst, w if weighted else None)
    return _pagerank(n, src, dst, w if weighted else np.ones(src.shape[0]), directed=directed)


def _pagerank(n: int, src: np.ndarray, dst: np.ndarray, w: np.ndarray, *, directed: bool) -> np.ndarray:
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

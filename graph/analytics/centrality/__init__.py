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

The modules
-----------
:mod:`~graph.analytics.centrality.core`
    The names, the simple graph, the checks and the choice of a back-end: :func:`centrality`
    and :func:`array_centrality`.
``networkx_backend``, ``igraph_backend``, ``scipy_backend``
    One back-end each, with the same ``scores(measure, n, src, dst, w, ...)``.
:mod:`~graph.analytics.centrality.arithmetic`
    What several back-ends compute the same way (degree, betweenness rescaling, the choice of
    the eigenvector's component).
"""
from graph.analytics.centrality.arithmetic import PAGERANK_ALPHA, sample_sources
from graph.analytics.centrality.core import (
    AUTO_IGRAPH_MIN_NODES,
    BACKENDS,
    MEASURES,
    Backend,
    Measure,
    array_centrality,
    centrality,
    collapse,
    is_measure,
)

__all__ = ["Measure", "Backend", "MEASURES", "BACKENDS", "AUTO_IGRAPH_MIN_NODES", "PAGERANK_ALPHA", "centrality",
           "array_centrality", "collapse", "sample_sources", "is_measure"]

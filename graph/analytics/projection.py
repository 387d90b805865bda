"""The projection analytics run on: entities as nodes, the edges between them as arrays.

A projection is built from plain rows, never from the database: node rows ``{id, name, kind}``
and edge rows ``{source, target, weight}`` (other keys such as ``type`` and ``status`` are
accepted and ignored; the edge filter has already chosen the edges). It keeps the nodes in the
order of their rows and the edges as integer-indexed NumPy arrays, so that a graph of 100k
nodes and 1M edges is held in a few megabytes and handed to igraph without ever building a
networkx graph. :meth:`Projection.to_networkx` builds the networkx ``MultiDiGraph`` when the
reference implementation is wanted.

An edge whose source or target is not among the nodes is left out (it happens when the nodes
are restricted to some kinds, or when a load commits between the read of the nodes and the read
of the edges); :attr:`Projection.dropped` counts them.

:func:`project_chunks` builds the same projection from *columns*: a few rows of parallel lists,
the ends of edges given as integer node handles (the form the store's projection statements
return: a million edges in a few dozen rows, where the driver's cost is per row).

>>> p = project([{"id": "a", "name": "A", "kind": "Person"}, {"id": "b", "name": "B", "kind": "State"}],
...             [{"source": "a", "target": "b", "type": "LEADS", "weight": 2},
...              {"source": "a", "target": "x", "weight": 1}])
>>> p.n_nodes, p.n_edges, p.dropped
(2, 1, 1)
>>> p.sources.tolist(), p.targets.tolist(), p.weights.tolist()
([0], [1], [2.0])
"""
from __future__ import annotations

import itertools
import operator
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import numpy as np

__all__ = ["Projection", "project", "project_chunks", "to_networkx", "from_networkx"]

_CHUNK = 65_536  # edge rows turned into arrays at a time


@dataclass(frozen=True, eq=False)
class Projection:
    """Nodes by position and edges as index arrays; treat it as read-only (it is shared by caches).

    Attributes
    ----------
    ids, names, kinds : tuple
        The nodes, in row order; node ``i`` is ``ids[i]`` (entity ids are strings).
    sources, targets : numpy.ndarray of int64
        Edge ``j`` goes from node ``sources[j]`` to node ``targets[j]``. Parallel edges and
        self-loops are kept as they came: how they count is the analytics' choice.
    weights : numpy.ndarray of float64
        Each edge's weight (the evidence count in intelgraph; 1 where a row has none).
    dropped : int
        Edge rows left out because an end was not among the nodes.
    """

    ids: tuple[Hashable, ...]
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    sources: np.ndarray
    targets: np.ndarray
    weights: np.ndarray
    dropped: int = 0
    _index: dict[Hashable, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def n_nodes(self) -> int:
        return len(self.ids)

    @property
    def n_edges(self) -> int:
        return int(self.sources.shape[0])

    def index(self) -> dict[Hashable, int]:
        """The position of each node id (built on first use)."""
        if not self._index and self.ids:
            self._index.update((node_id, i) for i, node_id in enumerate(self.ids))
        return self._index

    def to_networkx(self, *, weight: str = "weight") -> nx.MultiDiGraph:
        """The projection as a networkx ``MultiDiGraph``: nodes keyed by id with ``name`` and ``kind``,
        one edge per edge with its weight under the attribute ``weight``.

        >>> p = project([{"id": "a", "name": "A", "kind": "Person"}, {"id": "b", "name": "B", "kind": "State"}],
        ...             [{"source": "a", "target": "b", "weight": 2}, {"source": "a", "target": "b"}])
        >>> sorted(p.to_networkx().edges(data="weight"))
        [('a', 'b', 1.0), ('a', 'b', 2.0)]
        """
        graph = nx.MultiDiGraph()
        graph.add_nodes_from((node_id, {"name": name, "kind": kind})
                             for node_id, name, kind in zip(self.ids, self.names, self.kinds, strict=True))
        ids = self.ids
        graph.add_edges_from((ids[s], ids[t], {weight: w}) for s, t, w in
                             zip(self.sources.tolist(), self.targets.tolist(), self.weights.tolist(), strict=True))
        return graph


def project(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]], *,
            weight: str = "weight") -> Projection:
    """Build a :class:`Projection` from node rows and edge rows, in one pass over each.

    Parameters
    ----------
    nodes : iterable of mappings
        ``{id, name, kind}`` rows; a repeated id keeps its first row.
    edges : iterable of mappings
        ``{source, target, ...}`` rows naming node ids; may be a stream (it is read once, a
        chunk of rows at a time).
    weight : str, optional (default="weight")
        The key of an edge row holding its weight; a missing or null value counts as 1.

    Returns
    -------
    Projection

    Examples
    --------
    >>> p = project([{"id": "b", "name": "B", "kind": "State"}, {"id": "a", "name": "A", "kind": "Person"}],
    ...             [{"source": "a", "target": "b", "strength": 3}, {"source": "b", "target": "a"}],
    ...             weight="strength")
    >>> p.ids, p.sources.tolist(), p.targets.tolist(), p.weights.tolist()
    (('b', 'a'), [1, 0], [0, 1], [3.0, 1.0])
    """
    ids: list[str] = []
    names: list[str] = []
    kinds: list[str] = []
    index: dict[Hashable, int] = {}
    for row in nodes:
        node_id = row["id"]
        if node_id in index:
            continue
        index[node_id] = len(ids)
        ids.append(node_id)
        names.append(row.get("name") or node_id)
        kinds.append(row.get("kind") or "")

    # Each chunk is turned into arrays by loops that run in C (map, itemgetter, list): about a
    # third of the time of a Python loop over a million rows, and a stream is never held whole.
    chunks: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    dropped = 0
    lookup = index.get
    get_source, get_target = operator.itemgetter("source"), operator.itemgetter("target")
    rows_left = iter(edges)
    while rows := list(itertools.islice(rows_left, _CHUNK)):
        s = np.array(list(map(lookup, list(map(get_source, rows)), itertools.repeat(-1))), dtype=np.int64)
        t = np.array(list(map(lookup, list(map(get_target, rows)), itertools.repeat(-1))), dtype=np.int64)
        dropped += _keep_known(chunks, s, t, [row.get(weight) for row in rows])
    sources, targets, weights = _joined(chunks)
    return Projection(ids=tuple(ids), names=tuple(names), kinds=tuple(kinds), sources=sources,
                      targets=targets, weights=weights, dropped=dropped, _index=index)


def project_chunks(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> Projection:
    """Build a :class:`Projection` from chunks of columns, in one pass over each.

    Parameters
    ----------
    nodes : iterable of mappings
        Chunks ``{ids, names, kinds, nodes}`` of parallel lists: node ``ids`` (unique), their
        ``names`` and ``kinds``, and ``nodes``, an integer handle for each (unique; Neo4j's
        internal node id in intelgraph). Nodes keep the order of the chunks and of their lists.
    edges : iterable of mappings
        Chunks ``{sources, targets, weights}`` of parallel lists: the handles of each edge's ends
        and its weight (``None`` counts as 1). May be a stream: each chunk becomes arrays as it
        comes.

    Returns
    -------
    Projection
        As :func:`project` gives for the same nodes and edges as rows.

    Examples
    --------
    >>> p = project_chunks([{"ids": ["b", "a"], "names": ["B", "A"], "kinds": ["State", "Person"],
    ...                      "nodes": [70, 12]}],
    ...                    [{"sources": [12, 70], "targets": [70, 12], "weights": [3, None]},
    ...                     {"sources": [12], "targets": [99], "weights": [1]}])
    >>> p.ids, p.sources.tolist(), p.targets.tolist(), p.weights.tolist(), p.dropped
    (('b', 'a'), [1, 0], [0, 1], [3.0, 1.0], 1)
    """
    ids: list[Hashable] = []
    names: list[str] = []
    kinds: list[str] = []
    handles: list[int] = []
    for chunk in nodes:
        ids.extend(chunk["ids"])
        names.extend(name or node_id for name, node_id in zip(chunk["names"], chunk["ids"], strict=True))
        kinds.extend(kind or "" for kind in chunk["kinds"])
        handles.extend(chunk["nodes"])
    # Handle -> position by binary search over the sorted handles: vectorised, no dict of a
    # million entries.
    by_handle = np.array(handles, dtype=np.int64)
    order = np.argsort(by_handle, kind="stable")
    sorted_handles = by_handle[order]

    def positions(values: list[int]) -> np.ndarray:
        wanted = np.array(values, dtype=np.int64)
        if not sorted_handles.shape[0]:
            return np.full(wanted.shape[0], -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(sorted_handles, wanted), sorted_handles.shape[0] - 1)
        return np.where(sorted_handles[at] == wanted, order[at], -1)

    parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    dropped = 0
    for chunk in edges:
        dropped += _keep_known(parts, positions(chunk["sources"]), positions(chunk["targets"]), chunk["weights"])
    sources, targets, weights = _joined(parts)
    return Projection(ids=tuple(ids), names=tuple(names), kinds=tuple(kinds), sources=sources,
                      targets=targets, weights=weights, dropped=dropped)


def _keep_known(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]], sources: np.ndarray, targets: np.ndarray,
                weights: list[Any]) -> int:
    """Append the edges whose two ends are nodes (position >= 0) to ``parts``; return how many were not.

    A missing or null weight counts as 1.

    >>> parts = []
    >>> _keep_known(parts, np.array([0, -1]), np.array([1, 0]), [None, 2])
    1
    >>> [column.tolist() for column in parts[0]]
    [[0], [1], [1.0]]
    """
    w = np.array(weights, dtype=np.float64)  # a null weight becomes NaN
    w[np.isnan(w)] = 1.0
    keep = (sources >= 0) & (targets >= 0)
    parts.append((sources[keep], targets[keep], w[keep]))
    return int(sources.shape[0]) - int(np.count_nonzero(keep))


def _joined(parts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The kept parts as one array each of sources, targets and weights."""
    if not parts:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64)
    sources, targets, weights = (np.concatenate(columns) for columns in zip(*parts, strict=True))
    return sources, targets, weights


def to_networkx(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]], *,
                weight: str = "weight") -> nx.MultiDiGraph:
    """The networkx ``MultiDiGraph`` of node and edge rows (the reference path; see :func:`project`).

    Edges keep every key of their row as attributes, with ``weight`` defaulting to 1; edges
    with an end that is not a node are left out.

    Examples
    --------
    >>> g = to_networkx([{"id": "a", "name": "A", "kind": "Person"}, {"id": "b", "name": "B", "kind": "State"}],
    ...                 [{"source": "a", "target": "b", "type": "LEADS", "status": "reported"},
    ...                  {"source": "b", "target": "z"}])
    >>> list(g.nodes(data="kind")), list(g.edges(data="type")), g.edges["a", "b", 0]["weight"]
    ([('a', 'Person'), ('b', 'State')], [('a', 'b', 'LEADS')], 1)
    """
    graph = nx.MultiDiGraph()
    for row in nodes:
        if row["id"] not in graph:
            graph.add_node(row["id"], name=row.get("name") or row["id"], kind=row.get("kind") or "")
    for row in edges:
        source, target = row["source"], row["target"]
        if source not in graph or target not in graph:
            continue
        attrs = {key: value for key, value in row.items() if key not in ("source", "target")}
        if attrs.get(weight) is None:
            attrs[weight] = 1
        graph.add_edge(source, target, **attrs)
    return graph


def from_networkx(graph: nx.Graph, *, weight: str | None = None) -> Projection:
    """The projection of any networkx graph: nodes in the graph's order, one edge per edge
    (an undirected edge once, from the end networkx lists first).

    Parameters
    ----------
    graph : networkx graph
        ``Graph``, ``DiGraph``, ``MultiGraph`` or ``MultiDiGraph``. Node ``name`` and ``kind``
        attributes are kept when present.
    weight : str or None, optional (default=None)
        Edge attribute to read as the weight (missing counts as 1); ``None`` gives every edge 1.

    Examples
    --------
    >>> p = from_networkx(nx.path_graph(3))
    >>> p.ids, p.sources.tolist(), p.targets.tolist()
    ((0, 1, 2), [0, 1], [1, 2])
    """
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    m = graph.number_of_edges()
    sources = np.fromiter((index[u] for u, _ in graph.edges()), dtype=np.int64, count=m)
    targets = np.fromiter((index[v] for _, v in graph.edges()), dtype=np.int64, count=m)
    if weight is None:
        weights = np.ones(m, dtype=np.float64)
    else:
        weights = np.fromiter((1.0 if w is None else w for _, _, w in graph.edges(data=weight, default=1)),
                              dtype=np.float64, count=m)
    data = graph.nodes
    return Projection(ids=tuple(nodes), names=tuple(str(data[v].get("name", v)) for v in nodes),
                      kinds=tuple(data[v].get("kind", "") for v in nodes),
                      sources=sources, targets=targets, weights=weights, _index=index)

"""Centrality rankings of the graph's entities, computed in Python on a projection and cached.

The projection is every entity and the entity-to-entity edges the :class:`EdgeFilter` keeps
(``cypher/analytics/projection_*.cypher``), read as compact rows into integer arrays
(:mod:`graph.analytics.projection`); the scores come from :mod:`graph.analytics.centrality`
(scipy and igraph from 500 nodes, networkx below; all compute networkx's definitions). Unweighted:
two entities joined by several relations count as one connection.

``kind`` filters the *results*, not the graph: the projection stays the whole (filtered) graph,
so a person's score is their position in the whole network, and asking for ``kind=Person``
only leaves the other kinds out of the list. (Projecting onto one kind would cut the paths
that run through other kinds, and change every score.)

Caching: the scores of a (graph version, measure, filter, directed, sample) are computed once
and kept; every call reads the graph version first (one small query), so a load, which bumps
it, makes the next call drop every entry of older versions. The version is stamped with the
time of its last change, so a wiped graph that counts from 0 again is not mistaken for the old
one. Entries are only kept for the newest version seen; a computation whose graph changed while
it read the projection is read again. Concurrent callers asking for the same entry wait for one
computation instead of starting their own (the API runs handlers in a thread pool).
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from typing import Any, TypeVar

import numpy as np

from graph import trace
from graph.analytics.centrality import MEASURES, Backend, Measure, array_centrality, is_measure
from graph.analytics.projection import Projection
from graph.errors import InvalidParameter
from graph.filters import EdgeFilter
from graph.ontology import get_ontology
from graph.services.projection import read_projection
from graph.store import Store

__all__ = ["CentralityService", "CentralityScores", "BETWEENNESS_EXACT_MAX_NODES", "BETWEENNESS_SAMPLE",
           "CLOSENESS_MAX_NODES", "MAX_LIMIT", "SAMPLE_SEED"]

T = TypeVar("T")

#: Betweenness is exact up to this many nodes; above it, without an explicit ``sample``, it is
#: estimated from :data:`BETWEENNESS_SAMPLE` sources (about 20 s at 100k nodes / 1M edges).
BETWEENNESS_EXACT_MAX_NODES = 5000
BETWEENNESS_SAMPLE = 500
#: The seed of that sample: the same graph gives the same estimate.
SAMPLE_SEED = 0
#: Closeness is exact (a shortest-path search from every node): refused on larger projections,
#: where it would take minutes to hours (at 100k nodes / 1M edges, about an hour).
CLOSENESS_MAX_NODES = 20_000
MAX_LIMIT = 1000
_MAX_SCORES = 128        # cached rankings of the current version (measures x filters)
_MAX_PROJECTIONS = 4     # cached projections of the current version (one per filter)
_ATTEMPTS = 3            # reads of a projection while loads keep changing the graph


@dataclass(frozen=True, eq=False)
class CentralityScores:
    """One computed ranking, as cached: treat it as read-only.

    Attributes
    ----------
    measure : str
    graph_version : int
    nodes, edges : int
        Entities and relations of the projection (the edges before parallel ones are merged).
    sampled : int or None
        The number of betweenness sources sampled, or ``None`` when exact.
    ids, names, kinds : tuple
        The entities, by index: the projection's (entity ids are strings).
    scores : numpy.ndarray
        Score by entity index.
    order : numpy.ndarray
        Entity indices by score, highest first, ties by id.
    """

    measure: str
    graph_version: int
    nodes: int
    edges: int
    sampled: int | None
    ids: tuple[Hashable, ...]
    names: tuple[str, ...]
    kinds: tuple[str, ...]
    scores: np.ndarray
    order: np.ndarray
    _kinds_in_order: np.ndarray = field(repr=False)

    @classmethod
    def rank(cls, *, measure: str, graph_version: int, projection: Projection, scores: np.ndarray,
             sampled: int | None) -> CentralityScores:
        """Rank ``scores`` (by node index of ``projection``): highest first, equal scores by id.

        >>> from graph.analytics.projection import project
        >>> p = project([{"id": i, "name": i.upper(), "kind": k} for i, k in
        ...              [("a", "Person"), ("b", "State"), ("c", "Person")]], [])
        >>> ranked = CentralityScores.rank(measure="degree", graph_version=1, projection=p,
        ...                                scores=np.array([0.5, 1.0, 0.5]), sampled=None)
        >>> [row["id"] for row in ranked.top()], ranked.top(kind="Person", limit=1)
        (['b', 'a', 'c'], [{'id': 'a', 'name': 'A', 'kind': 'Person', 'score': 0.5}])
        """
        # Round the sort key so that equal scores computed with different rounding tie, by id.
        key = -np.round(scores, 12)
        ids = projection.ids
        if _increasing(ids):  # the projection query lists nodes by id: index order is id order
            order = np.argsort(key, kind="stable")
        else:
            order = np.lexsort((np.array([str(i) for i in ids], dtype=str), key))
        kinds = np.array(projection.kinds, dtype=str)[order]
        for array in (scores, order, kinds):  # shared by every caller of the cache
            array.setflags(write=False)
        return cls(measure=measure, graph_version=graph_version, nodes=projection.n_nodes,
                   edges=projection.n_edges, sampled=sampled, ids=projection.ids, names=projection.names,
                   kinds=projection.kinds, scores=scores, order=order, _kinds_in_order=kinds)

    def top(self, *, kind: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """The ``limit`` best-scored entities (of ``kind``, if given) as ``{id, name, kind, score}``."""
        order = self.order if kind is None else self.order[self._kinds_in_order == kind]
        return [{"id": self.ids[i], "name": self.names[i], "kind": self.kinds[i], "score": float(self.scores[i])}
                for i in order[:limit].tolist()]


def _increasing(ids: tuple[Any, ...]) -> bool:
    try:
        return all(a < b for a, b in pairwise(ids))
    except TypeError:
        return False


class _GraphChanged(Exception):
    """The graph version moved while a projection was read."""


class CentralityService:
    """Ranks entities by a centrality measure; one instance per process (it holds the cache)."""

    def __init__(self, store: Store, *, backend: Backend = "auto"):
        self.store = store
        self.backend = backend
        self._lock = threading.Lock()
        self._stamp: tuple[int, int] | None = None
        self._scores: OrderedDict[Hashable, CentralityScores] = OrderedDict()
        self._projections: OrderedDict[Hashable, Projection] = OrderedDict()
        self._pending: dict[Hashable, Future] = {}

    # --- the API -----------------------------------------------------------------------------
    def compute(self, measure: str, *, kind: str | None = None, limit: int = 20,
                edge_filter: EdgeFilter = EdgeFilter(), directed: bool = False,
                sample: int | None = None) -> dict[str, Any]:
        """The entities ranked by ``measure``, highest first (ties by id).

        Parameters
        ----------
        measure : {"degree", "pagerank", "betweenness", "eigenvector", "closeness"}
        kind : str, optional
            Only list entities of this kind (they are still scored within the whole graph).
        limit : int, optional (default=20)
            How many entities to list, 1 to 1000.
        edge_filter : EdgeFilter, optional
            The edges the graph is made of.
        directed : bool, optional (default=False)
            Follow edges from subject to object (see :mod:`graph.analytics.centrality`).
        sample : int, optional
            Betweenness only: estimate from this many sampled sources (at least 2; capped at the
            number of nodes, where it is exact). By default betweenness is exact up to
            :data:`BETWEENNESS_EXACT_MAX_NODES` nodes and sampled with :data:`BETWEENNESS_SAMPLE`
            sources above.

        Returns
        -------
        dict
            ``{"measure", "graph_version", "nodes", "edges", "sampled": {"k": int} | None,
            "results": [{"id", "name", "kind", "score"}]}``; ``nodes`` and ``edges`` count the
            projection (entities, and relations the filter kept).

        Raises
        ------
        InvalidParameter
            For an unknown measure or kind, a limit outside 1..1000, a sample below 2 or given
            for another measure than betweenness, a bad filter, closeness on more than
            :data:`CLOSENESS_MAX_NODES` entities, or an eigenvector centrality the directed graph
            does not define.
        """
        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_LIMIT}")
        if kind is not None and kind not in get_ontology().kinds:
            raise InvalidParameter("kind", f"unknown kind {kind!r}; expected one of "
                                           f"{', '.join(get_ontology().kind_names)}")
        scores = self.scores(measure, edge_filter=edge_filter, directed=directed, sample=sample)
        return {"measure": scores.measure, "graph_version": scores.graph_version, "nodes": scores.nodes,
                "edges": scores.edges, "sampled": None if scores.sampled is None else {"k": scores.sampled},
                "results": scores.top(kind=kind, limit=limit)}

    def scores(self, measure: str, *, edge_filter: EdgeFilter = EdgeFilter(), directed: bool = False,
               sample: int | None = None) -> CentralityScores:
        """The cached ranking behind :meth:`compute`: the same object until the graph changes."""
        if not is_measure(measure):
            raise InvalidParameter("measure", f"unknown measure {measure!r}; expected one of {', '.join(MEASURES)}")
        if sample is not None:
            if measure != "betweenness":
                raise InvalidParameter("sample", "only betweenness is estimated from a sample")
            if isinstance(sample, bool) or not isinstance(sample, int) or sample < 2:
                raise InvalidParameter("sample", "must be an integer of at least 2")
        params = edge_filter.parameters()
        filter_key = edge_filter.key()
        for attempt in range(_ATTEMPTS):
            stamp = self._current_stamp()
            key = (stamp, measure, filter_key, bool(directed), sample)
            try:
                return self._once(self._scores, _MAX_SCORES, key, partial(
                    self._compute, stamp, measure, params, filter_key, bool(directed), sample,
                    check=attempt < _ATTEMPTS - 1))
            except _GraphChanged:
                continue
        raise AssertionError("unreachable: the last attempt does not check the version")  # pragma: no cover

    def projection_cypher(self, edge_filter: EdgeFilter = EdgeFilter()) -> list[dict[str, Any]]:
        """The statements that read the projection a measure is computed on, with their parameters
        (as ``explain=true`` shows them; graph/trace.py), whether or not the cache answered."""
        with trace.tracing() as steps:
            for name, params in (("analytics/projection_nodes", {"kinds": None, **edge_filter.parameters()}),
                                 ("analytics/projection_edges", {"kinds": None, **edge_filter.parameters()})):
                statement = self.store.registry.get(name)
                trace.record(name, statement.text, statement.bind(params))
        return steps

    def clear(self) -> None:
        """Drop every cached entry."""
        with self._lock:
            self._scores.clear()
            self._projections.clear()

    # --- computing -------------------------------------------------------------------------------
    def _compute(self, stamp: tuple[int, int], measure: Measure, params: dict[str, Any], filter_key: Hashable,
                 directed: bool, sample: int | None, *, check: bool) -> CentralityScores:
        projection = self._once(self._projections, _MAX_PROJECTIONS, (stamp, filter_key),
                                lambda: self._project(stamp, params, check=check))
        n = projection.n_nodes
        if measure == "closeness" and n > CLOSENESS_MAX_NODES:
            raise InvalidParameter("measure", f"closeness is computed exactly, on at most {CLOSENESS_MAX_NODES} "
                                              f"entities, and this graph has {n}: use another measure")
        k = None
        if measure == "betweenness":
            wanted = sample if sample is not None else (
                BETWEENNESS_SAMPLE if n > BETWEENNESS_EXACT_MAX_NODES else None)
            if wanted is not None and wanted < n:
                k = wanted
        values = array_centrality(n, projection.sources, projection.targets, measure, directed=directed,
                                  k=k, seed=SAMPLE_SEED, backend=self.backend)
        return CentralityScores.rank(measure=measure, graph_version=stamp[1], projection=projection,
                                     scores=values, sampled=k)

    def _project(self, stamp: tuple[int, int], params: dict[str, Any], *, check: bool) -> Projection:
        projection = read_projection(self.store, **params)
        if check and self._read_stamp() != stamp:
            raise _GraphChanged()
        return projection

    # --- the cache ---------------------------------------------------------------------------------
    def _read_stamp(self) -> tuple[int, int]:
        """``(changed_at, version)``: ordered in time, and new after a wipe that resets the version."""
        row = self.store.read_one("analytics/graph_version") or {}
        changed_at = row.get("changed_at")
        return (-1 if changed_at is None else int(changed_at), int(row.get("version") or 0))

    def _current_stamp(self) -> tuple[int, int]:
        """Read the stamp; a newer one than the cache's drops every entry."""
        stamp = self._read_stamp()
        with self._lock:
            if self._stamp is None or stamp > self._stamp:
                self._stamp = stamp
                self._scores.clear()
                self._projections.clear()
        return stamp

    def _once(self, cache: OrderedDict[Hashable, T], capacity: int, key: tuple, produce: Callable[[], T]) -> T:
        """The cached value of ``key``, computed by one caller while the others wait for it.

        Values are kept only when their stamp (``key[0]``) is the newest seen.
        """
        with self._lock:
            if key in cache:
                cache.move_to_end(key)
                return cache[key]
            pending = self._pending.get(key)
            owner = pending is None
            if pending is None:
                pending = self._pending[key] = Future()
        if not owner:
            return pending.result()
        try:
            value = produce()
        except BaseException as exc:
            with self._lock:
                del self._pending[key]
            pending.set_exception(exc)
            raise
        with self._lock:
            del self._pending[key]
            if key[0] == self._stamp:
                cache[key] = value
                while len(cache) > capacity:
                    cache.popitem(last=False)
        pending.set_result(value)
        return value

"""Reading the analytics projection out of the store: the one read every graph analytic starts from.

The statements ``analytics/projection_nodes`` and ``analytics/projection_edges`` return columns
(a few rows of parallel lists, the ends of edges as internal node ids) rather than a row per
edge: through the Python driver a row costs about 14 µs of CPU whatever it holds, so the 817,408
edges of the L benchmark took 13 s one row each and arrive in about a second as lists, most of it
Neo4j's own work. Neo4j runs a statement on one core, so the nodes and
``Settings.projection_partitions`` slices of the edges are read side by side, each in its own
transaction (docs/performance.md). :func:`graph.analytics.projection.project_chunks` turns them
into arrays.
"""
from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from graph.analytics.projection import Projection, project_chunks
from graph.store import Store

__all__ = ["read_projection", "PROJECTION_TIMEOUT_S"]

#: Reading the projection of a large graph takes longer than an ordinary read.
PROJECTION_TIMEOUT_S = 300.0
_FETCH_ROWS = 4  # rows per fetch: each holds thousands of edges, and the driver buffers a fetch


def read_projection(store: Store, *, kinds: list[str] | None = None, timeout: float = PROJECTION_TIMEOUT_S,
                    partitions: int | None = None, **filter_params: Any) -> Projection:
    """The projection of the entities (of ``kinds``, if given) and the edges the filter allows.

    ``filter_params`` are the edge filter's statement parameters
    (:meth:`graph.filters.EdgeFilter.parameters`). The nodes and ``partitions`` slices
    of the edges (``Settings.projection_partitions`` by default) are read at the same time, each
    in its own read transaction: a caller that must not mix two versions of the graph compares
    the graph version before and after (as :class:`CentralityService` does).
    """
    partitions = partitions or store.settings.projection_partitions
    with ThreadPoolExecutor(max_workers=partitions, thread_name_prefix="projection") as pool:
        slices = [pool.submit(_edge_slice, store, timeout, dict(filter_params, kinds=kinds, partitions=partitions,
                                                                partition=partition))
                  for partition in range(partitions)]
        # The nodes are read here meanwhile; the edges must wait for them to become positions.
        nodes = list(store.stream_columns("analytics/projection_nodes", fetch_size=_FETCH_ROWS, timeout=timeout,
                                          kinds=kinds, filter=filter_params["filter"]))
        edges = [chunk for done in slices for chunk in done.result()]
    return project_chunks(nodes, edges)


def _edge_slice(store: Store, timeout: float, params: dict[str, Any]) -> list[dict[str, np.ndarray]]:
    """One slice of the edges, each row's lists as arrays as they arrive (a list of Python ints
    costs four times the memory)."""
    rows: Iterator[dict[str, Any]] = store.stream_columns("analytics/projection_edges", fetch_size=_FETCH_ROWS,
                                                          timeout=timeout, **params)
    return [{"sources": np.array(row["sources"], dtype=np.int64), "targets": np.array(row["targets"], dtype=np.int64),
             "weights": np.array(row["weights"], dtype=np.float64)} for row in rows]

"""Reading the analytics projection out of the store: the one read every graph analytic starts from.

The statements ``analytics/projection_nodes`` and ``analytics/projection_edges`` return columns
(a few rows of parallel lists, the ends of edges as internal node ids) rather than a row per
edge: through the Python driver a row costs about 14 µs of CPU whatever it holds, so the 817,408
edges of the L benchmark took 13 s one row each and arrive in about 2.5 s as lists, most of it
Neo4j's own work (docs/performance.md). :func:`graph.analytics.projection.project_chunks` turns them into arrays
a chunk at a time.
"""
from __future__ import annotations

from typing import Any

from graph.analytics.projection import Projection, project_chunks
from graph.store import Store

__all__ = ["read_projection", "PROJECTION_TIMEOUT_S"]

#: Reading the projection of a large graph takes longer than an ordinary read.
PROJECTION_TIMEOUT_S = 300.0
_FETCH_ROWS = 4  # rows per fetch: each holds thousands of edges, and the driver buffers a fetch


def read_projection(store: Store, *, kinds: list[str] | None = None, timeout: float = PROJECTION_TIMEOUT_S,
                    **filter_params: Any) -> Projection:
    """The projection of the entities (of ``kinds``, if given) and the edges the filter allows.

    ``filter_params`` are the edge filter's statement parameters
    (:meth:`graph.services.filters.EdgeFilter.parameters`). The nodes are read first, then the
    edges, each in its own read transaction: a caller that must not mix two versions of the
    graph compares the graph version before and after (as :class:`CentralityService` does).
    """
    nodes = store.stream_columns("analytics/projection_nodes", fetch_size=_FETCH_ROWS, timeout=timeout,
                                 kinds=kinds, filter=filter_params["filter"])
    edges = store.stream_columns("analytics/projection_edges", fetch_size=_FETCH_ROWS, timeout=timeout,
                                 kinds=kinds, **filter_params)
    return project_chunks(nodes, edges)

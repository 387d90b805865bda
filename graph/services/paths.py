"""Paths between two entities, found inside Neo4j (never by pulling the graph into Python)."""
from __future__ import annotations

from typing import Any, Literal

from graph.errors import InvalidParameter
from graph.filters import EdgeFilter
from graph.services.entities import resolve_steps
from graph.store import AsyncStore, Read, Steps, Store

__all__ = ["PathService", "AsyncPathService", "find_steps", "Mode", "MAX_HOPS", "MAX_K", "MAX_ALL_SHORTEST"]

Mode = Literal["shortest", "all_shortest", "k_shortest"]
MAX_HOPS = 10          # the literal upper bound of the patterns in cypher/paths/
MAX_K = 20             # SHORTEST 20 in cypher/paths/k_shortest.cypher
MAX_ALL_SHORTEST = 50  # all_shortest returns at most this many routes


class PathService:
    """Finds paths; ``from`` and ``to`` take an id, a name or an alias."""

    def __init__(self, store: Store):
        self.store = store

    def find(self, *, source: str, target: str, mode: Mode = "shortest", k: int = 3, max_hops: int = 6,
             edge_filter: EdgeFilter = EdgeFilter(), directed: bool = False) -> dict[str, Any]:
        """Paths from ``source`` to ``target``, shortest first, every edge with its evidence
        (:func:`find_steps`, which says what it raises)."""
        return self.store.run(find_steps(source=source, target=target, mode=mode, k=k, max_hops=max_hops,
                                         edge_filter=edge_filter, directed=directed))


class AsyncPathService:
    """:class:`PathService` over the asyncio store: the API's ``GET /paths``, on the event loop."""

    def __init__(self, store: AsyncStore):
        self.store = store

    async def find(self, *, source: str, target: str, mode: Mode = "shortest", k: int = 3, max_hops: int = 6,
                   edge_filter: EdgeFilter = EdgeFilter(), directed: bool = False) -> dict[str, Any]:
        """:meth:`PathService.find`, the same steps awaited."""
        return await self.store.run(find_steps(source=source, target=target, mode=mode, k=k, max_hops=max_hops,
                                               edge_filter=edge_filter, directed=directed))


def find_steps(*, source: str, target: str, mode: Mode = "shortest", k: int = 3, max_hops: int = 6,
               edge_filter: EdgeFilter = EdgeFilter(), directed: bool = False) -> Steps[dict[str, Any]]:
    """Paths from ``source`` to ``target``, shortest first, every edge with its evidence, as the
    reads either store runs (:data:`graph.store.Steps`).

    Raises
    ------
    InvalidParameter
        For ``max_hops`` outside 1..10, ``k`` outside 1..20, or the same entity at both ends.
    NotFound, Ambiguous
        When ``source`` or ``target`` names no entity or several.

    Examples
    --------
    With ids at both ends, the first read is the only one:

    >>> first = next(find_steps(source="cia", target="iskp"))
    >>> first.name, first.params["from"], first.params["max_hops"]
    ('paths/shortest', 'cia', 6)
    """
    if not 1 <= max_hops <= MAX_HOPS:
        raise InvalidParameter("max_hops", f"must be between 1 and {MAX_HOPS}")
    if not 1 <= k <= MAX_K:
        raise InvalidParameter("k", f"must be between 1 and {MAX_K}")
    if mode not in ("shortest", "all_shortest", "k_shortest"):
        raise InvalidParameter("mode", "expected shortest, all_shortest or k_shortest")
    name = f"paths/{mode}"
    common: dict[str, Any] = {"max_hops": max_hops, "directed": directed, **edge_filter.parameters(),
              **({"limit": MAX_ALL_SHORTEST} if mode == "all_shortest" else {}),
              **({"k": k} if mode == "k_shortest" else {})}
    # Ids first, in one round trip; names and aliases need resolving, then a second search.
    rows = yield Read(name, {"from": source, "to": target, **common})
    start, end = rows[0]["from_entity"], rows[0]["to_entity"]
    if start is None or end is None:
        start, end = yield from resolve_steps([("from", source), ("to", target)])
        if start["id"] != end["id"]:
            rows = yield Read(name, {"from": start["id"], "to": end["id"], **common})
    if start["id"] == end["id"]:
        raise InvalidParameter("to", f"{target!r} is the same entity as from")
    return {"from": start, "to": end, "mode": mode,
            "paths": [{"nodes": row["nodes"], "edges": row["edges"]} for row in rows if row["nodes"] is not None]}

"""Paths between two entities, found inside Neo4j (never by pulling the graph into Python)."""
from __future__ import annotations

from typing import Any, Literal

from graph.errors import InvalidParameter
from graph.filters import EdgeFilter
from graph.services.entities import EntityService
from graph.store import Store

__all__ = ["PathService", "Mode", "MAX_HOPS", "MAX_K", "MAX_ALL_SHORTEST"]

Mode = Literal["shortest", "all_shortest", "k_shortest"]
MAX_HOPS = 10          # the literal upper bound of the patterns in cypher/paths/
MAX_K = 20             # SHORTEST 20 in cypher/paths/k_shortest.cypher
MAX_ALL_SHORTEST = 50  # all_shortest returns at most this many routes


class PathService:
    """Finds paths; ``from`` and ``to`` take an id, a name or an alias."""

    def __init__(self, store: Store):
        self.store = store
        self.entities = EntityService(store)

    def find(self, *, source: str, target: str, mode: Mode = "shortest", k: int = 3, max_hops: int = 6,
             edge_filter: EdgeFilter = EdgeFilter(), directed: bool = False) -> dict[str, Any]:
        """Paths from ``source`` to ``target``, shortest first, every edge with its evidence.

        Raises
        ------
        InvalidParameter
            For ``max_hops`` outside 1..10, ``k`` outside 1..20, or the same entity at both ends.
        NotFound, Ambiguous
            When ``source`` or ``target`` names no entity or several.
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
        rows = self.store.read(name, **{"from": source, "to": target, **common})
        start, end = rows[0]["from_entity"], rows[0]["to_entity"]
        if start is None or end is None:
            ends = self.entities.resolve_many({"from": source, "to": target})
            start, end = ends["from"], ends["to"]
            if start["id"] != end["id"]:
                rows = self.store.read(name, **{"from": start["id"], "to": end["id"], **common})
        if start["id"] == end["id"]:
            raise InvalidParameter("to", f"{target!r} is the same entity as from")
        return {"from": start, "to": end, "mode": mode,
                "paths": [{"nodes": row["nodes"], "edges": row["edges"]} for row in rows if row["nodes"] is not None]}

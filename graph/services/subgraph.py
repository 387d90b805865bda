"""Subgraphs: the neighbourhood of an entity, or a chosen set of entities, with their edges."""
from __future__ import annotations

from typing import Any

from graph.errors import InvalidParameter, NotFound
from graph.exports.source import GraphSource, Selection
from graph.filters import EdgeFilter
from graph.services.entities import EntityService
from graph.store import Store

__all__ = ["SubgraphService", "MAX_HOPS", "MAX_NODES"]

MAX_HOPS = 3
MAX_NODES = 2000


class SubgraphService:
    """Chooses entities (:meth:`select`) and reads them as the JSON export does (:meth:`read`)."""

    def __init__(self, store: Store):
        self.store = store

    def select(self, *, center: str | None = None, hops: int = 1, ids: list[str] | None = None,
               limit: int = 200, edge_filter: EdgeFilter = EdgeFilter()) -> tuple[Selection, bool]:
        """The selection, and whether ``limit`` cut it short.

        ``center`` (an id in any case, an external id, a name or an alias: see
        :mod:`graph.references`) walks ``hops`` steps out from one entity, breadth first, over the
        edges the filter allows; ``ids`` takes the listed entities, each named the same ways.

        Raises
        ------
        NotFound, Ambiguous
            When ``center`` or one of ``ids`` names no entity or several (``parameter`` says which).
        """
        if (center is None) == (ids is None):
            raise InvalidParameter("center", "give either center (with hops) or ids")
        if not 1 <= limit <= MAX_NODES:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_NODES}")
        if center is None:
            assert ids is not None  # exactly one of the two is given (checked above)
            if not ids or len(ids) > MAX_NODES:
                raise InvalidParameter("ids", f"give between 1 and {MAX_NODES} entity ids")
            chosen = EntityService(self.store).resolve_list(ids, parameter="ids")
            return Selection(tuple(dict.fromkeys(entity["id"] for entity in chosen)), edge_filter), False
        if not 0 <= hops <= MAX_HOPS:
            raise InvalidParameter("hops", f"must be between 0 and {MAX_HOPS}")
        center = EntityService(self.store).resolve(center, parameter="center")["id"]
        params = edge_filter.parameters()
        known = [center]
        frontier = [center]
        truncated = False
        for _ in range(hops):
            room = limit - len(known)
            if room <= 0 or not frontier:
                break
            found = [row["id"] for row in self.store.read("subgraph/neighbours", frontier=frontier, known=known,
                                                          limit=room + 1, **params)]
            truncated = len(found) > room
            frontier = found[:room]
            known.extend(frontier)
        return Selection(tuple(known), edge_filter), truncated

    def read(self, selection: Selection) -> dict[str, Any]:
        """Nodes and edges of a selection, in the JSON export's shape."""
        source = GraphSource(self.store, selection)
        nodes = list(source.nodes())
        if selection.ids and not nodes:
            raise NotFound("ids: none of these entities exists")
        return {"nodes": nodes, "edges": list(source.edges())}

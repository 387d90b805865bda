"""Exploring from one entity: its neighbours, the most relevant first, a page at a time.

The web page opens on one entity (``?node=fsb``) and expands any node on screen by relation
type (the edge filter's ``types``) and direction, keeping only the ``limit`` most relevant
neighbours of a hub and saying how many it leaves off screen. Relevance is the number of
edges the filter allows between the two, then the neighbour's degree in the whole graph.
"""
from __future__ import annotations

from typing import Any, Literal

from graph.errors import InvalidParameter, NotFound
from graph.filters import EdgeFilter
from graph.services.entities import EntityService
from graph.store import Store

__all__ = ["ExploreService", "Direction", "DIRECTIONS", "MAX_NEIGHBOURS"]

#: Most neighbours one expansion returns.
MAX_NEIGHBOURS = 500
Direction = Literal["both", "out", "in"]
DIRECTIONS: tuple[str, ...] = ("both", "out", "in")


class ExploreService:
    """Expands an entity: :meth:`neighbours`."""

    def __init__(self, store: Store):
        self.store = store

    def neighbours(self, entity_id: str, *, direction: str = "both", limit: int = 25,
                   edge_filter: EdgeFilter | None = None) -> dict[str, Any]:
        """``{id, direction, total, neighbours}``: the ``limit`` most relevant neighbours of ``total``.

        ``entity_id`` is any reference to one entity (id in any case, ``Q…``, name or alias), as
        everywhere else; the answer's ``id`` is the entity's own. ``direction`` ``out`` follows the
        edges the entity is the subject of, ``in`` those it is the object of. Raises
        :class:`~graph.errors.NotFound` (with the closest names) for an unknown entity,
        :class:`~graph.errors.Ambiguous` for a name of several, and
        :class:`~graph.errors.InvalidParameter` for a bad direction, limit or filter.
        """
        if direction not in DIRECTIONS:
            raise InvalidParameter("direction", f"expected one of {', '.join(DIRECTIONS)}, got {direction!r}")
        if not 1 <= limit <= MAX_NEIGHBOURS:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_NEIGHBOURS}")
        entity_id = EntityService(self.store).resolve(entity_id, parameter="id")["id"]
        row = self.store.read_one("explore/neighbours", id=entity_id, direction=direction, limit=limit,
                                  **(edge_filter or EdgeFilter()).parameters())
        if row is None:
            raise NotFound(f"id: no entity with id {entity_id!r}")
        return {"id": entity_id, "direction": direction, "total": row["total"], "neighbours": row["neighbours"]}

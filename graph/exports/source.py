"""The one read every export builds on: entities, edges with evidence, and documents."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.services.filters import EdgeFilter
from graph.store import Store

__all__ = ["Selection", "GraphSource"]

_FETCH_ROWS = 2000  # rows the driver fetches at a time: the stream holds no more than this
_EDGE_PAGE = 50_000  # edges of the whole graph Neo4j sorts at a time (Store.stream_pages)


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to read: ``ids=None`` is the whole graph.

    The edges are those (among the listed entities) that ``edge_filter`` allows; with ``ids``,
    the documents are those that mention any of the entities. With the filter's ``as_of``, the
    entities and documents are also only those known by then.
    """

    ids: tuple[str, ...] | None = None
    edge_filter: EdgeFilter = field(default_factory=EdgeFilter)


class GraphSource:
    """Streams a selection of the graph from the store, in a stable order."""

    def __init__(self, store: Store, selection: Selection = Selection()):
        self.store = store
        self.selection = selection

    def _rows(self, what: str, **filter_params: Any) -> Iterator[dict[str, Any]]:
        # An export streams the whole graph in one read per part: at M and L that outlasts the
        # ordinary QUERY_TIMEOUT_S, so exports have their own (EXPORT_TIMEOUT_S).
        read = {"fetch_size": _FETCH_ROWS, "timeout": self.store.settings.export_timeout_s}
        ids = self.selection.ids
        if ids is None:
            return self.store.stream(f"export/{what}", **read, **filter_params)
        return self.store.stream(f"export/{what}_selected", ids=list(ids), **read, **filter_params)

    def nodes(self) -> Iterator[dict[str, Any]]:
        for row in self._rows("nodes", **self.selection.edge_filter.parameters()):
            node = row["node"]
            node["aliases"] = node.get("aliases") or []
            node["documents"] = node.get("documents") or []
            node["external_ids"] = dict(item.split(":", 1) for item in node.get("external_ids") or [])
            yield node

    def edges(self) -> Iterator[dict[str, Any]]:
        params = self.selection.edge_filter.parameters()
        if self.selection.ids is None:  # the whole graph: in pages of edges, in one transaction
            rows = self.store.stream_pages("export/edges", key=lambda row: row["edge"]["id"], page_size=_EDGE_PAGE,
                                           fetch_size=_FETCH_ROWS, timeout=self.store.settings.export_timeout_s,
                                           **params)
        else:
            rows = self._rows("edges", **params)
        for row in rows:
            yield row["edge"]

    def documents(self) -> Iterator[dict[str, Any]]:
        for row in self._rows("documents", **self.selection.edge_filter.parameters()):
            yield row["document"]

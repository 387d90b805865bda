"""The one read every export builds on: entities, edges with evidence, and documents."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graph.filters import EdgeFilter
from graph.store import Store

__all__ = ["Selection", "GraphSource"]

_FETCH_ROWS = 2000  # rows the driver fetches at a time: the stream holds no more than this
_EDGE_PAGE = 50_000  # edges Neo4j sorts at a time (Store.stream_pages)


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

    def _statement(self, what: str) -> tuple[str, dict[str, Any]]:
        """The export statement reading ``what`` of this selection, and its ``ids`` if it takes them."""
        ids = self.selection.ids
        return (f"export/{what}", {}) if ids is None else (f"export/{what}_selected", {"ids": list(ids)})

    def _rows(self, what: str) -> Iterator[dict[str, Any]]:
        # An export streams the whole graph in one read per part: at M and L that outlasts the
        # ordinary QUERY_TIMEOUT_S, so exports have their own (EXPORT_TIMEOUT_S).
        name, ids = self._statement(what)
        return self.store.stream(name, fetch_size=_FETCH_ROWS, timeout=self.store.settings.export_timeout_s,
                                 **ids, **self.selection.edge_filter.parameters())

    def nodes(self) -> Iterator[dict[str, Any]]:
        for row in self._rows("nodes"):
            node = row["node"]
            node["external_ids"] = dict(item.split(":", 1) for item in node["external_ids"])
            yield node

    def edges(self) -> Iterator[dict[str, Any]]:
        # In pages, all in one transaction: one ORDER BY over every edge kept them all in Neo4j's
        # heap until the last was read (Store.stream_pages).
        name, ids = self._statement("edges")
        rows = self.store.stream_pages(name, key=lambda row: row["edge"]["id"], page_size=_EDGE_PAGE,
                                       fetch_size=_FETCH_ROWS, timeout=self.store.settings.export_timeout_s,
                                       **ids, **self.selection.edge_filter.parameters())
        for row in rows:
            yield row["edge"]

    def documents(self) -> Iterator[dict[str, Any]]:
        for row in self._rows("documents"):
            yield row["document"]

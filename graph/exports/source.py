"""The one read every export builds on: entities, edges with evidence, and documents."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from graph.store import Store

__all__ = ["Selection", "GraphSource"]


@dataclass(frozen=True)
class Selection:
    """Which part of the graph to export: ``ids=None`` is the whole graph."""

    ids: tuple[str, ...] | None = None

    @property
    def parameter(self) -> list[str] | None:
        return list(self.ids) if self.ids is not None else None


class GraphSource:
    """Streams a selection of the graph from the store, in a stable order."""

    def __init__(self, store: Store, selection: Selection = Selection()):
        self.store = store
        self.selection = selection

    def nodes(self) -> Iterator[dict[str, Any]]:
        for row in self.store.stream("export/nodes", ids=self.selection.parameter):
            node = row["node"]
            node["aliases"] = node.get("aliases") or []
            node["documents"] = node.get("documents") or []
            node["external_ids"] = dict(item.split(":", 1) for item in node.get("external_ids") or [])
            yield node

    def edges(self) -> Iterator[dict[str, Any]]:
        for row in self.store.stream("export/edges", ids=self.selection.parameter):
            yield row["edge"]

    def documents(self) -> Iterator[dict[str, Any]]:
        for row in self.store.stream("export/documents", ids=self.selection.parameter):
            yield row["document"]

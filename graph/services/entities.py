"""Entity look-up: search by name or alias, fetch one with its edges, resolve a reference.

Names are matched as :func:`graph.names.name_key` keys, so case, apostrophe and dash style
do not matter. Exact name or alias matches come before full-text matches.
"""
from __future__ import annotations

import re
from typing import Any

from graph.errors import Ambiguous, InvalidParameter, NotFound
from graph.names import lucene_phrase, name_key
from graph.ontology import get_ontology
from graph.services.filters import EdgeFilter
from graph.store import Store

__all__ = ["EntityService", "lucene_prefix_query", "MAX_SEARCH_LIMIT"]

MAX_SEARCH_LIMIT = 100
_TOKEN = re.compile(r"[\w']+", re.UNICODE)
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def lucene_prefix_query(text: str) -> str | None:
    """A Lucene query matching names that contain every word of ``text`` as a word prefix.

    >>> lucene_prefix_query("Isis-K")
    'isis* AND k*'
    >>> lucene_prefix_query("jehovah’s wit")
    "jehovah's* AND wit*"
    >>> lucene_prefix_query("  ") is None
    True
    """
    tokens = _TOKEN.findall(name_key(text))
    if not tokens:
        return None
    return " AND ".join(_LUCENE_SPECIAL.sub(r"\\\1", token) + "*" for token in tokens)


class EntityService:
    """What the API and CLI ask about entities."""

    def __init__(self, store: Store):
        self.store = store

    def _check_kind(self, kind: str | None) -> None:
        if kind is not None and kind not in get_ontology().kinds:
            raise InvalidParameter("kind", f"unknown kind {kind!r}; expected one of "
                                           f"{', '.join(get_ontology().kind_names)}")

    def search(self, text: str, *, kind: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """Exact name or alias matches first, then full-text (word-prefix) matches."""
        self._check_kind(kind)
        if not 1 <= limit <= MAX_SEARCH_LIMIT:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_SEARCH_LIMIT}")
        key = name_key(text)
        if not key:
            raise InvalidParameter("q", "must contain a name or part of one")
        results = {row["id"]: row for row in self.store.read("entities/by_key", term=lucene_phrase(key),
                                                             kind=kind, limit=limit)}
        query = lucene_prefix_query(text)
        if query is not None and len(results) < limit:
            for row in self.store.read("entities/search", query=query, kind=kind, limit=limit):
                row.pop("score", None)
                results.setdefault(row["id"], row)
        return [_summary(row) for row in list(results.values())[:limit]]

    def get(self, entity_id: str, edge_filter: EdgeFilter = EdgeFilter()) -> dict[str, Any]:
        """One entity with every edge it has (that the filter allows) and their evidence."""
        entity = self.store.read_one("entities/by_id", id=entity_id)
        if entity is None:
            raise NotFound(f"no entity with id {entity_id!r}")
        entity = _summary(entity) | {
            "external_ids": dict(item.split(":", 1) for item in entity["external_ids"]),
            "documents": entity["documents"],
        }
        entity["edges"] = [row["edge"] | {"other": row["other"]}
                           for row in self.store.read("entities/edges", id=entity_id,
                                                          **edge_filter.parameters())]
        return entity

    def resolve(self, reference: str, *, parameter: str) -> dict[str, Any]:
        """The one entity an id, name or alias refers to.

        Raises
        ------
        NotFound
            When nothing answers to ``reference``.
        Ambiguous
            When a name or alias names several entities; ``candidates`` lists them.
        """
        return self.resolve_many({parameter: reference})[parameter]

    def resolve_many(self, references: dict[str, str]) -> dict[str, dict[str, Any]]:
        """Resolve several references (parameter name -> reference) in one round trip.

        The first reference that names nothing or several entities raises, naming its parameter.
        """
        refs = [{"ref": ref, "term": lucene_phrase(name_key(ref)) if name_key(ref) else None}
                for ref in references.values()]
        found = {row["ref"]: row["matches"] for row in self.store.read("entities/resolve", refs=refs)}
        resolved = {}
        for parameter, reference in references.items():
            matches = found.get(reference, [])
            if not matches:
                raise NotFound(f"{parameter}: no entity is called {reference!r}", parameter=parameter)
            if len(matches) > 1:
                raise Ambiguous(f"{parameter}: {reference!r} names {len(matches)} entities; give one of their ids",
                                matches, parameter=parameter)
            resolved[parameter] = matches[0]
        return resolved


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "kind": row["kind"], "aliases": row.get("aliases") or [],
            "degree": row.get("degree", 0)}

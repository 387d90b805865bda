"""Entity look-up: search by name or alias, fetch one with its edges, resolve a reference.

Names are matched as :func:`graph.names.name_key` keys, so case, apostrophe and dash style
do not matter. Exact name or alias matches come before full-text matches.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.errors import Ambiguous, InvalidParameter, NotFound
from graph.filters import EdgeFilter
from graph.names import lucene_phrase, lucene_words, name_key
from graph.ontology import get_ontology
from graph.references import MAX_SUGGESTIONS, decide, fuzzy_query, lookup_terms, rank_similar
from graph.store import Store

__all__ = ["EntityService", "lucene_prefix_query", "MAX_SEARCH_LIMIT"]

MAX_SEARCH_LIMIT = 100


def lucene_prefix_query(text: str) -> str | None:
    """A Lucene query matching names that contain every word of ``text`` as a word prefix.

    >>> lucene_prefix_query("Isis-K")
    'isis* AND k*'
    >>> lucene_prefix_query("jehovah’s wit")
    "jehovah's* AND wit*"
    >>> lucene_prefix_query("  ") is None
    True
    """
    return lucene_words(text, suffix="*", join=" AND ")


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
            return []  # spaces and control characters name nothing
        results = {row["id"]: row for row in self.store.read("entities/by_key", term=lucene_phrase(key),
                                                             kind=kind, limit=limit)}
        query = lucene_prefix_query(text)
        if query is not None and len(results) < limit:
            for row in self.store.read("entities/search", query=query, kind=kind, limit=limit):
                row.pop("score", None)
                results.setdefault(row["id"], row)
        if not results:
            # Nothing by name or word prefix: the names within two edits of the words (a typo).
            for row in self.similar(text, kind=kind, limit=limit):
                results[row["id"]] = row
        return [_summary(row) for row in list(results.values())[:limit]]

    def get(self, reference: str, edge_filter: EdgeFilter = EdgeFilter(), *,
            parameter: str = "entity_id") -> dict[str, Any]:
        """One entity (by id, or any reference :meth:`resolve` takes) with every edge it has
        (that the filter allows) and their evidence."""
        entity = self.store.read_one("entities/by_id", id=reference)
        if entity is None:
            entity_id = self.resolve(reference, parameter=parameter)["id"]
            entity = self.store.read_one("entities/by_id", id=entity_id)
            if entity is None:  # deleted between the two reads
                raise NotFound(f"{parameter}: no entity with id {entity_id!r}", parameter=parameter)
        entity_id = entity["id"]
        entity = _summary(entity) | {
            "external_ids": dict(item.split(":", 1) for item in entity["external_ids"]),
            "documents": entity["documents"],
        }
        entity["edges"] = [row["edge"] | {"other": row["other"]}
                           for row in self.store.read("entities/edges", id=entity_id,
                                                          **edge_filter.parameters())]
        return entity

    def resolve(self, reference: str, *, parameter: str) -> dict[str, Any]:
        """The one entity a reference names: its id in any case, an external id (``Q7747``), a
        name or an alias (the rules of :mod:`graph.references`).

        Raises
        ------
        NotFound
            When nothing answers to ``reference``; ``candidates`` holds the closest names.
        Ambiguous
            When the reference names several entities; ``candidates`` lists them.

        Examples
        --------
        ``resolve("ISKP", parameter="entity")``, ``resolve("Q7747", ...)`` and
        ``resolve("Isis-K", ...)`` each give one entity; ``resolve("Moscow", ...)`` raises
        Ambiguous when "City of Moscow" exists beside Russia's alias "Moscow".
        """
        return self.resolve_many({parameter: reference})[parameter]

    def resolve_many(self, references: dict[str, str]) -> dict[str, dict[str, Any]]:
        """Resolve several references (parameter name -> reference) in one round trip.

        The first reference that names nothing or several entities raises, naming its parameter.
        """
        entities = self._resolve(list(references.items()))
        return dict(zip(references, entities, strict=True))

    def resolve_list(self, references: Sequence[str], *, parameter: str) -> list[dict[str, Any]]:
        """Resolve the references one parameter lists (``ids``), in one round trip, in their order.

        The first reference that names nothing or several entities raises, naming ``parameter``;
        ``resolve_list(["CIA", "Putin"], parameter="ids")`` gives the CIA and Vladimir Putin.
        """
        return self._resolve([(parameter, reference) for reference in references])

    def _resolve(self, references: list[tuple[str, str]]) -> list[dict[str, Any]]:
        if not references:
            return []
        terms = [lookup_terms(ref) for ref in dict.fromkeys(reference for _, reference in references)]
        rows = {row["ref"]: row for row in self.store.read("entities/resolve", refs=terms)}
        resolved = []
        for parameter, reference in references:
            decision = decide(rows[reference])
            if decision.candidates:
                raise Ambiguous(f"{parameter}: {reference!r} names {len(decision.candidates)} entities; "
                                "give one of their ids", decision.candidates, parameter=parameter)
            if decision.entity is None:
                suggestions = self.similar(reference)
                hint = ("; did you mean " + ", ".join(f"{row['name']} ({row['id']})" for row in suggestions) + "?"
                        if suggestions else "")
                raise NotFound(f"{parameter}: no entity is called {reference!r}{hint}", parameter=parameter,
                               candidates=[{key: row[key] for key in ("id", "name", "kind", "matched", "score")}
                                           for row in suggestions])
            resolved.append(decision.entity)
        return resolved

    def similar(self, reference: str, *, kind: str | None = None,
                limit: int = MAX_SUGGESTIONS) -> list[dict[str, Any]]:
        """The entities whose names are closest to ``reference`` (see :func:`graph.references.rank_similar`)."""
        query = fuzzy_query(reference)
        if query is None:
            return []
        rows = self.store.read("entities/similar", query=query, kind=kind, limit=100)
        return rank_similar(reference, rows, limit=limit)


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "kind": row["kind"], "aliases": row.get("aliases") or [],
            "degree": row.get("degree", 0)}

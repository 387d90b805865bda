"""Two drafts of one article made one (``intelgraph draft --extractor both``): the linguistic
extractor's and the model's, each candidate marked with the extractors that proposed it.

The same entity is the one with the same id or a name (or alias) with the same
:func:`~graph.names.name_key`; the same relation is the one with the same subject, type, object,
status and asserted_by once its ends are merged. The linguistic draft's entry is kept (its quote,
its reason) and the model's only adds its origin, names the linguistic one lacks, and what it alone
proposed.

>>> doc = {"id": "d"}
>>> a = {"document": doc, "entities": [{"id": "fsb", "name": "FSB", "kind": "SecurityService",
...      "aliases": [], "review": {"candidate": True, "reason": "r"}}], "relations": []}
>>> b = {"document": doc, "entities": [{"id": "federal-security-service", "name": "Federal Security Service",
...      "kind": "SecurityService", "aliases": ["FSB"], "review": {"candidate": True, "reason": "m",
...      "origin": ["llm"]}}], "relations": [], "notes": ["llm: 1 chunk"]}
>>> merged = merge_drafts(a, b)
>>> [(e["id"], e["aliases"], e["review"]["origin"]) for e in merged["entities"]]
[('fsb', ['Federal Security Service'], ['linguistic', 'llm'])]
>>> merged["notes"]
['llm: 1 chunk']
"""
from __future__ import annotations

import copy
from typing import Any

from graph.names import name_key
from graph.ontology import Ontology, get_ontology

__all__ = ["merge_drafts"]


def merge_drafts(linguistic: dict[str, Any], llm: dict[str, Any], *,
                 ontology: Ontology | None = None) -> dict[str, Any]:
    """The two drafts as one; neither argument is changed.

    Parameters
    ----------
    linguistic, llm : dict
        Facts-level drafts of the same article (:func:`extract.assemble.draft_facts`), the second
        with ``origin: [llm]`` on its candidates and possibly ``notes``.
    ontology : Ontology, optional
        To check that a model's relation still fits its ends' kinds once they are merged.

    Returns
    -------
    dict
        The linguistic draft's document, the entities and relations of both, and the notes of both
        with a line for each relation the merge had to leave out.
    """
    ontology = ontology or get_ontology()
    first, second = copy.deepcopy(linguistic), copy.deepcopy(llm)
    notes: list[str] = [*first.pop("notes", []), *second.pop("notes", [])]
    entities: list[dict[str, Any]] = []
    by_id: dict[str, dict[str, Any]] = {}
    owner: dict[str, str] = {}  # name key -> entity id
    for entity in first.get("entities") or []:
        _mark(entity, "linguistic")
        entities.append(entity)
        by_id[entity["id"]] = entity
        for name in (entity["name"], *entity.get("aliases", [])):
            owner.setdefault(name_key(name), entity["id"])
    same: dict[str, str] = {}  # the model's id -> the merged draft's
    for entity in second.get("entities") or []:
        names = [entity["name"], *entity.get("aliases", [])]
        match = entity["id"] if entity["id"] in by_id else next(
            (owner[name_key(n)] for n in names if name_key(n) in owner), None)
        if match is not None:
            kept = by_id[match]
            _mark(kept, "llm")
            for name in names:
                if name_key(name) not in owner:
                    kept.setdefault("aliases", []).append(name)
                    owner[name_key(name)] = match
            same[entity["id"]] = match
            continue
        base, n = entity["id"], 2
        while entity["id"] in by_id:
            entity["id"], n = f"{base}-{n}", n + 1
        entity["aliases"] = [a for a in entity.get("aliases", []) if name_key(a) not in owner]
        for name in (entity["name"], *entity["aliases"]):
            owner.setdefault(name_key(name), entity["id"])
        _mark(entity, "llm")
        entities.append(entity)
        by_id[entity["id"]] = entity
        same[base] = entity["id"]

    relations: list[dict[str, Any]] = []
    by_fact: dict[tuple[Any, ...], dict[str, Any]] = {}
    used: set[str] = set()
    for relation in first.get("relations") or []:
        _mark(relation, "linguistic")
        relations.append(relation)
        by_fact.setdefault(_fact(relation), relation)
        used.add(relation["id"])
    renamed: dict[str, str] = {}  # the model's relation id -> the merged draft's
    for relation in second.get("relations") or []:
        for role in ("subject", "object", "asserted_by"):
            if relation.get(role) is not None:
                relation[role] = same[relation[role]]
        if relation.get("denies") is not None:
            relation["denies"] = renamed.get(relation["denies"], relation["denies"])
        twin = by_fact.get(_fact(relation))
        if twin is not None and twin.get("denies") == relation.get("denies"):
            _mark(twin, "llm")
            renamed[relation["id"]] = twin["id"]
            continue
        kinds = by_id[relation["subject"]]["kind"], by_id[relation["object"]]["kind"]
        if not ontology.allows(relation["type"], *kinds):
            notes.append(f"llm: left out {relation['id']} when merging: {relation['type']} does not take a "
                         f"{kinds[0]} and a {kinds[1]}, the kinds the linguistic draft gives its ends")
            continue
        base, n = relation["id"], 2
        while relation["id"] in used:
            relation["id"], n = f"{base}-{n}", n + 1
        used.add(relation["id"])
        renamed[base] = relation["id"]
        relations.append(relation)
        by_fact.setdefault(_fact(relation), relation)
    merged = {**first, "entities": entities, "relations": relations}
    if notes:
        merged["notes"] = notes
    return merged


def _fact(relation: dict[str, Any]) -> tuple[Any, ...]:
    return (relation["subject"], relation["type"], relation["object"], relation["status"],
            relation.get("asserted_by"))


def _mark(item: dict[str, Any], origin: str) -> None:
    review = item.get("review")
    if review is None:
        return
    review["origin"] = sorted({*review.get("origin", []), origin})

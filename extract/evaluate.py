"""Score a draft against the reviewed facts of the same article (docs/extraction.md).

Entities are matched by id, or else by any name or alias key they share, or else by what the text
says of them (a relation of the same type to the same matched entity in overlapping quotes); a
match counts when the kinds agree. Relations are compared as (subject, type, object) after mapping the draft's
entities to the reviewed ones (symmetric types in either order), and strictly with their status
and ``asserted_by`` too.

Reviewer edits count what turning the draft into the reviewed file takes: a draft item kept as it
is; kept with changes (an entity's id or kind; a relation's type, direction, status or asserted_by,
found by its entities and sentence); rejected; or added by hand.

>>> score_sets({1, 2, 3}, {2, 3, 4, 5})
{'tp': 2, 'predicted': 3, 'expected': 4, 'precision': 0.667, 'recall': 0.5}
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.facts import Facts
from graph.names import name_key
from graph.ontology import get_ontology

__all__ = ["Score", "score_sets", "scored", "evaluate"]


def score_sets(predicted: set, expected: set) -> dict[str, Any]:
    return scored(len(predicted & expected), len(predicted), len(expected))


def scored(tp: int, predicted: int, expected: int) -> dict[str, Any]:
    """Precision and recall from counts (also of several articles added up).

    >>> scored(3, 4, 6)["recall"]
    0.5
    """
    return {"tp": tp, "predicted": predicted, "expected": expected,
            "precision": round(tp / predicted, 3) if predicted else 0.0,
            "recall": round(tp / expected, 3) if expected else 0.0}


@dataclass
class Score:
    entities: dict[str, Any]
    relations: dict[str, Any]
    strict: dict[str, Any]
    status_accuracy: float
    status_compared: int
    entity_edits: dict[str, int] = field(default_factory=dict)
    relation_edits: dict[str, int] = field(default_factory=dict)

    @property
    def edits(self) -> int:
        """Edits a reviewer made: accepted with changes, rejected, added by hand."""
        return sum(self.entity_edits[k] + self.relation_edits[k] for k in ("changed", "rejected", "added"))


def evaluate(draft: Facts, gold: Facts, *, align: bool = True) -> Score:
    """Compare a draft with the reviewed facts of the same text."""
    symmetric = {name for name, rel in get_ontology().relations.items() if rel.symmetric}
    gold_entities = {e.id: e for e in gold.facts.entities}
    gold_by_key: dict[str, str] = {}
    for entity in gold.facts.entities:
        for name in (entity.name, *entity.aliases):
            gold_by_key.setdefault(name_key(name), entity.id)

    mapping: dict[str, str] = {}
    for entity in draft.facts.entities:
        if entity.id in gold_entities:
            mapping[entity.id] = entity.id
            continue
        for name in (entity.name, *entity.aliases):
            if name_key(name) in gold_by_key:
                mapping[entity.id] = gold_by_key[name_key(name)]
                break

    if align:
        _align_by_quotes(draft, gold, mapping, symmetric)

    right_kind = {d.id for d in draft.facts.entities
                  if d.id in mapping and gold_entities[mapping[d.id]].kind == d.kind}
    entity_precision = round(len(right_kind) / len(draft.facts.entities), 3) if draft.facts.entities else 0.0

    def triple(rel, ids) -> tuple:
        s, o = ids(rel.subject), ids(rel.object)
        if rel.type in symmetric and o < s:
            s, o = o, s
        return s, rel.type, o

    def draft_id(entity_id: str) -> str:
        return mapping.get(entity_id, "?" + entity_id)

    def gold_id(entity_id: str) -> str:
        return entity_id

    def full(rel, ids) -> tuple:
        return triple(rel, ids) + (rel.status, ids(rel.asserted_by) if rel.asserted_by else None)

    predicted = {triple(r, draft_id) for r in draft.facts.relations}
    expected = {triple(r, gold_id) for r in gold.facts.relations}
    predicted_full = {full(r, draft_id) for r in draft.facts.relations}
    expected_full = {full(r, gold_id) for r in gold.facts.relations}
    compared = {p for p in predicted_full if p[:3] in expected}
    accuracy = round(len(compared & expected_full) / len(compared), 3) if compared else 0.0

    score = Score(score_sets({mapping[i] for i in right_kind}, set(gold_entities)) | {
                      "predicted": len(draft.facts.entities), "precision": entity_precision},
                  score_sets(predicted, expected), score_sets(predicted_full, expected_full), accuracy, len(compared))
    score.entity_edits = _entity_edits(draft, gold, mapping)
    score.relation_edits = _relation_edits(draft, gold, draft_id, full, triple)
    return score


def _align_by_quotes(draft: Facts, gold: Facts, mapping: dict[str, str], symmetric: set[str]) -> None:
    """Match the draft's entities that share no name with a reviewed one by what the text says of
    them: a draft entity stands for a reviewed one of the same kind when a relation of the same type
    joins each to the same (already matched) other end in overlapping quotes. The reviewer renames
    it ("Europe sabotage" to "Nord Stream pipeline sabotage") and keeps its relations, an edit the
    entity edits count as a change. Each entity is matched once, the best-supported pairs first,
    until no more can be matched (a match can anchor the next)."""
    kinds = {e.id: e.kind for e in gold.facts.entities}
    draft_kinds = {e.id: e.kind for e in draft.facts.entities}
    while True:
        taken = set(mapping.values())
        support: dict[tuple[str, str], int] = {}
        for rel in draft.facts.relations:
            span = draft.spans[rel.id]
            for g in gold.facts.relations:
                g_span = gold.spans[g.id]
                if g.type != rel.type or not (g_span.start < span.end and span.start < g_span.end):
                    continue
                g_ends = [(g.subject, g.object)] + ([(g.object, g.subject)] if g.type in symmetric else [])
                for g_subject, g_object in g_ends:
                    for mine, theirs, anchor, anchored in ((rel.object, g_object, rel.subject, g_subject),
                                                           (rel.subject, g_subject, rel.object, g_object)):
                        if (mapping.get(anchor) == anchored and mine not in mapping and theirs not in taken
                                and draft_kinds[mine] == kinds[theirs]):
                            support[(mine, theirs)] = support.get((mine, theirs), 0) + 1
        if not support:
            return
        for mine, theirs in sorted(support, key=lambda pair: -support[pair]):
            if mine not in mapping and theirs not in taken:
                mapping[mine] = theirs
                taken.add(theirs)


def _entity_edits(draft: Facts, gold: Facts, mapping: dict[str, str]) -> dict[str, int]:
    gold_entities = {e.id: e for e in gold.facts.entities}
    edits = {"accepted": 0, "changed": 0, "rejected": 0, "added": 0}
    used: set[str] = set()
    for entity in draft.facts.entities:
        target = mapping.get(entity.id)
        if target is None or target in used:
            edits["rejected"] += 1  # not in the reviewed file, or a second draft entity for one
            continue
        used.add(target)
        same = entity.id == target and entity.kind == gold_entities[target].kind
        edits["accepted" if same else "changed"] += 1
    edits["added"] = len(set(gold_entities) - used)
    return edits


def _relation_edits(draft: Facts, gold: Facts, draft_id, full, triple) -> dict[str, int]:
    edits = {"accepted": 0, "changed": 0, "rejected": 0, "added": 0}
    remaining = list(gold.facts.relations)
    pending = []
    for rel in draft.facts.relations:
        key = full(rel, draft_id)
        hit = next((g for g in remaining if full(g, lambda x: x) == key), None)
        if hit is not None:
            remaining.remove(hit)
            edits["accepted"] += 1
        else:
            pending.append(rel)
    rejected = []
    for rel in pending:  # the same fact with another status or asserter
        hit = next((g for g in remaining if triple(g, lambda x: x) == triple(rel, draft_id)), None)
        if hit is not None:
            remaining.remove(hit)
            edits["changed"] += 1
        else:
            rejected.append(rel)
    for rel in rejected:  # the same two entities in the same sentence: another type or direction
        span = draft.spans[rel.id]
        ends = {draft_id(rel.subject), draft_id(rel.object)}
        hit = next((g for g in remaining if {g.subject, g.object} == ends
                    and gold.spans[g.id].start < span.end and span.start < gold.spans[g.id].end), None)
        if hit is not None:
            remaining.remove(hit)
            edits["changed"] += 1
        else:
            edits["rejected"] += 1
    edits["added"] = len(remaining)
    return edits

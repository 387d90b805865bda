"""Reversible, audited merges: two entities found to be one, and the way back.

An analyst who finds that two entities are the same merges one (the *source*) into the other
(*into*): ``intelgraph merge INTO SOURCE --reason ...`` or ``POST /merges``. An unmerge
(``intelgraph unmerge MERGE_ID``, ``POST /merges/{id}/undo``) gives everything back.

Nothing the documents say is changed or lost, because the graph keeps each statement's
*origin*, the entity it named before any merge (loaders/facts_loader.py): every ``MENTIONS``
keeps ``origin``, every ``Evidence`` keeps ``subject_origin``, ``object_origin``,
``asserted_by_origin`` and ``disputed_by_origin``, beside its surface names. A merge is a
``(:Merge {active: true, source, into})`` node; the node an origin stands for is found by
following the merges in force (:func:`graph.placement.follow`). So a merge and an unmerge
are the same procedure (:func:`replace`): given the merges in force before and after, find the
origins whose node changes (:func:`changed_origins`), move their mentions, place the evidence
of their documents again (new edge ids follow from the new ends), and refresh, regrade and
delete what that leaves, in one transaction with the ``Merge`` record.

The record says who, when (``at``), why, how (``via``: the CLI, or the API key's fingerprint),
what the source was called (``source_name``, ``source_aliases``), which names ``into`` gained
(``added_aliases``), and which mentions and evidence moved, with each evidence's edge before
and after. Undoing it adds who, when, why and what moved back; the record stays, inactive.

A document loaded while a merge is in force that names the source by its id keeps the source as
its origin, so it attaches to ``into`` and goes back on unmerge. One that names it only by a
name finds ``into`` by that name but takes the origin of the mentions that gave ``into`` the
name, the source, so it goes back too (loaders.rules.origin_of).
"""
from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.errors import InvalidParameter, NotFound
from graph.grading import grade_edges
from graph.noitems import stored
from graph.ontology import Ontology, get_ontology
from graph.placement import active_redirects, follow, place_evidence
from graph.services.entities import EntityService
from graph.store import Store, Tx
from graph.summaries import refresh_edges, refresh_entities

__all__ = ["MergeService", "Moves", "replace", "changed_origins", "would_cycle", "MAX_MERGES"]

#: Most merges one list returns.
MAX_MERGES = 1000
#: What a placement is: the fields of an Evidence node that depend on the merges in force.
_PLACEMENT = ("edge", "subject", "object", "asserted_by", "disputed_by", "denies")


@dataclass
class Moves:
    """What one merge or unmerge moved."""

    mentions: list[dict[str, str]] = field(default_factory=list)  # {document, origin, from, to}
    evidence: list[dict[str, str]] = field(default_factory=list)  # {evidence, edge_before, edge_after}
    edges_removed: int = 0
    entities_removed: int = 0


def changed_origins(before: Mapping[str, str], after: Mapping[str, str], *also: str) -> set[str]:
    """The entity ids that stand for another node once ``after`` replaces ``before`` as the merges in force.

    Only an id that one of the two maps redirects can change (and ``also``, for good measure).

    >>> sorted(changed_origins({"kiev": "kyiv"}, {"kiev": "kyiv", "kyiv": "ukraine"}))
    ['kiev', 'kyiv']
    >>> sorted(changed_origins({"kiev": "kyiv", "kyiv": "ukraine"}, {"kyiv": "ukraine"}))
    ['kiev']
    """
    candidates = set(before) | set(after) | set(also)
    return {origin for origin in candidates if follow(dict(before), origin) != follow(dict(after), origin)}


def would_cycle(redirects: Mapping[str, str], source: str) -> bool:
    """Whether following merges from ``source`` comes back to it.

    >>> would_cycle({"a": "b", "b": "a"}, "a"), would_cycle({"a": "b", "b": "c"}, "a")
    (True, False)
    """
    seen, node = {source}, source
    while node in redirects:
        node = redirects[node]
        if node in seen:
            return True
        seen.add(node)
    return False


def replace(tx: Tx, before: Mapping[str, str], after: Mapping[str, str], *, ontology: Ontology,
            batch: int = 5000, refresh: Iterable[str] = ()) -> Moves:
    """Place again everything whose node changes when ``after`` replaces ``before`` (see the module docstring).

    Moves the mentions of the changed origins, places the evidence of their documents again
    (a whole document at a time: a denial points at the edge of a relation of its own
    document, which may move while the denial does not), upserts the new edges, refreshes the
    old and new ones (deleting those left without evidence), refreshes the entities the
    mentions left and joined (deleting those left without mentions, and any in ``refresh``
    that has none) and regrades every edge whose grade may depend on what moved. The nodes
    the origins now stand for must exist.
    """
    moves = Moves()
    changed = changed_origins(before, after)
    if not changed:
        return moves
    node_of: Callable[[str], str] = lambda origin: follow(dict(after), origin)  # noqa: E731

    mentions = tx.run("merges/mentions", origins=sorted(changed))
    moves.mentions = [{"document": row["document"], "origin": row["origin"], "from": row["node"],
                       "to": node_of(row["origin"])}
                      for row in mentions if row["node"] != node_of(row["origin"])]
    for rows in _batches(moves.mentions, batch):
        tx.run("merges/move_mentions", rows=rows)

    documents = sorted({row["document"] for row in mentions})
    held = [row["evidence"] for chunk in _batches(documents, batch)
            for row in tx.run("merges/evidence", documents=chunk)]
    placed = [dict(row) for row in held]  # placed again: a copy, the stored rows stay as they were
    edge_rows = {row["id"]: row for row in place_evidence(placed, node_of, ontology)}
    pairs = [(old, new) for old, new in zip(held, placed, strict=True) if _placement(old) != _placement(new)]
    moves.evidence = [{"evidence": old["id"], "edge_before": old["edge"], "edge_after": new["edge"]}
                      for old, new in pairs]
    for rows in _batches([stored({"id": new["id"], **_placement(new)}) for _, new in pairs], batch):
        tx.run("merges/place_evidence", rows=rows)

    new_edges = [edge_rows[edge] for edge in dict.fromkeys(new["edge"] for _, new in pairs)]
    for relation_type, typed in _by_type(new_edges).items():
        for rows in _batches(typed, batch):
            tx.run("load/upsert_edges", relation_type=relation_type, rows=rows)

    # Every edge id of these documents, before and after, with its ends: denials point at them.
    ends = {row["edge"]: _ends(row) for row in held} | {row["edge"]: _ends(row) for row in placed}
    touched = {old["edge"]: ends[old["edge"]] for old, _ in pairs} | {new["edge"]: ends[new["edge"]]
                                                                      for _, new in pairs}
    for rows in _batches(list(touched.values()), batch):
        moves.edges_removed += refresh_edges(tx, rows)

    entities = sorted({m["from"] for m in moves.mentions} | {m["to"] for m in moves.mentions} | set(refresh))
    for rows in _batches(entities, batch):
        moves.entities_removed += refresh_entities(tx, rows)

    denied = {row["denies"] for old, new in pairs for row in (old, new) if row.get("denies")}
    regrade = touched | {edge: ends[edge] for edge in denied if edge in ends}
    # A deleted edge no longer leads grading to the edges of its type between its old ends.
    siblings = [{"type": old["type"], "subject": old["subject"], "object": old["object"]} for old, _ in pairs]
    for rows in _batches(siblings, batch):
        regrade.update({row["id"]: row for row in tx.run("merges/edges_between", pairs=rows)})
    grade_edges(tx, list(regrade.values()), batch=batch)
    return moves


class MergeService:
    """Merge entities, undo merges, and read the record (see the module docstring)."""

    def __init__(self, store: Store, ontology: Ontology | None = None):
        self.store = store
        self.ontology = ontology or get_ontology()

    def merge(self, into: str, source: str, *, reason: str, by: str, via: str) -> dict[str, Any]:
        """Merge ``source`` into ``into`` and return ``{"merge": record, "changes": counts}``.

        Each is named as everywhere else: by id in any case, external id (``Q…``), name or
        alias (:mod:`graph.references`); the id of an entity merged away names that entity.

        Raises
        ------
        InvalidParameter
            For a missing reason or name, the same entity twice, entities of two kinds, an
            entity already merged away, or a merge that would make a cycle.
        NotFound, Ambiguous
            When ``into`` or ``source`` names no entity (with the closest names) or several
            (with them); ``parameter`` says which.
        """
        into, source = _require_text("into", into), _require_text("source", source)
        reason, by = _require_text("reason", reason), _require_text("by", by)
        ids = self._entity_ids({"into": into, "source": source})
        into, source = ids["into"], ids["source"]
        if into == source:
            raise InvalidParameter("source", f"{source!r} is also the entity to merge into: an entity cannot "
                                             "be merged into itself")
        merge_id = "m-" + secrets.token_hex(8)  # chosen once: the driver may run the work again

        def work(tx: Tx) -> dict[str, Any]:
            version = tx.run("load/bump_version")[0]["version"]  # locks the graph's meta node: one merge at a time
            before = active_redirects(tx)
            entities = self._check_merge(tx, before, into=into, source=source)
            after = {**before, source: into}
            moves = replace(tx, before, after, ontology=self.ontology, batch=self._batch)
            gained = tx.run("merges/entities", ids=[into])[0]["aliases"]
            record = {
                "id": merge_id, "into": into, "source": source, "reason": reason, "by": by, "via": via,
                "into_name": entities[into]["name"], "source_name": entities[source]["name"],
                "source_kind": entities[source]["kind"], "source_aliases": entities[source]["aliases"],
                "added_aliases": [a for a in gained if a not in entities[into]["aliases"]],
                **_flat_moves(moves, mentions="moved_mentions", evidence="moved_evidence"),
            }
            created = tx.run("merges/create", merge=record)[0]["merge"]
            return {"merge": _public(created), "changes": _changes(moves, version)}

        return self.store.transaction(work)

    def unmerge(self, merge_id: str, *, reason: str, by: str, via: str) -> dict[str, Any]:
        """Undo a merge in force and return ``{"merge": record, "changes": counts}``.

        The source entity comes back with its kind, and every mention and piece of evidence
        whose origin now stands for it (those it had, and those of documents loaded since that
        named it by its id) goes back to it.

        Raises
        ------
        NotFound
            When no merge has that id.
        InvalidParameter
            When it was undone already, or the reason or name is missing.
        """
        merge_id = _require_text("merge", merge_id)
        reason, by = _require_text("reason", reason), _require_text("by", by)

        def work(tx: Tx) -> dict[str, Any]:
            version = tx.run("load/bump_version")[0]["version"]
            record = _one(tx.run("merges/get", id=merge_id), merge_id)
            if not record["active"]:
                raise InvalidParameter("merge", f"{merge_id!r} was already undone on {record['unmerged_at'][:10]} "
                                                f"by {record['unmerged_by']}")
            source = record["source"]
            before = active_redirects(tx)
            after = {origin: node for origin, node in before.items() if origin != source}
            kind = tx.run("merges/restore_entity", id=source, display_name=record["source_name"],
                          kind=record["source_kind"])[0]["kind"]
            if kind != record["source_kind"]:
                raise InvalidParameter("merge", f"an entity {source!r} exists again, as a {kind}, not a "
                                                f"{record['source_kind']}")
            moves = replace(tx, before, after, ontology=self.ontology, batch=self._batch, refresh=[source])
            undo = {"unmerged_by": by, "unmerged_via": via, "unmerge_reason": reason,
                    **_flat_moves(moves, mentions="restored_mentions", evidence="restored_evidence")}
            updated = tx.run("merges/undo", id=merge_id, undo=undo)[0]["merge"]
            return {"merge": _public(updated), "changes": _changes(moves, version)}

        return self.store.transaction(work)

    def list(self, *, active_only: bool = False, limit: int = MAX_MERGES) -> list[dict[str, Any]]:
        """The merges, newest first (only those in force with ``active_only``)."""
        if not 1 <= limit <= MAX_MERGES:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_MERGES}")
        rows = self.store.read("merges/list", active_only=active_only, limit=limit)
        return [_public(row["merge"]) for row in rows]

    def get(self, merge_id: str) -> dict[str, Any]:
        """One merge with everything it recorded."""
        return _public(_one(self.store.read("merges/get", id=merge_id), merge_id))

    # --- checks ------------------------------------------------------------------------------
    @property
    def _batch(self) -> int:
        return self.store.settings.load_batch_size

    def _entity_ids(self, references: dict[str, str]) -> dict[str, str]:
        """The id of the entity each reference names. An entity merged away is no node any more,
        so its id is kept as given: the checks then say into what it was merged."""
        merged_away = {row["source"] for row in self.store.read("merges/active")}
        kept = {parameter: ref.lower() for parameter, ref in references.items() if ref.lower() in merged_away}
        named = EntityService(self.store).resolve_many({parameter: ref for parameter, ref in references.items()
                                                        if parameter not in kept})
        return {parameter: kept[parameter] if parameter in kept else named[parameter]["id"]
                for parameter in references}

    @staticmethod
    def _check_merge(tx: Tx, redirects: dict[str, str], *, into: str, source: str) -> dict[str, dict[str, Any]]:
        if source in redirects:
            raise InvalidParameter("source", f"{source!r} was already merged into {follow(redirects, source)!r}")
        if would_cycle({**redirects, source: into}, source):
            raise InvalidParameter("into", f"merging {source!r} into {into!r} would make a cycle: {into!r} was "
                                           f"merged into {source!r}; undo that merge instead")
        if into in redirects:
            target = follow(redirects, into)
            raise InvalidParameter("into", f"{into!r} was merged into {target!r}: merge into {target!r}")
        entities = {row["id"]: row for row in tx.run("merges/entities", ids=[into, source])}
        for parameter, entity in (("into", into), ("source", source)):
            if entity not in entities:
                raise NotFound(f"{parameter}: no entity with id {entity!r}", parameter=parameter)
        if entities[into]["kind"] != entities[source]["kind"]:
            raise InvalidParameter("source", f"{source!r} is {_a(entities[source]['kind'])} and {into!r} "
                                             f"{_a(entities[into]['kind'])}: only entities of one kind can be merged")
        return entities


# --- rows ------------------------------------------------------------------------------------------
def _placement(row: dict[str, Any]) -> dict[str, Any]:
    """Where a piece of evidence is put.

    >>> _placement({"edge": "e-1", "subject": "a", "object": "b", "disputed_by": [], "quote": "q"})
    {'edge': 'e-1', 'subject': 'a', 'object': 'b', 'asserted_by': None, 'disputed_by': [], 'denies': None}
    """
    return {name: row.get(name) for name in _PLACEMENT}


def _ends(row: dict[str, Any]) -> dict[str, str]:
    return {"id": row["edge"], "subject": row["subject"], "object": row["object"]}


def _by_type(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["type"], []).append(row)
    return grouped


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _flat_moves(moves: Moves, *, mentions: str, evidence: str) -> dict[str, list[str]]:
    """What moved, as the parallel lists of strings a node property can hold."""
    return {mentions: [m["document"] for m in moves.mentions],
            f"{mentions}_origins": [m["origin"] for m in moves.mentions],
            evidence: [e["evidence"] for e in moves.evidence],
            f"{evidence}_edges_before": [e["edge_before"] for e in moves.evidence],
            f"{evidence}_edges_after": [e["edge_after"] for e in moves.evidence]}


def _nested(record: dict[str, Any], *, mentions: str, evidence: str) -> dict[str, list[dict[str, str]]]:
    """The parallel lists of :func:`_flat_moves` as lists of maps again.

    >>> nested = _nested({"m": ["doc"], "m_origins": ["kiev"], "v": ["doc#r1"], "v_edges_before": ["e-1"],
    ...                   "v_edges_after": ["e-2"]}, mentions="m", evidence="v")
    >>> nested["mentions"], nested["evidence"]
    ([{'document': 'doc', 'origin': 'kiev'}], [{'evidence': 'doc#r1', 'edge_before': 'e-1', 'edge_after': 'e-2'}])
    """
    return {"mentions": [{"document": d, "origin": o}
                         for d, o in zip(record.get(mentions) or [], record.get(f"{mentions}_origins") or [],
                                         strict=True)],
            "evidence": [{"evidence": v, "edge_before": b, "edge_after": a}
                         for v, b, a in zip(record.get(evidence) or [], record.get(f"{evidence}_edges_before") or [],
                                            record.get(f"{evidence}_edges_after") or [], strict=True)]}


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """A Merge node as the API and the CLI show it."""
    moved = _nested(record, mentions="moved_mentions", evidence="moved_evidence")
    unmerged = None
    if not record.get("active"):
        restored = _nested(record, mentions="restored_mentions", evidence="restored_evidence")
        unmerged = {"at": record.get("unmerged_at"), "by": record.get("unmerged_by"),
                    "via": record.get("unmerged_via"), "reason": record.get("unmerge_reason"),
                    "restored_mentions": restored["mentions"], "restored_evidence": restored["evidence"]}
    return {"id": record["id"], "into": record["into"], "source": record["source"],
            "active": bool(record.get("active")),
            "reason": record.get("reason"), "by": record.get("by"), "via": record.get("via"), "at": record.get("at"),
            "into_name": record.get("into_name"), "source_name": record.get("source_name"),
            "source_kind": record.get("source_kind"), "source_aliases": record.get("source_aliases") or [],
            "added_aliases": record.get("added_aliases") or [],
            "moved_mentions": moved["mentions"], "moved_evidence": moved["evidence"], "unmerged": unmerged}


def _changes(moves: Moves, version: int) -> dict[str, int]:
    return {"mentions": len(moves.mentions), "evidence": len(moves.evidence),
            "edges_removed": moves.edges_removed, "entities_removed": moves.entities_removed,
            "graph_version": version}


def _one(rows: list[dict[str, Any]], merge_id: str) -> dict[str, Any]:
    if not rows:
        raise NotFound(f"merge: no merge with id {merge_id!r}", parameter="merge")
    return rows[0]["merge"]


def _a(kind: str) -> str:
    """A kind with its article.

    >>> _a("ArmedGroup"), _a("Person")
    ('an ArmedGroup', 'a Person')
    """
    return ("an " if kind[:1] in "AEIOU" else "a ") + kind


def _require_text(parameter: str, value: str | None) -> str:
    if value is None or not value.strip():
        raise InvalidParameter(parameter, "required: say it in words")
    return value.strip()

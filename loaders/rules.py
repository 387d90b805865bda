"""The rules a document's rows follow, written once for both loaders.

``intelgraph load`` (:mod:`loaders.facts_loader`) asks Neo4j what the graph already holds and
writes in a transaction; ``intelgraph bulk-load`` (:mod:`loaders.bulk`) keeps the graph in
memory and writes CSV for the offline importer. Both build their rows, resolve entities and
summarise edges and entities with the functions of this module, so that the two graphs cannot
drift apart:

- **Resolution.** :func:`resolution_rows` gives the parameters of
  ``cypher/load/resolve_entities.cypher``; :class:`EntityIndex` answers the same question from
  memory for the bulk load; :func:`resolve` decides, from either answer, which node each entity
  of a file becomes: the node with its id, else the one node with one of its external ids
  (any kind: another kind is an error), else the one node of its kind one of its names or
  aliases names (several is an error); two entities of a file on one node is an error.
- **Rows.** :func:`document_row`, :func:`entity_rows` and :func:`evidence_rows` are what the
  ``cypher/load/upsert_*`` and ``create_evidence`` statements (and the CSV tables) are given.
- **Summaries.** Each entity's and edge's summary of its mentions and evidence is
  :mod:`graph.summaries` (in ``graph/``: merges recompute summaries too), which both loaders
  call; ``tests/bench/test_bulk.py`` checks the two graphs agree, property for property.

Nothing here touches a database or a file.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.dates import event_bounds
from graph.errors import InvalidInput, Problem
from graph.facts import EntityFact, Facts
from graph.names import evidence_id, lucene_phrase, name_key

__all__ = ["EntityRef", "Found", "EntityIndex", "name_keys", "external_ids", "entity_refs", "resolution_rows",
           "resolve", "origin_of", "document_row", "entity_rows", "evidence_rows"]


# --- names and external ids -------------------------------------------------------------------------

def name_keys(entity: EntityFact) -> list[str]:
    """The keys an entity's name and aliases are matched by, name first, without repeats.

    >>> name_keys(EntityFact(id="iskp", name="ISIS-K", kind="ArmedGroup", aliases=["Isis–K", "ISKP"]))
    ['isis-k', 'iskp']
    """
    return list(dict.fromkeys(name_key(n) for n in [entity.name, *entity.aliases]))


def external_ids(entity: EntityFact) -> list[str]:
    """An entity's external ids as the graph stores them, ``registry:id``, sorted by registry.

    >>> external_ids(EntityFact(id="fsb", name="FSB", kind="SecurityService",
    ...                         external_ids={"wikidata": "Q157", "gnd": "123"}))
    ['gnd:123', 'wikidata:Q157']
    """
    return [f"{registry}:{value}" for registry, value in sorted(entity.external_ids.items())]


# --- resolution -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class EntityRef:
    """What resolution needs of one entity of a file (small: the bulk load sends it between processes)."""

    id: str
    kind: str
    keys: tuple[str, ...]
    external_ids: tuple[str, ...]


def entity_refs(facts: Facts) -> list[EntityRef]:
    """The :class:`EntityRef` of every entity of a document, in file order (lines are asked of
    the file only for an error: :func:`resolve`'s ``line_of``)."""
    return [EntityRef(id=e.id, kind=e.kind, keys=tuple(name_keys(e)), external_ids=tuple(external_ids(e)))
            for e in facts.facts.entities]


def resolution_rows(refs: Iterable[EntityRef]) -> list[dict[str, Any]]:
    """The ``$rows`` of ``cypher/load/resolve_entities.cypher``: each entity's keys and Lucene terms.

    >>> row = resolution_rows([EntityRef("fsb", "SecurityService", ("fsb",), ("wikidata:Q157",))])[0]
    >>> row["keys"], row["terms"], row["external_terms"]
    (['fsb'], ['"fsb"'], ['"wikidata:Q157"'])
    """
    return [{"id": ref.id, "kind": ref.kind, "keys": sorted(ref.keys),
             "terms": sorted(lucene_phrase(key) for key in set(ref.keys)),
             "external_terms": sorted(lucene_phrase(x) for x in set(ref.external_ids))}
            for ref in refs]


@dataclass(frozen=True)
class Found:
    """What the graph holds for one entity of a file, before the file is written.

    The answer of ``cypher/load/resolve_entities.cypher`` for one row, or of
    :meth:`EntityIndex.lookup`: the kind of the node with the same id (``None``: no such node),
    the nodes with one of its external ids (``{id, name, kind}``), and the nodes of its kind
    one of its names names (``{id, name, origins}``); both empty when the id is a node.
    """

    existing_kind: str | None = None
    by_external_id: list[dict[str, Any]] = field(default_factory=list)
    by_name: list[dict[str, Any]] = field(default_factory=list)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Found:
        return cls(existing_kind=record["existing_kind"], by_external_id=list(record["by_external_id"]),
                   by_name=list(record["by_name"]))


def origin_of(candidate: Mapping[str, Any]) -> str:
    """The origin a name match stands for: that of the mentions which gave the node the name.

    After a merge a node carries the names of the entity merged into it; a document naming that
    entity must get it as its origin, so that an unmerge gives it back.

    >>> origin_of({"id": "bureau", "origins": ["north"]}), origin_of({"id": "bureau", "origins": []})
    ('north', 'bureau')
    >>> origin_of({"id": "bureau", "origins": ["north", "bureau"]})
    'bureau'
    """
    origins = candidate.get("origins") or []
    if len(origins) == 1:
        return str(origins[0])
    return str(candidate["id"] if candidate["id"] in origins or not origins else sorted(origins)[0])


def resolve(path: str, refs: list[EntityRef], found: Mapping[str, Found], *,
            redirects: Mapping[str, str] | None = None,
            merged_kinds: Mapping[str, str] | None = None,
            line_of: Callable[[tuple[str | int, ...]], int | None] | None = None) -> dict[str, str]:
    """Map each entity id of a file to its origin: the node it is without merges.

    Parameters
    ----------
    path : str
        The file, for errors.
    refs : list of EntityRef
        Its entities (:func:`entity_refs`).
    found : mapping of str to Found
        What the graph holds for each entity id, before this file.
    redirects : mapping, optional
        Merges in force (merged-away id -> id it went into); an entity merged away stays its own origin.
    merged_kinds : mapping, optional
        The kind each merged-away entity had.
    line_of : callable, optional
        The line in the file of a field (``("entities", 2, "external_ids")``), for errors
        (:meth:`graph.facts.Facts.line_of`); called only when there is one. Without it errors
        name no line.

    Returns
    -------
    dict
        Entity id in the file -> origin.

    Raises
    ------
    InvalidInput
        With every problem: a kind that differs from the node's, external ids of several nodes or
        of a node of another kind, names of several nodes of the kind, two entities on one node.

    Examples
    --------
    >>> ref = EntityRef("russia-2", "Government", ("russia",), ("wikidata:Q159",))
    >>> resolve("a.facts.yaml", [ref], {"russia-2": Found(by_external_id=[
    ...     {"id": "russia", "name": "Russia", "kind": "Government"}])})
    {'russia-2': 'russia'}
    >>> resolve("a.facts.yaml", [ref], {"russia-2": Found(by_name=[  # doctest: +ELLIPSIS
    ...     {"id": "ru", "name": "Russia", "origins": []}, {"id": "rf", "name": "RF", "origins": []}])})
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: a.facts.yaml: entities[0]: its names match several Government entities ...
    """
    redirects = redirects or {}
    merged_kinds = merged_kinds or {}

    def line(index: int, *below: str) -> int | None:
        return line_of(("entities", index, *below)) if line_of is not None else None

    problems: list[Problem] = []
    resolved: dict[str, str] = {}
    for index, ref in enumerate(refs):
        row = found[ref.id]
        if ref.id in redirects:  # merged into another: still its own origin, of its own kind
            if merged_kinds.get(ref.id) not in (None, ref.kind):
                problems.append(Problem(path, line(index), f"entities[{index}].kind",
                                        f"{ref.id!r} was a {merged_kinds[ref.id]} when it was merged into "
                                        f"{redirects[ref.id]!r}, not a {ref.kind}"))
            resolved[ref.id] = ref.id
            continue
        if row.existing_kind is not None:
            if row.existing_kind != ref.kind:
                problems.append(Problem(path, line(index), f"entities[{index}].kind",
                                        f"{ref.id!r} is already in the graph as a {row.existing_kind}, "
                                        f"not a {ref.kind}"))
            resolved[ref.id] = ref.id
            continue
        by_external_id = row.by_external_id  # the same Wikidata id (or other registry's): the same node
        if by_external_id:
            names = ", ".join(f"{c['id']} ({c['name']}, {c['kind']})" for c in by_external_id)
            if len(by_external_id) > 1 or by_external_id[0]["kind"] != ref.kind:
                advice = "use one of their ids" if len(by_external_id) > 1 else "use its id and kind"
                problems.append(Problem(path, line(index, "external_ids"), f"entities[{index}].external_ids",
                                        f"its external ids are those of {names} in the graph: {advice}"))
            else:
                resolved[ref.id] = by_external_id[0]["id"]
            continue
        candidates = row.by_name
        if len(candidates) > 1:
            names = ", ".join(f"{c['id']} ({c['name']})" for c in candidates)
            problems.append(Problem(path, line(index), f"entities[{index}]",
                                    f"its names match several {ref.kind} entities already in the graph: "
                                    f"{names}; use one of their ids"))
            continue
        resolved[ref.id] = origin_of(candidates[0]) if candidates else ref.id

    targets: dict[str, str] = {}
    for index, ref in enumerate(refs):
        target = resolved.get(ref.id)
        if target is None:
            continue
        other = targets.setdefault(target, ref.id)
        if other != ref.id:
            problems.append(Problem(path, line(index), f"entities[{index}]",
                                    f"{ref.id!r} and {other!r} both resolve to {target!r}: merge them"))
    if problems:
        raise InvalidInput(problems)
    return resolved


class EntityIndex:
    """The entities of a graph being built in memory, looked up as ``resolve_entities.cypher`` does.

    A node has the kind and name it was created with, and collects the keys and external ids of
    its mentions (``refresh_entities``); a name matches a node of the same kind holding the key
    (the ``entity_keys`` index), an external id any node holding it (``entity_external_ids``).

    >>> index = EntityIndex()
    >>> index.add({"id": "russia", "origin": "russia", "name": "Russia", "kind": "Government",
    ...            "keys": ["russia"], "external_ids": ["wikidata:Q159"]})
    >>> index.lookup(EntityRef("rf", "Government", ("russian federation",), ("wikidata:Q159",))).by_external_id
    [{'id': 'russia', 'name': 'Russia', 'kind': 'Government'}]
    >>> index.lookup(EntityRef("ru", "Government", ("russia",), ())).by_name
    [{'id': 'russia', 'name': 'Russia', 'origins': ['russia']}]
    >>> index.lookup(EntityRef("ru", "Person", ("russia",), ()))
    Found(existing_kind=None, by_external_id=[], by_name=[])
    """

    def __init__(self) -> None:
        self.kind: dict[str, str] = {}
        self.name: dict[str, str] = {}
        self._by_key: dict[str, dict[str, set[str]]] = {}  # key -> node -> origins of mentions with the key
        self._by_external_id: dict[str, set[str]] = {}      # "registry:id" -> nodes

    def add(self, row: Mapping[str, Any]) -> None:
        """Record one mention: an :func:`entity_rows` row (the node is created by its first mention)."""
        node = row["id"]
        self.kind.setdefault(node, row["kind"])
        self.name.setdefault(node, row["name"])
        for key in row["keys"]:
            self._by_key.setdefault(key, {}).setdefault(node, set()).add(row["origin"])
        for external in row["external_ids"]:
            self._by_external_id.setdefault(external, set()).add(node)

    def lookup(self, ref: EntityRef) -> Found:
        """What the graph holds for ``ref``: see :class:`Found` (names and external ids are not
        looked up when its id is a node: :func:`resolve` takes that node)."""
        if ref.id in self.kind:
            return Found(existing_kind=self.kind[ref.id])
        by_external = sorted({node for x in ref.external_ids for node in self._by_external_id.get(x, ())})
        origins: dict[str, set[str]] = {}
        for key in ref.keys:
            for node, node_origins in self._by_key.get(key, {}).items():
                if self.kind[node] == ref.kind:
                    origins.setdefault(node, set()).update(node_origins)
        return Found(existing_kind=self.kind.get(ref.id),
                     by_external_id=[{"id": n, "name": self.name[n], "kind": self.kind[n]} for n in by_external],
                     by_name=[{"id": n, "name": self.name[n], "origins": sorted(origins[n])} for n in sorted(origins)])


# --- rows -------------------------------------------------------------------------------------------

def document_row(facts: Facts) -> dict[str, Any]:
    """The document node's properties (``cypher/load/upsert_documents.cypher``)."""
    meta = facts.document
    return {"id": meta.id, "title": meta.title, "publisher": meta.publisher,
            "published": meta.published.isoformat(), "language": meta.language, "text_file": meta.text,
            "sha256": meta.sha256, "url": meta.url, "authors": list(meta.authors), "text": facts.text,
            "facts_sha256": facts.content_sha256}


def entity_rows(facts: Facts, origins: Mapping[str, str], resolved: Mapping[str, str]) -> list[dict[str, Any]]:
    """One row per entity (``cypher/load/upsert_entities.cypher``): its node, origin and what the document says."""
    return [{"id": resolved[entity.id], "origin": origins[entity.id], "name": entity.name, "kind": entity.kind,
             "aliases": list(entity.aliases), "keys": name_keys(entity), "external_ids": external_ids(entity)}
            for entity in facts.facts.entities]


def evidence_rows(facts: Facts, origins: Mapping[str, str]) -> list[dict[str, Any]]:
    """One row per relation: what the document says, with its ends as origins (see
    :func:`graph.placement.place_evidence`, which puts them on their nodes and edge)."""
    meta = facts.document
    published = meta.published.isoformat()
    names = {entity.id: entity.name for entity in facts.facts.entities}
    rows = []
    for rel in facts.facts.relations:
        span = facts.spans[rel.id]
        start, end = event_bounds(rel.date) if rel.date else (None, None)
        rows.append({
            "id": evidence_id(document=meta.id, relation=rel.id), "document": meta.id, "relation": rel.id,
            "type": rel.type, "status": rel.status, "quote": rel.quote, "start": span.start, "end": span.end,
            "published": published, "publisher": meta.publisher,
            "date": rel.date or published, "event": rel.date,
            "event_start": start.isoformat() if start else None, "event_end": end.isoformat() if end else None,
            "subject_origin": origins[rel.subject], "object_origin": origins[rel.object],
            "asserted_by_origin": origins[rel.asserted_by] if rel.asserted_by else None,
            "disputed_by_origin": [origins[d] for d in rel.disputed_by],
            "subject_name": names[rel.subject], "object_name": names[rel.object],
            "denies_relation": rel.denies, "note": rel.note})
    return rows

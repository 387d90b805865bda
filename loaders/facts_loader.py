"""Load facts files into Neo4j: one document, one transaction, all or nothing.

A load (:func:`load_document`) validates the whole file first (:func:`graph.facts.read_facts`),
then, in a single write transaction:

1. skips the document if the same facts file was loaded before (loading twice changes nothing);
2. resolves each entity to a node: the same id, or else one node of the same kind that one of
   its names already names (an ambiguous name is an error, like any other bad input);
3. takes back what an earlier version of the document contributed (evidence and mentions);
4. merges the document, its entities and its edges in ``UNWIND`` batches, on stable ids, and
   records one ``Evidence`` node per relation;
5. recomputes every touched edge and entity from the evidence and mentions that remain, so an
   edited file leaves no stale edge, quote or alias, while support from other documents stays;
6. bumps the graph version, which drops cached analytics.

If any step fails, the transaction rolls back and the database is exactly as it was.

Every ``cypher/load/`` statement starts with ``CYPHER replan=skip``: a load grows the graph so
fast that Neo4j would otherwise plan the same statements again and again as its statistics move
(a third of the loader's time, docs/performance.md); their plans are index seeks whatever the
statistics, and ``refresh_edges`` pins its own with index hints.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InvalidInput, Problem
from graph.facts import FACTS_SUFFIX, Facts, read_facts
from graph.names import edge_id, evidence_id, lucene_phrase, name_key
from graph.ontology import Ontology, get_ontology
from graph.store import Store, Tx

__all__ = ["LoadReport", "find_facts_files", "validate_paths", "load_document", "load_paths"]


@dataclass
class LoadReport:
    """What loading one document did."""

    document: str
    path: str
    status: str  # "loaded" | "unchanged"
    entities: int = 0
    relations: int = 0
    merged: dict[str, str] = field(default_factory=dict)  # entity id in the file -> node it resolved to
    edges_removed: int = 0
    entities_removed: int = 0
    version: int | None = None
    seconds: float = 0.0


def find_facts_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the facts files under them, in a stable order.

    >>> find_facts_files([Path("corpus")])[0].name.endswith(".facts.yaml")
    True
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(path.rglob(f"*{FACTS_SUFFIX}")))
        else:
            found.append(path)
    return found


def validate_paths(paths: Iterable[Path], ontology: Ontology | None = None) -> list[Facts]:
    """Validate every file; raise one :class:`InvalidInput` listing the problems of all of them."""
    problems: list[Problem] = []
    valid: list[Facts] = []
    seen: dict[str, str] = {}
    for path in find_facts_files(paths):
        try:
            facts = read_facts(path, ontology)
        except InvalidInput as exc:
            problems.extend(exc.problems)
            continue
        other = seen.setdefault(facts.document.id, str(path))
        if other != str(path):
            problems.append(Problem(str(path), None, "document.id",
                                    f"{facts.document.id!r} is also the id of {other}"))
        valid.append(facts)
    if problems:
        raise InvalidInput(problems)
    return valid


def load_paths(store: Store, paths: Iterable[Path], *,
               on_loaded: Callable[[LoadReport], None] | None = None) -> list[LoadReport]:
    """Validate all files, then load each document in its own transaction.

    Nothing is written unless every file is valid.
    """
    ontology = get_ontology()
    documents = validate_paths(paths, ontology)
    store.ensure_schema()
    reports = []
    for facts in documents:
        report = load_document(store, facts, ontology=ontology)
        reports.append(report)
        if on_loaded is not None:
            on_loaded(report)
    return reports


def load_document(store: Store, facts: Facts, *, ontology: Ontology | None = None,
                  force: bool = False) -> LoadReport:
    """Write one validated document in one transaction (see the module docstring)."""
    ontology = ontology or get_ontology()
    batch = store.settings.load_batch_size
    started = time.perf_counter()

    def work(tx: Tx) -> LoadReport:
        report = LoadReport(document=facts.document.id, path=str(facts.path), status="loaded")
        state = tx.run("load/document_state", document=facts.document.id)
        if not force and state and state[0]["facts_sha256"] == facts.content_sha256:
            report.status = "unchanged"
            return report

        resolved = _resolve_entities(tx, facts, batch)
        report.merged = {local: node for local, node in resolved.items() if local != node}
        released = tx.run("load/release_document", document=facts.document.id)[0]

        tx.run("load/upsert_document", document=_document_row(facts))
        entity_rows = _entity_rows(facts, resolved)
        for rows in _batches(entity_rows, batch):
            tx.run("load/upsert_entities", document=facts.document.id, rows=rows)

        edge_rows, evidence_rows = _edge_and_evidence_rows(facts, resolved, ontology)
        for relation_type, typed_rows in _by_type(edge_rows).items():
            for rows in _batches(typed_rows, batch):
                tx.run("load/upsert_edges", relation_type=relation_type, rows=rows)
        for rows in _batches(evidence_rows, batch):
            tx.run("load/create_evidence", rows=rows)

        touched_edges = {e["id"]: e for e in released["edges"]}
        touched_edges.update({row["id"]: {"id": row["id"], "subject": row["subject"], "object": row["object"]}
                              for row in edge_rows})
        for rows in _batches(list(touched_edges.values()), batch):
            report.edges_removed += tx.run("load/refresh_edges", edges=rows)[0]["deleted"]
        touched_entities = sorted(set(released["entities"]) | {row["id"] for row in entity_rows})
        for rows in _batches(touched_entities, batch):
            report.entities_removed += tx.run("load/refresh_entities", ids=rows)[0]["deleted"]

        report.version = tx.run("load/bump_version")[0]["version"]
        report.entities = len(entity_rows)
        report.relations = len(evidence_rows)
        return report

    report = store.transaction(work)
    report.seconds = time.perf_counter() - started
    return report


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _by_type(edge_rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in edge_rows:
        grouped.setdefault(row["type"], []).append(row)
    return grouped


def _resolve_entities(tx: Tx, facts: Facts, batch: int) -> dict[str, str]:
    """Map each entity id of the file to the id of the node it becomes."""
    entities = facts.facts.entities
    rows = [{"id": e.id, "kind": e.kind,
             "terms": sorted({lucene_phrase(name_key(n)) for n in [e.name, *e.aliases]})} for e in entities]
    found: dict[str, dict[str, Any]] = {}
    for chunk in _batches(rows, batch):
        for row in tx.run("load/resolve_entities", rows=chunk):
            found[row["id"]] = row

    problems: list[Problem] = []
    resolved: dict[str, str] = {}
    path = str(facts.path)
    for index, entity in enumerate(entities):
        row = found[entity.id]
        where = facts.line_of(("entities", index))
        if row["existing_kind"] is not None:
            if row["existing_kind"] != entity.kind:
                problems.append(Problem(path, where, f"entities[{index}].kind",
                                        f"{entity.id!r} is already in the graph as a {row['existing_kind']}, "
                                        f"not a {entity.kind}"))
            resolved[entity.id] = entity.id
            continue
        candidates = row["by_name"]
        if len(candidates) > 1:
            names = ", ".join(f"{c['id']} ({c['name']})" for c in candidates)
            problems.append(Problem(path, where, f"entities[{index}]",
                                    f"its names match several {entity.kind} entities already in the graph: "
                                    f"{names}; use one of their ids"))
            continue
        resolved[entity.id] = candidates[0]["id"] if candidates else entity.id

    targets: dict[str, str] = {}
    for index, entity in enumerate(entities):
        target = resolved.get(entity.id)
        if target is None:
            continue
        other = targets.setdefault(target, entity.id)
        if other != entity.id:
            problems.append(Problem(path, facts.line_of(("entities", index)), f"entities[{index}]",
                                    f"{entity.id!r} and {other!r} both resolve to {target!r}: merge them"))
    if problems:
        raise InvalidInput(problems)
    return resolved


def _document_row(facts: Facts) -> dict[str, Any]:
    meta = facts.document
    return {"id": meta.id, "title": meta.title, "publisher": meta.publisher,
            "published": meta.published.isoformat(), "language": meta.language, "text_file": meta.text,
            "sha256": meta.sha256, "url": meta.url, "authors": list(meta.authors), "text": facts.text,
            "facts_sha256": facts.content_sha256}


def _entity_rows(facts: Facts, resolved: dict[str, str]) -> list[dict[str, Any]]:
    rows = []
    for entity in facts.facts.entities:
        names = [entity.name, *entity.aliases]
        rows.append({"id": resolved[entity.id], "name": entity.name, "kind": entity.kind,
                     "aliases": list(entity.aliases),
                     "keys": list(dict.fromkeys(name_key(n) for n in names)),
                     "external_ids": [f"{k}:{v}" for k, v in sorted(entity.external_ids.items())]})
    return rows


def _edge_and_evidence_rows(facts: Facts, resolved: dict[str, str],
                            ontology: Ontology) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    meta = facts.document
    edge_of: dict[str, str] = {}
    edges: dict[str, dict[str, Any]] = {}
    evidence = []
    relations = facts.facts.relations
    for rel in relations:
        subject, obj = resolved[rel.subject], resolved[rel.object]
        if ontology.relations[rel.type].symmetric and obj < subject:
            subject, obj = obj, subject
        asserted_by = resolved[rel.asserted_by] if rel.asserted_by else None
        eid = edge_id(relation_type=rel.type, subject=subject, object=obj, status=rel.status,
                      asserted_by=asserted_by)
        edge_of[rel.id] = eid
        edges.setdefault(eid, {"id": eid, "type": rel.type, "subject": subject, "object": obj,
                               "status": rel.status, "asserted_by": asserted_by})
        span = facts.spans[rel.id]
        evidence.append({"id": evidence_id(document=meta.id, relation=rel.id), "edge": eid, "document": meta.id,
                         "relation": rel.id, "type": rel.type, "subject": subject, "object": obj,
                         "quote": rel.quote, "start": span.start, "end": span.end,
                         "date": rel.date or meta.published.isoformat(),
                         "disputed_by": [resolved[d] for d in rel.disputed_by], "note": rel.note,
                         "denies": None})
    for row, rel in zip(evidence, relations):
        if rel.denies is not None:
            row["denies"] = edge_of[rel.denies]
    return list(edges.values()), evidence

"""Load facts files into Neo4j: one document, one transaction, all or nothing.

A load (:func:`load_document`) validates the whole file first (:func:`graph.facts.read_facts`),
then, in a single write transaction:

1. skips the document if the same facts file was loaded before (loading twice changes nothing);
   otherwise bumps the graph version, which drops cached analytics and, since it locks the
   GraphMeta node, keeps loads and merges from interleaving;
2. resolves each entity to a node: the same id, or else the one node its external ids or (of
   the same kind) its names already name (an ambiguous name is an error, like any other bad
   input), then follows the merges in force; the rule, and the rows and summaries below, are
   :mod:`loaders.rules` (and :mod:`graph.summaries`), which the bulk load (:mod:`loaders.bulk`) follows too;
3. takes back what an earlier version of the document contributed (evidence and mentions);
4. merges the document, its entities and its edges in ``UNWIND`` batches, on stable ids, and
   records one ``Evidence`` node per relation;
5. recomputes every touched edge and entity from the evidence and mentions that remain, so an
   edited file leaves no stale edge, quote or alias, while support from other documents stays:
   the rules are :mod:`graph.summaries`, given this document's rows and the other documents'
   evidence and mentions read back, and written with one ``SET`` per batch;
6. grades every touched edge and those of the same type between the same ends
   (:mod:`graph.grading`: source reliability and information credibility, from the evidence,
   the sources' grades, denials and analysts' overrides).

An entity's *origin* is the node it is without merges: the node with its id, or the one its
names name. Merges an analyst made (graph/services/merges.py) are followed from there, and each
mention and piece of evidence keeps the origins, so a merge can be undone.

If any step fails, the transaction rolls back and the database is exactly as it was.

Every ``cypher/load/`` statement starts with ``CYPHER replan=skip``: a load grows the graph so
fast that Neo4j would otherwise plan the same statements again and again as its statistics move
(a third of the loader's time, docs/performance.md); their plans are index seeks whatever the
statistics, and ``set_edges`` pins its own with index hints.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import InvalidInput, Problem
from graph.facts import FACTS_SUFFIX, Facts, pending_review, read_facts
from graph.grading import grade_edges
from graph.noitems import stored, stored_rows
from graph.ontology import Ontology, get_ontology

# In graph/ so that graph.services.merges can place evidence too; re-exported here (__all__).
from graph.placement import active_redirects, follow, place_evidence
from graph.services.grades import SOURCES_FILE, GradeService, SourceGrade, read_sources_file
from graph.store import Store, Tx
from graph.summaries import refresh_edges, refresh_entities
from loaders.rules import Found, document_row, entity_refs, entity_rows, evidence_rows, resolution_rows, resolve

__all__ = ["LoadReport", "find_facts_files", "find_sources_files", "validate_paths", "load_document", "load_paths",
           "place_evidence", "active_redirects", "follow"]


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


def find_sources_files(paths: Iterable[Path]) -> list[Path]:
    """The sources files (``sources.yaml``: reliability grades) at the top of the folders given."""
    return [folder / SOURCES_FILE for folder in map(Path, paths)
            if folder.is_dir() and (folder / SOURCES_FILE).is_file()]


def load_paths(store: Store, paths: Iterable[Path], *,
               on_loaded: Callable[[LoadReport], None] | None = None) -> list[LoadReport]:
    """Validate all files, then grade the sources a folder's ``sources.yaml`` lists, then load
    each document in its own transaction.

    Nothing is written unless every file is valid.
    """
    paths = list(paths)
    ontology = get_ontology()
    sources: list[tuple[Path, list[SourceGrade]]] = []
    problems: list[Problem] = []
    for path in find_sources_files(paths):
        try:
            sources.append((path, read_sources_file(path)))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    try:
        documents = validate_paths(paths, ontology)
    except InvalidInput as exc:
        raise InvalidInput(problems + exc.problems) from None
    problems += [p for facts in documents for p in pending_review(facts)]  # half-reviewed drafts
    if problems:
        raise InvalidInput(problems)
    store.ensure_schema()
    for path, grades in sources:
        GradeService(store).grade_sources(grades, by="sources file", via=str(path))
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
    if pending_review(facts):  # nothing half-reviewed enters the graph (intelgraph review)
        raise InvalidInput(pending_review(facts))
    batch = store.settings.load_batch_size
    started = time.perf_counter()

    def work(tx: Tx) -> LoadReport:
        report = LoadReport(document=facts.document.id, path=str(facts.path), status="loaded")
        state = tx.run("load/document_state", document=facts.document.id)
        if not force and state and state[0]["facts_sha256"] == facts.content_sha256:
            report.status = "unchanged"
            return report

        # Bumping the version first takes the lock on the GraphMeta node: a merge or another load
        # that commits meanwhile cannot change what this one reads (merges bump it first too).
        report.version = tx.run("load/bump_version")[0]["version"]
        merges = tx.run("merges/active")
        redirects = {row["source"]: row["into"] for row in merges}
        origins = _resolve_entities(tx, facts, batch, redirects,
                                    {row["source"]: row["source_kind"] for row in merges})
        resolved = {local: follow(redirects, origin) for local, origin in origins.items()}
        report.merged = {local: node for local, node in resolved.items() if local != node}
        released = tx.run("load/release_document", document=facts.document.id)[0]

        # Rows are written as stored (graph/noitems.py: an empty list is no property), kept as they are.
        tx.run("load/upsert_document", document=stored(document_row(facts)))
        entities = entity_rows(facts, origins, resolved)
        for rows in _batches(entities, batch):
            tx.run("load/upsert_entities", document=facts.document.id, rows=stored_rows(rows))

        evidence = evidence_rows(facts, origins)
        edge_rows = place_evidence(evidence, lambda origin: follow(redirects, origin), ontology)
        # Every type in one statement: one round trip, not one per type (30 in a long article).
        for rows in _batches(edge_rows, batch):
            tx.run("load/upsert_edges_every_type", every_relation_type=True, rows=_by_type(rows))
        for rows in _batches(evidence, batch):
            tx.run("load/create_evidence", rows=stored_rows(rows))

        touched_edges = {e["id"]: e for e in released["edges"]}
        touched_edges.update({row["id"]: {"id": row["id"], "subject": row["subject"], "object": row["object"],
                                          "type": row["type"]} for row in edge_rows})
        # The summaries (graph/summaries.py) from this document's rows, held here, and what the
        # other documents gave the same edges and entities, read back.
        own = _by_key(evidence, "edge")
        for rows in _batches(list(touched_edges.values()), batch):
            report.edges_removed += refresh_edges(tx, rows, document=facts.document.id,
                                                  evidence=[v for e in rows for v in own.get(e["id"], ())])
        mentioned = _by_key(entities, "id")
        published = document_row(facts)["published"]
        touched_entities = sorted(set(released["entities"]) | set(mentioned))
        for ids in _batches(touched_entities, batch):
            report.entities_removed += refresh_entities(
                tx, ids, document=facts.document.id, published=published,
                mentions=[m for i in ids for m in mentioned.get(i, ())])
        grade_edges(tx, list(touched_edges.values()), batch=batch)
        report.entities = len(entities)
        report.relations = len(evidence)
        return report

    report = store.transaction(work)
    report.seconds = time.perf_counter() - started
    return report


def _batches(rows: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _by_type(edge_rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    return _by_key(edge_rows, "type")


def _by_key(rows: list[dict[str, Any]], key: str) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def _resolve_entities(tx: Tx, facts: Facts, batch: int, redirects: dict[str, str],
                      merged_kinds: dict[str, str] | None = None) -> dict[str, str]:
    """Map each entity id of the file to its origin (:func:`loaders.rules.resolve`), from what
    ``load/resolve_entities`` finds in the graph."""
    refs = entity_refs(facts)
    found: dict[str, Found] = {}
    for chunk in _batches(resolution_rows(refs), batch):
        for record in tx.run("load/resolve_entities", rows=chunk):
            found[record["id"]] = Found.from_record(record)
    return resolve(str(facts.path), refs, found, redirects=redirects, merged_kinds=merged_kinds)

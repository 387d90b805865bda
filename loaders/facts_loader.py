"""Load facts files into Neo4j: several documents to a transaction, each all or nothing.

A load validates every file first (:func:`graph.facts.read_facts`), then writes the documents
in order, several to a write transaction (:func:`load_documents`: as many as
``LOAD_BATCH_SIZE`` relations, so that each statement below runs once for all of them), and in
it:

1. skips each document whose facts file was loaded before (loading twice changes nothing);
   bumps the graph version once for each other document, which drops cached analytics and, since
   it locks the GraphMeta node, keeps loads and merges from interleaving;
2. resolves each entity to a node: the same id, or else the one node its external ids or (of
   the same kind) its names already name (an ambiguous name is an error, like any other bad
   input), then follows the merges in force; the rule, and the rows and summaries below, are
   :mod:`loaders.rules` (and :mod:`graph.summaries`), which the bulk load (:mod:`loaders.bulk`) follows too.
   The graph is asked once for every document of the transaction, and each document also sees
   what the earlier ones add (:class:`loaders.rules.EntityIndex`, as the bulk load does), so it
   resolves as it would have after their commit;
3. takes back what an earlier version of a reloaded document contributed (evidence and mentions);
4. merges the documents, their entities and their edges in ``UNWIND`` batches, on stable ids, and
   records one ``Evidence`` node per relation;
5. recomputes every touched edge and entity from the evidence and mentions that remain, so an
   edited file leaves no stale edge, quote or alias, while support from other documents stays:
   the rules are :mod:`graph.summaries`, given these documents' rows and the other documents'
   evidence and mentions read back, and written with one ``SET`` per batch;
6. grades every touched edge and those of the same type between the same ends
   (:mod:`graph.grading`: source reliability and information credibility, from the evidence,
   the sources' grades, denials and analysts' overrides).

An entity's *origin* is the node it is without merges: the node with its id, or the one its
names name. Merges an analyst made (graph/services/merges.py) are followed from there, and each
mention and piece of evidence keeps the origins, so a merge can be undone.

If any step fails, the transaction rolls back and the database is exactly as it was; its
documents are then loaded again one to a transaction, so that those before the failing one are
written and it raises its own error, as if each had had its own transaction from the start. A
document already in the graph (a reload, which takes back what it gave before) is the last of
its transaction.

Every ``cypher/load/`` statement starts with ``CYPHER replan=skip``: a load grows the graph so
fast that Neo4j would otherwise plan the same statements again and again as its statistics move
(a third of the loader's time, docs/performance.md); their plans are index seeks whatever the
statistics, and ``set_edges`` pins its own with index hints.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
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
from loaders.rules import (
    EntityIndex,
    EntityRef,
    Found,
    document_row,
    entity_refs,
    entity_rows,
    evidence_rows,
    resolution_rows,
    resolve,
)

__all__ = ["LoadReport", "find_facts_files", "find_sources_files", "validate_paths", "load_document", "load_documents",
           "load_paths",
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
    the documents, several to a transaction (:func:`load_documents`).

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
    for report in load_documents(store, documents, ontology=ontology):
        reports.append(report)
        if on_loaded is not None:
            on_loaded(report)
    return reports


def load_document(store: Store, facts: Facts, *, ontology: Ontology | None = None,
                  force: bool = False) -> LoadReport:
    """Write one validated document in one transaction (see the module docstring)."""
    return next(load_documents(store, [facts], ontology=ontology, force=force))


def load_documents(store: Store, documents: Iterable[Facts], *, ontology: Ontology | None = None,
                   force: bool = False) -> Iterator[LoadReport]:
    """Write validated documents in order, several to a transaction; yield each one's report once
    it is committed.

    A transaction takes documents until their relations reach ``LOAD_BATCH_SIZE`` (at least
    one), so that each statement serves all of them: a statement costs about a round trip
    whatever its rows, and a document alone took 17. Each document still loads whole or not at
    all: if a transaction fails (a document's bad input, or any error), it is rolled back and
    its documents are loaded again one to a transaction, so that those before the failing one
    are written and it raises its own error, as if they had been loaded one by one. A document
    already in the graph (a reload) ends its transaction: the documents after it resolve against
    what its release leaves.

    Examples
    --------
    With a :class:`graph.store.Store` (a running Neo4j), the corpus in as few transactions as fit::

        reports = list(load_documents(store, validate_paths([Path("corpus")])))
        [(r.document, r.status, r.version) for r in reports]  # [('seed-article', 'loaded', 7)]
    """
    ontology = ontology or get_ontology()
    documents = list(documents)
    for facts in documents:  # nothing half-reviewed enters the graph (intelgraph review)
        if pending_review(facts):
            raise InvalidInput(pending_review(facts))
    batch = store.settings.load_batch_size
    relations = [len(facts.facts.relations) for facts in documents]
    start, alone_until = 0, 0
    while start < len(documents):
        end = start + 1 if start < alone_until else _group_end(relations, start, batch)
        group = documents[start:end]
        started = time.perf_counter()
        try:
            reports = store.transaction(partial(_load_group, group=group, ontology=ontology, force=force,
                                                batch=batch))
        except Exception:
            if len(group) == 1:
                raise
            alone_until = end  # rolled back: these documents again, one to a transaction
            continue
        seconds = (time.perf_counter() - started) / len(reports)
        for report in reports:
            report.seconds = seconds
            yield report
        start += len(reports)


def _group_end(relations: list[int], start: int, limit: int) -> int:
    """Where the transaction that starts at document ``start`` ends: documents are added while
    their relations stay within ``limit``, and there is at least one.

    >>> _group_end([250, 250, 250, 10], 0, 600), _group_end([250, 250, 250, 10], 2, 600), _group_end([900, 1], 0, 600)
    (2, 4, 1)
    """
    end, total = start + 1, relations[start]
    while end < len(relations) and total + relations[end] <= limit:
        total += relations[end]
        end += 1
    return end


def _load_group(tx: Tx, group: list[Facts], *, ontology: Ontology, force: bool, batch: int) -> list[LoadReport]:
    """Load the documents of ``group`` in ``tx``, in order, up to the first reload; return the
    reports of the documents it took (see the module docstring for the steps)."""
    states = {row["id"]: row["facts_sha256"]
              for row in tx.run("load/document_states", documents=[facts.document.id for facts in group])}
    reports: list[LoadReport] = []
    loading: list[tuple[Facts, LoadReport]] = []
    for facts in group:
        report = LoadReport(document=facts.document.id, path=str(facts.path), status="loaded")
        reports.append(report)
        if not force and states.get(facts.document.id) == facts.content_sha256:
            report.status = "unchanged"
            continue
        loading.append((facts, report))
        if facts.document.id in states:  # a reload: the documents after it resolve against what it leaves
            break
    if not loading:
        return reports
    ids = [facts.document.id for facts, _ in loading]

    # Bumping the version first takes the lock on the GraphMeta node: a merge or another load that
    # commits meanwhile cannot change what this one reads (merges bump it first too). One version a document.
    version = tx.run("load/bump_version", count=len(loading))[0]["version"]
    merges = tx.run("merges/active")
    redirects = {row["source"]: row["into"] for row in merges}
    merged_kinds = {row["source"]: row["source_kind"] for row in merges}
    refs = [entity_refs(facts) for facts, _ in loading]
    in_graph = _found_in_graph(tx, refs, batch)
    earlier = EntityIndex()  # what the earlier documents of the group add, which the graph does not hold yet
    documents: list[dict[str, Any]] = []
    entities: list[tuple[str, dict[str, Any]]] = []   # (document, entity row)
    evidence: list[dict[str, Any]] = []
    edges: dict[str, dict[str, Any]] = {}
    for position, ((facts, report), refs_of) in enumerate(zip(loading, refs, strict=True)):
        found = {ref.id: _with_earlier(in_graph[position][ref.id], earlier.lookup(ref)) for ref in refs_of}
        origins = resolve(str(facts.path), refs_of, found, redirects=redirects, merged_kinds=merged_kinds,
                          line_of=facts.line_of)
        resolved = {local: follow(redirects, origin) for local, origin in origins.items()}
        report.merged = {local: node for local, node in resolved.items() if local != node}
        report.version = version - len(loading) + 1 + position
        rows = entity_rows(facts, origins, resolved)
        for row in rows:
            earlier.add(row)
        entities += [(facts.document.id, row) for row in rows]
        own = evidence_rows(facts, origins)
        for row in place_evidence(own, lambda origin: follow(redirects, origin), ontology):
            edges.setdefault(row["id"], row)
        evidence += own
        documents.append(stored(document_row(facts)))
        report.entities = len(rows)
        report.relations = len(own)

    # Only a reload (the group's last document, if any) has anything to take back.
    released = (tx.run("load/release_document", document=ids[-1])[0] if ids[-1] in states
                else {"edges": [], "entities": []})
    # Rows are written as stored (graph/noitems.py: an empty list is no property), kept as they are.
    tx.run("load/upsert_documents", documents=documents)
    for chunk in _batches(entities, batch):
        tx.run("load/upsert_entities", rows=[{**stored(row), "document": document} for document, row in chunk])
    # Every type in one statement: one round trip, not one per type (30 in a long article).
    for edge_chunk in _batches(list(edges.values()), batch):
        tx.run("load/upsert_edges_every_type", every_relation_type=True, rows=_by_type(edge_chunk))
    for evidence_chunk in _batches(evidence, batch):
        tx.run("load/create_evidence", rows=stored_rows(evidence_chunk))

    touched_edges = {e["id"]: e for e in released["edges"]}
    touched_edges.update({row["id"]: {"id": row["id"], "subject": row["subject"], "object": row["object"],
                                      "type": row["type"]} for row in edges.values()})
    # The summaries (graph/summaries.py) from these documents' rows, held here, and what the
    # other documents gave the same edges and entities, read back.
    own_evidence = _by_key(evidence, "edge")
    removed_edges = removed_entities = 0
    for edge_rows in _batches(list(touched_edges.values()), batch):
        removed_edges += refresh_edges(tx, edge_rows, documents=ids,
                                       evidence=[v for e in edge_rows for v in own_evidence.get(e["id"], ())])
    mentioned: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for document, row in entities:
        mentioned.setdefault(row["id"], []).append((document, row))
    published = {row["id"]: row["published"] for row in documents}
    # An entity these documents only add to is its stored summary joined with their mentions; one
    # a reload took mentions from is summarised from every mention left.
    released_entities = set(released["entities"])
    for added_only, touched_entities in ((False, sorted(released_entities)),
                                         (True, sorted(set(mentioned) - released_entities))):
        for entity_ids in _batches(touched_entities, batch):
            removed_entities += refresh_entities(
                tx, entity_ids, documents=ids, published=published, added_only=added_only,
                mentions=[m for i in entity_ids for m in mentioned.get(i, ())])
    grade_edges(tx, list(touched_edges.values()), batch=batch)
    # Only a reload removes anything (a new document's edges and entities have its support).
    last = loading[-1][1]
    last.edges_removed, last.entities_removed = removed_edges, removed_entities
    return reports


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


def _found_in_graph(tx: Tx, refs: list[list[EntityRef]], batch: int) -> list[dict[str, Found]]:
    """What ``load/resolve_entities`` finds in the graph for each document's entities (by their
    position in the group), before any of them is written."""
    rows = [{**row, "document": position}
            for position, refs_of in enumerate(refs) for row in resolution_rows(refs_of)]
    found: list[dict[str, Found]] = [{} for _ in refs]
    for chunk in _batches(rows, batch):
        for record in tx.run("load/resolve_entities", rows=chunk):
            found[record["document"]][record["id"]] = Found.from_record(record)
    return found


def _with_earlier(in_graph: Found, earlier: Found) -> Found:
    """What the graph would hold for an entity once the earlier documents of the group were
    written: the graph's answer with theirs (:class:`loaders.rules.EntityIndex`) added.

    >>> _with_earlier(Found(by_name=[{"id": "ru", "name": "Russia", "origins": ["ru"]}]),
    ...               Found(by_name=[{"id": "ru", "name": "Russia", "origins": ["rf"]}])).by_name
    [{'id': 'ru', 'name': 'Russia', 'origins': ['rf', 'ru']}]
    >>> _with_earlier(Found(), Found(existing_kind="Government"))
    Found(existing_kind='Government', by_external_id=[], by_name=[])
    """
    kind = in_graph.existing_kind or earlier.existing_kind
    if kind is not None:  # the id is a node: resolve takes it, nothing is looked up
        return Found(existing_kind=kind)
    by_external_id = {c["id"]: c for c in [*in_graph.by_external_id, *earlier.by_external_id]}
    by_name: dict[str, dict[str, Any]] = {}
    for candidate in [*in_graph.by_name, *earlier.by_name]:
        known = by_name.setdefault(candidate["id"], {**candidate, "origins": []})
        known["origins"] = sorted({*known["origins"], *candidate["origins"]})
    return Found(by_external_id=list(by_external_id.values()), by_name=list(by_name.values()))

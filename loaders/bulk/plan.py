"""The plan of a bulk load: every file validated, the transactional loader's decisions replayed in memory.

:func:`plan` validates every file with :func:`graph.facts.read_facts`, in parallel, exactly as
the loader does (and refuses two files with one document id), then adds the documents in file
order to a :class:`BulkPlan`. Each entity is resolved with :func:`loaders.rules.resolve` against
an :class:`loaders.rules.EntityIndex` of what the documents before it wrote (by id, external
id, then name or alias within the kind: the loader's rule and errors), and the rows are the
loader's own (:mod:`loaders.rules`). :meth:`BulkPlan.entity_nodes` and
:meth:`BulkPlan.edge_relationships` give each node and edge as the loader leaves it, with the
same rules (:mod:`graph.summaries`, :func:`graph.grading.grade_edges`).
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.facts import Facts, pending_review, read_facts
from graph.grading import EdgeFacts, get_rules, grader
from graph.ontology import Ontology, get_ontology
from graph.placement import place_evidence
from graph.services.grades import SourceGrade, read_sources_file
from graph.summaries import edge_summary, entity_name, entity_summary
from loaders.facts_loader import find_facts_files, find_sources_files
from loaders.rules import (
    EntityIndex,
    EntityRef,
    document_row,
    entity_refs,
    entity_rows,
    evidence_rows,
    resolve,
)

__all__ = ["BulkPlan", "plan"]


@dataclass
class _Document:
    """One validated file, reduced to what the bulk load needs (cheap to send between processes)."""

    path: str
    document: str
    entities: list[EntityRef]
    doc_row: dict[str, Any]
    entity_rows: list[dict[str, Any]]
    edge_rows: list[dict[str, Any]]
    evidence_rows: list[dict[str, Any]]


def _placed_rows(facts: Facts, resolved: dict[str, str],
                 ontology: Ontology) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The edge and evidence rows of a document whose entities resolved to ``resolved`` (no merges yet)."""
    evidence = evidence_rows(facts, resolved)
    return place_evidence(evidence, lambda origin: origin, ontology), evidence


def _reduce(facts: Facts, ontology: Ontology) -> _Document:
    identity = {entity.id: entity.id for entity in facts.facts.entities}
    edges, evidence = _placed_rows(facts, identity, ontology)
    return _Document(path=str(facts.path), document=facts.document.id, entities=entity_refs(facts),
                     doc_row=document_row(facts), entity_rows=entity_rows(facts, identity, identity),
                     edge_rows=edges, evidence_rows=evidence)


def _read(path: Path) -> _Document | list[Problem]:
    try:
        facts = read_facts(path, get_ontology())
    except InvalidInput as exc:
        return exc.problems
    return pending_review(facts) or _reduce(facts, get_ontology())  # no half-reviewed draft


def _read_all(files: list[Path], workers: int) -> Iterator[_Document | list[Problem]]:
    if workers <= 1 or len(files) < 4:
        yield from map(_read, files)
        return
    with ProcessPoolExecutor(max_workers=workers, initializer=gc.enable) as pool:  # forked by a plan without it
        yield from pool.map(_read, files, chunksize=max(1, min(16, len(files) // (workers * 8))))


@dataclass
class _Entity:
    id: str
    name: str
    kind: str
    mentions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (document, entity row)


@dataclass
class _Edge:
    row: dict[str, Any]
    evidence: list[tuple[str, int, int, dict[str, Any]]] = field(default_factory=list)  # (doc, start, seq, row)

    def ordered(self) -> list[dict[str, Any]]:
        """The evidence as ``refresh_edges`` orders it: by document, then start (then load order)."""
        return [row for _, _, _, row in sorted(self.evidence, key=lambda item: item[:3])]


@dataclass
class BulkPlan:
    """The whole graph of a corpus, as the transactional loader would leave it."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, _Entity] = field(default_factory=dict)
    edges: dict[str, _Edge] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (document, entity row)
    merged: dict[str, dict[str, str]] = field(default_factory=dict)
    index: EntityIndex = field(default_factory=EntityIndex)  # what resolve_entities.cypher would find
    denied_by: dict[str, list[str]] = field(default_factory=dict)  # edge id -> ids of the parties denying it
    published: dict[str, str] = field(default_factory=dict)  # document id -> publication day
    sources: list[tuple[str, list[SourceGrade]]] = field(default_factory=list)  # (sources.yaml, its grades)
    _sequence: int = 0

    def resolve(self, doc: _Document) -> dict[str, str]:
        """Map each entity id of the file to its node, as the loader does in the database."""
        located: list[yamlsource.Located] = []  # the workers send no lines: the file is read again for an error's

        def line_of(at: tuple[str | int, ...]) -> int | None:
            if not located:
                located.append(yamlsource.load(Path(doc.path)))
            return located[0].line(at)

        return resolve(doc.path, doc.entities, {ref.id: self.index.lookup(ref) for ref in doc.entities},
                       line_of=line_of)

    def add(self, doc: _Document, ontology: Ontology) -> None:
        """Add one document, in load order."""
        resolved = self.resolve(doc)
        merged = {local: node for local, node in resolved.items() if local != node}
        if merged:  # rare: rebuild the rows with the nodes the entities resolved to
            facts = read_facts(Path(doc.path), ontology)
            doc.entity_rows = entity_rows(facts, resolved, resolved)
            doc.edge_rows, doc.evidence_rows = _placed_rows(facts, resolved, ontology)
            self.merged[doc.document] = merged
        self.documents.append(doc.doc_row)
        self.published[doc.document] = doc.doc_row["published"]
        for row in doc.entity_rows:
            entity = self.entities.get(row["id"])
            if entity is None:  # MERGE ... ON CREATE SET e.name, e.kind
                entity = self.entities[row["id"]] = _Entity(row["id"], row["name"], row["kind"])
            entity.mentions.append((doc.document, row))
            self.mentions.append((doc.document, row))
            self.index.add(row)
        for row in doc.edge_rows:
            if row["id"] not in self.edges:  # MERGE ... ON CREATE SET status, asserted_by
                self.edges[row["id"]] = _Edge(row)
        for row in doc.evidence_rows:
            self._sequence += 1
            self.edges[row["edge"]].evidence.append((row["document"], row["start"], self._sequence, row))
            self.evidence.append(row)
            if row["denies"] is not None:
                self.denied_by.setdefault(row["denies"], []).append(row["asserted_by"])

    def entity_nodes(self) -> Iterator[dict[str, Any]]:
        """Each entity node's properties and labels, as the loader's ``refresh_entities`` leaves them."""
        for entity in self.entities.values():
            summary = entity_summary(id=entity.id, name=entity.name, kind=entity.kind, mentions=entity.mentions,
                                     published=self.published)
            summary["labels"] = ["Entity", entity.kind]
            yield summary

    def entity_names(self) -> dict[str, str]:
        """Each entity's id and the name its node gets (:func:`graph.summaries.entity_name`)."""
        return {entity.id: entity_name(entity.name, entity.mentions) for entity in self.entities.values()}

    def edge_relationships(self, share: int = 0, shares: int = 1) -> Iterator[dict[str, Any]]:
        """Each edge's properties, as the loader's ``refresh_edges`` and ``grade_edges`` leave them
        (no overrides); with ``shares``, only every ``shares``-th edge from the ``share``-th, so
        that several processes can write them (:func:`loaders.bulk.csv_files.write_csv`)."""
        names = self.entity_names()
        # the reported edge beside a claim or a denial: its publishers are the claim's reporters
        reported = {(e.row["subject"], e.row["type"], e.row["object"]): e
                    for e in self.edges.values() if e.row["status"] == "reported"}
        sources = {source.key: source.reliability for _, grades in self.sources for source in grades}
        graded = grader(sources, get_rules())
        for edge in itertools.islice(self.edges.values(), share, None, shares):
            # edge_summary orders the evidence itself
            summary = edge_summary(edge.row, [row for *_, row in edge.evidence])
            claimant = summary["asserted_by"]
            facts = EdgeFacts(
                status=summary["status"], publishers=tuple(summary["publishers"]),
                asserted_by=names.get(claimant) if claimant else None, asserted_by_id=claimant,
                deniers=tuple(sorted({names[x] for x in self.denied_by.get(summary["id"], ())})),
                disputers=tuple(sorted({names[x] for x in summary["disputed_by"]})),
                reporters=() if summary["status"] == "reported" else
                _publishers(reported.get((summary["subject"], summary["type"], summary["object"]))))
            result = graded(facts, None)
            yield {**summary, "reliability": result.reliability, "credibility": result.credibility,
                   "grade": result.grade, "grade_reason": result.reason, "grade_computed": result.grade,
                   "grade_overridden": False}


def _publishers(edge: _Edge | None) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v["publisher"] for v in edge.ordered())) if edge is not None else ()


@contextlib.contextmanager
def _without_cyclic_gc() -> Iterator[None]:
    """Python's cycle collector off while the plan grows: millions of dicts and lists that hold no
    cycles, which it would scan whole again each time they grew by a quarter (at M, 1.4 of the
    main process's 1.8 s of receiving and adding documents). Reference counting still frees them."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def plan(paths: Iterable[Path], *, workers: int | None = None, ontology: Ontology | None = None) -> BulkPlan:
    """Validate every file and build the graph in memory; raise :class:`InvalidInput` on any problem.

    The problems of all files are raised together, as :func:`loaders.facts_loader.validate_paths`
    does, before any error of resolution. Each valid document is planned as soon as it is read, in
    file order, while the worker processes read the next ones.
    """
    paths = list(paths)
    ontology = ontology or get_ontology()
    files = find_facts_files(paths)
    workers = workers or min(os.cpu_count() or 1, 4)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    graph = BulkPlan()
    refused: InvalidInput | None = None  # the first document the plan could not add (resolution)
    with _without_cyclic_gc():
        for path, result in zip(files, _read_all(files, workers), strict=True):
            if isinstance(result, list):
                problems.extend(result)
                continue
            other = seen.setdefault(result.document, str(path))
            if other != str(path):
                problems.append(Problem(str(path), None, "document.id",
                                        f"{result.document!r} is also the id of {other}"))
            elif not problems and refused is None:
                # Planned here, in file order, while the workers validate the next files (the main
                # process would otherwise wait for them); a plan with any problem is dropped.
                try:
                    graph.add(result, ontology)
                except InvalidInput as exc:
                    refused = exc
    for path in find_sources_files(paths):
        try:
            graph.sources.append((str(path), read_sources_file(path)))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:  # every file's problems first, as the loader's validation gives them
        raise InvalidInput(problems)
    if refused is not None:
        raise refused
    return graph

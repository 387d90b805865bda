"""Loading figures: the project's loaders against one transaction per relation.

- :func:`naive_load`: the baseline. For each relation, one write transaction that merges its
  subject, its object and the edge (``cypher/bulk/naive_merge_relation.cypher``), on an
  empty graph with the schema in place, for a sample of the corpus's relations (the rate is
  then scaled to the whole corpus: an empty graph flatters the baseline, if anything);
- :func:`batched_load`: the floor of the everyday load. The baseline's work for many relations
  in one statement (``cypher/bulk/batched_merge_relations.cypher``), ``LOAD_BATCH_SIZE``
  relations to a transaction, on an empty graph with the schema in place: Neo4j's batched writes
  at their fastest, with nothing of the loader's own work (evidence, resolution, summaries,
  grades);
- :func:`transactional_load`: ``loaders.facts_loader.load_paths``, validation included;
- :func:`transactional_load_on_half`: the everyday load, ``load_paths`` of the second half of
  the corpus into a graph that already holds the first half (bulk-loaded, not timed);
- :func:`bulk_load`: ``loaders.bulk.bulk_load`` into the stopped bench server, everything
  included (validation, CSV, import, start, schema).
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.facts import read_facts
from graph.names import edge_id
from graph.ontology import get_ontology
from graph.settings import Settings
from graph.store import Store, Tx
from loaders import bulk
from loaders.facts_loader import find_facts_files, load_paths

__all__ = ["LoadFigures", "naive_load", "batched_load", "transactional_load", "transactional_load_on_half", "bulk_load",
           "stats"]


@dataclass
class LoadFigures:
    relations: int
    seconds: float
    steps: dict[str, float] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.relations / self.seconds if self.seconds else float("nan")


def stats(store: Store) -> dict[str, int]:
    """The counts ``intelgraph stats`` shows, keyed ``section:name``."""
    # Right after a bulk load the store is cold (nothing has read it since the import): on a busy
    # machine, counting every edge of M from disk outlasted the 10 s of QUERY_TIMEOUT_S.
    return {f"{row['section']}:{row['name']}": row["count"]
            for row in store.read("stats", timeout=store.settings.export_timeout_s)}


def _naive_rows(files: list[Path], limit: int) -> list[dict[str, Any]]:
    ontology = get_ontology()
    rows: list[dict[str, Any]] = []
    for path in files:
        facts = read_facts(path, ontology)
        entities = {e.id: {"id": e.id, "name": e.name, "kind": e.kind} for e in facts.facts.entities}
        for rel in facts.facts.relations:
            subject, obj = rel.subject, rel.object
            if ontology.relations[rel.type].symmetric and obj < subject:
                subject, obj = obj, subject
            rows.append({"type": rel.type, "subject": entities[subject], "object": entities[obj],
                         "edge": {"id": edge_id(relation_type=rel.type, subject=subject, object=obj,
                                                status=rel.status, asserted_by=rel.asserted_by),
                                  "status": rel.status, "asserted_by": rel.asserted_by, "quote": rel.quote,
                                  "document": facts.document.id}})
            if len(rows) == limit:
                return rows
    return rows


def _naive_one(store: Store, row: dict[str, Any]) -> None:
    def work(tx: Tx) -> None:
        tx.run("bulk/naive_merge_relation", relation_type=row["type"], subject=row["subject"],
               object=row["object"], edge=row["edge"])
    store.transaction(work)


def naive_load(store: Store, corpus: Path, *, sample: int, budget_s: float) -> LoadFigures:
    """Per-row MERGE, one transaction per relation, on ``sample`` relations or ``budget_s`` seconds."""
    rows = _naive_rows(find_facts_files([corpus]), sample)
    store.delete_all()
    store.ensure_schema()
    # Warm up: Neo4j plans each relation type's statement once; the loaders pay that too, once.
    for row in {row["type"]: row for row in rows}.values():
        _naive_one(store, row)
    store.delete_all()
    done = 0
    started = time.perf_counter()
    for row in rows:
        _naive_one(store, row)
        done += 1
        if time.perf_counter() - started > budget_s:
            break
    seconds = time.perf_counter() - started
    store.delete_all()
    return LoadFigures(relations=done, seconds=seconds)


def _batched_write(store: Store, rows: list[dict[str, Any]]) -> None:
    """``rows`` in one transaction and one statement, each relation type's rows in its own copy of the body."""
    by_type: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_type.setdefault(row["type"], []).append(row)
    store.transaction(lambda tx: tx.run("bulk/batched_merge_relations", every_relation_type=True, rows=by_type))


def batched_load(store: Store, corpus: Path, *, sample: int, budget_s: float) -> LoadFigures:
    """The baseline's statement batched: ``sample`` relations, ``LOAD_BATCH_SIZE`` to a transaction
    (of every type, in file order, as the loader takes them), until ``budget_s`` seconds have
    passed (the last transaction is finished)."""
    rows = _naive_rows(find_facts_files([corpus]), sample)
    size = store.settings.load_batch_size
    store.delete_all()
    store.ensure_schema()
    _batched_write(store, rows[:1])  # warm up: Neo4j plans the statement once, as the loader's first call does
    store.delete_all()
    done = 0
    started = time.perf_counter()
    for start in range(0, len(rows), size):
        _batched_write(store, rows[start:start + size])
        done += len(rows[start:start + size])
        if time.perf_counter() - started > budget_s:
            break
    seconds = time.perf_counter() - started
    store.delete_all()
    return LoadFigures(relations=done, seconds=seconds)


def transactional_load(store: Store, corpus: Path, *, documents: int | None = None) -> LoadFigures:
    """``load_paths`` on an empty graph: every file validated, then several documents to a transaction."""
    files = find_facts_files([corpus])
    if documents is not None:
        files = files[:documents]
    store.delete_all()
    started = time.perf_counter()
    reports = load_paths(store, files)
    seconds = time.perf_counter() - started
    return LoadFigures(relations=sum(r.relations for r in reports), seconds=seconds, stats=stats(store))


def transactional_load_on_half(settings: Settings, corpus: Path, *, documents: int | None = None,
                               bulk_first_half: bool = True) -> LoadFigures:
    """``load_paths`` of the second half of the files (or its first ``documents``) into a graph
    holding the first half, which is bulk-loaded first (the database must be empty: wiped by the
    caller). ``bulk_first_half=False`` loads into the graph as it is (``--smoke``, which checks
    only that the figure comes out: a bulk load stops and starts the server)."""
    files = find_facts_files([corpus])
    first, second = files[:len(files) // 2], files[len(files) // 2:]
    if documents is not None:
        second = second[:documents]
    if bulk_first_half:
        bulk.bulk_load(settings, first)
    with Store(settings) as store:
        started = time.perf_counter()
        reports = load_paths(store, second)
        seconds = time.perf_counter() - started
    return LoadFigures(relations=sum(r.relations for r in reports), seconds=seconds)


def bulk_load(settings: Settings, corpus: Path) -> LoadFigures:
    """``intelgraph bulk-load`` into the bench server, whose database must be empty (wiped by the caller)."""
    started = time.perf_counter()
    report = bulk.bulk_load(settings, [corpus])
    seconds = time.perf_counter() - started
    with Store(settings) as store:
        counted = stats(store)
    return LoadFigures(relations=report.relations, seconds=seconds, steps=dict(report.seconds), stats=counted)

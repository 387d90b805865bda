"""The first load of a whole corpus, through ``neo4j-admin database import`` (``intelgraph bulk-load``).

The transactional loader (:mod:`loaders.facts_loader`) writes one document per transaction, which
is what a growing graph needs. Filling an empty database with a large corpus is faster another
way: write the graph the loader *would* produce as CSV files, and let Neo4j's offline importer
(from the same release as the server, :func:`graph.localserver.admin_command`) build the store
files directly. :func:`bulk_load` does that:

1. refuses unless the server is the local one intelgraph manages (``NEO4J_URI`` unset) and its
   database is empty (:class:`BulkLoadRefused`, saying why);
2. validates every file with :func:`graph.facts.read_facts`, in parallel, exactly as the loader
   does (and refuses two files with one document id); nothing is written if anything fails;
3. replays the loader's decisions in file order, in memory: entity resolution by id, then by
   name or alias within the same kind (the same errors for an ambiguous name or a clash of
   kinds), the rows of documents, entities, mentions, edges and evidence (built by the
   loader's own row functions), and each edge's and entity's summary as ``refresh_edges`` and
   ``refresh_entities`` compute it;
4. writes the CSV files, stops the server, imports them (replacing the empty database), starts
   the server, gives back the empty lists the importer cannot write (``cypher/bulk/``), and
   creates the constraints and indexes (:meth:`graph.store.Store.ensure_schema`).

The graph is the transactional loader's, node for node and property for property: the same
labels, ids, properties and relationship types, and a ``GraphMeta`` version of one per document.
Two things differ only where the loader's own result depends on the store: ``loaded_at`` and
``updated_at`` are the import's time, and lists an entity collects from its mentions
(``documents``, ``aliases``, ``keys``, ``external_ids``, ``search_text``) follow load order
where the loader follows the order Neo4j happens to traverse the mentions in.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from graph import localserver
from graph.errors import IntelgraphError, InvalidInput, Problem
from graph.facts import Facts, pending_review, read_facts
from graph.grading import EdgeFacts, GradingRules, get_rules, grade
from graph.names import name_key
from graph.ontology import Ontology, get_ontology
from graph.services.grades import GradeService, SourceGrade, read_sources_file
from graph.settings import Settings
from graph.store import Store
# The loader's own row builders: both paths build the same rows from the same facts.
from loaders.facts_loader import (_document_row, _entity_rows, _evidence_rows, find_facts_files, find_sources_files,
                                  place_evidence)

__all__ = ["BulkLoadRefused", "BulkReport", "BulkPlan", "CsvSet", "bulk_load", "plan", "write_csv", "import_csv",
           "check_target", "ARRAY_DELIMITER", "PART_BYTES"]

#: Between the items of a list in a CSV cell (U+001F, the unit separator: YAML cannot hold it raw).
ARRAY_DELIMITER = "\x1f"
_FIX_UPS = ("bulk/empty_lists_entities", "bulk/empty_lists_documents", "bulk/empty_lists_mentions",
            "bulk/empty_lists_edges", "bulk/empty_lists_evidence")
_FIX_BATCH = 50_000  # nodes or relationships each of those statements fixes per transaction


class BulkLoadRefused(IntelgraphError):
    """A bulk load was asked of a server or database it must not touch."""


@dataclass
class BulkReport:
    """What a bulk load wrote, and where its time went (seconds by step)."""

    documents: int = 0
    entities: int = 0
    relations: int = 0       # evidence: one per relation of every facts file
    edges: int = 0
    mentions: int = 0
    merged: dict[str, dict[str, str]] = field(default_factory=dict)  # document -> {file id: node id}
    seconds: dict[str, float] = field(default_factory=dict)
    csv_bytes: int = 0

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


# --- reading: validation in parallel, rows as the loader builds them -------------------------------

@dataclass
class _Document:
    """One validated file, reduced to what the bulk load needs (cheap to send between processes)."""

    path: str
    document: str
    entities: list[tuple[str, str, list[str], int | None]]  # (id, kind, keys, line)
    doc_row: dict[str, Any]
    entity_rows: list[dict[str, Any]]
    edge_rows: list[dict[str, Any]]
    evidence_rows: list[dict[str, Any]]


def _placed_rows(facts: Facts, resolved: dict[str, str],
                 ontology: Ontology) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The edge and evidence rows of a document whose entities resolved to ``resolved`` (no merges yet)."""
    evidence_rows = _evidence_rows(facts, resolved)
    return place_evidence(evidence_rows, lambda origin: origin, ontology), evidence_rows


def _reduce(facts: Facts, ontology: Ontology) -> _Document:
    identity = {entity.id: entity.id for entity in facts.facts.entities}
    edge_rows, evidence_rows = _placed_rows(facts, identity, ontology)
    entities = [(e.id, e.kind, list(dict.fromkeys(name_key(n) for n in [e.name, *e.aliases])),
                 facts.line_of(("entities", index))) for index, e in enumerate(facts.facts.entities)]
    return _Document(path=str(facts.path), document=facts.document.id, entities=entities,
                     doc_row=_document_row(facts), entity_rows=_entity_rows(facts, identity, identity),
                     edge_rows=edge_rows, evidence_rows=evidence_rows)


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
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_read, files, chunksize=max(1, min(16, len(files) // (workers * 8))))


# --- the plan: the loader's decisions, replayed in memory -----------------------------------------

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


@dataclass
class BulkPlan:
    """The whole graph of a corpus, as the transactional loader would leave it."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    entities: dict[str, _Entity] = field(default_factory=dict)
    edges: dict[str, _Edge] = field(default_factory=dict)
    evidence: list[dict[str, Any]] = field(default_factory=list)
    mentions: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # (document, entity row)
    merged: dict[str, dict[str, str]] = field(default_factory=dict)
    by_key: dict[str, set[str]] = field(default_factory=dict)  # name key -> entity ids (the entity_keys index)
    denied_by: dict[str, list[str]] = field(default_factory=dict)  # edge id -> ids of the parties denying it
    published: dict[str, str] = field(default_factory=dict)  # document id -> publication day
    sources: list[tuple[str, list[SourceGrade]]] = field(default_factory=list)  # (sources.yaml, its grades)
    _sequence: int = 0

    def resolve(self, doc: _Document) -> dict[str, str]:
        """Map each entity id of the file to its node, as ``_resolve_entities`` does in the database."""
        problems: list[Problem] = []
        resolved: dict[str, str] = {}
        for index, (entity_id, kind, keys, line) in enumerate(doc.entities):
            existing = self.entities.get(entity_id)
            if existing is not None:
                if existing.kind != kind:
                    problems.append(Problem(doc.path, line, f"entities[{index}].kind",
                                            f"{entity_id!r} is already in the graph as a {existing.kind}, "
                                            f"not a {kind}"))
                resolved[entity_id] = entity_id
                continue
            candidates = sorted({node for key in keys for node in self.by_key.get(key, ())
                                 if self.entities[node].kind == kind})
            if len(candidates) > 1:
                names = ", ".join(f"{c} ({self.entities[c].name})" for c in candidates)
                problems.append(Problem(doc.path, line, f"entities[{index}]",
                                        f"its names match several {kind} entities already in the graph: "
                                        f"{names}; use one of their ids"))
                continue
            resolved[entity_id] = candidates[0] if candidates else entity_id
        targets: dict[str, str] = {}
        for index, (entity_id, _, _, line) in enumerate(doc.entities):
            target = resolved.get(entity_id)
            if target is None:
                continue
            other = targets.setdefault(target, entity_id)
            if other != entity_id:
                problems.append(Problem(doc.path, line, f"entities[{index}]",
                                        f"{entity_id!r} and {other!r} both resolve to {target!r}: merge them"))
        if problems:
            raise InvalidInput(problems)
        return resolved

    def add(self, doc: _Document, ontology: Ontology) -> None:
        """Add one document, in load order."""
        resolved = self.resolve(doc)
        merged = {local: node for local, node in resolved.items() if local != node}
        if merged:  # rare: rebuild the rows with the nodes the entities resolved to
            facts = read_facts(Path(doc.path), ontology)
            doc.entity_rows = _entity_rows(facts, resolved, resolved)
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
            for key in row["keys"]:
                self.by_key.setdefault(key, set()).add(row["id"])
        for row in doc.edge_rows:
            if row["id"] not in self.edges:  # MERGE ... ON CREATE SET status, asserted_by
                self.edges[row["id"]] = _Edge(row)
        for row in doc.evidence_rows:
            self._sequence += 1
            self.edges[row["edge"]].evidence.append((row["document"], row["start"], self._sequence, row))
            self.evidence.append(row)
            if row["denies"] is not None:
                self.denied_by.setdefault(row["denies"], []).append(row["asserted_by"])


def plan(paths: Iterable[Path], *, workers: int | None = None, ontology: Ontology | None = None) -> BulkPlan:
    paths = list(paths)
    """Validate every file and build the graph in memory; raise :class:`InvalidInput` on any problem.

    Every file is validated before any is planned, and the problems of all files are raised
    together, as :func:`loaders.facts_loader.validate_paths` does.
    """
    ontology = ontology or get_ontology()
    files = find_facts_files(paths)
    workers = workers or min(os.cpu_count() or 1, 4)
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    documents: list[_Document] = []
    for path, result in zip(files, _read_all(files, workers)):
        if isinstance(result, list):
            problems.extend(result)
            continue
        other = seen.setdefault(result.document, str(path))
        if other != str(path):
            problems.append(Problem(str(path), None, "document.id", f"{result.document!r} is also the id of {other}"))
        documents.append(result)
    sources: list[tuple[str, list[SourceGrade]]] = []
    for path in find_sources_files(paths):
        try:
            sources.append((str(path), read_sources_file(path)))
        except InvalidInput as exc:
            problems.extend(exc.problems)
    if problems:
        raise InvalidInput(problems)
    graph = BulkPlan(sources=sources)
    for doc in documents:
        graph.add(doc, ontology)
    return graph


def _entity_summary(entity: _Entity) -> dict[str, Any]:
    """What ``refresh_entities`` computes from an entity's mentions (here in load order)."""
    mentions = [row for _, row in entity.mentions]
    name = entity.name if any(m["name"] == entity.name for m in mentions) else mentions[0]["name"]
    aliases = [n for n in dict.fromkeys(n for m in mentions for n in [m["name"], *m["aliases"]]) if n != name]
    keys = list(dict.fromkeys(k for m in mentions for k in m["keys"]))
    external_ids = list(dict.fromkeys(x for m in mentions for x in m["external_ids"]))
    documents = list(dict.fromkeys(document for document, _ in entity.mentions))
    return {"id": entity.id, "name": name, "kind": entity.kind, "aliases": aliases, "keys": keys,
            "search_text": " | ".join(keys), "external_ids": external_ids, "documents": documents}


def _edge_summary(edge: _Edge) -> dict[str, Any]:
    """What ``refresh_edges`` computes from an edge's evidence (ordered by document, then start)."""
    evidence = [row for _, _, _, row in sorted(edge.evidence, key=lambda item: item[:3])]
    timed = [v for v in evidence if v["event"] is not None]
    open_start = any(v["event_start"] is None for v in timed)
    open_end = any(v["event_end"] is None for v in timed)
    return {**edge.row,
            "documents": list(dict.fromkeys(v["document"] for v in evidence)),
            "quotes": [v["quote"] for v in evidence],
            "disputed_by": list(dict.fromkeys(x for v in evidence for x in v["disputed_by"])),
            "denies": list(dict.fromkeys(v["denies"] for v in evidence if v["denies"] is not None)),
            "first_date": min(v["event_start"] or v["event_end"] or v["published"] for v in evidence),
            "last_date": max(v["event_end"] or v["event_start"] or v["published"] for v in evidence),
            "event_known": bool(timed),
            "event_start": None if not timed or open_start else min(v["event_start"] for v in timed),
            "event_end": None if not timed or open_end else max(v["event_end"] for v in timed),
            "first_reported": min(v["published"] for v in evidence),
            "last_reported": max(v["published"] for v in evidence),
            "publishers": list(dict.fromkeys(v["publisher"] for v in evidence)),
            "weight": len(evidence)}


def _graded(summary: dict[str, Any], graph: BulkPlan, names: dict[str, str],
            reporters: dict[tuple[str, str, str], list[str]], sources: dict[str, str],
            rules: GradingRules) -> dict[str, Any]:
    """The edge summary with the grades ``graph.grading.grade_edges`` would write (no overrides yet)."""
    claimant = summary["asserted_by"]
    facts = EdgeFacts(
        status=summary["status"], publishers=tuple(summary["publishers"]),
        asserted_by=names.get(claimant) if claimant else None, asserted_by_id=claimant,
        deniers=tuple(sorted({names[x] for x in graph.denied_by.get(summary["id"], ())})),
        disputers=tuple(sorted({names[x] for x in summary["disputed_by"]})),
        reporters=() if summary["status"] == "reported" else
        tuple(reporters.get((summary["subject"], summary["type"], summary["object"]), ())))
    result = grade(facts, sources, rules)
    return {**summary, "reliability": result.reliability, "credibility": result.credibility,
            "grade": result.grade, "grade_reason": result.reason, "grade_computed": result.grade,
            "grade_overridden": False}


# --- CSV -------------------------------------------------------------------------------------------

class _CsvFile:
    """One table as neo4j-admin CSV: every string quoted (so "" is an empty string and an empty
    cell is null), lists joined by :data:`ARRAY_DELIMITER`.

    The table is written in parts of about ``part_bytes``, each with its header and imported as
    its own input: Neo4j 5.26's reader of multi-line cells fails on a cell that crosses the end
    of its read buffer, which it cannot do in a part smaller than the buffer.
    """

    def __init__(self, folder: Path, stem: str, columns: list[tuple[str, str]], part_bytes: int):
        self.folder, self.stem, self.columns, self.part_bytes = folder, stem, columns, part_bytes
        self.header = ",".join(header for header, _ in columns) + "\n"
        self.parts: list[Path] = []
        self.multiline: list[Path] = []
        self.rows = 0
        self.largest_row = 0
        self._handle: TextIO | None = None
        self._size = 0
        self._part_multiline = False

    def _cell(self, value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, list):
            if not value:
                return ""  # the importer leaves the property out; cypher/bulk/ puts [] back
            for item in value:
                if ARRAY_DELIMITER in item:
                    raise InvalidInput([Problem(self.stem, None, "", f"{item!r} holds U+001F, which a bulk "
                                                                     "load cannot write; use intelgraph load")])
            value = ARRAY_DELIMITER.join(value)
        if "\n" in value or "\r" in value:
            self._part_multiline = True
        return '"' + value.replace('"', '""') + '"'

    def _next_part(self) -> None:
        self._close_part()
        path = self.folder / f"{self.stem}-{len(self.parts):04d}.csv"
        self.parts.append(path)
        self._handle = path.open("w", encoding="utf-8", newline="")
        self._handle.write(self.header)
        self._size = len(self.header)

    def _close_part(self) -> None:
        if self._handle is not None:
            self._handle.close()
            if self._part_multiline:
                self.multiline.append(self.parts[-1])
        self._handle = None
        self._part_multiline = False

    def write(self, row: dict[str, Any]) -> None:
        part_multiline, self._part_multiline = self._part_multiline, False
        line = ",".join(self._cell(row.get(key)) for _, key in self.columns) + "\n"
        row_multiline, self._part_multiline = self._part_multiline, part_multiline
        size = len(line) if line.isascii() else len(line.encode())
        if self._handle is None or (self._size + size > self.part_bytes and self._size > len(self.header)):
            self._next_part()
        self._part_multiline = self._part_multiline or row_multiline
        assert self._handle is not None
        self._handle.write(line)
        self._size += size
        self.rows += 1
        self.largest_row = max(self.largest_row, size)

    def close(self) -> None:
        if self._handle is None:
            self._next_part()  # an empty table still has its header
        self._close_part()


_ENTITY_COLUMNS = [("id:ID(Entity)", "id"), (":LABEL", "labels"), ("name", "name"), ("kind", "kind"),
                   ("aliases:string[]", "aliases"), ("keys:string[]", "keys"), ("search_text", "search_text"),
                   ("external_ids:string[]", "external_ids"), ("documents:string[]", "documents"),
                   ("first_reported", "first_reported")]
_DOCUMENT_COLUMNS = [("id:ID(Document)", "id"), ("title", "title"), ("publisher", "publisher"),
                     ("published:date", "published"), ("language", "language"), ("text_file", "text_file"),
                     ("sha256", "sha256"), ("url", "url"), ("authors:string[]", "authors"), ("text", "text"),
                     ("facts_sha256", "facts_sha256"), ("loaded_at:datetime", "loaded_at")]
_MENTION_COLUMNS = [(":START_ID(Document)", "document"), (":END_ID(Entity)", "id"), ("origin", "origin"),
                    ("kind", "kind"), ("name", "name"),
                    ("aliases:string[]", "aliases"), ("keys:string[]", "keys"),
                    ("external_ids:string[]", "external_ids")]
_EDGE_COLUMNS = [(":START_ID(Entity)", "subject"), (":END_ID(Entity)", "object"), (":TYPE", "type"), ("id", "id"),
                 ("status", "status"), ("asserted_by", "asserted_by"), ("documents:string[]", "documents"),
                 ("quotes:string[]", "quotes"), ("disputed_by:string[]", "disputed_by"), ("denies:string[]", "denies"),
                 ("first_date", "first_date"), ("last_date", "last_date"), ("weight:long", "weight"),
                 ("event_known:boolean", "event_known"), ("event_start", "event_start"), ("event_end", "event_end"),
                 ("first_reported", "first_reported"), ("last_reported", "last_reported"),
                 ("publishers:string[]", "publishers"), ("reliability", "reliability"),
                 ("credibility:long", "credibility"), ("grade", "grade"), ("grade_reason", "grade_reason"),
                 ("grade_computed", "grade_computed"), ("grade_overridden:boolean", "grade_overridden")]
# Evidence and GraphMeta are never the end of an imported relationship: no id space, no id map.
_EVIDENCE_COLUMNS = [("id", "id"), ("edge", "edge"), ("document", "document"), ("relation", "relation"),
                     ("type", "type"), ("status", "status"), ("subject", "subject"), ("object", "object"),
                     ("asserted_by", "asserted_by"), ("quote", "quote"), ("start:long", "start"), ("end:long", "end"),
                     ("date", "date"), ("event", "event"), ("event_start", "event_start"), ("event_end", "event_end"),
                     ("published", "published"), ("publisher", "publisher"),
                     ("subject_name", "subject_name"), ("object_name", "object_name"),
                     ("subject_origin", "subject_origin"), ("object_origin", "object_origin"),
                     ("asserted_by_origin", "asserted_by_origin"), ("disputed_by_origin:string[]", "disputed_by_origin"),
                     ("disputed_by:string[]", "disputed_by"), ("note", "note"), ("denies", "denies"),
                     ("denies_relation", "denies_relation")]
_META_COLUMNS = [("key", "key"), ("version:long", "version"), ("updated_at:datetime", "updated_at")]


#: Size of each CSV part (see :class:`_CsvFile`); the import's read buffer is at least twice this.
PART_BYTES = 8 << 20


@dataclass
class CsvSet:
    """The CSV files of one bulk load, and the import arguments that read them."""

    folder: Path
    nodes: list[tuple[str, Path]]          # (label or "", part)
    relationships: list[tuple[str, Path]]  # (type or "", part)
    multiline: list[Path]
    read_buffer: int

    def arguments(self) -> list[str]:
        args = [f"--nodes={label + '=' if label else ''}{path}" for label, path in self.nodes]
        args += [f"--relationships={rtype + '=' if rtype else ''}{path}" for rtype, path in self.relationships]
        args.append(f"--read-buffer-size={self.read_buffer}")
        if self.multiline:
            args += ["--multiline-fields-format=v2", "--multiline-fields=" + ",".join(map(str, self.multiline))]
        return args

    @property
    def size(self) -> int:
        return sum(path.stat().st_size for _, path in [*self.nodes, *self.relationships])


def write_csv(graph: BulkPlan, folder: Path, *, now: dt.datetime | None = None,
              part_bytes: int = PART_BYTES) -> CsvSet:
    """Write the planned graph as neo4j-admin CSV files into ``folder`` (emptied first)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    stamp = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    tables = {name: _CsvFile(folder, name, columns, part_bytes) for name, columns in (
        ("entities", _ENTITY_COLUMNS), ("documents", _DOCUMENT_COLUMNS), ("evidence", _EVIDENCE_COLUMNS),
        ("graph_meta", _META_COLUMNS), ("mentions", _MENTION_COLUMNS), ("edges", _EDGE_COLUMNS))}
    names: dict[str, str] = {}
    try:
        for entity in graph.entities.values():
            summary = _entity_summary(entity)
            summary["labels"] = ["Entity", entity.kind]
            summary["first_reported"] = min(graph.published[d] for d in summary["documents"])
            names[entity.id] = summary["name"]
            tables["entities"].write(summary)
        for row in graph.documents:
            tables["documents"].write({**row, "loaded_at": stamp})
        for row in graph.evidence:
            tables["evidence"].write(row)
        tables["graph_meta"].write({"key": "graph", "version": len(graph.documents), "updated_at": stamp})
        for document, row in graph.mentions:
            tables["mentions"].write({**row, "document": document})
        summaries = (_edge_summary(edge) for edge in graph.edges.values())
        reporters = {(e.row["subject"], e.row["type"], e.row["object"]):
                     list(dict.fromkeys(v["publisher"] for _, _, _, v in sorted(e.evidence, key=lambda i: i[:3])))
                     for e in graph.edges.values() if e.row["status"] == "reported"}
        sources = {source.key: source.reliability for _, grades in graph.sources for source in grades}
        rules = get_rules()
        for summary in summaries:
            tables["edges"].write(_graded(summary, graph, names, reporters, sources, rules))
    finally:
        for table in tables.values():
            table.close()
    labels = {"entities": "", "documents": "Document", "evidence": "Evidence", "graph_meta": "GraphMeta"}
    types = {"mentions": "MENTIONS", "edges": ""}
    largest = max(table.largest_row for table in tables.values())
    return CsvSet(folder=folder,
                  nodes=[(label, part) for name, label in labels.items() for part in tables[name].parts],
                  relationships=[(rtype, part) for name, rtype in types.items() for part in tables[name].parts],
                  multiline=[part for table in tables.values() for part in table.multiline],
                  read_buffer=max(4 << 20, 2 * max(part_bytes, largest)))


# --- the server ------------------------------------------------------------------------------------

def _database_folder(settings: Settings) -> Path:
    return settings.neo4j_home.resolve() / "data" / "databases" / settings.neo4j_database


def check_target(settings: Settings) -> bool:
    """Refuse a server or database a bulk load must not replace; return whether the server runs.

    Raises
    ------
    BulkLoadRefused
        When ``NEO4J_URI`` is set, or the database holds any node.
    """
    if not settings.manages_local_server:
        raise BulkLoadRefused(
            f"NEO4J_URI is set ({settings.bolt_uri}): a bulk load writes the store files of the local server "
            "intelgraph manages, which it cannot do to another server; use `intelgraph load` there, "
            "or unset NEO4J_URI")
    running = localserver.status(settings).running
    if not running and not _database_folder(settings).exists():
        return False  # never started: nothing to lose
    if not running:
        localserver.start(settings)
    try:
        with Store(settings) as store:
            nodes = (store.read_one("bulk/count_nodes") or {}).get("nodes", 0)
    finally:
        if not running:
            localserver.stop(settings)
    if nodes:
        raise BulkLoadRefused(
            f"the database {settings.neo4j_database!r} at {settings.bolt_uri} is not empty ({nodes:,} nodes): "
            "a bulk load only fills an empty database, and would replace this one; add documents with "
            "`intelgraph load`, or empty it first with `intelgraph db reset`")
    return running


def _empty_lists(store: Store, name: str, batch: int = _FIX_BATCH) -> None:
    """Run one of the ``cypher/bulk/empty_lists_*`` statements until nothing is left to fix."""
    while store.write(name, batch=batch)[0]["fixed"] == batch:
        pass


def import_csv(settings: Settings, csv: CsvSet, *, threads: int | None = None,
               max_off_heap: str = "2G") -> None:
    """Run ``neo4j-admin database import full`` into the (stopped) server's database, replacing it."""
    # The database name first: an option that takes several files would swallow it last.
    args = ["database", "import", "full", settings.neo4j_database, "--overwrite-destination=true", "--id-type=string",
            "--array-delimiter=U+001F", f"--max-off-heap-memory={max_off_heap}",
            f"--report-file={csv.folder / 'import.report'}"]
    if threads:
        args.append(f"--threads={threads}")
    localserver.admin_command(settings, *args, *csv.arguments())


def bulk_load(settings: Settings, paths: Iterable[Path], *, workers: int | None = None,
              keep_csv: bool = False, on_step: Callable[[str, float], None] | None = None) -> BulkReport:
    """Validate, plan, write CSV, import, start and finish: the first load of a corpus.

    Parameters
    ----------
    settings : Settings
        Of the local server (``NEO4J_URI`` unset); it is stopped for the import and left running.
    paths : iterable of Path
        Facts files, or folders searched for them, loaded in the order the loader would.
    workers : int, optional
        Processes validating files (default: the CPU count, at most 4).
    keep_csv : bool, optional (default=False)
        Keep the CSV files (under the server's ``import/intelgraph-bulk``) after a successful load.
    on_step : callable, optional
        Called with each step's name and seconds as it ends.

    Raises
    ------
    BulkLoadRefused
        For another server than the local one, or a database that is not empty.
    InvalidInput
        With every problem of every file; nothing is written.
    """
    report = BulkReport()

    def step(name: str, started: float) -> None:
        report.seconds[name] = time.perf_counter() - started
        if on_step is not None:
            on_step(name, report.seconds[name])

    started = time.perf_counter()
    running = check_target(settings)
    step("check", started)

    started = time.perf_counter()
    ontology = get_ontology()
    graph = plan(paths, workers=workers, ontology=ontology)
    step("validate", started)

    started = time.perf_counter()
    folder = settings.neo4j_home.resolve() / "import" / "intelgraph-bulk"
    csv = write_csv(graph, folder)
    report.csv_bytes = csv.size
    report.documents, report.entities, report.edges = len(graph.documents), len(graph.entities), len(graph.edges)
    report.relations, report.mentions, report.merged = len(graph.evidence), len(graph.mentions), graph.merged
    sources = graph.sources
    del graph
    step("csv", started)

    started = time.perf_counter()
    if running:
        localserver.stop(settings)
    try:
        import_csv(settings, csv)
    except BaseException:
        # A failed import leaves store files the server cannot open; the database was empty,
        # so remove them: the server starts with an empty database again.
        data = settings.neo4j_home.resolve() / "data"
        for folder in ("databases", "transactions"):
            shutil.rmtree(data / folder / settings.neo4j_database, ignore_errors=True)
        if running:
            localserver.start(settings)
        raise
    step("import", started)

    started = time.perf_counter()
    localserver.start(settings)
    step("start", started)

    started = time.perf_counter()
    with Store(settings) as store:
        # Each statement touches its own nodes or relationships: they run side by side.
        with ThreadPoolExecutor(max_workers=len(_FIX_UPS)) as pool:
            list(pool.map(lambda name: _empty_lists(store, name), _FIX_UPS))
        step("empty_lists", started)
        started = time.perf_counter()
        store.ensure_schema()
        step("schema", started)
        for path, grades in sources:
            # The edges were graded with these grades already: record the Source nodes only, as
            # `intelgraph load` records them.
            GradeService(store).grade_sources(grades, by="sources file", via=path, regrade=False)
    if not keep_csv:
        shutil.rmtree(folder, ignore_errors=True)
    return report

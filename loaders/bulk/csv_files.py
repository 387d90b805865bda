"""The CSV files of a bulk load: the planned graph as ``neo4j-admin database import`` reads it.

:func:`write_csv` writes one table per kind of node and relationship (entities, documents,
evidence, the graph's version; mentions and edges), each in parts (:class:`CsvFile`), and
returns a :class:`CsvSet` whose :meth:`CsvSet.arguments` are the importer's. The tables are
written by forked processes, the edges and the evidence in shares: summarising and grading each
edge on its way is most of the step's work.
"""
from __future__ import annotations

import datetime as dt
import gc
import itertools
import multiprocessing
import os
import shutil
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from graph.errors import InvalidInput, Problem
from loaders.bulk.plan import BulkPlan

__all__ = ["ARRAY_DELIMITER", "PART_BYTES", "CsvFile", "CsvSet", "write_csv"]

#: Between the items of a list in a CSV cell (U+001F, the unit separator: YAML cannot hold it raw).
ARRAY_DELIMITER = "\x1f"


class CsvFile:
    """One table as neo4j-admin CSV: every string quoted (so "" is an empty string and an empty
    cell is null), lists joined by :data:`ARRAY_DELIMITER`.

    The table is written in parts of about ``part_bytes``, each with its header and imported as
    its own input: Neo4j 5.26's reader of multi-line cells fails on a cell that crosses the end
    of its read buffer, which it cannot do in a part smaller than the buffer.
    """

    def __init__(self, folder: Path, stem: str, columns: list[tuple[str, str]], part_bytes: int, *,
                 table: str | None = None):
        self.folder, self.stem, self.columns, self.part_bytes = folder, stem, columns, part_bytes
        self.table = table or stem  # several files (one per writer) may hold one table
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
                return ""  # no property, as the loader stores no items (graph/noitems.py)
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
                     ("facts_sha256", "facts_sha256"), ("loaded_at:datetime", "loaded_at"),
                     ("first_loaded_at:datetime", "first_loaded_at")]
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
                     ("asserted_by_origin", "asserted_by_origin"),
                     ("disputed_by_origin:string[]", "disputed_by_origin"),
                     ("disputed_by:string[]", "disputed_by"), ("note", "note"), ("denies", "denies"),
                     ("denies_relation", "denies_relation")]
_META_COLUMNS = [("key", "key"), ("version:long", "version"), ("updated_at:datetime", "updated_at")]


#: Size of each CSV part (see :class:`CsvFile`); the import's read buffer is at least twice this.
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
              part_bytes: int = PART_BYTES, workers: int | None = None) -> CsvSet:
    """Write the planned graph as neo4j-admin CSV files into ``folder`` (emptied first).

    Each table, and each share of the edges (summarised and graded on their way, most of the
    work) and of the evidence, is written by one of ``workers`` forked processes (default: one
    per core, at most 4), which read the plan as the fork left it. Each writes parts of its own:
    the importer takes them all.
    """
    now = now or dt.datetime.now(dt.UTC)
    stamp = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    workers = workers or min(os.cpu_count() or 1, 4)
    # The longest first, so that the short ones fill in after them: the edges and the evidence,
    # each in a share per writer, then the rest.
    tasks = [(name, share, workers, folder, part_bytes, stamp) for name in ("edges", "evidence")
             for share in range(workers)]
    tasks += [(name, 0, 1, folder, part_bytes, stamp) for name in ("entities", "mentions", "documents", "graph_meta")]
    order = list(_COLUMNS)  # the files in the importer's arguments as one process wrote them
    written = sorted(_in_forked_writers(graph, tasks, workers), key=lambda t: (order.index(t.table), t.stem))
    labels = {"entities": "", "documents": "Document", "evidence": "Evidence", "graph_meta": "GraphMeta"}
    types = {"mentions": "MENTIONS", "edges": ""}
    largest = max(table.largest_row for table in written)
    return CsvSet(folder=folder,
                  nodes=[(labels[t.table], part) for t in written if t.table in labels for part in t.parts],
                  relationships=[(types[t.table], part) for t in written if t.table in types for part in t.parts],
                  multiline=[part for table in written for part in table.multiline],
                  read_buffer=max(4 << 20, 2 * max(part_bytes, largest)))


#: (table, share, shares, folder, part bytes, the load's time stamp)
_Task = tuple[str, int, int, Path, int, str]
_COLUMNS = {"entities": _ENTITY_COLUMNS, "documents": _DOCUMENT_COLUMNS, "evidence": _EVIDENCE_COLUMNS,
            "graph_meta": _META_COLUMNS, "mentions": _MENTION_COLUMNS, "edges": _EDGE_COLUMNS}
#: The plan the forked writers read, set only while they run: inherited with the fork, never pickled.
_FORKED_PLAN: BulkPlan | None = None


def _in_forked_writers(graph: BulkPlan, tasks: list[_Task], workers: int) -> list[CsvFile]:
    if workers <= 1:
        return [_write_table(graph, task) for task in tasks]
    global _FORKED_PLAN
    _FORKED_PLAN = graph
    gc.freeze()  # the plan's millions of objects are never scanned by the writers' collector
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_write_forked, tasks))
    finally:
        gc.unfreeze()
        _FORKED_PLAN = None


def _write_forked(task: _Task) -> CsvFile:
    assert _FORKED_PLAN is not None, "only in a writer forked by write_csv"
    return _write_table(_FORKED_PLAN, task)


def _write_table(graph: BulkPlan, task: _Task) -> CsvFile:
    """Write one table (or one share of the edges or the evidence) and return it, closed."""
    name, share, shares, folder, part_bytes, stamp = task
    table = CsvFile(folder, name if shares == 1 else f"{name}-{share}", _COLUMNS[name], part_bytes, table=name)
    try:
        for row in _rows(graph, name, share, shares, stamp):
            table.write(row)
    finally:
        table.close()
    return table


def _rows(graph: BulkPlan, name: str, share: int, shares: int, stamp: str) -> Iterator[dict[str, Any]]:
    if name == "entities":
        yield from graph.entity_nodes()
    elif name == "documents":
        # the first load is this one, as for `intelgraph load` (cypher/load/upsert_documents.cypher)
        yield from ({**row, "loaded_at": stamp, "first_loaded_at": stamp} for row in graph.documents)
    elif name == "graph_meta":
        yield {"key": "graph", "version": len(graph.documents), "updated_at": stamp}
    elif name == "evidence":
        yield from itertools.islice(graph.evidence, share, None, shares)
    elif name == "mentions":
        yield from ({**row, "document": document} for document, row in graph.mentions)
    elif name == "edges":
        yield from graph.edge_relationships(share, shares)

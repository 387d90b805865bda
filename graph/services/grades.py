"""Grades an analyst can weigh and change: one edge with its grades, overrides, sources, history.

The rules that compute grades are in :mod:`graph.grading`; this service is what the API and the
CLI call to read an edge, override its grades (with a reason, recorded with who and when), grade
a source (a publisher, or a party quoted) and read the audit trail. Every change regrades what it
affects in the same transaction, and bumps the graph version so cached analytics drop.

A sources file (``corpus/sources.yaml``) grades many sources at once::

    publishers:
      - name: Financial Times
        reliability: B
        reason: Long record of accurate security reporting; named sources.
    speakers:
      - entity: kremlin
        reliability: E
        reason: Party to the events; its claims about them are often contradicted.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from graph import yamlsource
from graph.errors import InvalidInput, InvalidParameter, NotFound, Problem
from graph.grading import CREDIBILITY, RELIABILITY, grade_edges, publisher_key, speaker_key
from graph.store import Store, Tx

__all__ = ["GradeService", "SourceGrade", "read_sources_file", "SOURCES_FILE"]

SOURCES_FILE = "sources.yaml"  # beside the facts files: `intelgraph load FOLDER` reads it first
_REGRADE_BATCH = 5000


@dataclass(frozen=True)
class SourceGrade:
    """A source's reliability: a publisher by name, or a quoted party by entity id."""

    kind: str  # "publisher" | "speaker"
    name: str
    reliability: str
    reason: str

    @property
    def key(self) -> str:
        return publisher_key(self.name) if self.kind == "publisher" else speaker_key(self.name)


def read_sources_file(path: Path) -> list[SourceGrade]:
    """Read and check a sources file; every problem names its line and field.

    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as f:
    ...     _ = f.write("publishers:\\n  - {name: FT, reliability: B, reason: named sources}\\n"
    ...                 "speakers:\\n  - {entity: kremlin, reliability: G, reason: x}\\n")
    >>> read_sources_file(Path(f.name))
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: ...:4: speakers[0].reliability: expected one of A, B, C, D, E, F
    >>> os.unlink(f.name)
    """
    doc = yamlsource.load(path)
    data = doc.data if isinstance(doc.data, dict) else {}
    problems: list[Problem] = []
    if not isinstance(doc.data, dict):
        problems.append(doc.problem((), "expected a mapping with publishers and/or speakers"))
    for key in sorted(set(data) - {"publishers", "speakers"}):
        problems.append(doc.problem((key,), "unknown section; expected publishers or speakers"))
    grades = []
    for section, kind, name_field in (("publishers", "publisher", "name"), ("speakers", "speaker", "entity")):
        items = data.get(section) or []
        if not isinstance(items, list):
            problems.append(doc.problem((section,), "expected a list"))
            continue
        for index, item in enumerate(items):
            at = (section, index)
            item = item if isinstance(item, dict) else {}
            for key in sorted(set(item) - {name_field, "reliability", "reason"}):
                problems.append(doc.problem(at + (key,), f"unknown field; expected {name_field}, reliability, reason"))
            name, reliability, reason = item.get(name_field), item.get("reliability"), item.get("reason")
            if not isinstance(name, str) or not name.strip():
                problems.append(doc.problem(at + (name_field,), "required"))
            if reliability not in RELIABILITY:
                problems.append(doc.problem(at + ("reliability",), f"expected one of {', '.join(RELIABILITY)}"))
            if not isinstance(reason, str) or not reason.strip():
                problems.append(doc.problem(at + ("reason",), "say why: a grade without a reason cannot be weighed"))
            grades.append(SourceGrade(kind, str(name).strip(), str(reliability), str(reason or "").strip()))
    if problems:
        raise InvalidInput(problems)
    return grades


class GradeService:
    """Read and change grades (see the module docstring)."""

    def __init__(self, store: Store):
        self.store = store

    # --- one edge ------------------------------------------------------------------------------------
    def edge(self, edge_id: str) -> dict[str, Any]:
        """One edge with its evidence, grades and ends (``source``/``target`` as ``{id, name, kind}``)."""
        ends = self._ends(edge_id)
        row = self.store.read_one("edges/by_id", id=edge_id, filter={"as_of": None}, **ends)
        if row is None:
            raise NotFound(f"no edge with id {edge_id!r}")
        return row["edge"] | {"source_entity": row["source"], "target_entity": row["target"]}

    def history(self, *, edge: str | None = None, source: str | None = None,
                kind: str = "publisher") -> list[dict[str, Any]]:
        """The audit trail of an edge's grades, or of a source's, oldest first."""
        if edge is not None:
            self._ends(edge)
            subject = f"edge:{edge}"
        elif source is not None:
            subject = "source:" + SourceGrade(kind, source, "F", "").key
        else:
            raise InvalidParameter("edge", "give an edge id or a source")
        return [row["change"] for row in self.store.read("grading/history", subject=subject)]

    def override(self, edge_id: str, *, reliability: str | None, credibility: int | None, reason: str,
                 by: str, via: str) -> dict[str, Any]:
        """Set an analyst's grade on an edge (either grade or both) and return the edge regraded."""
        if reliability is None and credibility is None:
            raise InvalidParameter("grade", "give a reliability (A-F), a credibility (1-6) or both")
        if reliability is not None and reliability not in RELIABILITY:
            raise InvalidParameter("reliability", f"expected one of {', '.join(RELIABILITY)}")
        if credibility is not None and credibility not in CREDIBILITY:
            raise InvalidParameter("credibility", "expected a grade from 1 to 6")
        self._change_override(edge_id, reliability=reliability, credibility=credibility, reason=reason,
                              by=by, via=via, clear=False)
        return self.edge(edge_id)

    def clear_override(self, edge_id: str, *, reason: str, by: str, via: str) -> dict[str, Any]:
        """Take an analyst's grade off an edge (recorded like any change); the rules grade it again."""
        self._change_override(edge_id, reliability=None, credibility=None, reason=reason, by=by, via=via,
                              clear=True)
        return self.edge(edge_id)

    def _change_override(self, edge_id: str, *, reliability: str | None, credibility: int | None, reason: str,
                         by: str, via: str, clear: bool) -> None:
        _require_text("reason", reason)
        _require_text("by", by)
        ends = self._ends(edge_id)

        def work(tx: Tx) -> None:
            tx.run("grading/set_override", edge=edge_id, reliability=reliability, credibility=credibility,
                   reason=reason.strip(), by=by.strip(), via=via, clear=clear)
            grade_edges(tx, [{"id": edge_id, **ends}])
            tx.run("load/bump_version")

        self.store.transaction(work)

    def _ends(self, edge_id: str) -> dict[str, str]:
        row = self.store.read_one("edges/ends", id=edge_id)
        if row is None:
            raise NotFound(f"no edge with id {edge_id!r}", parameter="edge")
        return {"subject": row["subject"], "object": row["object"]}

    # --- sources -------------------------------------------------------------------------------------
    def sources(self) -> list[dict[str, Any]]:
        """Every graded source (ungraded ones are F, "cannot be judged")."""
        return [row["source"] for row in self.store.read("grading/list_sources")]

    def grade_sources(self, grades: list[SourceGrade], *, by: str, via: str, regrade: bool = True) -> int:
        """Grade sources; when any grade changed, regrade every edge. Returns how many changed.

        Grading the same sources again changes nothing and writes nothing. ``regrade=False`` is
        for a bulk load, whose edges were graded with these grades before they were written.
        """
        _require_text("by", by)
        for grade in grades:
            if grade.reliability not in RELIABILITY:
                raise InvalidParameter("reliability", f"expected one of {', '.join(RELIABILITY)}")
            _require_text("reason", grade.reason)
            if not grade.name.strip():
                raise InvalidParameter("name", "required")

        def work(tx: Tx) -> int:
            changed = 0
            for grade in grades:
                rows = tx.run("grading/set_source", key=grade.key, kind=grade.kind, source_name=grade.name,
                              reliability=grade.reliability, reason=grade.reason, by=by, via=via)
                changed += bool(rows and rows[0]["changed"])
            return changed

        changed = self.store.transaction(work)
        if changed and regrade:
            self.regrade_all()
        return changed

    def regrade_all(self) -> int:
        """Regrade every edge, a batch per transaction (grades are derived: a rerun is harmless)."""
        total = 0
        for batch in _chunks(self.store.stream("grading/all_edges"), _REGRADE_BATCH):
            total += self.store.transaction(partial(grade_edges, edges=batch))
        if total:  # grades changed what edges show: cached analytics filtered by grade are stale
            self.store.transaction(lambda tx: tx.run("load/bump_version"))
        return total


def _require_text(parameter: str, value: str | None) -> None:
    if value is None or not value.strip():
        raise InvalidParameter(parameter, "required: say it in words")


def _chunks(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch

"""Review a draft: accept, edit or reject each candidate, and write the reviewed facts file.

A candidate is anything marked ``review: {candidate: true}`` (the document's metadata, an entity,
a relation). Accepting removes the mark; rejecting removes the item, and with a rejected entity
every relation that needs it (and every denial of a removed relation) goes too; editing changes
fields and accepts. Giving an entity the id of another entity of the file merges the two (the
names of both are kept), and an id the graph has makes it that node.

Decisions can come from a person at a terminal (``intelgraph review``) or from a script, one per
line (``--decisions FILE``)::

    accept entity fsb
    reject relation fsb-accused-four-men
    edit entity radical-islamists-2 id=radical-islamists name="radical Islamists (named by Bortnikov)"
    edit relation ukraine-prepared-crocus-attack status=claimed asserted_by=fsb
    edit document title="…" publisher="…"
    accept all            # every candidate still open (likewise: reject all)

Values are YAML (``aliases=[FSB, "Russia's FSB"]``); ``field=`` with nothing removes an optional
field.

>>> review = Review({"document": {"id": "d"}, "entities": [
...     {"id": "a", "name": "A", "kind": "State", "review": {"candidate": True, "reason": "r"}},
...     {"id": "b", "name": "B", "kind": "State", "review": {"candidate": True, "reason": "r"}}],
...     "relations": [{"id": "r1", "subject": "a", "type": "ACCUSED", "object": "b", "status": "reported",
...                    "quote": "A blamed B", "review": {"candidate": True, "reason": "cue"}}]})
>>> review.apply(parse_decisions("accept entity a\\nreject entity b"))
>>> [e["id"] for e in review.data["entities"]], review.data["relations"], review.counts["dropped"]
(['a'], [], 1)
"""
from __future__ import annotations

import datetime as dt
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.facts import Facts, parse_facts
from graph.names import name_key
from extract.writer import dump_facts

__all__ = ["Decision", "Review", "parse_decisions", "parse_value", "read_draft", "write_reviewed", "SECTIONS"]

SECTIONS = ("document", "entities", "relations")
_WHAT = {"document": "document", "entity": "entities", "relation": "relations"}


@dataclass(frozen=True)
class Decision:
    """One decision: ``action`` (accept | reject | edit) on one item, or on every open one (``id`` "*")."""

    action: str
    section: str          # document | entities | relations
    id: str
    changes: dict[str, Any] = field(default_factory=dict)
    line: int | None = None
    source: str = "<decisions>"


def parse_decisions(text: str, source: str = "<decisions>") -> list[Decision]:
    """Read decisions, one per line (see the module docstring); ``#`` starts a comment."""
    decisions, problems = [], []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split(" #")[0].strip() if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        try:
            words = shlex.split(line)
        except ValueError as exc:
            problems.append(Problem(source, number, "", f"cannot read {line!r}: {exc}"))
            continue
        action = words[0].lower()
        if action not in ("accept", "reject", "edit"):
            problems.append(Problem(source, number, "", f"expected accept, reject or edit, not {words[0]!r}"))
            continue
        if len(words) == 2 and words[1] == "all" and action != "edit":
            decisions.append(Decision(action, "*", "*", line=number, source=source))
            continue
        if len(words) < 2 or words[1] not in _WHAT or (words[1] != "document" and len(words) < 3):
            problems.append(Problem(source, number, "", "expected: ACTION entity|relation ID, ACTION document, "
                                                        "or accept|reject all"))
            continue
        section = _WHAT[words[1]]
        item = "" if section == "document" else words[2]
        rest = words[2:] if section == "document" else words[3:]
        changes: dict[str, Any] = {}
        for assignment in rest:
            name, eq, value = assignment.partition("=")
            if not eq or not name:
                problems.append(Problem(source, number, "", f"expected field=value, not {assignment!r}"))
                continue
            changes[name] = parse_value(value)
        if action == "edit" and not changes:
            problems.append(Problem(source, number, "", "edit needs at least one field=value"))
            continue
        decisions.append(Decision(action, section, item, changes, number, source))
    if problems:
        raise InvalidInput(problems)
    return decisions


def parse_value(text: str) -> Any:
    """A value as YAML reads it, except that a date stays text (``date=2024-03``)."""
    if text == "":
        return None
    try:
        value = yaml.safe_load(text)
    except yaml.YAMLError:
        return text
    return text if isinstance(value, dt.date) else value


class Review:
    """A draft's data being reviewed; :meth:`apply` takes decisions, :attr:`counts` says what was done."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self.counts = {"accepted": 0, "edited": 0, "rejected": 0, "dropped": 0}
        self.log: list[str] = []

    # --- what is open -----------------------------------------------------------------------
    def candidates(self) -> list[tuple[str, dict[str, Any]]]:
        """Every item still marked as a candidate, document first, then entities, then relations."""
        out = []
        document = self.data.get("document") or {}
        if _open(document):
            out.append(("document", document))
        for section in ("entities", "relations"):
            out += [(section, item) for item in self.data.get(section) or [] if _open(item)]
        return out

    def find(self, section: str, item_id: str) -> dict[str, Any] | None:
        if section == "document":
            return self.data.get("document")
        return next((item for item in self.data.get(section) or [] if item.get("id") == item_id), None)

    # --- decisions ------------------------------------------------------------------------------
    def apply(self, decisions: Iterable[Decision]) -> None:
        """Apply decisions in order; raise :class:`InvalidInput` naming the decisions that do not fit."""
        problems = []
        for decision in decisions:
            if decision.section == "*":
                for section, item in self.candidates():
                    self._decide(Decision(decision.action, section, item.get("id", "")), item)
                continue
            item = self.find(decision.section, decision.id)
            if item is None:
                what = {"entities": "entity", "relations": "relation"}.get(decision.section, decision.section)
                problems.append(Problem(decision.source, decision.line, "", f"no {what} {decision.id!r} in the draft"))
                continue
            try:
                self._decide(decision, item)
            except ValueError as exc:
                problems.append(Problem(decision.source, decision.line, "", str(exc)))
        if problems:
            raise InvalidInput(problems)

    def accept(self, section: str, item: dict[str, Any]) -> None:
        self._decide(Decision("accept", section, item.get("id", "")), item)

    def reject(self, section: str, item: dict[str, Any]) -> None:
        self._decide(Decision("reject", section, item.get("id", "")), item)

    def edit(self, section: str, item: dict[str, Any], changes: dict[str, Any]) -> None:
        self._decide(Decision("edit", section, item.get("id", ""), changes), item)

    def _decide(self, decision: Decision, item: dict[str, Any]) -> None:
        section = decision.section
        if decision.action == "reject":
            if section == "document":
                raise ValueError("the document cannot be rejected: edit its fields instead")
            self._remove(section, item)
            self.counts["rejected"] += 1
            self.log.append(f"rejected {section[:-1]} {item['id']}")
            return
        if decision.action == "edit":
            self._edit(section, item, decision.changes)
            self.counts["edited"] += 1
            self.log.append(f"edited {section if section == 'document' else section[:-1] + ' ' + item['id']}: "
                            + ", ".join(sorted(decision.changes)))
        else:
            self.counts["accepted"] += 1
        item.pop("review", None)

    def _edit(self, section: str, item: dict[str, Any], changes: dict[str, Any]) -> None:
        if "review" in changes:
            raise ValueError("review is the draft's mark: accept or reject instead of editing it")
        new_id = changes.get("id")
        for name, value in changes.items():
            if name == "id":
                continue
            if value is None:
                item.pop(name, None)
            else:
                item[name] = value
        if section == "entities" and new_id and new_id != item["id"]:
            self._rename_entity(item, str(new_id))
        elif section == "relations" and new_id and new_id != item["id"]:
            old = item["id"]
            item["id"] = str(new_id)
            for rel in self.data.get("relations") or []:
                if rel.get("denies") == old:
                    rel["denies"] = item["id"]
        elif new_id:
            item["id"] = new_id

    def _rename_entity(self, item: dict[str, Any], new_id: str) -> None:
        old = item["id"]
        other = self.find("entities", new_id)
        if other is not None and other is not item:
            # the same entity twice: keep the other entry, with every name of both
            names = [other["name"], *(other.get("aliases") or [])]
            for name in [item["name"], *(item.get("aliases") or [])]:
                if all(name_key(name) != name_key(n) for n in names):
                    names.append(name)
            other["aliases"] = names[1:]
            for key, value in (item.get("external_ids") or {}).items():
                other.setdefault("external_ids", {}).setdefault(key, value)
            self.data["entities"].remove(item)
            self.log.append(f"merged entity {old} into {new_id}")
        else:
            item["id"] = new_id
        for rel in self.data.get("relations") or []:
            for name in ("subject", "object", "asserted_by"):
                if rel.get(name) == old:
                    rel[name] = new_id
            if old in (rel.get("disputed_by") or []):
                rel["disputed_by"] = list(dict.fromkeys(new_id if d == old else d for d in rel["disputed_by"]))

    def _remove(self, section: str, item: dict[str, Any]) -> None:
        self.data[section].remove(item)
        gone_entities = {item["id"]} if section == "entities" else set()
        gone_relations = {item["id"]} if section == "relations" else set()
        changed = True
        while changed:  # a relation without its entity goes, and so does a denial of it
            changed = False
            for rel in list(self.data.get("relations") or []):
                needs = {rel.get("subject"), rel.get("object"), rel.get("asserted_by")}
                if needs & gone_entities or rel.get("denies") in gone_relations:
                    self.data["relations"].remove(rel)
                    gone_relations.add(rel["id"])
                    self.counts["dropped"] += 1
                    self.log.append(f"dropped relation {rel['id']} with {section[:-1]} {item['id']}")
                    changed = True
                elif set(rel.get("disputed_by") or []) & gone_entities:
                    rel["disputed_by"] = [d for d in rel["disputed_by"] if d not in gone_entities]

    def facts(self, path: Path) -> Facts:
        """The reviewed data, validated as the loader would (raises :class:`InvalidInput`)."""
        return parse_facts(dump_facts(self.data), path)


def _open(item: dict[str, Any]) -> bool:
    review = item.get("review")
    return isinstance(review, dict) and review.get("candidate", True) is not False


def read_draft(path: Path) -> tuple[Review, str]:
    """A facts file (a draft, or one being reviewed) and the comment lines at its top."""
    text = Path(path).read_text(encoding="utf-8")
    doc = yamlsource.loads(text, str(path))
    if not isinstance(doc.data, dict):
        raise InvalidInput([doc.problem((), "a facts file is a mapping with document, entities, relations")])
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line[1:].strip())
    data = doc.data
    document = data.get("document") or {}
    if hasattr(document.get("published"), "isoformat"):
        document["published"] = document["published"].isoformat()
    for rel in data.get("relations") or []:
        if hasattr(rel.get("date"), "isoformat"):
            rel["date"] = rel["date"].isoformat()
    return Review(data), "\n".join(header)


def write_reviewed(review: Review, output: Path, header: str = "") -> Facts:
    """Validate the reviewed data and write it to ``output``; nothing is written if it is invalid."""
    output = Path(output)
    if review.candidates():
        header = header or "Partly reviewed: candidates are left (intelgraph review)."
    else:
        header = "\n".join(line for line in header.splitlines()
                           if not line.startswith(("Draft written by", "Every entity and relation marked",
                                                   "each one (`intelgraph review")))
    source = dump_facts(review.data, header=header)
    facts = parse_facts(source, output)
    output.write_text(source, encoding="utf-8")
    return facts

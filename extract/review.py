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
    edit document title="…" publisher="…" published=2024-03-28
    add entity name="Basmanny court" kind=Court          # the name is found in the text
    add relation subject=fsb type=ACCUSED object=ukraine quote="accused Kiev of"
    accept all            # every candidate still open (likewise: reject all)

Values are YAML (``aliases=[FSB, "Russia's FSB"]``); ``field=`` with nothing removes an optional
field.

A field of the document's metadata that the draft guessed (``review.guessed``) is never
accepted: neither ``accept document`` nor ``accept all`` takes it, and it stays a candidate
(which ``intelgraph load`` refuses) until an ``edit document`` sets every guessed field.

``add`` finds what the reviewer typed in the document's text the way the loader compares names
(:func:`graph.names.name_key`: case, quote marks, dashes and spacing do not matter), and writes
what the text has, verbatim: an entity's name, or a relation's quote (whose span the loader
then finds). A search that is not in the text, or (for a quote) is in it more than once, is an
error listing where it is.

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

from extract.assemble import slug  # the draft's own id rule, wherever its module keeps it
from extract.ids import relation_id
from extract.writer import dump_facts, write_atomically
from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.facts import Facts, parse_facts
from graph.names import name_key

__all__ = ["Decision", "Match", "Review", "find_in_text", "parse_decisions", "parse_value", "read_draft",
           "write_reviewed", "SECTIONS"]

SECTIONS = ("document", "entities", "relations")
_WHAT = {"document": "document", "entity": "entities", "relation": "relations"}
_ONE = {"document": "document", "entities": "entity", "relations": "relation"}


@dataclass(frozen=True)
class Decision:
    """One decision: ``action`` (accept | reject | edit) on one item, or on every open one (``id`` "*");
    or ``add`` of a new item (``id`` "", ``changes`` its fields)."""

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
        if action not in ("accept", "reject", "edit", "add"):
            problems.append(Problem(source, number, "", f"expected accept, reject, edit or add, not {words[0]!r}"))
            continue
        if action == "add":
            if len(words) < 2 or words[1] not in ("entity", "relation"):
                problems.append(Problem(source, number, "", "expected: add entity name=… kind=…, or add relation "
                                                            "subject=… type=… object=… quote=…"))
                continue
            fields, bad = _assignments(words[2:])
            problems += [Problem(source, number, "", message) for message in bad]
            if not bad:
                decisions.append(Decision("add", _WHAT[words[1]], "", fields, number, source))
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
        changes, bad = _assignments(rest)
        problems += [Problem(source, number, "", message) for message in bad]
        if bad:
            continue
        if action == "edit" and not changes:
            problems.append(Problem(source, number, "", "edit needs at least one field=value"))
            continue
        decisions.append(Decision(action, section, item, changes, number, source))
    if problems:
        raise InvalidInput(problems)
    return decisions


def _assignments(words: list[str]) -> tuple[dict[str, Any], list[str]]:
    changes: dict[str, Any] = {}
    bad = []
    for assignment in words:
        name, eq, value = assignment.partition("=")
        if not eq or not name:
            bad.append(f"expected field=value, not {assignment!r}")
            continue
        changes[name] = parse_value(value)
    return changes, bad


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

    def __init__(self, data: dict[str, Any], text: str | None = None):
        self.data = data
        self.text = text  # the document's text, which ``add`` searches
        self.counts = {"accepted": 0, "edited": 0, "rejected": 0, "dropped": 0, "added": 0}
        self.log: list[str] = []

    def guessed(self) -> list[str]:
        """The document's fields the draft guessed and no person has set yet."""
        return _guessed(self.data.get("document") or {})

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
                    if section == "document" and decision.action == "accept" and _guessed(item):
                        continue  # a guess is never accepted in bulk: it stays open
                    if section == "document" and decision.action == "reject":
                        continue  # the document cannot be rejected
                    self._decide(Decision(decision.action, section, item.get("id", "")), item)
                continue
            if decision.action == "add":
                try:
                    self.add(decision.section, decision.changes)
                except ValueError as exc:
                    problems.append(Problem(decision.source, decision.line, "", str(exc)))
                continue
            found = self.find(decision.section, decision.id)
            if found is None:
                what = {"entities": "entity", "relations": "relation"}.get(decision.section, decision.section)
                problems.append(Problem(decision.source, decision.line, "", f"no {what} {decision.id!r} in the draft"))
                continue
            try:
                self._decide(decision, found)
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
            self.log.append(f"rejected {_ONE[section]} {item['id']}")
            return
        if decision.action == "edit":
            self._edit(section, item, decision.changes)
            self.counts["edited"] += 1
            self.log.append(f"edited {section if section == 'document' else _ONE[section] + ' ' + item['id']}: "
                            + ", ".join(sorted(decision.changes)))
            if section == "document" and _guessed(item):
                _mark_guessed(item, [g for g in _guessed(item) if g not in decision.changes])
                if _guessed(item):
                    return  # still waiting for the fields nobody has set
        else:
            if section == "document" and _guessed(item):
                fields = _guessed(item)
                raise ValueError(f"{', '.join('document.' + g for g in fields)}: guessed by the draft, so not "
                                 "accepted; set " + ("it" if len(fields) == 1 else "each") + ": edit document "
                                 + " ".join(f"{g}=…" for g in fields))
            self.counts["accepted"] += 1
        item.pop("review", None)

    # --- what the draft missed ----------------------------------------------------------------------
    def add(self, section: str, fields: dict[str, Any]) -> dict[str, Any]:
        """Add an entity or a relation the draft missed; ``fields`` as in the facts file, except that
        an entity's ``name`` and a relation's ``quote`` are searched for in the text and taken from
        it verbatim. Raise ``ValueError`` (saying what is wrong, and listing matches) otherwise."""
        if self.text is None:
            raise ValueError("the document's text is not available, so nothing can be found in it")
        fields = dict(fields)
        if "review" in fields:
            raise ValueError("review is the draft's mark: an item a person adds has none")
        if section == "entities":
            missing = [f for f in ("name", "kind") if not fields.get(f)]
            if missing:
                raise ValueError("add entity needs " + " and ".join(f"{f}=…" for f in missing))
            fields["name"] = _entity_name(self.text, str(fields["name"]))
            item = {"id": str(fields.pop("id", None) or slug(fields["name"])), **fields}
            if self.find("entities", item["id"]) is not None:
                raise ValueError(f"entity {item['id']!r} is already in the file: give another id=…")
        elif section == "relations":
            missing = [f for f in ("subject", "type", "object", "quote") if not fields.get(f)]
            if missing:
                raise ValueError("add relation needs " + " and ".join(f"{f}=…" for f in missing))
            match = _one_quote(self.text, str(fields["quote"]))
            fields["quote"] = match.verbatim
            fields.setdefault("status", "reported")
            given = fields.pop("id", None)
            rid = str(given) if given else relation_id(  # the draft's rule; the same triple again: -2, -3
                str(fields["subject"]), str(fields["type"]), str(fields["object"]), status=str(fields["status"]),
                asserted_by=fields.get("asserted_by"), taken=lambda r: self.find("relations", r) is not None)
            if self.find("relations", rid) is not None:
                raise ValueError(f"relation {rid!r} is already in the file: give another id=…")
            item = {"id": rid, **fields}
        else:
            raise ValueError("only an entity or a relation can be added")
        self.data.setdefault(section, []).append(item)
        self.counts["added"] += 1
        where = f" (characters {match.start}-{match.end}, line {match.line})" if section == "relations" else ""
        self.log.append(f"added {_ONE[section]} {item['id']}{where}")
        return item

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
        if item not in self.data[section]:
            return  # gone already, with an entity rejected before it ("reject all")
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
                    self.log.append(f"dropped relation {rel['id']} with {_ONE[section]} {item['id']}")
                    changed = True
                elif set(rel.get("disputed_by") or []) & gone_entities:
                    rel["disputed_by"] = [d for d in rel["disputed_by"] if d not in gone_entities]

    def facts(self, path: Path) -> Facts:
        """The reviewed data, validated as the loader would (raises :class:`InvalidInput`)."""
        return parse_facts(dump_facts(self.data), path)


def _guessed(document: dict[str, Any]) -> list[str]:
    review = document.get("review")
    if not isinstance(review, dict):
        return []
    if "guessed" in review:
        return list(review.get("guessed") or [])
    reason = str(review.get("reason", ""))  # a draft written before review.guessed existed
    if reason.startswith("guessed:"):
        said = reason[len("guessed:"):].split("(")[0]
        return [field for field, words in (("title", "title"), ("publisher", "publisher"),
                                           ("published", "publication date")) if words in said]
    return []


def _mark_guessed(document: dict[str, Any], left: list[str]) -> None:
    review = document["review"]
    review["guessed"] = left
    parts = [part for part in str(review.get("reason", "")).split("; ") if not part.startswith("guessed:")]
    if left:
        parts.insert(0, "guessed: " + ", ".join(left) + " (a person must set each: edit document "
                     + " ".join(f"{g}=…" for g in left) + ")")
    review["reason"] = "; ".join(parts) or "reviewed"


@dataclass(frozen=True)
class Match:
    """Where a search string is in a text: ``text[start:end] == verbatim``."""

    start: int
    end: int
    verbatim: str
    line: int

    def __str__(self) -> str:
        return f"line {self.line}: “{self.verbatim}”"


def _keyed(text: str) -> tuple[str, list[int]]:
    """The text as :func:`graph.names.name_key` compares it, and for each of its characters the
    offset in ``text`` of the character it comes from."""
    chars: list[str] = []
    origin: list[int] = []
    for offset, char in enumerate(text):
        key = " " if char.isspace() else name_key(char)
        if key == " " and (not chars or chars[-1] == " "):
            continue
        chars += key
        origin += [offset] * len(key)
    return "".join(chars), origin


def find_in_text(text: str, search: str) -> list[Match]:
    """Every place ``search`` is in ``text``, compared as the loader compares names (case, quote
    marks, dashes and spacing do not matter), with what the text has there, verbatim.

    >>> text = "The FSB said on Friday that “Ukraine’s special services” helped.\\nThe FSB added more."
    >>> find_in_text(text, "ukraine's special   services")
    [Match(start=29, end=55, verbatim='Ukraine’s special services', line=1)]
    >>> [str(m) for m in find_in_text(text, "the fsb")]
    ['line 1: “The FSB”', 'line 2: “The FSB”']
    """
    needle = name_key(search)
    if not needle:
        return []
    haystack, origin = _keyed(text)
    matches = []
    at = haystack.find(needle)
    while at >= 0:
        start, end = origin[at], origin[at + len(needle) - 1] + 1
        matches.append(Match(start, end, text[start:end], text.count("\n", 0, start) + 1))
        at = haystack.find(needle, at + 1)
    return matches


def _one_quote(text: str, search: str) -> Match:
    matches = find_in_text(text, search)
    if not matches:
        raise ValueError(f"quote {search!r} is not in the document's text (case, quote marks, dashes and "
                         "spacing are ignored, nothing else): copy a phrase from the text")
    if len(matches) > 1:
        raise ValueError(f"quote {search!r} is in the text {len(matches)} times, so its place is not known; "
                         "give more words: " + "; ".join(str(m) for m in matches[:10]))
    return matches[0]


def _entity_name(text: str, search: str) -> str:
    matches = find_in_text(text, search)
    if not matches:
        raise ValueError(f"name {search!r} is not in the document's text (case, quote marks, dashes and "
                         "spacing are ignored, nothing else)")
    spellings = list(dict.fromkeys(m.verbatim for m in matches))
    if len(spellings) == 1:
        return spellings[0]
    if search in spellings:
        return search
    raise ValueError(f"name {search!r} is written in the text in {len(spellings)} ways; type the one to use "
                     "exactly: " + "; ".join(str(next(m for m in matches if m.verbatim == v)) for v in spellings))


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
    article: str | None = None
    if isinstance(document.get("text"), str):
        try:
            article = (Path(path).parent / document["text"]).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            article = None  # the validator says why, with the line
    return Review(data, article), "\n".join(header)


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
    write_atomically(output, source)
    return facts

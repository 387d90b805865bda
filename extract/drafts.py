"""Drafts kept on the server for the analysts' workbench: a folder per draft beside the corpus.

Why a folder, not nodes in Neo4j: a draft is a facts file that is not finished yet. Kept as files
(``DRAFTS_DIR/<id>/``) it is the same format ``intelgraph draft`` writes and ``intelgraph review``
reads, a reviewer can open it in an editor or diff it, and nothing half-reviewed ever enters the
graph, whose every node is something an analyst accepted. Each draft folder holds:

- ``article.txt``: the text as pasted (UTF-8);
- ``draft.facts.yaml``: the extractor's draft, never changed afterwards;
- ``review.json``: the version, every decision taken on it in order (with who took it, as the
  API key's fingerprint, and when), and, once loaded, where it went.

The draft as it stands is the extractor's draft with the decisions replayed through
:class:`extract.review.Review`, so the review rules live in one place (a rejected entity takes its
relations with it, an entity given another's id merges into it...). Undo drops the last decision.
Every save names the version it was made against; if another reviewer saved meanwhile it is
refused with :class:`graph.errors.Conflict`, and nothing is written.

>>> import tempfile
>>> drafts = DraftStore(Path(tempfile.mkdtemp()))
>>> drafts.summaries()
[]
"""
from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.assemble import DocumentInfo, Reader, write_draft
from extract.entities import slug
from extract.gazetteer import Gazetteer
from extract.review import Decision, Review, read_draft, write_reviewed
from graph.errors import Conflict, InvalidInput, InvalidParameter, NotFound, Problem
from graph.facts import Facts, read_facts
from graph.names import name_key

__all__ = ["DraftStore", "NewDocument", "Action", "ACTIONS", "SECTIONS"]

ACTIONS = ("accept", "reject", "edit", "add")
SECTIONS = {"document": "document", "entity": "entities", "relation": "relations"}
_SINGULAR = {plural: singular for singular, plural in SECTIONS.items()}
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,99}$")
_ARTICLE, _DRAFT, _STATE, _LOCK = "article.txt", "draft.facts.yaml", "review.json", ".lock"
#: The fields an added relation takes besides its span (``start``, ``end``).
_RELATION_FIELDS = {"id", "subject", "type", "object", "status", "asserted_by", "disputed_by", "denies", "date",
                    "note", "start", "end"}
_ENTITY_FIELDS = {"id", "name", "kind", "aliases", "external_ids", "start", "end"}


@dataclass(frozen=True)
class NewDocument:
    """What a reviewer says about a new article: all of it is required except the URL and id."""

    text: str
    title: str
    publisher: str
    published: dt.date
    url: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Action:
    """One decision of a reviewer: ``action`` (accept | reject | edit | add) on a ``section``
    (document | entity | relation) item ``id``, with ``changes`` for edit and add."""

    action: str
    section: str
    id: str = ""
    changes: dict[str, Any] | None = None

    def record(self, via: str) -> dict[str, Any]:
        return {"action": self.action, "section": self.section, "id": self.id, "changes": self.changes or {},
                "via": via, "at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}


class DraftStore:
    """The drafts in one folder (``Settings.drafts_dir``)."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    # --- reading ------------------------------------------------------------------------------
    def summaries(self) -> list[dict[str, Any]]:
        """Every draft, newest first: id, title, version, how far its review is, whether loaded."""
        out: list[dict[str, Any]] = []
        if not self.folder.is_dir():
            return out
        for path in sorted(self.folder.iterdir()):
            if (path / _STATE).is_file() and (path / _DRAFT).is_file():
                state = self._state(path.name)
                review, _ = self._replay(path.name, state)
                document = review.data.get("document") or {}
                out.append({"id": path.name, "title": document.get("title"), "version": state["version"],
                            "created": state["created"], "loaded": state.get("loaded") is not None,
                            **_progress(state, review)})
        return sorted(out, key=lambda d: d["created"], reverse=True)

    def get(self, draft_id: str) -> dict[str, Any]:
        """The draft as it stands: its text, items (open ones marked), spans, progress, decisions.

        Raises
        ------
        NotFound
            For an id that names no draft.
        """
        state = self._state(draft_id)
        review, facts = self._replay(draft_id, state)
        return self._view(draft_id, state, review, facts)

    # --- writing ------------------------------------------------------------------------------
    def create(self, new: NewDocument, *, gazetteer: Gazetteer, via: str,
               taken: Callable[[str], bool] = lambda _id: False, reader: Reader | None = None) -> dict[str, Any]:
        """Draft a new article with the extractor; its id is ``new.id`` or made from the title.

        ``taken`` says whether an id is used elsewhere (the corpus, the graph).

        Raises
        ------
        InvalidParameter
            For an empty text, title or publisher, or an id that is not an id.
        Conflict
            When ``new.id`` is given and already used.
        """
        for name in ("text", "title", "publisher"):
            if not str(getattr(new, name) or "").strip():
                raise InvalidParameter(name, f"{name} is required: nothing is guessed")
        if new.id is not None and not _ID.match(new.id):
            raise InvalidParameter("id", f"{new.id!r} is not an id: lower-case letters, digits, '.', '_', '-'")
        self.folder.mkdir(parents=True, exist_ok=True)
        draft_id = new.id or self._free_id(_short(slug(f"{new.publisher} {new.title}")), taken)
        folder = self.folder / draft_id
        try:
            folder.mkdir()
        except FileExistsError:
            raise Conflict(f"a draft {draft_id!r} exists already: open it, or give another id") from None
        if new.id is not None and taken(new.id):
            folder.rmdir()
            raise Conflict(f"{new.id!r} is already a document of the corpus: give another id")
        try:
            text = new.text.replace("\r\n", "\n")
            (folder / _ARTICLE).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
            info = DocumentInfo(title=new.title.strip(), publisher=new.publisher.strip(), published=new.published,
                                id=draft_id, url=(new.url or "").strip() or None)
            write_draft(folder / _ARTICLE, folder / _DRAFT, info=info, gazetteer=gazetteer, reader=reader)
            fresh, _ = read_draft(folder / _DRAFT)
            state = {"version": 1, "created": _now(), "created_via": via, "candidates": len(fresh.candidates()),
                     "decisions": [], "loaded": None}
            _write_json(folder / _STATE, state)
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise
        return self.get(draft_id)

    def decide(self, draft_id: str, actions: list[Action], *, version: int, via: str) -> dict[str, Any]:
        """Apply a reviewer's decisions, in order, to the draft at ``version``; all or none.

        Raises
        ------
        Conflict
            When the draft is no longer at ``version`` (someone else saved), or was loaded.
        InvalidInput
            When a decision does not fit (an unknown id, an edit the facts format refuses), naming it.
        """
        if not actions:
            raise InvalidParameter("decisions", "give at least one decision")
        with self._locked(draft_id):
            state = self._state(draft_id)
            self._check_version(draft_id, state, version)
            review, _ = self._replay(draft_id, state)
            for number, action in enumerate(actions):
                _apply(review, action, self._text(draft_id), where=f"decisions[{number}]")
            facts = self._validate(draft_id, review, where="decisions")
            state["decisions"] += [action.record(via) for action in actions]
            state["version"] += 1
            _write_json(self.folder / draft_id / _STATE, state)
            return self._view(draft_id, state, review, facts)

    def undo(self, draft_id: str, *, version: int, via: str) -> dict[str, Any]:
        """Take back the last decision (anyone's: the version check makes sure it is the one seen)."""
        with self._locked(draft_id):
            state = self._state(draft_id)
            self._check_version(draft_id, state, version)
            if not state["decisions"]:
                raise InvalidParameter("version", "nothing to undo: no decision has been taken on this draft")
            undone = state["decisions"].pop()
            state.setdefault("undone", []).append({**undone, "undone_via": via, "undone_at": _now()})
            state["version"] += 1
            review, facts = self._replay(draft_id, state)
            _write_json(self.folder / draft_id / _STATE, state)
            return self._view(draft_id, state, review, facts)

    def finish(self, draft_id: str, *, version: int, via: str, corpus_dir: Path,
               load: Callable[[Facts], dict[str, Any]]) -> dict[str, Any]:
        """Write the reviewed facts and the text into ``corpus_dir`` and ``load`` them; all or nothing.

        Nothing is written while a candidate is open; if validation or ``load`` fails, both files
        are removed again and the error names the candidates it concerns.
        """
        with self._locked(draft_id):
            state = self._state(draft_id)
            self._check_version(draft_id, state, version)
            review, _ = self._replay(draft_id, state)
            open_items = review.candidates()
            if open_items:
                raise InvalidInput([Problem(f"draft {draft_id}", None, _where(section, item),
                                            "not reviewed yet: accept, edit or reject it first")
                                    for section, item in open_items])
            text_path, facts_path = corpus_dir / f"{draft_id}.txt", corpus_dir / f"{draft_id}.facts.yaml"
            for path in (text_path, facts_path):
                if path.exists():
                    raise Conflict(f"{path} exists already: this document is in the corpus")
            corpus_dir.mkdir(parents=True, exist_ok=True)
            review.data["document"]["text"] = text_path.name
            try:
                shutil.copyfile(self.folder / draft_id / _ARTICLE, text_path)
                write_reviewed(review, facts_path, f"Reviewed in the analysts' workbench (draft {draft_id}, "
                                                   f"version {state['version']}, {len(state['decisions'])} decisions).")
                report = load(read_facts(facts_path))
            except InvalidInput as exc:
                for path in (text_path, facts_path):
                    path.unlink(missing_ok=True)
                raise InvalidInput([_against_items(problem, review) for problem in exc.problems]) from None
            except BaseException:
                for path in (text_path, facts_path):
                    path.unlink(missing_ok=True)
                raise
            state["loaded"] = {"at": _now(), "via": via, "facts": str(facts_path), "report": report}
            state["version"] += 1
            _write_json(self.folder / draft_id / _STATE, state)
            return {"draft": draft_id, "version": state["version"], "facts_file": str(facts_path), **report}

    # --- helpers ------------------------------------------------------------------------------
    def _free_id(self, base: str, taken: Callable[[str], bool]) -> str:
        candidate, n = base, 1
        while (self.folder / candidate).exists() or taken(candidate):
            n += 1
            candidate = f"{base}-{n}"
        return candidate

    def _dir(self, draft_id: str) -> Path:
        if not _ID.match(draft_id) or not (self.folder / draft_id / _STATE).is_file():
            raise NotFound(f"no draft {draft_id!r}", parameter="draft_id")
        return self.folder / draft_id

    def _state(self, draft_id: str) -> dict[str, Any]:
        return json.loads((self._dir(draft_id) / _STATE).read_text(encoding="utf-8"))

    def _text(self, draft_id: str) -> str:
        return (self._dir(draft_id) / _ARTICLE).read_text(encoding="utf-8")

    @contextlib.contextmanager
    def _locked(self, draft_id: str) -> Iterator[None]:
        # One writer at a time, across the API's worker processes too.
        with open(self._dir(draft_id) / _LOCK, "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @staticmethod
    def _check_version(draft_id: str, state: dict[str, Any], version: int) -> None:
        if state.get("loaded"):
            raise Conflict(f"draft {draft_id!r} was loaded on {state['loaded']['at']}: it can no longer change")
        if version != state["version"]:
            last = state["decisions"][-1] if state["decisions"] else {}
            who = f" (last by {last.get('via')} at {last.get('at')})" if last else ""
            raise Conflict(f"draft {draft_id!r} has changed since you read it: it is at version {state['version']}, "
                           f"your change was made against version {version}{who}; reload it, then decide again")

    def _replay(self, draft_id: str, state: dict[str, Any]) -> tuple[Review, Facts]:
        review, _ = read_draft(self._dir(draft_id) / _DRAFT)
        text = self._text(draft_id)
        for number, record in enumerate(state["decisions"]):
            action = Action(record["action"], record["section"], record.get("id", ""), record.get("changes"))
            _apply(review, action, text, where=f"{_STATE}: decisions[{number}]")
        return review, self._validate(draft_id, review, where="decisions")

    def _validate(self, draft_id: str, review: Review, *, where: str) -> Facts:
        try:
            return review.facts(self._dir(draft_id) / _DRAFT)
        except InvalidInput as exc:
            raise InvalidInput([_against_items(problem, review, where) for problem in exc.problems]) from None

    def _view(self, draft_id: str, state: dict[str, Any], review: Review, facts: Facts) -> dict[str, Any]:
        text = facts.text
        entities = [_item(e) for e in review.data.get("entities") or []]
        relations = []
        for rel in review.data.get("relations") or []:
            span = facts.spans.get(rel["id"])
            relations.append({**_item(rel), "start": span.start if span else None, "end": span.end if span else None})
        document = review.data.get("document") or {}
        return {
            "id": draft_id, "version": state["version"], "text": text, "loaded": state.get("loaded"),
            "document": _item(document), "entities": entities, "relations": relations,
            "mentions": mentions(text, review.data.get("entities") or []),
            "decisions": state["decisions"], **_progress(state, review),
        }


def mentions(text: str, entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Where each entity's names stand in the text (whole words, any case), first come, longest first.

    >>> mentions("The FSB said the fsb chief spoke.", [{"id": "fsb", "name": "FSB"}])
    [{'entity': 'fsb', 'start': 4, 'end': 7}, {'entity': 'fsb', 'start': 17, 'end': 20}]
    """
    names = sorted(((name, e["id"]) for e in entities for name in [e.get("name", ""), *(e.get("aliases") or [])]
                    if name and len(name) > 1), key=lambda pair: -len(pair[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for name, entity in names:
        for match in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text, flags=re.IGNORECASE):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            out.append({"entity": entity, "start": start, "end": end})
    return sorted(out, key=lambda m: m["start"])


def _apply(review: Review, action: Action, text: str, *, where: str) -> None:
    """One decision, through :class:`Review` (accept, reject, edit) or as an addition."""
    if action.action not in ACTIONS:
        raise InvalidInput([Problem(where, None, "action", f"expected one of {', '.join(ACTIONS)}, "
                                                           f"not {action.action!r}")])
    if action.section not in SECTIONS:
        raise InvalidInput([Problem(where, None, "section", f"expected document, entity or relation, "
                                                            f"not {action.section!r}")])
    section = SECTIONS[action.section]
    changes = dict(action.changes or {})
    if action.action == "add":
        _add(review, section, changes, text, where)
        return
    if action.action == "edit" and not changes:
        raise InvalidInput([Problem(where, None, "changes", "an edit needs at least one field")])
    if action.action != "edit" and changes:
        raise InvalidInput([Problem(where, None, "changes", f"{action.action} takes no changes")])
    decision = Decision(action.action, section, action.id, changes, line=None, source=where)
    review.apply([decision])


def _add(review: Review, section: str, changes: dict[str, Any], text: str, where: str) -> None:
    """A new entity or relation the draft missed, from a selection of the text (``start``, ``end``)."""
    allowed = _ENTITY_FIELDS if section == "entities" else _RELATION_FIELDS if section == "relations" else set()
    if not allowed:
        raise InvalidInput([Problem(where, None, "section", "only an entity or a relation can be added")])
    unknown = sorted(set(changes) - allowed)
    if unknown:
        raise InvalidInput([Problem(where, None, f"changes.{unknown[0]}", f"unknown field; expected one of "
                                                                         f"{', '.join(sorted(allowed))}")])
    start, end = changes.pop("start", None), changes.pop("end", None)
    selected = None
    if start is not None or end is not None:
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
            raise InvalidInput([Problem(where, None, "changes.start", f"a span is 0 <= start < end <= "
                                                                      f"{len(text)}, not {start}..{end}")])
        selected = text[start:end].strip()
    items = review.data.setdefault(section, [])
    used = {item.get("id") for item in items}
    if section == "entities":
        changes.setdefault("name", selected)
        if not changes.get("name") or not changes.get("kind"):
            raise InvalidInput([Problem(where, None, "changes.name" if not changes.get("name") else "changes.kind",
                                        "a new entity needs a name (or a selection) and a kind")])
        base = str(changes.get("id") or slug(str(changes["name"])))
    else:
        if selected is None:
            raise InvalidInput([Problem(where, None, "changes.start", "a new relation needs its quote: "
                                                                      "select it in the text (start, end)")])
        missing = [name for name in ("subject", "type", "object") if not changes.get(name)]
        if missing:
            raise InvalidInput([Problem(where, None, f"changes.{missing[0]}", "a new relation needs a subject, "
                                                                              "a type and an object")])
        changes.setdefault("status", "reported")
        changes["quote"] = selected
        base = str(changes.get("id") or f"{changes['subject']}-{str(changes['type']).lower()}-{changes['object']}")
    if changes.get("id") and changes["id"] in used:
        raise InvalidInput([Problem(where, None, "changes.id", f"{changes['id']!r} is in the draft already")])
    new_id, n = base, 1
    while new_id in used:
        n += 1
        new_id = f"{base}-{n}"
    item = {"id": new_id, **{k: v for k, v in changes.items() if k != "id" and v is not None}}
    if section == "entities" and any(name_key(e.get("name", "")) == name_key(item["name"])
                                     and e.get("kind") == item["kind"] for e in items):
        raise InvalidInput([Problem(where, None, "changes.name", f"{item['name']!r} is in the draft already: "
                                                                 "accept or edit that one")])
    items.append(item)
    review.log.append(f"added {_SINGULAR[section]} {new_id}")


def _item(item: dict[str, Any]) -> dict[str, Any]:
    review = item.get("review")
    return {**{k: v for k, v in item.items() if k != "review"}, "open": isinstance(review, dict)
            and review.get("candidate", True) is not False, "review": review if isinstance(review, dict) else None}


def _progress(state: dict[str, Any], review: Review) -> dict[str, int]:
    """``reviewed`` of ``candidates`` ("23 of 61 reviewed"); one dropped with its entity counts as reviewed."""
    left = len(review.candidates())
    return {"candidates": state["candidates"], "reviewed": state["candidates"] - left, "left": left}


def _where(section: str, item: dict[str, Any]) -> str:
    return "document" if section == "document" else f"{_SINGULAR[section]} {item.get('id')}"


def _against_items(problem: Problem, review: Review, where: str | None = None) -> Problem:
    """A problem about ``entities[3]`` said against ``entity fsb``, which the page can show there."""
    match = re.match(r"^(entities|relations)\[(\d+)\](.*)$", problem.field)
    field = problem.field
    if match:
        items = review.data.get(match.group(1)) or []
        index = int(match.group(2))
        if index < len(items):
            field = f"{_SINGULAR[match.group(1)]} {items[index].get('id')}{match.group(3)}"
    return Problem(where or problem.file, None if where else problem.line, field, problem.message)


def _short(text: str, limit: int = 60) -> str:
    """An id cut at a word, not in one.

    >>> _short("example-wire-russias-fsb-accuses-ukraine", 30)
    'example-wire-russias-fsb'
    """
    if len(text) <= limit:
        return text or "document"
    return text[:limit + 1].rsplit("-", 1)[0] or text[:limit]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _write_json(path: Path, data: dict[str, Any]) -> None:
    """Write atomically: a reader never sees half a file."""
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)

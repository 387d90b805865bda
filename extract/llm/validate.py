"""What the model answered, checked as a facts file is checked before anything is kept.

:func:`read_answer` reads one answer (malformed JSON or a wrong shape is a :class:`Malformed`: one
repair attempt, then the chunk is dropped). :func:`check_chunk` then keeps what fits the ontology
and the text and says why it drops the rest: an unknown kind or relation type, a subject or
object of the wrong kind, a name the answer's entities do not hold, a status without its party,
and above all a quote that is not in the article. A quote is looked for verbatim, then as the
loader's near-miss hint does (:func:`graph.facts.find_quote` with ``loose``: case, apostrophe and
dash styles, spacing); the span and the quote kept are always the article's own characters, never
the model's.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from extract.llm.chunks import Chunk
from graph.facts import STATUSES, find_quote
from graph.names import name_key
from graph.ontology import Ontology

__all__ = ["Malformed", "AnswerModel", "read_answer", "Entity", "Relation", "Dropped", "ChunkCandidates",
           "check_chunk", "INVENTED_QUOTE"]

#: The reason of every relation dropped because its quote is not in the article.
INVENTED_QUOTE = "quote not in the article"


class Malformed(ValueError):
    """An answer that is not the JSON object the schema asks for."""


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _EntityOut(_Loose):
    name: str = Field(min_length=1)
    kind: str
    aliases: list[str] = []


class _RelationOut(_Loose):
    subject: str
    type: str
    object: str
    status: str
    asserted_by: str | None = None
    quote: str


class AnswerModel(_Loose):
    """One answer's shape (kinds and types are checked afterwards, one item at a time)."""

    entities: list[_EntityOut]
    relations: list[_RelationOut] = []


def read_answer(content: str | None, finish_reason: str | None = None) -> AnswerModel:
    """One answer, read.

    >>> read_answer('{"entities": [{"name": "FSB", "kind": "SecurityService", "aliases": []}], '
    ...             '"relations": []}').entities[0].name
    'FSB'
    >>> read_answer('{"entities": [')
    Traceback (most recent call last):
    ...
    extract.llm.validate.Malformed: not JSON: Expecting value at line 1 column 15
    """
    if content is None or not content.strip():
        raise Malformed("an empty answer")
    text = content.strip()
    if text.startswith("```"):  # a fenced block, as some models write even when told not to
        text = text.strip("`").removeprefix("json").strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        cut = " (the answer was cut at the model's token limit)" if finish_reason == "length" else ""
        raise Malformed(f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}{cut}") from None
    try:
        return AnswerModel.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "the answer"
        raise Malformed(f"{where}: {first['msg']} ({exc.error_count()} problem(s))") from None


@dataclass
class Entity:
    """An entity the model named, under the name it first used; ``chunks`` lists where."""

    name: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    chunks: list[int] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(frozen=True)
class Relation:
    """A relation that passed every check: its ends are entity names (as the :class:`Entity`
    names them), its quote the article's own characters at ``start:end``."""

    subject: str
    type: str
    object: str
    status: str
    asserted_by: str | None
    start: int
    end: int
    quote: str
    exact: bool  # the quote was verbatim (not only after normalising quotes, dashes, case, spaces)
    chunk: int


@dataclass(frozen=True)
class Dropped:
    """Something the model proposed and the validation refused."""

    chunk: int
    what: str
    reason: str


@dataclass
class ChunkCandidates:
    """What one chunk's answer left after the checks."""

    entities: list[Entity]
    relations: list[Relation]
    dropped: list[Dropped]


def check_chunk(answer: AnswerModel, chunk: Chunk, article: str, ontology: Ontology) -> ChunkCandidates:
    """Keep what fits the ontology and the article; drop the rest, saying why."""
    dropped: list[Dropped] = []
    entities: list[Entity] = []
    by_key: dict[str, Entity] = {}
    for item in answer.entities:
        if item.kind not in ontology.kinds:
            dropped.append(Dropped(chunk.index, f"entity {item.name!r}", f"unknown kind {item.kind!r}"))
            continue
        entity = by_key.get(name_key(item.name))
        if entity is None:
            entity = Entity(item.name.strip(), item.kind, chunks=[chunk.index])
            entities.append(entity)
            by_key[name_key(item.name)] = entity
        for alias in item.aliases:
            if alias.strip() and name_key(alias) not in by_key:
                entity.aliases.append(alias.strip())
                by_key[name_key(alias)] = entity
    relations: list[Relation] = []
    for rel in answer.relations:
        what = f"relation {rel.subject!r} {rel.type} {rel.object!r}"
        reason = _refusal(rel, by_key, ontology)
        if reason is None:
            span = find_quote(rel.quote.strip(), chunk.text, loose=True)
            offset = chunk.start
            if span is None:  # the quote may run past the chunk's borders, or be elsewhere in the article
                span, offset = find_quote(rel.quote.strip(), article, loose=True), 0
            if span is None or not rel.quote.strip():
                reason = f"{INVENTED_QUOTE}: {rel.quote!r}"
            else:
                start, end = span.start + offset, span.end + offset
                quote = article[start:end]
                if not 3 <= len(quote) <= 2000:
                    reason = f"quote of {len(quote)} characters (3 to 2000 allowed)"
        if reason is not None:
            dropped.append(Dropped(chunk.index, what, reason))
            continue
        subject, obj = by_key[name_key(rel.subject)], by_key[name_key(rel.object)]
        asserted_by = by_key[name_key(rel.asserted_by)].name if rel.asserted_by else None
        relations.append(Relation(subject.name, rel.type, obj.name, rel.status, asserted_by, start, end, quote,
                                  quote == rel.quote.strip(), chunk.index))
    return ChunkCandidates(entities, relations, dropped)


def _refusal(rel: Any, by_key: dict[str, Entity], ontology: Ontology) -> str | None:
    """Why a relation cannot be kept, whatever its quote; None if it can."""
    relation_type = ontology.relations.get(rel.type)
    if relation_type is None:
        return f"unknown relation type {rel.type!r}"
    if rel.status not in STATUSES:
        return f"unknown status {rel.status!r}; expected one of {', '.join(STATUSES)}"
    for role in ("subject", "object", "asserted_by"):
        name = getattr(rel, role)
        if name is not None and name_key(name) not in by_key:
            return f"its {role} {name!r} is not among the entities of the answer"
    for role, kinds in (("subject", relation_type.subject_kinds), ("object", relation_type.object_kinds)):
        kind = by_key[name_key(getattr(rel, role))].kind
        if kind not in kinds:
            return f"{rel.type} does not take a {kind} as its {role}; expected one of {', '.join(sorted(kinds))}"
    if rel.status == "reported" and rel.asserted_by is not None:
        return "a reported relation has no asserted_by (make it claimed)"
    if rel.status != "reported" and rel.asserted_by is None:
        return f"a {rel.status} relation needs asserted_by"
    return None

"""The facts file: one document's metadata, entities and relations, and their validation.

:func:`read_facts` parses a ``*.facts.yaml`` file and checks everything that can be checked
without a database: the shape of every field, the text's sha256, every quote verbatim in the
text (recording its span), every reference defined, every kind and relation type in the
ontology and fitting its relation. All problems are collected and raised together as
:class:`~graph.errors.InvalidInput`, each naming ``file:line:field``.

The format is described in ``docs/facts-format.md``; its JSON Schema is generated from the
models here (:func:`json_schema`) and shipped as ``schemas/facts.schema.json``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, WithJsonSchema, field_validator

from graph import yamlsource
from graph.dates import EVENT_TIME, event_bounds
from graph.errors import InvalidInput, Problem
from graph.names import name_key
from graph.ontology import Ontology, get_ontology

__all__ = ["DocumentMeta", "EntityFact", "RelationFact", "FactsFile", "Facts", "Evidence", "Review",
           "pending_review",
           "find_quote", "read_facts", "parse_facts", "json_schema", "FACTS_SUFFIX", "STATUSES"]

FACTS_SUFFIX = ".facts.yaml"
STATUSES = ("reported", "claimed", "denied")

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=200,
                          description="Stable id: lower case letters, digits, '.', '_' and '-'.")]
Text = Annotated[str, Field(min_length=1, max_length=2000)]
_EVENT_TIME_HELP = "YYYY, YYYY-MM or YYYY-MM-DD; a range START/END of those; or 'before DATE' / 'after DATE'"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Review(_Strict):
    """The mark of a draft (``intelgraph draft``) on something nobody has reviewed yet.

    ``intelgraph review`` removes it from what a reviewer accepts and drops what is rejected; the
    loader refuses a file in which a candidate is left (:func:`pending_review`).
    """

    candidate: bool = Field(True, description="True until a reviewer accepts, edits or rejects it.")
    reason: Annotated[str, Field(min_length=1, max_length=4000,
                                 description="Why the draft proposes it: the cue, the match, the guess.")]
    confidence: Annotated[float | None, Field(ge=0, le=1, description="How sure the draft is, 0 to 1.")] = None
    match: list[Id] = Field([], description="Graph entities the draft matched it to; several when ambiguous.")
    guessed: list[Literal["title", "publisher", "published"]] = Field(
        [], description="On the document: the fields the draft guessed. Review never accepts a guess: a person "
                        "sets each field (extract/review.py).")
    origin: list[Literal["linguistic", "llm"]] = Field(
        [], description="Which extractors proposed it (`intelgraph draft --extractor both`); empty when only one ran.")


class DocumentMeta(_Strict):
    """Who published what, when, and which text file holds it."""

    id: Id
    title: Text
    publisher: Text
    published: dt.date
    language: Annotated[str, Field(pattern=r"^[a-z]{2}$", description="ISO 639-1 code.")]
    text: Annotated[str, Field(min_length=1, description="The text file, relative to the facts file.")]
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    url: str | None = None
    authors: list[Text] = []
    review: Review | None = None


class EntityFact(_Strict):
    """An entity the document mentions."""

    id: Id
    name: Text
    kind: str
    aliases: list[Text] = []
    external_ids: dict[str, str] = {}
    review: Review | None = None


class RelationFact(_Strict):
    """A relation the document states, or reports a party claiming or denying."""

    id: Id
    subject: Id
    type: str
    object: Id
    status: Literal["reported", "claimed", "denied"]
    quote: Annotated[str, Field(min_length=3, max_length=2000)]
    asserted_by: Id | None = None
    disputed_by: list[Id] = []
    denies: Id | None = None
    date: Annotated[str | None, WithJsonSchema({
        "anyOf": [{"type": "string", "pattern": EVENT_TIME.pattern}, {"type": "integer", "minimum": 1000,
                                                                       "maximum": 9999}, {"type": "null"}],
        "description": "When it happened, as precisely as the text says: " + _EVENT_TIME_HELP
                       + " (a bare year may be written as a number)."})] = None
    note: str | None = None
    review: Review | None = None

    @field_validator("date", mode="before")
    @classmethod
    def _date_text(cls, value: Any) -> Any:
        # YAML reads 2024-03-22 as a date and 2024 as an int; both are fine here.
        if isinstance(value, (dt.date, int)) and not isinstance(value, bool):
            value = value.isoformat() if isinstance(value, dt.date) else str(value)
        if isinstance(value, str):
            try:
                event_bounds(value)
            except ValueError as exc:
                raise ValueError(str(exc) if EVENT_TIME.match(value) else f"expected {_EVENT_TIME_HELP}") from None
        return value


class FactsFile(_Strict):
    """The whole facts file, as written."""

    document: DocumentMeta
    entities: list[EntityFact] = Field(min_length=1)
    relations: list[RelationFact] = []


@dataclass(frozen=True)
class Evidence:
    """Where a relation's quote sits in the document's text (Unicode code points, end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Facts:
    """A validated facts file together with the spans of its quotes."""

    path: Path
    facts: FactsFile
    text: str
    spans: dict[str, Evidence]  # relation id -> span
    content_sha256: str         # of the facts file itself: an unchanged file is not reloaded
    located: yamlsource.Located

    @property
    def document(self) -> DocumentMeta:
        return self.facts.document

    def line_of(self, path: tuple[str | int, ...]) -> int | None:
        """The line in the facts file of a field, for errors found after validation."""
        return self.located.line(path)


def pending_review(facts: Facts) -> list[Problem]:
    """Every draft candidate still waiting for a reviewer, as a problem at its line: a file with any
    is valid, but must not be loaded."""
    items: list[tuple[tuple[str | int, ...], Review | None]] = [(("document",), facts.document.review)]
    items += [(("entities", i), e.review) for i, e in enumerate(facts.facts.entities)]
    items += [(("relations", i), r.review) for i, r in enumerate(facts.facts.relations)]
    problems = []
    for at, review in items:
        if review is not None and review.guessed:
            # a guess is never a fact, even under candidate: false
            fields = ", ".join(f"document.{name}" for name in review.guessed)
            each = "it" if len(review.guessed) == 1 else "each"
            problems.append(facts.located.problem(at + ("review",), f"{fields} guessed by the draft: a person must "
                                                                    f"set {each} (intelgraph review {facts.path})"))
        elif review is not None and review.candidate:
            problems.append(facts.located.problem(at + ("review",), "a draft candidate nobody has reviewed: accept, "
                                                                    f"edit or reject it first (intelgraph review "
                                                                    f"{facts.path})"))
    return problems


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the facts file, as shipped in ``schemas/facts.schema.json``."""
    schema = FactsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://intelgraph.example/schemas/facts.schema.json"
    schema["title"] = "intelgraph facts file"
    return schema


def read_facts(path: Path, ontology: Ontology | None = None) -> Facts:
    """Read and fully validate one facts file.

    Raises
    ------
    InvalidInput
        Listing every problem, each as ``file:line: field: message``.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput([Problem(str(path), None, "", "file not found")]) from None
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInput([Problem(str(path), None, "", f"not UTF-8 text ({exc.reason})")]) from None
    return parse_facts(source, path, ontology=ontology,
                       content_sha256=hashlib.sha256(raw).hexdigest())


def parse_facts(source: str, path: Path, *, ontology: Ontology | None = None,
                content_sha256: str | None = None) -> Facts:
    """Validate facts given as YAML text; ``path`` locates the text file and names errors."""
    ontology = ontology or get_ontology()
    doc = yamlsource.read(source, str(path), either_way=_DAY_OR_TEXT)
    try:
        facts = FactsFile.model_validate(doc.data)
    except ValidationError as exc:
        raise InvalidInput(yamlsource.validation_problems(doc, exc)) from None

    problems: list[Problem] = []
    text = _read_text(doc, path, facts.document, problems)
    entities = _check_entities(doc, facts, ontology, problems)
    spans = _check_relations(doc, facts, entities, ontology, text, problems)
    if problems:
        raise InvalidInput(problems)
    return Facts(path=path, facts=facts, text=text or "", spans=spans,
                 content_sha256=content_sha256 or hashlib.sha256(source.encode()).hexdigest(), located=doc)


# Where the model takes a day and its text alike (pydantic's date; the validator of ``date``), so
# yamlsource.read need not know whether it was quoted (YAML 1.1 makes a date of it if not).
_DAY_OR_TEXT = (("document", "published"), ("relations", None, "date"))


def _read_text(doc: yamlsource.Located, path: Path, meta: DocumentMeta, problems: list[Problem]) -> str | None:
    text_path = path.parent / meta.text
    try:
        raw = text_path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        problems.append(doc.problem(("document", "text"), f"text file {text_path} not found"))
        return None
    actual = hashlib.sha256(raw).hexdigest()
    if actual != meta.sha256:
        problems.append(doc.problem(("document", "sha256"),
                                    f"does not match {text_path}: expected {meta.sha256}, the file has {actual}"))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        problems.append(doc.problem(("document", "text"), f"{text_path} is not UTF-8 text"))
        return None


def _check_entities(doc: yamlsource.Located, facts: FactsFile, ontology: Ontology,
                    problems: list[Problem]) -> dict[str, EntityFact]:
    entities: dict[str, EntityFact] = {}
    first: dict[str, int] = {}  # entity id -> index of its first definition (its line only for an error)
    owner_of_key: dict[str, str] = {}
    for index, entity in enumerate(facts.entities):
        at = ("entities", index)
        if entity.id in entities:
            problems.append(doc.problem(at + ("id",), f"duplicate entity id {entity.id!r} (first defined on "
                                                      f"line {doc.line(('entities', first[entity.id]))})"))
            continue
        entities[entity.id] = entity
        first[entity.id] = index
        if entity.kind not in ontology.kinds:
            problems.append(doc.problem(at + ("kind",), f"unknown kind {entity.kind!r}; expected one of "
                                                        f"{', '.join(ontology.kind_names)}"))
        for position, name in enumerate([entity.name, *entity.aliases]):
            key = name_key(name)
            owner = owner_of_key.setdefault(key, entity.id)
            if owner != entity.id:
                field = ("name",) if position == 0 else ("aliases", position - 1)
                problems.append(doc.problem(at + field, f"{name!r} already names entity {owner!r}: "
                                                        "an alias must name one entity"))
    return entities


def _check_relations(doc: yamlsource.Located, facts: FactsFile, entities: dict[str, EntityFact],
                     ontology: Ontology, text: str | None, problems: list[Problem]) -> dict[str, Evidence]:
    spans: dict[str, Evidence] = {}
    relations: dict[str, RelationFact] = {}
    for index, rel in enumerate(facts.relations):
        at = ("relations", index)
        if rel.id in relations:
            problems.append(doc.problem(at + ("id",), f"duplicate relation id {rel.id!r}"))
        relations.setdefault(rel.id, rel)

        for field in ("subject", "object", "asserted_by"):
            ref = getattr(rel, field)
            if ref is not None and ref not in entities:
                problems.append(doc.problem(at + (field,), f"entity {ref!r} is not defined in this file"))
        for position, ref in enumerate(rel.disputed_by):
            if ref not in entities:
                problems.append(doc.problem(at + ("disputed_by", position),
                                            f"entity {ref!r} is not defined in this file"))

        relation_type = ontology.relations.get(rel.type)
        if relation_type is None:
            problems.append(doc.problem(at + ("type",), f"unknown relation type {rel.type!r}"))
        else:
            for field, kinds in (("subject", relation_type.subject_kinds), ("object", relation_type.object_kinds)):
                entity = entities.get(getattr(rel, field))
                if entity is not None and entity.kind in ontology.kinds and entity.kind not in kinds:
                    problems.append(doc.problem(at + (field,), f"{rel.type} does not take a {entity.kind} as its "
                                                               f"{field}; expected one of {', '.join(sorted(kinds))}"))

        if rel.status == "reported" and rel.asserted_by is not None:
            problems.append(doc.problem(at + ("asserted_by",), "a reported relation is asserted by the document "
                                                               "itself: drop asserted_by, or make it claimed"))
        if rel.status != "reported" and rel.asserted_by is None:
            problems.append(doc.problem(at + ("asserted_by",), f"a {rel.status} relation needs asserted_by: "
                                                               "who claims or denies it"))
        if rel.status == "denied" and rel.denies is None:
            problems.append(doc.problem(at + ("denies",), "a denied relation needs denies: the id of the "
                                                          "relation it rejects"))
        if rel.status != "denied" and rel.denies is not None:
            problems.append(doc.problem(at + ("denies",), "only a denied relation can deny another"))

        if text is not None:
            span = find_quote(rel.quote, text)
            if span is None:
                problems.append(doc.problem(at + ("quote",), "not found verbatim in the document's text"
                                                             + _near_miss_hint(rel.quote, text)))
            else:
                spans[rel.id] = span

    for index, rel in enumerate(facts.relations):
        if rel.denies is None:
            continue
        target = relations.get(rel.denies)
        denies_at = ("relations", index, "denies")
        if target is None:
            problems.append(doc.problem(denies_at, f"relation {rel.denies!r} is not defined in this file"))
        elif target.status == "denied":
            problems.append(doc.problem(denies_at, f"relation {rel.denies!r} is itself a denial"))
        elif (target.subject, target.type, target.object) != (rel.subject, rel.type, rel.object):
            problems.append(doc.problem(denies_at, f"a denial has the subject, type and object of what it denies "
                                            f"({target.subject} {target.type} {target.object})"))
    return spans


def find_quote(quote: str, text: str, *, loose: bool = False, start: int = 0) -> Evidence | None:
    """Where ``quote`` first sits in ``text`` at or after ``start``: verbatim, or with ``loose`` also
    ignoring what :func:`~graph.names.name_key` ignores (case, apostrophe and dash styles, runs of
    spaces). The span is always the text's own, so ``text[span.start:span.end]`` is a verbatim quote.

    >>> text = "The FSB accused Kiev — without evidence — of ‘sheltering’ them."
    >>> find_quote("accused Kiev", text)
    Evidence(start=8, end=20)
    >>> find_quote("Kiev - without  evidence - of 'sheltering'", text) is None
    True
    >>> span = find_quote("Kiev - without  evidence - of 'sheltering'", text, loose=True)
    >>> text[span.start:span.end]
    'Kiev — without evidence — of ‘sheltering’'
    """
    at = text.find(quote, start)
    if at >= 0:
        return Evidence(at, at + len(quote))
    if not loose:
        return None
    wanted = name_key(quote)
    if not wanted:
        return None
    # The text's key, one character at a time, with where each key character came from.
    keyed: list[str] = []
    origin: list[int] = []
    for index in range(start, len(text)):
        char = text[index]
        part = " " if char.isspace() else name_key(char)
        if part == " " and (not keyed or keyed[-1] == " "):
            continue
        keyed.append(part)
        origin.extend([index] * len(part))
    flat = "".join(keyed)
    at = flat.find(wanted)
    if at < 0:
        return None
    return Evidence(origin[at], origin[at + len(wanted) - 1] + 1)


def _near_miss_hint(quote: str, text: str) -> str:
    """Say why a quote that almost matches does not, the usual cause being quote marks."""
    if find_quote(quote, text, loose=True) is not None:
        return " (it matches if case, apostrophes, dashes or spaces are ignored: copy them exactly)"
    return ""

"""The predicate lexicon: which words state which relation type, and where the parse puts its ends.

``extract/predicates.yaml`` is the data; this module reads it once, checks it against the ontology
(every type known, every path well formed; errors name ``file:line: field``) and answers the
extractor's questions.

>>> lexicon = get_predicates()
>>> [entry.type for entry in lexicon.for_word("accuse", verb=True)][:1]
['ACCUSED']
>>> lexicon.for_word("arrest", verb=False)[0].subject
(('nmod:by',), ('nmod:poss',))
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.ontology import Ontology, get_ontology

__all__ = ["PATH", "Entry", "Office", "Predicates", "load_predicates", "get_predicates", "parse_step"]

PATH = Path(__file__).with_name("predicates.yaml")

#: A path through the parse: steps such as "nsubj", "^compound" or ".".
Route = tuple[str, ...]


class _EntryModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verbs: list[str] = Field(default_factory=list)
    nouns: list[str] = Field(default_factory=list)
    kinds: list[str] = Field(default_factory=list)
    subject: list[str] | None = None
    object: list[str] | None = None
    with_: list[str] = Field(default_factory=list, alias="with")
    particle: str | None = None
    implied_object: Literal["event", "event of the verb", "offer"] | None = None
    implied_subject: Literal["court", "event", "last"] | None = None
    indefinite: str | None = None
    unless: list[str] = Field(default_factory=list)
    unless_modified_by: list[str] = Field(default_factory=list)
    object_kinds: list[str] = Field(default_factory=list)


class _VoiceModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    nouns: list[str]
    bodies: list[str]


class _OfficeModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    roles: list[str]
    bodies: list[str]
    type: str


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject_default_verb: list[str]
    object_default_verb: list[str]
    subject_default_noun: list[str]
    object_default_noun: list[str]
    relations: dict[str, list[_EntryModel]]
    reporting_verbs: list[str]
    owning_verbs: list[str]
    naming_verbs: list[str]
    accusing_verbs: list[str]
    accusing_nouns: list[str]
    denial_verbs: list[str]
    denial_objects: list[str]
    hedges: list[str]
    reporting_nouns: list[str]
    unasserting: list[str]
    evidence_nouns: list[str]
    speculative: list[str]
    whereabouts: list[str]
    negations: list[str]
    blames: list[str]
    own_parties: list[str] = Field(default_factory=list)
    owned_deeds: list[str]
    owned_deed_claim: str
    accusation: str
    accusation_implies: str
    event_nouns: list[str]
    deed_nouns: list[str]
    victim_nouns: list[str]
    victim_kinds: list[str]
    target_kinds: list[str]
    refusals: list[str]
    demonym_beside_organisation: str
    titled_offices: list[_OfficeModel]
    titled_leader: str
    titled_official: str
    subordinates: list[str]
    named_nationality: str
    courts: list[str]
    agents: list[str]
    speaking_for: list[str]
    intentions: list[str]
    intended: dict[str, str]
    reciprocal: list[str]
    voices: list[_VoiceModel]
    state_words: list[str]
    verb_events: dict[str, list[str]]
    happening_verbs: dict[str, list[str]]
    event_actors: list[str]
    event_actor: str
    set_off_place: str
    offering_types: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Office:
    """A title naming a body's office: its role words, the words of the body's name, the type."""

    roles: frozenset[str]
    bodies: frozenset[str]
    type: str


@dataclass(frozen=True)
class Entry:
    """One way of stating a relation type."""

    type: str
    verb: bool                      # a verb entry (else a noun entry or a kind entry)
    subject: tuple[Route, ...]
    object: tuple[Route, ...]
    with_: frozenset[str] = frozenset()
    particle: str | None = None
    # with no object found: "event", the event in view; "event of the verb", the event in view its
    # noun names (always); with no subject found: "court", the court last named; "event", the event in view
    implied_object: str | None = None
    implied_subject: str | None = None
    kinds: frozenset[str] = frozenset()  # a kind entry: any entity of these kinds is the predicate
    indefinite: str | None = None   # the type instead when the noun has "a"/"an": "a Hamas commander"
    unless: frozenset[str] = frozenset()  # dependency labels that make the word mean something else
    unless_modified_by: frozenset[str] = frozenset()  # modifiers that do ("opposition leader")
    #: the kinds the object may be, of those the type allows (none: all of them)
    object_kinds: frozenset[str] = frozenset()

    def describe(self, lemma: str) -> str:
        extra = f" {self.particle}" if self.particle else ""
        needs = f" with {'/'.join(sorted(self.with_))}" if self.with_ else ""
        return f"“{lemma}{extra}”{needs}"


@dataclass
class Predicates:
    by_verb: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_noun: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    by_kind: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    reporting_verbs: frozenset[str] = frozenset()
    owning_verbs: frozenset[str] = frozenset()
    naming_verbs: frozenset[str] = frozenset()
    accusing_verbs: frozenset[str] = frozenset()
    accusing_nouns: frozenset[str] = frozenset()
    denial_verbs: frozenset[str] = frozenset()
    denial_objects: frozenset[str] = frozenset()
    hedges: frozenset[str] = frozenset()
    reporting_nouns: frozenset[str] = frozenset()
    unasserting: frozenset[str] = frozenset()
    evidence_nouns: frozenset[str] = frozenset()
    speculative: frozenset[str] = frozenset()
    whereabouts: frozenset[str] = frozenset()
    negations: frozenset[str] = frozenset()
    blames: frozenset[str] = frozenset()
    own_parties: frozenset[str] = frozenset()
    owned_deeds: frozenset[str] = frozenset()
    owned_deed_claim: str = ""
    accusation: str = ""
    accusation_implies: str = ""
    event_nouns: frozenset[str] = frozenset()
    #: nouns that stand for the event in view without naming one ("responsibility for the crime")
    deed_nouns: frozenset[str] = frozenset()
    #: event nouns whose person before them, or owning them, is their victim ("the Khashoggi murder")
    victim_nouns: frozenset[str] = frozenset()
    victim_kinds: frozenset[str] = frozenset()
    #: kinds of party named before an event noun that are its target ("the Medibank cyber attack")
    target_kinds: frozenset[str] = frozenset()
    #: verbs whose "to" clause is not done ("declined to confirm")
    refusals: frozenset[str] = frozenset()
    demonym_beside_organisation: str = ""
    titled_offices: tuple[Office, ...] = ()
    titled_leader: str = ""
    titled_official: str = ""
    named_nationality: str = ""
    #: modifiers of a leader noun that make the holder one of the party's, not its head ("deputy leader")
    subordinates: frozenset[str] = frozenset()
    courts: frozenset[str] = frozenset()
    agents: frozenset[str] = frozenset()
    speaking_for: frozenset[str] = frozenset()
    intentions: frozenset[str] = frozenset()
    intended: dict[str, str] = field(default_factory=dict)
    reciprocal: frozenset[str] = frozenset()
    #: who, unnamed, speaks for the body the text last named with one of these words ("the judges
    #: found": the court's; "prosecutors said": the prosecutor's office's)
    voices: dict[str, frozenset[str]] = field(default_factory=dict)
    state_words: frozenset[str] = frozenset()
    verb_events: dict[str, frozenset[str]] = field(default_factory=dict)
    #: verbs that tell an event no one is said to do ("the jet crashed"), to the nouns of that event, its name's first
    happening_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_actors: frozenset[str] = frozenset()
    event_actor: str = ""
    set_off_place: str = ""
    offering_types: frozenset[str] = frozenset()

    def for_word(self, lemma: str, *, verb: bool) -> list[Entry]:
        return (self.by_verb if verb else self.by_noun).get(lemma, [])


def _route(text: str) -> Route:
    return tuple(text.split("/"))


@cache
def parse_step(step: str) -> tuple[str, frozenset[str] | None]:
    """A path's step: its label, up ("^") or down, and the lemmas it must reach if it names any
    ("obj(offer|help)"); an unclosed bracket reaches the empty lemma only, which no check lets load.

    >>> label, lemmas = parse_step("xcomp(accept|take)")
    >>> label, sorted(lemmas), parse_step("nmod:of"), parse_step("obj(offer")
    ('xcomp', ['accept', 'take'], ('nmod:of', None), ('obj', frozenset({''})))
    """
    label, bracket, rest = step.partition("(")
    if not bracket:
        return label, None
    return label, frozenset(rest[:-1].split("|")) if rest.endswith(")") else frozenset({""})


def _check_route(text: str) -> str | None:
    """A step is "." or a label with the lemmas it must reach if any (:func:`parse_step`).

    >>> _check_route("xcomp(accept|take)/obj/nmod:of"), _check_route("obj(offer")
    (None, "bad step 'obj(offer' in path 'obj(offer'")
    """
    for step in text.split("/"):
        label, lemmas = parse_step(step)
        if step != "." and (not label.lstrip("^").replace(":", "").replace("_", "").isalpha()
                            or lemmas is not None and not all(w.replace("-", "").isalpha() for w in lemmas)):
            return f"bad step {step!r} in path {text!r}"
    return None


def load_predicates(path: Path = PATH) -> Predicates:
    """Read and check the lexicon; raise :class:`InvalidInput` listing every problem."""
    doc = yamlsource.load(path)
    try:
        model = _FileModel.model_validate(doc.data)
    except ValidationError as exc:
        raise InvalidInput(yamlsource.validation_problems(doc, exc)) from None
    ontology = get_ontology()
    problems: list[Problem] = []
    out = Predicates(
        reporting_verbs=frozenset(model.reporting_verbs), owning_verbs=frozenset(model.owning_verbs),
        naming_verbs=frozenset(model.naming_verbs),
        accusing_verbs=frozenset(model.accusing_verbs), accusing_nouns=frozenset(model.accusing_nouns),
        denial_verbs=frozenset(model.denial_verbs),
        denial_objects=frozenset(model.denial_objects),
        hedges=frozenset(model.hedges), reporting_nouns=frozenset(model.reporting_nouns),
        unasserting=frozenset(model.unasserting), evidence_nouns=frozenset(model.evidence_nouns),
        speculative=frozenset(model.speculative), whereabouts=frozenset(model.whereabouts),
        negations=frozenset(model.negations), blames=frozenset(model.blames),
        own_parties=frozenset(model.own_parties), owned_deeds=frozenset(model.owned_deeds),
        owned_deed_claim=model.owned_deed_claim,
        accusation=model.accusation, accusation_implies=model.accusation_implies,
        event_nouns=frozenset(model.event_nouns), deed_nouns=frozenset(model.deed_nouns),
        victim_nouns=frozenset(model.victim_nouns), victim_kinds=frozenset(model.victim_kinds),
        target_kinds=frozenset(model.target_kinds),
        refusals=frozenset(model.refusals),
        demonym_beside_organisation=model.demonym_beside_organisation,
        titled_offices=tuple(Office(frozenset(o.roles), frozenset(o.bodies), o.type) for o in model.titled_offices),
        titled_leader=model.titled_leader, titled_official=model.titled_official,
        subordinates=frozenset(model.subordinates),
        named_nationality=model.named_nationality,
        courts=frozenset(model.courts), agents=frozenset(model.agents),
        speaking_for=frozenset(model.speaking_for),
        intentions=frozenset(model.intentions), intended=dict(model.intended),
        reciprocal=frozenset(model.reciprocal),
        voices={noun: frozenset(v.bodies) for v in model.voices for noun in v.nouns},
        state_words=frozenset(model.state_words),
        verb_events={verb: frozenset(nouns) for verb, nouns in model.verb_events.items()},
        happening_verbs={verb: tuple(nouns) for verb, nouns in model.happening_verbs.items()},
        event_actors=frozenset(model.event_actors), event_actor=model.event_actor,
        set_off_place=model.set_off_place, offering_types=frozenset(model.offering_types))
    for where, name in [*((("blames", i), n) for i, n in enumerate(model.blames)),
                        *((("own_parties", i), n) for i, n in enumerate(model.own_parties)),
                        *((("owned_deeds", i), n) for i, n in enumerate(model.owned_deeds)),
                        *((("offering_types", i), n) for i, n in enumerate(model.offering_types)),
                        *((("event_actors", i), n) for i, n in enumerate(model.event_actors)),
                        (("accusation",), model.accusation), (("accusation_implies",), model.accusation_implies),
                        (("event_actor",), model.event_actor), (("set_off_place",), model.set_off_place),
                        (("owned_deed_claim",), model.owned_deed_claim),
                        (("demonym_beside_organisation",), model.demonym_beside_organisation),
                        (("titled_leader",), model.titled_leader),
                        (("titled_official",), model.titled_official),
                        (("named_nationality",), model.named_nationality),
                        *((("titled_offices", i, "type"), o.type) for i, o in enumerate(model.titled_offices)),
                        *((("intended", done), done) for done in model.intended),
                        *((("intended", done), meant) for done, meant in model.intended.items())]:
        if name not in ontology.relations:
            problems.append(doc.problem(where, f"unknown relation type {name!r}"))
    problems += [doc.problem(("verb_events", verb), f"{noun!r} is not one of event_nouns: it never names an event")
                 for verb, nouns in model.verb_events.items() for noun in nouns if noun not in out.event_nouns]
    problems += [doc.problem(("happening_verbs", verb), f"{noun!r} is not one of event_nouns: it never names an event")
                 for verb, nouns in model.happening_verbs.items() for noun in nouns if noun not in out.event_nouns]
    problems += [doc.problem((key, i), f"unknown kind {kind!r}") for key, kinds in
                 (("victim_kinds", model.victim_kinds), ("target_kinds", model.target_kinds))
                 for i, kind in enumerate(kinds) if kind not in ontology.kinds]
    problems += [doc.problem(("victim_nouns", i), f"{noun!r} is not one of event_nouns: it never names an event")
                 for i, noun in enumerate(model.victim_nouns) if noun not in out.event_nouns]
    for type_name, entries in model.relations.items():
        if type_name not in ontology.relations:
            problems.append(doc.problem(("relations", type_name), f"unknown relation type {type_name!r}"))
            continue
        for index, raw in enumerate(entries):
            where = ("relations", type_name, index)
            if sum(bool(x) for x in (raw.verbs, raw.nouns, raw.kinds)) != 1:
                problems.append(doc.problem(where, "give exactly one of verbs, nouns or kinds"))
                continue
            if raw.indefinite is not None and raw.indefinite not in ontology.relations:
                problems.append(doc.problem((*where, "indefinite"), f"unknown relation type {raw.indefinite!r}"))
            problems += [doc.problem((*where, "kinds"), f"unknown kind {kind!r}")
                         for kind in raw.kinds if kind not in ontology.kinds]
            problems += [doc.problem((*where, "object_kinds"), f"{kind!r} is no kind {type_name} takes as its object")
                         for kind in raw.object_kinds if kind not in ontology.relations[type_name].object_kinds]
            verb = bool(raw.verbs)
            subject = raw.subject or (model.subject_default_verb if verb else
                                      ["."] if raw.kinds else model.subject_default_noun)
            obj = raw.object or (model.object_default_verb if verb else model.object_default_noun)
            for side, routes in (("subject", subject), ("object", obj)):
                for route in routes:
                    if (message := _check_route(route)) is not None:
                        problems.append(doc.problem((*where, side), message))
            entry = Entry(type=type_name, verb=verb, subject=tuple(_route(r) for r in subject),
                          object=tuple(_route(r) for r in obj), with_=frozenset(raw.with_), particle=raw.particle,
                          implied_object=raw.implied_object, implied_subject=raw.implied_subject,
                          kinds=frozenset(raw.kinds),
                          indefinite=raw.indefinite, unless=frozenset(raw.unless),
                          unless_modified_by=frozenset(raw.unless_modified_by),
                          object_kinds=frozenset(raw.object_kinds))
            problems += [doc.problem((*where, "nouns"), message) for message in _dead_event_nouns(entry, raw.nouns,
                                                                                             out, ontology)]
            if raw.implied_object == "event of the verb":
                problems += [doc.problem((*where, "verbs"), f"{verb!r} has no nouns in verb_events")
                             for verb in raw.verbs if verb not in out.verb_events]
            for lemma in raw.verbs:
                out.by_verb[lemma].append(entry)
            for lemma in raw.nouns:
                out.by_noun[lemma].append(entry)
            for kind in raw.kinds:
                out.by_kind[kind].append(entry)
    if problems:
        raise InvalidInput(problems)
    return out


def _dead_event_nouns(entry: Entry, nouns: list[str], predicates: Predicates, ontology: Ontology) -> list[str]:
    """A noun entry whose end is the noun itself, where that end can only be an event: each noun
    must be one of ``event_nouns``, or no mention of it is ever an event and the entry never fires
    (the event lists are written in several places; this keeps them from drifting apart)."""
    relation = ontology.relations[entry.type]
    ends = [kinds for routes, kinds in ((entry.subject, relation.subject_kinds), (entry.object, relation.object_kinds))
            if (".",) in routes and set(kinds) == {"Event"}]
    return [f"{noun!r} is not one of event_nouns: the {entry.type} it names would never be an event"
            for noun in nouns if ends and noun not in predicates.event_nouns]


@lru_cache(maxsize=1)
def get_predicates() -> Predicates:
    return load_predicates()

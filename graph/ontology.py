"""The ontology: node kinds and relation types, read from ``graph/ontology.yaml``.

The YAML is read and validated once per process (:func:`get_ontology`). Every problem is
reported with its ``file:line:field`` and nothing starts until the file is fixed.

>>> onto = get_ontology()
>>> onto.relations["ACCUSED"].cameo
'112'
>>> onto.allows("LEADS", "Person", "SecurityService"), onto.allows("LEADS", "Place", "State")
(True, False)
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from graph import yamlsource
from graph.errors import InvalidInput, OntologyError, Problem

__all__ = ["Kind", "RelationType", "StixRule", "Ontology", "load_ontology", "get_ontology", "DEFAULT_PATH",
           "RESERVED_LABELS"]

DEFAULT_PATH = Path(__file__).with_name("ontology.yaml")

#: Labels the store itself uses; a kind may not take them.
RESERVED_LABELS = frozenset({"Entity", "Document", "Evidence", "GraphMeta"})

_KIND_NAME = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_RELATION_NAME = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
# Node shapes Cytoscape.js draws; GEXF and the web page use the same names.
_SHAPES = frozenset({"ellipse", "triangle", "rectangle", "round-rectangle", "diamond", "hexagon",
                     "octagon", "star", "tag", "pentagon", "vee", "rhomboid"})
_KIND_FIELDS = {"description", "color", "shape", "stix"}
_RELATION_FIELDS = {"description", "subject", "object", "symmetric", "cameo", "category", "examples", "stix"}
_STIX_RULE_FIELDS = {"type", "subject", "object", "reverse"}
_STIX_RELATIONSHIP = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Kind:
    """A node kind; ``name`` is also its Neo4j label."""

    name: str
    description: str
    color: str
    shape: str
    stix: dict[str, str]


@dataclass(frozen=True)
class StixRule:
    """A STIX 2.1 relationship type a relation becomes between some subject and object kinds.

    ``reverse`` writes the STIX relationship from the object to the subject (an event
    ``attributed-to`` the group that carried it out).
    """

    type: str
    subject_kinds: frozenset[str]
    object_kinds: frozenset[str]
    reverse: bool = False

    def applies(self, subject_kind: str, object_kind: str) -> bool:
        return subject_kind in self.subject_kinds and object_kind in self.object_kinds


@dataclass(frozen=True)
class RelationType:
    """A relation type; ``name`` is also its Neo4j relationship type."""

    name: str
    description: str
    subject_kinds: frozenset[str]
    object_kinds: frozenset[str]
    symmetric: bool
    cameo: str | None
    category: str
    #: sentences that state the relation ("[S Moscow] rejected [O Washington]'s offer"), for people
    #: writing the extractor's predicates (extract/predicates.yaml)
    examples: tuple[str, ...] = ()
    #: the STIX 2.1 relationship types it becomes, the first that applies; none: ``related-to``
    stix: tuple[StixRule, ...] = ()


@dataclass(frozen=True)
class Ontology:
    """Every kind and relation type, validated and with groups expanded."""

    kinds: dict[str, Kind]
    relations: dict[str, RelationType]
    source: str

    def allows(self, relation: str, subject_kind: str, object_kind: str) -> bool:
        """Whether ``relation`` may join a ``subject_kind`` node to an ``object_kind`` node."""
        rel = self.relations.get(relation)
        return rel is not None and subject_kind in rel.subject_kinds and object_kind in rel.object_kinds

    @property
    def kind_names(self) -> list[str]:
        return sorted(self.kinds)

    @property
    def relation_names(self) -> list[str]:
        return sorted(self.relations)


def load_ontology(path: Path = DEFAULT_PATH) -> Ontology:
    """Read and validate an ontology file.

    Raises
    ------
    OntologyError
        With every problem found, each naming ``file:line:field``.
    """
    try:
        doc = yamlsource.load(path)
    except InvalidInput as exc:  # missing file, malformed YAML, duplicate key: still an OntologyError
        raise OntologyError(exc.problems) from None
    problems: list[Problem] = []
    data = doc.data
    if not isinstance(data, dict):
        raise OntologyError([doc.problem((), "the ontology must be a mapping with kinds and relations")])
    for key in data:
        if key not in ("kinds", "groups", "relations"):
            problems.append(doc.problem((key,), "unknown section (expected kinds, groups, relations)"))

    kinds = _read_kinds(doc, data.get("kinds"), problems)
    groups = _read_groups(doc, data.get("groups") or {}, kinds, problems)
    relations = _read_relations(doc, data.get("relations"), kinds, groups, problems)
    if problems:
        raise OntologyError(problems)
    return Ontology(kinds=kinds, relations=relations, source=str(path))


@lru_cache(maxsize=4)
def get_ontology(path: Path = DEFAULT_PATH) -> Ontology:
    """The ontology at ``path``, read and validated once per process."""
    return load_ontology(path)


def _section(doc: yamlsource.Located, raw: Any, name: str, problems: list[Problem]) -> dict:
    if not isinstance(raw, dict) or not raw:
        problems.append(doc.problem((name,), "must be a non-empty mapping"))
        return {}
    return raw


def _read_kinds(doc: yamlsource.Located, raw: Any, problems: list[Problem]) -> dict[str, Kind]:
    kinds: dict[str, Kind] = {}
    for name, spec in _section(doc, raw, "kinds", problems).items():
        at = ("kinds", name)
        if not _KIND_NAME.match(name):
            problems.append(doc.problem(at, "kind names are PascalCase labels, e.g. SecurityService"))
            continue
        if name in RESERVED_LABELS:
            problems.append(doc.problem(at, f"{name} is reserved for the store's own nodes"))
            continue
        if not isinstance(spec, dict):
            problems.append(doc.problem(at, "must be a mapping"))
            continue
        for key in sorted(set(spec) - _KIND_FIELDS):
            problems.append(doc.problem(at + (key,), f"unknown field (expected {', '.join(sorted(_KIND_FIELDS))})"))
        description = spec.get("description")
        if not isinstance(description, str) or not description.strip():
            problems.append(doc.problem(at + ("description",), "a description is required"))
        color = spec.get("color", "#888888")
        if not isinstance(color, str) or not _COLOR.match(color):
            problems.append(doc.problem(at + ("color",), "expected a colour like \"#1f77b4\""))
        shape = spec.get("shape", "ellipse")
        if shape not in _SHAPES:
            problems.append(doc.problem(at + ("shape",), f"expected one of {', '.join(sorted(_SHAPES))}"))
        stix = spec.get("stix") or {}
        if not isinstance(stix, dict) or "type" not in stix:
            problems.append(doc.problem(at + ("stix",), "expected a mapping with a STIX object type"))
            stix = {}
        kinds[name] = Kind(name, str(description or ""), str(color), str(shape),
                           {str(k): str(v) for k, v in stix.items()})
    return kinds


def _read_groups(doc: yamlsource.Located, raw: Any, kinds: dict[str, Kind],
                 problems: list[Problem]) -> dict[str, frozenset[str]]:
    groups: dict[str, frozenset[str]] = {}
    if not isinstance(raw, dict):
        problems.append(doc.problem(("groups",), "must be a mapping of group name to kinds"))
        return groups
    for name, members in raw.items():
        at = ("groups", name)
        if name in kinds:
            problems.append(doc.problem(at, f"{name} is already a kind"))
            continue
        if not isinstance(members, list) or not members:
            problems.append(doc.problem(at, "must be a non-empty list of kinds"))
            continue
        for index, member in enumerate(members):
            if member not in kinds:
                problems.append(doc.problem(at + (index,), f"unknown kind {member!r}"))
        groups[name] = frozenset(m for m in members if m in kinds)
    return groups


def _read_phrases(doc: yamlsource.Located, spec: dict, at: tuple, key: str,
                  problems: list[Problem]) -> tuple[str, ...]:
    raw = spec.get(key) or []
    if not isinstance(raw, list) or not all(isinstance(item, str) and item.strip() for item in raw):
        problems.append(doc.problem(at + (key,), "expected a list of non-empty strings"))
        return ()
    return tuple(raw)


def _read_relations(doc: yamlsource.Located, raw: Any, kinds: dict[str, Kind],
                    groups: dict[str, frozenset[str]], problems: list[Problem]) -> dict[str, RelationType]:
    relations: dict[str, RelationType] = {}
    for name, spec in _section(doc, raw, "relations", problems).items():
        at = ("relations", name)
        if not _RELATION_NAME.match(name):
            problems.append(doc.problem(at, "relation names are UPPER_SNAKE, e.g. OFFERED_COOPERATION"))
            continue
        if not isinstance(spec, dict):
            problems.append(doc.problem(at, "must be a mapping"))
            continue
        for key in sorted(set(spec) - _RELATION_FIELDS):
            problems.append(doc.problem(at + (key,), f"unknown field (expected {', '.join(sorted(_RELATION_FIELDS))})"))
        description = spec.get("description")
        if not isinstance(description, str) or not description.strip():
            problems.append(doc.problem(at + ("description",), "a description is required"))
        ends = {}
        for end in ("subject", "object"):
            allowed: set[str] = set()
            listed = spec.get(end)
            if not isinstance(listed, list) or not listed:
                problems.append(doc.problem(at + (end,), "must be a non-empty list of kinds or groups"))
                listed = []
            for index, item in enumerate(listed):
                if item in kinds:
                    allowed.add(item)
                elif item in groups:
                    allowed |= groups[item]
                else:
                    problems.append(doc.problem(at + (end, index), f"unknown kind or group {item!r}"))
            ends[end] = frozenset(allowed)
        symmetric = spec.get("symmetric", False)
        if not isinstance(symmetric, bool):
            problems.append(doc.problem(at + ("symmetric",), "expected true or false"))
        elif symmetric and ends["subject"] != ends["object"]:
            problems.append(doc.problem(at + ("symmetric",),
                                        "a symmetric relation needs the same subject and object kinds"))
        cameo = spec.get("cameo")
        if cameo is not None and not (isinstance(cameo, str) and _CAMEO.match(cameo)):
            problems.append(doc.problem(at + ("cameo",), "expected a quoted CAMEO code of 2 to 4 digits, e.g. \"112\""))
        category = spec.get("category", "other")
        examples = _read_phrases(doc, spec, at, "examples", problems)
        stix = _read_stix_rules(doc, spec.get("stix"), at + ("stix",), ends, kinds, groups, problems)
        relations[name] = RelationType(name, str(description or ""), ends["subject"], ends["object"],
                                       bool(symmetric), cameo if isinstance(cameo, str) else None, str(category),
                                       examples, stix)
    return relations


def _read_stix_rules(doc: yamlsource.Located, raw: Any, at: tuple, ends: dict[str, frozenset[str]],
                     kinds: dict[str, Kind], groups: dict[str, frozenset[str]],
                     problems: list[Problem]) -> tuple[StixRule, ...]:
    """A relation's ``stix:`` list: each rule a STIX relationship type, for some of its kinds."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(doc.problem(at, "expected a list of {type, subject, object, reverse} rules"))
        return ()
    rules = []
    for index, spec in enumerate(raw):
        where = at + (index,)
        if not isinstance(spec, dict):
            problems.append(doc.problem(where, "expected a mapping with a STIX relationship type"))
            continue
        for key in sorted(set(spec) - _STIX_RULE_FIELDS):
            problems.append(doc.problem(where + (key,),
                                        f"unknown field (expected {', '.join(sorted(_STIX_RULE_FIELDS))})"))
        stix_type = spec.get("type")
        if not isinstance(stix_type, str) or not _STIX_RELATIONSHIP.match(stix_type):
            problems.append(doc.problem(where + ("type",), "expected a STIX relationship type, e.g. located-at"))
            continue
        chosen = {}
        for end in ("subject", "object"):
            listed = spec.get(end)
            if listed is None:
                chosen[end] = ends[end]
                continue
            allowed: set[str] = set()
            if not isinstance(listed, list) or not listed:
                problems.append(doc.problem(where + (end,), "must be a non-empty list of kinds or groups"))
                listed = []
            for item_index, item in enumerate(listed):
                members = {item} if item in kinds else groups.get(item)
                if members is None:
                    problems.append(doc.problem(where + (end, item_index), f"unknown kind or group {item!r}"))
                elif not members <= ends[end]:
                    problems.append(doc.problem(where + (end, item_index),
                                                f"{item} is not a {end} kind the relation allows"))
                else:
                    allowed |= members
            chosen[end] = frozenset(allowed)
        reverse = spec.get("reverse", False)
        if not isinstance(reverse, bool):
            problems.append(doc.problem(where + ("reverse",), "expected true or false"))
            continue
        rules.append(StixRule(stix_type, chosen["subject"], chosen["object"], reverse))
    return tuple(rules)

"""The registry of Cypher statements: every query the code runs is a file in ``cypher/``.

Each file holds one statement and starts with a header of ``//`` comment lines holding YAML::

    // description: Merge a batch of entities on their stable ids.
    // mode: write
    // params:
    //   rows: {type: list, description: one map per entity}
    // returns: nothing

The registry checks every header when it is built: the mode, and that the declared
parameters are exactly the ``$placeholders`` the statement uses. Values always travel as
parameters; no code formats a value into query text.

Saved queries for analysts live in ``cypher/queries/`` and add a ``title``.

A predicate or expression several statements share is written once, as a fragment in
``cypher/fragments/`` (``mode: fragment``), and included by name: ``{{edge_allowed}}``. The
registry pastes the fragment's fixed text in when it reads the files (never a value) and adds the
fragment's parameters to the statement's.

>>> registry = get_registry()
>>> registry.get("entities/by_id").mode
'read'
>>> sorted(registry.get("entities/by_id").params)
['id']
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from graph import yamlsource
from graph.errors import CypherRegistryError, InvalidInput, NotFound, Problem

__all__ = ["Param", "Statement", "Registry", "get_registry", "load_registry", "PARAM_TYPES"]

_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_STRING_OR_COMMENT = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
_HEADER_FIELDS = {"title", "description", "mode", "params", "returns", "type_slot"}
_INCLUDE = re.compile(r"\{\{\s*([a-z_][a-z0-9_]*)\s*\}\}")
_FRAGMENTS = "fragments/"
_RELATION_TYPE = re.compile(r"^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")
# ``entity`` is a string naming an entity (an id in any case, an external id, a name or an
# alias): the saved queries resolve it to the entity's id before the statement runs.
PARAM_TYPES = {"string": str, "entity": str, "integer": int, "number": float, "boolean": bool, "list": list,
               "map": dict}


@dataclass(frozen=True)
class Param:
    """A declared parameter of a statement."""

    name: str
    type: str
    description: str = ""
    default: Any = None
    required: bool = True

    def coerce(self, raw: str) -> Any:
        """Turn a command-line string into this parameter's type.

        >>> Param("limit", "integer").coerce("25")
        25
        >>> Param("types", "list").coerce("ACCUSED,WARNED")
        ['ACCUSED', 'WARNED']
        >>> Param("directed", "boolean").coerce("yes"), Param("directed", "boolean").coerce("0")
        (True, False)
        >>> Param("directed", "boolean").coerce("maybe")
        Traceback (most recent call last):
        ...
        ValueError: not a boolean: 'maybe'
        """
        if self.type == "integer":
            return int(raw)
        if self.type == "number":
            return float(raw)
        if self.type == "boolean":
            word = raw.strip().lower()
            if word not in _TRUE + _FALSE:
                raise ValueError(f"not a boolean: {raw!r}")
            return word in _TRUE
        if self.type == "list":
            return [item.strip() for item in raw.split(",") if item.strip()]
        return raw


@dataclass(frozen=True)
class Statement:
    """One Cypher statement, its header and where it came from."""

    name: str
    text: str
    mode: str
    description: str
    params: dict[str, Param]
    returns: str = ""
    title: str = ""
    source: str = ""
    type_slot: str | None = None

    def for_relation_type(self, relation_type: str, allowed: Iterable[str]) -> str:
        """The statement's text with its relationship-type slot filled by an ontology name.

        Neo4j 5.26.0 writes the wrong type when a relationship type is given as a value
        (``MERGE (a)-[:$($type)]->(b)``), so the statements that create edges name the type in
        their text. This is the one place a name enters query text, and it accepts only a name
        from ``allowed`` (the ontology's relation types), written as a backticked identifier.

        >>> stmt = Statement("s", "MERGE (a)-[r:`TYPE`]->(b)", "write", "d", {}, type_slot="TYPE")
        >>> stmt.for_relation_type("ACCUSED", ["ACCUSED"])
        'MERGE (a)-[r:`ACCUSED`]->(b)'
        >>> stmt.for_relation_type("X`]->() DETACH DELETE a //", ["ACCUSED"])
        Traceback (most recent call last):
        ...
        ValueError: 'X`]->() DETACH DELETE a //' is not a relation type of the ontology
        """
        if self.type_slot is None:
            raise ValueError(f"{self.name} has no relationship-type slot")
        if relation_type not in set(allowed) or not _RELATION_TYPE.match(relation_type):
            raise ValueError(f"{relation_type!r} is not a relation type of the ontology")
        return self.text.replace(f"`{self.type_slot}`", f"`{relation_type}`")

    def for_relation_types(self, relation_types: Iterable[str], allowed: Iterable[str]) -> str:
        """The statement's body once per relation type, each copy's slot filled by
        :meth:`for_relation_type`, after its leading ``CYPHER`` options line (kept once).

        One statement for every type instead of one per type: a document's edges of 30 types
        are then one round trip, and, the list being the ontology's, one plan.

        >>> stmt = Statement("s", "CYPHER replan=skip\\nCALL () { CREATE (:A)-[:`T`]->(:B) }", "write", "d", {},
        ...                  type_slot="T")
        >>> print(stmt.for_relation_types(["X", "Y"], ["X", "Y"]))
        CYPHER replan=skip
        CALL () { CREATE (:A)-[:`X`]->(:B) }
        CALL () { CREATE (:A)-[:`Y`]->(:B) }
        """
        allowed = list(allowed)
        options, _, body = self.text.partition("\n") if self.text.startswith("CYPHER ") else ("", "", self.text)
        blocks = [Statement(self.name, body, self.mode, self.description, self.params,
                            type_slot=self.type_slot).for_relation_type(t, allowed) for t in relation_types]
        return "\n".join(([options] if options else []) + blocks)

    def bind(self, values: dict[str, Any]) -> dict[str, Any]:
        """Check ``values`` against the declared parameters and fill in defaults.

        Raises ``KeyError`` naming an unknown or missing parameter.
        """
        unknown = set(values) - set(self.params)
        if unknown:
            raise KeyError(f"{self.name}: unknown parameter(s) {', '.join(sorted(unknown))}")
        bound = {}
        for name, param in self.params.items():
            if name in values:
                bound[name] = values[name]
            elif param.required:
                raise KeyError(f"{self.name}: parameter {name!r} is required")
            else:
                bound[name] = param.default
        return bound


@dataclass
class Registry:
    """Every statement under one folder, by name (``queries/who_accused_whom`` for saved queries)."""

    statements: dict[str, Statement] = field(default_factory=dict)

    def get(self, name: str) -> Statement:
        try:
            return self.statements[name]
        except KeyError:
            raise NotFound(f"no Cypher statement named {name!r}") from None

    def saved_queries(self) -> dict[str, Statement]:
        """The analysts' saved queries, by their short name."""
        prefix = "queries/"
        return {name[len(prefix):]: stmt for name, stmt in sorted(self.statements.items())
                if name.startswith(prefix)}


def load_registry(root: Path) -> Registry:
    """Read and check every ``*.cypher`` file under ``root``: the fragments first, then the statements."""
    registry = Registry()
    problems: list[Problem] = []
    fragments: dict[str, Statement] = {}
    paths = sorted(root.rglob("*.cypher"))
    names = {path: path.relative_to(root).with_suffix("").as_posix() for path in paths}
    for is_fragment in (True, False):
        for path in paths:
            name = names[path]
            if name.startswith(_FRAGMENTS) != is_fragment:
                continue
            try:
                statement = _parse(path, name, fragments)
            except InvalidInput as exc:  # a bad header (or its YAML) in one file: report all files
                problems.extend(exc.problems)
                continue
            if is_fragment:
                fragments[name[len(_FRAGMENTS):]] = statement
            else:
                registry.statements[name] = statement
    if problems:
        raise CypherRegistryError(problems)
    return registry


@lru_cache(maxsize=1)
def get_registry() -> Registry:
    """The registry of the ``cypher`` package, read once per process."""
    return load_registry(Path(str(resources.files("cypher"))))


def _parse(path: Path, name: str, fragments: dict[str, Statement]) -> Statement:
    lines = path.read_text(encoding="utf-8").splitlines()
    header_lines = []
    for line in lines:
        if not line.startswith("//"):
            break
        header_lines.append(line[3:] if line.startswith("// ") else line[2:])
    body = "\n".join(lines[len(header_lines):]).strip()
    header = yamlsource.loads("\n".join(header_lines) or "{}", str(path))
    meta = header.data if isinstance(header.data, dict) else {}
    problems = []
    if not isinstance(header.data, dict):
        problems.append(header.problem((), "the file must start with a // header of YAML"))
    for key in sorted(set(meta) - _HEADER_FIELDS):
        problems.append(header.problem((key,), f"unknown header field (expected {', '.join(sorted(_HEADER_FIELDS))})"))
    is_fragment = name.startswith(_FRAGMENTS)
    if is_fragment and meta.get("mode") != "fragment":
        problems.append(header.problem(("mode",), "a file in fragments/ must have mode: fragment"))
    elif not is_fragment and meta.get("mode") not in ("read", "write"):
        problems.append(header.problem(("mode",), "expected read or write"))
    if not str(meta.get("description") or "").strip():
        problems.append(header.problem(("description",), "a description is required"))
    if name.startswith("queries/") and not str(meta.get("title") or "").strip():
        problems.append(header.problem(("title",), "saved queries need a title"))
    if not body:
        problems.append(Problem(str(path), len(lines), "", "no statement after the header"))
    type_slot = meta.get("type_slot")
    if type_slot is not None and f"`{type_slot}`" not in body:
        problems.append(header.problem(("type_slot",), f"the statement does not contain `{type_slot}`"))

    params: dict[str, Param] = {}
    raw_params = meta.get("params") or {}
    if not isinstance(raw_params, dict):
        problems.append(header.problem(("params",), "expected a mapping of name to {type, description}"))
        raw_params = {}
    for pname, spec in raw_params.items():
        spec = spec if isinstance(spec, dict) else {}
        ptype = spec.get("type")
        if ptype not in PARAM_TYPES:
            problems.append(header.problem(("params", pname, "type"),
                                           f"expected one of {', '.join(PARAM_TYPES)}"))
            continue
        params[pname] = Param(pname, ptype, str(spec.get("description", "")), spec.get("default"),
                              required="default" not in spec)

    included: list[Statement] = []

    def include(match: re.Match[str]) -> str:
        fragment = fragments.get(match[1])
        if fragment is None:
            line = len(header_lines) + body.count("\n", 0, match.start()) + 1
            problems.append(Problem(str(path), line, "{{" + match[1] + "}}",
                                    f"no fragment cypher/fragments/{match[1]}.cypher"))
            return match[0]
        included.append(fragment)
        return f"({fragment.text})"  # parenthesised: it stays one expression wherever it goes

    body = _INCLUDE.sub(include, body)
    for fragment in included:
        for pname, param in fragment.params.items():
            params.setdefault(pname, param)
    used = set(_PLACEHOLDER.findall(_STRING_OR_COMMENT.sub("", body)))
    for missing in sorted(used - set(params)):
        problems.append(header.problem(("params",), f"${missing} is used but not declared"))
    for unused in sorted(set(params) - used):
        problems.append(header.problem(("params", unused), "declared but never used"))
    if problems:
        raise CypherRegistryError(problems)
    return Statement(name=name, text=body, mode=meta["mode"], description=str(meta["description"]).strip(),
                     params=params, returns=str(meta.get("returns") or ""), title=str(meta.get("title") or ""),
                     source=str(path), type_slot=type_slot)

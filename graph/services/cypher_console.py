"""Read-only Cypher for analysts, and the saved queries of ``cypher/queries/``.

An analyst's query runs only if all of these hold:

0. read as code (comments and string literals set aside, see :func:`code_of`): it is one
   statement, uses no ``USE`` clause, no administration command, no Unicode look-alikes, and
   calls only procedures on the allow-list;
1. Neo4j plans it (``EXPLAIN``, nothing runs) as read-only: query type ``r``;
2. its plan has no operator that loads files or URLs, calls a procedure off the allow-list,
   runs administration commands, or commits in batches (``CALL {} IN TRANSACTIONS``);
3. it then runs in a READ access-mode transaction (Neo4j itself refuses writes there), with a
   time-out and a row cap from the settings.

Anything else is refused with a message saying why (:class:`~graph.errors.QueryRefused`).
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any

from graph.cypher import PARAM_TYPES, Statement
from graph.errors import InvalidParameter, NotFound, QueryRefused
from graph.services.entities import EntityService
from graph.settings import Settings
from graph.store import Store

__all__ = ["CypherConsole", "SavedQueries", "ALLOWED_PROCEDURES", "check_text", "code_of"]

#: Procedures an analyst may call: schema introspection and the full-text indexes.
ALLOWED_PROCEDURES = frozenset({
    "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.visualization",
    "db.schema.nodeTypeProperties", "db.schema.relTypeProperties", "db.index.fulltext.queryNodes",
    "db.index.fulltext.queryRelationships", "db.index.fulltext.listAvailableAnalyzers", "dbms.components",
})
# Plan operators that are never allowed, whatever the query type says.
_REFUSED_OPERATORS = {
    "LoadCSV": "LOAD CSV is not allowed: the console reads the graph only",
    "TransactionApply": "CALL { } IN TRANSACTIONS is not allowed",
    "TransactionForeach": "CALL { } IN TRANSACTIONS is not allowed",
}
# SHOW commands that only read the schema; every other SHOW (users, roles, databases,
# privileges, settings, transactions, servers) is administration.
_ALLOWED_SHOW = {"ShowIndexes", "ShowConstraints", "ShowFunctions", "ShowProcedures"}
_PROCEDURE_NAME = re.compile(r"^\s*([\w.]+)\s*\(")
_LEADING = re.compile(r"^(\s|//[^\n]*\n?|/\*.*?\*/)*", re.S)
_CALLED = re.compile(r"\bCALL\s+([A-Za-z_][\w.]*)\s*\(", re.I)
_USE = re.compile(r"(^|[\s)}])USE\s", re.I)
# Clauses that start administration or schema commands; reads never start with them.
_ADMIN_START = re.compile(r"^\s*(?:CYPHER\b[^A-Z]*(?:\w+\s*=\s*\w+\s*)*)?(?:EXPLAIN\s+|PROFILE\s+)?"
                          r"(DROP|ALTER|GRANT|DENY|REVOKE|START|STOP|TERMINATE|RENAME|ENABLE|DEALLOCATE|"
                          r"REALLOCATE|DRYRUN|CREATE\s+(?!\())\b", re.I)


def code_of(query: str) -> str:
    """The query with comments blanked and string literals emptied, for the checks above.

    >>> code_of("MATCH (n {name: 'a;b // c'}) /* ; */ RETURN n // x; y")
    "MATCH (n {name: ''})         RETURN n        "
    """
    out: list[str] = []
    i, n = 0, len(query)
    while i < n:
        c = query[i]
        if c in "'\"":
            j = i + 1
            while j < n and query[j] != c:
                j += 2 if query[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        elif c == "`":
            j = query.find("`", i + 1)
            j = n if j < 0 else j
            out.append(query[i:j + 1])
            i = j + 1
        elif query.startswith("//", i):
            j = query.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif query.startswith("/*", i):
            j = query.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(" " * (j - i))
            i = j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_text(query: str) -> None:
    """Refuse what can be told from the text alone (step 0), with the reason.

    >>> check_text("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m")
    Traceback (most recent call last):
    ...
    graph.errors.QueryRefused: one statement per request: the query has a ';' outside strings
    """
    code = code_of(query)
    if ";" in code.rstrip().rstrip(";"):
        raise QueryRefused("one statement per request: the query has a ';' outside strings")
    if unicodedata.normalize("NFKC", code) != code:
        raise QueryRefused("the query has look-alike Unicode characters outside strings and names")
    if _USE.search(code):
        raise QueryRefused("USE is not allowed: the console reads this database only")
    if _ADMIN_START.match(code):
        raise QueryRefused("administration and schema commands are not allowed")
    for name in _CALLED.findall(code):
        if name not in ALLOWED_PROCEDURES:
            raise QueryRefused(f"procedure {name} is not on the allow-list: {', '.join(sorted(ALLOWED_PROCEDURES))}")


class CypherConsole:
    """Runs analysts' read-only queries (``POST /cypher``, ``intelgraph cypher``)."""

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings

    def run(self, query: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        parameters = parameters or {}
        if not query.strip():
            raise InvalidParameter("query", "is empty")
        if len(query) > self.settings.cypher_max_length:
            raise InvalidParameter("query", f"is longer than {self.settings.cypher_max_length} characters")
        check_text(query)
        body = _LEADING.sub("", query)
        explain_only = body[:8].upper().startswith("EXPLAIN")
        to_plan = body[7:] if explain_only else (body[7:] if body[:8].upper().startswith("PROFILE") else body)
        query_type, operators = self.store.explain_untrusted(to_plan, parameters)
        self._check(query_type, operators)
        if explain_only:
            return {"columns": ["operator"], "rows": [[op["operator"]] for op in operators], "truncated": False}
        columns, rows, truncated = self.store.run_untrusted(
            query, parameters, row_cap=self.settings.cypher_row_cap, timeout=self.settings.cypher_timeout_s)
        return {"columns": columns, "rows": rows, "truncated": truncated}

    @staticmethod
    def _check(query_type: str, operators: list[dict[str, Any]]) -> None:
        if query_type != "r":
            kinds = {"rw": "reads and writes", "w": "writes", "s": "changes the schema"}
            kind = kinds.get(query_type, "is not read-only")
            raise QueryRefused(f"the query {kind}: the console runs read-only queries only")
        for op in operators:
            name = op["operator"].split("@")[0]
            if name in _REFUSED_OPERATORS:
                raise QueryRefused(_REFUSED_OPERATORS[name])
            if (name.startswith("Show") and name not in _ALLOWED_SHOW) or name.startswith("Terminate"):
                raise QueryRefused("administration commands are not allowed")
            if "Procedure" in name and not name.startswith("Show"):
                # The operator's Details read "db.labels() :: (label :: STRING)".
                signature = str(op["arguments"].get("Details") or "")
                match = _PROCEDURE_NAME.match(signature)
                procedure = match.group(1) if match else signature
                if procedure not in ALLOWED_PROCEDURES:
                    raise QueryRefused(f"procedure {procedure or '(unknown)'} is not on the allow-list: "
                                       f"{', '.join(sorted(ALLOWED_PROCEDURES))}")


class SavedQueries:
    """The analysts' saved queries (``cypher/queries/*.cypher``), listed and run by name."""

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings

    def list(self) -> list[dict[str, Any]]:
        return [describe(name, statement) for name, statement in self.store.registry.saved_queries().items()]

    def get(self, name: str) -> Statement:
        statement = self.store.registry.saved_queries().get(name)
        if statement is None:
            raise NotFound(f"no saved query named {name!r}")
        return statement

    def run(self, name: str, parameters: dict[str, Any] | None = None) -> dict[str, Any]:
        statement = self.get(name)
        values = {}
        for key, value in (parameters or {}).items():
            param = statement.params.get(key)
            if param is None:
                takes = ", ".join(statement.params) or "none"
                raise InvalidParameter(key, f"is not a parameter of {name} (it takes {takes})")
            expected = PARAM_TYPES[param.type]
            ok = isinstance(value, expected) and not (expected is int and isinstance(value, bool))
            if param.type == "number" and isinstance(value, int) and not isinstance(value, bool):
                ok = True
            if value is not None and not ok:
                raise InvalidParameter(key, f"expected {'an' if param.type[0] in 'aeiou' else 'a'} {param.type}")
            values[key] = value
        missing = [p.name for p in statement.params.values() if p.required and p.name not in values]
        if missing:
            raise InvalidParameter(missing[0], "is required")
        # Parameters of type entity take any reference (graph/references.py); the statement gets the id.
        references = {key: value for key, value in values.items()
                      if statement.params[key].type == "entity" and value is not None}
        if references:
            resolved = EntityService(self.store).resolve_many(references)
            values |= {key: entity["id"] for key, entity in resolved.items()}
        columns, rows, truncated = self.store.read_table(f"queries/{name}", row_cap=self.settings.cypher_row_cap,
                                                         timeout=self.settings.cypher_timeout_s, **values)
        return {"columns": columns, "rows": rows, "truncated": truncated}


def describe(name: str, statement: Statement) -> dict[str, Any]:
    """A saved query as ``GET /queries`` lists it."""
    return {"name": name, "title": statement.title, "description": statement.description,
            "returns": statement.returns, "cypher": statement.text,
            "params": [{"name": p.name, "type": p.type, "description": p.description, "required": p.required,
                        "default": p.default} for p in statement.params.values()]}

"""The one exception tree of intelgraph.

Every error a user can cause derives from :class:`IntelgraphError`, so the CLI and the API
map them to messages and status codes in one place.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "IntelgraphError",
    "Problem",
    "InvalidInput",
    "OntologyError",
    "CypherRegistryError",
    "NotFound",
    "Ambiguous",
    "Conflict",
    "DatabaseUnavailable",
    "QueryRefused",
    "QueryTimeout",
    "QueryTooLarge",
    "ServerError",
    "NlpUnavailable",
    "InvalidParameter",
]


class IntelgraphError(Exception):
    """Base of every intelgraph error."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input file: where it is and what was expected.

    >>> str(Problem("corpus/a.facts.yaml", 12, "relations[3].quote", "not found in the text"))
    'corpus/a.facts.yaml:12: relations[3].quote: not found in the text'
    """

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class InvalidInput(IntelgraphError):
    """A file failed validation. Carries every problem found, not just the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field))
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its problems, not its message, when it crosses processes (a bulk load's writers).
        return type(self), (self.problems,)


class OntologyError(InvalidInput):
    """The ontology file is malformed or inconsistent."""


class CypherRegistryError(InvalidInput):
    """A file in ``cypher/`` has a bad header or its parameters do not match its placeholders."""


class NotFound(IntelgraphError):
    """No entity (or saved query, or document) answers to the given name; ``candidates`` are
    the closest names, if any (suggestions, never picked)."""

    def __init__(self, message: str, *, parameter: str | None = None, candidates: list[dict] | None = None):
        self.parameter = parameter
        self.candidates = candidates or None
        super().__init__(message)


class Ambiguous(IntelgraphError):
    """A name matches several entities; ``candidates`` lists them."""

    def __init__(self, message: str, candidates: list[dict], *, parameter: str | None = None):
        self.candidates = candidates
        self.parameter = parameter
        super().__init__(message)


class Conflict(IntelgraphError):
    """A write made against a version that is no longer current (another reviewer saved first),
    or onto something that exists already."""


class DatabaseUnavailable(IntelgraphError):
    """Neo4j cannot be reached (down, restarting, or refusing connections)."""


class QueryRefused(IntelgraphError):
    """A query sent to the read-only Cypher endpoint is not allowed to run."""


class QueryTimeout(IntelgraphError):
    """A query ran past its time-out (or, as :class:`QueryTooLarge`, its memory limit) and was stopped."""


class QueryTooLarge(QueryTimeout):
    """A query needed more memory than Neo4j gives one query and was stopped."""


class ServerError(IntelgraphError):
    """A local server (Neo4j, CoreNLP) could not be fetched, configured, started, stopped or used."""


class NlpUnavailable(ServerError):
    """The NLP server drafts are read with does not answer (down, or not started yet): retry later."""


class InvalidParameter(IntelgraphError):
    """A request parameter is out of range or names something that does not exist."""

    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        super().__init__(f"{parameter}: {message}")

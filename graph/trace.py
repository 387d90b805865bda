"""Which Cypher produced an answer: recorded as it runs, so analysts can rerun it in Neo4j Browser.

Inside :func:`tracing`, every registry statement the store runs is appended to the trace with
its parameters, and :func:`browser_script` turns a step into what Neo4j Browser takes: a
``:params`` line and the statement.

>>> with tracing() as steps:
...     record("entities/by_id", "MATCH (e:Entity {id: $id}) RETURN e", {"id": "cia"})
>>> steps[0]["statement"], steps[0]["parameters"]
('entities/by_id', {'id': 'cia'})
>>> print(steps[0]["browser"])
:params {`id`: 'cia'}
MATCH (e:Entity {id: $id}) RETURN e
"""
from __future__ import annotations

import contextlib
import datetime as dt
import math
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from typing import Any

__all__ = ["tracing", "record", "cypher_literal", "browser_script"]

_steps: ContextVar[list[dict[str, Any]] | None] = ContextVar("intelgraph_cypher_trace", default=None)


@contextlib.contextmanager
def tracing() -> Iterator[list[dict[str, Any]]]:
    """Record the statements run in this context (this thread or task) into the list it yields."""
    steps: list[dict[str, Any]] = []
    token = _steps.set(steps)
    try:
        yield steps
    finally:
        _steps.reset(token)


def record(name: str, text: str, params: Mapping[str, Any]) -> None:
    """Add a step to the current trace; outside :func:`tracing` it does nothing."""
    steps = _steps.get()
    if steps is not None:
        plain = {key: _plain(value) for key, value in params.items()}
        steps.append({"statement": name, "cypher": text, "parameters": plain,
                      "browser": browser_script(text, plain)})


def browser_script(text: str, params: Mapping[str, Any]) -> str:
    """The ``:params`` line and the statement, ready to paste into Neo4j Browser."""
    return f":params {cypher_literal(dict(params))}\n{text}" if params else text


def cypher_literal(value: Any) -> str:
    """A value written as a Cypher literal (maps with backticked keys, strings single-quoted).

    >>> cypher_literal({"from": "O'Hare", "types": ["A", "B"], "k": 3, "directed": False, "x": None})
    "{`from`: 'O\\\\'Hare', `types`: ['A', 'B'], `k`: 3, `directed`: false, `x`: null}"
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"`{str(k).replace('`', '``')}`: {cypher_literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    return cypher_literal(str(value))


def _plain(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value

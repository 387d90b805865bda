"""The one place domain errors become HTTP answers (every body is a ``Problem``)."""
from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from graph.errors import (
    Ambiguous,
    Conflict,
    DatabaseUnavailable,
    IntelgraphError,
    InvalidInput,
    InvalidParameter,
    NlpUnavailable,
    NotFound,
    QueryRefused,
    QueryTimeout,
    QueryTooLarge,
)

__all__ = ["install_error_handlers", "RETRY_AFTER_S"]

RETRY_AFTER_S = 5

# Most specific first: the first matching class decides the status.
# A query stopped by its time-out is 504 Gateway Timeout: the API is the gateway, Neo4j the
# upstream that did not answer in the time allowed; 408 would say the *client* was too slow to
# send its request. A query stopped for memory is 422: the same query would fail again, it has to
# change. 503 is kept for a server that cannot be reached: Neo4j (docs/security.md), or the NLP
# server a draft is read with.
_STATUS = [
    (Ambiguous, 409),
    (Conflict, 409),
    (NotFound, 404),
    (InvalidParameter, 422),
    (InvalidInput, 422),
    (QueryRefused, 403),
    (QueryTooLarge, 422),
    (QueryTimeout, 504),
    (DatabaseUnavailable, 503),
    (NlpUnavailable, 503),
]


def _problem(status: int, detail: str, **extra: object) -> JSONResponse:
    body = {"detail": detail, **{k: v for k, v in extra.items() if v is not None}}
    headers = {"Retry-After": str(RETRY_AFTER_S)} if status == 503 else None
    return JSONResponse(body, status_code=status, headers=headers)


async def _domain_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((code for cls, code in _STATUS if isinstance(exc, cls)), 500)
    if isinstance(exc, DatabaseUnavailable):
        detail = "Neo4j is unavailable; retry shortly"
    elif isinstance(exc, NlpUnavailable):
        detail = "the NLP server that reads articles is unavailable; retry shortly"
    else:
        detail = str(exc)
    problems = ([{"where": p.field, "message": p.message, "file": p.file, "line": p.line} for p in exc.problems]
                if isinstance(exc, InvalidInput) else None)
    return _problem(status, detail, parameter=getattr(exc, "parameter", None),
                    candidates=getattr(exc, "candidates", None), problems=problems)


async def _validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
    errors = exc.errors()
    first = errors[0] if errors else {}
    # ("query", "ids", 0): the parameter is ids, whichever of its items is wrong
    loc = [str(part) for part in first.get("loc", ())
           if part not in ("query", "path", "body") and not isinstance(part, int)]
    parameter = ".".join(loc) or None
    message = first.get("msg", "invalid request")
    detail = f"{parameter}: {message}" if parameter else message
    return _problem(422, detail, parameter=parameter)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(IntelgraphError, _domain_error)
    # Starlette types every handler as taking any Exception; it calls this one for its class only.
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]

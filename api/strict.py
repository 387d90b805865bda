"""No silently ignored parameter: a query parameter the operation does not take is a 422.

FastAPI reads the parameters a route declares and drops the rest, so a misspelt
``exclude_claim=true`` answered as if it were not there (claims included). This dependency,
installed on every API router, compares the request's query parameters with those the route and
its dependencies declare (by the name a client sends, i.e. the alias) and refuses the unknown
ones by name. Bodies are checked by their models (``extra="forbid"`` in ``api/schemas.py``).
"""
from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from graph.errors import InvalidParameter

__all__ = ["refuse_unknown_parameters", "accepted_query_parameters", "method_not_allowed"]

_ACCEPTED: dict[int, frozenset[str]] = {}


def accepted_query_parameters(dependant: Dependant) -> frozenset[str]:
    """The query parameter names a route takes, its dependencies' included."""
    names = {param.alias for param in dependant.query_params}
    for sub in dependant.dependencies:
        names |= accepted_query_parameters(sub)
    return frozenset(names)


async def refuse_unknown_parameters(request: Request) -> None:
    """Raise :class:`~graph.errors.InvalidParameter` (422) naming the first unknown query parameter."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not request.query_params:
        return
    accepted = _ACCEPTED.get(id(route))
    if accepted is None:
        accepted = _ACCEPTED[id(route)] = accepted_query_parameters(route.dependant)
    unknown = sorted(set(request.query_params) - accepted)
    if unknown:
        takes = ", ".join(sorted(accepted)) or "no query parameters"
        raise InvalidParameter(unknown[0], f"unknown parameter{'s' if len(unknown) > 1 else ''} "
                                           f"{', '.join(unknown)}; {request.url.path} takes {takes}")


async def method_not_allowed(request: Request, exc: Exception) -> Response:
    """405 with an ``Allow`` header listing the methods the OpenAPI document gives the path, not
    only those of the first route that matched it (``/merges`` has GET and POST in two routes)."""
    if not isinstance(exc, StarletteHTTPException) or exc.status_code != 405:
        return await http_exception_handler(request, exc)  # type: ignore[arg-type]
    methods: set[str] = set()
    for template, operations in request.app.openapi()["paths"].items():
        if compile_path(template)[0].match(request.url.path):
            methods |= {method.upper() for method in operations}
    allow = ", ".join(sorted(methods))
    return JSONResponse({"detail": f"{request.method} is not allowed on {request.url.path}; it takes {allow}"},
                        status_code=405, headers={"Allow": allow})

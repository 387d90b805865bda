"""No silently ignored parameter: a query parameter the operation does not take is a 422.

FastAPI reads the parameters a route declares and drops the rest, so a misspelt
``exclude_claim=true`` answered as if it were not there (claims included). This dependency,
installed on the whole app, compares the request's query parameters with those the route and
its dependencies declare (by the name a client sends, i.e. the alias) and refuses the unknown
ones by name. Bodies are checked by their models (``extra="forbid"`` in ``api/schemas.py``).
"""
from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from graph.errors import InvalidParameter

__all__ = ["refuse_unknown_parameters", "accepted_query_parameters"]

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

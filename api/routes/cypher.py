"""POST /cypher (read-only analyst queries) and the saved queries."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path

from api.deps import ConsoleDep, SavedQueriesDep
from api.schemas import CypherRequest, Problem, SavedQueries, SavedQueryRun, Table

router = APIRouter(tags=["cypher"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    403: {"model": Problem, "description": "Refused: the query writes, loads files or calls a procedure off "
                                           "the allow-list"},
    422: {"model": Problem, "description": "Broken, unknown parameter, or stopped for memory"},
    503: {"model": Problem, "description": "Neo4j cannot be reached"},
    504: {"model": Problem, "description": "Stopped by the time-out: the message says what to change"}}


@router.post("/cypher", response_model=Table, responses=_ERRORS)
def run_cypher(console: ConsoleDep, request: CypherRequest) -> dict:
    """Run a read-only Cypher query with parameters.

    The plan is checked before it runs (read-only, no LOAD CSV, procedures on an allow-list),
    then it runs in a READ transaction with a time-out and a row cap. Refusals answer 403 with
    the reason; a query stopped by the time-out answers 504, one stopped for using too much
    memory 422, a broken query 422, each saying what to change. 503 means Neo4j cannot be reached.
    """
    return console.run(request.query, request.parameters)


@router.get("/queries", response_model=SavedQueries)
def list_queries(saved: SavedQueriesDep) -> dict:
    """The saved queries analysts can run by name, with their parameters."""
    return {"queries": saved.list()}


@router.post("/queries/{name}", response_model=Table, responses={404: {"model": Problem}, **_ERRORS})
def run_query(saved: SavedQueriesDep, name: Annotated[str, Path(max_length=100, examples=["who_accused_whom"])],
              request: SavedQueryRun | None = None) -> dict:
    """Run one saved query with its parameters."""
    return saved.run(name, (request.parameters if request else {}))

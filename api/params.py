"""Query parameters shared by several endpoints: the edge filter."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Depends, Query
from pydantic import StringConstraints
from starlette.concurrency import run_in_threadpool

from api.contract import DURING_PATTERN, GRADE_PATTERN, IsoDay, relation_types_pattern
from api.deps import DocumentsDep
from graph.filters import Claims, EdgeFilter, parse_date_range, parse_min_grade
from graph.trace import tracing

__all__ = ["EdgeFilterDep", "ExplainDep", "explained", "split_list"]


def split_list(values: list[str] | None) -> tuple[str, ...]:
    """Accept both ``?types=A&types=B`` and ``?types=A,B``.

    >>> split_list(["ACCUSED,WARNED", "OWNS"])
    ('ACCUSED', 'WARNED', 'OWNS')
    """
    return tuple(item.strip() for value in values or () for item in value.split(",") if item.strip())


#: One ``types`` item: relation types of the ontology, comma-separated.
RelationTypes = Annotated[str, StringConstraints(pattern=relation_types_pattern())]
#: One ``publishers`` item: one name (names may hold commas, so the list is never split).
Publisher = Annotated[str, StringConstraints(min_length=1, max_length=200)]


async def edge_filter(
    types: Annotated[list[RelationTypes] | None, Query(description="Relation types to use (repeat or "
                                                       "comma-separate); default all", examples=["ACCUSED,WARNED"],
                                                       max_length=100)] = None,
    exclude_types: Annotated[list[RelationTypes] | None, Query(description="Relation types to leave out",
                                                               max_length=100)] = None,
    exclude_claims: Annotated[bool, Query(description="Drop claimed and denied edges: the older spelling of "
                                          "claims=hidden")] = False,
    claims: Annotated[Claims | None, Query(
        description="Claimed and denied edges: shown (the default), hidden, or only them; hidden "
                    "when exclude_claims is true (any other value with it is refused)",
        json_schema_extra={"x-constraints": ["agrees:exclude_claims=hidden"]})] = None,
    publishers: Annotated[list[Publisher] | None, Query(
        description="Only edges with evidence from these publishers, and only that evidence (repeat for several; "
                    "the names GET /sources lists under publishers, in any case)",
        examples=["Financial Times"], max_length=50,
        json_schema_extra={"x-constraints": ["listed-by:/sources#publishers"]})] = None,
    document: Annotated[str | None, Query(description="Only edges this document supports",
                                          max_length=200)] = None,
    since: Annotated[IsoDay | None, Query(description="Only edges dated on or after (YYYY-MM-DD); not after "
                                          "until", json_schema_extra={"x-constraints": ["not-after:until"]})] = None,
    until: Annotated[IsoDay | None, Query(description="Only edges dated on or before (YYYY-MM-DD)")] = None,
    as_of: Annotated[IsoDay | None, Query(description="The graph as known on this day: only documents "
                                          "published by then (YYYY-MM-DD)", examples=["2024-03-25"])] = None,
    during: Annotated[str | None, Query(description="Only edges whose event time overlaps START..END "
                                        "(either end may be left out; START not after END)",
                                        examples=["2024-03-01..2024-03-31"], max_length=40,
                                        pattern=DURING_PATTERN,
                                        json_schema_extra={"x-constraints": ["ordered"]})] = None,
    min_grade: Annotated[str | None, Query(description="Only edges graded this well or better: reliability "
                                           "A-F and credibility 1-6, e.g. B2 (or B, or 2)", examples=["B2"],
                                           max_length=4, pattern=GRADE_PATTERN)] = None,
    *,
    documents: DocumentsDep,
) -> EdgeFilter:
    edge_filter = EdgeFilter(types=split_list(types) or None, exclude_types=split_list(exclude_types),
                             exclude_claims=exclude_claims, claims=claims, publishers=tuple(publishers or ()),
                             document=document, since=since, until=until, as_of=as_of,
                             during=parse_date_range(during) if during else None,
                             min_grade=parse_min_grade(min_grade) if min_grade else None)
    edge_filter.claims_choice()  # a contradiction is refused before anything is read
    if edge_filter.publishers:  # the names are checked against the documents loaded (a read: off the event loop)
        edge_filter = edge_filter.with_known_publishers(await run_in_threadpool(documents.publishers))
    return edge_filter


EdgeFilterDep = Annotated[EdgeFilter, Depends(edge_filter)]


ExplainDep = Annotated[bool, Query(description="Add `cypher`: every statement that produced the answer, with its "
                                               "parameters and a script to paste into Neo4j Browser")]


def explained(explain: bool, produce: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """The answer ``produce`` gives, with the Cypher it ran under ``cypher`` when ``explain`` is set."""
    if not explain:
        return produce()
    with tracing() as steps:
        answer = produce()
    return answer | {"cypher": steps}

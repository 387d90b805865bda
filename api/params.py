"""Query parameters shared by several endpoints: the edge filter."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Depends, Query

from graph.services.filters import EdgeFilter

__all__ = ["EdgeFilterDep", "split_list"]


def split_list(values: list[str] | None) -> tuple[str, ...]:
    """Accept both ``?types=A&types=B`` and ``?types=A,B``.

    >>> split_list(["ACCUSED,WARNED", "OWNS"])
    ('ACCUSED', 'WARNED', 'OWNS')
    """
    return tuple(item.strip() for value in values or () for item in value.split(",") if item.strip())


def edge_filter(
    types: Annotated[list[str] | None, Query(description="Relation types to use (repeat or comma-separate); "
                                             "default all", examples=["ACCUSED,WARNED"], max_length=100)] = None,
    exclude_types: Annotated[list[str] | None, Query(description="Relation types to leave out",
                                                     max_length=100)] = None,
    exclude_claims: Annotated[bool, Query(description="Drop claimed and denied edges")] = False,
    document: Annotated[str | None, Query(description="Only edges this document supports",
                                          max_length=200)] = None,
    since: Annotated[dt.date | None, Query(description="Only edges dated on or after (YYYY-MM-DD)")] = None,
    until: Annotated[dt.date | None, Query(description="Only edges dated on or before (YYYY-MM-DD)")] = None,
) -> EdgeFilter:
    return EdgeFilter(types=split_list(types) or None, exclude_types=split_list(exclude_types),
                      exclude_claims=exclude_claims, document=document, since=since, until=until)


EdgeFilterDep = Annotated[EdgeFilter, Depends(edge_filter)]

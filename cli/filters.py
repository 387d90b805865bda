"""The edge-filter options that ``paths``, ``centrality`` and ``export`` share, as the API's."""
from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from graph.errors import InvalidParameter
from graph.filters import CLAIMS, Claims, EdgeFilter, parse_date_range, parse_min_grade
from graph.store import Store

__all__ = ["Types", "ExcludeTypes", "ExcludeClaims", "ClaimsOption", "Publishers", "Document", "Since", "Until",
           "AsOf", "During", "MinGrade", "build_edge_filter", "with_known_publishers", "split_list"]

Types = Annotated[list[str] | None, typer.Option(
    "--types", "-t", metavar="TYPE[,TYPE...]", help="Relation types to use (repeat or comma-separate); default all.",
    show_default=False)]
ExcludeTypes = Annotated[list[str] | None, typer.Option(
    "--exclude-types", metavar="TYPE[,TYPE...]", help="Relation types to leave out (repeat or comma-separate).",
    show_default=False)]
ExcludeClaims = Annotated[bool, typer.Option("--exclude-claims",
                                             help="Drop claimed and denied edges (the same as --claims hidden).")]
ClaimsOption = Annotated[str | None, typer.Option(
    "--claims", metavar="|".join(CLAIMS), show_default=False,
    help="Claimed and denied edges: shown (default), hidden, or only them.")]
Publishers = Annotated[list[str] | None, typer.Option(
    "--publishers", "--publisher", metavar="NAME", show_default=False,
    help="Only edges with evidence from this publisher, and only that evidence (repeat for several; "
         "a name no document has is refused with the known ones listed).")]
Document = Annotated[str | None, typer.Option("--document", help="Only edges this document (id) supports.",
                                              show_default=False)]
Since = Annotated[str | None, typer.Option("--since", metavar="YYYY-MM-DD",
                                           help="Only edges dated on or after this day.", show_default=False)]
Until = Annotated[str | None, typer.Option("--until", metavar="YYYY-MM-DD",
                                           help="Only edges dated on or before this day.", show_default=False)]
AsOf = Annotated[str | None, typer.Option("--as-of", metavar="YYYY-MM-DD", show_default=False,
                                          help="The graph as known on this day: documents published by then.")]
During = Annotated[str | None, typer.Option("--during", metavar="START..END", show_default=False,
                                            help="Only edges whose event time overlaps this range (either end "
                                                 "may be left out).")]
MinGrade = Annotated[str | None, typer.Option("--min-grade", metavar="GRADE", show_default=False,
                                              help="Only edges graded this well or better, e.g. B2 "
                                                   "(docs/provenance.md).")]


def split_list(values: list[str] | None) -> tuple[str, ...]:
    """Accept both ``--types A --types B`` and ``--types A,B``.

    >>> split_list(["ACCUSED,WARNED", "OWNS"])
    ('ACCUSED', 'WARNED', 'OWNS')
    """
    return tuple(item.strip() for value in values or () for item in value.split(",") if item.strip())


def build_edge_filter(*, types: list[str] | None = None, exclude_types: list[str] | None = None,
                      exclude_claims: bool = False, claims: str | None = None, publishers: list[str] | None = None,
                      document: str | None = None, since: str | None = None, until: str | None = None,
                      as_of: str | None = None, during: str | None = None,
                      min_grade: str | None = None) -> EdgeFilter:
    """The checked filter of the options (types against the ontology, dates and grades parsed).

    Publisher names are checked against the documents loaded by :func:`with_known_publishers`,
    once the command has a store.

    >>> build_edge_filter(as_of="2024-03-25", min_grade="B2").min_grade
    MinGrade(reliability='B', credibility=2)
    >>> build_edge_filter(since="yesterday")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: since: expected a day as YYYY-MM-DD, not 'yesterday'
    >>> build_edge_filter(claims="some")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: claims: expected one of shown, hidden, only, got 'some'
    >>> build_edge_filter(claims="only", exclude_claims=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: claims: --claims only contradicts --exclude-claims (which means --claims hidden)...
    """
    edge_filter = EdgeFilter(types=split_list(types) or None, exclude_types=split_list(exclude_types),
                             exclude_claims=exclude_claims, claims=_claims(claims),
                             publishers=tuple(name.strip() for name in publishers or () if name.strip()),
                             document=document, since=_day("since", since),
                             until=_day("until", until), as_of=_day("as_of", as_of),
                             during=parse_date_range(during) if during else None,
                             min_grade=parse_min_grade(min_grade) if min_grade else None)
    try:
        edge_filter.claims_choice()
    except InvalidParameter:  # the same rule, said with the options' names
        raise InvalidParameter("claims", f"--claims {claims} contradicts --exclude-claims (which means --claims "
                                         "hidden): give one of them") from None
    edge_filter.parameters()  # checks the types and dates before anything connects
    return edge_filter


def with_known_publishers(edge_filter: EdgeFilter, store: Store) -> EdgeFilter:
    """The filter with its publishers checked against those of the loaded documents (no read
    when it names none)."""
    if not edge_filter.publishers:
        return edge_filter
    from graph.services.documents import DocumentService

    return edge_filter.with_known_publishers(DocumentService(store).publishers())


def _claims(value: str | None) -> Claims | None:
    if value is not None and value not in CLAIMS:
        raise InvalidParameter("claims", f"expected one of {', '.join(CLAIMS)}, got {value!r}")
    return value  # type: ignore[return-value]  # checked against CLAIMS just above


def _day(name: str, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidParameter(name, f"expected a day as YYYY-MM-DD, not {value!r}") from None

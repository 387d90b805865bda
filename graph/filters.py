"""The edge filter shared by paths, centrality, subgraphs and exports.

Every statement that takes a filter includes the one predicate ``cypher/fragments/edge_allowed``
on an edge ``r`` and receives the filter as a single map parameter, ``$filter``.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from graph.errors import InvalidParameter
from graph.facts import STATUSES
from graph.ontology import Ontology, get_ontology

__all__ = ["EdgeFilter", "DateRange", "MinGrade", "parse_date_range", "parse_min_grade"]

RELIABILITY_GRADES = "ABCDEF"
_GRADE = re.compile(r"^(?P<reliability>[A-F])?(?P<credibility>[1-6])?$")


@dataclass(frozen=True)
class DateRange:
    """An inclusive range of days; either end may be open (``None``)."""

    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class MinGrade:
    """The worst grade a query accepts: reliability ``A``..``F`` and credibility ``1``..``6``."""

    reliability: str = "F"
    credibility: int = 6

    def __str__(self) -> str:
        return f"{self.reliability}{self.credibility}"


def parse_date_range(text: str, parameter: str = "during") -> DateRange:
    """``START..END`` with ISO dates, either end left out for an open range; one date is one day.

    >>> parse_date_range("2024-03-01..2024-03-31")
    DateRange(start=datetime.date(2024, 3, 1), end=datetime.date(2024, 3, 31))
    >>> parse_date_range("..2024-03-07").start is None, parse_date_range("2024-03-22").end
    (True, datetime.date(2024, 3, 22))
    >>> parse_date_range("March")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: during: expected START..END with dates as YYYY-MM-DD, got 'March'
    """
    first, sep, second = text.strip().partition("..")
    try:
        start = dt.date.fromisoformat(first) if first else None
        end = (dt.date.fromisoformat(second) if second else None) if sep else start
    except ValueError:
        start = end = None
        first = ""
    if (start is None and end is None) or (not first and not sep):
        raise InvalidParameter(parameter, f"expected START..END with dates as YYYY-MM-DD, got {text!r}")
    if start and end and start > end:
        raise InvalidParameter(parameter, f"starts after it ends: {text!r}")
    return DateRange(start, end)


def parse_min_grade(text: str, parameter: str = "min_grade") -> MinGrade:
    """An Admiralty grade as the worst one to keep: ``B2``, or only ``B`` (reliability) or ``2``.

    >>> parse_min_grade("B2"), parse_min_grade("c"), parse_min_grade("3")
    (MinGrade(reliability='B', credibility=2), MinGrade(reliability='C', credibility=6), MinGrade(reliability='F', credibility=3))
    >>> parse_min_grade("G7")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: min_grade: expected a grade such as B2 (reliability A-F, credibility 1-6), got 'G7'
    """
    match = _GRADE.match(text.strip().upper())
    if not text.strip() or match is None:
        raise InvalidParameter(parameter, f"expected a grade such as B2 (reliability A-F, credibility 1-6), "
                                          f"got {text!r}")
    return MinGrade(match["reliability"] or "F", int(match["credibility"] or 6))


@dataclass(frozen=True)
class EdgeFilter:
    """Which edges a query may use.

    ``as_of`` keeps what was known on a day (edges reported by documents published by then, and
    only their evidence from those documents); ``during`` keeps edges whose event time overlaps
    a range (edges with no event time are left out); ``since``/``until`` compare the edge's
    dates (its event time, or else its report date); ``min_grade`` keeps edges graded at least
    that well (docs/provenance.md).

    >>> f = EdgeFilter(exclude_types=("OWNS",), exclude_claims=True, min_grade=MinGrade("B", 2))
    >>> params = f.parameters()["filter"]
    >>> "OWNS" in params["types"], params["statuses"], params["reliability"], params["credibility"]
    (False, ['reported'], 'B', 2)
    >>> EdgeFilter(types=("NOPE",)).parameters()
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: types: unknown relation type 'NOPE'
    """

    types: tuple[str, ...] | None = None
    exclude_types: tuple[str, ...] = ()
    exclude_claims: bool = False
    document: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    as_of: dt.date | None = None
    during: DateRange | None = None
    min_grade: MinGrade | None = None

    def relation_types(self, ontology: Ontology | None = None) -> list[str]:
        """The relation types allowed, checked against the ontology."""
        ontology = ontology or get_ontology()
        for name, listed in (("types", self.types or ()), ("exclude_types", self.exclude_types)):
            for item in listed:
                if item not in ontology.relations:
                    raise InvalidParameter(name, f"unknown relation type {item!r}")
        chosen = self.types if self.types else ontology.relation_names
        return sorted(set(chosen) - set(self.exclude_types))

    def statuses(self) -> list[str]:
        """Claims and denials are dropped by ``exclude_claims``."""
        return ["reported"] if self.exclude_claims else list(STATUSES)

    def values(self, ontology: Ontology | None = None) -> dict[str, Any]:
        """The filter as the map ``$filter`` of ``cypher/fragments/edge_allowed.cypher``."""
        if self.since and self.until and self.since > self.until:
            raise InvalidParameter("since", "is after until")
        grade = self.min_grade or MinGrade()
        during = self.during
        return {"open": self.keeps_everything(), "types": self.relation_types(ontology), "statuses": self.statuses(),
                "document": self.document, "since": _iso(self.since), "until": _iso(self.until),
                "as_of": _iso(self.as_of), "during": during is not None,
                "during_start": _iso(during.start) if during else None,
                "during_end": _iso(during.end) if during else None,
                "reliability": grade.reliability, "credibility": grade.credibility}

    def keeps_everything(self) -> bool:
        """Whether the filter keeps every edge (so the statements need not check any).

        >>> EdgeFilter().keeps_everything(), EdgeFilter(exclude_claims=True).keeps_everything()
        (True, False)
        >>> EdgeFilter(min_grade=MinGrade()).keeps_everything(), EdgeFilter(types=()).keeps_everything()
        (True, True)
        """
        return (not self.types and not self.exclude_types and not self.exclude_claims and self.document is None
                and self.since is None and self.until is None and self.as_of is None and self.during is None
                and (self.min_grade is None or self.min_grade == MinGrade()))

    def parameters(self, ontology: Ontology | None = None) -> dict[str, Any]:
        """The Cypher parameters of a statement that includes the filter: ``{"filter": {...}}``."""
        return {"filter": self.values(ontology)}

    def key(self, ontology: Ontology | None = None) -> tuple[Any, ...]:
        """A hashable form of the checked filter, for caches."""
        return tuple((name, tuple(value) if isinstance(value, list) else value)
                     for name, value in sorted(self.values(ontology).items()))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None

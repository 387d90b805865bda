"""The edge filter shared by paths, centrality, subgraphs and exports.

Every statement that takes a filter includes the one predicate ``cypher/fragments/edge_allowed``
on an edge ``r`` and receives the filter as a single map parameter, ``$filter``; the evidence an
edge shows (``cypher/fragments/edge_map``) is restricted by ``as_of`` and ``publishers`` alike.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

from graph.errors import InvalidParameter
from graph.facts import STATUSES
from graph.names import name_key
from graph.ontology import Ontology, get_ontology

__all__ = ["EdgeFilter", "DateRange", "MinGrade", "Claims", "CLAIMS", "parse_date_range", "parse_min_grade"]

#: Claims and denials: ``shown`` with the reported edges, ``hidden`` (only reported edges), or
#: ``only`` (only claimed and denied edges).
Claims = Literal["shown", "hidden", "only"]
CLAIMS: tuple[str, ...] = get_args(Claims)

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

    >>> parse_min_grade("B2"), parse_min_grade("c")
    (MinGrade(reliability='B', credibility=2), MinGrade(reliability='C', credibility=6))
    >>> parse_min_grade("3")
    MinGrade(reliability='F', credibility=3)
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
    that well (docs/provenance.md). ``claims`` shows claimed and denied edges with the reported
    ones (``shown``, the default), hides them, or keeps ``only`` them; ``exclude_claims=True`` is
    the older spelling of ``claims="hidden"``. ``publishers`` keeps edges with evidence from those
    publishers, and only that evidence (as ``as_of`` does; both together: their evidence
    published by then); :meth:`with_known_publishers` checks the names.

    >>> f = EdgeFilter(exclude_types=("OWNS",), exclude_claims=True, min_grade=MinGrade("B", 2))
    >>> params = f.parameters()["filter"]
    >>> "OWNS" in params["types"], params["statuses"], params["reliability"], params["credibility"]
    (False, ['reported'], 'B', 2)
    >>> EdgeFilter(claims="only", publishers=("Financial Times",)).parameters()["filter"]["statuses"]
    ['claimed', 'denied']
    >>> EdgeFilter(types=("NOPE",)).parameters()
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: types: unknown relation type 'NOPE'
    """

    types: tuple[str, ...] | None = None
    exclude_types: tuple[str, ...] = ()
    exclude_claims: bool = False
    claims: Claims | None = None
    publishers: tuple[str, ...] = ()
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

    def claims_choice(self) -> Claims:
        """``claims``, with ``exclude_claims`` read as ``hidden``; the two must not contradict.

        >>> EdgeFilter().claims_choice(), EdgeFilter(exclude_claims=True).claims_choice()
        ('shown', 'hidden')
        >>> EdgeFilter(claims="hidden", exclude_claims=True).claims_choice()
        'hidden'
        >>> EdgeFilter(claims="only", exclude_claims=True).claims_choice()  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        graph.errors.InvalidParameter: claims: claims=only contradicts exclude_claims=true (which means ...
        """
        if self.claims is not None and self.claims not in CLAIMS:
            raise InvalidParameter("claims", f"expected one of {', '.join(CLAIMS)}, got {self.claims!r}")
        if self.exclude_claims and self.claims not in (None, "hidden"):
            raise InvalidParameter("claims", f"claims={self.claims} contradicts exclude_claims=true (which means "
                                             "claims=hidden): give one of them")
        return self.claims or ("hidden" if self.exclude_claims else "shown")

    def statuses(self) -> list[str]:
        """The statuses ``claims`` keeps: every one, ``reported`` only, or all but ``reported``."""
        choice = self.claims_choice()
        if choice == "hidden":
            return ["reported"]
        return [status for status in STATUSES if choice == "shown" or status != "reported"]

    def with_known_publishers(self, known: Iterable[str]) -> EdgeFilter:
        """The filter with each of ``publishers`` spelt as the documents spell it (case and
        apostrophes do not matter, as for a source's grade); an unknown name is an error that
        lists the known ones.

        >>> EdgeFilter(publishers=("financial times",)).with_known_publishers(["Financial Times"]).publishers
        ('Financial Times',)
        >>> EdgeFilter(publishers=("The Times",)).with_known_publishers(["Reuters", "Financial Times"])
        Traceback (most recent call last):
        ...
        graph.errors.InvalidParameter: publishers: unknown publisher 'The Times'; known: Financial Times, Reuters
        """
        if not self.publishers:
            return self
        by_key = {name_key(name): name for name in sorted(known)}
        unknown = [name for name in self.publishers if name_key(name) not in by_key]
        if unknown:
            listed = ", ".join(by_key.values()) or "none (no document is loaded)"
            raise InvalidParameter("publishers", f"unknown publisher {unknown[0]!r}; known: {listed}")
        return replace(self, publishers=tuple(dict.fromkeys(by_key[name_key(name)] for name in self.publishers)))

    def values(self, ontology: Ontology | None = None) -> dict[str, Any]:
        """The filter as the map ``$filter`` of ``cypher/fragments/edge_allowed.cypher``."""
        if self.since and self.until and self.since > self.until:
            raise InvalidParameter("since", "is after until")
        grade = self.min_grade or MinGrade()
        during = self.during
        return {"open": self.keeps_everything(), "types": self.relation_types(ontology), "statuses": self.statuses(),
                "publishers": list(self.publishers) or None, "document": self.document, "since": _iso(self.since),
                "until": _iso(self.until), "as_of": _iso(self.as_of), "during": during is not None,
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
        return (not self.types and not self.exclude_types and self.claims_choice() == "shown" and not self.publishers
                and self.document is None and self.since is None and self.until is None and self.as_of is None
                and self.during is None
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

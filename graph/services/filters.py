"""The edge filters shared by paths, centrality, subgraphs and exports."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from graph.errors import InvalidParameter
from graph.facts import STATUSES
from graph.ontology import Ontology, get_ontology

__all__ = ["EdgeFilter"]


@dataclass(frozen=True)
class EdgeFilter:
    """Which edges a query may use.

    Every statement that takes a filter uses the same predicate on an edge ``r``::

        type(r) IN $types AND r.status IN $statuses
        AND ($document IS NULL OR $document IN r.documents)
        AND ($since IS NULL OR r.last_date >= $since) AND ($until IS NULL OR r.first_date <= $until)

    >>> f = EdgeFilter(exclude_types=("OWNS",), exclude_claims=True)
    >>> params = f.parameters()
    >>> "OWNS" in params["types"], params["statuses"]
    (False, ['reported'])
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

    def parameters(self, ontology: Ontology | None = None) -> dict[str, Any]:
        """The Cypher parameters of the filter: types, statuses, document, since, until."""
        if self.since and self.until and self.since > self.until:
            raise InvalidParameter("since", "is after until")
        return {"types": self.relation_types(ontology), "statuses": self.statuses(),
                "document": self.document,
                "since": self.since.isoformat() if self.since else None,
                "until": self.until.isoformat() if self.until else None}

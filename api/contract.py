"""What the OpenAPI document says a parameter accepts, built from the same data the server checks.

Each type here is the server's own rule, stated in the schema, so that a client generated from
``/openapi.json`` sends nothing the server refuses (schemathesis holds the API to it,
tests/security/test_schemathesis.py):

- kinds and relation types are enums and patterns made from the ontology (``graph/ontology.yaml``);
- a grade is a pattern over the Admiralty scale (reliability A-F, credibility 1-6);
- a day is ``YYYY-MM-DD`` and nothing else (pydantic would take ``0`` as 1970-01-01);
- a list of ids has at least one id in each item and at most as many items as the server takes.

Rules between parameters (``center`` or ``ids``; ``sample`` only with betweenness; a ``during``
range that does not end before it starts) cannot be written in OpenAPI 3.1's parameter schemas.
They are stated in each operation's description and in its ``x-constraints`` extension, which
:func:`constraints` writes and the schemathesis test reads (rules on one parameter are
``x-constraints`` of its own schema: ``ordered`` for ``during``, ``not-after:until`` for ``since``,
``agrees:exclude_claims=hidden`` for ``claims``: with ``exclude_claims=true`` it may only be
``hidden``, and ``listed-by:/sources#publishers`` for ``publishers``: each name is one that
``GET /sources`` lists under ``publishers``, data the schema cannot enumerate).
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated, Any

from pydantic import BeforeValidator, StringConstraints

from graph.filters import RELIABILITY_GRADES
from graph.ontology import get_ontology

__all__ = ["KindName", "IsoDay", "Ids", "GRADE_PATTERN", "DURING_PATTERN", "relation_types_pattern",
           "constraints"]

_ontology = get_ontology()

#: An entity kind, one of the ontology's.
KindName = Enum("KindName", {name: name for name in _ontology.kind_names}, type=str)  # type: ignore[misc]

#: A grade as ``min_grade`` takes it: ``B2``, ``B`` or ``2``, any case.
GRADE_PATTERN = (rf"^\s*(?:[{RELIABILITY_GRADES}{RELIABILITY_GRADES.lower()}][1-6]?|[1-6])\s*$")

# Every day that exists in every year: 29 February is left out (a range may end on the 28th or
# start on 1 March), so that every value the pattern allows is a real day.
_DAY = (r"[1-9]\d{3}-(?:(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])|(?:0[13-9]|1[0-2])-(?:29|30)"
        r"|(?:0[13578]|1[02])-31)")
#: ``START..END`` (either end may be left out) or one day.
DURING_PATTERN = rf"^\s*(?:{_DAY}|{_DAY}\.\.(?:{_DAY})?|\.\.{_DAY})\s*$"


def relation_types_pattern() -> str:
    """One relation type of the ontology, or several joined by commas.

    >>> bool(re.match(relation_types_pattern(), "ACCUSED,WARNED")), bool(re.match(relation_types_pattern(), "X"))
    (True, False)
    """
    one = "(?:" + "|".join(_ontology.relation_names) + ")"
    return rf"^\s*{one}\s*(?:,\s*{one}\s*)*$"


def _iso_day(value: Any) -> Any:
    """Only ``YYYY-MM-DD`` is a day (the schema's ``format: date``); pydantic would take ``0``.

    >>> _iso_day("2024-03-25")
    '2024-03-25'
    >>> _iso_day("0")
    Traceback (most recent call last):
    ...
    ValueError: expected a day as YYYY-MM-DD
    """
    if isinstance(value, str) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("expected a day as YYYY-MM-DD")
    return value


#: A day, ``YYYY-MM-DD`` only.
IsoDay = Annotated[dt.date, BeforeValidator(_iso_day)]
#: One item of a list of ids: something besides commas and spaces (``ids=a,b`` is two ids).
Ids = list[Annotated[str, StringConstraints(min_length=1, max_length=20_000, pattern=r"[^,\s]")]]


def constraints(*rules: str) -> dict[str, Any]:
    """``openapi_extra`` for an operation: its rules between parameters, as ``x-constraints``.

    Each rule is ``exactly-one:A,B`` (give A or B), ``at-most-one:A,B`` (A, B or neither, not
    both), ``requires:A:B=V`` (A only when B is V) or ``ordered:A`` (a ``START..END`` range that
    does not end before it starts).

    >>> constraints("at-most-one:center,ids")
    {'x-constraints': ['at-most-one:center,ids']}
    """
    return {"x-constraints": list(rules)}

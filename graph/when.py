"""Two kinds of time, never shown as one: when a thing happened (event time) and when it was
reported (the publication day of the documents that say it).

An edge's event time is what its documents' relations give as ``date`` (``2024-03``,
``2024-03-22``, ``2023-11/2024-03-07``, ``before 2024-03-07``), kept at the precision the text
allows: a month stays a month. An edge none of whose documents dates it is *undated*, whatever
day it was reported. The CLI's tables and the saved queries label every date with these words.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["event_label", "edge_when", "evidence_when", "UNDATED"]

UNDATED = "undated"


def event_label(events: Iterable[str | None]) -> str:
    """The event times of an edge's evidence as one label, each at its own precision.

    >>> event_label(["2024-03", "2024-03", None])
    '2024-03'
    >>> event_label(["2024-03-22", "before 2024-03-07"]), event_label([None]), event_label([])
    ('2024-03-22, before 2024-03-07', 'undated', 'undated')
    """
    distinct = sorted({event for event in events if event})
    return ", ".join(distinct) if distinct else UNDATED


def _day(value: Any) -> str | None:
    return str(value)[:10] if value else None


def edge_when(edge: Mapping[str, Any], *, sep: str = " · ") -> str:
    """``event time …`` (a date, or ``undated``) and ``report time …`` for an edge as the API gives it.

    >>> edge = {"evidence": [{"event": "2024-03", "published": "2024-04-03"}],
    ...         "first_reported": "2024-04-03", "last_reported": "2024-04-03"}
    >>> edge_when(edge)
    'event time 2024-03 · report time 2024-04-03'
    >>> edge_when({"evidence": [{"event": None}], "first_reported": "2024-04-03", "last_reported": "2024-05-01"})
    'event time undated · report time 2024-04-03 – 2024-05-01'
    """
    event = event_label(item.get("event") for item in edge.get("evidence") or [])
    first, last = _day(edge.get("first_reported")), _day(edge.get("last_reported"))
    reported = f"{first} – {last}" if first and last and first != last else (first or last)
    return f"event time {event}{sep}report time {reported}" if reported else f"event time {event}"


def evidence_when(item: Mapping[str, Any]) -> str:
    """One piece of evidence's two times: ``event time 2024-03, report time 2024-04-03``.

    >>> evidence_when({"event": None, "published": "2024-04-03"})
    'event time undated, report time 2024-04-03'
    """
    published = _day(item.get("published"))
    when = f"event time {item.get('event') or UNDATED}"
    return f"{when}, report time {published}" if published else when

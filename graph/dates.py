"""Dates as the facts files and edges hold them: partial days, and event times.

A partial date is ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``. An event time (a relation's ``date``)
is as precise as the text allows: a partial date, a range ``START/END`` of partial dates (ISO
8601's interval), or ``before DATE`` / ``after DATE``.
"""
from __future__ import annotations

import datetime as dt
import functools
import re

__all__ = ["PARTIAL_DATE", "EVENT_TIME", "period_bounds", "event_bounds", "event_date"]

_PARTIAL = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
PARTIAL_DATE = re.compile(rf"^{_PARTIAL}$")
EVENT_TIME = re.compile(rf"^(?:{_PARTIAL}(?:/{_PARTIAL})?|(?:before|after) {_PARTIAL})$")


def period_bounds(partial: str) -> tuple[dt.date, dt.date]:
    """First and last day of a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date.

    >>> period_bounds("2024-03")
    (datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
    >>> period_bounds("2024")[1], period_bounds("2024-04-03")[0]
    (datetime.date(2024, 12, 31), datetime.date(2024, 4, 3))
    """
    parts = [int(part) for part in partial.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day
    if len(parts) == 2:
        year, month = parts
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return dt.date(year, month, 1), following - dt.timedelta(days=1)
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)


@functools.lru_cache(maxsize=4096)  # the same few thousand days recur in every file: validation and rows ask
def event_bounds(event: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day an event time allows; ``None`` is an open end.

    >>> event_bounds("2024-03")
    (datetime.date(2024, 3, 1), datetime.date(2024, 3, 31))
    >>> event_bounds("2023-11/2024-03-07")
    (datetime.date(2023, 11, 1), datetime.date(2024, 3, 7))
    >>> event_bounds("before 2024-03-07"), event_bounds("after 2024")
    ((None, datetime.date(2024, 3, 6)), (datetime.date(2025, 1, 1), None))
    >>> event_bounds("2024-03/2024-02")
    Traceback (most recent call last):
    ...
    ValueError: the range ends before it starts
    """
    if not EVENT_TIME.match(event):
        raise ValueError("expected YYYY, YYYY-MM, YYYY-MM-DD, START/END, 'before DATE' or 'after DATE'")
    if event.startswith("before "):
        return None, period_bounds(event[7:])[0] - dt.timedelta(days=1)
    if event.startswith("after "):
        return period_bounds(event[6:])[1] + dt.timedelta(days=1), None
    first, _, last = event.partition("/")
    start, end = period_bounds(first)[0], period_bounds(last or first)[1]
    if end < start:
        raise ValueError("the range ends before it starts")
    return start, end


def event_date(normalized: str | None, published: dt.date | None) -> str | None:
    """An event time from a date the NLP server normalised (SUTime), or None when it is not a day,
    month or year of the past (relative to ``published``).

    >>> event_date("2024-03-22T20:00", None), event_date("2024-05-01", dt.date(2024, 4, 1))
    ('2024-03-22', None)
    """
    if not normalized:
        return None
    value = normalized.split("T")[0]
    if "/" in value:
        first, _, last = value.partition("/")
        value = f"{first}/{last}" if first != last else first
    if not EVENT_TIME.match(value):
        return None
    start, _ = event_bounds(value)
    if published is not None and start is not None and start > published:
        return None
    return value

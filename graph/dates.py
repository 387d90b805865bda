"""Partial dates (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``) as the facts files and edges hold them."""
from __future__ import annotations

import datetime as dt

__all__ = ["period_bounds"]


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

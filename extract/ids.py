"""The ids a draft gives its relations: one rule for the extractor, the LLM extractor and review.

>>> relation_id("fsb", "ACCUSED", "ukraine", taken=lambda rid: False)
'fsb-accused-ukraine'
>>> relation_id("fsb", "ACCUSED", "ukraine", status="claimed", asserted_by="russia",
...             taken={"fsb-accused-ukraine-claimed-by-russia"}.__contains__)
'fsb-accused-ukraine-claimed-by-russia-2'
"""
from __future__ import annotations

from collections.abc import Callable

__all__ = ["relation_id"]

_MAX = 190


def relation_id(subject: str, type_: str, obj: str, *, status: str = "reported", asserted_by: str | None = None,
                taken: Callable[[str], bool]) -> str:
    """``SUBJECT-TYPE-OBJECT`` (with ``-STATUS-by-ASSERTER`` unless reported), ``-2``, ``-3`` … while taken."""
    base = f"{subject}-{type_.lower().replace('_', '-')}-{obj}"
    if status != "reported":
        base += f"-{status}-by-{asserted_by}"
    base = base[:_MAX]
    rid, n = base, 2
    while taken(rid):
        rid, n = f"{base}-{n}", n + 1
    return rid

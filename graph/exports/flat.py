"""Edges and nodes flattened to the attributes the tabular and graph-file formats write.

GEXF, GraphML and Cytoscape.js cannot nest an edge's evidence; they carry its documents and
quotes as lists beside its status, who asserts, disputes or denies it, when it happened and was
first reported, by which publishers, and its grades with their reason.
"""
from __future__ import annotations

from typing import Any

__all__ = ["as_list", "edge_summary"]


def as_list(items: Any) -> list[str]:
    """A property that may be missing, one string or a list, as a list of strings.

    >>> as_list(None), as_list("a"), as_list(["a", 1])
    ([], ['a'], ['a', '1'])
    """
    if items is None:
        return []
    if isinstance(items, str):
        return [items]
    return [str(item) for item in items]


def edge_summary(edge: dict[str, Any]) -> dict[str, Any]:
    """What every graph format says of an edge besides its ends and type.

    >>> edge = {"status": "claimed", "asserted_by": "russia", "weight": 2, "evidence": [
    ...     {"document": "d1", "quote": "q1"}, {"document": "d1", "quote": "q2"}]}
    >>> summary = edge_summary(edge)
    >>> summary["documents"], summary["quotes"], summary["denies"]
    (['d1'], ['q1', 'q2'], [])
    """
    evidence = edge.get("evidence") or []
    return {"status": edge["status"], "asserted_by": edge.get("asserted_by"),
            "disputed_by": as_list(edge.get("disputed_by")), "denies": as_list(edge.get("denies")),
            "first_date": edge.get("first_date"), "last_date": edge.get("last_date"),
            "event_start": edge.get("event_start"), "event_end": edge.get("event_end"),
            "first_reported": edge.get("first_reported"), "publishers": as_list(edge.get("publishers")),
            "reliability": edge.get("reliability") or "F", "credibility": edge.get("credibility") or 6,
            "grade": edge.get("grade") or "F6", "grade_reason": edge.get("grade_reason"),
            "weight": edge.get("weight") or 1,
            "documents": list(dict.fromkeys(item["document"] for item in evidence)),
            "quotes": [item["quote"] for item in evidence]}

"""The API models of the workbench's drafts (``/drafts``): kept apart from api/schemas.py, which
every route shares, since they describe review state rather than the graph."""
from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["NewDraft", "DecisionIn", "Decisions", "VersionOnly", "DraftView", "DraftSummary", "DraftList",
           "LoadOutcome"]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")  # an unknown field is an error, not ignored


_DRAFT_ID = "example-wire-russias-fsb-accuses-ukraine"
_SUMMARY = {"id": _DRAFT_ID, "title": "Russia's FSB accuses Ukraine over concert hall attack", "version": 4,
            "created": "2026-12-06T04:30:51+00:00", "loaded": False, "candidates": 12, "reviewed": 3, "left": 9}


def _example(example: dict[str, Any], *, forbid: bool = False) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]}, **({"extra": "forbid"} if forbid else {}))


class NewDraft(_In):
    """A pasted article and what is known about it: nothing is guessed, so all but url and id are required."""

    model_config = _example({"text": "Russia's Federal Security Service said on Tuesday that Ukraine had prepared "
                                     "the attack on Crocus City Hall.", "title": "Russia's FSB accuses Ukraine over "
                             "concert hall attack", "publisher": "Example Wire", "published": "2024-03-26",
                             "url": "https://example.org/fsb-ukraine"}, forbid=True)

    text: str = Field(min_length=20, max_length=500_000, description="The article's text, as published.")
    title: str = Field(min_length=1, max_length=2000)
    publisher: str = Field(min_length=1, max_length=2000)
    published: dt.date = Field(description="Publication date, YYYY-MM-DD.")
    url: str | None = Field(None, max_length=2000)
    id: str | None = Field(None, pattern=r"^[a-z0-9][a-z0-9._-]{0,99}$",
                           description="The document's id (default: made from the publisher and title).")


class DecisionIn(_In):
    """One decision. ``edit`` takes the changed fields (``{"status": "claimed", "asserted_by": "fsb"}``;
    an entity's ``id`` set to another's merges the two, or to a graph id links it); ``add`` takes a new
    entity (``name`` or a selection, ``kind``) or relation (``subject``, ``type``, ``object``, ``status``)
    with the selection's span, ``start`` and ``end``, from which the quote is taken."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"action": "edit", "section": "relation", "id": "fsb-accused-ukraine",
         "changes": {"status": "claimed", "asserted_by": "fsb"}}]})
    action: Literal["accept", "reject", "edit", "add"]
    section: Literal["document", "entity", "relation"]
    id: str = Field("", max_length=200, description="The item's id (empty for the document and for add).")
    changes: dict[str, Any] = Field(default_factory=dict)


class Decisions(_In):
    model_config = _example({"version": 3, "decisions": [
        {"action": "accept", "section": "entity", "id": "fsb"},
        {"action": "add", "section": "relation", "changes": {
            "subject": "islamic-state", "type": "CLAIMED_RESPONSIBILITY", "object": "crocus-attack",
            "status": "claimed", "asserted_by": "islamic-state", "start": 286, "end": 337}}]},
                            forbid=True)
    version: int = Field(ge=1, description="The draft's version these decisions were made on (409 if it moved).")
    decisions: list[DecisionIn] = Field(min_length=1, max_length=1000)


class VersionOnly(_In):
    model_config = _example({"version": 12}, forbid=True)
    version: int = Field(ge=1, description="The draft's version the action was made on (409 if it moved).")


class DraftView(BaseModel):
    """A draft as it stands: the text, every item (``open`` until decided) with its review mark,
    relations with their quote's span, entity mentions, progress and the decisions taken."""

    model_config = _example({**{k: v for k, v in _SUMMARY.items() if k not in ("title", "created")},
                             "loaded": None, "text": "Russia's FSB accuses Ukraine …",
                             "document": {"id": _DRAFT_ID, "title": _SUMMARY["title"], "publisher": "Example Wire",
                                          "published": "2024-03-26", "open": False, "review": None},
                             "entities": [{"id": "fsb", "name": "Federal Security Service", "kind": "SecurityService",
                                           "open": True, "review": {"candidate": True, "confidence": 0.95,
                                                                    "reason": "its name is in the graph",
                                                                    "match": ["fsb"]}}],
                             "relations": [{"id": "fsb-accused-ukraine", "subject": "fsb", "type": "ACCUSED",
                                            "object": "ukraine", "status": "reported", "quote": "Russia's FSB accuses "
                                            "Ukraine over concert hall attack", "start": 0, "end": 53, "open": True,
                                            "review": {"candidate": True, "reason": "cue: {S} ... accuses {O}",
                                                       "confidence": 0.7}}],
                             "mentions": [{"entity": "fsb", "start": 9, "end": 12}],
                             "decisions": [{"action": "accept", "section": "entity", "id": "russia", "changes": {},
                                            "via": "key:3f9c2a7d41b06e58", "at": "2026-12-06T04:30:51+00:00"}]})

    id: str
    version: int
    text: str
    document: dict[str, Any]
    entities: list[dict[str, Any]]
    relations: list[dict[str, Any]]
    mentions: list[dict[str, Any]]
    decisions: list[dict[str, Any]]
    candidates: int
    reviewed: int
    left: int
    loaded: dict[str, Any] | None = None


class DraftSummary(BaseModel):
    model_config = _example(_SUMMARY)
    id: str
    title: str | None
    version: int
    created: str
    loaded: bool
    candidates: int
    reviewed: int
    left: int


class DraftList(BaseModel):
    model_config = _example({"drafts": [_SUMMARY]})
    drafts: list[DraftSummary]


class LoadOutcome(BaseModel):
    model_config = _example({"draft": _DRAFT_ID, "version": 13, "facts_file": f"corpus/{_DRAFT_ID}.facts.yaml",
                             "document": _DRAFT_ID, "status": "loaded", "entities": 10, "relations": 3,
                             "merged": {"crocus-city-hall-attack": "crocus-attack"}, "edges_removed": 0,
                             "entities_removed": 0, "seconds": 0.21})
    draft: str
    version: int
    facts_file: str
    document: str
    status: str
    entities: int
    relations: int
    merged: dict[str, str]
    edges_removed: int
    entities_removed: int
    seconds: float

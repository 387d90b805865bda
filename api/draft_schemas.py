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


class NewDraft(_In):
    """A pasted article and what is known about it: nothing is guessed, so all but url and id are required."""

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
    version: int = Field(ge=1, description="The draft's version these decisions were made on (409 if it moved).")
    decisions: list[DecisionIn] = Field(min_length=1, max_length=1000)


class VersionOnly(_In):
    version: int = Field(ge=1, description="The draft's version the action was made on (409 if it moved).")


class DraftView(BaseModel):
    """A draft as it stands: the text, every item (``open`` until decided) with its review mark,
    relations with their quote's span, entity mentions, progress and the decisions taken."""

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
    id: str
    title: str | None
    version: int
    created: str
    loaded: bool
    candidates: int
    reviewed: int
    left: int


class DraftList(BaseModel):
    drafts: list[DraftSummary]


class LoadOutcome(BaseModel):
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

"""/drafts: the analysts' workbench as an API. Draft a pasted article, read the draft, decide on
its candidates (accept, reject, edit, add), undo, and load the reviewed facts.

Writes need an API key whenever keys are set (:func:`api.security.require_key`), and the key's
fingerprint is recorded with each decision. Every write names the draft's ``version`` it was made
on and answers 409 when another reviewer saved meanwhile; every answer carries the new version
(also as the ``ETag`` header).
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Response

from api.deps import DraftsDep
from api.draft_schemas import Decisions, DraftList, DraftView, LoadOutcome, NewDraft, VersionOnly
from api.schemas import Problem
from api.security import require_key, require_reader
from extract.drafts import Action, NewDocument

router = APIRouter(prefix="/drafts", tags=["drafts"])

Caller = Annotated[str, Depends(require_key)]
DraftId = Annotated[str, Path(max_length=100, pattern=r"^[a-z0-9][a-z0-9._-]*$",
                              examples=["financial-times-crocus-attack"])]
_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": Problem}, 403: {"model": Problem}, 404: {"model": Problem}, 409: {"model": Problem},
    422: {"model": Problem}, 503: {"model": Problem}}


def _tagged(response: Response, draft: dict) -> dict:
    response.headers["ETag"] = f'"{draft["version"]}"'
    return draft


@router.post("", response_model=DraftView, status_code=201, responses=_ERRORS)
def create_draft(drafts: DraftsDep, caller: Caller, request: NewDraft, response: Response) -> dict:
    """Draft a new article with the project's extractor: every entity and relation a candidate.

    409 when the given id is taken by another draft or a document of the corpus.
    """
    new = NewDocument(text=request.text, title=request.title, publisher=request.publisher,
                      published=request.published, url=request.url, id=request.id)
    return _tagged(response, drafts.create(new, via=caller))


@router.get("", response_model=DraftList, dependencies=[Depends(require_reader)], responses=_ERRORS)
def list_drafts(drafts: DraftsDep) -> dict:
    """Every draft, newest first, with how far its review is."""
    return {"drafts": drafts.summaries()}


@router.get("/{draft_id}", response_model=DraftView, dependencies=[Depends(require_reader)], responses=_ERRORS)
def get_draft(drafts: DraftsDep, draft_id: DraftId, response: Response) -> dict:
    """The draft as it stands, with its text, spans and progress; ``version`` is what writes name."""
    return _tagged(response, drafts.get(draft_id))


@router.post("/{draft_id}/decisions", response_model=DraftView, responses=_ERRORS)
def decide(drafts: DraftsDep, caller: Caller, draft_id: DraftId, request: Decisions, response: Response) -> dict:
    """Apply decisions in order, all or none: 422 names the one that does not fit, 409 when the
    draft is no longer at ``version``."""
    actions = [Action(d.action, d.section, d.id, d.changes) for d in request.decisions]
    return _tagged(response, drafts.decide(draft_id, actions, version=request.version, via=caller))


@router.post("/{draft_id}/undo", response_model=DraftView, responses=_ERRORS)
def undo(drafts: DraftsDep, caller: Caller, draft_id: DraftId, request: VersionOnly, response: Response) -> dict:
    """Take back the last decision."""
    return _tagged(response, drafts.undo(draft_id, version=request.version, via=caller))


@router.post("/{draft_id}/load", response_model=LoadOutcome, responses=_ERRORS)
def load(drafts: DraftsDep, caller: Caller, draft_id: DraftId, request: VersionOnly) -> dict:
    """Write the reviewed facts file (and the text) into the corpus folder and load it in one
    transaction. Refused (422, each problem against its candidate) while any candidate is open;
    nothing is written when any problem remains."""
    return drafts.load(draft_id, version=request.version, via=caller)

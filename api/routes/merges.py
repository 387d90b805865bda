"""POST /merges, POST /merges/{id}/undo, GET /merges and GET /merges/{id}: reversible, audited merges.

Merging and undoing change the graph, so they need an API key whenever keys are configured
(:func:`api.security.require_key`), and the key's fingerprint is recorded as ``via``; reading
the record needs what every read needs (:func:`api.security.require_reader`).
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from api.deps import MergesDep
from api.schemas import Merge, MergeList, MergeOutcome, MergeRequest, Problem, UnmergeRequest
from api.security import require_key, require_reader
from graph.services.merges import MAX_MERGES

router = APIRouter(prefix="/merges", tags=["merges"])

Caller = Annotated[str, Depends(require_key)]
MergeId = Annotated[str, Path(max_length=100, examples=["m-3f9c2a7d41b06e58"])]
_ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": Problem} for status in (401, 403, 404, 422, 503)}


@router.post("", response_model=MergeOutcome, responses=_ERRORS)
def merge(merges: MergesDep, caller: Caller, request: MergeRequest) -> dict:
    """Merge ``source`` into ``into``: its mentions and evidence move (quotes and surface names
    unchanged, edge ids derived again), its names become aliases, and it disappears.

    Refused (422, naming the parameter) for the same entity twice, two kinds, an entity already
    merged away or a cycle; 404 for an unknown id. Undo with ``POST /merges/{id}/undo``.
    """
    return merges.merge(request.into, request.source, reason=request.reason, by=request.by, via=caller)


@router.post("/{merge_id}/undo", response_model=MergeOutcome, responses=_ERRORS)
def unmerge(merges: MergesDep, caller: Caller, merge_id: MergeId, request: UnmergeRequest) -> dict:
    """Undo a merge: the source entity comes back and everything that named it goes back to it.

    The record stays, marked undone (who, when, why). Undoing it twice answers 422.
    """
    return merges.unmerge(merge_id, reason=request.reason, by=request.by, via=caller)


@router.get("", response_model=MergeList, dependencies=[Depends(require_reader)],
            responses={422: {"model": Problem}, 503: {"model": Problem}})
def list_merges(merges: MergesDep,
                active_only: Annotated[bool, Query(description="Leave out the merges that were undone")] = False,
                limit: Annotated[int, Query(ge=1, le=MAX_MERGES)] = 100) -> dict:
    """The merges, newest first."""
    return {"merges": merges.list(active_only=active_only, limit=limit)}


@router.get("/{merge_id}", response_model=Merge, dependencies=[Depends(require_reader)],
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def get_merge(merges: MergesDep, merge_id: MergeId) -> dict:
    """One merge with everything it recorded."""
    return merges.get(merge_id)

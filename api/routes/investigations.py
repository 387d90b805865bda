"""/investigations: scenes kept from the web page, with a title and notes (issue 19).

Saving, renaming and deleting change what others see, so they need an API key whenever keys
are configured (:func:`api.security.require_key`), and the first save records the key's
fingerprint as the author; reading and exporting need what every read needs.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Response
from fastapi.responses import StreamingResponse

from api.deps import InvestigationsDep
from api.schemas import Investigation, InvestigationList, InvestigationRename, InvestigationRequest, Problem
from api.security import require_key, require_reader
from graph.services.investigations import MAX_INVESTIGATIONS

router = APIRouter(prefix="/investigations", tags=["investigations"])

Caller = Annotated[str, Depends(require_key)]
InvestigationId = Annotated[str, Path(max_length=100, examples=["inv-3f9c2a7d41b06e58"])]
_ERRORS: dict[int | str, dict[str, Any]] = {status: {"model": Problem} for status in (401, 403, 404, 422, 503)}
_READ = [Depends(require_reader)]


@router.post("", response_model=Investigation, status_code=201, responses=_ERRORS)
def create(investigations: InvestigationsDep, caller: Caller, request: InvestigationRequest) -> dict:
    """Save the scene on screen as a new investigation; the caller (key fingerprint) is its author."""
    return investigations.save(title=request.title, scene=request.scene, notes=request.notes, author=caller)


@router.put("/{investigation_id}", response_model=Investigation, responses=_ERRORS)
def replace(investigations: InvestigationsDep, caller: Caller, investigation_id: InvestigationId,
            request: InvestigationRequest) -> dict:
    """Save over an investigation: its title, scene and notes; the author and creation time stay."""
    return investigations.save(title=request.title, scene=request.scene, notes=request.notes, author=caller,
                               investigation_id=investigation_id)


@router.patch("/{investigation_id}", response_model=Investigation, responses=_ERRORS)
def rename(investigations: InvestigationsDep, caller: Caller, investigation_id: InvestigationId,
           request: InvestigationRename) -> dict:
    """Rename an investigation."""
    return investigations.rename(investigation_id, request.title)


@router.delete("/{investigation_id}", status_code=204, response_class=Response, responses=_ERRORS)
def delete(investigations: InvestigationsDep, caller: Caller, investigation_id: InvestigationId) -> Response:
    """Delete an investigation."""
    investigations.delete(investigation_id)
    return Response(status_code=204)


@router.get("", response_model=InvestigationList, dependencies=_READ,
            responses={422: {"model": Problem}, 503: {"model": Problem}})
def list_investigations(investigations: InvestigationsDep,
                        limit: Annotated[int, Query(ge=1, le=MAX_INVESTIGATIONS)] = 100) -> dict:
    """The investigations, most recently saved first (without their scenes)."""
    return {"investigations": investigations.list(limit=limit)}


@router.get("/{investigation_id}", response_model=Investigation, dependencies=_READ,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def get(investigations: InvestigationsDep, investigation_id: InvestigationId) -> dict:
    """One investigation with its scene and notes: the page reopens it from this."""
    return investigations.get(investigation_id)


@router.get("/{investigation_id}/export", response_class=StreamingResponse, dependencies=_READ,
            responses={200: {"description": "The investigation, as an attachment",
                             "content": {"application/json": {}, "application/gexf+xml": {},
                                         "application/stix+json;version=2.1": {}}},
                       404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def export(investigations: InvestigationsDep, investigation_id: InvestigationId,
           format: Annotated[Literal["json", "gexf", "stix"], Query(
               description="json: the investigation and its graph; gexf: for Gephi; stix: a STIX 2.1 bundle "
                           "with a report of the scene and its notes as notes")] = "json") -> StreamingResponse:
    """The investigation's scene as a file, with the filters it was drawn with."""
    chunks, media_type, name = investigations.export(investigation_id, format)
    return StreamingResponse(chunks, media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{name}"'})

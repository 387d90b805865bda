"""GET /documents: who published the documents an edge's evidence cites, and when."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.contract import Ids
from api.deps import DocumentsDep
from api.params import split_list
from api.schemas import Documents, DocumentText, Problem
from graph.services.documents import MAX_IDS

router = APIRouter(tags=["documents"])

@router.get("/documents", response_model=Documents,
            responses={422: {"model": Problem}, 503: {"model": Problem}})
def documents(
    service: DocumentsDep,
    ids: Annotated[Ids, Query(description="Document ids (repeat or comma-separate)",
                                    examples=["ft-2024-crocus-intelligence"], max_length=MAX_IDS)],
) -> dict:
    """Title, publisher, publication date and URL of each listed document, ordered by id.

    Ids that name no document are left out rather than failing the request.
    """
    return {"documents": service.by_ids(split_list(ids))}


@router.get("/documents/{document_id}", response_model=DocumentText,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def document(service: DocumentsDep,
             document_id: Annotated[str, Path(max_length=200, examples=["crocus-city-hall-ft-2024"])]) -> dict:
    """One document with its text and every quote it gives, at its span (``start``, ``end``: code
    points, end exclusive) with the edge it supports: what an evidence item opens."""
    return service.with_text(document_id)

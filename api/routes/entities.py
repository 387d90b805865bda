"""GET /entities and GET /entities/{id}."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import EntitiesDep
from api.params import EdgeFilterDep, ExplainDep, explained
from api.schemas import EntityDetail, EntitySearch, Problem

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=EntitySearch, responses={422: {"model": Problem}, 503: {"model": Problem}})
def search_entities(
    entities: EntitiesDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name, an alias or the start of one",
                            examples=["isis-k"])],
    kind: Annotated[str | None, Query(max_length=64, description="Only entities of this kind",
                                      examples=["SecurityService"])] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict:
    """Find entities by name or alias: exact matches first, then word-prefix matches.

    Case and apostrophe style do not matter (``Jehovah's`` finds ``Jehovah’s``).
    """
    return {"results": entities.search(q, kind=kind, limit=limit)}


@router.get("/{entity_id}", response_model=EntityDetail, response_model_exclude_unset=True,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def get_entity(entities: EntitiesDep, edge_filter: EdgeFilterDep,
               entity_id: Annotated[str, Path(max_length=200, examples=["cia"])], explain: ExplainDep = False) -> dict:
    """One entity with its edges (all of them, or those the edge filter allows) and their evidence."""
    return explained(explain, lambda: entities.get(entity_id, edge_filter))

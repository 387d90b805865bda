"""GET /entities and GET /entities/{id}."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.contract import KindName
from api.deps import EntitiesDep
from api.params import EdgeFilterDep, ExplainDep, explained
from api.schemas import EntityDetail, EntitySearch, Problem

router = APIRouter(prefix="/entities", tags=["entities"])


@router.get("", response_model=EntitySearch, responses={422: {"model": Problem}, 503: {"model": Problem}})
def search_entities(
    entities: EntitiesDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="A name, an alias or the start of one",
                            examples=["isis-k"])],
    kind: Annotated[KindName | None, Query(description="Only entities of this kind",  # type: ignore[valid-type]
                                           examples=["SecurityService"])] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict:
    """Find entities by name or alias: exact matches first, then word-prefix matches.

    Case and apostrophe style do not matter (``Jehovah's`` finds ``Jehovah’s``).
    """
    return {"results": entities.search(q, kind=kind.value if kind else None, limit=limit)}


@router.get("/{entity_id}", response_model=EntityDetail, response_model_exclude_unset=True,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def get_entity(entities: EntitiesDep, edge_filter: EdgeFilterDep,
               entity_id: Annotated[str, Path(max_length=200, examples=["cia"],
                                              description="Id (any case), external id (Q…), name or alias")],
               explain: ExplainDep = False) -> dict:
    """One entity with its edges (all of them, or those the edge filter allows) and their evidence.

    A name or alias that names several entities answers 409 with the candidates; one that names
    none, 404 with the closest names as ``candidates``.
    """
    return explained(explain, lambda: entities.get(entity_id, edge_filter))

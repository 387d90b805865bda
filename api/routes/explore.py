"""GET /expand: an entity's neighbours, the most relevant first, for the page's explore view."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import ExploreDep
from api.params import EdgeFilterDep
from api.schemas import Expansion, Problem
from graph.services.explore import MAX_NEIGHBOURS

router = APIRouter(tags=["subgraphs"])


@router.get("/expand", response_model=Expansion,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def expand(
    explore: ExploreDep,
    edge_filter: EdgeFilterDep,
    id: Annotated[str, Query(min_length=1, max_length=200, examples=["fsb"],
                             description="The entity to expand: id (any case), external id (Q…), name or alias")],
    direction: Annotated[Literal["both", "out", "in"], Query(
        description="out: edges it is the subject of; in: edges it is the object of")] = "both",
    limit: Annotated[int, Query(ge=1, le=MAX_NEIGHBOURS, description="Most neighbours (the most relevant)")] = 25,
) -> dict:
    """The neighbours of one entity over the edges the filter allows, those joined by the most edges
    first (then by degree), with how many there are in all."""
    return explore.neighbours(id, direction=direction, limit=limit, edge_filter=edge_filter)

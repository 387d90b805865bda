"""GET /subgraph: an entity's neighbourhood, or chosen entities, in the JSON export's shape."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.contract import Ids, constraints
from api.deps import SubgraphDep
from api.params import EdgeFilterDep, ExplainDep, explained, split_list
from api.schemas import Problem, Subgraph
from graph.services.subgraph import MAX_HOPS, MAX_NODES

router = APIRouter(tags=["subgraphs"])


@router.get("/subgraph", response_model=Subgraph, response_model_exclude_unset=True,
            responses={404: {"model": Problem}, 409: {"model": Problem}, 422: {"model": Problem},
                       503: {"model": Problem}},
            openapi_extra=constraints("exactly-one:center,ids"))
def subgraph(
    service: SubgraphDep,
    edge_filter: EdgeFilterDep,
    center: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="The entity to start from: id (any case), "
                                        "external id (Q…), name or alias",
                                        examples=["fsb"])] = None,
    hops: Annotated[int, Query(ge=0, le=MAX_HOPS)] = 1,
    ids: Annotated[Ids | None, Query(description="Entities (repeat or comma-separate), each by id (any case), "
                                                 "external id (Q…), name or alias; not with center",
                                     max_length=MAX_NODES)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NODES, description="Most entities")] = 200,
    explain: ExplainDep = False,
) -> dict:
    """Nodes and edges (with evidence) around ``center`` within ``hops``, or among ``ids``.

    Give exactly one of ``center`` and ``ids`` (``x-constraints``).
    """
    def answer() -> dict:
        selection, truncated = service.select(center=center, hops=hops, ids=list(split_list(ids)) if ids else None,
                                              limit=limit, edge_filter=edge_filter)
        return service.read(selection) | {"truncated": truncated}

    return explained(explain, answer)

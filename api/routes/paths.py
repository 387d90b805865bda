"""GET /paths: how two entities are connected, with the evidence for every step."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import PathsDep
from api.params import EdgeFilterDep, ExplainDep, explained
from api.schemas import Paths, Problem
from graph.services.paths import MAX_HOPS, MAX_K

router = APIRouter(tags=["paths"])


@router.get("/paths", response_model=Paths, response_model_by_alias=True, response_model_exclude_unset=True,
            responses={404: {"model": Problem}, 409: {"model": Problem}, 422: {"model": Problem},
                       503: {"model": Problem}})
def find_paths(
    paths: PathsDep,
    edge_filter: EdgeFilterDep,
    source: Annotated[str, Query(alias="from", min_length=1, max_length=200,
                                 description="Id, name or alias", examples=["CIA"])],
    target: Annotated[str, Query(alias="to", min_length=1, max_length=200,
                                 description="Id, name or alias", examples=["Isis-K"])],
    mode: Annotated[Literal["shortest", "all_shortest", "k_shortest"], Query()] = "shortest",
    k: Annotated[int, Query(ge=1, le=MAX_K, description="Paths for k_shortest")] = 3,
    max_hops: Annotated[int, Query(ge=1, le=MAX_HOPS)] = 6,
    directed: Annotated[bool, Query(description="Follow edges only from subject to object")] = False,
    explain: ExplainDep = False,
) -> dict:
    """Paths between two entities, found inside Neo4j, shortest first.

    An ambiguous name answers 409 with the candidates; an unknown one 404.
    """
    return explained(explain, lambda: paths.find(source=source, target=target, mode=mode, k=k, max_hops=max_hops,
                                                 edge_filter=edge_filter, directed=directed))

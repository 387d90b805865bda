"""GET /centrality: who matters most in the graph, by one measure."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.contract import KindName, constraints
from api.deps import CentralityDep
from api.params import EdgeFilterDep, ExplainDep
from api.schemas import Centrality, Problem

router = APIRouter(tags=["analytics"])


@router.get("/centrality", response_model=Centrality, response_model_exclude_unset=True,
            responses={422: {"model": Problem}, 503: {"model": Problem}},
            openapi_extra=constraints("requires:sample:measure=betweenness"))
def centrality(
    service: CentralityDep,
    edge_filter: EdgeFilterDep,
    measure: Annotated[Literal["degree", "pagerank", "betweenness", "eigenvector", "closeness"], Query()] = "pagerank",
    kind: Annotated[KindName | None, Query(description="Only rank entities of this kind",  # type: ignore[valid-type]
                                           examples=["Person"])] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 20,
    directed: Annotated[bool, Query(description="Treat edges as directed")] = False,
    sample: Annotated[int | None, Query(ge=2, le=100_000, description="Betweenness only (with "
                                        "measure=betweenness): sample this many sources")] = None,
    explain: ExplainDep = False,
) -> dict:
    """Rank entities by a centrality measure over the graph the filter keeps.

    Results are cached per graph version; a load drops the cache.
    """
    answer = service.compute(measure, kind=kind.value if kind else None, limit=limit, edge_filter=edge_filter,
                             directed=directed, sample=sample)
    return answer | {"cypher": service.projection_cypher(edge_filter)} if explain else answer

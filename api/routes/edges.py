"""GET /edges/{id} and its grades: read one edge, override its grade (with a key), read the audit trail."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query

from api.deps import GradesDep
from api.params import ExplainDep, explained
from api.schemas import EdgeDetail, GradeHistory, GradeRequest, Problem
from api.security import require_key

router = APIRouter(prefix="/edges", tags=["edges"])

EdgeId = Annotated[str, Path(max_length=40, pattern=r"^e-[0-9a-f]{16}$", examples=["e-46bafff046e10158"])]
Caller = Annotated[str, Depends(require_key)]


@router.get("/{edge_id}", response_model=EdgeDetail, response_model_exclude_unset=True,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def get_edge(grades: GradesDep, edge_id: EdgeId, explain: ExplainDep = False) -> dict:
    """One edge: its ends, status, times, grades with their reason, and every piece of evidence."""
    return explained(explain, lambda: grades.edge(edge_id))


@router.put("/{edge_id}/grade", response_model=EdgeDetail, response_model_exclude_unset=True,
            responses={401: {"model": Problem}, 403: {"model": Problem}, 404: {"model": Problem},
                       422: {"model": Problem}, 503: {"model": Problem}})
def override_grade(grades: GradesDep, edge_id: EdgeId, body: GradeRequest, caller: Caller) -> dict:
    """Set an analyst's grade on the edge (either grade or both), with a reason; needs a key.

    The change is recorded with who (``by``), the key it came with, and when; the rules' own
    grade stays visible in ``grade_reason``.
    """
    return grades.override(edge_id, reliability=body.reliability, credibility=body.credibility,
                           reason=body.reason, by=body.by, via=caller)


@router.delete("/{edge_id}/grade", response_model=EdgeDetail, response_model_exclude_unset=True,
               responses={401: {"model": Problem}, 403: {"model": Problem}, 404: {"model": Problem},
                          422: {"model": Problem}, 503: {"model": Problem}})
def clear_grade(grades: GradesDep, edge_id: EdgeId, caller: Caller,
                reason: Annotated[str, Query(min_length=1, max_length=2000, description="Why",
                                             examples=["The court records turned out to be forged"])],
                by: Annotated[str, Query(min_length=1, max_length=200, description="Who",
                                         examples=["a.analyst"])]) -> dict:
    """Take the analyst's grade off the edge (recorded like any change); the rules grade it again."""
    return grades.clear_override(edge_id, reason=reason, by=by, via=caller)


@router.get("/{edge_id}/grade/history", response_model=GradeHistory,
            responses={404: {"model": Problem}, 422: {"model": Problem}, 503: {"model": Problem}})
def grade_history(grades: GradesDep, edge_id: EdgeId) -> dict:
    """Every change to the edge's grade, oldest first."""
    return {"changes": grades.history(edge=edge_id)}

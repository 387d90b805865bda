"""GET /sources and PUT /sources/{kind}/{name}: the reliability grades of publishers and quoted parties."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path

from api.deps import DocumentsDep, GradesDep
from api.schemas import GradeHistory, Problem, SourceGradeRequest, SourceList
from api.security import require_key
from graph.grading import get_rules
from graph.services.grades import SourceGrade

router = APIRouter(prefix="/sources", tags=["sources"])

Kind = Annotated[Literal["publisher", "speaker"], Path(description="publisher (by name) or speaker (by entity id)",
                                                      examples=["publisher"])]
Name = Annotated[str, Path(min_length=1, max_length=200, examples=["Financial Times"])]


@router.get("", response_model=SourceList, responses={503: {"model": Problem}})
def list_sources(grades: GradesDep, documents: DocumentsDep) -> dict:
    """Every graded source (any other is graded F: reliability cannot be judged), and every
    publisher of a loaded document (the names the edge filter's `publishers` takes)."""
    return {"sources": grades.sources(), "default": get_rules().default_reliability,
            "publishers": documents.publishers()}


@router.put("/{kind}/{name}", response_model=SourceList,
            responses={401: {"model": Problem}, 403: {"model": Problem}, 422: {"model": Problem},
                       503: {"model": Problem}})
def grade_source(grades: GradesDep, documents: DocumentsDep, kind: Kind, name: Name, body: SourceGradeRequest,
                 caller: Annotated[str, Depends(require_key)]) -> dict:
    """Grade a source (needs a key); every edge is regraded when the grade changes."""
    grades.grade_sources([SourceGrade(kind, name, body.reliability, body.reason)], by=body.by, via=caller)
    return {"sources": grades.sources(), "default": get_rules().default_reliability,
            "publishers": documents.publishers()}


@router.get("/{kind}/{name}/history", response_model=GradeHistory,
            responses={422: {"model": Problem}, 503: {"model": Problem}})
def source_history(grades: GradesDep, kind: Kind, name: Name) -> dict:
    """Every change to the source's grade, oldest first."""
    return {"changes": grades.history(source=name, kind=kind)}

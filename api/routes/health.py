"""GET /health (the process answers) and GET /ready (Neo4j answers too)."""
from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import Health, Problem, Ready

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health() -> dict:
    """The API process is alive (it does not ask Neo4j)."""
    return {"status": "ok"}


@router.get("/ready", response_model=Ready, responses={503: {"model": Problem}})
def ready(store: StoreDep) -> dict:
    """Neo4j answers: the graph version and its main counts. 503 with Retry-After while it does not."""
    row = store.read_one("meta/readiness") or {}
    return {"status": "ready", "graph_version": row.get("version", 0), "entities": row.get("entities", 0),
            "documents": row.get("documents", 0), "evidence": row.get("evidence", 0)}

"""The FastAPI application: ``uvicorn api.main:app`` (or ``intelgraph serve``)."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.errors import install_error_handlers
from api.routes import (
    apidocs,
    centrality,
    cypher,
    documents,
    drafts,
    edges,
    entities,
    explore,
    export,
    health,
    investigations,
    merges,
    ontology,
    paths,
    sources,
    subgraph,
    web,
)
from api.security import install_security, limit_cypher_rate, require_key, require_reader
from api.strict import method_not_allowed, refuse_unknown_parameters
from graph.errors import DatabaseUnavailable
from graph.services.centrality import CentralityService
from graph.settings import Settings, get_settings
from graph.store import Store

__all__ = ["create_app", "app"]

logger = logging.getLogger("intelgraph.api")

DESCRIPTION = """
A knowledge graph of security services, governments, armed groups and the people around them,
built from news reporting. Every edge carries the verbatim quotes it rests on, who asserts it
and whether it is reported, claimed or denied.
"""


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app. The store (one Neo4j driver) lives as long as the app."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        store = Store(settings)
        try:
            store.ensure_schema()  # a fresh database answers searches at once
        except DatabaseUnavailable:
            logger.warning("Neo4j is unreachable at start-up; the API answers 503 until it is back")
        app.state.settings = settings
        app.state.store = store
        app.state.centrality = CentralityService(store)
        try:
            yield
        finally:
            store.close()

    # /docs and /redoc come from api/routes/apidocs.py: the project's own Swagger UI and ReDoc, no CDN.
    # The HTTP server itself (uvicorn) answers 400 in plain text to a request line it cannot
    # parse or that is too long, before any route: every operation can answer it.
    app = FastAPI(title="intelgraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None,
                  responses={400: {"description": "Malformed or oversized request, refused by the HTTP server",
                                   "content": {"text/plain": {}}}})
    app.state.settings = settings
    install_error_handlers(app)
    app.add_exception_handler(StarletteHTTPException, method_not_allowed)
    install_security(app, settings)
    # Every API route refuses query parameters it does not take (api/strict.py); the pages (/,
    # /workbench, /docs, /redoc) do not, since their addresses may carry their own state.
    strict = Depends(refuse_unknown_parameters)
    for module in (web, apidocs):
        app.include_router(module.router)
    app.include_router(health.router, dependencies=[strict])
    for module in (entities, edges, paths, subgraph, centrality, documents, sources, ontology, explore):
        app.include_router(module.router, dependencies=[strict, Depends(require_reader)])
    app.include_router(cypher.router, dependencies=[strict, Depends(limit_cypher_rate)])
    app.include_router(export.router, dependencies=[strict, Depends(require_key)])
    app.include_router(merges.router, dependencies=[strict])  # writes need a key, reads a reader (per route)
    app.include_router(drafts.router, dependencies=[strict])  # likewise: the workbench (issue 17)
    app.include_router(investigations.router, dependencies=[strict])  # the same (issue 19)
    app.mount("/static", web.static_files(), name="static")  # the page's assets, after every API route
    return app


app = create_app()

"""The FastAPI application: ``uvicorn api.main:app`` (or ``intelgraph serve``)."""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI

from api.errors import install_error_handlers
from api.security import install_security, limit_cypher_rate, require_key, require_reader
from api.routes import (apidocs, centrality, cypher, documents, drafts, edges, entities, explore, export, health,
                        investigations, merges, ontology, paths, sources, subgraph, web)
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
    app = FastAPI(title="intelgraph", version="0.1.0", description=DESCRIPTION, lifespan=lifespan,
                  docs_url=None, redoc_url=None)
    app.state.settings = settings
    install_error_handlers(app)
    install_security(app, settings)
    for module in (health, web, apidocs):
        app.include_router(module.router)
    for module in (entities, edges, paths, subgraph, centrality, documents, sources, ontology, explore):
        app.include_router(module.router, dependencies=[Depends(require_reader)])
    app.include_router(cypher.router, dependencies=[Depends(limit_cypher_rate)])
    app.include_router(export.router, dependencies=[Depends(require_key)])
    app.include_router(merges.router)  # writes need a key, reads a reader (per route)
    app.include_router(drafts.router)  # likewise: the workbench (issue 17)
    app.include_router(investigations.router)  # the same: saving needs a key, reading a reader (issue 19)
    app.mount("/static", web.static_files(), name="static")  # the page's assets, after every API route
    return app


app = create_app()

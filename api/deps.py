"""Dependencies: one store (one Neo4j driver) per process, and the services over it."""
from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graph.services.centrality import CentralityService
from graph.services.cypher_console import CypherConsole, SavedQueries
from graph.services.documents import DocumentService
from graph.services.entities import EntityService
from graph.services.grades import GradeService
from graph.services.merges import MergeService
from graph.services.paths import PathService
from graph.services.subgraph import SubgraphService
from graph.settings import Settings
from graph.store import Store

__all__ = ["StoreDep", "SettingsDep", "EntitiesDep", "PathsDep", "SubgraphDep", "CentralityDep",
           "ConsoleDep", "SavedQueriesDep", "DocumentsDep", "GradesDep",
           "MergesDep"]


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


def get_centrality(request: Request) -> CentralityService:
    # One per process: it holds the cache of results per graph version.
    return request.app.state.centrality


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
EntitiesDep = Annotated[EntityService, Depends(lambda store=Depends(get_store): EntityService(store))]
PathsDep = Annotated[PathService, Depends(lambda store=Depends(get_store): PathService(store))]
SubgraphDep = Annotated[SubgraphService, Depends(lambda store=Depends(get_store): SubgraphService(store))]
CentralityDep = Annotated[CentralityService, Depends(get_centrality)]
DocumentsDep = Annotated[DocumentService, Depends(lambda store=Depends(get_store): DocumentService(store))]
GradesDep = Annotated[GradeService, Depends(lambda store=Depends(get_store): GradeService(store))]
MergesDep = Annotated[MergeService, Depends(lambda store=Depends(get_store): MergeService(store))]
ConsoleDep = Annotated[CypherConsole, Depends(
    lambda store=Depends(get_store), settings=Depends(get_settings_dep): CypherConsole(store, settings))]
SavedQueriesDep = Annotated[SavedQueries, Depends(
    lambda store=Depends(get_store), settings=Depends(get_settings_dep): SavedQueries(store, settings))]

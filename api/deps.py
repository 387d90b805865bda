"""Dependencies: one store (one Neo4j driver) per process, and the services over it."""
from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from graph.services.centrality import CentralityService
from graph.services.cypher_console import CypherConsole, SavedQueries
from graph.services.documents import DocumentService
from graph.services.entities import EntityService
from graph.services.explore import ExploreService
from graph.services.grades import GradeService
from graph.services.investigations import InvestigationService
from graph.services.merges import MergeService
from graph.services.paths import PathService
from graph.services.subgraph import SubgraphService
from graph.settings import Settings
from graph.store import Store
from loaders.drafts import DraftService

__all__ = ["StoreDep", "SettingsDep", "EntitiesDep", "PathsDep", "SubgraphDep", "CentralityDep",
           "ConsoleDep", "SavedQueriesDep", "DocumentsDep", "GradesDep",
           "MergesDep", "DraftsDep", "InvestigationsDep", "ExploreDep"]

T = TypeVar("T")


# Every dependency is a coroutine: FastAPI runs a plain function in its thread pool, and each
# hop to a worker thread and back costs more than the function itself (the four sync
# dependencies of GET /paths were 0.5 ms of a 6 ms answer at L, docs/performance.md).
async def get_store(request: Request) -> Store:
    return request.app.state.store


async def get_settings_dep(request: Request) -> Settings:
    return request.app.state.settings


async def get_centrality(request: Request) -> CentralityService:
    # One per process: it holds the cache of results per graph version.
    return request.app.state.centrality


def _over_store(service: Callable[[Store], T]) -> Any:
    """A dependency giving ``service(store)``, the store being the process's one."""
    async def dependency(store: Annotated[Store, Depends(get_store)]) -> T:
        return service(store)
    return Depends(dependency)


def _over_store_and_settings(service: Callable[[Store, Settings], T]) -> Any:
    """A dependency giving ``service(store, settings)``."""
    async def dependency(store: Annotated[Store, Depends(get_store)],
                         settings: Annotated[Settings, Depends(get_settings_dep)]) -> T:
        return service(store, settings)
    return Depends(dependency)


StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
EntitiesDep = Annotated[EntityService, _over_store(EntityService)]
PathsDep = Annotated[PathService, _over_store(PathService)]
SubgraphDep = Annotated[SubgraphService, _over_store(SubgraphService)]
CentralityDep = Annotated[CentralityService, Depends(get_centrality)]
DocumentsDep = Annotated[DocumentService, _over_store(DocumentService)]
GradesDep = Annotated[GradeService, _over_store(GradeService)]
MergesDep = Annotated[MergeService, _over_store(MergeService)]
ConsoleDep = Annotated[CypherConsole, _over_store_and_settings(CypherConsole)]
SavedQueriesDep = Annotated[SavedQueries, _over_store_and_settings(SavedQueries)]
DraftsDep = Annotated[DraftService, _over_store_and_settings(DraftService)]
InvestigationsDep = Annotated[InvestigationService, _over_store(InvestigationService)]
ExploreDep = Annotated[ExploreService, _over_store(ExploreService)]

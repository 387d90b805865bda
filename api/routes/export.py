"""GET /export: the graph, or a selection of it, as a file for Gephi, Cytoscape, networkx,
neo4j-admin or a threat-intelligence platform, streamed as it is written."""
from __future__ import annotations

import re
from collections.abc import Iterator
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from api.contract import Ids, constraints
from api.deps import StoreDep
from api.params import EdgeFilterDep, split_list
from api.schemas import Problem
from graph.exports.formats import FORMATS, export_source, get_format
from graph.services.subgraph import MAX_HOPS, MAX_NODES

router = APIRouter(tags=["exports"])

ExportFormatName = Enum("ExportFormatName", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]

_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def file_name(*, extension: str, center: str | None = None, hops: int = 1, ids: list[str] | None = None) -> str:
    """The download's file name: what was selected, then the format's extension.

    >>> file_name(extension="gexf"), file_name(extension="cyjs", center="fsb", hops=2)
    ('intelgraph-all.gexf', 'intelgraph-fsb-2hops.cyjs')
    >>> file_name(extension="csv.zip", ids=["cia", "russia"]), file_name(extension="gexf", center='a"/b')
    ('intelgraph-2-entities.csv.zip', 'intelgraph-a-b-1hop.gexf')
    """
    if center is not None:
        stem = f"{_UNSAFE.sub('-', center.lower()).strip('-')[:60] or 'entity'}-{hops}hop{'s' if hops != 1 else ''}"
    elif ids is not None:
        stem = f"{len(ids)}-entities"
    else:
        stem = "all"
    return f"intelgraph-{stem}.{extension}"


def _primed(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Start the export before answering, so that a failing first read is an error response."""
    first = next(chunks, b"")

    def rest() -> Iterator[bytes]:
        yield first
        yield from chunks

    return rest()


@router.get("/export", response_class=StreamingResponse,
            responses={200: {"description": "The export, as an attachment",
                             "content": {fmt.media_type: {} for fmt in FORMATS.values()}},
                       404: {"model": Problem}, 409: {"model": Problem}, 422: {"model": Problem},
                       503: {"model": Problem}},
            openapi_extra=constraints("at-most-one:center,ids"))
def export(
    store: StoreDep,
    edge_filter: EdgeFilterDep,
    format: Annotated[ExportFormatName, Query(description="; ".join(  # type: ignore[valid-type]
        f"{name}: {fmt.description}" for name, fmt in FORMATS.items()))] = ExportFormatName["json"],
    center: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="The entity to start from: id (any case), "
                                        "external id (Q…), name or alias; with neither center nor ids, "
                                        "the whole graph", examples=["fsb"])] = None,
    hops: Annotated[int, Query(ge=0, le=MAX_HOPS)] = 1,
    ids: Annotated[Ids | None, Query(description="Entities (repeat or comma-separate), each by id (any case), "
                                                 "external id (Q…), name or alias; not with center",
                                     max_length=MAX_NODES)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_NODES, description="Most entities of a selection")] = 200,
) -> StreamingResponse:
    """Stream the graph, or the selection ``/subgraph`` would give, in one of the export formats.

    Give ``center`` or ``ids``, not both (``x-constraints``); neither exports the whole graph.
    The body is written while it is read from the database, in any size. ``X-Truncated: true``
    says that ``limit`` cut the selection short.
    """
    chosen = get_format(format.value)
    id_list = list(split_list(ids)) if ids else None
    source, truncated = export_source(store, center=center, hops=hops, ids=id_list, limit=limit,
                                      edge_filter=edge_filter)
    name = file_name(extension=chosen.extension, center=center, hops=hops, ids=id_list)
    headers = {"Content-Disposition": f'attachment; filename="{name}"',
               "X-Truncated": "true" if truncated else "false"}
    return StreamingResponse(_primed(chosen.write(source)), media_type=chosen.media_type, headers=headers)

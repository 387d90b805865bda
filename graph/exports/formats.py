"""The export formats by name: the one registry that ``GET /export`` and ``intelgraph export`` use.

>>> sorted(FORMATS)
['csv', 'cytoscape', 'gexf', 'graphml', 'json', 'stix']
>>> FORMATS["gexf"].media_type, FORMATS["gexf"].extension
('application/gexf+xml', 'gexf')
>>> b"".join(buffered(iter([b"a", b"b", b"c"]), size=2))
b'abc'
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from graph.errors import InvalidParameter, NotFound
from graph.exports import csv_export, cytoscape, gexf, graphml, json_export, stix
from graph.exports.source import GraphSource, Selection
from graph.filters import EdgeFilter
from graph.services.subgraph import SubgraphService
from graph.store import Store

__all__ = ["ExportFormat", "FORMATS", "get_format", "buffered", "CHUNK_SIZE", "export_source"]

#: Writers yield one element at a time; responses and files get chunks of about this size.
CHUNK_SIZE = 64 * 1024


class ExportFormat(NamedTuple):
    """A format: its writer (a generator of byte chunks), media type and file extension."""

    writer: Callable[[GraphSource], Iterator[bytes]]
    media_type: str
    extension: str
    description: str

    def write(self, source: GraphSource) -> Iterator[bytes]:
        """The writer's output in chunks of about :data:`CHUNK_SIZE` bytes."""
        return buffered(self.writer(source))


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(json_export.write_json, json_export.MEDIA_TYPE, "json",
                         "intelgraph's own JSON: nodes, edges with evidence, documents with text"),
    "gexf": ExportFormat(gexf.write_gexf, gexf.MEDIA_TYPE, "gexf", "GEXF 1.3 for Gephi, with a timeline"),
    "graphml": ExportFormat(graphml.write_graphml, graphml.MEDIA_TYPE, "graphml",
                            "GraphML for networkx, igraph, yEd"),
    "cytoscape": ExportFormat(cytoscape.write_cytoscape, cytoscape.MEDIA_TYPE, "cyjs",
                              "Cytoscape.js JSON (elements with data), also for Cytoscape desktop"),
    "csv": ExportFormat(csv_export.write_csv, csv_export.MEDIA_TYPE, "csv.zip",
                        "nodes.csv and edges.csv for neo4j-admin database import, in a ZIP"),
    "stix": ExportFormat(stix.write_stix, stix.MEDIA_TYPE, "stix.json",
                         "a STIX 2.1 bundle for OpenCTI, MISP and other threat-intelligence platforms"),
}


def get_format(name: str) -> ExportFormat:
    """The format called ``name``.

    >>> get_format("pdf")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidParameter: format: unknown format 'pdf' (expected csv, cytoscape, gexf, graphml, json, stix)
    """
    try:
        return FORMATS[name]
    except KeyError:
        raise InvalidParameter("format", f"unknown format {name!r} (expected {', '.join(sorted(FORMATS))})") from None


def buffered(chunks: Iterable[bytes], size: int = CHUNK_SIZE) -> Iterator[bytes]:
    """Join small chunks into ones of at least ``size`` bytes (the last may be smaller)."""
    pending = bytearray()
    for chunk in chunks:
        pending += chunk
        if len(pending) >= size:
            yield bytes(pending)
            pending.clear()
    if pending:
        yield bytes(pending)


def export_source(store: Store, *, center: str | None = None, hops: int = 1, ids: list[str] | None = None,
                  limit: int = 200, edge_filter: EdgeFilter | None = None) -> tuple[GraphSource, bool]:
    """What to export, with the selection parameters of ``/subgraph``; none is the whole graph.

    Returns the source and whether ``limit`` cut the selection short. Raises
    :class:`~graph.errors.NotFound` or :class:`~graph.errors.Ambiguous` when ``center`` or one of
    ``ids`` names no entity or several (as ``/subgraph`` does), and
    :class:`~graph.errors.InvalidParameter` for a bad selection or filter.
    """
    edge_filter = edge_filter or EdgeFilter()
    if center is None and ids is None:
        edge_filter.parameters()  # checks the filter before anything is written
        return GraphSource(store, Selection(None, edge_filter)), False
    selection, truncated = SubgraphService(store).select(center=center, hops=hops, ids=ids, limit=limit,
                                                          edge_filter=edge_filter)
    source = GraphSource(store, selection)
    if ids is not None and next(source.nodes(), None) is None:
        raise NotFound("ids: none of these entities exists")
    return source, truncated

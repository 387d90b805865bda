"""The JSON interchange format: ``{"nodes": [...], "edges": [...], "documents": [...]}``.

Its JSON Schema is ``schemas/export.schema.json``. Nodes and edges refer to each other by
node id; every edge lists its evidence (document, verbatim quote and character span).
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import orjson

from graph.exports.source import GraphSource

__all__ = ["write_json", "MEDIA_TYPE", "FORMAT_VERSION"]

MEDIA_TYPE = "application/json"
FORMAT_VERSION = 2


def write_json(source: GraphSource) -> Iterator[bytes]:
    """Yield the export as chunks of UTF-8 JSON, one item at a time."""
    header = {"format": "intelgraph", "version": FORMAT_VERSION,
              "generated_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    yield orjson.dumps(header)[:-1]
    for name, items in (("nodes", source.nodes()), ("edges", source.edges()), ("documents", source.documents())):
        yield b',"' + name.encode() + b'":['
        first = True
        for item in items:
            yield (b"" if first else b",") + orjson.dumps(item)
            first = False
        yield b"]"
    yield b"}\n"

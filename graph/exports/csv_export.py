"""CSV for ``neo4j-admin database import``: ``nodes.csv`` and ``edges.csv``.

The headers are those the import tool reads, so the files bulk-load a copy of the graph into
any Neo4j 5 database::

    nodes.csv  id:ID,:LABEL,name,kind,aliases:string[],external_ids:string[],documents:string[]
    edges.csv  :START_ID,:END_ID,:TYPE,id,status,asserted_by,disputed_by:string[],denies:string[],
               first_date,last_date,event_start,event_end,first_reported,publishers:string[],
               reliability,credibility:int,grade,grade_reason,weight:int,documents:string[],quotes:string[]

Every node has the labels ``Entity`` and its kind (as in intelgraph's own store; the import tool
separates labels with the array delimiter too); every edge has its relation type. External ids
are ``registry:id`` strings. Array items are separated by the
ASCII unit separator (U+001F), which no name or quote contains (XML-based exports cannot even
hold it), where the tool's default ``;`` is common in quoted prose. Fields that hold a line break
are quoted. So the command line is::

    neo4j-admin database import full --nodes=nodes.csv --relationships=edges.csv \\
        --array-delimiter=U+001F --multiline-fields=true neo4j

Since they are two files, the API sends them as one ZIP (:func:`write_csv`), written as it is
read: ``zipfile`` on an unseekable stream writes each entry with a data descriptor after it, so
nothing needs to be held back. :func:`nodes_csv` and :func:`edges_csv` give each file on its own.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from collections.abc import Callable, Iterator
from typing import Any

from graph.exports.source import GraphSource

__all__ = ["write_csv", "nodes_csv", "edges_csv", "MEDIA_TYPE", "ARRAY_DELIMITER", "NODE_HEADER",
           "EDGE_HEADER", "FILES"]

MEDIA_TYPE = "application/zip"
ARRAY_DELIMITER = "\x1f"
NODE_HEADER = ["id:ID", ":LABEL", "name", "kind", "aliases:string[]", "external_ids:string[]",
               "documents:string[]"]
EDGE_HEADER = [":START_ID", ":END_ID", ":TYPE", "id", "status", "asserted_by", "disputed_by:string[]",
               "denies:string[]", "first_date", "last_date", "event_start", "event_end", "first_reported",
               "publishers:string[]", "reliability", "credibility:int", "grade", "grade_reason", "weight:int",
               "documents:string[]", "quotes:string[]"]
_ROWS_PER_CHUNK = 500


def _array(items: Any) -> str:
    if items is None:
        return ""
    if isinstance(items, str):
        items = [items]
    return ARRAY_DELIMITER.join(str(item).replace(ARRAY_DELIMITER, " ") for item in items)


def _node_row(node: dict[str, Any]) -> list[Any]:
    external = [f"{key}:{value}" for key, value in sorted((node.get("external_ids") or {}).items())]
    return [node["id"], _array(("Entity", node["kind"])), node["name"], node["kind"], _array(node.get("aliases")),
            _array(external), _array(node.get("documents"))]


def _edge_row(edge: dict[str, Any]) -> list[Any]:
    evidence = edge.get("evidence") or []
    return [edge["source"], edge["target"], edge["type"], edge["id"], edge["status"], edge.get("asserted_by") or "",
            _array(edge.get("disputed_by")), _array(edge.get("denies")), edge.get("first_date") or "",
            edge.get("last_date") or "", edge.get("event_start") or "", edge.get("event_end") or "",
            edge.get("first_reported") or "", _array(edge.get("publishers")), edge.get("reliability") or "F",
            edge.get("credibility") or 6, edge.get("grade") or "F6", edge.get("grade_reason") or "",
            edge.get("weight") or 1,
            _array(dict.fromkeys(item["document"] for item in evidence)),
            _array(item["quote"] for item in evidence)]


def _csv(header: list[str], rows: Iterator[list[Any]]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
        if count % _ROWS_PER_CHUNK == 0:
            yield buffer.getvalue().encode()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue().encode()


def nodes_csv(source: GraphSource) -> Iterator[bytes]:
    """Yield ``nodes.csv``: a header, then one row per entity.

    Examples
    --------
    >>> row = _node_row({"id": "fsb", "name": "Federal Security Service", "kind": "SecurityService",
    ...                  "aliases": ["FSB"], "external_ids": {"wikidata": "Q1"}, "documents": ["d1", "d2"]})
    >>> row[:4]
    ['fsb', 'Entity\\x1fSecurityService', 'Federal Security Service', 'SecurityService']
    >>> row[4:]
    ['FSB', 'wikidata:Q1', 'd1\\x1fd2']
    """
    return _csv(NODE_HEADER, (_node_row(node) for node in source.nodes()))


def edges_csv(source: GraphSource) -> Iterator[bytes]:
    """Yield ``edges.csv``: a header, then one row per edge."""
    return _csv(EDGE_HEADER, (_edge_row(edge) for edge in source.edges()))


#: The files of the export, in the order the ZIP holds them.
FILES: dict[str, Callable[[GraphSource], Iterator[bytes]]] = {"nodes.csv": nodes_csv, "edges.csv": edges_csv}


class _Sink(io.RawIOBase):
    """An unseekable file that keeps what is written until :meth:`drain` hands it on."""

    def __init__(self) -> None:
        self._chunks: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:  # type: ignore[override]
        chunk = bytes(data)
        self._chunks.append(chunk)
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position

    def drain(self) -> bytes:
        data = b"".join(self._chunks)
        self._chunks.clear()
        return data


def write_csv(source: GraphSource) -> Iterator[bytes]:
    """Yield a ZIP holding ``nodes.csv`` and ``edges.csv``, compressed as it is written.

    Parameters
    ----------
    source : GraphSource
        The selection to write; its nodes and edges are read once, as a stream.

    Returns
    -------
    Iterator[bytes]
        The ZIP file, in chunks.
    """
    sink = _Sink()
    stamp = dt.datetime.now().timetuple()[:6]
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, write in FILES.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            with archive.open(info, "w", force_zip64=True) as entry:
                for chunk in write(source):
                    entry.write(chunk)
                    data = sink.drain()
                    if data:
                        yield data
            tail = sink.drain()
            if tail:
                yield tail
    yield sink.drain()  # the central directory

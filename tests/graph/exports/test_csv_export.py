"""graph/exports/csv_export.py: nodes.csv and edges.csv that neo4j-admin imports into a fresh database.

The import test runs ``neo4j-admin database import full`` from the same Neo4j release
(graph.localserver.admin_command) into a throwaway home, starts a throwaway server on it
(on free ports), and compares what it counts with the graph that was exported.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import localserver
from graph.exports.csv_export import ARRAY_DELIMITER, EDGE_HEADER, NODE_HEADER, edges_csv, nodes_csv, write_csv
from graph.exports.source import GraphSource
from graph.settings import Settings
from graph.store import Store
from tests.conftest import counts, free_port
from tests.graph.exports.conftest import SyntheticSource, export

pytestmark = pytest.mark.neo4j

def rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def test_headers_and_rows(loaded: Store, graph: dict[str, Any]) -> None:
    nodes = rows(export(nodes_csv, loaded))
    edges = rows(export(edges_csv, loaded))
    assert nodes[0] == NODE_HEADER and edges[0] == EDGE_HEADER
    totals = counts(loaded)
    assert len(nodes) - 1 == totals["total:entities"] and len(edges) - 1 == totals["total:edges"]
    russia = next(row for row in nodes if row[0] == "russia")
    assert russia[1].split(ARRAY_DELIMITER) == ["Entity", "State"]
    assert russia[4].split(ARRAY_DELIMITER) == next(n for n in graph["nodes"] if n["id"] == "russia")["aliases"]
    by_id = {edge["id"]: edge for edge in graph["edges"]}
    for row in edges[1:]:
        edge = by_id[row[3]]
        assert row[:3] == [edge["source"], edge["target"], edge["type"]]
        cell = dict(zip(EDGE_HEADER, row, strict=True))
        assert cell["quotes:string[]"].split(ARRAY_DELIMITER) == [item["quote"] for item in edge["evidence"]]
        assert (cell["grade"], cell["credibility:int"]) == (edge["grade"], str(edge["credibility"]))
        assert cell["publishers:string[]"].split(ARRAY_DELIMITER) == edge["publishers"]


def test_the_zip_holds_both_files(loaded: Store) -> None:
    archive = zipfile.ZipFile(io.BytesIO(export(write_csv, loaded)))
    assert archive.namelist() == ["nodes.csv", "edges.csv"]
    assert archive.testzip() is None
    assert archive.read("nodes.csv") == export(nodes_csv, loaded)
    assert archive.read("edges.csv") == export(edges_csv, loaded)


def test_the_zip_is_written_as_it_is_read() -> None:
    """On a larger graph the ZIP comes out in many chunks, the first before the edges are read."""
    read: list[str] = []

    class Watched(SyntheticSource):
        def edges(self) -> Iterator[dict[str, Any]]:
            read.append("edges")
            return super().edges()

    chunks = write_csv(Watched(20_000))  # type: ignore[arg-type]
    first = next(chunks)
    assert first.startswith(b"PK\x03\x04") and read == []
    rest = list(chunks)
    assert len(rest) > 5
    archive = zipfile.ZipFile(io.BytesIO(first + b"".join(rest)))
    assert archive.testzip() is None
    assert len(rows(archive.read("edges.csv"))) == 1 + 40_000


def test_neo4j_admin_imports_the_files_into_a_fresh_database(loaded: Store, settings: Settings,
                                                             tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "nodes.csv").write_bytes(export(nodes_csv, loaded))
    (folder / "edges.csv").write_bytes(export(edges_csv, loaded))
    fresh = settings.model_copy(update={"neo4j_home": tmp_path / "neo4j", "neo4j_bolt_port": free_port(),
                                        "neo4j_http_port": free_port(), "neo4j_heap": "512m",
                                        "neo4j_pagecache": "128m",
                                        # a server just started plans every statement on its first
                                        # reads: on a busy machine that passed the 10 s read time-out
                                        "query_timeout_s": 120.0})
    result = localserver.admin_command(
        fresh, "database", "import", "full", f"--nodes={folder / 'nodes.csv'}",
        f"--relationships={folder / 'edges.csv'}", "--array-delimiter=U+001F", "--multiline-fields=true",
        f"--report-file={folder / 'import.report'}", fresh.neo4j_database)
    expected = counts(loaded)
    report = re.search(r"Imported:\s+(\d+) nodes\s+(\d+) relationships", result.stdout)
    assert report, result.stdout[-2000:]
    assert (int(report.group(1)), int(report.group(2))) == (expected["total:entities"], expected["total:edges"])

    localserver.start(fresh)
    try:
        with Store(fresh) as imported:
            found = counts(imported)
            russia = imported.read_one("entities/by_id", id="russia")
            edge_ids = {edge["id"] for edge in GraphSource(imported).edges()}
    finally:
        localserver.stop(fresh)
    graph_only = {key: value for key, value in expected.items()
                  if key.split(":")[0] in ("kind", "relation", "status") or key in ("total:entities", "total:edges")}
    assert {key: found.get(key) for key in graph_only} == graph_only  # labels, types and properties all there
    original = loaded.read_one("entities/by_id", id="russia")
    assert russia["aliases"] == original["aliases"] and russia["kind"] == "State"
    assert edge_ids == {edge["id"] for edge in GraphSource(loaded).edges()}

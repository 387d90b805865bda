"""``intelgraph export --format F --output PATH`` for every format, through the real entry point."""
from __future__ import annotations

import csv
import io
import os
import subprocess
import zipfile
from pathlib import Path

import orjson
import pytest

from graph.exports.formats import FORMATS
from graph.store import Store
from tests.api.test_export import _nodes_and_edges
from tests.conftest import ROOT, counts

pytestmark = pytest.mark.neo4j

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), "export", *args], capture_output=True, env=os.environ.copy(),
                          cwd=ROOT, timeout=180)


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_every_format_to_a_file(loaded: Store, tmp_path: Path, name: str) -> None:
    output = tmp_path / f"graph.{FORMATS[name].extension}"
    result = _run("--format", name, "--output", str(output))
    assert result.returncode == 0, result.stderr.decode()
    assert b"wrote" in result.stderr
    assert output.stat().st_size > 0 and not output.with_name(output.name + ".partial").exists()
    totals = counts(loaded)
    assert _nodes_and_edges(name, output.read_bytes()) == (totals["total:entities"], totals["total:edges"])


def test_csv_to_a_folder_is_ready_for_neo4j_admin(loaded: Store, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    result = _run("--format", "csv", "--output", str(folder))
    assert result.returncode == 0, result.stderr.decode()
    nodes = list(csv.reader(io.StringIO((folder / "nodes.csv").read_text(encoding="utf-8"), newline="")))
    assert len(nodes) - 1 == counts(loaded)["total:entities"]
    assert sorted(path.name for path in folder.iterdir()) == ["edges.csv", "nodes.csv"]


def test_csv_to_a_zip(loaded: Store, tmp_path: Path) -> None:
    output = tmp_path / "graph.zip"
    assert _run("--format", "csv", "--output", str(output)).returncode == 0
    assert zipfile.ZipFile(output).namelist() == ["nodes.csv", "edges.csv"]


def test_selection_options_and_filters(loaded: Store, tmp_path: Path) -> None:
    output = tmp_path / "fsb.cyjs"
    result = _run("--format", "cytoscape", "--center", "fsb", "--hops", "1", "--exclude-claims",
                  "--types", "LEADS,PART_OF", "--output", str(output))
    assert result.returncode == 0, result.stderr.decode()
    elements = orjson.loads(output.read_bytes())["elements"]
    assert "fsb" in {node["data"]["id"] for node in elements["nodes"]}
    assert {edge["data"]["type"] for edge in elements["edges"]} <= {"LEADS", "PART_OF"}
    assert {edge["data"]["status"] for edge in elements["edges"]} <= {"reported"}


def test_stdout_and_errors(loaded: Store, tmp_path: Path) -> None:
    result = _run("--format", "graphml", "--ids", "cia,russia")
    assert result.returncode == 0 and result.stdout.startswith(b"<?xml")
    missing = _run("--format", "gexf", "--center", "nobody", "--output", str(tmp_path / "x.gexf"))
    assert missing.returncode == 1 and b"error:" in missing.stderr
    assert not list(tmp_path.iterdir())


def test_claims_and_publishers_filter_the_export(loaded: Store) -> None:
    result = _run("--format", "json", "--publishers", "test courier", "--claims", "only")
    assert result.returncode == 0, result.stderr.decode()
    data = orjson.loads(result.stdout)
    assert {document["id"] for document in data["documents"]} == {"test-beta"}
    assert data["edges"] and {edge["status"] for edge in data["edges"]} <= {"claimed", "denied"}
    assert {v["publisher"] for edge in data["edges"] for v in edge["evidence"]} == {"Test Courier"}
    unknown = _run("--format", "json", "--publishers", "The Times")
    assert unknown.returncode == 1 and unknown.stdout == b""
    assert "publishers: unknown publisher 'The Times'; known: " in unknown.stderr.decode()

"""graph/exports/json_export.py: the export validates against schemas/export.schema.json.

Checked on the test corpus and the seed article, through the library and through the CLI.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from graph.dates import event_bounds
from graph.exports.json_export import FORMAT_VERSION, write_json
from graph.exports.source import GraphSource
from graph.store import Store
from loaders.facts_loader import load_paths
from tests.conftest import FIXTURES, ROOT, counts

pytestmark = pytest.mark.neo4j

SCHEMA = ROOT / "schemas" / "export.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture
def loaded(empty_store: Store) -> Store:
    load_paths(empty_store, [FIXTURES / "corpus", FIXTURES / "seed"])
    return empty_store


def _export(store: Store) -> dict[str, Any]:
    return json.loads(b"".join(write_json(GraphSource(store))))


def _valid(validator: jsonschema.Draft202012Validator, data: Any) -> None:
    errors = [f"/{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
    assert not errors, "\n".join(errors[:20])


def test_export_validates(loaded: Store, validator: jsonschema.Draft202012Validator) -> None:
    data = _export(loaded)
    _valid(validator, data)
    assert (data["format"], data["version"]) == ("intelgraph", FORMAT_VERSION)


def test_export_counts_are_the_graphs(loaded: Store) -> None:
    data = _export(loaded)
    stored = counts(loaded)
    assert len(data["nodes"]) == stored["total:entities"]
    assert len(data["edges"]) == stored["total:edges"]
    assert len(data["documents"]) == stored["total:documents"] == 3
    assert sum(len(edge["evidence"]) for edge in data["edges"]) == stored["total:evidence"]
    assert Counter(node["kind"] for node in data["nodes"]) == {
        key.split(":", 1)[1]: value for key, value in stored.items() if key.startswith("kind:")}
    assert Counter(edge["type"] for edge in data["edges"]) == {
        key.split(":", 1)[1]: value for key, value in stored.items() if key.startswith("relation:")}


def test_export_is_self_consistent(loaded: Store) -> None:
    data = _export(loaded)
    nodes = {node["id"] for node in data["nodes"]}
    edges = {edge["id"] for edge in data["edges"]}
    documents = {document["id"] for document in data["documents"]}
    assert len(nodes) == len(data["nodes"]) and len(edges) == len(data["edges"])
    for edge in data["edges"]:
        assert {edge["source"], edge["target"]} <= nodes
        assert edge["asserted_by"] is None or edge["asserted_by"] in nodes
        assert set(edge["disputed_by"]) <= nodes
        assert set(edge["denies"]) <= edges
        assert edge["weight"] == len(edge["evidence"])
        bounds = [event_bounds(v["event"]) if v["event"] else (None, None) for v in edge["evidence"]]
        starts = [(start or end or dt.date.fromisoformat(v["published"])).isoformat()
                  for (start, end), v in zip(bounds, edge["evidence"], strict=True)]
        ends = [(end or start or dt.date.fromisoformat(v["published"])).isoformat()
                for (start, end), v in zip(bounds, edge["evidence"], strict=True)]
        assert (edge["first_date"], edge["last_date"]) == (min(starts), max(ends))
        assert edge["first_reported"] == min(v["published"] for v in edge["evidence"])
        assert edge["publishers"] == list(dict.fromkeys(v["publisher"] for v in edge["evidence"]))
        assert edge["grade"] == f"{edge['reliability']}{edge['credibility']}"
        assert edge["grade_reason"].startswith(edge["grade"] + ": ")
        assert {v["document"] for v in edge["evidence"]} <= documents
    for node in data["nodes"]:
        assert set(node["documents"]) <= documents


def test_every_quote_is_verbatim_at_its_span(loaded: Store) -> None:
    data = _export(loaded)
    texts = {document["id"]: document["text"] for document in data["documents"]}
    checked = 0
    for edge in data["edges"]:
        for evidence in edge["evidence"]:
            assert texts[evidence["document"]][evidence["start"]:evidence["end"]] == evidence["quote"]
            checked += 1
    assert checked == counts(loaded)["total:evidence"]


def test_documents_carry_their_text_and_hash(loaded: Store) -> None:
    data = _export(loaded)
    by_id = {document["id"]: document for document in data["documents"]}
    alpha = by_id["test-alpha"]
    assert alpha["text"] == (FIXTURES / "corpus" / "alpha.txt").read_text(encoding="utf-8")
    assert alpha["sha256"] == hashlib.sha256((FIXTURES / "corpus" / "alpha.txt").read_bytes()).hexdigest()
    assert (alpha["published"], alpha["url"], alpha["authors"], alpha["text_file"]) == (
        "2024-05-03", None, [], "alpha.txt")
    assert by_id["test-beta"]["authors"] == ["Test Reporter"]


def test_empty_graph_export_validates(empty_store: Store, validator: jsonschema.Draft202012Validator) -> None:
    data = _export(empty_store)
    _valid(validator, data)
    assert (data["nodes"], data["edges"], data["documents"]) == ([], [], [])


@pytest.mark.parametrize(("path", "value"), [
    (("edges", 0, "status"), "rumoured"),
    (("edges", 0, "weight"), 0),
    (("edges", 0, "evidence"), []),
    (("nodes", 0, "colour"), "red"),
    (("documents", 0, "sha256"), "abc"),
    (("version",), 1),
    (("edges", 0, "grade"), "G7"),
])
def test_schema_rejects_a_broken_export(loaded: Store, validator: jsonschema.Draft202012Validator,
                                        path: tuple, value: Any) -> None:
    data = _export(loaded)
    target = data
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    assert not validator.is_valid(data)


def test_cli_export(loaded: Store, tmp_path: Path, validator: jsonschema.Draft202012Validator) -> None:
    output = tmp_path / "graph.json"
    result = subprocess.run([str(ROOT / ".venv" / "bin" / "intelgraph"), "export", "--format", "json",
                             "--output", str(output)], capture_output=True, text=True, env=os.environ.copy(),
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr
    data = json.loads(output.read_bytes())
    _valid(validator, data)
    assert len(data["edges"]) == counts(loaded)["total:edges"]
    assert not (tmp_path / "graph.json.partial").exists()

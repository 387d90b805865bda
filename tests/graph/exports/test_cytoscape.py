"""graph/exports/cytoscape.py: Cytoscape.js ``elements`` whose ``data`` hold every node, edge and attribute."""
from __future__ import annotations

from typing import Any

import orjson
import pytest

from graph.exports.cytoscape import write_cytoscape
from graph.exports.source import Selection
from graph.filters import EdgeFilter
from graph.ontology import get_ontology
from graph.store import Store
from tests.conftest import counts
from tests.graph.exports.conftest import SyntheticSource, export

pytestmark = pytest.mark.neo4j


def _plain(value: Any) -> bool:
    """What Cytoscape.js and Cytoscape desktop both take: scalars, null, lists of strings."""
    if isinstance(value, list):
        return all(isinstance(item, str) for item in value)
    return value is None or isinstance(value, (str, int, float))


def test_elements_with_data_for_every_node_and_edge(loaded: Store, graph: dict[str, Any]) -> None:
    document = orjson.loads(export(write_cytoscape, loaded))
    assert set(document) == {"format_version", "generated_by", "target_cytoscapejs_version", "data", "elements"}
    nodes, edges = document["elements"]["nodes"], document["elements"]["edges"]
    totals = counts(loaded)
    assert len(nodes) == totals["total:entities"] and len(edges) == totals["total:edges"]
    ids = [node["data"]["id"] for node in nodes]
    assert len(set(ids)) == len(ids)
    ontology = get_ontology()
    expected_nodes = {node["id"]: node for node in graph["nodes"]}
    for element in nodes:
        data = element["data"]
        node = expected_nodes[data["id"]]
        assert (data["name"], data["label"], data["kind"]) == (node["name"], node["name"], node["kind"])
        kind = ontology.kinds[node["kind"]]
        assert (data["color"], data["shape"]) == (kind.color, kind.shape)
        assert data["aliases"] == node["aliases"] and data["documents"] == node["documents"]
        assert element["classes"] == node["kind"]
        assert all(_plain(value) for value in data.values())
    expected_edges = {edge["id"]: edge for edge in graph["edges"]}
    for element in edges:
        data = element["data"]
        edge = expected_edges[data["id"]]
        assert data["source"] in ids and data["target"] in ids
        assert (data["source"], data["target"], data["label"], data["interaction"], data["status"]) == (
            edge["source"], edge["target"], edge["type"], edge["type"], edge["status"])
        assert data["quotes"] == [item["quote"] for item in edge["evidence"]]
        assert data["weight"] == edge["weight"] and element["classes"] == edge["status"]
        assert all(_plain(value) for value in data.values())


def test_a_selection_holds_only_its_elements(loaded: Store) -> None:
    selection = Selection(("russia", "united-states", "islamic-state"), EdgeFilter(exclude_claims=True))
    document = orjson.loads(export(write_cytoscape, loaded, selection))
    chosen = {node["data"]["id"] for node in document["elements"]["nodes"]}
    assert chosen == {"russia", "united-states", "islamic-state"}
    assert all(edge["data"]["status"] == "reported" for edge in document["elements"]["edges"])


def test_an_empty_selection_is_still_valid_json(loaded: Store) -> None:
    document = orjson.loads(export(write_cytoscape, loaded, Selection(("nobody",))))
    assert document["elements"] == {"nodes": [], "edges": []}


def test_synthetic_graph_parses() -> None:
    document = orjson.loads(b"".join(write_cytoscape(SyntheticSource(10))))  # type: ignore[arg-type]
    assert len(document["elements"]["nodes"]) == 10 and len(document["elements"]["edges"]) == 20

"""graph/exports/graphml.py: networkx and igraph read the export back with every node, edge and attribute."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import igraph
import networkx as nx
import pytest

from graph.exports.graphml import EDGE_KEYS, NODE_KEYS, write_graphml
from graph.exports.source import Selection
from graph.ontology import get_ontology
from graph.store import Store
from tests.conftest import counts
from tests.graph.exports.conftest import SyntheticSource, export

pytestmark = pytest.mark.neo4j


def expected_node(node: dict[str, Any]) -> dict[str, Any]:
    return {"label": node["name"], "kind": node["kind"], "color": get_ontology().kinds[node["kind"]].color,
            "aliases": node["aliases"], "external_ids": node["external_ids"], "documents": node["documents"]}


def expected_edge(edge: dict[str, Any]) -> dict[str, Any]:
    return {"edge_id": edge["id"], "label": edge["type"], "status": edge["status"],
            "asserted_by": edge["asserted_by"], "disputed_by": edge["disputed_by"], "denies": edge["denies"],
            "first_date": edge["first_date"], "last_date": edge["last_date"], "weight": edge["weight"],
            "event_start": edge["event_start"], "event_end": edge["event_end"],
            "first_reported": edge["first_reported"], "publishers": edge["publishers"],
            "reliability": edge["reliability"], "credibility": edge["credibility"], "grade": edge["grade"],
            "grade_reason": edge["grade_reason"],
            "documents": list(dict.fromkeys(item["document"] for item in edge["evidence"])),
            "quotes": [item["quote"] for item in edge["evidence"]]}


JSON_VALUES = {"aliases", "external_ids", "documents", "disputed_by", "denies", "quotes", "publishers"}


def decoded(attributes: dict[str, Any]) -> dict[str, Any]:
    """Attributes as read back: JSON strings decoded, igraph's empty strings for "no value" as None."""
    out = {}
    for name, value in attributes.items():
        if name in JSON_VALUES and isinstance(value, str):
            value = json.loads(value)
        if value == "":
            value = None
        out[name] = value
    return out


@pytest.fixture(scope="module")
def graphml_file(loaded: Store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "graph.graphml"
    path.write_bytes(export(write_graphml, loaded))
    return path


def test_networkx_reads_every_node_edge_and_attribute(loaded: Store, graph: dict[str, Any], graphml_file: Path) -> None:
    read = nx.read_graphml(graphml_file)
    totals = counts(loaded)
    assert read.is_directed()
    assert read.number_of_nodes() == totals["total:entities"] == len(graph["nodes"])
    assert read.number_of_edges() == totals["total:edges"] == len(graph["edges"])
    for node in graph["nodes"]:
        assert decoded(read.nodes[node["id"]]) == expected_node(node)
    edges = {key: (source, target, data) for source, target, key, data in read.edges(keys=True, data=True)}
    for edge in graph["edges"]:
        source, target, data = edges[edge["id"]]  # networkx keys parallel edges by the GraphML edge id
        assert (source, target) == (edge["source"], edge["target"])
        expected = {k: v for k, v in expected_edge(edge).items() if v is not None}  # no value: no attribute
        assert decoded(data) == expected


def test_igraph_reads_every_node_edge_and_attribute(loaded: Store, graph: dict[str, Any], graphml_file: Path) -> None:
    read = igraph.Graph.Read_GraphML(str(graphml_file))
    totals = counts(loaded)
    assert read.is_directed()
    assert read.vcount() == totals["total:entities"]
    assert read.ecount() == totals["total:edges"]
    assert set(NODE_KEYS) <= set(read.vs.attributes()) and set(EDGE_KEYS) <= set(read.es.attributes())
    by_id = {vertex["id"]: vertex for vertex in read.vs}
    for node in graph["nodes"]:
        attributes = by_id[node["id"]].attributes()
        attributes.pop("id")
        assert decoded(attributes) == expected_node(node)
    by_edge_id = {edge["edge_id"]: edge for edge in read.es}
    assert len(by_edge_id) == len(graph["edges"])
    for edge in graph["edges"]:
        seen = by_edge_id[edge["id"]]
        assert (read.vs[seen.source]["id"], read.vs[seen.target]["id"]) == (edge["source"], edge["target"])
        attributes = seen.attributes()
        attributes.pop("id")  # igraph 1.0 fills the edges' "id" with node ids: hence edge_id
        assert decoded(attributes) == expected_edge(edge)


def test_a_selection_reads_back_with_its_own_nodes_and_edges(loaded: Store, graph: dict[str, Any],
                                                             tmp_path: Path) -> None:
    chosen = {"russia", "ukraine", "crocus-attack"}
    path = tmp_path / "selection.graphml"
    path.write_bytes(export(write_graphml, loaded, Selection(tuple(sorted(chosen)))))
    read = nx.read_graphml(path)
    assert set(read.nodes) == chosen
    among = [edge for edge in graph["edges"] if {edge["source"], edge["target"]} <= chosen]
    assert read.number_of_edges() == len(among) > 0


def test_awkward_text_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.graphml"
    path.write_bytes(b"".join(write_graphml(SyntheticSource(20))))  # type: ignore[arg-type]
    read = nx.read_graphml(path)
    assert read.nodes["n0000000"]["label"] == 'Entity <0> & "co"'
    edge = read.edges["n0000000", "n0000001", "e-0000000000000000"]
    assert json.loads(edge["quotes"]) == ["quote 0: they said “no”; <b>&amp;\r\n then\ttabbed"]
    assert igraph.Graph.Read_GraphML(str(path)).ecount() == 40

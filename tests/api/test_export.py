"""GET /export: every format streams with its media type and a file name, and parses."""
from __future__ import annotations

import io
import zipfile
from typing import Any

import networkx as nx
import orjson
import pytest
import stix2
from lxml import etree

from graph.exports.formats import FORMATS
from graph.exports.stix import EXTENSION
from tests.conftest import FIXTURES

pytestmark = pytest.mark.neo4j

GEXF_SCHEMA = FIXTURES / "gexf" / "gexf.xsd"


def _nodes_and_edges(name: str, body: bytes) -> tuple[int, int]:
    """Parse the body as its format's reader would, and count what it holds."""
    if name == "json":
        data = orjson.loads(body)
        return len(data["nodes"]), len(data["edges"])
    if name == "cytoscape":
        data = orjson.loads(body)
        return len(data["elements"]["nodes"]), len(data["elements"]["edges"])
    if name == "gexf":
        document = etree.fromstring(body)
        schema = etree.XMLSchema(etree.parse(str(GEXF_SCHEMA)))
        assert schema.validate(document), schema.error_log
        return len(document.findall(".//{*}node")), len(document.findall(".//{*}edge"))
    if name == "graphml":
        graph = nx.read_graphml(io.BytesIO(body))
        return graph.number_of_nodes(), graph.number_of_edges()
    if name == "csv":
        archive = zipfile.ZipFile(io.BytesIO(body))
        assert archive.testzip() is None
        return (len(archive.read("nodes.csv").decode().splitlines()) - 1,
                len(archive.read("edges.csv").decode().splitlines()) - 1)
    if name == "stix":
        bundle = stix2.parse(body.decode(), allow_custom=False)
        # A State is an identity and a location with the same UUID, joined by a located-at that
        # is no edge of the graph (it carries no relation in intelgraph's extension).
        entities = {obj.id.split("--")[1] for obj in bundle.objects
                    if obj.type in ("identity", "location", "threat-actor", "campaign") and obj.name != "intelgraph"}
        statements = [obj for obj in bundle.objects if obj.type in ("relationship", "note", "opinion")
                      and "relation" in obj.get("extensions", {}).get(EXTENSION, {})]
        return len(entities), len(statements)
    raise AssertionError(name)


@pytest.fixture(scope="module")
def whole(client: Any) -> dict[str, int]:
    body = client.get("/export", params={"format": "json"}).json()
    return {"nodes": len(body["nodes"]), "edges": len(body["edges"])}


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_of_the_whole_graph(client: Any, whole: dict[str, int], name: str) -> None:
    response = client.get("/export", params={"format": name})
    assert response.status_code == 200, response.text
    fmt = FORMATS[name]
    assert response.headers["content-type"].split(";")[0] == fmt.media_type.split(";")[0]
    assert response.headers["content-disposition"] == f'attachment; filename="intelgraph-all.{fmt.extension}"'
    assert response.headers["x-truncated"] == "false"
    assert _nodes_and_edges(name, response.content) == (whole["nodes"], whole["edges"])


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_each_format_of_a_selection(client: Any, name: str) -> None:
    params = {"format": name, "center": "fsb", "hops": 1, "exclude_claims": "true"}
    response = client.get("/export", params=params)
    assert response.status_code == 200, response.text
    expected = client.get("/subgraph", params={k: v for k, v in params.items() if k != "format"}).json()
    fmt = FORMATS[name]
    assert response.headers["content-disposition"] == f'attachment; filename="intelgraph-fsb-1hop.{fmt.extension}"'
    assert _nodes_and_edges(name, response.content) == (len(expected["nodes"]), len(expected["edges"]))


def test_the_body_is_streamed(client: Any) -> None:
    with client.stream("GET", "/export", params={"format": "gexf"}) as response:
        assert response.status_code == 200
        assert "content-length" not in response.headers  # chunked: written as it is read
        assert b"".join(response.iter_bytes()).endswith(b"</gexf>\n")


def test_ids_and_the_truncation_header(client: Any) -> None:
    response = client.get("/export", params={"format": "cytoscape", "ids": "cia,russia,iskp"})
    assert response.headers["content-disposition"] == 'attachment; filename="intelgraph-3-entities.cyjs"'
    assert {n["data"]["id"] for n in response.json()["elements"]["nodes"]} == {"cia", "russia", "iskp"}
    cut = client.get("/export", params={"format": "json", "center": "fsb", "hops": 2, "limit": 3})
    assert cut.headers["x-truncated"] == "true" and len(cut.json()["nodes"]) == 3


def test_filters_apply_to_the_whole_graph(client: Any) -> None:
    body = client.get("/export", params={"format": "json", "exclude_claims": "true"}).json()
    assert body["edges"] and {edge["status"] for edge in body["edges"]} == {"reported"}


@pytest.mark.parametrize("params, status", [
    ({"format": "pdf"}, 422), ({"center": "nobody"}, 404), ({"ids": "nobody,nothing"}, 404),
    ({"center": "fsb", "ids": "cia"}, 422), ({"center": "fsb", "hops": 9}, 422), ({"types": "NOPE"}, 422),
])
def test_bad_requests(client: Any, params: dict[str, Any], status: int) -> None:
    response = client.get("/export", params=params)
    assert response.status_code == status
    assert "detail" in response.json()

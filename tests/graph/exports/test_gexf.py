"""graph/exports/gexf.py: valid GEXF 1.3 that the real Gephi toolkit opens with every node and edge.

The GEXF 1.3 XSD is in tests/fixtures/gexf/ (see the comment at the top of gexf.xsd). The Gephi
toolkit (org.gephi:gephi-toolkit:0.10.1, classifier "all") comes from Maven Central into
.cache/gephi/ through gephi/pom.xml beside this file; gephi/GephiImport.java imports a file
through Gephi's ImportController and prints what Gephi made of it. Nothing here is skipped: without Maven,
Java or the jar the tests fail.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from graph.exports.gexf import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edge_kind, period_bounds, write_gexf
from graph.exports.source import Selection
from graph.filters import EdgeFilter
from graph.ontology import get_ontology
from graph.store import Store
from tests.conftest import FIXTURES, ROOT, counts
from tests.graph.exports.conftest import SyntheticSource, export

pytestmark = pytest.mark.neo4j

GEPHI_VERSION = "0.10.1"
GEPHI_POM = Path(__file__).parent / "gephi" / "pom.xml"
GEPHI_IMPORT = Path(__file__).parent / "gephi" / "GephiImport.java"
GEPHI_CACHE = ROOT / ".cache" / "gephi"


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "gexf" / "gexf.xsd")))


@pytest.fixture(scope="session")
def gephi_jar() -> Path:
    """The Gephi toolkit jar, fetched by Maven into .cache/gephi/ on first use."""
    jar = GEPHI_CACHE / f"gephi-toolkit-{GEPHI_VERSION}-all.jar"
    if jar.exists():
        return jar
    mvn = shutil.which("mvn")
    assert mvn, "Maven (mvn) is needed to fetch the Gephi toolkit (Debian: apt-get install maven)"
    staging = GEPHI_CACHE.with_name("gephi.partial")
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run([mvn, "-B", "-q", "-f", str(GEPHI_POM), "dependency:copy",
                             f"-DoutputDirectory={staging}", f"-Dgephi.version={GEPHI_VERSION}"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, "fetching the Gephi toolkit failed:\n" + (result.stdout + result.stderr)[-3000:]
    GEPHI_CACHE.mkdir(parents=True, exist_ok=True)
    (staging / jar.name).replace(jar)
    shutil.rmtree(staging, ignore_errors=True)
    return jar


def gephi_import(jar: Path, path: Path) -> dict[str, Any]:
    java = shutil.which("java")
    assert java, "java (17 or later) is needed to run the Gephi toolkit"
    result = subprocess.run([java, "-Djava.awt.headless=true", "-cp", str(jar), str(GEPHI_IMPORT), str(path)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def test_the_export_validates_against_the_gexf_1_3_schema(loaded: Store, schema: etree.XMLSchema) -> None:
    document = etree.fromstring(export(write_gexf, loaded))
    assert schema.validate(document), schema.error_log
    ns = {"g": "http://gexf.net/1.3"}
    totals = counts(loaded)
    assert len(document.findall(".//g:node", ns)) == totals["total:entities"]
    assert len(document.findall(".//g:edge", ns)) == totals["total:edges"]


def test_a_selection_validates_too(loaded: Store, schema: etree.XMLSchema) -> None:
    selection = Selection(("russia", "ukraine", "crocus-attack", "fsb"), EdgeFilter(exclude_claims=True))
    document = etree.fromstring(export(write_gexf, loaded, selection))
    assert schema.validate(document), schema.error_log
    statuses = {value.get("value") for value in document.iterfind(".//{*}attvalue[@for='status']")}
    assert statuses == {"reported"}


def test_awkward_text_is_escaped_and_still_valid(schema: etree.XMLSchema) -> None:
    data = b"".join(write_gexf(SyntheticSource(30)))  # type: ignore[arg-type]
    document = etree.fromstring(data)
    assert schema.validate(document), schema.error_log
    node = document.find(".//{*}node")
    assert node.get("label") == 'Entity <0> & "co"'
    quotes = document.find(".//{*}edge/{*}attvalues/{*}attvalue[@for='quotes']").get("value")
    assert json.loads(quotes) == ["quote 0: they said “no”; <b>&amp;\r\n then\ttabbed"]


@pytest.mark.parametrize("change", [
    lambda d: d.set("version", "1.2"),
    lambda d: d.find(".//{*}edge").attrib.pop("source"),
    lambda d: d.find(".//{http://gexf.net/1.3/viz}color").set("r", "300"),
    lambda d: d.find(".//{*}edge").set("start", "March 2024"),
], ids=["version", "edge-without-source", "colour-out-of-range", "start-not-a-date"])
def test_the_schema_catches_broken_files(loaded: Store, schema: etree.XMLSchema, change: Any) -> None:
    document = etree.fromstring(export(write_gexf, loaded))
    change(document)
    assert not schema.validate(document)


def test_gephi_opens_the_export_with_every_node_edge_and_attribute(
        loaded: Store, graph: dict[str, Any], gephi_jar: Path, tmp_path: Path) -> None:
    path = tmp_path / "graph.gexf"
    path.write_bytes(export(write_gexf, loaded))
    gephi = gephi_import(gephi_jar, path)
    totals = counts(loaded)
    assert gephi["issues"] == []
    assert gephi["nodes"] == totals["total:entities"] == len(graph["nodes"])
    assert gephi["edges"] == totals["total:edges"] == len(graph["edges"])
    assert gephi["directed"] is True
    lists = {name for name, kind in {**NODE_ATTRIBUTES, **EDGE_ATTRIBUTES}.items() if kind == "liststring"}
    for name in NODE_ATTRIBUTES:
        assert gephi["node_columns"][name] == ("String[]" if name in lists else "String")
    gephi_type = {"liststring": "String[]", "integer": "Integer", "string": "String"}
    for name, kind in EDGE_ATTRIBUTES.items():
        assert gephi["edge_columns"][name] == gephi_type[kind]

    ontology = get_ontology()
    nodes = {node["id"]: node for node in gephi["node_list"]}
    for node in graph["nodes"]:
        seen = nodes[node["id"]]
        assert seen["label"] == node["name"]
        assert seen["color"] == ontology.kinds[node["kind"]].color
        assert seen["attributes"]["kind"] == node["kind"]
        assert (seen["attributes"]["aliases"] or []) == node["aliases"]
        assert (seen["attributes"]["documents"] or []) == node["documents"]
        external = [f"{key}:{value}" for key, value in sorted(node["external_ids"].items())]
        assert (seen["attributes"]["external_ids"] or []) == external

    edges = {edge["id"]: edge for edge in gephi["edge_list"]}
    for edge in graph["edges"]:
        seen = edges[edge["id"]]
        assert (seen["source"], seen["target"], seen["label"]) == (edge["source"], edge["target"], edge["type"])
        assert seen["kind"] == edge_kind(edge)
        assert seen["directed"] is True
        assert seen["weight"] == edge["weight"]
        assert seen["intervals"] == [list(timeline(edge))]
        attributes = seen["attributes"]
        assert (attributes["grade"], attributes["credibility"], attributes["publishers"]) == (
            edge["grade"], edge["credibility"], edge["publishers"])
        assert (attributes["relation"], attributes["status"], attributes["asserted_by"]) == (
            edge["type"], edge["status"], edge["asserted_by"])
        assert attributes["quotes"] == [item["quote"] for item in edge["evidence"]]
        assert attributes["documents"] == list(dict.fromkeys(item["document"] for item in edge["evidence"]))
        assert (attributes["disputed_by"] or []) == edge["disputed_by"]
        assert (attributes["denies"] or []) == edge["denies"]


def test_gephi_sees_a_dynamic_graph_for_its_timeline(loaded: Store, graph: dict[str, Any], gephi_jar: Path,
                                                      tmp_path: Path) -> None:
    path = tmp_path / "graph.gexf"
    path.write_bytes(export(write_gexf, loaded))
    gephi = gephi_import(gephi_jar, path)
    assert gephi["dynamic"] is True and gephi["time_format"] == "DATE"
    first = min(timeline(edge)[0] for edge in graph["edges"])
    last = max(timeline(edge)[1] for edge in graph["edges"])
    assert gephi["time_bounds"] == [first, last]
    dated = next(edge for edge in graph["edges"] if edge["event_known"] and edge["event_start"]
                 and edge["event_start"] < edge["first_reported"])
    assert timeline(dated)[0] == dated["event_start"]  # when it happened, not when it was reported


def timeline(edge: dict[str, Any]) -> tuple[str, str]:
    """Where Gephi's timeline puts an edge: its event time if the reporting gives one, else its dates."""
    first = (edge["event_start"] if edge["event_known"] else None) or edge["first_date"]
    last = (edge["event_end"] if edge["event_known"] else None) or edge["last_date"]
    return period_bounds(first)[0].isoformat(), period_bounds(last)[1].isoformat()


def test_claims_and_denials_are_not_merged_by_gephi(loaded: Store, gephi_jar: Path, tmp_path: Path) -> None:
    """Russia's claim that Ukraine carried out the attack, and the two denials of it, stay three edges."""
    path = tmp_path / "selection.gexf"
    path.write_bytes(export(write_gexf, loaded, Selection(("ukraine", "crocus-attack"))))
    gephi = gephi_import(gephi_jar, path)
    statuses = sorted(edge["attributes"]["status"] for edge in gephi["edge_list"] if edge["label"] == "CARRIED_OUT")
    assert statuses == ["claimed", "denied", "denied"]

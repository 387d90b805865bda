"""graph/exports/stix.py: a STIX 2.1 bundle that the stix2 library accepts without custom content,
with stable ids, and with claims and denials as notes and opinions, never as relationships."""
from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from typing import Any

import orjson
import pytest
import stix2

from graph.exports.source import Selection
from graph.exports.stix import relationship_type, sdo_type, stix_id, write_stix
from graph.services.filters import EdgeFilter
from graph.store import Store
from tests.conftest import counts
from tests.graph.exports.conftest import SyntheticSource, export

pytestmark = pytest.mark.neo4j

SDO_TYPES = {"identity", "location", "intrusion-set", "incident", "threat-actor", "campaign"}


@pytest.fixture(scope="module")
def bundle_bytes(loaded: Store) -> bytes:
    return export(write_stix, loaded)


@pytest.fixture(scope="module")
def bundle(bundle_bytes: bytes) -> dict[str, Any]:
    return orjson.loads(bundle_bytes)


def objects(bundle: dict[str, Any], stix_type: str) -> list[dict[str, Any]]:
    return [obj for obj in bundle["objects"] if obj["type"] == stix_type]


def test_the_bundle_is_valid_stix_2_1_without_custom_content(bundle_bytes: bytes, bundle: dict[str, Any]) -> None:
    parsed = stix2.parse(bundle_bytes.decode(), allow_custom=False)
    assert parsed.type == "bundle" and len(parsed.objects) == len(bundle["objects"])
    assert all(obj["spec_version"] == "2.1" for obj in bundle["objects"])
    assert not any(key.startswith("x_") for obj in bundle["objects"] for key in obj)


def test_counts_match_the_graph(loaded: Store, graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    totals = counts(loaded)
    types = Counter(obj["type"] for obj in bundle["objects"])
    entities = [obj for obj in bundle["objects"] if obj["type"] in SDO_TYPES and obj["name"] != "intelgraph"]
    assert len(entities) == totals["total:entities"]
    assert types["relationship"] == totals["status:reported"]
    assert types["note"] == totals["status:claimed"]
    assert types["opinion"] == totals["status:denied"]
    assert types["report"] == totals["total:documents"] == len(graph["documents"])
    for node in graph["nodes"]:
        assert stix_id(sdo_type(node["kind"]), "entity", node["id"]) in {obj["id"] for obj in entities}


def test_every_reference_resolves_inside_the_bundle(bundle: dict[str, Any]) -> None:
    ids = {obj["id"] for obj in bundle["objects"]}
    assert len(ids) == len(bundle["objects"])
    for obj in bundle["objects"]:
        refs = [obj.get("created_by_ref"), obj.get("source_ref"), obj.get("target_ref"), *obj.get("object_refs", [])]
        assert {ref for ref in refs if ref} <= ids, obj["id"]


def test_ids_are_the_same_when_exported_twice(loaded: Store, bundle: dict[str, Any]) -> None:
    later = orjson.loads(export(write_stix, loaded, generated_at=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)))
    assert [obj["id"] for obj in later["objects"]] == [obj["id"] for obj in bundle["objects"]]
    assert later["id"] == bundle["id"]
    assert later["objects"][1]["modified"] == "2030-01-01T00:00:00.000Z"


def test_reported_edges_are_relationships(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    relationships = {obj["id"]: obj for obj in objects(bundle, "relationship")}
    kinds = {node["id"]: node["kind"] for node in graph["nodes"]}
    for edge in graph["edges"]:
        object_id = stix_id("relationship", "edge", edge["id"])
        if edge["status"] != "reported":
            assert object_id not in relationships
            continue
        obj = relationships[object_id]
        assert obj["relationship_type"] == relationship_type(edge["type"])
        assert obj["source_ref"] == stix_id(sdo_type(kinds[edge["source"]]), "entity", edge["source"])
        assert obj["target_ref"] == stix_id(sdo_type(kinds[edge["target"]]), "entity", edge["target"])
        assert all(item["quote"] in obj["description"] for item in edge["evidence"])


def test_claims_are_notes_naming_who_asserts_them(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    names = {node["id"]: node["name"] for node in graph["nodes"]}
    notes = {obj["id"]: obj for obj in objects(bundle, "note")}
    claim = next(edge for edge in graph["edges"] if edge["status"] == "claimed" and edge["type"] == "CARRIED_OUT"
                 and edge["source"] == "ukraine")
    note = notes[stix_id("note", "edge", claim["id"])]
    assert note["authors"] == [names[claim["asserted_by"]]] == ["Russia"]
    assert note["abstract"].startswith("Russia claims that Ukraine carried out")
    assert stix_id("location", "entity", "russia") in note["object_refs"]
    assert "Disputed by: Ukraine, the West." in note["content"]


def test_denials_are_opinions_on_the_claim_they_deny(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    opinions = {obj["id"]: obj for obj in objects(bundle, "opinion")}
    denials = [edge for edge in graph["edges"] if edge["status"] == "denied"]
    assert denials
    for edge in denials:
        opinion = opinions[stix_id("opinion", "edge", edge["id"])]
        assert opinion["opinion"] == "strongly-disagree"
        for denied in edge["denies"]:
            assert stix_id("note", "edge", denied) in opinion["object_refs"]


def test_each_document_is_a_report_of_what_it_supports(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    reports = {obj["id"]: obj for obj in objects(bundle, "report")}
    for document in graph["documents"]:
        report = reports[stix_id("report", "document", document["id"])]
        assert report["name"] == document["title"]
        assert report["published"].startswith(document["published"])
        mentioned = {node["id"] for node in graph["nodes"] if document["id"] in node["documents"]}
        for node in graph["nodes"]:
            if node["id"] in mentioned:
                assert stix_id(sdo_type(node["kind"]), "entity", node["id"]) in report["object_refs"]
        supported = [edge for edge in graph["edges"] if any(e["document"] == document["id"] for e in edge["evidence"])]
        kinds = {"reported": "relationship", "claimed": "note", "denied": "opinion"}
        for edge in supported:
            assert stix_id(kinds[edge["status"]], "edge", edge["id"]) in report["object_refs"]


def test_a_selection_is_a_valid_bundle_too(loaded: Store) -> None:
    selection = Selection(("russia", "ukraine", "crocus-attack"), EdgeFilter(types=("CARRIED_OUT",)))
    data = export(write_stix, loaded, selection)
    parsed = stix2.parse(data.decode(), allow_custom=False)
    assert {obj.type for obj in parsed.objects} >= {"note", "opinion", "report", "location", "incident"}


def test_a_synthetic_graph_is_valid() -> None:
    data = b"".join(write_stix(SyntheticSource(40)))  # type: ignore[arg-type]
    parsed = stix2.parse(data.decode(), allow_custom=False)
    assert Counter(obj.type for obj in parsed.objects)["report"] == 1


def test_the_writer_may_be_resumed_on_other_threads() -> None:
    """Starlette iterates a streaming body on worker threads, not always the same one."""
    chunks = write_stix(SyntheticSource(100))  # type: ignore[arg-type]
    out = [next(chunks)]

    def more() -> None:
        out.extend(chunk for _, chunk in zip(range(20), chunks))

    for _ in range(30):
        worker = threading.Thread(target=more)
        worker.start()
        worker.join()
    assert len(orjson.loads(b"".join(out))["objects"]) == 1 + 100 + 200 + 2

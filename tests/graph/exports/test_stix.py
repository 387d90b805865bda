"""graph/exports/stix.py: a STIX 2.1 bundle that the stix2 library accepts without custom content,
with stable ids and times, TLP markings, and claims and denials as notes and opinions, never as
relationships. The platforms' own checks are in test_stix_consumers.py."""
from __future__ import annotations

import datetime as dt
import threading
from collections import Counter
from typing import Any

import orjson
import pytest
import stix2

from graph.exports.source import Selection
from graph.exports.stix import (
    CUSTOM_PROPERTIES,
    EXTENSION,
    TLP_MARKINGS,
    relationship_of,
    sdo_type,
    stix_id,
    write_stix,
)
from graph.filters import EdgeFilter
from graph.services.grades import GradeService
from graph.store import Store
from tests.conftest import counts
from tests.graph.exports.conftest import SyntheticSource, export

pytestmark = pytest.mark.neo4j

SDO_TYPES = {"identity", "location", "threat-actor", "campaign"}


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
    # intelgraph's own properties are only the documented ones, in its one property extension
    for obj in bundle["objects"]:
        extensions = obj.get("extensions", {})
        assert set(extensions) <= {EXTENSION, "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"}
        if EXTENSION in extensions:
            assert set(extensions[EXTENSION]) - {"extension_type"} <= set(CUSTOM_PROPERTIES), obj["id"]
    assert len(objects(bundle, "extension-definition")) == 1


def test_counts_match_the_graph(loaded: Store, graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    totals = counts(loaded)
    types = Counter(obj["type"] for obj in bundle["objects"])
    entities = [obj for obj in bundle["objects"] if obj["type"] in SDO_TYPES and obj["name"] != "intelgraph"]
    states = [node for node in graph["nodes"] if node["kind"] == "State"]
    located = [obj for obj in objects(bundle, "location") if "country" in obj]
    assert 0 < len(located) <= len(states)  # a State whose ISO code is not found has no location
    assert len(entities) == totals["total:entities"] + len(located)
    assert types["relationship"] == totals["status:reported"] + len(located)
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


def test_an_unchanged_graph_exports_the_same_bytes(loaded: Store, bundle_bytes: bytes) -> None:
    assert export(write_stix, loaded) == bundle_bytes


def test_times_come_from_the_graph(loaded: Store, graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    loads = {row["id"]: row for row in loaded.read("export/change_times") if row["what"] == "document"}
    assert loads and all(row["first"] <= row["last"] for row in loads.values())
    for document in graph["documents"]:
        report = next(obj for obj in objects(bundle, "report") if obj["external_references"][0]["external_id"]
                      == document["id"])
        loaded_at = dt.datetime.fromtimestamp(loads[document["id"]]["last"] / 1000, dt.UTC)
        assert report["modified"] == loaded_at.strftime("%Y-%m-%dT%H:%M:%S.") + f"{loaded_at.microsecond // 1000:03d}Z"
    assert all(obj["created"] <= obj.get("modified", obj["created"]) for obj in bundle["objects"])


def test_states_are_an_identity_and_a_country_with_its_iso_code(bundle: dict[str, Any]) -> None:
    identity = stix_id("identity", "entity", "russia")
    location = next(obj for obj in objects(bundle, "location") if obj["id"] == stix_id("location", "entity", "russia"))
    assert location["country"] == "RU"
    assert {(obj["source_ref"], obj["target_ref"]) for obj in objects(bundle, "relationship")
            if obj["relationship_type"] == "located-at"} >= {(identity, location["id"])}
    assert next(obj for obj in objects(bundle, "identity") if obj["id"] == identity)["identity_class"] == "organization"


def test_armed_groups_are_threat_actors(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    actors = {obj["id"]: obj for obj in objects(bundle, "threat-actor")}
    groups = [node for node in graph["nodes"] if node["kind"] == "ArmedGroup"]
    assert groups and len(actors) == len(groups)
    assert all(obj["threat_actor_types"] == ["unknown"] for obj in actors.values())


def test_every_object_carries_the_tlp_marking(bundle: dict[str, Any]) -> None:
    clear = TLP_MARKINGS["clear"]
    assert bundle["objects"][0]["id"] == clear and bundle["objects"][0]["name"] == "TLP:CLEAR"
    assert all(obj["object_marking_refs"] == [clear] for obj in bundle["objects"][1:])


def test_the_tlp_level_is_a_setting(loaded: Store) -> None:
    amber = orjson.loads(export(write_stix, loaded, tlp="amber+strict"))
    assert amber["objects"][0]["name"] == "TLP:AMBER+STRICT"
    assert all(obj["object_marking_refs"] == [TLP_MARKINGS["amber+strict"]] for obj in amber["objects"][1:])
    with pytest.raises(ValueError, match="tlp: unknown TLP 2.0 level 'white'"):
        write_stix(SyntheticSource(1), tlp="white")  # type: ignore[arg-type]


def test_reported_edges_are_relationships(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    relationships = {obj["id"]: obj for obj in objects(bundle, "relationship")}
    kinds = {node["id"]: node["kind"] for node in graph["nodes"]}
    for edge in graph["edges"]:
        object_id = stix_id("relationship", "edge", edge["id"])
        if edge["status"] != "reported":
            assert object_id not in relationships
            continue
        obj = relationships[object_id]
        expected, reverse = relationship_of(edge["type"], kinds[edge["source"]], kinds[edge["target"]])
        assert obj["relationship_type"] in (expected, "related-to")  # related-to: a State without ISO code
        assert obj["extensions"][EXTENSION]["relation"] == edge["type"]
        source, target = (edge["target"], edge["source"]) if reverse else (edge["source"], edge["target"])
        assert obj["source_ref"] == stix_id(sdo_type(kinds[source]), "entity", source)
        # the target's object, or (a State's) location: both have the entity's UUID
        assert obj["target_ref"].split("--")[1] == stix_id("location", "entity", target).split("--")[1]
        assert all(item["quote"] in obj["description"] for item in edge["evidence"])
        assert [ref["description"] for ref in obj["external_references"]] == \
            [f"“{item['quote']}”" for item in edge["evidence"]]
        assert obj["extensions"][EXTENSION]["grade"] == edge["grade"]


def test_claims_are_notes_naming_who_asserts_them(graph: dict[str, Any], bundle: dict[str, Any]) -> None:
    names = {node["id"]: node["name"] for node in graph["nodes"]}
    notes = {obj["id"]: obj for obj in objects(bundle, "note")}
    claim = next(edge for edge in graph["edges"] if edge["status"] == "claimed" and edge["type"] == "CARRIED_OUT"
                 and edge["source"] == "ukraine")
    note = notes[stix_id("note", "edge", claim["id"])]
    assert note["authors"] == [names[claim["asserted_by"]]] == ["Russia"]
    assert note["abstract"].startswith("Russia claims that Ukraine carried out")
    assert stix_id("identity", "entity", "russia") in note["object_refs"]
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
    assert {obj.type for obj in parsed.objects} >= {"note", "opinion", "report", "location", "campaign"}


def test_a_synthetic_graph_is_valid() -> None:
    data = b"".join(write_stix(SyntheticSource(40)))  # type: ignore[arg-type]
    parsed = stix2.parse(data.decode(), allow_custom=False)
    assert Counter(obj.type for obj in parsed.objects)["report"] == 1


def test_the_writer_may_be_resumed_on_other_threads() -> None:
    """Starlette iterates a streaming body on worker threads, not always the same one."""
    chunks = write_stix(SyntheticSource(100))  # type: ignore[arg-type]
    out = [next(chunks)]

    def more() -> None:
        out.extend(chunk for _, chunk in zip(range(20), chunks, strict=False))

    for _ in range(30):
        worker = threading.Thread(target=more)
        worker.start()
        worker.join()
    assert len(orjson.loads(b"".join(out))["objects"]) == 3 + 100 + 200 + 2


def test_a_regraded_edge_gets_a_new_modified_and_nothing_else_changes(loaded: Store, graph: dict[str, Any],
                                                                       bundle: dict[str, Any]) -> None:
    """Last in this module: it changes the graph."""
    before = {obj["id"]: obj for obj in bundle["objects"]}
    edge_id = next(edge["id"] for edge in graph["edges"] if edge["status"] == "reported" and edge["credibility"] != 1)
    relationship = before[stix_id("relationship", "edge", edge_id)]
    GradeService(loaded).override(edge_id, reliability=None, credibility=1, reason="court records", by="test",
                                  via="test")
    after = {obj["id"]: obj for obj in orjson.loads(export(write_stix, loaded))["objects"]}
    changed = after[relationship["id"]]
    assert changed["created"] == relationship["created"]
    assert changed["modified"] > relationship["modified"]
    assert changed["confidence"] == 90
    assert {key for key in after if after[key] != before[key]} == {relationship["id"]}

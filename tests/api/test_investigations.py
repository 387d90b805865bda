"""/investigations: save, list, reopen, rename, delete and export scenes kept from the web page,
stored in Neo4j where no reader of the article graph meets them."""
from __future__ import annotations

import hashlib
import json

import pytest
import stix2

from graph.exports.stix import stix_id
from tests.api.conftest import keyed_client

pytestmark = pytest.mark.neo4j

KEY = "investigation-key-0123456789"
FINGERPRINT = "key:" + hashlib.sha256(KEY.encode()).hexdigest()[:16]


def scene_of(client, center: str = "cia", **filters) -> dict:
    """The scene the page would save after opening on ``center``: its neighbourhood, laid out."""
    graph = client.get("/subgraph", params={"center": center, "hops": 1, **filters}).json()
    nodes = [{"id": node["id"], "x": 100.0 * i, "y": 0.0, "pinned": node["id"] == center}
             for i, node in enumerate(graph["nodes"])]
    return {"nodes": nodes, "hidden": [], "filters": filters, "view": f"?node={center}"}, graph


@pytest.fixture
def saved(client):
    scene, graph = scene_of(client)
    edge = graph["edges"][0]["id"]
    body = {"title": "CIA and its neighbours", "scene": scene,
            "notes": [{"target": "cia", "kind": "node", "text": "Warned Moscow in March."},
                      {"target": edge, "kind": "edge", "text": "Check the second source."}]}
    created = client.post("/investigations", json=body)
    assert created.status_code == 201, created.text
    yield created.json(), graph
    client.delete(f"/investigations/{created.json()['id']}")


def test_save_list_reopen_rename_delete(client, saved):
    investigation, graph = saved
    assert investigation["id"].startswith("inv-") and investigation["author"].startswith("client:")
    assert investigation["nodes"] == len(graph["nodes"]) and investigation["note_count"] == 2
    again = client.get(f"/investigations/{investigation['id']}").json()
    assert again["scene"] == investigation["scene"] and again["notes"] == investigation["notes"]
    assert [n["id"] for n in again["scene"]["nodes"] if n["pinned"]] == ["cia"]
    listed = client.get("/investigations").json()["investigations"]
    assert investigation["id"] in [item["id"] for item in listed]
    assert "scene" not in listed[0]

    renamed = client.patch(f"/investigations/{investigation['id']}", json={"title": "CIA, March 2024"})
    assert renamed.status_code == 200 and renamed.json()["title"] == "CIA, March 2024"
    assert renamed.json()["created"] == investigation["created"]

    body = {"title": "CIA, pruned", "scene": {**investigation["scene"], "nodes": investigation["scene"]["nodes"][:2]},
            "notes": investigation["notes"][:1]}
    replaced = client.put(f"/investigations/{investigation['id']}", json=body).json()
    assert replaced["nodes"] == 2 and replaced["note_count"] == 1 and replaced["author"] == investigation["author"]

    assert client.delete(f"/investigations/{investigation['id']}").status_code == 204
    assert client.get(f"/investigations/{investigation['id']}").status_code == 404
    assert client.delete(f"/investigations/{investigation['id']}").status_code == 404


@pytest.mark.parametrize("change, parameter", [
    (lambda body: body["scene"]["filters"].update(min_grade="Z9"), "scene.filters.min_grade"),
    (lambda body: body["scene"]["filters"].update(during="March"), "scene.filters.during"),
    (lambda body: body["scene"]["filters"].update(types=["NOT_A_TYPE"]), "scene.filters.types"),
    (lambda body: body["scene"]["filters"].update(claims="some"), "scene.filters.claims"),
    (lambda body: body["scene"]["filters"].update(claims="only", exclude_claims=True), "scene.filters.claims"),
    (lambda body: body["notes"].append({"target": "nobody", "kind": "node", "text": "x"}), "notes.0.target"),
])
def test_a_bad_scene_is_refused_naming_the_field(client, change, parameter):
    body = {"title": "bad", "scene": {"nodes": [{"id": "cia"}], "filters": {}}, "notes": []}
    change(body)
    answer = client.post("/investigations", json=body)
    assert answer.status_code == 422 and answer.json()["parameter"] == parameter, answer.text


def test_an_unknown_field_is_refused(client):
    answer = client.post("/investigations", json={"title": "x", "scene": {"nodes": [{"id": "cia", "z": 1}]}})
    assert answer.status_code == 422 and "z" in answer.text


def test_stix_export_is_a_report_of_the_scene_with_its_notes(client, saved):
    investigation, graph = saved
    answer = client.get(f"/investigations/{investigation['id']}/export", params={"format": "stix"})
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/stix+json")
    bundle = stix2.parse(answer.text, allow_custom=False)
    reports = [o for o in bundle.objects if o.type == "report" and "investigation" in (o.get("labels") or [])]
    assert len(reports) == 1 and reports[0].name == "CIA and its neighbours"
    refs = set(reports[0].object_refs)
    by_id = {o.id: o for o in bundle.objects}
    entity_refs = {ref for ref in refs if by_id[ref].type not in ("relationship", "note", "opinion")}
    assert len(entity_refs) == len(graph["nodes"])
    notes = [o for o in bundle.objects if o.type == "note" and "investigation-note" in o.labels]
    assert [n.content for n in notes] == ["Warned Moscow in March.", "Check the second source."]
    assert {n.id for n in notes} <= refs
    cia = next(ref for ref in entity_refs if by_id[ref].name == "Central Intelligence Agency")
    assert notes[0].object_refs == [cia]
    edge = graph["edges"][0]["id"]
    assert notes[1].object_refs[0] in {stix_id(t, "edge", edge) for t in ("relationship", "note", "opinion")}


def test_json_and_gexf_exports_hold_the_scene(client, saved):
    investigation, graph = saved
    body = client.get(f"/investigations/{investigation['id']}/export", params={"format": "json"}).json()
    assert body["investigation"]["notes"] == investigation["notes"]
    assert sorted(n["id"] for n in body["nodes"]) == sorted(n["id"] for n in graph["nodes"])
    assert sorted(e["id"] for e in body["edges"]) == sorted(e["id"] for e in graph["edges"])
    gexf = client.get(f"/investigations/{investigation['id']}/export", params={"format": "gexf"})
    assert gexf.status_code == 200 and gexf.text.startswith("<?xml") and 'id="cia"' in gexf.text
    assert "attachment" in gexf.headers["content-disposition"]


def test_the_scene_filters_apply_to_the_export(client):
    loose, _ = scene_of(client)
    strict, strict_graph = scene_of(client, min_grade="A1")
    strict["nodes"] = loose["nodes"]  # the same entities; only the filter differs
    made = client.post("/investigations", json={"title": "strict", "scene": strict}).json()
    try:
        body = client.get(f"/investigations/{made['id']}/export", params={"format": "json"}).json()
        all_edges = client.get("/subgraph", params={"ids": ",".join(n["id"] for n in loose["nodes"])}).json()["edges"]
        kept = client.get("/subgraph", params={"ids": ",".join(n["id"] for n in loose["nodes"]),
                                               "min_grade": "A1"}).json()["edges"]
        assert len(kept) < len(all_edges), "no edge of the corpus falls below A1 here: pick another filter"
        assert sorted(e["id"] for e in body["edges"]) == sorted(e["id"] for e in kept)
    finally:
        client.delete(f"/investigations/{made['id']}")


def test_the_scene_claims_and_publishers_apply_to_the_export(client):
    scene, _ = scene_of(client, center="southern-bureau")
    ids = ",".join(n["id"] for n in scene["nodes"])
    scene["filters"] = {"claims": "only", "publishers": ["Test Courier"]}
    made = client.post("/investigations", json={"title": "the Courier's claims", "scene": scene})
    assert made.status_code == 201, made.text
    try:
        body = client.get(f"/investigations/{made.json()['id']}/export", params={"format": "json"}).json()
        kept = client.get("/subgraph", params={"ids": ids, "claims": "only", "publishers": "Test Courier"}).json()
        every = client.get("/subgraph", params={"ids": ids}).json()
        assert kept["edges"] and len(kept["edges"]) < len(every["edges"])
        assert sorted(e["id"] for e in body["edges"]) == sorted(e["id"] for e in kept["edges"])
        assert {v["publisher"] for e in body["edges"] for v in e["evidence"]} == {"Test Courier"}
    finally:
        client.delete(f"/investigations/{made.json()['id']}")


def test_no_reader_of_the_article_graph_meets_an_investigation(client, saved, loaded):
    investigation, _ = saved
    whole = client.get("/export", params={"format": "json"})
    assert investigation["id"] not in whole.text and "Warned Moscow in March." not in whole.text
    assert "investigation" not in client.get("/export", params={"format": "stix"}).text
    ranking = client.get("/centrality", params={"measure": "degree", "limit": 1000}).json()
    assert ranking["nodes"] == len(whole.json()["nodes"])
    assert investigation["id"] not in json.dumps(ranking)
    stats = {(row["section"], row["name"]): row["count"] for row in loaded.read("stats")}
    assert stats[("total", "entities")] == len(whole.json()["nodes"])
    assert client.get("/entities", params={"q": "CIA and its neighbours"}).json()["results"] == []


def test_saving_needs_a_key_and_records_its_fingerprint(loaded, neo4j_server):
    with keyed_client(neo4j_server, KEY, open_reads=True) as keyed:
        body = {"title": "keyed", "scene": {"nodes": [{"id": "cia"}]}}
        assert keyed.post("/investigations", json=body).status_code == 401
        assert keyed.post("/investigations", json=body, headers={"X-API-Key": "wrong"}).status_code == 403
        made = keyed.post("/investigations", json=body, headers={"X-API-Key": KEY})
        assert made.status_code == 201 and made.json()["author"] == FINGERPRINT
        assert keyed.get(f"/investigations/{made.json()['id']}").status_code == 200  # reads are open
        assert keyed.delete(f"/investigations/{made.json()['id']}").status_code == 401
        assert keyed.delete(f"/investigations/{made.json()['id']}", headers={"X-API-Key": KEY}).status_code == 204

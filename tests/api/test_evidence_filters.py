"""The edge filter's claims (shown, hidden, only) and publishers through every endpoint that takes
the filter, on the real test graph: alpha (Test Gazette, 2024-05-03) and beta (Test Courier,
2024-05-08) share edges, and each has claims and denials of its own."""
from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.neo4j

CENTER = {"center": "southern-bureau", "hops": 1}


def _edges(client: TestClient, path: str = "/subgraph", **params: Any) -> list[dict[str, Any]]:
    response = client.get(path, params={**CENTER, **params} if path == "/subgraph" else params)
    assert response.status_code == 200, response.text
    return response.json()["edges"]


def _ids(edges: list[dict[str, Any]]) -> set[str]:
    return {edge["id"] for edge in edges}


# --- claims -------------------------------------------------------------------------------------------
def test_claims_shown_hidden_or_only_split_the_edges(client: TestClient) -> None:
    every = _edges(client)
    hidden = _edges(client, claims="hidden")
    only = _edges(client, claims="only")
    assert hidden and only
    assert {edge["status"] for edge in hidden} == {"reported"}
    assert {edge["status"] for edge in only} <= {"claimed", "denied"}
    assert _ids(hidden) | _ids(only) == _ids(every) and not _ids(hidden) & _ids(only)
    assert _ids(_edges(client, claims="shown")) == _ids(every)


def test_exclude_claims_is_claims_hidden(client: TestClient) -> None:
    hidden = _ids(_edges(client, claims="hidden"))
    assert _ids(_edges(client, exclude_claims=True)) == hidden
    assert _ids(_edges(client, exclude_claims=True, claims="hidden")) == hidden  # the same choice twice
    assert _ids(_edges(client, exclude_claims=False, claims="only")) == _ids(_edges(client, claims="only"))


@pytest.mark.parametrize("claims", ["shown", "only"])
def test_claims_contradicting_exclude_claims_is_refused_naming_both(client: TestClient, claims: str) -> None:
    refused = client.get("/subgraph", params={**CENTER, "claims": claims, "exclude_claims": True})
    assert refused.status_code == 422
    assert refused.json()["parameter"] == "claims"
    assert f"claims={claims}" in refused.json()["detail"] and "exclude_claims" in refused.json()["detail"]


def test_an_unknown_claims_choice_is_refused(client: TestClient) -> None:
    refused = client.get("/subgraph", params={**CENTER, "claims": "some"})
    assert refused.status_code == 422 and "claims" in refused.text


def test_claims_only_everywhere_the_filter_goes(client: TestClient) -> None:
    claimed = {"claimed", "denied"}
    claim = _edges(client, claims="only")[0]
    ends = {"from": claim["source"], "to": claim["target"], "mode": "all_shortest"}
    paths = client.get("/paths", params={**ends, "claims": "only"}).json()["paths"]
    assert paths and {edge["status"] for path in paths for edge in path["edges"]} <= claimed
    hidden = client.get("/paths", params={"from": "ana-vey", "to": "red-cell", "claims": "hidden"}).json()
    assert hidden["paths"] == []  # Ana Vey reaches the Red Cell only through claims
    # Expansion counts each neighbour's edges: the claims and the rest add up to all of them.
    counts = {claims: {n["id"]: n["edges"] for n in client.get("/expand", params={
        "id": "southern-bureau", "claims": claims}).json()["neighbours"]} for claims in ("shown", "hidden", "only")}
    assert counts["only"] and counts["hidden"]
    assert {n: counts["hidden"].get(n, 0) + counts["only"].get(n, 0) for n in counts["shown"]} == counts["shown"]
    export = json.loads(client.get("/export", params={"format": "json", "claims": "only"}).content)
    assert export["edges"] and {edge["status"] for edge in export["edges"]} <= claimed
    every = client.get("/centrality", params={"measure": "degree", "limit": 1000}).json()
    only = client.get("/centrality", params={"measure": "degree", "limit": 1000, "claims": "only"}).json()
    assert 0 < only["edges"] < every["edges"]


# --- publishers ---------------------------------------------------------------------------------------
def test_sources_lists_every_publisher_of_a_loaded_document(client: TestClient) -> None:
    publishers = client.get("/sources").json()["publishers"]
    assert {"Test Gazette", "Test Courier", "Financial Times"} <= set(publishers)
    assert publishers == sorted(publishers)


def test_publishers_keep_their_edges_and_only_their_evidence(client: TestClient) -> None:
    every = _edges(client)
    courier = _edges(client, publishers=["Test Courier"])
    assert courier and _ids(courier) < _ids(every)  # alpha's own edges leave
    for edge in courier:
        assert edge["publishers"] == ["Test Courier"]
        assert edge["evidence"] and {v["publisher"] for v in edge["evidence"]} == {"Test Courier"}
        assert edge["weight"] == len(edge["evidence"])
    shared = [edge for edge in every if set(edge["publishers"]) == {"Test Gazette", "Test Courier"}]
    assert shared and _ids(shared) <= _ids(courier)  # an edge both report stays, with beta's quotes only
    both = _edges(client, publishers=["Test Courier", "Test Gazette"])
    assert _ids(both) == {edge["id"] for edge in every if {"Test Gazette", "Test Courier"} & set(edge["publishers"])}


def test_publisher_names_are_matched_as_source_grades_are(client: TestClient) -> None:
    assert _ids(_edges(client, publishers=["test courier"])) == _ids(_edges(client, publishers=["Test Courier"]))


def test_an_unknown_publisher_is_refused_with_the_known_ones_listed(client: TestClient) -> None:
    refused = client.get("/subgraph", params={**CENTER, "publishers": ["The Times"]})
    assert refused.status_code == 422
    problem = refused.json()
    assert problem["parameter"] == "publishers"
    assert "'The Times'" in problem["detail"]
    assert "Financial Times" in problem["detail"] and "Test Courier" in problem["detail"]


def test_publishers_and_as_of_restrict_the_evidence_together(client: TestClient) -> None:
    def export(**params: Any) -> dict[str, Any]:
        return json.loads(client.get("/export", params={"format": "json", **params}).content)

    # Beta (Test Courier) was published on 2024-05-08: on 2024-05-05 it had reported nothing.
    courier = export(publishers="Test Courier", as_of="2024-05-05")
    assert courier["edges"] == [] and courier["documents"] == [] and courier["nodes"] == []
    gazette = export(publishers="Test Gazette", as_of="2024-05-05")
    assert gazette["edges"] and all(v["publisher"] == "Test Gazette" and v["published"] <= "2024-05-05"
                                    for edge in gazette["edges"] for v in edge["evidence"])
    assert {document["id"] for document in gazette["documents"]} == {"test-alpha"}


def test_publishers_everywhere_the_filter_goes(client: TestClient) -> None:
    export = json.loads(client.get("/export", params={"format": "json", "publishers": "Test Courier"}).content)
    assert {document["id"] for document in export["documents"]} == {"test-beta"}
    assert export["edges"] and {v["publisher"] for edge in export["edges"] for v in edge["evidence"]} == {
        "Test Courier"}
    every = client.get("/centrality", params={"measure": "degree", "limit": 1000}).json()
    courier = client.get("/centrality", params={"measure": "degree", "limit": 1000,
                                               "publishers": "Test Courier"}).json()
    assert 0 < courier["edges"] < every["edges"] and courier["nodes"] < every["nodes"]
    neighbours = {n["id"] for n in client.get("/expand", params={"id": "southern-bureau"}).json()["neighbours"]}
    courier_ids = {n["id"] for n in client.get("/expand", params={"id": "southern-bureau",
                                                                 "publishers": "Test Courier"}).json()["neighbours"]}
    assert courier_ids and courier_ids < neighbours
    assert courier_ids == {end for edge in _edges(client, publishers=["Test Courier"])
                           for end in (edge["source"], edge["target"])} - {"southern-bureau"}
    paths = client.get("/paths", params={"from": "CIA", "to": "Isis-K", "publishers": "Test Courier"}).json()
    assert paths["paths"] == []  # the seed article is the Financial Times'
    ft = client.get("/paths", params={"from": "CIA", "to": "Isis-K", "publishers": "Financial Times"}).json()
    assert ft["paths"]

"""GET /subgraph."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


def test_the_neighbourhood_of_an_entity(client):
    response = client.get("/subgraph", params={"center": "fsb", "hops": 1})
    assert response.status_code == 200
    body = response.json()
    ids = {node["id"] for node in body["nodes"]}
    assert "fsb" in ids and "alexander-bortnikov" in ids
    neighbours = {e["other"]["id"] for e in client.get("/entities/fsb").json()["edges"]}
    assert ids == neighbours | {"fsb"}
    for edge in body["edges"]:
        assert edge["source"] in ids and edge["target"] in ids and edge["evidence"]
    assert body["truncated"] is False


def test_more_hops_reach_further_and_the_limit_cuts_it_short(client):
    one = client.get("/subgraph", params={"center": "fsb", "hops": 1}).json()
    two = client.get("/subgraph", params={"center": "fsb", "hops": 2}).json()
    assert {n["id"] for n in one["nodes"]} < {n["id"] for n in two["nodes"]}
    cut = client.get("/subgraph", params={"center": "fsb", "hops": 2, "limit": 3}).json()
    assert len(cut["nodes"]) == 3 and cut["truncated"] is True


def test_chosen_ids_and_their_edges(client):
    response = client.get("/subgraph", params={"ids": "cia,russia,iskp"})
    body = response.json()
    assert {n["id"] for n in body["nodes"]} == {"cia", "russia", "iskp"}
    assert body["edges"] and all({e["source"], e["target"]} <= {"cia", "russia", "iskp"} for e in body["edges"])


def test_filters_apply_to_the_subgraph(client):
    body = client.get("/subgraph", params={"center": "russia", "hops": 1, "exclude_claims": "true"}).json()
    assert body["edges"] and all(edge["status"] == "reported" for edge in body["edges"])


@pytest.mark.parametrize("params, status", [({}, 422), ({"center": "nobody"}, 404), ({"center": "fsb", "hops": 4}, 422),
                                            ({"center": "fsb", "ids": "cia"}, 422)])
def test_bad_selections(client, params, status):
    assert client.get("/subgraph", params=params).status_code == status

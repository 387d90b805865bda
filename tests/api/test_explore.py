"""GET /expand: an entity's neighbours, most relevant first, by direction and type, with the total."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


def edges_of(client, entity: str, **filters) -> list[dict]:
    return client.get(f"/entities/{entity}", params=filters).json()["edges"]


def test_neighbours_are_those_of_the_entity_ranked_by_shared_edges(client):
    answer = client.get("/expand", params={"id": "cia", "limit": 500})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    edges = [e for e in edges_of(client, "cia") if e["source"] != e["target"]]
    expected = {e["target"] if e["source"] == "cia" else e["source"] for e in edges}
    assert {n["id"] for n in body["neighbours"]} == expected and body["total"] == len(expected)
    counts = [n["edges"] for n in body["neighbours"]]
    assert counts == sorted(counts, reverse=True)
    for n in body["neighbours"]:
        assert n["edges"] == sum(1 for e in edges if n["id"] in (e["source"], e["target"]))


def test_direction_and_limit(client):
    out = client.get("/expand", params={"id": "cia", "direction": "out", "limit": 500}).json()
    into = client.get("/expand", params={"id": "cia", "direction": "in", "limit": 500}).json()
    edges = edges_of(client, "cia")
    assert {n["id"] for n in out["neighbours"]} == {e["target"] for e in edges if e["source"] == "cia"}
    assert {n["id"] for n in into["neighbours"]} == {e["source"] for e in edges if e["target"] == "cia"}
    both = client.get("/expand", params={"id": "cia", "limit": 500}).json()
    one = client.get("/expand", params={"id": "cia", "limit": 1}).json()
    assert one["total"] == both["total"] > 1 and one["neighbours"] == both["neighbours"][:1]


def test_the_evidence_filter_applies(client):
    loose = client.get("/expand", params={"id": "cia", "limit": 500}).json()
    strict = client.get("/expand", params={"id": "cia", "limit": 500, "min_grade": "A1"}).json()
    kept = {e["target"] if e["source"] == "cia" else e["source"] for e in edges_of(client, "cia", min_grade="A1")}
    assert {n["id"] for n in strict["neighbours"]} == kept and strict["total"] < loose["total"]
    one_type = client.get("/expand", params={"id": "cia", "limit": 500, "types": "WARNED"}).json()
    assert all(n["edges"] >= 1 for n in one_type["neighbours"]) and one_type["total"] <= loose["total"]


def test_the_entity_is_named_as_everywhere_else(client):
    """Any reference to one entity expands it (the one resolver of graph/references.py)."""
    by_id = client.get("/expand", params={"id": "cia", "limit": 500}).json()
    for reference in ("CIA", "Central Intelligence Agency"):
        assert client.get("/expand", params={"id": reference, "limit": 500}).json() == by_id
    unknown = client.get("/expand", params={"id": "Centrall Inteligence Agency"})
    assert unknown.status_code == 404 and "cia" in unknown.text  # with the closest names


@pytest.mark.parametrize("params, status, parameter", [
    ({"id": "nobody"}, 404, None),
    ({"id": "cia", "direction": "up"}, 422, None),
    ({"id": "cia", "limit": 0}, 422, None),
    ({"id": "cia", "min_grade": "Z"}, 422, "min_grade"),
])
def test_bad_input_is_named(client, params, status, parameter):
    answer = client.get("/expand", params=params)
    assert answer.status_code == status, answer.text
    if parameter:
        assert answer.json()["parameter"] == parameter

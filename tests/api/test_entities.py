"""GET /entities and /entities/{id}."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


def search(client, **params):
    response = client.get("/entities", params=params)
    assert response.status_code == 200, response.text
    return response.json()["results"]


def test_an_exact_alias_comes_first(client):
    results = search(client, q="Isis-K")
    assert results[0]["id"] == "iskp"
    assert {"id", "name", "kind", "aliases", "degree"} == set(results[0])
    assert results[0]["degree"] > 0


@pytest.mark.parametrize("query", ["jehovah's witnesses", "Jehovah’s Witnesses", "JEHOVAH'S WITNESSES"])
def test_case_and_apostrophe_style_do_not_matter(client, query):
    assert search(client, q=query)[0]["id"] == "jehovahs-witnesses"


def test_aliases_find_their_entity(client):
    assert search(client, q="Moscow")[0]["id"] == "russia"
    assert search(client, q="Kyiv")[0]["id"] == "ukraine"
    assert search(client, q="Washington")[0]["id"] == "united-states"


def test_word_prefixes_find_entities_for_autocomplete(client):
    ids = [row["id"] for row in search(client, q="bortn")]
    assert "alexander-bortnikov" in ids


def test_kind_and_limit_narrow_the_results(client):
    results = search(client, q="Moscow", kind="Place")
    assert results and all(row["kind"] == "Place" for row in results)
    assert len(search(client, q="s", limit=2)) <= 2


def test_an_unknown_kind_is_a_422_naming_it(client):
    response = client.get("/entities", params={"q": "fsb", "kind": "Spaceship"})
    assert response.status_code == 422 and response.json()["parameter"] == "kind"


def test_one_entity_comes_with_its_edges_and_evidence(client):
    response = client.get("/entities/fsb")
    assert response.status_code == 200
    entity = response.json()
    assert entity["id"] == "fsb" and entity["edges"]
    assert entity["degree"] == len(entity["edges"])
    for edge in entity["edges"]:
        assert "fsb" in (edge["source"], edge["target"])
        assert edge["other"]["id"] in (edge["source"], edge["target"])
        assert edge["evidence"] and all(e["quote"] for e in edge["evidence"])


def test_an_unknown_entity_is_a_404(client):
    assert client.get("/entities/no-such-entity").status_code == 404

"""Every endpoint names an entity the same way (graph/references.py): the cases of issue 16."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


@pytest.mark.parametrize("reference", ["cia", "CIA", "Central Intelligence Agency", "Q37230"])
def test_get_entity_takes_any_reference(client, reference):
    """Was 404 for anything but the id."""
    response = client.get(f"/entities/{reference}")
    assert response.status_code == 200, response.text
    assert response.json()["id"] == "cia" and response.json()["edges"]


def test_an_ambiguous_reference_is_409_with_the_candidates(client):
    """`Moscow` answered with Russia without saying that the City of Moscow exists too."""
    response = client.get("/entities/Moscow")
    assert response.status_code == 409
    body = response.json()
    assert body["parameter"] == "entity_id"
    assert {c["id"] for c in body["candidates"]} == {"russia", "moscow-city"}
    paths = client.get("/paths", params={"from": "Moscow", "to": "cia"})
    assert paths.status_code == 409 and paths.json()["parameter"] == "from"


def test_an_unknown_reference_is_404_with_suggestions(client):
    response = client.get("/entities/Bortnikof")
    assert response.status_code == 404
    assert response.json()["parameter"] == "entity_id"
    assert response.json()["candidates"][0]["id"] == "alexander-bortnikov"


def test_search_finds_a_misspelt_name(client):
    """`q=Bortnikof` found nothing."""
    response = client.get("/entities", params={"q": "Bortnikof"})
    assert response.status_code == 200
    assert response.json()["results"][0]["id"] == "alexander-bortnikov"


@pytest.mark.parametrize("reference", ["FSB", "Federal Security Service", "fsb"])
def test_a_saved_query_resolves_its_entity_parameter(client, reference):
    """`people_around` with entity=FSB returned no rows."""
    response = client.post("/queries/people_around", json={"parameters": {"entity": reference}})
    assert response.status_code == 200, response.text
    assert response.json()["rows"][0][:2] == ["Alexander Bortnikov", 1]


def test_a_saved_query_names_an_unknown_or_ambiguous_entity(client):
    unknown = client.post("/queries/entity_timeline", json={"parameters": {"entity": "Bortnikof"}})
    assert unknown.status_code == 404 and unknown.json()["parameter"] == "entity"
    ambiguous = client.post("/queries/entity_timeline", json={"parameters": {"entity": "Moscow"}})
    assert ambiguous.status_code == 409 and ambiguous.json()["candidates"]


def test_the_saved_queries_say_which_parameters_name_entities(client):
    listed = {q["name"]: q for q in client.get("/queries").json()["queries"]}
    assert {p["name"]: p["type"] for p in listed["people_around"]["params"]}["entity"] == "entity"


@pytest.mark.parametrize("path", ["/subgraph", "/export"])
def test_center_takes_any_reference(client, path):
    """`export --center FSB` said there is no entity FSB."""
    by_name = client.get(path, params={"center": "FSB", "hops": 1})
    by_id = client.get(path, params={"center": "fsb", "hops": 1})
    assert by_name.status_code == 200, by_name.text
    assert by_name.json()["nodes"] == by_id.json()["nodes"] and by_name.json()["edges"] == by_id.json()["edges"]
    assert "fsb" in {node["id"] for node in by_name.json()["nodes"]}
    missing = client.get(path, params={"center": "Bortnikof"})
    assert missing.status_code == 404 and missing.json()["parameter"] == "center"


@pytest.mark.parametrize("path", ["/subgraph", "/export"])
@pytest.mark.parametrize("references", [
    "CIA,ISKP,VLADIMIR-PUTIN",                                                  # ids in any case
    "Central Intelligence Agency,Islamic State Khorasan Province,Vladimir Putin",  # names
    "cia,Isis-K,Putin",                                                        # aliases
    "Q37230,iskp,Q7747",                                                       # external ids
])
def test_ids_take_any_reference(client, path, references):
    """`ids=` took exact ids only and left out, without a word, whatever else it was given."""
    response = client.get(path, params={"ids": references})
    assert response.status_code == 200, response.text
    assert {node["id"] for node in response.json()["nodes"]} == {"cia", "iskp", "vladimir-putin"}


@pytest.mark.parametrize("path", ["/subgraph", "/export"])
def test_ids_name_an_unknown_or_ambiguous_entity(client, path):
    """`ids=cia,Bortnikof` answered with the CIA alone; `ids=cia,Moscow` with the CIA alone."""
    unknown = client.get(path, params={"ids": "cia,Bortnikof"})
    assert unknown.status_code == 404 and unknown.json()["parameter"] == "ids"
    assert "'Bortnikof'" in unknown.json()["detail"]
    assert unknown.json()["candidates"][0]["id"] == "alexander-bortnikov"
    ambiguous = client.get(path, params={"ids": "cia,Moscow"})
    assert ambiguous.status_code == 409 and ambiguous.json()["parameter"] == "ids"
    assert {c["id"] for c in ambiguous.json()["candidates"]} == {"russia", "moscow-city"}

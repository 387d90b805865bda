"""POST /cypher and the saved queries."""
from __future__ import annotations

import pytest

from tests.conftest import counts

pytestmark = pytest.mark.neo4j


def test_a_parameterised_read_answers_a_table(client):
    response = client.post("/cypher", json={"query": "MATCH (e:Entity {id: $id}) RETURN e.name AS name, e.kind AS kind",
                                            "parameters": {"id": "fsb"}})
    assert response.status_code == 200
    assert response.json() == {"columns": ["name", "kind"], "rows": [["Federal Security Service", "SecurityService"]],
                               "truncated": False} or response.json()["rows"][0][1] == "SecurityService"


def test_nodes_and_paths_come_back_as_plain_data(client):
    response = client.post("/cypher", json={"query": "MATCH p = (:Entity {id: 'fsb'})-[r]-(:Entity) RETURN p LIMIT 1"})
    path = response.json()["rows"][0][0]
    assert path["nodes"][0]["properties"]["id"] == "fsb" and path["relationships"][0]["type"]


def test_rows_are_capped(client, settings):
    response = client.post("/cypher", json={"query": "UNWIND range(1, $n) AS i RETURN i",
                                            "parameters": {"n": settings.cypher_row_cap + 5}})
    body = response.json()
    assert len(body["rows"]) == settings.cypher_row_cap and body["truncated"] is True


@pytest.mark.parametrize("query", [
    "CREATE (n:Entity {id: 'intruder'}) RETURN n",
    "MATCH (n:Entity) DETACH DELETE n",
    "MATCH (n:Entity {id: 'fsb'}) SET n.name = 'x' RETURN n",
    "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    "CREATE INDEX intruder FOR (n:Entity) ON (n.name)",
    "CALL db.createLabel('Intruder')",
])
def test_writes_are_refused_with_403_and_change_nothing(client, loaded, query):
    before = counts(loaded)
    response = client.post("/cypher", json={"query": query})
    assert response.status_code == 403, response.text
    assert response.json()["detail"]
    assert counts(loaded) == before


def test_a_broken_query_is_a_422(client):
    response = client.post("/cypher", json={"query": "MATCH (n RETURN n"})
    assert response.status_code == 422 and response.json()["parameter"] == "query"


def test_saved_queries_are_listed_and_run(client):
    listed = client.get("/queries").json()["queries"]
    names = {q["name"] for q in listed}
    assert {"who_accused_whom", "claims_and_disputes", "extremist_designations"} <= names
    assert len(listed) >= 10 and all(q["title"] and q["description"] for q in listed)
    response = client.post("/queries/extremist_designations", json={"parameters": {"limit": 10}})
    assert response.status_code == 200
    designated = {row[1] for row in response.json()["rows"]}
    assert "Meta Platforms" in designated or any("Meta" in name for name in designated)
    people = client.post("/queries/people_around", json={"parameters": {"entity": "fsb"}}).json()
    assert ["Alexander Bortnikov", 1] == people["rows"][0][:2]


@pytest.mark.parametrize("name, parameters, status", [
    ("no_such_query", {}, 404),
    ("people_around", {}, 422),                              # required parameter missing
    ("people_around", {"entity": "fsb", "limit": "ten"}, 422),  # wrong type
    ("who_accused_whom", {"bogus": 1}, 422),                 # unknown parameter
])
def test_saved_query_errors(client, name, parameters, status):
    assert client.post(f"/queries/{name}", json={"parameters": parameters}).status_code == status

"""GET /documents: the metadata behind each quote (publisher, title, date)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j

SEED = "ft-2024-crocus-intelligence"


def test_documents_by_id_carry_title_publisher_and_date(client):
    response = client.get("/documents", params={"ids": SEED})
    assert response.status_code == 200, response.text
    [document] = response.json()["documents"]
    assert document == {"id": SEED, "title": "Why Russian intelligence dismissed US warnings of terror threat",
                        "publisher": "Financial Times", "published": "2024-04-03", "url": None}


@pytest.mark.parametrize("params", [{"ids": "test-beta,ft-2024-crocus-intelligence,test-alpha"},
                                    [("ids", "test-beta"), ("ids", SEED), ("ids", "test-alpha,test-beta")]])
def test_ids_can_be_comma_separated_or_repeated_and_come_back_sorted_once(client, params):
    documents = client.get("/documents", params=params).json()["documents"]
    assert [d["id"] for d in documents] == sorted({SEED, "test-alpha", "test-beta"})
    assert all(d["publisher"] and d["published"] for d in documents)


def test_unknown_ids_are_left_out(client):
    documents = client.get("/documents", params={"ids": f"no-such-document,{SEED}"}).json()["documents"]
    assert [d["id"] for d in documents] == [SEED]
    assert client.get("/documents", params={"ids": "no-such-document"}).json() == {"documents": []}


def test_every_evidence_document_of_a_path_is_known(client):
    paths = client.get("/paths", params={"from": "cia", "to": "iskp", "mode": "all_shortest"}).json()["paths"]
    cited = {ev["document"] for path in paths for edge in path["edges"] for ev in edge["evidence"]}
    known = {d["id"] for d in client.get("/documents", params={"ids": ",".join(cited)}).json()["documents"]}
    assert cited and known == cited


@pytest.mark.parametrize("params", [{}, {"ids": ""}, {"ids": " , "}])
def test_no_id_is_a_422_naming_ids(client, params):
    response = client.get("/documents", params=params)
    assert response.status_code == 422
    assert response.json()["parameter"] == "ids"


def test_too_many_ids_is_a_422(client):
    response = client.get("/documents", params={"ids": ",".join(f"d{i}" for i in range(501))})
    assert response.status_code == 422 and response.json()["parameter"] == "ids"

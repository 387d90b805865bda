"""GET /paths against the real Neo4j: the answer, each filter, the modes and the errors."""
from __future__ import annotations

import pytest

from tests.api.conftest import SEED_CORPUS, TEST_CORPUS

pytestmark = pytest.mark.neo4j

TEXTS = {
    "ft-2024-crocus-intelligence": (SEED_CORPUS / "crocus-city-hall-ft-2024.txt").read_text(),
    "test-alpha": (TEST_CORPUS / "alpha.txt").read_text(),
    "test-beta": (TEST_CORPUS / "beta.txt").read_text(),
}


def paths(client, **params):
    response = client.get("/paths", params=params)
    assert response.status_code == 200, response.text
    return response.json()["paths"]


def route(path):
    return [node["id"] for node in path["nodes"]]


def test_cia_to_isis_k_in_at_most_four_hops_with_a_verbatim_quote_on_every_edge(client):
    found = paths(client, **{"from": "CIA", "to": "Isis-K"})
    assert len(found) == 1
    path = found[0]
    assert route(path)[0] == "cia" and route(path)[-1] == "iskp"
    assert 1 <= len(path["edges"]) <= 4
    assert len(path["nodes"]) == len(path["edges"]) + 1
    for step, edge in enumerate(path["edges"]):
        # each edge joins consecutive nodes, in one direction or the other (undirected search)
        assert {edge["source"], edge["target"]} == {route(path)[step], route(path)[step + 1]}
        assert edge["type"] and edge["status"] in ("reported", "claimed", "denied")
        assert edge["evidence"], edge
        for evidence in edge["evidence"]:
            assert TEXTS[evidence["document"]][evidence["start"]:evidence["end"]] == evidence["quote"]
        if edge["status"] != "reported":
            assert edge["asserted_by"]


def test_names_ids_and_aliases_all_resolve(client):
    assert route(paths(client, **{"from": "Isis-Khorasan", "to": "CIA"})[0])[0] == "iskp"
    assert route(paths(client, **{"from": "iskp", "to": "cia"})[0])[0] == "iskp"
    assert route(paths(client, **{"from": "isis-k", "to": "cia"})[0])[0] == "iskp"


def test_exclude_claims_drops_claimed_and_denied_edges(client):
    # Ana Vey reaches the Red Cell only through the Bureau's claims about the Northern Service.
    found = paths(client, **{"from": "ana-vey", "to": "red-cell"})
    assert found and any(edge["status"] != "reported" for edge in found[0]["edges"])
    assert paths(client, **{"from": "ana-vey", "to": "red-cell", "exclude_claims": "true"}) == []
    k_shortest = {"from": "CIA", "to": "Isis-K", "exclude_claims": "true", "mode": "k_shortest", "k": 5}
    for path in paths(client, **k_shortest):
        assert all(edge["status"] == "reported" for edge in path["edges"])


def test_types_and_exclude_types_restrict_the_relation_types(client):
    allowed = {"LEADS", "ACCUSED", "CLAIMED_RESPONSIBILITY", "CARRIED_OUT"}
    found = paths(client, **{"from": "ana-vey", "to": "red-cell", "types": ",".join(sorted(allowed))})
    assert found and {edge["type"] for edge in found[0]["edges"]} <= allowed
    assert paths(client, **{"from": "ana-vey", "to": "red-cell", "types": "LEADS"}) == []
    default = paths(client, **{"from": "ana-vey", "to": "red-cell"})
    excluded = {edge["type"] for edge in default[0]["edges"]}
    for path in paths(client, **{"from": "ana-vey", "to": "red-cell", "exclude_types": ",".join(excluded),
                                 "mode": "k_shortest", "k": 5}):
        assert not {edge["type"] for edge in path["edges"]} & excluded


def test_directed_follows_edges_from_subject_to_object(client):
    undirected = paths(client, **{"from": "red-cell", "to": "ana-vey"})
    assert undirected
    # every edge on that route points from Ana Vey's side towards the Red Cell, so walking
    # it from the Red Cell against the arrows is not allowed
    assert paths(client, **{"from": "red-cell", "to": "ana-vey", "directed": "true"}) == []
    for path in paths(client, **{"from": "ana-vey", "to": "harbour-market-bombing", "directed": "true",
                                 "mode": "k_shortest", "k": 5}):
        for step, edge in enumerate(path["edges"]):
            assert (edge["source"], edge["target"]) == (route(path)[step], route(path)[step + 1])


def test_document_since_and_until_filter_by_evidence(client):
    only_beta = paths(client, **{"from": "ilo-marsh", "to": "southern-bureau", "document": "test-beta"})
    assert only_beta
    assert all("test-beta" in {e["document"] for e in edge["evidence"]} for edge in only_beta[0]["edges"])
    assert paths(client, **{"from": "ilo-marsh", "to": "southern-bureau", "document": "test-alpha"}) == []
    # The Red Cell's claim of the bombing is dated 2 May 2024; the other alpha edges 3 May
    # (publication), beta's 8 May, and the Northern Service's warning April 2024.
    direct = {"from": "red-cell", "to": "harbour-market-bombing", "max_hops": 1}
    assert paths(client, **direct, until="2024-05-02")
    assert paths(client, **direct, since="2024-05-03") == []
    assert paths(client, **{"from": "ana-vey", "to": "southern-bureau", "until": "2024-05-02"}) == []
    assert paths(client, **{"from": "ana-vey", "to": "southern-bureau", "since": "2024-05-03"})


def test_max_hops_bounds_the_length(client):
    shortest = paths(client, **{"from": "ana-vey", "to": "red-cell"})
    hops = len(shortest[0]["edges"])
    assert paths(client, **{"from": "ana-vey", "to": "red-cell", "max_hops": hops - 1}) == []
    assert paths(client, **{"from": "ana-vey", "to": "red-cell", "max_hops": hops})


def test_k_shortest_returns_distinct_paths_in_order_of_length(client):
    found = paths(client, **{"from": "CIA", "to": "Isis-K", "mode": "k_shortest", "k": 6})
    assert 2 <= len(found) <= 6
    routes = [tuple(route(p)) for p in found]
    assert len(set(routes)) == len(routes)
    lengths = [len(p["edges"]) for p in found]
    assert lengths == sorted(lengths)
    assert lengths[0] == len(paths(client, **{"from": "CIA", "to": "Isis-K"})[0]["edges"])
    for path in found:  # no entity twice on a path
        assert len(set(route(path))) == len(route(path))


def test_all_shortest_paths_share_the_shortest_length(client):
    found = paths(client, **{"from": "CIA", "to": "Isis-K", "mode": "all_shortest"})
    shortest = len(paths(client, **{"from": "CIA", "to": "Isis-K"})[0]["edges"])
    assert found and {len(p["edges"]) for p in found} == {shortest}
    assert len({tuple(route(p)) for p in found}) == len(found)


def test_an_ambiguous_name_answers_409_with_the_candidates(client):
    response = client.get("/paths", params={"from": "Red Cell", "to": "cia"})
    assert response.status_code == 409
    body = response.json()
    assert body["parameter"] == "from"
    assert {c["id"] for c in body["candidates"]} == {"red-cell", "red-cell-hackers"}
    assert {"id", "name", "kind"} <= set(body["candidates"][0])
    # an id, or an alias only one of them has, is not ambiguous
    assert client.get("/paths", params={"from": "red-cell-hackers", "to": "red-cell"}).status_code == 200
    assert client.get("/paths", params={"from": "Red Cell hackers", "to": "red-cell"}).status_code == 200


def test_an_unknown_name_answers_404(client):
    response = client.get("/paths", params={"from": "Nobody At All", "to": "cia"})
    assert response.status_code == 404
    assert "from" in response.json()["detail"]


@pytest.mark.parametrize("params, parameter", [
    ({"max_hops": 11}, "max_hops"),
    ({"max_hops": 0}, "max_hops"),
    ({"k": 21, "mode": "k_shortest"}, "k"),
    ({"mode": "fastest"}, "mode"),
    ({"types": "NOT_A_TYPE"}, "types"),
    ({"since": "yesterday"}, "since"),
])
def test_bad_parameters_answer_422_naming_the_parameter(client, params, parameter):
    response = client.get("/paths", params={"from": "cia", "to": "iskp", **params})
    assert response.status_code == 422
    assert response.json()["parameter"] == parameter


@pytest.mark.parametrize("ends", [("CIA", "cia"), ("cia", "cia"), ("CIA", "Central Intelligence Agency")])
def test_the_same_entity_at_both_ends_is_a_bad_request(client, ends):
    response = client.get("/paths", params={"from": ends[0], "to": ends[1]})
    assert response.status_code == 422
    assert response.json()["parameter"] == "to"


@pytest.mark.parametrize("mode", ["shortest", "all_shortest", "k_shortest"])
def test_ends_are_named_whether_given_by_id_or_by_name_and_with_no_path(client, mode):
    """Ids are found in the path search itself, names through a resolution first: same answer."""
    by_id = client.get("/paths", params={"from": "iskp", "to": "cia", "mode": mode}).json()
    by_name = client.get("/paths", params={"from": "Isis-K", "to": "Central Intelligence Agency", "mode": mode}).json()
    assert by_id == by_name and by_id["paths"]
    assert (by_id["from"]["id"], by_id["from"]["kind"], by_id["to"]["id"]) == ("iskp", "ArmedGroup", "cia")
    none = client.get("/paths", params={"from": "ana-vey", "to": "red-cell", "max_hops": 1, "mode": mode}).json()
    assert none["paths"] == [] and (none["from"]["id"], none["to"]["id"]) == ("ana-vey", "red-cell")

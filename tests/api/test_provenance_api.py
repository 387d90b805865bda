"""Grades, sources, times and explain=true through the HTTP API (docs/provenance.md)."""
from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from graph.store import Store
from tests.api.conftest import keyed_client

pytestmark = pytest.mark.neo4j

KEY = "grade-key-0123456789"
FINGERPRINT = "key:" + hashlib.sha256(KEY.encode()).hexdigest()[:16]


@pytest.fixture(scope="module")
def keyed(loaded: Store, neo4j_server: Any):
    """Keys configured, reads open: changing a grade needs the key, reading one does not."""
    with keyed_client(neo4j_server, KEY, open_reads=True) as client:
        yield client


def _edge(client: TestClient, **where: str) -> dict[str, Any]:
    entity = client.get(f"/entities/{where['source']}").json()
    return next(e for e in entity["edges"] if all(e[k] == v for k, v in where.items()))


def test_one_edge_with_its_grade_and_evidence(keyed: TestClient) -> None:
    leads = _edge(keyed, source="ana-vey", type="LEADS")
    answer = keyed.get(f"/edges/{leads['id']}")
    assert answer.status_code == 200
    edge = answer.json()
    assert (edge["grade"], edge["source_entity"]["name"], edge["target_entity"]["id"]) == (
        "F2", "Ana Vey", "southern-bureau")
    assert edge["evidence"][0]["subject_name"] == "Ana Vey" and edge["evidence"][0]["publisher"] == "Test Gazette"
    assert keyed.get("/edges/e-0000000000000000").status_code == 404
    assert keyed.get("/edges/not-an-edge").status_code == 422


def test_an_override_needs_a_key_and_is_audited(keyed: TestClient) -> None:
    leads = _edge(keyed, source="ana-vey", type="LEADS")
    body = {"credibility": 1, "reason": "confirmed by the Bureau's own register", "by": "a.analyst"}
    assert keyed.put(f"/edges/{leads['id']}/grade", json=body).status_code == 401
    assert keyed.put(f"/edges/{leads['id']}/grade", json=body, headers={"X-API-Key": "wrong"}).status_code == 403
    assert keyed.put(f"/edges/{leads['id']}/grade", json=body | {"credibility": 0},
                     headers={"X-API-Key": KEY}).status_code == 422
    changed = keyed.put(f"/edges/{leads['id']}/grade", json=body, headers={"X-API-Key": KEY})
    assert changed.status_code == 200, changed.text
    assert changed.json()["grade"] == "F1" and changed.json()["grade_reason"].startswith("F1 set by a.analyst")
    cleared = keyed.delete(f"/edges/{leads['id']}/grade", params={"reason": "register was wrong", "by": "b.analyst"},
                           headers={"X-API-Key": KEY})
    assert cleared.status_code == 200 and cleared.json()["grade"] == "F2"
    history = keyed.get(f"/edges/{leads['id']}/grade/history").json()["changes"]
    assert [(c["action"], c["by"], c["via"]) for c in history] == [
        ("set", "a.analyst", FINGERPRINT), ("cleared", "b.analyst", FINGERPRINT)]


def test_grading_a_source_regrades_its_edges(keyed: TestClient) -> None:
    body = {"reliability": "C", "reason": "fairly reliable so far", "by": "a.analyst"}
    assert keyed.put("/sources/publisher/Test%20Courier", json=body).status_code == 401
    answer = keyed.put("/sources/publisher/Test%20Courier", json=body, headers={"X-API-Key": KEY})
    assert answer.status_code == 200, answer.text
    assert {"name": "Test Courier", "reliability": "C", "kind": "publisher"}.items() <= next(
        s for s in answer.json()["sources"] if s["name"] == "Test Courier").items()
    marsh = _edge(keyed, source="ilo-marsh", type="SPOKESPERSON_FOR")  # beta (Test Courier) alone
    assert marsh["reliability"] == "C"
    assert keyed.get("/sources/publisher/Test%20Courier/history").json()["changes"][-1]["via"] == FINGERPRINT


def test_filters_by_grade_time_and_day(keyed: TestClient) -> None:
    every = keyed.get("/subgraph", params={"center": "southern-bureau", "hops": 1}).json()
    confirmed = keyed.get("/subgraph", params={"center": "southern-bureau", "hops": 1, "min_grade": "1"}).json()
    assert confirmed["edges"] and all(edge["credibility"] == 1 for edge in confirmed["edges"])
    assert len(confirmed["edges"]) < len(every["edges"])
    before_beta = keyed.get("/subgraph", params={"center": "southern-bureau", "hops": 1, "as_of": "2024-05-05"}).json()
    assert {node["id"] for node in before_beta["nodes"]} == {"southern-bureau", "northern-service", "ana-vey"}
    april = keyed.get("/subgraph", params={"center": "southern-bureau", "hops": 1, "during": "2024-04-01..2024-04-30"})
    assert [edge["type"] for edge in april.json()["edges"]] == ["WARNED"]
    for params, parameter in (({"during": "April"}, "during"), ({"min_grade": "G9"}, "min_grade")):
        refused = keyed.get("/subgraph", params={"center": "southern-bureau", **params})
        assert refused.status_code == 422 and refused.json()["parameter"] == parameter


def test_exports_take_as_of_too(keyed: TestClient) -> None:
    answer = keyed.get("/export", params={"format": "json", "as_of": "2024-05-05"}, headers={"X-API-Key": KEY})
    data = json.loads(answer.content)
    assert "test-beta" not in {document["id"] for document in data["documents"]}
    assert all(v["published"] <= "2024-05-05" for edge in data["edges"] for v in edge["evidence"])


def test_explain_gives_cypher_that_reruns_to_the_same_answer(keyed: TestClient, loaded: Store) -> None:
    plain = keyed.get("/paths", params={"from": "ilo-marsh", "to": "red-cell"}).json()
    assert "cypher" not in plain
    explained = keyed.get("/paths", params={"from": "ilo-marsh", "to": "red-cell", "explain": "true"}).json()
    steps = explained.pop("cypher")
    assert explained == plain
    path_step = next(step for step in steps if step["statement"].startswith("paths/"))
    assert path_step["browser"].startswith(":params {") and path_step["cypher"] in path_step["browser"]
    with loaded.driver.session(database=loaded.settings.neo4j_database) as session:
        rerun = session.run(path_step["cypher"], path_step["parameters"]).data()
    assert [row["edges"] for row in rerun] == [path["edges"] for path in plain["paths"]]

    ranked = keyed.get("/centrality", params={"measure": "degree", "explain": "true"}).json()
    assert [step["statement"] for step in ranked["cypher"]] == ["analytics/projection_nodes",
                                                                "analytics/projection_edges"]

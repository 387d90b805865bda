"""POST /merges, POST /merges/{id}/undo, GET /merges[/{id}]: keys, refusals, and a merge undone."""
from __future__ import annotations

import hashlib

import pytest

from tests.api.conftest import keyed_client
from tests.conftest import counts

pytestmark = pytest.mark.neo4j

KEY = "merge-key-0123456789"
FINGERPRINT = "key:" + hashlib.sha256(KEY.encode()).hexdigest()[:16]
MERGE = {"into": "ana-vey", "source": "ilo-marsh", "reason": "one person, two names", "by": "a.analyst"}
UNDO = {"reason": "two people after all", "by": "a.analyst"}


@pytest.fixture(scope="module")
def closed(loaded, neo4j_server):
    """Keys configured and reads closed: every merge endpoint needs a key."""
    with keyed_client(neo4j_server, KEY, open_reads=False) as client:
        yield client


@pytest.fixture(scope="module")
def open_reads(loaded, neo4j_server):
    with keyed_client(neo4j_server, KEY, open_reads=True) as client:
        yield client


def test_merging_and_undoing_need_a_key(closed, loaded):
    before = counts(loaded)
    assert closed.post("/merges", json=MERGE).status_code == 401
    assert closed.post("/merges", json=MERGE, headers={"X-API-Key": "wrong"}).status_code == 403
    assert closed.get("/merges").status_code == 401
    assert counts(loaded) == before

    merged = closed.post("/merges", json=MERGE, headers={"Authorization": f"Bearer {KEY}"})
    assert merged.status_code == 200, merged.text
    record = merged.json()["merge"]
    assert (record["into"], record["source"], record["by"], record["via"]) == ("ana-vey", "ilo-marsh", "a.analyst",
                                                                               FINGERPRINT)
    assert merged.json()["changes"]["entities_removed"] == 1
    assert counts(loaded)["total:entities"] == before["total:entities"] - 1

    path = f"/merges/{record['id']}"
    assert closed.get(path).status_code == 401
    assert closed.get(path, headers={"X-API-Key": KEY}).json() == record
    assert closed.post(f"{path}/undo", json=UNDO).status_code == 401
    assert closed.post(f"{path}/undo", json=UNDO, headers={"X-API-Key": "wrong"}).status_code == 403
    undone = closed.post(f"{path}/undo", json=UNDO, headers={"X-API-Key": KEY})
    assert undone.status_code == 200, undone.text
    assert undone.json()["merge"]["unmerged"]["via"] == FINGERPRINT
    assert counts(loaded) == before

    listed = closed.get("/merges", headers={"X-API-Key": KEY}).json()["merges"]
    assert [m["id"] for m in listed][:1] == [record["id"]] and not listed[0]["active"]
    assert closed.get("/merges", params={"active_only": True}, headers={"X-API-Key": KEY}).json() == {"merges": []}


def test_open_reads_list_merges_without_a_key_but_writes_still_need_one(open_reads):
    assert open_reads.get("/merges").status_code == 200
    assert open_reads.post("/merges", json=MERGE).status_code == 401


@pytest.mark.parametrize(("body", "status", "parameter"), [
    (MERGE | {"source": "red-cell"}, 422, "source"),
    (MERGE | {"source": "ana-vey"}, 422, "source"),
    (MERGE | {"source": "nobody"}, 404, "source"),
    (MERGE | {"into": "nobody"}, 404, "into"),
    (MERGE | {"reason": ""}, 422, "reason"),
    (MERGE | {"extra": 1}, 422, "extra"),
])
def test_refusals_name_the_parameter(client, loaded, body, status, parameter):
    before = counts(loaded)
    response = client.post("/merges", json=body)
    assert response.status_code == status, response.text
    assert response.json()["parameter"] == parameter
    assert counts(loaded) == before


def test_undoing_twice_or_an_unknown_merge(client):
    merge_id = client.post("/merges", json=MERGE).json()["merge"]["id"]
    assert client.post(f"/merges/{merge_id}/undo", json=UNDO).status_code == 200
    again = client.post(f"/merges/{merge_id}/undo", json=UNDO)
    assert again.status_code == 422 and again.json()["parameter"] == "merge"
    assert "already undone" in again.json()["detail"]
    unknown = client.post("/merges/m-0000/undo", json=UNDO)
    assert unknown.status_code == 404 and unknown.json()["parameter"] == "merge"
    assert client.get("/merges/m-0000").status_code == 404


@pytest.mark.parametrize(("into", "source"), [
    ("ANA-VEY", "Ilo-Marsh"),   # ids in any case
    ("Ana Vey", "Ilo Marsh"),   # names
    ("ana-vey", "Marsh"),       # an alias
])
def test_merge_takes_any_reference(client, loaded, into, source):
    """A merge took exact ids only: `Ana Vey` and `Marsh` were "no entity with id"."""
    before = counts(loaded)
    merged = client.post("/merges", json=MERGE | {"into": into, "source": source})
    assert merged.status_code == 200, merged.text
    record = merged.json()["merge"]
    assert (record["into"], record["source"]) == ("ana-vey", "ilo-marsh")
    assert client.post(f"/merges/{record['id']}/undo", json=UNDO).status_code == 200
    assert counts(loaded) == before


def test_merge_takes_an_external_id(client, loaded):
    before = counts(loaded)
    merged = client.post("/merges", json=MERGE | {"into": "Q37230", "source": "Southern Bureau"})
    assert merged.status_code == 200, merged.text
    record = merged.json()["merge"]
    assert (record["into"], record["source"]) == ("cia", "southern-bureau")
    assert client.post(f"/merges/{record['id']}/undo", json=UNDO).status_code == 200
    assert counts(loaded) == before


def test_merge_names_an_ambiguous_or_unknown_entity(client, loaded):
    before = counts(loaded)
    ambiguous = client.post("/merges", json=MERGE | {"into": "Red Cell"})
    assert ambiguous.status_code == 409 and ambiguous.json()["parameter"] == "into"
    assert {c["id"] for c in ambiguous.json()["candidates"]} == {"red-cell", "red-cell-hackers"}
    unknown = client.post("/merges", json=MERGE | {"source": "Ilo Marsch"})
    assert unknown.status_code == 404 and unknown.json()["parameter"] == "source"
    assert [c["id"] for c in unknown.json()["candidates"]] == ["ilo-marsh"]
    assert counts(loaded) == before

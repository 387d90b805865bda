"""/drafts end to end over a real Neo4j: draft a pasted article, decide, conflict, undo, load,
then read the new document at its spans (GET /documents/{id})."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph.settings import Settings
from graph.store import Store
from tests.api.conftest import keyed_client
from tests.conftest import FIXTURES, free_port

pytestmark = pytest.mark.neo4j

ARTICLE = (FIXTURES / "workbench" / "article.txt").read_text(encoding="utf-8")
NEW = {"text": ARTICLE, "title": "Russia's FSB accuses Ukraine over concert hall attack",
       "publisher": "Example Wire", "published": "2024-03-26", "url": "https://example.org/fsb-ukraine"}


@pytest.fixture
def folders(tmp_path: Path, neo4j_server: Settings, nlp_server: Settings) -> Settings:
    return neo4j_server.model_copy(update={"drafts_dir": tmp_path / "drafts", "corpus_dir": tmp_path / "corpus"})


@pytest.fixture
def bench(loaded: Store, folders: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(folders)) as client:
        yield client


def _draft(client: TestClient, **extra: str) -> dict:
    answer = client.post("/drafts", json={**NEW, **extra})
    assert answer.status_code == 201, answer.text
    return answer.json()


def test_a_pasted_article_becomes_a_draft_of_candidates_with_spans(bench: TestClient, folders: Settings) -> None:
    draft = _draft(bench)
    assert draft["id"] == "example-wire-russias-fsb-accuses-ukraine-over-concert-hall"
    assert draft["version"] == 1 and draft["reviewed"] == 0 and draft["left"] == draft["candidates"] > 3
    assert draft["text"] == ARTICLE
    assert draft["document"]["publisher"] == "Example Wire" and draft["document"]["published"] == "2024-03-26"
    assert draft["relations"], "the extractor proposed no relation"
    for rel in draft["relations"]:
        assert draft["text"][rel["start"]:rel["end"]] == rel["quote"]
        assert rel["open"] and rel["review"]["reason"]
    fsb = next(e for e in draft["entities"] if e["id"] == "fsb")  # the graph's FSB, recognised
    assert fsb["open"] and any(m["entity"] == "fsb" for m in draft["mentions"])
    assert (folders.drafts_dir / draft["id"] / "draft.facts.yaml").is_file()
    assert bench.get("/drafts").json()["drafts"][0]["id"] == draft["id"]
    assert bench.get(f"/drafts/{draft['id']}").headers["etag"] == '"1"'


def test_an_nlp_server_that_does_not_answer_is_503_and_no_draft_is_kept(loaded: Store, folders: Settings) -> None:
    """The API's own settings name the NLP server; one that does not answer is a service away
    for a while (503 and Retry-After, as for Neo4j), never a 500, and no half-made draft stays."""
    away = folders.model_copy(update={"corenlp_url": f"http://127.0.0.1:{free_port()}"})
    with TestClient(create_app(away)) as client:
        # a text of its own: the run's cache of the server's answers would read the usual one
        answer = client.post("/drafts", json={**NEW, "text": ARTICLE + "\nA line only this test sends.\n"})
        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] and "NLP server" in answer.json()["detail"]
        assert client.get("/drafts").json()["drafts"] == []
    assert not folders.drafts_dir.exists() or not any(folders.drafts_dir.iterdir())


def test_nothing_is_guessed_and_unknown_fields_are_refused(bench: TestClient) -> None:
    answer = bench.post("/drafts", json={k: v for k, v in NEW.items() if k != "published"})
    assert answer.status_code == 422 and answer.json()["parameter"] == "published"
    answer = bench.post("/drafts", json={**NEW, "author": "x"})
    assert answer.status_code == 422 and answer.json()["parameter"] == "author"
    assert bench.get("/drafts/no-such-draft").status_code == 404


def test_a_stale_version_is_a_conflict_and_nothing_changes(bench: TestClient) -> None:
    draft = _draft(bench)
    rel = draft["relations"][0]["id"]
    first = bench.post(f"/drafts/{draft['id']}/decisions",
                       json={"version": 1, "decisions": [{"action": "accept", "section": "relation", "id": rel}]})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = bench.post(f"/drafts/{draft['id']}/decisions",
                       json={"version": 1, "decisions": [{"action": "reject", "section": "relation", "id": rel}]})
    assert stale.status_code == 409
    assert "version 2" in stale.json()["detail"] and "version 1" in stale.json()["detail"]
    assert bench.get(f"/drafts/{draft['id']}").json()["version"] == 2


def test_a_bad_decision_is_named_and_nothing_is_applied(bench: TestClient) -> None:
    draft = _draft(bench)
    rel = draft["relations"][0]["id"]
    answer = bench.post(f"/drafts/{draft['id']}/decisions", json={"version": 1, "decisions": [
        {"action": "accept", "section": "relation", "id": rel},
        {"action": "edit", "section": "relation", "id": rel, "changes": {"status": "rumoured"}}]})
    assert answer.status_code == 422, answer.text
    assert any(p["where"].startswith(f"relation {rel}") and "status" in p["where"] for p in answer.json()["problems"])
    again = bench.get(f"/drafts/{draft['id']}").json()
    assert again["version"] == 1 and again["reviewed"] == 0


def test_review_undo_add_and_load_then_the_document_view(bench: TestClient, folders: Settings) -> None:
    draft = _draft(bench, id="wire-fsb-ukraine")
    url = "/drafts/wire-fsb-ukraine"
    rels = draft["relations"]
    edited, rejected = rels[0], rels[-1]
    answer = bench.post(url + "/decisions", json={"version": 1, "decisions": [
        {"action": "edit", "section": "relation", "id": edited["id"], "changes": {"status": "claimed",
                                                                                "asserted_by": edited["subject"]}},
        {"action": "reject", "section": "relation", "id": rejected["id"]}]})
    assert answer.status_code == 200, answer.text
    assert answer.json()["reviewed"] == 2
    undone = bench.post(url + "/undo", json={"version": 2}).json()
    assert undone["version"] == 3 and any(r["id"] == rejected["id"] and r["open"] for r in undone["relations"])
    quote = "Islamic State claimed responsibility for the attack"
    start, event = ARTICLE.index(quote), ARTICLE.index("the attack on Crocus City Hall")
    answer = bench.post(url + "/decisions", json={"version": 3, "decisions": [
        {"action": "add", "section": "entity", "changes": {"start": event, "end": event + 30, "kind": "Event",
                                                           "name": "Crocus City Hall attack"}},
        {"action": "add", "section": "relation", "changes": {
            "subject": "islamic-state", "type": "CLAIMED_RESPONSIBILITY", "object": "crocus-city-hall-attack",
            "status": "claimed", "asserted_by": "islamic-state", "start": start, "end": start + len(quote)}}]})
    assert answer.status_code == 200, answer.text
    drafted = {r["id"] for r in rels}  # the extractor may have proposed the same fact: find the one added
    added = next(r for r in answer.json()["relations"] if r["id"] not in drafted
                 and r["type"] == "CLAIMED_RESPONSIBILITY")
    assert not added["open"]
    assert (added["start"], added["end"]) == (start, start + len(quote)) and added["quote"] == quote

    refused = bench.post(url + "/load", json={"version": 4})
    assert refused.status_code == 422
    assert not (folders.corpus_dir / "wire-fsb-ukraine.facts.yaml").exists()
    assert any(p["message"].startswith("not reviewed yet") for p in refused.json()["problems"])

    answer = bench.post(url + "/decisions", json={"version": 4, "decisions": [
        {"action": "accept", "section": "relation", "id": "*"}]})
    assert answer.status_code == 422  # "*" is not an id here: the page accepts one by one
    done = bench.post(url + "/decisions", json={"version": 4, "decisions": [
        {"action": "accept", "section": s, "id": i["id"]} for s, i in
        [("entity", e) for e in answer_items(bench, url, "entities")] + [("relation", r) for r in
                                                                          answer_items(bench, url, "relations")]]
        + ([{"action": "accept", "section": "document"}] if bench.get(url).json()["document"]["open"] else [])})
    assert done.status_code == 200, done.text
    assert done.json()["left"] == 0
    loaded = bench.post(url + "/load", json={"version": 5})
    assert loaded.status_code == 200, loaded.text
    assert loaded.json()["status"] == "loaded" and loaded.json()["relations"] == len(done.json()["relations"])
    assert (folders.corpus_dir / "wire-fsb-ukraine.facts.yaml").is_file()
    state = json.loads((folders.drafts_dir / "wire-fsb-ukraine" / "review.json").read_text())
    assert state["loaded"] and all(d["via"].startswith("client:") for d in state["decisions"])
    assert bench.post(url + "/undo", json={"version": 6}).status_code == 409  # loaded: frozen

    view = bench.get("/documents/wire-fsb-ukraine").json()
    assert view["text"] == ARTICLE and view["publisher"] == "Example Wire"
    claim = next(e for e in view["evidence"] if e["relation"] == added["id"])
    assert view["text"][claim["start"]:claim["end"]] == quote and claim["edge"]
    assert bench.get("/documents/nothing-here").status_code == 404


def answer_items(client: TestClient, url: str, section: str) -> list[dict]:
    return [item for item in client.get(url).json()[section] if item["open"]]


def test_writes_need_a_key_and_record_its_fingerprint(loaded: Store, folders: Settings) -> None:
    with keyed_client(folders, "wb-key") as client:
        assert client.post("/drafts", json=NEW).status_code == 401
        answer = client.post("/drafts", json=NEW, headers={"X-API-Key": "wb-key"})
        assert answer.status_code == 201
        draft = answer.json()
        decided = client.post(f"/drafts/{draft['id']}/decisions", headers={"X-API-Key": "wb-key"}, json={
            "version": 1, "decisions": [{"action": "accept", "section": "entity", "id": draft["entities"][0]["id"]}]})
        assert decided.json()["decisions"][0]["via"].startswith("key:")

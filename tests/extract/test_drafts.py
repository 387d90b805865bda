"""extract/drafts.py without a database: a draft folder, decisions replayed through Review,
versions, undo, additions by span, and a load that writes nothing when it fails."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from extract.drafts import Action, DraftStore, NewDocument
from extract.gazetteer import EmptyGazetteer
from graph.errors import Conflict, InvalidInput, InvalidParameter
from graph.facts import Facts
from tests.conftest import FIXTURES

ARTICLE = (FIXTURES / "workbench" / "article.txt").read_text(encoding="utf-8")


@pytest.fixture
def drafts(tmp_path: Path) -> DraftStore:
    return DraftStore(tmp_path / "drafts")


def _new(drafts: DraftStore, **extra: str) -> dict:
    new = NewDocument(text=ARTICLE, title="FSB accuses Ukraine", publisher="Example Wire",
                      published=dt.date(2024, 3, 26), **extra)
    return drafts.create(new, gazetteer=EmptyGazetteer(), via="client:test")


def test_a_draft_is_a_folder_in_the_drafts_format(drafts: DraftStore) -> None:
    draft = _new(drafts)
    folder = drafts.folder / draft["id"]
    assert draft["id"] == "example-wire-fsb-accuses-ukraine"
    assert sorted(p.name for p in folder.iterdir()) == ["article.txt", "draft.facts.yaml", "review.json"]
    assert "candidate: true" in (folder / "draft.facts.yaml").read_text()
    assert draft["candidates"] == draft["left"] > 0 and draft["version"] == 1
    assert _new(drafts)["id"] == "example-wire-fsb-accuses-ukraine-2"  # a second one gets a free id
    with pytest.raises(Conflict):
        _new(drafts, id="example-wire-fsb-accuses-ukraine")
    with pytest.raises(InvalidParameter, match="title is required"):
        drafts.create(NewDocument(text=ARTICLE, title=" ", publisher="p", published=dt.date(2024, 1, 1)),
                      gazetteer=EmptyGazetteer(), via="x")


def test_decisions_are_replayed_versioned_and_undone(drafts: DraftStore) -> None:
    draft = _new(drafts)
    entity = draft["entities"][0]["id"]
    after = drafts.decide(draft["id"], [Action("reject", "entity", entity)], version=1, via="key:abc")
    assert after["version"] == 2 and entity not in [e["id"] for e in after["entities"]]
    assert all(entity not in (r["subject"], r["object"]) for r in after["relations"])  # taken with it
    with pytest.raises(Conflict, match="version 2.*version 1"):
        drafts.decide(draft["id"], [Action("accept", "entity", entity)], version=1, via="key:def")
    state = json.loads((drafts.folder / draft["id"] / "review.json").read_text())
    assert [d["via"] for d in state["decisions"]] == ["key:abc"]
    undone = drafts.undo(draft["id"], version=2, via="key:abc")
    assert undone["version"] == 3 and entity in [e["id"] for e in undone["entities"]]
    assert undone["reviewed"] == 0


def test_an_addition_takes_its_quote_from_the_span(drafts: DraftStore) -> None:
    draft = _new(drafts)
    quote = "Ukraine had prepared the attack on Crocus City Hall"
    start, event = ARTICLE.index(quote), ARTICLE.index("the attack on Crocus City Hall")
    ids = {e["name"]: e["id"] for e in draft["entities"]}
    after = drafts.decide(draft["id"], [
        Action("add", "entity", changes={"start": event, "end": event + 30, "kind": "Event",
                                         "name": "Crocus City Hall attack"}),
        Action("add", "relation", changes={"subject": ids["Ukraine"], "type": "PREPARED",
                                           "object": "crocus-city-hall-attack", "status": "claimed",
                                           "asserted_by": ids["FSB"],
                                           "start": start, "end": start + len(quote)})],
        version=1, via="x")
    added = next(r for r in after["relations"] if r["object"] == "crocus-city-hall-attack")
    assert (added["quote"], added["start"], added["end"]) == (quote, start, start + len(quote))
    with pytest.raises(InvalidInput, match="a span is"):
        drafts.decide(draft["id"], [Action("add", "relation", changes={
            "subject": ids["Ukraine"], "type": "ACCUSED", "object": ids["Russia"], "start": 5, "end": 10_000})],
            version=2, via="x")
    with pytest.raises(InvalidInput, match="unknown field"):
        drafts.decide(draft["id"], [Action("add", "entity", changes={"colour": "red"})], version=2, via="x")


def test_load_writes_nothing_while_candidates_are_open_or_when_loading_fails(drafts: DraftStore,
                                                                              tmp_path: Path) -> None:
    draft = _new(drafts)
    corpus = tmp_path / "corpus"
    with pytest.raises(InvalidInput, match="not reviewed yet"):
        drafts.finish(draft["id"], version=1, via="x", corpus_dir=corpus, load=lambda facts: {})
    everything = [Action("accept", "entity", e["id"]) for e in draft["entities"]]
    everything += [Action("accept", "relation", r["id"]) for r in draft["relations"]]
    done = drafts.decide(draft["id"], everything, version=1, via="x")
    assert done["left"] == 0

    def refuse(facts: Facts) -> dict:
        raise InvalidInput([facts.located.problem(("entities", 0), "refused by the loader")])

    with pytest.raises(InvalidInput) as refused:
        drafts.finish(draft["id"], version=2, via="x", corpus_dir=corpus, load=refuse)
    assert refused.value.problems[0].field.startswith(f"entity {draft['entities'][0]['id']}")
    assert list(corpus.iterdir()) == []
    outcome = drafts.finish(draft["id"], version=2, via="x", corpus_dir=corpus, load=lambda facts: {"document": "d"})
    assert outcome["facts_file"].endswith(f"{draft['id']}.facts.yaml")
    assert sorted(p.name for p in corpus.iterdir()) == [f"{draft['id']}.facts.yaml", f"{draft['id']}.txt"]
    with pytest.raises(Conflict, match="was loaded"):
        drafts.undo(draft["id"], version=3, via="x")

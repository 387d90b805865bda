"""extract/review.py and ``intelgraph review`` with scripted decisions (no database needed)."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from extract.assemble import DocumentInfo, write_draft
from extract.gazetteer import FactsGazetteer
from extract.review import Review, parse_decisions, read_draft, write_reviewed
from graph.errors import InvalidInput
from graph.facts import pending_review, read_facts
from tests.conftest import FIXTURES, ROOT

TINY = FIXTURES / "extraction" / "latvia-recruiter-arrest-2024.txt"
SEED = ROOT / "corpus" / "crocus-city-hall-ft-2024.facts.yaml"
INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    shutil.copy(TINY, tmp_path / TINY.name)
    output = tmp_path / "tiny.facts.yaml"
    write_draft(tmp_path / TINY.name, output, gazetteer=FactsGazetteer.from_paths([SEED]),
                info=DocumentInfo(title="Arrests in Riga", publisher="Test", published=dt.date(2024, 4, 12)))
    return output


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "400"})


def test_decisions_are_read_line_by_line_and_errors_name_the_line() -> None:
    decisions = parse_decisions('# a comment\naccept entity fsb\n\nedit relation r1 status=claimed asserted_by=fsb '
                                'quote="a b"\nedit document date=2024-03\nreject all\n')
    assert [(d.action, d.section, d.id, d.line) for d in decisions] == [
        ("accept", "entities", "fsb", 2), ("edit", "relations", "r1", 4), ("edit", "document", "", 5),
        ("reject", "*", "*", 6)]
    assert decisions[1].changes == {"status": "claimed", "asserted_by": "fsb", "quote": "a b"}
    assert decisions[2].changes == {"date": "2024-03"}  # a date stays text
    with pytest.raises(InvalidInput) as caught:
        parse_decisions("accept entity fsb\nkeep entity x\nedit relation r1\n", "d.txt")
    assert [str(p) for p in caught.value.problems] == [
        "d.txt:2: expected accept, reject, edit or add, not 'keep'", "d.txt:3: edit needs at least one field=value"]


def test_rejecting_an_entity_drops_its_relations_and_their_denials(draft: Path) -> None:
    review, _ = read_draft(draft)
    relations = review.data["relations"]
    denial = next((r for r in relations if r.get("denies")), None)
    victim = denial["subject"] if denial else relations[0]["subject"]
    needing = [r["id"] for r in relations if victim in (r["subject"], r["object"], r.get("asserted_by"))
               or denial and r.get("denies") and r is denial]
    review.apply(parse_decisions(f"reject entity {victim}\naccept all"))
    assert victim not in {e["id"] for e in review.data["entities"]}
    assert not set(needing) & {r["id"] for r in review.data["relations"]}
    assert review.counts["rejected"] == 1 and review.counts["dropped"] >= 1
    facts = write_reviewed(review, draft)
    assert pending_review(facts) == [] and read_facts(draft).facts == facts.facts


def test_giving_an_entity_another_entitys_id_merges_them(draft: Path) -> None:
    review, _ = read_draft(draft)
    entities = {e["id"]: e for e in review.data["entities"]}
    assert "two-men" in entities and "recruiters" in entities
    review.apply(parse_decisions("edit entity recruiters id=two-men\naccept all"))
    merged = next(e for e in review.data["entities"] if e["id"] == "two-men")
    assert "recruiters" in merged["aliases"] and "recruiters" not in {e["id"] for e in review.data["entities"]}
    assert all("recruiters" not in (r["subject"], r["object"]) for r in review.data["relations"])
    write_reviewed(review, draft)


def test_an_edit_that_breaks_the_file_writes_nothing(draft: Path) -> None:
    before = draft.read_text(encoding="utf-8")
    relation = yaml.safe_load(before)["relations"][0]["id"]
    result = _run("review", str(draft), "--decisions", "-", stdin=f"edit relation {relation} type=NOT_A_TYPE\n"
                                                               "accept all\n")
    assert result.returncode == 1
    assert "unknown relation type 'NOT_A_TYPE'" in result.stderr and "nothing was written" in result.stderr
    assert draft.read_text(encoding="utf-8") == before
    unknown = _run("review", str(draft), "--decisions", "-", stdin="accept entity nobody\n")
    assert unknown.returncode == 1 and "<stdin>:1: no entity 'nobody' in the draft" in unknown.stderr


def test_review_through_the_real_entry_point(draft: Path, tmp_path: Path) -> None:
    reviewed = tmp_path / "elsewhere" / "tiny.facts.yaml"
    reviewed.parent.mkdir()
    result = _run("review", str(draft), "-o", str(reviewed), "--decisions", "-",
                  stdin="reject entity recruiters\nedit entity two-men name=\"two men arrested in Riga\"\n")
    assert result.returncode == 0, result.stderr
    assert "accepted 0, edited 1, rejected 1" in result.stdout and "candidates left" in result.stdout
    assert pending_review(read_facts(reviewed))  # some are left: a partly reviewed file
    assert read_facts(reviewed).text == TINY.read_text(encoding="utf-8")  # the text is found from elsewhere/
    finished = _run("review", str(reviewed), "--accept-all")
    assert finished.returncode == 0, finished.stderr
    assert "0 candidates left" in finished.stdout
    facts = read_facts(reviewed)
    assert pending_review(facts) == [] and "review:" not in reviewed.read_text(encoding="utf-8")
    assert not reviewed.read_text(encoding="utf-8").startswith("# Draft written by")


def test_review_without_a_terminal_or_decisions_is_an_error(draft: Path) -> None:
    result = _run("review", str(draft))
    assert result.returncode == 1
    assert result.stderr.startswith("error: decisions: not at a terminal: give --decisions FILE (or -) or --accept-all")


def test_the_document_can_be_edited_but_not_rejected() -> None:
    review = Review({"document": {"id": "d", "title": "t", "review": {"candidate": True, "reason": "guessed"}},
                     "entities": [], "relations": []})
    with pytest.raises(InvalidInput, match="cannot be rejected"):
        review.apply(parse_decisions("reject document"))
    review.apply(parse_decisions('edit document title="The real title"'))
    assert review.data["document"] == {"id": "d", "title": "The real title"}

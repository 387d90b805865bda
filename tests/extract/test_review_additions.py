"""extract/review.py: guessed document metadata is never accepted, and a reviewer adds what the
draft missed by searching the text (no database needed; the terminal through tmux)."""
from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from cli.drafting import END_PROMPT, PROMPT
from extract.review import find_in_text, parse_decisions, read_draft, write_reviewed
from graph.errors import InvalidInput
from graph.facts import pending_review, read_facts
from tests.conftest import ROOT
from tests.terminal import Tmux

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"
# curly quotes, en dashes and a possessive: what an analyst cannot type at a keyboard
TEXT = ("The Interior Ministry said on Monday that the \u2018Northern Front\u2019 group \u2013 a militia based in "
        "Kharkiv \u2013 had attacked a fuel depot near the border.\n"
        "The ministry\u2019s spokesman, Oleg Petrenko, blamed Russia for the attack on the depot.\n"
        "Russia denied it, and said the Northern Front was a Ukrainian invention.\n")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "400"})


def _draft(tmp_path: Path, *metadata: str) -> Path:
    (tmp_path / "front.txt").write_text(TEXT, encoding="utf-8")
    draft = tmp_path / "front.facts.yaml"
    result = run("draft", str(tmp_path / "front.txt"), "-o", str(draft), "--no-graph", *metadata)
    assert result.returncode == 0, result.stderr
    return draft


@pytest.fixture
def guessed(tmp_path: Path) -> Path:
    """A draft whose title, publisher and publication date were guessed."""
    return _draft(tmp_path)


@pytest.fixture
def dated(tmp_path: Path) -> Path:
    return _draft(tmp_path, "--title", "Depot attacked", "--publisher", "Test Wire", "--date", "2024-05-06")


# --- guessed metadata ------------------------------------------------------------------------------

def test_a_draft_lists_the_fields_it_guessed(guessed: Path) -> None:
    document = yaml.safe_load(guessed.read_text(encoding="utf-8"))["document"]
    assert document["review"]["guessed"] == ["title", "publisher", "published"]
    assert document["title"].startswith("The Interior Ministry") and document["publisher"] == "unknown publisher"


def test_accept_all_does_not_accept_a_guess_and_load_refuses_the_file(guessed: Path) -> None:
    result = run("review", str(guessed), "--accept-all")
    assert result.returncode == 0, result.stderr
    assert "1 candidates left" in result.stdout
    assert ("not accepted: document.title, document.publisher, document.published guessed by the draft; a person "
            "must set each: edit document title=… publisher=… published=…") in result.stderr
    facts = read_facts(guessed)  # valid, but not loadable: what load and bulk-load check
    (problem,) = pending_review(facts)
    assert problem.field == "document.review"
    assert "document.title, document.publisher, document.published guessed by the draft" in problem.message
    validated = run("validate", str(guessed))
    assert validated.returncode == 0 and "1 draft candidates left, which load refuses" in validated.stdout
    assert "document.title, document.publisher, document.published guessed" in validated.stderr


def test_accepting_the_document_names_each_guessed_field(guessed: Path) -> None:
    review, _ = read_draft(guessed)
    with pytest.raises(InvalidInput) as caught:
        review.apply(parse_decisions("accept document", "d.txt"))
    assert [str(p) for p in caught.value.problems] == [
        "d.txt:1: document.title, document.publisher, document.published: guessed by the draft, so not accepted; "
        "set each: edit document title=… publisher=… published=…"]


def test_the_document_is_accepted_once_a_person_sets_every_guessed_field(guessed: Path) -> None:
    review, header = read_draft(guessed)
    review.apply(parse_decisions('edit document title="Depot attacked near Kharkiv"\naccept all'))
    assert review.guessed() == ["publisher", "published"]
    assert review.data["document"]["review"]["reason"].startswith("guessed: publisher, published")
    review.apply(parse_decisions('edit document publisher="Test Wire" published=2024-05-06'))
    assert review.guessed() == [] and review.candidates() == []
    facts = write_reviewed(review, guessed, header)
    assert pending_review(facts) == [] and str(facts.document.published) == "2024-05-06"


def test_a_guess_is_refused_even_when_its_mark_says_candidate_false(guessed: Path) -> None:
    text = guessed.read_text(encoding="utf-8").replace("review: {candidate: true, reason: \"guessed",
                                                       "review: {candidate: false, reason: \"guessed")
    guessed.write_text(text, encoding="utf-8")
    problems = pending_review(read_facts(guessed))
    assert [p.field for p in problems if "guessed by the draft" in p.message] == ["document.review"]


def test_a_draft_written_before_review_guessed_existed_is_read_from_its_reason() -> None:
    from extract.review import Review

    review = Review({"document": {"id": "d", "review": {"candidate": True, "reason": "guessed: publisher, "
                                                        "publication date (give --title, --publisher, --date)"}},
                     "entities": [], "relations": []})
    assert review.guessed() == ["publisher", "published"]


# --- the prompt --------------------------------------------------------------------------------------

def test_the_prompt_shows_its_keys_through_rich() -> None:
    console = Console(record=True, width=200)
    console.print(PROMPT)
    console.print(END_PROMPT)
    shown = console.export_text()
    assert "[a]ccept  [e]dit  [r]eject  [s]kip  [n]ew entity or relation  [w]rite and stop  [q]uit" in shown
    assert "every card seen: [n]ew entity or relation  [w]rite  [q]uit" in shown


# --- adding what the draft missed ---------------------------------------------------------------------

def test_a_search_ignores_case_quote_marks_dashes_and_spacing_and_returns_the_texts_own() -> None:
    (match,) = find_in_text(TEXT, "'northern front' group - a militia  based in kharkiv")
    assert match.verbatim == "\u2018Northern Front\u2019 group \u2013 a militia based in Kharkiv"
    assert TEXT[match.start:match.end] == match.verbatim and match.line == 1
    (possessive,) = find_in_text(TEXT, "The ministry's spokesman")
    assert possessive.verbatim == "The ministry\u2019s spokesman" and possessive.line == 2
    assert find_in_text(TEXT, "Kyiv") == [] and find_in_text(TEXT, "  ") == []


def test_decisions_add_an_entity_and_relations_with_verbatim_quotes(dated: Path) -> None:
    # Whatever the extractor proposed is rejected first: the file then holds only what is added.
    decisions = "\n".join([
        "reject all",
        'add entity name="northern front" kind=ArmedGroup',
        'add entity name="Kharkiv" kind=Place',
        'add entity name="Interior Ministry" kind=GovernmentBody',
        'add entity name="Oleg Petrenko" kind=Person',
        'add entity name="Russia" kind=State',
        "add relation subject=northern-front type=BASED_IN object=kharkiv "
        "quote=\"'Northern Front' group - a militia based in Kharkiv\"",
        "add relation subject=oleg-petrenko type=SPOKESPERSON_FOR object=interior-ministry "
        "quote=\"The ministry's spokesman, Oleg Petrenko\"",
        "add relation subject=russia type=ACCUSED object=northern-front status=claimed asserted_by=russia "
        'quote="said the northern front was a Ukrainian invention" id=russia-on-the-front',
        "accept all", ""])
    result = run("review", str(dated), "--decisions", "-", stdin=decisions)
    assert result.returncode == 0, result.stderr
    assert "added 8" in result.stdout and "0 candidates left" in result.stdout
    facts = read_facts(dated)
    assert pending_review(facts) == []
    entities = {e.id: e for e in facts.facts.entities}
    assert entities["northern-front"].name == "Northern Front" and entities["northern-front"].review is None
    relations = {r.id: r for r in facts.facts.relations}
    assert set(relations) == {"northern-front-based-in-kharkiv", "oleg-petrenko-spokesperson-for-interior-ministry",
                              "russia-on-the-front"}
    based = relations["northern-front-based-in-kharkiv"]
    assert based.quote == "\u2018Northern Front\u2019 group \u2013 a militia based in Kharkiv"
    assert based.status == "reported" and based.review is None
    for rid, relation in relations.items():  # the loader's span is where the quote is
        span = facts.spans[rid]
        assert facts.text[span.start:span.end] == relation.quote


def test_a_missing_or_repeated_quote_is_an_error_listing_where_it_is(dated: Path) -> None:
    before = dated.read_text(encoding="utf-8")
    result = run("review", str(dated), "--decisions", "-", stdin="\n".join([
        'add relation subject=russia type=ACCUSED object=ministry quote="the depot near Kyiv"',
        'add relation subject=russia type=ACCUSED object=ministry quote="depot"',
        'add entity name="MINISTRY" kind=GovernmentBody id=the-ministry',
        'add entity name="Kyiv" kind=Place',
        'add relation subject=russia type=ACCUSED quote="Russia denied it"', ""]))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert lines == [
        "error: <stdin>:1: quote 'the depot near Kyiv' is not in the document's text (case, quote marks, dashes "
        "and spacing are ignored, nothing else): copy a phrase from the text",
        "error: <stdin>:2: quote 'depot' is in the text 2 times, so its place is not known; give more words: "
        "line 1: “depot”; line 2: “depot”",
        "error: <stdin>:3: name 'MINISTRY' is written in the text in 2 ways; type the one to use exactly: "
        "line 1: “Ministry”; line 2: “ministry”",
        "error: <stdin>:4: name 'Kyiv' is not in the document's text (case, quote marks, dashes and spacing are "
        "ignored, nothing else)",
        "error: <stdin>:5: add relation needs object=…"]
    assert dated.read_text(encoding="utf-8") == before  # nothing half-written


def test_an_added_item_that_breaks_the_file_writes_nothing(dated: Path) -> None:
    before = dated.read_text(encoding="utf-8")
    result = run("review", str(dated), "--decisions", "-",
                 stdin='add relation subject=kharkiv type=ACCUSED object=russia quote="blamed Russia"\n')
    assert result.returncode == 1
    assert "ACCUSED does not take a Place as its subject" in result.stderr
    assert dated.read_text(encoding="utf-8") == before


# --- at a terminal ------------------------------------------------------------------------------------

def _review_in_tmux(tmux: Tmux, draft: Path) -> None:
    command = f"{shlex.quote(str(INTELGRAPH))} review {shlex.quote(str(draft))}; echo EXIT=$?; sleep 60"
    tmux("new-session", "-d", "-s", "cli", "-x", "200", "-y", "50", "-c", str(ROOT), command)


def test_at_a_terminal_guessed_fields_are_asked_for_and_a_relation_is_added(guessed: Path, tmux: Tmux) -> None:
    drafted = yaml.safe_load(guessed.read_text(encoding="utf-8"))
    cards = 1 + len(drafted["entities"]) + len(drafted["relations"])  # the document, then each candidate
    _review_in_tmux(tmux, guessed)
    screen = tmux.wait_for(f"1/{cards}  document")
    assert "[a]ccept  [e]dit  [r]eject  [s]kip  [n]ew entity or relation  [w]rite and stop  [q]uit" in screen
    assert "ccept  dit" not in screen.replace("[a]ccept  [e]dit", "")
    tmux.keys("a", "Enter")                                    # accept: asks for each guessed field
    tmux.wait_for("title (guessed: The Interior Ministry")
    tmux.keys("Enter")                                         # nothing typed: asked again
    tmux.wait_for("title is needed")
    tmux.keys("Depot attacked near Kharkiv", "Enter")
    tmux.wait_for("publisher (guessed: unknown publisher)")
    tmux.keys("Test Wire", "Enter")
    tmux.wait_for("published (guessed:")
    tmux.keys("2024-05-06", "Enter")
    tmux.wait_for(f"2/{cards}  entity")
    tmux.keys("n", "Enter")                                    # a relation the draft missed
    tmux.wait_for("add an [e]ntity or a [r]elation?")
    tmux.keys("r", "Enter")
    tmux.wait_for("an empty line ends")
    for line in ("subject=oleg-petrenko", "type=SPOKESPERSON_FOR", "object=interior-ministry", "quote=spokesman"):
        tmux.keys(line, "Enter")
    tmux.keys("Enter")
    screen = tmux.wait_for("(characters 158-167, line 2)")
    assert "added relation oleg-petrenko-spokesperson-for-interior-ministry" in screen
    tmux.wait_for(f"2/{cards}  entity")                         # the same card again
    tmux.keys("w", "Enter")
    screen = tmux.wait_for("EXIT=")
    assert "EXIT=0" in screen and "added 1" in screen
    facts = read_facts(guessed)
    assert facts.document.review is None and facts.document.title == "Depot attacked near Kharkiv"
    assert facts.document.publisher == "Test Wire" and str(facts.document.published) == "2024-05-06"
    (relation,) = [r for r in facts.facts.relations if r.quote == "spokesman"]  # the one added
    assert relation.review is None and relation.subject == "oleg-petrenko"


def test_at_a_terminal_the_last_card_offers_to_add_before_writing(dated: Path, tmux: Tmux) -> None:
    review, _ = read_draft(dated)
    review.apply(parse_decisions("accept all"))
    write_reviewed(review, dated)
    _review_in_tmux(tmux, dated)                                 # nothing left to review
    tmux.wait_for("every card seen: [n]ew entity or relation  [w]rite  [q]uit")
    tmux.keys("n", "Enter")
    tmux.wait_for("add an [e]ntity or a [r]elation?")
    tmux.keys("e", "Enter")
    tmux.keys("name=fuel depot", "Enter", "kind=Place", "Enter", "Enter")
    tmux.wait_for("added entity fuel-depot")
    tmux.keys("n", "Enter")
    tmux.wait_for("add an [e]ntity or a [r]elation?")
    tmux.keys("r", "Enter")
    tmux.keys("subject=russia", "Enter", "type=ACCUSED", "Enter", "object=interior-ministry", "Enter", "quote=depot",
              "Enter", "Enter")
    tmux.wait_for("is in the text 2 times")
    assert "line 1: “depot”; line 2: “depot”" in tmux.screen()
    tmux.keys("w", "Enter")
    screen = tmux.wait_for("EXIT=")
    assert "EXIT=0" in screen and "added 1" in screen
    assert "fuel depot" in {e.name for e in read_facts(dated).facts.entities}


def test_an_added_relation_gets_a_free_id_unless_one_is_given() -> None:
    from extract.review import Review

    review = Review({"document": {"id": "d"}, "entities": [], "relations": [
        {"id": "a-accused-b", "subject": "a", "type": "ACCUSED", "object": "b"}]},
        "A blamed B. Then A blamed B again, loudly.")
    review.apply(parse_decisions('add relation subject=a type=ACCUSED object=b quote="again, loudly"'))
    assert [r["id"] for r in review.data["relations"]] == ["a-accused-b", "a-accused-b-2"]
    assert review.data["relations"][1]["quote"] == "again, loudly" and review.counts["added"] == 1
    with pytest.raises(InvalidInput, match="relation 'a-accused-b' is already in the file: give another id=…"):
        review.apply(parse_decisions('add relation subject=a type=ACCUSED object=b quote="Then A" id=a-accused-b'))
    with pytest.raises(InvalidInput, match="the document's text is not available"):
        Review({"document": {"id": "d"}}).apply(parse_decisions('add entity name=A kind=State'))

"""graph/facts.py: every kind of bad facts file gives file:LINE:field, all problems together.

Pure: no database. Each case edits a copy of the alpha test document in ``tmp_path`` and
checks the problem's field, message and that its line is the line the edit is on.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from pathlib import Path

import pytest

from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.facts import _DAY_OR_TEXT, Facts, FactsFile, json_schema, read_facts

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
ALPHA = (FIXTURES / "alpha.facts.yaml").read_text(encoding="utf-8")


@pytest.fixture
def alpha_dir(tmp_path: Path) -> Path:
    for name in ("alpha.txt", "alpha.facts.yaml", "beta.txt", "beta.facts.yaml"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    return tmp_path


def _line_of(text: str, fragment: str) -> int:
    hits = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    assert len(hits) == 1, f"{fragment!r} is on lines {hits}"
    return hits[0]


def _edit(old: str, new: str, text: str = ALPHA) -> str:
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def _problems(folder: Path, text: str) -> tuple[Path, list[Problem]]:
    path = folder / "alpha.facts.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        read_facts(path)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return path, caught.value.problems


# --- valid files --------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["alpha", "beta"])
def test_valid_file_reads(name: str) -> None:
    path = FIXTURES / f"{name}.facts.yaml"
    facts = read_facts(path)
    assert isinstance(facts, Facts)
    assert facts.document.id == f"test-{name}"
    assert facts.content_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert facts.text == (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    assert set(facts.spans) == {rel.id for rel in facts.facts.relations}
    for rel in facts.facts.relations:
        span = facts.spans[rel.id]
        assert facts.text[span.start:span.end] == rel.quote
    last = len(facts.facts.relations) - 1
    assert facts.line_of(("relations", last, "quote")) == _line_of(
        path.read_text(encoding="utf-8"), f"quote: {facts.facts.relations[last].quote}")


@pytest.mark.parametrize("path", sorted((FIXTURES.parent.parent.parent / "corpus").glob("*.facts.yaml"))
                         + [FIXTURES / "alpha.facts.yaml", FIXTURES / "beta.facts.yaml"], ids=lambda p: p.name)
def test_a_valid_file_is_read_the_fast_way(path: Path) -> None:
    """yamlsource.read took yaml_rs's data (docs/performance.md), and nothing asked for a line."""
    assert read_facts(path).located.source is not None


def test_the_fields_read_takes_a_day_or_its_text_at_validate_both_alike() -> None:
    # yamlsource.read may give these as text where PyYAML gives a date (_DAY_OR_TEXT): the model must not care.
    data = yamlsource.loads(ALPHA, "alpha.facts.yaml").data
    assert isinstance(data["document"]["published"], dt.date)
    as_text = yamlsource.loads(ALPHA, "alpha.facts.yaml").data
    as_text["document"]["published"] = data["document"]["published"].isoformat()
    for relation in data["relations"]:
        relation["date"] = dt.date(2024, 5, 2)
    for relation in as_text["relations"]:
        relation["date"] = "2024-05-02"
    assert {p[0] for p in _DAY_OR_TEXT} == {"document", "relations"}
    assert FactsFile.model_validate(data) == FactsFile.model_validate(as_text)


def test_year_and_date_dates_become_text(alpha_dir: Path) -> None:
    text = _edit("    date: 2024-05-02\n", "    date: 2024\n")
    (alpha_dir / "alpha.facts.yaml").write_text(text, encoding="utf-8")
    assert read_facts(alpha_dir / "alpha.facts.yaml").facts.relations[3].date == "2024"
    assert read_facts(FIXTURES / "alpha.facts.yaml").facts.relations[3].date == "2024-05-02"


# --- one problem at a time -------------------------------------------------------------------------
# (old text, new text, fragment of the line the problem is on, field, part of the message)
CASES = {
    "quote not in the text": (
        "quote: which the Northern Service denied", "quote: which the Northern Service admitted",
        "quote: which the Northern Service admitted", "relations[6].quote",
        "not found verbatim in the document's text"),
    "quote with the wrong apostrophe": (
        "quote: the Bureau’s chief, Ana Vey, refused the offer",
        "quote: the Bureau's chief, Ana Vey, refused the offer",
        "quote: the Bureau's chief", "relations[1].quote", "apostrophes, dashes or spaces are ignored"),
    "quote too short": (
        "quote: which the Northern Service denied", "quote: wh",
        "quote: wh", "relations[6].quote", "at least 3 characters"),
    "unknown entity as object": (
        "    object: southern-bureau\n    status: reported\n    quote: The Northern Service offered",
        "    object: southern-office\n    status: reported\n    quote: The Northern Service offered",
        "object: southern-office", "relations[0].object", "entity 'southern-office' is not defined in this file"),
    "unknown entity as asserted_by": (
        "asserted_by: southern-bureau", "asserted_by: eastern-bureau",
        "asserted_by: eastern-bureau", "relations[5].asserted_by", "entity 'eastern-bureau' is not defined"),
    "unknown entity in disputed_by": (
        "disputed_by: [northern-service]", "disputed_by: [northern-svc]",
        "disputed_by: [northern-svc]", "relations[5].disputed_by[0]", "entity 'northern-svc' is not defined"),
    "unknown relation type": (
        "type: LEADS", "type: HEADS",
        "type: HEADS", "relations[2].type", "unknown relation type 'HEADS'"),
    "a kind that does not fit the relation": (
        "    subject: ana-vey\n    type: LEADS", "    subject: red-cell\n    type: LEADS",
        "    subject: red-cell\n    type: LEADS", "relations[2].subject",
        "LEADS does not take a ArmedGroup as its subject; expected one of Person"),
    "an object kind that does not fit": (
        "    type: CLAIMED_RESPONSIBILITY\n    object: harbour-market-bombing",
        "    type: CLAIMED_RESPONSIBILITY\n    object: ana-vey",
        "object: ana-vey", "relations[3].object", "CLAIMED_RESPONSIBILITY does not take a Person as its object"),
    "unknown kind": (
        "kind: Event", "kind: Happening",
        "kind: Happening", "entities[4].kind", "unknown kind 'Happening'"),
    "malformed YAML: a colon in a plain value": (
        "title: Alpha test article", "title: Alpha: test article",
        "title: Alpha: test article", "YAML syntax", "mapping values are not allowed"),
    "malformed YAML: an unclosed list": (
        "aliases: [the North]\n", "aliases: [the North\n",
        "- id: southern-bureau", "YAML syntax", "did not find expected ',' or ']'"),
    "malformed YAML: bad indentation": (
        "    kind: ArmedGroup\n", "   kind: ArmedGroup\n",
        "   kind: ArmedGroup", "YAML syntax", "expected '-' indicator"),
    "duplicate YAML key": (
        "  publisher: Test Gazette\n", "  publisher: Test Gazette\n  title: Again\n",
        "title: Again", "document.title", "duplicate key"),
    "missing text file": (
        "text: alpha.txt", "text: gamma.txt",
        "text: gamma.txt", "document.text", "gamma.txt not found"),
    "sha256 mismatch": (
        "sha256: e34171dbcd64", "sha256: 034171dbcd64",
        "sha256: 034171dbcd64", "document.sha256", "does not match"),
    "sha256 not hex": (
        "sha256: e34171dbcd64", "sha256: X34171dbcd64",
        "sha256: X34171dbcd64", "document.sha256", "should match pattern"),
    "missing required field": (
        "  publisher: Test Gazette\n", "",
        "document:", "document.publisher", "required field is missing"),
    "unknown field": (
        "  publisher: Test Gazette\n", "  publisher: Test Gazette\n  editor: Somebody\n",
        "editor: Somebody", "document.editor", "unknown field"),
    "unknown field in a relation": (
        "    date: 2024-05-02\n", "    date: 2024-05-02\n    confidence: 0.9\n",
        "confidence: 0.9", "relations[3].confidence", "unknown field"),
    "bad status": (
        "    status: reported\n    quote: The Northern Service offered",
        "    status: rumoured\n    quote: The Northern Service offered",
        "status: rumoured", "relations[0].status", "'reported', 'claimed' or 'denied'"),
    "bad relation date": (
        "date: 2024-05-02", "date: 2024-5-2",
        "date: 2024-5-2", "relations[3].date", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
    "impossible publication date": (
        "published: 2024-05-03", "published: 2024-02-30",
        "published: 2024-02-30", "document.published", "day is out of range"),
    "publication date not a date": (
        "published: 2024-05-03", "published: last week",
        "published: last week", "document.published", "date"),
    "bad language code": (
        "language: en", "language: english",
        "language: english", "document.language", "should match pattern"),
    "bad entity id": (
        "  - id: red-cell\n", "  - id: Red Cell\n",
        "- id: Red Cell", "entities[2].id", "should match pattern"),
    "bad id in asserted_by": (
        "asserted_by: southern-bureau", "asserted_by: Southern Bureau",
        "asserted_by: Southern Bureau", "relations[5].asserted_by", "should match pattern"),
    "duplicate entity id": (
        "  - id: ana-vey\n", "  - id: red-cell\n",
        "  - id: red-cell\n    name: Ana Vey", "entities[3].id",
        "duplicate entity id 'red-cell' (first defined on line 18)"),
    "duplicate relation id": (
        "  - id: bureau-refuses\n", "  - id: north-offers\n",
        "  - id: north-offers\n    subject: southern-bureau", "relations[1].id",
        "duplicate relation id 'north-offers'"),
    "an alias naming two entities": (
        "aliases: [the Bureau]", "aliases: [the Bureau, The  NORTH]",
        "aliases: [the Bureau, The  NORTH]", "entities[1].aliases[1]",
        "'The  NORTH' already names entity 'northern-service'"),
    "a reported relation with asserted_by": (
        "    status: reported\n    quote: The Red Cell claimed",
        "    status: reported\n    asserted_by: red-cell\n    quote: The Red Cell claimed",
        "asserted_by: red-cell", "relations[3].asserted_by", "a reported relation is asserted by the document"),
    "a claimed relation without asserted_by": (
        "    status: claimed\n    asserted_by: southern-bureau\n", "    status: claimed\n",
        "- id: north-bombed", "relations[5].asserted_by", "a claimed relation needs asserted_by"),
    "a denied relation without denies": (
        "    denies: north-bombed\n", "",
        "- id: north-denies", "relations[6].denies", "a denied relation needs denies"),
    "denies names an unknown relation": (
        "denies: north-bombed", "denies: north-bombs",
        "denies: north-bombs", "relations[6].denies", "relation 'north-bombs' is not defined in this file"),
    "a denial of another fact": (
        "denies: north-bombed", "denies: bureau-accuses",
        "denies: bureau-accuses", "relations[6].denies", "a denial has the subject, type and object"),
    "denies on a relation that is not a denial": (
        "    quote: the Bureau’s chief, Ana Vey, refused the offer\n",
        "    quote: the Bureau’s chief, Ana Vey, refused the offer\n    denies: north-offers\n",
        "denies: north-offers", "relations[1].denies", "only a denied relation can deny another"),
    "no entities": (
        "entities:\n", "entities: []\nunused:\n",
        "entities: []", "entities", "at least 1 item"),
}


@pytest.mark.parametrize(("old", "new", "line_fragment", "field", "message"), CASES.values(), ids=CASES.keys())
def test_bad_input_names_file_line_and_field(alpha_dir: Path, old: str, new: str, line_fragment: str,
                                             field: str, message: str) -> None:
    text = _edit(old, new)
    path, problems = _problems(alpha_dir, text)
    if "\n" in line_fragment:  # a fragment spanning lines: the problem is on its first line
        line = text[:text.index(line_fragment)].count("\n") + 1
    else:
        line = _line_of(text, line_fragment)
    matching = [p for p in problems if p.field == field and message in p.message]
    assert matching, "\n".join(map(str, problems))
    assert (matching[0].file, matching[0].line) == (str(path), line), str(matching[0])
    assert str(matching[0]).startswith(f"{path}:{line}: {field}: ")


def test_several_problems_are_reported_together(alpha_dir: Path) -> None:
    text = ALPHA
    for old, new in [("sha256: e34171dbcd64", "sha256: 034171dbcd64"),
                     ("kind: Event", "kind: Happening"),
                     ("type: LEADS", "type: HEADS"),
                     ("    subject: red-cell\n", "    subject: blue-cell\n"),
                     ("quote: which the Northern Service denied", "quote: which the Northern Service admitted")]:
        text = _edit(old, new, text)
    path, problems = _problems(alpha_dir, text)
    assert [(p.line, p.field) for p in problems] == [
        (_line_of(text, "sha256:"), "document.sha256"),
        (_line_of(text, "kind: Happening"), "entities[4].kind"),
        (_line_of(text, "type: HEADS"), "relations[2].type"),
        (_line_of(text, "subject: blue-cell"), "relations[3].subject"),
        (_line_of(text, "the Northern Service admitted"), "relations[6].quote"),
    ]
    assert all(p.file == str(path) for p in problems)


def test_several_shape_problems_are_reported_together(alpha_dir: Path) -> None:
    text = ALPHA
    for old, new in [("  publisher: Test Gazette\n", ""),
                     ("language: en", "language: english"),
                     ("    status: reported\n    quote: The Red Cell", "    status: maybe\n    quote: The Red Cell"),
                     ("    date: 2024-05-02\n", "    date: 2024-05-02\n    when: later\n")]:
        text = _edit(old, new, text)
    _, problems = _problems(alpha_dir, text)
    assert [(p.line, p.field) for p in problems] == [
        (1, "document.publisher"),
        (_line_of(text, "language: english"), "document.language"),
        (_line_of(text, "status: maybe"), "relations[3].status"),
        (_line_of(text, "when: later"), "relations[3].when"),
    ]


def test_text_file_problems_stop_no_other_check(alpha_dir: Path) -> None:
    """A missing text file hides no other problem: references and kinds are still checked."""
    text = _edit("text: alpha.txt", "text: gamma.txt")
    text = _edit("kind: Event", "kind: Happening", text)
    _, problems = _problems(alpha_dir, text)
    assert {p.field for p in problems} == {"document.text", "entities[4].kind"}


@pytest.mark.parametrize("text", ["", "# nothing\n", "- a list\n", "document: 1\n"])
def test_not_a_facts_file(alpha_dir: Path, text: str) -> None:
    _, problems = _problems(alpha_dir, text)
    assert problems and all(p.line == 1 for p in problems)


def test_missing_facts_file(tmp_path: Path) -> None:
    missing = tmp_path / "gone.facts.yaml"
    with pytest.raises(InvalidInput) as caught:
        read_facts(missing)
    assert str(caught.value) == f"{missing}: file not found"


def test_facts_file_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.facts.yaml"
    path.write_bytes(ALPHA.replace("’", "'").replace("Test Gazette", "Gazette de l'\u00e9t\u00e9")
                     .encode("latin-1"))
    with pytest.raises(InvalidInput, match="not UTF-8 text"):
        read_facts(path)


def test_text_file_not_utf8(alpha_dir: Path) -> None:
    raw = "café\n".encode("latin-1")
    (alpha_dir / "alpha.txt").write_bytes(raw)
    text = _edit("sha256: e34171dbcd64c55bda27866f80ced16921a24fa65216ac7bd20381536e95d048",
                 f"sha256: {hashlib.sha256(raw).hexdigest()}")
    _, problems = _problems(alpha_dir, text)
    assert [p.field for p in problems] == ["document.text"]
    assert "is not UTF-8 text" in problems[0].message


def test_json_schema_is_draft_2020_12() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) == {"document", "entities"}
    assert schema["additionalProperties"] is False

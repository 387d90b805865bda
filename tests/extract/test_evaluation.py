"""extract/evaluate.py and bench/extraction_eval.py: the scorer, and that docs/extraction.md
shows what the script prints now (regenerate it with the script when the extractor changes)."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extract.evaluate import evaluate
from graph.facts import parse_facts, read_facts
from tests.conftest import FIXTURES, ROOT

EVALDESK = FIXTURES / "extraction" / "fsb-account-crocus-evaldesk-2024.facts.yaml"
SCRIPT = ROOT / "bench" / "extraction_eval.py"
DOC = ROOT / "docs" / "extraction.md"


def _edited(old: str, new: str) -> str:
    text = EVALDESK.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    return text.replace(old, new)


def test_the_reviewed_facts_score_perfectly_against_themselves() -> None:
    gold = read_facts(EVALDESK)
    score = evaluate(gold, gold)
    assert score.entities["precision"] == score.entities["recall"] == 1.0
    assert score.relations["precision"] == score.relations["recall"] == 1.0
    assert score.strict["precision"] == score.strict["recall"] == score.status_accuracy == 1.0
    assert score.edits == 0


def test_a_wrong_type_a_wrong_status_and_a_missing_relation_are_counted() -> None:
    gold = read_facts(EVALDESK)
    text = _edited("    type: LEADS\n    object: fsb\n", "    type: WORKS_FOR\n    object: fsb\n")
    text = text.replace("""  - id: radical-islamists-prepared-attack
    subject: radical-islamists
    type: PREPARED
    object: crocus-attack
    status: claimed
    asserted_by: alexander-bortnikov""", """  - id: radical-islamists-prepared-attack
    subject: radical-islamists
    type: PREPARED
    object: crocus-attack
    status: reported""")
    start = text.index("  - id: iskp-attacked-iran")
    end = text.index("  - id: iskp-attacked-afghanistan")
    draft = parse_facts(text[:start] + text[end:], EVALDESK)
    score = evaluate(draft, gold)
    total = len(gold.facts.relations)
    triples = score.relations["expected"]  # distinct (subject, type, object): fewer than relations
    assert score.relations["tp"] == triples - 2 and score.relations["predicted"] == triples - 1
    assert score.relation_edits == {"accepted": total - 3, "changed": 2, "rejected": 0, "added": 1}
    assert score.entity_edits["changed"] == 0 and score.edits == 3
    assert score.status_accuracy < 1.0


def test_a_renamed_entity_is_matched_by_its_names_and_counted_as_changed() -> None:
    gold = read_facts(EVALDESK)
    draft = parse_facts(_edited("  - id: tajikistan\n", "  - id: tajik-republic\n").replace(
        "object: tajikistan", "object: tajik-republic"), EVALDESK)
    score = evaluate(draft, gold)
    assert score.entities["recall"] == 1.0 and score.relations["recall"] == 1.0
    assert score.entity_edits["changed"] == 1 and score.edits == 1


def _described_otherwise(text: str) -> str:
    """The draft's event under a description of its own, the way a draft words one."""
    text = text.replace("name: Crocus City Hall attack\n", "name: concert massacre\n")
    return re.sub(r"\bcrocus-attack$", "concert-massacre", text, flags=re.MULTILINE)


def test_an_entity_named_otherwise_is_matched_by_the_relations_it_shares_in_the_same_quotes() -> None:
    gold = read_facts(EVALDESK)
    draft = parse_facts(_described_otherwise(EVALDESK.read_text(encoding="utf-8")), EVALDESK)
    assert evaluate(draft, gold, align=False).entities["recall"] < 1.0  # no name in common
    score = evaluate(draft, gold)
    assert score.entities["recall"] == 1.0 and score.relations["recall"] == 1.0
    assert score.entity_edits["changed"] == 1 and score.edits == 1


def test_an_entity_named_otherwise_is_not_matched_without_a_relation_in_a_shared_quote() -> None:
    gold = read_facts(EVALDESK)
    text = _described_otherwise(EVALDESK.read_text(encoding="utf-8"))
    start = text.index("relations:\n") + len("relations:\n")
    kept = [block for block in re.split(r"(?m)^(?=  - id: )", text[start:]) if "concert-massacre" not in block]
    draft = parse_facts(text[:start] + "".join(kept), EVALDESK)
    score = evaluate(draft, gold)
    assert "crocus-attack" in {e.id for e in gold.facts.entities}
    assert score.entity_edits["added"] == 1 and score.entity_edits["rejected"] == 1
    assert score.entities["recall"] < 1.0


@pytest.fixture(scope="module")
def answers() -> Path:
    """The NLP server's answers, kept between the two runs of the script and shared with the other
    tests (tests/conftest.py): each article is read once."""
    return Path(os.environ["CORENLP_ANSWERS_DIR"])


def _script(answers: Path, *args: str) -> str:
    result = subprocess.run([sys.executable, str(SCRIPT), "--cache", str(answers), *args], capture_output=True,
                            text=True, timeout=1200, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def printed(answers: Path) -> str:
    return _script(answers)


def test_the_script_prints_every_article_of_every_set_with_and_without_a_graph(printed: str, answers: Path) -> None:
    data = json.loads(_script(answers, "--json"))
    rows = data["articles"]
    sets = {"seed": 3, "dev": 6, "heldout": 6}
    assert {(r["set"], r["graph"]) for r in rows} == {(name, graph) for name in sets
                                                      for graph in ("the graph", "empty")}
    for name, count in sets.items():
        assert len({r["article"] for r in rows if r["set"] == name}) == count
    for row in rows:
        assert row["error"] is None, row["error"]  # every draft succeeds
        for part in ("entities", "relations", "strict"):
            assert 0 <= row[part]["precision"] <= 1 and 0 <= row[part]["recall"] <= 1
        assert row["edits"] == sum(row["entity_edits"][k] + row["relation_edits"][k]
                                   for k in ("changed", "rejected", "added"))
        assert f"| {row['set']} | {row['article']} | {row['graph']} |" in printed
    for total in data["totals"]:  # a set's totals are its articles' counts added up
        mine = [r for r in rows if r["set"] == total["set"] and r["graph"] == total["graph"]]
        assert total["relations"]["tp"] == sum(r["relations"]["tp"] for r in mine)
        assert total["edits"] == sum(r["edits"] for r in mine)


def test_docs_show_what_the_script_prints(printed: str) -> None:
    doc = DOC.read_text(encoding="utf-8")
    block = re.search(r"<!-- extraction_eval -->\n(.*?)\n<!-- /extraction_eval -->", doc, re.S)
    assert block, "docs/extraction.md needs the script's output between <!-- extraction_eval --> markers"
    assert block.group(1).strip() == printed.strip(), \
        "the figures changed: paste the output of bench/extraction_eval.py into docs/extraction.md"


def test_names_only_matches_no_more_than_the_default_scorer(answers: Path) -> None:
    """--names-only leaves out the matches by shared quotes, so it never finds more."""
    totals = {flag: {(t["set"], t["graph"]): t for t in json.loads(_script(answers, "--set", "dev", "--json",
                                                                            *flag))["totals"]}
              for flag in ((), ("--names-only",))}
    for key, default in totals[()].items():
        names = totals[("--names-only",)][key]
        assert names["entities"]["tp"] <= default["entities"]["tp"]
        assert names["relations"]["tp"] <= default["relations"]["tp"]
    assert any(totals[("--names-only",)][k]["relations"]["tp"] < t["relations"]["tp"] for k, t in totals[()].items())

"""graph/grading.py alone: the shipped rules, and a bad rules file named by file, line and field."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.grading import DEFAULT_PATH, EdgeFacts, Override, get_rules, grade, load_rules, publisher_key, speaker_key

RULES = get_rules()


@pytest.mark.parametrize(("facts", "expected"), [
    (EdgeFacts("reported", ("FT",)), 2),
    (EdgeFacts("reported", ("FT", "Reuters")), 1),
    (EdgeFacts("reported", ("FT", "Reuters"), deniers=("Kremlin",)), 4),
    (EdgeFacts("reported", ("FT",), disputers=("Kremlin",)), 4),
    (EdgeFacts("claimed", ("FT",), asserted_by="Kremlin", asserted_by_id="kremlin"), 3),
    (EdgeFacts("claimed", ("FT",), asserted_by="Kremlin", asserted_by_id="kremlin", reporters=("AP",)), 2),
    (EdgeFacts("denied", ("FT",), asserted_by="Kyiv", asserted_by_id="ukraine"), 3),
    (EdgeFacts("denied", ("FT",), asserted_by="Kyiv", asserted_by_id="ukraine", reporters=("AP",)), 5),
])
def test_the_shipped_rules(facts: EdgeFacts, expected: int) -> None:
    assert grade(facts, {}, RULES).credibility == expected


def test_reliability_is_the_best_publishers_for_a_fact_and_the_speakers_for_a_claim() -> None:
    grades = {publisher_key("FT"): "B", publisher_key("Tabloid"): "E", speaker_key("kremlin"): "E"}
    assert grade(EdgeFacts("reported", ("Tabloid", "FT")), grades, RULES).reliability == "B"
    claim = EdgeFacts("claimed", ("FT",), asserted_by="Kremlin", asserted_by_id="kremlin")
    assert grade(claim, grades, RULES).reliability == "E"
    overridden = grade(claim, grades, RULES, Override("intercepts", "ana", "2026-11-24T10:00:00Z", reliability="C"))
    assert (overridden.grade, overridden.computed, overridden.overridden) == ("C3", "E3", True)


def test_a_bad_rules_file_names_its_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "grading.yaml"
    text = DEFAULT_PATH.read_text(encoding="utf-8")
    path.write_text(text.replace("when: {status: reported, min_publishers: 2}",
                                 "when: {status: reported, min_sources: 2}"), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text().splitlines(), 1) if "min_sources" in row)
    with pytest.raises(InvalidInput, match=rf"grading.yaml:{line}: credibility.rules\[\d\].when.min_sources: "
                                           r"unknown condition"):
        load_rules(path)

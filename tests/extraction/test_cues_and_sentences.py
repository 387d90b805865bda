"""extract/sentences.py, cues.py and the cues of graph/ontology.yaml: pure, no database."""
from __future__ import annotations

import re

import pytest

from graph.ontology import get_ontology
from extract.cues import match_cue, parse_cue
from extract.relations import without_appositions
from extract.sentences import split_sentences, tokenize
from tests.conftest import ROOT

SEED_TEXT = (ROOT / "corpus" / "crocus-city-hall-ft-2024.txt").read_text(encoding="utf-8")
_MARK = re.compile(r"\[([SOA]) ([^\]]+)\]")


def test_sentences_are_spans_of_the_text_in_order() -> None:
    sentences = split_sentences(SEED_TEXT)
    assert len(sentences) > 40
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for before, after in zip(sentences, sentences[1:]):
        assert before.end <= after.start
        assert SEED_TEXT[before.end:after.start].strip() == ""  # nothing between them but space
    for sentence in sentences:
        assert sentence.tokens[0].start == sentence.start and sentence.tokens[-1].end == sentence.end


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
    ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
    ("The priorities . . . are set by the Kremlin. Yes.", ["The priorities . . . are set by the Kremlin.", "Yes."]),
    ("He paid 3.5m to the U.S. embassy. It said no.", ["He paid 3.5m to the U.S. embassy.", "It said no."]),
])
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert [text[s.start:s.end] for s in split_sentences(text)] == expected


def test_possessives_are_tokens_of_their_own() -> None:
    assert [t.norm for t in tokenize("Russia’s FSB and Jehovah's Witnesses don’t")] == [
        "russia", "'s", "fsb", "and", "jehovah", "'s", "witnesses", "don’t".replace("’", "'")]


@pytest.mark.parametrize("cue", ["", "{S} {X} {O}", "{S} a||b {O}"])
def test_malformed_cues_are_refused(cue: str) -> None:
    with pytest.raises(ValueError):
        cue_obj = parse_cue(cue)
        if "X" in cue_obj.slots:
            raise ValueError("unknown slot")


def test_a_gap_crosses_neither_an_entity_nor_a_comma() -> None:
    cue = parse_cue("{S} ... blamed {O}")
    assert [m.slots for m in match_cue(cue, ["E0", "has", "since", "blamed", "E1"])] == [{"S": (0,), "O": (1,)}]
    assert match_cue(cue, ["E0", "and", "E1", "has", "blamed", "E2"])[0].slots == {"S": (0, 1), "O": (2,)}
    assert match_cue(cue, ["E0", ",", "they", "blamed", "E1"]) == []


def test_a_list_needs_and_or_or_and_a_subject_is_not_after_a_preposition() -> None:
    cue = parse_cue("{S} ... claimed responsibility")
    # "citizens of Tajikistan and Islamic State repeated its claim": Tajikistan is no subject, and
    # neither is anything listed with it (the price: Islamic State is missed there too)
    assert match_cue(parse_cue("{S} ... repeated"), ["of", "E0", "and", "E1", "repeated"]) == []
    assert match_cue(parse_cue("{S} ... repeated"), ["E0", "and", "E1", "repeated"])[0].slots["S"] == (0, 1)
    # "four suspects, Moscow has blamed": a comma alone joins no list
    assert [m.slots["S"] for m in match_cue(parse_cue("{S} ... blamed {O}"),
                                            ["E0", ",", "E1", "has", "blamed", "E2"])] == [(1,)]
    assert match_cue(cue, ["E0", "immediately", "claimed", "responsibility"])[0].slots == {"S": (0,)}
    # a cue's own preposition is no bar: "according to the Washington Post"
    assert match_cue(parse_cue("according to {A}"), ["according", "to", "E0"])[0].slots == {"A": (0,)}


def test_appositions_are_also_matched_without_them() -> None:
    items = ["E0", ",", "E1", "'s", "press", "secretary", ",", "was", "subtle"]
    assert without_appositions(items) == ["E0", "was", "subtle"]
    assert without_appositions(["E0", ",", "E1", "and", "E2", "met"]) is None


def _example_items(example: str) -> tuple[list[str], dict[str, int]]:
    """An ontology example as cue items: each [S ...], [O ...], [A ...] becomes one entity item."""
    items: list[str] = []
    slots: dict[str, int] = {}
    position = 0
    for match in _MARK.finditer(example):
        items += [t.norm for t in tokenize(example[position:match.start()])]
        if items and items[-1] == "the":
            items.pop()  # as the extractor does: an article before a name is dropped
        slots[match.group(1)] = len(slots)
        items.append(f"E{slots[match.group(1)]}")
        position = match.end()
    items += [t.norm for t in tokenize(example[position:])]
    return items, slots


@pytest.mark.parametrize("name", get_ontology().relation_names)
def test_every_relation_type_has_cues_whose_examples_they_match(name: str) -> None:
    relation = get_ontology().relations[name]
    assert relation.cues and relation.examples, f"{name} needs cues and examples in graph/ontology.yaml"
    for example in relation.examples:
        items, slots = _example_items(example)
        assert "S" in slots, example
        found = [m.slots for cue in relation.cues for m in match_cue(parse_cue(cue), items)]
        wanted = {slot: (n,) for slot, n in slots.items()}
        assert any(all(m.get(slot) == n for slot, n in wanted.items()) and set(m) <= set(wanted) | {"O"}
                   for m in found), f"no cue of {name} matches {example!r} as marked: {found}"

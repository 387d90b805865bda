"""graph/names.py: name keys and stable ids."""
from __future__ import annotations

import pytest

from graph.names import edge_id, evidence_id, lucene_phrase, name_key


@pytest.mark.parametrize(("a", "b"), [
    ("Jehovah’s Witnesses", "jehovah's witnesses"),
    ("  the   North ", "The North"),
    ("ISIS–K", "Isis-K"),
    ("Isis\u2014K", "isis-k"),
    ("ＦＳＢ", "fsb"),                  # full-width letters (NFKC)
    ("Straße", "STRASSE"),             # casefold, not lower
    ("line\nbreak", "line break"),
])
def test_same_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Northern Service", "Northern Security Service"),
    ("ISIS-K", "ISISK"),
    ("US", "U.S."),
])
def test_different_key(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def _edge(**changes: str | None) -> str:
    fields: dict[str, str | None] = {"relation_type": "ACCUSED", "subject": "russia", "object": "ukraine",
                                     "status": "reported", "asserted_by": None}
    fields.update(changes)
    return edge_id(**fields)  # type: ignore[arg-type]


def test_edge_id_is_stable() -> None:
    assert _edge() == _edge() == "e-3903e9bec2715257"


@pytest.mark.parametrize("change", [
    {"relation_type": "WARNED"},
    {"subject": "ukraine", "object": "russia"},
    {"status": "claimed", "asserted_by": "russia"},
    {"status": "denied", "asserted_by": "russia"},
    {"asserted_by": "russia"},
])
def test_edge_id_depends_on_every_part(change: dict[str, str]) -> None:
    assert _edge(**change) != _edge()


def test_edge_id_parts_cannot_run_together() -> None:
    assert _edge(subject="a-b", object="c") != _edge(subject="a", object="b-c")


def test_evidence_id() -> None:
    assert evidence_id(document="test-alpha", relation="north-offers") == "test-alpha#north-offers"


@pytest.mark.parametrize(("key", "phrase"), [
    ("the north", '"the north"'),
    ('say "hi"', '"say \\"hi\\""'),
    ("back\\slash", '"back\\\\slash"'),
])
def test_lucene_phrase(key: str, phrase: str) -> None:
    assert lucene_phrase(key) == phrase

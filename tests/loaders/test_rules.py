"""loaders/rules.py: the rules both loaders follow, without a database.

That the two loaders build one graph with them is tested in tests/bench/test_bulk.py, on a real
Neo4j; here each rule is pinned on its own.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import InvalidInput
from graph.facts import read_facts
from loaders.rules import (
    EntityIndex,
    EntityRef,
    Found,
    entity_refs,
    entity_rows,
    resolution_rows,
    resolve,
)
from tests.conftest import FIXTURES

SHARED_IDS = FIXTURES / "shared_ids"


def _index(*paths: Path) -> EntityIndex:
    """The index of the files loaded one after the other, as the bulk load builds it."""
    index = EntityIndex()
    for path in paths:
        facts = read_facts(path)
        refs = entity_refs(facts)
        resolved = resolve(str(path), refs, {ref.id: index.lookup(ref) for ref in refs})
        for row in entity_rows(facts, resolved, resolved):
            index.add(row)
    return index


def test_an_external_id_resolves_before_a_name() -> None:
    ref = EntityRef("rf", "State", ("russia",), ("wikidata:Q159",))
    found = Found(by_external_id=[{"id": "russia", "name": "Russia", "kind": "State"}],
                  by_name=[{"id": "ru", "name": "Russia", "origins": ["ru"]}])
    assert resolve("f", [ref], {"rf": found}) == {"rf": "russia"}


def test_an_existing_id_wins_over_external_ids_and_names() -> None:
    ref = EntityRef("fsb", "SecurityService", ("fsb",), ("wikidata:Q159",))
    found = Found(existing_kind="SecurityService",
                  by_external_id=[{"id": "russia", "name": "Russia", "kind": "State"}],
                  by_name=[{"id": "other", "name": "FSB", "origins": []}])
    assert resolve("f", [ref], {"fsb": found}) == {"fsb": "fsb"}


@pytest.mark.parametrize(("found", "message"), [
    (Found(existing_kind="State"), "f:3: entities[0].kind: 'x' is already in the graph as a State, not a ArmedGroup"),
    (Found(by_external_id=[{"id": "russia", "name": "Russia", "kind": "State"}]),
     "f:4: entities[0].external_ids: its external ids are those of russia (Russia, State) in the graph: "
     "use its id and kind"),
    (Found(by_external_id=[{"id": "a", "name": "A", "kind": "ArmedGroup"},
                           {"id": "b", "name": "B", "kind": "ArmedGroup"}]),
     "f:4: entities[0].external_ids: its external ids are those of a (A, ArmedGroup), b (B, ArmedGroup) in the graph: "
     "use one of their ids"),
    (Found(by_name=[{"id": "a", "name": "A", "origins": []}, {"id": "b", "name": "B", "origins": []}]),
     "f:3: entities[0]: its names match several ArmedGroup entities already in the graph: a (A), b (B); "
     "use one of their ids"),
])
def test_what_cannot_be_resolved_is_an_error_at_its_line(found: Found, message: str) -> None:
    ref = EntityRef("x", "ArmedGroup", ("x",), ("wikidata:Q1",))
    lines = {("entities", 0): 3, ("entities", 0, "external_ids"): 4}
    with pytest.raises(InvalidInput) as caught:
        resolve("f", [ref], {"x": found}, line_of=lines.get)
    assert [str(p) for p in caught.value.problems] == [message]


def test_two_entities_of_a_file_on_one_node_is_an_error() -> None:
    refs = [EntityRef("a", "State", ("a",), ()), EntityRef("b", "State", ("b",), ())]
    found = {"a": Found(existing_kind="State"), "b": Found(by_name=[{"id": "a", "name": "A", "origins": ["a"]}])}
    lines = {("entities", 0): 3, ("entities", 1): 7}
    with pytest.raises(InvalidInput, match="f:7: entities\\[1\\]: 'b' and 'a' both resolve to 'a': merge them"):
        resolve("f", refs, found, line_of=lines.get)


def test_a_merged_entity_stays_its_own_origin_and_keeps_its_kind() -> None:
    ref = EntityRef("kiev", "State", ("kiev",), ())
    assert resolve("f", [ref], {"kiev": Found()}, redirects={"kiev": "kyiv"}) == {"kiev": "kiev"}
    with pytest.raises(InvalidInput, match="f:2: entities\\[0\\].kind: 'kiev' was a GovernmentBody when it was "
                                           "merged into 'kyiv', not a State"):
        resolve("f", [ref], {"kiev": Found()}, redirects={"kiev": "kyiv"}, merged_kinds={"kiev": "GovernmentBody"},
                line_of={("entities", 0): 2}.get)


def test_the_index_finds_external_ids_a_later_mention_gave() -> None:
    index = _index(*(SHARED_IDS / f"{name}.facts.yaml" for name in "ab"))
    wk = EntityRef("wk", "ArmedGroup", ("wilayat khorasan",), ("wikidata:Q19573474",))
    assert index.lookup(wk).by_external_id == [{"id": "isk", "name": "Islamic State Khorasan", "kind": "ArmedGroup"}]
    # A name matches within its kind only; an external id whatever the kind (resolve refuses the kind).
    as_person = EntityRef("p", "Person", ("fsb",), ("wikidata:Q157",))
    found = index.lookup(as_person)
    assert found.by_name == [] and [c["id"] for c in found.by_external_id] == ["fsb"]


def test_resolution_rows_are_the_cyphers_parameters() -> None:
    facts = read_facts(SHARED_IDS / "b.facts.yaml")
    rows = resolution_rows(entity_refs(facts))
    assert rows[2] == {"id": "iskp", "kind": "ArmedGroup", "keys": ["iskp", "islamic state khorasan"],
                       "terms": ['"iskp"', '"islamic state khorasan"'], "external_terms": ['"wikidata:Q19573474"']}

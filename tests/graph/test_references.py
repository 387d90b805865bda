"""graph/references.py through EntityService, on the real test graph: one way to name an entity."""
from __future__ import annotations

import pytest

from graph.errors import Ambiguous, NotFound
from graph.references import decide, lookup_terms, rank_similar
from graph.services.entities import EntityService
from graph.store import Store

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def entities(loaded: Store) -> EntityService:
    return EntityService(loaded)


@pytest.mark.parametrize("reference, expected", [
    ("iskp", "iskp"), ("ISKP", "iskp"), ("Iskp", "iskp"),            # ids in any case
    ("Q7747", "vladimir-putin"), ("q159", "russia"), ("wikidata:Q37230", "cia"),  # external ids
    ("Central Intelligence Agency", "cia"), ("CIA", "cia"), ("Isis-K", "iskp"),  # names, aliases
    ("FSB", "fsb"), ("Islamic State", "islamic-state"), ("City of Moscow", "moscow-city"), ("Q649", "moscow-city"),
])
def test_a_reference_names_one_entity(entities: EntityService, reference: str, expected: str) -> None:
    assert entities.resolve(reference, parameter="entity")["id"] == expected


def test_an_alias_that_is_also_the_end_of_another_name_is_ambiguous(entities: EntityService) -> None:
    """`Moscow` is Russia's alias and names the City of Moscow: never a silent pick."""
    with pytest.raises(Ambiguous) as raised:
        entities.resolve("Moscow", parameter="entity")
    assert {c["id"] for c in raised.value.candidates} == {"russia", "moscow-city"}
    assert raised.value.parameter == "entity" and "entity: 'Moscow' names 2 entities" in str(raised.value)


def test_a_misspelt_name_is_not_found_with_suggestions(entities: EntityService) -> None:
    with pytest.raises(NotFound) as raised:
        entities.resolve("Bortnikof", parameter="entity")
    assert raised.value.candidates and raised.value.candidates[0]["id"] == "alexander-bortnikov"
    assert "did you mean Alexander Bortnikov (alexander-bortnikov)?" in str(raised.value)
    with pytest.raises(NotFound) as nothing:
        entities.resolve("zzqxv", parameter="entity")
    assert nothing.value.candidates is None


def test_several_references_resolve_in_one_call(entities: EntityService) -> None:
    found = entities.resolve_many({"from": "ISKP", "to": "Q37230"})
    assert (found["from"]["id"], found["to"]["id"]) == ("iskp", "cia")


def test_search_falls_back_to_the_closest_spelling(entities: EntityService) -> None:
    assert [row["id"] for row in entities.search("Bortnikof")][:1] == ["alexander-bortnikov"]
    assert set(entities.search("Bortnikof")[0]) == {"id", "name", "kind", "aliases", "degree"}


def test_get_takes_any_reference(entities: EntityService) -> None:
    assert entities.get("CIA")["id"] == "cia"
    with pytest.raises(NotFound) as raised:
        entities.get("no such thing", parameter="entity_id")
    assert raised.value.parameter == "entity_id"


def test_the_rules_without_a_database() -> None:
    row = {"key": "red cell", "by_id": [], "by_external_id": [], "containing": [],
           "by_key": [{"id": "red-cell", "name": "Red Cell", "kind": "ArmedGroup", "aliases": []},
                      {"id": "red-cell-hackers", "name": "Red Cell", "kind": "Organisation", "aliases": []}]}
    assert [c["id"] for c in decide(row).candidates] == ["red-cell", "red-cell-hackers"]
    assert decide(dict(row, by_key=[])).entity is None and not decide(dict(row, by_key=[])).candidates
    assert lookup_terms("P31")["external"] is None  # only Q… is taken for a Wikidata item
    assert rank_similar("zzz", [{"id": "a", "name": "Alpha", "kind": "Person", "aliases": []}]) == []

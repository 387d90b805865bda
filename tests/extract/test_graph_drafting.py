"""The graph side of drafting, on the real Neo4j: the gazetteer, exact external-id resolution,
the loader's refusal of drafts, and two articles about the same events sharing nodes and edges."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from extract.assemble import DocumentInfo, write_draft
from extract.gazetteer import FactsGazetteer, GraphGazetteer
from extract.lexicon import get_lexicon
from graph.errors import InvalidInput
from graph.facts import read_facts
from graph.names import name_key
from graph.ontology import get_ontology
from graph.services.entities import EntityService
from graph.store import Store
from loaders.facts_loader import load_document, load_paths
from tests.conftest import FIXTURES, SEED_CORPUS, counts

pytestmark = pytest.mark.neo4j

SEED = SEED_CORPUS / "crocus-city-hall-ft-2024.facts.yaml"
EVALDESK = FIXTURES / "extraction" / "fsb-account-crocus-evaldesk-2024.facts.yaml"


@pytest.fixture(scope="module")
def seed_only(store: Store) -> Store:
    store.delete_all()
    load_paths(store, [SEED])
    return store


def test_the_graphs_gazetteer_answers_as_the_facts_files_do(seed_only: Store) -> None:
    graph, files = GraphGazetteer(seed_only), FactsGazetteer.from_paths([SEED])
    keys = {name_key(n) for e in read_facts(SEED).facts.entities for n in (e.name, *e.aliases)}
    keys |= {v for k in list(keys) for v in get_lexicon().variant_keys(k)} | {"nobody at all", "is-k", "kiev"}
    def ids(answer: dict) -> dict:
        return {key: sorted(k.id for k in known) for key, known in answer.items()}
    assert ids(graph.lookup(keys)) == ids(files.lookup(keys))
    assert graph.lookup({"isis-k"})["isis-k"][0].name == "Islamic State Khorasan Province"
    wanted = {"fsb", "iskp", "no-such-entity"}
    assert graph.existing_ids(wanted).keys() == files.existing_ids(wanted).keys() == {"fsb", "iskp"}


def test_drafting_against_the_graph_is_drafting_against_its_facts(seed_only: Store, tmp_path: Path) -> None:
    text = EVALDESK.with_name("fsb-account-crocus-evaldesk-2024.txt")
    shutil.copy(text, tmp_path / text.name)
    info = DocumentInfo(title="t", publisher="p")
    from_graph = write_draft(tmp_path / text.name, tmp_path / "a.facts.yaml", info=info,
                             gazetteer=GraphGazetteer(seed_only))
    from_files = write_draft(tmp_path / text.name, tmp_path / "b.facts.yaml", info=info,
                             gazetteer=FactsGazetteer.from_paths([SEED]))
    assert from_graph.facts == from_files.facts


def _facts_file(folder: Path, entities: str, relations: str = "relations: []\n") -> Path:
    text = folder / "x.txt"
    text.write_text("Rossiya and the Kremlin spoke.\n", encoding="utf-8")
    path = folder / "x.facts.yaml"
    path.write_text(f"""document:
  id: test-external-ids
  title: External ids
  publisher: Test
  published: 2024-05-01
  language: en
  text: x.txt
  sha256: {hashlib.sha256(text.read_bytes()).hexdigest()}
entities:
{entities}{relations}""", encoding="utf-8")
    return path


def test_an_external_id_resolves_exactly(seed_only: Store, tmp_path: Path) -> None:
    path = _facts_file(tmp_path, """  - id: rossiya
    name: Rossiya
    kind: State
    external_ids: {wikidata: Q159}
  - id: kremlin-2
    name: Kremlin Palace
    kind: GovernmentBody
""", """relations:
  - id: r1
    subject: kremlin-2
    type: PART_OF
    object: rossiya
    status: reported
    quote: Rossiya and the Kremlin
""")
    report = load_document(seed_only, read_facts(path))
    assert report.merged == {"rossiya": "russia"}  # by Wikidata id: no name in common
    russia = seed_only.read_one("entities/by_id", id="russia")
    assert "Rossiya" in russia["aliases"] and "test-external-ids" in russia["documents"]
    assert seed_only.read_one("entities/by_id", id="rossiya") is None


def test_an_external_id_of_another_kind_is_an_error(seed_only: Store, tmp_path: Path) -> None:
    path = _facts_file(tmp_path, """  - id: rossiya-place
    name: Rossiya
    kind: Place
    external_ids: {wikidata: Q159}
""")
    before = counts(seed_only)
    with pytest.raises(InvalidInput) as caught:
        load_document(seed_only, read_facts(path))
    (problem,) = caught.value.problems
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if "external_ids:" in text)
    assert problem.field == "entities[0].external_ids" and problem.line == line
    assert "russia (Russia, State)" in problem.message
    assert counts(seed_only) == before


def test_the_loader_refuses_a_draft_and_writes_nothing(seed_only: Store, tmp_path: Path) -> None:
    text = FIXTURES / "extraction" / "latvia-recruiter-arrest-2024.txt"
    shutil.copy(text, tmp_path / text.name)
    draft = write_draft(tmp_path / text.name, tmp_path / "d.facts.yaml", info=DocumentInfo(title="t", publisher="p"),
                        gazetteer=GraphGazetteer(seed_only))
    before = counts(seed_only)
    with pytest.raises(InvalidInput) as caught:
        load_paths(seed_only, [draft.path])
    problems = caught.value.problems
    assert len(problems) == 1 + len(draft.facts.entities) + len(draft.facts.relations)  # the date was guessed
    assert all(p.field.endswith(".review") for p in problems)
    guessed = [p for p in problems if p.field == "document.review"]
    assert len(guessed) == 1 and "document.published guessed by the draft: a person must set it" in guessed[0].message
    assert all("nobody has reviewed" in p.message for p in problems if p not in guessed)
    with pytest.raises(InvalidInput):
        load_document(seed_only, draft)
    assert counts(seed_only) == before


# --- two articles about the same events ------------------------------------------------------------

def _facts(path: Path) -> set[tuple]:
    symmetric = {n for n, r in get_ontology().relations.items() if r.symmetric}
    out = set()
    for r in read_facts(path).facts.relations:
        s, o = (sorted((r.subject, r.object)) if r.type in symmetric else (r.subject, r.object))
        out.add((s, r.type, o, r.status, r.asserted_by))
    return out


def test_two_articles_share_nodes_and_edges(store: Store) -> None:
    store.delete_all()
    load_paths(store, [SEED, EVALDESK])
    seed, evaldesk = read_facts(SEED), read_facts(EVALDESK)
    both = {seed.document.id, evaldesk.document.id}

    shared_ids = {e.id for e in seed.facts.entities} & {e.id for e in evaldesk.facts.entities}
    assert len(shared_ids) >= 20
    for entity_id in shared_ids:
        node = store.read_one("entities/by_id", id=entity_id)
        assert set(node["documents"]) == both, entity_id
    # one node whatever the spelling: "Isis-K" (FT), "ISIS-K" and "IS-K" (the second article)
    for name in ("Isis-K", "ISIS-K", "IS-K", "Kyiv", "Federal Security Service", "FSB"):
        from graph.names import lucene_phrase

        assert len(store.read("entities/by_key", term=lucene_phrase(name_key(name)))) == 1, name

    shared_facts = _facts(SEED) & _facts(EVALDESK)
    assert len(shared_facts) >= 8
    for subject, relation_type, obj, status, asserted_by in shared_facts:
        edges = [edge for edge in EntityService(store).get(subject)["edges"]
                 if edge["type"] == relation_type and {edge["source"], edge["target"]} == {subject, obj}
                 and edge["status"] == status and edge["asserted_by"] == asserted_by]
        assert len(edges) == 1, (subject, relation_type, obj)
        assert {v["document"] for v in edges[0]["evidence"]} == both
        assert edges[0]["weight"] >= 2

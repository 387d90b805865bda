"""loaders/facts_loader.py against the real Neo4j: all or nothing, idempotent, no stale data.

Most tests start from an empty graph with the alpha test document loaded, and edit copies of
the test corpus (``corpus_copy``). "Exactly as it was" is checked twice: the counts of
``stats`` (:func:`tests.conftest.counts`) and a snapshot of the whole graph as the exports
read it.
"""
from __future__ import annotations

import hashlib
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from graph.errors import InvalidInput
from graph.exports.source import GraphSource
from graph.facts import read_facts
from graph.ontology import get_ontology
from graph.store import Store
from loaders.facts_loader import LoadReport, load_document, load_paths, validate_paths
from tests.conftest import FIXTURES, ROOT, counts

pytestmark = pytest.mark.neo4j

ALPHA_RELATION_TYPES = {"OFFERED_COOPERATION": 1, "REJECTED_COOPERATION": 1, "LEADS": 1,
                        "CLAIMED_RESPONSIBILITY": 1, "ACCUSED": 1, "CARRIED_OUT": 2}


# --- helpers -------------------------------------------------------------------------------------

def _load(store: Store, path: Path, *, force: bool = False) -> LoadReport:
    return load_document(store, read_facts(path), force=force)


def _rows(store: Store, text: str, **params: Any) -> list[dict[str, Any]]:
    """Inspect the graph directly (test-only: the product runs registry statements only)."""
    records, _, _ = store.driver.execute_query(text, params, database_=store.settings.neo4j_database)
    return [record.data() for record in records]


def _snapshot(store: Store) -> dict[str, Any]:
    """The whole graph as the exports see it, with set-like lists sorted."""
    source = GraphSource(store)
    nodes = [{**n, "aliases": sorted(n["aliases"]), "documents": sorted(n["documents"])} for n in source.nodes()]
    return {"counts": counts(store), "nodes": nodes, "edges": list(source.edges()),
            "documents": list(source.documents())}


def _edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path.name}"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def _line_of(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


def _reseal(facts_path: Path, text_path: Path) -> None:
    """Write the text file's new sha256 into its facts file."""
    digest = hashlib.sha256(text_path.read_bytes()).hexdigest()
    lines = facts_path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines = [f"  sha256: {digest}\n" if line.startswith("  sha256: ") else line for line in lines]
    facts_path.write_text("".join(lines), encoding="utf-8")


def _remove_block(path: Path, first_line: str) -> None:
    """Remove a list item of the facts file: from ``first_line`` up to the next item or section."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(first_line)
    end = start + 1
    while end < len(lines) and lines[end].startswith("    "):
        end += 1
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


def _edges(store: Store) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """Edges by (type, source, target, status)."""
    return {(e["type"], e["source"], e["target"], e["status"]): e for e in GraphSource(store).edges()}


@pytest.fixture
def alpha_loaded(empty_store: Store) -> Store:
    report = _load(empty_store, FIXTURES / "corpus" / "alpha.facts.yaml")
    assert report.status == "loaded"
    return empty_store


@pytest.fixture
def both_loaded(alpha_loaded: Store) -> Store:
    report = _load(alpha_loaded, FIXTURES / "corpus" / "beta.facts.yaml")
    assert report.merged == {"north-svc": "northern-service"}
    return alpha_loaded


# --- a valid load ----------------------------------------------------------------------------------

def test_valid_load(empty_store: Store) -> None:
    report = _load(empty_store, FIXTURES / "corpus" / "alpha.facts.yaml")
    assert (report.document, report.status, report.entities, report.relations) == ("test-alpha", "loaded", 5, 7)
    assert report.merged == {}
    assert report.version is not None
    assert counts(empty_store) == {
        "kind:SecurityService": 2, "kind:ArmedGroup": 1, "kind:Person": 1, "kind:Event": 1,
        **{f"relation:{name}": number for name, number in ALPHA_RELATION_TYPES.items()},
        "status:reported": 5, "status:claimed": 1, "status:denied": 1,
        "total:documents": 1, "total:entities": 5, "total:edges": 7, "total:evidence": 7,
    }


@pytest.mark.parametrize("paths", [["tests/fixtures/corpus/alpha.facts.yaml", "tests/fixtures/corpus/beta.facts.yaml"],
                                   ["corpus"]], ids=["alpha+beta", "the corpus"])
def test_stored_edges_are_the_facts(empty_store: Store, paths: list[str]) -> None:
    """Regression guard: the type, ends and status Neo4j stores are those of the facts.

    Neo4j 5.26.0 wrote the wrong relationship type when it was given as a value in MERGE
    (``MERGE (s)-[:$($type)]->(o)``); see cypher/load/upsert_edges.cypher.
    """
    reports = load_paths(empty_store, [ROOT / p for p in paths])
    resolved = {local: node for report in reports for local, node in report.merged.items()}
    ontology = get_ontology()
    expected = set()
    for facts in validate_paths([ROOT / p for p in paths]):
        for rel in facts.facts.relations:
            ends = [resolved.get(rel.subject, rel.subject), resolved.get(rel.object, rel.object)]
            if ontology.relations[rel.type].symmetric:
                ends.sort()  # stored with its ends in a canonical order
            expected.add((rel.type, *ends, rel.status, resolved.get(rel.asserted_by, rel.asserted_by)))
    stored = {(r["type"], r["source"], r["target"], r["status"], r["asserted_by"])
              for r in _rows(empty_store, "MATCH (s:Entity)-[r]->(o:Entity) RETURN type(r) AS type, s.id AS source, "
                                          "o.id AS target, r.status AS status, r.asserted_by AS asserted_by")}
    assert stored == expected
    by_type = Counter(item[0] for item in expected)
    assert {k: v for k, v in counts(empty_store).items() if k.startswith("relation:")} == {
        f"relation:{name}": number for name, number in by_type.items()}


def test_every_entity_has_the_label_of_its_kind(both_loaded: Store) -> None:
    rows = _rows(both_loaded, "MATCH (e:Entity) RETURN e.id AS id, e.kind AS kind, labels(e) AS labels")
    assert len(rows) == 6
    for row in rows:
        assert sorted(row["labels"]) == sorted(["Entity", row["kind"]]), row


def test_evidence_and_edges_are_recorded(alpha_loaded: Store) -> None:
    edge = _edges(alpha_loaded)[("CARRIED_OUT", "northern-service", "harbour-market-bombing", "claimed")]
    assert edge["asserted_by"] == "southern-bureau"
    assert edge["disputed_by"] == ["northern-service"]
    assert edge["weight"] == 1
    assert [(v["document"], v["relation"]) for v in edge["evidence"]] == [("test-alpha", "north-bombed")]
    denial = _edges(alpha_loaded)[("CARRIED_OUT", "northern-service", "harbour-market-bombing", "denied")]
    assert denial["denies"] == [edge["id"]]
    assert edge["denies"] == []
    claimed = _edges(alpha_loaded)[("CLAIMED_RESPONSIBILITY", "red-cell", "harbour-market-bombing", "reported")]
    assert (claimed["first_date"], claimed["last_date"]) == ("2024-05-02", "2024-05-02")
    assert _edges(alpha_loaded)[("LEADS", "ana-vey", "southern-bureau", "reported")]["first_date"] == "2024-05-03"


_EMPTY_LISTS = ("MATCH (n) UNWIND keys(n) AS k WITH n, k WHERE n[k] = [] RETURN labels(n) AS what, k AS property "
                "UNION ALL MATCH ()-[r]->() UNWIND keys(r) AS k WITH r, k WHERE r[k] = [] "
                "RETURN [type(r)] AS what, k AS property")


def test_a_list_with_no_items_is_no_property_and_reads_as_empty(alpha_loaded: Store) -> None:
    """graph/noitems.py: the loader stores no empty list (the bulk load cannot write one); every
    reader gives [] for the absent property."""
    assert _rows(alpha_loaded, _EMPTY_LISTS) == []
    edge = _edges(alpha_loaded)[("CARRIED_OUT", "northern-service", "harbour-market-bombing", "claimed")]
    stored = _rows(alpha_loaded, "MATCH ()-[r {id: $id}]->() RETURN keys(r) AS keys", id=edge["id"])[0]["keys"]
    assert "disputed_by" in stored and "denies" not in stored
    assert edge["denies"] == []  # the export's reading (cypher/fragments/edge_map.cypher)
    document = _rows(alpha_loaded, "MATCH (d:Document {id: 'test-alpha'}) RETURN keys(d) AS keys")[0]["keys"]
    assert "authors" not in document and "title" in document
    assert [d["authors"] for d in GraphSource(alpha_loaded).documents()] == [[]]
    evidence = _rows(alpha_loaded, "MATCH (v:Evidence) RETURN v.relation AS relation, keys(v) AS keys")
    assert {"disputed_by", "disputed_by_origin"}.isdisjoint(next(v["keys"] for v in evidence
                                                                 if v["relation"] == "north-denies"))


# --- bad input: a file:line:field error, and nothing written ------------------------------------------
# (file, old text, new text, fragment of the problem's line, field)
BAD_INPUT = {
    "quote not in the text": (
        "alpha.facts.yaml", "quote: which the Northern Service denied", "quote: which the North denied",
        "quote: which the North denied", "relations[6].quote"),
    "unknown entity": (
        "alpha.facts.yaml", "    subject: red-cell\n", "    subject: blue-cell\n",
        "subject: blue-cell", "relations[3].subject"),
    "unknown relation type": (
        "alpha.facts.yaml", "type: LEADS", "type: HEADS", "type: HEADS", "relations[2].type"),
    "a kind that does not fit the relation": (
        "alpha.facts.yaml", "type: LEADS", "type: CLAIMED_RESPONSIBILITY",
        "    object: southern-bureau\n    status: reported\n    quote: the Bureau’s chief, Ana Vey\n",
        "relations[2].object"),
    "malformed YAML": (
        "alpha.facts.yaml", "title: Alpha test article", "title: Alpha: test article",
        "title: Alpha: test article", "YAML syntax"),
    "missing text file": (
        "alpha.facts.yaml", "text: alpha.txt", "text: alpha-missing.txt", "text: alpha-missing.txt",
        "document.text"),
    "sha256 mismatch": (
        "alpha.txt", "refused the offer.", "refused the offer!", "sha256:", "document.sha256"),
}


@pytest.mark.parametrize(("file", "old", "new", "line_fragment", "field"), BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_writes_nothing(alpha_loaded: Store, corpus_copy: Path, file: str, old: str, new: str,
                                  line_fragment: str, field: str) -> None:
    before = _snapshot(alpha_loaded)
    _edit(corpus_copy / file, old, new)
    facts_path = corpus_copy / "alpha.facts.yaml"
    line = _line_of(facts_path.read_text(encoding="utf-8"), line_fragment)
    with pytest.raises(InvalidInput) as caught:
        load_paths(alpha_loaded, [facts_path])
    assert f"{facts_path}:{line}: {field}: " in str(caught.value)
    assert counts(alpha_loaded) == before["counts"]
    assert _snapshot(alpha_loaded) == before


def test_entity_of_another_kind_is_refused_in_the_transaction(alpha_loaded: Store, corpus_copy: Path) -> None:
    """Valid on its own, but red-cell is an ArmedGroup in the graph: the transaction rolls back."""
    before = _snapshot(alpha_loaded)
    beta = corpus_copy / "beta.facts.yaml"
    text = _edit(beta, "    name: Red Cell\n    kind: ArmedGroup\n", "    name: Red Cell\n    kind: Organisation\n")
    read_facts(beta)  # valid as a file
    with pytest.raises(InvalidInput) as caught:
        load_paths(alpha_loaded, [beta])
    line = _line_of(text, "  - id: red-cell")
    assert str(caught.value) == (f"{beta}:{line}: entities[2].kind: 'red-cell' is already in the graph "
                                 "as a ArmedGroup, not a Organisation")
    assert _snapshot(alpha_loaded) == before


def test_ambiguous_name_is_refused_in_the_transaction(alpha_loaded: Store, corpus_copy: Path) -> None:
    before = _snapshot(alpha_loaded)
    beta = corpus_copy / "beta.facts.yaml"
    _edit(beta, "aliases: [Northern Service]", "aliases: [Northern Service, the Bureau's rival, THE  BUREAU]")
    _edit(beta, "    aliases: [the Bureau]\n", "")
    with pytest.raises(InvalidInput, match=r"beta.facts.yaml:\d+: entities\[1\]: its names match several "
                                           r"SecurityService entities"):
        load_paths(alpha_loaded, [beta])
    assert _snapshot(alpha_loaded) == before


def test_two_entities_resolving_to_one_node_are_refused(alpha_loaded: Store, corpus_copy: Path) -> None:
    """north-svc ("Northern Service") and north-two ("the North") both name alpha's northern-service."""
    before = _snapshot(alpha_loaded)
    beta = corpus_copy / "beta.facts.yaml"
    text = _edit(beta, "entities:\n", "entities:\n  - id: north-two\n    name: the North\n    kind: SecurityService\n")
    with pytest.raises(InvalidInput) as caught:
        load_paths(alpha_loaded, [beta])
    assert str(caught.value) == (f"{beta}:{_line_of(text, '  - id: north-svc')}: entities[2]: 'north-svc' and "
                                 "'north-two' both resolve to 'northern-service': merge them")
    assert _snapshot(alpha_loaded) == before


def test_one_invalid_file_in_a_load_writes_nothing(empty_store: Store, corpus_copy: Path) -> None:
    before = _snapshot(empty_store)
    gamma = corpus_copy / "gamma.facts.yaml"
    shutil.copy(corpus_copy / "beta.facts.yaml", gamma)
    text = _edit(gamma, "id: test-beta", "id: test-gamma")
    text = _edit(gamma, "quote: accused the Bureau of shielding the cell",
                 "quote: accused the Bureau of hiding the cell")
    with pytest.raises(InvalidInput) as caught:
        load_paths(empty_store, [corpus_copy])
    assert [str(p) for p in caught.value.problems] == [
        f"{gamma}:{_line_of(text, 'of hiding the cell')}: relations[5].quote: not found verbatim in the "
        "document's text"]
    assert _snapshot(empty_store) == before
    assert counts(empty_store).get("total:documents", 0) == 0


def test_two_files_with_one_document_id_are_refused(empty_store: Store, corpus_copy: Path) -> None:
    shutil.copy(corpus_copy / "alpha.facts.yaml", corpus_copy / "alpha-again.facts.yaml")
    with pytest.raises(InvalidInput, match="document.id: 'test-alpha' is also the id of"):
        load_paths(empty_store, [corpus_copy])
    assert counts(empty_store).get("total:documents", 0) == 0


# --- several documents to a transaction -----------------------------------------------------------

class _CountingStore(Store):
    """The real store, counting its write transactions."""

    transactions = 0

    def transaction(self, work: Any) -> Any:
        self.transactions += 1
        return super().transaction(work)


def test_documents_share_a_transaction_and_build_the_graph_of_one_by_one(both_loaded: Store) -> None:
    """beta resolves north-svc to alpha's node by its alias while alpha is not committed yet."""
    one_by_one = _snapshot(both_loaded)
    both_loaded.delete_all()
    with _CountingStore(both_loaded.settings) as store:
        reports = load_paths(store, [FIXTURES / "corpus" / "alpha.facts.yaml", FIXTURES / "corpus" / "beta.facts.yaml"])
        assert store.transactions == 1  # files named, not a folder: no sources.yaml to grade first
        assert [r.merged for r in reports] == [{}, {"north-svc": "northern-service"}]
        assert reports[1].version == reports[0].version + 1
        assert _snapshot(store) == one_by_one


def test_a_failing_document_leaves_those_before_it_loaded(empty_store: Store, corpus_copy: Path) -> None:
    """beta fails only against alpha (red-cell is an ArmedGroup there): their transaction is rolled
    back, alpha is loaded alone, and beta raises the error it raises when loaded after alpha."""
    _load(empty_store, corpus_copy / "alpha.facts.yaml")
    alpha_alone = _snapshot(empty_store)
    empty_store.delete_all()
    beta = corpus_copy / "beta.facts.yaml"
    text = _edit(beta, "    name: Red Cell\n    kind: ArmedGroup\n", "    name: Red Cell\n    kind: Organisation\n")
    loaded: list[LoadReport] = []
    with pytest.raises(InvalidInput) as caught:
        load_paths(empty_store, [corpus_copy], on_loaded=loaded.append)
    assert str(caught.value) == (f"{beta}:{_line_of(text, '  - id: red-cell')}: entities[2].kind: 'red-cell' is "
                                 "already in the graph as a ArmedGroup, not a Organisation")
    assert [(r.document, r.status) for r in loaded] == [("test-alpha", "loaded")]
    assert _snapshot(empty_store) == alpha_alone


# --- loading again ---------------------------------------------------------------------------------

def test_loading_twice_changes_nothing(alpha_loaded: Store) -> None:
    before = _snapshot(alpha_loaded)
    report = _load(alpha_loaded, FIXTURES / "corpus" / "alpha.facts.yaml")
    assert report.status == "unchanged"
    assert counts(alpha_loaded) == before["counts"]
    assert _snapshot(alpha_loaded) == before


def test_forced_reload_changes_nothing(both_loaded: Store) -> None:
    before = _snapshot(both_loaded)
    for name in ("alpha", "beta"):
        report = _load(both_loaded, FIXTURES / "corpus" / f"{name}.facts.yaml", force=True)
        assert report.status == "loaded"
        assert (report.edges_removed, report.entities_removed) == (0, 0)
        assert counts(both_loaded) == before["counts"]
    assert _snapshot(both_loaded) == before


def test_load_paths_reports_unchanged(alpha_loaded: Store) -> None:
    reports = load_paths(alpha_loaded, [FIXTURES / "corpus"])
    assert [(r.document, r.status) for r in reports] == [("test-alpha", "unchanged"), ("test-beta", "loaded")]


def test_edited_quote_replaces_its_evidence(alpha_loaded: Store, corpus_copy: Path) -> None:
    before = counts(alpha_loaded)
    facts_path, text_path = corpus_copy / "alpha.facts.yaml", corpus_copy / "alpha.txt"
    _edit(text_path, "refused the offer", "turned the offer down")
    _edit(facts_path, "quote: the Bureau’s chief, Ana Vey, refused the offer",
          "quote: the Bureau’s chief, Ana Vey, turned the offer down")
    _reseal(facts_path, text_path)
    report = _load(alpha_loaded, facts_path)
    assert report.status == "loaded"
    assert counts(alpha_loaded) == before

    new_quote = "the Bureau’s chief, Ana Vey, turned the offer down"
    edge = _edges(alpha_loaded)[("REJECTED_COOPERATION", "southern-bureau", "northern-service", "reported")]
    assert [v["quote"] for v in edge["evidence"]] == [new_quote]
    stored = _rows(alpha_loaded, "MATCH ()-[r {id: $id}]->() RETURN r.quotes AS quotes", id=edge["id"])
    assert stored == [{"quotes": [new_quote]}]
    evidence = _rows(alpha_loaded, "MATCH (v:Evidence) RETURN v.quote AS quote, v.id AS id")
    assert len(evidence) == 7
    assert not [v for v in evidence if "refused" in v["quote"]]
    assert sorted(v["id"] for v in evidence) == sorted(f"test-alpha#{rel.id}"
                                                      for rel in read_facts(facts_path).facts.relations)
    # The later quotes moved in the text: every span is recomputed against the new text.
    text = text_path.read_text(encoding="utf-8")
    assert list(GraphSource(alpha_loaded).documents())[0]["text"] == text
    for edge in GraphSource(alpha_loaded).edges():
        for v in edge["evidence"]:
            assert text[v["start"]:v["end"]] == v["quote"]


def test_removed_relation_deletes_its_edge(alpha_loaded: Store, corpus_copy: Path) -> None:
    facts_path = corpus_copy / "alpha.facts.yaml"
    _remove_block(facts_path, "  - id: bureau-refuses\n")
    report = _load(alpha_loaded, facts_path)
    assert report.edges_removed == 1
    after = counts(alpha_loaded)
    assert "relation:REJECTED_COOPERATION" not in after
    assert (after["total:edges"], after["total:evidence"]) == (6, 6)
    assert not [k for k in _edges(alpha_loaded) if k[0] == "REJECTED_COOPERATION"]


def test_removed_entity_deletes_its_node(alpha_loaded: Store, corpus_copy: Path) -> None:
    facts_path = corpus_copy / "alpha.facts.yaml"
    _remove_block(facts_path, "  - id: vey-leads\n")
    _remove_block(facts_path, "  - id: ana-vey\n")
    report = _load(alpha_loaded, facts_path)
    assert (report.entities_removed, report.edges_removed) == (1, 1)
    after = counts(alpha_loaded)
    assert "kind:Person" not in after and "relation:LEADS" not in after
    assert after["total:entities"] == 4
    assert "ana-vey" not in {n["id"] for n in GraphSource(alpha_loaded).nodes()}


def test_edited_text_must_match_its_facts(alpha_loaded: Store, corpus_copy: Path) -> None:
    """Editing the text without its facts is the sha256 mismatch, and is refused."""
    before = _snapshot(alpha_loaded)
    _edit(corpus_copy / "alpha.txt", "refused the offer", "turned the offer down")
    with pytest.raises(InvalidInput, match=r"alpha.facts.yaml:8: document.sha256: does not match"):
        load_paths(alpha_loaded, [corpus_copy / "alpha.facts.yaml"])
    assert _snapshot(alpha_loaded) == before


# --- two documents ---------------------------------------------------------------------------------

def test_shared_entity_is_one_node_with_evidence_from_both(both_loaded: Store) -> None:
    after = counts(both_loaded)
    assert after["total:entities"] == 6  # alpha's five and Ilo Marsh
    assert after["total:documents"] == 2
    assert after["total:evidence"] == 14
    nodes = {n["id"]: n for n in GraphSource(both_loaded).nodes()}
    assert sorted(nodes["southern-bureau"]["documents"]) == ["test-alpha", "test-beta"]
    assert nodes["ilo-marsh"]["documents"] == ["test-beta"]
    assert nodes["ana-vey"]["documents"] == ["test-alpha"]

    shared = _edges(both_loaded)[("ACCUSED", "southern-bureau", "northern-service", "reported")]
    assert shared["weight"] == 2
    assert [v["document"] for v in shared["evidence"]] == ["test-alpha", "test-beta"]
    assert (shared["first_date"], shared["last_date"]) == ("2024-05-03", "2024-05-08")
    stored = _rows(both_loaded, "MATCH ()-[r {id: $id}]->() RETURN r.documents AS documents", id=shared["id"])
    assert sorted(stored[0]["documents"]) == ["test-alpha", "test-beta"]
    claim = _edges(both_loaded)[("CARRIED_OUT", "northern-service", "harbour-market-bombing", "claimed")]
    assert [v["relation"] for v in claim["evidence"]] == ["north-bombed", "north-bombed"]
    assert claim["disputed_by"] == ["northern-service"]


def test_alias_resolves_to_the_existing_node(both_loaded: Store) -> None:
    nodes = {n["id"]: n for n in GraphSource(both_loaded).nodes()}
    assert "north-svc" not in nodes
    north = nodes["northern-service"]
    assert north["name"] == "Northern Service"  # alpha's name stays: it is still mentioned under it
    assert set(north["aliases"]) == {"the North", "Northern Security Service"}
    assert sorted(north["documents"]) == ["test-alpha", "test-beta"]
    edges = _edges(both_loaded)
    assert ("SPOKESPERSON_FOR", "ilo-marsh", "northern-service", "reported") in edges
    assert edges[("SUPPORTED", "northern-service", "red-cell", "claimed")]["disputed_by"] == ["northern-service"]
    assert nodes["harbour-market-bombing"]["aliases"] == ["Harbour Market attack"]


def test_resolution_works_in_either_order(empty_store: Store) -> None:
    _load(empty_store, FIXTURES / "corpus" / "beta.facts.yaml")
    report = _load(empty_store, FIXTURES / "corpus" / "alpha.facts.yaml")
    assert report.merged == {"northern-service": "north-svc"}
    assert counts(empty_store)["total:entities"] == 6


def test_reloading_edited_beta_keeps_alphas_support(both_loaded: Store, corpus_copy: Path) -> None:
    beta = corpus_copy / "beta.facts.yaml"
    _remove_block(beta, "  - id: bureau-accuses\n")
    _remove_block(beta, "  - id: north-bombed\n")
    report = _load(both_loaded, beta)
    assert report.edges_removed == 0  # alpha still supports both edges
    edges = _edges(both_loaded)
    for key in [("ACCUSED", "southern-bureau", "northern-service", "reported"),
                ("CARRIED_OUT", "northern-service", "harbour-market-bombing", "claimed")]:
        edge = edges[key]
        assert [v["document"] for v in edge["evidence"]] == ["test-alpha"], key
        assert edge["weight"] == 1
        assert edge["last_date"] == "2024-05-03"
        stored = _rows(both_loaded, "MATCH ()-[r {id: $id}]->() RETURN r.documents AS documents, "
                                    "r.quotes AS quotes", id=edge["id"])
        assert stored == [{"documents": ["test-alpha"], "quotes": [edge["evidence"][0]["quote"]]}]
    assert counts(both_loaded)["total:evidence"] == 12


def test_removing_beta_entity_keeps_the_shared_node(both_loaded: Store, corpus_copy: Path) -> None:
    """Beta stops mentioning Harbour Market: the node stays (alpha mentions it) and loses beta's alias."""
    beta = corpus_copy / "beta.facts.yaml"
    _remove_block(beta, "  - id: north-bombed\n")
    _remove_block(beta, "  - id: harbour-market-bombing\n")
    report = _load(both_loaded, beta)
    assert report.entities_removed == 0
    node = {n["id"]: n for n in GraphSource(both_loaded).nodes()}["harbour-market-bombing"]
    assert node["documents"] == ["test-alpha"]
    assert node["aliases"] == []
    # the list emptied on the reload: the property is gone, as a first load would have left it
    stored = _rows(both_loaded, "MATCH (e:Entity {id: 'harbour-market-bombing'}) RETURN keys(e) AS keys")
    assert "aliases" not in stored[0]["keys"]
    assert _rows(both_loaded, _EMPTY_LISTS) == []


# --- the seed article ------------------------------------------------------------------------------

def test_seed_evidence_quotes_are_their_spans(empty_store: Store) -> None:
    [report] = load_paths(empty_store, [FIXTURES / "seed"])
    assert report.status == "loaded"
    facts = read_facts(ROOT / "corpus" / "crocus-city-hall-ft-2024.facts.yaml")
    documents = {d["id"]: d["text"] for d in GraphSource(empty_store).documents()}
    assert documents == {facts.document.id: facts.text}
    rows = _rows(empty_store, "MATCH (v:Evidence), (d:Document {id: v.document}) "
                              "RETURN v.id AS id, v.quote AS quote, v.start AS start, v.end AS end, d.text AS text")
    assert len(rows) == len(facts.facts.relations) == counts(empty_store)["total:evidence"]
    for row in rows:
        assert row["text"][row["start"]:row["end"]] == row["quote"], row["id"]

"""MergeService over the real test Neo4j: a merge moves everything, an unmerge gives the graph back.

"The graph back" is checked on a full dump: every node and relationship with all its labels and
properties, except the times a load or a change writes (``loaded_at``, ``first_loaded_at``, ``updated_at``, the
graph ``version``) and the audit nodes of merges and grade changes.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from graph.errors import InvalidInput, InvalidParameter, NotFound
from graph.facts import read_facts
from graph.names import edge_id
from graph.ontology import get_ontology
from graph.services.merges import MergeService
from graph.store import Store
from loaders.facts_loader import load_document, load_paths
from tests.conftest import SEED_CORPUS, TEST_CORPUS, counts

pytestmark = pytest.mark.neo4j

_TIMES = {"loaded_at", "first_loaded_at", "updated_at", "version"}
_AUDIT = ("Merge", "GradeChange", "GraphMeta")


# --- helpers -------------------------------------------------------------------------------------

def _rows(store: Store, text: str, **params: Any) -> list[dict[str, Any]]:
    """Inspect the graph directly (test-only: the product runs registry statements only)."""
    records, _, _ = store.driver.execute_query(text, params, database_=store.settings.neo4j_database)
    return [record.data() for record in records]


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_plain(v) for v in value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # dates


def _props(props: dict[str, Any]) -> tuple:
    return tuple(sorted((k, _plain(v)) for k, v in props.items() if k not in _TIMES))


def dump(store: Store) -> dict[str, list]:
    """Every node and relationship with its labels, type and properties, sorted (audit and times left out)."""
    nodes = _rows(store, "MATCH (n) WHERE none(label IN labels(n) WHERE label IN $audit) "
                         "RETURN labels(n) AS labels, properties(n) AS props", audit=list(_AUDIT))
    rels = _rows(store, "MATCH (a)-[r]->(b) WHERE none(label IN labels(a) + labels(b) WHERE label IN $audit) "
                        "RETURN type(r) AS type, labels(a) AS a_labels, coalesce(a.id, a.key) AS a, "
                        "labels(b) AS b_labels, coalesce(b.id, b.key) AS b, properties(r) AS props",
                 audit=list(_AUDIT))
    return {"nodes": sorted((tuple(sorted(n["labels"])), _props(n["props"])) for n in nodes),
            "relationships": sorted((r["type"], tuple(sorted(r["a_labels"])), r["a"], tuple(sorted(r["b_labels"])),
                                     r["b"], _props(r["props"])) for r in rels)}


def assert_same_graph(before: dict[str, list], after: dict[str, list]) -> None:
    """Equal dumps, or the first differences named (a whole-graph diff is unreadable)."""
    for part in ("nodes", "relationships"):
        missing = [x for x in before[part] if x not in after[part]]
        extra = [x for x in after[part] if x not in before[part]]
        assert not missing and not extra, f"{part}: missing {missing[:3]}, extra {extra[:3]}"


def evidence(store: Store, **where: Any) -> list[dict[str, Any]]:
    return [row["v"] for row in _rows(store, "MATCH (v:Evidence) RETURN properties(v) AS v ORDER BY v.id")
            if all(row["v"].get(k) == value for k, value in where.items())]


def entity(store: Store, entity_id: str) -> dict[str, Any] | None:
    rows = _rows(store, "MATCH (e:Entity {id: $id}) RETURN properties(e) AS e, labels(e) AS labels", id=entity_id)
    return rows[0]["e"] | {"labels": sorted(rows[0]["labels"])} if rows else None


def edges_of(store: Store, entity_id: str) -> list[dict[str, Any]]:
    return _rows(store, "MATCH (s:Entity)-[r]->(o:Entity) WHERE $id IN [s.id, o.id] "
                        "RETURN r.id AS id, type(r) AS type, s.id AS subject, o.id AS object", id=entity_id)


def write_document(folder: Path, name: str, *, document_id: str, text: str, entities: str, relations: str) -> Path:
    """A facts file and its text, sealed with the text's sha256."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    path = folder / f"{name}.facts.yaml"
    path.write_text(f"document:\n  id: {document_id}\n  title: {name} test article\n  publisher: Test Post\n"
                    f"  published: 2024-07-01\n  language: en\n  text: {name}.txt\n  sha256: {digest}\n"
                    f"entities:\n{entities}relations:\n{relations}", encoding="utf-8")
    return path


# A document that names Ilo Marsh by id, with a claim he makes and the Red Cell's denial of it:
# once Marsh is merged into Ana Vey, the claim's edge moves, and so must the denial's pointer,
# though nothing the denial itself names moves.
DELTA_TEXT = "Ilo Marsh said the Red Cell had bombed the Harbour Market. The Red Cell denied that it had done so.\n"
DELTA_ENTITIES = """\
  - id: ilo-marsh
    name: Ilo Marsh
    kind: Person
  - id: red-cell
    name: Red Cell
    kind: ArmedGroup
  - id: harbour-market-bombing
    name: Harbour Market bombing
    kind: Event
"""
DELTA_RELATIONS = """\
  - id: marsh-claims
    subject: red-cell
    type: CARRIED_OUT
    object: harbour-market-bombing
    status: claimed
    asserted_by: ilo-marsh
    quote: Ilo Marsh said the Red Cell had bombed the Harbour Market
  - id: cell-denies
    subject: red-cell
    type: CARRIED_OUT
    object: harbour-market-bombing
    status: denied
    asserted_by: red-cell
    denies: marsh-claims
    quote: The Red Cell denied that it had done so
"""


@pytest.fixture
def delta(tmp_path: Path) -> Path:
    return write_document(tmp_path / "delta", "delta", document_id="test-delta", text=DELTA_TEXT,
                          entities=DELTA_ENTITIES, relations=DELTA_RELATIONS)


@pytest.fixture
def both_loaded(empty_store: Store) -> Store:
    """Alpha and beta (tests/fixtures/corpus): beta's north-svc resolves to alpha's northern-service."""
    load_paths(empty_store, [TEST_CORPUS])
    return empty_store


@pytest.fixture
def service(both_loaded: Store) -> MergeService:
    return MergeService(both_loaded)


def _merge(service: MergeService, into: str, source: str) -> dict[str, Any]:
    return service.merge(into, source, reason="the same person, two spellings", by="tester", via="test")


def _unmerge(service: MergeService, merge_id: str) -> dict[str, Any]:
    return service.unmerge(merge_id, reason="not the same after all", by="tester", via="test")


# --- a merge -------------------------------------------------------------------------------------

def test_merge_moves_mentions_evidence_and_edges(service: MergeService) -> None:
    store = service.store
    before_counts = counts(store)
    marsh_evidence = {v["id"]: v for v in evidence(store) if "ilo-marsh" in
                      (v["subject_origin"], v["object_origin"], v.get("asserted_by_origin"))}
    assert sorted(marsh_evidence) == ["test-beta#marsh-accuses", "test-beta#marsh-speaks", "test-beta#north-warned"]
    old_edges = {e["id"] for e in edges_of(store, "ilo-marsh")} | {v["edge"] for v in marsh_evidence.values()}

    outcome = _merge(service, "ana-vey", "ilo-marsh")

    assert entity(store, "ilo-marsh") is None
    vey = entity(store, "ana-vey")
    assert vey["name"] == "Ana Vey" and vey["labels"] == ["Entity", "Person"]
    assert {"Ilo Marsh", "Marsh"} <= set(vey["aliases"]) and "test-beta" in vey["documents"]
    assert {"ilo marsh", "marsh"} <= set(vey["keys"])

    after = {v["id"]: v for v in evidence(store)}
    assert len(after) == before_counts["total:evidence"]
    ontology = get_ontology()
    for vid, old in marsh_evidence.items():
        new = after[vid]
        # What the document says is untouched: quote, surface names, origins.
        for key in ("quote", "start", "end", "subject_name", "object_name", "subject_origin", "object_origin",
                    "asserted_by_origin", "document", "relation", "type", "status"):
            assert new.get(key) == old.get(key), (vid, key)
        placed = {key: "ana-vey" if old.get(key) == "ilo-marsh" else old.get(key)
                  for key in ("subject", "object", "asserted_by")}
        assert {key: new.get(key) for key in placed} == placed
        assert new["edge"] == edge_id(relation_type=new["type"], subject=new["subject"], object=new["object"],
                                      status=new["status"], asserted_by=new.get("asserted_by"))
        assert new["edge"] != old["edge"]
        assert ontology.relations[new["type"]]
        [edge] = _rows(store, "MATCH (s:Entity {id: $s})-[r {id: $id}]->(o:Entity {id: $o}) "
                              "RETURN type(r) AS type, r.quotes AS quotes, r.grade AS grade",
                       s=new["subject"], o=new["object"], id=new["edge"])
        assert edge["type"] == new["type"] and new["quote"] in edge["quotes"] and edge["grade"]
    assert not _rows(store, "MATCH ()-[r]->() WHERE r.id IN $ids RETURN r", ids=sorted(old_edges))

    [mention] = _rows(store, "MATCH (d:Document {id: 'test-beta'})-[m:MENTIONS {origin: 'ilo-marsh'}]->(e) "
                             "RETURN e.id AS node, m.name AS name, m.aliases AS aliases, m.kind AS kind")
    assert mention == {"node": "ana-vey", "name": "Ilo Marsh", "aliases": ["Marsh"], "kind": "Person"}

    record, changes = outcome["merge"], outcome["changes"]
    assert record["id"].startswith("m-") and record["active"] and record["unmerged"] is None
    assert (record["into"], record["source"], record["by"], record["via"]) == ("ana-vey", "ilo-marsh", "tester", "test")
    assert record["reason"] == "the same person, two spellings" and record["at"]
    assert (record["source_name"], record["source_kind"], record["source_aliases"]) == ("Ilo Marsh", "Person",
                                                                                       ["Marsh"])
    assert record["into_name"] == "Ana Vey" and set(record["added_aliases"]) == {"Ilo Marsh", "Marsh"}
    assert record["moved_mentions"] == [{"document": "test-beta", "origin": "ilo-marsh"}]
    assert {m["evidence"]: (m["edge_before"], m["edge_after"]) for m in record["moved_evidence"]} == {
        vid: (old["edge"], after[vid]["edge"]) for vid, old in marsh_evidence.items()}
    assert changes["mentions"] == 1 and changes["evidence"] == 3 and changes["entities_removed"] == 1
    assert changes["edges_removed"] == 3 and changes["graph_version"] > 0
    assert counts(store)["total:entities"] == before_counts["total:entities"] - 1
    assert service.get(record["id"]) == record
    assert service.list() == [record] and service.list(active_only=True) == [record]


def test_merge_with_edges_between_the_two_and_denials(service: MergeService) -> None:
    """Merging the two services of alpha: edges between them become loops, denials still point at their claims."""
    store = service.store
    _merge(service, "southern-bureau", "northern-service")
    assert entity(store, "northern-service") is None
    loops = _rows(store, "MATCH (s:Entity {id: 'southern-bureau'})-[r]->(s) RETURN type(r) AS type ORDER BY type")
    assert [r["type"] for r in loops] == ["ACCUSED", "OFFERED_COOPERATION", "REJECTED_COOPERATION", "WARNED"]
    for denial in evidence(store, status="denied"):
        in_document = evidence(store, document=denial["document"])
        [claim] = [v for v in in_document if v["relation"] == denial["denies_relation"]]
        assert denial["denies"] == claim["edge"]
        assert denial["asserted_by"] == "southern-bureau" and "disputed_by" not in denial  # no items: no property
    [denied] = _rows(store, "MATCH ()-[r]->() WHERE r.status = 'denied' AND type(r) = 'CARRIED_OUT' "
                            "RETURN r.denies AS denies")
    assert len(denied["denies"]) == 1


# --- and back --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("into", "source"), [("ana-vey", "ilo-marsh"), ("southern-bureau", "northern-service"),
                                              ("northern-service", "southern-bureau")])
def test_unmerge_gives_the_graph_back(service: MergeService, into: str, source: str) -> None:
    store = service.store
    before = dump(store)
    merged = _merge(service, into, source)["merge"]
    assert dump(store) != before
    outcome = _unmerge(service, merged["id"])
    assert_same_graph(before, dump(store))

    record = outcome["merge"]
    assert not record["active"] and record["moved_mentions"] == merged["moved_mentions"]
    undone = record["unmerged"]
    assert (undone["by"], undone["via"], undone["reason"]) == ("tester", "test", "not the same after all")
    assert undone["at"] and undone["restored_mentions"] == merged["moved_mentions"]
    assert {(e["evidence"], e["edge_before"], e["edge_after"]) for e in undone["restored_evidence"]} == {
        (e["evidence"], e["edge_after"], e["edge_before"]) for e in merged["moved_evidence"]}
    assert service.list(active_only=True) == [] and service.list() == [record]


def test_chained_merges_undone_in_any_order(empty_store: Store) -> None:
    """Marsh into Vey, then Vey into Putin: undoing the first (while the second holds) or the second first."""
    load_paths(empty_store, [TEST_CORPUS, SEED_CORPUS])
    service = MergeService(empty_store)
    original = dump(empty_store)
    for order in ([0, 1], [1, 0]):
        first = _merge(service, "ana-vey", "ilo-marsh")["merge"]
        second = _merge(service, "vladimir-putin", "ana-vey")["merge"]
        assert entity(empty_store, "ana-vey") is None and entity(empty_store, "ilo-marsh") is None
        assert {"Ana Vey", "Ilo Marsh", "Marsh"} <= set(entity(empty_store, "vladimir-putin")["aliases"])
        merges = [first, second]
        _unmerge(service, merges[order[0]]["id"])
        kept = merges[order[1]]
        assert entity(empty_store, kept["source"]) is None and entity(empty_store, merges[order[0]]["source"])
        _unmerge(service, kept["id"])
        assert_same_graph(original, dump(empty_store))


def test_seed_entities_merged_and_back(empty_store: Store) -> None:
    """Two states with many edges between them and to others: Ukraine into Russia, and back."""
    load_paths(empty_store, [SEED_CORPUS])
    service = MergeService(empty_store)
    before = dump(empty_store)
    merged = _merge(service, "russia", "ukraine")
    assert entity(empty_store, "ukraine") is None and merged["changes"]["evidence"] > 5
    assert not edges_of(empty_store, "ukraine")
    _unmerge(service, merged["merge"]["id"])
    assert_same_graph(before, dump(empty_store))


# --- documents loaded while a merge holds ---------------------------------------------------------

def test_document_naming_the_merged_id_attaches_to_into_and_goes_back(empty_store: Store, delta: Path) -> None:
    load_paths(empty_store, [TEST_CORPUS, delta.parent])
    never_merged = dump(empty_store)

    empty_store.delete_all()
    load_paths(empty_store, [TEST_CORPUS])
    service = MergeService(empty_store)
    merge_id = _merge(service, "ana-vey", "ilo-marsh")["merge"]["id"]
    report = load_document(empty_store, read_facts(delta))
    assert report.merged == {"ilo-marsh": "ana-vey"}
    by_relation = {v["relation"]: v for v in evidence(empty_store, document="test-delta")}
    assert by_relation["marsh-claims"]["asserted_by"] == "ana-vey"
    assert by_relation["marsh-claims"]["asserted_by_origin"] == "ilo-marsh"
    assert by_relation["cell-denies"]["denies"] == by_relation["marsh-claims"]["edge"]
    assert entity(empty_store, "ilo-marsh") is None
    assert "test-delta" in entity(empty_store, "ana-vey")["documents"]

    # Loading again changes nothing, whether skipped as unchanged or forced.
    merged = dump(empty_store)
    assert load_document(empty_store, read_facts(delta)).status == "unchanged"
    assert_same_graph(merged, dump(empty_store))
    for path in sorted(TEST_CORPUS.glob("*.facts.yaml")) + [delta]:
        load_document(empty_store, read_facts(path), force=True)
    assert_same_graph(merged, dump(empty_store))

    outcome = _unmerge(service, merge_id)
    assert {"document": "test-delta", "origin": "ilo-marsh"} in outcome["merge"]["unmerged"]["restored_mentions"]
    assert_same_graph(never_merged, dump(empty_store))


def test_reloading_a_document_that_named_the_source_by_an_alias(service: MergeService) -> None:
    store = service.store
    before = dump(store)
    merge_id = _merge(service, "southern-bureau", "northern-service")["merge"]["id"]
    load_document(store, read_facts(TEST_CORPUS / "beta.facts.yaml"), force=True)
    _unmerge(service, merge_id)
    assert_same_graph(before, dump(store))


# --- refusals --------------------------------------------------------------------------------------

@pytest.mark.parametrize(("into", "source", "error", "parameter", "message"), [
    ("ana-vey", "red-cell", InvalidParameter, "source", "'red-cell' is an ArmedGroup and 'ana-vey' a Person"),
    ("ana-vey", "ana-vey", InvalidParameter, "source", "cannot be merged into itself"),
    ("ana-vey", "nobody", NotFound, "source", "source: no entity is called 'nobody'"),
    ("nobody", "ana-vey", NotFound, "into", "into: no entity is called 'nobody'"),
    ("", "ana-vey", InvalidParameter, "into", "into: required"),
])
def test_refused_merges_write_nothing(service: MergeService, into: str, source: str, error: type,
                                      parameter: str, message: str) -> None:
    before = dump(service.store)
    with pytest.raises(error, match=message) as caught:
        _merge(service, into, source)
    assert caught.value.parameter == parameter
    assert_same_graph(before, dump(service.store))
    assert service.list() == []


def test_refused_reason_and_name(service: MergeService) -> None:
    with pytest.raises(InvalidParameter, match="reason: required") as caught:
        service.merge("ana-vey", "ilo-marsh", reason="  ", by="tester", via="test")
    assert caught.value.parameter == "reason"
    with pytest.raises(InvalidParameter, match="by: required"):
        service.merge("ana-vey", "ilo-marsh", reason="same", by="", via="test")


def test_cycles_and_merged_entities_are_refused(service: MergeService) -> None:
    merge_id = _merge(service, "ana-vey", "ilo-marsh")["merge"]["id"]
    with pytest.raises(InvalidParameter, match="would make a cycle: 'ilo-marsh' was merged into 'ana-vey'") as caught:
        _merge(service, "ilo-marsh", "ana-vey")
    assert caught.value.parameter == "into"
    with pytest.raises(InvalidParameter, match="'ilo-marsh' was already merged into 'ana-vey'") as caught:
        _merge(service, "ana-vey", "ilo-marsh")
    assert caught.value.parameter == "source"
    _unmerge(service, merge_id)
    with pytest.raises(InvalidParameter, match=f"'{merge_id}' was already undone on .* by tester") as caught:
        _unmerge(service, merge_id)
    assert caught.value.parameter == "merge"
    with pytest.raises(NotFound, match="merge: no merge with id 'm-0000'") as caught:
        _unmerge(service, "m-0000")
    assert caught.value.parameter == "merge"
    with pytest.raises(NotFound):
        service.get("m-0000")
    with pytest.raises(InvalidParameter, match="limit"):
        service.list(limit=0)


def test_a_merged_away_id_keeps_its_kind(service: MergeService, tmp_path: Path) -> None:
    _merge(service, "ana-vey", "ilo-marsh")
    other_kind = DELTA_ENTITIES.replace("name: Ilo Marsh\n    kind: Person", "name: Ilo Marsh\n    kind: Organisation")
    path = write_document(tmp_path / "delta", "delta", document_id="test-delta", text=DELTA_TEXT,
                          entities=other_kind, relations=DELTA_RELATIONS)
    before = dump(service.store)
    with pytest.raises(InvalidInput, match=r"delta.facts.yaml:\d+: entities\[0\].kind: 'ilo-marsh' was a Person "
                                           r"when it was merged into 'ana-vey', not a Organisation"):
        load_paths(service.store, [path])
    assert_same_graph(before, dump(service.store))

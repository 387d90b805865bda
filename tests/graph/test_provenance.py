"""Provenance on the real Neo4j: grades that follow corroboration, denials, sources and analysts;
event time apart from report time; the graph as of a day (docs/provenance.md).

The test corpus: alpha (Test Gazette, 2024-05-03) and beta (Test Courier, 2024-05-08) report
some of the same edges; ``delta``, written here, is a third publisher's article that reports
the Bureau's refusal and the Bureau's denial of it.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import textwrap
from pathlib import Path
from typing import Any

import pytest

from graph.errors import InvalidInput, InvalidParameter, NotFound
from graph.exports.source import GraphSource, Selection
from graph.filters import DateRange, EdgeFilter, MinGrade
from graph.services.grades import GradeService, SourceGrade
from graph.services.paths import PathService
from graph.store import Store
from loaders.facts_loader import load_paths
from tests.conftest import FIXTURES

pytestmark = pytest.mark.neo4j

ALPHA = FIXTURES / "corpus" / "alpha.facts.yaml"
BETA = FIXTURES / "corpus" / "beta.facts.yaml"

DELTA_TEXT = ("The Southern Bureau turned down the Northern Service’s offer of files, officials said. "
              "A Bureau spokesman later denied that the offer had been refused.\n")


def _write_delta(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "delta.txt").write_text(DELTA_TEXT, encoding="utf-8")
    digest = hashlib.sha256(DELTA_TEXT.encode()).hexdigest()
    facts = folder / "delta.facts.yaml"
    facts.write_text(textwrap.dedent(f"""\
        document:
          id: test-delta
          title: Delta test article
          publisher: Test Wire
          published: 2024-05-10
          language: en
          text: delta.txt
          sha256: {digest}
        entities:
          - {{id: southern-bureau, name: Southern Bureau, kind: SecurityService, aliases: [the Bureau]}}
          - {{id: northern-service, name: Northern Service, kind: SecurityService}}
        relations:
          - id: refused
            subject: southern-bureau
            type: REJECTED_COOPERATION
            object: northern-service
            status: reported
            quote: The Southern Bureau turned down the Northern Service’s offer of files
            date: before 2024-05-03
          - id: denies-refusing
            subject: southern-bureau
            type: REJECTED_COOPERATION
            object: northern-service
            status: denied
            asserted_by: southern-bureau
            denies: refused
            quote: A Bureau spokesman later denied that the offer had been refused
        """), encoding="utf-8")
    return facts


def _edges(store: Store, **filters: Any) -> dict[tuple[str, str, str, str], dict[str, Any]]:
    """Every edge the filter keeps, by (type, source, target, status)."""
    source = GraphSource(store, Selection(edge_filter=EdgeFilter(**filters)))
    return {(e["type"], e["source"], e["target"], e["status"]): e for e in source.edges()}


ACCUSES = ("ACCUSED", "southern-bureau", "northern-service", "reported")
REFUSES = ("REJECTED_COOPERATION", "southern-bureau", "northern-service", "reported")
REFUSAL_DENIED = ("REJECTED_COOPERATION", "southern-bureau", "northern-service", "denied")


def test_a_second_publisher_confirms_an_edge(empty_store: Store) -> None:
    load_paths(empty_store, [ALPHA])
    alone = _edges(empty_store)[ACCUSES]
    assert (alone["grade"], alone["publishers"]) == ("F2", ["Test Gazette"])
    assert alone["grade_reason"] == ("F2: source Test Gazette is F (reliability cannot be judged); "
                                     "2 (probably true): reported as fact by Test Gazette alone")

    load_paths(empty_store, [BETA])
    both = _edges(empty_store)[ACCUSES]
    assert (both["credibility"], both["publishers"]) == (1, ["Test Gazette", "Test Courier"])
    assert "reported as fact by 2 independent publishers (Test Gazette and Test Courier)" in both["grade_reason"]
    assert [v["publisher"] for v in both["evidence"]] == ["Test Gazette", "Test Courier"]
    # Beta calls it the "Northern Security Service": each piece of evidence keeps its own name.
    assert [v["object_name"] for v in both["evidence"]] == ["Northern Service", "Northern Security Service"]


def test_a_denial_lowers_a_confirmed_edge(empty_store: Store, tmp_path: Path) -> None:
    load_paths(empty_store, [ALPHA])
    assert _edges(empty_store)[REFUSES]["credibility"] == 2
    load_paths(empty_store, [_write_delta(tmp_path / "delta")])
    edges = _edges(empty_store)
    refused = edges[REFUSES]
    assert refused["publishers"] == ["Test Gazette", "Test Wire"]  # two publishers, but denied
    assert (refused["credibility"], refused["grade_reason"].split(": ")[-1]) == (4, "denied by Southern Bureau")
    denial = edges[REFUSAL_DENIED]
    assert denial["credibility"] == 5  # a denial of what two publishers report as fact
    assert "report as fact" in denial["grade_reason"] and "Southern Bureau (quoted)" in denial["grade_reason"]


def test_a_claim_is_graded_by_the_party_that_makes_it(empty_store: Store) -> None:
    load_paths(empty_store, [ALPHA, BETA])
    service = GradeService(empty_store)
    claim = _edges(empty_store)[("SUPPORTED", "northern-service", "red-cell", "claimed")]
    assert claim["grade"] == "F4"  # denied by the Northern Service in beta
    service.grade_sources([SourceGrade("speaker", "southern-bureau", "C", "a party, often right")],
                          by="tester", via="test")
    claim = _edges(empty_store)[("SUPPORTED", "northern-service", "red-cell", "claimed")]
    assert claim["grade"] == "C4" and "Southern Bureau (quoted) is C" in claim["grade_reason"]


def test_source_grades_regrade_and_are_audited(empty_store: Store) -> None:
    load_paths(empty_store, [ALPHA])
    service = GradeService(empty_store)
    gazette = SourceGrade("publisher", "test gazette", "B", "checks its facts")  # case does not matter
    assert service.grade_sources([gazette], by="tester", via="test") == 1
    assert _edges(empty_store)[ACCUSES]["grade"] == "B2"
    version = empty_store.read_one("analytics/graph_version")
    assert service.grade_sources([gazette], by="tester", via="test") == 0  # the same again: nothing written
    assert empty_store.read_one("analytics/graph_version") == version
    service.grade_sources([SourceGrade("publisher", "Test Gazette", "D", "got one wrong")], by="ana", via="test")
    history = service.history(source="Test Gazette")
    assert [(c["reliability"], c["previous"], c["by"]) for c in history] == [("B", None, "tester"), ("D", "B", "ana")]
    assert [s["reliability"] for s in service.sources()] == ["D"]


def test_an_override_is_recorded_survives_a_reload_and_can_be_cleared(empty_store: Store, corpus_copy: Path) -> None:
    load_paths(empty_store, [corpus_copy / "alpha.facts.yaml"])
    service = GradeService(empty_store)
    edge_id = _edges(empty_store)[ACCUSES]["id"]
    changed = service.override(edge_id, reliability=None, credibility=1, reason="court records", by="ana", via="test")
    assert (changed["grade"], changed["credibility"]) == ("F1", 1)
    assert changed["grade_reason"].startswith("F1 set by ana on ") and "the rules give F2" in changed["grade_reason"]

    # An edited document is loaded again: the override stays on the edge.
    facts = corpus_copy / "alpha.facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    load_paths(empty_store, [facts])
    assert _edges(empty_store)[ACCUSES]["grade"] == "F1"

    cleared = service.clear_override(edge_id, reason="records were forged", by="bo", via="test")
    assert cleared["grade"] == "F2"
    assert [(c["action"], c["by"]) for c in service.history(edge=edge_id)] == [("set", "ana"), ("cleared", "bo")]
    with pytest.raises(InvalidParameter, match="credibility"):
        service.override(edge_id, reliability=None, credibility=7, reason="x", by="ana", via="test")
    with pytest.raises(InvalidParameter, match="reason"):
        service.override(edge_id, reliability="A", credibility=None, reason=" ", by="ana", via="test")
    with pytest.raises(NotFound):
        service.override("e-0000000000000000", reliability="A", credibility=None, reason="x", by="a", via="t")


def test_min_grade_keeps_only_edges_graded_as_well(empty_store: Store) -> None:
    load_paths(empty_store, [ALPHA, BETA])
    every = _edges(empty_store)
    confirmed = _edges(empty_store, min_grade=MinGrade("F", 1))
    assert set(confirmed) == {key for key, edge in every.items() if edge["credibility"] == 1} != set()
    GradeService(empty_store).grade_sources([SourceGrade("publisher", "Test Courier", "B", "x")], by="t", via="t")
    reliable = _edges(empty_store, min_grade=MinGrade("B", 6))
    assert reliable and all(edge["reliability"] <= "B" for edge in reliable.values())
    assert all("Test Courier" in edge["publishers"] for edge in reliable.values())


def test_as_of_hides_a_later_document(empty_store: Store) -> None:
    load_paths(empty_store, [ALPHA, BETA])
    before_beta = _edges(empty_store, as_of=dt.date(2024, 5, 5))
    assert ("SUPPORTED", "northern-service", "red-cell", "claimed") not in before_beta  # beta's alone
    accuses = before_beta[ACCUSES]
    assert [v["document"] for v in accuses["evidence"]] == ["test-alpha"]  # beta's quote is hidden too
    assert (accuses["weight"], accuses["publishers"]) == (1, ["Test Gazette"])
    source = GraphSource(empty_store, Selection(edge_filter=EdgeFilter(as_of=dt.date(2024, 5, 5))))
    assert "ilo-marsh" not in {node["id"] for node in source.nodes()}
    assert [d["id"] for d in source.documents()] == ["test-alpha"]
    # Nothing was known before alpha.
    assert _edges(empty_store, as_of=dt.date(2024, 5, 2)) == {}


def test_as_of_applies_to_paths(empty_store: Store) -> None:
    load_paths(empty_store, [ALPHA, BETA])
    paths = PathService(empty_store)
    later = paths.find(source="ilo-marsh", target="red-cell", edge_filter=EdgeFilter())
    assert later["paths"]
    earlier = paths.find(source="ilo-marsh", target="red-cell", edge_filter=EdgeFilter(as_of=dt.date(2024, 5, 5)))
    assert earlier["paths"] == []


def test_event_time_apart_from_report_time(empty_store: Store, tmp_path: Path) -> None:
    load_paths(empty_store, [ALPHA, BETA, _write_delta(tmp_path / "delta")])
    edges = _edges(empty_store)
    claimed = edges[("CLAIMED_RESPONSIBILITY", "red-cell", "harbour-market-bombing", "reported")]
    assert (claimed["event_start"], claimed["event_end"], claimed["first_reported"]) == (
        "2024-05-02", "2024-05-02", "2024-05-03")
    warned = edges[("WARNED", "northern-service", "southern-bureau", "claimed")]
    assert (warned["event_start"], warned["event_end"], warned["evidence"][0]["event"]) == (
        "2024-04-01", "2024-04-30", "2024-04")
    refused = edges[REFUSES]  # alpha says nothing of when; delta says "before 2024-05-03"
    assert (refused["event_known"], refused["event_start"], refused["event_end"]) == (True, None, "2024-05-02")
    undated = edges[ACCUSES]
    assert (undated["event_known"], undated["first_date"]) == (False, "2024-05-03")

    april = _edges(empty_store, during=DateRange(dt.date(2024, 4, 1),
                                                 dt.date(2024, 4, 30)))
    assert set(april) == {("WARNED", "northern-service", "southern-bureau", "claimed"), REFUSES}
    may_second = _edges(empty_store, during=DateRange(dt.date(2024, 5, 2), None))
    assert ("CLAIMED_RESPONSIBILITY", "red-cell", "harbour-market-bombing", "reported") in may_second
    assert ACCUSES not in may_second  # no event time: left out of any `during`


def test_a_bad_sources_file_is_refused_with_its_line(empty_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "sources.yaml").write_text("publishers:\n  - name: Test Gazette\n    reliability: Z\n"
                                         "    reason: x\n", encoding="utf-8")
    for name in ("alpha.facts.yaml", "alpha.txt"):
        (folder / name).write_bytes((FIXTURES / "corpus" / name).read_bytes())
    with pytest.raises(InvalidInput, match=r"sources.yaml:3: publishers\[0\].reliability: expected one of A"):
        load_paths(empty_store, [folder])
    assert not _edges(empty_store)  # nothing was written


def test_a_claim_loses_its_backing_when_the_report_is_edited_away(empty_store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "epsilon"
    folder.mkdir()
    text = "The Northern Service warned the Southern Bureau in April, a Wire correspondent confirmed.\n"
    (folder / "epsilon.txt").write_text(text, encoding="utf-8")
    facts = folder / "epsilon.facts.yaml"
    header = textwrap.dedent(f"""\
        document:
          id: test-epsilon
          title: Epsilon test article
          publisher: Test Wire
          published: 2024-05-12
          language: en
          text: epsilon.txt
          sha256: {hashlib.sha256(text.encode()).hexdigest()}
        entities:
          - {{id: northern-service, name: Northern Service, kind: SecurityService}}
          - {{id: southern-bureau, name: Southern Bureau, kind: SecurityService}}
        """)
    facts.write_text(header + textwrap.dedent("""\
        relations:
          - id: warned
            subject: northern-service
            type: WARNED
            object: southern-bureau
            status: reported
            quote: The Northern Service warned the Southern Bureau in April
        """), encoding="utf-8")
    load_paths(empty_store, [ALPHA, BETA, facts])
    claim = _edges(empty_store)[("WARNED", "northern-service", "southern-bureau", "claimed")]
    assert (claim["credibility"], claim["grade_reason"].split(": ")[-1]) == (
        2, "claimed by Ilo Marsh and reported as fact by Test Wire")

    facts.write_text(header + "relations: []\n", encoding="utf-8")  # the report is edited away
    load_paths(empty_store, [facts])
    edges = _edges(empty_store)
    assert ("WARNED", "northern-service", "southern-bureau", "reported") not in edges
    assert edges[("WARNED", "northern-service", "southern-bureau", "claimed")]["credibility"] == 3


def test_centrality_as_of_ranks_only_what_was_known(empty_store: Store) -> None:
    from graph.services.centrality import CentralityService

    load_paths(empty_store, [ALPHA, BETA])
    service = CentralityService(empty_store)
    then = service.compute("degree", limit=100, edge_filter=EdgeFilter(as_of=dt.date(2024, 5, 5)))
    now = service.compute("degree", limit=100)
    assert (then["nodes"], now["nodes"]) == (5, 6)  # Ilo Marsh appears in beta, on 8 May
    assert "ilo-marsh" not in {row["id"] for row in then["results"]}

"""loaders/bulk/: a bulk first load builds the transactional loader's graph, and refuses what it must.

The bulk loads go into a throwaway server of their own (its own home under a temporary folder,
its own free ports), never the test server; the transactional loads of the same files go into
the test server. Both graphs are then read whole and compared, node for node and relationship
for relationship, properties and their Neo4j value types included, lists in their order: both
loaders summarise with graph/summaries.py, which orders mentions and evidence itself.
"""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.generate import SIZES, generate
from bench.server import bench_settings, child_environment, free_port, wipe_database
from graph import localserver
from graph.errors import InvalidInput
from graph.settings import Settings
from graph.store import Store
from loaders import bulk
from loaders.facts_loader import load_paths, validate_paths
from tests.conftest import AMBIGUITY, FIXTURES, ROOT, SEED_CORPUS, TEST_CORPUS

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def throwaway(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """A second local server, for bulk loads only; stopped at the end."""
    home = tmp_path_factory.mktemp("bulk-neo4j") / "home"
    settings = bench_settings(size="XS", home=home, bolt_port=free_port(), http_port=free_port())
    yield settings
    localserver.stop(settings)


@pytest.fixture(scope="module")
def xs_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bulk-corpus") / "xs"
    generate(out, SIZES["XS"], seed=5)
    return out


def _rows(store: Store, text: str) -> list[dict[str, Any]]:
    """Read the graph directly (test-only: the product runs registry statements only)."""
    records, _, _ = store.driver.execute_query(text, database_=store.settings.neo4j_database)
    return [record.data() for record in records]


def _graph(settings: Settings) -> dict[str, dict[tuple, Any]]:
    """Every node and relationship with its labels or type, properties and their value types."""
    with Store(settings) as store:
        nodes = {}
        for row in _rows(store, "MATCH (n) RETURN labels(n) AS labels, properties(n) AS p, "
                                "[k IN keys(n) | [k, valueType(n[k])]] AS types"):
            props = dict(row["p"])
            for stamp in ("loaded_at", "first_loaded_at", "updated_at", "at"):  # the time of a load (or a grade)
                props.pop(stamp, None)
            nodes[(tuple(sorted(row["labels"])), props.get("id") or props.get("key"))] = (
                props, sorted(map(tuple, row["types"])))
        relationships = {}
        for row in _rows(store, "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS a, b.id AS b, "
                                "properties(r) AS p, [k IN keys(r) | [k, valueType(r[k])]] AS types"):
            props = dict(row["p"])
            relationships[(row["type"], row["a"], row["b"], props.get("id"))] = (
                props, sorted(map(tuple, row["types"])))
    return {"nodes": nodes, "relationships": relationships}


def _assert_same_graph(transactional: dict[str, dict[tuple, Any]], bulk_loaded: dict[str, dict[tuple, Any]]) -> None:
    """Equal node for node and relationship for relationship: the same property keys (a property
    absent from one is absent from the other), values, value types and list orders; and neither
    holds an empty list (graph/noitems.py: a list with no items is no property)."""
    for part in ("nodes", "relationships"):
        tx, bk = transactional[part], bulk_loaded[part]
        assert tx.keys() == bk.keys(), (part, sorted(tx.keys() ^ bk.keys())[:5])
        different = [key for key in tx if tx[key] != bk[key]]
        assert not different, [(key, tx[key], bk[key]) for key in different[:3]]
        for graph in (tx, bk):
            empty = [(key, name) for key, (props, _) in graph.items() for name, value in props.items() if value == []]
            assert not empty, empty[:5]


def _absent(graph: dict[str, dict[tuple, Any]], kind: str, name: str) -> int:
    """How many nodes labelled ``kind`` or relationships of type ``kind`` (``"edge"``: any ontology
    type) of ``graph`` lack the property ``name``."""
    found = 0
    for part in ("nodes", "relationships"):
        for key, (props, _) in graph[part].items():
            label_or_type = key[0] if part == "nodes" else (key[0],)
            if (kind in label_or_type or (kind == "edge" and part == "relationships" and key[0] != "MENTIONS")) \
                    and name not in props:
                found += 1
    return found


def _bulk(settings: Settings, paths: list[Path]) -> bulk.BulkReport:
    wipe_database(settings)
    return bulk.bulk_load(settings, paths)


def test_a_generated_corpus_gives_the_transactional_graph(throwaway: Settings, xs_corpus: Path,
                                                          empty_store: Store) -> None:
    report = _bulk(throwaway, [xs_corpus])
    assert (report.documents, report.entities, report.relations) == (6, 150, 900)
    assert set(report.seconds) >= {"validate", "csv", "import", "start", "schema"}
    reports = load_paths(empty_store, [xs_corpus])
    assert sum(r.relations for r in reports) == report.relations
    transactional = _graph(empty_store.settings)
    _assert_same_graph(transactional, _graph(throwaway))
    # the comparison covers lists with no items, which both leave out
    for kind, name in (("edge", "disputed_by"), ("edge", "denies"), ("Evidence", "disputed_by_origin"),
                       ("Entity", "aliases"), ("MENTIONS", "aliases")):
        assert _absent(transactional, kind, name) > 0, (kind, name)
    with Store(throwaway) as store:  # the schema is in place: look-ups use it
        assert {row["name"] for row in _rows(store, "SHOW INDEXES YIELD name")} >= {
            "entity_id", "entity_keys", "entity_search", "evidence_edge", "evidence_document"}


def test_entities_resolve_by_name_as_the_loader_resolves_them(throwaway: Settings, empty_store: Store) -> None:
    paths = [TEST_CORPUS, AMBIGUITY, SEED_CORPUS]
    report = _bulk(throwaway, paths)
    reports = load_paths(empty_store, paths)
    assert report.merged == {r.document: r.merged for r in reports if r.merged}
    assert report.merged  # beta's north-svc is alpha's northern-service
    _assert_same_graph(_graph(empty_store.settings), _graph(throwaway))


SHARED_IDS = FIXTURES / "shared_ids"  # one entity under several ids, names and Wikidata ids


def _intelgraph(settings: Settings, *args: str) -> str:
    """Run the command against ``settings``' server, as a user would; its standard output."""
    result = subprocess.run([sys.executable, "-m", "cli.main", *args], cwd=ROOT, capture_output=True, text=True,
                            env=child_environment(settings), timeout=600)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_both_commands_resolve_shared_external_ids_aliases_and_names_alike(throwaway: Settings,
                                                                          empty_store: Store) -> None:
    """``intelgraph load`` and ``intelgraph bulk-load`` of files that name one entity by another id: by
    its Wikidata id (also one only a later file gave it), by an earlier alias, by an alias that is
    an earlier name. Before loaders/rules.py the bulk load had no external-id match: seven
    entities where the loader has four."""
    wipe_database(throwaway)
    bulk_out = _intelgraph(throwaway, "bulk-load", str(SHARED_IDS))
    load_out = _intelgraph(empty_store.settings, "load", str(SHARED_IDS))
    expected = {"shared-b": {"rf": "russia", "fsb-ru": "fsb", "iskp": "isk"},
                "shared-c": {"wk": "isk", "lubyanka": "fsb"}}
    for document, merged in expected.items():
        for local, node in merged.items():
            assert f"{document}: {local} resolved to existing entity {node}" in bulk_out
            assert f"{local} resolved to existing entity {node}" in load_out
    transactional, bulk_loaded = _graph(empty_store.settings), _graph(throwaway)
    entities = {key[1]: props for key, (props, _) in transactional["nodes"].items() if "Entity" in key[0]}
    assert sorted(entities) == ["fsb", "isk", "kremlin", "russia"]
    assert entities["isk"]["external_ids"] == ["wikidata:Q19573474"]  # given by b under iskp
    assert entities["russia"]["documents"] == ["shared-a", "shared-b"]
    _assert_same_graph(transactional, bulk_loaded)


def test_both_loaders_refuse_an_external_id_of_another_kind_alike(empty_store: Store, tmp_path: Path) -> None:
    corpus = tmp_path / "shared"
    shutil.copytree(SHARED_IDS, corpus)
    facts = corpus / "c.facts.yaml"
    text = facts.read_text(encoding="utf-8")  # the Kremlin, given Russia's Wikidata id
    facts.write_text(text.replace("kind: GovernmentBody\n",
                                  "kind: GovernmentBody\n    external_ids: {wikidata: Q159}\n"), encoding="utf-8")
    with pytest.raises(InvalidInput) as by_bulk:
        bulk.plan([corpus])
    with pytest.raises(InvalidInput) as by_loader:
        load_paths(empty_store, [corpus])
    assert [str(p) for p in by_bulk.value.problems] == [str(p) for p in by_loader.value.problems] == [
        f"{facts}:15: entities[0].external_ids: its external ids are those of russia (Russia, State) in the graph: "
        "use its id and kind"]


def test_every_files_problems_come_before_a_resolution_error(tmp_path: Path) -> None:
    """The plan adds each document as soon as it is validated (loaders/bulk/plan.py); a resolution
    error of an early file still gives way to a later file's problems, as in the loader, which
    validates every file before it writes any."""
    corpus = tmp_path / "shared"
    shutil.copytree(SHARED_IDS, corpus)
    facts = corpus / "c.facts.yaml"  # the Kremlin, given Russia's Wikidata id: refused by resolution
    facts.write_text(facts.read_text(encoding="utf-8").replace(
        "kind: GovernmentBody\n", "kind: GovernmentBody\n    external_ids: {wikidata: Q159}\n"), encoding="utf-8")
    with pytest.raises(InvalidInput, match="external ids are those of russia"):
        bulk.plan([corpus])
    shutil.copy(TEST_CORPUS / "alpha.txt", corpus / "alpha.txt")
    later = corpus / "d.facts.yaml"  # after c in load order, and invalid
    later.write_text((TEST_CORPUS / "alpha.facts.yaml").read_text(encoding="utf-8").replace(
        "kind: Person", "kind: Wizard"), encoding="utf-8")
    with pytest.raises(InvalidInput) as by_bulk:
        bulk.plan([corpus], workers=2)
    problems = [str(p) for p in by_bulk.value.problems]
    assert problems and all("d.facts.yaml" in p for p in problems), problems
    assert any("unknown kind 'Wizard'" in p for p in problems)
    with pytest.raises(InvalidInput) as by_loader:
        validate_paths([corpus])
    assert [str(p) for p in by_loader.value.problems] == problems


def test_a_database_that_is_not_empty_is_refused(throwaway: Settings, xs_corpus: Path) -> None:
    localserver.start(throwaway)  # a no-op after the tests above, which leave it running
    with Store(throwaway) as store:  # something in it: a transactional load is quicker than a bulk one
        load_paths(store, [TEST_CORPUS])
    with pytest.raises(bulk.BulkLoadRefused, match="not empty"):
        bulk.bulk_load(throwaway, [xs_corpus])
    with Store(throwaway) as store:  # untouched, and running
        assert store.read_one("bulk/count_nodes")["nodes"] > 0


def test_an_external_server_is_refused(throwaway: Settings) -> None:
    external = throwaway.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:1"})
    with pytest.raises(bulk.BulkLoadRefused, match="NEO4J_URI"):
        bulk.bulk_load(external, [TEST_CORPUS])


def test_an_invalid_file_writes_nothing(throwaway: Settings, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(TEST_CORPUS, corpus)
    facts = corpus / "alpha.facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace("kind: Person", "kind: Wizard"), encoding="utf-8")
    wipe_database(throwaway)
    with pytest.raises(InvalidInput, match="unknown kind 'Wizard'"):
        bulk.bulk_load(throwaway, [corpus])
    assert not (throwaway.neo4j_home / "data" / "databases" / throwaway.neo4j_database).exists()


def test_csv_keeps_empty_strings_apart_from_missing_values(tmp_path: Path) -> None:
    table = bulk.CsvFile(tmp_path, "t", [("a", "a"), ("b", "b"), ("c:string[]", "c"), ("n:long", "n")], 1 << 20)
    table.write({"a": "", "b": None, "c": ["x", 'y "z"'], "n": 3})
    table.write({"a": "line\nbreak", "c": []})
    table.close()
    assert table.parts[0].read_text() == 'a,b,c:string[],n:long\n"",,"x\x1fy ""z""",3\n"line\nbreak",,,\n'
    assert table.multiline == table.parts


def _tables(csv: bulk.CsvSet) -> dict[str, tuple[str, list[str]]]:
    """Each table's header and rows, whichever writer wrote which part (rows sorted)."""
    tables: dict[str, tuple[str, list[str]]] = {}
    for _, part in [*csv.nodes, *csv.relationships]:
        header, _, body = part.read_text(encoding="utf-8").partition("\n")
        table = part.stem.split("-")[0]
        tables.setdefault(table, (header, []))[1].extend(body.removesuffix("\n").split("\n"))
    return {name: (header, sorted(rows)) for name, (header, rows) in tables.items()}


def test_forked_writers_write_the_same_tables_as_one_process(xs_corpus: Path, tmp_path: Path) -> None:
    graph = bulk.plan([xs_corpus])
    now = dt.datetime(2026, 12, 7, tzinfo=dt.UTC)
    one = bulk.write_csv(graph, tmp_path / "one", now=now, workers=1)
    two = bulk.write_csv(graph, tmp_path / "two", now=now, workers=3)
    assert len(two.relationships) > len(one.relationships)  # the edges in three shares, one file each
    assert _tables(two) == _tables(one)
    assert {p.name for p in one.multiline} == {p.name for p in two.multiline}
    assert sum(len(rows) for _, rows in _tables(one).values()) > 1000


def test_a_forked_writers_refusal_reaches_the_caller(tmp_path: Path) -> None:
    graph = bulk.plan([TEST_CORPUS])
    graph.evidence[0]["quote"] += "\x1f"  # an edge's quotes are a list: U+001F cannot be written in one
    with pytest.raises(InvalidInput, match="holds U\\+001F") as refused:
        bulk.write_csv(graph, tmp_path / "csv", workers=2)
    assert refused.value.problems[0].file.startswith("edges-")  # the table (and share) it was in


def test_the_command_refuses_an_external_server() -> None:
    result = subprocess.run([sys.executable, "-m", "cli.main", "bulk-load", str(TEST_CORPUS)], cwd=ROOT,
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT),
                                                                 "NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.returncode == 1
    assert "NEO4J_URI is set" in result.stderr

"""bench/generate.py: the synthetic corpus is deterministic and every file of it is valid input."""
from __future__ import annotations

import doctest
from collections import Counter
from pathlib import Path

import pytest

from bench import generate as generator
from bench.generate import SIZES, Size, generate
from graph.facts import read_facts
from graph.ontology import get_ontology
from loaders.facts_loader import validate_paths

XS = SIZES["XS"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bench") / "xs"
    generate(out, XS, seed=0)
    return out


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_same_bytes(corpus: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate(again, XS, seed=0)
    first, second = _files(corpus), _files(again)
    first.pop("manifest.json"), second.pop("manifest.json")  # it records the time taken
    assert first.keys() == second.keys()
    assert len(first) == 2 * XS.documents
    assert first == second


def test_another_seed_another_corpus(corpus: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    generate(other, XS, seed=1)
    assert _files(other)["bench-xs-00000.facts.yaml"] != _files(corpus)["bench-xs-00000.facts.yaml"]


def test_every_file_validates_and_the_sizes_hold(corpus: Path) -> None:
    documents = validate_paths([corpus])  # raises, listing every problem, if any file is invalid
    assert len(documents) == XS.documents
    entities = {entity.id for facts in documents for entity in facts.facts.entities}
    relations = sum(len(facts.facts.relations) for facts in documents)
    assert (len(entities), relations) == (XS.entities, XS.relations)
    for facts in documents:  # every quote is in the text, where the loader will find it
        for relation in facts.facts.relations:
            span = facts.spans[relation.id]
            assert facts.text[span.start:span.end] == relation.quote


def test_kinds_and_types_fit_the_ontology(corpus: Path) -> None:
    ontology = get_ontology()
    kinds: dict[str, str] = {}
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    for path in sorted(corpus.glob("*.facts.yaml")):
        facts = read_facts(path, ontology)
        local = {entity.id: entity.kind for entity in facts.facts.entities}
        for entity_id, kind in local.items():
            assert kinds.setdefault(entity_id, kind) == kind, f"{entity_id} changes kind"
        for relation in facts.facts.relations:
            types[relation.type] += 1
            statuses[relation.status] += 1
            assert ontology.allows(relation.type, local[relation.subject], local[relation.object])
    assert set(kinds.values()) == set(ontology.kinds), "every kind of the ontology is generated"
    assert len(types) >= len(ontology.relations) // 2
    # Claims and denials in proportions like the seed corpus's.
    total = sum(statuses.values())
    assert 0.65 < statuses["reported"] / total < 0.9
    assert 0.08 < statuses["claimed"] / total < 0.25
    assert 0.02 < statuses["denied"] / total < 0.12


def test_degrees_are_heavy_tailed(corpus: Path) -> None:
    degree: Counter[str] = Counter()
    in_documents: Counter[str] = Counter()
    for path in sorted(corpus.glob("*.facts.yaml")):
        facts = read_facts(path)
        in_documents.update(entity.id for entity in facts.facts.entities)
        for relation in facts.facts.relations:
            degree[relation.subject] += 1
            degree[relation.object] += 1
    ordered = sorted(degree.values())
    median = ordered[len(ordered) // 2]
    assert ordered[-1] > 10 * median
    # a few states and services (the hubs) are in (nearly) every article; most entities in one
    hubs = [e for e, n in in_documents.items() if n >= XS.documents - 1
            and e.startswith(("state-", "securityservice-"))]
    assert len(hubs) >= 2
    assert sum(1 for n in in_documents.values() if n == 1) > len(in_documents) / 2


def test_a_complete_corpus_is_reused_and_a_changed_one_redone(tmp_path: Path) -> None:
    tiny = Size("T", 30, 60, 2)
    out = tmp_path / "t"
    first = generate(out, tiny, seed=3)
    marker = out / "bench-t-00000.txt"
    stamp = marker.stat().st_mtime_ns
    assert generate(out, tiny, seed=3) == first and marker.stat().st_mtime_ns == stamp
    before = marker.read_bytes()
    assert generate(out, tiny, seed=4)["seed"] == 4
    assert marker.read_bytes() != before


def test_doctests() -> None:
    assert doctest.testmod(generator).failed == 0

"""bench/loading.py: the batched floor does the baseline's work, only batched.

``load_tx_share_of_floor`` compares the everyday load with it, so it must write what the
one-transaction-per-relation baseline writes, relation for relation.
"""
from __future__ import annotations

from collections import Counter
from typing import Any

import pytest

from bench.loading import _batched_write, _naive_one, _naive_rows
from graph.store import Store
from loaders.facts_loader import find_facts_files
from tests.conftest import ROOT

pytestmark = pytest.mark.neo4j


def _written(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every entity and edge with its properties (read directly: test-only)."""
    with store.driver.session() as session:
        nodes = session.run("MATCH (e:Entity) RETURN e {.*} AS e ORDER BY e.id").value("e")
        edges = session.run("MATCH (s)-[r]->(o) RETURN s.id AS s, type(r) AS t, o.id AS o, r {.*} AS r "
                            "ORDER BY r.id").data()
    return nodes, edges


def test_the_batched_floor_writes_what_the_baseline_writes(empty_store: Store) -> None:
    # from the corpus: the first 80 relations, and every one whose edge another article tells too
    # (26): 32 types, edges told twice (each transaction of the baseline costs, so not all 372)
    every = _naive_rows(find_facts_files([ROOT / "corpus"]), 1000)
    told = Counter(row["edge"]["id"] for row in every)
    rows = every[:80] + [row for row in every[80:] if told[row["edge"]["id"]] > 1]
    assert len({row["type"] for row in rows}) > 30 and len({row["edge"]["id"] for row in rows}) < len(rows)
    for row in rows:
        _naive_one(empty_store, row)
    one_by_one = _written(empty_store)
    empty_store.delete_all()
    _batched_write(empty_store, rows[:60])
    _batched_write(empty_store, rows[60:])  # edges told again in the second batch get their quotes appended
    assert _written(empty_store) == one_by_one
    assert len(one_by_one[1]) == len({row["edge"]["id"] for row in rows})

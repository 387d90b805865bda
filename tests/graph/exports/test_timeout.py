"""Exports read with EXPORT_TIMEOUT_S, not QUERY_TIMEOUT_S: Neo4j enforces the setting on the export's read."""
from __future__ import annotations

import time

import pytest

from graph.errors import QueryTimeout
from graph.exports import source
from graph.exports.source import GraphSource
from graph.store import Store

pytestmark = pytest.mark.neo4j

# Neo4j checks transactions against their time-out every 2 s (db.transaction.monitor.check.interval):
# a read left open this long after a 1 s time-out has been stopped, whatever the machine's speed.
PAUSE_S = 4.0


@pytest.fixture
def three_entities(empty_store: Store, monkeypatch: pytest.MonkeyPatch) -> Store:
    for name in ("a", "b", "c"):
        empty_store.transaction(lambda tx, name=name: tx.run(
            "bulk/naive_merge_relation", relation_type="SPOKE_TO",
            subject={"id": f"{name}-1", "name": f"{name} one", "kind": "Person"},
            object={"id": f"{name}-2", "name": f"{name} two", "kind": "Person"},
            edge={"id": f"{name}-edge", "status": "reported", "asserted_by": None, "quote": "q", "document": "d"}))
    # One row per fetch: the export's transaction stays open between its rows.
    monkeypatch.setattr(source, "_FETCH_ROWS", 1)
    return empty_store


def _export_nodes_with_a_pause(store: Store, **timeouts: float) -> int:
    with Store(store.settings.model_copy(update=timeouts)) as other:
        rows = GraphSource(other).nodes()
        next(rows)
        time.sleep(PAUSE_S)
        return 1 + sum(1 for _ in rows)


def test_an_export_outlasts_the_query_timeout(three_entities: Store):
    assert _export_nodes_with_a_pause(three_entities, query_timeout_s=1.0, export_timeout_s=120.0) == 6


def test_the_export_timeout_reaches_the_export_transaction(three_entities: Store):
    with pytest.raises(QueryTimeout):
        _export_nodes_with_a_pause(three_entities, query_timeout_s=120.0, export_timeout_s=1.0)

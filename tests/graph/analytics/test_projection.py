"""The projection from chunks of columns is the projection from rows."""
from __future__ import annotations

import random

import numpy as np
import pytest

from graph.analytics.projection import project, project_chunks


def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _as_columns(nodes: list[dict], edges: list[dict], handles: dict[str, int], size: int) -> tuple[list, list]:
    """The rows as the projection statements return them: chunks of parallel lists, ends as handles."""
    node_chunks = [{"ids": [row["id"] for row in part], "names": [row["name"] for row in part],
                    "kinds": [row["kind"] for row in part], "nodes": [handles[row["id"]] for row in part]}
                   for part in _chunks(nodes, size)]
    edge_chunks = [{"sources": [handles[row["source"]] for row in part],
                    "targets": [handles[row["target"]] for row in part],
                    "weights": [row["weight"] for row in part]}
                   for part in _chunks(edges, size)]
    return node_chunks, edge_chunks


@pytest.mark.parametrize("size", [1, 7, 1000])
def test_chunks_give_the_projection_of_rows(size: int):
    rng = random.Random(size)
    ids = [f"e{i:03d}" for i in range(60)]
    nodes = [{"id": i, "name": i.upper(), "kind": rng.choice(["Person", "State"])} for i in ids]
    kept = nodes[:50]  # edges to the last ten are left out, as when kinds restrict the nodes
    edges = [{"source": rng.choice(ids), "target": rng.choice(ids), "weight": rng.choice([None, 1, 2, 5])}
             for _ in range(400)]
    # Handles as Neo4j's internal ids: unique integers in no particular order.
    handles = dict(zip(ids, rng.sample(range(10_000), len(ids)), strict=True))
    node_chunks, edge_chunks = _as_columns(kept, edges, handles, size)
    expected = project(kept, edges)
    actual = project_chunks(node_chunks, iter(edge_chunks))
    assert actual.ids == expected.ids and actual.names == expected.names and actual.kinds == expected.kinds
    assert actual.dropped == expected.dropped > 0
    for column in ("sources", "targets", "weights"):
        assert np.array_equal(getattr(actual, column), getattr(expected, column)), column
    assert actual.sources.dtype == np.int64 and actual.weights.dtype == np.float64


def test_empty_projection():
    p = project_chunks([], [])
    assert (p.n_nodes, p.n_edges, p.dropped) == (0, 0, 0)
    p = project_chunks([], [{"sources": [1], "targets": [2], "weights": [1]}])
    assert (p.n_nodes, p.n_edges, p.dropped) == (0, 0, 1)


def test_missing_names_and_kinds_default_like_rows():
    p = project_chunks([{"ids": ["a"], "names": [None], "kinds": [None], "nodes": [5]}], [])
    assert (p.names, p.kinds) == (("a",), ("",))

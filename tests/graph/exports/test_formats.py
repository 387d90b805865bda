"""graph/exports/formats.py: the registry, the whole-graph filter, and flat memory in every writer."""
from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from collections.abc import Iterator
from typing import Any

import pytest

from graph.errors import InvalidParameter, NotFound
from graph.exports.formats import FORMATS, buffered, export_source, get_format
from graph.exports.source import GraphSource
from graph.filters import EdgeFilter
from graph.store import Store
from tests.conftest import counts
from tests.graph.exports.conftest import SyntheticSource


def test_every_format_has_a_writer_media_type_and_extension() -> None:
    assert set(FORMATS) == {"json", "gexf", "graphml", "cytoscape", "csv", "stix"}
    for fmt in FORMATS.values():
        assert callable(fmt.writer) and "/" in fmt.media_type and fmt.extension and fmt.description
    with pytest.raises(InvalidParameter):
        get_format("pdf")


def test_buffered_joins_small_chunks_and_keeps_every_byte() -> None:
    chunks = [bytes([i % 256]) * (i % 7) for i in range(5000)]
    joined = list(buffered(iter(chunks), size=1000))
    assert b"".join(joined) == b"".join(chunks)
    assert all(len(chunk) >= 1000 for chunk in joined[:-1])


def _peak(name: str, n: int) -> int:
    """Peak Python memory while writing a synthetic graph of ``n`` entities (output discarded)."""
    gc.collect()
    tracemalloc.start()
    try:
        for _ in FORMATS[name].write(SyntheticSource(n)):  # type: ignore[arg-type]
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_memory_stays_flat_as_the_graph_grows(name: str) -> None:
    """Ten times the graph (1,000 to 10,000 entities, twice as many edges): about the same peak."""
    small, large = _peak(name, 1_000), _peak(name, 10_000)
    assert large < small * 1.5 + 256 * 1024, (small, large)


@pytest.mark.neo4j
def test_the_whole_graph_can_be_filtered(loaded: Store) -> None:
    source, truncated = export_source(loaded, edge_filter=EdgeFilter(exclude_claims=True))
    assert source.selection.ids is None and truncated is False
    edges = list(source.edges())
    assert len(edges) == counts(loaded)["status:reported"]
    assert len(list(source.nodes())) == counts(loaded)["total:entities"]
    only: Iterator[dict[str, Any]] = export_source(loaded, edge_filter=EdgeFilter(types=("ACCUSED",)))[0].edges()
    assert {edge["type"] for edge in only} == {"ACCUSED"}


@pytest.mark.neo4j
def test_the_filter_means_the_same_on_the_whole_graph_and_on_a_selection(loaded: Store) -> None:
    every_id = [node["id"] for node in GraphSource(loaded).nodes()]
    for edge_filter in (EdgeFilter(since=dt.date(2024, 3, 20)),
                        EdgeFilter(document="test-alpha"), EdgeFilter(exclude_types=("ACCUSED", "LEADS"))):
        whole = {edge["id"] for edge in export_source(loaded, edge_filter=edge_filter)[0].edges()}
        chosen = {edge["id"] for edge in export_source(loaded, ids=every_id, limit=2000,
                                                       edge_filter=edge_filter)[0].edges()}
        assert whole == chosen and whole


@pytest.mark.neo4j
def test_selections_of_nothing_are_refused(loaded: Store) -> None:
    with pytest.raises(NotFound):
        export_source(loaded, ids=["nobody"])
    with pytest.raises(NotFound):
        export_source(loaded, center="nobody")
    with pytest.raises(InvalidParameter):
        export_source(loaded, edge_filter=EdgeFilter(types=("NOPE",)))

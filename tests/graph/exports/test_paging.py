"""The whole graph's edges are read a page at a time (Store.stream_pages), in one transaction:
the pages together are every edge once, in id order, wherever the pages break."""
from __future__ import annotations

import time

import pytest

from graph.errors import QueryTimeout
from graph.exports import source
from graph.exports.source import GraphSource, Selection
from graph.filters import EdgeFilter
from graph.store import Store

pytestmark = pytest.mark.neo4j


def edges(store: Store, selection: Selection | None = None) -> list[dict]:
    return list(GraphSource(store, selection or Selection()).edges())


def test_pages_make_up_the_whole_in_id_order(loaded: Store, monkeypatch: pytest.MonkeyPatch):
    whole = edges(loaded)  # one page: the test graph is far smaller than a page
    ids = [edge["id"] for edge in whole]
    assert len(ids) > 10 and ids == sorted(ids) and len(set(ids)) == len(ids)
    # A page of 1, pages that end exactly at the last edge, and pages that do not.
    for page in (1, 2, 3, len(ids), len(ids) - 1):
        monkeypatch.setattr(source, "_EDGE_PAGE", page)
        assert edges(loaded) == whole, page


def test_a_selection_is_paged_too(loaded: Store, monkeypatch: pytest.MonkeyPatch):
    every = edges(loaded)
    chosen = sorted({every[0]["source"], every[0]["target"], every[1]["source"], every[-1]["target"], "cia", "iskp"})
    selection = Selection(ids=tuple(chosen))
    whole = edges(loaded, selection)
    assert whole == [edge for edge in every if edge["source"] in chosen and edge["target"] in chosen]
    assert len(whole) >= 2
    for page in (1, 2, len(whole)):
        monkeypatch.setattr(source, "_EDGE_PAGE", page)
        assert edges(loaded, selection) == whole, page


def test_pages_keep_the_filter(loaded: Store, monkeypatch: pytest.MonkeyPatch):
    selection = Selection(edge_filter=EdgeFilter(exclude_claims=True))
    whole = edges(loaded, selection)
    assert whole and all(edge["status"] == "reported" for edge in whole)
    monkeypatch.setattr(source, "_EDGE_PAGE", 2)
    assert edges(loaded, selection) == whole


def test_the_export_timeout_reaches_the_paged_read(loaded: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(source, "_EDGE_PAGE", 1)
    monkeypatch.setattr(source, "_FETCH_ROWS", 1)
    with Store(loaded.settings.model_copy(update={"export_timeout_s": 1.0})) as other:
        rows = GraphSource(other).edges()
        next(rows)
        time.sleep(4.0)  # Neo4j checks time-outs every 2 s
        with pytest.raises(QueryTimeout):
            list(rows)

"""Fixtures of the export tests: the loaded test graph as the JSON export sees it, and a synthetic
source of any size (for the memory checks, which need no database)."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson
import pytest

from graph.exports.json_export import write_json
from graph.exports.source import GraphSource, Selection
from graph.store import Store


@pytest.fixture(scope="module")
def graph(loaded: Store) -> dict[str, Any]:
    """The whole loaded graph as the JSON export writes it: what every other format must hold."""
    return orjson.loads(b"".join(write_json(GraphSource(loaded))))


def export(writer: Any, store: Store, selection: Selection | None = None, **options: Any) -> bytes:
    """The whole output of a writer (of the whole graph without ``selection``), checking on the way
    that it is a stream of byte chunks."""
    chunks = writer(GraphSource(store, selection or Selection()), **options)
    assert isinstance(chunks, Iterator), "a writer returns an iterator of chunks"
    out = bytearray()
    for chunk in chunks:
        assert isinstance(chunk, bytes)
        out += chunk
    return bytes(out)


class SyntheticSource:
    """A GraphSource stand-in that makes ``n`` entities, ``2n`` edges and ``n/40`` documents as they are read.

    Nothing is kept: it is for showing that a writer's memory does not grow with the graph.
    Names and quotes hold the characters the writers must escape.
    """

    selection = Selection()

    def __init__(self, n: int):
        self.n = n
        self.documents_count = max(1, n // 40)  # more articles make a larger graph

    def nodes(self) -> Iterator[dict[str, Any]]:
        kinds = ["State", "SecurityService", "Person", "ArmedGroup", "Event", "Place"]
        for i in range(self.n):
            yield {"id": f"n{i:07d}", "name": f"Entity <{i}> & \"co\"", "kind": kinds[i % len(kinds)],
                   "aliases": [f"alias {i}; one", f"alias|{i}"], "external_ids": {"wikidata": f"Q{i}"},
                   "documents": [f"doc-{i % self.documents_count}"]}

    def edges(self) -> Iterator[dict[str, Any]]:
        statuses = ["reported", "reported", "claimed", "denied"]
        for i in range(2 * self.n):
            status = statuses[i % 4]
            yield {"id": f"e-{i:016x}", "source": f"n{i % self.n:07d}", "target": f"n{(i * 7 + 1) % self.n:07d}",
                   "type": "ACCUSED", "status": status,
                   "asserted_by": None if status == "reported" else f"n{(i + 3) % self.n:07d}",
                   "disputed_by": [], "denies": [f"e-{i - 1:016x}"] if status == "denied" else [],
                   "first_date": "2024-03", "last_date": "2024-04-03", "weight": 1,
                   "evidence": [{"document": f"doc-{i % self.documents_count}", "relation": f"r{i}",
                                 "start": 0, "end": 10, "date": "2024-03",
                                 "quote": f"quote {i}: they said “no”; <b>&amp;\r\n then\ttabbed"}]}

    def documents(self) -> Iterator[dict[str, Any]]:
        for i in range(self.documents_count):
            yield {"id": f"doc-{i}", "title": f"Document {i}", "publisher": "Test Gazette", "published": "2024-04-03",
                   "language": "en", "url": None, "authors": ["A. Writer"], "text_file": f"doc-{i}.txt",
                   "sha256": "0" * 64, "text": "text " * 100}

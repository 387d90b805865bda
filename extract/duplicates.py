"""The same text under another document id: found in the graph, or in facts files.

Two documents with one text would count each of its facts twice, as if two sources had
reported it, so ``intelgraph draft``, ``review`` and ``validate`` flag it. A text is the same
when its bytes have the same sha256 (the value every facts file records in
``document.sha256``).

>>> from graph.facts import read_facts
>>> from loaders.facts_loader import find_facts_files
>>> seed = find_facts_files([Path("corpus")])[0]
>>> same = same_text_in_files([Path("corpus")], sha256=read_facts(seed).document.sha256, document_id="another-id")
>>> [(s.id, s.where) for s in same]
[('ft-2024-crocus-intelligence', 'corpus/crocus-city-hall-ft-2024.facts.yaml')]
>>> print(same[0].message("another-id"))  # doctest: +ELLIPSIS
the same text (sha256 9b0a…) is already document ft-2024-crocus-intelligence (...): loading it as another-id ...
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from graph.facts import Facts
from graph.store import Store

__all__ = ["SameText", "same_text_in_graph", "same_text_in_files", "same_text_if_reachable", "same_text_of"]


@dataclass(frozen=True)
class SameText:
    """Another document with the same text: its id, and where it is (the graph, or a facts file)."""

    id: str
    sha256: str
    where: str

    def message(self, document_id: str) -> str:
        return (f"the same text (sha256 {self.sha256[:4]}…) is already document {self.id} ({self.where}): loading "
                f"it as {document_id} would count its facts twice as two sources' (to revise that document, use "
                "its id)")


def same_text_in_graph(store: Store, *, sha256: str, document_id: str) -> list[SameText]:
    """The graph's documents with this text, other than ``document_id``
    (``cypher/documents/by_sha256.cypher``)."""
    return [same for _, same in _in_graph(store, [(document_id, sha256)])]


def _in_graph(store: Store, documents: list[tuple[str, str]]) -> list[tuple[str, SameText]]:
    rows = store.read("documents/by_sha256", documents=[{"id": i, "sha256": h} for i, h in documents])
    return [(row["of"], SameText(row["id"], row["sha256"], "in the graph")) for row in rows]


def same_text_in_files(paths: Iterable[Path], *, sha256: str, document_id: str) -> list[SameText]:
    """The facts files under ``paths`` whose document has this text, other than ``document_id``.
    Only each file's ``document`` mapping is read: a file that is not valid is not this check's
    business (``intelgraph validate`` says what is wrong with it)."""
    from loaders.facts_loader import find_facts_files

    found = []
    for path in find_facts_files(list(paths)):
        try:
            document = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("document") or {}
        except (OSError, UnicodeDecodeError, yaml.YAMLError, AttributeError):
            continue
        if document.get("sha256") == sha256 and document.get("id") != document_id:
            found.append(SameText(str(document.get("id")), sha256, str(path)))
    return found


def same_text_if_reachable(*, sha256: str, document_id: str, store: Store | None = None) -> list[SameText]:
    """:func:`same_text_in_graph` if Neo4j answers (``store``, or one from the settings); nothing
    if it does not, as a draft or a review works without the graph."""
    if store is not None:
        return same_text_in_graph(store, sha256=sha256, document_id=document_id)
    with Store() as own:
        if not own.ping():
            return []
        return same_text_in_graph(own, sha256=sha256, document_id=document_id)


def same_text_of(documents: Iterable[Facts]) -> list[tuple[Facts, SameText]]:
    """For validated facts files: each other document with the same text, among the files
    themselves and, if Neo4j answers, in the graph (``intelgraph validate``)."""
    documents = list(documents)
    found = []
    for facts in documents:
        meta = facts.document
        for other in documents:
            if other.document.sha256 == meta.sha256 and other.document.id != meta.id:
                found.append((facts, SameText(other.document.id, meta.sha256, str(other.path))))
    if not documents:
        return found
    by_id = {facts.document.id: facts for facts in documents}
    with Store() as store:
        if store.ping():
            for of, same in _in_graph(store, [(f.document.id, f.document.sha256) for f in documents]):
                found.append((by_id[of], same))
    return found

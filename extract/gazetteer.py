"""What the draft already knows: the entities of the graph (or of facts files), looked up by name key.

:class:`GraphGazetteer` asks Neo4j through the ``entity_keys`` full-text index
(``cypher/draft/lookup_keys.cypher``), so a name is matched exactly as the loader matches it;
:class:`FactsGazetteer` answers the same questions from facts files, without a database (for the
evaluation and for drafting against a corpus that is not loaded). Both give the same answers for
the same entities (tests/extract/test_graph_drafting.py).

>>> gazetteer = FactsGazetteer.from_paths([Path("corpus")])
>>> [k.id for k in gazetteer.lookup({"isis-k"})["isis-k"]]
['iskp']
>>> gazetteer.existing_ids({"fsb", "nobody"}).keys()
dict_keys(['fsb'])
"""
from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from graph.facts import read_facts
from graph.names import lucene_phrase, name_key
from graph.store import Store

__all__ = ["Known", "Gazetteer", "GraphGazetteer", "FactsGazetteer", "EmptyGazetteer"]

_BATCH = 2000


@dataclass(frozen=True)
class Known:
    """An entity the gazetteer knows."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    external_ids: tuple[str, ...] = ()  # "registry:id"

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def label(self) -> str:
        return f"{self.id} ({self.name}, {self.kind})"


class Gazetteer(Protocol):
    def lookup(self, keys: Collection[str]) -> dict[str, list[Known]]:
        """For each key that names something, the entities it names (ordered by id)."""

    def existing_ids(self, ids: Collection[str]) -> dict[str, Known]:
        """The entities that already have one of these ids."""


class EmptyGazetteer:
    """Knows nothing: the draft then proposes every entity as new."""

    def lookup(self, keys: Collection[str]) -> dict[str, list[Known]]:
        return {}

    def existing_ids(self, ids: Collection[str]) -> dict[str, Known]:
        return {}


class GraphGazetteer:
    """The graph's entities, looked up in Neo4j."""

    def __init__(self, store: Store):
        self.store = store

    def lookup(self, keys: Collection[str]) -> dict[str, list[Known]]:
        terms = [{"key": key, "term": lucene_phrase(key)} for key in sorted(set(keys)) if key]
        found: dict[str, list[Known]] = {}
        for start in range(0, len(terms), _BATCH):
            for row in self.store.read("draft/lookup_keys", terms=terms[start:start + _BATCH]):
                found[row["key"]] = [_known(entity) for entity in row["entities"]]
        return found

    def existing_ids(self, ids: Collection[str]) -> dict[str, Known]:
        rows = self.store.read("draft/existing_ids", ids=sorted(set(ids)))
        return {row["entity"]["id"]: _known(row["entity"]) for row in rows}


class FactsGazetteer:
    """The entities of facts files, as the graph would hold them once they are loaded
    (one entity per id, with the names and aliases of every file that uses it)."""

    def __init__(self, entities: Iterable[Known]):
        self.by_id: dict[str, Known] = {}
        for entity in entities:
            old = self.by_id.get(entity.id)
            if old is not None:
                aliases = tuple(dict.fromkeys(a for a in (*old.aliases, entity.name, *entity.aliases) if a != old.name))
                entity = Known(old.id, old.name, old.kind, aliases,
                               tuple(dict.fromkeys((*old.external_ids, *entity.external_ids))))
            self.by_id[entity.id] = entity
        self.by_key: dict[str, list[Known]] = {}
        for entity in sorted(self.by_id.values(), key=lambda e: e.id):
            for key in dict.fromkeys(name_key(n) for n in entity.names):
                self.by_key.setdefault(key, []).append(entity)

    @classmethod
    def from_paths(cls, paths: Iterable[Path]) -> FactsGazetteer:
        from loaders.facts_loader import find_facts_files

        entities = []
        for path in find_facts_files(paths):
            for entity in read_facts(path).facts.entities:
                entities.append(Known(entity.id, entity.name, entity.kind, tuple(entity.aliases),
                                      tuple(f"{k}:{v}" for k, v in sorted(entity.external_ids.items()))))
        return cls(entities)

    def lookup(self, keys: Collection[str]) -> dict[str, list[Known]]:
        return {key: self.by_key[key] for key in keys if key in self.by_key}

    def existing_ids(self, ids: Collection[str]) -> dict[str, Known]:
        return {i: self.by_id[i] for i in ids if i in self.by_id}


def _known(row: dict) -> Known:
    return Known(row["id"], row["name"], row["kind"], tuple(row.get("aliases") or ()),
                 tuple(row.get("external_ids") or ()))

"""The workbench's drafts over the graph: draft with the graph's entities, load what was reviewed.

:class:`extract.drafts.DraftStore` keeps the drafts and applies the decisions; this service gives
it what needs the graph: the gazetteer the extractor recognises known entities with, the ids
already taken by documents, and the loader (:func:`loaders.facts_loader.load_document`, one
transaction) for a finished review.
"""
from __future__ import annotations

import dataclasses
from typing import Any

from extract.assemble import corenlp_reader
from extract.drafts import Action, DraftStore, NewDocument
from extract.gazetteer import GraphGazetteer
from graph.facts import Facts
from graph.settings import Settings
from graph.store import Store
from loaders.facts_loader import load_document

__all__ = ["DraftService"]


class DraftService:
    """What the API's ``/drafts`` routes ask of drafts (see :class:`extract.drafts.DraftStore`)."""

    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self.corpus_dir = settings.corpus_dir
        self.drafts = DraftStore(settings.drafts_dir)

    def summaries(self) -> list[dict[str, Any]]:
        return self.drafts.summaries()

    def get(self, draft_id: str) -> dict[str, Any]:
        return self.drafts.get(draft_id)

    def create(self, new: NewDocument, *, via: str) -> dict[str, Any]:
        """Draft ``new`` with the extractor, recognising the entities the graph already has."""
        return self.drafts.create(new, gazetteer=GraphGazetteer(self.store), via=via, taken=self._taken,
                                  reader=corenlp_reader(self.settings))

    def decide(self, draft_id: str, actions: list[Action], *, version: int, via: str) -> dict[str, Any]:
        return self.drafts.decide(draft_id, actions, version=version, via=via)

    def undo(self, draft_id: str, *, version: int, via: str) -> dict[str, Any]:
        return self.drafts.undo(draft_id, version=version, via=via)

    def load(self, draft_id: str, *, version: int, via: str) -> dict[str, Any]:
        """Write the reviewed facts into the corpus folder and load them in one transaction."""
        def load(facts: Facts) -> dict[str, Any]:
            report = dataclasses.asdict(load_document(self.store, facts))
            report.pop("path", None)
            return report
        return self.drafts.finish(draft_id, version=version, via=via, corpus_dir=self.corpus_dir, load=load)

    def _taken(self, document_id: str) -> bool:
        if (self.corpus_dir / f"{document_id}.facts.yaml").exists():
            return True
        return bool(self.store.read("documents/by_ids", ids=[document_id]))

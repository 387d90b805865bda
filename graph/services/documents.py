"""Documents: the metadata (title, publisher, date, URL) behind each piece of evidence.

An edge's evidence names its document by id; a reader weighing a quote wants to know who
published it and when. :meth:`DocumentService.by_ids` answers that for a batch of ids.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graph.errors import InvalidParameter, NotFound
from graph.store import Store

__all__ = ["DocumentService", "MAX_IDS", "unique_ids"]

#: Most ids one request may ask for: an edge panel needs a handful, an export a few hundred.
MAX_IDS = 500


def unique_ids(ids: Iterable[str]) -> list[str]:
    """The ids stripped, without blanks and duplicates, in their first order.

    >>> unique_ids([" doc-b", "doc-a", "", "doc-b"])
    ['doc-b', 'doc-a']
    """
    return list(dict.fromkeys(item.strip() for item in ids if item.strip()))


class DocumentService:
    """What the API asks about documents."""

    def __init__(self, store: Store):
        self.store = store

    def by_ids(self, ids: Iterable[str]) -> list[dict[str, Any]]:
        """The documents among ``ids`` that exist, ordered by id; unknown ids are left out.

        Raises
        ------
        InvalidParameter
            For no id at all, or more than :data:`MAX_IDS`.
        """
        wanted = unique_ids(ids)
        if not 1 <= len(wanted) <= MAX_IDS:
            raise InvalidParameter("ids", f"give between 1 and {MAX_IDS} document ids")
        return self.store.read("documents/by_ids", ids=wanted)

    def publishers(self) -> list[str]:
        """Every publisher of a loaded document, in name order: the names the edge filter's
        ``publishers`` takes (:meth:`graph.filters.EdgeFilter.with_known_publishers`)."""
        return [row["publisher"] for row in self.store.read("documents/publishers")]

    def with_text(self, document_id: str) -> dict[str, Any]:
        """One document with its text and its evidence, each with the quote's span and its edge
        (the workbench's document view).

        Raises
        ------
        NotFound
            For an id that names no document.
        """
        rows = self.store.read("documents/with_text", id=document_id)
        if not rows:
            raise NotFound(f"no document {document_id!r}", parameter="document_id")
        return {**rows[0]["document"], "evidence": rows[0]["evidence"]}

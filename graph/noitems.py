"""How the graph holds a list with no items: as no property at all.

``neo4j-admin database import`` cannot write an empty list (neo4j/neo4j#13566: an empty list
cell leaves the property out), so the bulk first load cannot write ``[]``. Rather than put the
empty lists back after every import (a pass over every edge, twice the import itself at M), both
loaders write the same thing: an entity without aliases has no ``aliases`` property, an edge
nobody disputes no ``disputed_by``, a document without bylines no ``authors``.

The rule lives in two places, one per layer:

- **writing**: :func:`stored` is applied to every row the transactional loader and merges write
  (``intelgraph bulk-load`` writes an empty cell for ``[]``, which the importer leaves out); a
  ``None`` in ``SET x += row`` or ``SET x.p = row.p`` removes the property, so a list that empties
  on a reload goes too;
- **reading**: every registry statement that returns a list property returns
  ``coalesce(x.p, [])`` (``cypher/**``), so the services, the API, the exports and the page always
  see a list. An analyst's own Cypher sees the property absent (``docs/model.md``).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

__all__ = ["stored", "stored_rows"]


def stored(row: Mapping[str, Any]) -> dict[str, Any]:
    """``row`` as the graph stores it: each empty list is ``None`` (no property).

    >>> stored({"id": "fsb", "aliases": [], "keys": ["fsb"], "external_ids": []})
    {'id': 'fsb', 'aliases': None, 'keys': ['fsb'], 'external_ids': None}
    """
    return {key: None if isinstance(value, list) and not value else value for key, value in row.items()}


def stored_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """:func:`stored` of each row.

    >>> stored_rows([{"disputed_by": []}, {"disputed_by": ["kyiv"]}])
    [{'disputed_by': None}, {'disputed_by': ['kyiv']}]
    """
    return [stored(row) for row in rows]

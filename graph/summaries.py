"""What an entity and an edge say in sum: the one place each summary rule is written.

An entity node carries what its mentions say (name, aliases, keys, external ids, documents, the
day it was first reported); an edge carries what its evidence says (documents, quotes, dates,
who disputes it, which claims it denies, its publishers, its weight). :func:`entity_summary`
and :func:`edge_summary` are those rules, pure. Every writer uses them:

- ``intelgraph bulk-load`` (:mod:`loaders.bulk.plan`) on the graph it holds in memory;
- ``intelgraph load`` (:mod:`loaders.facts_loader`) and merges (:mod:`graph.services.merges`)
  through :func:`refresh_edges` and :func:`refresh_entities`, which read what the graph holds
  of the touched edges and entities (``cypher/load/edge_evidence.cypher``,
  ``entity_mentions.cypher``), compute with the rules, and write the values with one
  parameterised ``SET`` (``set_edges``, ``set_entities``), deleting what nothing supports any more.

The loader already holds the documents it writes (several in one transaction): it passes
their evidence and mentions, and only the other documents' are read back. An entity's summary is
a function of the *set* of its mentions (its lists are sets, each in one order of its own), so the
summary of more mentions is the stored summary joined with theirs: an entity the documents only
add to (none of its mentions released) is refreshed from its node (``entity_summaries.cypher``),
not from every mention back, which for a state mentioned in most documents grew with the corpus.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from graph.noitems import stored
from graph.store import Tx

__all__ = ["EDGE_IDENTITY", "entity_summary", "entity_name", "edge_summary", "refresh_edges", "refresh_entities"]

#: The keys of an edge's row that identify it: the summary leaves them as they are.
EDGE_IDENTITY = ("id", "type", "subject", "object", "status", "asserted_by")


def entity_summary(*, id: str, name: str, kind: str,
                   mentions: Sequence[tuple[str, Mapping[str, Any]]],
                   published: Mapping[str, str], prior: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """An entity's properties from its mentions ``(document id, mention)``, in any order, joined
    with ``prior``, the summary the node already holds of its other mentions (none: there are none).

    The name stays the node's while a mention still gives it (else the first mention's, in
    document-id order, then by origin); the aliases, keys and external ids are sets, each kept
    in :func:`_set_order`, the documents in id order, so that the summary of mentions A and B is
    the summary of B joined with the summary of A. ``published`` gives each document's
    publication day (``YYYY-MM-DD``).

    >>> row = {"origin": "fsb", "name": "Federal Security Service", "aliases": ["FSB"],
    ...        "keys": ["federal security service", "fsb"], "external_ids": []}
    >>> s = entity_summary(id="fsb", name="FSB", kind="SecurityService", published={"d1": "2024-04-03"},
    ...                    mentions=[("d1", row)])
    >>> s["name"], s["aliases"], s["search_text"], s["first_reported"]
    ('Federal Security Service', ['FSB'], 'federal security service | fsb', '2024-04-03')
    >>> more = entity_summary(id="fsb", name=s["name"], kind="SecurityService", published={"d2": "2024-04-01"},
    ...                       mentions=[("d2", {**row, "name": "FSB", "aliases": ["Russian FSB"]})], prior=s)
    >>> more["name"], more["aliases"], more["documents"], more["first_reported"]
    ('Federal Security Service', ['FSB', 'Russian FSB'], ['d1', 'd2'], '2024-04-01')
    """
    ordered = sorted(mentions, key=lambda mention: (mention[0], mention[1]["origin"]))
    rows = [row for _, row in ordered]
    # with a prior, its name is given by a mention it summarises
    name = prior["name"] if prior is not None else entity_name(name, ordered)
    before = prior or {"aliases": [], "keys": [], "external_ids": [], "documents": []}
    names = {n for m in rows for n in [m["name"], *m["aliases"]]} | set(before["aliases"])
    keys = _set_order({k for m in rows for k in m["keys"]} | set(before["keys"]))
    documents = sorted({document for document, _ in ordered} | set(before["documents"]))
    days = [published[document] for document, _ in ordered] + ([prior["first_reported"]] if prior else [])
    return {"id": id, "name": name, "kind": kind, "aliases": _set_order(names - {name}), "keys": keys,
            "search_text": " | ".join(keys),
            "external_ids": _set_order({x for m in rows for x in m["external_ids"]} | set(before["external_ids"])),
            "documents": documents, "first_reported": min(days)}


def _set_order(items: Iterable[str]) -> list[str]:
    """A set of names as a list, in an order of its own (case aside, then exactly), so that it does
    not depend on which document gave which name first.

    >>> _set_order({"b", "FSB", "a", "fsb"})
    ['a', 'b', 'FSB', 'fsb']
    """
    return sorted(items, key=lambda item: (item.casefold(), item))


def _evidence_order(evidence: Mapping[str, Any]) -> tuple[str, int, str]:
    return evidence["document"], evidence["start"], evidence["id"]


def entity_name(name: str, mentions: Sequence[tuple[str, Mapping[str, Any]]]) -> str:
    """The name :func:`entity_summary` gives an entity of these mentions (none joined): the node's
    while a mention still gives it, else the first mention's, in document-id order, then by origin.

    >>> entity_name("FSB", [("d2", {"origin": "a", "name": "FSB"}), ("d1", {"origin": "b", "name": "F"})])
    'FSB'
    >>> entity_name("Old", [("d2", {"origin": "a", "name": "FSB"}), ("d1", {"origin": "b", "name": "F"})])
    'F'
    """
    if any(mention["name"] == name for _, mention in mentions):
        return name
    return min(mentions, key=lambda mention: (mention[0], mention[1]["origin"]))[1]["name"]


def edge_summary(row: Mapping[str, Any], evidence: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """An edge's ``row`` with the summary of its evidence, in any order (at least one piece).

    Evidence is taken by document, then by its place in the text (then by id). Event
    time and report time stay apart: ``event_*`` only from evidence that dates the event (an open
    end leaves the edge's open), ``first_reported``/``last_reported`` from publication.

    >>> s = edge_summary({"id": "e-1"}, [
    ...     {"id": "v-2", "document": "d2", "start": 0, "quote": "q2", "disputed_by": [], "denies": None,
    ...      "published": "2024-04-05", "publisher": "AP", "event": None, "event_start": None, "event_end": None},
    ...     {"id": "v-1", "document": "d1", "start": 9, "quote": "q1", "disputed_by": [], "denies": None,
    ...      "published": "2024-04-03", "publisher": "FT", "event": "2024-03", "event_start": "2024-03-01",
    ...      "event_end": "2024-03-31"}])
    >>> s["quotes"], s["event_start"], s["event_end"], s["first_reported"], s["last_date"], s["weight"]
    (['q1', 'q2'], '2024-03-01', '2024-03-31', '2024-04-03', '2024-04-05', 2)
    """
    evidence = sorted(evidence, key=_evidence_order)
    timed = [v for v in evidence if v["event"] is not None]
    open_start = any(v["event_start"] is None for v in timed)
    open_end = any(v["event_end"] is None for v in timed)
    return {**row,
            "documents": list(dict.fromkeys(v["document"] for v in evidence)),
            "quotes": [v["quote"] for v in evidence],
            "disputed_by": list(dict.fromkeys(x for v in evidence for x in v["disputed_by"])),
            "denies": list(dict.fromkeys(v["denies"] for v in evidence if v["denies"] is not None)),
            "first_date": min(v["event_start"] or v["event_end"] or v["published"] for v in evidence),
            "last_date": max(v["event_end"] or v["event_start"] or v["published"] for v in evidence),
            "event_known": bool(timed),
            "event_start": None if not timed or open_start else min(v["event_start"] for v in timed),
            "event_end": None if not timed or open_end else max(v["event_end"] for v in timed),
            "first_reported": min(v["published"] for v in evidence),
            "last_reported": max(v["published"] for v in evidence),
            "publishers": list(dict.fromkeys(v["publisher"] for v in evidence)),
            "weight": len(evidence)}


def refresh_edges(tx: Tx, edges: Iterable[Mapping[str, Any]], *, documents: Sequence[str] = (),
                  evidence: Iterable[Mapping[str, Any]] = ()) -> int:
    """Summarise the edges ``{id, subject, object}`` from their evidence; delete those left without any.

    ``evidence`` is ``documents``' own (held by the caller, not read back); without ``documents``
    every piece is read. Returns how many edges were deleted.
    """
    edges = list(edges)
    if not edges:
        return 0
    held: dict[str, list[Mapping[str, Any]]] = {}
    for row in evidence:
        held.setdefault(row["edge"], []).append(row)
    for record in tx.run("load/edge_evidence", edges=[edge["id"] for edge in edges], documents=list(documents)):
        held.setdefault(record["edge"], []).extend(record["evidence"])
    rows = []
    for edge in edges:
        found = held.get(edge["id"])
        summary = edge_summary({}, found) if found else {}
        rows.append({"id": edge["id"], "subject": edge["subject"], "object": edge["object"],
                     "summary": stored(summary), "remove": not found})
    return int(tx.run("load/set_edges", rows=rows)[0]["deleted"])


def refresh_entities(tx: Tx, ids: Iterable[str], *, documents: Sequence[str] = (),
                     mentions: Iterable[tuple[str, Mapping[str, Any]]] = (),
                     published: Mapping[str, str] | None = None, added_only: bool = False) -> int:
    """Summarise the entities ``ids`` from their mentions; delete those no document mentions any more.

    ``mentions`` are ``documents``' own, ``(document id, entity row)`` (the row's ``id`` the
    node), and ``published`` gives those documents' publication days; without ``documents``
    every mention is read. ``added_only``: ``documents`` only add mentions to these entities (none
    released), so the summary each node holds is joined with them instead. Returns how many
    entities were deleted.
    """
    ids = list(ids)
    if not ids:
        return 0
    held: dict[str, list[tuple[str, Mapping[str, Any]]]] = {}
    days: dict[str, str] = dict(published or {})
    for document, row in mentions:
        held.setdefault(row["id"], []).append((document, row))
    rows = []
    if added_only:
        for record in tx.run("load/entity_summaries", ids=ids):
            # (no summary: a node these documents created, not summarised yet)
            summary = entity_summary(id=record["id"], name=record["name"], kind=record["kind"],
                                     mentions=held[record["id"]], published=days, prior=record["summary"])
            rows.append({"id": record["id"], "summary": stored(summary), "remove": False})
    else:
        for record in tx.run("load/entity_mentions", ids=ids, documents=list(documents)):
            found = held.get(record["id"], [])
            for mention in record["mentions"]:
                found.append((mention["document"], mention))
                days[mention["document"]] = mention["published"]
            summary = entity_summary(id=record["id"], name=record["name"], kind=record["kind"], mentions=found,
                                     published=days) if found else {}
            rows.append({"id": record["id"], "summary": stored(summary), "remove": not found})
    return int(tx.run("load/set_entities", rows=rows)[0]["deleted"])

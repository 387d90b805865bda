"""Where a statement sits on the graph: the node each entity id stands for, following merges.

An entity's *origin* is the node a document's entity is without merges (the node with its id,
or the one its external ids or names name; :func:`loaders.rules.resolve` decides). Merges an analyst made
(:mod:`graph.services.merges`) redirect an origin to another node. The loader places a
document's evidence with the merges in force when it loads it; a merge or an unmerge places it
again with the merges in force after it.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.names import edge_id
from graph.ontology import Ontology
from graph.store import Tx

__all__ = ["active_redirects", "follow", "place_evidence"]


def active_redirects(tx: Tx) -> dict[str, str]:
    """Every merge in force, as the merged-away entity id -> the id it was merged into."""
    return {row["source"]: row["into"] for row in tx.run("merges/active")}


def follow(redirects: dict[str, str], origin: str) -> str:
    """The node an entity id stands for now, following merges (a merged entity may be merged again).

    >>> follow({"kiev-city": "kyiv", "kyiv": "kyiv-oblast"}, "kiev-city"), follow({}, "cia")
    ('kyiv-oblast', 'cia')
    """
    seen = {origin}
    while origin in redirects:
        origin = redirects[origin]
        if origin in seen:  # a cycle cannot be recorded (graph/services/merges.py), but never loop
            break
        seen.add(origin)
    return origin


def place_evidence(evidence: list[dict[str, Any]], node_of: Callable[[str], str],
                   ontology: Ontology) -> list[dict[str, Any]]:
    """Put each piece of evidence on its nodes and its edge, in place; return the edges' rows.

    ``node_of`` maps an origin to the node it stands for now (merges followed). The edge id
    follows from the placed ends (:func:`graph.names.edge_id`), and a denial points at the edge
    of the relation it denies (``denies_relation``, in the same document). The loader places a
    document's evidence when it loads it; a merge or unmerge places it again.
    """
    edges: dict[str, dict[str, Any]] = {}
    edge_of: dict[tuple[str, str], str] = {}
    for row in evidence:
        subject, obj = node_of(row["subject_origin"]), node_of(row["object_origin"])
        if ontology.relations[row["type"]].symmetric and obj < subject:
            subject, obj = obj, subject
        asserted_by = node_of(row["asserted_by_origin"]) if row["asserted_by_origin"] else None
        eid = edge_id(relation_type=row["type"], subject=subject, object=obj, status=row["status"],
                      asserted_by=asserted_by)
        row.update(edge=eid, subject=subject, object=obj, asserted_by=asserted_by,
                   disputed_by=list(dict.fromkeys(node_of(d) for d in row["disputed_by_origin"])))
        edge_of[row["document"], row["relation"]] = eid
        edges.setdefault(eid, {"id": eid, "type": row["type"], "subject": subject, "object": obj,
                               "status": row["status"], "asserted_by": asserted_by})
    for row in evidence:
        denied = row["denies_relation"]
        row["denies"] = edge_of.get((row["document"], denied)) if denied else None
    return list(edges.values())

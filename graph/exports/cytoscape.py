"""Cytoscape.js JSON: ``{"elements": {"nodes": [{"data": ...}], "edges": [{"data": ...}]}}``.

This is what the web page draws (``cytoscape({elements: doc.elements})``) and what Cytoscape
desktop imports as a ``.cyjs`` file (File → Import → Network from File). The top-level keys
``format_version``, ``generated_by``, ``target_cytoscapejs_version`` and ``data`` are those
Cytoscape desktop writes itself.

Node ``data``: ``id``, ``name`` (also ``label``), ``kind``, ``color`` and ``shape`` of the kind
(for a stylesheet's ``data(color)`` and ``data(shape)``), ``aliases``, ``external_ids`` (as
``"registry:id"`` strings) and ``documents``. Edge ``data``: ``id``, ``source``, ``target``,
``label`` and ``interaction`` (both the relation type, as Cytoscape desktop names edges by
interaction), ``type``, ``status``, ``asserted_by``, ``disputed_by``, ``denies``, ``first_date``,
``last_date``, ``event_start``, ``event_end``, ``first_reported``, ``publishers``, ``reliability``,
``credibility``, ``grade``, ``grade_reason``, ``weight``, ``documents`` and ``quotes``. Every value
is a string, a number, null or a list of strings, which both Cytoscape.js and Cytoscape desktop
take. Each element also has ``classes``: the kind for a node, the status for an edge
(``edge.claimed`` in a stylesheet).
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import orjson

from graph.exports.flat import as_list, edge_summary
from graph.exports.source import GraphSource
from graph.ontology import Ontology, get_ontology

__all__ = ["write_cytoscape", "MEDIA_TYPE", "node_element", "edge_element"]

MEDIA_TYPE = "application/json"


def node_element(node: dict[str, Any], ontology: Ontology | None = None) -> dict[str, Any]:
    """A node of the export as a Cytoscape.js element.

    >>> node_element({"id": "fsb", "name": "Federal Security Service", "kind": "SecurityService",
    ...               "aliases": ["FSB"], "external_ids": {}, "documents": ["d1"]})["data"]["color"]
    '#d62728'
    """
    kind = (ontology or get_ontology()).kinds.get(node["kind"])
    return {"data": {
        "id": node["id"], "name": node["name"], "label": node["name"], "kind": node["kind"],
        "color": kind.color if kind else None, "shape": kind.shape if kind else None,
        "aliases": as_list(node.get("aliases")),
        "external_ids": [f"{key}:{value}" for key, value in sorted((node.get("external_ids") or {}).items())],
        "documents": as_list(node.get("documents")),
    }, "classes": node["kind"]}


def edge_element(edge: dict[str, Any]) -> dict[str, Any]:
    """An edge of the export as a Cytoscape.js element.

    >>> element = edge_element({"id": "e-1", "source": "a", "target": "b", "type": "ACCUSED",
    ...     "status": "claimed", "asserted_by": "c", "disputed_by": [], "denies": [], "first_date": "2024",
    ...     "last_date": "2024", "weight": 1, "evidence": [{"document": "d1", "quote": "q"}]})
    >>> element["data"]["interaction"], element["data"]["quotes"], element["classes"]
    ('ACCUSED', ['q'], 'claimed')
    """
    return {"data": {"id": edge["id"], "source": edge["source"], "target": edge["target"],
                     "label": edge["type"], "interaction": edge["type"], "type": edge["type"],
                     **edge_summary(edge)},
            "classes": edge["status"]}


def write_cytoscape(source: GraphSource, *, ontology: Ontology | None = None) -> Iterator[bytes]:
    """Yield the selection as Cytoscape.js JSON, in UTF-8 chunks, one element at a time.

    Parameters
    ----------
    source : GraphSource
        The selection to write; its nodes and edges are read once, as a stream.
    ontology : Ontology, optional (default=the project's ontology)
        Where the colour and shape of each kind come from.

    Returns
    -------
    Iterator[bytes]
        One JSON object whose ``elements`` holds ``nodes`` then ``edges``.
    """
    ontology = ontology or get_ontology()
    header = {"format_version": "1.0", "generated_by": "intelgraph", "target_cytoscapejs_version": "~3",
              "data": {"name": "intelgraph", "shared_name": "intelgraph"}}
    yield orjson.dumps(header)[:-1] + b',"elements":{"nodes":['
    first = True
    for node in source.nodes():
        yield (b"" if first else b",\n") + orjson.dumps(node_element(node, ontology))
        first = False
    yield b'],\n"edges":['
    first = True
    for edge in source.edges():
        yield (b"" if first else b",\n") + orjson.dumps(edge_element(edge))
        first = False
    yield b"]}}\n"

"""GraphML, for networkx, igraph, yEd, Gephi and most other graph tools.

One directed ``<graph>``: a node per entity, an edge per relation, with these ``<key>`` attributes
(GraphML has no list type, so lists are JSON arrays in a string, e.g. ``["FSB"]``):

- nodes: ``label`` (the name), ``kind``, ``color``, ``aliases``, ``external_ids`` (JSON
  object), ``documents``;
- edges: ``edge_id`` (the edge's id again: python-igraph 1.0 reads the ``id`` XML attribute of
  edges wrongly, filling it with node ids), ``label`` (the relation type), ``status``, ``asserted_by``, ``disputed_by``,
  ``denies``, ``first_date``, ``last_date``, ``event_start``, ``event_end``, ``first_reported``,
  ``publishers``, ``reliability``, ``credibility`` (int), ``grade``, ``grade_reason``, ``weight``
  (int: pieces of evidence), ``documents``, ``quotes``.

A value that is null is left out (GraphML's "no value"). ``networkx.read_graphml`` and
``igraph.Graph.Read_GraphML`` read the file back with every node, edge and attribute.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import orjson

from graph.exports.flat import as_list, edge_summary
from graph.exports.source import GraphSource
from graph.ontology import Ontology, get_ontology

__all__ = ["write_graphml", "MEDIA_TYPE", "NODE_KEYS", "EDGE_KEYS"]

MEDIA_TYPE = "application/graphml+xml"

#: Node attributes: name -> GraphML ``attr.type``.
NODE_KEYS = {"label": "string", "kind": "string", "color": "string", "aliases": "string",
             "external_ids": "string", "documents": "string"}
#: Edge attributes: name -> GraphML ``attr.type``.
EDGE_KEYS = {"edge_id": "string", "label": "string", "status": "string", "asserted_by": "string",
             "disputed_by": "string", "denies": "string", "first_date": "string", "last_date": "string",
             "event_start": "string", "event_end": "string", "first_reported": "string", "publishers": "string",
             "reliability": "string", "credibility": "int", "grade": "string", "grade_reason": "string",
             "weight": "int", "documents": "string", "quotes": "string"}

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTR_ENTITIES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def _attr(value: Any) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", str(value)), _ATTR_ENTITIES)


def _text(value: Any) -> str:
    # Carriage returns would be normalised away by any XML parser: keep them as references.
    return escape(_NOT_XML.sub("\ufffd", str(value)), {"\r": "&#13;"})


def _json(value: Any) -> str:
    return orjson.dumps(value).decode()


def _data(prefix: str, values: dict[str, Any]) -> str:
    return "".join(f'<data key="{prefix}_{name}">{_text(value)}</data>'
                   for name, value in values.items() if value is not None)


def _keys() -> str:
    lines = [f'<key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>'
             for name, kind in NODE_KEYS.items()]
    lines += [f'<key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>'
              for name, kind in EDGE_KEYS.items()]
    return "\n".join(lines) + "\n"


def _node(node: dict[str, Any], ontology: Ontology) -> str:
    kind = ontology.kinds.get(node["kind"])
    values = {"label": node["name"], "kind": node["kind"], "color": kind.color if kind else None,
              "aliases": _json(as_list(node.get("aliases"))),
              "external_ids": _json(dict(sorted((node.get("external_ids") or {}).items()))),
              "documents": _json(as_list(node.get("documents")))}
    return f"<node id={_attr(node['id'])}>{_data('n', values)}</node>\n"


def _edge(edge: dict[str, Any]) -> str:
    values = {"edge_id": edge["id"], "label": edge["type"],
              **{key: _json(value) if isinstance(value, list) else value for key, value in edge_summary(edge).items()}}
    return (f"<edge id={_attr(edge['id'])} source={_attr(edge['source'])} target={_attr(edge['target'])}>"
            f"{_data('e', values)}</edge>\n")


def write_graphml(source: GraphSource, *, ontology: Ontology | None = None) -> Iterator[bytes]:
    """Yield the selection as GraphML, in UTF-8 chunks, one element at a time.

    Parameters
    ----------
    source : GraphSource
        The selection to write; its nodes and edges are read once, as a stream.
    ontology : Ontology, optional (default=the project's ontology)
        Where the colour of each kind comes from.

    Returns
    -------
    Iterator[bytes]
        The document: the ``<key>`` declarations, then one ``<graph>`` with nodes, then edges.
    """
    ontology = ontology or get_ontology()
    yield (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
           b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
           b' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
           b' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
    yield _keys().encode()
    yield b'<graph id="intelgraph" edgedefault="directed">\n'
    for node in source.nodes():
        yield _node(node, ontology).encode()
    for edge in source.edges():
        yield _edge(edge).encode()
    yield b"</graph>\n</graphml>\n"

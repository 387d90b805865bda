"""GEXF 1.3, the format Gephi opens (File → Open).

Nodes carry their name as label, a colour per kind (``viz:color``, from the ontology) and the
attributes ``kind``, ``aliases``, ``external_ids`` and ``documents``. Edges are directed, with the
relation type as label, the evidence count as weight and the attributes ``relation``, ``status``,
``asserted_by``, ``disputed_by``, ``denies``, ``first_date``, ``last_date``, ``event_start``,
``event_end``, ``first_reported``, ``publishers``, ``reliability``, ``credibility`` (an integer,
so Gephi's filters can range over it), ``grade``, ``grade_reason``, ``documents`` and ``quotes``.
List attributes are GEXF ``liststring`` values written as JSON arrays, which Gephi
reads back item by item whatever characters the items hold.

The graph is dynamic (``timeformat="date"``): every edge lives for its event time, when the
reporting says when it happened (an open end, as in "before March 2024", falls back to the
edge's own dates), and otherwise from the day it was first reported to the last; so Gephi's
timeline shows what happened in a window. Nodes have no interval of their own: Gephi keeps them
at all times.

Gephi merges parallel edges of the same *kind* into one. A claim and its denial join the same two
nodes with the same relation type, so an edge's ``kind`` is its relation type for what is
reported, and the type with its status and who asserts it otherwise (``CARRIED_OUT, claimed by
russia``): every edge of the graph stays an edge in Gephi.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import orjson

from graph.dates import period_bounds
from graph.exports.flat import as_list, edge_summary
from graph.exports.source import GraphSource
from graph.ontology import Ontology, get_ontology

__all__ = ["write_gexf", "MEDIA_TYPE", "NODE_ATTRIBUTES", "EDGE_ATTRIBUTES", "edge_kind"]

MEDIA_TYPE = "application/gexf+xml"

#: Node attribute columns: id (and title) -> GEXF type.
NODE_ATTRIBUTES = {"kind": "string", "aliases": "liststring", "external_ids": "liststring",
                   "documents": "liststring"}
#: Edge attribute columns: id (and title) -> GEXF type.
EDGE_ATTRIBUTES = {"relation": "string", "status": "string", "asserted_by": "string",
                   "disputed_by": "liststring", "denies": "liststring", "first_date": "string",
                   "last_date": "string", "event_start": "string", "event_end": "string",
                   "first_reported": "string", "publishers": "liststring", "reliability": "string",
                   "credibility": "integer", "grade": "string", "grade_reason": "string",
                   "documents": "liststring", "quotes": "liststring"}

# Characters XML 1.0 cannot hold at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ATTR_ENTITIES = {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}


def edge_kind(edge: dict[str, Any]) -> str:
    """The edge's GEXF ``kind``: unique among the edges joining the same two nodes.

    >>> edge_kind({"type": "ACCUSED", "status": "reported", "asserted_by": None})
    'ACCUSED'
    >>> edge_kind({"type": "CARRIED_OUT", "status": "denied", "asserted_by": "ukraine"})
    'CARRIED_OUT, denied by ukraine'
    """
    if edge["status"] == "reported":
        return edge["type"]
    return f"{edge['type']}, {edge['status']} by {edge['asserted_by']}"


def _attr(value: Any) -> str:
    return quoteattr(_NOT_XML.sub("\ufffd", str(value)), _ATTR_ENTITIES)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _attvalues(values: dict[str, Any], columns: dict[str, str]) -> str:
    parts = []
    for name, kind in columns.items():
        value = values.get(name)
        if kind == "liststring":
            items = as_list(value)
            if not items:
                continue
            value = orjson.dumps(items).decode()
        elif value is None or value == "":
            continue
        parts.append(f"<attvalue for={_attr(name)} value={_attr(value)}/>")
    return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""


def _declarations(klass: str, columns: dict[str, str]) -> str:
    inner = "".join(f"<attribute id={_attr(name)} title={_attr(name)} type={_attr(kind)}/>"
                    for name, kind in columns.items())
    return f'<attributes class="{klass}" mode="static">{inner}</attributes>\n'


def _colour(hex_colour: str) -> str:
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return f'<viz:color r="{r}" g="{g}" b="{b}"/>'


def _node(node: dict[str, Any], ontology: Ontology) -> str:
    values = {"kind": node["kind"], "aliases": node.get("aliases"), "documents": node.get("documents"),
              "external_ids": [f"{key}:{value}" for key, value in sorted((node.get("external_ids") or {}).items())]}
    kind = ontology.kinds.get(node["kind"])
    colour = _colour(kind.color) if kind else ""
    return (f"<node id={_attr(node['id'])} label={_attr(node['name'])}>"
            f"{_attvalues(values, NODE_ATTRIBUTES)}{colour}</node>\n")


def _edge(edge: dict[str, Any]) -> str:
    values = {"relation": edge["type"], **edge_summary(edge)}
    timing = ""
    # Gephi's timeline is when it happened: the event time where the reporting gives one (an
    # open end falls back to the edge's dates), else the day it was reported.
    first = (edge.get("event_start") if edge.get("event_known") else None) or edge.get("first_date")
    last = (edge.get("event_end") if edge.get("event_known") else None) or edge.get("last_date")
    if first and last:
        start, end = period_bounds(first)[0], period_bounds(last)[1]
        timing = f' start="{start.isoformat()}" end="{end.isoformat()}"'
    return (f"<edge id={_attr(edge['id'])} source={_attr(edge['source'])} target={_attr(edge['target'])}"
            f" label={_attr(edge['type'])} kind={_attr(edge_kind(edge))} weight=\"{edge.get('weight') or 1}\""
            f"{timing}>{_attvalues(values, EDGE_ATTRIBUTES)}</edge>\n")


def write_gexf(source: GraphSource, *, ontology: Ontology | None = None) -> Iterator[bytes]:
    """Yield the selection as a GEXF 1.3 document, in UTF-8 chunks, one element at a time.

    Parameters
    ----------
    source : GraphSource
        The selection to write; its nodes and edges are read once, as a stream.
    ontology : Ontology, optional (default=the project's ontology)
        Where the colour of each kind comes from.

    Returns
    -------
    Iterator[bytes]
        The document: declaration, ``<meta>``, attribute declarations, nodes, then edges.
    """
    ontology = ontology or get_ontology()
    today = dt.datetime.now(dt.UTC).date().isoformat()
    yield (b'<?xml version="1.0" encoding="UTF-8"?>\n'
           b'<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"'
           b' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
           b' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n')
    yield (f'<meta lastmodifieddate="{today}"><creator>intelgraph</creator>'
           f"<description>{_text('Security services, governments, armed groups and people, from news reporting')}"
           "</description></meta>\n").encode()
    yield (b'<graph defaultedgetype="directed" mode="dynamic" timeformat="date" timerepresentation="interval"'
           b' timezone="UTC">\n')
    yield (_declarations("node", NODE_ATTRIBUTES) + _declarations("edge", EDGE_ATTRIBUTES)).encode()
    yield b"<nodes>\n"
    for node in source.nodes():
        yield _node(node, ontology).encode()
    yield b"</nodes>\n<edges>\n"
    for edge in source.edges():
        yield _edge(edge).encode()
    yield b"</edges>\n</graph>\n</gexf>\n"

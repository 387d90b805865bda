"""The API's request and response models (kept apart from the domain model in ``graph/``).

Every model carries an example, so ``/docs`` shows a realistic request and answer for each
endpoint; the examples come from the seed article's graph.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.cypher import get_registry

_EVIDENCE_EXAMPLE = {"document": "ft-2024-crocus-intelligence", "relation": "cia-offered-intel-russia",
                     "quote": "the CIA sent a team of analysts to Moscow armed with credible information",
                     "start": 37, "end": 111, "date": "2024-04-03"}
_EDGE_EXAMPLE = {"id": "e-46bafff046e10158", "source": "cia", "target": "russia", "type": "OFFERED_COOPERATION",
                 "status": "reported", "asserted_by": None, "disputed_by": [], "denies": [],
                 "first_date": "2024-04-03", "last_date": "2024-04-03", "weight": 1,
                 "evidence": [_EVIDENCE_EXAMPLE]}
_NODE_EXAMPLE = {"id": "cia", "name": "Central Intelligence Agency", "kind": "SecurityService"}


def _example(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


class Problem(BaseModel):
    """Every error answer: what went wrong, and the parameter at fault when there is one."""

    model_config = _example({"detail": "max_hops: must be between 1 and 10", "parameter": "max_hops"})
    detail: str
    parameter: str | None = None
    candidates: list[dict[str, Any]] | None = None


class Evidence(BaseModel):
    """A verbatim quote from a document, with its character span ([start, end) in code points)."""

    model_config = _example(_EVIDENCE_EXAMPLE)
    document: str
    relation: str
    quote: str
    start: int
    end: int
    date: str | None = None


class Edge(BaseModel):
    """An edge as in the JSON export: type, status, who asserts and disputes it, and its evidence."""

    model_config = _example(_EDGE_EXAMPLE)
    id: str
    source: str
    target: str
    type: str
    status: Literal["reported", "claimed", "denied"]
    asserted_by: str | None = Field(None, description="Entity id of who claims or denies it; null: the document")
    disputed_by: list[str] = []
    denies: list[str] = Field([], description="For a denial: the ids of the claimed edges it denies")
    first_date: str | None = None
    last_date: str | None = None
    weight: int | None = Field(None, description="Number of pieces of evidence")
    evidence: list[Evidence]


class NodeRef(BaseModel):
    model_config = _example(_NODE_EXAMPLE)
    id: str
    name: str
    kind: str


class EdgeWithOther(Edge):
    other: NodeRef


class EntitySummary(BaseModel):
    model_config = _example({"id": "iskp", "name": "Islamic State Khorasan Province", "kind": "ArmedGroup",
                             "aliases": ["Isis-Khorasan", "Isis-K"], "degree": 9})
    id: str
    name: str
    kind: str
    aliases: list[str]
    degree: int


class EntitySearch(BaseModel):
    model_config = _example({"results": [{"id": "iskp", "name": "Islamic State Khorasan Province",
                                          "kind": "ArmedGroup", "aliases": ["Isis-Khorasan", "Isis-K"],
                                          "degree": 9}]})
    results: list[EntitySummary]


class EntityDetail(EntitySummary):
    model_config = _example({"id": "cia", "name": "Central Intelligence Agency", "kind": "SecurityService",
                             "aliases": ["CIA"], "degree": 6, "external_ids": {"wikidata": "Q37230"},
                             "documents": ["ft-2024-crocus-intelligence"],
                             "edges": [_EDGE_EXAMPLE | {"other": {"id": "russia", "name": "Russia",
                                                                  "kind": "State"}}]})
    external_ids: dict[str, str]
    documents: list[str]
    edges: list[EdgeWithOther]


class Path(BaseModel):
    model_config = _example({"nodes": [_NODE_EXAMPLE, {"id": "russia", "name": "Russia", "kind": "State"}],
                             "edges": [_EDGE_EXAMPLE]})
    nodes: list[NodeRef]
    edges: list[Edge]


class Paths(BaseModel):
    model_config = ConfigDict(populate_by_name=True, json_schema_extra={"examples": [{
        "from": _NODE_EXAMPLE, "to": {"id": "iskp", "name": "Islamic State Khorasan Province", "kind": "ArmedGroup"},
        "mode": "shortest", "paths": [{"nodes": [_NODE_EXAMPLE, {"id": "russia", "name": "Russia", "kind": "State"}],
                                       "edges": [_EDGE_EXAMPLE]}]}]})
    from_: NodeRef = Field(alias="from")
    to: NodeRef
    mode: Literal["shortest", "all_shortest", "k_shortest"]
    paths: list[Path]


class CentralityScore(BaseModel):
    id: str
    name: str
    kind: str
    score: float


class Centrality(BaseModel):
    model_config = _example({"measure": "pagerank", "graph_version": 3, "nodes": 60, "edges": 110,
                             "sampled": None, "results": [{"id": "russia", "name": "Russia", "kind": "State",
                                                           "score": 0.124}]})
    measure: str
    graph_version: int
    nodes: int
    edges: int
    sampled: dict[str, int] | None = Field(None, description="For sampled betweenness: the number of sources used")
    results: list[CentralityScore]


class ExportNode(BaseModel):
    id: str
    name: str
    kind: str
    aliases: list[str]
    external_ids: dict[str, str]
    documents: list[str]


class Subgraph(BaseModel):
    model_config = _example({"nodes": [_NODE_EXAMPLE | {"aliases": ["CIA"], "external_ids": {},
                                                        "documents": ["ft-2024-crocus-intelligence"]}],
                             "edges": [_EDGE_EXAMPLE], "truncated": False})
    nodes: list[ExportNode]
    edges: list[Edge]
    truncated: bool = Field(False, description="True when the node limit cut the neighbourhood short")


class CypherRequest(BaseModel):
    # The example is a real read: the statement behind GET /entities/{id}.
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "query": get_registry().get("entities/by_id").text, "parameters": {"id": "fsb"}}]})
    query: str = Field(max_length=20_000)
    parameters: dict[str, Any] = {}


class Table(BaseModel):
    model_config = _example({"columns": ["relation", "other"], "rows": [["LEADS", "Alexander Bortnikov"]],
                             "truncated": False})
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool


class QueryParam(BaseModel):
    name: str
    type: str
    description: str
    required: bool
    default: Any = None


class SavedQuery(BaseModel):
    model_config = _example({"name": "who_accused_whom", "title": "Who accused whom",
                             "description": "Every accusation (ACCUSED) with who made it...",
                             "returns": "accuser, accused, status, asserted_by, quote, document, date",
                             "params": [{"name": "accuser", "type": "string", "description": "entity id",
                                         "required": False, "default": None}]})
    name: str
    title: str
    description: str
    returns: str
    params: list[QueryParam]


class SavedQueries(BaseModel):
    model_config = _example({"queries": [SavedQuery.model_config["json_schema_extra"]["examples"][0]]})
    queries: list[SavedQuery]


class SavedQueryRun(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"parameters": {"limit": 10}}]})
    parameters: dict[str, Any] = {}


class Health(BaseModel):
    model_config = _example({"status": "ok"})
    status: Literal["ok"]


class Ready(BaseModel):
    model_config = _example({"status": "ready", "graph_version": 3, "entities": 60, "documents": 1,
                             "evidence": 110})
    status: Literal["ready"]
    graph_version: int
    entities: int
    documents: int
    evidence: int


class Document(BaseModel):
    """A document's metadata: who published it and when (its text stays in the JSON export)."""

    model_config = _example({"id": "ft-2024-crocus-intelligence",
                             "title": "Why Russian intelligence dismissed US warnings of terror threat",
                             "publisher": "Financial Times", "published": "2024-04-03", "url": None})
    id: str
    title: str | None = None
    publisher: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD")
    url: str | None = None


class Documents(BaseModel):
    model_config = _example({"documents": [Document.model_config["json_schema_extra"]["examples"][0]]})
    documents: list[Document]


class OntologyKind(BaseModel):
    model_config = _example({"name": "SecurityService", "description": "An intelligence, security or police "
                             "service (CIA, FSB), or a collective of such services.", "color": "#d62728",
                             "shape": "diamond"})
    name: str
    description: str
    color: str = Field(description="#rrggbb, as the web page and the GEXF export draw the kind")
    shape: str = Field(description="A Cytoscape.js node shape")


class OntologyRelation(BaseModel):
    model_config = _example({"name": "OFFERED_COOPERATION", "description": "Offered intelligence or security "
                             "co-operation, or brought information to pass on.", "category": "cooperation",
                             "cameo": "0314", "symmetric": False})
    name: str
    description: str
    category: str
    cameo: str | None = Field(None, description="CAMEO event code, where one fits")
    symmetric: bool = Field(description="True when A-B is the same as B-A (drawn without an arrow)")


class Ontology(BaseModel):
    model_config = _example({"kinds": [OntologyKind.model_config["json_schema_extra"]["examples"][0]],
                             "relations": [OntologyRelation.model_config["json_schema_extra"]["examples"][0]]})
    kinds: list[OntologyKind]
    relations: list[OntologyRelation]

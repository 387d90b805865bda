"""The API's request and response models (kept apart from the domain model in ``graph/``).

Every model carries an example, so ``/docs`` shows a realistic request and answer for each
endpoint; the examples come from the seed article's graph.
"""
from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from graph.cypher import get_registry
from graph.services.investigations import Note, Scene

_EVIDENCE_EXAMPLE: dict[str, Any] = {"document": "ft-2024-crocus-intelligence", "relation": "cia-offered-intel-russia",
                     "quote": "the CIA sent a team of analysts to Moscow armed with credible information",
                     "start": 37, "end": 111, "date": "2020", "event": "2020", "publisher": "Financial Times",
                     "published": "2024-04-03", "subject_name": "CIA", "object_name": "Russia"}
_EDGE_EXAMPLE: dict[str, Any] = {"id": "e-46bafff046e10158", "source": "cia", "target": "russia",
                 "type": "OFFERED_COOPERATION", "status": "reported", "asserted_by": None, "disputed_by": [],
                 "denies": [],
                 "first_date": "2020-01-01", "last_date": "2020-12-31", "weight": 1,
                 "event_known": True, "event_start": "2020-01-01", "event_end": "2020-12-31",
                 "first_reported": "2024-04-03", "last_reported": "2024-04-03", "publishers": ["Financial Times"],
                 "reliability": "B", "credibility": 2, "grade": "B2",
                 "grade_reason": "B2: source Financial Times is B (usually reliable); 2 (probably true): "
                                 "reported as fact by Financial Times alone",
                 "evidence": [_EVIDENCE_EXAMPLE]}
_NODE_EXAMPLE: dict[str, Any] = {"id": "cia", "name": "Central Intelligence Agency", "kind": "SecurityService"}


def _example(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


def _example_of(model: type[BaseModel]) -> Any:
    """The example :func:`_example` gave ``model``, to show inside another model's example."""
    extra: Any = model.model_config.get("json_schema_extra")  # pydantic types it as any JSON or a callable
    return extra["examples"][0]


class Problem(BaseModel):
    """Every error answer: what went wrong, and the parameter at fault when there is one."""

    model_config = _example({"detail": "max_hops: must be between 1 and 10", "parameter": "max_hops"})
    detail: str
    parameter: str | None = None
    candidates: list[dict[str, Any]] | None = None
    problems: list[dict[str, Any]] | None = Field(None, description="For invalid input: each problem, where it "
                                                  "is (a field, or an item such as 'relation ID') and what")


class CypherStep(BaseModel):
    """One statement behind an answer (``explain=true``), to rerun in Neo4j Browser."""

    model_config = _example({"statement": "entities/by_id", "cypher": get_registry().get("entities/by_id").text,
                             "parameters": {"id": "cia"},
                             "browser": ":params {`id`: 'cia'}\n" + get_registry().get("entities/by_id").text})
    statement: str = Field(description="Its file in cypher/, without .cypher")
    cypher: str
    parameters: dict[str, Any]
    browser: str = Field(description="A :params line and the statement, to paste into Neo4j Browser")


def _explain_field() -> Any:
    return Field(None, description="With explain=true: the Cypher that produced the answer")


class Evidence(BaseModel):
    """A verbatim quote from a document, with its character span ([start, end) in code points)."""

    model_config = _example(_EVIDENCE_EXAMPLE)
    document: str
    relation: str
    quote: str
    start: int
    end: int
    date: str | None = Field(None, description="Its event time as written, or else the publication date")
    event: str | None = Field(None, description="When it happened, as the facts file says (null: it does not)")
    publisher: str | None = None
    published: str | None = Field(None, description="The document's publication day")
    subject_name: str | None = Field(None, description="The name this document gives the subject")
    object_name: str | None = Field(None, description="The name this document gives the object")


class Edge(BaseModel):
    """An edge as in the JSON export: type, status, who asserts and disputes it, when it happened
    and was reported, its grades (docs/provenance.md) and its evidence."""

    model_config = _example(_EDGE_EXAMPLE)
    id: str
    source: str
    target: str
    type: str
    status: Literal["reported", "claimed", "denied"]
    asserted_by: str | None = Field(None, description="Entity id of who claims or denies it; null: the document")
    disputed_by: list[str] = []
    denies: list[str] = Field([], description="For a denial: the ids of the claimed edges it denies")
    first_date: str | None = Field(None, description="Earliest day it happened (event time, else report date)")
    last_date: str | None = Field(None, description="Latest day it happened (event time, else report date)")
    weight: int | None = Field(None, description="Number of pieces of evidence")
    event_known: bool = Field(False, description="Whether any evidence says when it happened")
    event_start: str | None = Field(None, description="First day of its event time (null: open or unknown)")
    event_end: str | None = Field(None, description="Last day of its event time (null: open or unknown)")
    first_reported: str | None = Field(None, description="Publication day of the first document supporting it")
    last_reported: str | None = None
    publishers: list[str] = Field([], description="Independent publishers supporting it (corroboration)")
    reliability: Literal["A", "B", "C", "D", "E", "F"] = Field("F", description="Source reliability A-F")
    credibility: int = Field(6, ge=1, le=6, description="Information credibility 1-6")
    grade: str = Field("F6", description="Reliability and credibility together")
    grade_reason: str | None = Field(None, description="Why, in one line")
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
    cypher: list[CypherStep] | None = _explain_field()


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
    cypher: list[CypherStep] | None = _explain_field()


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
    cypher: list[CypherStep] | None = Field(None, description="With explain=true: the Cypher that reads the "
                                                             "projection the measure was computed on")


class ExportNode(BaseModel):
    id: str
    name: str
    kind: str
    aliases: list[str]
    external_ids: dict[str, str]
    documents: list[str]
    first_reported: str | None = Field(None, description="Publication day of the first document mentioning it")


class Subgraph(BaseModel):
    model_config = _example({"nodes": [_NODE_EXAMPLE | {"aliases": ["CIA"], "external_ids": {},
                                                        "documents": ["ft-2024-crocus-intelligence"]}],
                             "edges": [_EDGE_EXAMPLE], "truncated": False})
    nodes: list[ExportNode]
    edges: list[Edge]
    truncated: bool = Field(False, description="True when the node limit cut the neighbourhood short")
    cypher: list[CypherStep] | None = _explain_field()


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
    cypher: str | None = Field(None, description="The statement it runs, as Neo4j Browser takes it")


class SavedQueries(BaseModel):
    model_config = _example({"queries": [_example_of(SavedQuery)]})
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


class DocumentEvidence(BaseModel):
    id: str
    relation: str
    edge: str | None
    type: str
    status: str
    quote: str
    start: int
    end: int
    subject: str | None = None
    object: str | None = None
    subject_name: str | None = None
    object_name: str | None = None
    event: str | None = None


class DocumentText(BaseModel):
    """A document with its text and the spans of its quotes."""

    model_config = _example({"id": "crocus-city-hall-ft-2024", "title": "Russia ignored US warnings",
                             "publisher": "Financial Times", "published": "2024-03-24", "url": None,
                             "text": "…", "evidence": [{"id": "crocus-city-hall-ft-2024#cia-warned-russia",
                                                        "relation": "cia-warned-russia", "edge": "e-90ed4acdb273da8e",
                                                        "type": "WARNED", "status": "reported", "quote": "…",
                                                        "start": 120, "end": 180, "subject": "cia",
                                                        "object": "russia", "subject_name": "CIA",
                                                        "object_name": "Russia", "event": None}]})

    id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    text: str | None
    evidence: list[DocumentEvidence]


class Documents(BaseModel):
    model_config = _example({"documents": [_example_of(Document)]})
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
    model_config = _example({"kinds": [_example_of(OntologyKind)],
                             "relations": [_example_of(OntologyRelation)]})
    kinds: list[OntologyKind]
    relations: list[OntologyRelation]


# --- one edge, grades and sources (docs/provenance.md) ------------------------------------------------
class EdgeDetail(Edge):
    """One edge, with both its ends named."""

    model_config = _example(_EDGE_EXAMPLE | {
        "source_entity": _NODE_EXAMPLE, "target_entity": {"id": "russia", "name": "Russia", "kind": "State"}})
    source_entity: NodeRef
    target_entity: NodeRef
    cypher: list[CypherStep] | None = _explain_field()


class GradeRequest(BaseModel):
    """An analyst's grade for one edge: either grade or both, and why."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "credibility": 1, "reason": "Confirmed by the court records of the suspects' trial", "by": "a.analyst"}]})
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None
    credibility: int | None = Field(None, ge=1, le=6)
    reason: str = Field(min_length=1, max_length=2000)
    by: str = Field(min_length=1, max_length=200, description="Who decides: recorded with the change")


class GradeChange(BaseModel):
    """One entry of the audit trail of a grade."""

    model_config = _example({"action": "set", "reliability": None, "credibility": 1,
                             "reason": "Confirmed by the court records", "by": "a.analyst",
                             "via": "key:1f2e3d4c5b6a7988", "at": "2026-11-24T10:00:00Z", "previous": None})
    action: Literal["set", "cleared"]
    reliability: str | None = None
    credibility: int | None = None
    reason: str
    by: str
    via: str | None = None
    at: str
    previous: str | None = None


class GradeHistory(BaseModel):
    model_config = _example({"changes": [_example_of(GradeChange)]})
    changes: list[GradeChange]


class SourceGradeRequest(BaseModel):
    """A source's reliability (A-F) and why."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "reliability": "B", "reason": "Long record of accurate security reporting", "by": "a.analyst"}]})
    reliability: Literal["A", "B", "C", "D", "E", "F"]
    reason: str = Field(min_length=1, max_length=2000)
    by: str = Field(min_length=1, max_length=200)


class SourceGrade(BaseModel):
    model_config = _example({"key": "publisher:financial times", "kind": "publisher", "name": "Financial Times",
                             "reliability": "B", "reason": "Long record of accurate security reporting",
                             "by": "a.analyst", "via": "sources file corpus/sources.yaml",
                             "at": "2026-11-24T10:00:00Z"})
    key: str
    kind: Literal["publisher", "speaker"]
    name: str
    reliability: Literal["A", "B", "C", "D", "E", "F"]
    reason: str
    by: str | None = None
    via: str | None = None
    at: str | None = None


class SourceList(BaseModel):
    model_config = _example({"sources": [_example_of(SourceGrade)],
                             "default": "F", "publishers": ["Financial Times"]})
    sources: list[SourceGrade]
    default: str = Field("F", description="The reliability of every source not listed")
    publishers: list[str] = Field(default_factory=list, description="Every publisher of a loaded document, graded "
                                  "or not: the names the edge filter's `publishers` takes")


# --- merges (graph/services/merges.py) ----------------------------------------------------------------
_MERGE_EXAMPLE = {
    "id": "m-3f9c2a7d41b06e58", "into": "fsb", "source": "federal-security-service", "active": True,
    "reason": "Two ids for the FSB: same Wikidata item (Q157224)", "by": "a.analyst", "via": "key:1f2e3d4c5b6a7988",
    "at": "2026-11-24T10:00:00Z", "into_name": "Federal Security Service",
    "source_name": "Federal Security Service of Russia", "source_kind": "SecurityService",
    "source_aliases": ["FSB of Russia"], "added_aliases": ["Federal Security Service of Russia", "FSB of Russia"],
    "moved_mentions": [{"document": "reuters-2024-crocus", "origin": "federal-security-service"}],
    "moved_evidence": [{"evidence": "reuters-2024-crocus#fsb-detains", "edge_before": "e-5b1d0c9e2f3a4b6c",
                        "edge_after": "e-8e7f6a5b4c3d2e1f"}],
    "unmerged": None}


class MergeRequest(BaseModel):
    """Merge ``source`` into ``into``: two entities of one kind, each named by id (any case),
    external id (Q…), name or alias; ``source`` disappears."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "into": "fsb", "source": "federal-security-service",
        "reason": "Two ids for the FSB: same Wikidata item (Q157224)", "by": "a.analyst"}]})
    into: str = Field(min_length=1, max_length=200, description="The entity that stays: id (any case), "
                      "external id (Q…), name or alias")
    source: str = Field(min_length=1, max_length=200, description="The entity merged into it, named the same ways")
    reason: str = Field(min_length=1, max_length=2000)
    by: str = Field(min_length=1, max_length=200, description="Who decides: recorded with the merge")


class UnmergeRequest(BaseModel):
    """Undo a merge: why, and who decides."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "reason": "Not the same service: the second is the border guard", "by": "a.analyst"}]})
    reason: str = Field(min_length=1, max_length=2000)
    by: str = Field(min_length=1, max_length=200)


class MovedMention(BaseModel):
    document: str
    origin: str = Field(description="The entity the document named, before merges")


class MovedEvidence(BaseModel):
    evidence: str
    edge_before: str
    edge_after: str


class Unmerged(BaseModel):
    """When, by whom and why a merge was undone, and what went back."""

    at: str | None = None
    by: str | None = None
    via: str | None = None
    reason: str | None = None
    restored_mentions: list[MovedMention]
    restored_evidence: list[MovedEvidence]


class Merge(BaseModel):
    """A merge, in force or undone: who, when, why, and which names, mentions and evidence moved."""

    model_config = _example(_MERGE_EXAMPLE)
    id: str
    into: str
    source: str
    active: bool
    reason: str | None = None
    by: str | None = None
    via: str | None = Field(None, description="How: the CLI, or the API key's fingerprint")
    at: str | None = None
    into_name: str | None = None
    source_name: str | None = None
    source_kind: str | None = None
    source_aliases: list[str]
    added_aliases: list[str] = Field(description="The names the merged entity gained")
    moved_mentions: list[MovedMention]
    moved_evidence: list[MovedEvidence] = Field(description="Each piece of evidence placed again, "
                                                            "with its edge before and after")
    unmerged: Unmerged | None = None


class MergeChanges(BaseModel):
    mentions: int
    evidence: int
    edges_removed: int
    entities_removed: int
    graph_version: int


class MergeOutcome(BaseModel):
    """A merge or unmerge done: its record and what it changed."""

    model_config = _example({"merge": _MERGE_EXAMPLE, "changes": {"mentions": 1, "evidence": 1, "edges_removed": 1,
                                                                  "entities_removed": 1, "graph_version": 7}})
    merge: Merge
    changes: MergeChanges


class MergeList(BaseModel):
    model_config = _example({"merges": [_MERGE_EXAMPLE]})
    merges: list[Merge]


# --- investigations (issue 19): scenes kept from the web page ---------------------------------

_SCENE_EXAMPLE = {"nodes": [{"id": "fsb", "x": 0, "y": 0, "pinned": True}, {"id": "russia", "x": 180, "y": 40}],
                  "hidden": [], "filters": {"min_grade": "B2", "exclude_claims": False},
                  "view": "?node=fsb&min_grade=B2"}
_INVESTIGATION_EXAMPLE: dict[str, Any] = {"id": "inv-3f9c2a7d41b06e58",
                                           "title": "FSB and its neighbours", "author": "client:127.0.0.1",
                                           "created": "2026-12-06T04:30:01.123Z",
                                           "modified": "2026-12-06T04:31:12.456Z",
                                           "nodes": 2, "note_count": 1, "scene": _SCENE_EXAMPLE,
                                           "notes": [{"target": "fsb", "kind": "node",
                                                      "text": "Check the March warnings."}]}


class InvestigationRequest(BaseModel):
    """An investigation to save: a title, the scene on screen, and notes on its entities and edges."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        key: _INVESTIGATION_EXAMPLE[key] for key in ("title", "scene", "notes")}]})
    title: str = Field(min_length=1, max_length=300)
    scene: Scene
    notes: list[Note] = Field(default_factory=list, max_length=2000)


class InvestigationRename(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"title": "FSB, March 2024"}]})
    title: str = Field(min_length=1, max_length=300)


class InvestigationSummary(BaseModel):
    id: str
    title: str
    author: str | None = Field(None, description="Who saved it first: the API key's fingerprint when keys are set")
    created: str | None = None
    modified: str | None = None
    nodes: int = Field(0, description="Entities in the scene")
    note_count: int = 0


class Investigation(InvestigationSummary):
    model_config = _example(_INVESTIGATION_EXAMPLE)
    scene: Scene
    notes: list[Note]


class InvestigationList(BaseModel):
    model_config = _example({"investigations": [{k: v for k, v in _INVESTIGATION_EXAMPLE.items()
                                                 if k not in ("scene", "notes")}]})
    investigations: list[InvestigationSummary]


class Neighbour(BaseModel):
    id: str
    name: str
    kind: str
    edges: int = Field(description="Edges the filter allows between it and the expanded entity")
    degree: int = Field(description="Its edges in the whole graph")


class Expansion(BaseModel):
    """The most relevant neighbours of an entity (``GET /expand``), and how many there are in all."""

    model_config = _example({"id": "fsb", "direction": "both", "total": 12, "neighbours": [
        {"id": "russia", "name": "Russia", "kind": "Government", "edges": 3, "degree": 40}]})
    id: str
    direction: Literal["both", "out", "in"]
    total: int = Field(description="Neighbours in all; those beyond the limit are left out")
    neighbours: list[Neighbour]

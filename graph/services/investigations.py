"""Investigations: a scene kept from the web page, with a title and notes, to reopen and hand on.

A *scene* is what the analyst has on screen: the entities (with their positions, pinned or not),
the ones hidden, and the evidence filters in force, as the page's query string keeps them. The
*notes* are free text on an entity or an edge of the scene. An investigation is stored in
Neo4j as one ``(:Investigation)`` node with no relationship (``cypher/investigations/``), so it
is never part of the article graph: paths, centrality, exports and stats only match
``Entity``, ``Document`` and ``Evidence``.

The scene's filters are the API's filter parameters (``min_grade``, ``as_of``, ``during``,
``claims`` or ``exclude_claims``, ``publishers``, ``types``, ``exclude_types``), read by
:func:`scene_filter` into the one :class:`~graph.filters.EdgeFilter` every query uses, so an
exported investigation holds the edges the analyst saw. Publisher names are kept as the page sent
them (from ``GET /sources``); one no longer loaded keeps no edge.
"""
from __future__ import annotations

import datetime as dt
import re
import secrets
import uuid
from collections.abc import Iterator
from typing import Any, Literal

import orjson
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from graph.errors import InvalidParameter, NotFound
from graph.exports.formats import get_format
from graph.exports.source import GraphSource, Selection
from graph.exports.stix import NAMESPACE, sdo_type, stix_id, write_stix
from graph.filters import Claims, EdgeFilter, parse_date_range, parse_min_grade
from graph.services.subgraph import MAX_NODES, SubgraphService
from graph.store import Store

__all__ = ["InvestigationService", "Scene", "SceneNode", "SceneFilters", "Note", "scene_filter",
           "EXPORT_FORMATS", "MAX_INVESTIGATIONS"]

#: Most investigations one list returns.
MAX_INVESTIGATIONS = 500
#: What an investigation exports to: the scene with its notes in each.
EXPORT_FORMATS = ("json", "gexf", "stix")
_NEO4J_TIME = re.compile(r"^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?Z$")


class SceneNode(BaseModel):
    """An entity on screen, where it was drawn, and whether the analyst pinned it there."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1, max_length=200)
    x: float = Field(0.0, allow_inf_nan=False)
    y: float = Field(0.0, allow_inf_nan=False)
    pinned: bool = False


class SceneFilters(BaseModel):
    """The evidence filters in force, as the API's query parameters spell them."""

    model_config = ConfigDict(extra="forbid")
    types: list[str] = Field(default_factory=list, max_length=100)
    exclude_types: list[str] = Field(default_factory=list, max_length=100)
    exclude_claims: bool = False
    claims: Claims | None = None
    publishers: list[str] = Field(default_factory=list, max_length=50)
    min_grade: str | None = Field(default=None, max_length=2)
    as_of: dt.date | None = None
    during: str | None = Field(default=None, max_length=40)


class Scene(BaseModel):
    """What was on screen: entities with positions, the hidden ones, filters, and the page's link."""

    model_config = ConfigDict(extra="forbid")
    nodes: list[SceneNode] = Field(min_length=1, max_length=MAX_NODES)
    hidden: list[str] = Field(default_factory=list, max_length=MAX_NODES)
    filters: SceneFilters = SceneFilters()  # pydantic copies a model default for each instance
    view: str = Field("", max_length=4000, description="The page's query string when it was saved")


class Note(BaseModel):
    """An analyst's note on an entity or an edge of the scene."""

    model_config = ConfigDict(extra="forbid")
    target: str = Field(min_length=1, max_length=200, description="Entity id or edge id")
    kind: Literal["node", "edge"]
    text: str = Field(min_length=1, max_length=10_000)


def scene_filter(filters: SceneFilters) -> EdgeFilter:
    """The edge filter a scene was drawn with, checked as the API checks its parameters.

    >>> scene_filter(SceneFilters(min_grade="B2", during="2024-03-01..")).min_grade
    MinGrade(reliability='B', credibility=2)
    >>> try:
    ...     scene_filter(SceneFilters(types=["NOPE"]))
    ... except InvalidParameter as error:
    ...     print(error)
    scene.filters.types: unknown relation type 'NOPE'
    """
    edge_filter = EdgeFilter(
        types=tuple(filters.types) or None, exclude_types=tuple(filters.exclude_types),
        exclude_claims=filters.exclude_claims, claims=filters.claims, publishers=tuple(filters.publishers),
        as_of=filters.as_of,
        during=parse_date_range(filters.during, "scene.filters.during") if filters.during else None,
        min_grade=parse_min_grade(filters.min_grade, "scene.filters.min_grade") if filters.min_grade else None)
    try:
        edge_filter.parameters()
    except InvalidParameter as error:
        raise InvalidParameter(f"scene.filters.{error.parameter}", str(error).split(": ", 1)[1]) from None
    return edge_filter


def _parse(model: type[BaseModel], value: Any, where: str) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(part) for part in first["loc"])
        raise InvalidParameter(f"{where}.{field}" if field else where, first["msg"]) from None


class InvestigationService:
    """Save, list, reopen, rename, delete and export investigations."""

    def __init__(self, store: Store):
        self.store = store

    def save(self, *, title: str, scene: Scene, notes: list[Note], author: str,
             investigation_id: str | None = None) -> dict[str, Any]:
        """Create (no id) or replace one investigation; the author and creation time stay those of the first save."""
        title = title.strip()
        if not title:
            raise InvalidParameter("title", "is empty")
        scene_filter(scene.filters)
        on_screen = {node.id for node in scene.nodes}
        for i, note in enumerate(notes):
            if note.kind == "node" and note.target not in on_screen:
                raise InvalidParameter(f"notes.{i}.target", f"entity {note.target!r} is not in the scene")
        if investigation_id is not None and self.store.read_one("investigations/get", id=investigation_id) is None:
            raise NotFound(f"no investigation with id {investigation_id!r}")
        record = {"id": investigation_id or "inv-" + secrets.token_hex(8), "title": title, "author": author,
                  "scene": scene.model_dump_json(), "notes": orjson.dumps([n.model_dump() for n in notes]).decode(),
                  "nodes": len(scene.nodes), "note_count": len(notes)}
        return _public(self.store.write("investigations/save", investigation=record)[0]["investigation"])

    def get(self, investigation_id: str) -> dict[str, Any]:
        row = self.store.read_one("investigations/get", id=investigation_id)
        if row is None:
            raise NotFound(f"no investigation with id {investigation_id!r}")
        return _public(row["investigation"])

    def list(self, *, limit: int = 100) -> list[dict[str, Any]]:
        if not 1 <= limit <= MAX_INVESTIGATIONS:
            raise InvalidParameter("limit", f"must be between 1 and {MAX_INVESTIGATIONS}")
        return [row["investigation"] for row in self.store.read("investigations/list", limit=limit)]

    def rename(self, investigation_id: str, title: str) -> dict[str, Any]:
        if not title.strip():
            raise InvalidParameter("title", "is empty")
        rows = self.store.write("investigations/rename", id=investigation_id, title=title.strip())
        if not rows:
            raise NotFound(f"no investigation with id {investigation_id!r}")
        return _public(rows[0]["investigation"])

    def delete(self, investigation_id: str) -> None:
        if not self.store.write("investigations/delete", id=investigation_id)[0]["deleted"]:
            raise NotFound(f"no investigation with id {investigation_id!r}")

    # --- exports --------------------------------------------------------------------------
    def export(self, investigation_id: str, format: str) -> tuple[Iterator[bytes], str, str]:
        """The investigation as a file: (chunks, media type, file name).

        ``json`` is the investigation (title, notes, scene) with the scene's nodes and edges as
        ``/subgraph`` gives them; ``gexf`` the scene's graph for Gephi; ``stix`` a STIX 2.1
        bundle whose investigation ``report`` lists the scene's objects and whose notes are
        STIX ``note`` objects.
        """
        if format not in EXPORT_FORMATS:
            raise InvalidParameter("format", f"expected one of {', '.join(EXPORT_FORMATS)}, got {format!r}")
        investigation = self.get(investigation_id)
        scene = Scene.model_validate(investigation["scene"])
        hidden = set(scene.hidden)
        ids = tuple(dict.fromkeys(node.id for node in scene.nodes if node.id not in hidden))
        selection = Selection(ids, scene_filter(scene.filters))
        stem = "".join(c if c.isalnum() else "-" for c in investigation["title"].lower()).strip("-")[:60]
        name = f"intelgraph-{stem or investigation_id}"
        if format == "json":
            graph = SubgraphService(self.store).read(selection)
            body = orjson.dumps({"investigation": investigation, **graph}, option=orjson.OPT_INDENT_2)
            return iter([body]), "application/json", f"{name}.json"
        if format == "gexf":
            chosen = get_format("gexf")
            return chosen.write(GraphSource(self.store, selection)), chosen.media_type, f"{name}.{chosen.extension}"
        bundle = stix_report(investigation, GraphSource(self.store, selection))
        return iter([orjson.dumps(bundle, option=orjson.OPT_INDENT_2)]), "application/stix+json;version=2.1", \
            f"{name}.stix.json"


def stix_report(investigation: dict[str, Any], source: GraphSource) -> dict[str, Any]:
    """The scene's STIX bundle (:func:`~graph.exports.stix.write_stix`) with the investigation added:
    a ``report`` whose ``object_refs`` are the scene's entities and edges and the notes, and one
    ``note`` per analyst note, pointing at what it is about."""
    bundle = orjson.loads(b"".join(write_stix(source)))
    objects: list[dict[str, Any]] = bundle["objects"]
    present = {obj["id"] for obj in objects}
    refs: dict[str, str] = {}  # entity or edge id -> its STIX id
    for node in source.nodes():
        refs[node["id"]] = stix_id(sdo_type(node["kind"]), "entity", node["id"])
    for edge in source.edges():
        for stix_type in ("relationship", "note", "opinion"):
            ref = stix_id(stix_type, "edge", edge["id"])
            if ref in present:
                refs[edge["id"]] = ref
                break
    report_id = "report--" + str(uuid.uuid5(NAMESPACE, f"investigation:{investigation['id']}"))
    author = investigation.get("author") or "intelgraph"
    modified = _stix_time(investigation.get("modified"))
    created = _stix_time(investigation.get("created")) or modified
    notes = []
    for i, note in enumerate(investigation["notes"]):
        note_ref = refs.get(note["target"])
        notes.append({"type": "note", "spec_version": "2.1",
                      "id": "note--" + str(uuid.uuid5(NAMESPACE, f"investigation:{investigation['id']}:note:{i}")),
                      "created": created, "modified": modified, "authors": [author],
                      "abstract": f"Note on {note['kind']} {note['target']}", "content": note["text"],
                      "object_refs": [note_ref] if note_ref else [report_id],
                      "labels": ["investigation-note"]})
    scene_refs = list(dict.fromkeys(refs.values()))
    report = {"type": "report", "spec_version": "2.1", "id": report_id, "created": created, "modified": modified,
              "name": investigation["title"], "report_types": ["threat-report"], "published": modified,
              "description": f"An intelgraph investigation by {author}: {len(refs)} entities and edges, "
                             f"{len(notes)} notes.",
              "object_refs": scene_refs + [n["id"] for n in notes] or [objects[0]["id"]],
              "labels": ["investigation"],
              "external_references": [{"source_name": "intelgraph", "external_id": investigation["id"]}]}
    bundle["objects"] = objects + notes + [report]
    return bundle


def _stix_time(value: str | None) -> str:
    """Neo4j's ``toString(datetime())`` (UTC) as a STIX timestamp, to the millisecond.

    >>> _stix_time("2026-12-06T04:30:01.123456789Z"), _stix_time("2026-12-06T04:30:01Z")
    ('2026-12-06T04:30:01.123Z', '2026-12-06T04:30:01.000Z')
    """
    match = _NEO4J_TIME.match(value or "")
    if match is None:
        return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    return f"{match[1]}.{(match[2] or '')[:3].ljust(3, '0')}Z"


def _public(record: dict[str, Any]) -> dict[str, Any]:
    """A stored investigation as the API gives it: its scene and notes parsed back."""
    out = {key: value for key, value in record.items() if key not in ("scene", "notes")}
    out["scene"] = _parse(Scene, orjson.loads(record["scene"]), "scene").model_dump(mode="json")
    out["notes"] = [_parse(Note, note, "notes").model_dump() for note in orjson.loads(record["notes"])]
    return out

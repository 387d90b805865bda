"""STIX 2.1: one bundle for threat-intelligence platforms (OpenCTI, MISP).

What becomes what:

- **Entities** become the STIX object their kind names in ``graph/ontology.yaml`` (``stix:``):
  ``identity`` (with ``identity_class`` and ``sectors``), ``intrusion-set`` (with ``aliases``)
  or ``location``, or ``incident`` (Event: an attack, a plot, a war), STIX 2.1's object for a
  security event, so that who carried out, claimed or foiled it can point at it. A location needs a region, a country or coordinates: a kind marked
  ``region: country`` (State) writes ``country`` (the ``iso3166`` external id where the facts give
  one, else the name); any other location (Place) writes its name as ``region``, an open
  vocabulary. Aliases that the STIX type cannot hold go into ``description``; external ids
  become ``external_references``.
- **Reported edges** become ``relationship`` objects: the relation type in lower case with
  hyphens (``offered-cooperation``), ``start_time``/``stop_time`` from the first and last dates,
  and the quotes as ``description``.
- **Claims** are not established relationships: each claimed edge becomes a ``note`` whose
  ``authors`` name who asserts it, whose ``abstract`` says what is claimed and whose
  ``object_refs`` are the subject, the object and the asserter.
- **Denials** become an ``opinion`` (``strongly-disagree``) authored by who denies, referring to
  the note of the claim it denies (or the relationship, for a denied report) and to both ends.
- **Documents** become ``report`` objects (``published`` is the publication date) whose
  ``object_refs`` list every entity the document mentions and every relationship, note and
  opinion it is evidence for.
- Every relationship, note and opinion carries the edge's information credibility as STIX
  ``confidence``, on the Admiralty scale's mapping in STIX 2.1 (appendix A: 1 → 90, 2 → 70,
  3 → 50, 4 → 30, 5 → 10; 6, "cannot be judged", leaves it out), and its grade with the reason
  in ``description`` (``explanation`` for an opinion is unchanged; its grade goes in ``labels``).
- One ``identity`` (``intelgraph``, a system) is the ``created_by_ref`` of every object.

Ids are deterministic: UUIDv5 over a fixed namespace and the entity, edge or document id (STIX
suggests UUIDv4 for SDOs; deterministic ids are what let a platform recognise an object it has
already imported). ``created`` and ``modified`` are the time of the export, so a platform takes a
re-export as an update of the same objects. No custom (``x_``) property is used: the bundle
parses under ``stix2.parse(..., allow_custom=False)``.

The writer produces the JSON itself (with orjson) rather than through the ``stix2`` library:
that library validates each object as it builds it, which costs more than the export, and it
would be a runtime dependency for what is a fixed, tested mapping; the tests parse every bundle
with ``stix2``. Reports come last and need, for each document, everything it supports: the
writer keeps that index, with entity names and edge ids, in a temporary on-disk SQLite database
rather than in memory, so memory stays flat however large the graph.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from typing import Any

import orjson

from graph.dates import period_bounds
from graph.exports.flat import as_list
from graph.exports.source import GraphSource
from graph.ontology import Ontology, get_ontology

__all__ = ["write_stix", "MEDIA_TYPE", "NAMESPACE", "stix_id", "relationship_type", "sdo_type"]

MEDIA_TYPE = "application/stix+json;version=2.1"

#: The namespace of every intelgraph STIX id (UUIDv5). Never change it: ids would all change.
NAMESPACE = uuid.UUID("c04e68e5-7300-4b12-a230-a1b0b0a7db4c")
_PRODUCER = "identity--" + str(uuid.uuid5(NAMESPACE, "producer:intelgraph"))
_WIKIDATA = "https://www.wikidata.org/wiki/"


def stix_id(stix_type: str, what: str, key: str) -> str:
    """The deterministic id of the STIX object for an entity, edge or document.

    >>> stix_id("identity", "entity", "fsb")
    'identity--be75c896-ebf3-567b-8b24-1a8d189b035e'
    """
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, f'{what}:{key}')}"


def relationship_type(relation: str) -> str:
    """A relation type as a STIX ``relationship_type``.

    >>> relationship_type("OFFERED_COOPERATION")
    'offered-cooperation'
    """
    return relation.lower().replace("_", "-")


def sdo_type(kind: str, ontology: Ontology | None = None) -> str:
    """The STIX type of the object an entity of ``kind`` becomes.

    >>> sdo_type("SecurityService"), sdo_type("Event"), sdo_type("ArmedGroup")
    ('identity', 'incident', 'intrusion-set')
    """
    found = (ontology or get_ontology()).kinds.get(kind)
    return found.stix.get("type", "identity") if found else "identity"


def _timestamp(value: dt.datetime) -> str:
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def _day_start(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00.000Z"


def _day_end(day: dt.date) -> str:
    return f"{day.isoformat()}T23:59:59.999Z"


def _words(relation: str) -> str:
    return relation.lower().replace("_", " ")


class _Spool:
    """What the reports and denials need later, kept on disk: a private temporary SQLite file."""

    def __init__(self) -> None:
        # An empty name is a private on-disk database that SQLite deletes when it is closed. The
        # API may resume the generator on another worker thread: never two at once, so that is safe.
        self.db = sqlite3.connect("", check_same_thread=False)
        self.db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4096;
            CREATE TABLE entity (id TEXT PRIMARY KEY, name TEXT, ref TEXT);
            CREATE TABLE edge (id TEXT PRIMARY KEY, ref TEXT);
            CREATE TABLE mention (seq INTEGER PRIMARY KEY, document TEXT, ref TEXT);
            CREATE TABLE denial (seq INTEGER PRIMARY KEY, edge BLOB);
        """)
        self._seq = 0

    def close(self) -> None:
        self.db.close()

    def entity(self, entity_id: str, name: str, ref: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO entity VALUES (?, ?, ?)", (entity_id, name, ref))

    def lookup(self, entity_id: str | None) -> tuple[str, str | None]:
        """The entity's name (its id if it is not in the export) and its STIX id, if exported."""
        if entity_id is None:
            return "someone", None
        row = self.db.execute("SELECT name, ref FROM entity WHERE id = ?", (entity_id,)).fetchone()
        return (row[0], row[1]) if row else (entity_id, None)

    def edge(self, edge_id: str, ref: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO edge VALUES (?, ?)", (edge_id, ref))

    def edge_ref(self, edge_id: str) -> str | None:
        row = self.db.execute("SELECT ref FROM edge WHERE id = ?", (edge_id,)).fetchone()
        return row[0] if row else None

    def mention(self, documents: list[str], ref: str) -> None:
        rows = []
        for document in documents:
            self._seq += 1
            rows.append((self._seq, document, ref))
        self.db.executemany("INSERT INTO mention VALUES (?, ?, ?)", rows)

    def defer_denial(self, edge: dict[str, Any]) -> None:
        self._seq += 1
        self.db.execute("INSERT INTO denial VALUES (?, ?)", (self._seq, orjson.dumps(edge)))

    def denials(self) -> Iterator[dict[str, Any]]:
        cursor = self.db.execute("SELECT edge FROM denial ORDER BY seq")
        for (blob,) in cursor:
            yield orjson.loads(blob)

    def refs_of(self, document: str) -> list[str]:
        if self._seq and not getattr(self, "_indexed", False):
            self.db.execute("CREATE INDEX mention_document ON mention (document, seq)")
            self._indexed = True
        rows = self.db.execute("SELECT ref FROM mention WHERE document = ? GROUP BY ref ORDER BY MIN(seq)",
                               (document,))
        return [row[0] for row in rows]


class _Writer:
    def __init__(self, ontology: Ontology, generated_at: dt.datetime, spool: _Spool):
        self.ontology = ontology
        self.spool = spool
        self.now = _timestamp(generated_at)

    def common(self, stix_type: str, object_id: str) -> dict[str, Any]:
        return {"type": stix_type, "spec_version": "2.1", "id": object_id, "created_by_ref": _PRODUCER,
                "created": self.now, "modified": self.now}

    def producer(self) -> dict[str, Any]:
        return {"type": "identity", "spec_version": "2.1", "id": _PRODUCER, "created": self.now,
                "modified": self.now, "name": "intelgraph", "identity_class": "system",
                "description": "A knowledge graph of security services, governments, armed groups and people, "
                               "built from news reporting."}

    def entity(self, node: dict[str, Any]) -> dict[str, Any]:
        kind = self.ontology.kinds.get(node["kind"])
        mapping = kind.stix if kind else {"type": "identity"}
        stix_type = sdo_type(node["kind"], self.ontology)
        object_id = stix_id(stix_type, "entity", node["id"])
        aliases = as_list(node.get("aliases"))
        external_ids = node.get("external_ids") or {}
        obj = self.common(stix_type, object_id)
        obj["name"] = node["name"]
        description = [f"{node['kind']}" + (f": {kind.description}" if kind else "")]
        if stix_type in ("intrusion-set", "threat-actor", "campaign"):
            if aliases:
                obj["aliases"] = aliases
        elif aliases:
            description.append("Also known as: " + "; ".join(aliases) + ".")
        if stix_type == "identity":
            obj["identity_class"] = mapping.get("identity_class", "unknown")
            if mapping.get("sector"):
                obj["sectors"] = [mapping["sector"]]
        elif stix_type == "location":
            if mapping.get("region") == "country":
                obj["country"] = external_ids.get("iso3166") or node["name"]
            else:
                obj["region"] = node["name"]
        elif stix_type == "threat-actor" and mapping.get("threat_actor_type"):
            obj["threat_actor_types"] = [mapping["threat_actor_type"]]
        obj["description"] = " ".join(description)
        obj["labels"] = [node["kind"]]
        references = []
        for registry, value in sorted(external_ids.items()):
            reference = {"source_name": registry, "external_id": str(value)}
            if registry == "wikidata":
                reference["url"] = _WIKIDATA + str(value)
            references.append(reference)
        if references:
            obj["external_references"] = references
        self.spool.entity(node["id"], node["name"], object_id)
        self.spool.mention(as_list(node.get("documents")), object_id)
        return obj

    def _evidence(self, edge: dict[str, Any]) -> tuple[list[str], str]:
        evidence = edge.get("evidence") or []
        documents = list(dict.fromkeys(item["document"] for item in evidence))
        quotes = "\n".join(f"“{item['quote']}” ({item['document']})" for item in evidence)
        return documents, quotes

    def _statement(self, edge: dict[str, Any]) -> str:
        subject, _ = self.spool.lookup(edge["source"])
        target, _ = self.spool.lookup(edge["target"])
        return f"{subject} {_words(edge['type'])} {target}"

    def edge(self, edge: dict[str, Any]) -> dict[str, Any] | None:
        """The edge's object; ``None`` for a denial, which is written after every edge."""
        status = edge["status"]
        if status == "denied":
            self.spool.edge(edge["id"], stix_id("opinion", "edge", edge["id"]))
            self.spool.mention(self._evidence(edge)[0], stix_id("opinion", "edge", edge["id"]))
            self.spool.defer_denial(edge)
            return None
        documents, quotes = self._evidence(edge)
        _, source_ref = self.spool.lookup(edge["source"])
        _, target_ref = self.spool.lookup(edge["target"])
        if status == "reported":
            object_id = stix_id("relationship", "edge", edge["id"])
            obj = self.common("relationship", object_id)
            obj.update({"relationship_type": relationship_type(edge["type"]), "source_ref": source_ref,
                        "target_ref": target_ref, "description": quotes})
            if edge.get("first_date") and edge.get("last_date"):
                obj["start_time"] = _day_start(period_bounds(edge["first_date"])[0])
                obj["stop_time"] = _day_end(period_bounds(edge["last_date"])[1])
        else:
            object_id = stix_id("note", "edge", edge["id"])
            asserter, asserter_ref = self.spool.lookup(edge.get("asserted_by"))
            disputed = [self.spool.lookup(item)[0] for item in as_list(edge.get("disputed_by"))]
            content = f"Claimed by {asserter}: {self._statement(edge)}.\n{quotes}"
            if disputed:
                content += "\nDisputed by: " + ", ".join(disputed) + "."
            obj = self.common("note", object_id)
            obj.update({"abstract": f"{asserter} claims that {self._statement(edge)}", "content": content,
                        "authors": [asserter],
                        "object_refs": list(dict.fromkeys(
                            ref for ref in (source_ref, target_ref, asserter_ref) if ref)),
                        "labels": ["claim", relationship_type(edge["type"])]})
        _grade(obj, edge)
        self.spool.edge(edge["id"], object_id)
        self.spool.mention(documents, object_id)
        return obj

    def denial(self, edge: dict[str, Any]) -> dict[str, Any]:
        _, quotes = self._evidence(edge)
        asserter, asserter_ref = self.spool.lookup(edge.get("asserted_by"))
        _, source_ref = self.spool.lookup(edge["source"])
        _, target_ref = self.spool.lookup(edge["target"])
        denied = [ref for ref in (self.spool.edge_ref(item) for item in as_list(edge.get("denies"))) if ref]
        refs = list(dict.fromkeys(ref for ref in (*denied, source_ref, target_ref, asserter_ref) if ref))
        obj = self.common("opinion", stix_id("opinion", "edge", edge["id"]))
        obj.update({"opinion": "strongly-disagree", "authors": [asserter],
                    "explanation": f"{asserter} denies that {self._statement(edge)}.\n{quotes}",
                    "object_refs": refs, "labels": ["denial", relationship_type(edge["type"])]})
        _grade(obj, edge)
        return obj

    def report(self, document: dict[str, Any]) -> dict[str, Any]:
        obj = self.common("report", stix_id("report", "document", document["id"]))
        published = document.get("published") or ""
        authors = as_list(document.get("authors"))
        byline = f" By {', '.join(authors)}." if authors else ""
        obj.update({"name": document.get("title") or document["id"],
                    "description": f"{document.get('publisher') or 'Unknown publisher'}, {published}.{byline}",
                    "report_types": ["threat-report"],
                    "published": _day_start(dt.date.fromisoformat(published[:10])) if published else self.now,
                    "object_refs": self.spool.refs_of(document["id"]) or [_PRODUCER]})
        if document.get("language"):
            obj["lang"] = document["language"]
        reference: dict[str, Any] = {"source_name": document.get("publisher") or "intelgraph",
                                     "external_id": document["id"]}
        if document.get("url"):
            reference["url"] = document["url"]
        if document.get("sha256"):
            reference["hashes"] = {"SHA-256": document["sha256"]}
        obj["external_references"] = [reference]
        return obj


def _bundle_id(source: GraphSource) -> str:
    selection = getattr(source, "selection", None)
    return "bundle--" + str(uuid.uuid5(NAMESPACE, f"bundle:{selection!r}"))


def write_stix(source: GraphSource, *, ontology: Ontology | None = None,
               generated_at: dt.datetime | None = None) -> Iterator[bytes]:
    """Yield the selection as one STIX 2.1 bundle, in UTF-8 JSON chunks, one object at a time.

    Parameters
    ----------
    source : GraphSource
        The selection to write: nodes, then edges, then documents, each read once as a stream.
    ontology : Ontology, optional (default=the project's ontology)
        Which STIX object each kind becomes.
    generated_at : datetime, optional (default=now)
        The ``created`` and ``modified`` time of every object.

    Returns
    -------
    Iterator[bytes]
        ``{"type": "bundle", "id": ..., "objects": [...]}``: the producer identity, the
        entities, relationships and notes, opinions, then reports.
    """
    ontology = ontology or get_ontology()
    writer = _Writer(ontology, generated_at or dt.datetime.now(dt.timezone.utc), _Spool())
    try:
        yield b'{"type":"bundle","id":"' + _bundle_id(source).encode() + b'","objects":[\n'
        yield orjson.dumps(writer.producer())
        for node in source.nodes():
            yield b",\n" + orjson.dumps(writer.entity(node))
        for edge in source.edges():
            obj = writer.edge(edge)
            if obj is not None:
                yield b",\n" + orjson.dumps(obj)
        for edge in writer.spool.denials():
            yield b",\n" + orjson.dumps(writer.denial(edge))
        for document in source.documents():
            yield b",\n" + orjson.dumps(writer.report(document))
        yield b"\n]}\n"
    finally:
        writer.spool.close()


#: STIX 2.1 appendix A: Admiralty information credibility as a confidence value (6 has none).
ADMIRALTY_CONFIDENCE = {1: 90, 2: 70, 3: 50, 4: 30, 5: 10}


def _grade(obj: dict[str, Any], edge: dict[str, Any]) -> None:
    """Put the edge's credibility on ``obj`` as STIX ``confidence``, and its grade where it reads.

    >>> obj = {"type": "relationship", "description": "q"}
    >>> _grade(obj, {"credibility": 2, "grade": "B2", "grade_reason": "B2: reported as fact"})
    >>> obj["confidence"], obj["description"].splitlines()
    (70, ['q', 'Grade B2: reported as fact'])
    """
    confidence = ADMIRALTY_CONFIDENCE.get(edge.get("credibility") or 6)
    if confidence is not None:
        obj["confidence"] = confidence
    reason = (edge.get("grade_reason") or "").split(": ", 1)[-1]
    grade = edge.get("grade") or "F6"
    if obj["type"] == "relationship":
        obj["description"] = f"{obj['description']}\nGrade {grade}: {reason}".strip()
    elif obj["type"] == "note":
        obj["content"] = f"{obj['content']}\nGrade {grade}: {reason}"
    else:
        obj["labels"] = [*obj.get("labels", []), f"grade-{grade.lower()}"]

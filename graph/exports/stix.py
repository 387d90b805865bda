"""STIX 2.1: one bundle that threat-intelligence platforms (OpenCTI, MISP) keep.

What becomes what is data, in ``graph/ontology.yaml`` (``stix:`` on kinds and relations), and is
described with the measurements behind it in ``docs/exports/stix.md``:

- **Entities** become the STIX object their kind names: ``identity`` (with ``identity_class`` and
  ``sectors``), ``threat-actor`` (with ``threat_actor_types`` and ``aliases``), ``campaign`` (an
  Event) or ``location`` (a Place, its name as ``region``). A kind marked ``location: country``
  (State) is an ``identity`` that acts *and* a ``location`` with its ISO 3166-1 alpha-2 code,
  joined by ``located-at``; a state whose code cannot be found has no location.
- **Reported edges** become ``relationship`` objects of the first STIX type the relation's
  ``stix:`` rules give for its two kinds, else ``related-to``. Every relationship keeps the
  relation type in its extension's ``relation`` and in the first line of its ``description``, its
  quotes as ``external_references`` (and in the description), ``start_time``/``stop_time``.
- **Claims** become ``note`` objects and **denials** ``opinion`` objects (``strongly-disagree``),
  never relationships; **documents** become ``report`` objects listing what they support.
- Every relationship, note and opinion carries its information credibility as ``confidence``
  (STIX 2.1 appendix A) and its Admiralty grade (``B2``) in the ``grade`` of intelgraph's
  property extension (:data:`EXTENSION`), beside its ``relation``.
- A TLP 2.0 marking (``STIX_TLP``, default TLP:CLEAR) is on every object, and one ``identity``
  (``intelgraph``, a system) is the ``created_by_ref`` of every object.

Ids are UUIDv5 over a fixed namespace and the entity, edge or document id, and ``created`` and
``modified`` come from the graph (``cypher/export/change_times.cypher``): when the documents an
object rests on were first and last loaded, and when an analyst last regraded an edge. An
unchanged graph therefore exports the same bytes, and a platform takes a re-export as a new
version only of what changed.

The writer produces the JSON itself (with orjson) rather than through the ``stix2`` library:
that library validates each object as it builds it, which costs more than the export; the tests
check every bundle with ``stix2``, the OASIS validator, OpenCTI's relationship rules and MISP's
converter. Reports come last and need, for each document, everything it supports: the writer
keeps that index in a temporary on-disk SQLite database, so memory stays flat.
"""
from __future__ import annotations

import bisect
import datetime as dt
import sqlite3
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import orjson
import pycountry

from graph.dates import period_bounds
from graph.exports.flat import as_list
from graph.exports.source import GraphSource
from graph.ontology import Ontology, get_ontology

__all__ = ["write_stix", "MEDIA_TYPE", "NAMESPACE", "stix_id", "sdo_type", "relationship_of",
           "country_code", "TLP_MARKINGS", "EXTENSION", "CUSTOM_PROPERTIES", "ADMIRALTY_CONFIDENCE"]

MEDIA_TYPE = "application/stix+json;version=2.1"

#: The namespace of every intelgraph STIX id (UUIDv5). Never change it: ids would all change.
NAMESPACE = uuid.UUID("c04e68e5-7300-4b12-a230-a1b0b0a7db4c")
_PRODUCER = "identity--" + str(uuid.uuid5(NAMESPACE, "producer:intelgraph"))
_WIKIDATA = "https://www.wikidata.org/wiki/"
#: created/modified of the producer identity, and of what no document dates (a fixed time, not "now").
_FIXED_TIME = "2024-01-01T00:00:00.000Z"

#: intelgraph's own properties travel in one STIX 2.1 property extension (STIX 2.1 section 7.3;
#: ``x_`` properties are deprecated), defined in the bundle by this extension definition.
EXTENSION = "extension-definition--" + str(uuid.uuid5(NAMESPACE, "extension:intelgraph-provenance"))
#: The extension's properties, and what they hold. Nothing else in the bundle is custom.
CUSTOM_PROPERTIES = {
    "relation": "the intelgraph relation type (ARRESTED), on every relationship, note and opinion",
    "grade": "the Admiralty grade (source reliability A-F, information credibility 1-6), e.g. B2, where graded",
}

#: TLP 2.0 as STIX 2.1 marking definitions: the ids and extension published by the OASIS CTI TC.
_TLP_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"
TLP_MARKINGS = {
    "clear": "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    "green": "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    "amber": "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    "amber+strict": "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    "red": "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
}
#: STIX relationship types whose target is a place: a State is then its location, not its identity.
_LOCATION_TARGETS = frozenset({"located-at", "originates-from", "targets"})


def stix_id(stix_type: str, what: str, key: str) -> str:
    """The deterministic id of the STIX object for an entity, edge or document.

    >>> stix_id("identity", "entity", "fsb")
    'identity--be75c896-ebf3-567b-8b24-1a8d189b035e'
    """
    return f"{stix_type}--{uuid.uuid5(NAMESPACE, f'{what}:{key}')}"


def sdo_type(kind: str, ontology: Ontology | None = None) -> str:
    """The STIX type of the object an entity of ``kind`` becomes (its identity, for a State).

    >>> sdo_type("SecurityService"), sdo_type("Event"), sdo_type("ArmedGroup"), sdo_type("State")
    ('identity', 'campaign', 'threat-actor', 'identity')
    """
    found = (ontology or get_ontology()).kinds.get(kind)
    return found.stix.get("type", "identity") if found else "identity"


def relationship_of(relation: str, subject_kind: str, object_kind: str,
                    ontology: Ontology | None = None) -> tuple[str, bool]:
    """The STIX relationship type an edge becomes, and whether it runs from object to subject.

    The first of the relation's ``stix:`` rules that applies to the two kinds, else ``related-to``.

    >>> relationship_of("BASED_IN", "SecurityService", "Place")
    ('located-at', False)
    >>> relationship_of("CARRIED_OUT", "ArmedGroup", "Event"), relationship_of("CARRIED_OUT", "State", "Event")
    (('attributed-to', True), ('related-to', False))
    """
    found = (ontology or get_ontology()).relations.get(relation)
    for rule in found.stix if found else ():
        if rule.applies(subject_kind, object_kind):
            return rule.type, rule.reverse
    return "related-to", False


@lru_cache(maxsize=1)
def _country_names() -> tuple[list[str], list[str]]:
    """Every country's names (name, official and common name) in lower case, sorted, with their codes."""
    pairs = sorted((value.lower(), str(country.alpha_2)) for country in pycountry.countries
                   for key in ("name", "official_name", "common_name")
                   if (value := getattr(country, key, None)))
    return [name for name, _ in pairs], [code for _, code in pairs]


@lru_cache(maxsize=512)  # a few hundred states at most; bounded, so memory stays flat
def _country_by_name(name: str) -> str | None:
    """The code of the one country called ``name``, or whose name starts with it ("Russia")."""
    names, codes = _country_names()
    wanted = name.lower()
    start = bisect.bisect_left(names, wanted)
    end = bisect.bisect_left(names, wanted + "\uffff")  # every name that starts with ours
    exact = {codes[i] for i in range(start, end) if names[i] == wanted}
    found = exact or {codes[i] for i in range(start, end)}
    return found.pop() if len(found) == 1 else None


def country_code(node: dict[str, Any]) -> str | None:
    """A State's ISO 3166-1 alpha-2 code: its ``iso3166`` external id, else found by name or alias.

    A name finds the one country called so (pycountry's ISO 3166 names), or else the one country
    whose name starts with it; an ambiguous name ("Korea", "Congo") finds none.

    >>> country_code({"name": "Russia", "aliases": ["Moscow"], "external_ids": {"wikidata": "Q159"}})
    'RU'
    >>> country_code({"name": "Kyiv", "aliases": [], "external_ids": {"iso3166": "ua"}})
    'UA'
    >>> country_code({"name": "the West", "aliases": [], "external_ids": {}}) is None
    True
    """
    given = (node.get("external_ids") or {}).get("iso3166")
    if given:
        return str(given).upper()[:2]
    for name in [node["name"], *as_list(node.get("aliases"))]:
        if len(name) > 3:  # not an abbreviation ("US" is also a country code, "UK" is not)
            code = _country_by_name(name)
            if code:
                return code
    return None


def _timestamp(millis: int) -> str:
    moment = dt.datetime.fromtimestamp(millis / 1000, dt.UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _day_start(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00.000Z"


def _day_end(day: dt.date) -> str:
    return f"{day.isoformat()}T23:59:59.999Z"


def _words(relation: str) -> str:
    return relation.lower().replace("_", " ")


@dataclass(frozen=True)
class _Ref:
    """An exported entity as edges need it: its name, kind, STIX id and (a State's) location id."""

    name: str
    kind: str | None
    ref: str | None
    location: str | None = None


class _Spool:
    """What the reports and denials need later, kept on disk: a private temporary SQLite file."""

    def __init__(self) -> None:
        # An empty name is a private on-disk database that SQLite deletes when it is closed. The
        # API may resume the generator on another worker thread: never two at once, so that is safe.
        self.db = sqlite3.connect("", check_same_thread=False)
        self.db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4096;
            CREATE TABLE entity (id TEXT PRIMARY KEY, name TEXT, kind TEXT, ref TEXT, location TEXT);
            CREATE TABLE edge (id TEXT PRIMARY KEY, ref TEXT);
            CREATE TABLE mention (seq INTEGER PRIMARY KEY, document TEXT, ref TEXT);
            CREATE TABLE denial (seq INTEGER PRIMARY KEY, edge BLOB);
        """)
        self._seq = 0

    def close(self) -> None:
        self.db.close()

    def entity(self, entity_id: str, found: _Ref) -> None:
        self.db.execute("INSERT OR REPLACE INTO entity VALUES (?, ?, ?, ?, ?)",
                        (entity_id, found.name, found.kind, found.ref, found.location))

    def lookup(self, entity_id: str | None) -> _Ref:
        """The entity as exported; its id as name and no ref if it is not in the export."""
        if entity_id is None:
            return _Ref("someone", None, None)
        row = self.db.execute("SELECT name, kind, ref, location FROM entity WHERE id = ?", (entity_id,)).fetchone()
        return _Ref(*row) if row else _Ref(entity_id, None, None)

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


class _Times:
    """created/modified from the graph: documents' first and last loads, edges' last regrading."""

    def __init__(self, rows: list[dict[str, Any]]):
        self.documents: dict[str, tuple[int, int]] = {}
        self.overrides: dict[str, int] = {}
        for row in rows:
            if row["first"] is None or row["last"] is None:
                continue  # a document loaded before load times were kept: its publication date stands in
            if row["what"] == "document":
                self.documents[row["id"]] = (int(row["first"]), int(row["last"]))
            else:
                self.overrides[row["id"]] = int(row["last"])

    def of_documents(self, documents: list[str], edge_id: str | None = None) -> tuple[str, str]:
        known = [self.documents[item] for item in documents if item in self.documents]
        firsts = [first for first, _ in known]
        lasts = [last for _, last in known]
        if edge_id in self.overrides:
            lasts.append(self.overrides[edge_id])
        if not firsts:
            return _FIXED_TIME, _timestamp(max(lasts)) if lasts else _FIXED_TIME
        return _timestamp(min(firsts)), _timestamp(max(max(lasts), min(firsts)))


def _read_times(source: GraphSource) -> _Times:
    store = getattr(source, "store", None)
    return _Times(store.read("export/change_times", timeout=store.settings.export_timeout_s) if store else [])


class _Writer:
    def __init__(self, ontology: Ontology, times: _Times, tlp: str, spool: _Spool):
        if tlp not in TLP_MARKINGS:
            raise ValueError(f"tlp: unknown TLP 2.0 level {tlp!r} (expected {', '.join(TLP_MARKINGS)})")
        self.ontology = ontology
        self.times = times
        self.tlp = tlp
        self.marking = TLP_MARKINGS[tlp]
        self.spool = spool

    def common(self, stix_type: str, object_id: str, created: str, modified: str) -> dict[str, Any]:
        return {"type": stix_type, "spec_version": "2.1", "id": object_id, "created_by_ref": _PRODUCER,
                "created": created, "modified": modified, "object_marking_refs": [self.marking]}

    def marking_definition(self) -> dict[str, Any]:
        """The TLP 2.0 marking definition as the OASIS CTI TC publishes it."""
        return {"type": "marking-definition", "spec_version": "2.1", "id": self.marking,
                "created": "2022-10-01T00:00:00.000Z", "name": f"TLP:{self.tlp.upper()}",
                "extensions": {_TLP_EXTENSION: {"extension_type": "property-extension", "tlp_2_0": self.tlp}}}

    def extension_definition(self) -> dict[str, Any]:
        return {"type": "extension-definition", "spec_version": "2.1", "id": EXTENSION,
                "created_by_ref": _PRODUCER, "created": _FIXED_TIME, "modified": _FIXED_TIME,
                "name": "intelgraph provenance",
                "description": "What intelgraph knows of a relationship, note or opinion beyond STIX 2.1.",
                "schema": "Properties: " + "; ".join(f"{name}: {what}" for name, what in CUSTOM_PROPERTIES.items())
                          + ". See docs/exports/stix.md in intelgraph.",
                "version": "1.0.0", "extension_types": ["property-extension"],
                "object_marking_refs": [self.marking]}

    def producer(self) -> dict[str, Any]:
        return {"type": "identity", "spec_version": "2.1", "id": _PRODUCER, "created": _FIXED_TIME,
                "modified": _FIXED_TIME, "name": "intelgraph", "identity_class": "system",
                "description": "A knowledge graph of security services, governments, armed groups and people, "
                               "built from news reporting.",
                "object_marking_refs": [self.marking]}

    def entity(self, node: dict[str, Any]) -> list[dict[str, Any]]:
        """The entity's objects: one, or for a State its identity, location and ``located-at``."""
        kind = self.ontology.kinds.get(node["kind"])
        mapping = kind.stix if kind else {"type": "identity"}
        stix_type = mapping.get("type", "identity")
        object_id = stix_id(stix_type, "entity", node["id"])
        aliases = as_list(node.get("aliases"))
        external_ids = node.get("external_ids") or {}
        documents = as_list(node.get("documents"))
        created, modified = self.times.of_documents(documents)
        obj = self.common(stix_type, object_id, created, modified)
        obj["name"] = node["name"]
        description = [f"{node['kind']}" + (f": {kind.description}" if kind else "")]
        if stix_type in ("threat-actor", "campaign", "intrusion-set"):
            if aliases:
                obj["aliases"] = aliases
        elif aliases:
            description.append("Also known as: " + "; ".join(aliases) + ".")
        if stix_type == "identity":
            obj["identity_class"] = mapping.get("identity_class", "unknown")
            if mapping.get("sector"):
                obj["sectors"] = [mapping["sector"]]
        elif stix_type == "location":
            obj["region"] = node["name"]
        elif stix_type == "threat-actor":
            obj["threat_actor_types"] = [mapping.get("threat_actor_type", "unknown")]
        obj["description"] = " ".join(description)
        obj["labels"] = [node["kind"].lower()]
        references = []
        for registry, value in sorted(external_ids.items()):
            reference = {"source_name": registry, "external_id": str(value)}
            if registry == "wikidata":
                reference["url"] = _WIKIDATA + str(value)
            references.append(reference)
        if references:
            obj["external_references"] = references
        out = [obj]
        location_id = None
        code = country_code(node) if mapping.get("location") == "country" else None
        if code:
            location_id = stix_id("location", "entity", node["id"])
            location = self.common("location", location_id, created, modified)
            location.update({"name": node["name"], "country": code, "labels": [node["kind"].lower()]})
            if references:
                location["external_references"] = references
            link = self.common("relationship", stix_id("relationship", "located-at", node["id"]), created, modified)
            link.update({"relationship_type": "located-at", "source_ref": object_id, "target_ref": location_id,
                         "description": f"{node['name']}, the state, is the country {code}."})
            out += [location, link]
        self.spool.entity(node["id"], _Ref(node["name"], node["kind"], object_id, location_id))
        for item in out:
            self.spool.mention(documents, item["id"])
        return out

    def _evidence(self, edge: dict[str, Any]) -> tuple[list[str], str, list[dict[str, Any]]]:
        evidence = edge.get("evidence") or []
        documents = list(dict.fromkeys(item["document"] for item in evidence))
        quotes = "\n".join(f"“{item['quote']}” ({item['document']})" for item in evidence)
        references = [{"source_name": item.get("publisher") or item["document"], "external_id": item["document"],
                       "description": f"“{item['quote']}”"} for item in evidence]
        return documents, quotes, references

    @staticmethod
    def _statement(edge: dict[str, Any], subject: _Ref, target: _Ref) -> str:
        return f"{subject.name} {_words(edge['type'])} {target.name}"

    def _relationship(self, edge: dict[str, Any], subject: _Ref, target: _Ref) -> dict[str, Any]:
        stix_type, reverse = relationship_of(edge["type"], subject.kind or "", target.kind or "", self.ontology)
        start, end = (target, subject) if reverse else (subject, target)
        end_ref = end.location if stix_type in _LOCATION_TARGETS and end.location else end.ref
        if stix_type == "located-at" and not (end_ref or "").startswith("location--"):
            # A State whose country code is unknown has no location to be at.
            return {"relationship_type": "related-to", "source_ref": subject.ref, "target_ref": target.ref}
        return {"relationship_type": stix_type, "source_ref": start.ref, "target_ref": end_ref}

    def edge(self, edge: dict[str, Any]) -> dict[str, Any] | None:
        """The edge's object; ``None`` for a denial, which is written after every edge."""
        status = edge["status"]
        if status == "denied":
            self.spool.edge(edge["id"], stix_id("opinion", "edge", edge["id"]))
            self.spool.mention(self._evidence(edge)[0], stix_id("opinion", "edge", edge["id"]))
            self.spool.defer_denial(edge)
            return None
        documents, quotes, references = self._evidence(edge)
        created, modified = self.times.of_documents(documents, edge["id"])
        subject = self.spool.lookup(edge["source"])
        target = self.spool.lookup(edge["target"])
        if status == "reported":
            object_id = stix_id("relationship", "edge", edge["id"])
            obj = self.common("relationship", object_id, created, modified)
            obj.update(self._relationship(edge, subject, target))
            statement = self._statement(edge, subject, target)
            obj["description"] = f"{statement} (intelgraph relation {edge['type']}).\n{quotes}"
            if edge.get("first_date") and edge.get("last_date"):
                obj["start_time"] = _day_start(period_bounds(edge["first_date"])[0])
                obj["stop_time"] = _day_end(period_bounds(edge["last_date"])[1])
        else:
            object_id = stix_id("note", "edge", edge["id"])
            asserter = self.spool.lookup(edge.get("asserted_by"))
            disputed = [self.spool.lookup(item).name for item in as_list(edge.get("disputed_by"))]
            statement = self._statement(edge, subject, target)
            content = f"Claimed by {asserter.name}: {statement}.\n{quotes}"
            if disputed:
                content += "\nDisputed by: " + ", ".join(disputed) + "."
            obj = self.common("note", object_id, created, modified)
            obj.update({"abstract": f"{asserter.name} claims that {statement}", "content": content,
                        "authors": [asserter.name],
                        "object_refs": list(dict.fromkeys(
                            ref for ref in (subject.ref, target.ref, asserter.ref) if ref)),
                        "labels": ["claim", _words(edge["type"]).replace(" ", "-")]})
        _extend(obj, relation=edge["type"])
        if references:
            obj["external_references"] = references
        _grade(obj, edge)
        self.spool.edge(edge["id"], object_id)
        self.spool.mention(documents, object_id)
        return obj

    def denial(self, edge: dict[str, Any]) -> dict[str, Any]:
        documents, quotes, references = self._evidence(edge)
        created, modified = self.times.of_documents(documents, edge["id"])
        asserter = self.spool.lookup(edge.get("asserted_by"))
        subject, target = self.spool.lookup(edge["source"]), self.spool.lookup(edge["target"])
        source_ref, target_ref = subject.ref, target.ref
        denied = [ref for ref in (self.spool.edge_ref(item) for item in as_list(edge.get("denies"))) if ref]
        refs = list(dict.fromkeys(ref for ref in (*denied, source_ref, target_ref, asserter.ref) if ref))
        obj = self.common("opinion", stix_id("opinion", "edge", edge["id"]), created, modified)
        obj.update({"opinion": "strongly-disagree", "authors": [asserter.name],
                    "explanation": f"{asserter.name} denies that {self._statement(edge, subject, target)}.\n{quotes}",
                    "object_refs": refs, "labels": ["denial", _words(edge["type"]).replace(" ", "-")]})
        _extend(obj, relation=edge["type"])
        if references:
            obj["external_references"] = references
        _grade(obj, edge)
        return obj

    def report(self, document: dict[str, Any]) -> dict[str, Any]:
        published = document.get("published") or ""
        created, modified = self.times.of_documents([document["id"]])
        if created == _FIXED_TIME and published:
            created = modified = _day_start(dt.date.fromisoformat(published[:10]))
        obj = self.common("report", stix_id("report", "document", document["id"]), created, modified)
        authors = as_list(document.get("authors"))
        byline = f" By {', '.join(authors)}." if authors else ""
        obj.update({"name": document.get("title") or document["id"],
                    "description": f"{document.get('publisher') or 'Unknown publisher'}, {published}.{byline}",
                    "report_types": ["threat-report"],
                    "published": _day_start(dt.date.fromisoformat(published[:10])) if published else created,
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


def write_stix(source: GraphSource, *, ontology: Ontology | None = None, tlp: str | None = None) -> Iterator[bytes]:
    """Yield the selection as one STIX 2.1 bundle, in UTF-8 JSON chunks, one object at a time.

    Parameters
    ----------
    source : GraphSource
        The selection to write: nodes, then edges, then documents, each read once as a stream.
    ontology : Ontology, optional (default=the project's ontology)
        Which STIX object each kind and relation becomes.
    tlp : str, optional (default=the ``STIX_TLP`` setting, else ``"clear"``)
        The TLP 2.0 level marked on every object: clear, green, amber, amber+strict or red.

    Returns
    -------
    Iterator[bytes]
        ``{"type": "bundle", "id": ..., "objects": [...]}``: the TLP marking, the producer
        identity, the entities, relationships and notes, opinions, then reports.

    Raises
    ------
    ValueError
        For an unknown ``tlp``, before anything is written.
    """
    ontology = ontology or get_ontology()
    store = getattr(source, "store", None)
    level = tlp or (store.settings.stix_tlp if store is not None else "clear")
    spool = _Spool()
    try:
        writer = _Writer(ontology, _read_times(source), level, spool)
    except BaseException:
        spool.close()
        raise
    return _write(source, writer)


def _write(source: GraphSource, writer: _Writer) -> Iterator[bytes]:
    try:
        yield b'{"type":"bundle","id":"' + _bundle_id(source).encode() + b'","objects":[\n'
        yield orjson.dumps(writer.marking_definition())
        yield b",\n" + orjson.dumps(writer.producer())
        yield b",\n" + orjson.dumps(writer.extension_definition())
        for node in source.nodes():
            for obj in writer.entity(node):
                yield b",\n" + orjson.dumps(obj)
        for edge in source.edges():
            found = writer.edge(edge)
            if found is not None:
                yield b",\n" + orjson.dumps(found)
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
    >>> obj["confidence"], obj["extensions"][EXTENSION]["grade"], obj["description"].splitlines()
    (70, 'B2', ['q', 'Grade B2: reported as fact'])
    """
    confidence = ADMIRALTY_CONFIDENCE.get(edge.get("credibility") or 6)
    if confidence is not None:
        obj["confidence"] = confidence
    reason = (edge.get("grade_reason") or "").split(": ", 1)[-1]
    grade = edge.get("grade") or "F6"
    _extend(obj, grade=grade)
    if obj["type"] == "relationship":
        obj["description"] = f"{obj['description']}\nGrade {grade}: {reason}".strip()
    elif obj["type"] == "note":
        obj["content"] = f"{obj['content']}\nGrade {grade}: {reason}"
    else:
        obj["labels"] = [*obj.get("labels", []), f"grade-{grade.lower()}"]


def _extend(obj: dict[str, Any], **properties: str) -> None:
    """Put intelgraph's own properties on ``obj``, in its property extension.

    >>> obj: dict = {}
    >>> _extend(obj, relation="ACCUSED"); _extend(obj, grade="B2")
    >>> obj["extensions"][EXTENSION]
    {'extension_type': 'property-extension', 'relation': 'ACCUSED', 'grade': 'B2'}
    """
    unknown = set(properties) - set(CUSTOM_PROPERTIES)
    if unknown:
        raise ValueError(f"not a documented extension property: {', '.join(sorted(unknown))}")
    extension = obj.setdefault("extensions", {}).setdefault(EXTENSION, {"extension_type": "property-extension"})
    extension.update(properties)

"""The real consumers of a STIX bundle, as the tests run them: the OASIS validator, OpenCTI's
relationship rules (``opencti.py``) and MISP's own converter (``misp-stix``). Each returns plain
counts, which the tests check and ``docs/exports/stix.md`` reports."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import orjson
import stix2
from misp_stix_converter import ExternalSTIX2toMISPParser
from stix2validator import ValidationOptions, validate_string

from tests.graph.exports.opencti import opencti_allows, opencti_type

#: STIX objects an entity becomes (the producer identity is not an entity).
ENTITY_TYPES = {"identity", "location", "threat-actor", "campaign", "intrusion-set", "incident"}

#: Validator warnings the bundle keeps, each for a documented reason (docs/exports/stix.md):
#: 103 ids are UUIDv5, deterministic on purpose (the spec suggests v4); 302 a Wikidata link has
#: no hash; 111 and 223 a Place's name is its `region`, which is not in region-ov.
ACCEPTED_WARNINGS = {"103", "302", "111", "223"}


def validator_findings(data: bytes) -> tuple[list[str], Counter[str]]:
    """The OASIS validator's errors, and its warnings counted by code (``202``: relationship type)."""
    results = validate_string(data.decode(), ValidationOptions(version="2.1"))
    warnings = Counter(match.group(1) for text in results.warnings
                       if (match := re.search(r"\{(\d+)\}", str(text))))
    return [str(error) for error in results.errors], warnings


def opencti_refusals(bundle: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Every relationship OpenCTI would refuse, as (from type, relationship type, to type)."""
    objects = {obj["id"]: obj for obj in bundle["objects"]}
    refused = []
    for obj in bundle["objects"]:
        if obj["type"] != "relationship":
            continue
        source, target = objects[obj["source_ref"]], objects[obj["target_ref"]]
        if not opencti_allows(source, obj["relationship_type"], target):
            refused.append((opencti_type(source), obj["relationship_type"], opencti_type(target)))
    return refused


@dataclass
class MispResult:
    errors: list[str]
    objects: int                 # MISP objects (identities become organization or identity objects)
    event_clusters: int          # galaxy clusters on the event itself
    kept_entities: int           # entities kept as a MISP object or a galaxy cluster anywhere in the event
    entities: int
    references: int              # relationships kept as references between MISP objects
    relationships: int
    lost_entities: list[str] = field(default_factory=list)


def misp_import(data: bytes) -> MispResult:
    """Load the bundle with misp-stix as MISP does for an external STIX 2.1 file."""
    bundle = orjson.loads(data)
    parser = ExternalSTIX2toMISPParser()
    parser.load_stix_bundle(stix2.parse(data.decode(), allow_custom=False))
    parser.parse_stix_bundle()
    event = parser.misp_event
    errors = [error for found in parser.errors.values() for error in found]
    uuids = {str(obj.uuid) for obj in event.objects}
    clusters = [cluster for galaxy in event.galaxies for cluster in galaxy.clusters]
    attached = [cluster for obj in event.objects for attribute in obj.attributes
                for galaxy in attribute.galaxies for cluster in galaxy.clusters]
    names = {cluster.value for cluster in [*clusters, *attached]}
    # An entity is one STIX object, or two (a State: identity and location) with the same UUID.
    # MISP keeps an object's UUID; a galaxy cluster gets one of its own, so it is found by name.
    entities: dict[str, bool] = {}
    labels: dict[str, str] = {}
    for obj in bundle["objects"]:
        if obj["type"] in ENTITY_TYPES and obj.get("identity_class") != "system":
            key = obj["id"].split("--")[1]
            kept = key in uuids or obj["name"] in names
            entities[key] = entities.get(key, False) or kept
            labels[key] = obj["name"]
    return MispResult(errors=errors, objects=len(event.objects), event_clusters=len(clusters),
                      kept_entities=sum(entities.values()), entities=len(entities),
                      references=sum(len(obj.references) for obj in event.objects),
                      relationships=sum(obj["type"] == "relationship" for obj in bundle["objects"]),
                      lost_entities=sorted(labels[key] for key, kept in entities.items() if not kept))

"""OpenCTI's relationship rules as the tests apply them (the rules themselves are data, in
``fixtures/opencti_relationships.yaml``, with the OpenCTI commit they come from).

OpenCTI imports a STIX ``identity`` as an Individual (``identity_class: individual``), a System
(``system``), a Sector (``class``) or else an Organization; a ``location`` as a City, a Country or
a Region by the first of ``city``, ``country``, ``region`` it carries (or its
``x_opencti_location_type``); a ``threat-actor`` as a Threat-Actor-Group unless it says it is an
individual; an ``incident`` as an Incident; an ``intrusion-set`` as an Intrusion-Set.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

RULES = Path(__file__).parent / "fixtures" / "opencti_relationships.yaml"


@cache
def _rules() -> dict[str, Any]:
    return yaml.safe_load(RULES.read_text())


def opencti_type(obj: dict[str, Any]) -> str:
    """The OpenCTI entity type a STIX object is imported as."""
    if obj["type"] == "identity":
        return {"individual": "Individual", "system": "System", "class": "Sector"}.get(
            obj.get("identity_class", ""), "Organization")
    if obj["type"] == "location":
        if obj.get("x_opencti_location_type"):
            return str(obj["x_opencti_location_type"])
        return next((name for key, name in (("city", "City"), ("country", "Country"), ("region", "Region"))
                     if key in obj), "Position")
    if obj["type"] == "threat-actor":
        return "Threat-Actor-Individual" if obj.get("resource_level") == "individual" else "Threat-Actor-Group"
    return "-".join(part.capitalize() for part in obj["type"].split("-"))


def opencti_allows(source: dict[str, Any], relationship_type: str, target: dict[str, Any]) -> bool:
    """Whether OpenCTI accepts a relationship of this type from ``source`` to ``target``."""
    rules = _rules()
    if relationship_type in rules["any_pair"]:
        return True
    allowed = rules["allowed"].get(opencti_type(source), {}).get(opencti_type(target), [])
    return relationship_type in allowed

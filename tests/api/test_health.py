"""/health, /ready and the OpenAPI document (an outage of Neo4j and the recovery from it:
tests/security/test_faults.py, under 20 clients)."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.neo4j


def test_health_and_ready(client):
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/ready").json()
    assert ready["status"] == "ready" and ready["entities"] > 60 and ready["graph_version"] >= 1


def test_every_endpoint_has_an_example_in_the_openapi_document(client):
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            ok = operation["responses"].get("200", {}).get("content", {}).get("application/json", {}).get("schema", {})
            ref = ok.get("$ref", "").rsplit("/", 1)[-1]
            has_example = bool(schemas.get(ref, {}).get("examples")) or "example" in ok or "examples" in ok
            parameters = operation.get("parameters", [])
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {})
            body_ref = body.get("$ref", "").rsplit("/", 1)[-1]
            assert has_example or ref == "", f"{method.upper()} {path}: no example for its answer"
            assert all("example" in p or "examples" in p or "examples" in p.get("schema", {})
                       or p["schema"].get("default") is not None or not p.get("required") for p in parameters), \
                f"{method.upper()} {path}: a required parameter has no example"
            if body_ref:
                assert schemas[body_ref].get("examples"), f"{method.upper()} {path}: no request example"

"""/health, /ready, the OpenAPI document, and recovery when Neo4j goes away and comes back."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from graph import localserver

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


def test_503_while_neo4j_is_down_then_recovers_without_restarting_the_api(loaded, neo4j_server):
    # The driver's retries are cut short (NEO4J_RETRY_S): they only delay the 503, three seconds a
    # request (tests/security/test_faults.py times them under load).
    with TestClient(create_app(neo4j_server.model_copy(update={"neo4j_retry_s": 0.3}))) as client:
        assert client.get("/ready").status_code == 200
        localserver.stop(neo4j_server)
        try:
            for url in ("/ready", "/paths?from=cia&to=iskp", "/entities?q=fsb"):
                response = client.get(url)
                assert response.status_code == 503, (url, response.text)
                assert response.headers["Retry-After"].isdigit()
            assert client.get("/health").status_code == 200
        finally:
            localserver.start(neo4j_server)
        assert client.get("/ready").status_code == 200
        assert client.get("/paths", params={"from": "cia", "to": "iskp"}).status_code == 200

"""API keys, open or closed reads, the /cypher rate limit, CORS, body limits and loopback-only local mode."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.api.conftest import keyed_client

pytestmark = pytest.mark.neo4j

KEY = "test-key-0123456789"


@pytest.fixture(scope="module")
def keyed(loaded, neo4j_server):
    with keyed_client(neo4j_server, KEY, open_reads=True, cypher_rate_per_minute=5,
                      cors_origins=["https://analysts.example"]) as client:
        yield client


@pytest.fixture(scope="module")
def closed(loaded, neo4j_server):
    with keyed_client(neo4j_server, KEY, open_reads=False) as client:
        yield client


QUERY = {"query": "MATCH (e:Entity) RETURN count(e) AS n"}


def test_cypher_queries_and_exports_need_a_key(keyed):
    assert keyed.post("/cypher", json=QUERY).status_code == 401
    assert keyed.post("/cypher", json=QUERY, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert keyed.post("/cypher", json=QUERY, headers={"Authorization": f"Bearer {KEY}"}).status_code == 200
    assert keyed.post("/cypher", json=QUERY, headers={"X-API-Key": KEY}).status_code == 200
    assert keyed.get("/queries").status_code == 401
    assert keyed.get("/queries", headers={"X-API-Key": KEY}).status_code == 200
    assert keyed.get("/export", params={"format": "json"}).status_code == 401
    assert keyed.get("/export", params={"format": "json"}, headers={"X-API-Key": KEY}).status_code == 200


def test_open_reads_answer_without_a_key(keyed):
    assert keyed.get("/entities", params={"q": "fsb"}).status_code == 200
    assert keyed.get("/paths", params={"from": "cia", "to": "iskp"}).status_code == 200


def test_closed_reads_need_a_key_but_health_does_not(closed):
    assert closed.get("/entities", params={"q": "fsb"}).status_code == 401
    assert closed.get("/entities", params={"q": "fsb"}, headers={"X-API-Key": KEY}).status_code == 200
    assert closed.get("/health").status_code == 200


def test_cypher_is_rate_limited_per_key(keyed):
    headers = {"X-API-Key": KEY}
    codes = [keyed.post("/cypher", json=QUERY, headers=headers).status_code for _ in range(8)]
    assert 429 in codes
    limited = keyed.post("/cypher", json=QUERY, headers=headers)
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) >= 1


def test_two_limiters_on_one_state_file_share_the_limit(tmp_path: Path):
    """Two worker processes of one API: what one spends, the other cannot."""
    from api.security import RateLimiter

    first, second = (RateLimiter(3, tmp_path / "rate.sqlite") for _ in range(2))
    spent = [first.allow("k", now=0.0), second.allow("k", now=0.0), first.allow("k", now=0.0)]
    assert spent == [True, True, True]
    assert second.allow("k", now=0.0) is False and first.allow("k", now=0.0) is False
    assert second.allow("other", now=0.0) is True  # per caller
    assert first.allow("k", now=20.0) is True  # a token back after a minute / rate


def test_serve_with_two_workers_keeps_one_rate_limit(loaded, tmp_path: Path):
    """``intelgraph serve --workers 2``: a key gets CYPHER_RATE_PER_MINUTE from the API, not from
    each worker (each request on its own connection, so both workers answer)."""
    import os
    import time

    import httpx

    from tests.conftest import ROOT, free_port

    port = free_port()
    env = {**os.environ, "CYPHER_RATE_PER_MINUTE": "4"}
    env.pop("CYPHER_RATE_STATE", None)
    log = (tmp_path / "serve.log").open("wb")
    server = subprocess.Popen([str(ROOT / ".venv" / "bin" / "intelgraph"), "serve", "--port", str(port),
                               "--workers", "2"], env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline and server.poll() is None, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        codes = [httpx.post(f"http://127.0.0.1:{port}/cypher", json=QUERY, timeout=30).status_code
                 for _ in range(10)]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert codes.count(200) == 4 and codes.count(429) == 6, codes


def test_cors_allows_only_the_configured_origin(keyed):
    allowed = keyed.options("/entities", headers={"Origin": "https://analysts.example",
                                                  "Access-Control-Request-Method": "GET"})
    assert allowed.headers.get("access-control-allow-origin") == "https://analysts.example"
    other = keyed.options("/entities", headers={"Origin": "https://evil.example",
                                                "Access-Control-Request-Method": "GET"})
    assert other.headers.get("access-control-allow-origin") is None


def test_oversized_and_deep_bodies_are_refused_quickly(client):
    big = {"query": "RETURN 1", "parameters": {"blob": "x" * 2_000_000}}
    assert client.post("/cypher", json=big).status_code == 413
    deep = "[" * 50_000 + "]" * 50_000
    response = client.post("/cypher", content=b'{"query": "RETURN 1", "parameters": {"a": ' + deep.encode() + b"}}",
                           headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize("params", [{"max_hops": 10**9}, {"k": 10**6, "mode": "k_shortest"}, {"from": "x" * 60_000}])
def test_absurd_parameters_answer_4xx(client, params):
    response = client.get("/paths", params={"from": "cia", "to": "iskp", **params})
    assert 400 <= response.status_code < 500


def test_serve_refuses_a_public_address_without_keys(tmp_path: Path):
    result = subprocess.run([str(Path(sys.executable).with_name("intelgraph")), "serve", "--host", "0.0.0.0"],
                            capture_output=True, text=True, timeout=60, env={"PATH": "/usr/bin:/bin",
                                                                             "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert "INTELGRAPH_API_KEYS" in result.stderr

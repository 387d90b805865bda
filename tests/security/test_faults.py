"""Faults under load cost a retry, never a wrong answer: Neo4j restarted under 20 clients, and a soak.

(A crash in the middle of a load is tests/security/test_crash.py: no timing there, so it runs in
the parallel part.)

All traffic stays on loopback; every run is bounded in requests and time.
"""
from __future__ import annotations

import os
import statistics
import threading
import time

import httpx
import pytest

from graph import localserver
from graph.store import CONNECTION_TIMEOUT_S
from tests.conftest import running_api

# alone: these time a server under 20 to 50 clients; `make test` runs them after the parallel
# part, with nothing else on the cores (a test beside them took the soak to 38 of 93 answers late).
pytestmark = [pytest.mark.neo4j, pytest.mark.alone]

SOAK_SECONDS = float(os.environ.get("INTELGRAPH_SOAK_SECONDS", "10"))  # 60 by hand; see docs/security.md


def _hammer(base: str, stop: threading.Event, results: list, urls: list[str], timeout: float, index: int) -> None:
    with httpx.Client(base_url=base, timeout=timeout) as client:
        n = 0
        while not stop.is_set():
            url = urls[(index + n) % len(urls)]
            n += 1
            started = time.monotonic()
            try:
                status = client.get(url).status_code if not url.startswith("POST ") else client.post(
                    "/cypher", json={"query": url[5:]}).status_code
            except httpx.TimeoutException:
                status = "timeout"
            except httpx.TransportError as exc:
                status = f"transport:{type(exc).__name__}"
            results.append((started, time.monotonic() - started, status))


def _run_clients(base: str, clients: int, urls: list[str], seconds: float, timeout: float,
                 during=None) -> list[tuple[float, float, object]]:
    stop = threading.Event()
    results: list[tuple[float, float, object]] = []
    threads = [threading.Thread(target=_hammer, args=(base, stop, results, urls, timeout, i)) for i in range(clients)]
    for thread in threads:
        thread.start()
    try:
        if during is not None:
            during()
        else:
            time.sleep(seconds)
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=timeout + 10)
    return results


def test_restart_under_20_clients_fails_fast_then_recovers(loaded, neo4j_server):
    urls = ["/paths?from=cia&to=iskp", "/entities?q=fsb", "/ready"]
    timeout = 30.0
    gap: dict[str, float] = {}
    with running_api() as base:

        def restart() -> None:  # (each pause long enough for 20 clients to send many requests)
            time.sleep(1)
            gap["down"] = time.monotonic()
            localserver.stop(neo4j_server)
            time.sleep(2)
            localserver.start(neo4j_server)
            gap["up"] = time.monotonic()
            with httpx.Client(base_url=base, timeout=timeout) as probe:  # the API, not restarted, answers again
                while probe.get("/ready").status_code != 200 and time.monotonic() < gap["up"] + 30:
                    time.sleep(0.2)
            gap["recovered"] = time.monotonic()
            time.sleep(2)

        results = _run_clients(base, 20, urls, 0, timeout, during=restart)
    statuses = {status for _, _, status in results}
    t0 = min(started for started, _, _ in results)
    timeline = sorted((round(started - t0, 1), round(took, 2), status) for started, took, status in results
                      if status != 200 or took > 2)
    # 503 while Neo4j is away; 504 for a read whose own time-out ran out while the database was
    # coming back. Never a 500, never a request left hanging past its time-out.
    assert "timeout" not in statuses and statuses <= {200, 503, 504}, (statuses, timeline[:60])
    during = [(took, status) for started, took, status in results if gap["down"] + 0.5 < started < gap["up"] - 0.5]
    # Neo4j keeps answering for a while as it shuts down, and again before start() returns:
    # the outage is the part of the gap where requests get 503.
    assert during and any(status == 503 for _, status in during)
    # Failing fast: the driver retries for NEO4J_RETRY_S, and its last attempt may wait one
    # connection time-out on a server that accepts connections but does not answer yet (shutting
    # down, starting); so a 503 takes at most about their sum, far below the clients' 30 s
    # time-out. One second more is the driver's back-off between attempts (1 s ± 20 %).
    refusals = sorted(took for took, status in during if status == 503)
    bound = neo4j_server.neo4j_retry_s + CONNECTION_TIMEOUT_S + 1.2
    assert statistics.median(refusals) < bound, (bound, refusals)
    tail = [status for started, _, status in results if started > gap["recovered"]]
    assert tail and all(status == 200 for status in tail), tail
    print(f"restart: {len(results)} requests, {sum(1 for *_, s in results if s == 503)} answered 503 during a "
          f"{gap['up'] - gap['down']:.1f} s gap, slowest {max(t for _, t, _ in results):.2f} s")


def _warm_up(base: str, urls: list[str]) -> None:
    """Each URL once, in turn, and each must answer 200.

    A soak measures a server in its steady state. On a Neo4j just started, the first call of
    each query plans it and warms the JVM (about 1 s each, alone); 50 clients doing that at
    once on two cores took 10 to 12 s for the slowest, past the 10 s read time-out.
    """
    with httpx.Client(base_url=base, timeout=60.0) as client:
        for url in urls:
            response = client.get(url) if not url.startswith("POST ") else client.post(
                "/cypher", json={"query": url[5:]})
            assert response.status_code == 200, (url, response.status_code, response.text[:200])


def test_soak_50_clients_mixed_endpoints_no_5xx(loaded):
    urls = ["/paths?from=cia&to=iskp", "/paths?from=ana-vey&to=red-cell&mode=k_shortest&k=3",
            "/entities?q=moscow", "/entities/fsb", "/subgraph?center=russia&hops=1",
            "/centrality?measure=pagerank&limit=5", "/ready", "POST MATCH (e:Entity) RETURN count(e)"]
    with running_api({"CYPHER_RATE_PER_MINUTE": "1000000"}, workers=2) as base:
        _warm_up(base, urls * 2)  # two API workers: the second pass likely reaches the other one
        results = _run_clients(base, 50, urls, SOAK_SECONDS, 30.0)
    statuses = [status for _, _, status in results]
    latencies = sorted(took for _, took, _ in results)
    errors = [s for s in statuses if s != 200]
    p50, p99 = statistics.median(latencies), latencies[int(len(latencies) * 0.99)]
    print(f"soak: {len(results)} requests in {SOAK_SECONDS:.0f} s from 50 clients, {len(errors)} errors, "
          f"p50 {p50 * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms")
    assert not [s for s in statuses if not isinstance(s, int) or (s >= 500 and s != 504)], set(statuses)
    # Not one server fault. A 504 is a query that ran past its own time-out on a machine too busy
    # (2 cores shared by Neo4j, the API and 50 client threads): allowed, but rare.
    assert set(errors) <= {504} and len(errors) <= len(results) / 100, set(errors)


def test_a_one_megabyte_name_is_refused_quickly_by_the_real_server(loaded):
    """A 1 MB request line never reaches the app: uvicorn answers 4xx (or closes) at once."""
    import socket

    with running_api() as base:
        host, port = base.removeprefix("http://").split(":")
        started = time.monotonic()
        with socket.create_connection((host, int(port)), timeout=10) as sock:
            request = b"GET /paths?to=cia&from=" + b"x" * 1_000_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            try:
                sock.sendall(request)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server stopped reading: refused before the line was complete
            try:
                answer = sock.recv(200)
            except ConnectionResetError:
                answer = b""
        elapsed = time.monotonic() - started
    assert elapsed < 5
    assert answer == b"" or answer.split(b" ")[1].startswith(b"4"), answer

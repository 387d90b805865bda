"""``/paths`` figures: the API under 1, 10 and 50 concurrent clients, and the raw query.

Pairs are random *connected* pairs: the end of a random walk of 2 to 4 steps over the edges
the default filter allows (read with the analytics projection statement), so a path of at most
``max_hops`` exists. The raw figure runs the registry statement the API runs
(``paths/shortest``) through the store's driver, for the same pairs and the same parameters;
the API figure is ``GET /paths?from=..&to=..`` over loopback HTTP with keep-alive, from aiohttp's
client: httpx's asyncio client, used at first, spent a core of its own at 200 requests/s (19 s of
CPU for 4,000 requests at 50 clients, against 0.9 s for aiohttp), so the figure measured the load
generator more than the API.

Every run is bounded: at most ``requests`` requests and ``budget_s`` seconds per client count.
"""
from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import aiohttp
import numpy as np

from graph.filters import EdgeFilter
from graph.services.projection import read_projection
from graph.store import Store

__all__ = ["Latencies", "connected_pairs", "raw_latencies", "api_latencies", "PATH_PARAMS"]

#: What GET /paths uses when given only from and to.
PATH_PARAMS = {"max_hops": 6, "directed": False}


@dataclass
class Latencies:
    """Seconds per request, and how the run went."""

    seconds: list[float]
    wall_s: float
    errors: int = 0
    client_cpu_s: float = 0.0  # the load generator's own CPU time: it must not be the bottleneck
    server_cpu_s: float = 0.0  # the API server's CPU time over the run (nothing for the raw query)

    def p(self, q: float) -> float:
        """The q-th percentile, in milliseconds."""
        return float(np.percentile(self.seconds, q) * 1000) if self.seconds else float("nan")

    @property
    def mean_ms(self) -> float:
        return float(np.mean(self.seconds) * 1000) if self.seconds else float("nan")

    @classmethod
    def pooled(cls, runs: list[Latencies]) -> Latencies:
        """Several runs as one: their requests together, their times added.

        >>> Latencies.pooled([Latencies([0.001], 1.0, 0, 0.1), Latencies([0.003], 2.0, 1, 0.2)]).p(50)
        2.0
        """
        return cls([s for run in runs for s in run.seconds], sum(run.wall_s for run in runs),
                   sum(run.errors for run in runs), sum(run.client_cpu_s for run in runs),
                   sum(run.server_cpu_s for run in runs))

    @property
    def throughput(self) -> float:
        return len(self.seconds) / self.wall_s if self.wall_s else float("nan")

    def cpu_ms_per_request(self, seconds: float) -> float:
        """``seconds`` of CPU spread over the requests answered, in milliseconds.

        >>> Latencies([0.001] * 4, 1.0).cpu_ms_per_request(0.008)
        2.0
        """
        return seconds / len(self.seconds) * 1000 if self.seconds else float("nan")


def connected_pairs(store: Store, *, count: int, seed: int) -> list[tuple[str, str]]:
    """``count`` pairs of distinct entities joined by a path of 2 to 4 edges."""
    projection = read_projection(store, **EdgeFilter().parameters())
    adjacency: dict[int, list[int]] = {}  # by node position: positions follow id order
    for source, target in zip(projection.sources.tolist(), projection.targets.tolist(), strict=True):
        if source != target:
            adjacency.setdefault(source, []).append(target)
            adjacency.setdefault(target, []).append(source)
    nodes = sorted(adjacency)
    rng = random.Random(seed)
    pairs: list[tuple[str, str]] = []
    attempts = 0
    while len(pairs) < count and attempts < count * 50:
        attempts += 1
        start = node = nodes[rng.randrange(len(nodes))]
        for _ in range(rng.randint(2, 4)):
            neighbours = adjacency[node]
            node = neighbours[rng.randrange(len(neighbours))]
        if node != start:
            pairs.append((projection.ids[start], projection.ids[node]))
    return pairs


def _bounded(pairs: list[tuple[str, str]], clients: int, requests: int) -> list[list[tuple[str, str]]]:
    """Each client's share of ``requests`` requests, cycling through the pairs."""
    plan: list[list[tuple[str, str]]] = [[] for _ in range(clients)]
    for i in range(requests):
        plan[i % clients].append(pairs[i % len(pairs)])
    return plan


def raw_latencies(store: Store, pairs: list[tuple[str, str]], *, clients: int, requests: int,
                  budget_s: float) -> Latencies:
    """The registry statement through the driver, from ``clients`` threads; ``client_cpu_s`` is
    this process's CPU time meanwhile: the driver's work on the client side, all of it."""
    params = {**PATH_PARAMS, **EdgeFilter().parameters()}
    plan = _bounded(pairs, clients, requests)
    deadline = time.perf_counter() + budget_s

    def client(share: list[tuple[str, str]]) -> tuple[list[float], int]:
        seconds, errors = [], 0
        for source, target in share:
            if time.perf_counter() > deadline:
                break
            started = time.perf_counter()
            try:
                store.read("paths/shortest", **{"from": source, "to": target}, **params)
            except Exception:  # noqa: BLE001 - counted, and the run goes on
                errors += 1
                continue
            seconds.append(time.perf_counter() - started)
        return seconds, errors

    return _gather(client, plan)


def _gather(client: Callable[[list[tuple[str, str]]], tuple[list[float], int]],
            plan: list[list[tuple[str, str]]]) -> Latencies:
    started, cpu = time.perf_counter(), time.process_time()
    with ThreadPoolExecutor(max_workers=len(plan)) as pool:
        results = list(pool.map(client, plan))
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Latencies([s for seconds, _ in results for s in seconds], wall, sum(e for _, e in results), cpu)


def api_latencies(url: str, pairs: list[tuple[str, str]], *, clients: int, requests: int,
                  budget_s: float, server_cpu: Callable[[], float] | None = None) -> Latencies:
    """``GET /paths`` from ``clients`` concurrent asyncio clients, each on its own keep-alive connection;
    ``server_cpu`` (the server's CPU seconds so far, :meth:`bench.server.ApiServer.cpu_seconds`) gives
    ``server_cpu_s``."""
    before = server_cpu() if server_cpu else 0.0
    run = asyncio.run(_api(url, pairs, clients=clients, requests=requests, budget_s=budget_s))
    run.server_cpu_s = server_cpu() - before if server_cpu else 0.0
    return run


async def _api(url: str, pairs: list[tuple[str, str]], *, clients: int, requests: int,
               budget_s: float) -> Latencies:
    plan = _bounded(pairs, clients, requests)
    deadline = time.perf_counter() + budget_s
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(url, connector=connector, timeout=aiohttp.ClientTimeout(total=60.0)) as http:
        async def client(share: list[tuple[str, str]]) -> tuple[list[float], int]:
            seconds, errors = [], 0
            for source, target in share:
                if time.perf_counter() > deadline:
                    break
                started = time.perf_counter()
                try:
                    async with http.get("/paths", params={"from": source, "to": target}) as response:
                        await response.read()
                        status = response.status
                except (TimeoutError, aiohttp.ClientError):
                    errors += 1
                    continue
                if status != 200:
                    errors += 1
                    continue
                seconds.append(time.perf_counter() - started)
            return seconds, errors

        started, cpu = time.perf_counter(), time.process_time()
        results = await asyncio.gather(*(client(share) for share in plan))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    return Latencies([s for seconds, _ in results for s in seconds], wall, sum(e for _, e in results), cpu)

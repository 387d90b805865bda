"""Centrality figures against the loaded graph: the service, cold and warm, against pure networkx.

- ``*_s_cold``: a fresh :class:`~graph.services.centrality.CentralityService` over the bench
  server: reading the projection from Neo4j, building the arrays, computing, ranking;
- ``*_ms_warm``: the same call again (the service's cache of the graph version);
- ``*_speedup_vs_networkx``: networkx's cold time over ours, networkx's cold time being the
  same projection rows read through the same store, an ``nx.Graph`` built from them, and
  networkx's own function: ``nx.pagerank``; ``nx.eigenvector_centrality_numpy`` on the largest
  component (what the service's reference backend does on a disconnected graph);
  ``nx.betweenness_centrality`` with the service's number of sources, or, when that is more
  than ``nx_sources``, with ``nx_sources`` sources and the time scaled to the service's number
  (its cost is per source), as bench/centrality_bench.py does.
"""
from __future__ import annotations

import time
from typing import Any

import networkx as nx

from graph.services.centrality import CentralityService
from graph.services.filters import EdgeFilter
from graph.store import Store

__all__ = ["centrality_figures"]


def _networkx_graph(store: Store) -> tuple[nx.Graph, float]:
    started = time.perf_counter()
    graph = nx.Graph()
    graph.add_nodes_from(row["id"] for row in store.stream("analytics/projection_nodes", fetch_size=20_000,
                                                            timeout=300.0, kinds=None))
    graph.add_edges_from((row["source"], row["target"]) for row in store.stream(
        "analytics/projection_edges", fetch_size=20_000, timeout=300.0, **EdgeFilter().parameters()))
    graph.remove_edges_from(list(nx.selfloop_edges(graph)))
    return graph, time.perf_counter() - started


def centrality_figures(store: Store, *, nx_sources: int = 8, seed: int = 0) -> dict[str, Any]:
    """Cold and warm times of pagerank, betweenness and eigenvector, and their speedups over networkx."""
    figures: dict[str, Any] = {}
    ours: dict[str, float] = {}
    _networkx_graph(store)  # plans the projection statements and warms the page cache, for both sides
    sampled: int | None = None
    for measure in ("pagerank", "betweenness", "eigenvector"):
        service = CentralityService(store)
        started = time.perf_counter()
        cold = service.compute(measure)
        ours[measure] = time.perf_counter() - started
        started = time.perf_counter()
        warm = service.compute(measure)
        warm_s = time.perf_counter() - started
        assert warm == cold
        figures[f"{measure}_s_cold"] = ours[measure]
        figures[f"{measure}_ms_warm"] = warm_s * 1000
        if measure == "betweenness":
            sampled = cold["sampled"]["k"] if cold["sampled"] else None
            figures["betweenness_sources"] = sampled or cold["nodes"]
        figures["centrality_nodes"], figures["centrality_edges"] = cold["nodes"], cold["edges"]

    graph, build_s = _networkx_graph(store)
    figures["networkx_projection_s"] = build_s
    started = time.perf_counter()
    nx.pagerank(graph)
    theirs = {"pagerank": build_s + time.perf_counter() - started}

    n = graph.number_of_nodes()
    wanted = sampled or n
    k = min(wanted, nx_sources)
    started = time.perf_counter()
    nx.betweenness_centrality(graph, k=k if k < n else None, seed=seed)
    theirs["betweenness"] = build_s + (time.perf_counter() - started) * wanted / k
    figures["networkx_betweenness_sources_run"] = k

    started = time.perf_counter()
    largest = max(nx.connected_components(graph), key=len)
    nx.eigenvector_centrality_numpy(graph.subgraph(largest) if len(largest) < n else graph)
    theirs["eigenvector"] = build_s + time.perf_counter() - started

    for measure in ("pagerank", "betweenness", "eigenvector"):
        figures[f"networkx_{measure}_s_cold"] = theirs[measure]
        figures[f"{measure}_speedup_vs_networkx"] = theirs[measure] / ours[measure]
    return figures

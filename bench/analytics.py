"""Centrality figures against the loaded graph: the service, cold and warm, against pure networkx.

- ``*_s_cold``: a fresh :class:`~graph.services.centrality.CentralityService` over the bench
  server: reading the projection from Neo4j, building the arrays, computing, ranking;
- ``*_ms_warm``: the same call again (the service's cache of the graph version);
- ``projection_read_s``: reading the projection alone (:func:`read_projection`), the part of
  every cold time that is neither library's;
- ``*_compute_s`` and ``networkx_*_s``: each library on that *same* projection, in memory: the
  service's arrays path (:func:`array_centrality`, the backend the service uses) against building
  an ``nx.Graph`` from the projection plus networkx's own function (``nx.pagerank``;
  ``nx.eigenvector_centrality_numpy`` on the largest component, what the service's reference
  backend does on a disconnected graph; ``nx.betweenness_centrality`` with the service's number
  of sources, or, when that is more than ``nx_sources``, with ``nx_sources`` sources and the time
  scaled to the service's number, as its cost is per source). ``networkx_*_algorithm_s`` is the
  function alone, without building the graph;
- ``*_speedup_vs_networkx``: networkx's time over ours on the same projection, the read excluded
  on both sides (the figure used to include the read on both sides: 15 of PageRank's 18 s at L,
  which made the ratio about 1 whatever the algorithms did);
- ``*_cold_speedup_vs_networkx``: the read added to both sides: networkx's read, graph and
  function over the service's cold time.
"""
from __future__ import annotations

import time
from functools import partial
from typing import Any

import networkx as nx

from graph.analytics.centrality import array_centrality
from graph.analytics.projection import Projection
from graph.filters import EdgeFilter
from graph.services.centrality import SAMPLE_SEED, CentralityService
from graph.services.projection import read_projection
from graph.store import Store

__all__ = ["centrality_figures"]

MEASURES = ("pagerank", "betweenness", "eigenvector")


def _networkx_graph(projection: Projection) -> nx.Graph:
    """The projection as networkx's simple undirected graph, nodes by id, without self-loops."""
    ids = projection.ids
    graph = nx.Graph()
    graph.add_nodes_from(ids)
    pairs = zip(projection.sources.tolist(), projection.targets.tolist(), strict=True)
    graph.add_edges_from((ids[s], ids[t]) for s, t in pairs if s != t)
    return graph


def _timed(fn: Any) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def centrality_figures(store: Store, *, nx_sources: int = 8, seed: int = 0) -> dict[str, Any]:
    """Cold and warm times of pagerank, betweenness and eigenvector, and their speedups over networkx."""
    figures: dict[str, Any] = {}
    cold_s: dict[str, float] = {}
    params = EdgeFilter().parameters()
    read_projection(store, **params)  # plans the projection statements and warms the page cache
    sampled: int | None = None
    for measure in MEASURES:
        service = CentralityService(store)
        cold, cold_s[measure] = _timed(partial(service.compute, measure))
        warm, warm_s = _timed(partial(service.compute, measure))
        assert warm == cold
        figures[f"{measure}_s_cold"] = cold_s[measure]
        figures[f"{measure}_ms_warm"] = warm_s * 1000
        if measure == "betweenness":
            sampled = cold["sampled"]["k"] if cold["sampled"] else None
            figures["betweenness_sources"] = sampled or cold["nodes"]
        figures["centrality_nodes"], figures["centrality_edges"] = cold["nodes"], cold["edges"]

    projection, read_s = _timed(lambda: read_projection(store, **params))
    figures["projection_read_s"] = read_s
    n = projection.n_nodes
    ours: dict[str, float] = {}
    for measure in MEASURES:
        _, ours[measure] = _timed(partial(
            array_centrality, n, projection.sources, projection.targets, measure,  # type: ignore[arg-type]
            k=sampled if measure == "betweenness" else None, seed=SAMPLE_SEED))
        figures[f"{measure}_compute_s"] = ours[measure]

    graph, graph_s = _timed(lambda: _networkx_graph(projection))
    figures["networkx_graph_s"] = graph_s
    algorithm: dict[str, float] = {}
    _, algorithm["pagerank"] = _timed(lambda: nx.pagerank(graph))
    wanted = sampled or n
    k = min(wanted, nx_sources)
    _, seconds = _timed(lambda: nx.betweenness_centrality(graph, k=k if k < n else None, seed=seed))
    algorithm["betweenness"] = seconds * wanted / k
    figures["networkx_betweenness_sources_run"] = k

    def eigenvector() -> Any:
        largest = max(nx.connected_components(graph), key=len)
        return nx.eigenvector_centrality_numpy(graph.subgraph(largest) if len(largest) < n else graph)

    _, algorithm["eigenvector"] = _timed(eigenvector)

    for measure in MEASURES:
        theirs = graph_s + algorithm[measure]
        figures[f"networkx_{measure}_algorithm_s"] = algorithm[measure]
        figures[f"networkx_{measure}_s"] = theirs
        figures[f"{measure}_speedup_vs_networkx"] = theirs / ours[measure]
        figures[f"{measure}_cold_speedup_vs_networkx"] = (read_s + theirs) / cold_s[measure]
    return figures

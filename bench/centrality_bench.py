"""Centrality at scale: the service's igraph path against pure networkx, without Neo4j.

Builds a seeded heavy-tailed graph (Chung-Lu: each end of each edge drawn with probability
proportional to a power-law weight, degree exponent about 2.5, the shape preferential
attachment gives) directly as arrays, turns it into the rows the projection queries return,
and times :class:`graph.services.centrality.CentralityService` over an in-memory store that
serves those rows:

- ``*_s_cold``: a fresh service: rows -> projection arrays -> igraph -> scores -> ranking
  (the projection is included; reading the rows from Neo4j is not);
- ``*_ms_warm``: the same call again, answered from the cache;
- ``*_speedup_vs_networkx``: networkx's cold time over ours, where networkx's cold time is
  building an ``nx.Graph`` from the same rows plus networkx's own function with its defaults
  (``nx.pagerank``; ``nx.eigenvector_centrality_numpy`` on the largest component, as the
  reference backend does when the graph is disconnected; ``nx.betweenness_centrality`` with a
  few sampled sources, extrapolated linearly to the same number of sources: its time is per
  source).

Prints ``name value`` lines, and ``# ...`` lines saying what each number is.

    python bench/centrality_bench.py                      # 100k nodes, 1M edges
    python bench/centrality_bench.py --nodes 10000 --edges 100000
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Iterator
from typing import Any

import igraph
import networkx as nx
import numpy as np

from graph.filters import EdgeFilter
from graph.services.centrality import CentralityService

KINDS = ("Person", "State", "SecurityService", "ArmedGroup", "Government", "Organization")


def heavy_tailed_edges(n: int, m: int, *, seed: int, exponent: float = 2.5) -> tuple[np.ndarray, np.ndarray]:
    """``m`` directed edges among ``n`` nodes whose expected degrees follow a power law."""
    rng = np.random.default_rng(seed)
    weights = np.arange(1, n + 1, dtype=np.float64) ** (-1.0 / (exponent - 1.0))
    p = weights / weights.sum()
    relabel = rng.permutation(n)  # hubs anywhere, not at the lowest ids
    return relabel[rng.choice(n, size=m, p=p)], relabel[rng.choice(n, size=m, p=p)]


class MemoryStore:
    """Serves the three statements the centrality service runs, from rows held in memory, in the
    statements' form: chunks of parallel lists, the ends of edges as integer node handles."""

    def __init__(self, nodes: list[dict[str, Any]], edges: list[dict[str, Any]], chunk: int = 10_000):
        handle = {row["id"]: i for i, row in enumerate(nodes)}
        self.nodes = [{"ids": [row["id"] for row in part], "names": [row["name"] for row in part],
                       "kinds": [row["kind"] for row in part], "nodes": [handle[row["id"]] for row in part]}
                      for part in (nodes[i:i + chunk] for i in range(0, len(nodes), chunk))]
        self.edges = [{"sources": [handle[row["source"]] for row in part],
                       "targets": [handle[row["target"]] for row in part],
                       "weights": [row.get("weight") for row in part]}
                      for part in (edges[i:i + chunk] for i in range(0, len(edges), chunk))]

    def read_one(self, name: str, **params: Any) -> dict[str, Any]:
        assert name == "analytics/graph_version", name
        return {"version": 1, "changed_at": 0}

    def stream(self, name: str, **params: Any) -> Iterator[dict[str, Any]]:
        return iter(self.nodes if name == "analytics/projection_nodes" else self.edges)


def timed(fn, *args, **kwargs) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return result, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sample", type=int, default=500, help="betweenness sources (the service's default)")
    parser.add_argument("--nx-sources", type=int, default=4,
                        help="sources networkx's betweenness runs on before extrapolating to --sample")
    parser.add_argument("--directed", action="store_true", help="follow edge directions (default: undirected)")
    args = parser.parse_args(argv)
    n, m = args.nodes, args.edges

    print(f"# python {platform.python_version()}, networkx {nx.__version__}, igraph {igraph.__version__}, "
          f"numpy {np.__version__}, {platform.machine()}, {os.cpu_count()} cpus, "
          f"load average {os.getloadavg()[0]:.1f} at start")
    (src, dst), seconds = timed(heavy_tailed_edges, n, m, seed=args.seed)
    ids = [f"e{i:07d}" for i in range(n)]
    nodes = [{"id": ids[i], "name": f"Entity {i}", "kind": KINDS[i % len(KINDS)]} for i in range(n)]
    edges = [{"source": ids[s], "target": ids[t], "weight": 1}
             for s, t in zip(src.tolist(), dst.tolist(), strict=True)]
    degree = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    print(f"# graph: {n} nodes, {m} edges (Chung-Lu, degree exponent 2.5), max degree {degree.max()}, "
          f"{int((degree == 0).sum())} isolated; generated in {seconds:.1f} s")
    print(f"nodes {n}")
    print(f"edges {m}")
    directed = args.directed
    print(f"# {'directed' if directed else 'undirected'} (the service's default is undirected)")

    # --- the service, igraph backend -------------------------------------------------------------
    store = MemoryStore(nodes, edges)
    ours: dict[str, float] = {}
    for measure in ("pagerank", "betweenness", "eigenvector"):
        service = CentralityService(store)  # type: ignore[arg-type]
        sample = args.sample if measure == "betweenness" else None
        cold, cold_s = timed(service.compute, measure, directed=directed, sample=sample,
                             edge_filter=EdgeFilter())
        warm, warm_s = timed(service.compute, measure, directed=directed, sample=sample,
                             edge_filter=EdgeFilter())
        assert warm == cold and cold["nodes"] == n
        ours[measure] = cold_s
        print(f"{measure}_s_cold {cold_s:.3f}")
        print(f"{measure}_ms_warm {warm_s * 1000:.3f}")
        if measure == "betweenness":
            print(f"betweenness_sample_k {cold['sampled']['k'] if cold['sampled'] else n}")
    from graph.analytics.projection import project_chunks
    _, projection_s = timed(project_chunks, store.nodes, store.edges)
    print(f"projection_s {projection_s:.3f}")
    print("# projection_s: chunks of lists -> arrays, part of every cold time above (reading them from Neo4j "
          "is not)")

    # --- pure networkx ---------------------------------------------------------------------------
    def nx_graph() -> nx.Graph:
        graph = nx.DiGraph() if directed else nx.Graph()
        graph.add_nodes_from(row["id"] for row in nodes)
        graph.add_edges_from((row["source"], row["target"]) for row in edges)
        graph.remove_edges_from(list(nx.selfloop_edges(graph)))
        return graph

    graph, nx_build_s = timed(nx_graph)
    print(f"networkx_projection_s {nx_build_s:.3f}")
    _, s = timed(nx.pagerank, graph)
    theirs = {"pagerank": nx_build_s + s}
    print(f"networkx_pagerank_s_cold {theirs['pagerank']:.3f}")

    k = min(args.nx_sources, n)
    _, s = timed(nx.betweenness_centrality, graph, k=k, seed=args.seed)
    theirs["betweenness"] = nx_build_s + s * args.sample / k
    print(f"networkx_betweenness_s_cold {theirs['betweenness']:.3f}")
    print(f"# networkx betweenness: measured with k={k} sources ({s:.1f} s), extrapolated to k={args.sample}")

    def nx_eigenvector() -> dict:
        parts = nx.strongly_connected_components(graph) if directed else nx.connected_components(graph)
        largest = max(parts, key=len)
        return nx.eigenvector_centrality_numpy(graph.subgraph(largest) if len(largest) < n else graph)

    _, s = timed(nx_eigenvector)
    theirs["eigenvector"] = nx_build_s + s
    print(f"networkx_eigenvector_s_cold {theirs['eigenvector']:.3f}")
    print("# networkx eigenvector: eigenvector_centrality_numpy (scipy ARPACK) on the largest component")

    for measure in ("pagerank", "betweenness", "eigenvector"):
        print(f"{measure}_speedup_vs_networkx {theirs[measure] / ours[measure]:.1f}")
    print("# speedups compare cold times, projection included on both sides; networkx's PageRank stops at "
          "its default tol=1e-6, ours at an L1 change of 1e-12")
    print(f"# load average {os.getloadavg()[0]:.1f} at the end: other processes share these cpus")
    return 0


if __name__ == "__main__":
    sys.exit(main())

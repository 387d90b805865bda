"""Benchmarks at scale: ``python bench/run.py --size S|M|L [--smoke]``.

Generates (or reuses) the synthetic corpus of that size (bench/generate.py), runs its own Neo4j
(home ``.cache/bench/neo4j-SIZE``, Bolt 39687 and HTTP 39474 unless told otherwise; never the
test or `make run` server) and measures, in this order:

1. loading: one transaction per relation (the baseline, on a sample), the transactional loader
   (``intelgraph load``), and the bulk first load (``intelgraph bulk-load``);
2. ``/paths`` between random connected pairs through the API (uvicorn on 127.0.0.1) under 1,
   10 and 50 concurrent clients, and the same registry statement through the driver;
3. PageRank, betweenness (sampled above 5,000 nodes) and eigenvector centrality, cold and warm,
   against pure networkx;
4. the peak memory of ``GET /export?format=gexf`` over the whole graph.

It prints one ``name value`` line per figure as it is measured (``#`` lines say what they
are), then a table with the targets. The machine is shared and noisy: compare the ratios
(speedups, overhead), which are measured against a baseline in the same run.

``--smoke`` runs everything small and short (the test suite runs it at S), and the bulk load
first, into the server before it starts, then 2 to 4, then the other loads (which empty the
graph): one server start fewer. M and L run by hand. The server is stopped at the end.
"""
from __future__ import annotations

import argparse
import importlib.metadata
import math
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import fastapi
import igraph
import networkx as nx
import uvicorn

from bench import generate as generator
from bench.analytics import centrality_figures
from bench.export_rss import gexf_export_memory
from bench.loading import (
    LoadFigures,
    batched_load,
    bulk_load,
    naive_load,
    stats,
    transactional_load,
    transactional_load_on_half,
)
from bench.paths import Latencies, api_latencies, connected_pairs, raw_latencies
from bench.server import ApiServer, bench_settings, wipe_database
from graph import localserver
from graph.settings import PROJECT_ROOT, get_settings
from graph.store import Store

#: The issue's targets, at size L: (comparison, value).
TARGETS: dict[str, tuple[str, float]] = {
    "load_rel_per_s": (">=", 100_000),
    "load_speedup_vs_naive": (">=", 50),
    "paths_p99_ms_50_clients": ("<=", 25),
    "api_overhead_ratio": ("<=", 1.3),
    "pagerank_s_cold": ("<=", 2),
    "pagerank_ms_warm": ("<=", 50),
    "pagerank_speedup_vs_networkx": (">=", 10),
    # Against this machine's own floor, measured in the same run (issue 21):
    "bulk_over_import_ratio": ("<=", 2),
    "load_tx_speedup_vs_naive": (">=", 20),
    "paths_rps_ratio_50_clients": (">=", 0.8),
}

CLIENTS = (1, 10, 50)


class Figures:
    """Prints each figure as ``name value`` when it is measured, and the table at the end."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def __call__(self, name: str, value: Any) -> None:
        self.values[name] = value
        print(f"{name} {_format(value)}", flush=True)

    @staticmethod
    def note(text: str) -> None:
        print(f"# {text}", flush=True)

    def table(self, size: str) -> str:
        lines = [f"| figure | {size} | target (at L) | met |", "|---|---:|---:|:---:|"]
        for name, value in self.values.items():
            target = TARGETS.get(name)
            met = ""
            if target is not None and isinstance(value, (int, float)) and not math.isnan(value):
                met = "yes" if (value >= target[1] if target[0] == ">=" else value <= target[1]) else "no"
            lines.append(f"| `{name}` | {_format(value)} | {f'{target[0]} {target[1]:g}' if target else ''} | {met} |")
        return "\n".join(lines)


def _format(value: Any) -> str:
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return f"{value:.0f}" if abs(value) >= 1000 else f"{value:.3g}" if abs(value) < 1 else f"{value:.1f}" \
            if abs(value) >= 100 else f"{value:.2f}"
    return str(value)


def _machine() -> str:
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 2**20:.0f} GiB"
    except OSError:
        pass
    return (f"{platform.machine()}, {os.cpu_count()} cores, {mem}, Linux {platform.release()}; Python "
            f"{platform.python_version()}, Neo4j {localserver.NEO4J_VERSION} Community, driver "
            f"{importlib.metadata.version('neo4j')}, networkx {nx.__version__}, igraph {igraph.__version__}, "
            f"FastAPI {fastapi.__version__}, uvicorn {uvicorn.__version__}")


def _load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _timed(fn: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="intelgraph benchmarks at scale")
    parser.add_argument("--size", choices=["S", "M", "L", "XS"], default="S")
    parser.add_argument("--smoke", action="store_true", help="small and short: only checks that everything runs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--home", type=Path, default=None, help="Neo4j home (default .cache/bench/neo4j-SIZE)")
    parser.add_argument("--corpus-root", type=Path, default=PROJECT_ROOT / ".cache" / "bench")
    parser.add_argument("--bolt-port", type=int, default=39687)
    parser.add_argument("--http-port", type=int, default=39474)
    parser.add_argument("--api-port", type=int, default=39800)
    parser.add_argument("--export-port", type=int, default=None, help="API port for the export (default api-port + 1)")
    parser.add_argument("--api-workers", type=int, default=None,
                        help="uvicorn workers for /paths (default: as intelgraph serve, API_WORKERS or one per core)")
    parser.add_argument("--tx-documents", type=int, default=None,
                        help="load only this many documents with the transactional loader (default: all)")
    parser.add_argument("--reuse-database", action="store_true",
                        help="measure on the database a previous run loaded (it must hold the whole corpus): "
                             "no loading figures, minutes saved at L")
    parser.add_argument("--skip", action="append", default=[],
                        choices=["naive", "tx", "tx_half", "bulk", "paths", "centrality", "export"])
    args = parser.parse_args(argv)
    args.api_workers = args.api_workers or get_settings().worker_count
    smoke = args.smoke
    figures = Figures()
    figures.note(f"machine: {_machine()}")
    figures.note(f"load average at start: {_load_average()}")

    # --- the corpus ----------------------------------------------------------------------------------
    corpus = generator.corpus_dir(args.corpus_root, args.size, args.seed)
    manifest, seconds = _timed(lambda: generator.generate(corpus, args.size, seed=args.seed))
    figures.note(f"corpus {corpus}: {manifest['documents']} documents, {manifest['entities']} entities, "
                 f"{manifest['relations']} relations, {int(manifest['bytes']) / 2**20:.0f} MiB "
                 f"(generated in {manifest['generate_s']} s)")
    figures("corpus_relations", int(manifest["relations"]))
    figures("generate_s", float(manifest["generate_s"]))

    home = args.home or args.corpus_root / f"neo4j-{args.size}"
    settings = bench_settings(size=args.size, home=home, bolt_port=args.bolt_port, http_port=args.http_port)
    figures.note(f"Neo4j home {settings.neo4j_home}, bolt {settings.neo4j_bolt_port}, heap {settings.neo4j_heap}, "
                 f"page cache {settings.neo4j_pagecache}")
    try:
        if args.reuse_database:
            localserver.start(settings)
            _check_reused(settings, manifest)
            figures.note("the database of an earlier run, holding the whole corpus: nothing loaded")
            _on_corpus(figures, settings, args, smoke)
        elif smoke:
            # The bulk load first, into the server before it starts, and the measures on the whole
            # corpus before the loaders' phases empty the graph: one server start fewer. (--smoke
            # checks only that every figure comes out.)
            wipe_database(settings)
            bulk = _bulk_phase(figures, settings, corpus, args)
            if bulk is None and not {"paths", "centrality", "export"} <= set(args.skip):
                bulk_load(settings, corpus)  # (--skip bulk: no figures, but what follows needs the corpus)
            localserver.start(settings)  # (bulk_load leaves it running; without it, it starts here)
            _on_corpus(figures, settings, args, smoke)
            naive, tx = _loader_phases(figures, settings, corpus, args, smoke)
            _load_ratios(figures, naive, tx, bulk, int(generator.SIZES[args.size].relations))
        else:
            wipe_database(settings)
            localserver.start(settings)
            _loading(figures, settings, corpus, args, smoke)
            _on_corpus(figures, settings, args, smoke)
    finally:
        localserver.stop(settings)
    figures.note(f"load average at end: {_load_average()}")
    print()
    print(figures.table(args.size))
    return 0


def _on_corpus(figures: Figures, settings: Any, args: argparse.Namespace, smoke: bool) -> None:
    """The measures on the whole corpus in the graph: ``/paths``, centrality, the GEXF export."""
    with Store(settings) as store:
        if "paths" not in args.skip:
            _paths(figures, store, settings, args, smoke)
        if "centrality" not in args.skip:
            figures.note("centrality: cold = fresh service incl. reading the projection from Neo4j; warm = cached; "
                         "speedup_vs_networkx = networkx (graph + function) over ours (arrays) on the same "
                         "projection in memory; cold_speedup adds the read to both sides")
            for name, value in centrality_figures(store, nx_sources=2 if smoke else 8, seed=args.seed).items():
                figures(name, value)
    if "export" not in args.skip:
        figures.note("GET /export?format=gexf of the whole graph from a fresh API process")
        for name, value in gexf_export_memory(settings, port=args.export_port or args.api_port + 1).items():
            figures(name, value)


def _check_reused(settings: Any, manifest: dict[str, Any]) -> None:
    """Refuse to measure on a database that does not hold the whole corpus."""
    with Store(settings) as store:
        counts = stats(store)
    held = (counts.get("total:documents", 0), counts.get("total:evidence", 0))
    wanted = (int(manifest["documents"]), int(manifest["relations"]))
    if held != wanted:
        raise SystemExit(f"--reuse-database: {settings.neo4j_home} holds {held[0]} documents and {held[1]} relations, "
                         f"not the corpus's {wanted[0]} and {wanted[1]}; run once without it")


_SMOKE_DOCUMENTS = 4  # enough for the figures to come out: --smoke checks that they do, not their values


def _loading(figures: Figures, settings: Any, corpus: Path, args: argparse.Namespace, smoke: bool) -> None:
    """The loading figures, the loaders' phases first and then the bulk load; the whole corpus is
    in the graph at the end."""
    relations = int(generator.SIZES[args.size].relations)
    naive, tx = _loader_phases(figures, settings, corpus, args, smoke)
    bulk = _bulk_phase(figures, settings, corpus, args)
    _load_ratios(figures, naive, tx, bulk, relations)
    measures_on_corpus = not {"paths", "centrality", "export"} <= set(args.skip)
    if measures_on_corpus and bulk is None and (tx is None or tx.relations != relations):
        wipe_database(settings)  # what follows needs the whole corpus in the graph
        bulk_load(settings, corpus)
    localserver.start(settings)  # (it runs already: bulk_load leaves it running)


def _loader_phases(figures: Figures, settings: Any, corpus: Path, args: argparse.Namespace,
                   smoke: bool) -> tuple[LoadFigures | None, LoadFigures | None]:
    """The baseline and its batched floor, the transactional loader on an empty graph and the
    everyday load (on a graph holding half the corpus); each empties the graph first."""
    naive: LoadFigures | None = None
    batched: LoadFigures | None = None
    tx: LoadFigures | None = None
    with Store(settings) as store:
        store.ensure_schema()
        if "naive" not in args.skip:
            naive = naive_load(store, corpus, sample=100 if smoke else 2000, budget_s=5 if smoke else 60)
            figures.note(f"baseline: one transaction per relation (MERGE both entities and the edge), "
                         f"{naive.relations} relations in {naive.seconds:.1f} s")
            figures("naive_rel_per_s", naive.rate)
            # The floor of the everyday load: the same work, batched as Neo4j writes fastest.
            batched = batched_load(store, corpus, sample=200 if smoke else 40_000, budget_s=5 if smoke else 60)
            figures.note(f"floor: the baseline's work batched (UNWIND, one statement for every type, "
                         f"{settings.load_batch_size} relations "
                         f"to a transaction), {batched.relations} relations in {batched.seconds:.1f} s")
            figures("batched_rel_per_s", batched.rate)
            figures("batched_speedup_vs_naive", batched.rate / naive.rate)
        if "tx" not in args.skip:
            documents = args.tx_documents if args.tx_documents is not None else (_SMOKE_DOCUMENTS if smoke else None)
            tx = transactional_load(store, corpus, documents=documents)
            figures.note(f"transactional loader (intelgraph load): {tx.relations} relations in {tx.seconds:.1f} s, "
                         "validation included")
            figures("load_tx_rel_per_s", tx.rate)
            if naive is not None:
                figures("load_tx_empty_speedup_vs_naive", tx.rate / naive.rate)
    if "tx_half" not in args.skip:
        # The everyday load: new documents into a graph that already holds the first half of the
        # corpus (bulk-loaded, which is not measured here). --smoke loads them into the graph the
        # transactional load left: its figures only have to come out, and a bulk load stops and
        # starts the server once more.
        on_tx_graph = smoke and tx is not None
        if not on_tx_graph:
            wipe_database(settings)
        half = transactional_load_on_half(settings, corpus, documents=_SMOKE_DOCUMENTS if smoke else None,
                                          bulk_first_half=not on_tx_graph)
        figures.note(f"transactional loader on a graph holding half the corpus: {half.relations} relations "
                     f"in {half.seconds:.1f} s, validation included")
        figures("load_tx_half_rel_per_s", half.rate)
        if naive is not None:
            figures("load_tx_speedup_vs_naive", half.rate / naive.rate)
        if batched is not None:
            figures.note("load_tx_share_of_floor: the everyday load's rate over the batched floor's (1 is the floor)")
            figures("load_tx_share_of_floor", half.rate / batched.rate)
    return naive, tx


def _bulk_phase(figures: Figures, settings: Any, corpus: Path, args: argparse.Namespace) -> LoadFigures | None:
    """The bulk first load of the whole corpus into an emptied database (it leaves the server running)."""
    if "bulk" in args.skip:
        return None
    wipe_database(settings)
    bulk = bulk_load(settings, corpus)
    figures.note("bulk first load (intelgraph bulk-load): " + ", ".join(
        f"{name} {seconds:.1f} s" for name, seconds in bulk.steps.items()))
    figures("load_bulk_rel_per_s", bulk.rate)
    for name, seconds in bulk.steps.items():
        figures(f"load_bulk_{name}_s", seconds)
    if bulk.steps.get("import"):
        figures.note("bulk_over_import_ratio: the whole bulk first load over its neo4j-admin import step alone")
        figures("bulk_over_import_ratio", bulk.seconds / bulk.steps["import"])
    return bulk


def _load_ratios(figures: Figures, naive: LoadFigures | None, tx: LoadFigures | None, bulk: LoadFigures | None,
                 relations: int) -> None:
    """The figures that compare the loads with each other."""
    if bulk is not None and naive is not None:
        figures("load_bulk_speedup_vs_naive", bulk.rate / naive.rate)
    if bulk is not None and tx is not None and tx.relations == relations:
        same = bulk.stats == tx.stats
        figures.note("the bulk-loaded graph has the transactional loader's counts of every kind, type and status"
                     if same else f"COUNTS DIFFER: tx {tx.stats} bulk {bulk.stats}")
        figures("bulk_counts_equal_tx", int(same))
    best = bulk if bulk is not None else tx
    if best is not None:
        figures.note(f"load_rel_per_s: the {'bulk' if best is bulk else 'transactional'} first load")
        figures("load_rel_per_s", best.rate)
        if naive is not None:
            figures("load_speedup_vs_naive", best.rate / naive.rate)


def _paths(figures: Figures, store: Store, settings: Any, args: argparse.Namespace, smoke: bool) -> None:
    pairs = connected_pairs(store, count=50 if smoke else 500, seed=args.seed)
    figures.note(f"/paths: {len(pairs)} random connected pairs (random walks of 2-4 steps), mode shortest, "
                 "max_hops 6, default filter; at each number of clients the raw query, then the API")
    requests = {1: 20, 10: 60, 50: 150} if smoke else {1: 300, 10: 2000, 50: 5000}
    budget = 5.0 if smoke else 30.0
    with ApiServer(settings, port=args.api_port, workers=args.api_workers) as api:
        figures.note(f"API: uvicorn, {args.api_workers} worker(s), on 127.0.0.1; clients: asyncio + aiohttp, "
                     "one keep-alive connection each")
        # Warm-up: every pair once through each. Side by side at each level, and twice over at one
        # client, so that neither side gains from a server that warms up as the run goes on (the
        # raw query measured first on a just-started server took 3.2 ms, later 1.4).
        raw_latencies(store, pairs, clients=1, requests=len(pairs), budget_s=budget)
        api_latencies(api.url, pairs, clients=1, requests=len(pairs), budget_s=budget)
        for clients in CLIENTS:
            rounds = 2 if clients == 1 else 1
            raw, run = Latencies.pooled([]), Latencies.pooled([])
            for _ in range(rounds):
                raw = Latencies.pooled([raw, raw_latencies(store, pairs, clients=clients,
                                                           requests=requests[clients] // rounds, budget_s=budget)])
                run = Latencies.pooled([run, api_latencies(api.url, pairs, clients=clients,
                                                           requests=requests[clients] // rounds, budget_s=budget,
                                                           server_cpu=api.cpu_seconds)])
            suffix = f"{clients}_client{'s' if clients > 1 else ''}"
            figures(f"raw_paths_p50_ms_{suffix}", raw.p(50))
            figures(f"raw_paths_p99_ms_{suffix}", raw.p(99))
            figures(f"paths_p50_ms_{suffix}", run.p(50))
            figures(f"paths_p99_ms_{suffix}", run.p(99))
            figures(f"paths_rps_{suffix}", run.throughput)
            figures(f"raw_paths_rps_{suffix}", raw.throughput)
            figures(f"paths_client_cpu_share_{suffix}", run.client_cpu_s / run.wall_s)
            # CPU per request, whatever share of the cores the machine gives each side: the raw
            # query's is the driver's client-side work, the API's that of all its workers.
            figures(f"raw_paths_cpu_ms_per_request_{suffix}", raw.cpu_ms_per_request(raw.client_cpu_s))
            figures(f"paths_api_cpu_ms_per_request_{suffix}", run.cpu_ms_per_request(run.server_cpu_s))
            if run.errors or raw.errors:
                figures(f"paths_errors_{suffix}", run.errors + raw.errors)
            if clients == 1:
                figures.note("api_overhead_ratio: median /paths through the API over the median raw query, 1 client")
                figures("api_overhead_ratio", run.p(50) / raw.p(50))
            if clients == 50:
                figures("api_overhead_ratio_50_clients", run.p(50) / raw.p(50))
                figures.note("paths_rps_ratio_50_clients: API requests/s over raw driver requests/s, 50 clients")
                figures("paths_rps_ratio_50_clients", run.throughput / raw.throughput)
                figures.note("paths_cpu_over_raw_50_clients: the API's CPU a request over the raw query's "
                             "(client side), 50 clients: the figure the shared machine's load moves least")
                figures("paths_cpu_over_raw_50_clients", run.cpu_ms_per_request(run.server_cpu_s)
                        / raw.cpu_ms_per_request(raw.client_cpu_s))


if __name__ == "__main__":
    sys.exit(main())

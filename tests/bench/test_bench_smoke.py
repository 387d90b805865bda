"""bench/run.py runs end to end at S (a smoke test: it checks that the figures come out, not their values).

It runs its own Neo4j (a temporary home, free ports) and its own API, never the test server,
and stops both at the end. Timed figures are never asserted: the machine is shared.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench.server import bench_settings, free_port
from graph import localserver
from tests.conftest import ROOT

pytestmark = pytest.mark.neo4j

#: Generous: the smoke run takes one to three minutes on a 2-core machine others share.
TIME_BOUND_S = 900

REQUIRED = ["load_rel_per_s", "load_speedup_vs_naive", "load_tx_rel_per_s", "load_bulk_rel_per_s",
            "paths_p50_ms_1_client", "paths_p99_ms_10_clients", "paths_p99_ms_50_clients", "api_overhead_ratio",
            "paths_client_cpu_share_50_clients",
            "raw_paths_p50_ms_1_client", "pagerank_s_cold", "pagerank_ms_warm", "pagerank_speedup_vs_networkx",
            "betweenness_s_cold", "betweenness_ms_warm", "betweenness_speedup_vs_networkx",
            "eigenvector_s_cold", "eigenvector_ms_warm", "eigenvector_speedup_vs_networkx",
            "export_gexf_peak_rss_mb",
            # (not bulk_counts_equal_tx: --smoke loads 4 documents transactionally, not the corpus, so the
            # loaders' graphs are compared by tests/bench/test_bulk.py instead, node for node)
            # against this machine's floor, each of one run (issue 21)
            "bulk_over_import_ratio", "load_tx_speedup_vs_naive", "paths_rps_ratio_50_clients",
            # and the floor of the everyday load: the baseline's statement batched
            "batched_rel_per_s", "batched_speedup_vs_naive", "load_tx_share_of_floor"]
_FIGURE = re.compile(r"^([a-z0-9_]+) (-?[0-9.]+(?:e[-+]?[0-9]+)?|nan)$")


def test_the_benchmark_runs_at_s(tmp_path: Path) -> None:
    home = tmp_path / "neo4j"
    bolt, http, api, export = (free_port() for _ in range(4))
    command = [sys.executable, "bench/run.py", "--size", "S", "--smoke", "--home", str(home),
               "--corpus-root", str(tmp_path / "corpora"), "--bolt-port", str(bolt), "--http-port", str(http),
               "--api-port", str(api), "--export-port", str(export)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=TIME_BOUND_S)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

    figures = {}
    lines = result.stdout.splitlines()
    table = lines.index("| figure | S | target (at L) | met |")
    for line in lines[:table]:
        if line and not line.startswith("#"):
            match = _FIGURE.match(line)
            assert match, f"not a 'name value' line: {line!r}"
            figures[match[1]] = float(match[2])
    missing = [name for name in REQUIRED if name not in figures]
    assert not missing, missing
    assert figures["corpus_relations"] == 10_000
    assert all(f"`{name}`" in result.stdout[result.stdout.index("| figure"):] for name in REQUIRED)

    # the bench's server is stopped, and nothing listens on its ports any more
    assert not localserver.status(bench_settings(size="S", home=home, bolt_port=bolt, http_port=http)).running

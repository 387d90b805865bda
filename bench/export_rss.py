"""Memory of ``GET /export?format=gexf`` over the whole graph: does streaming keep it flat?

A fresh API process (one uvicorn worker, so its pid is the one serving) answers one health
check, then streams the export to the bench, which counts the bytes and throws them away, with
the default settings: the export's reads have their own time-out (``EXPORT_TIMEOUT_S``, 300 s;
with the ordinary ``QUERY_TIMEOUT_S`` of 10 s the read of the edges was stopped part-way on M
and L, and the response ended early).
The figures are the process's resident memory before the export (``VmRSS``) and its peak
(``VmHWM``) after it.
"""
from __future__ import annotations

import time
from typing import Any

import httpx

from bench.server import ApiServer, rss_mb
from graph.settings import Settings

__all__ = ["gexf_export_memory"]


def gexf_export_memory(settings: Settings, *, port: int) -> dict[str, Any]:
    with ApiServer(settings, port=port, workers=1) as api:
        assert api.process is not None
        pid = api.process.pid
        httpx.get(api.url + "/health", timeout=10.0)
        baseline = rss_mb(pid)
        size = 0
        started = time.perf_counter()
        with httpx.stream("GET", api.url + "/export", params={"format": "gexf"}, timeout=600.0) as response:
            response.raise_for_status()
            for chunk in response.iter_bytes():
                size += len(chunk)
        seconds = time.perf_counter() - started
        peak = rss_mb(pid, "VmHWM")
    return {"export_gexf_peak_rss_mb": peak, "export_gexf_baseline_rss_mb": baseline,
            "export_gexf_rss_growth_mb": peak - baseline, "export_gexf_mb": size / 2**20,
            "export_gexf_s": seconds}

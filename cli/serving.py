"""``intelgraph serve``: the API under uvicorn."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from cli.common import err
from graph.settings import get_settings


def serve(
    host: Annotated[str | None, typer.Option(help="Address to listen on (default API_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default API_PORT).")] = None,
    workers: Annotated[int | None, typer.Option(
        help="Worker processes (default API_WORKERS, else one per core).")] = None,
) -> None:
    """Serve the API (OpenAPI docs at /docs)."""
    # Imported here: FastAPI and uvicorn take a third of a second, which every other command
    # would pay at start.
    import uvicorn

    from api.security import is_loopback

    settings = get_settings()
    host = host or settings.api_host
    if not is_loopback(host) and not settings.api_keys:
        err.print(f"refusing to listen on {host} without API keys: set INTELGRAPH_API_KEYS "
                  "(or listen on 127.0.0.1)", highlight=False, markup=False)
        raise typer.Exit(1)
    workers = workers or settings.worker_count
    with tempfile.TemporaryDirectory(prefix="intelgraph-api-") as private:
        if workers > 1 and settings.cypher_rate_state is None:
            # The workers inherit the environment: one rate limit for the API, not one each.
            os.environ["CYPHER_RATE_STATE"] = str(Path(private) / "cypher-rate.sqlite")
        uvicorn.run("api.main:app", host=host, port=port or settings.api_port,
                    workers=workers, log_level="info", access_log=False)

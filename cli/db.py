"""``intelgraph db start|stop|status``: the local Neo4j server."""
from __future__ import annotations

import typer

from cli.common import err, user_errors
from graph import localserver
from graph.settings import get_settings
from graph.store import Store

app = typer.Typer(help="Start, stop or inspect the Neo4j server.", no_args_is_help=True)


@app.command()
def start() -> None:
    """Fetch (once) and start the local Neo4j, and wait until Bolt answers. Idempotent."""
    with user_errors():
        found = localserver.start(get_settings())
    where = f"pid {found.pid}, home {found.home}" if found.managed else "external server (NEO4J_URI)"
    err.print(f"Neo4j answers at {found.uri} ({where})", highlight=False)


@app.command()
def stop() -> None:
    """Stop the local Neo4j (the process in its pid file)."""
    with user_errors():
        stopped = localserver.stop(get_settings())
    err.print("Neo4j stopped" if stopped else "Neo4j was not running")


@app.command()
def status() -> None:
    """Say whether Neo4j answers; exit 1 when it does not."""
    found = localserver.status(get_settings())
    state = "running" if found.running else "not running"
    detail = f"pid {found.pid}" if found.pid else ("external" if not found.managed else "no pid file")
    err.print(f"Neo4j {state} at {found.uri} ({detail})", highlight=False)
    if not found.running:
        raise typer.Exit(1)


@app.command()
def reset(yes: bool = typer.Option(False, "--yes", help="Do not ask for confirmation.")) -> None:
    """Delete the whole graph (the server, its schema and its settings stay)."""
    settings = get_settings()
    if not yes:
        typer.confirm(f"Delete every node and relationship in {settings.neo4j_database} at {settings.bolt_uri}?",
                      abort=True)
    with user_errors(), Store(settings) as store:
        store.delete_all()
    err.print("the graph is empty")

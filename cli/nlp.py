"""``intelgraph nlp start|stop|status``: the local CoreNLP server that ``intelgraph draft`` reads with."""
from __future__ import annotations

import typer

from cli.common import err, user_errors
from extract.nlp import server
from graph.settings import get_settings

app = typer.Typer(help="Start, stop or inspect the NLP server (Stanford CoreNLP) that drafts read articles with.",
                  no_args_is_help=True)


@app.command()
def start() -> None:
    """Fetch (once, 474 MB) and start the local CoreNLP server; wait until its models are loaded. Idempotent."""
    with user_errors():
        found = server.start(get_settings())
    where = f"pid {found.pid}" if found.managed else "external server (CORENLP_URL)"
    err.print(f"CoreNLP ready at {found.url} ({where})", highlight=False)


@app.command()
def stop() -> None:
    """Stop the local CoreNLP server (the process in its pid file)."""
    with user_errors():
        stopped = server.stop(get_settings())
    err.print("CoreNLP stopped" if stopped else "CoreNLP was not running")


@app.command()
def status() -> None:
    """Say whether the CoreNLP server is ready; exit 1 when it is not."""
    found = server.status(get_settings())
    detail = f"pid {found.pid}" if found.pid else ("external" if not found.managed else "no pid file")
    err.print(f"CoreNLP {'ready' if found.ready else 'not ready'} at {found.url} ({detail})", highlight=False)
    if not found.ready:
        raise typer.Exit(1)

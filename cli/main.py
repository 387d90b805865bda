"""The ``intelgraph`` command line."""
from __future__ import annotations

import typer

from cli import db, exporting, loading

app = typer.Typer(help="intelgraph: a knowledge graph of security services, governments, armed groups "
                       "and people, built from news reporting.", no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None)
app.add_typer(db.app, name="db")
app.command()(loading.load)
app.command()(loading.validate)
app.command()(exporting.export)
app.command()(exporting.stats)

if __name__ == "__main__":
    app()

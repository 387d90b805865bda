"""The ``intelgraph`` command line."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Annotated

import typer

from cli import analysis, bulk, console, db, drafting, exporting, grading, loading, merging, nlp, serving

app = typer.Typer(help="intelgraph: a knowledge graph of security services, governments, armed groups "
                       "and people, built from news reporting.", no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None)


def _print_version(value: bool) -> None:
    if value:
        try:
            typer.echo(f"intelgraph {version('intelgraph')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            typer.echo("intelgraph (not installed)")
        raise typer.Exit()


@app.callback()
def main(
    show_version: Annotated[bool, typer.Option("--version", callback=_print_version, is_eager=True,
                                               help="Print the version and exit.")] = False,
) -> None:
    """intelgraph: a knowledge graph of security services, governments, armed groups and people,
    built from news reporting."""


app.add_typer(db.app, name="db")
app.add_typer(nlp.app, name="nlp")
app.add_typer(grading.app, name="grade")
app.command()(loading.load)
app.command()(loading.validate)
app.command()(drafting.draft)
app.command()(drafting.review)
app.command("bulk-load")(bulk.bulk_load)
app.command()(exporting.export)
app.command()(exporting.stats)
app.command()(serving.serve)
app.command()(analysis.paths)
app.command()(analysis.entity)
app.command()(grading.edge)
app.command()(analysis.centrality)
app.command()(console.cypher)
app.command()(console.queries)
app.command()(merging.merge)
app.command()(merging.unmerge)
app.command()(merging.merges)

if __name__ == "__main__":
    app()

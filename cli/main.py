"""The ``intelgraph`` command line."""
from __future__ import annotations

import typer

from cli import analysis, bulk, console, db, drafting, exporting, grading, loading, merging, nlp, serving

app = typer.Typer(help="intelgraph: a knowledge graph of security services, governments, armed groups "
                       "and people, built from news reporting.", no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None)
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

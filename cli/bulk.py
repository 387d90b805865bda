"""``intelgraph bulk-load``: the first load of a whole corpus, through neo4j-admin's importer."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cli.common import err, out, user_errors
from graph.settings import get_settings
from loaders import bulk


def bulk_load(
    paths: Annotated[list[Path], typer.Argument(help="Facts files, or folders searched for *.facts.yaml.",
                                                exists=True, show_default=False)],
    workers: Annotated[int | None, typer.Option(help="Processes validating files (default: CPUs, at most 4).")] = None,
    keep_csv: Annotated[bool, typer.Option("--keep-csv", help="Keep the CSV files under NEO4J_HOME/import.")] = False,
) -> None:
    """Fill an EMPTY local database with a whole corpus, much faster than `load`.

    Every file is validated as `load` validates it, and the graph is the one `load` would
    build; then the server is stopped, the graph imported with neo4j-admin (replacing the
    empty database), and the server started again. Refused when NEO4J_URI is set or the
    database holds anything: add documents to a graph with `load`.
    """
    settings = get_settings()
    with user_errors():
        report = bulk.bulk_load(settings, paths, workers=workers, keep_csv=keep_csv,
                                on_step=lambda name, seconds: err.print(f"{name}: {seconds:.1f} s", highlight=False))
    seconds = report.total_seconds
    out.print(f"loaded {report.documents} documents: {report.entities} entities, {report.edges} edges and "
              f"{report.relations} pieces of evidence in {seconds:.1f} s "
              f"({report.relations / seconds if seconds else 0:,.0f} relations/s; graph version {report.documents})",
              highlight=False)
    for document, merged in sorted(report.merged.items()):
        for local, node in sorted(merged.items()):
            out.print(f"  {document}: {local} resolved to existing entity {node}", highlight=False)

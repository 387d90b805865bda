"""``intelgraph export`` and ``intelgraph stats``."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from cli.common import err, out, user_errors
from graph.exports.json_export import write_json
from graph.exports.source import GraphSource
from graph.store import Store


class Format(str, Enum):
    json = "json"


def export(
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; - or none for stdout.")] = None,
) -> None:
    """Export the graph (streamed: the file is written as it is read)."""
    writers = {Format.json: write_json}
    with user_errors(), Store() as store:
        chunks = writers[format](GraphSource(store))
        if output is None or str(output) == "-":
            for chunk in chunks:
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            return
        partial = output.with_name(output.name + ".partial")
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
        partial.replace(output)  # a failed export leaves no half-written file behind
    err.print(f"wrote {output} ({output.stat().st_size:,} bytes)")


def stats() -> None:
    """Counts of entities by kind and edges by relation type and status."""
    with user_errors(), Store() as store:
        rows = store.read("stats")
    table = Table("section", "name", "count")
    for row in rows:
        table.add_row(row["section"], str(row["name"]), str(row["count"]))
    out.print(table)

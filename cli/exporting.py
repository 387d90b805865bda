"""``intelgraph export`` and ``intelgraph stats``."""
from __future__ import annotations

import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn, TransferSpeedColumn
from rich.table import Table

from cli.common import Json, connected_store, err, out, print_json, user_errors
from cli.filters import (
    AsOf,
    ClaimsOption,
    Document,
    During,
    ExcludeClaims,
    ExcludeTypes,
    MinGrade,
    Publishers,
    Since,
    Types,
    Until,
    build_edge_filter,
    split_list,
    with_known_publishers,
)
from graph.exports import csv_export
from graph.exports.formats import FORMATS, buffered, export_source, get_format
from graph.services.subgraph import MAX_HOPS, MAX_NODES
from graph.store import Store

Format = Enum("Format", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]

_FORMATS_HELP = "; ".join(f"{name}: {fmt.description}" for name, fmt in FORMATS.items())


def _progress() -> Progress:
    """Bytes written so far, on stderr (shown only on a terminal, and gone when done)."""
    return Progress(TextColumn("exporting {task.description}"), BarColumn(), DownloadColumn(),
                    TransferSpeedColumn(), TimeElapsedColumn(), console=err, transient=True,
                    disable=not err.is_terminal)


def _counted(chunks: Iterator[bytes], progress: Progress, label: str) -> Iterator[bytes]:
    task = progress.add_task(label, total=None)
    for chunk in chunks:
        progress.advance(task, len(chunk))
        yield chunk


def _write_file(chunks: Iterator[bytes], path: Path) -> None:
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("wb") as handle:
            for chunk in chunks:
                handle.write(chunk)
    except BaseException:
        partial.unlink(missing_ok=True)  # a failed export leaves no half-written file behind
        raise
    partial.replace(path)


def export(
    format: Annotated[Format, typer.Option(  # type: ignore[valid-type]
        "--format", "-f", help=_FORMATS_HELP)] = Format["json"],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="File to write; - or none for stdout. For csv, a folder (nodes.csv and edges.csv "
                               "in it, ready for neo4j-admin) unless the name ends in .zip.")] = None,
    center: Annotated[str | None, typer.Option(help="Export the neighbourhood of this entity: id (any case), "
                                                    "external id (Q…), name or alias.")] = None,
    hops: Annotated[int, typer.Option(min=0, max=MAX_HOPS, help="Steps out from --center.")] = 1,
    ids: Annotated[list[str] | None, typer.Option(
        "--ids", help="Export these entities (repeat or comma-separate): ids (any case), Q…, names or "
                      "aliases.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=MAX_NODES, help="Most entities of a selection.")] = 200,
    types: Types = None,
    exclude_types: ExcludeTypes = None,
    exclude_claims: ExcludeClaims = False,
    claims: ClaimsOption = None,
    publishers: Publishers = None,
    document: Document = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    during: During = None,
    min_grade: MinGrade = None,
) -> None:
    """Export the graph, or a selection of it (streamed: the file is written as it is read).

    With neither --center nor --ids, the whole graph; the filters (--types, --claims, --publishers,
    ...) apply to the edges either way.
    """
    chosen = get_format(format.value)
    id_list = list(split_list(ids)) if ids else None
    to_stdout = output is None or str(output) == "-"
    with user_errors(), Store() as store:
        edge_filter = build_edge_filter(types=types, exclude_types=exclude_types, exclude_claims=exclude_claims,
                                        claims=claims, publishers=publishers,
                                        document=document, since=since, until=until, as_of=as_of, during=during,
                                        min_grade=min_grade)
        edge_filter = with_known_publishers(edge_filter, store)
        source, truncated = export_source(store, center=center, hops=hops, ids=id_list, limit=limit,
                                          edge_filter=edge_filter)
        if truncated:
            err.print(f"note: --limit {limit} cut the selection short", highlight=False)
        if to_stdout:
            for chunk in chosen.write(source):
                sys.stdout.buffer.write(chunk)
            sys.stdout.buffer.flush()
            return
        assert output is not None
        with _progress() as progress:
            if chosen.writer is csv_export.write_csv and not output.name.endswith(".zip"):
                output.mkdir(parents=True, exist_ok=True)
                for name, write in csv_export.FILES.items():
                    _write_file(_counted(buffered(write(source)), progress, name), output / name)
            else:
                _write_file(_counted(chosen.write(source), progress, output.name), output)
    if output.is_dir():
        sizes = ", ".join(f"{path.name} {path.stat().st_size:,} bytes" for path in sorted(output.glob("*.csv")))
        err.print(f"wrote {output}/ ({sizes})", highlight=False)
    else:
        err.print(f"wrote {output} ({output.stat().st_size:,} bytes)", highlight=False)


def stats(as_json: Json = False) -> None:
    """Counts of entities by kind and edges by relation type and status."""
    with user_errors(), connected_store() as store:
        rows = store.read("stats")
    if as_json:
        print_json({"counts": [{"section": row["section"], "name": row["name"], "count": row["count"]}
                               for row in rows]})
        return
    table = Table("section", "name", "count")
    for row in rows:
        table.add_row(row["section"], str(row["name"]), str(row["count"]))
    out.print(table)

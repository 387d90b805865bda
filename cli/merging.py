"""``intelgraph merge``, ``intelgraph unmerge`` and ``intelgraph merges``: reversible, audited merges.

They call :class:`graph.services.merges.MergeService`, as ``POST /merges``,
``POST /merges/{id}/undo`` and ``GET /merges`` do; ``--json`` prints the API's answer. The
CLI records ``via: cli`` where the API records the caller's key fingerprint.
"""
from __future__ import annotations

from typing import Annotated, Any

import typer
from rich import box
from rich.markup import escape
from rich.table import Column, Table

from cli.common import By, Json, Reason, cell, connected_store, current_user, out, print_json, user_errors
from graph.services.merges import MAX_MERGES, MergeService

__all__ = ["merge", "unmerge", "merges"]

_VIA = "cli"



def merge(
    into: Annotated[str, typer.Argument(metavar="INTO", help="The entity that stays: id (any case), Q…, name "
                                                             "or alias.")],
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="The entity merged into it: it disappears, its "
                                                                 "names become aliases, its edges move.")],
    reason: Reason,
    by: By = None,
    as_json: Json = False,
) -> None:
    """Merge SOURCE into INTO (two entities of one kind), recorded with who, when and why; undo with `unmerge`."""
    with user_errors():
        with connected_store() as store:
            outcome = MergeService(store).merge(into, source, reason=reason, by=by or current_user(), via=_VIA)
    if as_json:
        print_json(outcome)
        return
    record, changes = outcome["merge"], outcome["changes"]
    out.print(f"merged {escape(record['source'])} ({escape(record['source_name'] or '')}, {record['source_kind']}) "
              f"into {escape(record['into'])} ({escape(record['into_name'] or '')}): merge [bold]{record['id']}[/bold]",
              highlight=False, soft_wrap=True)
    _print_changes(changes, "moved")
    if record["added_aliases"]:
        out.print(f"{escape(record['into'])} now also answers to: {escape(', '.join(record['added_aliases']))}",
                  highlight=False, soft_wrap=True)
    out.print(f"undo with: intelgraph unmerge {record['id']} --reason ...", highlight=False)


def unmerge(
    merge_id: Annotated[str, typer.Argument(metavar="MERGE_ID", help="The merge to undo (see `intelgraph merges`).")],
    reason: Reason,
    by: By = None,
    as_json: Json = False,
) -> None:
    """Undo a merge: the merged-away entity comes back, with everything that named it."""
    with user_errors():
        with connected_store() as store:
            outcome = MergeService(store).unmerge(merge_id, reason=reason, by=by or current_user(), via=_VIA)
    if as_json:
        print_json(outcome)
        return
    record = outcome["merge"]
    out.print(f"undid merge {record['id']}: {escape(record['source'])} ({escape(record['source_name'] or '')}) "
              f"is apart from {escape(record['into'])} again", highlight=False, soft_wrap=True)
    _print_changes(outcome["changes"], "moved back")


def merges(
    active: Annotated[bool, typer.Option("--active", help="Only the merges in force.")] = False,
    limit: Annotated[int, typer.Option("--limit", help=f"Most merges, 1 to {MAX_MERGES}.")] = 100,
    as_json: Json = False,
) -> None:
    """The merges, newest first: in force or undone, who, when and why."""
    with user_errors():
        with connected_store() as store:
            records = MergeService(store).list(active_only=active, limit=limit)
    if as_json:
        print_json({"merges": records})
        return
    if not records:
        out.print("no merges")
        return
    # Ids and times whole, whatever the width: they are what one copies to undo a merge.
    table = Table(Column("id", no_wrap=True), Column("at", no_wrap=True), Column("state", no_wrap=True),
                  "into", "source", "by", Column("reason", ratio=1), box=box.SIMPLE_HEAD)
    for record in records:
        table.add_row(record["id"], _minute(record["at"]), "in force" if record["active"] else "undone",
                      cell(record["into"]), cell(record["source"]), cell(record["by"]), cell(record["reason"]))
    out.print(table)


def _minute(at: str | None) -> str:
    """A recorded time to the minute, for a table.

    >>> _minute("2026-11-25T00:19:42.123Z"), _minute(None)
    ('2026-11-25 00:19', '')
    """
    return (at or "")[:16].replace("T", " ")


def _print_changes(changes: dict[str, Any], verb: str) -> None:
    out.print(f"  {changes['mentions']} mention(s) and {changes['evidence']} piece(s) of evidence {verb}; "
              f"{changes['edges_removed']} edge(s) and {changes['entities_removed']} entity(ies) removed; "
              f"graph version {changes['graph_version']}", highlight=False)


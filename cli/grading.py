"""``intelgraph edge`` and ``intelgraph grade ...``: one edge with its grades, and changing grades.

The commands call :class:`graph.services.grades.GradeService`, as the API does, so a grade set
here is recorded the same way (with ``--by`` and ``via: cli``) and shows in the audit trail.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from cli.common import By, Json, Reason, cell, connected_store, current_user, out, print_json, user_errors
from graph.grading import get_rules
from graph.services.grades import GradeService, SourceGrade, read_sources_file
from graph.when import event_label, evidence_when

__all__ = ["app", "edge"]

app = typer.Typer(help="Grades (Admiralty: source reliability A-F, information credibility 1-6): "
                       "override an edge's, grade a source, read the audit trail. See docs/provenance.md.",
                  no_args_is_help=True, rich_markup_mode=None)

_VIA = "cli"


def edge(edge_id: Annotated[str, typer.Argument(help="The edge's id (e-... as the API and exports show it).")],
         as_json: Json = False) -> None:
    """One edge: its ends, status, times, grades with their reason, and the quotes behind it."""
    with user_errors(), connected_store() as store:
        detail = GradeService(store).edge(edge_id)
    if as_json:
        print_json(detail)
        return
    _print_edge(detail)


@app.command("edge")
def grade_edge(
    edge_id: Annotated[str, typer.Argument(help="The edge's id.")],
    reason: Reason,
    reliability: Annotated[str | None, typer.Option("--reliability", metavar="A-F",
                                                    help="Source reliability to set.")] = None,
    credibility: Annotated[int | None, typer.Option("--credibility", "-c", metavar="1-6",
                                                    help="Information credibility to set.")] = None,
    by: By = None,
    as_json: Json = False,
) -> None:
    """Set an analyst's grade on an edge (either grade or both), with a reason."""
    with user_errors(), connected_store() as store:
        detail = GradeService(store).override(edge_id, reliability=reliability.upper() if reliability else None,
                                              credibility=credibility, reason=reason, by=by or current_user(),
                                              via=_VIA)
    print_json(detail) if as_json else _print_edge(detail)


@app.command("clear")
def clear_edge(edge_id: Annotated[str, typer.Argument(help="The edge's id.")], reason: Reason, by: By = None,
               as_json: Json = False) -> None:
    """Take an analyst's grade off an edge: the rules grade it again (the change is recorded)."""
    with user_errors(), connected_store() as store:
        detail = GradeService(store).clear_override(edge_id, reason=reason, by=by or current_user(), via=_VIA)
    print_json(detail) if as_json else _print_edge(detail)


@app.command("source")
def grade_source(
    name: Annotated[str, typer.Argument(help="A publisher's name, or with --speaker a quoted party's entity id.")],
    reliability: Annotated[str, typer.Argument(metavar="A-F", help="Its reliability.")],
    reason: Reason,
    speaker: Annotated[bool, typer.Option("--speaker", help="NAME is the entity id of a quoted party.")] = False,
    by: By = None,
) -> None:
    """Grade a source's reliability; every edge is regraded when it changes."""
    grade = SourceGrade("speaker" if speaker else "publisher", name, reliability.upper(), reason)
    with user_errors(), connected_store() as store:
        changed = GradeService(store).grade_sources([grade], by=by or current_user(), via=_VIA)
    out.print(f"{grade.kind} {name}: {grade.reliability}" + ("" if changed else " (unchanged)"), highlight=False)


@app.command("sources")
def list_sources(
    file: Annotated[Path | None, typer.Option("--file", exists=True, dir_okay=False,
                                              help="First grade the sources a sources.yaml lists.")] = None,
    by: By = None,
    as_json: Json = False,
) -> None:
    """The graded sources (any other is F, "cannot be judged"); --file grades those of a file first."""
    with user_errors(), connected_store() as store:
        service = GradeService(store)
        if file is not None:
            service.grade_sources(read_sources_file(file), by=by or current_user(), via=f"sources file {file}")
        sources = service.sources()
    if as_json:
        print_json({"sources": sources, "default": get_rules().default_reliability})
        return
    table = Table("kind", "name", "reliability", "reason", "by", "at", title="Graded sources (others: F)")
    for source in sources:
        table.add_row(source["kind"], source["name"], source["reliability"], cell(source["reason"]),
                      cell(source.get("by")), cell(source.get("at")))
    out.print(table)


@app.command("history")
def history(
    edge_id: Annotated[str | None, typer.Argument(help="The edge's id.", show_default=False)] = None,
    source: Annotated[str | None, typer.Option("--source", help="A source's name (or entity id with --speaker) "
                                                                "instead of an edge.")] = None,
    speaker: Annotated[bool, typer.Option("--speaker", help="--source is a quoted party's entity id.")] = False,
    as_json: Json = False,
) -> None:
    """The audit trail of an edge's grade, or of a source's: who changed it, when, and why."""
    with user_errors(), connected_store() as store:
        changes = GradeService(store).history(edge=edge_id, source=source,
                                              kind="speaker" if speaker else "publisher")
    if as_json:
        print_json({"changes": changes})
        return
    table = Table("at", "action", "grade", "by", "via", "reason", "previous")
    for change in changes:
        grade = f"{change.get('reliability') or ''}{change.get('credibility') or ''}" or "—"
        table.add_row(change["at"], change["action"], grade, change["by"], cell(change.get("via")),
                      change["reason"], cell(change.get("previous")))
    out.print(table)


@app.command("regrade")
def regrade() -> None:
    """Regrade every edge from the rules (after editing graph/grading.yaml)."""
    with user_errors(), connected_store() as store:
        count = GradeService(store).regrade_all()
    out.print(f"regraded {count} edges", highlight=False)


def _print_edge(detail: dict) -> None:
    source, target = detail["source_entity"], detail["target_entity"]
    title = Text(f"{source['name']} —{detail['type']}→ {target['name']}", style="bold")
    out.print(title)
    card = Table.grid(padding=(0, 2))
    card.add_column(style="dim")
    card.add_column()
    claim = f" (asserted by {detail['asserted_by']})" if detail.get("asserted_by") else ""
    when = event_label(item.get("event") for item in detail["evidence"])  # a month stays a month
    for field, value in (("id", detail["id"]), ("status", detail["status"] + claim),
                         ("grade", detail["grade"]), ("why", detail.get("grade_reason") or ""),
                         ("happened", when),
                         ("reported", f"{detail.get('first_reported')} to {detail.get('last_reported')}"),
                         ("publishers", ", ".join(detail.get("publishers") or []))):
        card.add_row(field, Text(str(value)))
    out.print(card)
    for item in detail["evidence"]:
        out.print(Text(f"  “{item['quote']}”", style="italic"), Text(f" — {item['document']} ({evidence_when(item)})",
                                                                     style="dim"), soft_wrap=True)

"""``intelgraph load`` and ``intelgraph validate``."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from cli.common import err, out, user_errors
from extract.duplicates import same_text_of
from graph.facts import pending_review
from graph.services.grades import read_sources_file
from graph.settings import get_settings
from graph.store import Store
from loaders.facts_loader import LoadReport, find_facts_files, find_sources_files, load_paths, validate_paths

Paths = Annotated[list[Path] | None, typer.Argument(
    help="Facts files, or folders searched for *.facts.yaml (default: CORPUS_DIR).", exists=True,
    show_default=False)]


def validate(paths: Paths = None) -> None:
    """Check facts files as the loader would, without writing anything."""
    paths = paths or [get_settings().corpus_dir]
    with user_errors():
        sources = {path: read_sources_file(path) for path in find_sources_files(paths)}
        documents = validate_paths(paths)
    for path, grades in sources.items():
        out.print(f"ok  {path}  ({len(grades)} graded sources)", highlight=False, markup=False, soft_wrap=True)
    for facts in documents:
        pending = pending_review(facts)
        left = f"; {len(pending)} draft candidates left, which load refuses" if pending else ""
        out.print(f"ok  {facts.path}  ({len(facts.facts.entities)} entities, "
                  f"{len(facts.facts.relations)} relations{left})", highlight=False, markup=False, soft_wrap=True)
        if facts.document.review is not None and facts.document.review.guessed:
            err.print(f"warning: {pending[0]}", highlight=False, markup=False, soft_wrap=True)
    for facts, same in same_text_of(documents):
        err.print(f"warning: {facts.path}: document.sha256: {same.message(facts.document.id)}", highlight=False,
                  markup=False, soft_wrap=True)


def load(paths: Paths = None) -> None:
    """Validate, then load each document in one transaction (all or nothing per document).

    A folder's ``sources.yaml`` (reliability grades of publishers and speakers) is read first.
    """
    paths = paths or [get_settings().corpus_dir]
    files = find_facts_files(paths)
    if not files:
        err.print("no *.facts.yaml files found")
        raise typer.Exit(1)

    with user_errors(), Store() as store, Progress(console=err, transient=True,
                                                    disable=len(files) < 5) as progress:
        task = progress.add_task("loading", total=len(files))

        def loaded(report: LoadReport) -> None:
            progress.advance(task)
            _print_report(report)

        load_paths(store, paths, on_loaded=loaded)  # folders, not files: each folder's sources.yaml too


def _print_report(report: LoadReport) -> None:
    if report.status == "unchanged":
        out.print(f"unchanged  {report.document}  ({report.path})", highlight=False, markup=False, soft_wrap=True)
        return
    extra = ""
    if report.edges_removed or report.entities_removed:
        extra = f"; removed {report.edges_removed} stale edges, {report.entities_removed} entities"
    out.print(f"loaded  {report.document}: {report.entities} entities, {report.relations} relations "
              f"in {report.seconds:.2f} s (graph version {report.version}){extra}",
              highlight=False, markup=False, soft_wrap=True)
    for local, node in sorted(report.merged.items()):
        out.print(f"  {local} resolved to existing entity {node}", highlight=False, markup=False, soft_wrap=True)

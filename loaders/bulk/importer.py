"""The import of a bulk load: check the target, run ``neo4j-admin database import``, finish the database.

:func:`bulk_load` is the whole command: :func:`check_target`, then :func:`loaders.bulk.plan.plan`,
:func:`loaders.bulk.csv_files.write_csv`, :func:`import_csv` into the stopped server (it shuts
down while the files are validated), start it, and create the schema. A list with no items is
no property in both loaders' graphs (:mod:`graph.noitems`), so nothing is put back after the
import.
"""
from __future__ import annotations

import shutil
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from graph import localserver
from graph.errors import IntelgraphError
from graph.ontology import get_ontology
from graph.services.grades import GradeService
from graph.settings import Settings
from graph.store import Store
from loaders.bulk.csv_files import CsvSet, write_csv
from loaders.bulk.plan import plan

__all__ = ["BulkLoadRefused", "BulkReport", "bulk_load", "check_target", "import_csv"]


class BulkLoadRefused(IntelgraphError):
    """A bulk load was asked of a server or database it must not touch."""


@dataclass
class BulkReport:
    """What a bulk load wrote, and where its time went (seconds by step)."""

    documents: int = 0
    entities: int = 0
    relations: int = 0       # evidence: one per relation of every facts file
    edges: int = 0
    mentions: int = 0
    merged: dict[str, dict[str, str]] = field(default_factory=dict)  # document -> {file id: node id}
    seconds: dict[str, float] = field(default_factory=dict)
    csv_bytes: int = 0

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def _database_folder(settings: Settings) -> Path:
    return settings.neo4j_home.resolve() / "data" / "databases" / settings.neo4j_database


def check_target(settings: Settings) -> bool:
    """Refuse a server or database a bulk load must not replace; return whether the server runs.

    Raises
    ------
    BulkLoadRefused
        When ``NEO4J_URI`` is set, or the database holds any node.
    """
    if not settings.manages_local_server:
        raise BulkLoadRefused(
            f"NEO4J_URI is set ({settings.bolt_uri}): a bulk load writes the store files of the local server "
            "intelgraph manages, which it cannot do to another server; use `intelgraph load` there, "
            "or unset NEO4J_URI")
    running = localserver.status(settings).running
    if not running and not _database_folder(settings).exists():
        return False  # never started: nothing to lose
    if not running:
        localserver.start(settings)
    try:
        with Store(settings) as store:
            nodes = (store.read_one("bulk/count_nodes") or {}).get("nodes", 0)
    finally:
        if not running:
            localserver.stop(settings)
    if nodes:
        raise BulkLoadRefused(
            f"the database {settings.neo4j_database!r} at {settings.bolt_uri} is not empty ({nodes:,} nodes): "
            "a bulk load only fills an empty database, and would replace this one; add documents with "
            "`intelgraph load`, or empty it first with `intelgraph db reset`")
    return running


def import_csv(settings: Settings, csv: CsvSet, *, threads: int | None = None,
               max_off_heap: str = "2G") -> None:
    """Run ``neo4j-admin database import full`` into the (stopped) server's database, replacing it."""
    # The database name first: an option that takes several files would swallow it last.
    args = ["database", "import", "full", settings.neo4j_database, "--overwrite-destination=true", "--id-type=string",
            "--array-delimiter=U+001F", f"--max-off-heap-memory={max_off_heap}",
            f"--report-file={csv.folder / 'import.report'}"]
    if threads:
        args.append(f"--threads={threads}")
    localserver.admin_command(settings, *args, *csv.arguments())


def bulk_load(settings: Settings, paths: Iterable[Path], *, workers: int | None = None,
              keep_csv: bool = False, on_step: Callable[[str, float], None] | None = None) -> BulkReport:
    """Validate, plan, write CSV, import, start and finish: the first load of a corpus.

    Parameters
    ----------
    settings : Settings
        Of the local server (``NEO4J_URI`` unset); it is stopped for the import (its shutdown
        overlaps the validation) and left running.
    paths : iterable of Path
        Facts files, or folders searched for them, loaded in the order the loader would.
    workers : int, optional
        Processes validating files, and then writing the CSV files (default: the CPU count, at most 4).
    keep_csv : bool, optional (default=False)
        Keep the CSV files (under the server's ``import/intelgraph-bulk``) after a successful load.
    on_step : callable, optional
        Called with each step's name and seconds as it ends.

    Raises
    ------
    BulkLoadRefused
        For another server than the local one, or a database that is not empty.
    InvalidInput
        With every problem of every file; nothing is written.
    """
    report = BulkReport()

    def step(name: str, started: float) -> None:
        report.seconds[name] = time.perf_counter() - started
        if on_step is not None:
            on_step(name, report.seconds[name])

    started = time.perf_counter()
    running = check_target(settings)
    step("check", started)

    # The import needs the server stopped: it shuts down while the files are validated and
    # written, and starts again if they turn out invalid.
    with ThreadPoolExecutor(max_workers=1) as stopping:
        stopped = stopping.submit(localserver.stop, settings) if running else None
        try:
            started = time.perf_counter()
            ontology = get_ontology()
            graph = plan(paths, workers=workers, ontology=ontology)
            step("validate", started)

            started = time.perf_counter()
            folder = settings.neo4j_home.resolve() / "import" / "intelgraph-bulk"
            csv = write_csv(graph, folder, workers=workers)
            report.csv_bytes = csv.size
            report.documents, report.entities, report.edges = (len(graph.documents), len(graph.entities),
                                                               len(graph.edges))
            report.relations, report.mentions, report.merged = len(graph.evidence), len(graph.mentions), graph.merged
            sources = graph.sources
            del graph
            step("csv", started)
        except BaseException:
            if stopped is not None:
                stopped.result()
                localserver.start(settings)
            raise
        started = time.perf_counter()
        if stopped is not None:
            stopped.result()
        step("stop", started)  # what is left of the server's shutdown once the CSV is written

    started = time.perf_counter()
    try:
        import_csv(settings, csv)
    except BaseException:
        # A failed import leaves store files the server cannot open; the database was empty,
        # so remove them: the server starts with an empty database again.
        data = settings.neo4j_home.resolve() / "data"
        for kind in ("databases", "transactions"):
            shutil.rmtree(data / kind / settings.neo4j_database, ignore_errors=True)
        if running:
            localserver.start(settings)
        raise
    step("import", started)

    started = time.perf_counter()
    localserver.start(settings)
    step("start", started)

    started = time.perf_counter()
    with Store(settings) as store:
        store.ensure_schema()
        step("schema", started)
        for path, grades in sources:
            # The edges were graded with these grades already: record the Source nodes only, as
            # `intelgraph load` records them.
            GradeService(store).grade_sources(grades, by="sources file", via=path, regrade=False)
    if not keep_csv:
        shutil.rmtree(folder, ignore_errors=True)
    return report

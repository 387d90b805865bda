"""``intelgraph paths``, ``intelgraph entity`` and ``intelgraph centrality``.

Each command calls the service the API calls (``graph/services/``), with the same checks, so the
CLI answers what the API answers. Output is a rich rendering for people, or with ``--json`` the
service's answer (the API's JSON body) on stdout and nothing else there.

An ambiguous name (two entities called "Red Cell") fails with the candidates listed (exit 1),
unless stdin and stderr are a terminal: then the command asks which one is meant.
"""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from typing import Annotated, Any, TypeVar

import click
import typer
from rich import box
from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text

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
    with_known_publishers,
)
from graph.errors import Ambiguous, InvalidParameter, NotFound
from graph.services.entities import EntityService
from graph.services.paths import MAX_HOPS, MAX_K, Mode, PathService
from graph.when import edge_when, evidence_when

__all__ = ["paths", "entity", "centrality"]

T = TypeVar("T")

#: The measures of graph.analytics.centrality.MEASURES, named here so that every other command
#: starts without importing numpy and networkx (tests/cli/test_cli_analysis.py checks the list).
MEASURES = ("degree", "pagerank", "betweenness", "eigenvector", "closeness")
_MODES: dict[str, Mode] = {"shortest": "shortest", "all-shortest": "all_shortest", "k-shortest": "k_shortest"}
_STATUS_STYLE = {"reported": "green", "claimed": "yellow", "denied": "red"}

# The options the commands share.
Directed = Annotated[bool, typer.Option("--directed", help="Follow edges only from subject to object.")]


# --- commands -------------------------------------------------------------------------------------
def paths(
    source: Annotated[str, typer.Argument(metavar="FROM", help="Id, name or alias of the first entity.")],
    target: Annotated[str, typer.Argument(metavar="TO", help="Id, name or alias of the second entity.")],
    mode: Annotated[str | None, typer.Option(
        "--mode", "-m", metavar="MODE", show_default=False,
        help="shortest (default), all-shortest, or k-shortest (the --k shortest routes).")] = None,
    k: Annotated[int | None, typer.Option("--k", "-k", show_default=False,
                                          help=f"How many routes, 1 to {MAX_K} (implies --mode k-shortest; "
                                               "default 3).")] = None,
    max_hops: Annotated[int, typer.Option("--max-hops", help=f"Longest route, 1 to {MAX_HOPS} edges.")] = 6,
    exclude_claims: ExcludeClaims = False,
    claims: ClaimsOption = None,
    publishers: Publishers = None,
    types: Types = None,
    exclude_types: ExcludeTypes = None,
    directed: Directed = False,
    document: Document = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    during: During = None,
    min_grade: MinGrade = None,
    as_json: Json = False,
) -> None:
    """How two entities are connected: routes, shortest first, with the quotes behind every step.

    "No path" is an answer, not an error: it prints "no path ..." (or "paths": [] with --json)
    and exits 0.
    """
    with user_errors():
        chosen = _mode(mode, k)
        edge_filter = build_edge_filter(types=types, exclude_types=exclude_types, exclude_claims=exclude_claims,
                                        claims=claims, publishers=publishers,
                                        document=document, since=since, until=until, as_of=as_of, during=during,
                                        min_grade=min_grade)
        with connected_store() as store:
            edge_filter = with_known_publishers(edge_filter, store)
            service = PathService(store)
            found = _resolving(lambda refs: service.find(
                source=refs["from"], target=refs["to"], mode=chosen, k=k if k is not None else 3,
                max_hops=max_hops, edge_filter=edge_filter, directed=directed),
                {"from": source, "to": target})
            if as_json:
                print_json(found)
                return
            _print_paths(found, _Names.of_paths(EntityService(store), found), max_hops=max_hops)


def entity(
    name: Annotated[str, typer.Argument(help="Id, name or alias.")],
    as_json: Json = False,
) -> None:
    """One entity: its card (kind, aliases, ids, documents) and every edge it has, with quotes."""
    with user_errors(), connected_store() as store:
        service = EntityService(store)
        found = _resolving(lambda refs: _resolve_or_suggest(service, refs["name"]), {"name": name})
        detail = service.get(found["id"])
        if as_json:
            print_json(detail)
            return
        known = {detail["id"]: detail["name"]} | {edge["other"]["id"]: edge["other"]["name"]
                                                  for edge in detail["edges"]}
        _print_entity(detail, _Names(service, known))


def centrality(
    measure: Annotated[str, typer.Option("--measure", "-m", metavar="MEASURE",
                                         help=f"One of {', '.join(MEASURES)}.")] = "pagerank",
    kind: Annotated[str | None, typer.Option("--kind", help="Only list entities of this kind (still scored "
                                                            "in the whole graph).", show_default=False)] = None,
    limit: Annotated[int, typer.Option("--limit", "-n", help="How many entities to list, 1 to 1000.")] = 20,
    directed: Directed = False,
    exclude_claims: ExcludeClaims = False,
    claims: ClaimsOption = None,
    publishers: Publishers = None,
    types: Types = None,
    exclude_types: ExcludeTypes = None,
    document: Document = None,
    since: Since = None,
    until: Until = None,
    as_of: AsOf = None,
    during: During = None,
    min_grade: MinGrade = None,
    sample: Annotated[int | None, typer.Option("--sample", help="Betweenness: estimate from this many sources.",
                                               show_default=False)] = None,
    as_json: Json = False,
) -> None:
    """Rank entities by a centrality measure over the graph the filter keeps, highest first."""
    from graph.services.centrality import CentralityService  # numpy and networkx: only when needed

    with user_errors():
        edge_filter = build_edge_filter(types=types, exclude_types=exclude_types, exclude_claims=exclude_claims,
                                        claims=claims, publishers=publishers,
                                        document=document, since=since, until=until, as_of=as_of, during=during,
                                        min_grade=min_grade)
        with connected_store() as store, _working(f"computing {measure}"):
            edge_filter = with_known_publishers(edge_filter, store)
            ranking = CentralityService(store).compute(measure, kind=kind, limit=limit, edge_filter=edge_filter,
                                                       directed=directed, sample=sample)
    if as_json:
        print_json(ranking)
        return
    _print_ranking(ranking)


# --- helpers cli/console.py shares ---------------------------------------------------------------------
# --- resolving names --------------------------------------------------------------------------------
def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def _resolving(call: Callable[[dict[str, str]], T], references: dict[str, str]) -> T:
    """``call(references)``; when a name is ambiguous and a person is at the terminal, ask them."""
    refs = dict(references)
    while True:
        try:
            return call(refs)
        except Ambiguous as exc:
            if exc.parameter not in refs or not exc.candidates or not _interactive():
                raise
            refs[exc.parameter] = _pick(str(exc), exc.candidates)


def _pick(question: str, candidates: list[dict[str, Any]]) -> str:
    """Ask which candidate is meant; its id. Ctrl-C or end of input aborts (exit 1)."""
    err.print(f"[yellow]{escape(question)}[/yellow]", highlight=False)
    for number, candidate in enumerate(candidates, 1):
        err.print(escape(f"  {number}. {candidate['name']} ({candidate['kind']})  id: {candidate['id']}"),
                  highlight=False)
    try:
        number = click.prompt("Which one?", type=click.IntRange(1, len(candidates)), err=True)
    except click.Abort:
        err.print("aborted")
        raise typer.Exit(1) from None
    return candidates[number - 1]["id"]


def _resolve_or_suggest(service: EntityService, reference: str) -> dict[str, Any]:
    """The entity ``reference`` names; when none does exactly, the closest names (by spelling, then
    by word prefix) are candidates to choose from."""
    try:
        return service.resolve(reference, parameter="name")
    except NotFound as exc:
        similar = exc.candidates or []
        if not similar:
            with contextlib.suppress(InvalidParameter):
                similar = service.search(reference, limit=10)
        if not similar:
            raise
        candidates = [{key: row[key] for key in ("id", "name", "kind")} for row in similar]
        raise Ambiguous(f"name: no entity is called {reference!r}; did you mean one of these?", candidates,
                        parameter="name") from None


class _Names:
    """Names of the entities an answer mentions only by id (who asserts or disputes an edge)."""

    def __init__(self, service: EntityService, known: dict[str, str]):
        self.service = service
        self.known = dict(known)

    @classmethod
    def of_paths(cls, service: EntityService, answer: dict[str, Any]) -> _Names:
        known = {node["id"]: node["name"] for path in answer["paths"] for node in path["nodes"]}
        return cls(service, known | {answer[end]["id"]: answer[end]["name"] for end in ("from", "to")})

    def __call__(self, entity_id: str) -> str:
        if entity_id not in self.known:
            try:
                self.known[entity_id] = self.service.resolve(entity_id, parameter="id")["name"]
            except (NotFound, Ambiguous):
                self.known[entity_id] = entity_id
        return self.known[entity_id]


# --- parsing options ------------------------------------------------------------------------------
def _mode(mode: str | None, k: int | None) -> Mode:
    if mode is None:
        return "k_shortest" if k is not None else "shortest"
    chosen = _MODES.get(mode.strip().lower().replace("_", "-"))
    if chosen is None:
        raise InvalidParameter("mode", f"expected {', '.join(_MODES)}, not {mode!r}")
    if k is not None and chosen != "k_shortest":
        raise InvalidParameter("k", f"only goes with --mode k-shortest, not {mode}")
    return chosen


@contextlib.contextmanager
def _working(what: str) -> Iterator[None]:
    """A spinner on stderr while something slow runs, when a person is watching."""
    if err.is_terminal:
        with err.status(what):
            yield
    else:
        yield


# --- rendering --------------------------------------------------------------------------------------
def _label(node: dict[str, Any]) -> str:
    return f"{node['name']} ({node['id']})"


def _status(edge: dict[str, Any], names: Callable[[str], str]) -> Text:
    """``reported``; ``claimed by X, disputed by Y``; ``denied by X``."""
    status = edge["status"]
    text = Text(status, style=_STATUS_STYLE.get(status, ""))
    if edge.get("asserted_by"):
        text.append(f" by {names(edge['asserted_by'])}")
    if edge.get("disputed_by"):
        text.append(f", disputed by {', '.join(names(i) for i in edge['disputed_by'])}")
    return text


def _evidence(edge: dict[str, Any]) -> Text:
    text = Text()
    for number, item in enumerate(edge.get("evidence") or []):
        if number:
            text.append("\n")
        text.append(f"“{item['quote']}”")
        source = f"{item['document']} ({evidence_when(item)})"
        text.append(f"\n  — {source}", style="dim")
    return text


def _dates(edge: dict[str, Any]) -> str:
    """Event time and report time, each said as such (graph/when.py)."""
    return edge_when(edge)


def _route(path: dict[str, Any], names: Callable[[str], str]) -> Text:
    """``CIA —OFFERED_COOPERATION→ Russia ←TORTURED[claimed by X]— …`` for one path."""
    nodes, edges = path["nodes"], path["edges"]
    text = Text(nodes[0]["name"], style="bold")
    for step, edge in enumerate(edges):
        forward = edge["source"] == nodes[step]["id"]
        text.append(" —" if forward else " ←")
        text.append(edge["type"], style="cyan")
        if edge["status"] != "reported":
            who = f" by {names(edge['asserted_by'])}" if edge.get("asserted_by") else ""
            text.append(f"[{edge['status']}{who}]", style=_STATUS_STYLE.get(edge["status"], ""))
        text.append("→ " if forward else "— ")
        text.append(nodes[step + 1]["name"], style="bold")
    return text


def _print_paths(found: dict[str, Any], names: _Names, *, max_hops: int) -> None:
    start, end, routes = found["from"], found["to"], found["paths"]
    if not routes:
        out.print(f"no path between {escape(_label(start))} and {escape(_label(end))} within {max_hops} hops "
                  "over the edges allowed", highlight=False)
        return
    mode = found["mode"].replace("_", "-")
    count = f"{len(routes)} path{'s' if len(routes) != 1 else ''}"
    out.print(f"{count} ({mode}) from {escape(_label(start))} to {escape(_label(end))}", highlight=False)
    for number, path in enumerate(routes, 1):
        hops = len(path["edges"])
        nodes = {node["id"]: node["name"] for node in path["nodes"]}
        out.print()
        out.print(Text(f"Path {number}: {hops} hop{'s' if hops != 1 else ''}", style="bold underline"))
        _indented(_route(path, names), 2)
        for step, edge in enumerate(path["edges"], 1):
            subject, target = nodes.get(edge["source"], edge["source"]), nodes.get(edge["target"], edge["target"])
            out.print()
            _indented(Text.assemble((subject, "bold"), " —", (edge["type"], "cyan"), "→ ", (target, "bold")), 5,
                      first=f"  {step}.")
            facts = _status(edge, names)
            if _dates(edge):
                facts.append(f" · {_dates(edge)}")
            _indented(facts, 5)
            _indented(_evidence(edge), 5)


def _indented(text: Text, indent: int, *, first: str = "") -> None:
    """Print ``text`` wrapped with a hanging indent (and no trailing blanks, unlike rich's padding)."""
    width = max(out.width - indent, 20)
    for number, line in enumerate(text.wrap(out, width)):
        line.rstrip()
        prefix = first.ljust(indent) if number == 0 and first else " " * indent
        out.print(Text(prefix) + line, soft_wrap=True, highlight=False)


def _print_entity(detail: dict[str, Any], names: _Names) -> None:
    card = Table.grid(padding=(0, 2))
    card.add_column(style="bold")
    card.add_column()
    external = ", ".join(f"{key}:{value}" for key, value in sorted(detail["external_ids"].items()))
    for field, value in (("name", detail["name"]), ("id", detail["id"]), ("kind", detail["kind"]),
                         ("aliases", ", ".join(detail["aliases"])), ("external ids", external),
                         ("documents", ", ".join(detail["documents"])), ("degree", str(detail["degree"]))):
        card.add_row(field, Text(value or "—"))
    out.print(card)
    edges = detail["edges"]
    if not edges:
        out.print("no edges")
        return
    shown = "" if len(edges) >= detail["degree"] else f" (of {detail['degree']})"
    table = Table(Column("#", justify="right", no_wrap=True), Column("relation", no_wrap=True),
                  Column("other", overflow="fold"), Column("status"), Column("when", no_wrap=True),
                  title=f"{len(edges)} edges{shown}", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    for number, edge in enumerate(edges, 1):
        other = edge["other"]
        table.add_row(str(number), Text.assemble("→ " if edge["source"] == detail["id"] else "← ",
                                                 (edge["type"], "cyan")),
                      Text.assemble(other["name"], (f"\n{other['kind']} · {other['id']}", "dim")),
                      _status(edge, names), edge_when(edge, sep="\n"))
    out.print(table)
    out.print(Text("evidence", style="bold"))
    for number, edge in enumerate(edges, 1):
        _indented(_evidence(edge), 5, first=f"{number:>3}.")


def _print_ranking(ranking: dict[str, Any]) -> None:
    if not ranking["results"]:
        out.print("no entities to rank")
        return
    sampled = f", estimated from {ranking['sampled']['k']} sources" if ranking.get("sampled") else ""
    table = Table(Column("rank", justify="right", no_wrap=True), Column("score", justify="right", no_wrap=True),
                  Column("name"), Column("kind", no_wrap=True), Column("id", overflow="fold"),
                  box=box.SIMPLE_HEAD, title_justify="left",
                  title=f"{ranking['measure']} over {ranking['nodes']} entities and {ranking['edges']} edges "
                        f"(graph version {ranking['graph_version']}{sampled})")
    for rank, row in enumerate(ranking["results"], 1):
        table.add_row(str(rank), f"{row['score']:.4f}", Text(row["name"]), row["kind"], Text(row["id"]))
    out.print(table)

"""``intelgraph cypher`` (read-only Cypher) and ``intelgraph queries`` (the saved queries).

Both go through the services behind ``POST /cypher`` and ``/queries``
(:mod:`graph.services.cypher_console`), so a query the API refuses is refused here too, for
the same reason: it is planned first and must be read-only, then runs in a READ transaction
with the console's time-out and row cap.
"""
from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.markup import escape
from rich.table import Column, Table
from rich.text import Text

from cli.common import Json, cell, connected_store, err, out, print_json, user_errors
from graph.cypher import Param, Statement
from graph.errors import InvalidParameter
from graph.services.cypher_console import CypherConsole, SavedQueries, describe
from graph.settings import get_settings
from graph.store import Store

__all__ = ["cypher", "queries", "parse_params"]

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

Params = Annotated[list[str] | None, typer.Option(
    "--param", "-p", metavar="NAME=VALUE", show_default=False,
    help="A query parameter; repeat for more.")]


def cypher(
    query: Annotated[str | None, typer.Argument(help="The Cypher query (or use --file).", show_default=False)] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="Read the query from this file (- for stdin).",
                                              show_default=False, dir_okay=False)] = None,
    param: Params = None,
    as_json: Json = False,
) -> None:
    """Run a read-only Cypher query: planned first, refused (exit 1, with the reason) unless it only reads.

    --param values are read as JSON when they parse (42, true, null, "42", ["a","b"], {"k": 1}),
    else as strings: --param id=fsb --param limit=5.
    """
    with user_errors():
        text = _query_text(query, file)
        parameters = parse_params(param, lambda name, raw: _json_or_text(raw))
        with connected_store() as store:
            table = CypherConsole(store, get_settings()).run(text, parameters)
    _print_table(table, as_json=as_json)


def queries(
    name: Annotated[str | None, typer.Argument(help="A saved query to run; none lists them.",
                                               show_default=False)] = None,
    param: Params = None,
    show: Annotated[bool, typer.Option("--show", help="Print the query (header and Cypher) instead of "
                                                      "running it.")] = False,
    as_json: Json = False,
) -> None:
    """List the saved queries, or run one by name with --param NAME=VALUE (typed as its header declares)."""
    with user_errors():
        settings = get_settings()
        if name is None:
            if param or show:
                raise InvalidParameter("name", "--param and --show need the name of a saved query")
            with Store(settings) as store:  # the registry is read from cypher/queries/: no server needed
                _print_saved(SavedQueries(store, settings).list(), as_json=as_json)
            return
        with Store(settings) as store:
            statement = SavedQueries(store, settings).get(name)
        if show:
            _print_statement(name, statement, as_json=as_json)
            return
        parameters = parse_params(param, lambda key, raw: _coerce(statement.params, key, raw))
        with connected_store() as store:
            table = SavedQueries(store, settings).run(name, parameters)
    _print_table(table, as_json=as_json, title=statement.title)


def parse_params(items: list[str] | None, convert: Callable[[str, str], Any]) -> dict[str, Any]:
    """``["k=v", ...]`` as a dict, each value through ``convert(name, raw)``.

    >>> parse_params(["limit=5", "id=fsb"], lambda name, raw: raw)
    {'limit': '5', 'id': 'fsb'}
    """
    parameters: dict[str, Any] = {}
    for item in items or ():
        key, sep, raw = item.partition("=")
        key = key.strip()
        if not sep or not _NAME.match(key):
            raise InvalidParameter("param", f"expected NAME=VALUE, not {item!r}")
        if key in parameters:
            raise InvalidParameter(key, "is given twice")
        parameters[key] = convert(key, raw)
    return parameters


def _json_or_text(raw: str) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _coerce(params: dict[str, Param], key: str, raw: str) -> Any:
    """A saved query's parameter in its declared type; unknown names pass through for the service to refuse."""
    param = params.get(key)
    if param is None:
        return raw
    try:
        return param.coerce(raw)
    except ValueError:
        raise InvalidParameter(key, f"expected {'an' if param.type[0] in 'aeiou' else 'a'} {param.type}, "
                                    f"not {raw!r}") from None


def _query_text(query: str | None, file: Path | None) -> str:
    if query is None and file is None:
        raise InvalidParameter("query", "give the query as an argument or with --file")
    if query is not None and file is not None:
        raise InvalidParameter("query", "give the query as an argument or with --file, not both")
    if file is None:
        return query  # type: ignore[return-value]
    if str(file) == "-":
        return sys.stdin.read()
    try:
        return file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidParameter("file", f"cannot read {file}: {exc}") from None


def _print_table(table: dict[str, Any], *, as_json: bool, title: str | None = None) -> None:
    if as_json:
        print_json(table)
        return
    rows = table["rows"]
    grid = Table(*(Column(name, overflow="fold") for name in table["columns"]), title=title, title_justify="left",
                 caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}", caption_justify="left")
    for row in rows:
        grid.add_row(*(cell(value) for value in row))
    if table["columns"]:
        out.print(grid)
    else:
        out.print(f"no columns; {len(rows)} rows")
    if table["truncated"]:
        err.print(f"[yellow]truncated:[/yellow] only the first {len(rows)} rows (CYPHER_ROW_CAP); "
                  "add a LIMIT or narrow the query", highlight=False)


def _print_saved(listed: list[dict[str, Any]], *, as_json: bool) -> None:
    if as_json:
        print_json({"queries": listed})
        return
    table = Table(Column("name", no_wrap=True), Column("title"), Column("parameters", overflow="fold"),
                  title=f"{len(listed)} saved queries", title_justify="left", box=box.SIMPLE_HEAD,
                  caption="run one: intelgraph queries NAME [--param NAME=VALUE]; see one: --show",
                  caption_justify="left")
    for query in listed:
        params = ", ".join(f"{p['name']}: {p['type']}" + ("" if p["required"] else f" = {json.dumps(p['default'])}")
                           for p in query["params"])
        table.add_row(Text(query["name"], style="bold"), Text(query["title"]), Text(params or "—"))
    out.print(table)


def _print_statement(name: str, statement: Statement, *, as_json: bool) -> None:
    description = describe(name, statement)
    if as_json:
        print_json(description | {"query": statement.text})
        return
    out.print(Text(f"{name}: {statement.title}", style="bold"))
    out.print(escape(statement.description), highlight=False)
    for param in description["params"]:
        default = "required" if param["required"] else f"default {json.dumps(param['default'])}"
        out.print(escape(f"  --param {param['name']}=<{param['type']}>  {param['description']} ({default})"),
                  highlight=False, soft_wrap=True)
    if statement.returns:
        out.print(escape(f"returns: {statement.returns}"), highlight=False)
    out.print()
    out.print(statement.text, markup=False, highlight=False, soft_wrap=True)

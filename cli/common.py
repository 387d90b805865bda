"""What every command shares: the console, and turning intelgraph errors into exit codes."""
from __future__ import annotations

import contextlib
import getpass
import json
import sys
from collections.abc import Iterator
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from graph.errors import Ambiguous, IntelgraphError, InvalidInput
from graph.settings import get_settings
from graph.store import Store

__all__ = ["out", "err", "user_errors", "connected_store", "print_json", "cell", "Json", "Reason", "By",
           "current_user"]

out = Console()
err = Console(stderr=True)

# Options several commands share.
Json = Annotated[bool, typer.Option("--json", help="Print the API's JSON answer (and nothing else) on stdout.")]
Reason = Annotated[str, typer.Option("--reason", "-r", help="Why: recorded with the change.", show_default=False)]
By = Annotated[str | None, typer.Option("--by", help="Who decides (default: your user name).", show_default=False)]


def current_user() -> str:
    """Who runs the command, for ``--by``'s default: the login name, or ``unknown`` where there is none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        return "unknown"


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Print an intelgraph error as a message (every problem of a bad file on its own line) and exit 1."""
    try:
        yield
    except InvalidInput as exc:
        for problem in exc.problems:
            # One line per problem, however long: editors and grep read file:line: field from it.
            err.print(f"[red]error:[/red] {escape(str(problem))}", highlight=False, soft_wrap=True)
        err.print(f"{len(exc.problems)} problem(s); nothing was written.", highlight=False)
        raise typer.Exit(1) from None
    except Ambiguous as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        for candidate in exc.candidates:
            err.print(escape(f"  {candidate['id']}  {candidate['name']} ({candidate['kind']})"), highlight=False)
        raise typer.Exit(1) from None
    except IntelgraphError as exc:
        err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        raise typer.Exit(1) from None


@contextlib.contextmanager
def connected_store() -> Iterator[Store]:
    """A store whose server answered a ping; otherwise a clear message and exit 1.

    Asking first fails in a fraction of a second, where a query would retry for 15 s.
    """
    settings = get_settings()
    with Store(settings) as store:
        if not store.ping():
            err.print(f"[red]error:[/red] Neo4j does not answer at {escape(settings.bolt_uri)} (or refuses the "
                      "credentials NEO4J_USER / NEO4J_PASSWORD). Is it running? Try `intelgraph db status` "
                      "and `intelgraph db start`, or set NEO4J_URI.", highlight=False, soft_wrap=True)
            raise typer.Exit(1)
        yield store


def print_json(data: Any) -> None:
    """``data`` as JSON on stdout, as the API would send it, and nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    sys.stdout.flush()


def cell(value: Any) -> Text:
    """One value for a table cell: text as is, ``null`` dimmed, lists and maps as compact JSON."""
    if value is None:
        return Text("null", style="dim")
    if isinstance(value, str):
        return Text(value)
    if isinstance(value, (list, dict)):
        return Text(json.dumps(value, ensure_ascii=False, default=str))
    return Text(str(value))

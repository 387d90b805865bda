"""What every command shares: the console, and turning intelgraph errors into exit codes."""
from __future__ import annotations

import contextlib
from collections.abc import Iterator

import typer
from rich.console import Console
from rich.markup import escape

from graph.errors import Ambiguous, IntelgraphError, InvalidInput

__all__ = ["out", "err", "user_errors"]

out = Console()
err = Console(stderr=True)


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

"""The typer application every command module registers on, and the shared error handling."""

from __future__ import annotations

import typer

from cchc_parse.errors import CchcParseError

app = typer.Typer(
    name="cchc-parse",
    help="Turn Vietnamese government plan documents into validated JSON.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DEBUG_HELP = "Show the full traceback on errors."


def fail(exc: CchcParseError, debug: bool) -> None:
    """Bad input: one line 'error: <file>: <reason>' and exit code 1 (the traceback only with --debug)."""
    if debug:
        raise exc
    typer.echo(f"error: {exc.path}: {exc.reason}", err=True)
    raise typer.Exit(1)

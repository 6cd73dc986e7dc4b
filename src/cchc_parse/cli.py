"""The command line: parses options and calls the library, nothing more."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from cchc_parse import __version__
from cchc_parse.api import parse_file
from cchc_parse.errors import CchcParseError
from cchc_parse.export.json import write_atomic
from cchc_parse.models import PlanDocument

app = typer.Typer(
    name="cchc-parse",
    help="Turn Vietnamese government plan documents into validated JSON.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

DEBUG = typer.Option("--debug", help="Show the full traceback on errors.")


def _fail(exc: CchcParseError, debug: bool) -> None:
    if debug:
        raise exc
    typer.echo(f"error: {exc.path}: {exc.reason}", err=True)
    raise typer.Exit(1)


@app.command("parse")
def parse_command(
    file: Annotated[Path, typer.Argument(help="A plan file: .txt or .md.", show_default=False)],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the JSON here (atomically).")
    ] = None,
    compact: Annotated[bool, typer.Option("--compact", help="One-line JSON.")] = False,
    debug: Annotated[bool, DEBUG] = False,
) -> None:
    """Parse one plan file and print its JSON document."""
    try:
        document = parse_file(file)
    except CchcParseError as exc:
        _fail(exc, debug)
        return
    text = render(document, compact=compact)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


@app.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of the output document."""
    sys.stdout.write(json.dumps(PlanDocument.model_json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command("version")
def version_command() -> None:
    """Print the version."""
    typer.echo(__version__)


def render(document: PlanDocument, *, compact: bool) -> str:
    data = document.model_dump(mode="json")
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


COMMANDS = {"parse", "schema", "version"}


def route(args: list[str]) -> list[str]:
    """'cchc-parse FILE …' means 'cchc-parse parse FILE …'."""
    if args and args[0] not in COMMANDS and args[0] not in ("--help", "-h"):
        return ["parse", *args]
    return args


def main(argv: list[str] | None = None) -> None:
    app(route(sys.argv[1:] if argv is None else argv), prog_name="cchc-parse")

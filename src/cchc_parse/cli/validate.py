"""`cchc-parse validate FILE…`: check plan files against the rules of ``data/validate.json``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cchc_parse.cli.app import app


class OutputFormat(str, Enum):
    human = "human"
    json = "json"
    github = "github"


CODES_HELP = "a code (CP003) or a prefix (CP01); repeat the option or separate codes with commas"


@app.command("validate")
def validate_command(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE", help="Plan files (.txt, .md).", show_default=False)
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="human, json or github (workflow commands).")
    ] = OutputFormat.human,
    strict: Annotated[bool, typer.Option("--strict", help="Fail on warnings too.")] = False,
    select: Annotated[
        list[str] | None,
        typer.Option("--select", metavar="CODE", help=f"Run only these rules: {CODES_HELP}."),
    ] = None,
    disable: Annotated[
        list[str] | None, typer.Option("--disable", metavar="CODE", help=f"Skip these rules: {CODES_HELP}.")
    ] = None,
) -> None:
    """Check plan files: required parts, numbering, tasks, indicators, header, dates, reform areas.

    Exit code 1 when a file has errors (or warnings, with --strict), 0 otherwise, 2 for usage errors.
    """
    from rich.console import Console  # loaded only when validating: keeps every command's start-up short

    from cchc_parse.validate import exit_code, resolve_codes, validate_files
    from cchc_parse.validate.report import render_github, render_human, render_json

    try:
        codes = resolve_codes(_split(select), _split(disable))
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--select' / '--disable'") from exc
    results = validate_files(files, codes=codes)
    if output_format is OutputFormat.json:
        sys.stdout.write(render_json(results, strict=strict))
    elif output_format is OutputFormat.github:
        sys.stdout.write(render_github(results, strict=strict))
    else:
        render_human(results, Console(file=sys.stdout, soft_wrap=True, emoji=False), strict=strict)
    raise typer.Exit(exit_code(results, strict=strict))


def _split(values: list[str] | None) -> list[str]:
    return [code for value in values or [] for code in value.split(",") if code.strip()]

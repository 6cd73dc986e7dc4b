"""`cchc-parse repair FILE`: the file's text with lost or garbled Vietnamese diacritics repaired."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from cchc_parse.api import repair_file
from cchc_parse.cli.app import DEBUG_HELP, app, fail
from cchc_parse.cli.parse import OCR_HELP, OcrChoice
from cchc_parse.cli.progress import page_progress
from cchc_parse.errors import CchcParseError
from cchc_parse.export.json import write_atomic


@app.command("repair")
def repair_command(
    file: Annotated[
        Path,
        typer.Argument(help="A file: .txt, .md (its own lines), .pdf, .docx or .doc.", show_default=False),
    ],
    diff: Annotated[bool, typer.Option("--diff", help="Show only the changed lines, old and new.")] = False,
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the repaired text here (atomically).")
    ] = None,
    ocr: Annotated[OcrChoice, typer.Option("--ocr", help=OCR_HELP)] = OcrChoice.auto,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Print the text with Vietnamese diacritics and OCR-garbled letters repaired, line for line."""
    try:
        with page_progress() as progress:
            result = repair_file(file, ocr=ocr.value, progress=progress)
    except CchcParseError as exc:
        fail(exc, debug)
        return
    if diff:
        from rich.console import Console

        from cchc_parse.export.diff import render_diff

        console = Console(highlight=False, soft_wrap=True)
        for line in render_diff(result.original, result.text):
            console.print(line)
    elif output is None:
        sys.stdout.write(result.text if result.text.endswith("\n") else result.text + "\n")
    else:
        write_atomic(output, result.text)
    typer.echo(f"repaired {result.changed} of {result.syllables} syllables", err=True)

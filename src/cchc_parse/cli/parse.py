"""`cchc-parse parse FILE`: one plan file to its JSON document; also `schema` and `version`."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cchc_parse import __version__
from cchc_parse.api import normalized_text, parse_file
from cchc_parse.cli.app import DEBUG_HELP, app, fail
from cchc_parse.cli.progress import page_progress
from cchc_parse.errors import CchcParseError
from cchc_parse.export.json import write_atomic
from cchc_parse.models import PlanDocument


class OcrChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class RepairChoice(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


OCR_HELP = "PDF pages read by OCR: auto (pages without a usable text layer), always, never."
REPAIR_HELP = "Repair lost diacritics: auto (OCR'd pages and text without marks), always, never."


@app.command("parse")
def parse_command(
    file: Annotated[
        Path, typer.Argument(help="A plan file: .pdf, .docx, .doc, .txt or .md.", show_default=False)
    ],
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="Write the JSON here (atomically).")
    ] = None,
    compact: Annotated[bool, typer.Option("--compact", help="One-line JSON.")] = False,
    ocr: Annotated[OcrChoice, typer.Option("--ocr", help=OCR_HELP)] = OcrChoice.auto,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="PDF pages OCR reads at the same time.")] = 1,
    repair: Annotated[RepairChoice, typer.Option("--repair", help=REPAIR_HELP)] = RepairChoice.auto,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Parse one plan file and print its JSON document."""
    try:
        with page_progress() as progress:
            document = parse_file(file, ocr=ocr.value, jobs=jobs, repair=repair.value, progress=progress)
    except CchcParseError as exc:
        fail(exc, debug)
        return
    text = render(document, compact=compact)
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)


@app.command("text")
def text_command(
    file: Annotated[
        Path, typer.Argument(help="A plan file: .pdf, .docx, .doc, .txt or .md.", show_default=False)
    ],
    ocr: Annotated[OcrChoice, typer.Option("--ocr", help=OCR_HELP)] = OcrChoice.auto,
    repair: Annotated[RepairChoice, typer.Option("--repair", help=REPAIR_HELP)] = RepairChoice.auto,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Print the normalised text that the spans' line numbers and offsets refer to."""
    try:
        with page_progress() as progress:
            text = normalized_text(file, ocr=ocr.value, repair=repair.value, progress=progress)
        sys.stdout.write(text + "\n")
    except CchcParseError as exc:
        fail(exc, debug)


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

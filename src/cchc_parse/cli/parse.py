"""`cchc-parse parse FILE`: one plan file to its JSON document; also `text`, `schema` and `version`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_parse import __version__
from cchc_parse.cli.app import Parser, add_command, options_of, quiet_options, read_options
from cchc_parse.cli.inputs import opened
from cchc_parse.cli.progress import page_progress
from cchc_parse.export.json import write_atomic

if TYPE_CHECKING:
    from cchc_parse.models import PlanDocument

FILE_HELP = "a plan file: .pdf, .docx, .doc, .txt or .md ('-': standard input)"


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    parser = add_command(
        commands,
        "parse",
        parse_command,
        summary="parse one plan file and print its JSON document",
        description="Parse one plan file: metadata, sections, tasks and indicators as one JSON document.",
        examples=(
            "cchc-parse plan.pdf                     JSON on standard output",
            "cchc-parse plan.docx -o plan.json       written atomically",
            "cat plan.txt | cchc-parse - --compact   from standard input, one line",
        ),
        parents=[read_options(), quiet_options()],
    )
    parser.add_argument("file", metavar="FILE", help=FILE_HELP)
    parser.add_argument("-o", "--output", metavar="PATH", type=Path, help="write the JSON here (atomically)")
    parser.add_argument("--compact", action="store_true", help="one-line JSON")

    parser = add_command(
        commands,
        "text",
        text_command,
        summary="print the normalised text that spans' lines and offsets refer to",
        description="Print the normalised text of a file: the text the spans' lines and offsets refer to.",
        examples=("cchc-parse text plan.pdf -o plan.txt",),
        parents=[read_options(), quiet_options()],
    )
    parser.add_argument("file", metavar="FILE", help=FILE_HELP)
    parser.add_argument("-o", "--output", metavar="PATH", type=Path, help="write the text here (atomically)")

    add_command(
        commands,
        "schema",
        schema_command,
        summary="print the JSON Schema of the output document",
        description="Print the JSON Schema of the document 'cchc-parse parse' prints.",
    )
    add_command(
        commands, "version", version_command, summary="print the version", description="Print the version."
    )


def parse_command(args: argparse.Namespace) -> int:
    from cchc_parse.api import parse_file  # the parser loads only for the commands that parse

    with opened(args.file, args.stdin_name) as source, page_progress(quiet=args.quiet) as progress:
        document = parse_file(source.path, options_of(args, progress))
    if source.name != str(source.path):
        document.source.path = source.name
    emit(render(document, compact=args.compact), args.output)
    return 0


def text_command(args: argparse.Namespace) -> int:
    from cchc_parse.api import normalized_text

    with opened(args.file, args.stdin_name) as source, page_progress(quiet=args.quiet) as progress:
        text = normalized_text(source.path, options_of(args, progress))
    emit(text + "\n", args.output)
    return 0


def schema_command(args: argparse.Namespace) -> int:
    from cchc_parse.models import PlanDocument  # pydantic loads only for the commands that need it

    sys.stdout.write(json.dumps(PlanDocument.model_json_schema(), ensure_ascii=False, indent=2) + "\n")
    return 0


def version_command(args: argparse.Namespace) -> int:
    sys.stdout.write(f"{__version__}\n")
    return 0


def emit(text: str, output: Path | None) -> None:
    """``text`` on standard output, or written atomically to ``output``."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text)


def render(document: PlanDocument, *, compact: bool) -> str:
    data = document.model_dump(mode="json")
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

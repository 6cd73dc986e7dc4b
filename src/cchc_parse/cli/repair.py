"""`cchc-parse repair FILE`: the file's text with lost or garbled Vietnamese diacritics repaired."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc_parse.cli.app import Parser, add_command, options_of, quiet_options, read_options
from cchc_parse.cli.inputs import opened
from cchc_parse.cli.parse import emit
from cchc_parse.cli.progress import page_progress


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    parser = add_command(
        commands,
        "repair",
        repair_command,
        summary="print the text with lost or garbled Vietnamese diacritics repaired",
        description="Print a file's text with Vietnamese diacritics and OCR-garbled letters repaired, line "
        "for line (a text file's own lines; the normalised text of a PDF or Word file).",
        examples=(
            "cchc-parse repair scan.txt              the repaired text",
            "cchc-parse repair scan.txt --diff       only the changed lines, old and new",
            "cchc-parse repair scan.pdf -o scan.txt",
        ),
        parents=[read_options(repair=False), quiet_options()],
    )
    parser.add_argument("file", metavar="FILE", help="a file: .txt, .md, .pdf, .docx or .doc ('-': stdin)")
    parser.add_argument("--diff", action="store_true", help="show only the changed lines, old and new")
    parser.add_argument(
        "-o", "--output", metavar="PATH", type=Path, help="write the repaired text here (atomically)"
    )


def repair_command(args: argparse.Namespace) -> int:
    from cchc_parse.api import repair_file

    with opened(args.file, args.stdin_name) as source, page_progress(quiet=args.quiet) as progress:
        result = repair_file(source.path, options_of(args, progress))
    if args.diff:
        from rich.console import Console

        from cchc_parse.export.diff import render_diff

        console = Console(highlight=False, soft_wrap=True)
        for line in render_diff(result.original, result.text):
            console.print(line)
    else:
        emit(result.text if result.text.endswith("\n") else result.text + "\n", args.output)
    if not args.quiet:
        sys.stderr.write(f"repaired {result.changed} of {result.syllables} syllables\n")
    return 0

"""`cchc-parse batch DIR -o OUT`: a folder of plans to JSON files; `cchc-parse export DIR`: tables.

The batch and export modules are imported when these commands run, so as not to slow down the start of
every other command.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cchc_parse.cli.app import Parser, add_command, options_of, quiet_options, read_options, seconds
from cchc_parse.errors import InputError
from cchc_parse.formats import EXPECTED

BATCH_EPILOG_NOTES = """
Each input DIR/a/x.pdf becomes OUT/a/x.pdf.json. Inputs: .pdf .docx .doc .txt .md; hidden files and
folders and OUT itself are skipped. A second run skips inputs whose output was made from the same bytes
by the same version with the same --ocr and --repair. Failures go to OUT/_errors.jsonl (rewritten by each
run: this run's only) as {path, error, exit}: exit 1 bad input, 3 internal error, 124 time limit.
Exit status: 0 all parsed or skipped, 1 some file failed (or no input matched), 130 interrupted (run
again to resume)."""


def register(commands: argparse._SubParsersAction[Parser]) -> None:
    _register_batch(commands)
    _register_export(commands)


def _register_batch(commands: argparse._SubParsersAction[Parser]) -> None:
    parser = add_command(
        commands,
        "batch",
        batch_command,
        summary="parse every plan file under a folder, on several processes",
        description="Parse every plan file under DIR into OUT, one JSON document each, on several "
        "processes, resumably.\n" + BATCH_EPILOG_NOTES,
        examples=(
            "cchc-parse batch plans/ -o out/ -j 4",
            "cchc-parse batch plans/ -o out/ --glob '*.docx' --no-recursive --timeout 60",
        ),
        parents=[read_options(jobs_help="worker processes (default: the number of CPUs)"), quiet_options()],
    )
    parser.add_argument("directory", metavar="DIR", type=Path, help="folder of plan files")
    parser.add_argument(
        "-o", "--output", metavar="OUT", type=Path, required=True, help="folder for the JSON outputs"
    )
    parser.add_argument(
        "--recursive", action=argparse.BooleanOptionalAction, default=True, help="include sub-folders"
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=seconds,
        default=None,
        help="time limit per file, 0 for none (default: 120 s, 20 s a page for longer PDFs)",
    )
    parser.add_argument(
        "--glob",
        metavar="PATTERN",
        action="append",
        default=[],
        help="only files matching (repeatable; with '/' the path under DIR, else the name)",
    )
    parser.add_argument("--force", action="store_true", help="parse again inputs whose output is current")


def _register_export(commands: argparse._SubParsersAction[Parser]) -> None:
    parser = add_command(
        commands,
        "export",
        export_command,
        summary="write the plans, tasks and indicators of a batch's output as CSV or XLSX",
        description="Write the plans, tasks and indicators of every JSON document under DIR (a folder "
        "written by 'cchc-parse batch') as tables.",
        examples=(
            "cchc-parse export out/ --to xlsx             out/tables.xlsx",
            "cchc-parse export out/ --to csv -o tables/   plans.csv, tasks.csv, indicators.csv",
        ),
        parents=[quiet_options()],
    )
    parser.add_argument("directory", metavar="DIR", type=Path, help="a folder written by 'cchc-parse batch'")
    parser.add_argument(
        "--to",
        choices=("csv", "xlsx"),
        type=str.lower,
        required=True,
        help="csv: three files; xlsx: one workbook",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", type=Path, help="folder (or .xlsx file) to write (default: DIR)"
    )


def batch_command(args: argparse.Namespace) -> int:
    from rich.console import Console

    from cchc_parse.batch import make_reporter, print_summary, run_batch

    console = Console(stderr=True)
    summary = run_batch(
        args.directory,
        args.output,
        recursive=args.recursive,
        globs=args.glob,
        jobs=args.jobs,
        timeout=args.timeout,
        force=args.force,
        options=options_of(args),
        reporter=make_reporter(quiet=args.quiet, console=console),
    )
    if summary.total == 0:
        what = f"no input matches {', '.join(repr(g) for g in args.glob)}" if args.glob else "no plan files"
        raise InputError(str(args.directory), f"{what} (expected {EXPECTED})")
    print_summary(summary, console, debug=getattr(args, "debug", False))
    return summary.exit_code


def export_command(args: argparse.Namespace) -> int:
    from cchc_parse.export.tables import export_tables

    written = export_tables(args.directory, args.to, args.output, on_skip=_warn_skipped)
    if not args.quiet:
        for path in written:
            sys.stderr.write(f"wrote {path}\n")
    return 0


def _warn_skipped(path: Path, reason: str) -> None:
    sys.stderr.write(f"warning: {path}: {reason}\n")

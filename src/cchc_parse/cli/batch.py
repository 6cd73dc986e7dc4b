"""`cchc-parse batch DIR -o OUT`: a folder of plans to JSON files; `cchc-parse export OUT`: tables.

The batch and export modules are imported when these commands run, so as not to slow down the start of
every other command.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cchc_parse.cli.app import DEBUG_HELP, app, fail
from cchc_parse.cli.parse import REPAIR_HELP, RepairChoice
from cchc_parse.errors import CchcParseError

DEFAULT_TIMEOUT = 120.0  # seconds per file; the same as cchc_parse.batch.DEFAULT_TIMEOUT

BATCH_EPILOG = (
    "Each input DIR/a/x.pdf becomes OUT/a/x.pdf.json. Inputs: .pdf .docx .doc .txt .md; hidden files and "
    "folders and OUT itself are skipped. A second run skips inputs whose output was made from the same "
    "bytes by the same version with the same --repair. Failures go to OUT/_errors.jsonl (rewritten by "
    "each run: this run's only) as {path, error, exit}: exit 1 bad input, 3 internal error, 124 timeout. "
    "Pages of text inputs are estimated as characters / 3000. Exit status: 0 all parsed or skipped, 1 "
    "some file failed, 130 interrupted (run again to resume)."
)


class TableFormat(str, Enum):
    csv = "csv"
    xlsx = "xlsx"


@app.command("batch", epilog=BATCH_EPILOG)
def batch_command(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="Folder of plan files.", show_default=False)
    ],
    output: Annotated[
        Path, typer.Option("-o", "--output", help="Folder for the JSON outputs.", show_default=False)
    ],
    recursive: Annotated[
        bool, typer.Option("--recursive/--no-recursive", help="Include sub-folders.")
    ] = True,
    jobs: Annotated[
        int | None,
        typer.Option("-j", "--jobs", min=1, help="Worker processes.", show_default="the number of CPUs"),
    ] = None,
    timeout: Annotated[
        float, typer.Option("--timeout", min=0, metavar="SECONDS", help="Time limit per file (0: none).")
    ] = DEFAULT_TIMEOUT,
    glob: Annotated[
        list[str] | None,
        typer.Option(
            "--glob",
            metavar="PATTERN",
            help="Only files matching (repeatable; with '/' the path under DIR, else the name).",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Parse again inputs whose output is current.")
    ] = False,
    repair: Annotated[RepairChoice, typer.Option("--repair", help=REPAIR_HELP)] = RepairChoice.auto,
    quiet: Annotated[
        bool, typer.Option("-q", "--quiet", help="No progress while running; only the summary.")
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Parse every plan file under DIR into OUT, one JSON document each, on several processes."""
    from rich.console import Console

    from cchc_parse.batch import make_reporter, print_summary, run_batch

    console = Console(stderr=True)
    try:
        summary = run_batch(
            directory,
            output,
            recursive=recursive,
            globs=glob or (),
            jobs=jobs,
            timeout=timeout,
            force=force,
            repair=repair.value,
            reporter=make_reporter(quiet=quiet, console=console),
        )
    except CchcParseError as exc:
        fail(exc, debug)
        return
    print_summary(summary, console, debug=debug)
    raise typer.Exit(summary.exit_code)


@app.command("export")
def export_command(
    out: Annotated[
        Path,
        typer.Argument(metavar="OUT", help="A folder written by 'cchc-parse batch'.", show_default=False),
    ],
    to: Annotated[
        TableFormat,
        typer.Option(
            "--to", case_sensitive=False, help="csv: three files; xlsx: one workbook.", show_default=False
        ),
    ],
    dest: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Folder (or .xlsx file) to write.", show_default="OUT"),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help=DEBUG_HELP)] = False,
) -> None:
    """Write the plans, tasks and indicators of every JSON document under OUT as tables."""
    from cchc_parse.export.tables import export_tables

    try:
        written = export_tables(out, to.value, dest, on_skip=_warn_skipped)
    except CchcParseError as exc:
        fail(exc, debug)
        return
    for path in written:
        typer.echo(f"wrote {path}", err=True)


def _warn_skipped(path: Path, reason: str) -> None:
    typer.echo(f"warning: {path}: {reason}", err=True)

"""What a batch did: per-file results, the totals, the exit status, and the table printed at the end."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from cchc_parse.errors import EXIT_BAD_INPUT as EXIT_FAILURES
from cchc_parse.errors import EXIT_INTERRUPTED, EXIT_OK

MAX_LISTED_FAILURES = 50

FileStatus = Literal["done", "skipped", "failed"]


@dataclass(frozen=True)
class FileResult:
    """One input's result. ``path`` is the input as found under DIR (DIR joined with its relative path).

    ``exit`` is 0 unless failed: 1 bad input, 3 internal error (a bug), 124 timeout. ``ms``: wall time spent
    on the file (for a skipped file, checking that its output is current).
    """

    path: str
    status: FileStatus
    ms: int
    pages: int = 0
    exit: int = 0
    error: str | None = None
    detail: str | None = None


@dataclass
class BatchSummary:
    """The totals of one run of :func:`cchc_parse.batch.run_batch`."""

    input_dir: Path
    output_dir: Path
    errors_file: Path
    jobs: int
    total: int = 0
    done: int = 0
    skipped: int = 0
    failed: int = 0
    pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    failures: list[FileResult] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        """Inputs not handled because the run was interrupted."""
        return self.total - self.done - self.skipped - self.failed

    @property
    def exit_code(self) -> int:
        """130 if interrupted, else 1 if any file failed, else 0."""
        if self.interrupted:
            return EXIT_INTERRUPTED
        return EXIT_FAILURES if self.failed else EXIT_OK

    def add(self, result: FileResult) -> None:
        if result.status == "done":
            self.done += 1
            self.pages += result.pages
        elif result.status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(result)


def print_summary(summary: BatchSummary, console: Console, *, debug: bool = False) -> None:
    """The summary table, then one line per failure (the first 50; all are in the errors file)."""
    console.print(summary_table(summary))
    for failure in summary.failures[:MAX_LISTED_FAILURES]:
        console.print(
            f"[red]failed[/red] {escape(failure.path)}: {escape(failure.error or '')}", soft_wrap=True
        )
        if debug and failure.detail:
            console.print(escape(failure.detail.rstrip()), soft_wrap=True)
    more = len(summary.failures) - MAX_LISTED_FAILURES
    if more > 0:
        console.print(f"… and {more} more", soft_wrap=True)
    if summary.failures:
        console.print(f"errors: {escape(str(summary.errors_file))}", soft_wrap=True)
    if summary.interrupted:
        console.print("[yellow]interrupted[/yellow]: run the same command again to resume", soft_wrap=True)


def summary_table(summary: BatchSummary) -> Table:
    """Done, skipped, failed, (not processed,) pages and time as a two-column table."""
    table = Table(title="cchc-parse batch", box=box.ASCII2, show_header=False, title_justify="left")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_row("done", str(summary.done))
    table.add_row("skipped", str(summary.skipped))
    table.add_row("failed", str(summary.failed), style="red" if summary.failed else None)
    if summary.interrupted:
        table.add_row("not processed", str(summary.remaining), style="yellow")
    table.add_row("pages", str(summary.pages))
    table.add_row("time", f"{summary.seconds:.2f} s")
    if summary.done and summary.seconds > 0:
        table.add_row("speed", f"{summary.done / summary.seconds:.1f} files/s")
    return table

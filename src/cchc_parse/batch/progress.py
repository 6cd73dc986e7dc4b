"""Reporting a batch while it runs: a rich progress bar, plain log lines, or nothing.

Everything goes to stderr, so stdout stays clean. :func:`make_reporter` picks the bar when stderr is a
terminal and plain lines otherwise (one per file, tab-separated: status, path, milliseconds, and for a
failure its reason); ``quiet`` reports nothing while the batch runs.
"""

from __future__ import annotations

import sys
import time
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from cchc_parse.batch.summary import FileResult

_REFRESH_SECONDS = 0.1


class Reporter:
    """Receives the batch's events; this base class reports nothing (``--quiet``)."""

    def start(self, *, files: int, size: int, skipped: int, jobs: int) -> None:
        """Parsing begins: ``files`` to parse (``size`` bytes in all), ``skipped`` already current."""

    def file(self, result: FileResult, size: int) -> None:
        """One input is finished (done, skipped or failed); ``size`` is its size in bytes."""

    def tick(self) -> None:
        """Called several times a second while workers run."""

    def stop(self) -> None:
        """The batch is over (finished or interrupted)."""


class PlainReporter(Reporter):
    """One log line per file: ``status<TAB>path<TAB>N ms[<TAB>reason]``, for logs and pipes."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._stream = stream

    def start(self, *, files: int, size: int, skipped: int, jobs: int) -> None:
        self._write(f"batch: {files} to parse, {skipped} up to date, {jobs} job{'s' if jobs > 1 else ''}")

    def file(self, result: FileResult, size: int) -> None:
        fields = [result.status, result.path, f"{result.ms} ms"]
        if result.error:
            fields.append(result.error)
        self._write("\t".join(fields))

    def _write(self, line: str) -> None:
        stream = self._stream or sys.stderr
        stream.write(line + "\n")
        stream.flush()


class RichReporter(Reporter):
    """A progress bar: files, pages, failures, elapsed time and ETA (by bytes, so big files weigh more).

    Failures are printed above the bar as they happen. The bar is refreshed from the batch's own loop
    (no refresh thread), which keeps the parent single-threaded so that forking workers stays safe.
    """

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            TextColumn("{task.fields[files]}/{task.fields[todo]} files"),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            auto_refresh=False,
        )
        self._task: TaskID | None = None
        self._last = 0.0
        self._counts = {"files": 0, "pages": 0, "failed": 0}

    def start(self, *, files: int, size: int, skipped: int, jobs: int) -> None:
        if not files:  # nothing to parse: no bar, the summary says it all
            return
        description = f"parsing ({skipped} up to date)" if skipped else "parsing"
        self._task = self._progress.add_task(
            description, total=max(size, 1), todo=files, files=0, pages=0, failed=""
        )
        self._progress.start()
        self._progress.refresh()

    def file(self, result: FileResult, size: int) -> None:
        if self._task is None or result.status == "skipped":
            return
        self._counts["files"] += 1
        self._counts["pages"] += result.pages
        if result.status == "failed":
            self._counts["failed"] += 1
            self._progress.console.print(
                f"[red]failed[/red] {escape(result.path)}: {escape(result.error or '')}", soft_wrap=True
            )
        failed = self._counts["failed"]
        self._progress.update(
            self._task,
            advance=size,
            files=self._counts["files"],
            pages=self._counts["pages"],
            failed=f"[red]{failed} failed[/red]" if failed else "",
        )
        self.tick()

    def tick(self) -> None:
        now = time.monotonic()
        if self._task is not None and now - self._last >= _REFRESH_SECONDS:
            self._last = now
            self._progress.refresh()

    def stop(self) -> None:
        if self._task is not None:
            self._progress.refresh()
            self._progress.stop()


def make_reporter(*, quiet: bool = False, console: Console | None = None) -> Reporter:
    """Nothing when ``quiet``; a progress bar on a terminal; plain lines otherwise (both on stderr)."""
    if quiet:
        return Reporter()
    console = console or Console(stderr=True)
    if console.is_terminal:
        return RichReporter(console)
    return PlainReporter(console.file)

"""Reporting a batch while it runs: a rich progress bar, plain log lines, or nothing.

Everything goes to stderr, so stdout stays clean. :func:`make_reporter` picks the bar when stderr is a
terminal and plain lines otherwise (one per file, tab-separated: status, path, milliseconds, and for a
failure its reason); ``quiet`` reports nothing while the batch runs.

The bar counts files; its time left is estimated from the pages still to do (a PDF's page count, the
size of other files: ``batch.pages.pages_before_parsing``) at the pace of the pages done so far, so
that a folder of small texts and one long scan both get a fair estimate.
"""

from __future__ import annotations

import sys
import time
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from cchc_parse.batch.summary import FileResult
from cchc_parse.cli.eta import format_seconds, time_left

_REFRESH_SECONDS = 0.1
_SHOWN_NAME = 40  # characters of a file name in work shown on the bar


class Reporter:
    """Receives the batch's events; this base class reports nothing (``--quiet``)."""

    def start(self, *, files: int, pages: int, skipped: int, jobs: int) -> None:
        """Parsing begins: ``files`` to parse (``pages`` pages in all, estimated), ``skipped`` current."""

    def begin(self, path: str) -> None:
        """A worker took the file ``path``."""

    def file(self, result: FileResult, pages: int) -> None:
        """One input is finished (done, skipped or failed); ``pages`` is the work it was counted for."""

    def tick(self) -> None:
        """Called several times a second while workers run."""

    def stop(self) -> None:
        """The batch is over (finished or interrupted)."""


class PlainReporter(Reporter):
    """One log line per file: ``status<TAB>path<TAB>N ms[<TAB>reason]``, for logs and pipes."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._stream = stream

    def start(self, *, files: int, pages: int, skipped: int, jobs: int) -> None:
        self._write(
            f"batch: {files} to parse (about {pages} pages), {skipped} up to date, "
            f"{jobs} job{'s' if jobs > 1 else ''}"
        )

    def file(self, result: FileResult, pages: int) -> None:
        fields = [result.status, result.path, f"{result.ms} ms"]
        if result.error:
            fields.append(result.error)
        self._write("\t".join(fields))

    def _write(self, line: str) -> None:
        stream = self._stream or sys.stderr
        stream.write(line + "\n")
        stream.flush()


class RichReporter(Reporter):
    """A progress bar: files done of all, pages, failures, the files in work, elapsed time and time left.

    Failures are printed above the bar as they happen. The bar is refreshed from the batch's own loop
    (no refresh thread), which keeps the parent single-threaded so that forking workers stays safe.
    """

    def __init__(self, console: Console) -> None:
        self._progress = Progress(
            SpinnerColumn(),
            BarColumn(),
            TextColumn("{task.completed:.0f}/{task.total:.0f} files"),
            TextColumn("{task.fields[pages]} pages"),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("ETA {task.fields[eta]}"),
            TextColumn("[dim]{task.fields[working]}"),
            console=console,
            auto_refresh=False,
        )
        self._task: TaskID | None = None
        self._last = 0.0
        self._started = 0.0
        self._pages_total = 0
        self._pages_done = 0  # as estimated before parsing: the measure of the time left
        self._pages_read = 0  # as the parsed documents count them: shown
        self._failed = 0
        self._working: list[str] = []

    def start(self, *, files: int, pages: int, skipped: int, jobs: int) -> None:
        if not files:  # nothing to parse: no bar, the summary says it all
            return
        self._pages_total = pages
        self._started = time.monotonic()
        self._task = self._progress.add_task(
            "parsing", total=files, pages=0, failed="", eta=format_seconds(None), working=""
        )
        if skipped:
            self._progress.console.print(f"{skipped} up to date, {files} to parse", highlight=False)
        self._progress.start()
        self._progress.refresh()

    def begin(self, path: str) -> None:
        self._working.append(path)
        self._update()

    def file(self, result: FileResult, pages: int) -> None:
        if self._task is None or result.status == "skipped":
            return
        if result.path in self._working:
            self._working.remove(result.path)
        self._pages_done += pages
        self._pages_read += result.pages
        if result.status == "failed":
            self._failed += 1
            self._progress.console.print(
                f"[red]failed[/red] {escape(result.path)}: {escape(result.error or '')}", soft_wrap=True
            )
        self._progress.advance(self._task)
        self._update()
        self.tick()

    def _update(self) -> None:
        if self._task is None:
            return
        left = time_left(time.monotonic() - self._started, self._pages_done, self._pages_total)
        names = ", ".join(_short(p) for p in self._working)
        self._progress.update(
            self._task,
            pages=self._pages_read,
            failed=f"[red]{self._failed} failed[/red]" if self._failed else "",
            eta=format_seconds(left),
            working=escape(names),
        )

    def tick(self) -> None:
        now = time.monotonic()
        if self._task is not None and now - self._last >= _REFRESH_SECONDS:
            self._last = now
            self._update()
            self._progress.refresh()

    def stop(self) -> None:
        if self._task is not None:
            self._working.clear()
            self._update()
            self._progress.refresh()
            self._progress.stop()


def _short(path: str) -> str:
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name if len(name) <= _SHOWN_NAME else name[: _SHOWN_NAME - 1] + "…"


def make_reporter(*, quiet: bool = False, console: Console | None = None) -> Reporter:
    """Nothing when ``quiet``; a progress bar on a terminal; plain lines otherwise (both on stderr)."""
    if quiet:
        return Reporter()
    console = console or Console(stderr=True)
    if console.is_terminal:
        return RichReporter(console)
    return PlainReporter(console.file)

"""Reporting a batch while it runs: a rich progress bar, plain log lines, or nothing.

Everything goes to stderr, so stdout stays clean. :func:`make_reporter` picks the bar when stderr is a
terminal and plain lines otherwise (one per file, tab-separated: status, path, milliseconds, and for a
failure its reason); ``quiet`` reports nothing while the batch runs.

The bar counts files. Its time left is the work still to do (each file's pages and its format's expected
seconds a page: ``batch.pages.expected_work``), at the pace each format has shown so far (a format not yet
seen keeps its prior), over the workers: a folder of quick texts with a few long scans gets a fair
estimate, not "done in a second" while the scans are still to come.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from cchc_parse.batch.pages import Work
from cchc_parse.batch.summary import FileResult
from cchc_parse.cli.eta import format_seconds

_REFRESH_SECONDS = 0.1
_SHOWN_NAME = 40  # characters of a file name in work shown on the bar


class Estimate:
    """The time left of a batch: the expected seconds still to do, format by format, scaled by how long that
    format's files really took against their expectation, shared among ``jobs`` workers."""

    def __init__(self, work: Sequence[Work], jobs: int) -> None:
        self._jobs = max(1, jobs)
        self._left: dict[str, float] = {}
        self._taken: dict[str, tuple[float, float]] = {}  # kind -> (seconds taken, seconds expected)
        for item in work:
            self._left[item.kind] = self._left.get(item.kind, 0.0) + item.seconds

    def done(self, work: Work, seconds: float) -> None:
        self._left[work.kind] = max(0.0, self._left.get(work.kind, 0.0) - work.seconds)
        taken, expected = self._taken.get(work.kind, (0.0, 0.0))
        self._taken[work.kind] = (taken + seconds, expected + work.seconds)

    def seconds_left(self) -> float | None:
        """None until a first file is done: before that the priors alone would be a guess."""
        if not self._taken:
            return None
        return sum(left * self._pace(kind) for kind, left in self._left.items()) / self._jobs

    def _pace(self, kind: str) -> float:
        taken, expected = self._taken.get(kind, (0.0, 0.0))
        return taken / expected if expected > 0 else 1.0


class Reporter:
    """Receives the batch's events; this base class reports nothing (``--quiet``)."""

    def start(self, *, files: int, work: Sequence[Work], skipped: int, jobs: int) -> None:
        """Parsing begins: ``files`` to parse (``work``: what each is expected to cost); ``skipped``
        inputs are current already."""

    def begin(self, path: str) -> None:
        """A worker took the file ``path``."""

    def file(self, result: FileResult, work: Work) -> None:
        """One input is finished (done, skipped or failed); ``work`` is what it was expected to cost."""

    def tick(self) -> None:
        """Called several times a second while workers run."""

    def stop(self) -> None:
        """The batch is over (finished or interrupted)."""


class PlainReporter(Reporter):
    """One log line per file: ``status<TAB>path<TAB>N ms[<TAB>reason]``, for logs and pipes."""

    def __init__(self, stream: IO[str] | None = None) -> None:
        self._stream = stream

    def start(self, *, files: int, work: Sequence[Work], skipped: int, jobs: int) -> None:
        pages = sum(w.pages for w in work)
        self._write(
            f"batch: {files} to parse (about {pages} pages), {skipped} up to date, "
            f"{jobs} job{'s' if jobs > 1 else ''}"
        )

    def file(self, result: FileResult, work: Work) -> None:
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
        self._estimate = Estimate((), 1)
        self._pages_read = 0  # as the parsed documents count them: shown
        self._failed = 0
        self._working: list[str] = []

    def start(self, *, files: int, work: Sequence[Work], skipped: int, jobs: int) -> None:
        if not files:  # nothing to parse: no bar, the summary says it all
            return
        self._estimate = Estimate(work, jobs)
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

    def file(self, result: FileResult, work: Work) -> None:
        if self._task is None or result.status == "skipped":
            return
        if result.path in self._working:
            self._working.remove(result.path)
        self._estimate.done(work, result.ms / 1000)
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
        left = self._estimate.seconds_left()
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

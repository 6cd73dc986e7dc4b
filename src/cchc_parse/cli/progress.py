"""A progress bar on standard error for the long parts of one file's work (OCR's pages)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from cchc_parse.progress import Progress


@contextmanager
def page_progress(console: Console | None = None) -> Iterator[Progress | None]:
    """A callback drawing a bar per kind of work ("OCR pages 3/20", "repair lines") on ``console`` (stderr by
    default) while the block runs, and removing it at the end; None when that is no terminal, so that
    logs and pipes get nothing."""
    from rich.console import Console

    console = console or Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn, TimeRemainingColumn
    from rich.progress import Progress as Bar

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Bar(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
            bar.update(tasks[what], completed=done, total=total)

        yield report

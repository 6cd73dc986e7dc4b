"""A progress bar on standard error for the long parts of one file's work (OCR's pages, a long repair).

The bar shows the time left once a first step is done (elapsed time per step × steps left) and leaves one
closing line per kind of work ("OCR pages: 20/20 in 46.1 s"). Nothing is drawn when standard error is no
terminal (logs and pipes) or with ``--quiet``.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from cchc_parse.progress import Progress


@contextmanager
def page_progress(console: Console | None = None, *, quiet: bool = False) -> Iterator[Progress | None]:
    """A callback drawing a bar per kind of work ("OCR pages 3/20 ETA 0:00:40") on ``console`` (stderr by
    default) while the block runs, then a closing line for each; None when quiet or no terminal."""
    from rich.console import Console

    console = console or Console(stderr=True)
    if quiet or not console.is_terminal:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, TaskID, TextColumn
    from rich.progress import Progress as Bar

    from cchc_parse.cli.eta import EtaColumn

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), EtaColumn())
    started: dict[str, float] = {}
    counts: dict[str, tuple[int, int]] = {}
    with Bar(*columns, console=console, transient=True) as bar:
        tasks: dict[str, TaskID] = {}

        def report(what: str, done: int, total: int) -> None:
            if what not in tasks:
                tasks[what] = bar.add_task(what, total=total)
                started[what] = time.monotonic()
            counts[what] = (done, total)
            bar.update(tasks[what], completed=done, total=total)

        yield report
    for what, (done, total) in counts.items():
        console.print(f"{what}: {done}/{total} in {time.monotonic() - started[what]:.1f} s", highlight=False)

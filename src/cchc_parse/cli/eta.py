"""The time left of a progress bar, from the average so far: elapsed / work done × work left.

rich's own estimate averages recent speed over a window and shows nothing until it has samples, which for
work that moves in large steps (an OCR'd page every few seconds, a batch's files) is late and jumpy.
"""

from __future__ import annotations

from datetime import timedelta

from rich.progress import ProgressColumn, Task
from rich.text import Text


def time_left(elapsed: float, done: float, total: float) -> float | None:
    """Seconds left at the average pace so far; None before any work is done."""
    if done <= 0 or total <= 0 or elapsed <= 0:
        return None
    return max(0.0, elapsed / done * (total - done))


def format_seconds(seconds: float | None) -> str:
    return "-:--:--" if seconds is None else str(timedelta(seconds=round(seconds)))


class EtaColumn(ProgressColumn):
    """'ETA 0:01:05' from :func:`time_left` of the task's own completed and total."""

    def render(self, task: Task) -> Text:
        left = time_left(task.elapsed or 0.0, task.completed, task.total or 0.0)
        return Text(f"ETA {format_seconds(left)}", style="progress.remaining")

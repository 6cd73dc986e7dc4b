"""Progress of long work, reported to a callback the caller gives: OCR reads a PDF page in a few seconds,
so a scan of twenty pages takes a minute or more."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Progress"]

# (what is being done, how many done, how many in all): ("OCR", 3, 20) after the third of twenty pages,
# ("OCR", 0, 20) before the first. Called from the thread that called the library.
Progress = Callable[[str, int, int], None]

"""Progress of long work, reported to a callback the caller gives: OCR reads a PDF page in a few seconds,
so a scan of twenty pages takes a minute or more; the diacritic repair of a megabyte of text, half a
minute."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["Progress"]

# (what is being done, in what units; how many done; how many in all): ("OCR pages", 3, 20) after the third
# of twenty pages, ("OCR pages", 0, 20) before the first; ("repair lines", 120, 4000). Called from the
# thread that called the library.
Progress = Callable[[str, int, int], None]

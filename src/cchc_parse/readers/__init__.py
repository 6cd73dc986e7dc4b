"""Readers: one per input format (the table is :mod:`cchc_parse.formats`), each producing a
:class:`cchc_parse.document.Document` through the same contract.

A reader is given a path that exists and can be opened (the caller checks that) and the parse options;
it returns the document's blocks with their provenance (source lines of a text, the page of a PDF
block), the format, the SHA-256 of the file's bytes and the path as given, or raises our
:class:`cchc_parse.errors.CchcParseError` for a file it cannot read. ``tests/test_readers.py`` holds
every reader to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from cchc_parse.errors import InputError

if TYPE_CHECKING:
    from cchc_parse.document import Document, FormatName
    from cchc_parse.options import ParseOptions


class Reader(Protocol):
    """Reads one format."""

    @property
    def format(self) -> FormatName:
        """The format this reader reads (``source.format``)."""
        ...

    def read(self, path: Path, options: ParseOptions) -> Document:
        """The document of the file at ``path``, read as ``options`` say."""
        ...


# --- file access every reader shares --------------------------------------------------------------------
def unreadable(name: str, exc: OSError) -> InputError:
    """Our error for a file the system would not let us read."""
    if isinstance(exc, PermissionError):
        return InputError(name, "permission denied")
    return InputError(name, exc.strerror or "cannot be read")


def check_readable(path: Path) -> None:
    """Our error, before any reader starts, for a file that cannot be opened (no read permission), or
    that is no regular file (a FIFO or a device would block or never end)."""
    if not path.is_file():
        raise InputError(str(path), "not a regular file")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        raise unreadable(str(path), exc) from exc


def read_limited(path: Path, limit: int) -> bytes:
    """The bytes of a file, with our errors for one too large or unreadable."""
    name = str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            too_large = f"file is too large ({size // 1_000_000} MB; limit {limit // 1_000_000} MB)"
            raise InputError(name, too_large)
        return path.read_bytes()
    except OSError as exc:
        raise unreadable(name, exc) from exc

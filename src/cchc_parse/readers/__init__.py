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

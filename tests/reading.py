"""Reading a file as ``parse_file`` reads it: its reader, then the pipeline's document stages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_parse.api import read_document
from cchc_parse.document import Document
from cchc_parse.options import ParseOptions


def read_pdf(path: Path | str, **options: Any) -> Document:
    """The document of a PDF (or any file), read with ``ParseOptions(**options)``."""
    return read_document(path, ParseOptions(**options))

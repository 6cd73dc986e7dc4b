"""Reading a file as ``parse_file`` reads it: its reader, then the pipeline's document stages."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from cchc_parse.api import read_document
from cchc_parse.document import Document
from cchc_parse.options import ParseOptions
from cchc_parse.readers.pdf_page import PdfLine

OcrCall = tuple[list[int], int]  # the pages OCR was asked for, and its jobs
OcrStub = Callable[..., dict[int, list[PdfLine]]]


def read_pdf(path: Path | str, **options: Any) -> Document:
    """The document of a PDF (or any file), read with ``ParseOptions(**options)``."""
    return read_document(path, ParseOptions(**options))


def stub_ocr(page_lines: Callable[[int, int], list[PdfLine]], calls: list[OcrCall]) -> OcrStub:
    """A stand-in for ``readers.ocr.ocr_page_lines`` (to monkeypatch): it records each call's pages and jobs
    in ``calls`` and gives each page the lines ``page_lines(page, dpi)``."""

    def ocr_page_lines(
        pdf_path: str,
        pages: list[int],
        *,
        jobs: int = 1,
        dpi: int = 300,
        progress: object = None,
        stamps: object = None,
    ) -> dict[int, list[PdfLine]]:
        calls.append((list(pages), jobs))
        return {page: page_lines(page, dpi) for page in pages}

    return ocr_page_lines

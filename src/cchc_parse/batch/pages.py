"""How many pages a parsed document counts for in the batch's progress and summary.

Paged formats report real pages: the highest ``span.page`` in the document (PDF readers set it). Text
inputs have no pages, so they are estimated as ``ceil(characters / 3000)``, 3000 characters being about
one A4 page of a Vietnamese plan; characters are those of the decoded input file. A format with neither
(DOCX until its reader says otherwise) falls back to the furthest character offset any record reaches.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc_parse.models import PlanDocument, Section, Span

PAGE_CHARS = 3000


def estimate_pages(document: PlanDocument, path: Path) -> int:
    """Pages of ``document`` parsed from ``path``: real pages when known, else the text estimate (>= 1)."""
    spans = list(_spans(document))
    pages = [s.page for s in spans if s.page is not None]
    if pages:
        return max(pages)
    if document.source.format in ("txt", "md"):
        characters = _text_characters(path, document.source.encoding)
    else:
        characters = max((s.end_char for s in spans), default=0)
    return pages_for_characters(characters)


def pages_for_characters(characters: int) -> int:
    """``ceil(characters / PAGE_CHARS)``, at least 1."""
    return max(1, math.ceil(characters / PAGE_CHARS))


def _text_characters(path: Path, encoding: str | None) -> int:
    codec = (encoding or "utf-8").split("+", 1)[0]
    try:
        data = path.read_bytes()
    except OSError:
        return 0
    try:
        return len(data.decode(codec, errors="replace"))
    except LookupError:
        return len(data.decode("utf-8", errors="replace"))


def _spans(document: PlanDocument) -> Iterator[Span]:
    yield from _section_spans(document.sections)
    for task in document.tasks:
        yield task.span
    for indicator in document.indicators:
        yield indicator.span


def _section_spans(sections: list[Section]) -> Iterator[Span]:
    for section in sections:
        yield section.span
        yield from _section_spans(section.children)


# bytes of a Word file per page, for an estimate before parsing: text, XML markup and zip compression
# together come to about this for the corpus's plans
DOCX_PAGE_BYTES = 12_000


def pages_before_parsing(path: Path, size: int, kind: str | None = None) -> int:
    """The pages an input will count for, known before it is parsed: a PDF's page count (PDFium reads only
    its cross-reference table), else estimated from the size (text: ``PAGE_CHARS`` bytes a page).
    ``kind`` is the format's name (default: the one its suffix gives)."""
    kind = _kind(path) if kind is None else kind
    if kind == "pdf":
        return _pdf_page_count(path) or 1
    if kind in ("docx", "doc"):
        return max(1, math.ceil(size / DOCX_PAGE_BYTES))
    return pages_for_characters(size)


def _kind(path: Path) -> str:
    from cchc_parse.formats import find_format

    found = find_format(path)
    return found.name if found else ""


def _pdf_page_count(path: Path) -> int | None:
    import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]

    try:
        pdf = pdfium.PdfDocument(str(path))
    except Exception:  # any file PDFium cannot open: the worker reports why
        return None
    try:
        return len(pdf)
    finally:
        pdf.close()


# seconds a page a format is expected to take before any file of it is done (a PDF page may need OCR, a
# .doc goes through LibreOffice); the batch's time left then follows the pace each format really shows
PRIOR_SECONDS_PER_PAGE = {"pdf": 2.5, "doc": 0.5, "docx": 0.05, "txt": 0.01, "md": 0.01}


@dataclass(frozen=True)
class Work:
    """What one input is expected to cost, known before it is parsed: its format (by suffix), its pages,
    and the seconds its format's prior gives them."""

    kind: str
    pages: int
    seconds: float


NO_WORK = Work("", 0, 0.0)


def expected_work(path: Path, size: int) -> Work:
    kind = _kind(path)
    pages = pages_before_parsing(path, size, kind)
    return Work(kind, pages, pages * PRIOR_SECONDS_PER_PAGE.get(kind, 0.1))

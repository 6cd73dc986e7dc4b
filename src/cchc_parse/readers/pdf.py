"""Reader for PDF files: the text layer through PDFium (pypdfium2), tables through pdfplumber, OCR if needed.

Every block keeps its page (``Block.page``, 1-based). ``source_start``/``source_end`` are line numbers
(1-based) in the text of that page as PDFium extracts it, form-field text merged in (``pdf_page``); for a
page read by OCR, lines of the OCR text (on page 1, the rows of a two-column header first, the other lines
after them). A paragraph or table running on across a page break keeps the page where it starts and ends on a
line of a later page.

Each page's text layer is scored with ``readers.text_quality`` (the share of words that are Vietnamese
syllables). A page without text that shows an image (a scan), or whose text scores below QUALITY_MIN (broken
font encodings, bad OCR layers), is read by OCR in mode "auto"; mode "always" reads every page by OCR and
"never" keeps the text layer as it is, with a warning. OCR'd lines come with their words' positions, so that
page 1's two-column header becomes a table whether it was read from the text layer or by OCR.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from itertools import count, islice
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]

from cchc_parse.document import Document, DocWarning
from cchc_parse.errors import InputError
from cchc_parse.formats import HEAD_BYTES, PDF_MAGIC
from cchc_parse.normalize.encodings import convert_legacy
from cchc_parse.options import MAX_PDF_PAGES, MODES, Mode
from cchc_parse.progress import Progress
from cchc_parse.readers import unreadable
from cchc_parse.readers.ocr_foot import with_foot_table
from cchc_parse.readers.ocr_labels import fix_misread_labels
from cchc_parse.readers.ocr_lines import head_rows, header_lines
from cchc_parse.readers.pdf_layout import PageItems, header_table, to_blocks
from cchc_parse.readers.pdf_page import PageText, PdfLine, read_page
from cchc_parse.readers.pdf_tables import PdfTable, find_tables, place_tables
from cchc_parse.readers.text_quality import text_quality

if TYPE_CHECKING:
    from cchc_parse.options import ParseOptions

QUALITY_MIN = 0.6  # text layers scoring below this are broken (good ones score 0.9 and more)
MIN_LETTERS = 40  # a page with fewer letters has no text layer to speak of (a scan, or a blank page)
TAIL_BYTES = 2048  # the %%EOF marker must stand within the last bytes (the %PDF- header: HEAD_BYTES)
CHUNK_BYTES = 1 << 20


class PdfReader:
    """PDFs: the text layer through PDFium, tables through pdfplumber, pages without a usable layer OCR'd."""

    format: Literal["pdf"] = "pdf"

    def read(self, path: Path, options: ParseOptions) -> Document:
        return read_pdf_file(
            str(path),
            ocr=options.ocr,
            jobs=options.jobs,
            max_pages=options.max_pages,
            progress=options.progress,
        )


PDF = PdfReader()


def read_pdf_file(
    path: str,
    *,
    ocr: Mode = "auto",
    jobs: int = 1,
    max_pages: int = MAX_PDF_PAGES,
    progress: Progress | None = None,
) -> Document:
    """Read a PDF into the intermediate document (format "pdf").

    Raises :class:`InputError` for a file that is not a PDF, is truncated or corrupt, is encrypted, has more
    than ``max_pages`` pages, or has no text at all; ``readers.ocr.OcrUnavailableError`` when pages need
    OCR (mode "auto" or "always") and Tesseract is missing. ``progress`` hears how OCR gets on.
    """
    if ocr not in MODES:
        raise ValueError(f"ocr must be one of {', '.join(MODES)}, not {ocr!r}")
    sha256 = _check_file(path)
    pages = _read_pages(path, max_pages)
    warnings: list[DocWarning] = []
    ocr_lines = _ocr(path, pages, ocr, jobs, warnings, progress)
    items = _page_items(path, pages, ocr_lines, warnings)
    blocks = to_blocks(items, warnings)
    if not blocks:
        hint = "OCR is disabled (--ocr never)" if ocr == "never" else "OCR found none either"
        raise InputError(path, f"no text in the PDF (a scan?); {hint}")
    return Document(
        path=path,
        format="pdf",
        sha256=sha256,
        encoding=None,
        blocks=blocks,
        ocr=bool(ocr_lines),
        ocr_pages={index + 1 for index in ocr_lines},
        warnings=warnings,
    )


def _check_file(path: str) -> str:
    """The file's SHA-256 (read in chunks); InputError when it is empty, no PDF or cut short."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as file:
            head = file.read(HEAD_BYTES)
            digest.update(head)
            for chunk in iter(lambda: file.read(CHUNK_BYTES), b""):
                digest.update(chunk)
            size = file.tell()
            file.seek(max(0, size - TAIL_BYTES))
            tail = file.read()
    except OSError as exc:
        raise unreadable(path, exc) from exc
    if not head:
        raise InputError(path, "file is empty")
    if PDF_MAGIC not in head:
        raise InputError(path, "not a PDF file (no %PDF header)")
    if b"%%EOF" not in tail:
        raise InputError(path, "not a valid PDF (truncated: no end-of-file marker)")
    return digest.hexdigest()


def _read_pages(path: str, max_pages: int) -> list[PageText]:
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise InputError(path, _open_error(str(exc))) from None
    try:
        count = len(pdf)
        if count > max_pages:
            raise InputError(path, f"too many pages ({count} > {max_pages})")
        if count == 0:
            raise InputError(path, "the PDF has no pages")
        pages = []
        for index in range(count):
            try:
                pages.append(read_page(pdf, index, head=index == 0))
            except pdfium.PdfiumError as exc:
                raise InputError(path, f"not a valid PDF (page {index + 1}: {exc})") from None
        return pages
    finally:
        pdf.close()


def _open_error(message: str) -> str:
    if "password" in message.lower():
        return "encrypted PDF: remove the password first"
    detail = message.removeprefix("Failed to load document ").strip("().")
    return f"not a valid PDF ({detail or message})"


# --- quality and OCR --------------------------------------------------------------------------------


def page_state(page: PageText) -> Literal["ok", "missing", "broken", "blank"]:
    """Whether a page's text layer can be used: missing (a scan), broken, blank (nothing to read) or ok.
    The stamps of digital signatures do not count: a scan page whose only text is the signing software's
    widget is a scan."""
    text = page.own_text
    letters = sum(1 for _ in islice(filter(str.isalpha, text), MIN_LETTERS))  # counting stops at enough
    if letters < MIN_LETTERS:
        return "missing" if page.has_images else "blank" if not letters else "ok"
    if text_quality(text) >= QUALITY_MIN:
        return "ok"
    # a text layer typed in a TCVN3 / VNI font reads well once converted (the legacy stage converts it)
    converted, kind = convert_legacy(text)
    return "ok" if kind is not None and text_quality(converted) >= QUALITY_MIN else "broken"


def _ocr(
    path: str,
    pages: list[PageText],
    mode: Mode,
    jobs: int,
    warnings: list[DocWarning],
    progress: Progress | None,
) -> dict[int, list[PdfLine | PdfTable]]:
    states = {page.index: page_state(page) for page in pages}
    missing = [i for i, s in states.items() if s == "missing"]
    broken = [i for i, s in states.items() if s == "broken"]
    if mode == "never":
        if broken:
            warnings.append(
                DocWarning("text_layer_broken", f"text layer looks broken on {_pages(broken)}; OCR disabled")
            )
        if missing:
            warnings.append(
                DocWarning("text_layer_missing", f"no text layer on {_pages(missing)}; OCR disabled")
            )
        return {}
    wanted = sorted(states) if mode == "always" else sorted(missing + broken)
    if not wanted:
        return {}
    from cchc_parse.readers.ocr import ocr_page_lines

    stamps = {i: [line.box for line in _stamp_lines(pages[i]) if line.box] for i in wanted}
    lines = _with_labels_fixed(ocr_page_lines(path, wanted, jobs=jobs, progress=progress, stamps=stamps))
    why = "OCR requested" if mode == "always" else _reasons(missing, broken)
    warnings.append(DocWarning("ocr_pages", f"{_pages(wanted)} read by OCR ({why})"))
    return lines


def _with_labels_fixed(pages: dict[int, list[PdfLine | PdfTable]]) -> dict[int, list[PdfLine | PdfTable]]:
    """The OCR'd pages with the item labels Tesseract misread put right (``ocr_labels``), read in page
    order: the numbering runs on from page to page."""
    lines = [item for index in sorted(pages) for item in pages[index] if isinstance(item, PdfLine)]
    fixed = iter(fix_misread_labels(lines))
    return {
        index: [next(fixed) if isinstance(item, PdfLine) else item for item in pages[index]]
        for index in sorted(pages)
    }


def _reasons(missing: list[int], broken: list[int]) -> str:
    parts = [
        f"text layer missing on {_pages(missing)}" if missing else "",
        f"text layer broken on {_pages(broken)}" if broken else "",
    ]
    return "; ".join(p for p in parts if p)


def _pages(indexes: list[int]) -> str:
    """ "page 3", "pages 1-3, 5" from 0-based page indexes."""
    ranges: list[list[int]] = []
    for n in sorted(i + 1 for i in indexes):
        if ranges and n == ranges[-1][-1] + 1:
            ranges[-1].append(n)
        else:
            ranges.append([n])
    text = ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in ranges)
    return f"page {text}" if len(indexes) == 1 else f"pages {text}"


# --- pages to items ---------------------------------------------------------------------------------


def _page_items(
    path: str,
    pages: list[PageText],
    ocr_lines: dict[int, list[PdfLine | PdfTable]],
    warnings: list[DocWarning],
) -> list[PageItems]:
    layer = [page for page in pages if page.index not in ocr_lines]
    tables = find_tables(path, [page for page in layer if page.may_hold_table], warnings)
    out = []
    for page in pages:
        if page.index in ocr_lines:
            lines = with_foot_table([*ocr_lines[page.index]], page.width, page.index)
            if page.index == 0:
                lines = _ocr_with_header(lines, page.width)
            out.append(PageItems(page.index, [*lines, *_layer_stamps(page, len(lines))], ocr=True))
            continue
        items: list[PdfLine | PdfTable] = place_tables(page.lines, tables.get(page.index, []))
        if page.index == 0:
            items = _with_header(items, page.width)
        out.append(PageItems(page.index, items))
    return out


def _layer_stamps(page: PageText, after: int) -> list[PdfLine]:
    """The stamp lines of an OCR'd page's text layer (the signing software's widgets), numbered on after
    the ``after`` OCR'd lines: the OCR replaces the layer, but the stamps' text is kept as it was signed."""
    return [replace(line, number=n, stamp=True) for n, line in enumerate(_stamp_lines(page), after + 1)]


def _stamp_lines(page: PageText) -> list[PdfLine]:
    return [line for line in page.lines if line.shows_stamp]


def _with_header(items: list[PdfLine | PdfTable], width: float) -> list[PdfLine | PdfTable]:
    """Page 1's items with its two-column header (the lines before any table) made a table."""
    lines: list[PdfLine] = []
    for item in items:
        if isinstance(item, PdfTable):
            break
        lines.append(item)
    table, taken = header_table(lines, width)
    if table is None:
        return items
    return [table, *items[taken:]]


def _ocr_with_header(items: Sequence[PdfLine | PdfTable], width: float) -> list[PdfLine | PdfTable]:
    """An OCR'd page 1's lines with its two-column header made a table, as ``_with_header`` does.

    The header is read from the page's lines regrouped into rows by height (``head_rows``); the lines it
    takes (and specks above its foot) give way to its table, the others keep Tesseract's order, numbered on
    after the header's rows; the page's ruled tables stay where they stand.
    """
    lines = [item for item in items if isinstance(item, PdfLine)]
    rows = head_rows(lines)
    table, taken = header_table([row for row, _ in rows], width)
    if table is None:
        return [*items]
    used = {id(lines[i]) for i in header_lines(lines, rows[:taken], table.box[3])}
    rest = [item for item in items if id(item) not in used]
    while rest and isinstance(rest[0], PdfLine) and not rest[0].text:
        rest.pop(0)
    numbered = count(taken + 1)
    return [table, *(replace(i, number=next(numbered)) if isinstance(i, PdfLine) else i for i in rest)]

"""Tables of PDF pages: found by pdfplumber on the pages that may hold one, merged across page breaks.

pdfplumber is slow (tenths of a second a page), so it only looks at pages with a grid of ruling lines or a
line of table-header words (``PageText.may_hold_table``). Its tables come with their boxes in display space,
the space of the PDFium lines' boxes, which tells which lines a table replaces and where it stands among
the rest of the page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from cchc_parse.document import DocWarning
from cchc_parse.readers.pdf_boxes import Box
from cchc_parse.readers.pdf_page import PageText, PdfLine, clean, table_header_word

EDGE = 1.5  # points a line may stick out of the table or row it belongs to
HEADER_REPEAT_MAX = 3  # leading rows a continued table may repeat from the first part
SAME_CELL = 80  # fuzzy score (0-100) of two cells' letters that makes them the same cell


@dataclass
class PdfTable:
    page: int  # 0-based
    box: Box
    rows: list[list[str]]
    row_boxes: list[Box] = field(default_factory=list)
    row_lines: list[tuple[int, int]] = field(default_factory=list)  # per row: first and last line
    header: bool = False  # the document's two-column header (page 1), never merged

    @property
    def columns(self) -> int:
        return len(self.rows[0]) if self.rows else 0


def find_tables(path: str, pages: list[PageText], warnings: list[DocWarning]) -> dict[int, list[PdfTable]]:
    """Tables (two columns or more) of ``pages`` by page index; a page pdfplumber fails on keeps its text."""
    if not pages:
        return {}
    import pdfplumber  # only documents with tables pay for importing it

    found: dict[int, list[PdfTable]] = {}
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    with pdfplumber.open(path) as pdf:
        for page in pages:
            try:
                tables = pdf.pages[page.index].find_tables()
                extracted = [(t.bbox, [r.bbox for r in t.rows], t.extract()) for t in tables]
            except Exception as exc:  # pdfminer raises many kinds of errors on odd files
                warnings.append(
                    DocWarning("pdf_table_failed", f"page {page.index + 1}: tables not read ({exc})")
                )
                continue
            for box, row_boxes, rows in extracted:
                table = _table(page, _box(box), [_box(b) for b in row_boxes], rows)
                if table is not None:
                    found.setdefault(page.index, []).append(table)
    return found


def _table(page: PageText, box: Box, row_boxes: list[Box], raw: list[list[str | None]]) -> PdfTable | None:
    rows = [[clean_cell(cell) for cell in row] for row in raw]
    if not rows or len(rows[0]) < 2 or not any(c for row in rows for c in row):
        return None  # a framed paragraph, not a table
    table = PdfTable(page.index, box, rows, row_boxes)
    inside = [line for line in page.lines if line.box is not None and _within(line.box, box)]
    fallback = (inside[0].number, inside[-1].number) if inside else (1, 1)
    for row_box in row_boxes:
        numbers = [line.number for line in inside if _within(line.box, row_box)]  # type: ignore[arg-type]
        table.row_lines.append((min(numbers), max(numbers)) if numbers else fallback)
    return table


def _box(values: tuple[float, ...] | list[float]) -> Box:
    x0, top, x1, bottom = (float(v) for v in values)
    return x0, top, x1, bottom


def clean_cell(text: str | None) -> str:
    """A table cell's text: each line cleaned as PDF lines are, empty lines left out."""
    lines = (clean(part) for part in (text or "").split("\n"))
    return "\n".join(line for line in lines if line)


def _within(line: Box, area: Box) -> bool:
    """The line's middle lies inside ``area`` (vertically) and the line overlaps it across."""
    middle = (line[1] + line[3]) / 2
    return area[1] - EDGE <= middle <= area[3] + EDGE and line[0] < area[2] and line[2] > area[0]


def place_tables(lines: list[PdfLine], tables: list[PdfTable]) -> list[PdfLine | PdfTable]:
    """The page's lines with the tables in place of the lines they cover, in reading order."""
    covered = {
        line.number
        for table in tables
        for line in lines
        if line.box is not None and _within(line.box, table.box)
    }
    items: list[PdfLine | PdfTable] = []
    pending = sorted(tables, key=lambda t: t.box[1])
    for line in lines:
        if line.number in covered:
            continue
        while pending and line.box is not None and line.box[1] >= pending[0].box[1]:
            items.append(pending.pop(0))
        items.append(line)
    items.extend(pending)
    return items


def is_header_row(row: list[str]) -> bool:
    """A row of table-header words: two cells or more that start with one ("STT", "Nội dung", "Chủ trì")."""
    return sum(bool(table_header_word().match(cell.replace("\n", " "))) for cell in row) >= 2


def same_row(a: list[str], b: list[str]) -> bool:
    """Whether two rows say the same: as many cells, each the same but for case, spacing, punctuation and a
    few letters (a header row read again by OCR: "Chủ trì" and "Chú trì")."""
    if len(a) != len(b):
        return False
    return all(fuzz.ratio(_letters(x), _letters(y)) >= SAME_CELL for x, y in zip(a, b, strict=True))


def _letters(cell: str) -> str:
    return "".join(c for c in cell.casefold() if c.isalnum())


def continues(first: PdfTable, second: PdfTable) -> bool:
    """Merge ``second`` (at the top of the next page) into ``first`` (at the end of a page) if it goes on.

    It goes on when it has as many columns and either repeats the first part's header rows (dropped) or
    has no header row of its own. A first row without its first cell (the "STT") while the first part's
    last row has one is the rest of that row, split by the page break: its cells are appended.
    """
    if first.header or second.header or first.columns != second.columns:
        return False
    repeated = 0
    while repeated < min(HEADER_REPEAT_MAX, len(first.rows), len(second.rows)) and same_row(
        first.rows[repeated], second.rows[repeated]
    ):
        repeated += 1
    if not repeated and is_header_row(second.rows[0]):
        return False
    rows, lines = second.rows[repeated:], second.row_lines[repeated:]
    if rows and not rows[0][0] and first.rows[-1][0] and any(rows[0]):
        last = first.rows[-1]
        first.rows[-1] = [f"{a}\n{b}".strip("\n") for a, b in zip(last, rows[0], strict=True)]
        rows, lines = rows[1:], lines[1:]
    first.rows.extend(rows)
    first.row_lines.extend(lines)
    return True

"""From the lines and tables of PDF pages to the blocks of the intermediate document.

* The two-column header of page 1 (issuer and number on the left, national motto and place/date on the
  right) becomes a two-column table block, as the text reader makes of a header table, so that
  ``extract/header.py`` reads it without the columns interleaving.
* Page numbers and running heads and feet go; so do the lines of digital-signature stamps (a warning
  counts them).
* A table at the top of a page that goes on from a table at the end of the previous page is merged into it.
* Lines are joined into paragraphs with ``normalize.lines.join_paragraphs`` (layout "wrapped": PDF lines
  are hard-wrapped), across page breaks too; a line indented from the page's left margin (the first line
  of a paragraph) always starts a new one, unless it goes on with a lower-case word.

Blocks keep their page (1-based) and, as ``source_start``/``source_end``, the lines of the page text they
come from (1-based, counted in the text of the page). A paragraph or table that runs on across a page break
keeps the page where it starts; its ``source_end`` is then a line of the page where it ends.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import pairwise

from cchc_parse.document import Block, DocWarning
from cchc_parse.grammar.documents import MOTTO, NUMBER_LINE
from cchc_parse.grammar.layout import TERMINAL
from cchc_parse.normalize.boilerplate import drop_page_artifacts
from cchc_parse.normalize.lines import Layout, join_paragraphs
from cchc_parse.normalize.markup import Line
from cchc_parse.readers.ocr_lines import is_speck
from cchc_parse.readers.pdf_boxes import union
from cchc_parse.readers.pdf_page import HEAD_LINES, PdfLine, Segment
from cchc_parse.readers.pdf_tables import PdfTable, continues

# --- patterns of this module --------------------------------------------------------------------------------
# A bare page number at the top or bottom of a page: "2", "- 2 -", "Trang 2", "2/9", "Trang 2 / 9".
PDF_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:[Tt]rang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?$")

# Digits, replaced by '#' to compare running heads and feet that differ only in a page number.
PDF_DIGITS = re.compile(r"\d+")

# The line after a document's two-column header: the addressee ("Kính gửi: …").
PDF_HEAD_END = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)

Item = PdfLine | PdfTable
LAYOUT: Layout = "wrapped"
OCR_LAYOUT: Layout = "blank_separated"
EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be a page number or running head
REPEAT_MIN_PAGES = 3  # running heads and feet are only told apart from text in documents this long
CENTRE_SLACK = 30.0  # points a left column's centre stands left of the page's middle at least
HEAD_GAP = 4.0  # a gap of this many line heights below the header's last line ends the header
INDENT_MIN = 8.0  # a line starting this far right of the page's left margin, and at most ...
INDENT_MAX = 72.0  # ... this far, is indented: the first line of a paragraph
FULL_SLACK = 15.0  # a line ending this close to the right edge of the text is full: it was wrapped
MARGIN_SLACK = 2.0  # points by which lines starting at the margin may differ


@dataclass
class PageItems:
    index: int  # 0-based page
    items: list[Item]
    ocr: bool = False  # read by OCR: Tesseract separates paragraphs by blank lines


# --- the header of page 1 --------------------------------------------------------------------------


def header_table(lines: list[PdfLine], width: float) -> tuple[PdfTable | None, int]:
    """The two-column header at the top of page 1 as a table, and how many of ``lines`` it takes."""
    head: list[PdfLine] = []
    for line in lines[:HEAD_LINES]:
        if line.text and not line.segments:
            break  # a line PDFium gave no positions for: the header is over
        head.append(replace(line, segments=[s for s in line.segments if not is_speck(s.text)]))
    motto = next(
        (s for line in head for s in line.segments if MOTTO.match(s.text) and s.text[:1] in "CcĐđ"),
        None,
    )
    middle = width / 2
    left = next((s for line in head for s in line.segments if _centre(s) < middle - CENTRE_SLACK), None)
    if motto is None or left is None or _centre(motto) <= middle:
        return None, 0
    anchors = {"left": _centre(left), "middle": middle, "right": _centre(motto)}
    placed: list[tuple[str, int, Segment]] = []
    taken = 0
    heights = sorted(s.box[3] - s.box[1] for line in head for s in line.segments)
    gap_max = HEAD_GAP * heights[len(heights) // 2]
    bottom = math.inf
    for i, line in enumerate(head):
        sides = [min(anchors, key=lambda a: abs(anchors[a] - _centre(s))) for s in line.segments]
        if line.segments and (
            "middle" in sides
            or any(s.box[2] - s.box[0] > 0.6 * width for s in line.segments)
            or PDF_HEAD_END.match(line.text)
            or min(s.box[1] for s in line.segments) - bottom > gap_max
        ):
            break
        placed.extend((side, line.number, s) for side, s in zip(sides, line.segments, strict=True))
        if line.segments:
            bottom = max(s.box[3] for s in line.segments)
        taken = i + 1
    if not {"left", "right"} <= {side for side, _, _ in placed}:
        return None, 0
    number = next((s for side, _, s in placed if side == "left" and NUMBER_LINE.search(s.text)), None)
    split = number.box[1] - 2 if number is not None else math.inf
    rows: list[list[str]] = []
    row_lines: list[tuple[int, int]] = []
    for upper in (True, False):
        part = [(side, n, s) for side, n, s in placed if (s.box[1] < split) == upper]
        if part:
            rows.append([_cell([(n, s) for side, n, s in part if side == col]) for col in ("left", "right")])
            row_lines.append((min(n for _, n, _ in part), max(n for _, n, _ in part)))
    box = union([s.box for _, _, s in placed])
    assert box is not None
    return PdfTable(0, box, rows, row_lines=row_lines, header=True), taken


def _centre(segment: Segment) -> float:
    return (segment.box[0] + segment.box[2]) / 2


def _cell(segments: list[tuple[int, Segment]]) -> str:
    """One column's segments, a line each (pieces of one line joined), top to bottom."""
    by_line: dict[int, list[Segment]] = {}
    for n, s in sorted(segments, key=lambda p: (p[1].box[1], p[1].box[0])):
        by_line.setdefault(n, []).append(s)
    return "\n".join(" ".join(s.text for s in parts) for parts in by_line.values())


# --- page numbers, running heads and feet, signature stamps -----------------------------------------


def _edges(items: list[Item]) -> list[PdfLine]:
    """The first and last EDGE_LINES text lines of a page, up to the first (from the end: last) table."""
    out: list[PdfLine] = []
    for seq in (items, items[::-1]):
        count = 0
        for item in seq:
            if isinstance(item, PdfTable) or count == EDGE_LINES:
                break
            if item.text:
                out.append(item)
                count += 1
    return out


def _key(text: str) -> str:
    return PDF_DIGITS.sub("#", text.casefold())


def remove_furniture(pages: list[PageItems]) -> list[tuple[int, PdfLine]]:
    """Take page numbers and running heads and feet (edge lines repeated on most pages) off the pages;
    return them with their pages' indexes."""
    seen: Counter[str] = Counter()
    for page in pages:
        seen.update({_key(line.text) for line in _edges(page.items)})
    enough = max(REPEAT_MIN_PAGES, math.ceil(len(pages) / 2))
    removed: list[tuple[int, PdfLine]] = []
    for page in pages:
        lines = {
            id(line): line
            for line in _edges(page.items)
            if PDF_PAGE_NUMBER.match(line.text)
            or (len(pages) >= REPEAT_MIN_PAGES and seen[_key(line.text)] >= enough)
        }
        removed.extend((page.index, line) for line in lines.values())
        page.items = [item for item in page.items if id(item) not in lines]
    return removed


def remove_stamps(pages: list[PageItems]) -> list[tuple[int, PdfLine]]:
    """Take the lines of digital-signature stamps ("Ký bởi: …", "Thời gian ký: …", e-mail addresses) off
    the pages; return them with their pages' indexes."""
    removed: list[tuple[int, PdfLine]] = []
    for page in pages:
        keep: list[Item] = []
        for item in page.items:
            if isinstance(item, PdfLine) and item.shows_stamp:
                removed.append((page.index, item))
            else:
                keep.append(item)
        page.items = keep
    return removed


def merge_tables(pages: list[PageItems]) -> int:
    """Merge tables going on from the end of one page to the top of the next; return how many merges."""
    merged = 0
    for before, after in pairwise(pages):
        if not (before.items and after.items):
            continue
        last, first = before.items[-1], after.items[0]
        if isinstance(last, PdfTable) and isinstance(first, PdfTable) and continues(last, first):
            after.items.pop(0)
            merged += 1
            if not after.items:  # the whole page was the table: the one after may continue it too
                after.items.append(last)
                before.items.pop()
    return merged


# --- blocks -----------------------------------------------------------------------------------------


def to_blocks(pages: list[PageItems], warnings: list[DocWarning]) -> list[Block]:
    """Clean the pages' items and turn them into paragraph and table blocks: the body in reading order,
    then the page furniture (stamps, page numbers, running heads and feet) a block a line, page by page,
    on the furniture layer."""
    stamps = remove_stamps(pages)
    if stamps:
        removed = f"removed {len(stamps)} line(s) of digital-signature stamps"
        warnings.append(DocWarning("signature_stamp_removed", removed))
    furniture = sorted(stamps + remove_furniture(pages), key=lambda found: (found[0], found[1].number))
    margins = {page.index: left_margin(page.items) for page in pages}
    layouts: dict[int, Layout] = {page.index: OCR_LAYOUT if page.ocr else LAYOUT for page in pages}
    merge_tables(pages)
    blocks: list[Block] = []
    run: list[tuple[int, PdfLine]] = []
    for page in pages:
        for item in page.items:
            if isinstance(item, PdfLine):
                run.append((page.index, item))
                continue
            blocks.extend(_paragraphs(run, margins, layouts))
            run = []
            blocks.append(_table_block(item))
    blocks.extend(_paragraphs(run, margins, layouts))
    blocks.extend(_furniture_block(page, line) for page, line in furniture if line.text)
    return blocks


def _furniture_block(page: int, line: PdfLine) -> Block:
    block = Block("paragraph", line.text, line.number, line.number, page + 1, layer="furniture")
    block.role = "furniture"
    return block


def left_margin(items: list[Item]) -> float | None:
    """Where a page's wrapped lines start: the left edge of its text (first lines stand indented).

    A line that follows a line reaching the right edge goes on with its paragraph, so it starts at the
    margin; the most common such start (within MARGIN_SLACK) is the margin.
    """
    lines = [item for item in items if isinstance(item, PdfLine) and item.box is not None]
    if not lines:
        return None
    right = max(line.box[2] for line in lines)  # type: ignore[index]
    starts = [
        b.box[0]  # type: ignore[index]
        for a, b in pairwise(lines)
        if a.box[2] >= right - FULL_SLACK  # type: ignore[index]
    ]
    if not starts:
        return None
    return min(starts, key=lambda x: (-sum(abs(x - y) <= MARGIN_SLACK for y in starts), x))


def indent_break(before: PdfLine, line: PdfLine, margin: float | None) -> bool:
    """``line`` opens a paragraph by its first-line indent (unless it goes on with a lower-case word)."""
    if margin is None or before.box is None or line.box is None or not before.text:
        return False
    indent = line.box[0] - margin
    if not INDENT_MIN <= indent <= INDENT_MAX:
        return False
    return not (line.text[:1].islower() and not TERMINAL.search(before.text))


def _paragraphs(
    run: list[tuple[int, PdfLine]], margins: dict[int, float | None], layouts: dict[int, Layout]
) -> list[Block]:
    """Join a run of lines (maybe from several pages) into paragraphs, broken where indents say so."""
    blocks: list[Block] = []
    start = 0
    for i in range(1, len(run) + 1):
        if i < len(run):
            (page_a, a), (page_b, b) = run[i - 1], run[i]
            if layouts[page_a] == layouts[page_b] and (
                page_a != page_b or not indent_break(a, b, margins[page_b])
            ):
                continue
        lines = drop_page_artifacts([Line(k, k, run[k][1].text) for k in range(start, i)])
        for para in join_paragraphs(lines, layouts[run[start][0]]):
            (page, first), (_, last) = run[para.start], run[para.end]
            blocks.append(Block("paragraph", para.text, first.number, last.number, page + 1))
        start = i
    return blocks


def _table_block(table: PdfTable) -> Block:
    start = table.row_lines[0][0] if table.row_lines else None
    end = table.row_lines[-1][1] if table.row_lines else None
    block = Block("table", "", start, end, table.page + 1, rows=table.rows, row_lines=list(table.row_lines))
    block.role = "header" if table.header else None  # page 1's two columns: issuer and number | motto, date
    return block

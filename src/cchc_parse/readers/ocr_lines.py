"""The lines of an OCR'd page, from Tesseract's TSV output: Tesseract's text lines with the words' positions.

Tesseract's ``tsv`` output has a row per page, block, paragraph, line and word (levels 1-5), each with its box
in pixels; the word rows carry the text. :func:`parse_tsv` gives the page's lines as Tesseract's plain-text
output has them (a paragraph's lines one after another, a blank line between paragraphs, words one space
apart, white-space words left out) and gives each line its *segments* (``pdf_page.Segment``): its words split
where a gap wider than ``pdf_page.COLUMN_GAP`` parts them, boxed in points from the top-left corner, the
display space of the text layer. Lines get no ``box``: OCR'd pages are laid out by Tesseract's paragraphs,
not by indents.

Tesseract reads the two columns of page 1's header as blocks of their own, or runs them together in one line;
:func:`head_rows` regroups lines into rows by height, so that ``pdf_layout.header_table`` reads the header as
it reads PDFium's lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from cchc_parse.grammar.layout import PDF_LINE_BREAK
from cchc_parse.readers.pdf_boxes import Box, union
from cchc_parse.readers.pdf_page import COLUMN_GAP, PdfLine, Segment, clean
from cchc_parse.readers.pdf_tables import PdfTable

__all__ = ["head_rows", "header_lines", "is_speck", "lines_text", "parse_tsv", "plain_lines", "tsv_word"]

_FIELDS = 12  # level page_num block_num par_num line_num word_num left top width height conf text
_WORD_LEVEL = "5"
SPECK_TEXT_MIN = 2  # letters or digits a segment holds at least, or it is a speck


@dataclass(frozen=True)
class _Word:
    text: str
    box: Box


def parse_tsv(tsv: str, scale: float) -> list[PdfLine]:
    """The lines of a page from Tesseract's TSV output, numbered from 1; ``scale``: points per pixel."""
    paragraphs: dict[tuple[str, str, str], dict[str, list[_Word]]] = {}
    for row in tsv.split("\n"):
        found = tsv_word(row)
        if found is None:
            continue
        text, (left, top, right, bottom), (page, block, par, line) = found
        word = _Word(text, (left * scale, top * scale, right * scale, bottom * scale))
        paragraphs.setdefault((page, block, par), {}).setdefault(line, []).append(word)
    lines: list[PdfLine] = []
    for paragraph in paragraphs.values():
        if lines:
            lines.append(PdfLine(0, ""))
        lines.extend(
            PdfLine(0, clean(" ".join(w.text for w in words)), None, _segments(words))
            for words in paragraph.values()
        )
    return [replace(line, number=number) for number, line in enumerate(lines, 1)]


def tsv_word(row: str) -> tuple[str, tuple[int, int, int, int], tuple[str, str, str, str]] | None:
    """A word row of Tesseract's TSV output: (its text, its box in pixels, its page, block, paragraph and
    line numbers); None for any other row (a page, block, paragraph or line row, a white-space word)."""
    fields = row.rstrip("\r").split("\t", _FIELDS - 1)
    if len(fields) < _FIELDS or fields[0] != _WORD_LEVEL or not fields[11].strip():
        return None
    try:
        left, top, width, height = (int(value) for value in fields[6:10])
    except ValueError:
        return None
    return (
        fields[11].strip(),
        (left, top, left + width, top + height),
        (fields[1], fields[2], fields[3], fields[4]),
    )


def _segments(words: list[_Word]) -> list[Segment]:
    """A line's words split where one stands more than COLUMN_GAP right of (or back left of) the last."""
    pieces: list[list[_Word]] = []
    for word in words:
        last = pieces[-1][-1].box if pieces else None
        if last is None or word.box[0] - last[2] > COLUMN_GAP or word.box[0] < last[0] - COLUMN_GAP:
            pieces.append([])
        pieces[-1].append(word)
    out = []
    for piece in pieces:
        text = clean(" ".join(w.text for w in piece))
        box = union([w.box for w in piece])
        if text and box is not None:
            out.append(Segment(text, box))
    return out


def plain_lines(text: str) -> list[PdfLine]:
    """The lines of OCR'd text without positions (numbered from 1, cleaned as PDF lines are)."""
    return [PdfLine(n, clean(t)) for n, t in enumerate(PDF_LINE_BREAK.split(text), 1)]


def lines_text(items: Sequence[PdfLine | PdfTable]) -> str:
    """The text of an OCR'd page's lines, a table's rows a line each, their cells joined by " | "."""
    out: list[str] = []
    for item in items:
        if isinstance(item, PdfTable):
            out.extend(" | ".join(cell.replace("\n", " ") for cell in row) for row in item.rows)
        else:
            out.append(item.text)
    return "\n".join(out)


def head_rows(lines: list[PdfLine]) -> list[tuple[PdfLine, list[int]]]:
    """The page's lines regrouped into rows by height, top to bottom, each with the indexes of its lines.

    Lines standing side by side (the header's columns, read as blocks of their own) make one row whose
    segments run left to right. Lines without segments or without a letter or digit (specks, rules read as
    dashes) are left out.
    """
    readable = [i for i, line in enumerate(lines) if line.segments and _readable(line)]
    groups: list[tuple[list[int], Box]] = []
    for i in sorted(readable, key=lambda i: min(s.box[1] for s in lines[i].segments)):
        box = union([s.box for s in lines[i].segments])
        assert box is not None
        if groups and _side_by_side(box, groups[-1][1]):
            members, row_box = groups[-1]
            groups[-1] = ([*members, i], union([row_box, box]) or box)
        else:
            groups.append(([i], box))
    rows = []
    for number, (members, _) in enumerate(groups, 1):
        segments = sorted((s for i in members for s in lines[i].segments), key=lambda s: s.box[0])
        rows.append((PdfLine(number, " ".join(s.text for s in segments), None, segments), members))
    return rows


def _side_by_side(a: Box, b: Box) -> bool:
    """The middle of either box stands within the other's height."""
    return b[1] <= (a[1] + a[3]) / 2 <= b[3] or a[1] <= (b[1] + b[3]) / 2 <= a[3]


def header_lines(lines: list[PdfLine], rows: list[tuple[PdfLine, list[int]]], bottom: float) -> set[int]:
    """Indexes of the lines that ``rows`` (a header's) are made of, and of the specks and rules (lines
    without a letter or digit) standing above ``bottom``, the foot of the header."""
    used = {i for _, members in rows for i in members}
    used.update(
        i
        for i, line in enumerate(lines)
        if line.segments and not _readable(line) and min(s.box[1] for s in line.segments) < bottom
    )
    return used


def is_speck(text: str) -> bool:
    """A piece of a line (a segment) with fewer than SPECK_TEXT_MIN letters or digits: a speck of a scan or
    a pen's stroke read as "-", "." or "z", which stands in no column of a header or a foot."""
    return sum(c.isalnum() for c in text) < SPECK_TEXT_MIN


def _readable(line: PdfLine) -> bool:
    return any(c.isalnum() for c in line.text)

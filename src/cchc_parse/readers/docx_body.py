"""The body of a Word document in order, as blocks: paragraphs, tables, text boxes where they are anchored.

Source lines: for DOCX, ``source_start`` / ``source_end`` are the 1-based ordinals of the ``w:p``
paragraphs of the body in document order, counting every paragraph (empty ones, those inside tables and
text boxes too). A paragraph split at manual line breaks gives blocks sharing its ordinal; a table spans
its cells' paragraphs.

Paragraph text: runs joined (tracked insertions in, deletions out, hidden text out, field results in,
field codes out), tabs as spaces, NFC, white space folded. A manual line break (``w:br``) starts a new
line; lines are then joined or kept apart by the same rules as hard-wrapped text (a continuation is
joined, a label, bullet or "Căn cứ" starts a new paragraph). Word numbering labels are written in front
of the text as if typed ("II. NỘI DUNG", "1. Mục đích", "a) …", "- …").

Tables: every row has the same number of cells, one per grid column. A horizontally merged cell
(``w:gridSpan``) puts its text in its first column and leaves the columns it covers empty, so a group row
spanning the table stays a one-cell row. A vertically merged cell (``w:vMerge``) repeats the text of the
cell where the merge starts in every row it covers, so each task row keeps its "Cơ quan chủ trì". Paragraphs
of a cell are joined with "\\n"; a nested table's rows become lines of the cell (cells joined with " | ").
Rows with no text and columns with no text are dropped (a header table with an empty middle column comes out
as two columns); a table of a single column (or with text in one column only) is read as the paragraphs it
holds.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field, replace

from cchc_parse.document import Block, Label
from cchc_parse.grammar.labels import read_label
from cchc_parse.grammar.layout import INVISIBLE
from cchc_parse.normalize.lines import join_paragraphs
from cchc_parse.normalize.markup import Line
from cchc_parse.readers.docx_numbering import Numbering
from cchc_parse.readers.docx_xml import (
    ALTERNATE,
    MATH_T,
    TBL,
    TC,
    TR,
    TXBX,
    P,
    R,
    T,
    XmlElement,
    child,
    chosen_branch,
    content_children,
    int_val,
    is_on,
    val,
    w,
)

CHARACTERS = {w("tab"): " ", w("ptab"): " ", w("br"): "\n", w("cr"): "\n", w("noBreakHyphen"): "-"}
SKIPPED = frozenset(
    w(name)
    for name in (
        "pPr", "rPr", "del", "moveFrom", "delText", "delInstrText", "instrText", "sdtPr", "sdtEndPr",
        "footnoteReference", "endnoteReference", "commentReference", "annotationRef", "rt", "fldData",
        "softHyphen", "lastRenderedPageBreak",
    )
)  # fmt: skip
SYMBOL_FONT_AREA = range(0xF000, 0xF100)  # w:sym characters of symbol fonts (bullets, arrows, ticks)
NESTED_CELL_SEPARATOR = " | "
RPR, VANISH, SYM, PPR = w("rPr"), w("vanish"), w("sym"), w("pPr")


@dataclass
class Paragraph:
    ordinal: int
    lines: list[str]  # cleaned, non-empty, the numbering label in front of the first
    boxes: list[XmlElement] = field(default_factory=list)  # text boxes anchored in the paragraph
    label: Label | None = None  # what Word's numbering gave the paragraph


@dataclass
class Cell:
    text: str
    first: int
    last: int


def clean_lines(text: str) -> list[str]:
    """NFC, no invisible characters, white space folded; one entry per non-empty line."""
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    return [line for line in (" ".join(raw.split()) for raw in text.split("\n")) if line]


def join_lines(lines: list[str], ordinal: int) -> list[str]:
    """Lines of one paragraph joined where they continue each other (see normalize.lines)."""
    if len(lines) < 2:
        return lines
    parts = [Line(ordinal, ordinal, text) for text in lines]
    return [line.text for line in join_paragraphs(parts, "blank_separated")]


class BodyReader:
    """Reads containers (the body, cells, text boxes) in document order, numbering as Word does."""

    def __init__(self, numbering: Numbering) -> None:
        self.numbering = numbering
        self.ordinal = 0

    def blocks(self, container: XmlElement) -> list[Block]:
        out: list[Block] = []
        for item in content_children(container):
            if item.tag == P:
                out.extend(self._paragraph_blocks(item))
            elif item.tag == TBL:
                out.extend(self._table_blocks(item))
        return out

    # --- paragraphs ------------------------------------------------------------------------------------

    def paragraph(self, p: XmlElement) -> Paragraph:
        self.ordinal += 1
        pieces: list[str] = []
        boxes: list[XmlElement] = []
        collect_text(p, pieces, boxes)
        label = self.numbering.label(p.find(PPR))
        lines = clean_lines("".join(pieces))
        numbered = None
        if label and lines:
            lines[0] = f"{label} {lines[0]}"
            numbered = read_label(lines[0])
        return Paragraph(self.ordinal, lines, boxes, numbered and replace(numbered, source="numbering"))

    def _paragraph_blocks(self, p: XmlElement) -> list[Block]:
        para = self.paragraph(p)
        n = para.ordinal
        out = [Block("paragraph", text, n, n) for text in join_lines(para.lines, n)]
        if out and para.label is not None:
            out[0].label = para.label
        for box in para.boxes:
            out.extend(self.blocks(box))
        return out

    # --- tables ----------------------------------------------------------------------------------------

    def _table_blocks(self, tbl: XmlElement) -> list[Block]:
        if is_single_column(tbl):
            return [b for tr in rows_of(tbl) for tc in cells_of(tr) for b in self.blocks(tc)]
        kept = drop_empty(self.table_rows(tbl))
        if not kept:
            return []
        row_lines = [(row[0].first, row[-1].last) for row in kept]
        if len(kept[0]) == 1:  # only one column has text: its lines are paragraphs
            return [
                Block("paragraph", line, first, last)
                for row, (first, last) in zip(kept, row_lines, strict=True)
                for line in row[0].text.split("\n")
            ]
        rows = [[cell.text for cell in row] for row in kept]
        return [Block("table", "", row_lines[0][0], row_lines[-1][1], rows=rows, row_lines=row_lines)]

    def table_rows(self, tbl: XmlElement) -> list[list[Cell]]:
        """Rows of grid cells: spans padded with empty cells, vertical merges repeating their text."""
        above: dict[int, str] = {}  # grid column -> text of the cell last read there
        rows: list[list[Cell]] = []
        for tr in rows_of(tbl):
            if child(tr, "trPr", "del") is not None:
                self._skip_row(tr)  # a tracked deletion: still numbered and counted, but not shown
                continue
            rows.append(self._row(tr, above))
        width = max([grid_width(tbl), *(len(row) for row in rows)])
        for row in rows:
            last = row[-1].last if row else self.ordinal
            row.extend(Cell("", last, last) for _ in range(width - len(row)))
        return rows

    def _row(self, tr: XmlElement, above: dict[int, str]) -> list[Cell]:
        start = self.ordinal + 1
        cells = [Cell("", start, start) for _ in range(int_val(tr, "trPr", "gridBefore") or 0)]
        for tc in cells_of(tr):
            cell = self._cell(tc)
            column = len(cells)
            merge = child(tc, "tcPr", "vMerge")
            if merge is not None and val(merge) in (None, "continue"):
                cell.text = above.get(column, "")
            above[column] = cell.text
            cells.append(cell)
            span = max(int_val(tc, "tcPr", "gridSpan") or 1, 1)
            cells.extend(Cell("", cell.last, cell.last) for _ in range(span - 1))
        return cells

    def _skip_row(self, tr: XmlElement) -> None:
        for tc in cells_of(tr):
            self._cell(tc)

    def _cell(self, tc: XmlElement) -> Cell:
        first = self.ordinal + 1
        lines: list[str] = []
        for item in content_children(tc):
            if item.tag == P:
                para = self.paragraph(item)
                lines.extend(join_lines(para.lines, para.ordinal))
                for box in para.boxes:
                    lines.extend(line for block in self.blocks(box) for line in block.render_lines())
            elif item.tag == TBL:
                lines.extend(self._nested_lines(item))
        return Cell("\n".join(lines), first, max(first, self.ordinal))

    def _nested_lines(self, tbl: XmlElement) -> list[str]:
        """A table inside a cell: one line per row, its cells' text joined."""
        out: list[str] = []
        for row in self.table_rows(tbl):
            texts = [" ".join(cell.text.split("\n")) for cell in row if cell.text]
            if texts:
                out.append(NESTED_CELL_SEPARATOR.join(texts))
        return out


def drop_empty(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The rows with some text, without the columns that have none (spacers between header halves)."""
    kept = [row for row in rows if any(cell.text for cell in row)]
    if not kept:
        return []
    columns = [i for i in range(len(kept[0])) if any(row[i].text for row in kept)]
    if len(columns) == len(kept[0]):
        return kept
    return [[row[i] for i in columns] for row in kept]


def rows_of(tbl: XmlElement) -> list[XmlElement]:
    return [item for item in content_children(tbl) if item.tag == TR]


def cells_of(tr: XmlElement) -> list[XmlElement]:
    return [item for item in content_children(tr) if item.tag == TC]


def grid_width(tbl: XmlElement) -> int:
    grid = child(tbl, "tblGrid")
    return 0 if grid is None else len(grid.findall(w("gridCol")))


def is_single_column(tbl: XmlElement) -> bool:
    """A table that is one column all the way down (a frame around text)."""
    rows = rows_of(tbl)
    if not rows or grid_width(tbl) > 1:
        return False
    return all(len(cells_of(tr)) == 1 and (int_val(tr, "trPr", "gridBefore") or 0) == 0 for tr in rows)


def collect_text(element: XmlElement, pieces: list[str], boxes: list[XmlElement]) -> None:
    """The displayed text inside a paragraph, in order; text boxes are set aside for the caller."""
    for item in element:
        tag = item.tag
        if tag in (T, MATH_T):
            pieces.append((item.text or "").replace("\n", " "))  # only w:br and w:cr break a line
        elif not isinstance(tag, str) or tag in SKIPPED:
            continue
        elif tag in CHARACTERS:
            pieces.append(CHARACTERS[tag])
        elif tag == SYM:
            pieces.append(symbol(item))
        elif tag == TXBX:
            boxes.append(item)
        elif tag == ALTERNATE:
            branch = chosen_branch(item)
            if branch is not None:
                collect_text(branch, pieces, boxes)
        elif tag == R and is_hidden(item):
            continue
        else:
            collect_text(item, pieces, boxes)


def is_hidden(run: XmlElement) -> bool:
    """A run of hidden text (w:vanish); its properties come first in the run when it has any."""
    props = next(iter(run), None)
    return props is not None and props.tag == RPR and is_on(props.find(VANISH))


def symbol(sym: XmlElement) -> str:
    """A w:sym character: symbol-font glyphs (bullets, arrows) read as a bullet, others as themselves."""
    try:
        code = int(sym.get(w("char")) or "", 16)
    except ValueError:
        return ""
    if code in SYMBOL_FONT_AREA:
        return "•"
    return chr(code) if 0x20 <= code < 0x110000 else ""

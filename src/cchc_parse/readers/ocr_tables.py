"""Ruled tables on scanned pages: the grid found on the page image, the OCR'd words put into its cells.

Tesseract reads a ruled table row by row across its columns, so that the cells of "Nhiệm vụ | Chủ trì |
Phối hợp | Thời gian" run together. The ruling lines are on the image, though:

* the page is made black and white (:data:`INK`), and the runs of ink at least :data:`RUN_INCHES` long,
  across and down, are the ruling lines' pieces (text strokes are shorter); pieces of one line (a skewed
  scan breaks it into steps, a faint one into dashes) are joined when they touch or nearly line up;
* ruling lines that cross make a grid; a grid of two columns or more is a table (a frame around a
  paragraph or the page is none). Its rows stand between the grid's lines across, its columns between
  the lines down; where a line is missing between two cells, they are one merged cell;
* each word Tesseract read goes into the cell its middle stands in, a cell's words in Tesseract's order, a
  line break where Tesseract's line changes. A merged cell's text stands in its top left cell, the others
  it covers are empty, as pdfplumber gives the tables of text layers.

Borderless tables stay lines (``normalize/flat_tables.py`` reads task tables OCR ran together). Boxes are in
the image's pixels here; :func:`find_grids` works on one page image and takes a few tens of milliseconds.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PIL import Image

from cchc_parse.readers.ocr_lines import parse_tsv, tsv_word
from cchc_parse.readers.pdf_page import PdfLine
from cchc_parse.readers.pdf_tables import PdfTable, clean_cell

if TYPE_CHECKING:
    import numpy as np

# --- patterns of this module --------------------------------------------------------------------------------
# A "word" Tesseract made of a ruling line inside a table: bars and brackets (a rule down), a run of
# underscores, dashes or equals signs (a rule across). A lone "-" is a bullet, "I" a Roman number: kept.
RULE_MARKS = re.compile(r"[|\[\]!]+|_{2,}|[-–—]{3,}|={2,}")
# A "word" Tesseract made of a speck inside a cell: marks without a letter or digit ("`", "^", ".", "'").
# Bullets ("-", "+", "•") are kept.
CELL_SPECK = re.compile(r"[`^~.,:;'\"“”‘’*°]+")

__all__ = ["Grid", "Word", "find_grids", "grid_rows", "page_items"]

INK = 150  # grey levels below this are ink (paper is near 255, scanned ink below 100)
RUN_INCHES = 0.25  # a run of ink this long is a piece of a ruling line: longer than any letter's stroke
LINE_INCHES = 0.4  # a ruling line is at least this long, its pieces joined
JOIN_INCHES = 0.04  # pieces of one line may stand this far apart along it ...
STEP_PIXELS = 3  # ... and this far across it (a skewed line steps up or down by a pixel or two)
SAME_INCHES = 0.05  # ruling lines this close across are one boundary of the grid (a thick or double rule)
TOUCH_INCHES = 0.06  # a line across ends this close to a line down (or crosses it): they meet
MIN_COLUMNS = 2  # a grid with fewer columns is a frame, not a table
DEFAULT_DPI = 300
DETAIL_DPI = 250  # images this fine are looked at halved: as good for rules, four times less work

PixelBox = tuple[int, int, int, int]  # left, top, right, bottom in pixels


@dataclass
class Rule:
    """A ruling line: across (``at`` is its height, ``start``-``end`` its extent left to right) or down."""

    at: float
    start: int
    end: int


@dataclass
class Word:
    text: str
    box: PixelBox
    line: tuple[str, ...]  # Tesseract's block, paragraph and line numbers: a line break where it changes


@dataclass
class Grid:
    """A table's grid: the heights of its boundaries across and the positions of those down (pixels),
    with the rules themselves to tell merged cells."""

    ys: list[float]
    xs: list[float]
    dpi: float = DEFAULT_DPI
    across: list[Rule] = field(default_factory=list)
    down: list[Rule] = field(default_factory=list)

    @property
    def box(self) -> PixelBox:
        return int(self.xs[0]), int(self.ys[0]), int(self.xs[-1]), int(self.ys[-1])

    @property
    def rows(self) -> int:
        return len(self.ys) - 1

    @property
    def columns(self) -> int:
        return len(self.xs) - 1

    def holds(self, box: PixelBox) -> bool:
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]

    def cell(self, box: PixelBox) -> tuple[int, int]:
        """The (row, column) of the elementary cell the middle of ``box`` stands in."""
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        row = min(max(bisect_right(self.ys, y) - 1, 0), self.rows - 1)
        column = min(max(bisect_right(self.xs, x) - 1, 0), self.columns - 1)
        return row, column


def find_grids(image: Image.Image) -> list[Grid]:
    """The ruled tables' grids of a page image (two columns or more), top to bottom."""
    import numpy as np  # only pages read by OCR pay for importing it

    dpi = _dpi(image)
    grey = image.convert("L")
    scale = 2 if dpi >= DETAIL_DPI else 1  # halved, a one-pixel rule still averages dark enough
    if scale > 1:
        grey = grey.reduce(scale)
    ink = np.asarray(grey) < INK
    across = _rules(ink, dpi / scale)
    down = _rules(np.ascontiguousarray(ink.T), dpi / scale)
    grids = [_grid(a, d, dpi / scale) for a, d in _crossing_groups(across, down, dpi / scale)]
    found = sorted((g for g in grids if g is not None), key=lambda g: g.ys[0])
    return [_scaled(g, scale, dpi) for g in found]


def _scaled(grid: Grid, scale: int, dpi: float) -> Grid:
    if scale == 1:
        return grid

    def rules(rules: list[Rule]) -> list[Rule]:
        return [Rule(r.at * scale, r.start * scale, r.end * scale) for r in rules]

    ys, xs = [y * scale for y in grid.ys], [x * scale for x in grid.xs]
    return Grid(ys, xs, dpi, rules(grid.across), rules(grid.down))


def _dpi(image: Image.Image) -> float:
    dpi = image.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and float(dpi[0]) > 0:
        return float(dpi[0])
    return float(DEFAULT_DPI)


def _rules(ink: np.ndarray, dpi: float) -> list[Rule]:
    """The ruling lines along the rows of ``ink`` (transpose it for the lines down): runs of ink at least
    RUN_INCHES long, joined into lines at least LINE_INCHES long."""
    import numpy as np

    run = max(int(RUN_INCHES * dpi), 8)
    sums = np.cumsum(ink, axis=1, dtype=np.int32)
    full = (sums[:, run - 1 :] - np.pad(sums, ((0, 0), (1, 0)))[:, :-run]) == run  # windows all ink
    pieces: list[tuple[int, int, int]] = []  # (row, start, end)
    for row in np.flatnonzero(full.any(axis=1)):
        edges = np.diff(np.concatenate(([0], full[row].view(np.int8), [0])))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        pieces.extend((int(row), int(s), int(e) + run - 1) for s, e in zip(starts, ends, strict=True))
    return [r for r in _join(pieces, int(JOIN_INCHES * dpi)) if r.end - r.start >= LINE_INCHES * dpi]


def _join(pieces: list[tuple[int, int, int]], gap: int) -> list[Rule]:
    """Pieces of ink runs joined into lines: a piece goes on a line when it stands within STEP_PIXELS of
    the line's last rows and overlaps it along, or nearly (``gap``)."""
    open_rules: list[tuple[Rule, int, int]] = []  # (rule, first row, last row)
    done: list[Rule] = []
    for row, start, end in sorted(pieces):
        for k, (rule, first, last) in enumerate(open_rules):
            if row - last <= STEP_PIXELS and start <= rule.end + gap and end >= rule.start - gap:
                rule.start, rule.end = min(rule.start, start), max(rule.end, end)
                open_rules[k] = (rule, first, row)
                break
        else:
            open_rules.append((Rule(row, start, end), row, row))
        still = []
        for rule, first, last in open_rules:
            if row - last > STEP_PIXELS:
                done.append(_finish(rule, first, last))
            else:
                still.append((rule, first, last))
        open_rules = still
    done.extend(_finish(rule, first, last) for rule, first, last in open_rules)
    return done


def _finish(rule: Rule, first: int, last: int) -> Rule:
    return Rule((first + last) / 2, rule.start, rule.end)


def _crossing_groups(across: list[Rule], down: list[Rule], dpi: float) -> list[tuple[list[Rule], list[Rule]]]:
    """The lines across and down that cross or meet, in connected groups (one per table)."""
    touch = TOUCH_INCHES * dpi
    parent = list(range(len(across) + len(down)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(across):
        for j, d in enumerate(down):
            if a.start - touch <= d.at <= a.end + touch and d.start - touch <= a.at <= d.end + touch:
                parent[root(i)] = root(len(across) + j)
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, a in enumerate(across):
        groups.setdefault(root(i), ([], []))[0].append(a)
    for j, d in enumerate(down):
        groups.setdefault(root(len(across) + j), ([], []))[1].append(d)
    return [(a, d) for a, d in groups.values() if a and d]


def _grid(across: list[Rule], down: list[Rule], dpi: float) -> Grid | None:
    same = SAME_INCHES * dpi
    ys = _boundaries([r.at for r in across], same)
    xs = _boundaries([r.at for r in down], same)
    if len(ys) < 2 or len(xs) < MIN_COLUMNS + 1:
        return None
    return Grid(ys, xs, dpi, across, down)


def _boundaries(positions: list[float], same: float) -> list[float]:
    """Positions of rules, those within ``same`` of each other one boundary (their middle)."""
    out: list[list[float]] = []
    for at in sorted(positions):
        if out and at - out[-1][-1] <= same:
            out[-1].append(at)
        else:
            out.append([at])
    return [sum(group) / len(group) for group in out]


def grid_rows(grid: Grid, words: list[Word]) -> list[list[str]]:
    """The table's rows of cell texts: each word in the cell its middle stands in, merged cells' text in
    their top left cell."""
    owner = _merged_cells(grid)
    texts: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        texts.setdefault(owner[grid.cell(word.box)], []).append(word)
    rows = [["" for _ in range(grid.columns)] for _ in range(grid.rows)]
    for (r, c), cell_words in texts.items():
        rows[r][c] = _cell_text(cell_words)
    return rows


def _merged_cells(grid: Grid) -> dict[tuple[int, int], tuple[int, int]]:
    """Each elementary cell -> the top left cell of the merged cell it belongs to: neighbours are one cell
    where no rule stands between them."""
    same = SAME_INCHES * grid.dpi
    parent = {(r, c): (r, c) for r in range(grid.rows) for c in range(grid.columns)}

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            cell = parent[cell]
        return cell

    def join(a: tuple[int, int], b: tuple[int, int]) -> None:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    for r in range(grid.rows):
        middle = (grid.ys[r] + grid.ys[r + 1]) / 2
        for c in range(grid.columns - 1):
            if not _ruled(grid.down, grid.xs[c + 1], middle, same):
                join((r, c), (r, c + 1))
    for c in range(grid.columns):
        middle = (grid.xs[c] + grid.xs[c + 1]) / 2
        for r in range(grid.rows - 1):
            if not _ruled(grid.across, grid.ys[r + 1], middle, same):
                join((r, c), (r + 1, c))
    return {cell: root(cell) for cell in parent}


def _ruled(rules: list[Rule], at: float, middle: float, same: float) -> bool:
    """A rule stands at ``at`` (within ``same``) and reaches over ``middle`` along it."""
    return any(abs(rule.at - at) <= same and rule.start <= middle <= rule.end for rule in rules)


def _cell_text(words: list[Word]) -> str:
    lines: list[list[str]] = []
    last: tuple[str, ...] | None = None
    for word in words:
        if word.line != last:
            lines.append([])
            last = word.line
        lines[-1].append(word.text)
    return "\n".join(" ".join(line) for line in lines)


# --- a page's items ------------------------------------------------------------------------------------


def page_items(tsv: str, grids: list[Grid], scale: float, page: int) -> list[PdfLine | PdfTable]:
    """An OCR'd page's lines (``ocr_lines.parse_tsv``) with its ruled tables in place of the words inside
    their grids (``scale``: points per pixel; ``page``: 0-based). A table's rows are numbered on after the
    page's lines; it stands before the first line below its top."""
    if not grids:
        return [*parse_tsv(tsv, scale)]
    inside: list[list[Word]] = [[] for _ in grids]
    kept: list[str] = []
    for row in tsv.split("\n"):
        word = _tsv_word(row)
        at = next((k for k, grid in enumerate(grids) if grid.holds(word.box)), None) if word else None
        if word is None or at is None:
            kept.append(row)
        elif not RULE_MARKS.fullmatch(word.text) and not CELL_SPECK.fullmatch(word.text):
            inside[at].append(word)
    lines = parse_tsv("\n".join(kept), scale)
    number = len(lines)
    tables: list[PdfTable] = []
    for grid, words in zip(grids, inside, strict=True):
        table = _table(grid, words, scale, page, number)
        if table is not None:
            tables.append(table)
            number += len(table.rows)
    return _placed(lines, tables)


def _tsv_word(row: str) -> Word | None:
    found = tsv_word(row)
    if found is None:
        return None
    text, box, (_, block, par, line) = found
    return Word(text, box, (block, par, line))


def _table(grid: Grid, words: list[Word], scale: float, page: int, number: int) -> PdfTable | None:
    rows = grid_rows(grid, words)
    kept = [(r, row) for r, row in enumerate(rows) if any(cell.strip() for cell in row)]
    if not kept:
        return None
    x0, _, x1, _ = grid.box
    row_boxes = [(x0 * scale, grid.ys[r] * scale, x1 * scale, grid.ys[r + 1] * scale) for r, _ in kept]
    box = (x0 * scale, grid.ys[0] * scale, x1 * scale, grid.ys[-1] * scale)
    row_lines = [(number + k, number + k) for k in range(1, len(kept) + 1)]
    cells = [[clean_cell(cell) for cell in row] for _, row in kept]
    return PdfTable(page, box, cells, row_boxes, row_lines)


def _placed(lines: list[PdfLine], tables: list[PdfTable]) -> list[PdfLine | PdfTable]:
    items: list[PdfLine | PdfTable] = []
    pending = sorted(tables, key=lambda t: t.box[1])
    for line in lines:
        top = min((s.box[1] for s in line.segments), default=None)
        while pending and top is not None and top >= pending[0].box[1]:
            items.append(pending.pop(0))
        items.append(line)
    items.extend(pending)
    return items

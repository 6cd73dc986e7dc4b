"""Rebuilding tables that scraping flattened into '|'-separated lines.

Two flattened shapes occur, and both reduce to one token stream of cell contents and separators:

* thuvienphapluat pages: ``|`` on its own line between cells, cell text on the lines between;
* scraped text: every cell on one line ending in `` |``, rows separated by ``|`` lines.

A row is opened by a separator and holds as many cells as the header row; an empty cell is two separators
in a row, so the header (whose cells are never empty) fixes the column count.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from cchc_parse import lexicon
from cchc_parse.grammar.labels import NUMBERED_HEADING
from cchc_parse.grammar.layout import CELL_BULLET, CELL_SEPARATORS, GROUP_SERIAL, MD_TABLE_ROW
from cchc_parse.grammar.pieces import in_capitals
from cchc_parse.normalize.markup import Line

# --- patterns of this module --------------------------------------------------------------------------------
# A markdown table rule row: "|---|:--:|".
MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")

# A serial-number cell opening a table row: "1", "2.", "1.1", "IV", "A", "a)".
ROW_SERIAL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-ZĐ]\.?|[a-zđ][).])$")

MAX_HEADER_CELL_LINES = 20
MAX_CELL_LINES = 60


@cache
def _breakers() -> tuple[str, ...]:
    return lexicon.string_list("layout.json", "table_breakers")


@dataclass
class TextRun:
    lines: list[Line]


@dataclass
class TableRun:
    rows: list[list[Line]]  # each cell: its lines joined by "\n", with the source lines it spans
    start: int
    end: int
    notes: list[str] = field(default_factory=list)


Token = tuple[str, Line]  # ("sep" | "text" | "blank", line)


def _tokenize(lines: list[Line]) -> list[Token]:
    tokens: list[Token] = []
    for line in lines:
        text = line.text
        if not text:
            tokens.append(("blank", line))
        elif CELL_SEPARATORS.match(text):
            tokens.extend(("sep", line) for _ in range(len(text)))
        elif MD_TABLE_RULE.match(text) and "|" in text:
            continue
        elif MD_TABLE_ROW.match(text):
            tokens.append(("sep", line))
            for cell in text.strip("|").split("|"):
                tokens.append(("text", line._replace(text=cell.strip())) if cell.strip() else ("sep", line))
                if cell.strip():
                    tokens.append(("sep", line))
        elif text.endswith("|"):
            tokens.append(("text", line._replace(text=text.rstrip("|").rstrip())))
            tokens.append(("sep", line))
        else:
            tokens.append(("text", line))
    return tokens


def _read_cell(tokens: list[Token], i: int, limit: int, header: bool = False) -> tuple[Line | None, int]:
    """Read cell text from ``tokens[i]`` up to and including the closing separator.

    Returns (cell, index after the separator); cell is None when no separator closes it in time.
    """
    parts: list[Line] = []
    j = i
    while j < len(tokens) and len(parts) <= limit:
        kind, line = tokens[j]
        if kind == "sep":
            if not parts:
                return Line(line.start, line.end, ""), j + 1
            return Line(parts[0].start, parts[-1].end, "\n".join(p.text for p in parts)), j + 1
        if kind == "blank":
            if (j + 1 < len(tokens) and tokens[j + 1][0] == "blank") or not parts:
                return None, i
        elif header and (NUMBERED_HEADING.match(line.text) or line.text.startswith(_breakers())):
            return None, i  # a numbered heading or an appendix title never sits in a header cell
        else:
            parts.append(line)
        j += 1
    return None, i


def _read_header(tokens: list[Token], i: int) -> tuple[list[Line], int, bool]:
    """Read the header row; the flag says whether a further row was opened after it."""
    cells: list[Line] = []
    while i < len(tokens):
        cell, nxt = _read_cell(tokens, i, MAX_HEADER_CELL_LINES, header=True)
        if cell is None:
            return cells, i, False
        if not cell.text:
            if cells:
                return cells, nxt, True  # the empty cell is the next row's opening separator
            i = nxt  # leading empty cells (a layout table with a blank first column)
            continue
        cells.append(cell)
        i = nxt
    return cells, i, False


def _parse_table(tokens: list[Token], i: int) -> tuple[TableRun | None, int]:
    """Parse a table whose opening separator is ``tokens[i]``."""
    header, j, more = _read_header(tokens, i + 1)
    if len(header) < 2:
        return None, i
    ncols = len(header)
    rows = [header]
    end = header[-1].end
    while more and j < len(tokens):
        row, j2 = _read_row(tokens, j, ncols, _next_serials(rows))
        if not row:
            break
        rows.append(row)
        end = max(c.end for c in row)
        j = j2
        if j < len(tokens) and tokens[j][0] == "sep":
            j += 1
        else:
            break
    return TableRun(rows, tokens[i][1].start, end), j


def _next_serials(rows: list[list[Line]]) -> frozenset[str]:
    """The serials that may open the row after ``rows``: the next number after the last numbered row's,
    or 1 (numbering starts again under a group row)."""
    last = next(
        (int(r[0].text.rstrip(".")) for r in reversed(rows) if r and r[0].text.rstrip(".").isdigit()), 0
    )
    return frozenset(f"{n}{dot}" for n in {1, last + 1} for dot in ("", "."))


def _read_row(tokens: list[Token], i: int, ncols: int, serials: frozenset[str]) -> tuple[list[Line], int]:
    cells: list[Line] = []
    while len(cells) < ncols:
        cell, nxt = _read_cell(tokens, i, MAX_CELL_LINES)
        if cell is None:
            break
        if (
            not cell.text
            and cells
            and (_opens_row(tokens, nxt, cells[0].text, serials) or _group_title(cells, tokens, nxt))
        ):
            return cells, nxt - 1  # a row cut short by merged cells: the next row starts here
        cells.append(cell)
        i = nxt
    return (cells, i) if any(c.text for c in cells) else ([], i)


def _group_title(cells: list[Line], tokens: list[Token], i: int) -> bool:
    """A group row's serial and title in capitals ("D." | "BỘ KHOA HỌC VÀ CÔNG NGHỆ") whose title spans
    the table: the empty cell after it opens the next row, when that row's own serial cell is empty too
    (an empty cell, then text that is no serial); before a serial, the empty cell is the group row's own."""
    if len(cells) != 2 or not GROUP_SERIAL.match(cells[0].text) or not in_capitals(cells[1].text):
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i][0] == "sep" else None
    return after is not None and after[0] == "text" and not ROW_SERIAL.match(after[1].text)


def _opens_row(tokens: list[Token], i: int, first_cell: str, serials: frozenset[str]) -> bool:
    """Whether the text at ``tokens[i]``, after an empty cell, opens the next row of the row whose first
    cell is ``first_cell``: a serial after a row opened by a serial; after a row that holds only its
    right-hand cells (the others merged with the numbered row above), the next serial in sequence; or a
    bullet after a row opened by the same bullet (the next such row)."""
    if i >= len(tokens) or tokens[i][0] != "text":
        return False
    nxt = tokens[i][1].text
    bullet = first_cell[:1] if CELL_BULLET.match(first_cell) else ""
    if ROW_SERIAL.match(nxt):
        return bool(ROW_SERIAL.match(first_cell) or bullet or nxt in serials)
    return bool(bullet) and nxt.startswith(bullet)


def split_tables(lines: list[Line]) -> list[TextRun | TableRun]:
    """Split lines into runs of text and rebuilt tables, in order."""
    tokens = _tokenize(lines)
    runs: list[TextRun | TableRun] = []
    text: list[Line] = []
    i = 0
    while i < len(tokens):
        kind, line = tokens[i]
        if kind == "sep":
            table, j = _parse_table(tokens, i)
            if table is not None:
                if text:
                    runs.append(TextRun(text))
                    text = []
                runs.append(table)
                i = j
                continue
            i += 1  # a stray separator: drop it
            continue
        text.append(line._replace(text="") if kind == "blank" else line)
        i += 1
    if text:
        runs.append(TextRun(text))
    return runs

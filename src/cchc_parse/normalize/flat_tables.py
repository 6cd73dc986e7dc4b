"""Task tables that OCR flattened into lines: cells run together on each line, no column separators left.

A scanned table whose cells are centred vertically comes out of OCR as lines that each hold a piece of every
column, left to right, sometimes with a cell border read as "|":

    TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện
    Tuyên truyền các nội dung Chương trình tổng thể CCHC Các phòng,
    1 Nhà nước giai đoạn 2021-2030 của Chính phủ, của Tỉnh Văn phòng Sở | đơn vị thuộc và Thường xuyên
    ủy, UBND tỉnh, của Sở năm 2025 … trực thuộc Sở trong năm 2025

Such a table opens with a header line of column words (the serial column's "TT"/"STT" first). Its rows are
found by their numbers in sequence at the start of a line; the number sits on the middle line of its row,
so a row begins at the sentence start nearest the midpoint between two number lines (or at its number line,
when the cells are aligned to the top). The table ends at a heading, a signature block, two blank lines,
or when the last row has run as far below its number as the other rows do.

Each row becomes one cell holding its lines as printed; extract/flat_tables.py reads the columns out of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from cchc_parse import lexicon
from cchc_parse.grammar.labels import ARTICLE, NUMBERED_HEADING
from cchc_parse.grammar.layout import FLAT_ROW_NUMBER
from cchc_parse.grammar.pieces import in_capitals
from cchc_parse.normalize.boilerplate import stamp_line
from cchc_parse.normalize.markup import Line

# --- patterns of this module --------------------------------------------------------------------------------
# Task tables that OCR ran together into lines, with no reliable column separators left.
# The serial column's word opening such a table's header line ("TT Nhiệm vụ Đơn vị chủ trì …", "STT Nội
# dung …", "Số TT …"); the other column words come from data/tasks.json.
FLAT_HEADER_START = re.compile(r"^(?:Số\s+)?S?TT(?!\w)", re.IGNORECASE)

FLAT = "flat_tables.json"
COLUMNS = "table_columns.json"
MAX_HEADER_CHARS = 160  # a header line is column words, never a paragraph
MIN_ROWS = 2  # a lone numbered line after a header-like line is no table
MAX_LINES_BEFORE_FIRST = 8  # lines between the header and row 1's number (header rest, row 1's top half)
MAX_ROW_LINES = 16  # lines between two row numbers
CAPS_END_LETTERS = 15  # an all-capitals line this long (a signature or stamp block) ends the table


@dataclass
class FlatTable:
    """The header lines, then each row's lines (blank lines left out)."""

    header: list[Line]
    rows: list[list[Line]]


@cache
def _column_words() -> dict[str, tuple[str, ...]]:
    columns = lexicon.load_json(COLUMNS).get("columns")
    if not isinstance(columns, dict) or not all(
        isinstance(words, list) and words and all(isinstance(w, str) and w.strip() for w in words)
        for words in columns.values()
    ):
        raise lexicon.DataFileError(f"{COLUMNS}: 'columns' must map roles to lists of words")
    return {role: tuple(skeleton(w) for w in words) for role, words in columns.items()}


@cache
def _table_ends() -> tuple[str, ...]:
    return lexicon.string_list(FLAT, "table_ends")


def skeleton(text: str) -> str:
    """Lower case, every mark removed, đ as d, spaces folded: what survives of words OCR garbled or read
    without the Vietnamese model ("Nhiệm vụ", "Nhiem vu" → "nhiem vu")."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def is_flat_header(text: str) -> bool:
    """A header line of a task table ("TT Nhiệm vụ Đơn vị chủ trì …"): the serial column's word first, then
    the task column's and at least one of lead, partners, deadline or output (compared without marks)."""
    if len(text) > MAX_HEADER_CHARS or not FLAT_HEADER_START.match(text):
        return False
    folded = skeleton(text)
    roles = {role for role, words in _column_words().items() if any(w in folded for w in words)}
    return "task" in roles and bool(roles & {"lead", "partners", "deadline", "output"})


def split_flat_tables(lines: list[Line]) -> list[list[Line] | FlatTable]:
    """The lines in order: runs of ordinary lines, and the flattened tables found among them."""
    out: list[list[Line] | FlatTable] = []
    plain: list[Line] = []
    i = 0
    while i < len(lines):
        found = _table_at(lines, i) if lines[i].text and is_flat_header(lines[i].text) else None
        if found is None:
            plain.append(lines[i])
            i += 1
            continue
        if plain:
            out.append(plain)
            plain = []
        out.append(found[0])
        i = found[1]
    if plain:
        out.append(plain)
    return out


def _table_at(lines: list[Line], head: int) -> tuple[FlatTable, int] | None:
    """The table whose header is ``lines[head]`` and the index after its last line, or None."""
    numbers = _number_lines(lines, head)
    if len(numbers) < MIN_ROWS:
        return None
    starts = _row_starts(lines, head, numbers)
    end = _table_end(lines, numbers, starts)
    bounds = [head, *starts, end]
    groups = [[line for line in lines[a:b] if line.text] for a, b in pairwise(bounds)]
    return FlatTable(groups[0], groups[1:]), end


def ends_table(text: str, *, in_rows: bool = True) -> bool:
    """A line no table row holds: a Roman or article heading, a signature or appendix line, and (once rows
    began) a long all-capitals line."""
    label = NUMBERED_HEADING.match(text)
    if (label and label["roman"]) or ARTICLE.match(text) or text.startswith(_table_ends()):
        return True
    if stamp_line().match(text):
        return True
    letters = sum(c.isalpha() for c in text)
    return in_rows and letters >= CAPS_END_LETTERS and in_capitals(text) and len(text.split()) >= 3


def _number_lines(lines: list[Line], head: int) -> list[int]:
    """Indexes of the lines opening with row numbers 1, 2, 3 … in sequence."""
    found: list[int] = []
    since = 0  # non-blank lines since the header or the last number
    for j in range(head + 1, len(lines)):
        text = lines[j].text
        if not text:
            continue
        if ends_table(text, in_rows=bool(found)):
            break
        m = FLAT_ROW_NUMBER.match(text)
        if m and int(m["serial"]) == len(found) + 1:
            found.append(j)
            since = 0
            continue
        since += 1
        if since > (MAX_ROW_LINES if found else MAX_LINES_BEFORE_FIRST):
            break
    return found


def starts_sentence(text: str) -> bool:
    """True when a line opens with a capitalised word ("Tuyên truyền …"), as a task cell's first line does;
    not with an acronym, a lone letter or OCR debris ("CCHC năm", "N R N", "{ủy")."""
    first = text.split(" ", 1)[0].rstrip(",.;:")
    return len(first) >= 2 and first.isalpha() and first[0].isupper() and first[1:].islower()


def _number_rest(text: str) -> str:
    m = FLAT_ROW_NUMBER.match(text)
    return text[m.end() :] if m else text


def _row_starts(lines: list[Line], head: int, numbers: list[int]) -> list[int]:
    """The first line of each row."""
    first = next((j for j in range(head + 1, numbers[0]) if starts_sentence(lines[j].text)), numbers[0])
    top = sum(starts_sentence(_number_rest(lines[n].text)) for n in numbers)
    if first == numbers[0] and top * 2 > len(numbers):
        return list(numbers)  # cells aligned to the top: every row starts on its number line
    return [first] + [_boundary(lines, a, b) for a, b in pairwise(numbers)]


def _boundary(lines: list[Line], a: int, b: int) -> int:
    """The first line of the row numbered on line ``b``, the row above being numbered on line ``a``: the
    sentence start nearest the midpoint of the non-blank lines between them (the later one on a tie), else
    the midpoint."""
    between = [j for j in range(a + 1, b + 1) if lines[j].text]
    mid = (len(between) - 1) / 2  # a row of n lines above b's number and n below a's: start at index n
    starts = [
        k
        for k, j in enumerate(between)
        if starts_sentence(_number_rest(lines[j].text) if j == b else lines[j].text)
    ]
    if not starts:
        return between[int(mid + 0.5)]
    return between[min(starts, key=lambda k: (abs(k - mid), -k))]


def _table_end(lines: list[Line], numbers: list[int], starts: list[int]) -> int:
    """The index after the table's last line: the last row runs below its number at most as far as any row
    above ran below theirs (or as far as it runs above), and never across two blank lines or a heading."""

    def count(a: int, b: int) -> int:
        return sum(1 for line in lines[a:b] if line.text)

    below = [count(n + 1, s) for n, s in zip(numbers, starts[1:], strict=False)]
    limit = max([*below, count(starts[-1], numbers[-1])])
    end = numbers[-1] + 1
    taken = blanks = 0
    for j in range(end, len(lines)):
        text = lines[j].text
        if not text:
            blanks += 1
            if blanks >= 2:
                break
            continue
        if taken >= limit or ends_table(text) or FLAT_ROW_NUMBER.match(text):
            break
        blanks = 0
        taken += 1
        end = j + 1
    return end

"""Tasks from the rows of task tables that OCR flattened into lines (normalize/flat_tables.py).

Each row's lines are split into task text and the pieces of the other columns (extract/flat_cells.py).
The task is the task-column text of all its lines. Among the other pieces, deadline cells start at a
continuous-time word, a capitalised cue or a time ("Thường xuyên", "Theo Kế hoạch", "trong năm 2025"); agency
names start at a capitalised agency head ("Văn phòng Sở", "Các phòng"). A name OCR garbled ("Văn phone Sẽ")
is taken for the name read cleanly elsewhere in the table that it resembles.

The lead column comes first after the task column and its cell is centred on the row's middle line (the
one with the row number): the lead is the name opening the other columns there, or, when a cell that began
above continues there ("vị thuộc và trực"), the name opening them on the nearest line above. The other
names are partners.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from cchc_parse import lexicon
from cchc_parse.extract.agencies import looks_like_agency, split_agencies
from cchc_parse.extract.agency_text import agency_like
from cchc_parse.extract.flat_cells import (
    FlatLine,
    is_debris,
    is_linking,
    short_repeat,
    similar,
    split_line,
    task_width,
)
from cchc_parse.extract.task_tables import TableTask
from cchc_parse.grammar.dates import YEAR
from cchc_parse.grammar.layout import FLAT_ROW_NUMBER, FLAT_TOKEN
from cchc_parse.grammar.pieces import alternation
from cchc_parse.normalize.flat_tables import skeleton

# --- patterns of this module --------------------------------------------------------------------------------
# A time, for deadline cells read out of a flattened row: "năm 2025", "Quý II/2026", "tháng 6", "31/12/2025",
# "6/2026".
_FLAT_TIME = rf"(?:(?i:ngày|tháng|quý|năm)\s*(?:\d|[IVX]+(?!\w))|\d{{1,2}}\s*/\s*(?:\d{{1,2}}\s*/\s*)?{YEAR})"


def flat_deadline_start_pattern(cues: Iterable[str], continuous: Iterable[str]) -> re.Pattern[str]:
    """Where a deadline cell starts among a flattened row's other columns: a continuous-time word in any case
    ("Thường xuyên"), a cue word with the capital a cell starts with ("Theo Kế hoạch", "Trước ngày …"), a
    cue word in lower case right before a time ("trong năm 2025"), or a time alone ("năm 2025")."""
    capitals = alternation(w[:1].upper() + w[1:] for w in cues)
    return re.compile(
        rf"(?<!\w)(?:(?:(?i:{alternation(continuous)})|{capitals})(?!\w)"
        rf"|(?i:{alternation(cues)})\s+(?={_FLAT_TIME})|(?={_FLAT_TIME}))"
    )


WORDS = "deadline_words.json"
AGENCIES = "agencies.json"


@dataclass
class _Row:
    lines: list[FlatLine]
    middle: int  # the line holding the row number


@dataclass
class _Name:
    line: int
    piece: int  # which side piece of the line
    at: int  # offset in the piece
    names: list[str]


@cache
def _deadline_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Cue and recurrence-lead words, and continuous-time words, of data/deadline_words.json (checked)."""
    data = lexicon.load_json(WORDS)
    cues, recurrence = data.get("cues"), data.get("recurrence")
    if not isinstance(cues, dict) or not isinstance(recurrence, dict):
        raise lexicon.DataFileError(f"{WORDS}: 'cues' and 'recurrence' must be objects")
    lists = [*cues.values(), recurrence.get("leads"), recurrence.get("continuous")]
    if not all(isinstance(words, list) and words for words in lists) or not all(
        isinstance(w, str) and w.strip() for words in lists for w in words
    ):
        raise lexicon.DataFileError(f"{WORDS}: cue, lead and continuous words must be non-empty lists")
    return tuple(w for words in lists[:-1] for w in words), tuple(lists[-1])


@cache
def _deadline_start() -> re.Pattern[str]:
    return flat_deadline_start_pattern(*_deadline_words())


@cache
def _collective_starts() -> frozenset[str]:
    """Collective starts with a capital ("Các", "Tất"): inside a row's other columns, a new agency."""
    words = lexicon.string_list(AGENCIES, "collective_starts")
    return frozenset(w.split()[0] for w in words if w[:1].isupper())


@cache
def _collective_nouns() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.string_list(AGENCIES, "collective_nouns"))


@cache
def _continuous_words() -> tuple[str, ...]:
    """Continuous-time words as a cell starts them ("Thường xuyên")."""
    return tuple(w[:1].upper() + w[1:] for w in _deadline_words()[1])


def flat_table_tasks(block_index: int, rows: list[list[str]]) -> list[TableTask]:
    """Task rows of one flattened table (its header row first)."""
    texts = [row[0].split("\n") if row else [] for row in rows[1:]]
    numbered = [_numbered(lines, serial) for serial, lines in enumerate(texts, start=1)]
    width = task_width([line for lines, _ in numbered for line in lines])
    parsed = [_Row([split_line(line, width) for line in lines], middle) for lines, middle in numbered]
    _move_short_repeats(parsed, width)
    known = _known_names(parsed)
    tasks = []
    for r, row in enumerate(parsed, start=1):
        names = _names(row, known)
        lead = _lead(row, names)
        partners = _others(names, lead)
        deadline = " ".join(piece for line in row.lines for piece in _deadline_pieces(line))
        text = " ".join(line.task for line in row.lines if line.task)
        tasks.append(TableTask(block_index, r, text, lead, partners, None, deadline or None, None))
    return [task for task in tasks if task.text]


def _others(names: list[_Name], lead: list[str]) -> list[str]:
    """The partners: every name but the lead's, each once (garbled spellings of one name count once)."""
    out: list[str] = []
    for name in (n for found in names for n in found.names):
        if all(skeleton(name) != skeleton(other) for other in [*lead, *out]):
            out.append(name)
    return out


def _numbered(lines: list[str], serial: int) -> tuple[list[str], int]:
    """The row's lines with its number taken off, and the index of the line that held it."""
    for i, line in enumerate(lines):
        m = FLAT_ROW_NUMBER.match(line)
        if m and int(m["serial"]) == serial:
            return [*lines[:i], line[m.end() :], *lines[i + 1 :]], i
    return lines, len(lines) // 2


def _move_short_repeats(rows: list[_Row], width: float) -> None:
    """Short lines of task text that repeat other rows' side text become side text (see short_repeat)."""
    for r, row in enumerate(rows):
        others = " | ".join(
            piece.casefold()
            for s, other in enumerate(rows)
            if s != r
            for line in other.lines
            for piece in line.side
        )
        for i, line in enumerate(row.lines):
            if i and short_repeat(line, width, others):
                row.lines[i] = FlatLine("", [line.task])


def _deadline_at(piece: str) -> int:
    """Where a deadline cell starts in a side piece (its length when none does)."""
    m = _deadline_start().search(piece)
    if m:
        return m.start()
    fuzzy = _garbled_continuous(piece)
    return fuzzy[0] if fuzzy else len(piece)


def _garbled_continuous(piece: str) -> tuple[int, str] | None:
    """A capitalised pair of words that OCR garbled from a continuous-time word ("Thudne xuven" for
    "Thường xuyên"): where it stands, and the word."""
    tokens = list(FLAT_TOKEN.finditer(piece))
    for a, b in pairwise(tokens):
        pair = piece[a.start() : b.end()]
        word = next((w for w in _continuous_words() if pair[:1].isupper() and similar(pair, w)), None)
        if word:
            return a.start(), word
    return None


def _deadline_pieces(line: FlatLine) -> list[str]:
    """The deadline text of a line's side pieces (a garbled continuous-time word as it should read)."""
    out = []
    for piece in line.side:
        m = _deadline_start().search(piece)
        fuzzy = None if m else _garbled_continuous(piece)
        if m:
            out.append(_until_debris(piece[m.start() :]))
        elif fuzzy:
            out.append(fuzzy[1])
    return [p for p in out if p]


def _until_debris(text: str) -> str:
    """The text up to its first debris token, closing punctuation trimmed."""
    words = []
    for token in text.split():
        if is_debris(token):
            break
        words.append(token)
    return " ".join(words).rstrip(" ,;.")


def _agency_at(piece: str, at: int) -> str:
    """The agency text starting at ``at``: up to a semicolon, debris, a deadline, the next agency (a
    capitalised collective start, or the same head again: "Sở Nội vụ Các sở", "Sở Nội vụ Sở Y tế"), or a
    comma before something that is no agency ("Các phòng, của UBND tỉnh" → "Các phòng")."""
    text = _until_debris(piece[at : at + _deadline_at(piece[at:])].split(";")[0])
    head = text.split(" ", 1)[0]
    for token in list(FLAT_TOKEN.finditer(text))[1:]:
        word = token.group()
        if (word == head or word in _collective_starts()) and looks_like_agency(text[token.start() :]):
            text = text[: token.start()].rstrip()
            break
    parts = text.split(",")
    kept = [parts[0]]
    for part in parts[1:]:
        if not (agency_like(part.strip()) or part.strip().casefold() in _collective_nouns()):
            break  # "sở, ban, ngành" goes on; "Các phòng, của UBND tỉnh" ends at the comma
        kept.append(part)
    return ",".join(kept).strip(" ,")


def _strict_names(piece: str) -> list[tuple[int, list[str]]]:
    """Agencies named in a side piece, where each starts: a capitalised head no linking word precedes."""
    out: list[tuple[int, list[str]]] = []
    end = 0
    before = ""
    for token in FLAT_TOKEN.finditer(piece[: _deadline_at(piece)]):
        linked, before = is_linking(before), token.group()
        if token.start() < end or not token.group()[:1].isupper() or linked:
            continue
        text = _agency_at(piece, token.start())
        if text and looks_like_agency(text):
            names = [n for n in split_agencies(text) if agency_like(n)]
            if names:
                out.append((token.start(), names))
                end = token.start() + len(text)
    return out


def _known_names(rows: list[_Row]) -> list[str]:
    """Agencies read cleanly anywhere in the table: what garbled names are compared with."""
    known: list[str] = []
    for row in rows:
        for line in row.lines:
            for piece in line.side:
                known.extend(n for _, names in _strict_names(piece) for n in names if n not in known)
    return known


def _fuzzy_name(piece: str, at: int, known: list[str]) -> str | None:
    words = piece[at:].split()
    for name in known:
        if similar(" ".join(words[: len(name.split())]), name):
            return name
    return None


def _names(row: _Row, known: list[str]) -> list[_Name]:
    """Agency names of the row's side pieces, in reading order."""
    found: list[_Name] = []
    for i, line in enumerate(row.lines):
        for p, piece in enumerate(line.side):
            strict = _strict_names(piece)
            found.extend(_Name(i, p, at, names) for at, names in strict)
            if not strict and piece[:1].isupper():
                name = _fuzzy_name(piece, 0, known)
                if name:
                    found.append(_Name(i, p, 0, [name]))
    return found


def _lead(row: _Row, names: list[_Name]) -> list[str]:
    """The names opening the side columns on the middle line, else on the nearest line above that opens
    them with a name (a cell from above continues on the middle line), else the first names. A piece of
    one word and no name (a stray word of the task column) opens nothing."""
    for i in range(row.middle, -1, -1):
        side = row.lines[i].side
        first = next((p for p, piece in enumerate(side) if len(piece.split()) > 1), len(side))
        opening = [n.names for n in names if n.line == i and n.at == 0 and n.piece <= first]
        if opening:
            return list(opening[0])
        if i == row.middle and first < len(side) and side[first][:1].isupper():
            break  # the middle line opens with a cell of its own that names no agency
    return list(names[0].names) if names else []

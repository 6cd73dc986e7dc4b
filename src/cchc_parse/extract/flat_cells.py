"""The columns of one line of a task table that OCR flattened (see normalize/flat_tables.py).

A line holds, left to right, a piece of the task column and pieces of the other columns (lead, partners,
deadline), sometimes split by a cell border read as "|", often by nothing but a space. The task piece ends
at the first "|", or where a capitalised word that no linking word introduces stands far enough right (the
task column's width is measured on the lines whose border survived), or, on an overlong line, at that width.
OCR debris — lone letters, stray signs, letter runs that spell no Vietnamese syllable — is told from words
so that lines starting with it lend nothing to the task text.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache
from itertools import pairwise

from cchc_parse import lexicon
from cchc_parse.grammar.layout import FLAT_TOKEN, OCR_EDGES
from cchc_parse.grammar.syllables import VI_SYLLABLE
from cchc_parse.normalize.encodings import without_tone
from cchc_parse.normalize.flat_tables import skeleton

# --- patterns of this module --------------------------------------------------------------------------------
# A cell border OCR kept as "|", with the spaces around it ("Hở| Văn phòng Sở | đơn vị").
FLAT_CELL_BORDER = re.compile(r"\s*\|\s*")

# Characters OCR puts before a cell's first word ("{ủy", "’ : :", "\ đơn vị"); an opening bracket or quote
# starts a phrase and is kept.
FLAT_LEADING_JUNK = re.compile(r"^[^\w(“\"]+")

FLAT = "flat_tables.json"
CUT_SHARE = 0.75  # a capitalised word this far into the task column's width may open the next column
OVERFLOW = 1.2  # a line longer than this many widths holds more than the task column
SHORT_SHARE = 0.5  # a line this short, repeating another row's side text, belongs to a side column
MIN_BORDER_AT = 20  # a border this far right closes the task column (nearer, it closes an empty one)
DEFAULT_WIDTH = 60.0
MIN_ACRONYM = 3  # "UBND", "CCHC"; two capitals ("RO", "NP") are OCR debris
MIN_NAME = 4  # a capitalised run of letters this long is a name even when no syllable ("Website")
NOISE_LED = 2  # this many debris tokens among a line's first four: the line starts in debris
FUZZY = 0.75  # skeleton similarity from which a garbled name is taken for one read cleanly elsewhere


@dataclass
class FlatLine:
    """One line of a flattened row: its task-column text and the other columns' pieces, left to right."""

    task: str
    side: list[str]


@cache
def _linking_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon.string_list(FLAT, "linking_words"))


def similar(a: str, b: str) -> bool:
    """True when ``a`` may be ``b`` garbled: close skeletons of about the same length."""
    sa, sb = skeleton(a), skeleton(b)
    return abs(len(sa) - len(sb)) <= 2 and SequenceMatcher(None, sa, sb).ratio() >= FUZZY


def is_debris(token: str) -> bool:
    """True for a token that is no word: a lone letter or digit, signs, two capitals, a letter run that
    spells no Vietnamese syllable (names of four letters or more and acronyms are words)."""
    core = OCR_EDGES.sub("", token)
    if not core:
        return True
    if any(c.isdigit() for c in core):
        return len(core) < 2 or (any(c.isalpha() for c in core) and not core.isupper())
    if "/" in core or "-" in core:
        return all(is_debris(part) for part in core.replace("-", "/").split("/") if part)
    if not core.isalpha() or len(core) < 2:
        return True
    if core.isupper():
        return len(core) < MIN_ACRONYM
    if core[0].isupper() and core[1:].islower() and len(core) >= MIN_NAME:
        return False
    return VI_SYLLABLE.fullmatch(without_tone(core.lower())) is None


def noise_led(text: str) -> bool:
    """True when the line opens in OCR debris ("N R N e 2 }", "hòa A A . 2."): no task text starts there."""
    tokens = text.split()[:4]
    return sum(map(is_debris, tokens)) >= NOISE_LED


def after_debris(text: str) -> str:
    """The text from its first two words in a row ("N ủy en DR trực thuộc Sở" → "ủy en DR trực …")."""
    tokens = list(FLAT_TOKEN.finditer(text))
    for a, b in pairwise(tokens):
        if not is_debris(a.group()) and not is_debris(b.group()):
            return text[a.start() :]
    return ""


def task_width(lines: list[str]) -> float:
    """The task column's width in characters: the median place of the first cell border on lines that
    have one far enough right, else the median line length."""
    borders = [line.index("|") for line in lines if line.find("|") >= MIN_BORDER_AT and not noise_led(line)]
    if len(borders) >= 2:
        return float(statistics.median(borders))
    lengths = [len(line) for line in lines if line]
    return float(statistics.median(lengths)) if lengths else DEFAULT_WIDTH


def split_line(text: str, width: float) -> FlatLine:
    """The task text of a line (number already removed) and the pieces of the other columns."""
    first, *rest = FLAT_CELL_BORDER.split(text)
    side = [part for part in rest if part.strip()]
    if noise_led(first):
        kept = after_debris(first)
        return FlatLine("", [kept, *side] if kept else side)
    cut = _column_cut(first, width)
    tail = first[cut:].strip()
    return FlatLine(clean_task(first[:cut]), [tail, *side] if tail else side)


def _column_cut(text: str, width: float) -> int:
    """Where the task column ends on a line without a border there (never before its last word alone:
    that is a word of the task column, "… và qua Hệ|")."""
    tokens = list(FLAT_TOKEN.finditer(text))
    for before, token in pairwise(tokens[:-1]):
        if token.start() >= CUT_SHARE * width and _opens_column(before.group(), token.group()):
            return token.start()
    if len(text) > OVERFLOW * width:
        starts = [t.start() for t in tokens[1:] if t.start() <= width]
        if starts:
            return starts[-1]
    return len(text)


def _opens_column(before: str, word: str) -> bool:
    """A capitalised word (no acronym) that neither a sentence end, a quote, a bracket nor a linking word
    ("của Sở", "với Văn phòng") introduces."""
    core = OCR_EDGES.sub("", word)
    if len(core) < 2 or not core[0].isupper() or core.isupper() or word[0] in "“\"(‘'":
        return False
    return before[-1] not in '.!?:;“"(‘' and not is_linking(before)


def is_linking(word: str) -> bool:
    """True for a word that introduces a name inside a sentence ("của", "với", "thuộc")."""
    return OCR_EDGES.sub("", word).casefold() in _linking_words()


def clean_task(text: str) -> str:
    """Task text without the debris OCR put before or after it ("{ủy, UBND" → "ủy, UBND", "Sở 8" → "Sở")."""
    tokens = FLAT_LEADING_JUNK.sub("", text.strip()).split()
    while tokens and is_debris(tokens[-1]):
        tokens.pop()
    return " ".join(tokens)


def short_repeat(line: FlatLine, width: float, others: str) -> bool:
    """A short line of task text only that repeats text of the other columns elsewhere in the table
    ("trực thuộc Sở", "trong năm 2025" on lines of their own): it belongs to those columns."""
    return (
        bool(line.task)
        and not line.side
        and len(line.task) <= SHORT_SHARE * width
        and " ".join(line.task.casefold().split()) in others
    )

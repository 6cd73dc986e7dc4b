"""Joining hard-wrapped lines back into paragraphs.

Texts arrive in three layouts, told apart by :func:`detect_layout`:

* ``blank_separated``: paragraphs separated by blank lines, possibly wrapped inside (web pages, markdown);
* ``wrapped``: PDF-extracted text where blank lines stand between every line, even mid-sentence;
* ``lines``: one paragraph per line, no blank lines (scraped pages).
"""

from __future__ import annotations

import re
import statistics
from functools import cache
from itertools import pairwise
from typing import Literal

from cchc_parse import lexicon
from cchc_parse.grammar.documents import MOTTO
from cchc_parse.grammar.labels import LABEL, LABEL_ONLY
from cchc_parse.grammar.layout import TERMINAL
from cchc_parse.grammar.pieces import in_capitals, words_pattern
from cchc_parse.normalize.markup import Line

Layout = Literal["blank_separated", "wrapped", "lines"]

LONG_LINE_SHARE = 0.6  # in wrapped text, a line at least this share of the usual width was wrapped
LABEL_TEXT_MAX = 60  # a bullet "- Tại địa bàn có khu công nghiệp:" this short may be a label over its text
CAPS_HEADING_WORDS = 2  # words of a line in capitals that heads a paragraph of its own on an OCR'd page
UPPER_WRAP_MIN = 45  # an all-caps line this long may continue on the next all-caps line


@cache
def _starters() -> re.Pattern[str]:
    return words_pattern(lexicon.string_list("layout.json", "paragraph_starters"), ignore_case=False)


def starts_paragraph(text: str) -> bool:
    """True when ``text`` opens a new paragraph whatever precedes it (a label, a bullet, 'Căn cứ', …)."""
    if text[:1].islower() and not text[1:3].lstrip().startswith(")"):
        return False  # only a letter label ("a)", "đ )") opens a paragraph in lower case
    return bool(LABEL.match(text) or _starters().match(text))


def _starts_lower(text: str) -> bool:
    first = text[:1]
    return first.islower() or first.isdigit() or first in "(,;:%–-\"“'"


def detect_layout(lines: list[Line]) -> Layout:
    nonblank = [i for i, line in enumerate(lines) if line.text]
    if not nonblank:
        return "lines"
    before_blank = wrapped_across = 0
    for a, b in pairwise(nonblank):
        if b > a + 1:
            before_blank += 1
            prev, nxt = lines[a].text, lines[b].text
            if not TERMINAL.search(prev) and _starts_lower(nxt) and not starts_paragraph(nxt):
                wrapped_across += 1
    if before_blank and wrapped_across / before_blank > 0.15:
        return "wrapped"
    if before_blank / len(nonblank) > 0.15:
        return "blank_separated"
    return "lines"


def join_paragraphs(lines: list[Line], layout: Layout) -> list[Line]:
    """Merge continuation lines into their paragraph; blank lines disappear.

    Linear in the text: a paragraph is kept as a list of parts with running facts about it (open
    parentheses, case, length), so a very long paragraph is never rescanned or copied line by line.
    """
    lengths = [len(line.text) for line in lines if line.text]
    long_line = LONG_LINE_SHARE * statistics.median(lengths) if lengths else 0.0
    out: list[Line] = []
    current: _Paragraph | None = None
    crossed_blank = False
    for line in lines:
        if not line.text:
            crossed_blank = True
            continue
        if current is not None and _continues(current, line.text, crossed_blank, layout, long_line):
            current.add(line)
        else:
            if current is not None:
                out.append(current.line())
            current = _Paragraph(line)
        crossed_blank = False
    if current is not None:
        out.append(current.line())
    return out


class _Paragraph:
    """A paragraph being built: its lines and what the joining rules need to know about all of them."""

    def __init__(self, first: Line) -> None:
        self.start, self.end = first.start, first.end
        self.parts = [first.text]
        self.open_parens = first.text.count("(") - first.text.count(")")
        self.upper = in_capitals(first.text)
        self.length = len(first.text)

    def add(self, line: Line) -> None:
        self.parts.append(line.text)
        self.end = line.end
        self.open_parens += line.text.count("(") - line.text.count(")")
        self.upper = self.upper and (in_capitals(line.text) or not any(c.isalpha() for c in line.text))
        self.length += len(line.text) + 1

    def line(self) -> Line:
        # A word broken by a hyphen at the line end ("cải-\ncách") is rare in Vietnamese; keep hyphens as
        # they are and join with one space.
        return Line(self.start, self.end, " ".join(p.strip() for p in self.parts))


def _continues(para: _Paragraph, nxt: str, crossed_blank: bool, layout: Layout, long_line: float) -> bool:
    prev = para.parts[-1]
    if len(para.parts) == 1 and LABEL_ONLY.match(prev):
        return True  # "1.1." or "-" alone on its line: the item's text follows on the next line
    if starts_paragraph(nxt):
        return False
    if _label_then_text(para, crossed_blank, layout):
        return True
    if TERMINAL.search(prev):
        # A clause ended by ';' or ':' may run on in a wrapped text ("…CCHC;\ntương tác với…").
        soft_end = prev.rstrip()[-1:] in ";:,"
        return (
            soft_end
            and nxt[:1].islower()
            and layout != "lines"
            and (layout == "wrapped" or not crossed_blank)
        )
    if para.open_parens > 0:  # an open parenthesis continues on the next line
        return True
    if para.upper:
        return (
            in_capitals(nxt) and para.length >= UPPER_WRAP_MIN and not (crossed_blank and layout != "wrapped")
        )
    if MOTTO.match(prev):
        return False  # "Độc lập - Tự do - Hạnh phúc" closes the motto, whatever stands below it
    if layout == "blank_separated":
        # a line in capitals below one that is not is a heading, though Tesseract put it in the paragraph
        return not crossed_blank and not (in_capitals(nxt) and len(nxt.split()) >= CAPS_HEADING_WORDS)
    if layout == "wrapped":
        return _starts_lower(nxt) or len(prev) >= long_line or _splits_name(prev, nxt)
    return not crossed_blank and (_starts_lower(nxt) or _splits_name(prev, nxt))


@cache
def _label_then_text(para: _Paragraph, crossed_blank: bool, layout: Layout) -> bool:
    """A bullet that is only a short label ending in ':' ("- Tại địa bàn có khu công nghiệp:") runs on to
    the next line of its paragraph ("Phấn đấu 100% trẻ em …") where paragraphs are blank-separated."""
    first = para.parts[0]
    return (
        layout == "blank_separated"
        and not crossed_blank
        and len(para.parts) == 1
        and first.endswith(":")
        and len(first) <= LABEL_TEXT_MAX
        and first[:1] in "-+•"
    )


def _name_word_pairs() -> frozenset[tuple[str, str]]:
    """Pairs of words that follow each other inside a proper name: ("Việt", "Nam"), ("Hồ", "Chí")."""
    return frozenset(pair for name in lexicon.proper_names() for pair in pairwise(name.split()))


def _splits_name(prev: str, nxt: str) -> bool:
    """True when the line break falls inside a proper name: "… Đài Tiếng nói Việt" / "Nam, Thông tấn xã …"
    (the next line opens with a capital, yet it continues the sentence)."""
    last, first = prev.split()[-1:], nxt.split()[:1]
    return bool(last and first) and (last[0], first[0].rstrip(",;.:")) in _name_word_pairs()

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

from cchc_parse import resources, rules
from cchc_parse.normalize.markup import Line, is_upper

Layout = Literal["blank_separated", "wrapped", "lines"]

LONG_LINE_SHARE = 0.6  # in wrapped text, a line at least this share of the usual width was wrapped
UPPER_WRAP_MIN = 45  # an all-caps line this long may continue on the next all-caps line


@cache
def _starters() -> re.Pattern[str]:
    return rules.words_pattern(resources.string_list("layout.json", "paragraph_starters"), ignore_case=False)


def starts_paragraph(text: str) -> bool:
    """True when ``text`` opens a new paragraph whatever precedes it (a label, a bullet, 'Căn cứ', …)."""
    if text[:1].islower() and not text[1:3].lstrip().startswith(")"):
        return False  # only a letter label ("a)", "đ )") opens a paragraph in lower case
    return bool(rules.ITEM_LABEL.match(text) or rules.ARTICLE.match(text) or _starters().match(text))


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
            if not rules.TERMINAL.search(prev) and _starts_lower(nxt) and not starts_paragraph(nxt):
                wrapped_across += 1
    if before_blank and wrapped_across / before_blank > 0.15:
        return "wrapped"
    if before_blank / len(nonblank) > 0.15:
        return "blank_separated"
    return "lines"


def join_paragraphs(lines: list[Line], layout: Layout) -> list[Line]:
    """Merge continuation lines into their paragraph; blank lines disappear."""
    lengths = [len(line.text) for line in lines if line.text]
    long_line = LONG_LINE_SHARE * statistics.median(lengths) if lengths else 0.0
    out: list[Line] = []
    current: Line | None = None
    crossed_blank = False
    for line in lines:
        if not line.text:
            crossed_blank = True
            continue
        if current is not None and _continues(current.text, line.text, crossed_blank, layout, long_line):
            current = Line(current.start, line.end, _glue(current.text, line.text))
        else:
            if current is not None:
                out.append(current)
            current = line
        crossed_blank = False
    if current is not None:
        out.append(current)
    return out


def _continues(prev: str, nxt: str, crossed_blank: bool, layout: Layout, long_line: float) -> bool:
    if rules.LABEL_ONLY.match(prev):
        return True  # "1.1." or "-" alone on its line: the item's text follows on the next line
    if starts_paragraph(nxt):
        return False
    if rules.TERMINAL.search(prev):
        # A clause ended by ';' or ':' may run on in a wrapped text ("…CCHC;\ntương tác với…").
        soft_end = prev.rstrip()[-1:] in ";:,"
        return (
            soft_end
            and nxt[:1].islower()
            and layout != "lines"
            and (layout == "wrapped" or not crossed_blank)
        )
    if prev.count("(") > prev.count(")"):  # an open parenthesis continues on the next line
        return True
    if is_upper(prev):
        return is_upper(nxt) and len(prev) >= UPPER_WRAP_MIN and not (crossed_blank and layout != "wrapped")
    if layout == "blank_separated":
        return not crossed_blank
    if layout == "wrapped":
        return _starts_lower(nxt) or len(prev) >= long_line
    return not crossed_blank and _starts_lower(nxt)


def _glue(prev: str, nxt: str) -> str:
    # A word broken by a hyphen at the line end ("cải-\ncách") is rare in Vietnamese; keep hyphens as
    # they are and join with one space.
    return f"{prev.rstrip()} {nxt.lstrip()}"

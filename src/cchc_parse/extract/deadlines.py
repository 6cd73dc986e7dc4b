"""Deadlines: the period a deadline text means, or how often it recurs.

``parse_deadline`` reads a whole deadline text — a table cell or an attribute ("Quý I/2026", "Thường
xuyên", "- Quyết định (tháng 01/2026); - Báo cáo định kỳ quý/6 tháng/năm"). ``find_deadline`` finds the
deadline phrase inside a task sentence ("… chậm nhất ngày 05/02/2026 …") and reads it the same way.

A text may hold several time mentions: the result spans them (earliest start, latest end). A cue word
before a mention says which end it gives ("chậm nhất", "trước" → end only; "từ" → start only). Words come
from data/deadline_words.json, the date grammar from grammar/dates.py.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from cchc_parse.extract.deadline_words import (
    RECURRENCES,
    CueKind,
    Recurrence,
    deadline_words,
    key,
)
from cchc_parse.grammar.dates import DEADLINE_GROUPS
from cchc_parse.models import Deadline

# --- patterns of this module --------------------------------------------------------------------------------
# Between two mentions: what makes them one phrase ("tháng 3 đến tháng 6", "Quý I - Quý II", "…; Quý IV").
DEADLINE_JOINER = re.compile(r"\s*(?:[-–;,]|đến(?:\s+hết)?|tới|và)\s*", re.IGNORECASE)

# A recurrence phrase glued to a day: "ngày 12 của tháng cuối kỳ", "ngày 20 hằng tháng".
DAY_TO_RECURRENCE = re.compile(r"\s+(?:của\s+)?", re.IGNORECASE)

# The rest of a parenthesis, closed: a recurrence note "(định kỳ hằng quý … theo quy định)" is taken whole.
CLOSING_PAREN = re.compile(r"\s*\)")

# The separators inside a recurrence unit list ("quý/6 tháng/năm", "quý, 6 tháng và năm").
UNIT_SEPARATOR = re.compile(r"\s*[,/]\s*|\s+(?:và|hoặc)\s+", re.IGNORECASE)

_CUE_WINDOW = 40  # characters searched before a mention for its cue word
_NOUN_WINDOW = 60  # characters searched before a year or recurrence for a noun it belongs to
_NEAR = 20  # a following mention at most this far lends its year ("tháng 3 đến tháng 6/2026")
_PER_MONTHS = {"năm": 12.0, "quý": 3.0, "tháng": 1.0, "tuần": 0.25}
# The longest interval, in months, each recurrence stands for ("every 6 months" is half-yearly).
_INTERVALS: tuple[tuple[float, Recurrence], ...] = (
    (0.05, "daily"), (0.25, "weekly"), (1, "monthly"), (3, "quarterly"), (6, "half-yearly"),
)  # fmt: skip
_NUMERALS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "đầu": 1, "cuối": 2}


@dataclass(frozen=True)
class _Mention:
    """One time mention: numbers as printed (day/month, months, quarters, half 1|2, years) and its year."""

    kind: str
    start: int
    end: int
    first: int
    last: int
    year: int | None
    terse: bool


# --- time mentions -----------------------------------------------------------------------------------


def _number(text: str) -> int:
    return _NUMERALS.get(text.casefold()) or int(text)


def _scan(text: str) -> list[_Mention]:
    """The time mentions of a text in order; cited documents' dates are left out."""
    out: list[_Mention] = []
    for m in deadline_words().mention.finditer(text):
        if m.lastgroup not in DEADLINE_GROUPS:
            continue
        kind, first, last, year, terse = DEADLINE_GROUPS[m.lastgroup]
        printed = m[year] if year else None
        numbers = _number(m[first]), _number(m[last] or m[first])
        out.append(_Mention(kind, m.start(), m.end(), *numbers, int(printed) if printed else None, terse))
    return out


def _borrowed_year(mentions: list[_Mention], i: int) -> int | None:
    """A year for a mention printed without one: from the next mention if it is near ("tháng 3 đến tháng
    6/2026"), else from the previous one, else from any later one."""
    later = [m for m in mentions[i + 1 :] if m.year is not None]
    if later and later[0].start - mentions[i].end <= _NEAR:
        return later[0].year
    earlier = [m for m in mentions[:i] if m.year is not None]
    if earlier:
        return earlier[-1].year
    return later[0].year if later else None


def _years(mentions: list[_Mention], plan_year: int | None) -> list[int | None]:
    out: list[int | None] = []
    for i, m in enumerate(mentions):
        year = m.year if m.year is not None else _borrowed_year(mentions, i)
        out.append(year if year is not None else plan_year)
    return out


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _period(m: _Mention, year: int | None) -> tuple[date, date] | None:
    """The first and last day a mention covers; None for an impossible date ("31/02/2026") or no year."""
    if m.kind == "day" or (year is None and m.kind != "years"):
        return None
    try:
        if m.kind == "years":
            lo, hi = date(m.first, 1, 1), date(m.last, 12, 31)
        elif year is None:
            return None
        elif m.kind == "date":
            lo = hi = date(year, m.last, m.first)
        elif m.kind in ("month", "quarter", "half"):
            size = {"month": 1, "quarter": 3, "half": 6}[m.kind]
            lo, hi = date(year, size * m.first - size + 1, 1), _month_end(year, size * m.last)
        else:
            lo, hi = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None
    return (lo, hi) if lo <= hi else None


def _cue(text: str, start: int) -> tuple[CueKind, int, str] | None:
    """The cue word right before a mention: its kind, where it starts, and the word."""
    m = deadline_words().cue.search(text, max(0, start - _CUE_WINDOW), start)
    if m is None:
        return None
    word = key(m["cue"])
    return deadline_words().cues[word], m.start(), word


def _names_document(text: str, m: _Mention) -> bool:
    """A year that names a document or a day ("Báo cáo CCHC năm 2026", "ngày Chuyển đổi số quốc gia năm
    2026") rather than a time."""
    if m.kind not in ("year", "years"):
        return False
    return deadline_words().document_noun.search(text, max(0, m.start - _NOUN_WINDOW), m.start) is not None


def _bounds(text: str, mentions: list[_Mention], plan_year: int | None) -> tuple[date | None, date | None]:
    starts: list[date] = []
    ends: list[date] = []
    for m, year in zip(mentions, _years(mentions, plan_year), strict=True):
        period = _period(m, year)
        cue = _cue(text, m.start)
        if period is None or (cue is None and _names_document(text, m)):
            continue
        lo, hi = period
        kind = cue[0] if cue else "within"
        ranged = m.kind == "years" or (m.kind in ("month", "quarter") and m.first != m.last)
        if kind == "from" and not ranged:
            starts.append(lo)
        elif kind == "by":
            ends.append(hi)
        elif kind == "before":
            ends.append(hi if m.kind == "date" else lo - timedelta(days=1))
        else:
            starts.append(lo)
            ends.append(hi)
    return (min(starts) if starts else None), (max(ends) if ends else None)


# --- recurrences ---------------------------------------------------------------------------------------


def _most_frequent(found: Iterator[Recurrence | None]) -> Recurrence | None:
    known = [r for r in found if r is not None]
    return min(known, key=RECURRENCES.index) if known else None


def _count(text: str) -> int:
    return int(text) if text.isdigit() else deadline_words().numbers.get(key(text), 0)


def _frequency(m: re.Match[str]) -> Recurrence | None:
    """ "2 lần/năm" → every 6 months → half-yearly; "06 tháng/lần" → half-yearly; "1 lần/quý" → quarterly."""
    if m["months"]:
        every = float(_count(m["months"]))
    else:
        times = _count(m["times"] or m["times2"])
        every = _PER_MONTHS[key(m["per"] or m["per2"])] / times if times else 0.0
    if every <= 0:
        return None
    return next((r for limit, r in _INTERVALS if every <= limit), "yearly")


def _recurrence_of(m: re.Match[str]) -> Recurrence | None:
    words = deadline_words()
    if m["freq"]:
        return _frequency(m)
    units = m["units"] or m.groupdict().get("bare")
    if units:
        return _most_frequent(words.units.get(key(u)) for u in UNIT_SEPARATOR.split(units))
    if m["fixed"]:
        return words.fixed.get(key(m["fixed"]))
    return "continuous" if m["cont"] else None


# --- public API ------------------------------------------------------------------------------------------


def parse_deadline(text: str, *, plan_year: int | None = None) -> Deadline | None:
    """A deadline text as printed, read into start/end dates and a recurrence; None for empty text.

    Parts the reader does not understand ("Sau khi Chính phủ ban hành Nghị quyết") give a deadline with
    the text only. A mention without a year takes a neighbour's year, else ``plan_year``.
    """
    printed = text.strip()
    if not printed:
        return None
    words = deadline_words()
    start, end = _bounds(printed, _scan(printed), plan_year)
    recurrence = _most_frequent(_recurrence_of(m) for m in words.cell_recurrence.finditer(printed))
    opened = words.open_end_re.search(printed)
    if opened:
        end = None
        recurrence = recurrence or words.open_end[key(opened[0])]
    if start is not None and end is not None and start > end:
        start = None
    return Deadline(text=printed, start=start, end=end, recurrence=recurrence)


def find_deadline(sentence: str, *, plan_year: int | None = None) -> Deadline | None:
    """The deadline phrase inside a task sentence, read by ``parse_deadline``; None when there is none.

    A date or period after a cue word wins ("chậm nhất ngày 05/02/2026", "trước ngày 12 của tháng cuối
    kỳ báo cáo"), then a month or quarter with its year ("Quý I/2026"), then what a label opening a clause
    announces ("Thời gian thực hiện sau khi …"), then a recurrence ("Hàng tháng", "định kỳ 2 lần/năm").
    Dates of cited documents and years naming a document are never deadlines.
    """
    span = _date_phrase(sentence) or _label_phrase(sentence) or _recurrence_phrase(sentence)
    if span is None:
        return None
    return parse_deadline(sentence[span[0] : span[1]], plan_year=plan_year)


# --- phrases in a sentence ---------------------------------------------------------------------------------


def _joined(text: str, mentions: list[_Mention], i: int) -> int:
    """The index of the last mention joined to mentions[i] by a range or list word ("đến", "-", "và")."""
    while i + 1 < len(mentions) and DEADLINE_JOINER.fullmatch(text, mentions[i].end, mentions[i + 1].start):
        i += 1
    return i


def _recurrence_after(text: str, end: int) -> int | None:
    """Where a recurrence right after a mention ends ("ngày 12| của tháng cuối kỳ báo cáo|", "trước ngày
    30/11| hằng năm|"), if there is one."""
    glue = DAY_TO_RECURRENCE.match(text, end)
    if glue is None:
        return None
    m = deadline_words().sentence_recurrence.match(text, glue.end())
    return m.end() if m and _recurrence_of(m) else None


def _rank(m: _Mention, cue: tuple[CueKind, int, str] | None) -> int | None:
    """0 for a cued mention, 1 for a month/quarter/half with its year, None when it is no deadline."""
    words = deadline_words()
    if m.kind in ("year", "years"):
        strong = cue is not None and cue[2] not in words.weak_cues
        return 0 if strong else None
    if cue is not None:
        return 0
    if m.kind in ("month", "quarter", "half") and m.year is not None and not m.terse:
        return 1
    return None


def _date_phrase(text: str) -> tuple[int, int] | None:
    mentions = _scan(text)
    years = _years(mentions, 2000)  # any year will do: only whether a date is possible matters here
    best: tuple[int, int, int] | None = None
    i = 0
    while i < len(mentions):
        m, j = mentions[i], _joined(text, mentions, i)
        cue = _cue(text, m.start)
        end = _recurrence_after(text, mentions[j].end)
        if mentions[j].kind == "day":  # a day alone is a deadline only with its recurrence
            rank = 0 if end is not None else None
        else:
            rank = _rank(m, cue) if _period(m, years[i]) else None
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, cue[1] if cue else m.start, _open_end(text, end or mentions[j].end))
        i = j + 1
    return (best[1], best[2]) if best else None


def _open_end(text: str, end: int) -> int:
    """Past an open end right after a phrase ("Quý IV năm 2025| và các năm tiếp theo|")."""
    m = deadline_words().open_end_re.match(text, end)
    return m.end() if m else end


def _label_phrase(text: str) -> tuple[int, int] | None:
    """What a label opening a clause announces: "Thời gian thực hiện: |sau khi … được ban hành|."."""
    m = deadline_words().label.search(text)
    if m is None:
        return None
    start, end = m.span("value")
    if text[end - 1] == ")" and "(" not in m["value"]:  # the label sat inside brackets
        end -= 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _recurrence_phrase(text: str) -> tuple[int, int] | None:
    words = deadline_words()
    for m in words.sentence_recurrence.finditer(text):
        if words.recurrence_noun.search(text, max(0, m.start() - _NOUN_WINDOW), m.start()):
            continue
        if _recurrence_of(m) is None:
            continue
        tail = words.tail.match(text, m.end())
        closes = tail is not None and CLOSING_PAREN.match(text, tail.end()) is not None
        return m.start(), tail.end() if tail and closes else m.end()
    return None

"""The words of deadline texts (``data/deadline_words.json``), checked when loaded, with the patterns built
from them: cue words, recurrence units and numbers, open ends, labels (used by extract/deadlines.py)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from cchc_parse import lexicon
from cchc_parse.grammar.dates import deadline_mention_pattern
from cchc_parse.grammar.pieces import alternation, bounded_words_pattern, word_start


# --- patterns of this module --------------------------------------------------------------------------------
def cue_pattern(cues: Iterable[str], fillers: Iterable[str]) -> re.Pattern[str]:
    """A cue word ending the text searched, maybe followed by a filler: "chậm nhất là ", "đến hết ".

    Search it between a window start and the mention's start (``pattern.search(text, lo, hi)``).
    """
    return re.compile(
        rf"(?<!\w)(?P<cue>{alternation(cues)})(?:\s+(?:{alternation(fillers)}))?\s*$", re.IGNORECASE
    )


def noun_before_pattern(nouns: Iterable[str], *, max_words: int = 3) -> re.Pattern[str]:
    """A noun a few words before the end of the text searched ("Kế hoạch CCHC |hằng năm"): the time words
    that follow name a document or a budget line, not a deadline. Words do not cross punctuation."""
    return re.compile(
        rf"(?<!\w)(?:{alternation(nouns)})(?:\s+[^\s,;.:()]+){{0,{max_words}}}\s+$", re.IGNORECASE
    )


def recurrence_pattern(
    *,
    leads: Iterable[str],
    units: Iterable[str],
    bare_units: Iterable[str],
    fixed: Iterable[str],
    numbers: Iterable[str],
    continuous: Iterable[str],
    continuous_verbs: Iterable[str] | None,
) -> re.Pattern[str]:
    """How often something recurs. Groups: `freq` ("2 lần/năm", "năm 2 lần", "06 tháng/lần"), `listed`
    ("định kỳ hàng quý, 6 tháng, năm"), `bare` (a list opened by a bare unit: "quý/6 tháng/năm"), `fixed`
    ("tháng cuối kỳ báo cáo") and `cont` ("thường xuyên").

    With `continuous_verbs` (reading a sentence, not a cell) no bare units are taken, and "thường xuyên"
    counts only after such a verb at the end of a clause ("… thực hiện thường xuyên."): elsewhere in a
    sentence it is an adverb ("thường xuyên kiểm tra") or a budget line ("chi thường xuyên").
    """
    leads, units, numbers, fixed, continuous = map(tuple, (leads, units, numbers, fixed, continuous))
    # A unit not followed by what makes it a period ("quý I", "tháng 6", "năm 2026", "6 tháng đầu năm").
    unit = rf"(?<!\w)(?:{alternation(units)})(?!\w)(?!\s*(?:\d|[IVX]+(?!\w)|đầu(?!\w)|cuối(?!\w)))"
    unit_list = rf"{unit}(?:(?:\s*[,/]\s*|\s+(?:và|hoặc)\s+){unit})*"
    num = rf"\d{{1,2}}|{alternation(numbers)}"
    per = r"năm|quý|tháng|tuần"
    lead = rf"(?<!\w)(?:{alternation(leads)})\s+"
    freq = (
        rf"(?P<freq>(?:{lead})?(?:(?P<times>{num})\s*lần\s*/\s*(?P<per>{per})"
        rf"|(?:(?:0?1|một)\s+)?(?P<per2>{per})\s+(?P<times2>{num})\s*lần"
        rf"|(?P<months>{num})\s+tháng\s*(?:/\s*|một\s+)lần))"
    )
    listed = rf"(?P<listed>(?:{lead}){{1,2}}(?P<units>{unit_list}))"
    fixed_part = rf"(?P<fixed>(?<!\w)(?:{alternation(fixed)})(?!\w))"
    words = alternation(continuous)
    firsts = [*leads, *units, *numbers, *fixed, *continuous, *(continuous_verbs or ()), "một"]
    start = word_start([*firsts, *per.split("|")], digits=True, confirm=True)
    if continuous_verbs is None:
        bare = rf"(?P<bare>(?<!trong )(?<!sau )(?<!vòng )(?=(?:{alternation(bare_units)})(?!\w)){unit_list})"
        cont = rf"(?P<cont>(?<!\w)(?P<cword>{words})(?!\w))"
        return re.compile(f"{start}(?:{'|'.join([freq, listed, bare, fixed_part, cont])})", re.IGNORECASE)
    # "thực hiện thường xuyên" closing a clause (full stop, semicolon, closing bracket or end of text).
    cont = rf"(?P<cont>(?<!\w)(?:{alternation(continuous_verbs)})\s+(?P<cword>{words})(?=\s*(?:[.;)]|$)))"
    return re.compile(f"{start}(?:{'|'.join([freq, listed, fixed_part, cont])})", re.IGNORECASE)


def deadline_label_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """A label opening a clause ("- Thời gian thực hiện: Quý I/2026", ". Thời gian thực hiện sau khi …"),
    then its `value` up to the end of the clause (at most 150 characters, else no match). The label must
    open a line or follow punctuation: inside a clause it is a noun ("rút ngắn thời gian thực hiện TTHC")."""
    return re.compile(
        rf"(?:^[\s\-–+•*]*|[.;:(]\s*)(?:{alternation(labels)})\s*:?\s*(?P<value>[^.;\n]{{1,150}})(?=[.;\n]|$)",
        re.IGNORECASE | re.MULTILINE,
    )


WORDS = "deadline_words.json"
Recurrence = Literal["continuous", "daily", "weekly", "monthly", "quarterly", "half-yearly", "yearly"]
CueKind = Literal["by", "before", "from", "within"]
# Most frequent first: a text naming several recurrences gets the most frequent ("quý/6 tháng/năm").
RECURRENCES: tuple[Recurrence, ...] = get_args(Recurrence)
CUE_KINDS: tuple[CueKind, ...] = get_args(CueKind)


@dataclass(frozen=True)
class DeadlineWords:
    """The data file, checked, with the patterns built from it."""

    cues: dict[str, CueKind]
    weak_cues: frozenset[str]  # weak and horizon cues: not enough to make a year a deadline
    units: dict[str, Recurrence]
    fixed: dict[str, Recurrence]
    numbers: dict[str, int]
    open_end: dict[str, Recurrence | None]
    mention: re.Pattern[str]
    cue: re.Pattern[str]
    cell_recurrence: re.Pattern[str]
    sentence_recurrence: re.Pattern[str]
    tail: re.Pattern[str]
    open_end_re: re.Pattern[str]
    recurrence_noun: re.Pattern[str]
    document_noun: re.Pattern[str]
    label: re.Pattern[str]


def key(text: str) -> str:
    """A word as the tables key it: case-folded, spaces folded."""
    return " ".join(text.casefold().split())


def _fail(where: str, what: str) -> lexicon.DataFileError:
    return lexicon.DataFileError(f"{WORDS}: '{where}' must be {what}")


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise _fail(where, "a non-empty list of non-empty strings")
    return tuple(value)


def _mapping(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict) or not value or not all(isinstance(k, str) and k.strip() for k in value):
        raise _fail(where, "a non-empty object keyed by non-empty strings")
    return {key(k): v for k, v in value.items()}


def _recurrences(value: Any, where: str, *, nullable: bool = False) -> dict[str, Any]:
    table = _mapping(value, where)
    if not all(v in RECURRENCES or (nullable and v is None) for v in table.values()):
        raise _fail(where, f"an object whose values are one of {', '.join(RECURRENCES)}")
    return table


def _cues(value: Any) -> dict[str, CueKind]:
    table = _mapping(value, "cues")
    if set(table) - set(CUE_KINDS):
        raise _fail("cues", f"an object with the keys {', '.join(CUE_KINDS)}")
    out: dict[str, CueKind] = {}
    for kind in CUE_KINDS:
        out.update((key(w), kind) for w in _strings(table.get(kind), f"cues.{kind}"))
    return out


def _numbers(value: Any) -> dict[str, int]:
    table = _mapping(value, "recurrence.numbers")
    if not all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in table.values()):
        raise _fail("recurrence.numbers", "an object of positive integers")
    return table


@cache
def deadline_words() -> DeadlineWords:
    data = lexicon.load_json(WORDS)
    rec = _mapping(data.get("recurrence"), "recurrence")
    cues = _cues(data.get("cues"))
    units = _recurrences(rec.get("units"), "recurrence.units")
    fixed = _recurrences(rec.get("fixed"), "recurrence.fixed")
    numbers = _numbers(rec.get("numbers"))
    open_end = _recurrences(data.get("open_end"), "open_end", nullable=True)
    parts = {
        "leads": _strings(rec.get("leads"), "recurrence.leads"),
        "units": tuple(units),
        "bare_units": _strings(rec.get("bare_units"), "recurrence.bare_units"),
        "fixed": tuple(fixed),
        "numbers": tuple(numbers),
        "continuous": _strings(rec.get("continuous"), "recurrence.continuous"),
    }
    verbs = _strings(rec.get("continuous_verbs"), "recurrence.continuous_verbs")
    tails = _strings(rec.get("tails"), "recurrence.tails")
    return DeadlineWords(
        cues=cues,
        weak_cues=frozenset(
            key(w) for name in ("weak_cues", "horizon_cues") for w in _strings(data.get(name), name)
        ),
        units=units,
        fixed=fixed,
        numbers=numbers,
        open_end=open_end,
        mention=deadline_mention_pattern(),
        cue=cue_pattern(cues, _strings(data.get("cue_fillers"), "cue_fillers")),
        cell_recurrence=recurrence_pattern(**parts, continuous_verbs=None),
        sentence_recurrence=recurrence_pattern(**parts, continuous_verbs=verbs),
        tail=bounded_words_pattern(tails, after=r"\s+"),
        open_end_re=bounded_words_pattern(open_end, after=r"\s*"),
        recurrence_noun=noun_before_pattern(_strings(data.get("recurrence_nouns"), "recurrence_nouns")),
        document_noun=noun_before_pattern(_strings(data.get("document_nouns"), "document_nouns")),
        label=deadline_label_pattern(_strings(data.get("labels"), "labels")),
    )

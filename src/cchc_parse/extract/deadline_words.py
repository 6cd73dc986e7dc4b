"""The words of deadline texts (``data/deadline_words.json``), checked when loaded, with the patterns built
from them: cue words, recurrence units and numbers, open ends, labels (used by extract/deadlines.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal, get_args

from cchc_parse import resources, rules

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


def _fail(where: str, what: str) -> resources.DataFileError:
    return resources.DataFileError(f"{WORDS}: '{where}' must be {what}")


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
    data = resources.load_json(WORDS)
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
        mention=rules.deadline_mention_pattern(),
        cue=rules.cue_pattern(cues, _strings(data.get("cue_fillers"), "cue_fillers")),
        cell_recurrence=rules.recurrence_pattern(**parts, continuous_verbs=None),
        sentence_recurrence=rules.recurrence_pattern(**parts, continuous_verbs=verbs),
        tail=rules.bounded_words_pattern(tails, after=r"\s+"),
        open_end_re=rules.bounded_words_pattern(open_end, after=r"\s*"),
        recurrence_noun=rules.noun_before_pattern(_strings(data.get("recurrence_nouns"), "recurrence_nouns")),
        document_noun=rules.noun_before_pattern(_strings(data.get("document_nouns"), "document_nouns")),
        label=rules.deadline_label_pattern(_strings(data.get("labels"), "labels")),
    )

"""Shared pattern pieces: Vietnamese letter classes and the builders that turn a data file's word lists
into fast literal-word patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Vietnamese lowercase letters beyond ASCII (NFC, precomposed); used to build case-aware classes.
VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

VI_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"


def char_class(chars: Iterable[str]) -> str:
    """A character class matching any one of ``chars`` (from a data file)."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def alternation(words: Iterable[str]) -> str:
    """Literal words as one alternation, longest first (so "hoàn thành trong" wins over "hoàn thành")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def word_start(words: Iterable[str], *, digits: bool = False, confirm: bool = False) -> str:
    """A guard for patterns scanned over whole texts: the position starts a word and its first character
    (either case) can start one of `words` (or is a digit). It lets the scanner skip most positions at
    once, instead of trying every alternative there: several times faster on long texts. With `confirm`,
    one of the words (or a digit) must also follow before the alternatives are tried (twice as fast again
    when the alternatives are many and their first letters common)."""
    words = list(words)
    firsts = "".join(sorted({re.escape(c) for w in words for c in (w[0].lower(), w[0].upper())}))
    guard = rf"(?=[{'0-9' if digits else ''}{firsts}])(?<!\w)"
    if confirm:
        guard += rf"(?={'[0-9]|' if digits else ''}{alternation(words)})"
    return guard


def bounded_words_pattern(
    words: Iterable[str], *, ignore_case: bool = True, after: str = ""
) -> re.Pattern[str]:
    """Literal words that start and end on word boundaries ("hạn" but not the tail of "giới hạn"), `after`
    a piece of pattern (r"\\s+": the words follow white space, as in ``pattern.match(text, end)``)."""
    words = list(words)
    first_words = {w.split(maxsplit=1)[0].rstrip(",") for w in words}
    return re.compile(
        rf"{after}{word_start(first_words, confirm=True)}(?:{alternation(words)})(?!\w)",
        re.IGNORECASE if ignore_case else 0,
    )


def words_pattern(words: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """An alternation of literal words from a data file, longest first (so "tin, bài" wins over "tin")."""
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(alternation, re.IGNORECASE if ignore_case else 0)


def in_capitals(text: str, *, share: float = 1.0) -> bool:
    """Whether ``text`` is written in capitals: it has letters and at least ``share`` of them are
    upper-case (1.0, the default: all of them, as a typed heading; a header read by OCR allows a few
    lower-case letters misread among the capitals)."""
    if share >= 1.0:
        return text.isupper()  # a cased character, and none in lower case
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= share * len(letters)

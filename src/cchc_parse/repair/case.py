"""Letter case for re-spelt words: the case of the token OCR printed, with OCR's case habits undone."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["apply_case", "case_pattern"]


def apply_case(pattern: str, word: str) -> str:
    """``word`` written in the case of ``pattern``: UPPER, Title or lower ("MUC" + "mục" → "MỤC")."""
    letters = [c for c in pattern if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word[:1].upper() + word[1:]
    return word


def case_pattern(texts: Sequence[str], i: int, word: str) -> str:
    """The case a re-spelt word takes from its token, with OCR's habits undone: a short word in capitals
    between words that are not ("SO NOi vu": marked vowels read as capitals) is a capitalised word; a word
    in capitals but for one small letter, next to a word in capitals ("MUC PiCH", "KINH PHi"), is in
    capitals; a capital I read for a small l ("Idp" lớp) is lower case."""
    text = texts[i]
    if text[:1] == "I" and word[:1] == "l" and not text[1:2].isupper():
        return text.lower()
    neighbours = [*texts[max(i - 1, 0) : i], *texts[i + 1 : i + 2]]
    capitals = [n for n in neighbours if _all_caps(n)]
    if len(text) <= 3 and _all_caps(text) and not any(_one_small(n, 4) for n in neighbours) and not capitals:
        return text[:1] + text[1:].lower()
    if _one_small(text, 3) and any(sum(c.isalpha() for c in n) >= 3 for n in capitals):
        return text.upper()
    return text


def _one_small(text: str, least: int) -> bool:
    """At least ``least`` letters, all capitals but one."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= least and sum(c.islower() for c in letters) == 1


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)

"""Vietnamese syllables: the valid-syllable grammar and skeletons (letters without marks).

A *skeleton* is a syllable with every diacritic removed and đ written d ("được" → "duoc"): what OCR without
the Vietnamese model tends to leave of it, and the key the candidate index is built on.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from cchc_parse import rules

__all__ = ["is_syllable", "skeleton"]

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below
_STOP_TONES = frozenset("\u0301\u0323")  # the only tones a syllable closed by c, ch, p or t may carry
_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")  # tones + circumflex, breve, horn
_VIETNAMESE_ONLY = frozenset("ăâđêôơư")  # letters (besides tones) that ASCII lacks


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """Lower case, marks removed, đ → d: "Được" → "duoc". Characters that are not letters stay."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c not in _MARKS)


@lru_cache(maxsize=65536)
def is_syllable(word: str) -> bool:
    """True for one well-formed Vietnamese syllable in lower case: onset, rhyme, at most one tone, a
    stop-closed rhyme (-c, -ch, -p, -t) only with the acute or dot-below tone ("tác", "tạc", never "tàc"),
    and the onset spelt as the vowel after it wants ("kia", never "cia")."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [c for c in decomposed if c in _TONES]
    if len(tones) > 1 or not word.isalpha() or not word.islower():
        return False
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    if not rules.VI_SYLLABLE.fullmatch(toneless) or rules.VI_MISSPELLED_ONSET.match(toneless):
        return False
    return not rules.STOP_FINAL.search(toneless) or bool(tones and tones[0] in _STOP_TONES)

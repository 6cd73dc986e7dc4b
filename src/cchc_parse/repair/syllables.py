"""Vietnamese syllables: the valid-syllable grammar and skeletons (letters without marks).

A *skeleton* is a syllable with every diacritic removed and đ written d ("được" → "duoc"): what OCR without
the Vietnamese model tends to leave of it, and the key the candidate index is built on.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from cchc_parse.normalize.encodings import HAT_MARKS, TONE_MARKS, is_vietnamese_syllable, without_tone

# --- patterns of this module --------------------------------------------------------------------------------
# An onset spelt against the vowel after it: c before i/e/ê/y (kia, kê), k before other vowels, gh and ngh
# before anything but i/e/ê, g before e/ê (ghe), ng before i/e/ê (nghi). Checked on toneless syllables.
VI_MISSPELLED_ONSET = re.compile(r"c[ieêy]|k(?!h)[^ieêy]|n?gh[^ieê]|g[eê]|ng[ieê]")

__all__ = ["is_syllable", "skeleton"]

_MARKS = TONE_MARKS | HAT_MARKS


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
    return (
        word.isalpha()
        and word.islower()
        and is_vietnamese_syllable(word)
        and not VI_MISSPELLED_ONSET.match(without_tone(word))
    )

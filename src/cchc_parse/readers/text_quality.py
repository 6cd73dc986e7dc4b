"""How much a text reads as Vietnamese: the share of its words that are Vietnamese syllables.

:func:`text_quality` tells a PDF page's text layer from a broken one ("7ӌ1+ L¿O CAI" of a legacy font, OCR
without the Vietnamese model: "C6ng tic") and a page Tesseract read upright from one it read sideways.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from cchc_parse.grammar.layout import OCR_EDGES
from cchc_parse.grammar.pieces import VI_UPPER
from cchc_parse.grammar.syllables import VI_SYLLABLE
from cchc_parse.normalize.encodings import without_tone
from cchc_parse.normalize.legacy_tables import is_vietnamese_letter

__all__ = ["text_quality"]

# --- patterns of this module --------------------------------------------------------------------------------
# A run of letters, without digits or underscores: a word that text_quality scores.
OCR_LETTERS = re.compile(r"[^\W\d_]+")

# Punctuation that may join words without a space: "tế-xã", "chính.Theo", "Hà Nội,Việt".
OCR_JOINERS = re.compile(r"[-–—.,;:!?()\[\]\"]+")

# A token that is a number or a code rather than words: it holds a digit ("2026", "QH15", "m²"), a slash
# between two characters ("V/v", "1074/QĐ-BXD") or a hyphen beside two capitals ("QĐ-TTg", "NĐ–CP").
OCR_CODE = re.compile(rf"[\d²³]|[^/]/[^/]|[{VI_UPPER}]{{2}}[-–]|[-–][{VI_UPPER}]{{2}}")

# A list label on its own ("a)", "b.", "(c)", "đ)"): not a word, though "b" is no syllable either.
OCR_LIST_LABEL = re.compile(r"\(?[^\W\d_][.)]")

_ACRONYM_MAX = 5  # all-caps tokens up to this length that are no syllable are acronyms ("UBND", "VLNCN")


def text_quality(text: str) -> float:
    """Share (0..1) of word tokens that are Vietnamese syllables; 0.0 when there is no word token.

    Tokens are the letter runs of the white-space separated pieces of ``text``. Numbers and codes ("2026",
    "QĐ-UBND", "V/v", "QH15"), list labels ("b)") and all-caps acronyms of up to five letters that are no
    syllable ("UBND", "VLNCN") are left out. The check ignores tone marks (OCR often misplaces them) but not
    the other marks: "cách" and "cach" pass, "Tuyén" (for "Tuyên"), "C6ng" or TCVN3's "héi" fail.
    """
    if not text:
        return 0.0
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    valid = counted = 0
    for chunk, times in Counter(text.split()).items():
        good, scored = _chunk_score(chunk)
        valid += good * times
        counted += scored * times
    return valid / counted if counted else 0.0


@lru_cache(maxsize=1 << 16)
def _chunk_score(chunk: str) -> tuple[int, int]:
    """(syllables, scored words) of one white-space separated piece of text.

    A piece with a character that no Vietnamese letter, digit or punctuation explains ("L¿O", "ph˙c",
    "7ӌ1+", TCVN3's "x·" once its edges are cut) counts as one word that is no syllable; a code may hold
    ordinal indicators ("104º45’").
    """
    core = OCR_EDGES.sub("", chunk)
    if not core or OCR_LIST_LABEL.fullmatch(chunk):
        return 0, 0
    letters, _ = _alphabet()
    if OCR_CODE.search(core) and all(c in letters or c in "ºª" for c in core if c.isalpha()):
        return 0, 0
    valid = counted = 0
    for part in OCR_JOINERS.split(core):
        if not part:
            continue
        if not OCR_LETTERS.fullmatch(part):
            counted += 1
        elif _toneless_syllable(part):
            valid += 1
            counted += 1
        elif not (len(part) <= _ACRONYM_MAX and part.isupper() and letters.issuperset(part)):
            counted += 1
    return valid, counted


def _toneless_syllable(word: str) -> bool:
    """True for one Vietnamese syllable in lower, Title or UPPER case, whatever its tone marks.

    Uses the syllable grammar of :mod:`cchc_parse.normalize.encodings` (``VI_SYLLABLE``).
    """
    letters, toneless = _alphabet()
    if not (word.islower() or word.isupper() or word.istitle()) or not letters.issuperset(word):
        return False
    return VI_SYLLABLE.fullmatch(word.lower().translate(toneless)) is not None


@cache
def _alphabet() -> tuple[frozenset[str], dict[int, str]]:
    """The letters of Vietnamese text (ASCII ones and those of ``encodings``), and a table removing tones."""
    vietnamese = [chr(code) for code in range(0x80, 0x2000) if is_vietnamese_letter(chr(code))]
    toneless: dict[int, str] = {}
    for letter in vietnamese:
        bare = without_tone(letter)
        if bare != letter:
            toneless[ord(letter)] = bare
    return frozenset(string.ascii_letters + "".join(vietnamese)), toneless

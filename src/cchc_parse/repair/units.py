"""The corrector's view of a text: Roman heading labels as OCR misread them put right, the tokens' units
with words joined by slashes taken apart, and the list labels ("a)", "đ)") that are read, not decoded.

The language model's build splits text with :func:`cchc_parse.repair.tokens.scan` alone; what is here
only changes what the corrector does with the units, never the model's tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from cchc_parse.repair.syllables import skeleton
from cchc_parse.repair.tokens import Unit, scan

# --- patterns of this module --------------------------------------------------------------------------------
# Words joined by slashes ("Cổng/Trang", "viện/trường"): letters only, unlike a code ("163/2024/QH15"). The
# tokens keep the chunk whole; the corrector repairs each word.
REPAIR_SLASHED_WORDS = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)+")

# A Roman heading label as OCR without the Vietnamese model prints it, at a line start: l, 1 or | for I
# ("I1. ĐỐI TƯỢNG", "I11. KINH PHÍ", "Ill. TỔ CHỨC"); needs an I, V or X and a full stop after it.
REPAIR_ROMAN_LABEL = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>(?=[IVXl1|]*[IVX])(?=[IVXl1|]*[l1|])[IVXl1|]{2,5})(?=\.\s)", re.MULTILINE
)

__all__ = ["corrector_units", "fix_roman_labels", "list_labels"]

_MAX_SLASHED_WORD = 9  # the longest part of a slashed chunk still taken for a word (tokens' _MAX_WORD)
_LABEL_AFTER = {"d": "đ", "D": "Đ"}  # the label that follows "d)" in a list: a b c d đ e g h i k …


# A Roman numeral written in capitals ("II", "IV"): a label, never a word to re-spell.
REPAIR_ROMAN_NUMERAL = re.compile("[IVX]+")


def code_letters_pattern(letters: Iterable[str]) -> re.Pattern[str]:
    """The letter groups of document codes that OCR without the Vietnamese model misspells ("QD" for "QĐ",
    data/repair.json), standing alone between non-letters ("1783/QD-UBND"), longest first."""
    alternatives = "|".join(sorted(map(re.escape, letters), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])({alternatives})(?![^\W\d_])")


def fix_roman_labels(text: str) -> str:
    """Roman heading labels with OCR's l, 1 and | read as I ("I11." → "III.")."""
    return REPAIR_ROMAN_LABEL.sub(_roman_label, text)


def _roman_label(match: re.Match[str]) -> str:
    return match.group("indent") + match.group("label").translate(_AS_ROMAN)


_AS_ROMAN = str.maketrans("l1|", "III")


def corrector_units(text: str) -> list[Unit]:
    """The units of ``text``, each chunk of words joined by slashes ("Cổng/Trang") as its words; capitals
    after a first letter make it a code ("CTr/TU", "UBND/HĐND"), kept whole."""
    units: list[Unit] = []
    for unit in scan(text):
        if unit.kind == "fixed" and REPAIR_SLASHED_WORDS.fullmatch(unit.text):
            position = unit.start
            parts = unit.text.split("/")
            if all(len(part) <= _MAX_SLASHED_WORD and part[1:] == part[1:].lower() for part in parts):
                for part in parts:
                    units.append(Unit(position, position + len(part), "word", part))
                    position += len(part) + 1
                continue
        units.append(unit)
    return units


def list_labels(text: str, units: list[Unit]) -> dict[int, str]:
    """Index of each unit that is a list label → how to write it: a letter right before ")", after white
    space or "(" (OCR reads it right, but the decoder would take "a)" for a word ending the sentence
    before it: "và"), its marks dropped ("ï)" → "i)"). A second "d)" in a row is "đ)", which OCR without
    the Vietnamese model reads "d)"."""
    labels: dict[int, str] = {}
    previous = ""
    for i, unit in enumerate(units):
        letter = unit.text
        if unit.kind != "word" or len(letter) != 1 or text[unit.end : unit.end + 1] != ")":
            continue
        if unit.start and not (text[unit.start - 1].isspace() or text[unit.start - 1] == "("):
            continue
        if letter not in "đĐ":
            decomposed = unicodedata.normalize("NFD", letter)
            if skeleton(letter) != decomposed.lower():  # a Vietnamese mark: a word ("ở)"), no label
                continue
            letter = decomposed[0]  # any other mark is OCR's ("ï)")
        if letter == previous and letter in _LABEL_AFTER:
            letter = _LABEL_AFTER[letter]
        labels[i] = previous = letter
    return labels

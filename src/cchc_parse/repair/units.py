"""The corrector's view of a text: Roman heading labels as OCR misread them put right, the tokens' units
with words joined by slashes taken apart, and the list labels ("a)", "đ)") that are read, not decoded.

The language model's build splits text with :func:`cchc_parse.repair.tokens.scan` alone; what is here
only changes what the corrector does with the units, never the model's tokens.
"""

from __future__ import annotations

import re
import unicodedata

from cchc_parse import rules
from cchc_parse.repair.syllables import skeleton
from cchc_parse.repair.tokens import Unit, scan

__all__ = ["corrector_units", "fix_roman_labels", "list_labels"]

_MAX_SLASHED_WORD = 9  # the longest part of a slashed chunk still taken for a word (tokens' _MAX_WORD)
_LABEL_AFTER = {"d": "đ", "D": "Đ"}  # the label that follows "d)" in a list: a b c d đ e g h i k …


def fix_roman_labels(text: str) -> str:
    """Roman heading labels with OCR's l, 1 and | read as I ("I11." → "III.")."""
    return rules.REPAIR_ROMAN_LABEL.sub(_roman_label, text)


def _roman_label(match: re.Match[str]) -> str:
    return match.group("indent") + match.group("label").translate(_AS_ROMAN)


_AS_ROMAN = str.maketrans("l1|", "III")


def corrector_units(text: str) -> list[Unit]:
    """The units of ``text``, each chunk of words joined by slashes ("Cổng/Trang") as its words; capitals
    after a first letter make it a code ("CTr/TU", "UBND/HĐND"), kept whole."""
    units: list[Unit] = []
    for unit in scan(text):
        if unit.kind == "fixed" and rules.REPAIR_SLASHED_WORDS.fullmatch(unit.text):
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

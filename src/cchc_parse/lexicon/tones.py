"""Tone placement in "oa", "oe" and "uy": "hóa" / "hoá", "khỏe" / "khoẻ", "Ủy" / "Uỷ".

Typists put the tone mark of an open "oa", "oe" or "uy" on either vowel (new style "hóa", old style "hoá");
both are correct Vietnamese. The vocabulary is written in the new style (the canonical one, as the gold
files and the customary spellings use it); :func:`canonical` turns old-style text into it without changing
its length, so offsets into it stay offsets into the text, and :func:`both_placements` gives a word in both
styles for patterns that must match either.
"""

from __future__ import annotations

import re

# old style → new style, per tone: the mark moves from the second vowel to the first
OLD_TO_NEW = {
    "oá": "óa", "oà": "òa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uý": "úy", "uỳ": "ùy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
# the pairs in lower case and capitalised ("Uỷ"), as words of the vocabulary are written; and in capitals
WORD_PAIRS = {**OLD_TO_NEW, **{old.capitalize(): new.capitalize() for old, new in OLD_TO_NEW.items()}}
PAIRS = {**WORD_PAIRS, **{old.upper(): new.upper() for old, new in OLD_TO_NEW.items()}}
# An old-style pair that closes its syllable (a letter after it would make the first vowel a glide: "hoàn",
# "thuyết" are spelt alike in both styles), not after "q" ("quý": the "u" belongs to "qu").
OLD_STYLE = re.compile(rf"(?<![qQ])(?:{'|'.join(PAIRS)})(?![^\W\d_])")


def canonical(text: str) -> str:
    """``text`` with old-style tone placement moved to the new style ("Uỷ ban" → "Ủy ban"), same length."""
    if not OLD_STYLE.search(text):
        return text
    return OLD_STYLE.sub(lambda m: PAIRS[m.group()], text)


def spellings(word: str) -> set[str]:
    """A word of the vocabulary as given, wholly in the old style and wholly in the new ("Văn hóa", "Văn
    hoá"), for patterns that must match either."""
    old = new = word
    for old_pair, new_pair in WORD_PAIRS.items():
        old, new = old.replace(new_pair, old_pair), new.replace(old_pair, new_pair)
    return {word, old, new}

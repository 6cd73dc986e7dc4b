"""Splitting text into the units the repair step works on, the same way for the model build and for repair.

Every white-space separated chunk becomes units: *words* (letters, maybe with OCR's stray digits and signs:
"cia", "S¢", "16i"), *fixed* tokens the corrector never re-spells (numbers, dates, document codes, e-mail
and web addresses), and sentence *breaks* (a full stop, colon, semicolon, question or exclamation mark,
brackets, a markdown table bar) where the language model's context starts again.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal, NamedTuple

# --- patterns of this module --------------------------------------------------------------------------------
# A chunk of text between white space.
REPAIR_CHUNK = re.compile(r"\S+")

# Chunks kept whole and never re-spelled: codes and dates with a slash ("1783/QD-UBND", "/KH-SXD",
# "14/7/2025"), web and e-mail addresses.
REPAIR_WHOLE = re.compile(r"^\S*/\S*\w|^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$")

# Punctuation that splits a chunk into parts ("S6:122", "(CCHC)", "hoạch;"); captured, for re.split.
REPAIR_SPLIT = re.compile(r"([.,:;!?()\[\]{}\"“”‘’'«»…|*#<>=+]+)")

# Punctuation that ends a language-model sentence (the comma does not).
REPAIR_BREAK = re.compile(r"[.:;!?()\[\]{}|…*#]")

# A word as OCR may print it: letters with at most a few of the digits and signs OCR puts for letters
# ("S6" số, "16i" lối, "S¢" Sở, "S&" Sở, "gbp" góp, "chi?c" chức, "ti€p" tiếp, "k¥" kỹ), at least one
# letter.
_OCR_SIGNS = "¢&@§°?’'€¥"  # what OCR without the Vietnamese model prints inside words for marked letters

REPAIR_WORD = re.compile(
    rf"^(?=.*[^\W\d_])[^\W_]*(?:[{_OCR_SIGNS}][^\W_]*)?$"  # letters with one run of signs among them
    rf"|^(?=.*[^\W\d_])[\w{_OCR_SIGNS}]{{1,5}}$"  # or a short chunk mixing them freely ("S¢", "16i")
)

# A question mark or apostrophe between letters: OCR's reading of a marked letter ("chi?c" chức, "thu’c"
# thực), part of the word rather than punctuation.
REPAIR_INNER_MARK = re.compile(r"(?<=[^\W\d_])[?’'](?=[^\W\d_])")

# A hyphen inside a part ("QD-UBND", "Hà-Nội"): split around it, keeping it (captured).
REPAIR_HYPHEN = re.compile(r"([-–—])")


__all__ = ["NUM", "START", "Unit", "lm_sentences", "scan"]

NUM = "<num>"  # the language model's token for anything holding a digit (numbers, dates, codes)
START = "<s>"  # the language model's sentence start

UnitKind = Literal["word", "fixed", "break"]

_MASK = "\ue000"  # a private-use character standing in for a masked mark
_MAX_WORD = 9  # longer letter runs are no syllable (and no garbled one)


class Unit(NamedTuple):
    """One unit of text: its place in the text, kind, and the text itself."""

    start: int
    end: int
    kind: UnitKind
    text: str


def scan(text: str) -> Iterator[Unit]:
    """The units of ``text`` in order; joining the texts of words and fixed units with the rest of the
    text in between gives ``text`` back (units never overlap)."""
    for chunk in REPAIR_CHUNK.finditer(text):
        value, offset = chunk.group(), chunk.start()
        if value.isalpha() and len(value) <= _MAX_WORD:  # most chunks: one plain word
            yield Unit(offset, offset + len(value), "word", value)
            continue
        if value[-1] == "," and value[:-1].isalpha() and len(value) <= _MAX_WORD + 1:  # a word and a comma
            yield Unit(offset, offset + len(value) - 1, "word", value[:-1])
            continue
        core = value.strip(".,:;!?()[]{}\"“”‘’'«»…|*")
        if REPAIR_WHOLE.match(core):
            yield from _edges(value, offset, core)
            continue
        position = offset
        # marks inside words are masked (same length) so that the split keeps those words whole
        masked = REPAIR_INNER_MARK.sub(_MASK, value)
        for masked_piece in REPAIR_SPLIT.split(masked):
            piece = value[position - offset : position - offset + len(masked_piece)]
            if not piece:
                continue
            if REPAIR_SPLIT.fullmatch(masked_piece):
                if REPAIR_BREAK.search(piece):
                    yield Unit(position, position + len(piece), "break", piece)
            else:
                yield from _parts(piece, position)
            position += len(piece)


def _edges(value: str, offset: int, core: str) -> Iterator[Unit]:
    start = value.find(core)
    if start > 0 and REPAIR_BREAK.search(value[:start]):
        yield Unit(offset, offset + start, "break", value[:start])
    yield Unit(offset + start, offset + start + len(core), "fixed", core)
    rest = value[start + len(core) :]
    if rest and REPAIR_BREAK.search(rest):
        yield Unit(offset + start + len(core), offset + len(value), "break", rest)


def _parts(piece: str, offset: int) -> Iterator[Unit]:
    position = offset
    for part in REPAIR_HYPHEN.split(piece):
        if part and not REPAIR_HYPHEN.fullmatch(part):
            kind: UnitKind = "word" if len(part) <= _MAX_WORD and REPAIR_WORD.match(part) else "fixed"
            yield Unit(position, position + len(part), kind, part)
        position += len(part)


def lm_token(unit: Unit) -> str:
    """The language model's token for a unit: the lower-cased word, or NUM for anything with a digit."""
    if any(c.isdigit() for c in unit.text):
        return NUM
    return unit.text.lower()


def lm_sentences(text: str) -> Iterator[list[str]]:
    """The language model's sentences of clean text: lists of tokens, each list starting with START."""
    sentence = [START]
    for unit in scan(text):
        if unit.kind == "break":
            if len(sentence) > 1:
                yield sentence
            sentence = [START]
        elif unit.kind == "word" or any(c.isdigit() for c in unit.text):
            sentence.append(lm_token(unit))
        else:
            sentence.append(unit.text.lower())
    if len(sentence) > 1:
        yield sentence

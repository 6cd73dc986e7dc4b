"""Item labels Tesseract misread at the start of OCR'd lines, put right by the numbering around them.

On a scan, Tesseract reads the strokes of a Roman numeral as other letters ("II." as "H.", "III." as
"HII.", "IV." as "TV.") and a decimal item's "1" as "I" or "l" ("1." as "I.", "11." as "I1." or "II."). The
label then is no label, or the wrong kind: the heading runs into the paragraph above it and the outline loses
a section. :func:`fix_misread_labels` reads the labels of a document's OCR'd lines in order and rewrites a
misread one to the label the sequence expects, but only where the sequence confirms it:

- a heading in capitals whose numeral is no Roman numeral ("H.", "HII.", "TV.") and whose strokes make the
  Roman numeral after the last heading's (one stroke more or fewer allowed: "HII." for "III.");
- a label of ones misread ("I.", "l.", "I1.") between the decimal items before and after it: "I." after a
  heading and before "2." is "1.", "I1." between "10." and "12." is "11.".

A label that reads right is never changed, whatever the sequence says: a document may restart or skip numbers.

Specks read before a line's first word ("__ Điều 1.", "____ Căn cứ …": a rule or a fold of the paper) go, so
that the label after them is read.

A title in capitals whose document type Tesseract split with a dot ("QUYẾT. ĐỊNH CHẤP THUẬN …") gets its
type back. The number line's "Số:" read with another mark ("Só:") is put right too, and so are the day and
month of a worded date where Tesseract read a "1" as a bracket or a letter ("ngày 2] tháng 7 năm 2026": the
day the signing software typed into a field, in a font of its own).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from cchc_parse import lexicon
from cchc_parse.grammar.labels import read_label
from cchc_parse.grammar.pieces import in_capitals
from cchc_parse.normalize.flat_tables import skeleton
from cchc_parse.readers.pdf_page import PdfLine, Segment

__all__ = ["fix_misread_labels"]

# A label of strokes at the start of a line: Roman letters, and the glyphs Tesseract reads strokes as.
STROKES_LABEL = re.compile(r"^(?P<token>[IVXlH1|!T]{1,5})\s*(?P<mark>[.,])\s+(?=\S)")
# Specks before a line's first word: underscores, tildes, equals signs, bars (never text of their own).
LEADING_SPECKS = re.compile(r"^[_~=|]+\s*(?=\w)")
# the glyphs read for a Roman numeral's strokes, as the strokes ("H" is two strokes joined at the middle)
ROMAN_STROKES = {"H": "II", "l": "I", "1": "I", "|": "I", "!": "I", "T": "I"}
# the glyphs read for a decimal's ones
DECIMAL_ONES = {"I": "1", "l": "1", "|": "1", "!": "1", "H": "11"}
# A worded date whose day or month holds a glyph Tesseract reads for a "1" ("ngày 2] tháng 7 năm 2026").
MISREAD_DATE = re.compile(r"(?<=ngày\s)(?P<day>[\dIl|\]!]{1,2})(?=\s*tháng\s+[\dIl|\]!]{1,2}\s+năm\b)")
MISREAD_MONTH = re.compile(r"(?<=tháng\s)(?P<month>[\dIl|\]!]{1,2})(?=\s+năm\s+\d{4})")
DATE_ONES = str.maketrans("Il|]!", "11111")
# A title in capitals opening with two words and a dot between them ("QUYẾT. ĐỊNH …"): maybe a document
# type the dot split (checked against data document_types.json).
SPLIT_TYPE = re.compile(r"^(?P<first>\w+)\.\s+(?P<second>\w+)(?=\s|$)")
# The number line's "Số:" with its mark misread ("Só:6791 /SNNMT-KHTC", "Sô: 12/KH"), before a digit or "/".
MISREAD_NUMBER = re.compile(r"(?<!\w)S[óôồớòọoỏ]\s*:(?=\s*[\d/])")
HEADING_CAPITALS = 0.8  # share of a heading's letters in capitals, OCR's misread lower-case letters allowed
LOOKAHEAD = 40  # lines searched for the decimal item after a misread one
ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


def fix_misread_labels(lines: list[PdfLine]) -> list[PdfLine]:
    """The lines (a document's OCR'd lines, in reading order) with misread labels rewritten."""
    out = list(lines)
    roman = decimal = 0  # the last Roman heading's number, the last decimal item's since that heading
    for i, line in enumerate(out):
        if LEADING_SPECKS.match(line.text):
            out[i] = line = _unspecked(line)
        if SPLIT_TYPE.match(line.text) and in_capitals(line.text, share=HEADING_CAPITALS):
            out[i] = line = _retyped(line)
        if "ngày" in line.text or MISREAD_NUMBER.search(line.text):
            out[i] = line = _redated(line)
        fixed = _fixed_label(line.text, roman, decimal, out[i + 1 : i + 1 + LOOKAHEAD])
        if fixed is not None:
            out[i] = _relabelled(line, fixed)
        label = read_label(out[i].text)
        if label is None:
            continue
        if label.kind == "roman" and label.value in ROMANS:
            roman, decimal = ROMANS.index(label.value) + 1, 0
        elif label.kind == "decimal" and label.depth == 1 and not label.bare:
            decimal = int(label.value)
    return out


def _fixed_label(text: str, roman: int, decimal: int, after: list[PdfLine]) -> str | None:
    """The label a line's misread label stands for, or None (no label of strokes, or one that reads right)."""
    m = STROKES_LABEL.match(text)
    if m is None:
        return None
    token, rest = m["token"], text[m.end() :]
    if token.isdigit():
        return None  # a decimal label that reads right
    if in_capitals(rest, share=HEADING_CAPITALS):
        if (m["mark"] == "." and token in ROMANS) or roman >= len(ROMANS):
            return None  # a heading's numeral that reads right
        expected = ROMANS[roman]
        return expected if _same_strokes(token, expected) else None
    ones = "".join(DECIMAL_ONES.get(c, c) for c in token)
    if ones.isdigit() and int(ones) == decimal + 1 and _next_decimal(after) == decimal + 2:
        return ones
    return None


def _same_strokes(token: str, numeral: str) -> bool:
    """Whether a misread numeral has the strokes of ``numeral``: the same V and X, one I more or fewer."""
    strokes = "".join(ROMAN_STROKES.get(c, c) for c in token)
    if strokes.replace("I", "") != numeral.replace("I", "") or not set(strokes) <= set("IVX"):
        return False
    return abs(strokes.count("I") - numeral.count("I")) <= 1 and _order(strokes) == _order(numeral)


def _order(numeral: str) -> str:
    """Where a numeral's ones stand against its V or X: before ("IV"), after ("VI") or none."""
    letters = numeral.replace("I", "")
    if not letters or "I" not in numeral:
        return ""
    return "before" if numeral.index("I") < numeral.index(letters[0]) else "after"


def _next_decimal(lines: list[PdfLine]) -> int | None:
    """The number of the next decimal item in ``lines``, before any Roman heading; None if there is none."""
    for line in lines:
        label = read_label(line.text)
        if label is None:
            continue
        if label.kind in ("roman", "part"):
            return None
        if label.kind == "decimal" and label.depth == 1 and not label.bare:
            return int(label.value)
    return None


def _rewritten(line: PdfLine, fix: Callable[[str], str], *, every_segment: bool = False) -> PdfLine:
    """The line with ``fix`` applied to its text and to its first segment (the one its label or title opens),
    or with ``every_segment`` to all of them (a date may stand in any column of the header)."""
    segments = list(line.segments)
    for k in range(len(segments) if every_segment else min(1, len(segments))):
        segments[k] = Segment(fix(segments[k].text), segments[k].box)
    return replace(line, text=fix(line.text), segments=segments)


def _relabelled(line: PdfLine, label: str) -> PdfLine:
    """The line with its misread label replaced by ``label``."""
    return _rewritten(line, lambda text: _swap(text, label))


def _unspecked(line: PdfLine) -> PdfLine:
    """The line without the specks before its first word."""
    return _rewritten(line, lambda text: LEADING_SPECKS.sub("", text))


@cache
def _doc_types() -> frozenset[str]:
    return frozenset(skeleton(t) for t in lexicon.string_list("document_types.json", "doc_types"))


def _retyped(line: PdfLine) -> PdfLine:
    """The line with the dot that split its document type left out ("QUYẾT. ĐỊNH" -> "QUYẾT ĐỊNH"); marks
    are ignored, OCR misreads them in capitals ("QUYÉT" for "QUYẾT")."""

    def joined(text: str) -> str:
        m = SPLIT_TYPE.match(text)
        if m is None or skeleton(f"{m['first']} {m['second']}") not in _doc_types():
            return text
        return f"{m['first']} {m['second']}{text[m.end() :]}"

    return _rewritten(line, joined)


def _redated(line: PdfLine) -> PdfLine:
    """The line with its number line's "Số:" and the misread ones of its worded dates' days and months put
    right."""
    return _rewritten(line, _dates_right, every_segment=True)


def _dates_right(text: str) -> str:
    text = MISREAD_NUMBER.sub("Số:", text)
    text = MISREAD_DATE.sub(lambda m: m["day"].translate(DATE_ONES), text)
    return MISREAD_MONTH.sub(lambda m: m["month"].translate(DATE_ONES), text)


def _swap(text: str, label: str) -> str:
    m = STROKES_LABEL.match(text)
    return text if m is None else f"{label}. {text[m.end() :]}"

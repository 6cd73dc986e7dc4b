"""Item labels: Roman "I.", decimal "1.2.", letter "a)", bullets and "Điều 3." articles.

:func:`read_label` is the one reading of a label from text: the labels stage (structure/labels.py) calls it
once per paragraph, the Word reader on the label Word's numbering renders.
"""

from __future__ import annotations

import re

from cchc_parse.document import Label
from cchc_parse.grammar.pieces import VI_UPPER, in_capitals

# Labels that open a numbered item: Roman "I." / "PHẦN I", decimal "1." "1.2." "3)", letter "a)" "đ.".
ROMAN_LABEL = r"(?P<roman>[IVXL]{1,6})\s*[.)]"

# (a dot followed by a digit is a number, not a label: "3.000 lượt" wrapped to the start of a line)
DECIMAL_LABEL = r"(?P<decimal>\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:[.)](?!\d)|(?=\s+[" + VI_UPPER + r"]))"

LETTER_LABEL = r"(?P<letter>[a-zđ])\s*\)"

BULLET_LABEL = r"(?P<bullet>[-–—+•·*●○▪✓])"

ITEM_LABEL = re.compile(
    rf"^(?:PHẦN\s+|Phần\s+|CHƯƠNG\s+|Chương\s+)?(?:{ROMAN_LABEL}|{DECIMAL_LABEL}|{LETTER_LABEL}|{BULLET_LABEL})\s*"
)

# "Chương I" / "PHẦN II" with no dot: alone on its line, or before its title in capitals or after a colon
# or dash ("Chương I. QUY ĐỊNH CHUNG" has the dot ITEM_LABEL reads). Never "Chương trình …".
BARE_PART = re.compile(
    rf"^(?:CHƯƠNG|Chương|PHẦN|Phần)\s+(?P<roman>[IVXL]{{1,6}})(?:\s*[:–-]\s*|\s+(?=[{VI_UPPER}])|\s*$)"
)

# "A. THÀNH PHẦN ĐOÀN LÀM VIỆC": a part lettered in capitals. Its title must be in capitals too (see
# read_label), which a person's initial or a sentence ("A. Nguyễn …") never is; not I, V, X or L, which are
# Roman numerals.
LETTERED_PART = re.compile(rf"^(?P<letter>[A-HK-UYĐ])\s*[.)]\s+(?=[{VI_UPPER}])")
CAPITALS_SHARE = 0.9  # a lettered part's title in capitals, a few letters misread by OCR allowed

# "Điều 1." article headings of a decision. Without its dot, "Điều 23" followed by the law it belongs to is a
# citation that a wrapped line starts with ("… theo quy định tại" / "Điều 23 Nghị định số 06/2021/NĐ-CP …").
CITED_AFTER_ARTICLE = (
    r"(?:của|khoản|điểm|và|Luật|Bộ luật|Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Pháp lệnh)\b|[,;]"
)
ARTICLE_LABEL = rf"Điều\s+(?P<article>\d{{1,3}})(?!\d)(?:\s*[.:]|(?!\s*(?:{CITED_AFTER_ARTICLE})))\s*"
ARTICLE = re.compile(f"^{ARTICLE_LABEL}")

# Any label a paragraph may start with, an article's or an item's, in one match: the labels stage runs it
# once per paragraph, line joining once per line. (An item label never starts with "Điều", so the two
# alternatives cannot both match.)
LABEL = re.compile(f"^(?:{ARTICLE_LABEL}|{ITEM_LABEL.pattern[1:]})")

# A line that is nothing but an item label: "1.1.", "II.", "a)", "-".
LABEL_ONLY = re.compile(
    r"^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-zđ]\)|[-–+•]|(?:CHƯƠNG|Chương|PHẦN|Phần)\s+[IVXL]{1,6}\.?)$"
)

# A bullet label followed by nothing but more markers: "- " alone, "* *".
BULLET_ONLY = re.compile(r"^[-–—+•·*●○▪✓]\s*$")

# A Roman numeral of two or more letters ("XIV", "III"), kept upper-case in titles.
ROMAN_NUMERAL = re.compile(r"^(?=[IVXLC]{2,}$)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")

# A numbered heading line ("1. Mục đích", "II. NỘI DUNG", "a) Chỉ tiêu"): never inside a header cell.
NUMBERED_HEADING = re.compile(ITEM_LABEL.pattern.replace(f"|{BULLET_LABEL}", ""))

# Section labels as the output prints them: Roman "IV", decimal "2" or "1.3", letter "đ".
ROMAN_SECTION_LABEL = re.compile(r"^[IVXL]{1,6}$")

DECIMAL_SECTION_LABEL = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}$")

LETTER_SECTION_LABEL = re.compile(r"^[a-zđ]$")

# a bullet's printed mark → its kind (dashes are one kind, dots another)
BULLET_KINDS = {"-": "-", "–": "-", "—": "-", "+": "+", "•": "•", "·": "•", "*": "•", "●": "•", "○": "○"}


def read_label(text: str) -> Label | None:
    """The label a paragraph's text starts with, or None (a bullet with nothing after it is none)."""
    m = LABEL.match(text)
    if not m:
        bare_part = BARE_PART.match(text)
        if bare_part:
            return Label("part", bare_part["roman"], bare_part.end())
        lettered = LETTERED_PART.match(text)
        if lettered and in_capitals(text[lettered.end() :], share=CAPITALS_SHARE):
            return Label("part", lettered["letter"], lettered.end())
        return None
    if m["article"]:
        return Label("article", m["article"], m.end())
    if m["roman"]:
        part = text[:6].casefold().startswith(("phần", "chương"))
        return Label("part" if part else "roman", m["roman"], m.end())
    if m["decimal"]:
        bare = not text[m.end("decimal") : m.end()].strip()  # "01 THÁNG 02": no dot or bracket
        return Label("decimal", m["decimal"], m.end(), depth=m["decimal"].count(".") + 1, bare=bare)
    if m["letter"]:
        return Label("letter", m["letter"], m.end())
    if not text[m.end() :].strip():
        return None
    return Label("bullet", "-", m.end(), mark=BULLET_KINDS.get(m["bullet"], "-"))

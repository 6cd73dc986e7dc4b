"""The head of a document: its number, place and date, and its issuing bodies (their names given their
customary case by :mod:`cchc_parse.extract.title_case`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.extract.header_words import (
    DOCUMENT_TYPES,
    locality_re,
    words,
)
from cchc_parse.extract.title_case import (
    authority_title,
    is_caps,
    sentence_case,
    starts_with_head,
)
from cchc_parse.grammar.dates import DATE_REST_NUMERIC, DATE_REST_WORDED, PLACE_DATE, RECORD_DATE
from cchc_parse.grammar.documents import ABOUT, DOC_NUMBER_RE, MOTTO, NUMBER_LINE
from cchc_parse.grammar.layout import RULE_LINE
from cchc_parse.grammar.pieces import VI_UPPER
from cchc_parse.lexicon.tones import canonical

# Any white space (removed from printed document numbers).
ANY_SPACE = re.compile(r"\s+")

# A parenthesised short name closing an agency ("Ban Quản lý các khu công nghiệp tỉnh (Ban Quản lý)").
TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")

# A comma and the spaces after it, splitting an agency name into its listed parts.
COMMA = re.compile(r",\s*")

HEAD_SCAN = 8
RECORD_SCAN = 12  # a record's opening "Hôm nay, ngày …" stands within its first paragraphs

# --- number, place, date --------------------------------------------------------------------------


def clean_number(raw: str) -> str:
    return ANY_SPACE.sub("", raw)


def make_date(day: str | None, month: str | None, year: str | None) -> date | None:
    """A date from printed parts; None when a part is blank or the date does not exist."""
    if not (day and month and year):
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def parse_number(text: str) -> tuple[bool, str | None]:
    """(whether a "Số:" line is present, the number without spaces: a number left blank in a draft keeps
    its printed code, "/KH-UBND"; None when nothing follows "Số:")."""
    m = NUMBER_LINE.search(text)
    if not m:
        return False, None
    printed = m.group("number") or m.group("code")
    return True, clean_number(printed) if printed else None


def _rest_date(rest: str) -> date | None:
    d = DATE_REST_NUMERIC.match(rest) or DATE_REST_WORDED.match(rest)
    return make_date(d.group("day"), d.group("month"), d.group("year")) if d else None


def record_date(blocks: list[Block]) -> date | None:
    """The date a record (Biên bản) gives in its opening sentence, "Hôm nay, ngày …", if one of the first
    paragraphs is that sentence."""
    for block in blocks[:RECORD_SCAN]:
        m = RECORD_DATE.match(block.text) if block.kind == "paragraph" else None
        if m:
            return _rest_date(m.group("rest"))
    return None


def parse_place_date(text: str) -> tuple[bool, str | None, date | None]:
    """(whether a "<place>, ngày ..." line is present, the place, the date or None when blank)."""
    m = PLACE_DATE.search(text)
    if not m:
        return False, None, None
    place = " ".join(m.group("place").split())
    return True, place, _rest_date(m.group("rest"))


# --- issuing bodies -------------------------------------------------------------------------------


@dataclass
class Header:
    number_found: bool = False
    number: str | None = None
    date_found: bool = False
    place: str | None = None
    issued_date: date | None = None
    entities: list[str] = field(default_factory=list)  # issuing bodies as printed, top first
    about: str | None = None  # the subject line under the number, "V/v" dropped ("triển khai …")


def group_entities(lines: list[str]) -> list[str]:
    """Join wrapped header lines into bodies: a line opening with an agency head word starts a new one."""
    entities: list[str] = []
    for line in lines:
        if entities and not starts_with_head(line):
            entities[-1] = f"{entities[-1]} {line}"
        else:
            entities.append(line)
    return entities


def _issuer_lines(texts: list[str]) -> list[str]:
    lines = []
    for text in texts:
        for raw in text.split("\n"):
            line = MOTTO.sub("", raw).strip()
            if not line or RULE_LINE.match(line) or NUMBER_LINE.search(line):
                continue
            if DOC_NUMBER_RE.search(line):
                continue  # the number's own line ("Số:" above it, "7360/KH-UBND" here)
            if not is_caps(line) or PLACE_DATE.search(line):
                continue
            lines.append(line)
    return lines


def subject_line(texts: list[str]) -> str | None:
    """The "V/v …" subject printed under a letter's number, its wrapped lines joined and "V/v" dropped.

    It runs to the end of its cell or paragraph, or to a line of the number, place and date or a rule.
    """
    for text in texts:
        lines = [line.strip() for line in text.split("\n")]
        start = next((i for i, line in enumerate(lines) if ABOUT.match(line)), None)
        if start is None:
            continue
        taken = [ABOUT.sub("", lines[start])]
        for line in lines[start + 1 :]:
            if not line or RULE_LINE.match(line) or NUMBER_LINE.search(line) or PLACE_DATE.search(line):
                break
            taken.append(line)
        subject = " ".join(" ".join(taken).split()).rstrip(" .")
        return subject or None
    return None


def _header_table(blocks: list[Block]) -> Block | None:
    for block in blocks[:HEAD_SCAN]:
        if block.kind == "table":
            text = "\n".join(c for row in block.rows for c in row)
            if NUMBER_LINE.search(text) or "CỘNG HÒA" in text or "CỘNG HOÀ" in text:
                return block
    return None


def read_header(blocks: list[Block], head_end: int) -> Header:
    """Number, place, date and issuing bodies from a header table, else from the head paragraphs."""
    table = _header_table(blocks)
    if table is not None:
        everything = "\n".join(c for row in table.rows for c in row)
        issuer_texts = [row[0] for row in table.rows if row]
        about_texts = [cell for row in table.rows for cell in row]
    else:
        heads = [b.text for b in blocks[:head_end] if b.kind == "paragraph"]
        everything = "\n".join(heads)
        issuer_texts = [t for t in heads if not authority_title(t)]
        about_texts = heads
    header = Header(about=subject_line(about_texts))
    header.number_found, header.number = parse_number(everything)
    header.date_found, header.place, header.issued_date = parse_place_date(everything)
    header.entities = group_entities(_issuer_lines(issuer_texts))
    return header


def authority_entity(line: str) -> str | None:
    """The body in an authority line: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" -> "ỦY BAN NHÂN DÂN TỈNH"."""
    line = canonical(line.strip())
    head, title = starts_with_head(line), authority_title(line)
    if head and (not title or len(head) >= len(title)):
        return line  # the body itself: "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "THỦ TƯỚNG CHÍNH PHỦ"
    if not title:
        return None
    rest = line[len(title) :].strip()
    return rest if starts_with_head(rest) else None


@cache
def _level_name_re(level: str) -> re.Pattern[str]:
    # A level word and the capitalised place name after it: "tỉnh Sơn La".
    return re.compile(rf"(?<!\w){re.escape(level)}\s+(?P<name>[{VI_UPPER}]\w*(?:\s+[{VI_UPPER}]\w*)*)")


def complete_locality(entity: str, texts: list[str], place: str | None) -> str:
    """Add the place to a body ending in a bare level word: "Ủy ban nhân dân tỉnh" + "Sơn La".

    The name comes from the same level word in the title texts ("… tỉnh Sơn La năm 2026"), else, for a
    province or city, from the place of the date line.
    """
    m = locality_re().search(entity)
    if not m or entity[m.end() :].strip():
        return entity
    level = m.group().lower()
    for text in texts:
        found = _level_name_re(level).search(sentence_case(text) if is_caps(text) else text)
        if found:
            return f"{entity[: m.start()]}{level} {found.group('name')}"
    if place and level in ("tỉnh", "thành phố"):
        return f"{entity[: m.start()]}{level} {place}"
    return entity


@cache
def _issuing_re() -> re.Pattern[str]:
    verbs = "|".join(re.escape(v) for v in lexicon.string_list(DOCUMENT_TYPES, "issuing_verbs"))
    return re.compile(rf"\s(?:{verbs})\s+[Kk]ế hoạch\b")


@cache
def _proper_head_re() -> re.Pattern[str]:
    heads = sorted(set(words().heads.values()) | {"Uỷ ban nhân dân"}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(h) for h in heads)})(?!\w)")


def issuer_from_sentence(text: str) -> str | None:
    """The body an opening sentence names as its author.

    "…, Sở Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch …" -> "Sở Văn hóa, Thể thao và Du lịch".
    """
    for verb in _issuing_re().finditer(text):
        prefix = text[: verb.start()]
        for head in _proper_head_re().finditer(prefix):
            before = prefix[: head.start()].rstrip()
            if before and before[-1] not in ",;:.":
                continue  # "… của UBND tỉnh ban hành kế hoạch" names a cited document's author
            segment = TRAILING_PAREN.sub("", prefix[head.start() :]).strip(" ,")
            if all(p[:1].isupper() for p in COMMA.split(segment)[1:]):
                return canonical(segment)
    return None

"""The head of a document: number, place and date, issuing bodies, and Vietnamese case conversion.

Headers print agency names in capitals ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"); :func:`agency_case` restores the
customary spelling ("Sở Văn hóa, Thể thao và Du lịch") and :func:`sentence_case` does the same for titles.
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
    place_after_locality_re,
    proper_re,
    type_before_number_re,
    words,
)
from cchc_parse.grammar.dates import DATE_REST_NUMERIC, DATE_REST_WORDED, PLACE_DATE
from cchc_parse.grammar.documents import DOC_NUMBER_RE, MOTTO, NUMBER_LINE
from cchc_parse.grammar.labels import ROMAN_NUMERAL
from cchc_parse.grammar.layout import RULE_LINE
from cchc_parse.grammar.pieces import VI_UPPER, in_capitals
from cchc_parse.grammar.syllables import VI_VOWEL
from cchc_parse.lexicon.tones import canonical

# --- patterns of this module --------------------------------------------------------------------------------
# A law named in a lower-cased title ("thi hành luật tiêu chuẩn ..."), not "pháp luật", "kỷ luật", "luật sư".
LAW_IN_TITLE = re.compile(r"(?<!pháp )(?<!kỷ )(?<!quy )(?<!điều )(?<!dự )(?<!\w)luật\s+(?!sư\b)(?P<next>\w+)")

# Where an agency name in capitals splits into parts, each capitalised: ", ", " VÀ ", " - ", "&".
AGENCY_PART_SEP = re.compile(r"(,\s*|\s+VÀ\s+|\s+-\s+|\s*&\s*)")

# The upper-case codes inside a document number ("CT", "TTG" in "27/CT-TTG").
NUMBER_CODES = re.compile(r"[A-ZĐ]+")

# The first letter after an opening quote: a quoted name starts upper-case ("“Tháng hành động ...”").
QUOTED_START = re.compile(r"(?<=“)\w")

# Any white space (removed from printed document numbers).
ANY_SPACE = re.compile(r"\s+")

# A parenthesised short name closing an agency ("Ban Quản lý các khu công nghiệp tỉnh (Ban Quản lý)").
TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")

# A comma and the spaces after it, splitting an agency name into its listed parts.
COMMA = re.compile(r",\s*")

HEAD_SCAN = 8  # blocks a header table may be found in
ROMAN_CONTEXT = frozenset({"KHÓA", "KHOÁ", "THỨ", "ĐOẠN", "PHẦN", "CHƯƠNG", "VỰC", "KỲ"})


# --- case conversion ------------------------------------------------------------------------------


CAPS_SHARE = 0.9  # a header line is in capitals when this share of its letters are


def is_caps(text: str) -> bool:
    """A header line written in capitals (:func:`cchc_parse.grammar.pieces.in_capitals`, a few misread
    letters allowed)."""
    return in_capitals(text, share=CAPS_SHARE)


def is_acronym(word: str) -> bool:
    """An upper-case token to keep as printed: listed acronyms, codes with digits, words without vowels."""
    core = word.strip("()[],;:.“”\"'")
    if not core or not any(c.isalpha() for c in core):
        return False
    if core in words().acronyms or any(c.isdigit() for c in core):
        return True
    return core.isupper() and len(core) >= 2 and not VI_VOWEL.search(core)


def _capitalise(word: str) -> str:
    return word[:1].upper() + word[1:]


def _fix_proper(text: str) -> str:
    """Restore proper nouns inside lower-cased text ("chính phủ" -> "Chính phủ")."""
    proper = words().proper
    return proper_re().sub(lambda m: proper.get(m.group().upper(), m.group()), text)


def _part_case(part: str) -> str:
    tokens = part.split()
    out = [t if is_acronym(t) else t.lower() for t in tokens]
    if out and not is_acronym(tokens[0]):
        out[0] = _capitalise(out[0])
    return " ".join(out)


def _name_case(text: str) -> str:
    """Capitalise every word of a place name ("BÀ RỊA - VŨNG TÀU" -> "Bà Rịa - Vũng Tàu")."""
    known = words().places.get(text.upper())
    if known:
        return known
    return " ".join(t if is_acronym(t) else _capitalise(t.lower()) for t in text.split())


def _specific_case(text: str) -> str:
    """The specific part of an agency name: first word of each ', '/' và ' part capitalised."""
    pieces = AGENCY_PART_SEP.split(text)
    out = []
    for i, piece in enumerate(pieces):
        out.append(piece.lower() if i % 2 else _part_case(piece))
    return "".join(out)


def agency_case(text: str) -> str:
    """Convert an agency name printed in capitals to its customary spelling (mixed case is kept)."""
    text = " ".join(canonical(text).split())
    if not is_caps(text):
        return text
    upper = text.upper()
    if upper in words().exact:
        return words().exact[upper]
    head = starts_with_head(upper)
    rest = text[len(head) :].strip() if head else text
    parts = [words().heads[head]] if head else []
    loc = locality_re().search(rest)
    if loc:
        before, place = rest[: loc.start()].strip(), rest[loc.end() :].strip()
        if before:
            parts.append(_specific_case(before))
        parts.append(loc.group().lower())
        if place:
            parts.append(_name_case(place))
    elif rest:
        specific = _specific_case(rest)
        parts.append(specific if head else _capitalise(specific))
    return _fix_proper(" ".join(parts))


def _token_case(token: str, prev: str) -> str:
    core = token.strip("()[],;:.“”\"'")
    if DOC_NUMBER_RE.fullmatch(core):
        return NUMBER_CODES.sub(lambda m: words().code_case.get(m.group(), m.group()), token)
    roman = ROMAN_NUMERAL.match(core) and (len(core) >= 3 or prev in ROMAN_CONTEXT)
    lowered = token if roman or is_acronym(token) else token.lower()
    return QUOTED_START.sub(lambda m: m.group().upper(), lowered)


def _law_case(m: re.Match[str]) -> str:
    """ "luật tiêu chuẩn" -> "Luật Tiêu chuẩn"; "luật sửa đổi" -> "Luật sửa đổi"."""
    nxt = m.group("next")
    return f"Luật {nxt if nxt in words().law_stops else _capitalise(nxt)}"


def sentence_case(text: str) -> str:
    """A title printed in capitals to sentence case, keeping acronyms, numerals and place names.

    The first letter is lower-cased too (callers put the title after a document type); text that is not
    in capitals is returned unchanged.
    """
    text = " ".join(text.split())
    if not is_caps(text):
        return text
    tokens = text.split(" ")
    out = [_token_case(t, tokens[i - 1].upper() if i else "") for i, t in enumerate(tokens)]
    lowered = type_before_number_re().sub(lambda m: _capitalise(m.group()), _fix_proper(" ".join(out)))
    lowered = LAW_IN_TITLE.sub(_law_case, lowered)
    places = words().places
    return place_after_locality_re().sub(
        lambda m: f"{m.group('loc').lower()} {places[m.group('place').upper()]}", lowered
    )


def lower_first(text: str) -> str:
    """Lower-case the first letter unless the first word is an acronym or a proper phrase."""
    first = text.split(" ", 1)[0]
    if not first or is_acronym(first) or proper_re().match(text):
        return text
    return first[:1].lower() + text[1:]


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
    """(whether a "Số:" line is present, the number without spaces or None when left blank)."""
    m = NUMBER_LINE.search(text)
    if not m:
        return False, None
    return True, clean_number(m.group("number")) if m.group("number") else None


def parse_place_date(text: str) -> tuple[bool, str | None, date | None]:
    """(whether a "<place>, ngày ..." line is present, the place, the date or None when blank)."""
    m = PLACE_DATE.search(text)
    if not m:
        return False, None, None
    place = " ".join(m.group("place").split())
    rest = m.group("rest")
    d = DATE_REST_NUMERIC.match(rest) or DATE_REST_WORDED.match(rest)
    issued = make_date(d.group("day"), d.group("month"), d.group("year")) if d else None
    return True, place, issued


# --- issuing bodies -------------------------------------------------------------------------------


@dataclass
class Header:
    number_found: bool = False
    number: str | None = None
    date_found: bool = False
    place: str | None = None
    issued_date: date | None = None
    entities: list[str] = field(default_factory=list)  # issuing bodies as printed, top first


@cache
def _leading_re(key: str) -> re.Pattern[str]:
    # The longest listed phrase a line starts with, followed by a space or the end.
    phrases = words().heads if key == "heads" else words().authorities
    return re.compile(rf"(?:{'|'.join(re.escape(p) for p in phrases)})(?= |$)")


def starts_with_head(line: str) -> str | None:
    """The agency head word(s) an upper-cased line starts with ("ỦY BAN NHÂN DÂN", "SỞ"), if any."""
    m = _leading_re("heads").match(canonical(line).upper())
    return m.group() if m else None


def authority_title(line: str) -> str | None:
    """The authority title a capitals line starts with ("CHỦ TỊCH", "BỘ TRƯỞNG"), if any."""
    m = _leading_re("authorities").match(line.upper())
    return m.group() if m else None


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
    else:
        heads = [b.text for b in blocks[:head_end] if b.kind == "paragraph"]
        everything = "\n".join(heads)
        issuer_texts = [t for t in heads if not authority_title(t)]
    header = Header()
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

"""Vietnamese case conversion: the customary spelling of what a document prints in capitals.

Headers print agency names in capitals ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"); :func:`agency_case` restores the
customary spelling ("Sở Văn hóa, Thể thao và Du lịch") and :func:`sentence_case` does the same for titles,
with the proper phrases, acronyms and law names of the vocabulary (``title_case.json``, ``acronyms.json``,
through :mod:`cchc_parse.extract.header_words`).
"""

from __future__ import annotations

import re
from functools import cache

from cchc_parse.extract.header_words import (
    locality_re,
    place_after_locality_re,
    proper_re,
    type_before_number_re,
    words,
)
from cchc_parse.grammar.documents import DOC_NUMBER_RE
from cchc_parse.grammar.labels import ROMAN_NUMERAL
from cchc_parse.grammar.pieces import in_capitals
from cchc_parse.grammar.syllables import VI_VOWEL
from cchc_parse.lexicon.tones import canonical

# --- patterns of this module --------------------------------------------------------------------------------
# The upper-case codes inside a document number ("CT", "TTG" in "27/CT-TTG").
NUMBER_CODES = re.compile(r"[A-ZĐ]+")

# --- patterns of this module --------------------------------------------------------------------------------
# The upper-case codes inside a document number ("CT", "TTG" in "27/CT-TTG").
NUMBER_CODES = re.compile(r"[A-ZĐ]+")

# A law named in a lower-cased title ("thi hành luật tiêu chuẩn ..."), not "pháp luật", "kỷ luật", "luật sư".
LAW_IN_TITLE = re.compile(r"(?<!pháp )(?<!kỷ )(?<!quy )(?<!điều )(?<!dự )(?<!\w)luật\s+(?!sư\b)(?P<next>\w+)")

# Where an agency name in capitals splits into parts, each capitalised: ", ", " VÀ ", " - ", "&".
AGENCY_PART_SEP = re.compile(r"(,\s*|\s+VÀ\s+|\s+-\s+|\s*&\s*)")

# The first letter after an opening quote: a quoted name starts upper-case ("“Tháng hành động ...”").
QUOTED_START = re.compile(r"(?<=“)\w")

# blocks a header table may be found in
ROMAN_CONTEXT = frozenset({"KHÓA", "KHOÁ", "THỨ", "ĐOẠN", "PHẦN", "CHƯƠNG", "VỰC", "KỲ"})


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


def upper_first(text: str) -> str:
    """The text with its first letter upper-cased ("nhà đầu tư" -> "Nhà đầu tư")."""
    return text[:1].upper() + text[1:]


def _fix_proper(text: str) -> str:
    """Restore proper nouns inside lower-cased text ("chính phủ" -> "Chính phủ")."""
    proper = words().proper
    return proper_re().sub(lambda m: proper.get(m.group().upper(), m.group()), text)


def _part_case(part: str) -> str:
    tokens = part.split()
    out = [t if is_acronym(t) else t.lower() for t in tokens]
    if out and not is_acronym(tokens[0]):
        out[0] = upper_first(out[0])
    return " ".join(out)


def _name_case(text: str) -> str:
    """Capitalise every word of a place name ("BÀ RỊA - VŨNG TÀU" -> "Bà Rịa - Vũng Tàu")."""
    known = words().places.get(text.upper())
    if known:
        return known
    return " ".join(t if is_acronym(t) else upper_first(t.lower()) for t in text.split())


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
        parts.append(specific if head else upper_first(specific))
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
    return f"Luật {nxt if nxt in words().law_stops else upper_first(nxt)}"


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
    lowered = type_before_number_re().sub(lambda m: upper_first(m.group()), _fix_proper(" ".join(out)))
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


# --- heads and titles a line in capitals starts with ----------------------------------------------


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

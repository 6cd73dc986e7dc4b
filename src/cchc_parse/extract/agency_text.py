"""Telling agency names from duties in free text: lists of agencies, duty verbs, printed clean-up."""

from __future__ import annotations

import re
from functools import cache

from cchc_parse import lexicon
from cchc_parse.extract.agencies import AGENCIES, looks_like_agency, split_agencies, strip_agency_prefix
from cchc_parse.grammar.pieces import words_pattern

# --- patterns of this module --------------------------------------------------------------------------------
# "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": a role after a dash, not part of the name.
ROLE_AFTER_DASH = re.compile(
    r"\s+[-–]\s+(?:cơ quan thường trực|thường trực|cơ quan chủ trì|cơ quan đầu mối|thành viên|phó trưởng ban"
    r"|trưởng ban|phó ban)\b.*$",
    re.IGNORECASE,
)

# A parenthesised remark after an agency: "Sở Nội vụ (cơ quan thường trực …)".
PARENTHESES = re.compile(r"\s*\([^)]*\)")

TASKS = "tasks.json"


def all_agencies(text: str) -> bool:
    """True when ``text`` is only a list of agencies (no duty verbs mixed in)."""
    parts = split_agencies(text)
    return (
        bool(parts)
        and looks_like_agency(text)
        and all(agency_like(p) and not duty_verbs().search(f" {p}") for p in parts)
    )


def agency_like(piece: str) -> bool:
    """An agency, also when a list continues in lower case ('…, đơn vị trực thuộc Sở')."""
    if looks_like_agency(piece) or looks_like_agency(piece[:1].upper() + piece[1:]):
        return True
    return piece.casefold().startswith(lexicon.string_list(TASKS, "agency_continuations"))


def is_collective(name: str) -> bool:
    """A group of bodies rather than one: "các sở, ngành, địa phương", "Các cơ quan, đơn vị"."""
    return name.startswith(tuple(f"{start} " for start in lexicon.string_list(AGENCIES, "collective_starts")))


def agency_list(text: str) -> list[str]:
    """Agencies named in a free sentence ('Sở Khoa học và Công nghệ tiến hành rà soát …; các sở, ngành …'):
    each piece is cut at its first duty verb, and pieces that are not agencies are dropped."""
    out: list[str] = []
    for piece in split_agencies(text):
        verb = duty_verbs().search(f" {piece}")
        piece = clean_agency(piece[: verb.start()] if verb else piece)
        if piece and agency_like(piece) and piece not in out:
            out.append(piece)
    return out


def clean_agency(text: str) -> str:
    text = PARENTHESES.sub("", strip_agency_prefix(text.strip()))
    return ROLE_AFTER_DASH.sub("", text).strip(" :;.")


@cache
def duty_verbs() -> re.Pattern[str]:
    verbs = words_pattern(lexicon.string_list(TASKS, "duty_verbs"), ignore_case=False).pattern
    exceptions = words_pattern(lexicon.string_list(TASKS, "duty_verb_exceptions"), ignore_case=False).pattern
    return re.compile(rf"\s(?!(?:{exceptions})\b)(?:{verbs})\b")

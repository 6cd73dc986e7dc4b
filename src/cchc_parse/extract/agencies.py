"""Agencies: a lead or partner text ("chủ trì", "phối hợp") split into agencies, as printed.

A semicolon always separates agencies. A comma or "và" separates them only where the next piece starts
like an agency ("…, Văn phòng UBND tỉnh", "… và các đoàn thể tỉnh"), never inside a name or collective
phrase holding one ("Sở Văn hóa, Thể thao và Du lịch", "các sở, ban, ngành") nor inside brackets.
"các sở: Nội vụ, Tư pháp" is expanded into "Sở Nội vụ", "Sở Tư pháp".
Names and head words come from data/agencies.json; the patterns built from them are below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from cchc_parse import lexicon
from cchc_parse.grammar.pieces import alternation, bounded_words_pattern
from cchc_parse.lexicon.tones import spellings

# --- patterns of this module --------------------------------------------------------------------------------
# Agency names and head words come from data/agencies.json; the builders below turn them into patterns.
# What always separates agencies: a semicolon, or a line break before a bullet ("Sở A\n- Sở B").
AGENCY_HARD_SEP = re.compile(r"\s*;\s*|\s*\n\s*(?=[-–—+•·*]\s)")

# What may separate agencies, when the next piece starts like an agency: a comma (maybe with "và") or "và".
AGENCY_SOFT_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")

# Bullets and spaces before an agency ("- Sở Nội vụ"); closing punctuation is trimmed without a pattern.
AGENCY_LEAD = re.compile(r"^[\s\-–—+•·*]+")

# White space to print as one space: a run of two or more, or a line break or tab (a lone space is left
# alone, which keeps the substitution cheap).
AGENCY_SPACES = re.compile(r"\s{2,}|[^\S ]")


def agency_head_pattern(
    *,
    heads: Iterable[str],
    not_heads: Iterable[str],
    starts: Iterable[str],
    nouns: Iterable[str],
    extra: Iterable[str] = (),
) -> re.Pattern[str]:
    """The start of an agency name: a head word ("Sở", "UBND", "Văn phòng"; case-sensitive, so "ban" in
    "sở, ban, ngành" is no head), or a collective start then an agency noun in any case ("các sở", "Các Cơ
    quan"), but not a phrase that only starts like one ("Ban hành", "Báo cáo", "Trường hợp"). `extra`
    adds more head words (the lower-case nouns that start an agency after a comma: "…, đơn vị trực thuộc")."""
    words = [*heads, *extra]
    return re.compile(
        rf"(?!(?:{alternation(not_heads)})(?!\w))"
        rf"(?:{alternation(words)}|(?:{alternation(starts)})\s+(?i:{alternation(nouns)}))(?!\w)"
    )


def department_list_pattern(kinds: Iterable[str]) -> re.Pattern[str]:
    """The opening of a list of department names: "các sở: Nội vụ, Tư pháp", "Sở: …", "các Bộ: …"."""
    return re.compile(rf"(?<!\w)(?:các\s+)?(?P<kind>{alternation(kinds)})\s*:\s*", re.IGNORECASE)


def leading_words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One of the words at the very start of a text, then white space ("Đề nghị ", "Giao ")."""
    return re.compile(rf"^\s*(?:{alternation(words)})\s+", re.IGNORECASE)


AGENCIES = "agencies.json"
_TRAILING = " ;.,"  # closing punctuation trimmed from an agency


@dataclass(frozen=True)
class _Lexicon:
    """The data file, checked, with the patterns built from it."""

    protected: re.Pattern[str]  # names and collective phrases that hold a comma or "và"
    department_names: re.Pattern[str]  # names inside a department list ("Khoa học và Công nghệ")
    head: re.Pattern[str]  # the start of an agency
    split_head: re.Pattern[str]  # the start of an agency after a separator
    prefix: re.Pattern[str]  # "Đề nghị ", "Giao "
    department_list: re.Pattern[str]  # "các sở: "
    prefixes: dict[str, str]  # "sở" -> "Sở"
    departments: frozenset[str]  # department names, case-folded


def _fail(key: str, what: str) -> lexicon.DataFileError:
    return lexicon.DataFileError(f"{AGENCIES}: '{key}' {what}")


def _spellings(words: Iterable[str]) -> set[str]:
    """Each word in both tone placements ("Văn hóa" and "Văn hoá"), in the case it was given."""
    return {spelling for word in words for spelling in spellings(word)}


def _phrases(key: str) -> tuple[str, ...]:
    """A list of phrases that each hold a separator (a comma or "và"), or there is nothing to protect."""
    phrases = lexicon.string_list(AGENCIES, key)
    for phrase in phrases:
        if "," not in phrase and " và " not in phrase:
            raise _fail(key, f"entry {phrase!r} holds no comma or 'và': nothing to protect")
    return phrases


def _department_prefixes() -> dict[str, str]:
    prefixes = lexicon.string_map(AGENCIES, "department_prefixes")
    if not prefixes or not all(k.strip() and v.strip() for k, v in prefixes.items()):
        raise _fail("department_prefixes", "must map department words to their printed prefix")
    return {k.casefold(): v for k, v in prefixes.items()}


@cache
def _lexicon() -> _Lexicon:
    def words(key: str) -> tuple[str, ...]:
        return lexicon.string_list(AGENCIES, key)

    departments = words("department_names")
    prefixes = _department_prefixes()
    protected = _spellings([*_phrases("protected_names"), *_phrases("collective_heads")])
    heads = {
        "heads": _spellings(words("agency_heads")),
        "not_heads": _spellings(words("not_heads")),
        "starts": words("collective_starts"),
        "nouns": _spellings(words("collective_nouns")),
    }
    return _Lexicon(
        protected=bounded_words_pattern(protected),
        department_names=bounded_words_pattern(_spellings([*departments, *protected])),
        head=agency_head_pattern(**heads),
        split_head=agency_head_pattern(**heads, extra=_spellings(words("split_heads"))),
        prefix=leading_words_pattern(words("request_prefixes")),
        department_list=department_list_pattern(prefixes),
        prefixes=prefixes,
        departments=frozenset(d.casefold() for d in _spellings(departments)),
    )


# --- public API ------------------------------------------------------------------------------------------


def strip_agency_prefix(text: str) -> str:
    """'Đề nghị Trường Chính trị tỉnh' -> 'Trường Chính trị tỉnh', 'Giao Sở Nội vụ' -> 'Sở Nội vụ'.

    The prefix goes only when an agency follows (a capital letter or a head word), so 'Giao dịch …' stays.
    """
    m = _lexicon().prefix.match(text)
    if m is None:
        return text
    rest = text[m.end() :]
    return rest if rest[:1].isupper() or _lexicon().head.match(rest) else text


def agency_head(text: str) -> str | None:
    """The head word an agency name opens with ("Công ty" of "Công ty cổ phần …"), or None."""
    m = _lexicon().head.match(text)
    return m.group() if m else None


def looks_like_agency(text: str) -> bool:
    """True when the text starts with an agency head word ('Sở Nội vụ', 'UBND các xã', 'các cơ quan …'),
    after a request prefix ('Đề nghị Trường Chính trị tỉnh')."""
    return _lexicon().head.match(strip_agency_prefix(_clean(text))) is not None


def split_agencies(text: str) -> list[str]:
    """The agencies of a lead or partner text, each as printed (spaces folded, bullets and closing
    punctuation trimmed); [] for empty text."""
    out: list[str] = []
    for part in AGENCY_HARD_SEP.split(text):
        cleaned = _clean(part)
        if cleaned:
            out.extend(_split_part(cleaned))
    return out


# --- splitting ---------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """Spaces folded; leading bullets, closing punctuation and a dangling "và" trimmed."""
    text = AGENCY_LEAD.sub("", AGENCY_SPACES.sub(" ", text)).rstrip(_TRAILING)
    while text.casefold().endswith(" và"):
        text = text[:-3].rstrip(_TRAILING)
    return text


def _split_part(part: str) -> list[str]:
    """One semicolon-separated part: a department list is expanded, the rest split on commas and "và"."""
    lex = _lexicon()
    m = lex.department_list.search(part)
    before = part[: m.start()].rstrip() if m else ""
    if m is None or (before and not (before.endswith(",") or before.casefold().endswith(" và"))):
        return _cut(part, lex.protected, lambda at: lex.split_head.match(part, at) is not None)
    head = _cut(_clean(before), lex.protected, lambda at: True) if before else []
    return head + _department_list(lex.prefixes[m["kind"].casefold()], part[m.end() :])


def _department_list(prefix: str, names: str) -> list[str]:
    """'Nội vụ, Tư pháp, Khoa học và Công nghệ' after 'các sở:' -> 'Sở Nội vụ', 'Sở Tư pháp', …; an
    agency named in full in the list ('UBND tỉnh') stays as it is."""
    lex = _lexicon()
    out: list[str] = []
    for name in _cut(names, lex.department_names, lambda at: True):
        known = name.casefold() in lex.departments
        out.append(f"{prefix} {name}" if known or not looks_like_agency(name) else name)
    return out


def _cut(text: str, protected: re.Pattern[str], accept: Callable[[int], bool]) -> list[str]:
    """Split at commas and "và" outside protected phrases and brackets, where `accept(end of separator)`."""
    separators = list(AGENCY_SOFT_SEP.finditer(text))
    if not separators:
        cleaned = _clean(text)
        return [cleaned] if cleaned else []
    guarded = [(m.start(), m.end()) for m in protected.finditer(text)] + _bracketed(text)
    pieces: list[str] = []
    last = 0
    for sep in separators:
        if any(lo < sep.start() < hi for lo, hi in guarded) or not accept(sep.end()):
            continue
        pieces.append(text[last : sep.start()])
        last = sep.end()
    pieces.append(text[last:])
    return [p for p in map(_clean, pieces) if p]


def _bracketed(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost brackets; an unclosed one runs to the end."""
    if "(" not in text:
        return []
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for i, char in enumerate(text):
        if char == "(":
            start = i if depth == 0 else start
            depth += 1
        elif char == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    if depth:
        spans.append((start, len(text)))
    return spans

"""The header's vocabulary, gathered from the concept files that hold it (agency heads in capitals:
``agencies.json``; places and localities: ``places.json``; acronyms: ``acronyms.json``; authorities:
``signatures.json``; document types: ``document_types.json``; proper phrases and law-name stop words:
``title_case.json``), and the patterns built from them (used by extract/header.py and its neighbours)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cchc_parse import lexicon

AGENCIES, PLACES, ACRONYMS = "agencies.json", "places.json", "acronyms.json"
SIGNATURES, DOCUMENT_TYPES, TITLE_CASE = "signatures.json", "document_types.json", "title_case.json"


@dataclass(frozen=True)
class Words:
    """The data-file word lists the header code needs, upper-cased and ordered longest first."""

    heads: dict[str, str]
    exact: dict[str, str]
    proper: dict[str, str]
    localities: tuple[str, ...]
    places: dict[str, str]
    acronyms: frozenset[str]
    authorities: tuple[str, ...]
    doc_types: dict[str, str]  # upper-case -> customary spelling
    law_stops: frozenset[str]  # words after "luật" that do not start a law's name
    code_case: dict[str, str]  # upper-cased number codes -> as printed ("TTG" -> "TTg")


@cache
def words() -> Words:
    def longest_first(keys: list[str] | tuple[str, ...]) -> list[str]:
        return sorted(keys, key=len, reverse=True)

    heads = lexicon.string_map(AGENCIES, "heads_in_capitals")  # the schema: case variants only
    doc_types = lexicon.string_list(DOCUMENT_TYPES, "doc_types")
    return Words(
        heads={k: heads[k] for k in longest_first(list(heads))},
        exact=lexicon.string_map(AGENCIES, "exact_agencies"),
        proper=lexicon.string_map(TITLE_CASE, "proper_phrases"),
        localities=tuple(longest_first(lexicon.string_list(PLACES, "localities"))),
        places={p.upper(): p for p in longest_first(lexicon.string_list(PLACES, "provinces"))},
        acronyms=frozenset(lexicon.string_list(ACRONYMS, "acronyms")),
        authorities=tuple(longest_first(lexicon.string_list(SIGNATURES, "authority_titles"))),
        doc_types={n.upper(): n for n in longest_first(doc_types)},
        code_case=lexicon.string_map(DOCUMENT_TYPES, "number_code_case"),
        law_stops=frozenset(lexicon.string_list(TITLE_CASE, "law_name_stop_words")),
    )


@cache
def locality_re() -> re.Pattern[str]:
    # A level word before a place name; "XÃ HỘI" (society) is not the commune "XÃ".
    alts = "|".join(re.escape(w) for w in words().localities)
    return re.compile(rf"(?<!\w)(?P<loc>{alts})(?!\w)(?!\s+HỘI\b)", re.IGNORECASE)


@cache
def proper_re() -> re.Pattern[str]:
    alts = "|".join(re.escape(k) for k in sorted(words().proper, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@cache
def place_after_locality_re() -> re.Pattern[str]:
    places = "|".join(re.escape(p) for p in words().places)
    locs = "|".join(re.escape(w) for w in words().localities)
    return re.compile(rf"(?<!\w)(?P<loc>{locs})\s+(?P<place>{places})(?!\w)", re.IGNORECASE)


@cache
def type_before_number_re() -> re.Pattern[str]:
    # A lower-cased document type cited with its number ("chỉ thị số 27/CT-TTg"), to capitalise.
    alts = "|".join(re.escape(t.lower()) for t in words().doc_types.values())
    return re.compile(rf"(?<!\w)(?:{alts})(?=\s+số\s)")

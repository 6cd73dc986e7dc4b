"""The header's vocabulary (``data/metadata.json``): agency heads, proper phrases, localities, places,
acronyms, authorities, document types, checked when loaded, and the patterns built from them (used by
extract/header.py and its neighbours)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cchc_parse import resources

DATA = "metadata.json"


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


def _spellings(key: str) -> dict[str, str]:
    """A map from upper-case phrases to their spelling, checked to differ in case only."""
    spellings = resources.string_map(DATA, key)
    for upper, spelled in spellings.items():
        if upper != upper.upper() or spelled.upper() != upper:
            raise resources.DataFileError(
                f"{DATA}: '{key}' maps '{upper}' to '{spelled}', not a case variant"
            )
    return spellings


@cache
def words() -> Words:
    def longest_first(keys: list[str] | tuple[str, ...]) -> list[str]:
        return sorted(keys, key=len, reverse=True)

    heads = _spellings("agency_heads")
    return Words(
        heads={k: heads[k] for k in longest_first(list(heads))},
        exact=_spellings("exact_agencies"),
        proper=_spellings("proper_phrases"),
        localities=tuple(longest_first(resources.string_list(DATA, "localities"))),
        places={p.upper(): p for p in longest_first(resources.string_list(DATA, "places"))},
        acronyms=frozenset(resources.string_list(DATA, "acronyms")),
        authorities=tuple(longest_first(resources.string_list(DATA, "authority_titles"))),
        doc_types={n.upper(): n for n in longest_first(resources.string_list(DATA, "doc_types"))},
        code_case=resources.string_map(DATA, "number_code_case"),
        law_stops=frozenset(resources.string_list(DATA, "law_name_stop_words")),
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

"""Reform areas of CCHC plans (thể chế, thủ tục hành chính, …) from section titles and words."""

from __future__ import annotations

import re
from functools import cache

from cchc_parse import lexicon
from cchc_parse.grammar.pieces import words_pattern

AREAS = "areas.json"


@cache
def _areas() -> list[tuple[str, re.Pattern[str]]]:
    rows = lexicon.load_json(AREAS)["areas"]
    out = []
    for name, words in rows:
        if not isinstance(name, str) or not words:
            raise lexicon.DataFileError(f"{AREAS}: each area needs a name and words")
        out.append((name, words_pattern(words)))
    return out


@cache
def _cchc_marker() -> re.Pattern[str]:
    return words_pattern(lexicon.string_list(AREAS, "cchc_markers"))


def is_cchc(title: str | None, body_sample: str) -> bool:
    """A CCHC plan names administrative reform in its title, or often in its body."""
    if title and _cchc_marker().search(title):
        return True
    return len(_cchc_marker().findall(body_sample)) >= 5


def classify_area(section_titles: list[str], text: str) -> str | None:
    """The area of the nearest section title that names one; else the area the text mentions most."""
    for title in section_titles:
        for name, pattern in _areas():
            if pattern.search(title):
                return name
    best, best_hits = None, 0
    for name, pattern in _areas():
        hits = len(pattern.findall(text))
        if hits > best_hits:
            best, best_hits = name, hits
    return best

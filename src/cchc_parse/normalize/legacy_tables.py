"""The legacy font tables (``data/legacy_tcvn3.json``, ``data/legacy_vni.json``), validated when loaded,
and the patterns built from their keys: what a legacy word is, and which characters only legacy text has.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from typing import Any, Literal

from cchc_parse.grammar.pieces import char_class
from cchc_parse.lexicon import DataFileError

LegacyKind = Literal["tcvn3", "vni"]
LEGACY_KINDS: tuple[LegacyKind, ...] = ("tcvn3", "vni")

TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook above, dot below
# The vowels that take a circumflex (U+0302), a breve (U+0306) or a horn (U+031B).
HATS = {"\u0302": "aeo", "\u0306": "a", "\u031b": "ou"}
HAT_MARKS = frozenset(HATS)

# A word as legacy detection sees it: a run of anything but white space and ASCII or typographic punctuation.
# Legacy font letters include symbols ("x·", "c¸ch", "n©ng"), so \w would cut words apart.
LEGACY_NOT_WORD = r"\s!-/:-@{-~\u2013\u2014\u2018\u2019\u201c\u201d\u2026"

LEGACY_WORD_CHAR = rf"[^{LEGACY_NOT_WORD}\[-`]"

LEGACY_NO_LOWER = rf"[^{LEGACY_NOT_WORD}\[-z]"  # a word character but not a lower-case ASCII letter


def words_holding(chars: Iterable[str]) -> re.Pattern[str]:
    """A legacy word (a run of ``LEGACY_WORD_CHAR``) that holds one of ``chars``."""
    return re.compile(rf"{LEGACY_WORD_CHAR}*{char_class(chars)}{LEGACY_WORD_CHAR}*")


def sequence_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """The keys of a conversion table (one or two characters), longest first, grouped by first character.

    Grouping keeps matching fast on long texts: ``a(?:ù|ø|…)|e(?:…)|[ñæó…]`` instead of 150 alternatives.
    """
    singles = {k for k in keys if len(k) == 1}
    groups: dict[str, list[str]] = {}
    for key in keys:
        if len(key) == 2:
            groups.setdefault(key[0], []).append(re.escape(key[1]))
    branches = [
        f"{re.escape(first)}(?:{'|'.join(sorted(seconds))}){'?' if first in singles else ''}"
        for first, seconds in sorted(groups.items())
    ]
    rest = singles - groups.keys()
    if rest:
        branches.append(char_class(rest))
    return re.compile("|".join(branches))


@cache
def table(kind: LegacyKind) -> Mapping[str, str]:
    """The conversion table ``data/legacy_<kind>.json``, validated."""
    name = f"legacy_{kind}.json"
    text = resources.files("cchc_parse").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return _parse_table(name, kind, text)


def _parse_table(name: str, kind: LegacyKind, text: str) -> dict[str, str]:
    data = json.loads(text, object_pairs_hook=lambda pairs: _no_duplicates(name, pairs))
    table = data.get("map") if isinstance(data, dict) else None
    if not isinstance(table, dict) or not table:
        raise DataFileError(f"{name}: 'map' must be a non-empty object")
    for key, value in table.items():
        _check_entry(name, kind, key, value)
    if len(set(table.values())) != len(table):
        raise DataFileError(f"{name}: two keys map to the same letter")
    return dict(table)


def _no_duplicates(name: str, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise DataFileError(f"{name}: duplicate key")
    return dict(pairs)


def _check_entry(name: str, kind: LegacyKind, key: object, value: object) -> None:
    """A key is legacy characters (U+00A1-U+00FF), VNI's maybe after an ASCII letter; a value one letter."""
    if not isinstance(key, str) or not 1 <= len(key) <= (1 if kind == "tcvn3" else 2):
        raise DataFileError(f"{name}: bad key {key!r}")
    legacy = key[1:] if len(key) == 2 and key[0].isascii() and key[0].isalpha() else key
    if not all("\xa1" <= c <= "\xff" for c in legacy):
        raise DataFileError(f"{name}: key {key!r} is not legacy text")
    if not isinstance(value, str) or not is_vietnamese_letter(value):
        raise DataFileError(f"{name}: {key!r} must map to one NFC Vietnamese letter, not {value!r}")


def is_vietnamese_letter(value: str) -> bool:
    if len(value) != 1 or value.isascii() or unicodedata.normalize("NFC", value) != value:
        return False
    if value in "đĐ":
        return True
    decomposed = unicodedata.normalize("NFD", value.lower())
    base, marks = decomposed[0], decomposed[1:]
    tones = [m for m in marks if m in TONE_MARKS]
    hats = [m for m in marks if m not in TONE_MARKS]
    if base not in "aeiouy" or len(tones) > 1 or len(hats) > 1:
        return False
    return not hats or base in HATS.get(hats[0], "")


@cache
def tcvn3_translation() -> dict[int, str]:
    return {ord(key): value for key, value in table("tcvn3").items()}


@cache
def tcvn3_charmap() -> str:
    """A decoding table for :func:`codecs.charmap_decode`: Latin-1 byte -> converted character."""
    translation = tcvn3_translation()
    return "".join(translation.get(b, chr(b)) for b in range(0x100))


@cache
def sequences() -> re.Pattern[str]:
    return sequence_pattern(table("vni"))


@cache
def legacy_chars() -> frozenset[str]:
    """The characters beyond ASCII of all legacy table keys."""
    return frozenset(c for kind in LEGACY_KINDS for key in table(kind) for c in key if not c.isascii())


@cache
def legacy_words() -> re.Pattern[str]:
    """A word holding a legacy character."""
    return words_holding(legacy_chars())


@cache
def not_signature() -> bytes:
    """Latin-1 bytes other than the legacy characters that Unicode Vietnamese never has (µ · ¸ ©, not à ô)."""
    signature = {c for c in legacy_chars() if not is_vietnamese_letter(c)}
    return bytes(b for b in range(0x100) if chr(b) not in signature)

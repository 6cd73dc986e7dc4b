"""The rule table of ``data/validate.json`` (codes, severities, message templates, what each checks), and
the Vietnamese words the checks use, validated when loaded."""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from cchc_parse import lexicon
from cchc_parse.validate.findings import SEVERITIES, Severity

# --- patterns of this module --------------------------------------------------------------------------------
# A validation rule's code: "CP" and three digits ("CP003").
VALIDATE_CODE = re.compile(r"^CP\d{3}$")

DATA = "validate.json"
AREAS = "areas.json"
RULE_KEYS = {"code", "severity", "message", "checks"}
UNREADABLE = "CP000"  # reported by the engine when a file cannot be parsed


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    message: str  # a str.format template
    checks: str  # what the rule checks, in one sentence

    def format(self, fields: dict[str, str]) -> str:
        return self.message.format(**fields)


def _error(what: str) -> lexicon.DataFileError:
    return lexicon.DataFileError(f"{DATA}: {what}")


def _rule(row: Any) -> Rule:
    if not isinstance(row, dict) or set(row) != RULE_KEYS:
        raise _error(f"each rule needs exactly the keys {sorted(RULE_KEYS)}: {row!r}")
    code, severity, message, checks = (row[k] for k in ("code", "severity", "message", "checks"))
    if not isinstance(code, str) or not VALIDATE_CODE.match(code):
        raise _error(f"bad rule code {code!r} (expected CP and three digits)")
    if severity not in SEVERITIES:
        raise _error(f"{code}: severity must be one of {list(SEVERITIES)}")
    for key, value in (("message", message), ("checks", checks)):
        if not isinstance(value, str) or not value.strip():
            raise _error(f"{code}: '{key}' must be a non-empty string")
    try:
        list(string.Formatter().parse(message))
    except ValueError as exc:
        raise _error(f"{code}: bad message template: {exc}") from exc
    return Rule(code, severity, message, checks)


@cache
def rule_table() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    rows = lexicon.load_json(DATA).get("rules")
    if not isinstance(rows, list) or not rows:
        raise _error("'rules' must be a non-empty list")
    table: dict[str, Rule] = {}
    for row in rows:
        rule = _rule(row)
        if rule.code in table:
            raise _error(f"duplicate rule code {rule.code}")
        table[rule.code] = rule
    return dict(sorted(table.items()))


@cache
def required_parts() -> dict[str, tuple[str, ...]]:
    """Rule code -> the section-title words that satisfy that required part."""
    parts = lexicon.load_json(DATA).get("required_parts")
    if not isinstance(parts, dict) or not parts:
        raise _error("'required_parts' must be a non-empty object")
    for code in parts:
        if code not in rule_table():
            raise _error(f"required_parts: unknown rule code {code}")
    return {code: tuple(w.casefold() for w in _words(parts, code)) for code in parts}


def _words(parts: dict[str, Any], code: str) -> tuple[str, ...]:
    words = parts[code]
    if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
        raise _error(f"required_parts: '{code}' must be a non-empty list of non-empty strings")
    return tuple(words)


@cache
def required_areas() -> tuple[str, ...]:
    """The reform areas a CCHC plan must cover; each one an area name of areas.json."""
    wanted = lexicon.string_list(DATA, "required_areas")
    known = {row[0] for row in lexicon.load_json(AREAS)["areas"]}
    unknown = [a for a in wanted if a not in known]
    if unknown:
        raise _error(f"required_areas: not areas of {AREAS}: {unknown}")
    return wanted


@cache
def letter_order() -> str:
    """The letters that number items in order: a), b), c), d), đ), e) ..."""
    letters = lexicon.load_json(DATA).get("letter_order")
    if not isinstance(letters, str) or not letters or len(set(letters)) != len(letters):
        raise _error("'letter_order' must be a string of distinct letters")
    return letters


def resolve_codes(select: Iterable[str] = (), disable: Iterable[str] = ()) -> set[str]:
    """The codes to run: those matching ``select`` (every code when empty) minus those matching ``disable``.

    A value matches the codes it is a prefix of ("CP01" means CP010-CP019); case does not matter.
    Unreadable input (CP000) is always reported unless disabled explicitly.
    Raises ValueError for a value that matches no code.
    """
    chosen = matching_codes(select) | {UNREADABLE} if select else set(rule_table())
    return chosen - matching_codes(disable)


def matching_codes(values: Iterable[str]) -> set[str]:
    """The codes ``values`` (codes or prefixes) name; ValueError for a value that names none."""
    out: set[str] = set()
    for value in values:
        prefix = value.strip().upper()
        hits = {code for code in rule_table() if prefix and code.startswith(prefix)}
        if not hits:
            raise ValueError(f"unknown rule code '{value}' (codes: {', '.join(rule_table())})")
        out |= hits
    return out

"""Inline suppressions in a plan's own text: HTML comments a plan author writes (see ``rules.SUPPRESSION``).

>>> s = Suppressions.scan("a\\n<!-- cchc-parse: disable-next-line CP050 -->\\nngày 31/02/2026")
>>> s.silences("CP050", 3), s.silences("CP050", 1)
(True, False)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc_parse import rules
from cchc_parse.validate.catalog import UNREADABLE
from cchc_parse.validate.findings import Finding

ALL = "*"  # a suppression without codes: every rule but CP000


@dataclass
class Suppressions:
    """Codes (or code prefixes) silenced in the whole file, and on given lines."""

    file: set[str] = field(default_factory=set)
    lines: dict[int, set[str]] = field(default_factory=dict)

    @classmethod
    def scan(cls, text: str) -> Suppressions:
        found = cls()
        for number, line in enumerate(text.splitlines(), start=1):
            for m in rules.SUPPRESSION.finditer(line):
                codes = {c.upper() for c in rules.SUPPRESSION_CODE.findall(m["codes"])} or {ALL}
                scope = m["scope"].lower()
                if scope == "disable":
                    found.file |= codes
                else:
                    target = number + 1 if scope == "disable-next-line" else number
                    found.lines.setdefault(target, set()).update(codes)
        return found

    def silences(self, code: str, line: int) -> bool:
        return _matches(code, self.file) or _matches(code, self.lines.get(line, set()))

    def apply(self, findings: Iterable[Finding]) -> list[Finding]:
        return [f for f in findings if not self.silences(f.code, f.line)]


def _matches(code: str, codes: set[str]) -> bool:
    if ALL in codes and code != UNREADABLE:
        return True
    return any(code.startswith(prefix) for prefix in codes if prefix != ALL)

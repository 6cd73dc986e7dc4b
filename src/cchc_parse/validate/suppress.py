"""Inline suppressions in a plan's own text: HTML comments a plan author writes (see ``SUPPRESSION``).

>>> s = Suppressions.scan("a\\n<!-- cchc-parse: disable-next-line CP050 -->\\nngày 31/02/2026")
>>> s.silences("CP050", 3), s.silences("CP050", 1)
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc_parse.validate.catalog import UNREADABLE
from cchc_parse.validate.findings import Finding

# --- patterns of this module --------------------------------------------------------------------------------
# An inline suppression a plan author writes in a text or markdown plan, as an HTML comment (invisible
# when markdown is rendered): "<!-- cchc-parse: disable CP010, CP011 -->" on its own line silences those
# rules in the whole file; "disable-next-line" the findings on the next line; "disable-line", written at
# the end of a line, that line's. No codes means every rule but CP000.
SUPPRESSION = re.compile(
    r"<!--\s*cchc-parse:\s*(?P<scope>disable(?:-next-line|-line)?)\b(?P<codes>[^>]*?)\s*-->", re.IGNORECASE
)

# The codes of a suppression, separated by commas or spaces ("CP010, CP011", "CP01").
SUPPRESSION_CODE = re.compile(r"[A-Za-z]{2}\d{1,3}")

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
            for m in SUPPRESSION.finditer(line):
                codes = {c.upper() for c in SUPPRESSION_CODE.findall(m["codes"])} or {ALL}
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

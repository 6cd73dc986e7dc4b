"""A factory of small plans for table-driven extraction tests."""

from __future__ import annotations

from cchc_parse import parse_text
from cchc_parse.models import PlanDocument


def plan(*body: str, title: str = "Kế hoạch cải cách hành chính năm 2026") -> PlanDocument:
    """A minimal plan: a title, then the given body lines, blank-line separated."""
    return parse_text("\n\n".join(["KẾ HOẠCH", title.removeprefix("Kế hoạch "), *body]), path="plan.txt")

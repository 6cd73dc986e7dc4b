"""A factory of small plans for table-driven extraction tests."""

from __future__ import annotations

from cchc_parse import parse_text
from cchc_parse.models import PlanDocument


def plan(*body: str, title: str = "Kế hoạch cải cách hành chính năm 2026") -> PlanDocument:
    """A minimal plan: a title, then the given body lines, blank-line separated."""
    return parse_text("\n\n".join(["KẾ HOẠCH", title.removeprefix("Kế hoạch "), *body]), path="plan.txt")


def letter(*body: str, to: str = "Kính gửi: Sở Công thương tỉnh Lào Cai") -> PlanDocument:
    """A minimal letter (Công văn): a number with its "V/v" subject line, an addressee, the given body."""
    head = [
        "UBND TỈNH LÀO CAI",
        "Số: 12/SNNMT-KHTC",
        "V/v tham gia ý kiến",
        "Lào Cai, ngày 17 tháng 7 năm 2026",
    ]
    return parse_text("\n\n".join([*head, to, *body]), path="letter.txt")

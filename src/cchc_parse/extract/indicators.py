"""Indicator records: quantified targets ("Tối thiểu 80% hồ sơ …", "ít nhất 02 tin, bài", "04 số/tháng").

Every item under a "Chỉ tiêu" heading is an indicator (required), even without a number; elsewhere a
paragraph or task-table row counts when it commits to a number with a unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.extract.areas import classify_area
from cchc_parse.extract.context import Context
from cchc_parse.extract.deadlines import find_deadline
from cchc_parse.extract.task_items import is_indicator_list
from cchc_parse.extract.task_tables import column_roles, is_task_table
from cchc_parse.grammar.pieces import words_pattern
from cchc_parse.models import Comparator, Indicator
from cchc_parse.structure.outline import Node

# --- patterns of this module --------------------------------------------------------------------------------
# A number as printed in targets: "80", "04", "1.500", "2,5".
NUMBER = r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?|\d+"

# A percentage: "80%", "80 %".
PERCENT = re.compile(rf"(?P<num>{NUMBER})\s*%")

DIGIT = re.compile(r"\d")

# "… trở lên" after a number: at least.
TRAILING_AT_LEAST = re.compile(r"^\s*trở lên", re.IGNORECASE)

# A number of thousands written with dot groups: "1.500", "12.000.000".
DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")

DATA = "indicators.json"
CUE_WINDOW = 40  # characters before a number searched for its cue word


@dataclass(frozen=True)
class Target:
    value: float
    unit: str
    comparator: Comparator
    cued: bool  # a target word ("tối thiểu", "phấn đấu", "ít nhất" …) stands before the number
    start: int


def _alternation(key: str) -> str:
    return words_pattern(lexicon.string_list(DATA, key)).pattern


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    unit = _alternation("count_units")
    period = _alternation("rate_periods")
    return {
        # "04 số/tháng", "2 lần/ năm", "01 tin, bài/tháng": a count per period.
        "rate": re.compile(rf"(?P<num>{NUMBER})\s+(?P<unit>(?:{unit})\s*/\s*(?:{period}))\b", re.IGNORECASE),
        # "02 tin, bài", "340 doanh nghiệp": a count of a known noun.
        "count": re.compile(rf"(?P<num>{NUMBER})\s+(?P<unit>{unit})(?![\w/])", re.IGNORECASE),
        "at_least": re.compile(
            rf"(?:{_alternation('at_least')})\s*(?:(?:tương ứng|từ|khoảng|là|mức)\s*)*$", re.IGNORECASE
        ),
        "at_most": re.compile(rf"(?:{_alternation('at_most')})\s*$", re.IGNORECASE),
        "cue": re.compile(rf"(?:{_alternation('target_cues')})", re.IGNORECASE),
    }


def _to_number(text: str) -> float:
    """'80' → 80, '1.500' → 1500 (dot groups thousands), '2,5' → 2.5."""
    if DOT_THOUSANDS.fullmatch(text):
        return float(text.replace(".", ""))
    try:
        return float(text.replace(",", "."))
    except ValueError:
        return float(re.match(r"\d+", text).group())  # type: ignore[union-attr]


def find_targets(text: str) -> list[Target]:
    """Every quantified target in ``text``, in order."""
    if not DIGIT.search(text):
        return []
    p = _patterns()
    found: list[Target] = []
    taken: list[tuple[int, int]] = []
    for kind in ("percent", "rate", "count"):
        pattern = PERCENT if kind == "percent" else p[kind]
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b in taken) or _is_date_or_code(text, m.start(), m.end()):
                continue
            taken.append((m.start(), m.end()))
            unit = "%" if kind == "percent" else re.sub(r"\s*/\s*", "/", m["unit"])
            found.append(_target(text, m.start(), m.end(), _to_number(m["num"]), unit, kind))
    return sorted(found, key=lambda t: t.start)


def _is_date_or_code(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 1) : start], text[end : end + 1]
    return (before in "/-." and before != "") or (after in "/-" and after != "")


def _target(text: str, start: int, end: int, value: float, unit: str, kind: str) -> Target:
    p = _patterns()
    before = text[max(0, start - CUE_WINDOW) : start]
    comparator: Comparator = "="
    if p["at_most"].search(before):
        comparator = "<="
    elif p["at_least"].search(before) or TRAILING_AT_LEAST.match(text[end:]):
        comparator = ">="
    if value == 100 and unit == "%":
        comparator = "="
    cued = bool(p["cue"].search(before)) or kind == "rate" or (value == 100 and unit == "%")
    return Target(value, unit, comparator, cued, start)


def extract_indicators(ctx: Context) -> list[Indicator]:
    drafts: list[tuple[int, int, Indicator]] = []
    required_blocks: set[int] = set()
    for node in ctx.root.walk()[1:]:
        if is_indicator_list(node):
            for i in _target_blocks(ctx, node):
                if i not in required_blocks:
                    required_blocks.add(i)
                    text = _without_label(ctx.blocks[i])
                    drafts.append((i, 0, _indicator(ctx, i, i, text, True)))
    for i in range(ctx.body_start, ctx.body_end):
        block = ctx.blocks[i]
        if block.kind == "paragraph" and i not in required_blocks:
            text = _without_label(block)
            if any(t.cued for t in find_targets(text)):
                drafts.append((i, 0, _indicator(ctx, i, i, text, False)))
    drafts.extend(_table_indicators(ctx))
    drafts.sort(key=lambda d: (d[0], d[1]))
    return [ind.model_copy(update={"id": f"I{n}"}) for n, (_, _, ind) in enumerate(drafts, start=1)]


def _target_blocks(ctx: Context, node: Node) -> list[int]:
    """Paragraphs under a 'Chỉ tiêu' heading: every item or paragraph, except sub-headings over others
    ('2.1. Đến năm 2030', '- Nông nghiệp công nghệ cao' standing over the target paragraphs)."""
    headings = {n.block for n in node.walk() if (n.children or n.end_block > n.block) and _is_heading_like(n)}
    return [
        i
        for i in range(node.block + 1, node.end_block + 1)
        if ctx.blocks[i].kind == "paragraph" and i not in headings and ctx.blocks[i].text
    ]


def _is_heading_like(node: Node) -> bool:
    return len(node.text) < 80 and not find_targets(node.text)


def _without_label(block: Block) -> str:
    """A paragraph's text after its item label ("Điều 3." stays: an article's text is its own)."""
    label = block.label
    return block.text[label.end :] if label is not None and label.kind != "article" else block.text


def _table_indicators(ctx: Context) -> list[tuple[int, int, Indicator]]:
    out = []
    for i, block in enumerate(ctx.blocks):
        if block.kind != "table" or not block.rows:
            continue
        roles = column_roles(block.rows[0])
        if not is_task_table(roles):
            continue
        for r, row in enumerate(block.rows[1:], start=1):
            text = " ".join(row[roles["task"]].split()) if roles["task"] < len(row) else ""
            targets = [t for t in find_targets(text) if t.unit != "%" or t.cued]
            if targets:
                out.append((i, r, _indicator(ctx, i, i, text, False, row=r)))
    return out


def _indicator(
    ctx: Context, first: int, last: int, text: str, required: bool, row: int | None = None
) -> Indicator:
    targets = find_targets(text)
    main = targets[0] if targets else None
    owner: Node | None = ctx.section_of(first)
    return Indicator(
        id="",
        section=owner.path if owner else None,
        text=" ".join(text.split()),
        value=main.value if main else None,
        unit=main.unit if main else None,
        comparator=main.comparator if main else None,
        required=required,
        deadline=find_deadline(text, plan_year=ctx.plan_year),
        area=classify_area(ctx.section_titles(owner), text) if ctx.is_cchc else None,
        span=ctx.index.span(first, last, row=row),
    )

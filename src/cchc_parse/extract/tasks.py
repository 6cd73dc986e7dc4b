"""Task records: table rows, duties assigned to agencies, and items under task headings.

See tests/fixtures/gold/SPEC.md for what counts as a task.
"""

from __future__ import annotations

import re

from cchc_parse.extract.agencies import split_agencies
from cchc_parse.extract.agency_text import agency_list
from cchc_parse.extract.areas import classify_area
from cchc_parse.extract.assignments import all_assignments, lead_in_agencies, leading_agencies
from cchc_parse.extract.context import Context
from cchc_parse.extract.deadlines import parse_deadline
from cchc_parse.extract.flat_tables import flat_table_tasks
from cchc_parse.extract.requests import request_candidates
from cchc_parse.extract.task_candidates import Candidate, Draft, Source, resolve
from cchc_parse.extract.task_items import (
    attribute_of,
    is_demand_list,
    is_indicator_list,
    is_task_list,
    make_task,
    under_role_duties,
)
from cchc_parse.extract.task_tables import TableTask, table_tasks
from cchc_parse.models import Task
from cchc_parse.structure.outline import Node

# --- patterns of this module --------------------------------------------------------------------------------
# "Sở Nội vụ chủ trì, …" / "… do Sở Tư pháp chủ trì": an item that names its lead agency.
NAMED_LEAD = re.compile(
    r"(?:^|\bdo\s+|\bgiao\s+)(?P<who>(?:Sở|Văn phòng|Ban|UBND|Ủy ban)[^,;:]{2,60}?)\s+chủ trì", re.IGNORECASE
)

# The end of a line that only introduces the items under it: "… bao gồm:", "… như sau:", "… sau:".
LEAD_IN_END = re.compile(r"(?:\bgồm|\bsau|\bnhư)\s*:$", re.IGNORECASE)

__all__ = ["extract_tasks"]


def extract_tasks(ctx: Context) -> list[Task]:
    """Every source's candidates, resolved (:mod:`cchc_parse.extract.task_candidates`), numbered."""
    drafts = resolve(ctx, SOURCES)
    return [task.model_copy(update={"id": f"T{n}"}) for n, (_, _, task) in enumerate(drafts, start=1)]


# --- sources ------------------------------------------------------------------------------------------


def _tables(ctx: Context, claimed: frozenset[int]) -> list[Candidate]:
    """The rows of task tables (a table is no outline item: its rows always stand)."""
    out: list[Candidate] = []
    for i, block in enumerate(ctx.blocks):
        if block.kind == "table":
            rows = flat_table_tasks(i, block.rows) if block.flattened else table_tasks(i, block.rows)
            out.extend(Candidate.made([(i, row.row, _from_table(ctx, row))]) for row in rows)
    return out


def _assignments(ctx: Context, claimed: frozenset[int]) -> list[Candidate]:
    """Duties assigned to agencies: they stand, and take their items from the sources after them."""
    out = []
    for draft in all_assignments(ctx):
        owner = ctx.section_of(draft[0])  # a paragraph's duty takes the item it stands under as well
        out.append(Candidate.made([draft], claims=[draft[0], *([owner.block] if owner else [])]))
    return out


def _attribute_items(ctx: Context, claimed: frozenset[int]) -> list[Candidate]:
    if not ctx.is_plan:
        return []
    return [c for node in ctx.root.walk()[1:] for c in _attribute_task(ctx, node)]


def _lists(ctx: Context, claimed: frozenset[int]) -> list[Candidate]:
    if not ctx.is_plan:  # a record's or notice's demands of the parties ("1. Yêu cầu của Sở Công Thương")
        demands = [node for node in ctx.root.walk()[1:] if is_demand_list(node)]
        innermost = [
            n for n in demands if not any(is_demand_list(d) for d in n.walk()[1:])
        ]  # not "VI. YÊU CẦU …"
        return [c for node in innermost for c in _list_items(ctx, node)]
    lists = [node for node in ctx.root.walk()[1:] if is_task_list(node) and not under_role_duties(ctx, node)]
    return [c for node in lists for c in _list_items(ctx, node)]


def _from_table(ctx: Context, row: TableTask) -> Task:
    owner = ctx.section_of(row.block)
    titles = ([row.group] if row.group else []) + ctx.section_titles(owner)
    return Task(
        id="",
        origin="table",
        section=owner.path if owner else None,
        text=row.text,
        lead=row.lead,
        partners=row.partners,
        output=row.output,
        deadline=parse_deadline(row.deadline_text, plan_year=ctx.plan_year) if row.deadline_text else None,
        area=classify_area(titles, row.text) if ctx.is_cchc else None,
        span=ctx.index.span(row.block, row=row.row),
    )


def _attribute_task(ctx: Context, node: Node) -> list[Candidate]:
    """An item whose sub-items say who leads it and when: '- Cơ quan chủ trì: …', '- Thời gian: …'.

    'Nhiệm vụ: …' sub-items (inline, or with bullets under them) are the tasks; otherwise the item is. The
    candidate takes everything under the item.
    """
    if node.kind in ("roman", "part") or (node.is_bullet and not node.children):
        return []  # "II. THỜI GIAN VÀ PHẠM VI" over "1. Thời gian: …": a part of the plan, no task
    if any(_heads_task_list(c) for c in node.children):
        return []  # "2. Tháng hành động" over "b) Thời gian: …" and "d) Các hoạt động chính": a group
    attrs, duties = _collect_attributes(node)
    if "lead" not in attrs and "deadline" not in attrs:
        return []
    update: dict[str, object] = {
        "lead": agency_list(attrs.get("lead", "")),
        "partners": agency_list(attrs.get("partners", "")),
        "output": attrs.get("output") or None,
    }
    deadline = attrs.get("deadline")
    if deadline:
        update["deadline"] = parse_deadline(deadline, plan_year=ctx.plan_year)

    def make() -> list[Draft]:
        drafts = []
        for item, text in duties or [(node, node.text)]:
            block, row, task = make_task(ctx, item, "list", text, [])
            drafts.append((block, row, task.model_copy(update=update)))
        return drafts

    return [Candidate(make, frozenset([node.block]), frozenset(n.block for n in node.walk()))]


def _heads_task_list(node: Node) -> bool:
    """A task-list heading of its own ("d) Các hoạt động chính"), not an item's "a) Nhiệm vụ:" attribute."""
    return is_task_list(node) and attribute_of(node.text) is None


def _attribute_siblings(ctx: Context, claimed: frozenset[int]) -> list[Candidate]:
    """Items beside attribute tasks are tasks too, though they name no lead ('6. Tổ chức triển khai …'):
    where most items of a parent are tasks already."""
    out: list[Candidate] = []
    if not ctx.is_plan:
        return out
    for parent in ctx.root.walk():
        items = [c for c in parent.children if not c.is_bullet]
        done = [c for c in items if c.block in claimed]
        if len(done) >= 2 and len(done) * 2 >= len(items):
            for item in items:
                if not item.children:
                    out.append(_item_candidate(ctx, item))
    return out


def _collect_attributes(node: Node) -> tuple[dict[str, str], list[tuple[Node, str]]]:
    attrs: dict[str, str] = {}
    duties: list[tuple[Node, str]] = []
    for child in node.children:
        found = attribute_of(child.text)
        if found is None:
            if child.children and LEAD_IN_END.search(child.text):  # "- Các nội dung … bao gồm:" over "+ …"
                duties.extend((g, g.text) for g in child.children)
            continue
        role, value = found
        if role == "text":
            duties.extend([(child, value)] if value else [(g, g.text) for g in child.children])
        elif not value:  # "Cơ quan thực hiện:" over "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …"
            doers: list[str] = []
            for grandchild in child.children:
                inner = attribute_of(grandchild.text)
                if inner and inner[1]:
                    attrs.setdefault(*inner)
                elif role == "lead":  # "+ Sở Xây dựng đăng tải thông điệp …": the body opening the line
                    doers.extend(leading_agencies(grandchild.text))
            if doers:
                attrs.setdefault("lead", "; ".join(doers))
        else:
            attrs.setdefault(role, value)
    return attrs, duties


def _list_items(ctx: Context, node: Node) -> list[Candidate]:
    """Items directly under a heading that names tasks (for a whole NHIỆM VỤ section: under its areas)."""
    out: list[Candidate] = []
    for child in node.children:
        if is_indicator_list(child) or is_task_list(child):
            continue
        if not child.children:
            out.append(_item_candidate(ctx, child, lead=lead_in_agencies(ctx, node)))
            continue
        lead = lead_in_agencies(ctx, child)
        for item in _listed(child):
            if item.is_bullet or not item.children:
                out.append(_item_candidate(ctx, item, also=[child.block], lead=lead))
                continue
            # "9. Tăng cường hợp tác quốc tế, thông tin …" → "a) Hợp tác quốc tế" → its bullets: the tasks
            heads, inner = [child.block, item.block], lead_in_agencies(ctx, item) or lead
            out.extend(
                _item_candidate(ctx, leaf, also=heads, lead=inner)
                for leaf in _listed(item)
                if not leaf.children
            )
    return out


def _listed(node: Node) -> list[Node]:
    return [c for c in node.children if not is_indicator_list(c) and not is_task_list(c)]


def _item_candidate(
    ctx: Context, item: Node, also: list[int] | None = None, lead: list[str] | None = None
) -> Candidate:
    """A list task from an item, with the lead its text names ("Sở Nội vụ chủ trì, …"), else ``lead``,
    that of a lead-in above it."""
    return Candidate.item(
        item.block,
        lambda: make_task(ctx, item, "list", item.text, _lead_in(item.text) or list(lead or [])),
        also=also or [],
    )


def _lead_in(text: str) -> list[str]:
    m = NAMED_LEAD.search(text[:200])
    return split_agencies(m["who"]) if m else []


# the sources by name; tasks.json's source_priority says in which order they claim items
SOURCES: dict[str, Source] = {
    "tables": _tables,
    "assignments": _assignments,
    "attribute items": _attribute_items,
    "attribute siblings": _attribute_siblings,
    "lists": _lists,
    "requests": request_candidates,
}

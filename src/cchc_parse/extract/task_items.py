"""Shared pieces of task extraction: heading kinds, item attributes, a Task from an outline item."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from cchc_parse import lexicon
from cchc_parse.extract.agencies import looks_like_agency
from cchc_parse.extract.agency_text import agency_list
from cchc_parse.extract.areas import classify_area
from cchc_parse.extract.context import Context
from cchc_parse.extract.deadlines import find_deadline, parse_deadline
from cchc_parse.grammar.pieces import words_pattern
from cchc_parse.models import Deadline, Span, Task, TaskOrigin
from cchc_parse.structure.outline import SECTIONS, Node

# --- patterns of this module --------------------------------------------------------------------------------
# "phối hợp với các cơ quan, đơn vị liên quan tuyên truyền…": the partners named after "phối hợp với",
# up to the verb that starts the duty or the end of the clause.
PARTNERS_AFTER = re.compile(
    r"phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<who>.+?)(?=\s+(?:để|trong|tuyên truyền|tổ chức|thực hiện|tham mưu"
    r"|triển khai|xây dựng|rà soát|đăng tải|tiếp tục|tiến hành|hướng dẫn)\b|[;:.(]|$)",
    re.IGNORECASE,
)

TASKS = "tasks.json"
INDICATOR_HEADING_MAX = 100  # a heading naming targets ("đạt các mục tiêu, chỉ tiêu sau") is short


@cache
def _titles(key: str) -> tuple[str, ...]:
    return tuple(t.casefold() for t in lexicon.string_list(SECTIONS, key))


@lru_cache(maxsize=4096)
def title_key(title: str) -> str:
    return " ".join(title.casefold().strip(" .:;").split())


def is_enactment(node: Node) -> bool:
    """A regulation's closing article ("Điều 18. Điều khoản thi hành", "Hiệu lực thi hành"): no duty."""
    return title_key(node.title) in _titles("enactment_titles")


def is_execution(node: Node) -> bool:
    key = title_key(node.title)
    return any(key.startswith(t) for t in _titles("execution_titles"))


TASK_LIST_WORDS = 12  # a heading over task items is short; a longer title is an item itself


def is_task_list(node: Node) -> bool:
    """A heading that names tasks: one of the task-list titles, maybe qualified after it ("Nhiệm vụ và
    giải pháp chủ yếu", "Nhiệm vụ trọng tâm năm 2026"), but not a body's own duties ("Nhiệm vụ của …")."""
    key = title_key(node.title)
    if len(key.split()) > TASK_LIST_WORDS or key.startswith(_titles("task_list_not")):
        return False
    return any(key == t or key.startswith((t + " ", t + ",")) for t in _titles("task_list_titles"))


def is_demand_list(node: Node) -> bool:
    """A record's or notice's heading over what a body demands ("Yêu cầu của Sở Công Thương")."""
    key = title_key(node.title)
    return any(key.startswith(t + " ") for t in _titles("demand_titles"))


def is_role_duties(node: Node) -> bool:
    """'Nhiệm vụ và quyền hạn của …', 'Nhiệm vụ của …': what a body or role does (task_list_not)."""
    return title_key(node.title).startswith(_titles("task_list_not"))


def under_role_duties(ctx: Context, node: Node) -> bool:
    """'Chương III. NHIỆM VỤ VÀ QUYỀN HẠN CỦA GIẢNG VIÊN' > … > '1. Nhiệm vụ': a role's standing duties in a
    regulation, its norms, neither assignments nor list tasks."""
    return any(map(is_role_duties, ctx.ancestors.get(id(node), [])[:-1]))


def is_indicator_list(node: Node) -> bool:
    """'Chỉ tiêu', 'Mục tiêu cụ thể', or a short heading over targets ('… đạt các chỉ tiêu sau')."""
    key = title_key(node.title)
    if key in _titles("indicator_titles"):
        return True
    return bool(node.children) and len(key) < INDICATOR_HEADING_MAX and "chỉ tiêu" in key


def make_task(
    ctx: Context, node: Node, origin: TaskOrigin, text: str, lead: list[str]
) -> tuple[int, int, Task]:
    """A task from an outline item; its deadline may sit anywhere in the item's text."""
    span = ctx.index.span(node.block, node.end_block)
    return (
        node.block,
        0,
        _task(ctx, node, origin, text, lead, ctx.text_of(node), _trailing_attributes(ctx, node), span),
    )


def paragraph_tasks(
    ctx: Context, node: Node, origin: TaskOrigin, lead: list[str]
) -> list[tuple[int, int, Task]]:
    """One task per unlabelled paragraph under an item that has no sub-items ("2. Giao Sở Xây dựng" over
    "Chủ trì, phối hợp …" / "Đồng thời, …"), each with ``lead``."""
    return [
        block_task(ctx, node, i, origin, block.text, lead)
        for i, block in enumerate(ctx.blocks[node.block + 1 : node.end_block + 1], start=node.block + 1)
        if block.kind == "paragraph" and block.label is None and block.text.strip()
    ]


def block_task(
    ctx: Context, node: Node, i: int, origin: TaskOrigin, text: str, lead: list[str]
) -> tuple[int, int, Task]:
    """The task ``text`` of the paragraph at ``i`` (under ``node``), its deadline read in that paragraph."""
    return (i, 0, _task(ctx, node, origin, text, lead, ctx.blocks[i].text, {}, ctx.index.span(i)))


def _task(
    ctx: Context,
    node: Node,
    origin: TaskOrigin,
    text: str,
    lead: list[str],
    full: str,
    attrs: dict[str, str],
    span: Span,
) -> Task:
    """The task of ``text`` under ``node``: ``full`` is where its deadline and area are read, ``attrs`` the
    attribute lines that go with it."""
    parent = _section_node(ctx, node)
    return Task(
        id="",
        origin=origin,
        section=parent.path if parent else None,
        text=text.strip(),
        lead=list(lead),
        partners=_partners_in(text),
        output=attrs.get("output"),
        deadline=_deadline(attrs.get("deadline"), full, ctx.plan_year),
        area=classify_area(ctx.section_titles(parent), full) if ctx.is_cchc else None,
        span=span,
    )


def _deadline(printed: str | None, full: str, plan_year: int | None) -> Deadline | None:
    if printed:
        return parse_deadline(printed, plan_year=plan_year)
    return find_deadline(full, plan_year=plan_year)


def _trailing_attributes(ctx: Context, node: Node) -> dict[str, str]:
    """'Thời gian thực hiện: …' paragraphs right under an item (not numbered items of their own)."""
    attrs: dict[str, str] = {}
    for i in range(node.block + 1, node.end_block + 1):
        block = ctx.blocks[i]
        found = attribute_of(block.text) if block.kind == "paragraph" else None
        if found:
            attrs.setdefault(*found)
    return attrs


def _section_node(ctx: Context, node: Node) -> Node | None:
    """The item itself, or for a bullet the nearest numbered item above it."""
    chain = ctx.ancestors.get(id(node), [])
    for candidate in reversed(chain):
        if not candidate.is_bullet:
            return candidate
    return None


def _partners_in(text: str) -> list[str]:
    m = PARTNERS_AFTER.search(text[:300])
    if not m:
        return []
    who = m["who"].strip(" ,")
    return agency_list(who) if looks_like_agency(who) or who.casefold().startswith("các") else []


@cache
def _attribute_words() -> dict[str, tuple[str, ...]]:
    attrs = lexicon.load_json(TASKS)["attributes"]
    return {
        role: tuple(sorted((w.casefold() for w in words), key=len, reverse=True))
        for role, words in attrs.items()
    }


def attribute_of(text: str) -> tuple[str, str] | None:
    """('lead', 'Sở Tư pháp') for '- Cơ quan chủ trì: Sở Tư pháp'."""
    head, colon, value = text.partition(":")
    if not colon:
        return _deadline_without_colon(text)
    key = title_key(head)
    for role, words in _attribute_words().items():
        if key in words:
            return role, value.strip().rstrip(".;")
    return None


@cache
def _deadline_key() -> re.Pattern[str]:
    return re.compile(rf"(?:{words_pattern(_attribute_words()['deadline']).pattern})\s+(?=[a-zà-ỹđ])", re.I)


def _deadline_without_colon(text: str) -> tuple[str, str] | None:
    """'Thời gian thực hiện sau khi Chiến lược … được ban hành.' (no colon after the key)."""
    key = _deadline_key().match(text) if text[:1] in "TtKk" else None
    return ("deadline", text[key.end() :].strip().rstrip(".;")) if key else None


def is_attribute(node: Node) -> bool:
    return attribute_of(node.text) is not None

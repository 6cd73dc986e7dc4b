"""Task records: table rows, duties assigned to agencies, and items under task headings.

See tests/fixtures/gold/SPEC.md for what counts as a task.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from cchc_parse import resources, rules
from cchc_parse.extract.agencies import looks_like_agency, split_agencies, strip_agency_prefix
from cchc_parse.extract.areas import classify_area
from cchc_parse.extract.context import Context
from cchc_parse.extract.deadlines import find_deadline, parse_deadline
from cchc_parse.extract.task_tables import TableTask, table_tasks
from cchc_parse.models import Deadline, Task, TaskOrigin
from cchc_parse.structure.outline import SECTIONS, Node

TASKS = "tasks.json"
HEADING_MAX = 80  # an item title shorter than this, with no sentence after it, is a heading over its bullets


@cache
def _titles(key: str) -> frozenset[str]:
    return frozenset(t.casefold() for t in resources.string_list(SECTIONS, key))


@lru_cache(maxsize=4096)
def _title_key(title: str) -> str:
    return " ".join(title.casefold().strip(" .:;").split())


def is_execution(node: Node) -> bool:
    key = _title_key(node.title)
    return any(key.startswith(t) for t in _titles("execution_titles"))


def is_task_list(node: Node) -> bool:
    return _title_key(node.title) in _titles("task_list_titles")


def is_indicator_list(node: Node) -> bool:
    return _title_key(node.title) in _titles("indicator_titles")


def extract_tasks(ctx: Context) -> list[Task]:
    drafts: list[tuple[int, int, Task]] = []
    for i, block in enumerate(ctx.blocks):
        if block.kind == "table":
            for row in table_tasks(i, block.rows):
                drafts.append((i, row.row, _from_table(ctx, row)))
    drafts.extend(_all_assignments(ctx))
    for node in ctx.root.walk()[1:]:
        drafts.extend(_attribute_task(ctx, node))
    drafts.extend(_attribute_siblings(ctx))
    for node in ctx.root.walk()[1:]:
        if is_task_list(node):
            drafts.extend(_list_items(ctx, node))
    drafts.sort(key=lambda d: (d[0], d[1]))
    return [task.model_copy(update={"id": f"T{n}"}) for n, (_, _, task) in enumerate(drafts, start=1)]


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


def _make(ctx: Context, node: Node, origin: TaskOrigin, text: str, lead: list[str]) -> tuple[int, int, Task]:
    """A task from an outline item; its deadline may sit anywhere in the item's text."""
    ctx.consumed.add(node.block)
    full = ctx.text_of(node)
    parent = _section_node(ctx, node)
    partners = _partners_in(text)
    attrs = _trailing_attributes(ctx, node)
    task = Task(
        id="",
        origin=origin,
        section=parent.path if parent else None,
        text=text.strip(),
        lead=lead,
        partners=partners,
        output=attrs.get("output"),
        deadline=_deadline(attrs.get("deadline"), full, ctx.plan_year),
        area=classify_area(ctx.section_titles(parent), full) if ctx.is_cchc else None,
        span=ctx.index.span(node.block, node.end_block),
    )
    return node.block, 0, task


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
    m = rules.PARTNERS_AFTER.search(text[:300])
    if not m:
        return []
    who = m["who"].strip(" ,")
    return split_agencies(who) if looks_like_agency(who) or who.casefold().startswith("các") else []


def agency_clause(text: str) -> tuple[str, str] | None:
    """Split 'Sở Tư pháp: lồng ghép …' into (agency part, duty); None when no agency leads the text."""
    listed = rules.LISTED_AFTER.match(text)
    start = listed.end() if listed else 0
    for m in re.finditer(":", text[start:400]):
        before = text[start : start + m.start()]
        if rules.EXPANDING_COLON.search(before):
            continue
        agency = _clean_agency(before)
        if _all_agencies(agency):
            return agency, text[start + m.end() :].strip()
        break
    duty = rules.DUTY.search(text, start) if listed else None  # "… gồm: A, B chịu trách nhiệm …"
    if duty and _all_agencies(_clean_agency(text[start : duty.start()])):
        return _clean_agency(text[start : duty.start()]), text[duty.start() :].strip()
    return None


def _all_agencies(text: str) -> bool:
    """True when ``text`` is only a list of agencies (no duty verbs mixed in)."""
    parts = split_agencies(text)
    return (
        bool(parts)
        and looks_like_agency(text)
        and all(_agency_like(p) and not _duty_verbs().search(f" {p}") for p in parts)
    )


def _agency_like(piece: str) -> bool:
    """An agency, also when a list continues in lower case ('…, đơn vị trực thuộc Sở')."""
    if looks_like_agency(piece) or looks_like_agency(piece[:1].upper() + piece[1:]):
        return True
    return piece.casefold().startswith(resources.string_list(TASKS, "agency_continuations"))


def agency_list(text: str) -> list[str]:
    """Agencies named in a free sentence ('Sở Khoa học và Công nghệ tiến hành rà soát …; các sở, ngành …'):
    each piece is cut at its first duty verb, and pieces that are not agencies are dropped."""
    out: list[str] = []
    for piece in split_agencies(text):
        verb = _duty_verbs().search(f" {piece}")
        piece = _clean_agency(piece[: verb.start()] if verb else piece)
        if piece and _agency_like(piece) and piece not in out:
            out.append(piece)
    return out


def _clean_agency(text: str) -> str:
    text = rules.PARENTHESES.sub("", strip_agency_prefix(text.strip()))
    return rules.ROLE_AFTER_DASH.sub("", text).strip(" :;.")


def _agencies_of_heading(node: Node) -> list[str] | None:
    """Agencies named by an execution item's title; None when the title names none."""
    heading = _untruncated_title(node)
    responsibility = rules.RESPONSIBILITY.match(heading)
    title = _clean_agency(heading[responsibility.end() :] if responsibility else heading)
    if node.inferred or not title:
        return []
    if responsibility and not node.children:
        return split_agencies(title)
    named = (
        looks_like_agency(title)
        and not rules.DUTY.search(title)
        and all(map(_agency_like, split_agencies(title)))
    )
    return split_agencies(title) if named or _under_responsibility(node) else None


def _all_assignments(ctx: Context) -> list[tuple[int, int, Task]]:
    """Duties under the execution section, and under any 'Nhiệm vụ/Trách nhiệm của X' heading elsewhere."""
    out: list[tuple[int, int, Task]] = []
    done: set[int] = set()
    for node in ctx.root.walk()[1:]:
        chain = ctx.ancestors.get(id(node), [])
        if any(id(a) in done for a in chain[:-1]) or node.is_bullet:
            continue
        if is_execution(node):
            out.extend(_assignments(ctx, node))
        elif rules.RESPONSIBILITY.match(node.title) and node.children:
            out.extend(_assignment_item(ctx, node, None))
        else:
            continue
        done.add(id(node))
    return out


def _assignments(ctx: Context, section: Node) -> list[tuple[int, int, Task]]:
    out: list[tuple[int, int, Task]] = []
    for item in section.children:
        if item.is_bullet:
            continue
        out.extend(_assignment_item(ctx, item, None))
    return out


def _untruncated_title(node: Node) -> str:
    """The item's title without the length cut that display titles get."""
    title = node.title
    return node.text if title.endswith("…") and not title.rstrip("…").endswith(":") else title


@cache
def _duty_verbs() -> re.Pattern[str]:
    verbs = resources.string_list(TASKS, "duty_verbs")
    return re.compile(r"\s(?:" + rules.words_pattern(verbs, ignore_case=False).pattern + r")\b")


def leading_agencies(text: str) -> list[str]:
    """Agencies that open a sentence: 'Sở Tư pháp tổng hợp, báo cáo …' → ['Sở Tư pháp'].

    The agency part ends at the first duty verb (a data list); nothing is returned unless every piece of it
    looks like an agency.
    """
    clause = agency_clause(text)
    if clause is not None:
        return split_agencies(clause[0])
    text = rules.OPENING_CLAUSE.sub("", text, count=1)
    verb = _duty_verbs().search(text[:300])
    if verb is None:
        return []
    head = _clean_agency(text[: verb.start()])
    return split_agencies(head) if _all_agencies(head) else []


def _under_responsibility(node: Node) -> bool:
    """True for the member headings under 'Nhiệm vụ của thành viên Ban Chỉ đạo' and the like."""
    return node.kind.startswith("decimal") and "." in node.label and bool(node.children)


def _assignment_item(ctx: Context, item: Node, inherited: list[str] | None) -> list[tuple[int, int, Task]]:
    clause = agency_clause(item.text)
    if clause is not None:
        agency, duty = clause
        named = split_agencies(agency)
        items = [c for c in item.children if not _is_attribute(c)]
        if not items:
            return [_make(ctx, item, "assignment", duty, named)]
        return [_make(ctx, c, "assignment", c.text, named) for c in items]
    lead = _agencies_of_heading(item)
    numbered = [c for c in item.children if not c.is_bullet]
    if lead is None and numbered and rules.RESPONSIBILITY.match(item.title):
        return [task for c in numbered for task in _assignment_item(ctx, c, inherited)]
    if lead is None:
        bullets = [c for c in item.children if c.is_bullet]
        heading_only = len(item.title) < HEADING_MAX and item.title == item.text.rstrip(":.")
        if bullets and heading_only and bullets[0].block == item.block + 1:
            return [
                _make(ctx, b, "assignment", b.text, inherited or leading_agencies(b.text)) for b in bullets
            ]
        return [_make(ctx, item, "assignment", item.text, inherited or leading_agencies(item.text))]
    if not item.children:
        body = ctx.text_of(item)[len(item.text) :].strip()
        return [_make(ctx, item, "assignment", body or item.text, lead)]
    out: list[tuple[int, int, Task]] = []
    for child in item.children:
        if child.kind == "letter" or child.kind.startswith("decimal"):
            out.extend(_assignment_item(ctx, child, lead))
        else:
            out.append(_make(ctx, child, "assignment", child.text, lead))
    return out


@cache
def _attribute_words() -> dict[str, tuple[str, ...]]:
    attrs = resources.load_json(TASKS)["attributes"]
    return {
        role: tuple(sorted((w.casefold() for w in words), key=len, reverse=True))
        for role, words in attrs.items()
    }


def attribute_of(text: str) -> tuple[str, str] | None:
    """('lead', 'Sở Tư pháp') for '- Cơ quan chủ trì: Sở Tư pháp'."""
    head, colon, value = text.partition(":")
    if not colon:
        return _deadline_without_colon(text)
    key = _title_key(head)
    for role, words in _attribute_words().items():
        if key in words:
            return role, value.strip().rstrip(".;")
    return None


@cache
def _deadline_key() -> re.Pattern[str]:
    return re.compile(
        rf"(?:{rules.words_pattern(_attribute_words()['deadline']).pattern})\s+(?=[a-zà-ỹđ])", re.I
    )


def _deadline_without_colon(text: str) -> tuple[str, str] | None:
    """'Thời gian thực hiện sau khi Chiến lược … được ban hành.' (no colon after the key)."""
    key = _deadline_key().match(text) if text[:1] in "TtKk" else None
    return ("deadline", text[key.end() :].strip().rstrip(".;")) if key else None


def _is_attribute(node: Node) -> bool:
    return attribute_of(node.text) is not None


def _attribute_task(ctx: Context, node: Node) -> list[tuple[int, int, Task]]:
    """An item whose sub-items say who leads it and when: '- Cơ quan chủ trì: …', '- Thời gian: …'.

    'Nhiệm vụ: …' sub-items (inline, or with bullets under them) are the tasks; otherwise the item is.
    """
    if node.block in ctx.consumed or (node.is_bullet and not node.children):
        return []
    attrs, duties = _collect_attributes(node)
    if "lead" not in attrs and "deadline" not in attrs:
        return []
    for child in node.walk()[1:]:
        ctx.consumed.add(child.block)
    update: dict[str, object] = {
        "lead": agency_list(attrs.get("lead", "")),
        "partners": agency_list(attrs.get("partners", "")),
        "output": attrs.get("output") or None,
    }
    deadline = attrs.get("deadline")
    if deadline:
        update["deadline"] = parse_deadline(deadline, plan_year=ctx.plan_year)
    out = []
    for item, text in duties or [(node, node.text)]:
        block, row, task = _make(ctx, item, "list", text, [])
        out.append((block, row, task.model_copy(update=update)))
    return out


def _attribute_siblings(ctx: Context) -> list[tuple[int, int, Task]]:
    """Items beside attribute tasks are tasks too, though they name no lead ('6. Tổ chức triển khai …')."""
    out: list[tuple[int, int, Task]] = []
    for parent in ctx.root.walk():
        items = [c for c in parent.children if not c.is_bullet]
        done = [c for c in items if c.block in ctx.consumed]
        if len(done) >= 2 and len(done) * 2 >= len(items):
            for item in items:
                if item.block not in ctx.consumed and not item.children:
                    out.append(_make(ctx, item, "list", item.text, _lead_in(item.text)))
    return out


def _collect_attributes(node: Node) -> tuple[dict[str, str], list[tuple[Node, str]]]:
    attrs: dict[str, str] = {}
    duties: list[tuple[Node, str]] = []
    for child in node.children:
        found = attribute_of(child.text)
        if found is None:
            continue
        role, value = found
        if role == "text":
            duties.extend([(child, value)] if value else [(g, g.text) for g in child.children])
        elif not value:  # "Cơ quan thực hiện:" over "- Đơn vị chủ trì: …" / "- Đơn vị phối hợp: …"
            for grandchild in child.children:
                inner = attribute_of(grandchild.text)
                if inner and inner[1]:
                    attrs.setdefault(*inner)
        else:
            attrs.setdefault(role, value)
    return attrs, duties


def _list_items(ctx: Context, node: Node) -> list[tuple[int, int, Task]]:
    """Items directly under a heading that names tasks (for a whole NHIỆM VỤ section: under its areas)."""
    out: list[tuple[int, int, Task]] = []
    for child in node.children:
        if child.block in ctx.consumed or is_indicator_list(child) or is_task_list(child):
            continue
        subitems = [c for c in child.children if not is_indicator_list(c) and not is_task_list(c)]
        if node.level == 1 and child.children and len(child.title) < 120:
            for item in subitems:
                if item.is_bullet and item.block not in ctx.consumed:
                    out.append(_make(ctx, item, "list", item.text, _lead_in(item.text)))
        else:
            out.append(_make(ctx, child, "list", child.text, _lead_in(child.text)))
    return out


def _lead_in(text: str) -> list[str]:
    m = rules.NAMED_LEAD.search(text[:200])
    return split_agencies(m["who"]) if m else []

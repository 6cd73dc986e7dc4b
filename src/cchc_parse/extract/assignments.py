"""Duties assigned to named agencies: the execution section and "Trách nhiệm của X" items."""

from __future__ import annotations

import re

from cchc_parse.extract.agencies import looks_like_agency, split_agencies
from cchc_parse.extract.agency_text import agency_like, all_agencies, clean_agency, duty_verbs, is_collective
from cchc_parse.extract.context import Context
from cchc_parse.extract.task_items import (
    is_attribute,
    is_enactment,
    is_execution,
    is_task_list,
    make_task,
    paragraph_tasks,
    under_role_duties,
)
from cchc_parse.extract.title_case import upper_first
from cchc_parse.models import Task
from cchc_parse.structure.outline import Node

# --- patterns of this module --------------------------------------------------------------------------------
# "Trách nhiệm của X" / "Nhiệm vụ của X" opening an item: X is the agency.
RESPONSIBILITY = re.compile(r"^(?:trách nhiệm(?:\s+của)?|nhiệm vụ\s+của)\s+", re.IGNORECASE)

# A colon that expands a list of department names rather than closing the agency part: "các sở: Nội vụ".
EXPANDING_COLON = re.compile(r"\b(?:các\s+)?(?:sở|bộ|ngành)\s*$", re.IGNORECASE)

# "X gồm: A, B …": the agencies are listed after "gồm:".
LISTED_AFTER = re.compile(r"^.{0,160}?\bgồm\s*:\s*", re.IGNORECASE)

# A duty that follows an agency name without a colon: "… Sở Tài chính chịu trách nhiệm hướng dẫn …".
DUTY = re.compile(r"\s(?:chịu trách nhiệm|có trách nhiệm)\b", re.IGNORECASE)

# An opening clause before the subject of a duty: "Căn cứ nội dung Kế hoạch, …", "Trên cơ sở …, ".
OPENING_CLAUSE = re.compile(r"^(?:căn cứ|trên cơ sở|để|nhằm)\b[^,;:]{0,160},\s*", re.IGNORECASE)

# A lead-in that names who leads: "Giao Văn phòng Sở chủ trì, phối hợp với … triển khai các công việc sau:";
# the lead is the body before "chủ trì" (the others are partners, on the items' own texts).
LEADS_IN = re.compile(r"^(?P<lead>[^,;:]{2,80}?)\s+chủ trì\b")

# A full stop inside a text and the letter after it: a capital there ends a sentence.
SENTENCE_BREAK = re.compile(r"\.\s+(\w)")

# Words after "Trách nhiệm của" ("của" printed: "Trách nhiệm thi hành" is none) that name a body even
# without a head word ("nhà đầu tư").
NAMED_BODY_MAX = 4
HEADING_MAX = 80  # an item title shorter than this, with no sentence after it, is a heading over its bullets


def agency_clause(text: str) -> tuple[str, str] | None:
    """Split 'Sở Tư pháp: lồng ghép …' into (agency part, duty); None when no agency leads the text."""
    listed = LISTED_AFTER.match(text)
    start = listed.end() if listed else 0
    for m in re.finditer(":", text[start:400]):
        before = text[start : start + m.start()]
        if EXPANDING_COLON.search(before):
            continue
        agency = clean_agency(before)
        if all_agencies(agency):
            return agency, text[start + m.end() :].strip()
        break
    duty = DUTY.search(text, start) if listed else None  # "… gồm: A, B chịu trách nhiệm …"
    if duty and all_agencies(clean_agency(text[start : duty.start()])):
        return clean_agency(text[start : duty.start()]), text[duty.start() :].strip()
    return None


def _agencies_of_heading(node: Node) -> list[str] | None:
    """Agencies named by an execution item's title; None when the title names none."""
    heading = _untruncated_title(node)
    responsibility = RESPONSIBILITY.match(heading)
    title = clean_agency(heading[responsibility.end() :] if responsibility else heading)
    if node.inferred or not title:
        return []
    of_someone = responsibility is not None and responsibility.group().rstrip().endswith("của")
    if of_someone and not looks_like_agency(title) and len(title.split()) <= NAMED_BODY_MAX:
        return [upper_first(title)]  # "Trách nhiệm của nhà đầu tư": a body with no head word
    if responsibility and not node.children:
        return split_agencies(title)
    lead_in = LEADS_IN.match(title)
    if lead_in and node.children and all_agencies(clean_agency(lead_in["lead"])):
        return split_agencies(clean_agency(lead_in["lead"]))
    # A heading over duties may name its agencies with a clause ("các cơ quan, đơn vị được giao chủ trì
    # theo kế hoạch"); an item with no sub-items is a duty when a duty verb follows ("Bộ Y tế chủ trì …")
    named = (
        looks_like_agency(title)
        and not DUTY.search(title)
        and all(map(agency_like, split_agencies(title)))
        and (bool(node.children) or all_agencies(title))
    )
    return split_agencies(title) if named or _under_responsibility(node) else None


def all_assignments(ctx: Context) -> list[tuple[int, int, Task]]:
    """Duties under the execution section, and under any 'Nhiệm vụ/Trách nhiệm của X' heading elsewhere."""
    out: list[tuple[int, int, Task]] = []
    done: set[int] = set()
    for node in ctx.root.walk()[1:]:
        chain = ctx.ancestors.get(id(node), [])
        if any(id(a) in done for a in chain[:-1]) or node.is_bullet:
            continue
        if under_role_duties(ctx, node):
            continue
        responsibility = bool(RESPONSIBILITY.match(node.title)) and bool(node.children)
        if is_execution(node) and not (responsibility and _agencies_of_heading(node)):
            out.extend(_assignments(ctx, node))
        elif responsibility or _agency_item_of_task_list(ctx, node) or _agency_heading(node):
            out.extend(_assignment_item(ctx, node, None))
        else:
            continue
        done.add(id(node))
    return out


def _agency_heading(node: Node) -> bool:
    """'1. Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ' over its duties, anywhere (a letter that
    assigns duties has no execution part): a numbered heading that only names bodies."""
    heading_only = node.title == node.text.rstrip(":.")  # a list of bodies may be long: no length limit
    numbered = node.kind.startswith("decimal")
    has_duties = bool(node.children) or node.end_block > node.block  # sub-items, or paragraphs
    return heading_only and numbered and has_duties and all_agencies(clean_agency(node.title))


def _agency_item_of_task_list(ctx: Context, node: Node) -> bool:
    """'IV. NHIỆM VỤ CỤ THỂ' → '1. Sở Tài chính' over its duties: assignments, not a task list."""
    chain = ctx.ancestors.get(id(node), [])
    parent = chain[-2] if len(chain) >= 2 else None
    return parent is not None and is_task_list(parent) and bool(_agencies_of_heading(node))


def _assignments(ctx: Context, section: Node) -> list[tuple[int, int, Task]]:
    if not section.children:  # "3. Tổ chức thực hiện" over "Thủ trưởng các sở, … chịu trách nhiệm …"
        drafts = paragraph_tasks(ctx, section, "assignment", [])
        return [(b, r, t.model_copy(update={"lead": leading_agencies(t.text)})) for b, r, t in drafts]
    out: list[tuple[int, int, Task]] = []
    for item in section.children:
        if item.is_bullet or is_enactment(item):
            continue
        out.extend(_assignment_item(ctx, item, None))
    return out


def _untruncated_title(node: Node) -> str:
    """The item's title without the length cut that display titles get."""
    title = node.title
    return node.text if title.endswith("…") and not title.rstrip("…").endswith(":") else title


def leading_agencies(text: str) -> list[str]:
    """Agencies that open a sentence: 'Sở Tư pháp tổng hợp, báo cáo …' → ['Sở Tư pháp'].

    The agency part ends at the first duty verb (a data list); nothing is returned unless every piece of it
    looks like an agency.
    """
    clause = agency_clause(text)
    if clause is not None:
        return split_agencies(clause[0])
    text = OPENING_CLAUSE.sub("", text, count=1)
    verb = duty_verbs().search(text[:300])
    if verb is None:
        return []
    head = clean_agency(text[: verb.start()])
    return split_agencies(head) if all_agencies(head) else []


def _bullet_duties(ctx: Context, bullets: list[Node], heads: list[str]) -> list[tuple[int, int, Task]]:
    """The duties of bullets under a heading or lead-in whose agencies are ``heads``; a bullet that is a
    lead-in itself ("- Ủy ban nhân dân thành phố Hà Nội và … cần tập trung một số nhiệm vụ như sau:") gives
    its own bullets, with the agencies it names."""
    out: list[tuple[int, int, Task]] = []
    for bullet in bullets:
        own = leading_agencies(bullet.text)
        if bullet.children and _only_introduces(bullet.text):
            out.extend(_bullet_duties(ctx, bullet.children, own or heads))
        else:
            out.append(make_task(ctx, bullet, "assignment", bullet.text, heads or own))
    return out


def _only_introduces(text: str) -> bool:
    """A one-sentence lead-in: "9. Ủy ban nhân dân các xã … tập trung một số nhiệm vụ cụ thể sau:". A duty
    whose last sentence introduces details ("… trước ngày 12. Thời điểm chốt số liệu như sau:") is a task."""
    return text.endswith(":") and not any(m[1].isupper() for m in SENTENCE_BREAK.finditer(text))


def lead_in_agencies(ctx: Context, node: Node) -> list[str]:
    """The agencies of a lead-in between a heading and its first item: "d) Các hoạt động chính" / "Căn cứ
    tình hình thực tế, các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:" → the items
    inherit ['các cơ quan, đơn vị, địa phương']; [] without such a paragraph."""
    if not node.children or node.block < 0:
        return []
    between = ctx.blocks[node.block + 1 : node.children[0].block]
    last = between[-1] if between else None
    if last is None or last.kind != "paragraph" or last.label is not None or not last.text.endswith(":"):
        return []
    return leading_agencies(last.text)


def _under_responsibility(node: Node) -> bool:
    """True for the member headings under 'Nhiệm vụ của thành viên Ban Chỉ đạo' and the like."""
    return node.kind.startswith("decimal") and "." in node.label and bool(node.children)


def _assignment_item(ctx: Context, item: Node, inherited: list[str] | None) -> list[tuple[int, int, Task]]:
    clause = agency_clause(item.text)
    if clause is not None:
        agency, duty = clause
        named = split_agencies(agency)
        items = [c for c in item.children if not is_attribute(c)]
        if not items:
            return [make_task(ctx, item, "assignment", duty, named)]
        return [make_task(ctx, c, "assignment", c.text, named) for c in items]
    lead = _agencies_of_heading(item)
    numbered = [c for c in item.children if not c.is_bullet and not is_attribute(c)]
    heading_only = len(item.title) < HEADING_MAX and item.title == item.text.rstrip(":.")
    # "2. Phân công thực hiện Kế hoạch" over "a) Bộ X chủ trì …": the duties are the numbered sub-items
    if lead is None and numbered and (heading_only or RESPONSIBILITY.match(item.title)):
        return [task for c in numbered for task in _assignment_item(ctx, c, inherited)]
    if lead is None:
        bullets = [c for c in item.children if c.is_bullet]
        if bullets and bullets[0].block == item.block + 1 and (heading_only or _only_introduces(item.text)):
            return _bullet_duties(ctx, bullets, inherited or leading_agencies(item.text))
        return [make_task(ctx, item, "assignment", item.text, inherited or leading_agencies(item.text))]
    if not item.children:
        paragraphs = paragraph_tasks(ctx, item, "assignment", lead) if heading_only else []
        if len(paragraphs) > 1:  # "2. Giao Sở Xây dựng" over two paragraphs of duties
            return paragraphs
        body = ctx.text_of(item)[len(item.text) :].strip()
        return [make_task(ctx, item, "assignment", body or item.text, lead)]
    out: list[tuple[int, int, Task]] = []
    for child in item.children:
        if child.kind == "letter" or child.kind.startswith("decimal"):
            out.extend(_assignment_item(ctx, child, lead))
        else:
            out.append(make_task(ctx, child, "assignment", child.text, _own_or(child.text, lead)))
    return out


def _own_or(text: str, lead: list[str]) -> list[str]:
    """The bodies a duty opens with where its heading names only a group of them ("2. Trách nhiệm của các
    sở, ngành, địa phương" / "- Sở Công thương, Ban Quản lý Khu kinh tế tỉnh có trách nhiệm …"), else
    ``lead``."""
    if not lead or not all(is_collective(name) for name in lead):
        return lead
    return leading_agencies(text) or lead

"""Duties a document that is not a plan asks of a named body (SPEC: a letter, record or notice has only
the duties assigned to a named body): "Đề nghị Chủ đầu tư tổ chức khảo sát …", "Giao Sở Công Thương chủ
trì, …", "…, do vậy đề nghị Chủ đầu tư cập nhật …".

The body is a name the letter is addressed to ("Kính gửi: …") when the request opens with one, else the
agency before the request's first duty verb; a request to nobody in particular ("Đề nghị bổ sung …") is
no task, and neither is the closing formula ("Trên đây là …, đề nghị Sở Công thương tổng hợp").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.extract.agencies import AGENCIES, agency_head, split_agencies
from cchc_parse.extract.agency_text import all_agencies, clean_agency
from cchc_parse.extract.assignments import leading_agencies
from cchc_parse.extract.context import Context
from cchc_parse.extract.task_candidates import Candidate, Draft
from cchc_parse.extract.task_items import block_task
from cchc_parse.extract.title_case import upper_first
from cchc_parse.grammar.documents import ADDRESSED, LEAD_BULLET
from cchc_parse.grammar.pieces import alternation
from cchc_parse.structure.outline import Node

TASKS = "tasks.json"

# A capital after a full stop: where the sentence holding a request begins.
SENTENCE_START = re.compile(r"[.!?]\s+(?=[A-ZĐ\u00c0-\u1ef9])")

ADDRESSEE_SCAN = 12  # the "Kính gửi" list stands within the first blocks after the header


@cache
def _request_re() -> re.Pattern[str]:
    # A request verb opening a clause: at the start, after a colon, comma, semicolon or full stop, or after a
    # connective ("do vậy đề nghị …"); the addressee follows it.
    verbs = alternation(lexicon.string_list(AGENCIES, "request_prefixes"))
    links = alternation(lexicon.string_list(TASKS, "request_connectives"))
    return re.compile(rf"(?:^|[,:;.]\s+|\b(?:{links})\s+)(?:{verbs})\s+(?=\S)", re.IGNORECASE)


@cache
def _closing_re() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(lexicon.string_list(TASKS, 'closing_openers'))})\b", re.IGNORECASE)


def addressees(blocks: list[Block]) -> list[str]:
    """The bodies a letter is addressed to: "Kính gửi: Sở Công thương tỉnh Lào Cai" or the bullets under a
    bare "Kính gửi:" (in paragraphs or in a two-cell table row)."""
    for i, block in enumerate(blocks[:ADDRESSEE_SCAN]):
        cells = [c for row in block.rows for c in row] if block.kind == "table" else [block.text]
        for k, cell in enumerate(cells):
            m = ADDRESSED.match(cell)
            if not m:
                continue
            rest = cell[m.end() :] or (cells[k + 1] if k + 1 < len(cells) else "")
            lines = rest.split("\n") if rest else [b.text for b in _bullets_after(blocks, i)]
            return [a for line in lines for a in split_agencies(LEAD_BULLET.sub("", line))]
    return []


def _bullets_after(blocks: list[Block], i: int) -> list[Block]:
    out = []
    for block in blocks[i + 1 : i + 1 + ADDRESSEE_SCAN]:
        if block.kind != "paragraph" or not LEAD_BULLET.match(block.text):
            break
        out.append(block)
    return out


def addressee_of(rest: str, known: list[str]) -> list[str]:
    """The body a request names: a known addressee it opens with (the longest), or that it names by its
    head word alone ("Đề nghị Công ty mời …" in a letter to "Công ty cổ phần …"); else the agency before its
    first duty verb, its first letter capitalised if need be ("đề nghị chủ đầu tư thực hiện …")."""
    folded = rest.casefold()
    names = [n for n in known if folded.startswith(n.casefold()) and not rest[len(n) : len(n) + 1].isalnum()]
    if names:
        return [max(names, key=len)]
    by_head = [n for n in known if _named_by_head(rest, n)]
    if len(by_head) == 1:
        return by_head
    rest = upper_first(rest)
    asked = _asked_re().search(rest, 1)  # "Chủ đầu tư| tổ chức khảo sát …": what a body is asked to do
    named = clean_agency(rest[: asked.start()]) if asked else ""
    return split_agencies(named) if named and all_agencies(named) else leading_agencies(rest)


@cache
def _asked_re() -> re.Pattern[str]:
    return re.compile(rf"\s(?:{alternation(lexicon.string_list(TASKS, 'asked_verbs'))})(?!\w)")


def _named_by_head(rest: str, name: str) -> bool:
    head = agency_head(name)
    if head is None or head == name or not rest.startswith(head + " "):
        return False
    following = rest[len(head) + 1 :]
    return following[:1].islower() and agency_head(following) is None


def request(text: str, known: list[str]) -> tuple[str, list[str]] | None:
    """(the task's text, its lead) when ``text`` asks a named body for something; the text is the sentence
    holding the request, to the end of the block."""
    if _closing_re().match(text):
        return None
    for m in _request_re().finditer(text):
        lead = addressee_of(text[m.end() :], known)
        if lead:
            starts = [s.end() for s in SENTENCE_START.finditer(text, 0, m.end())]
            return text[starts[-1] if starts else 0 :].strip(), lead
    return None


def request_candidates(ctx: Context, claimed: frozenset[int]) -> list[Candidate]:
    """One task per free item or paragraph of the body that makes a request, in a document that is not
    a plan (a plan's duties come from its task lists and execution part)."""
    if ctx.is_plan:
        return []
    known = addressees(ctx.blocks)
    items = {node.block: node for node in ctx.root.walk()[1:] if node.block >= 0}
    out: list[Candidate] = []
    lead_in: list[str] = []  # the body a lead-in request names ("…, đề nghị Chủ đầu tư:"), for its bullets
    for i in range(ctx.body_start, min(ctx.body_end, len(ctx.blocks))):
        block, owner = ctx.blocks[i], items.get(i) or ctx.section_of(i) or ctx.root
        found = None if i in claimed else _request_of(block, known)
        if found is None and lead_in and _is_bullet(block) and i not in claimed:
            found = (_own_text(block), lead_in)
        elif not _is_bullet(block):
            lead_in = []
        if found is not None and found[0].endswith(":"):
            lead_in = found[1]  # a lead-in is no task: its bullets are
        elif found is not None:
            out.append(Candidate.item(i, _maker(ctx, owner, i, *found)))
    return out


def _is_bullet(block: Block) -> bool:
    return block.kind == "paragraph" and bool(LEAD_BULLET.match(block.text))


def _own_text(block: Block) -> str:
    text = block.text[block.label.end :] if block.label is not None else block.text
    return LEAD_BULLET.sub("", text).strip()


def _request_of(block: Block, known: list[str]) -> tuple[str, list[str]] | None:
    if block.kind != "paragraph" or block.role not in ("item", "paragraph"):
        return None
    return request(_own_text(block), known)


def _maker(ctx: Context, owner: Node, i: int, text: str, lead: list[str]) -> Callable[[], Draft]:
    return lambda: block_task(ctx, owner, i, "assignment", text, lead)

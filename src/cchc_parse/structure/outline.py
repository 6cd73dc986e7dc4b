"""The outline of a plan body: numbered items (I., 1., 1.1., a), -, +) nested by the order they appear in.

It reads the labels the labels-and-roles stage gave the blocks (:mod:`cchc_parse.structure.labels`).

Nesting follows the classic outline rule: a label kind seen before (on the stack) closes everything opened
after it and starts a sibling; a kind not seen yet opens a child. Roman numerals and "PHẦN" always start
a top-level item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import pairwise

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.grammar.pieces import in_capitals
from cchc_parse.structure.labels import BODY_OPENERS, opens_body

# --- patterns of this module --------------------------------------------------------------------------------
# The end of a title sentence: a full stop followed by a space.
SENTENCE_END = re.compile(r"(?<=[.])\s")

SECTIONS = "sections.json"
TITLE_MAX = 160  # characters kept as the title of an item that is a whole paragraph
COLON_TITLE_WORDS = 16  # "6. Sở Tư pháp: lồng ghép…" — text before a colon this short is the title


@dataclass
class Node:
    kind: str  # root, part, roman, decimal1..4, letter, bullet-, bullet+, article
    label: str
    text: str  # the paragraph text after the label
    block: int  # index of the heading block; -1 for an inferred node
    end_block: int = -1  # last block (inclusive) this item covers
    children: list[Node] = field(default_factory=list)
    inferred: bool = False
    path: str = ""
    level: int = 0

    @property
    def is_bullet(self) -> bool:
        return self.kind.startswith("bullet")

    @property
    def first_block(self) -> int:
        """The first block of the item: its heading, or for an inferred item its first child's."""
        node = self
        while node.block < 0 and node.children:
            node = node.children[0]
        return node.block

    @cached_property
    def title(self) -> str:
        return item_title(self.text)

    def walk(self) -> list[Node]:
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


def item_title(text: str) -> str:
    """The short title of an item: text before a short colon clause, else the first sentence, trimmed."""
    head, colon, _ = text.partition(":")
    if colon and len(head.split()) <= COLON_TITLE_WORDS and head.count("(") <= head.count(")"):
        return head.strip()
    sentence = SENTENCE_END.split(text, maxsplit=1)[0].rstrip(".;")
    return sentence if len(sentence) <= TITLE_MAX else sentence[: TITLE_MAX - 1].rstrip() + "…"


@cache
def _cues(key: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lexicon.string_list(SECTIONS, key)), re.IGNORECASE)


def body_range(blocks: list[Block]) -> tuple[int, int]:
    """First and last (exclusive) block of the plan body."""
    start = 0
    first_heading = next((i for i, b in enumerate(blocks) if opens_body(b, ("roman", "part"))), len(blocks))
    for i, block in enumerate(blocks):
        opens_plan = block.kind == "paragraph" and _cues("body_start").match(block.text)
        if opens_plan and _heads_appendix(blocks[max(0, i - APPENDIX_LOOKBACK) : i]):
            continue  # "PHỤ LỤC I … (Kèm theo Nghị định …)": the document's own appendix, no plan it issues
        # after the plan's own "I." heading, "kèm theo" opens an appendix, unless a part heading follows
        kinds = ("roman", "part") if i > first_heading else BODY_OPENERS
        if opens_plan and any(opens_body(b, kinds) for b in blocks[i + 1 : i + 4]):
            start = i + 1
            break
    if start == 0:
        start = next((i for i, b in enumerate(blocks) if opens_body(b)), 0)
    end = len(blocks)
    for i in range(start + 1, len(blocks)):
        if _closes_body(blocks[i]):
            end = i
            break
    return start, end


def _closes_body(block: Block) -> bool:
    text = block.text
    if block.kind == "table":
        text = (block.rows[0][0] if block.rows and block.rows[0] else "").strip()
    if _cues("body_end").match(text):
        return True
    # "DANH MỤC CÁC NHIỆM VỤ …" is an appendix's title; "Danh mục các nhiệm vụ … tại Phụ lục II." a sentence
    return bool(_cues("body_end_titles").match(text)) and in_capitals(text)


APPENDIX_LOOKBACK = 3  # blocks before a "kèm theo" line that may hold the appendix title it belongs to


def _heads_appendix(blocks: list[Block]) -> bool:
    return any(b.kind == "paragraph" and _cues("appendix_titles").match(b.text) for b in blocks)


def build_outline(blocks: list[Block], start: int, end: int) -> Node:
    """Nest the numbered paragraphs of ``blocks[start:end]``."""
    root = Node("root", "", "", -1, end - 1)
    stack = [root]
    for i in range(start, end):
        label = blocks[i].label
        if label is None:
            continue
        kind = label.outline_kind
        node = Node(kind, label.outline_label, blocks[i].rest or _title_below(blocks, i, end), i)
        _pop_to_parent(stack, kind)
        stack[-1].children.append(node)
        stack.append(node)
    _close_ends(root)
    return root


def _title_below(blocks: list[Block], i: int, end: int) -> str:
    """The title of a part heading printed on the paragraph below it ("Chương I" / "QUY ĐỊNH CHUNG")."""
    below, label = (blocks[i + 1] if i + 1 < end else None), blocks[i].label
    if label is None or label.kind != "part" or below is None or below.label is not None:
        return ""
    return below.text if below.kind == "paragraph" and in_capitals(below.text) else ""


def _pop_to_parent(stack: list[Node], kind: str) -> None:
    if kind == "part":
        del stack[1:]
        return
    if kind in ("roman", "article"):  # a chapter's articles nest under it: "Chương I" > "Điều 1"
        while len(stack) > 1 and stack[-1].kind != "part":
            stack.pop()
        return
    kinds = [n.kind for n in stack]
    if kind in kinds:
        del stack[kinds.index(kind) :]
    elif not kind.startswith("bullet"):
        while len(stack) > 1 and stack[-1].is_bullet:  # a numbered item never nests under a bullet
            stack.pop()


def _close_ends(node: Node) -> None:
    """Make every item end where its next sibling begins (or where its parent ends)."""
    for a, b in pairwise(node.children):
        a.end_block = b.first_block - 1
    if node.children:
        node.children[-1].end_block = node.end_block
    for child in node.children:
        _close_ends(child)

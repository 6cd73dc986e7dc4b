"""Labels and roles: the one place where a paragraph's item number is read from its text.

The labels-and-roles stage runs once, after layout: every body paragraph gets its :class:`Label` (or
keeps the one its reader gave it, Word's numbering) and every body block a role — a heading (a Roman, part
or article label), an item (a decimal, letter or bullet label), a plain paragraph or a table. The outline,
the body range and the extractors read ``Block.label`` and ``Block.rest`` instead of matching the label
patterns again. The metadata stage later marks the header, legal-basis, signature and recipient blocks.
"""

from __future__ import annotations

from dataclasses import replace

from cchc_parse.document import Block, BlockRole, Label
from cchc_parse.grammar.labels import read_label

HEADING_KINDS = frozenset({"roman", "part", "article"})
# the label kinds that can open a plan's body: "PHẦN I", "I.", "1." (not "1.2."), "Điều 1"
BODY_OPENERS = ("roman", "part", "decimal1", "article")


def assign_labels_and_roles(blocks: list[Block]) -> None:
    """Give every body block its label (a reader's stays, its end found in the text) and its role."""
    for block in blocks:
        if block.layer != "body":
            block.role = "furniture"
            continue
        if block.kind == "table":
            block.role = block.role or "table"  # a reader may know more: a PDF's header columns
            continue
        found = read_label(block.text)
        if block.label is not None and found is not None:  # Word's numbering says the kind, depth first
            found = replace(block.label, end=found.end)
        block.label = found
        block.role = _role_of(found)


def opens_body(block: Block, kinds: tuple[str, ...] = BODY_OPENERS) -> bool:
    """Whether the block is a heading that can open the plan's body (its label's kind is one of ``kinds``):
    what ends the document's opening part (header, title, legal bases) and starts the outline."""
    return block.label is not None and block.label.outline_kind in kinds


def closes_opening(block: Block) -> bool:
    """Whether the block is a heading that ends a document's opening part (header, title, legal bases):
    a body opener printed with its punctuation ("1." but not the "01" of "01 THÁNG 02 NĂM 2019")."""
    return opens_body(block) and block.label is not None and not block.label.bare


def ensure_labels(blocks: list[Block]) -> None:
    """Labels and roles for blocks the stage has not seen (blocks built by hand, in tests and tools)."""
    if any(b.role is None for b in blocks):
        assign_labels_and_roles([b for b in blocks if b.role is None])


def _role_of(label: Label | None) -> BlockRole:
    if label is None:
        return "paragraph"
    return "heading" if label.kind in HEADING_KINDS else "item"

"""What every extractor gets: the blocks, their spans, the outline, and the plan's year and kind."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from cchc_parse.document import Block
from cchc_parse.spans import TextIndex
from cchc_parse.structure.outline import Node


@dataclass
class Context:
    blocks: list[Block]
    index: TextIndex
    root: Node
    body_start: int
    body_end: int
    plan_year: int | None = None
    is_cchc: bool = False
    is_plan: bool = True  # False for a letter, record, notice…: only requests to named bodies are tasks

    @cached_property
    def owners(self) -> list[Node | None]:
        """For each block, the deepest outline node (not a bullet) whose range contains it."""
        owner: list[Node | None] = [None] * len(self.blocks)
        for node in self.root.walk()[1:]:
            if node.is_bullet or (node.block < 0 and not node.children):
                continue
            first = node.first_block
            for i in range(max(first, 0), node.end_block + 1):
                owner[i] = node  # walk() is pre-order, so deeper nodes overwrite their parents
        return owner

    @cached_property
    def ancestors(self) -> dict[int, list[Node]]:
        """For each node (by id), the chain from the top-level section down to it."""
        chains: dict[int, list[Node]] = {}

        def visit(node: Node, chain: list[Node]) -> None:
            for child in node.children:
                chains[id(child)] = [*chain, child]
                visit(child, [*chain, child])

        visit(self.root, [])
        return chains

    def section_of(self, block: int) -> Node | None:
        return self.owners[block] if 0 <= block < len(self.owners) else None

    def section_titles(self, node: Node | None) -> list[str]:
        """Titles from ``node`` up to its top-level section (nearest first)."""
        if node is None:
            return []
        return [n.title for n in reversed(self.ancestors.get(id(node), [node]))]

    def text_of(self, node: Node) -> str:
        """The item's text with all text under it (its paragraphs and sub-items)."""
        parts = [node.text] + [
            self.blocks[i].text
            for i in range(node.block + 1, node.end_block + 1)
            if self.blocks[i].kind == "paragraph"
        ]
        return " ".join(p for p in parts if p)

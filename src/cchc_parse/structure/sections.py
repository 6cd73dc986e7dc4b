"""From the outline of numbered items to the output's section tree."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_parse.document import Block, DocWarning
from cchc_parse.models import Section
from cchc_parse.spans import TextIndex
from cchc_parse.structure.infer import assign_paths, infer_lost_top_level, infer_numbering_gaps
from cchc_parse.structure.outline import Node, body_range, build_outline


@dataclass
class Outline:
    root: Node
    body_start: int
    body_end: int


def analyse_outline(blocks: list[Block], warnings: list[DocWarning]) -> Outline:
    """Find the plan body, nest its numbered items and restore lost headings (``blocks`` labelled by the
    labels-and-roles stage)."""
    start, end = body_range(blocks)
    root = build_outline(blocks, start, end)
    infer_lost_top_level(root, blocks, warnings)
    infer_numbering_gaps(root, warnings)
    assign_paths(root, warnings, blocks)
    return Outline(root, start, end)


def to_sections(root: Node, index: TextIndex) -> list[Section]:
    return [_section(child, index) for child in root.children]


def _section(node: Node, index: TextIndex) -> Section:
    first = max(node.first_block, 0)
    return Section(
        label=node.label,
        title=node.title,
        level=node.level,
        path=node.path,
        inferred=node.inferred,
        span=index.span(first, max(first, node.end_block)),
        children=[_section(child, index) for child in node.children],
    )

"""The normalised text of a document and the spans of its blocks in it."""

from __future__ import annotations

from dataclasses import dataclass

from cchc_parse.document import Block
from cchc_parse.models import Span


@dataclass
class TextIndex:
    """Blocks rendered one after another, one line each (a table: one line per row)."""

    blocks: list[Block]
    lines: list[str]
    line_ranges: list[tuple[int, int]]  # per block: first and last line, 1-based
    char_ranges: list[tuple[int, int]]  # per block: start and end offsets in the joined text

    @classmethod
    def build(cls, blocks: list[Block]) -> TextIndex:
        lines: list[str] = []
        line_ranges: list[tuple[int, int]] = []
        char_ranges: list[tuple[int, int]] = []
        offset = 0
        for block in blocks:
            rendered = block.render_lines() or [""]
            first = len(lines) + 1
            start = offset
            for text in rendered:
                lines.append(text)
                offset += len(text) + 1
            line_ranges.append((first, len(lines)))
            char_ranges.append((start, offset - 1))
        return cls(blocks, lines, line_ranges, char_ranges)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def span(self, first: int, last: int | None = None, row: int | None = None) -> Span:
        """Span of blocks ``first..last`` (inclusive), or of one row of table block ``first``."""
        last = first if last is None else max(first, last)
        (line_a, _), (_, line_b) = self.line_ranges[first], self.line_ranges[last]
        (char_a, _), (_, char_b) = self.char_ranges[first], self.char_ranges[last]
        if row is not None:
            line_a = line_b = self.line_ranges[first][0] + row
            char_a = self.char_ranges[first][0] + sum(
                len(t) + 1 for t in self.lines[self.line_ranges[first][0] - 1 : line_a - 1]
            )
            char_b = char_a + len(self.lines[line_a - 1])
        a, b = self.blocks[first], self.blocks[last]
        source = (a.source_start, b.source_end)
        if row is not None and row < len(a.row_lines):
            source = a.row_lines[row]  # a table row: its own source lines, not the whole table's
        return Span(
            start_line=line_a,
            end_line=line_b,
            start_char=char_a,
            end_char=char_b,
            source_start_line=source[0],
            source_end_line=source[1],
            page=a.page,
        )

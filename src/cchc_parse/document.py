"""The intermediate document model every reader produces.

A reader turns a file into a :class:`Document`: an ordered list of blocks (paragraphs and tables), each
remembering the lines of the source it came from and, for paged formats, its page. Everything after the
readers (structure, extraction, export) works on this model only, whatever the input format was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# the formats cchc-parse reads (source.format); their suffixes and readers are cchc_parse.formats's table
FormatName = Literal["txt", "md", "pdf", "docx", "doc"]

BlockKind = Literal["paragraph", "table"]


@dataclass
class Block:
    """One paragraph, or one table (``rows`` of cell texts; ``text`` is then empty)."""

    kind: BlockKind
    text: str
    source_start: int | None = None  # 1-based line in the source file (text inputs)
    source_end: int | None = None
    page: int | None = None
    rows: list[list[str]] = field(default_factory=list)
    # per table row: its first and last source line
    row_lines: list[tuple[int, int]] = field(default_factory=list)
    # a task table OCR ran together into lines (normalize/flat_tables.py): one cell per row, the header
    # first, holding the row's lines as printed, its row number on a middle line
    flattened: bool = False

    def render_lines(self) -> list[str]:
        """The block as lines of the normalised text (a table: one line per row, cells joined by ' | ')."""
        if self.kind == "table":
            return [" | ".join(cell.replace("\n", " ") for cell in row) for row in self.rows]
        return [self.text]


@dataclass
class DocWarning:
    code: str
    message: str
    source_line: int | None = None


@dataclass
class Document:
    """What a reader hands to the pipeline."""

    path: str
    format: FormatName
    sha256: str
    encoding: str | None
    blocks: list[Block] = field(default_factory=list)
    site_meta: dict[str, str] = field(default_factory=dict)  # a website's own metadata table, if any
    ocr: bool = False
    ocr_pages: set[int] = field(default_factory=set)  # 1-based pages read by OCR
    repaired: bool = False
    warnings: list[DocWarning] = field(default_factory=list)

"""The intermediate document model every reader produces and every stage works on.

A reader turns a file into a :class:`Document`: either the text of a text file as decoded (``text``; the
pipeline's layout stage makes them blocks) or an ordered list of blocks (paragraphs and tables) laid out by
what the format itself knows (a PDF's positions, Word's paragraphs). Each block remembers the lines of the
source it came from and, for paged formats, its page; the pipeline adds its ``label`` (the item number in
front of it: "II.", "1.2.", "a)", "-", "Điều 3.") and its ``role``, and keeps the text as read in ``orig``
when legacy-font conversion or diacritic repair changed it (a text file's: ``Document.orig_text``). Page
furniture (page numbers, signing stamps) stays in the document, on the ``furniture`` content layer; the
stages after layout read the ``body``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# the formats cchc-parse reads (source.format); their suffixes and readers are cchc_parse.formats's table
FormatName = Literal["txt", "md", "pdf", "docx", "doc"]

BlockKind = Literal["paragraph", "table"]
# what an item label is: "I." roman, "1.2." decimal, "a)" letter, "-" bullet, "Điều 3." article, "PHẦN I" or
# "A." part
LabelKind = Literal["roman", "decimal", "letter", "bullet", "article", "part"]
# what a block is to the plan; None until the labels-and-roles stage has run
BlockRole = Literal[
    "heading", "item", "paragraph", "header", "legal_basis", "signature", "recipients", "table", "furniture"
]
# the content layer: the plan's own text, or what the page adds around it (page numbers, stamps)
ContentLayer = Literal["body", "furniture"]


@dataclass(frozen=True, slots=True)
class Label:
    """The item number a paragraph starts with.

    ``value`` is the number as printed without its punctuation ("II", "1.2", "a", "3" for "Điều 3."; a
    bullet's is "-"); ``depth`` counts a decimal label's parts ("1.2." is 2; every other kind 1); ``mark``
    is a bullet's kind ("-", "+", "•", "○"); ``end`` is where the label (and the space after it) ends in
    the block's text; ``bare`` is true for a number printed without its dot or bracket ("1 Mục đích":
    less sure than "1."); ``source`` says who found it ("text": the label grammar; "numbering": Word's).
    """

    kind: LabelKind
    value: str
    end: int
    depth: int = 1
    mark: str = ""
    bare: bool = False
    source: Literal["text", "numbering"] = "text"

    @property
    def outline_kind(self) -> str:
        """The kind of item the outline nests by: "roman", "decimal2", "bullet+", "article", …"""
        if self.kind == "decimal":
            return f"decimal{self.depth}"
        if self.kind == "bullet":
            return f"bullet{self.mark}"
        return self.kind

    @property
    def outline_label(self) -> str:
        """The label as the section tree shows it: "II", "1.2", "a", "-", "Điều 3"."""
        return f"Điều {self.value}" if self.kind == "article" else self.value


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
    label: Label | None = None  # set by the labels-and-roles stage (a Word reader may give it first)
    role: BlockRole | None = None
    orig: str | None = None  # the text as read, when legacy conversion or repair changed it
    orig_rows: list[list[str]] | None = None  # a table's cells as read, likewise
    layer: ContentLayer = "body"

    @property
    def rest(self) -> str:
        """The paragraph's text after its label (all of it when it has none), stripped."""
        return self.text[self.label.end :].strip() if self.label else self.text.strip()

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
    # a text file's text as decoded, until the layout stage makes it blocks (None: laid out already); its
    # lines are the file's lines, one for one
    text: str | None = None
    orig_text: str | None = None  # that text as read, when legacy conversion or repair changed it
    legacy: str | None = None  # the legacy font encoding converted ("tcvn3", "vni"), if any
    stages: list[str] = field(default_factory=list)  # the pipeline stages run on it so far

    @property
    def body(self) -> list[Block]:
        """The blocks of the body content layer: what the stages after layout read."""
        return [b for b in self.blocks if b.layer == "body"]

"""The layout stage: from the lines of a .txt/.md file to the blocks of the intermediate document."""

from __future__ import annotations

from dataclasses import dataclass, field

from cchc_parse.document import Block, Document, DocWarning
from cchc_parse.normalize.boilerplate import drop_page_artifacts, remove_repeated_blocks, trim_site_chrome
from cchc_parse.normalize.flat_tables import FlatTable, split_flat_tables
from cchc_parse.normalize.lines import Layout, detect_layout, join_paragraphs
from cchc_parse.normalize.markup import Line, clean_markup
from cchc_parse.normalize.tables import TableRun, TextRun, split_tables


@dataclass
class TextLayout:
    blocks: list[Block]  # the body
    site_meta: dict[str, str] = field(default_factory=dict)
    warnings: list[DocWarning] = field(default_factory=list)
    layout: Layout = "lines"
    furniture: list[Block] = field(default_factory=list)  # website chrome, repeated copies, page numbers


def layout_stage(document: Document) -> None:
    """Lay a text file's text out into blocks: markup and website chrome cleaned, tables rebuilt, wrapped
    lines joined into paragraphs."""
    if document.text is None:
        return
    layout = text_to_blocks(document.text)
    document.blocks = layout.blocks + layout.furniture
    document.site_meta = layout.site_meta
    document.warnings[:0] = layout.warnings  # about the file as it came, before what the stages did
    document.text = None


def text_to_blocks(text: str) -> TextLayout:
    """Clean markup and website chrome, rebuild tables, join wrapped lines into paragraphs; what is no
    part of the document (website chrome, a scraper's repeated copies, page numbers) becomes furniture."""
    lines = clean_markup(text.split("\n"))
    cut: list[Line] = []
    lines, site_meta, warnings = trim_site_chrome(lines, cut)
    lines, repeated = remove_repeated_blocks(lines, cut)
    runs = split_tables(lines)
    text_lines = [line for run in runs if isinstance(run, TextRun) for line in run.lines]
    layout = detect_layout(text_lines)
    blocks: list[Block] = []
    for run in runs:
        if isinstance(run, TextRun):
            for piece in split_flat_tables(run.lines):
                if isinstance(piece, FlatTable):
                    blocks.append(_flat_block(piece))
                    continue
                for para in join_paragraphs(drop_page_artifacts(piece, cut), layout):
                    blocks.append(Block("paragraph", para.text, para.start, para.end))
        else:
            blocks.append(_table_block(run))
    return TextLayout(blocks, site_meta, warnings + repeated, layout, furniture_blocks(cut))


def furniture_blocks(lines: list[Line]) -> list[Block]:
    """Blocks of the furniture layer, in source order: a run of consecutive non-blank lines each."""
    blocks: list[Block] = []
    for line in sorted((line for line in lines if line.text.strip()), key=lambda line: line.start):
        last = blocks[-1] if blocks else None
        if last is not None and last.source_end is not None and line.start == last.source_end + 1:
            last.text, last.source_end = f"{last.text}\n{line.text}", line.end
            continue
        block = Block("paragraph", line.text, line.start, line.end, layer="furniture", role="furniture")
        blocks.append(block)
    return blocks


def _table_block(run: TableRun) -> Block:
    rows = [[_cell_text(cell) for cell in row] for row in run.rows]
    row_lines = [(min(c.start for c in row), max(c.end for c in row)) for row in run.rows]
    return Block("table", "", run.start, run.end, rows=rows, row_lines=row_lines)


def _flat_block(table: FlatTable) -> Block:
    """A table OCR flattened: one cell per row (the header first) holding the row's lines as printed."""
    groups = [table.header, *table.rows]
    rows = [["\n".join(line.text for line in group)] for group in groups]
    row_lines = [(group[0].start, group[-1].end) for group in groups]
    start, end = row_lines[0][0], row_lines[-1][1]
    return Block("table", "", start, end, rows=rows, row_lines=row_lines, flattened=True)


def _cell_text(cell: Line) -> str:
    """Join the wrapped lines of one cell, keeping line breaks before bullets and labels."""
    parts = [Line(cell.start, cell.end, t.strip()) for t in cell.text.split("\n")]
    return "\n".join(p.text for p in join_paragraphs(parts, "blank_separated"))

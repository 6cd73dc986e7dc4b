"""The repair stage: where a document is repaired, and the record of what was done.

A text file's lines are repaired before the layout stage reads them, so headings, the header and the plan
title are found in repaired words; :func:`repair_source_text` judges them in runs of lines. Documents that
arrive as blocks (DOCX, PDF text layers and OCR'd pages) are judged and repaired block by block by
:func:`repair_document`: an OCR'd page always (mode "auto" too), each paragraph as the kind of OCR its own
words show; other pages and runs of blocks where they lost their marks. What was read stays in the blocks'
``orig`` (a text file's: ``Document.orig_text``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from cchc_parse.document import Block, Document, DocWarning
from cchc_parse.grammar.syllables import VI_UNICODE_ONLY
from cchc_parse.progress import Progress
from cchc_parse.repair import RepairMode, corrector
from cchc_parse.repair.channel import OcrKind
from cchc_parse.repair.corrector import VIETNAMESE_LETTER_SHARE, ocr_kind
from cchc_parse.repair.syllables import skeleton
from cchc_parse.repair.tokens import scan

# --- patterns of this module --------------------------------------------------------------------------------
# Blank lines between paragraphs, captured (for re.split: the paragraphs and what separates them).
BLANK_LINE_SPLIT = re.compile(r"(\n[ \t]*\n(?:[ \t]*\n)*)")

__all__ = ["RepairCount", "needs_repair", "repair_document", "repair_source_text", "repair_stage"]

GROUP_BLOCKS = 40  # blocks judged together in formats without pages
GROUP_LINES = 60  # lines of text judged together
MIN_WORDS = 12  # fewer words than this tell nothing about a stretch of text
CHECK_EVERY = 32  # words between two checks of whether the text is told Vietnamese already
# a stretch is Vietnamese when this share of its words spell syllables (OCR garbles the rest)
VIETNAMESE_SHARE = 0.35


def needs_repair(text: str) -> bool:
    """True for Vietnamese text that lost its diacritics: enough words, few of them with a letter only
    Vietnamese has (ư, ơ, đ, ạ …: :func:`kind_of_words`), and most spelling a Vietnamese syllable."""
    # Most text is clean Vietnamese, told by the share of words with a letter only Vietnamese has (as
    # kind_of_words tells it). Counting stops as soon as that share is reached even if every word still
    # to come were unmarked: the answer ("no repair") is then the same as after counting them all.
    pieces = text.split()
    words: list[str] = []
    marked = 0
    vietnamese = VI_UNICODE_ONLY.search
    for n, piece in enumerate(pieces):
        word = piece.strip(_EDGES)
        if len(word) > 1 and word.isalpha():
            words.append(word)
            marked += vietnamese(word) is not None
        if n % CHECK_EVERY == 0 and marked >= VIETNAMESE_LETTER_SHARE * (len(words) + len(pieces) - n - 1):
            return False
    if len(words) < MIN_WORDS or marked / len(words) >= VIETNAMESE_LETTER_SHARE:
        return False
    known = corrector().index.by_skeleton
    return sum(1 for w in words if skeleton(w) in known) >= VIETNAMESE_SHARE * len(words)


_EDGES = ".,:;!?()[]{}\"“”‘’'«»…|*-–—/"  # punctuation stripped from a word's ends before it is judged


@dataclass
class RepairCount:
    """Syllables the repair looked at and changed."""

    seen: int = 0
    changed: int = 0

    def add(self, seen: int, changed: int) -> None:
        self.seen += seen
        self.changed += changed

    def record(self, document: Document) -> None:
        """Mark ``document`` repaired, with a warning telling how much changed, if anything changed."""
        if self.changed:
            document.repaired = True
            document.warnings.append(
                DocWarning("repaired", f"diacritic repair changed {self.changed} of {self.seen} syllables")
            )


def repair_source_text(
    text: str, mode: RepairMode, count: RepairCount, *, ocr: bool = False, progress: Progress | None = None
) -> str:
    """``text`` with its runs of GROUP_LINES lines repaired where ``mode`` says: "always", or "auto" for
    OCR output (``ocr``) and runs that need it. Lines stay lines. ``progress`` hears ("repair lines",
    done, lines) after each run of a text longer than one."""
    if mode == "never":
        return text
    lines = text.split("\n")
    report = progress if progress is not None and len(lines) > GROUP_LINES else None
    out: list[str] = []
    for start in range(0, len(lines), GROUP_LINES):
        chunk = "\n".join(lines[start : start + GROUP_LINES])
        if mode == "always" or ocr or needs_repair(chunk):
            chunk = _repair_paragraphs(chunk, count)
        out.append(chunk)
        if report:
            report("repair lines", min(start + GROUP_LINES, len(lines)), len(lines))
    return "\n".join(out)


def _repair_paragraphs(chunk: str, count: RepairCount) -> str:
    """Repair a run of lines paragraph by paragraph (blank lines apart), each as the kind of OCR its own
    words show, or, with fewer than MIN_WORDS words, as the run's: a clean signature block under a page
    OCR'd without the Vietnamese model keeps its marks. How often OCR lost tones is told from the run."""
    whole = list(scan(chunk))
    default, tone_drop = ocr_kind(whole), corrector().tone_drop.rate(whole)
    fix = corrector().repair_with_stats
    out = []
    for paragraph in BLANK_LINE_SPLIT.split(chunk):
        if not paragraph.strip() or BLANK_LINE_SPLIT.fullmatch(paragraph):
            out.append(paragraph)
            continue
        units = list(scan(paragraph))
        words = sum(1 for u in units if u.kind == "word")
        stats = fix(paragraph, ocr_kind(units) if words >= MIN_WORDS else default, tone_drop)
        count.add(stats.syllables, stats.changed)
        out.append(stats.text)
    return "".join(out)


def repair_stage(document: Document, mode: RepairMode, progress: Progress | None = None) -> None:
    """Repair ``document`` where ``mode`` says: its lines (a text file) or its blocks."""
    if mode == "never":
        return
    count = RepairCount()
    if document.text is not None:
        repaired = repair_source_text(document.text, mode, count, progress=progress)
        if repaired != document.text:
            document.orig_text = document.orig_text or document.text
            document.text = repaired
        count.record(document)
    else:
        repair_document(document, mode, count)


def repair_document(document: Document, mode: RepairMode, count: RepairCount | None = None) -> Document:
    """Repair the blocks of ``document`` that need it (see :mod:`cchc_parse.repair`); records what it did
    (adding to ``count``) with :meth:`RepairCount.record`."""
    if mode == "never":
        return document
    count = count or RepairCount()
    for group in _groups(document):
        text = "\n".join(_texts(group))
        ocr = any(b.page in document.ocr_pages for b in group)
        if mode == "always" or ocr or needs_repair(text):
            units = list(scan(text))
            count.add(*_repair_blocks(group, ocr_kind(units), corrector().tone_drop.rate(units), ocr))
    count.record(document)
    return document


def _groups(document: Document) -> Iterator[list[Block]]:
    """Body blocks by page (PDF) or in runs of GROUP_BLOCKS."""
    blocks = document.body
    if any(b.page is not None for b in blocks):
        pages: dict[int | None, list[Block]] = {}
        for block in blocks:
            pages.setdefault(block.page, []).append(block)
        yield from pages.values()
        return
    for start in range(0, len(blocks), GROUP_BLOCKS):
        yield blocks[start : start + GROUP_BLOCKS]


def _texts(group: list[Block]) -> Iterator[str]:
    for block in group:
        if block.kind == "table":
            yield from (cell for row in block.rows for cell in row)
        else:
            yield block.text


def _repair_blocks(group: list[Block], kind: OcrKind, tone_drop: float, ocr: bool) -> tuple[int, int]:
    """Repair the blocks' texts and table cells as text of one OCR kind that lost tones at the rate
    ``tone_drop`` (on an OCR'd page, a paragraph of MIN_WORDS words or more as its own kind, so that a
    clean signature block under a page OCR'd without the Vietnamese model keeps its marks); (syllables
    seen, changed). The text as read goes to ``orig`` / ``orig_rows``."""
    seen = changed = 0

    def fix(text: str) -> str:
        nonlocal seen, changed
        own = kind
        if ocr:
            units = list(scan(text))
            own = ocr_kind(units) if sum(1 for u in units if u.kind == "word") >= MIN_WORDS else kind
        stats = corrector().repair_with_stats(text, own, tone_drop)
        seen, changed = seen + stats.syllables, changed + stats.changed
        return stats.text

    for block in group:
        if block.kind == "table":
            rows = [[fix(cell) for cell in row] for row in block.rows]
            if rows != block.rows:
                block.orig_rows = block.orig_rows or [list(row) for row in block.rows]
                block.rows = rows
        else:
            text = fix(block.text)
            if text != block.text:
                block.orig = block.orig or block.text
                block.text = text
    return seen, changed

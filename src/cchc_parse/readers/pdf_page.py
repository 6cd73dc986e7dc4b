"""One PDF page's text through PDFium: its lines, and their positions where the layout needs them.

The text is PDFium's page text (``get_text_range``), one line per line break PDFium writes. Positions are in
*display space*: points from the top-left corner of the page as it is shown, its ``/Rotate`` applied, the
space pdfplumber works in. Asking PDFium for a character's box costs
about 3 µs, so:

* every line gets its box from its first and last characters (indents tell paragraphs apart, boxes tell
  which lines a table covers);
* only the head lines of page 1 get all their characters' boxes, split into *segments* at wide gaps, so
  that the two-column document header can be told apart (see ``pdf_layout``).

Signed documents often carry the number and the date in form fields (the signing software's widgets), not
in the page content. Such pages are flattened and the fields' words are put into the lines they stand on
("Số: /QĐ-UBND" + "2170" -> "Số: 2170 /QĐ-UBND"), or become lines of their own.
"""

from __future__ import annotations

import ctypes
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped, unused-ignore]

from cchc_parse import lexicon
from cchc_parse.grammar.layout import INVISIBLE, PDF_LINE_BREAK, SPACES
from cchc_parse.grammar.pieces import alternation
from cchc_parse.normalize.boilerplate import is_stamp_line
from cchc_parse.readers.pdf_boxes import Box, Glyph, union
from cchc_parse.readers.pdf_fields import merge_field_words

# --- patterns of this module --------------------------------------------------------------------------------
# Characters in PDFium's page text that are no text: NUL and other controls, PDFium's placeholder marks.
PDF_CONTROL = re.compile("[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f\uffff]")

# PDFium's mark for a hyphen that ends a line (STX, or U+FFFE): in Vietnamese text a real hyphen, inside a
# code ("766/QĐ-TTg") or a range, never a word split by hyphenation.
PDF_LINE_END_HYPHEN = re.compile("[\x02\ufffe]")


COLUMN_GAP = 20.0  # points of empty space between two characters of one line that separate two columns
HEAD_LINES = 16  # page 1 lines that may belong to the two-column header
RULING_THICKNESS = 3.0  # a path at most this thick and ...
RULING_LENGTH = 20.0  # ... at least this long is a ruling line
HEADER_SHARE = 0.5  # share of a line's letters that table-header words make up in a header row
STAMP_WRAP = 1.8  # a stamp's wrapped value stands at most this many line heights under its line ...
STAMP_INDENT = 40.0  # ... and starts within this many points of it
FORM_DEPTH = 4  # form XObjects nested this deep in an annotation's appearance are looked into
TEXT_ANNOTATIONS = frozenset(
    {pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_FREETEXT, pdfium_c.FPDF_ANNOT_STAMP}
)


@dataclass
class Segment:
    """A piece of a line between wide gaps: one column's part of a header line."""

    text: str
    box: Box


@dataclass
class PdfLine:
    number: int  # 1-based line of the page text
    text: str
    box: Box | None = None
    segments: list[Segment] = field(default_factory=list)
    stamp: bool = False  # a line of a digital signature's stamp (furniture, read for plan.digital_signatures)

    @property
    def shows_stamp(self) -> bool:
        """A stamp's line: one read from a signing widget, or one opening with a stamp marker."""
        return self.stamp or is_stamp_line(self.text)


@dataclass
class PageText:
    index: int  # 0-based
    lines: list[PdfLine]
    width: float  # display width and height, points
    height: float
    has_images: bool = False
    rulings: int = 0  # ruling lines in the rarer direction: two or more across and down make a grid
    header_words: bool = False  # a line with two table-header words ("STT", "Nội dung", "Chủ trì", …)
    fields_merged: int = 0  # words of form fields put into the text

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def own_text(self) -> str:
        """The page's text without the stamps of digital signatures: what tells a scan from a text page."""
        return "\n".join(line.text for line in self.lines if not line.shows_stamp)

    @property
    def may_hold_table(self) -> bool:
        return self.rulings >= 2 or self.header_words


@dataclass(frozen=True)
class Geometry:
    """User space to display space for a page with ``rotation`` and mediabox (x0, y0, x1, y1)."""

    rotation: int
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def size(self) -> tuple[float, float]:
        w, h = self.x1 - self.x0, self.y1 - self.y0
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        """(x, top) of user-space point (x, y): the transformation pdfminer applies for /Rotate."""
        if self.rotation == 90:
            return y - self.y0, x - self.x0
        if self.rotation == 180:
            return self.x1 - x, y - self.y0
        if self.rotation == 270:
            return self.y1 - y, self.x1 - x
        return x - self.x0, self.y1 - y

    def box(self, left: float, bottom: float, right: float, top: float) -> Box:
        ax, at = self.point(left, bottom)
        bx, bt = self.point(right, top)
        return min(ax, bx), min(at, bt), max(ax, bx), max(at, bt)


def clean(text: str) -> str:
    """A line of PDF text without control characters, invisible marks and runs of spaces; NFC."""
    text = PDF_LINE_END_HYPHEN.sub("-", text)
    text = PDF_CONTROL.sub("", text)
    text = INVISIBLE.sub("", text)
    text = SPACES.sub(" ", text).strip()
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


class _Chars:
    """Character boxes of one text page in display space (raw calls with reused buffers: fast)."""

    def __init__(self, textpage: Any, geometry: Geometry) -> None:
        self.raw = textpage.raw
        self.geometry = geometry
        self._l, self._r, self._b, self._t = (ctypes.c_double() for _ in range(4))

    def box(self, index: int) -> Box | None:
        if not pdfium_c.FPDFText_GetCharBox(self.raw, index, self._l, self._r, self._b, self._t):
            return None
        return self.geometry.box(self._l.value, self._b.value, self._r.value, self._t.value)

    def glyphs(self, text: str, start: int, end: int) -> list[Glyph]:
        return [(c, None if c.isspace() else self.box(i)) for i, c in enumerate(text[start:end], start)]

    def line_box(self, text: str, start: int, end: int) -> Box | None:
        """The box of a line from its first and last visible characters."""
        first = next((i for i in range(start, end) if not text[i].isspace()), None)
        if first is None:
            return None
        last = next(i for i in range(end - 1, first - 1, -1) if not text[i].isspace())
        return union([b for b in (self.box(first), self.box(last)) if b is not None])


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the lines of PDFium's page text."""
    spans, start = [], 0
    for m in PDF_LINE_BREAK.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


def geometry_of(page: Any) -> Geometry:
    x0, y0, x1, y1 = page.get_mediabox()
    return Geometry(int(page.get_rotation()) % 360, float(x0), float(y0), float(x1), float(y1))


def scan_objects(page: Any) -> tuple[bool, int]:
    """(whether the page shows an image, ruling lines in the rarer direction) from its top-level objects."""
    raw = page.raw
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    images = False
    across = down = 0
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        obj = pdfium_c.FPDFPage_GetObject(raw, i)
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images = True
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and pdfium_c.FPDFPageObj_GetBounds(
            obj, left, bottom, right, top
        ):
            width, height = right.value - left.value, top.value - bottom.value
            if width >= RULING_LENGTH and height <= RULING_THICKNESS:
                across += 1
            elif height >= RULING_LENGTH and width <= RULING_THICKNESS:
                down += 1
            elif width >= RULING_LENGTH and height >= RULING_LENGTH:
                across, down = across + 1, down + 1  # a framed cell
    return images, min(across, down)


def _has_text_annotations(page: Any) -> bool:
    """Whether an annotation (a form field, a signature's widget) shows text on the page."""
    raw = page.raw
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(raw, i)
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annot) in TEXT_ANNOTATIONS and any(
                _shows_text(pdfium_c.FPDFAnnot_GetObject(annot, k), 0)
                for k in range(pdfium_c.FPDFAnnot_GetObjectCount(annot))
            ):
                return True
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return False


def _shows_text(obj: Any, depth: int) -> bool:
    """A text object, or a form XObject holding one (a few levels deep)."""
    if not obj:
        return False
    kind = pdfium_c.FPDFPageObj_GetType(obj)
    if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
        return True
    if kind != pdfium_c.FPDF_PAGEOBJ_FORM or depth >= FORM_DEPTH:
        return False
    return any(
        _shows_text(pdfium_c.FPDFFormObj_GetObject(obj, k), depth + 1)
        for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))
    )


def hide_stamps(page: Any, stamps: list[Box]) -> int:
    """Remove from ``page`` (an open pypdfium2 page, not to be saved) the annotations that show a digital
    signature's stamp, those over the middle of one of the ``stamps`` (its lines' boxes in display space),
    so that a scan page is rendered for OCR without the stamp printed over its header: the stamp's text is
    read from the annotation. Fields that show other text (a number or a day typed in) stay. The number
    removed."""
    if not stamps:
        return 0
    raw = page.raw
    geometry = geometry_of(page)
    rect = pdfium_c.FS_RECTF()
    middles = [((b[0] + b[2]) / 2, (b[1] + b[3]) / 2) for b in stamps]
    removed = 0
    for i in reversed(range(pdfium_c.FPDFPage_GetAnnotCount(raw))):
        annot = pdfium_c.FPDFPage_GetAnnot(raw, i)
        try:
            shown = pdfium_c.FPDFAnnot_GetSubtype(annot) in TEXT_ANNOTATIONS
            found = shown and pdfium_c.FPDFAnnot_GetRect(annot, rect)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
        if not found:
            continue
        left, top, right, bottom = geometry.box(rect.left, rect.bottom, rect.right, rect.top)
        if any(left <= x <= right and top <= y <= bottom for x, y in middles):
            removed += bool(pdfium_c.FPDFPage_RemoveAnnot(raw, i))
    return removed


def read_page(pdf: Any, index: int, *, head: bool) -> PageText:
    """The text of page ``index`` (0-based) of an open pypdfium2 document; ``head``: split page 1's head."""
    page = pdf[index]
    try:
        geometry = geometry_of(page)
        images, rulings = scan_objects(page)
        fields = _has_text_annotations(page)
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        flat = fields and pdfium_c.FPDFPage_Flatten(page.raw, pdfium_c.FLAT_NORMALDISPLAY) == (
            pdfium_c.FLATTEN_SUCCESS
        )
        if flat:
            textpage.close()
            page.close()
            page = pdf[index]  # flattening invalidates the page's handles
            textpage = page.get_textpage()
        try:
            after = textpage.get_text_range() if flat else text
            if not after.startswith(text):
                after = text  # the fields' text did not come last: leave it out
            return _page_text(index, text, after, _Chars(textpage, geometry), images, rulings, head)
        finally:
            textpage.close()
    finally:
        page.close()


def _page_text(
    index: int, text: str, after: str, chars: _Chars, images: bool, rulings: int, head: bool
) -> PageText:
    spans = line_spans(text) if text else []
    width, height = chars.geometry.size
    header_words = any(is_table_header(text[a:b]) for a, b in spans)
    page = PageText(index, [], width, height, images, rulings, header_words)
    extra = after[len(text) :]
    glyphs: dict[int, list[Glyph]] = {}
    boxes: list[Box | None] = []
    for n, (a, b) in enumerate(spans):
        if head and n < HEAD_LINES:
            glyphs[n] = chars.glyphs(text, a, b)
            boxes.append(union([g for _, g in glyphs[n] if g is not None]))
        else:
            boxes.append(chars.line_box(text, a, b))
    orphans: list[list[Glyph]] = []
    stamps: list[PdfLine] = []
    if extra.strip():
        stamp_spans = _stamp_spans(after, len(text), chars)
        stamps = [_stamp_line(after, group) for group in stamp_spans]
        skip = [(a, b) for group in stamp_spans for a, b, _ in group]
        page.fields_merged = merge_field_words(text, after, spans, boxes, glyphs, chars.glyphs, orphans, skip)
    lines = [
        _glyph_line(glyphs[n], head) if n in glyphs else PdfLine(0, clean(text[a:b]), boxes[n])
        for n, (a, b) in enumerate(spans)
    ]
    # fields' words that stand on no line, and the stamps' lines: lines of their own, placed by position
    for line in [*(_glyph_line(words, head=False) for words in orphans), *stamps]:
        top = line.box[1] if line.box else float("inf")
        at = next((i for i, other in enumerate(lines) if other.box and other.box[1] > top), len(lines))
        lines.insert(at, line)
    for number, line in enumerate(lines, 1):
        line.number = number
    page.lines = lines
    return page


def _stamp_spans(after: str, start: int, chars: _Chars) -> list[list[tuple[int, int, Box]]]:
    """The lines of the fields' text (``after`` from ``start``) that digital signatures' stamps print, a
    list per stamp line: the line opening with a stamp marker ("Ký bởi: Sở Công Thương tỉnh") and those
    under it that go on with its value ("Lào Cai"), standing below it within STAMP_WRAP line heights and
    starting within STAMP_INDENT points of it. Each line comes with its span and its box."""
    groups: list[list[tuple[int, int, Box]]] = []
    last: Box | None = None
    for a, b in line_spans(after[start:]):
        a, b = a + start, b + start
        line = clean(after[a:b])
        box = chars.line_box(after, a, b)
        if not line or box is None:
            continue
        if is_stamp_line(line):
            groups.append([(a, b, box)])
            last = box
        elif groups and last is not None and _goes_on(last, box):
            groups[-1].append((a, b, box))
            last = box
        else:
            last = None
    return groups


def _goes_on(above: Box, box: Box) -> bool:
    height = above[3] - above[1]
    return 0 < box[1] - above[1] <= STAMP_WRAP * height and abs(box[0] - above[0]) <= STAMP_INDENT


def _stamp_line(after: str, group: list[tuple[int, int, Box]]) -> PdfLine:
    text = " ".join(clean(after[a:b]) for a, b, _ in group)
    return PdfLine(0, text, union([box for _, _, box in group]), stamp=True)


@cache
def table_header_word() -> re.Pattern[str]:
    """A word of a table's header row ("STT | Nội dung | Chủ trì | Phối hợp | Thời gian":
    ``table_columns.json``: page_header_words); a line with two of them marks a page that may hold a
    table."""
    words = lexicon.string_list("table_columns.json", "page_header_words")
    return re.compile(rf"(?<!\w)(?:{alternation(words)})(?!\w)", re.IGNORECASE)


def is_table_header(line: str) -> bool:
    """A line of table-header words ("STT Nội dung Chủ trì Phối hợp Thời gian"), not a sentence naming two."""
    words = table_header_word().findall(line)
    if len({w.casefold() for w in words}) < 2:
        return False
    return sum(len(w) for w in words) >= HEADER_SHARE * sum(c.isalpha() for c in line)


def _glyph_line(glyphs: list[Glyph], head: bool) -> PdfLine:
    boxes = [g for _, g in glyphs if g is not None]
    line = PdfLine(0, clean("".join(c for c, _ in glyphs)), union(boxes))
    if head:
        line.segments = segments(glyphs)
    return line


def segments(glyphs: list[Glyph]) -> list[Segment]:
    """Split a line where a character stands more than COLUMN_GAP right of (or back left of) the last."""
    pieces: list[list[Glyph]] = [[]]
    last: Box | None = None
    for char, box in glyphs:
        if (
            box is not None
            and last is not None
            and (box[0] - last[2] > COLUMN_GAP or box[0] < last[0] - COLUMN_GAP)
        ):
            pieces.append([])
        pieces[-1].append((char, box))
        if box is not None:
            last = box
    out = []
    for piece in pieces:
        text = clean("".join(c for c, _ in piece))
        box = union([g for _, g in piece if g is not None])
        if text and box is not None:
            out.append(Segment(text, box))
    return out

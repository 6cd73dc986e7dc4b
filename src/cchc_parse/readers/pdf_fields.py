"""Form fields of a signed PDF page: the words of its flattened widgets, put into the lines they stand on.

Signing software often prints the number and the date in form fields, not in the page content. PDFium's
text of the flattened page holds the fields' words after the page's own text; each word goes into the line
it stands on ("Số: /QĐ-UBND" + "2170" -> "Số: 2170 /QĐ-UBND"), between the characters left and right of its
middle, or becomes a line of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from cchc_parse.readers.pdf_boxes import Box, Glyph, union

FIELD_SLACK = 3.0  # points a field's word may stand above or below the line it belongs to


def merge_field_words(
    text: str,
    after: str,
    spans: list[tuple[int, int]],
    boxes: list[Box | None],
    glyphs: dict[int, list[Glyph]],
    glyphs_of: Callable[[str, int, int], list[Glyph]],
    orphans: list[list[Glyph]],
    skip: list[tuple[int, int]] | None = None,
) -> int:
    """Put each word of the flattened fields (``after`` beyond ``text``) into the line it stands on
    (``glyphs[n]``, made from ``text`` with ``glyphs_of`` when first needed), or, standing on none, into
    ``orphans``; the number of words placed. Words within the ``skip`` ranges of ``after`` (the lines of
    signatures' stamps, kept whole) are left out."""
    merged = 0
    start = len(text)
    extra = after[start:]
    words: list[list[Glyph]] = []
    i = 0
    while i < len(extra):
        if extra[i].isspace():
            i += 1
            continue
        j = i
        while j < len(extra) and not extra[j].isspace():
            j += 1
        if not any(a <= start + i < b for a, b in skip or ()):
            words.append(glyphs_of(after, start + i, start + j))
        i = j
    for word in words:
        box = union([g for _, g in word if g is not None])
        if box is None:
            continue
        merged += 1
        n = _line_at(box, boxes)
        if n is None:
            _add_orphan(orphans, word, box)
            continue
        if n not in glyphs:
            a, b = spans[n]
            glyphs[n] = glyphs_of(text, a, b)
        _insert(glyphs[n], word, box)
    return merged


def _line_at(box: Box, boxes: list[Box | None]) -> int | None:
    """The line ``box`` stands on: vertically within it, then the nearest across (columns share a height)."""
    middle = (box[1] + box[3]) / 2
    best: tuple[float, float, int] | None = None
    for n, line in enumerate(boxes):
        if line is None or not line[1] - FIELD_SLACK <= middle <= line[3] + FIELD_SLACK:
            continue
        across = max(line[0] - box[2], box[0] - line[2], 0.0)
        key = (across, abs((line[1] + line[3]) / 2 - middle), n)
        if best is None or key < best:
            best = key
    return best[2] if best else None


def _insert(line: list[Glyph], word: list[Glyph], box: Box) -> None:
    """Insert ``word`` between the characters left and right of its middle, with a space either side."""
    middle = (box[0] + box[2]) / 2
    at = 0
    for k, (_, g) in enumerate(line):
        if g is not None and (g[0] + g[2]) / 2 < middle:
            at = k + 1
    line[at:at] = [(" ", None), *word, (" ", None)]


def _add_orphan(orphans: list[list[Glyph]], word: list[Glyph], box: Box) -> None:
    middle = (box[1] + box[3]) / 2
    for line in orphans:
        line_box = union([g for _, g in line if g is not None])
        if line_box and line_box[1] <= middle <= line_box[3]:
            _insert(line, word, box)
            return
    orphans.append(list(word))

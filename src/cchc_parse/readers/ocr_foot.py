"""The foot of an OCR'd page: the "Nơi nhận:" list and the signature block side by side, made a table.

A document closes with two columns: on the left the recipients ("Nơi nhận: / - Như trên; / - Lưu: VT"), on
the right the signature ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Phan Trung Bá"); minutes close with the
representatives' blocks side by side ("ĐẠI DIỆN SỞ CÔNG THƯƠNG | ĐẠI DIỆN CÔNG TY …"). Tesseract reads the
columns' lines across ("Nơi nhận: KT. CHỦ TỊCH"), so the signer's title and name run into the recipients.
A text layer gives the columns one after the other, and a Word file a table; :func:`with_foot_table` makes
the OCR'd foot a two-column table as Word's, which ``extract/signature.py`` reads cell by cell.

The foot starts at the first line with a segment right of the page's middle that opens a signature title (a
signing prefix "KT.", "TM.", a representative's "ĐẠI DIỆN", or an authority's title in capitals); its
columns part at that segment's left edge (a segment goes to the side of its middle); it ends where a line
wider than half the page runs across that edge (body text again) or with the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from cchc_parse import lexicon
from cchc_parse.grammar.pieces import VI_LOWER, VI_UPPER, in_capitals
from cchc_parse.normalize.encodings import without_tone
from cchc_parse.readers.ocr_lines import is_speck
from cchc_parse.readers.pdf_boxes import union
from cchc_parse.readers.pdf_page import PdfLine, Segment
from cchc_parse.readers.pdf_tables import PdfTable

__all__ = ["with_foot_table"]

SIGNATURES = "signatures.json"
SPLIT_SLACK = 12.0  # points left of the signature column's edge that its lines may start
RIGHT_COLUMN = 0.45  # share of the page's width left of where a signature column starts
CAPITALS_SHARE = 0.8  # a signature title in capitals, a few letters misread by OCR allowed
BODY_WIDTH = 0.5  # share of the page's width a line of body text spans at least
# Glyphs Tesseract reads for a signature's strokes and a seal's ring: never in a recipient's or signer's line.
STROKE_GLYPHS = re.compile(r"[¬®©~\\`^{}<>¦§°]")
# Quotes a stroke leaves at either end of a word ('“Hoàng Văn Thuân'), commas and colons before it
STROKE_ENDS = re.compile(r"^[“”\"'‘’`,:;_]+(?=\w)|(?<=\w)[“”\"'‘’`_]+$")


# A name whose first word a signature stroke damaged: a lower-case or broken word, then 1-4 capitalised ones
# ("toang Văn Thuân" for "Hoàng Văn Thuân", "zam Bình Minh" for "Phạm Bình Minh").
DAMAGED_NAME = re.compile(
    rf"^\W*(?P<first>[{VI_LOWER}]{{2,6}})(?P<rest>(?:\s+[{VI_UPPER}][{VI_LOWER}]+){{1,4}})$"
)


@cache
def _surnames() -> list[tuple[str, str]]:
    """The common surnames, the commonest first, each with its letters in lower case without tones."""
    return [(name, without_tone(name.lower())) for name in lexicon.string_list(SIGNATURES, "surnames")]


def restored_name(text: str) -> str:
    """A signer's name with a damaged surname restored: the commonest surname that ends as the damaged word
    does after its first letter (the stroke's); the text as it is when no surname does."""
    m = DAMAGED_NAME.match(text)
    if m is None:
        return text
    tail = without_tone(m["first"].lower())[1:]
    for name, bare in _surnames():
        if bare.endswith(tail) and 0 < len(bare) - len(tail) <= 2:
            return name + m["rest"]
    return text


@cache
def _title_start() -> re.Pattern[str]:
    """A signature title's opening: a signing or representative prefix, or an authority's title."""
    words = [
        *lexicon.string_list(SIGNATURES, "signature_prefixes"),
        *lexicon.string_list(SIGNATURES, "representative_prefixes"),
        *lexicon.string_list(SIGNATURES, "authority_titles"),
    ]
    # a prefix's dot may touch the title ("TM.ỦY BAN NHÂN DÂN"); a word ends at a space
    alternatives = "|".join(
        re.escape(w) + ("" if w.endswith(".") else r"(?=\s|$)") for w in sorted(words, key=len, reverse=True)
    )
    return re.compile(rf"^(?:{alternatives})")


def with_foot_table(items: Sequence[PdfLine | PdfTable], width: float, page: int) -> list[PdfLine | PdfTable]:
    """An OCR'd page's items with its two-column foot made a table (unchanged when it has none)."""
    start = _foot_start(items, width)
    if start is None:
        return list(items)
    first = items[start]
    assert isinstance(first, PdfLine)
    split = min(s.box[0] for s in _right_segments(first, width) if _is_title(s.text)) - SPLIT_SLACK
    columns: tuple[list[tuple[int, Segment]], list[tuple[int, Segment]]] = ([], [])
    end = start
    for item in items[start:]:
        if not isinstance(item, PdfLine) or any(_body_text(s, split, width) for s in item.segments):
            break
        for segment in item.segments:
            text = _unspecked(segment.text)
            if text:
                side = (segment.box[0] + segment.box[2]) / 2 >= split
                columns[side].append((item.number, Segment(text, segment.box)))
        end += 1
    placed = [*columns[0], *columns[1]]
    box = union([s.box for _, s in placed])
    if not columns[0] or not columns[1] or box is None:
        return list(items)
    lines = [n for n, _ in placed]
    table = PdfTable(
        page, box, [[_cell(columns[0]), _cell(columns[1])]], row_lines=[(min(lines), max(lines))]
    )
    return [*items[:start], table, *items[end:]]


def _foot_start(items: Sequence[PdfLine | PdfTable], width: float) -> int | None:
    """The index of the foot's first line: the first with a signature title right of the middle."""
    for i, item in enumerate(items):
        if not isinstance(item, PdfLine):
            continue
        if any(_is_title(s.text) for s in _right_segments(item, width)):
            return i
    return None


def _body_text(segment: Segment, split: float, width: float) -> bool:
    """A segment across the columns' edge and wider than half the page: the body goes on below the foot
    (a narrower one is a recipient's line run into a signature's specks)."""
    return segment.box[0] < split < segment.box[2] and segment.box[2] - segment.box[0] > BODY_WIDTH * width


def _is_title(text: str) -> bool:
    return bool(_title_start().match(text)) and in_capitals(text, share=CAPITALS_SHARE)


def _right_segments(line: PdfLine, width: float) -> list[Segment]:
    """The segments of a line standing in the right column: starting right of RIGHT_COLUMN of the width
    (a heading centred on the page starts further left)."""
    return [s for s in line.segments if s.box[0] > RIGHT_COLUMN * width]


def _unspecked(text: str) -> str:
    """A foot segment's text without the words strokes were read as (glyphs: "x¬HYỶ", "`") and the quotes
    they leave at a word's ends ("“Hoàng"); "" for what is left a speck (``ocr_lines.is_speck``: a stroke
    read as "z")."""
    words = [STROKE_ENDS.sub("", w) for w in text.split() if not STROKE_GLYPHS.search(w)]
    kept = " ".join(w for w in words if any(c.isalnum() for c in w) or w in "-–+")
    return "" if is_speck(kept) else kept


def _cell(segments: list[tuple[int, Segment]]) -> str:
    """A column's lines, top to bottom; pieces of one line joined."""
    by_line: dict[int, list[str]] = {}
    for n, segment in segments:
        by_line.setdefault(n, []).append(segment.text)
    return "\n".join(restored_name(" ".join(parts)) for parts in by_line.values())

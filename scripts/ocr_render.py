"""Render clean Vietnamese text as page images, OCR them with Tesseract, and align the OCR with the text.

Helper module of ``scripts/generate_ocr_pairs.py`` (the OCR channel's training pairs) and
``bench/make_repair_data.py`` (the repair benchmark's texts); import it with ``scripts/`` on ``sys.path``.

- :func:`paragraphs` / :func:`clean_lines`: the prose of a thuvienphapluat document of
  ``../shared/corpus/lm/legal-documents.txt.gz`` (site chrome, table bars, markdown marks and short lines
  dropped; hard-wrapped lines re-flowed into paragraphs; NFC), wrapped into lines for rendering;
- :func:`render_page`: those lines on a white A4-width page, one text line per given line;
- :func:`ocr`: Tesseract on the page (through :func:`cchc_parse.readers.ocr.ocr_image`);
- :func:`align_lines` / :func:`align_tokens`: clean lines with OCR lines, clean tokens with OCR tokens.
"""

from __future__ import annotations

import random
import re
import sys
import textwrap
import unicodedata
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))

from cchc_parse.readers.ocr import ocr_image, text_quality  # noqa: E402

__all__ = [
    "FONTS",
    "align_lines",
    "align_tokens",
    "clean_lines",
    "fit_width",
    "lines_per_page",
    "ocr",
    "paragraphs",
    "render_page",
    "tokens",
    "wrap",
]

FONT_DIR = Path("/usr/share/fonts/truetype")
# Liberation 2 (fonts-liberation2): Liberation 1.x under truetype/liberation/ lacks most Vietnamese letters.
FONTS = {
    "LiberationSerif": FONT_DIR / "liberation2" / "LiberationSerif-Regular.ttf",
    "DejaVuSerif": FONT_DIR / "dejavu" / "DejaVuSerif.ttf",
    "FreeSerif": FONT_DIR / "freefont" / "FreeSerif.ttf",
    "LiberationSans": FONT_DIR / "liberation2" / "LiberationSans-Regular.ttf",
    "DejaVuSans": FONT_DIR / "dejavu" / "DejaVuSans.ttf",
}

# Page geometry: A4 (210 x 297 mm), 20 mm margins, lines 1.5 times the font size apart (so that the marks
# above capitals never touch the line above).
PAGE_WIDTH_IN = 210 / 25.4
PAGE_HEIGHT_IN = 297 / 25.4
MARGIN_IN = 20 / 25.4
LINE_SPACING = 1.5
# "Assume a single uniform block of text". On trial pages psm 6 and psm 4 both gave one OCR line per
# rendered line (plus blank lines where Tesseract sees a paragraph end); 6 was a little faster.
TESSERACT_PSM = 6
DEFAULT_WIDTH = 70  # characters per line when the caller does not fit the width to a font (fit_width)

# --- clean text from a thuvienphapluat page ------------------------------------------------------------

# Lines after which the rest of the page is site chrome (related documents, comparison help, notices).
_CHROME_END = ("## Văn bản liên quan", "NỘI DUNG SỬA ĐỔI, HƯỚNG DẪN", "| ^^ Quay lại đầu trang |")
# The line that closes the site banner at the top of a page; the document (after its metadata table) follows.
_BANNER_END = "Đang tải văn bản..."
# The notice after the site's title line under the document; it and the title line end the document.
_NO_ENGLISH = "Văn bản này chưa cập nhật nội dung Tiếng Anh"
# Lines or parts of lines that belong to the site, not to the document.
_CHROME_PARTS = (
    "THƯ VIỆN PHÁP LUẬT",
    "ThuVienPhapLuat",
    "thuvienphapluat",
    "Click vào phần bôi vàng",
    "Đăng nhập",
    "Đăng xuất",
)
_MARKUP_ONLY = re.compile(r"^[|*#\s]*$")  # "|", "**", "#", "* *": separators, never text
_RULE = re.compile(r"^[-–—_=.…\s]{3,}$")  # "---------", "______"
_EMPHASIS = re.compile(r"\*+")
_SPACES = re.compile(r"\s+")
# A line starting with one of these opens a paragraph: list dashes, "1.", "a)", "Điều 5.", "Chương II".
_OPENER = re.compile(r"^(?:[-–—+•]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|(?:Điều|Chương|Mục|Phần)\s+\w+)")
_SENTENCE_END = re.compile(r"[.;:!?]['\")\]]?$")

MIN_CHARS = 25  # shorter paragraphs are headings, table cells, signatures: dropped
MIN_WORDS = 5
MIN_QUALITY = 0.85  # share of words that are Vietnamese syllables (cchc_parse.readers.ocr.text_quality)


def paragraphs(doc_text: str) -> list[str]:
    """The prose paragraphs of one document of the legal corpus, in order (NFC, one line each)."""
    lines = unicodedata.normalize("NFC", doc_text).splitlines()
    if _BANNER_END in lines:
        lines = lines[lines.index(_BANNER_END) + 1 :]
    for i, line in enumerate(lines):
        if line.strip() in _CHROME_END:
            lines = lines[:i]
            break
    if _NO_ENGLISH in lines:  # the page's title line (document name, year, subject) stands before it
        lines = lines[: max(0, lines.index(_NO_ENGLISH) - 1)]
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in lines:
        line = _SPACES.sub(" ", _EMPHASIS.sub("", raw)).strip()
        if (
            not line
            or _MARKUP_ONLY.match(raw)
            or _RULE.match(line)
            or line.startswith("#")
            or any(part in raw for part in _CHROME_PARTS)
        ):
            if current:
                blocks.append(current)
            current = []
            continue
        if current and _starts_paragraph(current[-1], line):
            blocks.append(current)
            current = []
        current.append(line)
    if current:
        blocks.append(current)
    found = []
    for block in blocks:
        text = " ".join(block)
        if _is_prose(text):
            found.append(text)
    return found


def _starts_paragraph(previous: str, line: str) -> bool:
    """True when ``line`` opens a paragraph after ``previous`` (no blank line between them)."""
    if _OPENER.match(line):
        return True
    return bool(_SENTENCE_END.search(previous)) and line[:1].isupper()


def _is_prose(text: str) -> bool:
    return len(text) >= MIN_CHARS and len(text.split()) >= MIN_WORDS and text_quality(text) >= MIN_QUALITY


def wrap(
    paras: list[str],
    width: int = DEFAULT_WIDTH,
    *,
    font_path: str | Path | None = None,
    size_pt: float = 12.0,
    dpi: int = 300,
) -> list[str]:
    """The paragraphs wrapped into lines (words are never broken).

    With ``font_path``, lines are filled up to the page's text width in that font and size (what
    :func:`render_page` accepts); without, up to ``width`` characters.
    """
    if font_path is None:
        lines: list[str] = []
        for para in paras:
            lines.extend(textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False))
        return lines
    font = _font(str(font_path), size_pt, dpi)
    usable = _usable_width(dpi)
    lines = []
    for para in paras:
        line = ""
        for word in para.split():
            longer = f"{line} {word}" if line else word
            if line and font.getlength(longer) > usable:
                lines.append(line)
                line = word
            else:
                line = longer
        if line:
            lines.append(line)
    return lines


def clean_lines(
    doc_text: str,
    width: int = DEFAULT_WIDTH,
    *,
    font_path: str | Path | None = None,
    size_pt: float = 12.0,
    dpi: int = 300,
) -> list[str]:
    """The prose of a document as lines ready for :func:`render_page` (see :func:`wrap` for the width)."""
    return wrap(paragraphs(doc_text), width, font_path=font_path, size_pt=size_pt, dpi=dpi)


# --- rendering -----------------------------------------------------------------------------------------


@cache
def _font(font_path: str, size_pt: float, dpi: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(font_path, size=round(size_pt * dpi / 72))


# Text to measure a font's mean character width on: ordinary Vietnamese prose.
_WIDTH_SAMPLE = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025; Ủy ban nhân dân tỉnh ban hành "
    "Kế hoạch tuyên truyền công tác cải cách hành chính, chuyển đổi số và đổi mới sáng tạo năm 2026."
)


def _usable_width(dpi: int) -> int:
    """Pixels between the left and right margins."""
    return round(PAGE_WIDTH_IN * dpi) - 2 * round(MARGIN_IN * dpi)


def fit_width(font_path: str | Path, size_pt: float, dpi: int = 300) -> int:
    """About how many characters of ordinary prose fit on a line in this font and size."""
    font = _font(str(font_path), size_pt, dpi)
    return int(_usable_width(dpi) / (font.getlength(_WIDTH_SAMPLE) / len(_WIDTH_SAMPLE)))


def lines_per_page(size_pt: float, dpi: int = 300) -> int:
    """How many lines of this size fit on an A4 page between the margins."""
    usable = (PAGE_HEIGHT_IN - 2 * MARGIN_IN) * dpi
    return int(usable // (size_pt * dpi / 72 * LINE_SPACING))


def render_page(lines: list[str], font_path: str | Path, size_pt: float, dpi: int = 300) -> Image.Image:
    """A white A4-width page ("L" mode, ``dpi`` recorded) with each line of ``lines`` drawn on its own line.

    The page is A4-high, or higher when the lines need it. Raises ValueError when a line is wider than the
    space between the margins (wrap the text first: :func:`fit_width`, :func:`wrap`).
    """
    font = _font(str(font_path), size_pt, dpi)
    missing = sorted({c for line in lines for c in line if not _has_glyph(str(font_path), c)})
    if missing:
        raise ValueError(f"{Path(font_path).name} has no glyph for {''.join(missing)!r}")
    margin = round(MARGIN_IN * dpi)
    width = round(PAGE_WIDTH_IN * dpi)
    usable = _usable_width(dpi)
    step = size_pt * dpi / 72 * LINE_SPACING
    height = max(round(PAGE_HEIGHT_IN * dpi), round(2 * margin + step * len(lines)))
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        if font.getlength(line) > usable:
            raise ValueError(f"line {i + 1} is wider than the page: {line!r}")
        draw.text((margin, margin + i * step), line, font=font, fill=0)
    image.info["dpi"] = (dpi, dpi)
    return image


def degrade(image: Image.Image, seed: int) -> Image.Image:
    """The page as a cheap office scanner might give it (deterministic for a seed): turned by up to 0.8
    degrees, blurred, scanned at 150-200 dpi and scaled back, with speckles of dust and toner."""
    rng = random.Random(seed)
    width, height = image.size
    page = image.rotate(rng.uniform(-0.8, 0.8), resample=Image.Resampling.BILINEAR, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(rng.uniform(0.6, 1.1)))
    scale = rng.uniform(0.5, 0.67)
    page = page.resize((round(width * scale), round(height * scale)), Image.Resampling.BILINEAR)
    page = page.resize((width, height), Image.Resampling.BILINEAR)
    pixels = page.load()
    assert pixels is not None
    for _ in range(width * height // 4000):
        x, y = rng.randrange(width), rng.randrange(height)
        pixels[x, y] = 0 if rng.random() < 0.5 else 255
    threshold = rng.choice((150, 170, 190))
    page = page.point(lambda v: 0 if v < threshold else 255)
    page.info["dpi"] = image.info.get("dpi", (300, 300))
    return page


@cache
def _has_glyph(font_path: str, char: str) -> bool:
    """False when ``char`` renders as the font's .notdef box (that of a private-use code point)."""
    if char.isspace():
        return True
    font = _font(font_path, 12, 300)
    return bytes(font.getmask(char)) != bytes(font.getmask("\U0010fffd")) or char == "\U0010fffd"


def ocr(image: Image.Image, lang: str, psm: int = TESSERACT_PSM) -> str:
    """Tesseract's text for ``image`` with language ``lang`` ("eng", "vie"): NFC, the lines as Tesseract gave
    them (a blank line where it sees a paragraph end), no trailing form feed."""
    return ocr_image(image, lang=lang, psm=psm, timeout=600.0)


# --- alignment -------------------------------------------------------------------------------------------


def _bare(text: str) -> str:
    """Lower-case letters and digits without marks: what eng and vie OCR of a line still share."""
    decomposed = unicodedata.normalize("NFD", text.lower().replace("đ", "d"))
    return "".join(c for c in decomposed if c.isalnum() or c == " ")


_MIN_LINE_SIMILARITY = 50.0  # fuzz.ratio of the bare texts below which two lines are not paired


def align_lines(clean: list[str], ocr_text: str) -> list[tuple[str, str]]:
    """Pairs (clean line, OCR line) of the rendered lines and Tesseract's non-empty output lines.

    Equal counts pair in order. Otherwise a global alignment (Needleman-Wunsch, similarity of the texts
    without marks) pairs them, leaving out lines Tesseract dropped, split or invented. Pairs less similar
    than 50 % are left out in both cases.
    """
    seen = [line for line in ocr_text.splitlines() if line.strip()]
    a = [_bare(line) for line in clean]
    b = [_bare(line) for line in seen]
    pairs = [(i, i) for i in range(len(a))] if len(a) == len(b) else _global_alignment(a, b)
    return [(clean[i], seen[j]) for i, j in pairs if fuzz.ratio(a[i], b[j]) >= _MIN_LINE_SIMILARITY]


def _global_alignment(a: list[str], b: list[str]) -> list[tuple[int, int]]:
    """Index pairs of a maximum-score alignment; a pair scores its similarity - 0.5, a gap 0."""
    n, m = len(a), len(b)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0: pair, 1: skip a[i], 2: skip b[j]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, how = -1e9, 0
            if i and j:
                best = score[i - 1][j - 1] + fuzz.ratio(a[i - 1], b[j - 1]) / 100 - 0.5
            if i and score[i - 1][j] > best:
                best, how = score[i - 1][j], 1
            if j and score[i][j - 1] > best:
                best, how = score[i][j - 1], 2
            score[i][j], move[i][j] = best, how
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i or j:
        how = move[i][j]
        if how == 0:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif how == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _edge_strip(token: str) -> str:
    """``token`` without punctuation at its ends ("(Cộng" -> "Cộng", "hội," -> "hội", "S¢" unchanged)."""
    start, end = 0, len(token)
    while start < end and unicodedata.category(token[start])[0] == "P":
        start += 1
    while end > start and unicodedata.category(token[end - 1])[0] == "P":
        end -= 1
    return token[start:end]


def tokens(line: str) -> list[str]:
    """The white-space tokens of ``line`` (NFC), edge punctuation stripped, empty ones left out."""
    stripped = (_edge_strip(t) for t in unicodedata.normalize("NFC", line).split())
    return [t for t in stripped if t]


def align_tokens(clean_line: str, ocr_line: str) -> list[tuple[str, str]]:
    """Pairs (clean token, OCR token) of matched and substituted tokens (Levenshtein over token lists).

    Between two matched tokens, a stretch of ``k`` clean and ``k`` OCR tokens pairs them in order; a
    stretch of unequal lengths (a word split or merged, dropped or invented by the OCR) is left out.
    """
    a, b = tokens(clean_line), tokens(ocr_line)
    pairs: list[tuple[str, str]] = []
    gap_a: list[str] = []
    gap_b: list[str] = []
    for op in Levenshtein.opcodes(a, b):
        if op.tag == "equal":
            if len(gap_a) == len(gap_b):
                pairs.extend(zip(gap_a, gap_b, strict=True))
            gap_a, gap_b = [], []
            pairs.extend((t, t) for t in a[op.src_start : op.src_end])
        else:
            gap_a.extend(a[op.src_start : op.src_end])
            gap_b.extend(b[op.dest_start : op.dest_end])
    if len(gap_a) == len(gap_b):
        pairs.extend(zip(gap_a, gap_b, strict=True))
    return pairs

"""Markdown and scraping markup: bold markers, heading hashes, escapes, invisible characters."""

from __future__ import annotations

import re
from typing import NamedTuple

from cchc_parse.grammar.labels import ARTICLE, BULLET_ONLY, ITEM_LABEL
from cchc_parse.grammar.layout import CELL_SEPARATORS, INVISIBLE, SPACES
from cchc_parse.grammar.pieces import in_capitals

# --- patterns of this module --------------------------------------------------------------------------------
MD_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)", re.MULTILINE)

# A backslash escaping markdown punctuation ("1\." -> "1.").
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")

# Single-star italics around a whole phrase ("*Hà Nội, ngày 26*"); bold "**" is handled separately.
MD_ITALIC_STAR = re.compile(r"(?<![*\w])\*(?!\s)|(?<!\s)\*(?![*\w])")


MAX_BOLD_JOIN = 4  # a '**' left open joins at most this many following lines (scraped bold spans wrap)


class Line(NamedTuple):
    """A line of text and the source lines (1-based, inclusive) it was made from."""

    start: int
    end: int
    text: str


def clean_line(text: str) -> str:
    """Drop invisible characters, fold white space, unescape markdown, drop heading hashes."""
    return clean_text(text).replace("\n", " ").strip()


def clean_text(text: str) -> str:
    """:func:`clean_line` for every line of a whole text at once (one regex pass each, not one per line)."""
    text = INVISIBLE.sub("", text)
    text = SPACES.sub(" ", text)
    if "#" in text:
        text = MD_HEADING_LINE.sub("", text)
    if "\\" in text:
        text = MD_ESCAPE.sub(r"\1", text)
    return text


def join_bold_spans(lines: list[Line]) -> list[Line]:
    """Join lines that a '**' bold span wraps across ("**I. MỤC\\nĐÍCH, YÊU CẦU**")."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i
        text = line.text
        while text.count("**") % 2 == 1 and j + 1 < len(lines) and j - i < MAX_BOLD_JOIN:
            nxt = lines[j + 1].text
            if not nxt or CELL_SEPARATORS.match(nxt):
                break
            text = f"{text} {nxt}"
            j += 1
        if text.count("**") % 2 == 1:  # never closed: keep the lines as they were
            text, j = line.text, i
        out.append(line if j == i else Line(line.start, lines[j].end, text))
        i = j + 1
    return out


def split_glued_bold(line: Line) -> list[Line]:
    """Split a line at '**' where bold markers glue a heading to other text.

    "KẾ HOẠCH**Tuyên truyền …**" and "(…tỉnh)**I. MỤC ĐÍCH****1. Mục đích**" become separate lines; inline
    bold inside a sentence ("xã hội **mở mới **tài khoản") is just unmarked.
    """
    if "**" not in line.text:
        return [line]
    pieces: list[str] = []
    for segment in line.text.split("**"):
        seg = segment.strip()
        if not seg:
            continue
        if pieces and _starts_new_line(pieces[-1], seg):
            pieces.append(seg)
        elif pieces:
            sep = "" if seg[:1] in ".,;:)" else " "
            pieces[-1] = f"{pieces[-1]}{sep}{seg}"
        else:
            pieces.append(seg)
    return [Line(line.start, line.end, SPACES.sub(" ", p)) for p in pieces] or [
        Line(line.start, line.end, "")
    ]


def _starts_new_line(before: str, segment: str) -> bool:
    if ITEM_LABEL.match(segment) and not BULLET_ONLY.match(segment):
        return True
    if ARTICLE.match(segment):
        return True
    # An all-caps run before the marker ("KẾ HOẠCH**Tuyên truyền…") is a heading of its own.
    return in_capitals(before) and len(before) >= 4 and segment[:1].isupper() and before[-1:] not in ",;"


def strip_italics(text: str) -> str:
    return MD_ITALIC_STAR.sub("", text).strip() if "*" in text else text


def clean_markup(raw_lines: list[str]) -> list[Line]:
    """From raw file lines to cleaned lines with their source line numbers."""
    cleaned = clean_text("\n".join(raw_lines)).split("\n")
    lines = [Line(n, n, t.strip()) for n, t in enumerate(cleaned, start=1)]
    lines = join_bold_spans(lines)
    out: list[Line] = []
    for line in lines:
        for piece in split_glued_bold(line):
            text = strip_italics(piece.text)
            out.append(piece if text == piece.text else Line(piece.start, piece.end, text))
    return out

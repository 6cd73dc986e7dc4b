"""Removing what is not the document: website chrome, repeated blocks, page numbers and rules."""

from __future__ import annotations

import re
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import DocWarning
from cchc_parse.grammar.documents import EMAIL_ADDRESS
from cchc_parse.grammar.layout import CELL_SEPARATORS, MD_TABLE_ROW, RULE_LINE
from cchc_parse.normalize.markup import Line

# --- patterns of this module --------------------------------------------------------------------------------
# A bare page number, optionally dashed ("- 2 -", "Trang 3").
PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*-)?$")

# A website's own title line for the document: "Quyết định 3350/QĐ-UBND năm 2025 về …".
SITE_TITLE = re.compile(r"^[A-ZĐÂ]\S*(?:\s+\S+){0,3}\s+\d+/\S+\s+(?:năm|ngày)\s+\d")

# The subject such a line gives after the year or date, without the issuer's "do … ban hành" at its end
# ("Công văn 6225/BVHTTDL-VP ngày 18/11/2025 tập trung đẩy mạnh … do Bộ Văn hóa, … ban hành").
SITE_SUBJECT = re.compile(
    r"^\S+(?:\s+\S+){0,3}?\s+\d+/\S+\s+(?:năm\s+\d{4}|ngày\s+\d{1,2}/\d{1,2}/\d{4})\s+"
    r"(?P<subject>.+?)(?:\s+do\s+\S.*\s+ban\s+hành)?\s*$"
)

LAYOUT = "layout.json"
HEAD_SCAN_LINES = 80  # site chrome before the document sits within the first lines
SITE_TITLE_LINES = 4  # the site's title lines open its text after the document
MIN_REPEAT_LINES = 6  # a run of identical lines this long, seen before, may be a duplicated block …
MIN_REPEAT_CHARS = 200  # … if it is this long, holds a document-header line (plans repeat their own text) …
PAGE_NUMBER_MAX = 12  # a bare page number line ("- 12 -", "Trang 3") is never longer
RULE_STARTS = frozenset("-_=.…* ")  # first characters of decorative rule lines
MAX_REPEAT_GAP = 3  # … and follows the first copy at once (forms in appendices repeat headers far apart)
STAMP_RUN_MIN = 2  # lines of a stamp in a text, at least (one alone may be a contact's "Email: …")
MAX_HEADER_LINES = 150  # a repeated header block is never longer than this (bounds the search: no O(n²))


# A line that is only an e-mail address, maybe in brackets (a stamp prints the signer's address).
EMAIL_LINE = re.compile(rf"^[<(\[]?{EMAIL_ADDRESS}[>)\]]?$")


def is_stamp_line(text: str) -> bool:
    """A line of a digital-signature stamp: one opening with a stamp marker, or an e-mail address alone."""
    return bool(stamp_line().match(text) or EMAIL_LINE.match(text))


@cache
def stamp_line() -> re.Pattern[str]:
    """A line of a digital-signature stamp: "Ký bởi: …", "Thời gian ký: …", "Email: …" (the markers of
    ``signatures.json``; one ending in ":" may have space before it, the others end a word)."""
    markers = [
        r"\s+".join(map(re.escape, m.rstrip(":").split())) + (r"\s*:" if m.endswith(":") else r"\b")
        for m in lexicon.string_list("signatures.json", "stamp_markers")
    ]
    return re.compile(f"^(?:{'|'.join(markers)})", re.IGNORECASE)


@cache
def _tail_markers() -> tuple[str, ...]:
    return tuple(m.casefold() for m in lexicon.string_list(LAYOUT, "site_tail_markers"))


@cache
def _meta_keys() -> dict[str, str]:
    return lexicon.string_map(LAYOUT, "site_meta_keys")


def _key(text: str) -> str | None:
    return _meta_keys().get(text.strip(" :*|").casefold())


def _site_meta_rows(lines: list[Line], meta: dict[str, str]) -> int:
    """Read '| Số hiệu | 3350/QĐ-UBND |' rows near the top; return the index after the last one, or 0."""
    last = 0
    for i, line in enumerate(lines[:HEAD_SCAN_LINES]):
        if MD_TABLE_ROW.match(line.text):
            cells = [c.strip() for c in line.text.strip("|").split("|")]
            field = _key(cells[0]) if len(cells) >= 2 else None
            if field:
                meta.setdefault(field, cells[1])
                last = i + 1
    return last


def _site_meta_pairs(lines: list[Line], start: int, meta: dict[str, str]) -> int:
    """Read 'Số hiệu:' / value pairs separated by '|' lines; return the index where the document starts."""
    i, doc_start = start, start
    while i < len(lines):
        text = lines[i].text
        if not text or CELL_SEPARATORS.match(text):
            i += 1
            continue
        field = _key(text)
        if field is None:
            break
        j = i + 1
        while j < len(lines) and (not lines[j].text or CELL_SEPARATORS.match(lines[j].text)):
            j += 1
        if j < len(lines):
            meta.setdefault(field, lines[j].text)
        i = doc_start = j + 1
    # keep the '|' that opens the document's header table
    while doc_start < i and (not lines[doc_start].text or CELL_SEPARATORS.match(lines[doc_start].text)):
        doc_start += 1
    return max(start, doc_start - 1) if doc_start > start else start


def trim_site_chrome(
    lines: list[Line], cut: list[Line] | None = None
) -> tuple[list[Line], dict[str, str], list[DocWarning]]:
    """Cut website text before and after the document (added to ``cut``); return the site's metadata
    table too."""
    meta: dict[str, str] = {}
    warnings: list[DocWarning] = []
    start = 0
    end_markers = {m.casefold() for m in lexicon.string_list(LAYOUT, "site_head_end_markers")}
    for i, line in enumerate(lines[:HEAD_SCAN_LINES]):
        if line.text.casefold() in end_markers:
            start = _site_meta_pairs(lines, i + 1, meta)
            break
    else:
        start = _site_meta_rows(lines, meta)
    end = _tail_start(lines, start)
    for line in lines[end : end + SITE_TITLE_LINES]:
        subject = SITE_SUBJECT.match(line.text) if SITE_TITLE.match(line.text) else None
        if subject:
            meta.setdefault("title", subject.group("subject"))
    if start or end < len(lines):
        warnings.append(
            DocWarning("site_chrome_removed", f"removed {start + len(lines) - end} lines of website text")
        )
    if cut is not None:
        cut.extend(lines[:start] + lines[end:])
    return lines[start:end], meta, warnings


def _tail_start(lines: list[Line], start: int) -> int:
    markers = _tail_markers()
    longest = max(map(len, markers)) + 25
    for i in range(start, len(lines)):
        text = lines[i].text
        if not text or len(text) > longest:
            continue
        folded = text.casefold().strip(" -.")
        if folded.startswith(markers) and any(
            folded.startswith(m) and len(folded) <= len(m) + 25 for m in markers
        ):
            j = i
            while j > start and (not lines[j - 1].text or SITE_TITLE.match(lines[j - 1].text)):
                j -= 1
            return j
    return len(lines)


def remove_repeated_blocks(
    lines: list[Line], cut: list[Line] | None = None
) -> tuple[list[Line], list[DocWarning]]:
    """Drop a later copy of a run of lines that already appeared (scrapers repeat header blocks), adding
    it to ``cut``."""
    first_seen: dict[str, int] = {}
    keep = [True] * len(lines)
    warnings: list[DocWarning] = []
    i = 0
    while i < len(lines):
        text = lines[i].text
        j = first_seen.get(text) if len(text) >= 15 else None
        if j is not None and i - j <= MAX_HEADER_LINES:
            run = _run_length(lines, j, i)
            adjacent = i - (j + run) <= MAX_REPEAT_GAP
            if adjacent and _is_repeated_header(lines[i : i + run]):
                for k in range(run):
                    keep[i + k] = False
                warnings.append(
                    DocWarning(
                        "duplicate_block_removed",
                        f"removed {run} lines repeating lines {lines[j].start}-{lines[j + run - 1].end}",
                        lines[i].start,
                    )
                )
                i += run
                continue
        if len(text) >= 15:
            first_seen.setdefault(text, i)
        i += 1
    if cut is not None:
        cut.extend(line for line, k in zip(lines, keep, strict=True) if not k)
    return [line for line, k in zip(lines, keep, strict=True) if k], warnings


def _is_repeated_header(run: list[Line]) -> bool:
    """Scrapers repeat the document's header block; a plan legitimately repeats its own sentences."""
    if len(run) < MIN_REPEAT_LINES or sum(len(line.text) for line in run) < MIN_REPEAT_CHARS:
        return False
    markers = lexicon.string_list(LAYOUT, "repeated_header_markers")
    return any(line.text.startswith(markers) for line in run)


def _run_length(lines: list[Line], earlier: int, later: int) -> int:
    run = 0
    while (
        later + run < len(lines)
        and earlier + run < later
        and lines[earlier + run].text == lines[later + run].text
    ):
        run += 1
    return run


def drop_page_artifacts(lines: list[Line], cut: list[Line] | None = None) -> list[Line]:
    """Blank out bare page numbers, decorative rules ('-------') and, given ``cut``, the lines of digital
    signatures' stamps, so they never join text; the page numbers and stamps go to ``cut``."""
    stamps = stamp_runs([line.text for line in lines]) if cut is not None else set()
    out = []
    for i, line in enumerate(lines):
        text = line.text
        short = len(text) <= PAGE_NUMBER_MAX and bool(PAGE_NUMBER.match(text))
        rule = text[:1] in RULE_STARTS and bool(RULE_LINE.match(text))
        if (short or i in stamps) and cut is not None:
            cut.append(line)
        out.append(line._replace(text="") if short or rule or i in stamps else line)
    return out


def stamp_runs(texts: list[str]) -> set[int]:
    """Indexes of the lines of a text that a digital signature's stamp printed: runs of STAMP_RUN_MIN or
    more stamp lines, blank lines between them allowed ("Ký bởi: …" / "Email: …" / "Thời gian ký: …"); a
    lone "Email: …" of a contact paragraph is no stamp."""
    found: set[int] = set()
    run: list[int] = []
    for i, text in enumerate([*texts, "."]):  # a last line of text closes the last run
        if not text.strip():
            continue
        if is_stamp_line(text.strip()):
            run.append(i)
            continue
        if len(run) >= STAMP_RUN_MIN:
            found.update(run)
        run = []
    return found

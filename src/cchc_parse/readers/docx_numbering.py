"""Word automatic numbering (numbering.xml): the label Word displays before a numbered paragraph.

A paragraph is numbered by its own ``w:numPr`` (``w:numId`` and ``w:ilvl``) or by its style's. ``w:num``
points at an ``w:abstractNum`` whose levels give the start value, the number format and the label text
("%1.", "%1.%2.", "%1)"). Counters are kept per abstract numbering, as Word does: a second ``w:num`` over
the same abstract numbering continues the count unless it overrides a level's start (``w:startOverride``,
applied the first time that ``w:num`` is used). Using a level restarts the deeper levels (unless their
``w:lvlRestart`` says otherwise).

Labels are rendered the way a typed document would print them, so the outline reads them like text:
upper Roman "I.", decimal "1." / "1.2.", letters "a)", and every bullet glyph as "-" ("+" stays "+",
the customary second-level bullet of Vietnamese plans).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cchc_parse.readers.docx_xml import XmlElement, child, int_val, is_on, val, w

LEVELS = 9
MAX_LINK_DEPTH = 5  # numStyleLink / basedOn chains followed at most this deep
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"))
ROMAN_SMALL = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
BULLET_KEPT = {"+": "+"}  # bullet glyphs rendered as themselves; every other glyph becomes "-"


@dataclass(frozen=True)
class Level:
    """One level of an abstract numbering."""

    start: int = 0  # the spec's default when w:start is missing
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; 0 = never
    style: str | None = None  # a paragraph style tied to this level
    legal: bool = False  # w:isLgl: show the higher levels' numbers in decimal


@dataclass
class Num:
    """A w:num: its abstract numbering and level overrides."""

    abstract: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, Level] = field(default_factory=dict)


@dataclass(frozen=True)
class StyleInfo:
    num_id: str | None
    ilvl: int | None
    style_id: str
    based_on: str | None


@dataclass
class Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * LEVELS)
    nums_seen: set[str] = field(default_factory=set)


def to_roman(n: int) -> str:
    out = []
    for value, letters in ROMAN + ROMAN_SMALL:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def to_letter(n: int) -> str:
    """Word's letter numbering: a … z, then aa … zz, aaa …"""
    if n <= 0:
        return ""
    repeat, index = divmod(n - 1, 26)
    return chr(ord("a") + index) * (repeat + 1)


def format_number(n: int, fmt: str) -> str:
    if fmt == "upperRoman":
        return to_roman(n)
    if fmt == "lowerRoman":
        return to_roman(n).lower()
    if fmt == "upperLetter":
        return to_letter(n).upper()
    if fmt == "lowerLetter":
        return to_letter(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)  # decimal, and the rarer formats (ordinal, cardinalText, …) as decimal


def _level(lvl: XmlElement) -> Level:
    start = int_val(lvl, "start")
    return Level(
        start=0 if start is None else start,
        fmt=val(lvl, "numFmt") or "decimal",
        text=val(lvl, "lvlText") or "",
        restart=int_val(lvl, "lvlRestart"),
        style=val(lvl, "pStyle"),
        legal=is_on(child(lvl, "isLgl")),
    )


def _levels(parent: XmlElement) -> dict[int, Level]:
    levels: dict[int, Level] = {}
    for lvl in parent.findall(w("lvl")):
        index = _ilvl_attr(lvl)
        if index is not None and 0 <= index < LEVELS:
            levels[index] = _level(lvl)
    return levels


def _ilvl_attr(lvl: XmlElement) -> int | None:
    raw = lvl.get(w("ilvl"))
    return int(raw) if raw is not None and raw.isdigit() else None


def _num(num: XmlElement) -> Num | None:
    abstract = val(num, "abstractNumId")
    if abstract is None:
        return None
    entry = Num(abstract)
    for override in num.findall(w("lvlOverride")):
        ilvl = _ilvl_attr(override)
        if ilvl is None or not 0 <= ilvl < LEVELS:
            continue
        start = int_val(override, "startOverride")
        if start is not None:
            entry.starts[ilvl] = start
        lvl = child(override, "lvl")
        if lvl is not None:
            entry.levels[ilvl] = _level(lvl)
            if start is None and child(lvl, "start") is not None:
                entry.starts[ilvl] = entry.levels[ilvl].start
    return entry


def _styles(styles: XmlElement | None) -> tuple[dict[str, StyleInfo], str | None]:
    """Paragraph and numbering styles' numbering, and the default paragraph style."""
    infos: dict[str, StyleInfo] = {}
    default: str | None = None
    if styles is None:
        return infos, None
    for style in styles.findall(w("style")):
        style_id = style.get(w("styleId"))
        if style_id is None:
            continue
        if style.get(w("type")) == "paragraph" and is_on_attr(style.get(w("default"))):
            default = style_id
        num_pr = child(style, "pPr", "numPr")
        infos[style_id] = StyleInfo(
            val(num_pr, "numId"), int_val(num_pr, "ilvl"), style_id, val(style, "basedOn")
        )
    return infos, default


def is_on_attr(raw: str | None) -> bool:
    return raw is not None and raw not in ("0", "false", "off")


class Numbering:
    """The numbering definitions of one document and the running counters while it is read in order."""

    def __init__(self, numbering: XmlElement | None, styles: XmlElement | None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.links: dict[str, str] = {}  # abstract id -> numbering style it takes its levels from
        self.nums: dict[str, Num] = {}
        if numbering is not None:
            self._load(numbering)
        self.styles, self.default_style = _styles(styles)
        self.counters: dict[str, Counters] = {}

    def _load(self, numbering: XmlElement) -> None:
        for abstract in numbering.findall(w("abstractNum")):
            abstract_id = abstract.get(w("abstractNumId"))
            if abstract_id is None:
                continue
            self.abstracts[abstract_id] = _levels(abstract)
            link = val(abstract, "numStyleLink")
            if link:
                self.links[abstract_id] = link
        for num in numbering.findall(w("num")):
            num_id = num.get(w("numId"))
            entry = _num(num) if num_id is not None else None
            if num_id is not None and entry is not None:
                self.nums[num_id] = entry

    def label(self, p_pr: XmlElement | None) -> str | None:
        """Advance the counters for a paragraph and return its label ("II.", "1.2.", "a)", "-"), if any."""
        if not self.nums:
            return None
        found = self._num_and_level(p_pr)
        if found is None:
            return None
        num_id, num, abstract_id, ilvl = found
        levels = self._effective_levels(num, abstract_id)
        if ilvl not in levels:
            return None
        state = self.counters.setdefault(abstract_id, Counters())
        if num_id not in state.nums_seen:
            state.nums_seen.add(num_id)
            for level in num.starts:  # a start override restarts its level the first time the num is used
                state.values[level] = None
                _restart_deeper(state, levels, level)
        current = state.values[ilvl]
        state.values[ilvl] = levels[ilvl].start if current is None else current + 1
        _restart_deeper(state, levels, ilvl)
        return _render(levels, state, ilvl)

    def _num_and_level(self, p_pr: XmlElement | None) -> tuple[str, Num, str, int] | None:
        style_id = val(p_pr, "pStyle") or self.default_style
        num_pr = child(p_pr, "numPr")
        num_id = val(num_pr, "numId")
        ilvl = int_val(num_pr, "ilvl")
        chain = self._style_chain(style_id)
        if num_id is None:
            num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        if ilvl is None:
            ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        num = self.nums.get(num_id) if num_id not in (None, "0") else None
        if num is None or num_id is None:
            return None
        abstract_id = self._resolve_abstract(num.abstract)
        if ilvl is None:
            ilvl = self._level_of_style(abstract_id, [s.style_id for s in chain])
        return (num_id, num, abstract_id, ilvl) if 0 <= ilvl < LEVELS else None

    def _style_chain(self, style_id: str | None) -> list[StyleInfo]:
        chain: list[StyleInfo] = []
        while style_id is not None and style_id in self.styles and len(chain) < MAX_LINK_DEPTH:
            info = self.styles[style_id]
            chain.append(info)
            style_id = info.based_on
        return chain

    def _resolve_abstract(self, abstract_id: str) -> str:
        """Follow w:numStyleLink: an abstract numbering that takes its levels from a numbering style."""
        for _ in range(MAX_LINK_DEPTH):
            link = self.links.get(abstract_id)
            if link is None or self.abstracts.get(abstract_id):
                break
            style_num = next((s.num_id for s in self._style_chain(link) if s.num_id), None)
            target = self.nums.get(style_num) if style_num is not None else None
            if target is None or target.abstract == abstract_id:
                break
            abstract_id = target.abstract
        return abstract_id

    def _level_of_style(self, abstract_id: str, style_ids: list[str]) -> int:
        """The level tied to the paragraph's style (or a style it is based on); else the first level."""
        levels = self.abstracts.get(abstract_id, {})
        for style_id in style_ids:
            for index, level in levels.items():
                if level.style == style_id:
                    return index
        return 0

    def _effective_levels(self, num: Num, abstract_id: str) -> dict[int, Level]:
        """The abstract levels with the num's overrides: whole levels, and start values."""
        levels = self.abstracts.get(abstract_id, {})
        if not num.levels and not num.starts:
            return levels
        merged = {**levels, **num.levels}
        for index, start in num.starts.items():
            if index in merged:
                merged[index] = replace(merged[index], start=start)
        return merged


def _restart_deeper(state: Counters, levels: dict[int, Level], used: int) -> None:
    """Using level ``used`` restarts each deeper level whose w:lvlRestart allows it."""
    for deeper in range(used + 1, LEVELS):
        level = levels.get(deeper)
        restart_after = deeper if level is None or level.restart is None else level.restart
        if restart_after > 0 and used < restart_after:
            state.values[deeper] = None


def _render(levels: dict[int, Level], state: Counters, ilvl: int) -> str | None:
    level = levels[ilvl]
    if level.fmt == "bullet":
        glyph = level.text.strip()
        return BULLET_KEPT.get(glyph, "-") if glyph else None
    text = level.text
    for k in range(LEVELS, 0, -1):  # %10 does not exist, but go high to low so "%1" never eats "%12"
        marker = f"%{k}"
        if marker not in text:
            continue
        shown = levels.get(k - 1, Level())
        value = state.values[k - 1]
        number = shown.start if value is None else value
        fmt = "decimal" if level.legal and k - 1 < ilvl else shown.fmt
        text = text.replace(marker, format_number(number, fmt))
    return text.strip() or None

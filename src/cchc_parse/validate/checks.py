"""The validation rules: one small function per rule code, each yielding hits (line and message fields).

The registry ``CHECKS`` maps each code of ``data/validate.json`` to its function; CP000 (unreadable input)
belongs to the engine, which reports it when a file cannot be parsed at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from cchc_parse.grammar.dates import ANY_NUMERIC_DATE, ANY_WORDED_DATE, TITLE_YEAR
from cchc_parse.grammar.labels import DECIMAL_SECTION_LABEL, LETTER_SECTION_LABEL, ROMAN_SECTION_LABEL
from cchc_parse.models import Deadline, Indicator, PlanDocument, Section, Span, Task
from cchc_parse.validate import catalog

SHORT_TEXT = 60  # characters of a task or indicator quoted in a message
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


@dataclass(frozen=True)
class Place:
    """Where a finding points: source line and column (1-based), and the page of a paged document."""

    line: int
    column: int = 1
    page: int | None = None


@dataclass(frozen=True)
class TextLine:
    """A paragraph or table row of the document, the source line it starts on and its page; ``exact`` when
    it is that one source line as written, so that a column within it is a column of the source."""

    line: int
    text: str
    page: int | None = None
    exact: bool = False

    def place(self, offset: int) -> Place:
        return Place(self.line, offset + 1 if self.exact else 1, self.page)


@dataclass(frozen=True)
class Context:
    """What the checks look at: the parsed document and its text with source lines."""

    doc: PlanDocument
    lines: Sequence[TextLine] = ()


@dataclass(frozen=True)
class Hit:
    """One place a rule fires: the source line and the fields of its message template."""

    place: Place
    fields: dict[str, str] = field(default_factory=dict)


Check = Callable[[Context], Iterator[Hit]]


# --- helpers ------------------------------------------------------------------------------------------
def place_of(span: Span) -> Place:
    return Place(span.source_start_line or 1, 1, span.page)


def top(doc: PlanDocument) -> Place:
    """Where findings about the header point: line 1 (page 1 of a PDF)."""
    return Place(1, 1, 1 if doc.source.format == "pdf" else None)


def anchor(doc: PlanDocument) -> Place:
    """Where findings about the plan as a whole point: the first heading of the body, else the top."""
    return place_of(doc.sections[0].span) if doc.sections else top(doc)


def walk(sections: Sequence[Section]) -> Iterator[Section]:
    for section in sections:
        yield section
        yield from walk(section.children)


def sibling_lists(doc: PlanDocument) -> Iterator[Sequence[Section]]:
    yield doc.sections
    for section in walk(doc.sections):
        if section.children:
            yield section.children


def short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORT_TEXT else text[: SHORT_TEXT - 1].rstrip() + "…"


def label_kind(label: str) -> tuple[str, int] | None:
    """(kind, number) of a section label: ('roman', 4) for IV, ('decimal', 3) for 1.3, ('letter', 6) for đ."""
    if ROMAN_SECTION_LABEL.match(label):
        return "roman", roman_value(label)
    if DECIMAL_SECTION_LABEL.match(label):
        return "decimal", int(label.rsplit(".", 1)[-1])
    if LETTER_SECTION_LABEL.match(label):
        return "letter", catalog.letter_order().find(label) + 1
    return None


def roman_value(numeral: str) -> int:
    values = [ROMAN_VALUES[c] for c in numeral]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))


def deadlines(doc: PlanDocument) -> Iterator[tuple[Deadline, date, Place]]:
    """Every task and indicator deadline that has an end date, with that date and its place."""
    items: list[Task | Indicator] = [*doc.tasks, *doc.indicators]
    for item in items:
        if item.deadline is not None and item.deadline.end is not None:
            yield item.deadline, item.deadline.end, place_of(item.span)


def plan_period(doc: PlanDocument) -> tuple[int, int] | None:
    """First and last year of the plan: from the issue year (or plan year) to the latest year the title
    names (a multi-year plan's stated range), at least the plan year. None without a plan year."""
    year = doc.plan.year
    if year is None:
        return None
    issued = doc.plan.issued_date
    first = min(year, issued.year) if issued else year
    named = [int(y) for y in TITLE_YEAR.findall(doc.plan.title or "")]
    return first, max([year, *named])


def exists(day: str, month: str, year: str) -> bool:
    try:
        date(int(year), int(month), int(day))
    except ValueError:
        return False
    return True


# --- required parts (CP001-CP003) -------------------------------------------------------------------
def _names_part(section: Section, words: Sequence[str]) -> bool:
    """A top-level title naming the part anywhere ("KINH PHÍ VÀ TỔ CHỨC THỰC HIỆN"); a second-level
    title opening with it ("1. Mục đích"), so that a long paragraph item does not count."""
    title = section.title.casefold()
    if section.level == 1:
        return any(w in title for w in words)
    return any(title.startswith(w) for w in words)


def required_part(code: str) -> Check:
    """The check that the plan has the part whose title words ``data/validate.json`` lists under ``code``."""

    def check(ctx: Context) -> Iterator[Hit]:
        words = catalog.required_parts()[code]
        headings = [s for s in walk(ctx.doc.sections) if s.level <= 2]
        if not any(_names_part(s, words) for s in headings):
            yield Hit(anchor(ctx.doc))

    check.__name__ = check.__qualname__ = f"required_part_{code}"
    return check


# --- numbering (CP010-CP012) --------------------------------------------------------------------------
def _parser_warnings(ctx: Context, code: str) -> Iterator[Hit]:
    for warning in ctx.doc.warnings:
        if warning.code == code:
            yield Hit(Place(warning.line) if warning.line else anchor(ctx.doc), {"detail": warning.message})


def numbering_gap(ctx: Context) -> Iterator[Hit]:
    """The parser's gap warnings ("1 → 3"), and lists whose first item is not 1, a or I."""
    yield from _parser_warnings(ctx, "numbering_gap")
    for siblings in sibling_lists(ctx.doc):
        seen: set[str] = set()
        for section in siblings:
            found = label_kind(section.label)
            if found is None or found[0] in seen:
                continue
            seen.add(found[0])
            if found[1] != 1 and not section.inferred:
                detail = f"item {section.path} opens its list (expected {_first_label(found[0])})"
                yield Hit(place_of(section.span), {"detail": detail})


def _first_label(kind: str) -> str:
    return {"roman": "I", "decimal": "1", "letter": catalog.letter_order()[0]}[kind]


def numbering_repeat(ctx: Context) -> Iterator[Hit]:
    yield from _parser_warnings(ctx, "numbering_repeat")


def lost_heading(ctx: Context) -> Iterator[Hit]:
    for section in walk(ctx.doc.sections):
        if section.inferred:
            yield Hit(place_of(section.span), {"path": section.path})


# --- tasks and indicators (CP020-CP030) ---------------------------------------------------------------
def table_task_without_lead(ctx: Context) -> Iterator[Hit]:
    for task in ctx.doc.tasks:
        if task.origin == "table" and not task.lead:
            yield Hit(place_of(task.span), {"task": short(task.text)})


def table_task_without_deadline(ctx: Context) -> Iterator[Hit]:
    for task in ctx.doc.tasks:
        if task.origin == "table" and task.deadline is None:
            yield Hit(place_of(task.span), {"task": short(task.text)})


def indicator_without_number(ctx: Context) -> Iterator[Hit]:
    for indicator in ctx.doc.indicators:
        if indicator.value is None:
            yield Hit(place_of(indicator.span), {"indicator": short(indicator.text)})


# --- header (CP040-CP043) -----------------------------------------------------------------------------
def no_number(ctx: Context) -> Iterator[Hit]:
    number = ctx.doc.plan.number
    if not number or not number[0].isdigit():  # none, or a draft's blank one: only its code ("/KH-UBND")
        yield Hit(top(ctx.doc))


def no_issued_date(ctx: Context) -> Iterator[Hit]:
    if ctx.doc.plan.issued_date is None:
        yield Hit(top(ctx.doc))


def no_issuer(ctx: Context) -> Iterator[Hit]:
    if not ctx.doc.plan.issuer:
        yield Hit(top(ctx.doc))


def no_signer(ctx: Context) -> Iterator[Hit]:
    if not any(signer.name for signer in ctx.doc.plan.signers):
        yield Hit(top(ctx.doc))


# --- dates (CP050-CP052) ------------------------------------------------------------------------------
def impossible_date(ctx: Context) -> Iterator[Hit]:
    for text_line in ctx.lines:
        for pattern in (ANY_WORDED_DATE, ANY_NUMERIC_DATE):
            for m in pattern.finditer(text_line.text):
                if not exists(m["day"], m["month"], m["year"]):
                    yield Hit(text_line.place(m.start()), {"date": m.group(0)})


def deadline_outside_period(ctx: Context) -> Iterator[Hit]:
    """Deadlines ending outside the plan's years (those ending before the issue date are CP052's)."""
    period = plan_period(ctx.doc)
    issued = ctx.doc.plan.issued_date
    if period is None:
        return
    first, last = period
    shown = str(first) if first == last else f"{first}-{last}"
    for deadline, end, place in deadlines(ctx.doc):
        if not first <= end.year <= last and not (issued and end < issued):
            yield Hit(place, {"deadline": deadline.text, "end": end.isoformat(), "period": shown})


def deadline_before_issue(ctx: Context) -> Iterator[Hit]:
    issued = ctx.doc.plan.issued_date
    if issued is None:
        return
    for deadline, end, place in deadlines(ctx.doc):
        if end < issued:
            yield Hit(
                place, {"deadline": deadline.text, "end": end.isoformat(), "issued": issued.isoformat()}
            )


# --- reform areas (CP060) -----------------------------------------------------------------------------
def reform_area_coverage(ctx: Context) -> Iterator[Hit]:
    """A CCHC plan (the parser's verdict, ``plan.is_cchc``) covers the reform areas."""
    doc = ctx.doc
    if not doc.plan.is_cchc:
        return
    items: list[Task | Indicator] = [*doc.tasks, *doc.indicators]
    covered = {item.area for item in items if item.area}
    missing = [area for area in catalog.required_areas() if area not in covered]
    if missing:
        yield Hit(anchor(doc), {"areas": ", ".join(missing)})


CHECKS: dict[str, Check] = {
    "CP001": required_part("CP001"),
    "CP002": required_part("CP002"),
    "CP003": required_part("CP003"),
    "CP010": numbering_gap,
    "CP011": numbering_repeat,
    "CP012": lost_heading,
    "CP020": table_task_without_lead,
    "CP021": table_task_without_deadline,
    "CP030": indicator_without_number,
    "CP040": no_number,
    "CP041": no_issued_date,
    "CP042": no_issuer,
    "CP043": no_signer,
    "CP050": impossible_date,
    "CP051": deadline_outside_period,
    "CP052": deadline_before_issue,
    "CP060": reform_area_coverage,
}

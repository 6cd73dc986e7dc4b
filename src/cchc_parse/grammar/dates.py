"""The date grammar: day, month, year and the written forms of a date, used by metadata (issue dates,
cited documents, plan years), deadlines (every time mention) and validate (dates that do not exist).
"""

from __future__ import annotations

import re

from cchc_parse.grammar.documents import DOC_NUMBER
from cchc_parse.grammar.pieces import VI_UPPER, word_start

# --- the numbers of a date ---------------------------------------------------------------------------
# A day and a month in range, a year of this or the last century (as issue dates and deadlines are).
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19|20)\d{2}"
# A day or month as printed, in range or not, and any four-digit year: where a date is read as the document
# prints it (cited documents, the header) and where validate looks for dates that do not exist.
PRINTED = r"\d{1,2}"
PRINTED_YEAR = r"\d{4}"
STRICT: tuple[str, str, str] = (DAY, MONTH, rf"{YEAR}(?!\d)")
AS_PRINTED: tuple[str, str, str] = (PRINTED, PRINTED, PRINTED_YEAR)
Names = tuple[str | None, str | None, str | None]  # the groups of day, month and year (None: no group)
UNNAMED: Names = (None, None, None)


def _group(name: str | None, piece: str) -> str:
    return f"(?P<{name}>{piece})" if name else piece


def numeric_date(
    names: Names = ("day", "month", "year"), *, pieces: tuple[str, str, str] = STRICT, sep: str | None = None
) -> str:
    """A date with slashes, dots or dashes ("05/02/2026", "5.2.2026"): day, month and year as ``pieces``
    in the groups ``names``. With ``sep`` the first separator is captured under that name and the second
    must be the same ("5.2-2026" is no date); without, each may be any of the three."""
    day, month, year = (_group(n, p) for n, p in zip(names, pieces, strict=True))
    first, second = (_group(sep, "[/.-]"), f"(?P={sep})") if sep else ("[/.-]", "[/.-]")
    return rf"{day}\s*{first}\s*{month}\s*{second}\s*{year}"


def worded_date(
    names: Names = ("day", "month", "year"),
    *,
    pieces: tuple[str, str, str] = STRICT,
    year_optional: bool = False,
) -> str:
    """A date written out after its "ngày": "26 tháng 12 năm 2025", a comma allowed before "năm"
    ("26 tháng 12, năm 2025"); the year may be left out (``year_optional``: "ngày 30 tháng 6")."""
    day, month, year = (_group(n, p) for n, p in zip(names, pieces, strict=True))
    tail = rf"\s*,?\s+năm\s+{year}"
    return rf"{day}\s+tháng\s+{month}{f'(?:{tail})?' if year_optional else tail}"


def cited_date(numeric: Names = UNNAMED, worded: Names = UNNAMED) -> str:
    """The date right after a cited document's number, as printed: ", ngày 06/01/2022", " ngày 6 tháng 1
    năm 2022" (groups: ``numeric``'s for the first form, ``worded``'s for the second)."""
    forms = f"{numeric_date(numeric, pieces=AS_PRINTED)}|{worded_date(worded, pieces=AS_PRINTED)}"
    return rf"\s*,?\s*(?:ngày\s*)?(?:{forms})"


# --- time mentions (extract/deadlines.py) ---------------------------------------------------------------

# Every deadline pattern is matched case-insensitively.
# A quarter number, Roman or Arabic; longest first so "IV" is not read as "I" ("Quý IV/2025", "quý 2").
QUARTER_NUM = r"(?:IV|III|II|I|[1-4])(?!\w)"

# What joins a month or quarter to its year: "/2026", "-2026", ".2026", " năm 2026", ", năm 2026".
_TO_YEAR = r"(?:\s*[/.-]\s*|,?\s+năm\s+)"

# A year that ends there (not the start of a longer number).
_YEAR_END = STRICT[2]

# The alternatives of one time mention. Each is wrapped in a named group, so `match.lastgroup` says which
# one matched; inner groups carry the numbers. At one position the first alternative wins, so longer forms
# come first ("ngày 30 tháng 6 năm 2026" before "ngày 30", "năm 2026 - 2030" before "năm 2026").
_DATE_WORDED = rf"(?P<worded>ngày\s+{worded_date(('wd', 'wm', 'wy'), year_optional=True)}(?!\d))"

# "05/02/2026", "ngày 5.2.2026" (one separator throughout); the lookbehind keeps it off a longer number.
_DATE_NUMERIC = rf"(?P<numeric>(?:ngày\s+)?(?<![\d/.]){numeric_date(('nd', 'nm', 'ny'), sep='ns')})"

# "ngày 20/11" without a year: only after "ngày", and not followed by more digits.
_DATE_NO_YEAR = rf"(?P<day_month>ngày\s+(?P<sd>{DAY})\s*/\s*(?P<sm>{MONTH})(?![\d/]))"

# "ngày 12" with no month ("trước ngày 12 của tháng cuối kỳ", "trước ngày 20 hằng tháng").
_DAY_ONLY = rf"(?P<day>ngày\s+(?P<od>{DAY})(?!\d|\s*[/.-]\s*\d))"

# "tháng 01/2026", "tháng 6 năm 2026", "Tháng 11 - 12/2025" (a run of months sharing the year).
_MONTH_RUN = rf"(?P<m1>{MONTH})(?:\s*[-–]\s*(?:tháng\s+)?(?P<m2>{MONTH}))?"

_MONTH = rf"(?P<month>tháng\s+{_MONTH_RUN}{_TO_YEAR}(?P<my>{_YEAR_END}))"

# "tháng 3" with its year left to a neighbour ("Từ tháng 3 đến tháng 6/2026") or to the plan year.
_MONTH_NO_YEAR = rf"(?P<month_only>tháng\s+(?P<mo>{MONTH})(?!\d|\s*[/.-]\s*\d))"

# "01/2026" without the word "tháng" (a deadline cell written tersely).
_MONTH_NUMERIC = rf"(?P<month_numeric>(?<![\d/.])(?P<mn>{MONTH})\s*/\s*(?P<mny>{YEAR})(?![\d/]))"

# "Quý I/2026", "Quý IV năm 2025", "Quý I - Quý II/2026", "quý I, II"; the year may be missing.
_QUARTER_RUN = rf"(?P<q1>{QUARTER_NUM})(?:\s*(?:[-–,]|và|đến)\s*(?:quý\s+)?(?P<q2>{QUARTER_NUM}))?"

_QUARTER = rf"(?P<quarter>quý\s+{_QUARTER_RUN}(?:{_TO_YEAR}(?P<qy>{_YEAR_END}))?)"

# "6 tháng đầu năm", "06 tháng cuối năm 2025", "nửa đầu năm".
_HALF = rf"(?P<half>(?:0?6\s+tháng|sáu\s+tháng|nửa)\s+(?P<hp>đầu|cuối)\s+năm(?:\s+(?P<hy>{_YEAR_END}))?)"

# "2026-2030", "giai đoạn 2026 - 2030", "năm 2026 đến năm 2030".
_YEARS = (
    rf"(?P<years>(?:giai đoạn\s+)?(?:năm\s+)?(?P<ya>{YEAR})"
    rf"\s*(?:[-–]|đến(?:\s+năm)?)\s*(?P<yb>{_YEAR_END}))"
)

# "năm 2026", or a bare "2026" standing alone (not part of a number or a date).
_YEAR = rf"(?P<year>năm\s+(?P<yn>{_YEAR_END}))|(?P<bare_year>(?<![\w/.-])(?P<yz>{YEAR})(?![\w/-]))"

# The date right after a cited document's number (skipped with the number by deadline_mention_pattern).
_CITED_DATE = cited_date()

# What each alternative of deadline_mention_pattern() captures, by its wrapping group: the kind of mention,
# the groups of its first and last number (day and month of a date; months; quarters; half "đầu"/"cuối";
# years), the group of its year, and whether it is terse ("01/2026", a bare "2026": in a sentence those
# need a cue word). "cited" (a document number and its date) is missing on purpose: it is skipped.
DEADLINE_GROUPS: dict[str, tuple[str, str, str, str | None, bool]] = {
    "worded": ("date", "wd", "wm", "wy", False),
    "numeric": ("date", "nd", "nm", "ny", False),
    "day_month": ("date", "sd", "sm", None, False),
    "day": ("day", "od", "od", None, False),
    "month": ("month", "m1", "m2", "my", False),
    "month_only": ("month", "mo", "mo", None, False),
    "month_numeric": ("month", "mn", "mn", "mny", True),
    "quarter": ("quarter", "q1", "q2", "qy", False),
    "half": ("half", "hp", "hp", "hy", False),
    "years": ("years", "ya", "yb", "ya", False),
    "year": ("year", "yn", "yn", "yn", False),
    "bare_year": ("year", "yz", "yz", "yz", True),
}


def deadline_mention_pattern() -> re.Pattern[str]:
    """Every time mention, plus cited documents (number and date) so their dates are skipped as a whole.

    The document number (grammar/documents.py) keeps its case (``(?-i:…)``), so that only upper-case
    codes make one.
    """
    cited = rf"(?P<cited>(?-i:{DOC_NUMBER})(?:{_CITED_DATE})?)"
    alternatives = [
        cited,
        _DATE_WORDED,
        _DATE_NUMERIC,
        _DATE_NO_YEAR,
        _DAY_ONLY,
        _MONTH,
        _MONTH_NO_YEAR,
        _MONTH_NUMERIC,
        _QUARTER,
        _HALF,
        _YEARS,
        _YEAR,
    ]
    start = word_start(["ngày", "tháng", "quý", "nửa", "năm", "giai đoạn", "sáu"], digits=True, confirm=True)
    return re.compile(f"{start}(?:{'|'.join(alternatives)})", re.IGNORECASE)


# "<place>, ngày ..." of a document head: capitalised words (optionally after "Thành phố"/"TP.") then
# ", ngày"; `rest` holds what follows for the date parsers below.
PLACE_DATE = re.compile(
    rf"(?P<place>(?:(?:Thành phố|Thị xã|Tp\.|TP\.)[ \t]*)?[{VI_UPPER}]\w*(?:[ \t]+[{VI_UPPER}]\w*){{0,3}})"
    r"[ \t]*,[ \t]*ngày\b(?P<rest>[^\n]{0,40})"
)

# The rest of a head date written out; day or month may be blank or dotted ("ngày … tháng 6 năm 2026").
DATE_REST_WORDED = re.compile(
    r"^[\s.…_]*(?P<day>\d{1,2})?[\s.…_]*tháng[\s.…_]*(?P<month>\d{1,2})?[\s.…_]*năm[\s.…_]*(?P<year>\d{4})?"
)

# The opening of a record (Biên bản) that dates it, for want of a header date: "Hôm nay, ngày 08/6/2026, …",
# "Hôm nay, vào hồi 9 giờ 00, ngày 31 tháng 03 năm 2026 …" (the hour, if any, before "ngày").
RECORD_DATE = re.compile(r"^Hôm\s+nay\b[^\n]{0,40}?\bngày\b(?P<rest>[^\n]{0,40})", re.IGNORECASE)

# The rest of a head date written with slashes: "ngày 26/12/2025".
DATE_REST_NUMERIC = re.compile(rf"^\s*{numeric_date(pieces=AS_PRINTED)}")

# The date right after a cited number: ", ngày 15/7/2021", " ngày 15 tháng 7 năm 2021".
REF_DATE = re.compile("^" + cited_date(("d1", "m1", "y1"), ("d2", "m2", "y2")))

# A plan's years: a range "2026 - 2030" (the plan starts with the first year) ...
YEAR_RANGE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*[-–]\s*(?P<end>(?:19|20)\d{2})(?!\d)")

# ... or "năm 2026", except horizons ("đến năm 2030") and calendar dates ("tháng 8 năm 2024").
YEAR_SINGLE = re.compile(
    r"(?<!đến )(?<!tháng \d )(?<!tháng \d\d )năm\s+(?P<year>(?:19|20)\d{2})(?!\d)", re.IGNORECASE
)

# A date written out with any one- or two-digit day and month, so that impossible dates are found too
# ("ngày 31 tháng 02 năm 2026"); the validator checks that the date exists.
ANY_WORDED_DATE = re.compile(rf"ngày\s+{worded_date(pieces=(PRINTED, PRINTED, YEAR))}(?!\d)", re.IGNORECASE)

# A numeric date with one separator throughout ("31/02/2026", "30.4.2026"), not inside a longer number or a
# document number ("12/2025/NĐ-CP" has no day).
ANY_NUMERIC_DATE = re.compile(
    rf"(?<![\w/.-]){numeric_date(pieces=(PRINTED, PRINTED, YEAR), sep='sep')}(?![\w/-])"
)

# A year named in a plan title ("giai đoạn 2026 - 2030", "đến năm 2035"): the plan period reaches the last.
TITLE_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")

# --- signing times (extract/digital_signatures.py) --------------------------------------------------------


def clock(prefix: str = "") -> str:
    """The clock of a signing time: "15:04:12", "15:04", "15h04" (groups hh, mi, ss after ``prefix``)."""
    return (
        rf"(?P<{prefix}hh>[01]?\d|2[0-3])\s*[:h]\s*(?P<{prefix}mi>[0-5]\d)(?:\s*:\s*(?P<{prefix}ss>[0-5]\d))?"
    )


# The offset of a signing time from UTC: "+07:00", "+0700", Adobe's "+07'00'", "GMT+7", "UTC+07:00".
_OFFSET = r"(?:(?:GMT|UTC)\s*)?(?P<osign>[+-])\s*(?P<oh>0?\d|1[0-4])(?:\s*['’:]?\s*(?P<om>[0-5]\d)'?)?"

# The date of a signing time, day first as Vietnamese software prints it ("29.06.2026", "29/06/2026") or
# year first as Adobe and ISO do ("2026.06.29", "2026-06-29").
_SIGNED_DAY_FIRST = numeric_date(("sd", "sm", "sy"), sep="ssep")
_SIGNED_YEAR_FIRST = rf"(?P<yy>{YEAR})\s*(?P<ysep>[/.-])\s*(?P<ym>{MONTH})\s*(?P=ysep)\s*(?P<yd>{DAY})(?!\d)"

# A whole signing time: the date, then the clock (after a space or ISO's "T") and maybe its offset; or the
# clock first ("15:04:12 29/06/2026"). Only the date is required.
SIGNING_TIME = re.compile(
    rf"(?:(?P<before>{clock('b')})\s*(?:,\s*)?(?:ngày\s+)?)?"
    rf"(?P<date>{_SIGNED_DAY_FIRST}|{_SIGNED_YEAR_FIRST})"
    rf"(?:(?:\s+|T|\s*,\s*)(?:lúc\s+)?{clock()}(?:\s*{_OFFSET}|Z)?)?",
    re.IGNORECASE,
)

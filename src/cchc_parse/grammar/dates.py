"""The date grammar: day, month, year and the written forms of a date, used by metadata (issue dates,
cited documents, plan years), deadlines (every time mention) and validate (dates that do not exist).
"""

from __future__ import annotations

import re

from cchc_parse.grammar.documents import DOC_NUMBER
from cchc_parse.grammar.pieces import VI_UPPER, word_start

DAY = r"(?:0?[1-9]|[12]\d|3[01])"

MONTH = r"(?:0?[1-9]|1[0-2])"

YEAR = r"(?:19|20)\d{2}"

# Cue, recurrence and noun words come from data/deadline_words.json; the builders below turn them into
# patterns (deadlines.py calls each builder once). Every deadline pattern is matched case-insensitively.
# A quarter number, Roman or Arabic; longest first so "IV" is not read as "I" ("Quý IV/2025", "quý 2").
QUARTER_NUM = r"(?:IV|III|II|I|[1-4])(?!\w)"

# What joins a month or quarter to its year: "/2026", "-2026", ".2026", " năm 2026", ", năm 2026".
_TO_YEAR = r"(?:\s*[/.-]\s*|,?\s+năm\s+)"

# A year that ends there (not the start of a longer number).
_YEAR_END = rf"{YEAR}(?!\d)"

# The alternatives of one time mention. Each is wrapped in a named group, so `match.lastgroup` says which
# one matched; inner groups carry the numbers. At one position the first alternative wins, so longer forms
# come first ("ngày 30 tháng 6 năm 2026" before "ngày 30", "năm 2026 - 2030" before "năm 2026").
_DATE_WORDED = (
    rf"(?P<worded>ngày\s+(?P<wd>{DAY})\s+tháng\s+(?P<wm>{MONTH})(?:,?\s+năm\s+(?P<wy>{_YEAR_END}))?(?!\d))"
)

# "05/02/2026", "ngày 5.2.2026" (one separator throughout); the lookbehind keeps it off a longer number.
_DATE_NUMERIC = (
    rf"(?P<numeric>(?:ngày\s+)?(?<![\d/.])(?P<nd>{DAY})\s*(?P<ns>[/.-])\s*(?P<nm>{MONTH})"
    rf"\s*(?P=ns)\s*(?P<ny>{_YEAR_END}))"
)

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

# The date right after a cited document's number: ", ngày 06/01/2022", " ngày 6 tháng 1 năm 2022".
_CITED_DATE = (
    r"\s*,?\s*(?:ngày\s*)?"
    r"(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)

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

    Built on call because it reuses DOC_NUMBER (metadata section, defined further down this module); the
    number keeps its case (``(?-i:…)``) so that only upper-case codes make a document number.
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

# The rest of a head date written with slashes: "ngày 26/12/2025".
DATE_REST_NUMERIC = re.compile(r"^\s*(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})\s*[/.-]\s*(?P<year>\d{4})")

# The date right after a cited number: ", ngày 15/7/2021", " ngày 15 tháng 7 năm 2021".
REF_DATE = re.compile(
    r"^\s*,?\s*(?:ngày\s*)?(?:(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})\s*[/.-]\s*(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)

# A plan's years: a range "2026 - 2030" (the plan starts with the first year) ...
YEAR_RANGE = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*[-–]\s*(?P<end>(?:19|20)\d{2})(?!\d)")

# ... or "năm 2026", except horizons ("đến năm 2030") and calendar dates ("tháng 8 năm 2024").
YEAR_SINGLE = re.compile(
    r"(?<!đến )(?<!tháng \d )(?<!tháng \d\d )năm\s+(?P<year>(?:19|20)\d{2})(?!\d)", re.IGNORECASE
)

# A date written out with any one- or two-digit day and month, so that impossible dates are found too
# ("ngày 31 tháng 02 năm 2026"); the validator checks that the date exists.
ANY_WORDED_DATE = re.compile(
    rf"ngày\s+(?P<day>\d{{1,2}})\s+tháng\s+(?P<month>\d{{1,2}})\s*,?\s+năm\s+(?P<year>{YEAR})(?!\d)",
    re.IGNORECASE,
)

# A numeric date with one separator throughout ("31/02/2026", "30.4.2026"), not inside a longer number or a
# document number ("12/2025/NĐ-CP" has no day).
ANY_NUMERIC_DATE = re.compile(
    rf"(?<![\w/.-])(?P<day>\d{{1,2}})\s*(?P<sep>[/.-])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*"
    rf"(?P<year>{YEAR})(?![\w/-])"
)

# A year named in a plan title ("giai đoạn 2026 - 2030", "đến năm 2035"): the plan period reaches the last.
TITLE_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")

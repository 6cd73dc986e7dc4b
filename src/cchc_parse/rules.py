"""Every regular expression of cchc-parse, built from named pieces.

Vietnamese keyword lists live in data files (``cchc_parse/data``); this module only holds patterns.
Each non-obvious pattern carries a comment saying what it matches and why.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# --- shared pieces ----------------------------------------------------------------------------------
# Vietnamese lowercase letters beyond ASCII (NFC, precomposed); used to build case-aware classes.
VI_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
VI_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
DAY = r"(?:0?[1-9]|[12]\d|3[01])"
MONTH = r"(?:0?[1-9]|1[0-2])"
YEAR = r"(?:19|20)\d{2}"
# A date written with slashes, dots or dashes: 05/02/2026, 5.2.2026, 05-02-2026.
NUMERIC_DATE = rf"(?P<day>{DAY})\s*[/.-]\s*(?P<month>{MONTH})\s*[/.-]\s*(?P<year>{YEAR})"
# A date written out: "ngày 26 tháng 12 năm 2025" (the day may be blank in unsigned drafts).
WORDED_DATE = rf"ngày\s+(?P<wday>{DAY})?\s*tháng\s+(?P<wmonth>{MONTH})\s+năm\s+(?P<wyear>{YEAR})"

# --- encodings ---------------------------------------------------------------------------------------
# (normalize/encodings.py)
# Letters that only Unicode Vietnamese has (ă đ ĩ ũ ơ ư, the U+1EA0 block): a line holding one was not typed
# in a legacy 8-bit font (those only produce U+00A1-U+00FF), so legacy conversion leaves it alone.
VI_UNICODE_ONLY = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
# A word as legacy detection sees it: a run of anything but white space and ASCII or typographic punctuation.
# Legacy font letters include symbols ("x·", "c¸ch", "n©ng"), so \w would cut words apart.
_LEGACY_NOT_WORD = r"\s!-/:-@{-~\u2013\u2014\u2018\u2019\u201c\u201d\u2026"
_LEGACY_WORD_CHAR = rf"[^{_LEGACY_NOT_WORD}\[-`]"
_LEGACY_NO_LOWER = rf"[^{_LEGACY_NOT_WORD}\[-z]"  # a word character but not a lower-case ASCII letter
LEGACY_WORD = re.compile(rf"{_LEGACY_WORD_CHAR}+")
# Words without lower-case ASCII letters, separated by spaces ("CéNG HOµ X·", "ñY BAN", "2026"): where TCVN3
# text may have lost its upper case (the upper-case .VnTimeH font shows lower-case codes as capitals).
CAPS_RUN = re.compile(
    rf"(?<!{_LEGACY_WORD_CHAR}){_LEGACY_NO_LOWER}+(?:[ \t]+{_LEGACY_NO_LOWER}+)*(?!{_LEGACY_WORD_CHAR})"
)
ASCII_LOWER = re.compile("[a-z]")
ASCII_LETTER = re.compile("[A-Za-z]")
# A stretch of characters beyond Latin-1 (captured, for re.split).
NON_LATIN1 = re.compile("([^\x00-\xff]+)")
# A Vietnamese syllable, lower case, tone mark removed: an optional initial consonant, then a rhyme (the
# medial, vowel nucleus and final of the standard orthography). Used to score legacy-encoding guesses.
VI_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])"
VI_RHYMES = (
    "a ai ao au ay ac ach am an ang anh ap at ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây "
    "e eo ec em en eng ep et ê êu êch êm ên êng ênh êp êt i ia iu ich im in inh ip it "
    "iêc iêm iên iêng iêp iêt iêu yêm yên yêng yêt yêu o oi oc om on ong op ot ooc oong "
    "oa oai oao oay oac oach oam oan oang oanh oap oat oăc oăm oăn oăng oăt oe oeo oen oet "
    "ô ôi ôc ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u ua ui uc um un ung up ut "
    "uân uâng uât uây uê uêch uênh uơ uy uya uych uyn uynh uyp uyt uyu uyên uyêt "
    "uôc uôi uôm uôn uông uôt ư ưa ưi ưu ưc ưm ưn ưng ưt ươc ươi ươm ươn ương ươp ươt ươu y yt ynh"
)
VI_SYLLABLE = re.compile(rf"{VI_ONSET}?(?:{'|'.join(sorted(VI_RHYMES.split(), key=len, reverse=True))})")
# An onset spelt against the vowel after it: c before i/e/ê/y (kia, kê), k before other vowels, gh and ngh
# before anything but i/e/ê, g before e/ê (ghe), ng before i/e/ê (nghi). Checked on toneless syllables.
VI_MISSPELLED_ONSET = re.compile(r"c[ieêy]|k(?!h)[^ieêy]|n?gh[^ieê]|g[eê]|ng[ieê]")
# A syllable closed by a stop (c, ch, p, t): it can only carry the acute or the dot-below tone.
STOP_FINAL = re.compile(r"(?:[cpt]|ch)$")


def char_class(chars: Iterable[str]) -> str:
    """A character class matching any one of ``chars`` (from a data file)."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def words_holding(chars: Iterable[str]) -> re.Pattern[str]:
    """A legacy word (as ``LEGACY_WORD``) that holds one of ``chars``."""
    return re.compile(rf"{_LEGACY_WORD_CHAR}*{char_class(chars)}{_LEGACY_WORD_CHAR}*")


def sequence_pattern(keys: Iterable[str]) -> re.Pattern[str]:
    """The keys of a conversion table (one or two characters), longest first, grouped by first character.

    Grouping keeps matching fast on long texts: ``a(?:ù|ø|…)|e(?:…)|[ñæó…]`` instead of 150 alternatives.
    """
    singles = {k for k in keys if len(k) == 1}
    groups: dict[str, list[str]] = {}
    for key in keys:
        if len(key) == 2:
            groups.setdefault(key[0], []).append(re.escape(key[1]))
    branches = [
        f"{re.escape(first)}(?:{'|'.join(sorted(seconds))}){'?' if first in singles else ''}"
        for first, seconds in sorted(groups.items())
    ]
    rest = singles - groups.keys()
    if rest:
        branches.append(char_class(rest))
    return re.compile("|".join(branches))


# --- deadlines (extract/deadlines.py) ---------------------------------------------------------------
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
# Between two mentions: what makes them one phrase ("tháng 3 đến tháng 6", "Quý I - Quý II", "…; Quý IV").
DEADLINE_JOINER = re.compile(r"\s*(?:[-–;,]|đến(?:\s+hết)?|tới|và)\s*", re.IGNORECASE)
# A recurrence phrase glued to a day: "ngày 12 của tháng cuối kỳ", "ngày 20 hằng tháng".
DAY_TO_RECURRENCE = re.compile(r"\s+(?:của\s+)?", re.IGNORECASE)
# The rest of a parenthesis, closed: a recurrence note "(định kỳ hằng quý … theo quy định)" is taken whole.
CLOSING_PAREN = re.compile(r"\s*\)")


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
    start = _word_start(["ngày", "tháng", "quý", "nửa", "năm", "giai đoạn", "sáu"], digits=True, confirm=True)
    return re.compile(f"{start}(?:{'|'.join(alternatives)})", re.IGNORECASE)


def _alternation(words: Iterable[str]) -> str:
    """Literal words as one alternation, longest first (so "hoàn thành trong" wins over "hoàn thành")."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _word_start(words: Iterable[str], *, digits: bool = False, confirm: bool = False) -> str:
    """A guard for patterns scanned over whole texts: the position starts a word and its first character
    (either case) can start one of `words` (or is a digit). It lets the scanner skip most positions at
    once, instead of trying every alternative there: several times faster on long texts. With `confirm`,
    one of the words (or a digit) must also follow before the alternatives are tried (twice as fast again
    when the alternatives are many and their first letters common)."""
    words = list(words)
    firsts = "".join(sorted({re.escape(c) for w in words for c in (w[0].lower(), w[0].upper())}))
    guard = rf"(?=[{'0-9' if digits else ''}{firsts}])(?<!\w)"
    if confirm:
        guard += rf"(?={'[0-9]|' if digits else ''}{_alternation(words)})"
    return guard


def bounded_words_pattern(
    words: Iterable[str], *, ignore_case: bool = True, after: str = ""
) -> re.Pattern[str]:
    """Literal words that start and end on word boundaries ("hạn" but not the tail of "giới hạn"), `after`
    a piece of pattern (r"\\s+": the words follow white space, as in ``pattern.match(text, end)``)."""
    words = list(words)
    first_words = {w.split(maxsplit=1)[0].rstrip(",") for w in words}
    return re.compile(
        rf"{after}{_word_start(first_words, confirm=True)}(?:{_alternation(words)})(?!\w)",
        re.IGNORECASE if ignore_case else 0,
    )


def cue_pattern(cues: Iterable[str], fillers: Iterable[str]) -> re.Pattern[str]:
    """A cue word ending the text searched, maybe followed by a filler: "chậm nhất là ", "đến hết ".

    Search it between a window start and the mention's start (``pattern.search(text, lo, hi)``).
    """
    return re.compile(
        rf"(?<!\w)(?P<cue>{_alternation(cues)})(?:\s+(?:{_alternation(fillers)}))?\s*$", re.IGNORECASE
    )


def noun_before_pattern(nouns: Iterable[str], *, max_words: int = 3) -> re.Pattern[str]:
    """A noun a few words before the end of the text searched ("Kế hoạch CCHC |hằng năm"): the time words
    that follow name a document or a budget line, not a deadline. Words do not cross punctuation."""
    return re.compile(
        rf"(?<!\w)(?:{_alternation(nouns)})(?:\s+[^\s,;.:()]+){{0,{max_words}}}\s+$", re.IGNORECASE
    )


def recurrence_pattern(
    *,
    leads: Iterable[str],
    units: Iterable[str],
    bare_units: Iterable[str],
    fixed: Iterable[str],
    numbers: Iterable[str],
    continuous: Iterable[str],
    continuous_verbs: Iterable[str] | None,
) -> re.Pattern[str]:
    """How often something recurs. Groups: `freq` ("2 lần/năm", "năm 2 lần", "06 tháng/lần"), `listed`
    ("định kỳ hàng quý, 6 tháng, năm"), `bare` (a list opened by a bare unit: "quý/6 tháng/năm"), `fixed`
    ("tháng cuối kỳ báo cáo") and `cont` ("thường xuyên").

    With `continuous_verbs` (reading a sentence, not a cell) no bare units are taken, and "thường xuyên"
    counts only after such a verb at the end of a clause ("… thực hiện thường xuyên."): elsewhere in a
    sentence it is an adverb ("thường xuyên kiểm tra") or a budget line ("chi thường xuyên").
    """
    leads, units, numbers, fixed, continuous = map(tuple, (leads, units, numbers, fixed, continuous))
    # A unit not followed by what makes it a period ("quý I", "tháng 6", "năm 2026", "6 tháng đầu năm").
    unit = rf"(?<!\w)(?:{_alternation(units)})(?!\w)(?!\s*(?:\d|[IVX]+(?!\w)|đầu(?!\w)|cuối(?!\w)))"
    unit_list = rf"{unit}(?:(?:\s*[,/]\s*|\s+(?:và|hoặc)\s+){unit})*"
    num = rf"\d{{1,2}}|{_alternation(numbers)}"
    per = r"năm|quý|tháng|tuần"
    lead = rf"(?<!\w)(?:{_alternation(leads)})\s+"
    freq = (
        rf"(?P<freq>(?:{lead})?(?:(?P<times>{num})\s*lần\s*/\s*(?P<per>{per})"
        rf"|(?:(?:0?1|một)\s+)?(?P<per2>{per})\s+(?P<times2>{num})\s*lần"
        rf"|(?P<months>{num})\s+tháng\s*(?:/\s*|một\s+)lần))"
    )
    listed = rf"(?P<listed>(?:{lead}){{1,2}}(?P<units>{unit_list}))"
    fixed_part = rf"(?P<fixed>(?<!\w)(?:{_alternation(fixed)})(?!\w))"
    words = _alternation(continuous)
    firsts = [*leads, *units, *numbers, *fixed, *continuous, *(continuous_verbs or ()), "một"]
    start = _word_start([*firsts, *per.split("|")], digits=True, confirm=True)
    if continuous_verbs is None:
        bare = rf"(?P<bare>(?<!trong )(?<!sau )(?<!vòng )(?=(?:{_alternation(bare_units)})(?!\w)){unit_list})"
        cont = rf"(?P<cont>(?<!\w)(?P<cword>{words})(?!\w))"
        return re.compile(f"{start}(?:{'|'.join([freq, listed, bare, fixed_part, cont])})", re.IGNORECASE)
    # "thực hiện thường xuyên" closing a clause (full stop, semicolon, closing bracket or end of text).
    cont = rf"(?P<cont>(?<!\w)(?:{_alternation(continuous_verbs)})\s+(?P<cword>{words})(?=\s*(?:[.;)]|$)))"
    return re.compile(f"{start}(?:{'|'.join([freq, listed, fixed_part, cont])})", re.IGNORECASE)


def deadline_label_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """A label opening a clause ("- Thời gian thực hiện: Quý I/2026", ". Thời gian thực hiện sau khi …"),
    then its `value` up to the end of the clause (at most 150 characters, else no match). The label must
    open a line or follow punctuation: inside a clause it is a noun ("rút ngắn thời gian thực hiện TTHC")."""
    return re.compile(
        rf"(?:^[\s\-–+•*]*|[.;:(]\s*)(?:{_alternation(labels)})\s*:?\s*(?P<value>[^.;\n]{{1,150}})(?=[.;\n]|$)",
        re.IGNORECASE | re.MULTILINE,
    )


# The separators inside a recurrence unit list ("quý/6 tháng/năm", "quý, 6 tháng và năm").
UNIT_SEPARATOR = re.compile(r"\s*[,/]\s*|\s+(?:và|hoặc)\s+", re.IGNORECASE)

# --- agencies (extract/agencies.py) -----------------------------------------------------------------
# Agency names and head words come from data/agencies.json; the builders below turn them into patterns.
# What always separates agencies: a semicolon, or a line break before a bullet ("Sở A\n- Sở B").
AGENCY_HARD_SEP = re.compile(r"\s*;\s*|\s*\n\s*(?=[-–—+•·*]\s)")
# What may separate agencies, when the next piece starts like an agency: a comma (maybe with "và") or "và".
AGENCY_SOFT_SEP = re.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+")
# Bullets and spaces before an agency ("- Sở Nội vụ"); closing punctuation is trimmed without a pattern.
AGENCY_LEAD = re.compile(r"^[\s\-–—+•·*]+")
# White space to print as one space: a run of two or more, or a line break or tab (a lone space is left
# alone, which keeps the substitution cheap).
AGENCY_SPACES = re.compile(r"\s{2,}|[^\S ]")


def agency_head_pattern(
    *,
    heads: Iterable[str],
    not_heads: Iterable[str],
    starts: Iterable[str],
    nouns: Iterable[str],
    extra: Iterable[str] = (),
) -> re.Pattern[str]:
    """The start of an agency name: a head word ("Sở", "UBND", "Văn phòng"; case-sensitive, so "ban" in
    "sở, ban, ngành" is no head), or a collective start then an agency noun in any case ("các sở", "Các Cơ
    quan"), but not a phrase that only starts like one ("Ban hành", "Báo cáo", "Trường hợp"). `extra`
    adds more head words (the lower-case nouns that start an agency after a comma: "…, đơn vị trực thuộc")."""
    words = [*heads, *extra]
    return re.compile(
        rf"(?!(?:{_alternation(not_heads)})(?!\w))"
        rf"(?:{_alternation(words)}|(?:{_alternation(starts)})\s+(?i:{_alternation(nouns)}))(?!\w)"
    )


def department_list_pattern(kinds: Iterable[str]) -> re.Pattern[str]:
    """The opening of a list of department names: "các sở: Nội vụ, Tư pháp", "Sở: …", "các Bộ: …"."""
    return re.compile(rf"(?<!\w)(?:các\s+)?(?P<kind>{_alternation(kinds)})\s*:\s*", re.IGNORECASE)


def leading_words_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One of the words at the very start of a text, then white space ("Đề nghị ", "Giao ")."""
    return re.compile(rf"^\s*(?:{_alternation(words)})\s+", re.IGNORECASE)


# --- layout (normalize/) ----------------------------------------------------------------------------
# Markdown heading hashes at the start of a line ("## I. MỤC ĐÍCH"); the text after them is kept.
MD_HEADING = re.compile(r"^#{1,6}(?:\s+|$)")
MD_HEADING_LINE = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)", re.MULTILINE)
# A backslash escaping markdown punctuation ("1\." -> "1.").
MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")
# Single-star italics around a whole phrase ("*Hà Nội, ngày 26*"); bold "**" is handled separately.
MD_ITALIC_STAR = re.compile(r"(?<![*\w])\*(?!\s)|(?<!\s)\*(?![*\w])")
# Characters that only carry layout: zero-width spaces/joiners, soft hyphen, BOM.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# White space inside a line to fold into one space: a run of two or more, or one tab / no-break space
# (a lone ordinary space is left alone, which keeps the substitution cheap on long texts).
_BLANK = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
SPACES = re.compile(rf"{_BLANK}{{2,}}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
# A table cell separator line as scraped pages print it: "|", or "||||" for several empty cells.
CELL_SEPARATORS = re.compile(r"^\|+$")
# A one-line markdown table row: "| Số hiệu | 3350/QĐ-UBND |".
MD_TABLE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")
# A markdown table rule row: "|---|:--:|".
MD_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
# A bare page number, optionally dashed ("- 2 -", "Trang 3").
PAGE_NUMBER = re.compile(r"^(?:-\s*)?(?:[Tt]rang\s+)?\d{1,3}(?:\s*-)?$")
# Decorative rules under header blocks ("-------", "____").
RULE_LINE = re.compile(r"^[-_=.…*\s]{3,}$")

# Labels that open a numbered item: Roman "I." / "PHẦN I", decimal "1." "1.2." "3)", letter "a)" "đ.".
ROMAN_LABEL = r"(?P<roman>[IVXL]{1,6})\s*[.)]"
# (a dot followed by a digit is a number, not a label: "3.000 lượt" wrapped to the start of a line)
DECIMAL_LABEL = r"(?P<decimal>\d{1,2}(?:\.\d{1,2}){0,3})\s*(?:[.)](?!\d)|(?=\s+[" + VI_UPPER + r"]))"
LETTER_LABEL = r"(?P<letter>[a-zđ])\s*\)"
BULLET_LABEL = r"(?P<bullet>[-–—+•·*●○▪✓])"
ITEM_LABEL = re.compile(
    rf"^(?:PHẦN\s+|Phần\s+|CHƯƠNG\s+|Chương\s+)?(?:{ROMAN_LABEL}|{DECIMAL_LABEL}|{LETTER_LABEL}|{BULLET_LABEL})\s*"
)
# "Điều 1." article headings of a decision.
ARTICLE = re.compile(r"^Điều\s+(?P<article>\d{1,3})\s*[.:]?\s*")
# Sentence-final punctuation: a line ending with one of these is not continued by the next line.
TERMINAL = re.compile(r"[.;:!?…]\s*(?:\*+)?\s*$|[.;:]\s*[)\]”\"]\s*$")
# A line that is nothing but an item label: "1.1.", "II.", "a)", "-".
LABEL_ONLY = re.compile(r"^(?:[IVXL]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-zđ]\)|[-–+•])$")
# A bullet label followed by nothing but more markers: "- " alone, "* *".
BULLET_ONLY = re.compile(r"^[-–—+•·*●○▪✓]\s*$")

# --- indicators (extract/indicators.py) --------------------------------------------------------------
# A number as printed in targets: "80", "04", "1.500", "2,5".
NUMBER = r"\d{1,3}(?:[.,]\d{3})*(?:[.,]\d+)?|\d+"
# A percentage: "80%", "80 %".
PERCENT = re.compile(rf"(?P<num>{NUMBER})\s*%")

# --- metadata (extract/metadata.py) -----------------------------------------------------------------
# A document number as printed: "3350/QĐ-UBND", "35/2025/NĐ-CP", "57-NQ/TW", "66.7/2025/NQ-CP", "122 /KH-SXD":
# digits, an optional "/year", then codes that start upper-case, each after "/" or "-" (a space may stand
# around a separator; callers remove spaces). At least one code is required, so dates never match.
DOC_NUMBER = (
    r"(?<![\w/.])\d{1,6}(?:\.\d{1,3})?(?:\s?/\s?(?:19|20)\d{2})?"
    r"(?:\s?[/-]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)+(?![\w&])"
)
DOC_NUMBER_RE = re.compile(DOC_NUMBER)
# The code that names the document type inside a number: "/QĐ-" "/2025/NĐ-" (state) or "57-NQ/" (party).
NUMBER_STATE_CODE = re.compile(r"^[\d.]+(?:/(?:19|20)\d{2})?/(?P<code>[A-Za-zĐđ]+)(?:-|$)")
NUMBER_PARTY_CODE = re.compile(r"^[\d.]+-(?P<code>[A-Za-zĐđ]+)/")
# "Số: 3350/QĐ-UBND" in a document head; the number group is empty when it was left blank ("Số: /KH-SVHTTDL").
# "Số" needs a colon or a digit right after it, so body words ("Số lượng") do not match.
NUMBER_LINE = re.compile(rf"(?:^|\s)Số\s*(?::|(?=\d))\s*(?P<number>{DOC_NUMBER})?", re.MULTILINE)
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
# In "Điều 1": the verb that issues or approves a plan, up to the opening of "Kế hoạch" (maybe in quotes).
ARTICLE_PLAN = re.compile(r"(?:[Bb]an hành|[Pp]hê duyệt)\b[^“\"]{0,60}?(?P<quote>[“\"])?(?=Kế hoạch\b)")
# Where a plan title cut from "Điều 1" ends: a full stop, bracket, semicolon, colon, or "với các nội dung".
ARTICLE_TITLE_END = re.compile(r"[.(;:]|\s+với\s+(?:các\s+)?nội dung|,\s*cụ thể|,\s*gồm")
# A heading that closes the opening part of a document: "PHẦN I", "Chương I", "I.", "1.", "Điều 1".
BODY_START = re.compile(
    r"^(?:(?:PHẦN|Phần|CHƯƠNG|Chương)\s+[IVXLC\d]+\b|[IVXL]{1,6}\s*[.)]\s|\d{1,2}\s*[.)]\s|Điều\s+\d)"
)
# The enacting word of a decision or resolution ("QUYẾT ĐỊNH:"), which ends its "Căn cứ" lines.
ENACTING = re.compile(r"(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ)\s*:?\s*$")
# Opening paragraphs that close the legal bases without being one ("Theo đề nghị", "Xét Tờ trình").
NOT_BASIS = re.compile(r"^(?:Theo|Xét)\b")
# The national or party motto and everything after it on a head line ("... CỘNG HÒA XÃ HỘI CHỦ NGHĨA ...").
# Diacritics are optional: OCR output often loses them ("CONG HOA XA HOI").
MOTTO = re.compile(
    r"\s*(?:C[OỘ]NG\s+H[OÒ][AÀ]\b|Đ[AẢ]NG\s+C[OỘ]NG\s+S[AẢ]N|CH[UỦ]\s+NGH[IĨ]A\s+VI[EỆ]T\s+NAM"
    r"|Đ[oộ]c\s+l[aậ]p\s*[-–]).*$"
)
# "Nơi nhận:" opening the recipients list.
RECIPIENTS = re.compile(r"^\s*Nơi\s+nhận\s*:?\s*", re.IGNORECASE)
# A list bullet before a recipient or a legal basis ("- ", "+ ", "• ").
LEAD_BULLET = re.compile(r"^\s*[-–—+•·*]\s*")
# Recipients glued into one line: a bullet after the previous item's ';' or ','.
GLUED_ITEMS = re.compile(r"(?<=[;,.])\s*[-–+]\s+")
# Punctuation closing a recipient item.
ITEM_END = re.compile(r"[\s;.,]+$")
# A person's name line: 2-6 capitalised words ("Nguyễn Thành Công", "Nguyễn Văn A").
PERSON_NAME = re.compile(rf"^[{VI_UPPER}][{VI_LOWER}]+(?:\s+[{VI_UPPER}][{VI_LOWER}]*){{1,5}}$")
# A signature line that ends with the signer's name ("KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC Lưu Hồng Phương").
CAPS_THEN_NAME = re.compile(
    rf"^(?P<caps>[^{VI_LOWER}]*[{VI_UPPER}.)])\s+"
    rf"(?P<name>[{VI_UPPER}][{VI_LOWER}]+(?:\s+[{VI_UPPER}][{VI_LOWER}]*){{1,5}})$"
)
# Stamps and placeholders inside signature blocks: "(Đã ký)", "(Ký tên, đóng dấu)", "Đã ký".
SIGN_PLACEHOLDER = re.compile(r"^\(.*\)$|^\[?[Đđ]ã\s+ký\]?$")
# A Vietnamese vowel (any case, any tone): a word without one is an acronym ("CCHC", "HĐND").
VI_VOWEL = re.compile(r"[aeiouyàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.I)
# A Roman numeral of two or more letters ("XIV", "III"), kept upper-case in titles.
ROMAN_NUMERAL = re.compile(r"^(?=[IVXLC]{2,}$)M*(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})$")
# A law named in a lower-cased title ("thi hành luật tiêu chuẩn ..."), not "pháp luật", "kỷ luật", "luật sư".
LAW_IN_TITLE = re.compile(r"(?<!pháp )(?<!kỷ )(?<!quy )(?<!điều )(?<!dự )(?<!\w)luật\s+(?!sư\b)(?P<next>\w+)")
# A basis paragraph holding a second "Căn cứ" after a semicolon: split there.
NEXT_BASIS = re.compile(r"(?<=;)\s+(?=Căn cứ\s)")
# Where an agency name in capitals splits into parts, each capitalised: ", ", " VÀ ", " - ", "&".
AGENCY_PART_SEP = re.compile(r"(,\s*|\s+VÀ\s+|\s+-\s+|\s*&\s*)")
# The upper-case codes inside a document number ("CT", "TTG" in "27/CT-TTG").
NUMBER_CODES = re.compile(r"[A-ZĐ]+")
# The first letter after an opening quote: a quoted name starts upper-case ("“Tháng hành động ...”").
QUOTED_START = re.compile(r"(?<=“)\w")
# Any white space (removed from printed document numbers).
ANY_SPACE = re.compile(r"\s+")
# A parenthesised short name closing an agency ("Ban Quản lý các khu công nghiệp tỉnh (Ban Quản lý)").
TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
# A comma and the spaces after it, splitting an agency name into its listed parts.
COMMA = re.compile(r",\s*")
# A decision's subject that issues or approves a plan: "VỀ VIỆC BAN HÀNH KẾ HOẠCH …" (already lower-cased).
SUBJECT_ISSUES_PLAN = re.compile(
    r"^(?:về việc\s+)?(?:ban hành|phê duyệt)\s+(?P<plan>kế hoạch\b.*)", re.IGNORECASE
)
# "V/v" ("về việc", abbreviated) opening a plan's subject.
ABOUT = re.compile(r"^(?:V/v|V/V|v/v)\s+", re.IGNORECASE)


def words_pattern(words: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """An alternation of literal words from a data file, longest first (so "tin, bài" wins over "tin")."""
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    return re.compile(alternation, re.IGNORECASE if ignore_case else 0)


# --- tables (normalize/tables.py, extract/task_tables.py) --------------------------------------------
# A serial-number cell opening a table row: "1", "2.", "1.1", "IV", "A", "a)".
ROW_SERIAL = re.compile(r"^(?:\d{1,3}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.?|[A-ZĐ]\.?|[a-zđ][).])$")
# The serial of a task row proper ("1", "2.", "1.1"); Roman numerals and capitals mark group rows instead.
TASK_SERIAL = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")
GROUP_SERIAL = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.?$")
# A numbered heading line ("1. Mục đích", "II. NỘI DUNG", "a) Chỉ tiêu"): never inside a header cell.
NUMBERED_HEADING = re.compile(ITEM_LABEL.pattern.replace(f"|{BULLET_LABEL}", ""))
# A website's own title line for the document: "Quyết định 3350/QĐ-UBND năm 2025 về …".
SITE_TITLE = re.compile(r"^[A-ZĐÂ]\S*(?:\s+\S+){0,3}\s+\d+/\S+\s+(?:năm|ngày)\s+\d")
# The end of a title sentence: a full stop followed by a space.
SENTENCE_END = re.compile(r"(?<=[.])\s")

# --- flattened tables (normalize/flat_tables.py, extract/flat_tables.py, extract/flat_cells.py) ---------
# Task tables that OCR ran together into lines, with no reliable column separators left.
# The serial column's word opening such a table's header line ("TT Nhiệm vụ Đơn vị chủ trì …", "STT Nội
# dung …", "Số TT …"); the other column words come from data/tasks.json.
FLAT_HEADER_START = re.compile(r"^(?:Số\s+)?S?TT(?!\w)", re.IGNORECASE)
# A row number at the start of a line of a flattened row, maybe followed by the cell border OCR read as "|",
# "\", "/", "]", "}" or "!" ("1 Nhà nước …", "2 \ N R …", "3 | đơn vị …", "4.", a lone "5"); `serial` is the
# number. A space or the line end must follow, so "2025", "2021-2030" and "1.5" never match.
FLAT_ROW_NUMBER = re.compile(r"^[|\s]*(?P<serial>\d{1,2})\.?(?:\s*[|\\/\]}!]+)?(?:\s+|$)")
# A cell border OCR kept as "|", with the spaces around it ("Hở| Văn phòng Sở | đơn vị").
FLAT_CELL_BORDER = re.compile(r"\s*\|\s*")
# Characters OCR puts before a cell's first word ("{ủy", "’ : :", "\ đơn vị"); an opening bracket or quote
# starts a phrase and is kept.
FLAT_LEADING_JUNK = re.compile(r"^[^\w(“\"]+")
# A white-space separated token of a flattened line.
FLAT_TOKEN = re.compile(r"\S+")
# A time, for deadline cells read out of a flattened row: "năm 2025", "Quý II/2026", "tháng 6", "31/12/2025",
# "6/2026".
_FLAT_TIME = rf"(?:(?i:ngày|tháng|quý|năm)\s*(?:\d|[IVX]+(?!\w))|\d{{1,2}}\s*/\s*(?:\d{{1,2}}\s*/\s*)?{YEAR})"


def flat_deadline_start_pattern(cues: Iterable[str], continuous: Iterable[str]) -> re.Pattern[str]:
    """Where a deadline cell starts among a flattened row's other columns: a continuous-time word in any case
    ("Thường xuyên"), a cue word with the capital a cell starts with ("Theo Kế hoạch", "Trước ngày …"), a
    cue word in lower case right before a time ("trong năm 2025"), or a time alone ("năm 2025")."""
    capitals = _alternation(w[:1].upper() + w[1:] for w in cues)
    return re.compile(
        rf"(?<!\w)(?:(?:(?i:{_alternation(continuous)})|{capitals})(?!\w)"
        rf"|(?i:{_alternation(cues)})\s+(?={_FLAT_TIME})|(?={_FLAT_TIME}))"
    )


# --- tasks (extract/tasks.py) -------------------------------------------------------------------------
# "Trách nhiệm của X" / "Nhiệm vụ của X" opening an item: X is the agency.
RESPONSIBILITY = re.compile(r"^(?:trách nhiệm(?:\s+của)?|nhiệm vụ\s+của)\s+", re.IGNORECASE)
# "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": a role after a dash, not part of the name.
ROLE_AFTER_DASH = re.compile(
    r"\s+[-–]\s+(?:cơ quan thường trực|thường trực|cơ quan chủ trì|cơ quan đầu mối|thành viên|phó trưởng ban"
    r"|trưởng ban|phó ban)\b.*$",
    re.IGNORECASE,
)
# A colon that expands a list of department names rather than closing the agency part: "các sở: Nội vụ".
EXPANDING_COLON = re.compile(r"\b(?:các\s+)?(?:sở|bộ|ngành)\s*$", re.IGNORECASE)
# "X gồm: A, B …": the agencies are listed after "gồm:".
LISTED_AFTER = re.compile(r"^.{0,160}?\bgồm\s*:\s*", re.IGNORECASE)
# A duty that follows an agency name without a colon: "… Sở Tài chính chịu trách nhiệm hướng dẫn …".
DUTY = re.compile(r"\s(?:chịu trách nhiệm|có trách nhiệm)\b", re.IGNORECASE)
# An opening clause before the subject of a duty: "Căn cứ nội dung Kế hoạch, …", "Trên cơ sở …, ".
OPENING_CLAUSE = re.compile(r"^(?:căn cứ|trên cơ sở|để|nhằm)\b[^,;:]{0,160},\s*", re.IGNORECASE)
# A parenthesised remark after an agency: "Sở Nội vụ (cơ quan thường trực …)".
PARENTHESES = re.compile(r"\s*\([^)]*\)")
# "phối hợp với các cơ quan, đơn vị liên quan tuyên truyền…": the partners named after "phối hợp với",
# up to the verb that starts the duty or the end of the clause.
PARTNERS_AFTER = re.compile(
    r"phối hợp(?:\s+chặt chẽ)?\s+với\s+(?P<who>.+?)(?=\s+(?:để|trong|tuyên truyền|tổ chức|thực hiện|tham mưu"
    r"|triển khai|xây dựng|rà soát|đăng tải|tiếp tục|tiến hành|hướng dẫn)\b|[;:.(]|$)",
    re.IGNORECASE,
)
# "Sở Nội vụ chủ trì, …" / "… do Sở Tư pháp chủ trì": an item that names its lead agency.
NAMED_LEAD = re.compile(
    r"(?:^|\bdo\s+|\bgiao\s+)(?P<who>(?:Sở|Văn phòng|Ban|UBND|Ủy ban)[^,;:]{2,60}?)\s+chủ trì", re.IGNORECASE
)

# --- indicators (extract/indicators.py; unit and cue words come from data/indicators.json) ------------
DIGIT = re.compile(r"\d")
# "… trở lên" after a number: at least.
TRAILING_AT_LEAST = re.compile(r"^\s*trở lên", re.IGNORECASE)
# A number of thousands written with dot groups: "1.500", "12.000.000".
DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")

# --- validate (validate/) -----------------------------------------------------------------------------
# A validation rule's code: "CP" and three digits ("CP003").
VALIDATE_CODE = re.compile(r"^CP\d{3}$")
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
# An inline suppression a plan author writes in a text or markdown plan, as an HTML comment (invisible
# when markdown is rendered): "<!-- cchc-parse: disable CP010, CP011 -->" on its own line silences those
# rules in the whole file; "disable-next-line" the findings on the next line; "disable-line", written at
# the end of a line, that line's. No codes means every rule but CP000.
SUPPRESSION = re.compile(
    r"<!--\s*cchc-parse:\s*(?P<scope>disable(?:-next-line|-line)?)\b(?P<codes>[^>]*?)\s*-->", re.IGNORECASE
)
# A line that holds nothing but HTML comments: not plan text (a directive, an editor's note).
COMMENT_ONLY_LINE = re.compile(r"^\s*(?:<!--.*?-->\s*)+$")
# The codes of a suppression, separated by commas or spaces ("CP010, CP011", "CP01").
SUPPRESSION_CODE = re.compile(r"[A-Za-z]{2}\d{1,3}")

# Section labels as the output prints them: Roman "IV", decimal "2" or "1.3", letter "đ".
ROMAN_SECTION_LABEL = re.compile(r"^[IVXL]{1,6}$")
DECIMAL_SECTION_LABEL = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}$")
LETTER_SECTION_LABEL = re.compile(r"^[a-zđ]$")
# A year named in a plan title ("giai đoạn 2026 - 2030", "đến năm 2035"): the plan period reaches the last.
TITLE_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")

# --- ocr (readers/ocr.py) -----------------------------------------------------------------------------
# A run of letters, without digits or underscores: a word that text_quality scores.
OCR_LETTERS = re.compile(r"[^\W\d_]+")
# Anything but letters and digits at the start or the end of a white-space separated token: "(Cộng", "hội,".
OCR_EDGES = re.compile(r"^[\W_]+|[\W_]+$")
# Punctuation that may join words without a space: "tế-xã", "chính.Theo", "Hà Nội,Việt".
OCR_JOINERS = re.compile(r"[-–—.,;:!?()\[\]\"]+")
# A token that is a number or a code rather than words: it holds a digit ("2026", "QH15", "m²"), a slash
# between two characters ("V/v", "1074/QĐ-BXD") or a hyphen beside two capitals ("QĐ-TTg", "NĐ–CP").
OCR_CODE = re.compile(rf"[\d²³]|[^/]/[^/]|[{VI_UPPER}]{{2}}[-–]|[-–][{VI_UPPER}]{{2}}")
# A list label on its own ("a)", "b.", "(c)", "đ)"): not a word, though "b" is no syllable either.
OCR_LIST_LABEL = re.compile(r"\(?[^\W\d_][.)]")

# --- pdf (readers/pdf.py) -----------------------------------------------------------------------------
# Line breaks in PDFium's page text: "\r\n" between lines; a lone "\r" or "\n" may come from the file.
PDF_LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Characters in PDFium's page text that are no text: NUL and other controls, PDFium's placeholder marks.
PDF_CONTROL = re.compile("[\x00-\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f\uffff]")
# PDFium's mark for a hyphen that ends a line (STX, or U+FFFE): in Vietnamese text a real hyphen, inside a
# code ("766/QĐ-TTg") or a range, never a word split by hyphenation.
PDF_LINE_END_HYPHEN = re.compile("[\x02\ufffe]")
# A bare page number at the top or bottom of a page: "2", "- 2 -", "Trang 2", "2/9", "Trang 2 / 9".
PDF_PAGE_NUMBER = re.compile(r"^(?:[-–]\s*)?(?:[Tt]rang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–])?$")
# Digits, replaced by '#' to compare running heads and feet that differ only in a page number.
PDF_DIGITS = re.compile(r"\d+")
# A line of a digital-signature stamp: "Ký bởi: …", "Người ký: …", "Cơ quan: …", "Thời gian ký: …",
# "Ngày ký: …", "Email: …".
PDF_STAMP_LINE = re.compile(
    r"^(?:Ký\s+bởi\b|Người\s+ký\s*:|Cơ\s+quan\s*:|Thời\s+gian\s+ký\s*:|Ngày\s+ký\s*:|E-?mail\s*:)",
    re.IGNORECASE,
)
# A line that is only an e-mail address, maybe in brackets (a stamp prints the signer's address).
PDF_EMAIL_LINE = re.compile(r"^[<(\[]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)\]]?$")
# A word of a table's header row ("STT | Nội dung | Chủ trì | Phối hợp | Thời gian"): a line with two of
# them marks a page that may hold a table.
PDF_TABLE_HEADER_WORD = re.compile(
    r"(?<!\w)(?:STT|TT|Nội dung|Chủ trì|Phối hợp|Thời gian|Thời hạn|Sản phẩm|Ghi chú|Đơn vị)(?!\w)",
    re.IGNORECASE,
)
# The line after a document's two-column header: the addressee ("Kính gửi: …").
PDF_HEAD_END = re.compile(r"^Kính\s+gửi\b", re.IGNORECASE)

# --- repair (repair/tokens.py, repair/corrector.py) ----------------------------------------------------
# A chunk of text between white space.
REPAIR_CHUNK = re.compile(r"\S+")
# Chunks kept whole and never re-spelled: codes and dates with a slash ("1783/QD-UBND", "/KH-SXD",
# "14/7/2025"), web and e-mail addresses.
REPAIR_WHOLE = re.compile(r"^\S*/\S*\w|^(?:https?://|www\.)\S+$|^\S+@\S+\.\w+$")
# Punctuation that splits a chunk into parts ("S6:122", "(CCHC)", "hoạch;"); captured, for re.split.
REPAIR_SPLIT = re.compile(r"([.,:;!?()\[\]{}\"“”‘’'«»…|*#<>=+]+)")
# Punctuation that ends a language-model sentence (the comma does not).
REPAIR_BREAK = re.compile(r"[.:;!?()\[\]{}|…*#]")
# A word as OCR may print it: letters with at most a few of the digits and signs OCR puts for letters
# ("S6" số, "16i" lối, "S¢" Sở, "S&" Sở, "gbp" góp, "chi?c" chức, "ti€p" tiếp, "k¥" kỹ), at least one
# letter.
_OCR_SIGNS = "¢&@§°?’'€¥"  # what OCR without the Vietnamese model prints inside words for marked letters
REPAIR_WORD = re.compile(
    rf"^(?=.*[^\W\d_])[^\W_]*(?:[{_OCR_SIGNS}][^\W_]*)?$"  # letters with one run of signs among them
    rf"|^(?=.*[^\W\d_])[\w{_OCR_SIGNS}]{{1,5}}$"  # or a short chunk mixing them freely ("S¢", "16i")
)
# A question mark or apostrophe between letters: OCR's reading of a marked letter ("chi?c" chức, "thu’c"
# thực), part of the word rather than punctuation.
REPAIR_INNER_MARK = re.compile(r"(?<=[^\W\d_])[?’'](?=[^\W\d_])")
# Words joined by slashes ("Cổng/Trang", "viện/trường"): letters only, unlike a code ("163/2024/QH15"). The
# tokens keep the chunk whole; the corrector repairs each word.
REPAIR_SLASHED_WORDS = re.compile(r"[^\W\d_]+(?:/[^\W\d_]+)+")
# A hyphen inside a part ("QD-UBND", "Hà-Nội"): split around it, keeping it (captured).
REPAIR_HYPHEN = re.compile(r"([-–—])")
# A Roman numeral written in capitals ("II", "IV"): a label, never a word to re-spell.
REPAIR_ROMAN_NUMERAL = re.compile("[IVX]+")


def code_letters_pattern(letters: Iterable[str]) -> re.Pattern[str]:
    """The letter groups of document codes that OCR without the Vietnamese model misspells ("QD" for "QĐ",
    data/repair.json), standing alone between non-letters ("1783/QD-UBND"), longest first."""
    alternatives = "|".join(sorted(map(re.escape, letters), key=len, reverse=True))
    return re.compile(rf"(?<![^\W\d_])({alternatives})(?![^\W\d_])")


# Blank lines between paragraphs, captured (for re.split: the paragraphs and what separates them).
BLANK_LINE_SPLIT = re.compile(r"(\n[ \t]*\n(?:[ \t]*\n)*)")
# A Roman heading label as OCR without the Vietnamese model prints it, at a line start: l, 1 or | for I
# ("I1. ĐỐI TƯỢNG", "I11. KINH PHÍ", "Ill. TỔ CHỨC"); needs an I, V or X and a full stop after it.
REPAIR_ROMAN_LABEL = re.compile(
    r"^(?P<indent>[ \t]*)(?P<label>(?=[IVXl1|]*[IVX])(?=[IVXl1|]*[l1|])[IVXl1|]{2,5})(?=\.\s)", re.MULTILINE
)

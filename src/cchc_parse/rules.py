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

# --- deadlines (extract/deadlines.py) ---------------------------------------------------------------

# --- agencies (extract/agencies.py) -----------------------------------------------------------------

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

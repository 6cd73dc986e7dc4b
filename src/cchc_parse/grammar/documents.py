"""The parts of an official document's frame: its number ("Số: 12/KH-UBND"), the national motto, the
"Nơi nhận" recipients and the bullets before opening lines.
"""

from __future__ import annotations

import re

# A document number as printed: "3350/QĐ-UBND", "35/2025/NĐ-CP", "57-NQ/TW", "66.7/2025/NQ-CP", "122 /KH-SXD":
# digits, an optional "/year", then codes that start upper-case, each after "/" or "-" (a space may stand
# around a separator; callers remove spaces). At least one code is required, so dates never match.
DOC_NUMBER = (
    r"(?<![\w/.])\d{1,6}(?:\.\d{1,3})?(?:\s?/\s?(?:19|20)\d{2})?"
    r"(?:\s?[/-]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)+(?![\w&])"
)

DOC_NUMBER_RE = re.compile(DOC_NUMBER)

# "Số: 3350/QĐ-UBND" in a document head; the number group is empty when it was left blank ("Số: /KH-SVHTTDL").
# "Số" needs a colon or a digit right after it, so body words ("Số lượng") do not match.
# The code of a number left blank in a draft ("Số:      /KH-UBND", "Số: ...../QĐ-UBND"): dots, ellipses or
# underscores may hold the place of the digits.
BLANK_NUMBER_CODE = r"(?:[.…_]+\s?)?(?P<code>(?:\s?[/-]\s?[A-ZĐ][A-Za-zĐđ0-9&]*)+)(?![\w&])"
NUMBER_LINE = re.compile(
    rf"(?:^|\s)Số\s*(?::|(?=\d))\s*(?:(?P<number>{DOC_NUMBER})|{BLANK_NUMBER_CODE})?", re.MULTILINE
)

# "Kính gửi:" and the addressees after it, on its line or in the bullets below.
ADDRESSED = re.compile(r"^Kính gửi\s*:?\s*", re.IGNORECASE)

# "V/v" ("về việc", abbreviated) opening a document's subject line ("V/v triển khai thực hiện …").
ABOUT = re.compile(r"^(?:V/v|V/V|v/v)\s+", re.IGNORECASE)

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

# An e-mail address ("vanthu@laocai.gov.vn"): a signing stamp prints the signer's.
EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"

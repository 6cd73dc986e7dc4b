"""Layout characters and line shapes that readers and layout share: invisible characters, runs of white
space, table rows and rules, sentence ends, PDF line breaks and OCR edges.
"""

from __future__ import annotations

import re

# Characters that only carry layout: zero-width spaces/joiners, soft hyphen, BOM.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")

# White space inside a line to fold into one space: a run of two or more, or one tab / no-break space
# (a lone ordinary space is left alone, which keeps the substitution cheap on long texts).
BLANK = r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]"

SPACES = re.compile(rf"{BLANK}{{2,}}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")

# A table cell separator line as scraped pages print it: "|", or "||||" for several empty cells.
CELL_SEPARATORS = re.compile(r"^\|+$")

# A one-line markdown table row: "| Số hiệu | 3350/QĐ-UBND |".
MD_TABLE_ROW = re.compile(r"^\|(?:[^|]*\|){2,}$")

# The serial of a task table's row proper ("1", "2.", "1.1"); Roman numerals and capitals mark group rows.
TASK_SERIAL = re.compile(r"^\d{1,3}(?:\.\d{1,2})*\.?$")

# The serial of a group row of a table: a Roman numeral or a capital letter ("IV", "A.").
GROUP_SERIAL = re.compile(r"^(?:[IVX]{1,5}|[A-ZĐ])\.?$")

# A bullet opening a table cell ("- Rà soát …"): in a task table, more tasks of the numbered row above.
CELL_BULLET = re.compile(r"^[-+•–]\s+")

# Decorative rules under header blocks ("-------", "____").
RULE_LINE = re.compile(r"^[-_=.…*\s]{3,}$")

# Sentence-final punctuation: a line ending with one of these is not continued by the next line.
TERMINAL = re.compile(r"[.;:!?…]\s*(?:\*+)?\s*$|[.;:]\s*[)\]”\"]\s*$")

# A row number at the start of a line of a flattened row, maybe followed by the cell border OCR read as "|",
# "\", "/", "]", "}" or "!" ("1 Nhà nước …", "2 \ N R …", "3 | đơn vị …", "4.", a lone "5"); `serial` is the
# number. A space or the line end must follow, so "2025", "2021-2030" and "1.5" never match.
FLAT_ROW_NUMBER = re.compile(r"^[|\s]*(?P<serial>\d{1,2})\.?(?:\s*[|\\/\]}!]+)?(?:\s+|$)")

# A white-space separated token of a flattened line.
FLAT_TOKEN = re.compile(r"\S+")

# Anything but letters and digits at the start or the end of a white-space separated token: "(Cộng", "hội,".
OCR_EDGES = re.compile(r"^[\W_]+|[\W_]+$")

# Line breaks in PDFium's page text: "\r\n" between lines; a lone "\r" or "\n" may come from the file.
PDF_LINE_BREAK = re.compile(r"\r\n|\r|\n")

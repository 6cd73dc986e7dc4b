"""Plan metadata: document type, number, date, issuer, title, year, signers, legal bases, recipients.

Only the head of the document (header, title, opening "Căn cứ" lines, "Điều 1") is read closely; signers and
recipients come from the first signature block and "Nơi nhận:" list (see :mod:`signature`). The website's
metadata table (``site_meta``) only fills what the document itself does not print.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.extract import header as hd
from cchc_parse.extract import title_case as tc
from cchc_parse.extract.digital_signatures import signing_date
from cchc_parse.extract.header_words import DOCUMENT_TYPES, words
from cchc_parse.extract.legal_basis import (
    NOT_BASIS,
    OPENING_MAX,
    doc_types,
    is_opener,
    legal_bases,
    type_from_number,
)
from cchc_parse.extract.signature import find_recipients, find_signers
from cchc_parse.grammar.dates import PLACE_DATE, YEAR_RANGE, YEAR_SINGLE
from cchc_parse.grammar.documents import ABOUT, LEAD_BULLET, MOTTO, NUMBER_LINE
from cchc_parse.grammar.layout import RULE_LINE
from cchc_parse.models import DigitalSignature, LegalBasis, Plan
from cchc_parse.structure.labels import closes_opening

# In "Điều 1": the verb that issues or approves a plan, up to the opening of "Kế hoạch" (maybe in quotes).
ARTICLE_PLAN = re.compile(r"(?:[Bb]an hành|[Pp]hê duyệt)\b[^“\"]{0,60}?(?P<quote>[“\"])?(?=Kế hoạch\b)")

# Where a plan title cut from "Điều 1" ends: a full stop, bracket, semicolon, colon, or "với các nội dung".
ARTICLE_TITLE_END = re.compile(r"[.(;:]|\s+với\s+(?:các\s+)?nội dung|,\s*cụ thể|,\s*gồm")

# A decision's subject that issues or approves a plan: "VỀ VIỆC BAN HÀNH KẾ HOẠCH …" (already lower-cased).
SUBJECT_ISSUES_PLAN = re.compile(
    r"^(?:về việc\s+)?(?:ban hành|phê duyệt)\s+(?P<plan>kế hoạch\b.*)", re.IGNORECASE
)

HEAD_MAX = 15  # blocks the title and authority line may stand in
LONG_PARAGRAPH = 300  # a head paragraph longer than this is body text …
SUBJECT_MAX = 700  # … unless it stands under a title keyword alone on its line: a subject up to this long
SENTENCE_SCAN = 4  # paragraphs after the legal bases searched for "X ban hành Kế hoạch"
NOT_CONTINUED = frozenset({"CỦA", "VỚI", "VÀ", "CHO", "GIAO", "VỀ"})


@dataclass
class Head:
    """What the head of a document prints: title keyword, subject and authority line."""

    end: int = 0  # index of the first block after the head
    issuer_end: int = 0  # head paragraphs before this index may hold the issuing bodies
    doc_type: str | None = None  # from the title keyword ("KẾ HOẠCH")
    subject: str = ""
    authority: str | None = None  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    texts: list[str] = field(default_factory=list)  # title-like texts that may name the place


# --- head: title keyword, subject, authority ------------------------------------------------------


def _head_end(blocks: list[Block]) -> int:
    after_keyword = False  # the paragraph under the title keyword is its subject, however long
    for i, block in enumerate(blocks[:HEAD_MAX]):
        if block.kind != "paragraph":
            continue
        text = LEAD_BULLET.sub("", block.text)
        if is_opener(text) or NOT_BASIS.match(text) or closes_opening(block):
            return i
        long = len(text) > (SUBJECT_MAX if after_keyword else LONG_PARAGRAPH) and not tc.is_caps(text)
        if text.startswith("Kính gửi") or long:
            return i
        keyword = _keyword(text)
        after_keyword = keyword is not None and not keyword[1]  # "QUYẾT ĐỊNH" alone on its line
    return min(len(blocks), HEAD_MAX)


def _keyword(text: str) -> tuple[str, str] | None:
    """("Kế hoạch", rest) for a title line "KẾ HOẠCH" or "KẾ HOẠCH Tuyên truyền ..."."""
    for upper, name in doc_types().items():
        if text.startswith(upper) and (len(text) == len(upper) or text[len(upper)] == " "):
            return name, text[len(upper) :].strip(" :")
    return None


def _is_authority(text: str) -> bool:
    head = tc.starts_with_head(text)
    return tc.is_caps(text) and (bool(tc.authority_title(text)) or bool(head and " " in head))


def _is_meta_line(text: str) -> bool:
    return bool(NUMBER_LINE.search(text) or PLACE_DATE.search(text) or RULE_LINE.match(text))


def _is_header_line(text: str) -> bool:
    return not tc.is_caps(text) or bool(tc.starts_with_head(text)) or bool(MOTTO.match(text))


def _cut_authority(subject: str) -> tuple[str, str | None]:
    """Split an authority glued to the end of a subject ("… NĂM 2045 THỦ TƯỚNG CHÍNH PHỦ")."""
    if not tc.is_caps(subject):
        return subject, None
    words = subject.split(" ")
    for i in range(1, len(words)):
        tail = " ".join(words[i:])
        if (
            words[i - 1] not in NOT_CONTINUED
            and tc.authority_title(tail)
            and not any(c.isdigit() for c in tail)
        ):
            return " ".join(words[:i]), tail
    return subject, None


def _subject_lines(paras: list[str], first: str) -> list[str]:
    lines = [first] if first else []
    for text in paras:
        if _is_authority(text):
            break
        if tc.is_caps(text) and not _is_meta_line(text):
            lines.append(text)
        elif not lines and len(text) < SUBJECT_MAX and not text.endswith((":", ";")):
            return [text]
        else:
            break
    return lines


def read_head(blocks: list[Block]) -> Head:
    head = Head(end=_head_end(blocks))
    paras = [(i, b.text) for i, b in enumerate(blocks[: head.end]) if b.kind == "paragraph" and b.text]
    start = next((k for k, (_, t) in enumerate(paras) if _keyword(t)), None)
    if start is not None:
        head.doc_type, first = _keyword(paras[start][1]) or (None, "")
        rest = [t for _, t in paras[start + 1 :]]
    else:  # no title keyword: the subject is the first capitals line after the header lines
        metas = [k for k, (_, t) in enumerate(paras) if _is_meta_line(t)]
        start = metas[-1] + 1 if metas else 0
        while start < len(paras) and _is_header_line(paras[start][1]):
            start += 1
        first, rest = "", [t for _, t in paras[start:]]
        rest = rest[:1] if rest and not tc.is_caps(rest[0]) else rest
    head.issuer_end = paras[start][0] if start < len(paras) else head.end
    head.subject, glued = _cut_authority(" ".join(" ".join(_subject_lines(rest, first)).split()))
    head.authority = glued or next((t for t in rest if _is_authority(t)), None)
    return head


# --- title and year -------------------------------------------------------------------------------


def _article_one(blocks: list[Block]) -> str | None:
    for block in blocks[:OPENING_MAX]:
        label = block.label
        if label is not None and label.kind == "article" and label.value == "1":
            return block.text[label.end :]
    return None


def title_from_article(text: str) -> str | None:
    """The plan an "Điều 1" issues.

    "Ban hành kèm theo Quyết định này Kế hoạch … năm 2026." -> "Kế hoạch … năm 2026".
    """
    m = ARTICLE_PLAN.search(text)
    if not m:
        return None
    rest = text[m.end() :]
    if m.group("quote"):
        end = rest.find("”" if m.group("quote") == "“" else '"')
        return rest[:end].strip() if end > 0 else None
    depth, cut = 0, len(rest)
    for i, ch in enumerate(rest):
        depth += ch == "“"
        depth -= ch == "”" and depth > 0
        if depth == 0 and ARTICLE_TITLE_END.match(rest, i):
            cut = i
            break
    return rest[:cut].strip() or None


def plan_title(doc_type: str | None, subject: str, article: str | None) -> str | None:
    """The plan's title: from "Điều 1" of a decision, else the title keyword plus its subject."""
    if doc_type != "Kế hoạch" and article:
        from_article = title_from_article(article)
        if from_article:
            return from_article
    if not subject:
        return None
    text = tc.sentence_case(subject)
    if doc_type == "Kế hoạch":
        text = ABOUT.sub("", text)
    issuing = SUBJECT_ISSUES_PLAN.match(text)
    if doc_type != "Kế hoạch" and issuing:
        return "K" + issuing.group("plan")[1:]
    if doc_type:
        return f"{doc_type} {tc.lower_first(text)}"
    return tc.upper_first(text)


def is_plan(plan: Plan) -> bool:
    """Whether the document is a plan (data: plan_types): printed as one, or a decision issuing one; a
    letter is none, whatever its subject."""
    types = lexicon.string_list(DOCUMENT_TYPES, "plan_types")
    if plan.doc_type in types:
        return True
    letter = plan.doc_type == lexicon.string(DOCUMENT_TYPES, "subject_line_type")
    return not letter and plan.title is not None and plan.title.startswith(types)


def letter_title(about: str) -> str:
    """A letter's own title: its "V/v" subject line, begun with a capital ("Triển khai thực hiện …")."""
    return tc.upper_first(tc.sentence_case(about))


def plan_year(title: str | None, issued: date | None) -> int | None:
    """The first year of "giai đoạn 2026 - 2030", else "năm 2026" in the title, else the issuing year.

    A plan cannot start before it is issued: a plan issued in 2025 for "thời kỳ 2021-2030" is for 2025.
    """
    if title:
        ranged = YEAR_RANGE.search(title)
        if ranged:
            start, end = int(ranged.group("year")), int(ranged.group("end"))
            return issued.year if issued and start < issued.year <= end else start
        single = YEAR_SINGLE.search(title)
        if single:
            return int(single.group("year"))
    return issued.year if issued else None


# --- issuers --------------------------------------------------------------------------------------


def _site_issuer(site_meta: dict[str, str]) -> str | None:
    value = site_meta.get("issuer", "").strip()
    return value if value and not value.startswith(("Tỉnh ", "Thành phố ")) else None


def issuers(
    blocks: list[Block], header: hd.Header, head: Head, bases: list[LegalBasis]
) -> tuple[str | None, str | None]:
    """(issuer, parent_issuer): header bodies, else the authority line, else the opening sentence."""
    entities = [tc.agency_case(e) for e in header.entities]
    authority = hd.authority_entity(head.authority) if head.authority else None
    issuer = entities[-1] if entities else None
    parent = entities[-2] if len(entities) > 1 else None
    if authority and (
        issuer is None or (issuer.upper() in words().heads and authority.startswith(issuer.upper()))
    ):
        issuer = tc.agency_case(authority)
    if issuer is None:
        after = [
            b.text for b in blocks[head.end : head.end + len(bases) + SENTENCE_SCAN] if b.kind == "paragraph"
        ]
        issuer = next((x for x in map(hd.issuer_from_sentence, after) if x), None)
    if issuer:
        issuer = hd.complete_locality(issuer, head.texts, header.place)
    return issuer, parent


# --- the plan -------------------------------------------------------------------------------------


def _site_title(site_meta: dict[str, str]) -> str | None:
    """The subject the website's own title line gives, for a document that prints none."""
    subject = site_meta.get("title", "").strip()
    return tc.upper_first(subject) if subject else None


def _site_date(site_meta: dict[str, str]) -> date | None:
    try:
        return datetime.strptime(site_meta.get("issued_date", "").strip(), "%d/%m/%Y").date()
    except ValueError:
        return None


def extract_plan(
    blocks: list[Block], site_meta: dict[str, str], signatures: Sequence[DigitalSignature] = ()
) -> Plan:
    """Everything the output's ``plan`` object holds, from the blocks of one document, labelled by the
    labels-and-roles stage (:func:`cchc_parse.structure.labels.assign_labels_and_roles`), and the stamps
    of its digital ``signatures`` (``extract.digital_signatures``): the day it was signed dates a document
    whose printed date is blank or missing (handwritten on a scan)."""
    head = read_head(blocks)
    for block in blocks[: head.end]:
        block.role = "header"  # the issuer, number, date, motto and title, before the legal bases
    header = hd.read_header(blocks, head.issuer_end)
    number = header.number if header.number_found else hd.clean_number(site_meta.get("number", "")) or None
    doc_type = head.doc_type or type_from_number(number) or site_meta.get("doc_type") or None
    issued = header.issued_date if header.date_found else _site_date(site_meta) or hd.record_date(blocks)
    issued = issued or signing_date(signatures)
    article = _article_one(blocks)
    if head.doc_type is None and header.about:  # a letter (Công văn): no title keyword, a "V/v" line
        doc_type = doc_type or lexicon.string(DOCUMENT_TYPES, "subject_line_type")
        title: str | None = letter_title(header.about)
    else:
        title = plan_title(doc_type, head.subject, article) or _site_title(site_meta)
    head.texts = [t for t in (title, head.subject, article) if t]
    bases = legal_bases(blocks)
    issuer, parent = issuers(blocks, header, head, bases)
    return Plan(
        doc_type=doc_type,
        number=number,
        issuer=issuer or _site_issuer(site_meta),
        parent_issuer=parent,
        place=header.place,
        issued_date=issued,
        title=title,
        year=plan_year(title, issued),
        signers=find_signers(blocks, site_meta),
        legal_bases=bases,
        recipients=find_recipients(blocks),
        digital_signatures=list(signatures),
    )

"""The opening of an official document: its legal bases ("Căn cứ …", "Thực hiện …") and the documents
they cite (type, number, date), and the document type a number's code names ("3350/QĐ-UBND": a decision).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.extract import header as hd
from cchc_parse.extract.header_words import DOCUMENT_TYPES, words
from cchc_parse.grammar.dates import REF_DATE
from cchc_parse.grammar.documents import DOC_NUMBER_RE, LEAD_BULLET, RECIPIENTS
from cchc_parse.grammar.layout import TERMINAL
from cchc_parse.models import DocRef, LegalBasis
from cchc_parse.structure.labels import closes_opening

OPENERS = "legal_basis.json"

# --- patterns of this module --------------------------------------------------------------------------------
# The code that names the document type inside a number: "/QĐ-" "/2025/NĐ-" (state) or "57-NQ/" (party).
NUMBER_STATE_CODE = re.compile(r"^[\d.]+(?:/(?:19|20)\d{2})?/(?P<code>[A-Za-zĐđ]+)(?:-|$)")

NUMBER_PARTY_CODE = re.compile(r"^[\d.]+-(?P<code>[A-Za-zĐđ]+)/")

# The enacting word of a decision or resolution ("QUYẾT ĐỊNH:"), which ends its "Căn cứ" lines.
ENACTING = re.compile(r"(?:QUYẾT ĐỊNH|QUYẾT NGHỊ|NGHỊ QUYẾT|CHỈ THỊ)\s*:?\s*$")

# Opening paragraphs that close the legal bases without being one ("Theo đề nghị", "Xét Tờ trình").
NOT_BASIS = re.compile(r"^(?:Theo|Xét)\b")

# A basis paragraph holding a second "Căn cứ" after a semicolon: split there.
NEXT_BASIS = re.compile(r"(?<=;)\s+(?=Căn cứ\s)")

OPENING_MAX = 60  # blocks the legal bases and "Điều 1" may stand in
TYPE_WINDOW = 80  # characters before a cited number searched for its document type


def doc_types() -> dict[str, str]:
    return words().doc_types


@cache
def _type_word_re() -> re.Pattern[str]:
    # A document type word as cited in running text ("Quyết định", "Nghị Quyết"); case is checked by callers.
    alts = "|".join(re.escape(n) for n in doc_types().values())
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE)


@cache
def _type_before_re() -> re.Pattern[str]:
    # A type word right before a number: "Quyết định số ", "Chỉ thị ", "Phương án ".
    alts = "|".join(re.escape(n) for n in doc_types().values())
    return re.compile(rf"(?<!\w)(?P<type>{alts})\s*(?:số\s*)?:?\s*$", re.IGNORECASE)


@cache
def _cites_re() -> re.Pattern[str]:
    # A paragraph continuing a list of cited documents: "Hướng dẫn số 7886/HD-BNV ...".
    alts = "|".join(re.escape(n) for n in doc_types().values())
    return re.compile(rf"^(?:{alts})(?:\s+\S+){{0,3}}?\s+số\s*\d")


@cache
def _openers() -> tuple[tuple[str, ...], tuple[str, ...]]:
    return (
        tuple(lexicon.string_list(OPENERS, "legal_basis_openers")),
        tuple(lexicon.string_list(OPENERS, "legal_basis_openers_with_ref")),
    )


def _canonical_type(word: str) -> str | None:
    return doc_types().get(word.upper()) if word[:1].isupper() else None


def type_from_number(number: str | None) -> str | None:
    """The document type a number's code names: "3350/QĐ-UBND" -> "Quyết định", "57-NQ/TW" -> "Nghị quyết"."""
    if not number:
        return None
    party = NUMBER_PARTY_CODE.match(number)
    if party:
        return lexicon.string_map(DOCUMENT_TYPES, "party_doc_type_codes").get(party.group("code"))
    state = NUMBER_STATE_CODE.match(number)
    return lexicon.string_map(DOCUMENT_TYPES, "doc_type_codes").get(state.group("code")) if state else None


# --- references -----------------------------------------------------------------------------------


def _ref_date(after: str) -> date | None:
    m = REF_DATE.match(after)
    if not m:
        return None
    if m.group("d1"):
        return hd.make_date(m.group("d1"), m.group("m1"), m.group("y1"))
    return hd.make_date(m.group("d2"), m.group("m2"), m.group("y2"))


def _ref_type(window: str, number: str) -> str | None:
    before = _type_before_re().search(window)
    if before and _canonical_type(before.group("type")):
        return _canonical_type(before.group("type"))
    coded = type_from_number(number)
    if coded:
        return coded
    words = [w for w in (_canonical_type(m.group()) for m in _type_word_re().finditer(window)) if w]
    return words[-1] if words else None


def parse_refs(text: str) -> list[DocRef]:
    """Every document cited by number in a text, with its type and the date printed right after it."""
    refs: list[DocRef] = []
    prev_end = 0
    for m in DOC_NUMBER_RE.finditer(text):
        number = hd.clean_number(m.group())
        window = text[max(prev_end, m.start() - TYPE_WINDOW) : m.start()]
        prev_end = m.end()
        if all(r.number != number for r in refs):  # later mentions of the same document add nothing
            refs.append(
                DocRef(doc_type=_ref_type(window, number), number=number, date=_ref_date(text[m.end() :]))
            )
    return refs


# --- legal bases ----------------------------------------------------------------------------------


def is_opener(text: str) -> bool:
    plain, with_ref = _openers()
    if text.startswith(plain):
        return True
    return text.startswith(with_ref) and bool(DOC_NUMBER_RE.search(text))


def _continues(current: str, text: str) -> bool:
    """A paragraph continuing the previous basis: a wrapped line, or a further cited document."""
    if not TERMINAL.search(current):
        return True
    return current.rstrip().endswith((";", ",")) and bool(_cites_re().match(text))


def legal_bases(blocks: list[Block]) -> list[LegalBasis]:
    """The opening "Căn cứ ..." / "Thực hiện ..." paragraphs (before "QUYẾT ĐỊNH:" or the first section);
    their blocks' role becomes "legal_basis"."""
    texts: list[str] = []
    current: int | None = None
    for block in blocks[:OPENING_MAX]:
        if block.kind != "paragraph":
            continue
        raw = block.text
        text = LEAD_BULLET.sub("", raw)
        if closes_opening(block) or RECIPIENTS.match(raw):
            break
        if ENACTING.search(text) and (texts or text.endswith(":")):
            break
        if is_opener(text):
            texts.append(text)
            current = len(texts) - 1
            block.role = "legal_basis"
        elif current is not None and not NOT_BASIS.match(text) and _continues(texts[current], text):
            texts[current] = f"{texts[current]} {raw}"
            block.role = "legal_basis"
        else:
            current = None
    split = [part for t in texts for part in NEXT_BASIS.split(t)]
    return [LegalBasis(text=t, refs=parse_refs(t)) for t in split]

"""The stamps of a document's digital signatures, read from its page furniture.

Signing software stamps each signature on the page: who signed ("Ký bởi: Sở Công Thương"), maybe for which
body ("Cơ quan: Ủy ban nhân dân tỉnh Lào Cai"), the e-mail address and the signing time ("Thời gian ký:
29.06.2026 15:04:12 +07:00"). The readers set these lines aside as furniture (a PDF's widgets, or lines of
a text); this module turns them back into records, one per stamp. A stamp starts with its signer's line, or
with a field already given in the stamp before; the labels are ``signatures.json``'s ``stamp_fields``.

The signing time also dates a document whose printed day is blank or handwritten (:func:`signing_date`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import get_args

from cchc_parse import lexicon
from cchc_parse.document import Block
from cchc_parse.grammar.dates import SIGNING_TIME
from cchc_parse.grammar.documents import EMAIL_ADDRESS
from cchc_parse.grammar.pieces import alternation
from cchc_parse.lexicon.schema import StampField
from cchc_parse.models import DigitalSignature

__all__ = ["read_signatures", "signing_date"]

# An e-mail address: a stamp may print the signer's address on its own line, maybe in brackets.
EMAIL = re.compile(EMAIL_ADDRESS)

FIELD_VALUE_MAX = 200  # characters of a field's value: longer, the line is text, not a stamp


@cache
def _field_label() -> re.Pattern[str]:
    """A stamp field's label at the start of a line, then its value: the group named after the field.
    A signer's label may go without its colon ("Digitally signed by Nguyen Van A"), the others need it."""
    fields = lexicon.load_json("signatures.json")["stamp_fields"]
    alternatives = [
        rf"(?P<{name}>{alternation(labels)})\s*{':?' if name == 'signer' else ':'}"
        for name, labels in fields.items()
    ]
    return re.compile(rf"^\s*(?:{'|'.join(alternatives)})\s*(?P<value>.*)$", re.IGNORECASE)


def read_signatures(blocks: list[Block]) -> list[DigitalSignature]:
    """The digital signatures whose stamps stand among the furniture of ``blocks``, in page order; a stamp
    read twice (from a widget and from the OCR of the page under it) is given once."""
    records: list[DigitalSignature] = []
    current: DigitalSignature | None = None
    for block in blocks:
        if block.layer != "furniture" or block.kind != "paragraph":
            continue
        for line in block.text.split("\n"):
            field, value = _field(line)
            if field is None:
                if current is not None and block.page != current.page:
                    current = None
                continue
            if current is None or field == "signer" or getattr(current, _attribute(field)) is not None:
                current = DigitalSignature(signer=None, page=block.page)
                records.append(current)
            _fill(current, field, value)
    return _distinct([r for r in records if r.signer or r.organisation or r.time_text])


def _field(line: str) -> tuple[str | None, str]:
    """(field, value) of a stamp's line: "Ký bởi: Sở Công Thương" is ("signer", "Sở Công Thương"); an
    address alone is an e-mail; (None, "") for any other line."""
    line = line.strip()
    match = _field_label().match(line)
    if match is not None:
        field = next(name for name in get_args(StampField) if match.group(name))
        value = match.group("value").strip(" :;,")
        if not value or len(value) > FIELD_VALUE_MAX or (field == "time" and signing_time(value) is None):
            return None, ""  # "Thời gian: quý II/2026" is a task's attribute, not a signing time
        return field, value
    bare = line.strip("<>()[] ")
    if EMAIL.fullmatch(bare):
        return "email", bare
    return None, ""


def _attribute(field: str) -> str:
    return "time_text" if field == "time" else field


def _fill(record: DigitalSignature, field: str, value: str) -> None:
    if field == "time":
        record.time_text = value
        record.time = signing_time(value)
    elif field == "email":
        found = EMAIL.search(value)
        record.email = found.group(0) if found else value
    elif field == "organisation":
        record.organisation = value
    else:
        record.signer = value


def signing_time(text: str) -> datetime | None:
    """The date-time a stamp's time field prints ("29.06.2026 15:04:12 +07:00"): with its offset when one
    is printed (Vietnamese software prints its +07:00), midnight when no clock is; None without a date."""
    match = SIGNING_TIME.search(text)
    if match is None:
        return None
    g = match.groupdict()
    try:
        if g["sy"]:
            day = date(int(g["sy"]), int(g["sm"]), int(g["sd"]))
        else:
            day = date(int(g["yy"]), int(g["ym"]), int(g["yd"]))
    except ValueError:
        return None
    clock = "" if g["hh"] is not None else "b" if g["bhh"] is not None else None
    hour, minute, second = (
        int(g[f"{clock}{k}"] or 0) if clock is not None else 0 for k in ("hh", "mi", "ss")
    )
    zone = None
    if g["osign"]:
        offset = timedelta(hours=int(g["oh"]), minutes=int(g["om"] or 0))
        zone = timezone(-offset if g["osign"] == "-" else offset)
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=zone)


def _distinct(records: list[DigitalSignature]) -> list[DigitalSignature]:
    """The records without repeats: two stamps signed at the same second are one (the OCR of a stamp may
    misread its signer's name, seldom its digits), and a stamp whose every field another stamp of the page
    prints alike (a line of it OCR read) is that one."""
    return [record for i, record in enumerate(records) if not _redundant(i, records)]


def _redundant(i: int, records: list[DigitalSignature]) -> bool:
    """Record ``i`` repeats one before it, or another prints all it does and more."""
    record = records[i]
    for j, other in enumerate(records):
        if j == i:
            continue
        if j < i and _same_time(record, other):
            return True
        if _covers(other, record) and (j < i or not _covers(record, other)):
            return True
    return False


def _same_time(a: DigitalSignature, b: DigitalSignature) -> bool:
    return (
        a.time is not None
        and b.time is not None
        and a.time.replace(tzinfo=None) == b.time.replace(tzinfo=None)
    )


def _covers(a: DigitalSignature, b: DigitalSignature) -> bool:
    """``a`` prints every field ``b`` does, alike, on the same page."""
    if a.page != b.page:
        return False
    fields = ("signer", "organisation", "email", "time_text")
    return all(
        getattr(b, f) is None or (getattr(a, f) or "").casefold() == getattr(b, f).casefold() for f in fields
    )


def signing_date(records: Sequence[DigitalSignature]) -> date | None:
    """The day the document was signed: the earliest signing time's (its own offset's calendar day)."""
    times = [r.time for r in records if r.time is not None]
    return min(times, key=lambda t: t.replace(tzinfo=None)).date() if times else None

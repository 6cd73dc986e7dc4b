"""The grammar: the date forms every reader of dates shares, and the item labels, table by table."""

from __future__ import annotations

import re

import pytest

from cchc_parse.document import Label
from cchc_parse.grammar import dates
from cchc_parse.grammar.labels import read_label


def date_of(pattern: str, text: str) -> tuple[str, str, str] | None:
    m = re.fullmatch(pattern, text)
    return (m["day"], m["month"], m["year"]) if m else None


@pytest.mark.parametrize(
    ("text", "strict", "printed"),
    [
        ("05/02/2026", ("05", "02", "2026"), ("05", "02", "2026")),
        ("5.2.2026", ("5", "2", "2026"), ("5", "2", "2026")),
        ("5 - 2 - 2026", ("5", "2", "2026"), ("5", "2", "2026")),
        ("31/02/2026", ("31", "02", "2026"), ("31", "02", "2026")),  # the validator tells it does not exist
        ("32/13/2026", None, ("32", "13", "2026")),  # out of range: only as printed
        ("5.2-2026", None, None),  # one separator throughout
        ("05/02/1850", None, ("05", "02", "1850")),
    ],
)
def test_numeric_date(
    text: str, strict: tuple[str, str, str] | None, printed: tuple[str, str, str] | None
) -> None:
    assert date_of(dates.numeric_date(sep="sep"), text) == strict
    assert date_of(dates.numeric_date(pieces=dates.AS_PRINTED, sep="sep"), text) == printed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26 tháng 12 năm 2025", ("26", "12", "2025")),
        ("26 tháng 12, năm 2025", ("26", "12", "2025")),
        ("6 tháng 1 năm 2022", ("6", "1", "2022")),
        ("26 tháng 13 năm 2025", None),
    ],
)
def test_worded_date(text: str, expected: tuple[str, str, str] | None) -> None:
    assert date_of(dates.worded_date(), text) == expected


@pytest.mark.parametrize(
    ("text", "groups"),
    [
        (", ngày 06/01/2022", {"d1": "06", "m1": "01", "y1": "2022"}),
        (" ngày 6 tháng 1 năm 2022", {"d2": "6", "m2": "1", "y2": "2022"}),
        (" của Chính phủ", None),
    ],
)
def test_a_cited_date_is_read_as_printed(text: str, groups: dict[str, str] | None) -> None:
    m = dates.REF_DATE.match(text)
    assert (m and {k: v for k, v in m.groupdict().items() if v}) == groups


def test_every_reader_of_dates_uses_the_same_forms() -> None:
    # deadlines, cited documents and validate build on numeric_date / worded_date: one grammar
    assert dates.numeric_date(("nd", "nm", "ny"), sep="ns") in dates._DATE_NUMERIC
    assert dates.cited_date() == dates._CITED_DATE
    assert dates.numeric_date(pieces=(dates.PRINTED, dates.PRINTED, dates.YEAR), sep="sep") in (
        dates.ANY_NUMERIC_DATE.pattern
    )
    assert (
        dates.worded_date(pieces=(dates.PRINTED, dates.PRINTED, dates.YEAR)) in dates.ANY_WORDED_DATE.pattern
    )


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("II. NHIỆM VỤ", Label("roman", "II", 4)),
        ("PHẦN I. DANH MỤC", Label("part", "I", 8)),
        ("1.2. Cải cách thể chế", Label("decimal", "1.2", 5, depth=2)),
        ("1 Mục đích", Label("decimal", "1", 2, bare=True)),
        ("đ) Tuyên truyền", Label("letter", "đ", 3)),
        ("+ Các mục tiêu", Label("bullet", "-", 2, mark="+")),
        ("• Sở Nội vụ", Label("bullet", "-", 2, mark="•")),
        ("Điều 3. Tổ chức thực hiện", Label("article", "3", 8)),
        # Bien-ban-kiem-tra-hien-truong-Yen-Thanh (a scan): parts lettered in capitals, titles in capitals
        ("A. THÀNH PHẦN ĐOÀN LÀM VIỆC", Label("part", "A", 3)),
        ("B. NỘI DUNG KIỂM TRA", Label("part", "B", 3)),
        ("A. Nguyễn Văn Bình, chuyên viên", None),  # an initial, not a part
        ("Điều 1 Ban hành kèm theo Quyết định này", Label("article", "1", 7)),
        # 31.3.2026_BB_kiemtra (a scan): a citation a wrapped line starts with, not an article
        ("Điều 23 Nghị định số 06/2021/NĐ-CP ngày 26/01/2021", None),
        ("Điều 22, 23 Luật Xây dựng", None),
        ("- ", None),
        ("3.000 lượt người", None),
        ("Quý I/2026", None),
    ],
)
def test_read_label(text: str, label: Label | None) -> None:
    assert read_label(text) == label

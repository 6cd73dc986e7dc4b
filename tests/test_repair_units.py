"""The corrector's units (cchc_parse/repair/units.py): slashed words, list labels, Roman heading labels."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse.repair.units import corrector_units, fix_roman_labels, list_labels


def words(text: str) -> list[tuple[str, str]]:
    return [(u.kind, u.text) for u in corrector_units(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cổng/Trang", [("word", "Cổng"), ("word", "Trang")]),
        ("các viện/trường.", [("word", "các"), ("word", "viện"), ("word", "trường"), ("break", ".")]),
        ("Sở/ngành/địa", [("word", "Sở"), ("word", "ngành"), ("word", "địa")]),
        ("163/2024/QH15", [("fixed", "163/2024/QH15")]),  # a code: digits
        ("1783/QD-UBND", [("fixed", "1783/QD-UBND")]),
        ("/KH-SXD", [("fixed", "/KH-SXD")]),
        ("abcdefghijk/lm", [("fixed", "abcdefghijk/lm")]),  # too long for a word
        ("CTr/TU", [("fixed", "CTr/TU")]),  # a code in letters
        ("CTr/Trang", [("fixed", "CTr/Trang")]),
        ("UBND/HĐND", [("fixed", "UBND/HĐND")]),
        ("https://a.vn/b", [("fixed", "https://a.vn/b")]),
    ],
)
def test_slashed_words_are_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert words(text) == expected


def labels_of(text: str) -> list[str]:
    units = corrector_units(text)
    return [f"{units[i].text}→{label}" for i, label in sorted(list_labels(text, units).items())]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ma túy\na) Phát huy", ["a→a"]),
        ("gồm: a) tin; b) bài", ["a→a", "b→b"]),
        ("c) Một\nd) Hai\nd) Ba\ne) Bốn", ["c→c", "d→d", "d→đ", "e→e"]),  # OCR reads đ) as d)
        ("D) Một\nD) Hai", ["D→D", "D→Đ"]),
        ("ï) Bảo đảm", ["ï→i"]),  # a label has no marks
        ("(a) mục", ["a→a"]),
        ("Xa) không", []),  # a letter inside a word
        ("ở) không", []),  # a word with Vietnamese marks
        ("là ) không", []),  # more than one letter
        ("a b c", []),
    ],
)
def test_list_labels(text: str, expected: list[str]) -> None:
    assert labels_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I1. ĐỐI TƯỢNG", "II. ĐỐI TƯỢNG"),
        ("  I11. KINH PHÍ", "  III. KINH PHÍ"),
        ("Ill. TỔ CHỨC", "III. TỔ CHỨC"),
        ("11. Mục", "11. Mục"),  # a number: no I, V or X
        ("Il Mục", "Il Mục"),  # no full stop after it
    ],
)
def test_roman_labels(text: str, expected: str) -> None:
    assert fix_roman_labels(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aăbcdđeiơuư ÀÁàá0123/-.,:;()\n¢€")), max_size=80))
def test_units_are_ordered_slices(text: str) -> None:
    position = 0
    units = corrector_units(text)
    for unit in units:
        assert unit.start >= position
        assert text[unit.start : unit.end] == unit.text
        position = unit.end
    assert all(units[i].kind == "word" and text[units[i].end] == ")" for i in list_labels(text, units))

"""Lead/partner texts split into agencies, table-driven (rows from the gold annotations), plus properties."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse import lexicon
from cchc_parse.extract import agencies
from cchc_parse.extract.agencies import looks_like_agency, split_agencies, strip_agency_prefix


def agencies_of(*names: str) -> list[str]:
    """The expected split, written as the agencies themselves."""
    return list(names)


def one(name: str) -> tuple[str, list[str]]:
    """A row for a name that must stay whole."""
    return name, [name]


def joined(*names: str, sep: str = "; ") -> tuple[str, list[str]]:
    """A row whose input is the names joined by `sep` and whose output is the names again."""
    return sep.join(names), list(names)


WHOLE_NAMES = [
    one("Sở Văn hóa, Thể thao và Du lịch"),
    one("Sở Văn hoá, Thể thao và Du lịch"),
    one("Sở Khoa học và Công nghệ"),
    one("Sở Giáo dục và Đào tạo"),
    one("Sở Nông nghiệp và Môi trường"),
    one("Báo và Phát thanh, Truyền hình Sơn La"),
    one("Trung tâm Phục vụ Hành chính công – Văn phòng UBND tỉnh"),
    one("Phòng Thông tin, Báo chí và Xuất bản"),
    one("Các Sở, ngành, đơn vị liên quan"),
    one("Ủy ban nhân dân các phường, xã, đặc khu"),
    one("Các cơ quan, địa phương, đơn vị"),
    one("Các cơ quan, tổ chức, cá nhân có liên quan"),
    one("Các sở, ban ngành"),
    one("Sở Nội vụ (cơ quan thường trực, tham mưu)"),
    one("Liên hiệp các Hội Khoa học và Kỹ thuật"),
]

SPLITS = [
    ("Các sở, ban, ngành; UBND các xã, phường", agencies_of("Các sở, ban, ngành", "UBND các xã, phường")),
    (
        "Hiệp hội doanh nghiệp tỉnh; các Sở, ban, ngành; UBND các xã, phường, các đơn vị có liên quan",
        agencies_of(
            "Hiệp hội doanh nghiệp tỉnh",
            "các Sở, ban, ngành",
            "UBND các xã, phường",
            "các đơn vị có liên quan",
        ),
    ),
    (
        "Các sở, ban, ngành tham mưu xây dựng văn bản, Văn phòng HĐND, UBND tỉnh",
        agencies_of("Các sở, ban, ngành tham mưu xây dựng văn bản", "Văn phòng HĐND, UBND tỉnh"),
    ),
    joined("Văn phòng Chính phủ", "các sở, ban, ngành", "các cơ quan, đơn vị có liên quan"),
    joined("UBND các xã, phường", "GDTrH&GDTX", "GDMN&GDTH", "các cơ sở giáo dục"),
    joined("Các sở, ban, ngành", "UBND các xã, phường", "các cơ sở giáo dục"),
    (
        "Báo và Phát thanh, Truyền hình Sơn La, "
        "các cơ quan thông tấn báo chí Trung ương đóng trên địa bàn tỉnh",
        agencies_of(
            "Báo và Phát thanh, Truyền hình Sơn La",
            "các cơ quan thông tấn báo chí Trung ương đóng trên địa bàn tỉnh",
        ),
    ),
    (
        "Các sở, ban, ngành tỉnh; UBND các xã, phường và các cơ quan, đơn vị được giao chủ trì theo kế hoạch",
        agencies_of(
            "Các sở, ban, ngành tỉnh",
            "UBND các xã, phường",
            "các cơ quan, đơn vị được giao chủ trì theo kế hoạch",
        ),
    ),
    (
        "Ủy ban Mặt trận Tổ quốc và các đoàn thể tỉnh",
        agencies_of("Ủy ban Mặt trận Tổ quốc", "các đoàn thể tỉnh"),
    ),
    (
        "Các phòng chuyên môn, đơn vị trực thuộc Sở",
        agencies_of("Các phòng chuyên môn", "đơn vị trực thuộc Sở"),
    ),
    joined("Thủ trưởng các sở, ban, ngành", "Chủ tịch UBND các xã, phường"),
    joined("Sở Nông nghiệp và Môi trường", "Sở Khoa học và Công nghệ", "Sở Xây dựng", sep=", "),
    (
        "Sở Tư pháp; Sở Văn hóa, Thể thao và Du lịch; "
        "Báo và Phát thanh Truyền hình Lai Châu và các sở, ngành có liên quan",
        agencies_of(
            "Sở Tư pháp",
            "Sở Văn hóa, Thể thao và Du lịch",
            "Báo và Phát thanh Truyền hình Lai Châu",
            "các sở, ngành có liên quan",
        ),
    ),
    (
        "Các sở, ban, ngành, đoàn thể tỉnh, UBND các xã, phường",
        agencies_of("Các sở, ban, ngành", "đoàn thể tỉnh", "UBND các xã, phường"),
    ),
    (
        "Báo và Phát thanh, truyền hình Sơn La, Cổng Thông tin điện tử tỉnh, "
        "các cơ quan thông tin, báo chí Trung ương đặt tại địa phương, "
        "Cổng/Trang thông tin điện tử của các cơ quan, đơn vị",
        agencies_of(
            "Báo và Phát thanh, truyền hình Sơn La",
            "Cổng Thông tin điện tử tỉnh",
            "các cơ quan thông tin, báo chí Trung ương đặt tại địa phương",
            "Cổng/Trang thông tin điện tử của các cơ quan, đơn vị",
        ),
    ),
    ("Viện, Trường; Doanh nghiệp", agencies_of("Viện, Trường", "Doanh nghiệp")),
    ("các sở, ngành và địa phương", agencies_of("các sở, ngành", "địa phương")),
    (
        "Sở Văn hoá, Thể thao và Du lịch, Uỷ ban nhân dân tỉnh",
        agencies_of("Sở Văn hoá, Thể thao và Du lịch", "Uỷ ban nhân dân tỉnh"),
    ),
]

EXPANDED = [
    (
        "Văn phòng UBND tỉnh và các sở: Nội vụ, Tư pháp, Khoa học và Công nghệ, Tài chính",
        agencies_of(
            "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Tư pháp", "Sở Khoa học và Công nghệ", "Sở Tài chính"
        ),
    ),
    (
        "Các Sở: Văn hóa, Thể thao và Du lịch, Giáo dục và Đào tạo và UBND các xã",
        agencies_of("Sở Văn hóa, Thể thao và Du lịch", "Sở Giáo dục và Đào tạo", "UBND các xã"),
    ),
    ("Sở: Nội vụ, Tài chính", agencies_of("Sở Nội vụ", "Sở Tài chính")),
    ("các Bộ: Công an, Quốc phòng", agencies_of("Bộ Công an", "Bộ Quốc phòng")),
    # A colon after anything else is no department list.
    ("Trưởng phòng: Nguyễn Văn A", agencies_of("Trưởng phòng: Nguyễn Văn A")),
]

CLEANED = [
    ("- Sở Nội vụ.", agencies_of("Sở Nội vụ")),
    ("  Sở Tài chính ;  ", agencies_of("Sở Tài chính")),
    ("- Sở Nội vụ\n- Sở Tư pháp", agencies_of("Sở Nội vụ", "Sở Tư pháp")),
    ("Văn phòng UBND\ntỉnh", agencies_of("Văn phòng UBND tỉnh")),
    ("Sở Tài chính và", agencies_of("Sở Tài chính")),
    ("", []),
    (" ; ; ", []),
]


@pytest.mark.parametrize(("text", "expected"), [*WHOLE_NAMES, *SPLITS, *EXPANDED, *CLEANED])
def test_split_agencies(text: str, expected: list[str]) -> None:
    assert split_agencies(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Nội vụ", True),
        ("UBND các xã", True),
        ("Văn phòng Sở", True),
        ("Đề nghị Trường Chính trị tỉnh", True),
        ("Các sở, ban, ngành", True),
        ("các cơ quan, đơn vị liên quan", True),
        ("Ủy ban Mặt trận Tổ quốc", True),
        ("Uỷ ban nhân dân tỉnh", True),
        ("Thủ trưởng các cơ quan", True),
        ("- Sở Tư pháp", True),
        ("Đối tượng", False),
        ("Các nhiệm vụ trọng tâm", False),
        ("Ban hành kế hoạch", False),
        ("Báo cáo kết quả", False),
        ("Trường hợp cần thiết", False),
        ("Cơ quan chủ trì", False),
        ("Hội nghị sơ kết", False),
        ("Sởhữu", False),
        ("Tiếp tục đẩy mạnh", False),
        ("", False),
    ],
)
def test_looks_like_agency(text: str, expected: bool) -> None:
    assert looks_like_agency(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đề nghị Trường Chính trị tỉnh", "Trường Chính trị tỉnh"),
        ("đề nghị các cơ quan Trung ương", "các cơ quan Trung ương"),
        ("Giao Sở Nội vụ", "Sở Nội vụ"),
        ("Giao cho Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh"),
        ("Giao dịch điện tử", "Giao dịch điện tử"),
        ("Giao ban định kỳ", "Giao ban định kỳ"),
        ("Sở Nội vụ", "Sở Nội vụ"),
    ],
)
def test_strip_agency_prefix(text: str, expected: str) -> None:
    assert strip_agency_prefix(text) == expected


# --- data file validation -------------------------------------------------------------------------------


@pytest.fixture
def broken_lexicon(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A copy of the agency lexicon, served instead of the packaged file; edit it in the test."""
    data = dict(lexicon.load_json(agencies.AGENCIES))
    real = lexicon.load_json
    monkeypatch.setattr(lexicon, "load_json", lambda name: data if name == agencies.AGENCIES else real(name))
    agencies._lexicon.cache_clear()
    yield data
    agencies._lexicon.cache_clear()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda d: d.update(collective_heads=["các sở ban ngành"]), "holds no comma or 'và'"),
        (lambda d: d.update(protected_names="Sở Nội vụ"), "'protected_names'"),
        (lambda d: d.update(agency_heads=[]), "'agency_heads'"),
        (lambda d: d.update(department_prefixes={"sở": 1}), "'department_prefixes'"),
        (lambda d: d.update(department_prefixes={"sở": " "}), "'department_prefixes'"),
        (lambda d: d.pop("split_heads"), "'split_heads'"),
    ],
)
def test_bad_data_file_is_reported(broken_lexicon: dict[str, Any], edit: Any, message: str) -> None:
    edit(broken_lexicon)
    with pytest.raises(lexicon.DataFileError, match=re.escape(message)):
        split_agencies("Sở Nội vụ")


# --- properties ------------------------------------------------------------------------------------------

WORDS = [
    "Sở", "Nội vụ", "Văn hóa", "Thể thao", "Du lịch", "UBND", "các", "Các", "sở", "ban", "ngành", "xã",
    "phường",
    "cơ quan", "đơn vị", "Văn phòng", "Báo", "Phát thanh", "Truyền hình", "đoàn thể", "Trường", "Viện",
    "Đề nghị", "Giao", "và", ",", ";", "-", ".", "(", ")", "\n", "  ", "–", "&",
]  # fmt: skip
agency_like = st.lists(st.sampled_from(WORDS), max_size=16).map(" ".join)
any_text = st.one_of(st.text(max_size=60), agency_like).filter(lambda t: ":" not in t)


def letters(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_split_never_invents_letters(text: str) -> None:
    """Without a department list (no colon) splitting only drops separators: the letters of the pieces,
    in order, come from the input in order."""
    pieces = split_agencies(text)
    assert is_subsequence(letters("".join(pieces)), letters(text))


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_pieces_are_trimmed_and_non_empty(text: str) -> None:
    for piece in split_agencies(text):
        assert piece and piece == piece.strip()
        assert not piece.endswith((";", ".", ",")) and not piece.startswith("- ")
        assert ";" not in piece  # a semicolon always separates


@settings(max_examples=300, deadline=None)
@given(any_text)
def test_looks_like_agency_and_strip_never_raise(text: str) -> None:
    stripped = strip_agency_prefix(text)
    assert stripped in text
    assert isinstance(looks_like_agency(text), bool)

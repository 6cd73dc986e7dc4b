"""Markup cleanup, website chrome, repeated blocks, line joining and flattened tables."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_parse.normalize.layout import text_to_blocks
from cchc_parse.normalize.lines import detect_layout, join_paragraphs
from cchc_parse.normalize.markup import Line, clean_line, clean_markup, split_glued_bold


def paragraphs(text: str) -> list[str]:
    return [b.text for b in text_to_blocks(text).blocks if b.kind == "paragraph"]


def tables(text: str) -> list[list[list[str]]]:
    return [b.rows for b in text_to_blocks(text).blocks if b.kind == "table"]


def lines_of(*texts: str) -> list[Line]:
    return [Line(i, i, t) for i, t in enumerate(texts, start=1)]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("## **II. ĐỐI TƯỢNG**", "**II. ĐỐI TƯỢNG**"),
        ("1\\. Mục đích", "1. Mục đích"),
        ("a\u00a0\u00a0b\tc", "a b c"),
        ("\ufeffKẾ HOẠCH\u200b", "KẾ HOẠCH"),
        ("#", ""),
    ],
)
def test_clean_line(raw: str, expected: str) -> None:
    assert clean_line(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "KẾ HOẠCH**Tuyên truyền công tác CCHC năm 2026**",
            ["KẾ HOẠCH", "Tuyên truyền công tác CCHC năm 2026"],
        ),
        (
            "(của Chủ tịch)**I. MỤC ĐÍCH, YÊU CẦU****1. Mục đích**",
            ["(của Chủ tịch)", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"],
        ),
        ("xã hội **mở mới **tài khoản", ["xã hội mở mới tài khoản"]),
        ("**Điều 1.**** **Công bố kèm theo", ["Điều 1. Công bố kèm theo"]),
    ],
)
def test_split_glued_bold(raw: str, expected: list[str]) -> None:
    assert [p.text for p in split_glued_bold(Line(1, 1, raw))] == expected


def test_bold_span_wrapped_over_lines_is_one_line() -> None:
    out = clean_markup(["**I. MỤC", "ĐÍCH, YÊU CẦU**", "", "text"])
    assert out[0] == Line(1, 2, "I. MỤC ĐÍCH, YÊU CẦU")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # blank-separated paragraphs wrapped inside (thuvienphapluat)
        (
            "- Bảo đảm sự chỉ đạo thống\nnhất của UBND tỉnh.\n\n- Xác định cụ thể",
            ["- Bảo đảm sự chỉ đạo thống nhất của UBND tỉnh.", "- Xác định cụ thể"],
        ),
        # PDF text with a blank line after every line, wrapped mid-sentence, and a bare page number
        (
            "1. Mục đích \n\n- Tiếp tục đẩy mạnh công tác tuyên truyền, quán triệt sâu rộng chủ trương, \n\n"
            "đường lối của Đảng. \n\n2 \n\n"
            "- Nâng cao nhận thức của người dân, tổ chức về ý nghĩa, mục tiêu \n\n"
            "tầm quan trọng của CCHC. \n\n2. Yêu cầu",
            [
                "1. Mục đích",
                "- Tiếp tục đẩy mạnh công tác tuyên truyền, quán triệt sâu rộng chủ trương, "
                "đường lối của Đảng.",
                "- Nâng cao nhận thức của người dân, tổ chức về ý nghĩa, mục tiêu tầm quan trọng của CCHC.",
                "2. Yêu cầu",
            ],
        ),
        # one paragraph per line (scraped page): headings and sentences stay apart
        (
            "1. Mục đích\nTiếp tục đẩy mạnh CCHC.\nTiếp tục ứng dụng CNTT.\n2. Yêu cầu",
            ["1. Mục đích", "Tiếp tục đẩy mạnh CCHC.", "Tiếp tục ứng dụng CNTT.", "2. Yêu cầu"],
        ),
        # signature lines never merge
        (
            "Nơi nhận:\n- Sở Nội vụ;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Thành Công",
            ["Nơi nhận:", "- Sở Nội vụ;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Công"],
        ),
    ],
)
def test_paragraphs(text: str, expected: list[str]) -> None:
    assert paragraphs(text) == expected


def test_detect_layout() -> None:
    wrapped = lines_of(
        "- Tiếp tục đẩy mạnh công tác tuyên truyền,", "", "đường lối của Đảng", "", "chính sách.", ""
    )
    assert detect_layout(wrapped) == "wrapped"
    assert detect_layout(lines_of("I. MỤC ĐÍCH", "1. Mục đích", "Tiếp tục.")) == "lines"
    assert (
        detect_layout(lines_of("I. MỤC ĐÍCH", "", "1. Mục đích", "", "Nội dung tiếp", "theo dòng."))
        == "blank_separated"
    )


SCRAPED_TABLE = """DANH MỤC
|
STT |
Nhiệm vụ |
Chủ trì |
Thời gian |
|
1. |
Quyết định ban hành Kế hoạch |
Sở Nội vụ |
Tháng 01/2026 |
|
2. |
Báo cáo CCHC |
|
Quý IV/2026 |
|
Báo cáo kết quả |
Quý I/2027 |
||
|
Sau bảng"""

TVPL_TABLE = """|
**TT**
|
**Nội dung**
|
**Cơ quan chủ trì**
|
|
**I**
|
**CẢI CÁCH THỂ CHẾ**
|
|
|
1
|
Rà soát văn bản
quy phạm pháp luật
|
Sở Tư pháp
|

Sau bảng"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            SCRAPED_TABLE,
            [
                ["STT", "Nhiệm vụ", "Chủ trì", "Thời gian"],
                ["1.", "Quyết định ban hành Kế hoạch", "Sở Nội vụ", "Tháng 01/2026"],
                ["2.", "Báo cáo CCHC", "", "Quý IV/2026"],
                ["Báo cáo kết quả", "Quý I/2027", "", ""],
            ],
        ),
        (
            TVPL_TABLE,
            [
                ["TT", "Nội dung", "Cơ quan chủ trì"],
                ["I", "CẢI CÁCH THỂ CHẾ", ""],
                ["1", "Rà soát văn bản quy phạm pháp luật", "Sở Tư pháp"],
            ],
        ),
        ("| Số hiệu | 3350/QĐ-UBND |\n| Người ký | Nguyễn Văn A |\n\ntext", []),
    ],
)
def test_flattened_tables_are_rebuilt(text: str, expected: list[list[str]]) -> None:
    found = tables(text)
    assert (found[0] if found else []) == expected
    assert "Sau bảng" in paragraphs(text) or not expected


def test_site_chrome_and_metadata_table() -> None:
    text = (
        "Quyết định 1/QĐ-UBND năm 2025 về việc X\n| Số hiệu | 1/QĐ-UBND |\n| Người ký | Nguyễn Văn A |\n|\n"
        "KẾ HOẠCH\n\nNội dung.\n\nĐăng xuất\nViệc làm Hồ Chí Minh"
    )
    layout = text_to_blocks(text)
    assert layout.site_meta == {"number": "1/QĐ-UBND", "signer": "Nguyễn Văn A"}
    assert [b.text for b in layout.blocks] == ["KẾ HOẠCH", "Nội dung."]
    assert layout.warnings[0].code == "site_chrome_removed"
    # the website's text is no part of the plan, but nothing is lost: it stays, on the furniture layer
    assert [(b.text, b.source_start, b.source_end, b.layer) for b in layout.furniture] == [
        (
            "Quyết định 1/QĐ-UBND năm 2025 về việc X\n| Số hiệu | 1/QĐ-UBND |\n| Người ký | Nguyễn Văn A |",
            1,
            3,
            "furniture",
        ),
        ("Đăng xuất\nViệc làm Hồ Chí Minh", 9, 10, "furniture"),
    ]


HEADER_BLOCK = ["Số: 3350/QĐ-UBND", "Sơn La, ngày 26 tháng 12 năm 2025"] + [
    f"Căn cứ văn bản số {i}/QĐ-UBND ngày 01/01/2025 của UBND tỉnh;" for i in range(6)
]


def test_repeated_header_block_is_removed_once_with_a_warning() -> None:
    text = "\n".join(["KẾ HOẠCH", *HEADER_BLOCK, "|", *HEADER_BLOCK, "1. Mục đích"])
    layout = text_to_blocks(text)
    texts = [b.text for b in layout.blocks]
    assert texts.count(HEADER_BLOCK[2]) == 1
    assert texts[-1] == "1. Mục đích"
    assert [w.code for w in layout.warnings] == ["duplicate_block_removed"]
    assert [b.text for b in layout.furniture] == ["\n".join(HEADER_BLOCK)]  # the copy, kept aside


def test_text_a_plan_repeats_itself_is_kept() -> None:
    item = ["- Cơ quan chủ trì: Sở Khoa học và Công nghệ.", "- Cơ quan phối hợp: Các sở, ngành có liên quan."]
    form = [*HEADER_BLOCK, "MẪU BIÊN BẢN"]
    text = "\n".join(
        [
            "a) Nghị định A",
            *item,
            "b) Nghị định B",
            *item,
            *form,
            "Nội dung",
            "Điều 1. A.",
            "Điều 2. B.",
            "Điều 3. C.",
            "PHỤ LỤC",
            *form,
        ]
    )
    layout = text_to_blocks(text)
    texts = [b.text for b in layout.blocks]
    assert texts.count(item[0]) == 2
    assert texts.count(HEADER_BLOCK[0]) == 2
    assert layout.warnings == []


# --- properties -----------------------------------------------------------------------------------
WORDS = [
    "Kế",
    "hoạch",
    "cải",
    "cách",
    "hành",
    "chính",
    "năm",
    "2026",
    "Sở",
    "Nội",
    "vụ",
    "-",
    "1.",
    "a)",
    "CCHC;",
    "tỉnh.",
]
vi_line = st.lists(st.sampled_from(WORDS), min_size=0, max_size=12).map(" ".join)


@given(st.lists(vi_line, max_size=30))
def test_joining_never_loses_or_invents_characters(texts: list[str]) -> None:
    lines = lines_of(*texts)
    for layout in ("blank_separated", "wrapped", "lines"):
        joined = join_paragraphs(lines, layout)
        assert re.sub(r"\s", "", "".join(p.text for p in joined)) == re.sub(r"\s", "", "".join(texts))
        assert all(p.start <= p.end for p in joined)


@given(st.text(max_size=200))
def test_clean_line_is_idempotent(text: str) -> None:
    once = clean_line(text)
    assert clean_line(once) == clean_line(clean_line(once))
    assert "\u200b" not in once


@given(st.text(alphabet=st.sampled_from(list("|-*# \nabcKẾ1.)")), max_size=300))
def test_layout_never_raises_and_keeps_letters(text: str) -> None:
    layout = text_to_blocks(text)
    rendered = "".join(line for b in layout.blocks for line in b.render_lines())
    for letter in "abcKẾ":
        assert rendered.count(letter) <= text.count(letter)


def test_appendix_title_between_tables_is_not_a_cell() -> None:
    signature = ["|", "Nơi nhận:", "- Như trên;", "|", "KT. THỦ TƯỚNG", "Trần Văn A", "|"]
    appendix = ["PHỤ LỤC I", "BẢNG PHÂN CÔNG"]
    table = ["|", "STT", "|", "Nhiệm vụ", "|", "Cơ quan chủ trì", "|"]
    table += ["|", "1", "|", "Rà soát", "|", "Bộ Tư pháp", "|"]
    text = "\n".join([*signature, *appendix, *table])
    layout = text_to_blocks(text)
    assert [b.kind for b in layout.blocks] == ["table", "paragraph", "paragraph", "table"]
    assert layout.blocks[0].rows == [["Nơi nhận:\n- Như trên;", "KT. THỦ TƯỚNG\nTrần Văn A"]]
    assert layout.blocks[3].rows[1] == ["1", "Rà soát", "Bộ Tư pháp"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # Bien-ban-kiem-tra-hien-truong-Yen-Thanh read by OCR: one Tesseract paragraph holds the motto and
        # the title in capitals below it
        (
            ["Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN KIỂM TRA", "Thực tế khu vực sử dụng vật liệu nổ"],
            ["Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN KIỂM TRA", "Thực tế khu vực sử dụng vật liệu nổ"],
        ),
        (
            ["Sở Công Thương tiến hành kiểm tra", "thực tế kho vật liệu nổ", "A. THÀNH PHẦN ĐOÀN"],
            ["Sở Công Thương tiến hành kiểm tra thực tế kho vật liệu nổ", "A. THÀNH PHẦN ĐOÀN"],
        ),
        (
            ["Căn cứ Quyết định số 12 của", "UBND tỉnh Lào Cai"],
            ["Căn cứ Quyết định số 12 của UBND tỉnh Lào Cai"],
        ),
    ],
)
def test_ocr_paragraphs_break_before_a_line_in_capitals_and_after_the_motto(
    lines: list[str], expected: list[str]
) -> None:
    numbered = [Line(n, n, text) for n, text in enumerate(lines, 1)]
    assert [p.text for p in join_paragraphs(numbered, "blank_separated")] == expected

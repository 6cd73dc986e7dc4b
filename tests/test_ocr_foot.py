"""The foot of an OCR'd page (recipients | signature) made a two-column table (readers/ocr_foot.py).

The lines are Tesseract's of real pages, with their segments' boxes in points (A4, 595 wide).
"""

from __future__ import annotations

import pytest

from cchc_parse.readers.ocr_foot import restored_name, with_foot_table
from cchc_parse.readers.pdf_page import PdfLine, Segment
from cchc_parse.readers.pdf_tables import PdfTable

WIDTH = 595.0
Piece = tuple[str, tuple[float, float, float, float]]


def line(number: int, *pieces: Piece) -> PdfLine:
    return PdfLine(number, " ".join(text for text, _ in pieces), None, [Segment(t, box) for t, box in pieces])


# CV-7432-UBND-XD read with --ocr always, page 2: the columns read across, a signature stroke read as "z"
CV_7432 = [
    line(
        27,
        ("để tổng hợp, tham mưu Ủy ban nhân dân tỉnh xem xét, chỉ đạo theo quy định./.", (85, 426, 511, 441)),
    ),
    line(28),
    line(29, ("Nơi nhận:", (89, 462, 141, 482)), ("KT. CHỦ TỊCH", (380, 460, 477, 475))),
    line(30, ("- Như trên;", (90, 474, 133, 485)), ("z", (401, 476, 404, 479))),
    line(31, ("- Chủ tịch UBND tỉnh;", (90, 486, 181, 494)), ("PHÓ CHỦ TỊCH", (377, 475, 481, 498))),
    line(33, ("- Lưu: VT, TH, XD.", (90, 518, 189, 530))),
    line(37, ("Phan Trung Bá", (383, 598, 475, 611))),
]

# QD-1074-QD-BXD, page 2: a recipient's line runs into the specks of the signature left of its column
QD_1074 = [
    line(13, ("KT. BỘ TRƯỞNG", (400, 236, 490, 247))),
    line(14, ("Nơi nhận:", (76, 243, 127, 251))),
    line(15, ("THỨ TRƯỞNG", (407, 250, 492, 261))),
    line(29, ("- Các Bộ, cơ quan ngang Bộ;", (77, 332, 320, 342)), ("NG 2", (355, 330, 414, 355))),
    line(31, ("- Công báo;", (77, 355, 255, 367)), ("Phạm Minh Hà", (409, 352, 493, 364))),
]


def test_the_recipients_and_the_signature_become_a_table() -> None:
    items = with_foot_table(list(CV_7432), WIDTH, 1)
    assert items[:2] == CV_7432[:2]  # the body above stays
    (table,) = items[2:]
    assert isinstance(table, PdfTable)
    assert (table.page, table.row_lines, table.header) == (1, [(29, 37)], False)
    assert table.rows == [
        [
            "Nơi nhận:\n- Như trên;\n- Chủ tịch UBND tỉnh;\n- Lưu: VT, TH, XD.",
            "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhan Trung Bá",  # the speck "z" left out
        ]
    ]


def test_a_segment_goes_to_the_column_of_its_middle() -> None:
    (table,) = with_foot_table(list(QD_1074), WIDTH, 1)
    assert isinstance(table, PdfTable)
    assert table.rows[0][1] == "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nPhạm Minh Hà"
    assert (
        table.rows[0][0] == "Nơi nhận:\n- Các Bộ, cơ quan ngang Bộ; NG 2\n- Công báo;"
    )  # "NG 2" across the edge


def test_a_signing_prefix_may_touch_its_title() -> None:
    # QD-2170-2026 read by OCR: "TM.UY BAN NHAN DAN", a seal read as "x¬HYỶ", a stroke as a quote
    lines = [
        line(
            45,
            ("Nơi nhận:", (87, 632, 138, 652)),
            ("Điền3", (184, 643, 210, 652)),
            ("TM.UY BAN NHAN DAN", (362, 633, 522, 643)),
        ),
        line(
            48, ("- Thường trực Tỉnh ủy (báo cáo);", (87, 656, 219, 665)), ("CHU TỊCH", (408, 649, 477, 661))
        ),
        line(60, ("Neuyên Tuân Anh", (385, 740, 495, 752))),
    ]
    (table,) = with_foot_table(lines, WIDTH, 3)
    assert isinstance(table, PdfTable)
    assert table.rows == [
        ["Nơi nhận: Điền3\n- Thường trực Tỉnh ủy (báo cáo);", "TM.UY BAN NHAN DAN\nCHU TỊCH\nNeuyên Tuân Anh"]
    ]


def test_body_text_below_the_foot_ends_it() -> None:
    body = line(40, ("PHỤ LỤC: danh sách các cơ sở, công trình không bảo đảm an toàn", (85, 640, 540, 655)))
    items = with_foot_table([*CV_7432, body], WIDTH, 1)
    assert isinstance(items[2], PdfTable) and items[3] is body


def test_pages_without_a_signature_title_on_the_right_stay() -> None:
    centred = line(5, ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", (200, 100, 400, 112)))  # a heading, not a foot
    lonely = [CV_7432[0], line(29, ("KT. CHỦ TỊCH", (380, 460, 477, 475))), CV_7432[-1]]  # no left column
    assert with_foot_table([centred], WIDTH, 0) == [centred]
    assert with_foot_table(lonely, WIDTH, 0) == lonely


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("toang Văn Thuần", "Hoàng Văn Thuần"),  # 1629_SCT read by OCR: "H" under the signature's stroke
        ("zam Bình Minh", "Phạm Bình Minh"),  # CV-6791: "Ph" read as "z"; Phạm is commoner than Đàm
        ("hạm Minh Hà", "Phạm Minh Hà"),  # QD-1074: the "P" lost
        ("Phạm Minh Hà", "Phạm Minh Hà"),  # a name read right stays
        ("- Như trên;", "- Như trên;"),
        ("xyzq Văn A", "xyzq Văn A"),  # no surname ends so
    ],
)
def test_a_surname_a_stroke_damaged_is_restored(text: str, expected: str) -> None:
    assert restored_name(text) == expected

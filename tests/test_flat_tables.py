"""Task tables that OCR flattened into lines: the table found, its rows cut, their columns read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse import parse_file, parse_text
from cchc_parse.extract.flat_cells import is_debris, split_line
from cchc_parse.grammar.layout import FLAT_ROW_NUMBER
from cchc_parse.models import Task
from cchc_parse.normalize.flat_tables import is_flat_header, skeleton
from cchc_parse.normalize.layout import text_to_blocks

SEED_002 = Path(__file__).parent / "fixtures" / "seeds" / "002_44ed5409a343b470.txt"

# Cells centred vertically: each row number stands on the row's middle line; some borders read as "|",
# others lost; OCR debris ("A N R", "’ : :") around.
CENTRED = """STT Nội dung công việc Cơ quan chủ trì Cơ quan phối hợp Thời gian hoàn thành
’ : : thực hiện
Rà soát, đánh giá các thủ tục hành chính thuộc thẩm
1 quyền giải quyết của tỉnh để đề xuất phương án cắt Sở Tư pháp | Các sở, ban, ngành | Quý II/2026
giảm, đơn giản hóa thủ tục hành chính
Xây dựng cơ sở dữ liệu về cán bộ, công chức, viên Các phòng
2 | chức của tỉnh; cập nhật dữ liệu lên hệ thống quản | Sở Nội vụ | chuyên môn | Tháng 12/2026
lý cán bộ, công chức của Bộ Nội vụ A N R
Tổ chức khảo sát, đo lường sự hài lòng của người Thường xuyên
3 dân, tổ chức đối với sự phục vụ của cơ quan hành Sở Nội vụ Các sở, ngành trong năm 2026
chính nhà nước trên địa bàn tỉnh"""

# Cells aligned to the top: each row starts on its number line.
TOP = """TT Nhiệm vụ Chủ trì Phối hợp Thời hạn
1 Tổ chức hội nghị tập huấn nghiệp vụ kiểm soát | Văn phòng UBND tỉnh | Sở Nội vụ | Quý III/2026
thủ tục hành chính cho công chức
2 Kiểm tra công tác cải cách hành chính tại các | Sở Nội vụ | Sở Tư pháp | Tháng 10/2026
cơ quan, đơn vị
3 Đánh giá, xếp loại kết quả cải cách hành chính | Sở Nội vụ | Thường xuyên"""

# Garbled by OCR: "Thudne xuven" for "Thường xuyên", "Văn phone Sẽ" for "Văn phòng Sở" (read cleanly in
# the other row).
GARBLED = """TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện
Tuyên truyền các nội dung Chương trình tổng thể cải cách
1 hành chính nhà nước đến cán bộ, công chức của Sở Văn phone Sẽ | Các phòng | Thudne xuven
Đăng tải tin, bài về cải cách hành chính trên Trang thông
2 tin điện tử của Sở; duy trì chuyên mục cải cách | Văn phòng Sở | Các phòng | Thường xuyên
hành chính trên Trang thông tin điện tử"""


def plan(table: str, after: str = "II. TỔ CHỨC THỰC HIỆN") -> str:
    return "\n\n".join(["KẾ HOẠCH", "Cải cách hành chính năm 2026", "I. NHIỆM VỤ", table, after])


def table_tasks(text: str) -> list[Task]:
    return [t for t in parse_text(text, path="plan.txt", repair="never").tasks if t.origin == "table"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TT Nhiệm vụ Đơn vị chủ trì Đơn vị phối hợp Thời gian thực hiện", True),
        ("STT Nội dung Chủ trì Phối hợp Thời hạn", True),
        ("Số TT Tên nhiệm vụ Cơ quan thực hiện Sản phẩm", True),
        ("TT Nhiem vu Don vi chu tri Don vi phoi hop", True),  # OCR without the Vietnamese model
        ("TT Nhiệm vụ Đơn vị chủ trì Đơn viphot | Thốt an thye", True),  # seed 002, garbled
        ("TT Nội dung", False),  # no lead, partners, deadline or output column
        ("Nhiệm vụ Chủ trì Phối hợp Thời gian", False),  # no serial column first
        ("TTHC thuộc nhiệm vụ của Sở do Văn phòng chủ trì", False),
    ],
)
def test_header_of_a_flattened_table(text: str, expected: bool) -> None:
    assert is_flat_header(text) is expected


@pytest.mark.parametrize(
    ("line", "serial"),
    [
        ("1 Nhà nước giai đoạn 2021-2030", "1"),
        ("2 \\ N R N e 2 } \\ đơn vị", "2"),
        ("3 | đơn vị có liên quan", "3"),
        ("12. Tổ chức hội nghị", "12"),
        ("5", "5"),
        ("2025 năm", None),
        ("2021-2030 của Chính phủ", None),
        ("1.5 tỷ đồng", None),
    ],
)
def test_row_number(line: str, serial: str | None) -> None:
    m = FLAT_ROW_NUMBER.match(line)
    assert (m["serial"] if m else None) == serial


@pytest.mark.parametrize(
    ("token", "debris"),
    [
        ("Tuyên", False),
        ("UBND", False),
        ("2025", False),
        ("Website", False),
        ("Cong/Trang", False),
        ("hòa", False),
        ("A", True),
        ("NP", True),
        ("}", True),
        ("o~", True),
        ("Ft)hướng", True),
        ("trone", True),  # spells no Vietnamese syllable
        ("8", True),
    ],
)
def test_debris(token: str, debris: bool) -> None:
    assert is_debris(token) is debris


@pytest.mark.parametrize(
    ("line", "task", "side"),
    [
        ("tác CCHC trên Cổng thông tin của tỉnh, của | Văn phòng Sở | Thường xuyên",
         "tác CCHC trên Cổng thông tin của tỉnh, của", ["Văn phòng Sở", "Thường xuyên"]),
        ("Tuyên truyền và phối hợp xây dựng các tin, bài trong công Các phòng", "Tuyên truyền và phối hợp "
         "xây dựng các tin, bài trong công", ["Các phòng"]),
        ("đến cán bộ, công chức, viên chức, người lao động thuộc Sở", "đến cán bộ, công chức, viên chức, "
         "người lao động thuộc Sở", []),  # a linking word keeps "Sở" in the task
        ("N R N e 2 } \\ đơn vị thuộc và", "", ["đơn vị thuộc và"]),  # starts in debris: no task text
        ("Có ai 2 .. o~ | Thường xuyên", "", ["Có ai 2 .. o~", "Thường xuyên"]),
        ("CCHC năm 2025 thuộc Sở 8", "CCHC năm 2025 thuộc Sở", []),
    ],
)  # fmt: skip
def test_split_line(line: str, task: str, side: list[str]) -> None:
    got = split_line(line, 57.0)
    assert (got.task, got.side) == (task, side)


def test_layout_keeps_a_flattened_table_as_one_block_with_a_row_each() -> None:
    blocks = text_to_blocks(plan(CENTRED)).blocks
    tables = [b for b in blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].flattened
    # source lines: the header (7-8), then rows 9-11, 12-14, 15-17; the heading after stays a paragraph
    assert tables[0].row_lines == [(7, 8), (9, 11), (12, 14), (15, 17)]
    assert tables[0].rows[2] == [CENTRED.split("\n")[5] + "\n" + "\n".join(CENTRED.split("\n")[6:8])]
    assert blocks[-1].text == "II. TỔ CHỨC THỰC HIỆN"


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        (
            CENTRED,
            [
                ("Rà soát, đánh giá", "phương án cắt giảm, đơn giản hóa thủ tục hành chính", ["Sở Tư pháp"],
                 ["Các sở, ban, ngành"], "Quý II/2026", date(2026, 6, 30), None),
                ("Xây dựng cơ sở dữ liệu", "của Bộ Nội vụ", ["Sở Nội vụ"], ["Các phòng"], "Tháng 12/2026",
                 date(2026, 12, 31), None),
                ("Tổ chức khảo sát", "trên địa bàn tỉnh", ["Sở Nội vụ"], ["Các sở, ngành"],
                 "Thường xuyên trong năm 2026", date(2026, 12, 31), "continuous"),
            ],
        ),
        (
            TOP,
            [
                ("Tổ chức hội nghị", "cho công chức", ["Văn phòng UBND tỉnh"], ["Sở Nội vụ"], "Quý III/2026",
                 date(2026, 9, 30), None),
                ("Kiểm tra công tác", "cơ quan, đơn vị", ["Sở Nội vụ"], ["Sở Tư pháp"], "Tháng 10/2026",
                 date(2026, 10, 31), None),
                ("Đánh giá, xếp loại", "cải cách hành chính", ["Sở Nội vụ"], [], "Thường xuyên", None,
                 "continuous"),
            ],
        ),
        (
            GARBLED,
            [
                ("Tuyên truyền các nội dung", "cán bộ, công chức của Sở", ["Văn phòng Sở"], ["Các phòng"],
                 "Thường xuyên", None, "continuous"),
                ("Đăng tải tin, bài", "Trang thông tin điện tử", ["Văn phòng Sở"], ["Các phòng"],
                 "Thường xuyên", None, "continuous"),
            ],
        ),
    ],
    ids=["centred", "top-aligned", "garbled"],
)  # fmt: skip
def test_tasks_of_a_flattened_table(table: str, expected: list[tuple[object, ...]]) -> None:
    tasks = table_tasks(plan(table))
    got = [
        (
            t.text.startswith(str(start)) and t.text.endswith(str(end)),
            t.lead,
            t.partners,
            t.deadline.text if t.deadline else None,
            t.deadline.end if t.deadline else None,
            t.deadline.recurrence if t.deadline else None,
        )
        for t, (start, end, *_) in zip(tasks, expected, strict=False)
    ]
    assert got == [(True, *rest) for _, _, *rest in expected]
    assert len(tasks) == len(expected)
    assert all(t.section == "I" for t in tasks)


def test_spans_of_flattened_rows_point_at_their_source_lines() -> None:
    tasks = table_tasks(plan(CENTRED))
    lines = [(t.span.source_start_line, t.span.source_end_line) for t in tasks]
    assert lines == [(9, 11), (12, 14), (15, 17)]
    assert [t.span.start_line for t in tasks] == [5, 6, 7]  # one line per row in the normalised text


@pytest.mark.parametrize(
    ("after", "end"),
    [
        ("CỤC CHỨNG THỰC SỐ VÀ BẢO MẬT THÔNG TIN - ĐT: 0243.7738668", 16),
        ("Nơi nhận:\n- Như trên;", 16),
        ("III. KINH PHÍ THỰC HIỆN", 16),
        ("\n\nCác phòng, đơn vị triển khai thực hiện Kế hoạch này.", 16),
        ("chính nhà nước trên địa bàn tỉnh", 18),  # one blank line apart: the last row's bottom line
    ],
)
def test_the_table_ends_before_a_stamp_a_signature_a_heading_or_two_blank_lines(after: str, end: int) -> None:
    short = CENTRED.rsplit("\n", 1)[0]  # the last row without its bottom line: any line after may be it
    blocks = text_to_blocks(plan(short, after=after)).blocks
    table = next(b for b in blocks if b.kind == "table")
    assert table.source_end == end
    assert blocks[-1].kind == ("table" if end == 18 else "paragraph")


def test_a_header_without_numbered_rows_is_no_table() -> None:
    text = plan("TT Nhiệm vụ Chủ trì Phối hợp Thời hạn\nCác phòng triển khai thực hiện\ntheo chức năng.")
    assert all(b.kind == "paragraph" for b in text_to_blocks(text).blocks)
    assert table_tasks(text) == []


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab Sở|1234\\.,Các phòngThường xuyên năm 2026", max_size=60), max_size=12))
def test_any_lines_after_a_header_parse(lines: list[str]) -> None:
    text = plan("\n".join(["TT Nhiệm vụ Chủ trì Phối hợp Thời hạn", "1 a", *lines, "2 b"]))
    for task in table_tasks(text):
        assert task.span.source_start_line is not None


def bare(text: str) -> str:
    """Without marks: the diacritic repair of the OCR'd seed may still re-mark a letter here or there."""
    return skeleton(text)


def test_seed_002_appendix_tasks() -> None:
    """The appendix of seed 002 (source lines 253-282) as the scan prints it, read by hand from the OCR lines:
    columns TT | Nhiệm vụ | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian thực hiện, five rows numbered on
    their middle lines (256, 262, 268, 272, 276).

    1. lead "Văn phòng Sở" (line 256, "Van phong So" garbled as "Vin phone Sé" right of the task column),
       partners "Các phòng, đơn vị thuộc và trực thuộc Sở" (255-258), "Thường xuyên trong năm 2025" (256-257).
    2. lead "Văn phòng Sở; Tổ Website Sở" (261 and 263, between the borders after the task column),
       partners the same "Các phòng, đơn vị …" (260-264), "Thường xuyên trong năm 2025" (261, 263).
    3. lead "Các phòng, đơn vị thuộc và trực thuộc Sở" (266-269: line 268 prints its piece right after the
       task column, before "Tổ Website Sở"), partner "Tổ Website Sở" (268), "Thường xuyên trong năm 2025"
       (267-268).
    4. lead "Văn phòng Sở" (272), partners "Các phòng, đơn vị …" (271-273), "Theo Kế hoạch của UBND tỉnh và
       cấp có thẩm quyền trong năm 2025" (270-273).
    5. lead "Văn phòng Sở" (276), partners "Các phòng, đơn vị …" (275-280), "Thường xuyên trong năm 2025"
       ("Thudne xuven" 275, 282).

    The parser reads the partners' multi-line cell as its first line ("Các phòng"), row 2's second lead as a
    partner, and row 4's deadline as its first line.
    """
    tasks = [t for t in parse_file(SEED_002).tasks if t.origin == "table"]
    spans = [(t.span.source_start_line, t.span.source_end_line) for t in tasks]
    assert spans == [(255, 259), (260, 265), (266, 269), (270, 274), (275, 282)]
    leads = [[bare(a) for a in t.lead] for t in tasks]
    assert leads == [["van phong so"], ["van phong so"], ["cac phong"], ["van phong so"], ["van phong so"]]
    assert bare(tasks[1].partners[-1]).startswith("to website")
    assert [bare(p) for p in tasks[2].partners] == ["to website so"]
    assert all(bare(t.partners[0]) == "cac phong" for t in (tasks[0], tasks[1], tasks[3], tasks[4]))
    for t in (tasks[0], tasks[1], tasks[2], tasks[4]):
        assert t.deadline is not None and t.deadline.recurrence == "continuous"
        assert t.deadline.end == date(2025, 12, 31)
    assert tasks[3].deadline is not None and tasks[3].deadline.text.startswith("Theo Kế hoạch")
    starts = ["tuyen truyen cac noi dung", "tuyen truyen va phoi hop", "phoi hop voi cac co", "", "tuyen"]
    assert all(bare(t.text).startswith(s) for t, s in zip(tasks, starts, strict=True))
    assert "tham gia cac cuoc thi" in bare(tasks[3].text)

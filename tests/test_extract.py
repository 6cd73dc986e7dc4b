"""Tasks and indicators from small plans, table-driven."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cchc_parse import parse_text
from cchc_parse.extract.assignments import agency_clause
from cchc_parse.extract.indicators import find_targets
from cchc_parse.extract.task_items import attribute_of
from cchc_parse.models import PlanDocument
from small_plans import plan


def tasks_of(doc: PlanDocument) -> list[tuple[str, str, list[str]]]:
    return [(t.origin, t.text, t.lead) for t in doc.tasks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sở Tư pháp: lồng ghép tuyên truyền", ("Sở Tư pháp", "lồng ghép tuyên truyền")),
        (
            "Đề nghị Trường Chính trị tỉnh: tiếp tục nghiên cứu",
            ("Trường Chính trị tỉnh", "tiếp tục nghiên cứu"),
        ),
        (
            "Sở Nội vụ (cơ quan thường trực): chịu trách nhiệm hướng dẫn",
            ("Sở Nội vụ", "chịu trách nhiệm hướng dẫn"),
        ),
        (
            "Các cơ quan chủ trì gồm: Văn phòng UBND tỉnh và các sở: Nội vụ, Tư pháp chịu trách nhiệm kiểm",
            ("Văn phòng UBND tỉnh và các sở: Nội vụ, Tư pháp", "chịu trách nhiệm kiểm"),
        ),
        ("Đối tượng: cán bộ, công chức", None),
        ("Tiếp tục đẩy mạnh công tác tuyên truyền", None),
    ],
)
def test_agency_clause(text: str, expected: tuple[str, str] | None) -> None:
    assert agency_clause(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Cơ quan chủ trì: Sở Khoa học và Công nghệ", ("lead", "Sở Khoa học và Công nghệ")),
        ("Cơ quan phối hợp: Các sở, ngành", ("partners", "Các sở, ngành")),
        ("Thời gian thực hiện: Quý IV năm 2025", ("deadline", "Quý IV năm 2025")),
        ("Sản phẩm: Kế hoạch của UBND tỉnh", ("output", "Kế hoạch của UBND tỉnh")),
        ("Nội dung: Rà soát văn bản", ("text", "Rà soát văn bản")),
        ("Mục đích: nâng cao nhận thức", None),
    ],
)
def test_attribute_of(text: str, expected: tuple[str, str] | None) -> None:
    assert attribute_of(text) == expected


def test_assignments_under_execution_section() -> None:
    doc = plan(
        "I. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nội vụ",
        "- Chủ trì tham mưu triển khai Kế hoạch.",
        "- Tham mưu tổ chức lớp tập huấn.",
        "2. Sở Tư pháp: lồng ghép tuyên truyền về CCHC.",
        "3. Trách nhiệm của Trung tâm Phục vụ Hành chính công",
        "Chịu trách nhiệm là đầu mối tiếp nhận hồ sơ.",
    )
    assert tasks_of(doc) == [
        ("assignment", "Chủ trì tham mưu triển khai Kế hoạch.", ["Sở Nội vụ"]),
        ("assignment", "Tham mưu tổ chức lớp tập huấn.", ["Sở Nội vụ"]),
        ("assignment", "lồng ghép tuyên truyền về CCHC.", ["Sở Tư pháp"]),
        ("assignment", "Chịu trách nhiệm là đầu mối tiếp nhận hồ sơ.", ["Trung tâm Phục vụ Hành chính công"]),
    ]
    assert [t.section for t in doc.tasks] == ["I.1", "I.1", "I.2", "I.3"]
    assert [t.id for t in doc.tasks] == ["T1", "T2", "T3", "T4"]


def test_list_tasks_and_required_indicators() -> None:
    doc = plan(
        "I. NHIỆM VỤ TRỌNG TÂM",
        "1. Cải cách thủ tục hành chính",
        "a) Chỉ tiêu",
        "- Tối thiểu 80% hồ sơ được số hóa.",
        "- Công bố đầy đủ danh mục thủ tục.",
        "b) Nhiệm vụ",
        "- Rà soát, đơn giản hóa thủ tục hành chính.",
    )
    assert tasks_of(doc) == [("list", "Rà soát, đơn giản hóa thủ tục hành chính.", [])]
    assert doc.tasks[0].area == "thủ tục hành chính"
    assert [(i.value, i.unit, i.comparator, i.required) for i in doc.indicators] == [
        (80.0, "%", ">=", True),
        (None, None, None, True),
    ]


def test_attribute_items_are_one_task_each() -> None:
    doc = plan(
        "II. NỘI DUNG KẾ HOẠCH",
        "1. Tổ chức phổ biến Luật",
        "- Cơ quan thực hiện: Sở Tư pháp.",
        "- Cơ quan phối hợp: Các sở, ngành.",
        "- Thời gian thực hiện: Quý IV năm 2025.",
        title="Kế hoạch triển khai thi hành Luật",
    )
    (task,) = doc.tasks
    assert (task.origin, task.text, task.lead, task.partners) == (
        "list",
        "Tổ chức phổ biến Luật",
        ["Sở Tư pháp"],
        ["Các sở, ngành"],
    )
    assert task.deadline is not None and task.deadline.text.startswith("Quý IV năm 2025")
    assert task.area is None  # not a CCHC plan


TABLE = """KẾ HOẠCH

Cải cách hành chính năm 2026

|
STT |
Nhiệm vụ |
Kết quả |
Chủ trì |
Phối hợp |
Thời gian |
|
I. |
CẢI CÁCH THỂ CHẾ |
|
|
|
|
|
1. |
Ban hành Kế hoạch kiểm tra |
Quyết định |
Sở Nội vụ |
Các sở, ban, ngành; UBND các xã, phường |
Tháng 04/2026 |
|
Báo cáo kết quả |
Quý IV/2026 |
||||
|
Kết thúc."""


def test_task_table_rows_with_group_and_continuation_rows() -> None:
    doc = parse_text(TABLE)
    (task,) = doc.tasks
    assert (task.origin, task.text, task.lead) == ("table", "Ban hành Kế hoạch kiểm tra", ["Sở Nội vụ"])
    assert task.partners == ["Các sở, ban, ngành", "UBND các xã, phường"]
    assert task.output == "Quyết định; Báo cáo kết quả"
    assert task.deadline is not None and task.deadline.text == "Tháng 04/2026; Quý IV/2026"
    assert task.area == "thể chế"
    assert doc.tasks[0].span.start_line == doc.tasks[0].span.end_line


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tối thiểu 80% hồ sơ", (80.0, "%", ">=")),
        ("100% văn bản QPPL được kiểm tra", (100.0, "%", "=")),
        ("Phấn đấu trên 80% các kiến nghị", (80.0, "%", ">=")),
        ("đạt từ 90% trở lên", (90.0, "%", ">=")),
        ("Có ≥ 70% giao dịch", (70.0, "%", ">=")),
        ("tỷ lệ không quá 5% hồ sơ trễ hạn", (5.0, "%", "<=")),
        ("mỗi sở có ít nhất 02 tin, bài", (2.0, "tin, bài", ">=")),
        ("với số lượng 04 số/tháng", (4.0, "số/tháng", "=")),
        ("định kỳ 2 lần/ năm", (2.0, "lần/năm", "=")),
        ("có trên 340 doanh nghiệp thành lập mới", (340.0, "doanh nghiệp", ">=")),
        ("Quyết định số 06/QĐ-TTg ngày 06/01/2022", None),
        ("giai đoạn 2021-2030", None),
    ],
)
def test_find_targets(text: str, expected: tuple[float, str, str] | None) -> None:
    targets = find_targets(text)
    first = (targets[0].value, targets[0].unit, targets[0].comparator) if targets else None
    assert first == expected


@given(st.text(max_size=300))
def test_find_targets_never_raises_and_values_are_numbers(text: str) -> None:
    for target in find_targets(text):
        assert target.value >= 0
        assert target.comparator in (">=", "=", "<=")


# --- list tasks: headings that name tasks, and items that only head sub-items (real lines of the corpus) --
@pytest.mark.parametrize(
    ("heading", "holds_tasks"),
    [
        ("III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU", True),  # tvpl_bffd9da6…: a qualified "Nhiệm vụ và giải pháp"
        ("II. NHIỆM VỤ, GIẢI PHÁP", True),
        ("II. NHIỆM VỤ TRỌNG TÂM NĂM 2026", True),
        ("3. Nội dung thực hiện", True),  # SPEC: "Nội dung thực hiện / Nội dung hoạt động / Các hoạt động"
        ("2. Các hoạt động chính", True),
        ("III. NỘI DUNG CỦA KẾ HOẠCH", True),  # tvpl_437c3beb…
        ("2. Nhiệm vụ của Sở Nội vụ", False),  # a body's own duties: assignments
        ("I. MỤC ĐÍCH, YÊU CẦU", False),
        ("3. Nội dung tuyên truyền", False),  # propaganda topics are no tasks
    ],
)
def test_which_headings_hold_list_tasks(heading: str, holds_tasks: bool) -> None:
    item = "- Rà soát, đánh giá thủ tục hành chính thuộc phạm vi quản lý, hoàn thành trong năm 2026."
    doc = plan("I. MỤC TIÊU", "- Nâng cao chất lượng phục vụ.", heading, item)
    found = ("list", item[2:], []) in tasks_of(doc)
    assert found == holds_tasks


def test_an_item_that_only_heads_bullets_is_no_task_whatever_its_length() -> None:
    # tvpl_646f0a00…, II.4: a long numbered heading over its bullets
    head = (
        "4. Quản lý phát thải từ hoạt động giao thông, tăng cường hệ thống giao thông công cộng và chuyển "
        "đổi giao thông xanh, thân thiện môi trường"
    )
    bullets = [
        "- Thiết lập và triển khai thực hiện “vùng phát thải thấp” tại Hà Nội và Thành phố Hồ Chí Minh và "
        "khuyến khích các tỉnh, thành phố khác áp dụng thực hiện.",
        "- Xây dựng hệ thống cơ sở đủ năng lực kiểm định khí thải phương tiện giao thông; tổ chức kiểm định "
        "và kết nối dữ liệu phục vụ kiểm kê khí thải.",
    ]
    doc = plan("I. MỤC TIÊU", "- Giảm ô nhiễm không khí.", "II. NHIỆM VỤ, GIẢI PHÁP", head, *bullets)
    texts = [t.text for t in doc.tasks]
    assert [t.startswith(("Thiết lập", "Xây dựng hệ thống")) for t in texts] == [True, True]


def test_a_lead_in_naming_who_leads_gives_its_items_that_lead() -> None:
    # SPEC: "Giao phòng X triển khai các công việc sau:" is no task; its items are, with its lead
    doc = plan(
        "I. MỤC TIÊU",
        "- Nâng cao chất lượng phục vụ.",
        "II. NHIỆM VỤ TRỌNG TÂM",
        "1. Giao Văn phòng Sở chủ trì, phối hợp với các phòng triển khai các công việc sau:",
        "- Rà soát thủ tục hành chính, hoàn thành trong quý I năm 2026.",
        "- Công khai thủ tục hành chính trên Cổng dịch vụ công.",
    )
    assert [(t.text[:20], t.lead) for t in doc.tasks] == [
        ("Rà soát thủ tục hành", ["Văn phòng Sở"]),
        ("Công khai thủ tục hà", ["Văn phòng Sở"]),
    ]


def test_the_duties_under_trach_nhiem_cua_x_are_xs() -> None:
    # ND-146/2025/NĐ-CP, Điều 58: a responsibility heading that also reads as an execution heading
    doc = plan(
        "I. MỤC TIÊU",
        "- Phân cấp rõ ràng.",
        "II. TRÁCH NHIỆM THỰC HIỆN",
        "1. Trách nhiệm của Bộ Nội vụ",
        "a) Đầu mối, chủ trì theo dõi về tình hình triển khai thực hiện theo quy định tại Nghị định này.",
        "b) Theo dõi, đôn đốc, hướng dẫn các bộ, cơ quan ngang bộ triển khai theo Nghị định này.",
    )
    assert [(t.origin, t.lead) for t in doc.tasks] == [("assignment", ["Bộ Nội vụ"])] * 2

"""Recognisers of the plan genre, each on real lines of the corpus (file and place named on every case)."""

from __future__ import annotations

import pytest

from cchc_parse import parse_text
from cchc_parse.extract.task_tables import table_tasks
from cchc_parse.grammar.labels import read_label
from cchc_parse.models import PlanDocument
from cchc_parse.normalize.layout import text_to_blocks
from cchc_parse.normalize.lines import _splits_name
from small_plans import plan


def leads(doc: PlanDocument) -> list[tuple[str, list[str]]]:
    return [(t.text[:24], t.lead) for t in doc.tasks]


# --- the body's end --------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("line", "closes"),
    [
        # tvpl_646f0a00…, III: a sentence that names the appendix, inside the body
        (
            "Danh mục các nhiệm vụ, dự án ưu tiên thực hiện Kế hoạch tại Phụ lục II kèm theo Quyết định này.",
            False,
        ),
        # tvpl_646f0a00…: the appendix's own title
        ("DANH MỤC CÁC NHIỆM VỤ, DỰ ÁN ƯU TIÊN THỰC HIỆN KẾ HOẠCH", True),
    ],
)
def test_a_danh_muc_line_closes_the_body_only_as_a_title(line: str, closes: bool) -> None:
    doc = plan("I. MỤC TIÊU", "- Giảm ô nhiễm.", "II. NHIỆM VỤ ƯU TIÊN", line, "III. TỔ CHỨC THỰC HIỆN")
    labels = [s.label for s in doc.sections]
    assert ("III" in labels) == (not closes)


# --- line joining ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("prev", "nxt", "splits"),
    [
        ("l) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt", "Nam, Thông tấn xã Việt Nam chủ trì", True),
        ("phối hợp với Ủy ban nhân dân Thành phố Hồ", "Chí Minh triển khai", True),
        ("1. Mục đích", "Nâng cao nhận thức", False),
        ("", "Nam", False),
    ],
)
def test_a_line_break_inside_a_proper_name_joins(prev: str, nxt: str, splits: bool) -> None:
    assert _splits_name(prev, nxt) == splits


# --- assignments -----------------------------------------------------------------------------------------
def test_a_heading_over_lettered_duties_gives_each_duty_its_agency() -> None:
    # tvpl_646f0a00…, IV.2 "Phân công thực hiện Kế hoạch": the heading is no task, its lettered items are
    doc = plan(
        "I. MỤC TIÊU",
        "- Giảm ô nhiễm.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Phân công thực hiện Kế hoạch",
        "a) Bộ Xây dựng tổ chức triển khai thực hiện các nhiệm vụ được phân công theo lộ trình áp dụng quy "
        "chuẩn kỹ thuật quốc gia về khí thải phương tiện giao thông cơ giới đường bộ.",
        "b) Bộ Y tế chủ trì các chương trình nghiên cứu cấp quốc gia về mối quan hệ và tác động của ô nhiễm "
        "môi trường không khí đến sức khỏe cộng đồng. Định kỳ thu thập, phân tích và công bố các số liệu.",
    )
    assert leads(doc) == [
        ("Bộ Xây dựng tổ chức triể", ["Bộ Xây dựng"]),
        ("Bộ Y tế chủ trì các chươ", ["Bộ Y tế"]),
    ]


def test_a_bullet_that_is_a_lead_in_gives_its_bullets_the_bodies_it_names() -> None:
    # tvpl_646f0a00…, IV.2.m: the province people's committees' duties, then those of two cities
    doc = plan(
        "I. MỤC TIÊU",
        "- Giảm ô nhiễm.",
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm toàn diện trước "
        "Chính phủ về các nhiệm vụ được giao, cụ thể như sau:",
        "- Tổ chức thực hiện kiểm kê khí thải công nghiệp, giao thông trên địa bàn;",
        "- Ủy ban nhân dân thành phố Hà Nội và Ủy ban nhân dân Thành phố Hồ Chí Minh cần tập trung một số "
        "nhiệm vụ quan trọng như sau:",
        "+ Hoàn thành việc rà soát quy hoạch lại các khu công nghiệp, cụm công nghiệp, làng nghề;",
    )
    assert leads(doc) == [
        ("Tổ chức thực hiện kiểm k", ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
        (
            "Hoàn thành việc rà soát ",
            ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân Thành phố Hồ Chí Minh"],
        ),
    ]


def test_a_performer_attribute_over_sentences_takes_the_bodies_opening_them() -> None:
    # tvpl_31fb08f3…, III.1.c: "- Cơ quan thực hiện:" over "+ Sở X chủ trì, …" / "+ Sở Y đăng tải …"
    doc = plan(
        "I. MỤC TIÊU",
        "- Nâng cao nhận thức.",
        "II. NỘI DUNG HOẠT ĐỘNG",
        "1. Nâng cao nhận thức về phòng ngừa bạo lực trên cơ sở giới",
        "a) Hoạt động 3",
        "- Nội dung: Tuyên truyền, giáo dục về phòng ngừa, ứng phó bạo lực trên cơ sở giới.",
        "- Cơ quan thực hiện:",
        "+ Sở Văn hóa và Thể thao chủ trì, phối hợp với các sở, ban, ngành và các đơn vị có liên quan.",
        "+ Sở Xây dựng đăng tải thông điệp truyền thông trên bảng quang báo thông tin giao thông.",
    )
    assert leads(doc) == [("Tuyên truyền, giáo dục v", ["Sở Văn hóa và Thể thao", "Sở Xây dựng"])]


@pytest.mark.parametrize(
    ("item", "bullet_tasks"),
    [
        # tvpl_437c3beb…, V.9: one sentence that ends by introducing the duties under it
        (
            "1. Ủy ban nhân dân các phường, xã, đặc khu chủ động bố trí kinh phí từ nguồn vốn ngân sách địa "
            "phương để triển khai thực hiện các nội dung của Kế hoạch, tập trung một số nhiệm vụ cụ thể sau:",
            True,
        ),
        # 001_29c537…, V.1.b: a duty whose second sentence introduces details of it
        (
            "1. Căn cứ vào kết quả triển khai thực hiện Kế hoạch CCHC năm 2026 các cơ quan, đơn vị báo cáo "
            "kết quả CCHC hằng quý, 6 tháng, năm, gửi về UBND tỉnh (qua Sở Nội vụ tổng hợp) "
            "trước ngày 12 của tháng cuối kỳ báo cáo. Thời điểm chốt số liệu cụ thể như sau:",
            False,
        ),
    ],
)
def test_the_bullets_of_a_lead_in_are_the_duties(item: str, bullet_tasks: bool) -> None:
    doc = plan(
        "I. MỤC TIÊU",
        "- Nâng cao nhận thức.",
        "II. TỔ CHỨC THỰC HIỆN",
        item,
        "- Tổ chức xây dựng, phê duyệt và triển khai kế hoạch thực hiện Đề án của địa phương mình;",
        "- Tổ chức đánh giá, báo cáo định kỳ về tiến độ thực hiện gửi Sở Nông nghiệp và Môi trường.",
    )
    texts = [t.text[:12] for t in doc.tasks]
    assert texts == (["Tổ chức xây ", "Tổ chức đánh"] if bullet_tasks else [item[3:15]])


# --- list tasks ------------------------------------------------------------------------------------------
def test_bullets_under_a_sub_heading_of_a_group_heading_are_the_tasks() -> None:
    # tvpl_646f0a00…, II.9: "9. Tăng cường …" → "a) Hợp tác quốc tế" → its bullets
    doc = plan(
        "I. MỤC TIÊU",
        "- Giảm ô nhiễm.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        "1. Tăng cường hiệu quả hoạt động hợp tác quốc tế, thông tin và truyền thông",
        "a) Hợp tác quốc tế",
        "- Huy động nguồn lực giải quyết ô nhiễm không khí tại đô thị.",
        "- Tăng cường nghiên cứu, trao đổi kinh nghiệm với các quốc gia.",
        "b) Thông tin và truyền thông",
        "- Xây dựng các chương trình, hoạt động truyền thông đa lĩnh vực.",
    )
    assert [t.text[:20] for t in doc.tasks] == [
        "Huy động nguồn lực g",
        "Tăng cường nghiên cứ",
        "Xây dựng các chương ",
    ]


def test_items_after_a_lead_in_paragraph_inherit_its_bodies_and_a_group_is_no_task() -> None:
    # tvpl_31fb08f3…, II.2: "2. Tháng hành động" has "b) Thời gian: …" yet is a group over
    # "d) Các hoạt động chính", whose items follow a lead-in naming who does them
    doc = plan(
        "I. MỤC TIÊU",
        "- Nâng cao nhận thức.",
        "II. NỘI DUNG",
        "1. Tháng hành động",
        "a) Chủ đề Tháng hành động năm 2025",
        "b) Thời gian: Từ ngày 15/11/2025 đến ngày 15/12/2025.",
        "c) Các hoạt động chính",
        "Căn cứ tình hình thực tế, các cơ quan, đơn vị, địa phương phối hợp thực hiện các hoạt động sau:",
        "- Lồng ghép tổ chức Lễ phát động, các hoạt động hưởng ứng Tháng hành động.",
        "- Phát hành các sản phẩm truyền thông với nội dung ngắn gọn, dễ hiểu.",
    )
    assert leads(doc) == [
        ("Lồng ghép tổ chức Lễ phá", ["các cơ quan, đơn vị, địa phương"]),
        ("Phát hành các sản phẩm t", ["các cơ quan, đơn vị, địa phương"]),
    ]


def test_a_bullet_that_introduces_items_gives_an_attribute_item_its_tasks() -> None:
    # tvpl_6a406c1f…, II.5; and "II. THỜI GIAN VÀ PHẠM VI" over "1. Thời gian: …" is a part, no task
    doc = plan(
        "I. MỤC TIÊU",
        "- Thi hành Luật thống nhất.",
        "II. THỜI GIAN VÀ PHẠM VI",
        "1. Thời gian: từ nay đến năm 2030.",
        "III. NỘI DUNG THỰC HIỆN",
        "1. Tổ chức các nội dung hỗ trợ thi hành Luật theo quy định pháp luật",
        "- Các nội dung hỗ trợ thi hành Luật bao gồm:",
        "+ Hướng dẫn áp dụng các văn bản quy phạm pháp luật quy định chi tiết thi hành Luật;",
        "+ Tổ chức rà soát, đánh giá và cập nhật hệ thống cơ sở dữ liệu liên quan;",
        "- Cơ quan chủ trì: Các sở, ngành có liên quan.",
        "- Thời gian thực hiện: Năm 2026.",
    )
    assert leads(doc) == [
        ("Hướng dẫn áp dụng các vă", ["Các sở, ngành có liên quan"]),
        ("Tổ chức rà soát, đánh gi", ["Các sở, ngành có liên quan"]),
    ]


# --- task tables -----------------------------------------------------------------------------------------
# tvpl_646f0a00…, Phụ lục I (shortened): a row's lead and partner cells merged down over the rows that
# hold only its further tasks (opened by a bullet or not), each with its own output and deadline; "Thuộc
# nhóm nhiệm vụ" names the group; a group row "B. | BỘ CÔNG THƯƠNG" spans the table, and the row under it
# leaves its serial cell empty
MERGED_ROWS = "\n".join(
    [
        "KẾ HOẠCH",
        "Hành động quốc gia",
        "I. MỤC TIÊU",
        "Giảm ô nhiễm.",
        "II. PHÂN CÔNG",
        "|", "STT", "|", "Cơ quan chủ trì", "|", "Cơ quan phối hợp", "|", "Thuộc nhóm nhiệm vụ", "|",
        "Nội dung nhiệm vụ", "|", "Chỉ tiêu đạt được", "|", "Thời hạn hoàn thành", "|",
        "|", "1", "|", "Bộ Nông nghiệp và Môi trường", "|", "- Bộ Xây dựng;", "|",
        "Hoàn thiện hệ thống chính sách pháp luật", "|", "- Hoàn thiện Nghị định về xử lý vi phạm.", "|",
        "- Nghị định được ban hành.", "|", "Ban hành trong quý I năm 2026.", "|",
        "|", "- Rà soát, cập nhật các hướng dẫn kỹ thuật.", "|", "- Bộ công cụ được ban hành.", "|",
        "Giai đoạn 2026 - 2027.", "|",
        "|", "- Xây dựng quy chế phối hợp liên vùng.", "|", "- Quy chế được ban hành.", "|",
        "Ban hành trong năm 2026.", "|",
        "|", "**B.**", "|", "**BỘ CÔNG THƯƠNG**", "|",
        "|", "|", "Bộ Công Thương", "|", "- Bộ Xây dựng;", "|", "Kiểm soát nguồn thải", "|",
        "- Xây dựng lộ trình cung ứng nhiên liệu.", "|", "- Lộ trình được ban hành.", "|", "Năm 2026", "|",
        "|", "Hoàn thiện chính sách ưu đãi.", "|", "- Chính sách được ban hành.", "|", "Năm 2027", "|",
        "|", "2", "|", "Bộ Tài chính", "|", "- Bộ Xây dựng;", "|", "Chính sách tài chính", "|",
        "- Xây dựng chính sách thuế, phí.", "|", "- Nghị định được ban hành.", "|", "Năm 2028", "|",
        "",
        "III. KINH PHÍ",
    ]
)  # fmt: skip


def test_rows_merged_down_from_a_numbered_row_are_its_further_tasks() -> None:
    doc = parse_text(MERGED_ROWS, path="plan.md")
    nnmt, bct = ["Bộ Nông nghiệp và Môi trường"], ["Bộ Công Thương"]
    assert [(t.text[:20], t.lead) for t in doc.tasks] == [
        ("Hoàn thiện Nghị định", nnmt),
        ("Rà soát, cập nhật cá", nnmt),
        ("Xây dựng quy chế phố", nnmt),
        ("Xây dựng lộ trình cu", bct),
        ("Hoàn thiện chính sác", bct),
        ("Xây dựng chính sách ", ["Bộ Tài chính"]),
    ]
    assert [t.deadline.text if t.deadline else None for t in doc.tasks] == [
        "Ban hành trong quý I năm 2026.",
        "Giai đoạn 2026 - 2027.",
        "Ban hành trong năm 2026.",
        "Năm 2026",
        "Năm 2027",
        "Năm 2028",
    ]
    assert [t.output for t in doc.tasks][1] == "- Bộ công cụ được ban hành."


def test_a_list_of_administrative_procedures_is_no_task_table() -> None:
    # tvpl_da841111…: "TT | Mã số TTHC nội bộ | Tên TTHC nội bộ | Tên VB quy định nội dung … | Cơ quan …"
    rows = [
        [
            "TT",
            "Mã số TTHC nội bộ",
            "Tên TTHC nội bộ",
            "Tên VB quy định nội dung sửa đổi",
            "Cơ quan thực hiện",
        ],
        [
            "1",
            "5.002577",
            "Quyết định chủ trương đầu tư",
            "Nghị định số 140/2025/NĐ-CP",
            "Bộ trưởng Bộ Xây dựng",
        ],
    ]
    assert table_tasks(0, rows) == []
    assert len(table_tasks(0, [[c.replace("TTHC", "") for c in rows[0]], rows[1]])) == 1


def test_a_letter_s_numbered_agency_headings_assign_the_duties_under_them() -> None:
    # tvpl_987cadc8… (a Công văn, no execution part): "1. Thủ trưởng …" / "2. Tiểu ban giúp việc …"
    text = "\n\n".join(
        [
            "BỘ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
            "V/v đẩy mạnh thực hiện các nhiệm vụ được giao",
            "Bộ trưởng yêu cầu:",
            "1. Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ",
            "- Nghiêm túc thực hiện chế độ báo cáo theo Quy chế đã ban hành.",
            "2. Tiểu ban giúp việc Ban Chỉ đạo 934",
            "- Thực hiện phân công nhiệm vụ kịp thời cho các cơ quan, đơn vị và thành viên Tiểu ban.",
        ]
    )
    doc = parse_text(text, path="letter.txt")
    assert [(t.text[:20], t.lead) for t in doc.tasks] == [
        ("Nghiêm túc thực hiện", ["Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ"]),
        ("Thực hiện phân công ", ["Tiểu ban giúp việc Ban Chỉ đạo 934"]),
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Chương I", "I"),  # tvpl_c49a5afa…: the chapter alone on its line, the title below
        ("CHƯƠNG XXIV", "XXIV"),  # ND-146/2025/NĐ-CP
        ("Chương II. TỔ CHỨC, QUẢN LÝ BỒI DƯỠNG", "II"),
        ("Chương trình bồi dưỡng; giáo trình, tài liệu giảng dạy", None),  # tvpl_c49a5afa…, Điều 11
        ("Phần II của Kế hoạch này", None),
    ],
)
def test_chapter_headings_with_or_without_a_dot(line: str, label: str | None) -> None:
    found = read_label(line)
    assert (found.value if found and found.kind == "part" else None) == label


def test_a_regulation_s_chapters_are_its_sections_and_its_articles_nest_under_them() -> None:
    # tvpl_c49a5afa… (a Quy chế): "Chương I" / "QUY ĐỊNH CHUNG" / "Điều 1. …"; the closing article is no duty
    doc = plan(
        "Chương I",
        "QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
        "Chương II",
        "TỔ CHỨC THỰC HIỆN VÀ ĐIỀU KHOẢN THI HÀNH",
        "Điều 2. Tổ chức thực hiện",
        "1. Ban Tuyên giáo và Dân vận Trung ương chủ trì theo dõi, kiểm tra việc thực hiện Quy chế này.",
        "Điều 3. Điều khoản thi hành",
        "Quy chế này có hiệu lực từ ngày ký.",
    )
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "QUY ĐỊNH CHUNG"),
        ("II", "TỔ CHỨC THỰC HIỆN VÀ ĐIỀU KHOẢN THI HÀNH"),
    ]
    assert [c.label for c in doc.sections[1].children] == ["Điều 2", "Điều 3"]
    assert [t.text[:20] for t in doc.tasks] == ["Ban Tuyên giáo và Dâ"]


def test_a_letter_s_agency_headings_over_paragraphs_give_a_duty_per_paragraph() -> None:
    # CV-7432-UBND-XD (a Công văn): "2. Giao Sở Xây dựng" over two paragraphs, "3. Tổ chức thực hiện" over one
    text = "\n\n".join(
        [
            "ỦY BAN NHÂN DÂN TỈNH",
            "V/v triển khai thực hiện Quyết định số 1074/QĐ-BXD",
            "Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:",
            "1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường",
            "Theo chức năng, nhiệm vụ, phạm vi quản lý tổ chức tuyên truyền Quyết định số 1074/QĐ-BXD.",
            "2. Giao Sở Xây dựng",
            "Chủ trì, phối hợp với Công an tỉnh tổ chức hướng dẫn thực hiện Quyết định số 1074/QĐ-BXD.",
            "Đồng thời, chủ trì phối hợp với Công an tỉnh tăng cường kiểm tra, đôn đốc việc triển khai.",
            "3. Tổ chức thực hiện",
            "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh chịu trách nhiệm tổ chức thực hiện nghiêm túc.",
        ]
    )
    doc = parse_text(text, path="letter.txt")
    first, *others = doc.tasks
    assert (first.text[:16], first.lead[0], first.lead[-1]) == (
        "Theo chức năng, ",
        "Công an tỉnh",
        "Ủy ban nhân dân các xã, phường",
    )
    assert [(t.text[:16], t.lead[:1]) for t in others] == [  # (how a collective list splits: not here)
        ("Chủ trì, phối hợ", ["Sở Xây dựng"]),
        ("Đồng thời, chủ t", ["Sở Xây dựng"]),
        ("Thủ trưởng các s", ["Thủ trưởng các sở, ban, ngành"]),
    ]


def test_a_role_s_standing_duties_in_a_regulation_are_no_tasks() -> None:
    # tvpl_c49a5afa… (a Quy chế), Chương III: the lecturers' duties are norms; Điều 17's are its tasks
    doc = plan(
        "Chương III",
        "NHIỆM VỤ VÀ QUYỀN HẠN CỦA GIẢNG VIÊN, HỌC VIÊN",
        "Điều 13. Nhiệm vụ và quyền hạn của giảng viên",
        "1. Nhiệm vụ của giảng viên",
        "a) Thực hiện các nhiệm vụ giảng dạy, nghiên cứu khoa học theo phân công của giám đốc Trung tâm.",
        "Chương IV",
        "TỔ CHỨC THỰC HIỆN",
        "Điều 17. Tổ chức thực hiện",
        "1. Ban Tuyên giáo và Dân vận Trung ương xây dựng chương trình, tài liệu bồi dưỡng.",
    )
    assert [t.text[:20] for t in doc.tasks] == ["Ban Tuyên giáo và Dâ"]


LONG_LEAD_IN = "- Các cơ quan, đơn vị căn cứ chức năng, nhiệm vụ thực hiện các nội dung sau:"


@pytest.mark.parametrize(
    ("lines", "paragraphs"),
    [
        # tvpl_69db23c7: a bullet that only labels the line under it (no blank line between) is one item
        (["- Tại địa bàn có khu công nghiệp:", "Phấn đấu 100% trẻ em từ 06 tháng đến 36 tháng tuổi"],
         ["- Tại địa bàn có khu công nghiệp: Phấn đấu 100% trẻ em từ 06 tháng đến 36 tháng tuổi"]),
        # a lead-in sentence over a numbered item, and a long bullet ending in ':' stay apart
        ([LONG_LEAD_IN, "Phấn đấu 100% hồ sơ"], [LONG_LEAD_IN, "Phấn đấu 100% hồ sơ"]),
        (["- Tại địa bàn đô thị:", "1. Trẻ em"], ["- Tại địa bàn đô thị:", "1. Trẻ em"]),
    ],
)  # fmt: skip
def test_a_bullet_that_only_labels_the_next_line_joins_it(lines: list[str], paragraphs: list[str]) -> None:
    text = "\n".join(lines) + "\n\nI. MỤC ĐÍCH\n\nMột đoạn văn.\n\nII. NỘI DUNG\n\nĐoạn khác."
    blocks = text_to_blocks(text).blocks
    assert [b.text for b in blocks[: len(paragraphs)]] == paragraphs

"""Requests to named bodies: the tasks of documents that are not plans (letters, records, notices)."""

from __future__ import annotations

import pytest

from cchc_parse import parse_text
from cchc_parse.extract.requests import request
from small_plans import letter, plan

INVESTOR = "Công ty cổ phần Đầu tư xây dựng hạ tầng cơ sở"


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        # CV-6791: a request opening the paragraph, after a colon, and after "do vậy" / a comma clause
        ("Đề nghị Chủ đầu tư tổ chức khảo sát khối lượng cần thực hiện bồi thường", [],
         ("Đề nghị Chủ đầu tư tổ chức khảo sát khối lượng cần thực hiện bồi thường", ["Chủ đầu tư"])),
        ("Về hạ tầng bảo vệ môi trường: Đề nghị Chủ đầu tư hạ tầng cụm công nghiệp thực hiện đầu tư", [],
         ("Về hạ tầng bảo vệ môi trường: Đề nghị Chủ đầu tư hạ tầng cụm công nghiệp thực hiện đầu tư",
          ["Chủ đầu tư hạ tầng cụm công nghiệp"])),
        ("Một số căn cứ hiện đã được sửa đổi, do vậy đề nghị Chủ đầu tư cập nhật đầy đủ các văn bản", [],
         ("Một số căn cứ hiện đã được sửa đổi, do vậy đề nghị Chủ đầu tư cập nhật đầy đủ các văn bản",
          ["Chủ đầu tư"])),
        ("Trường hợp được phê duyệt chủ trương đầu tư dự án, đề nghị chủ đầu tư thực hiện thủ tục", [],
         ("Trường hợp được phê duyệt chủ trương đầu tư dự án, đề nghị chủ đầu tư thực hiện thủ tục",
          ["Chủ đầu tư"])),
        # CV-UBND-KT: "Giao" a department
        ("Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp nghiên cứu, tham mưu", [],
         ("Giao Sở Công Thương chủ trì, phối hợp với Sở Tư pháp nghiên cứu, tham mưu", ["Sở Công Thương"])),
        # 1629: the addressee named by its head word alone, in the second sentence of an item
        (f"Thành phần tham dự: {INVESTOR} (Chủ đầu tư). Đề nghị Công ty mời các đơn vị tư vấn.", [INVESTOR],
         ("Đề nghị Công ty mời các đơn vị tư vấn.", [INVESTOR])),
        # asking nobody in particular, the closing formula, and "đề nghị" as a noun are no requests
        ("Đề nghị bổ sung các căn cứ pháp lý liên quan như: Luật Bảo vệ môi trường", [], None),
        ("Trên đây là ý kiến tham gia của Sở, đề nghị Sở Công thương tổng hợp, báo cáo theo quy định./.",
         [], None),
        ("Sở nhận được hồ sơ đề nghị thành lập cụm công nghiệp Báo Đáp.", [], None),
    ],
)  # fmt: skip
def test_request(text: str, known: list[str], expected: tuple[str, list[str]] | None) -> None:
    assert request(text, known) == expected


def test_a_letter_s_requests_are_its_tasks_and_a_lead_in_request_gives_its_bullets() -> None:
    doc = letter(
        "2.5. Lĩnh vực thủy lợi",
        "Trong quá trình triển khai dự án nếu được cấp có thẩm quyền phê duyệt, đề nghị Chủ đầu tư:",
        "- Phối hợp với Sở Nông nghiệp và Môi trường kiểm tra xác minh cụ thể ảnh hưởng của dự án;",
        "- Có giải pháp đảm bảo an toàn về phòng, chống thiên tai đối với các cơ sở hạ tầng của dự án;",
        "2.6. Ý kiến khác",
        "Đề nghị bổ sung các căn cứ pháp lý liên quan.",
        "Trên đây là ý kiến tham gia dự án, đề nghị Sở Công thương tổng hợp, báo cáo theo quy định./.",
    )
    assert doc.plan.doc_type == "Công văn"
    assert [(t.text[:20], t.lead) for t in doc.tasks] == [
        ("Phối hợp với Sở Nông", ["Chủ đầu tư"]),
        ("Có giải pháp đảm bảo", ["Chủ đầu tư"]),
    ]


def test_a_plan_s_requests_come_from_its_lists_and_execution_part_only() -> None:
    doc = plan("I. MỤC ĐÍCH, YÊU CẦU", "Đề nghị các sở, ngành quan tâm phối hợp thực hiện.")
    assert doc.tasks == []


def test_a_responsibility_heading_names_a_body_without_head_word_and_a_group_yields_to_named_bodies() -> None:
    """QD-2170: "1. Trách nhiệm của nhà đầu tư"; under "2. Trách nhiệm của các sở, ngành, địa phương" a bullet
    that opens with named bodies is theirs."""
    doc = plan(
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Trách nhiệm của nhà đầu tư",
        "- Tổ chức triển khai thực hiện dự án theo đúng quy định của Luật Đầu tư.",
        "2. Trách nhiệm của các sở, ngành, địa phương",
        "- Các sở, ban, ngành căn cứ chức năng nhiệm vụ được giao, hướng dẫn nhà đầu tư thực hiện dự án.",
        "- Sở Công thương, Ban Quản lý Khu kinh tế tỉnh có trách nhiệm giám sát thực hiện dự án.",
    )
    assert [t.lead for t in doc.tasks] == [
        ["Nhà đầu tư"],
        ["Các sở, ban, ngành"],
        ["Sở Công thương", "Ban Quản lý Khu kinh tế tỉnh"],
    ]


def test_a_record_s_demands_of_the_parties_are_its_tasks() -> None:
    # 31.3.2026_BB_kiemtra (inspection minutes): "VI. YÊU CẦU … VÀ Ý KIẾN …" over "1. Yêu cầu của Sở …"
    text = "\n\n".join(
        [
            "BIÊN BẢN KIỂM TRA",
            "Hôm nay, ngày 31 tháng 03 năm 2026, Sở Công Thương tỉnh Lào Cai tiến hành kiểm tra như sau:",
            "I. THÀNH PHẦN",
            "1. Đại diện Sở Công Thương tỉnh Lào Cai",
            "VI. YÊU CẦU CỦA SỞ CÔNG THƯƠNG VÀ Ý KIẾN CỦA CHỦ ĐẦU TƯ",
            "1. Yêu cầu của Sở Công Thương",
            "- Lưu trữ hồ sơ công trình theo quy định.",
            "- Quản lý, khai thác, vận hành công trình theo đúng công năng thiết kế.",
            "2. Ý kiến của Chủ đầu tư: Hoàn toàn nhất trí với nội dung trong biên bản.",
        ]
    )
    doc = parse_text(text, path="bien-ban.txt")
    assert doc.plan.doc_type == "Biên bản"
    assert [(t.origin, t.text[:24]) for t in doc.tasks] == [
        ("list", "Lưu trữ hồ sơ công trình"),
        ("list", "Quản lý, khai thác, vận "),
    ]
    # a plan's own "Yêu cầu" (its requirements) holds none
    assert plan("I. MỤC ĐÍCH, YÊU CẦU", "2. Yêu cầu", "- Bám sát nội dung kế hoạch.").tasks == []

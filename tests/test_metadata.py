"""Plan metadata: case conversion, head parsing, legal bases, signers, recipients, and whole documents."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_parse.document import Block
from cchc_parse.extract import header as hd
from cchc_parse.extract import title_case as tc
from cchc_parse.extract.legal_basis import legal_bases, parse_refs, type_from_number
from cchc_parse.extract.metadata import (
    extract_plan,
    plan_title,
    plan_year,
    title_from_article,
)
from cchc_parse.extract.signature import find_signers, parse_recipients, parse_signers
from cchc_parse.grammar.pieces import VI_LOWER, VI_UPPER
from cchc_parse.lexicon.tones import canonical
from cchc_parse.models import Plan, Signer
from cchc_parse.normalize.layout import text_to_blocks
from cchc_parse.structure.labels import ensure_labels

FIXTURES = Path(__file__).parent / "fixtures"


def paragraphs(*texts: str) -> list[Block]:
    """Paragraph blocks, labelled as the labels-and-roles stage labels them."""
    blocks = [Block("paragraph", t) for t in texts]
    ensure_labels(blocks)
    return blocks


def plan_of(path: Path) -> Plan:
    result = text_to_blocks(path.read_text(encoding="utf-8"))
    ensure_labels(result.blocks)  # the labels-and-roles stage, as the pipeline runs it
    return extract_plan(result.blocks, result.site_meta)


# --- case conversion ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("UỶ BAN NHÂN DÂN TỈNH LAI CHÂU", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
        ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "Bộ Nông nghiệp và Môi trường"),
        ("BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP TỈNH", "Ban Quản lý các khu công nghiệp tỉnh"),
        ("CỤC THUẾ", "Cục Thuế"),
        ("BỘ TÀI CHÍNH", "Bộ Tài chính"),
        ("UBND TỈNH SƠN LA", "UBND tỉnh Sơn La"),
        ("SỞ XÂY DỰNG", "Sở Xây dựng"),
        ("ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
        ("HỘI ĐỒNG NHÂN DÂN TỈNH VĨNH LONG", "Hội đồng nhân dân tỉnh Vĩnh Long"),
        ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao động - Thương binh và Xã hội"),
        ("BAN CHẤP HÀNH TRUNG ƯƠNG", "Ban Chấp hành Trung ương"),
        ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "Ban Tuyên giáo và Dân vận"),
        ("BỘ CÔNG THƯƠNG", "Bộ Công Thương"),
        ("ỦY BAN NHÂN DÂN TỈNH", "Ủy ban nhân dân tỉnh"),
        ("Sở Nội vụ", "Sở Nội vụ"),
    ],
)
def test_agency_case(printed: str, expected: str) -> None:
    assert tc.agency_case(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        (
            "CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC TỈNH SƠN LA NĂM 2026",
            "cải cách hành chính nhà nước tỉnh Sơn La năm 2026",
        ),
        ("TUYÊN TRUYỀN CÔNG TÁC CCHC NĂM 2026", "tuyên truyền công tác CCHC năm 2026"),
        (
            "BẦU CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI VÀ ĐẠI BIỂU HĐND",
            "bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND",
        ),
        ("XỬ LÝ VI PHẠM HÀNH CHÍNH", "xử lý vi phạm hành chính"),
        ("INTERNET VẠN VẬT (IOT) TẠI TỈNH NGHỆ AN", "internet vạn vật (IOT) tại tỉnh Nghệ An"),
        (
            "THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG CỦA THỦ TƯỚNG CHÍNH PHỦ",
            "thực hiện Chỉ thị số 27/CT-TTg của Thủ tướng Chính phủ",
        ),
        ("THI HÀNH LUẬT TIÊU CHUẨN VÀ PHỔ BIẾN PHÁP LUẬT", "thi hành Luật Tiêu chuẩn và phổ biến pháp luật"),
        ("CHƯƠNG TRÌNH “NÂNG CAO CHẤT LƯỢNG”", "chương trình “Nâng cao chất lượng”"),
        ("XÃ HỘI SỐ TRÊN ĐỊA BÀN THÀNH PHỐ CẦN THƠ", "xã hội số trên địa bàn thành phố Cần Thơ"),
        ("Tuyên truyền công tác CCHC", "Tuyên truyền công tác CCHC"),
    ],
)
def test_sentence_case(printed: str, expected: str) -> None:
    assert tc.sentence_case(printed) == expected


VI_LETTERS = VI_LOWER[3:] + VI_UPPER[3:] + "abcdefghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY"


@given(st.text(alphabet=VI_LETTERS + " ,-()“”", max_size=80))
def test_case_conversion_only_changes_case(text: str) -> None:
    plain = " ".join(text.split())
    assert tc.sentence_case(text).casefold() == plain.casefold()
    assert tc.agency_case(text).casefold() == canonical(plain).casefold()  # "UỶ" is spelled "ỦY"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thực hiện Kế hoạch số 3192/KH-UBND của UBND tỉnh ban hành kế hoạch thông tin năm 2026,"
            " Sở Văn hóa, Thể thao và Du lịch xây dựng Kế hoạch tuyên truyền công tác năm 2026",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        (
            "Ban Quản lý các khu công nghiệp tỉnh (Ban Quản lý) xây dựng kế hoạch tuyên truyền năm 2025:",
            "Ban Quản lý các khu công nghiệp tỉnh",
        ),
        ("Căn cứ Quyết định số 1/QĐ-UBND của UBND tỉnh ban hành Kế hoạch CCHC;", None),
    ],
)
def test_issuer_from_sentence(sentence: str, expected: str | None) -> None:
    assert hd.issuer_from_sentence(sentence) == expected


@pytest.mark.parametrize(
    ("entity", "texts", "place", "expected"),
    [
        (
            "Ủy ban nhân dân tỉnh",
            ["Kế hoạch tuyên truyền tỉnh Sơn La năm 2026"],
            None,
            "Ủy ban nhân dân tỉnh Sơn La",
        ),
        (
            "Ủy ban nhân dân tỉnh",
            ["BAN HÀNH KẾ HOẠCH CCHC TỈNH SƠN LA NĂM 2026"],
            None,
            "Ủy ban nhân dân tỉnh Sơn La",
        ),
        ("Ủy ban nhân dân tỉnh", ["Kế hoạch CCHC"], "Lai Châu", "Ủy ban nhân dân tỉnh Lai Châu"),
        ("Ủy ban nhân dân xã", ["Kế hoạch CCHC"], "Lai Châu", "Ủy ban nhân dân xã"),
        ("Sở Văn hóa, Thể thao và Du lịch", [], "Lai Châu", "Sở Văn hóa, Thể thao và Du lịch"),
    ],
)
def test_complete_locality(entity: str, texts: list[str], place: str | None, expected: str) -> None:
    assert hd.complete_locality(entity, texts, place) == expected


def test_paragraph_header_with_two_bodies_and_glued_motto() -> None:
    blocks = paragraphs(
        "UBND TỈNH SƠN LA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ XÂY DỰNG Độc lập - Tự do - Hạnh phúc",
        "Số: 122 /KH-SXD",
        "Sơn La, ngày 04 tháng 8 năm 2025",
        "KẾ HOẠCH",
        "Tuyên truyền công tác cải cách hành chính của Sở Xây dựng năm 2025",
        "Thực hiện Quyết định số 1783/QĐ-UBND ngày 14/7/2025 của Chủ tịch UBND tỉnh Sơn La;",
        "I. MỤC ĐÍCH, YÊU CẦU",
    )
    plan = extract_plan(blocks, {})
    assert (plan.parent_issuer, plan.issuer, plan.number) == ("UBND tỉnh Sơn La", "Sở Xây dựng", "122/KH-SXD")
    assert (plan.place, plan.issued_date, plan.year) == ("Sơn La", date(2025, 8, 4), 2025)
    assert plan.title == "Kế hoạch tuyên truyền công tác cải cách hành chính của Sở Xây dựng năm 2025"


# --- number, place, date --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Số: 3350/QĐ-UBND", (True, "3350/QĐ-UBND")),
        ("Số: /KH-SVHTTDL", (True, "/KH-SVHTTDL")),  # a draft's blank number keeps its code
        ("Số: ...../QĐ-UBND", (True, "/QĐ-UBND")),
        ("Số:", (True, None)),
        ("Số:\n7360/KH-UBND", (True, "7360/KH-UBND")),
        ("SỞ XÂY DỰNG Số: 122 /KH-SXD Sơn La", (True, "122/KH-SXD")),
        ("Số: 1147-QĐ/BTGDVTW", (True, "1147-QĐ/BTGDVTW")),
        ("Số lượng người tham gia", (False, None)),
    ],
)
def test_parse_number(text: str, expected: tuple[bool, str | None]) -> None:
    assert hd.parse_number(text) == expected


@pytest.mark.parametrize(
    ("text", "place", "issued"),
    [
        ("Sơn La, ngày 26 tháng 12 năm 2025", "Sơn La", date(2025, 12, 26)),
        ("Lai Châu, ngày tháng 6 năm 2026", "Lai Châu", None),
        ("Hà Nội, ngày … tháng … năm 2025", "Hà Nội", None),
        ("Thành phố Hồ Chí Minh, ngày 21 tháng 11 năm 2025", "Thành phố Hồ Chí Minh", date(2025, 11, 21)),
        ("Cần Thơ, ngày 26/12/2025", "Cần Thơ", date(2025, 12, 26)),
        ("Độc lập - Tự do - Hạnh phúc Sơn La, ngày 04 tháng 8 năm 2025", "Sơn La", date(2025, 8, 4)),
        ("ỦY BAN NHÂN DÂN\nSơn La, ngày 31 tháng 2 năm 2025", "Sơn La", None),
    ],
)
def test_parse_place_date(text: str, place: str, issued: date | None) -> None:
    assert hd.parse_place_date(text) == (True, place, issued)


def test_no_place_date_line() -> None:
    assert hd.parse_place_date("Căn cứ Luật Tổ chức chính quyền địa phương;") == (False, None, None)


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("3350/QĐ-UBND", "Quyết định"),
        ("35/2025/NĐ-CP", "Nghị định"),
        ("57-NQ/TW", "Nghị quyết"),
        ("02-TT/TU", "Thông tri"),
        ("56/2025/TT-BCT", "Thông tư"),
        ("983/TB-CT", "Thông báo"),
        ("6225/BVHTTDL-VP", None),
        (None, None),
    ],
)
def test_type_from_number(number: str | None, expected: str | None) -> None:
    assert type_from_number(number) == expected


# --- legal bases and references -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;",
            [("Nghị quyết", "76/NQ-CP", date(2021, 7, 15))],
        ),
        (
            "Thực hiện Kế hoạch số 3192/KH-UBND ngày 28/4/2026 của UBND tỉnh",
            [("Kế hoạch", "3192/KH-UBND", date(2026, 4, 28))],
        ),
        ("Căn cứ Chỉ thị 42-CT/TW ngày 24 tháng 3 năm 2020", [("Chỉ thị", "42-CT/TW", date(2020, 3, 24))]),
        ("Căn cứ Luật Thanh tra số 84/2025/QH15;", [("Luật", "84/2025/QH15", None)]),
        ("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", []),
        (
            "Căn cứ Nghị định số 63/2025/NĐ-CP sửa đổi Nghị định số 78/2021/NĐ -CP ngày 01/8/2021;",
            [("Nghị định", "63/2025/NĐ-CP", None), ("Nghị định", "78/2021/NĐ-CP", date(2021, 8, 1))],
        ),
        (
            "Căn cứ Quy định số 360-QĐ/TW, ngày 29/8/2025 của Ban Bí thư",
            [("Quy định", "360-QĐ/TW", date(2025, 8, 29))],
        ),
        ("Các Công điện: số 007/CĐ-UBND ngày 17/11/2025", [("Công điện", "007/CĐ-UBND", date(2025, 11, 17))]),
        ("Căn cứ Quyết định số 1/QĐ-UBND; Quyết định số 1/QĐ-UBND", [("Quyết định", "1/QĐ-UBND", None)]),
    ],
)
def test_parse_refs(text: str, expected: list[tuple[str | None, str, date | None]]) -> None:
    assert [(r.doc_type, r.number, r.date) for r in parse_refs(text)] == expected


def test_legal_bases_stop_at_decision_and_skip_proposals() -> None:
    blocks = paragraphs(
        "QUYẾT ĐỊNH",
        "Căn cứ Luật",
        "Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
        "- Căn cứ Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021;",
        "Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ;",
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 63/TTr-SNV.",
        "QUYẾT ĐỊNH:",
        "Căn cứ Quyết định số 5/QĐ-UBND;",
    )
    bases = legal_bases(blocks)
    assert [b.text for b in bases] == [
        "Căn cứ Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15;",
        "Căn cứ Chỉ thị số 23/CT-TTg ngày 02 tháng 9 năm 2021;"
        " Hướng dẫn số 7886/HD-BNV ngày 14/9/2025 của Bộ Nội vụ;",
    ]
    assert [r.number for b in bases for r in b.refs] == ["64/2025/QH15", "23/CT-TTg", "7886/HD-BNV"]


def test_legal_bases_split_glued_basis_and_stop_at_section() -> None:
    blocks = paragraphs(
        "Căn cứ Nghị quyết số 206/NQ-HĐND ngày 03 tháng 10 năm 2025; Căn cứ Kế hoạch số 77/KH-UBND;",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "Căn cứ Quyết định số 9/QĐ-UBND;",
    )
    assert [b.text for b in legal_bases(blocks)] == [
        "Căn cứ Nghị quyết số 206/NQ-HĐND ngày 03 tháng 10 năm 2025;",
        "Căn cứ Kế hoạch số 77/KH-UBND;",
    ]


# --- titles and years -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        (
            "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính nhà nước tỉnh Sơn La năm 2026.",
            "Kế hoạch cải cách hành chính nhà nước tỉnh Sơn La năm 2026",
        ),
        (
            "Phê duyệt “Kế hoạch hành động quốc gia giai đoạn 2026 - 2030, tầm nhìn đến năm 2045”"
            " với các nội dung:",
            "Kế hoạch hành động quốc gia giai đoạn 2026 - 2030, tầm nhìn đến năm 2045",
        ),
        (
            "Ban hành kèm theo Quyết định này Kế hoạch thực hiện Đề án “Nâng cao nhận thức, đến năm 2030”"
            " trên địa bàn Thành phố (có Kế hoạch kèm theo).",
            "Kế hoạch thực hiện Đề án “Nâng cao nhận thức, đến năm 2030” trên địa bàn Thành phố",
        ),
        ("Ban hành kèm theo Quyết định này Quy chế bồi dưỡng.", None),
    ],
)
def test_title_from_article(article: str, expected: str | None) -> None:
    assert title_from_article(article) == expected


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        # CV-7432 (PDF header table): the subject wraps under the number, to the end of its cell
        (["Số: 7432 /UBND-XD\nV/v triển khai thực hiện Quyết định số\n1074/QĐ-BXD ngày 29/6/2026 của Bộ Xây"
          "\ndựng", "Lào Cai, ngày 21 tháng 7 năm 2026"],
         "triển khai thực hiện Quyết định số 1074/QĐ-BXD ngày 29/6/2026 của Bộ Xây dựng"),
        # TB-2245 (DOCX): a row of its own, the full stop of 1629's subject dropped
        (["Số: /SCT-CN", "V/v Thông báo tổ chức kiểm tra, cấp Giấy chứng nhận huấn luyện", ""],
         "Thông báo tổ chức kiểm tra, cấp Giấy chứng nhận huấn luyện"),
        (["Số: 1629 /SCT-CN\nV/v kế hoạch kiểm tra công tác nghiệm thu tại xã Mường Bo, tỉnh Lào Cai."],
         "kế hoạch kiểm tra công tác nghiệm thu tại xã Mường Bo, tỉnh Lào Cai"),
        # BC (DOCX): issuer, rule, number and subject in one cell; the subject ends at the next rule
        (["UBND TỈNH LÀO CAI\nSỞ CÔNG THƯƠNG\n____________________\nSố: /SCT-CN\nV/v cập nhật công tác"
          "\nquản lý hoạt động hóa chất năm 2025\n___"],
         "cập nhật công tác quản lý hoạt động hóa chất năm 2025"),
        (["Số: 12/KH-UBND", "Hà Nội, ngày 2 tháng 1 năm 2026"], None),
    ],
)  # fmt: skip
def test_subject_line(cells: list[str], expected: str | None) -> None:
    assert hd.subject_line(cells) == expected


def test_letter_title_is_its_subject_line() -> None:
    """A letter (no title keyword) is titled by its "V/v" line and typed Công văn."""
    header = Block("table", "", rows=[
        ["UBND TỈNH LÀO CAI\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
        ["Số: 6791 /SNNMT-KHTC\nV/v tham gia ý kiến thẩm định hồ sơ đề nghị"
         "\nthành lập cụm công nghiệp Báo Đáp",
         "Lào Cai, ngày 17 tháng 7 năm 2026"],
    ])  # fmt: skip
    body = paragraphs("Kính gửi: Sở Công thương tỉnh Lào Cai", "Sở Nông nghiệp và Môi trường nhận được")
    plan = extract_plan([header, *body], {})
    assert plan.doc_type == "Công văn"
    assert (plan.number, plan.issued_date) == ("6791/SNNMT-KHTC", date(2026, 7, 17))
    assert plan.title == "Tham gia ý kiến thẩm định hồ sơ đề nghị thành lập cụm công nghiệp Báo Đáp"


@pytest.mark.parametrize(
    ("doc_type", "subject", "article", "expected"),
    [
        ("Kế hoạch", "Tuyên truyền công tác cải cách hành chính (CCHC) năm 2026", None,
         "Kế hoạch tuyên truyền công tác cải cách hành chính (CCHC) năm 2026"),
        ("Kế hoạch", "V/V HỖ TRỢ NHU YẾU PHẨM KHẨN CẤP", None, "Kế hoạch hỗ trợ nhu yếu phẩm khẩn cấp"),
        ("Quyết định", "BAN HÀNH KẾ HOẠCH KIỂM TRA NĂM 2026", None, "Kế hoạch kiểm tra năm 2026"),
        ("Quyết định", "VỀ VIỆC CÔNG BỐ THỦ TỤC HÀNH CHÍNH", "Công bố kèm theo Quyết định này thủ tục.",
         "Quyết định về việc công bố thủ tục hành chính"),
        ("Thông báo", "KẾ HOẠCH TẠM DỪNG ỨNG DỤNG TMS", None, "Thông báo kế hoạch tạm dừng ứng dụng TMS"),
        (None, "", None, None),
    ],
)  # fmt: skip
def test_plan_title(doc_type: str | None, subject: str, article: str | None, expected: str | None) -> None:
    assert plan_title(doc_type, subject, article) == expected


@pytest.mark.parametrize(
    ("title", "issued", "expected"),
    [
        ("Kế hoạch CCHC năm 2026", date(2025, 12, 26), 2026),
        ("Kế hoạch phát triển kinh tế số giai đoạn 2026 - 2030", date(2025, 11, 18), 2026),
        ("Kế hoạch thực hiện Quy hoạch thời kỳ 2021-2030, tầm nhìn đến năm 2045", date(2025, 11, 18), 2025),
        ("Kế hoạch lộ trình đổi mới công nghệ đến năm 2035", date(2025, 11, 19), 2025),
        ("Kế hoạch thực hiện Chỉ thị số 27/CT-TTg ngày 15 tháng 8 năm 2024", date(2025, 11, 21), 2025),
        ("Kế hoạch truyền thông", None, None),
        (None, date(2024, 1, 2), 2024),
    ],
)
def test_plan_year(title: str | None, issued: date | None, expected: int | None) -> None:
    assert plan_year(title, issued) == expected


# --- signers and recipients -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Thành Công"],
         [("Nguyễn Thành Công", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")]),
        (["KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC", "Lưu Hồng Phương"],
         [("Lưu Hồng Phương", "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC")]),
        (["TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Chí Hùng"],
         [("Trần Chí Hùng", "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH")]),
        (["KT. CHỦ TỊCH", "CẢI CÁCH HÀNH CHÍNH NĂM 2026"], [(None, "KT. CHỦ TỊCH")]),
        (["XÁC THỰC VĂN BẢN HỢP NHẤT", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Thượng tướng Võ Minh Lương"],
         [("Võ Minh Lương", "KT. BỘ TRƯỞNG / THỨ TRƯỞNG")]),
        (["TM. BAN THƯỜNG VỤ", "BÍ THƯ", "(Đã ký)", "Nguyễn Văn A",
          "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn B"],
         [("Nguyễn Văn A", "TM. BAN THƯỜNG VỤ / BÍ THƯ"), ("Trần Văn B", "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH")]),
        (["Căn cứ Luật Tổ chức chính quyền địa phương;"], []),
        # 31.3.2026_BB read by OCR: the seal between the title and the name read as "QN TRO mo"
        (["ĐẠI DIỆN SỞ CÔNG THƯƠNG", "PHÓ GIÁM ĐỐC", "QN TRO mo", "Hoàng Văn Thuận"],
         [("Hoàng Văn Thuận", "ĐẠI DIỆN SỞ CÔNG THƯƠNG / PHÓ GIÁM ĐỐC")]),
        # QD-2170-2026 read by OCR: the prefix's dot touches the title
        (["TM.ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Tuấn Anh"],
         [("Nguyễn Tuấn Anh", "TM.ỦY BAN NHÂN DÂN / CHỦ TỊCH")]),
        # a record's representatives (Bien-ban Yen Thanh, OCR'd): a letterless line is the signature
        (["ĐD SỞ CÔNG THƯƠNG", '"”', "Vũ Việt Linh", "ĐD CÔNG TY CP XD GIAO THÔNG", "Nguyễn Quốc Thịnh"],
         [("Vũ Việt Linh", "ĐD SỞ CÔNG THƯƠNG"), ("Nguyễn Quốc Thịnh", "ĐD CÔNG TY CP XD GIAO THÔNG")]),
        # 31.3.2026 BB: two columns glued on one line; whose name is below cannot be told
        (["ĐẠI DIỆN SỞ CÔNG THƯƠNG ĐẠI DIỆN CÔNG TY CP ĐẦU TƯ", "Phạm Xuân Phường"],
         [(None, "ĐẠI DIỆN SỞ CÔNG THƯƠNG"), ("Phạm Xuân Phường", "ĐẠI DIỆN CÔNG TY CP ĐẦU TƯ")]),
    ],
)  # fmt: skip
def test_parse_signers(lines: list[str], expected: list[tuple[str | None, str]]) -> None:
    assert [(s.name, s.title) for s in parse_signers(lines, skip=2)] == expected


def test_find_signers_skips_head_authority_and_uses_site_name() -> None:
    blocks = [
        *paragraphs("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Tổ chức chính quyền địa phương;"),
        Block("table", "", rows=[["Nơi nhận:\n- Như Điều 3;", "KT. CHỦ TỊCH"]]),
        Block("table", "", rows=[["Nơi nhận:\n- Như trên;", "GIÁM ĐỐC\nNguyễn Văn Mẫu"]]),
    ]
    assert find_signers(blocks, {"signer": "Nguyễn Thành Công"}) == [
        Signer(name="Nguyễn Thành Công", title="KT. CHỦ TỊCH")
    ]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["- Bộ Nội vụ;", "- Văn phòng UBND tỉnh: LĐ, TCHCQT, TTPVHCC, TTTT;", "- Lưu: VT, NC, Tưng."],
         ["Bộ Nội vụ", "Văn phòng UBND tỉnh: LĐ, TCHCQT, TTPVHCC, TTTT", "Lưu: VT, NC, Tưng"]),
        (["- Như trên; - Bộ trưởng;", "- ........", "Lưu VT"], ["Như trên", "Bộ trưởng", "Lưu VT"]),
        (["- VPUB: + CVP, các PCVP (đ/b);", "+ Cổng TTĐT tỉnh (đưa tin);"],
         ["VPUB: + CVP, các PCVP (đ/b)", "Cổng TTĐT tỉnh (đưa tin)"]),
        (["- Các sở, ban, ngành thuộc", "tỉnh;"], ["Các sở, ban, ngành thuộc tỉnh"]),
    ],
)  # fmt: skip
def test_parse_recipients(lines: list[str], expected: list[str]) -> None:
    assert parse_recipients(lines) == expected


# --- whole documents ------------------------------------------------------------------------------


def gold_view(plan: Plan) -> dict[str, Any]:
    """The plan in the shape of a gold file's "metadata" object."""
    first = plan.signers[0] if plan.signers else Signer(name=None, title=None)
    return {
        "doc_type": plan.doc_type,
        "number": plan.number,
        "issued_date": plan.issued_date.isoformat() if plan.issued_date else None,
        "place": plan.place,
        "issuer": plan.issuer,
        "parent_issuer": plan.parent_issuer,
        "signer": first.name,
        "signer_title": first.title,
        "plan_title": plan.title,
        "plan_year": plan.year,
        "legal_bases": [r.number for b in plan.legal_bases for r in b.refs],
    }


@pytest.mark.parametrize(
    "seed", ["000_a7882dc0dd6dec42.txt", "001_29c53701c476ea68.txt", "003_348ec1c3c359f68f.txt"]
)
def test_seed_matches_gold(seed: str) -> None:
    gold = json.loads((FIXTURES / "gold" / f"{seed}.gold.json").read_text(encoding="utf-8"))["metadata"]
    assert gold_view(plan_of(FIXTURES / "seeds" / seed)) == gold


PLANS: dict[str, dict[str, Any]] = {
    "tvpl_299dbc033cf2dcb6.md": {
        "doc_type": "Thông báo",
        "number": "983/TB-CT",
        "issued_date": "2025-11-21",
        "place": "Hà Nội",
        "issuer": "Cục Thuế",
        "parent_issuer": "Bộ Tài chính",
        "signer": "Phạm Ngọc Lai",
        "signer_title": "TL. CỤC TRƯỞNG / KT. CHÁNH VĂN PHÒNG / PHÓ CHÁNH VĂN PHÒNG",
        "plan_title": "Thông báo kế hoạch tạm dừng ứng dụng TMS phục vụ việc chuyển đổi hệ thống máy chủ"
        " và lưu trữ CSDL ứng dụng quản lý thuế tập trung (TMS)",
        "plan_year": 2025,
        "legal_bases": [],
    },
    "tvpl_6a406c1f9dfed9c3.md": {
        "doc_type": "Kế hoạch",
        "number": "7360/KH-UBND",
        "issued_date": "2025-11-19",
        "place": "Lai Châu",
        "issuer": "Ủy ban nhân dân tỉnh Lai Châu",
        "parent_issuer": None,
        "signer": "Tống Thanh Hải",
        "signer_title": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "plan_title": "Kế hoạch triển khai thi hành Luật sửa đổi, bổ sung một số điều của Luật Tiêu chuẩn"
        " và quy chuẩn kỹ thuật trên địa bàn tỉnh Lai Châu",
        "plan_year": 2025,
        "legal_bases": ["2138/QĐ-TTg"],
    },
    "tvpl_4e39af96b6891368.md": {
        "doc_type": "Quyết định",
        "number": "1627/QĐ-UBND",
        "issued_date": "2025-11-21",
        "place": "Quảng Ngãi",
        "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi",
        "parent_issuer": None,
        "signer": "Nguyễn Ngọc Sâm",
        "signer_title": "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "plan_title": "Kế hoạch triển khai thực hiện Tổng kiểm kê tài sản công tại cơ quan, tổ chức, đơn vị,"
        " tài sản kết cấu hạ tầng do Nhà nước đầu tư, quản lý thuộc phạm vi quản lý của tỉnh Quảng Ngãi"
        " thời điểm 0h00 ngày 01 tháng 01 năm 2026",
        "plan_year": 2025,
        "legal_bases": ["213/QĐ-TTg", "23/CT-TTg", "3531/QĐ-BTC"],
    },
    "tvpl_d40513a8b25883ec.md": {
        "doc_type": "Kế hoạch",
        "number": "159/KH-UBND",
        "issued_date": "2025-11-19",
        "place": "Cần Thơ",
        "issuer": "Ủy ban nhân dân thành phố Cần Thơ",
        "parent_issuer": None,
        "signer": "Trần Chí Hùng",
        "signer_title": "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH",
        "plan_title": "Kế hoạch truyền thông về giảm nghèo đa chiều thuộc chương trình mục tiêu quốc gia"
        " giảm nghèo bền vững trên địa bàn thành phố Cần Thơ năm 2025",
        "plan_year": 2025,
        "legal_bases": [
            "06/2022/TT-BTTTT", "01/2025/TT-BTTTT", "06/2022/TT-BTTTT", "55/2023/TT-BTC", "75/2024/TT-BTC",
            "55/2023/TT-BTC", "650/QĐ-LĐTBXH", "128/QĐ-LĐTBXH", "206/NQ-HĐND", "77/KH-UBND", "2140/QĐ-UBND",
        ],
    },
}  # fmt: skip

RECIPIENTS = {
    "tvpl_299dbc033cf2dcb6.md": (7, "Lãnh đạo Cục Thuế (để báo cáo)", "Lưu VT, VP, CĐS"),
    "tvpl_6a406c1f9dfed9c3.md": (7, "Bộ Khoa học và Công nghệ", "Lưu: VT, Vx3"),
    "tvpl_4e39af96b6891368.md": (10, "Như Điều 2", "Lưu: VT, KTTHVTD"),
    "tvpl_d40513a8b25883ec.md": (10, "Bộ NN&MT", "Lưu: VT, CT"),
}


@pytest.mark.parametrize("name", sorted(PLANS))
def test_plan_metadata(name: str) -> None:
    plan = plan_of(FIXTURES / "plans" / name)
    assert gold_view(plan) == PLANS[name]
    count, first, last = RECIPIENTS[name]
    assert (len(plan.recipients), plan.recipients[0], plan.recipients[-1]) == (count, first, last)


@pytest.mark.parametrize(
    ("opening", "expected"),
    [
        ("Hôm nay, ngày 08/6/2026, Sở Công Thương tiền hành kiểm tra thực tế khu vực", date(2026, 6, 8)),
        ("Hôm nay, ngày 31 tháng 03 năm 2026 Sở Công Thương tỉnh Lào Cai tiến hành", date(2026, 3, 31)),
        ("Hôm nay, vào hồi 9 giờ 00, ngày 02 tháng 4 năm 2026, tại trụ sở", date(2026, 4, 2)),
        ("Ngày 29/6/2026, Bộ trưởng Bộ Xây dựng ban hành Quyết định", None),
    ],
)  # fmt: skip
def test_record_date(opening: str, expected: date | None) -> None:
    """A record (Biên bản) without a header date is dated by its "Hôm nay, ngày …" opening."""
    blocks = paragraphs("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BIÊN BẢN KIỂM TRA", opening)
    plan = extract_plan(blocks, {})
    assert (plan.doc_type, plan.issued_date) == ("Biên bản", expected)


def test_site_title_line_titles_a_letter_without_one() -> None:
    """tvpl_987cadc8: a Công văn printed without subject line; the website's title line after it gives it."""
    text = "\n\n".join([
        "Kính gửi: Các cơ quan tham mưu quản lý nhà nước thuộc Bộ;",
        "Bộ Văn hóa, Thể thao và Du lịch yêu cầu các cơ quan thực hiện.",
        "Công văn 6225/BVHTTDL-VP ngày 18/11/2025 tập trung đẩy mạnh việc thực hiện đúng tiến độ các nhiệm vụ"
        " do Bộ Văn hóa, Thể thao và Du lịch ban hành",
        "Văn bản này chưa cập nhật nội dung Tiếng Anh",
    ])  # fmt: skip
    result = text_to_blocks(text)
    ensure_labels(result.blocks)
    plan = extract_plan(result.blocks, result.site_meta)
    assert plan.title == "Tập trung đẩy mạnh việc thực hiện đúng tiến độ các nhiệm vụ"


def test_site_meta_fills_only_what_is_missing() -> None:
    blocks = paragraphs("KẾ HOẠCH", "TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM 2026", "I. MỤC ĐÍCH")
    site = {
        "number": "12/KH-UBND",
        "issued_date": "05/01/2026",
        "signer": "Nguyễn Văn A",
        "issuer": "Tỉnh Sơn La",
    }
    plan = extract_plan(blocks, site)
    assert (plan.number, plan.issued_date, plan.issuer) == ("12/KH-UBND", date(2026, 1, 5), None)
    assert plan.signers == [Signer(name="Nguyễn Văn A", title=None)]
    assert plan.title == "Kế hoạch tuyên truyền cải cách hành chính năm 2026"


def test_empty_document() -> None:
    plan = extract_plan([], {})
    assert plan == Plan(
        doc_type=None,
        number=None,
        issuer=None,
        parent_issuer=None,
        place=None,
        issued_date=None,
        title=None,
        year=None,
    )


HEAD_WORDS = st.sampled_from(
    ["KẾ HOẠCH", "QUYẾT ĐỊNH", "Số: 12/KH-UBND", "Số:", "Căn cứ", "Nơi nhận:", "- ", "KT. CHỦ TỊCH", "TM.",
     "Điều 1.", "Hà Nội, ngày", "tháng", "năm 2026", "ỦY BAN NHÂN DÂN", "TỈNH", "Nguyễn Văn A", "“", "(",
     "ban hành Kế hoạch"]
)  # fmt: skip
FRAGMENT = st.one_of(HEAD_WORDS, st.text(max_size=12))
TEXTS = st.lists(FRAGMENT, max_size=6).map(" ".join)
PARAGRAPHS = TEXTS.map(lambda t: Block("paragraph", t))
TABLES = st.lists(st.lists(TEXTS, max_size=3), max_size=3).map(lambda rows: Block("table", "", rows=rows))
SITE = st.dictionaries(st.sampled_from(["signer", "number", "issued_date", "doc_type", "issuer"]), TEXTS)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(PARAGRAPHS, TABLES), max_size=12), SITE)
def test_extract_plan_never_raises(blocks: list[Block], site: dict[str, str]) -> None:
    assert isinstance(extract_plan(blocks, site), Plan)


@given(st.text(max_size=200))
def test_parsers_never_raise(text: str) -> None:
    hd.parse_number(text)
    hd.parse_place_date(text)
    parse_refs(text)
    parse_signers(text.split("\n"), skip=2)
    parse_recipients(text.split("\n"))


def test_a_date_wrapped_to_the_start_of_a_title_line_does_not_end_the_opening() -> None:
    # "01 THÁNG 02" reads like a bare item number "01", but only "1." or "1)" closes the opening part
    blocks = paragraphs(
        "QUY ĐỊNH CHI TIẾT THI HÀNH NGHỊ ĐỊNH SỐ 18/2019/NĐ-CP NGÀY",
        "01 THÁNG 02 NĂM 2019 CỦA CHÍNH PHỦ",
        "Căn cứ Nghị định số 18/2019/NĐ-CP ngày 01 tháng 02 năm 2019 của Chính phủ;",
        "1. Phạm vi điều chỉnh",
    )
    assert [b.text for b in legal_bases(blocks)] == [blocks[2].text]


def test_the_metadata_stage_gives_the_document_frame_its_roles() -> None:
    blocks = paragraphs(
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2026",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;",
        "I. MỤC ĐÍCH",
        "Nội dung.",
        "Nơi nhận:",
        "- Sở Nội vụ;",
        "- Lưu: VT.",
        "KT. CHỦ TỊCH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Văn Mẫu",
    )
    extract_plan(blocks, {})
    assert [b.role for b in blocks] == [
        "header",
        "header",
        "legal_basis",
        "heading",
        "paragraph",
        "recipients",
        "recipients",
        "recipients",
        "signature",
        "signature",
        "signature",
    ]

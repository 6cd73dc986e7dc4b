"""The DOCX reader: Word numbering, text, tables, bad input, real documents, and .doc through LibreOffice."""

from __future__ import annotations

import hashlib
import io
import json
import os
import stat
import subprocess
import time
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import docx
import pytest

from cchc_parse import InputError, UnsupportedFormatError, parse_file
from cchc_parse.document import Block
from cchc_parse.formats import OLE_MAGIC
from cchc_parse.models import PlanDocument, Section
from cchc_parse.normalize.legacy import legacy_stage
from cchc_parse.readers.docx import NO_SOFFICE, find_soffice, read_doc_file, read_docx_bytes
from cli_helpers import cli
from docx_factory import (
    abstract,
    cell,
    docx_bytes,
    level,
    num,
    para,
    run,
    table,
    text_box,
    write_docx,
    xml_para,
)
from test_encodings import encode_tcvn3

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
PROCEDURE = FIXTURES / "Quy-trinh-noi-bo-TTHC-HHNH.docx"
CIRCULAR = FIXTURES / "TT-24-2025-TT-BCT-ke-hoach-quan-ly-rui-ro.docx"
LETTER = FIXTURES / "CV-UBND-KT_giao-SCT-tham-muu-uy-quyen_truoc-15.9.2025.docx"


def read(body: str, **parts: str) -> list[Block]:
    return read_docx_bytes(docx_bytes(body, **parts), path="test.docx").blocks


def texts(body: str, **parts: str) -> list[str]:
    return [b.text for b in read(body, **parts)]


# --- Word numbering -----------------------------------------------------------------------------------------

OUTLINE = abstract(
    0, level(0, "upperRoman", "%1."), level(1, "decimal", "%2."), level(2, "lowerLetter", "%3)")
)
MULTI = abstract(
    1, level(0, "decimal", "%1."), level(1, "decimal", "%1.%2."), level(2, "decimal", "%1.%2.%3.")
)
BULLETS = abstract(
    2, level(0, "bullet", "\uf0b7"), level(1, "bullet", "+"), level(2, "bullet", "o"), level(3, "bullet", "")
)


def outline(*items: tuple[str, int, int]) -> str:
    return "".join(para(text, num=n, ilvl=i) for text, n, i in items)


NUMBERING_CASES = {
    "roman, decimal, letter; deeper levels restart": (
        OUTLINE + num(1, 0),
        outline(
            ("MỤC ĐÍCH", 1, 0), ("Mục đích", 1, 1), ("x", 1, 2), ("y", 1, 2), ("Yêu cầu", 1, 1), ("z", 1, 2)
        )
        + outline(("NỘI DUNG", 1, 0), ("Nhiệm vụ", 1, 1)),
        ["I. MỤC ĐÍCH", "1. Mục đích", "a) x", "b) y", "2. Yêu cầu", "a) z", "II. NỘI DUNG", "1. Nhiệm vụ"],
    ),
    "multi-level text %1.%2.": (
        MULTI + num(1, 1),
        outline(("A", 1, 0), ("B", 1, 1), ("C", 1, 2), ("D", 1, 1), ("E", 1, 0), ("F", 1, 1)),
        ["1. A", "1.1. B", "1.1.1. C", "1.2. D", "2. E", "2.1. F"],
    ),
    "start values": (
        abstract(0, level(0, "decimal", "%1.", start=3), level(1, "lowerLetter", "%2)", start=2)) + num(1, 0),
        outline(("A", 1, 0), ("B", 1, 1), ("C", 1, 0)),
        ["3. A", "b) B", "4. C"],
    ),
    "a new num over the same abstract numbering continues": (
        OUTLINE + num(1, 0) + num(2, 0),
        outline(("A", 1, 1), ("B", 1, 1), ("C", 2, 1)),
        ["1. A", "2. B", "3. C"],
    ),
    "startOverride restarts, once": (
        OUTLINE + num(1, 0) + num(2, 0, {1: 1}),
        outline(("A", 1, 1), ("B", 1, 1), ("C", 2, 1), ("D", 2, 1)),
        ["1. A", "2. B", "1. C", "2. D"],
    ),
    "a start override holds when a higher level restarts the overridden one": (
        OUTLINE + num(1, 0) + num(2, 0, {1: 5}),
        outline(("A", 2, 0), ("x", 2, 1), ("y", 2, 1), ("B", 2, 0), ("z", 2, 1)),
        ["I. A", "5. x", "6. y", "II. B", "5. z"],
    ),
    "lvlRestart 0: a level that never restarts": (
        abstract(0, level(0, "decimal", "%1."), level(1, "lowerLetter", "%2)", restart=0)) + num(1, 0),
        outline(("A", 1, 0), ("x", 1, 1), ("B", 1, 0), ("y", 1, 1)),
        ["1. A", "a) x", "2. B", "b) y"],
    ),
    "restarting a level resets the deeper ones": (
        MULTI + num(1, 1) + num(2, 1, {0: 1}),
        outline(("A", 1, 0), ("B", 1, 1), ("C", 1, 1), ("D", 2, 0), ("E", 2, 1)),
        ["1. A", "1.1. B", "1.2. C", "1. D", "1.1. E"],
    ),
    "bullets: any glyph is '-', '+' stays": (
        BULLETS + num(1, 2),
        outline(("a", 1, 0), ("b", 1, 1), ("c", 1, 2), ("d", 1, 3)),
        ["- a", "+ b", "- c", "d"],
    ),
    "upper letters, zero-padded decimals, no number": (
        abstract(0, level(0, "upperLetter", "%1."), level(1, "decimalZero", "%2."), level(2, "none", ""))
        + num(1, 0),
        outline(("A", 1, 0), ("B", 1, 1), ("C", 1, 2), ("D", 1, 0)),
        ["A. A", "01. B", "C", "B. D"],
    ),
    "legal numbering shows the higher levels in decimal": (
        abstract(0, level(0, "upperRoman", "%1."), level(1, "decimal", "%1.%2.", legal=True)) + num(1, 0),
        outline(("A", 1, 0), ("B", 1, 1)),
        ["I. A", "1.1. B"],
    ),
    "an empty numbered paragraph takes a number and is dropped": (
        OUTLINE + num(1, 0),
        outline(("A", 1, 1), ("", 1, 1), ("C", 1, 1)),
        ["1. A", "3. C"],
    ),
    "numId 0 and unknown ids number nothing": (
        OUTLINE + num(1, 0),
        outline(("A", 0, 0), ("B", 7, 0), ("C", 1, 0)),
        ["A", "B", "I. C"],
    ),
    "articles and chapters": (
        abstract(0, level(0, "upperRoman", "Chương %1"), level(1, "decimal", "Điều %2.")) + num(1, 0),
        outline(("QUY ĐỊNH CHUNG", 1, 0), ("Phạm vi", 1, 1), ("Đối tượng", 1, 1)),
        ["Chương I QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "Điều 2. Đối tượng"],
    ),
}


@pytest.mark.parametrize("case", list(NUMBERING_CASES))
def test_word_numbering_is_rendered_as_typed_labels(case: str) -> None:
    numbering, body, expected = NUMBERING_CASES[case]
    assert texts(body, numbering=numbering) == expected


def test_word_numbering_is_given_as_labels() -> None:
    numbering, body, _ = NUMBERING_CASES["multi-level text %1.%2."]
    labels = [b.label for b in read(body, numbering=numbering)]
    assert [(lb.kind, lb.value, lb.depth, lb.source) for lb in labels if lb] == [
        ("decimal", value, value.count(".") + 1, "numbering")
        for value in ("1", "1.1", "1.1.1", "1.2", "2", "2.1")
    ]
    assert read(para("1. Typed, not numbered"))[0].label is None  # a typed number is the labels stage's


def test_numbering_from_styles_and_style_levels() -> None:
    numbering = abstract(
        0, level(0, "upperRoman", "%1.", style="Muc1"), level(1, "decimal", "%2.", style="Muc2")
    ) + num(5, 0)
    styles = (
        '<w:style w:type="paragraph" w:styleId="Muc1"><w:name w:val="Muc 1"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Muc2"><w:name w:val="Muc 2"/>'
        '<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Muc2b"><w:name w:val="Muc 2b"/>'
        '<w:basedOn w:val="Muc2"/></w:style>'
    )
    body = para("MỤC TIÊU", style="Muc1") + para("Chung", style="Muc2") + para("Riêng", style="Muc2b")
    body += para("Không đánh số", style="Muc2", num=0)
    assert texts(body, numbering=numbering, styles=styles) == [
        "I. MỤC TIÊU",
        "1. Chung",
        "2. Riêng",
        "Không đánh số",
    ]


def test_builtin_list_styles_of_python_docx() -> None:
    document = docx.Document()
    document.add_paragraph("I. MỤC ĐÍCH")
    for text in ("Một", "Hai"):
        document.add_paragraph(text, style="List Number")
    document.add_paragraph("Gạch", style="List Bullet")
    out = io.BytesIO()
    document.save(out)
    blocks = read_docx_bytes(out.getvalue(), path="list.docx").blocks
    assert [b.text for b in blocks] == ["I. MỤC ĐÍCH", "1. Một", "2. Hai", "- Gạch"]


def test_numbering_inside_table_cells_follows_document_order() -> None:
    body = para("A", num=1, ilvl=1) + table(
        [[cell(para("B", num=1, ilvl=1), para("C", num=1, ilvl=1)), "x"]], 2
    )
    body += para("D", num=1, ilvl=1)
    blocks = read(body, numbering=OUTLINE + num(1, 0))
    assert blocks[1].rows == [["2. B\n3. C", "x"]]
    assert blocks[2].text == "4. D"


# --- paragraph text -----------------------------------------------------------------------------------------

FIELD = (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
    '<w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r>'
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Nghị định 40</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
)
TEXT_CASES = {
    "runs joined, tabs as spaces, white space folded": (
        xml_para(
            *[run("Căn cứ "), run("Luật"), "<w:r><w:tab/><w:t>Tổ chức</w:t></w:r>", run("  chính quyền")]
        ),
        ["Căn cứ Luật Tổ chức chính quyền"],
    ),
    "a manual line break continuing a sentence is joined": (
        xml_para(*[run("Kết quả kiểm tra việc chấp hành"), "<w:r><w:br/></w:r>", run("các quy định.")]),
        ["Kết quả kiểm tra việc chấp hành các quy định."],
    ),
    "a manual line break before a label or a bullet starts a paragraph": (
        xml_para(*[run("1. Mục đích"), "<w:r><w:br/></w:r>", run("- Nội dung"), "<w:br/>", run("a) Ý")]),
        ["1. Mục đích", "- Nội dung", "a) Ý"],
    ),
    "tracked changes accepted": (
        xml_para(
            *[
                run("Sở "),
                '<w:del w:id="1" w:author="a"><w:r><w:delText>Tư pháp</w:delText></w:r></w:del>',
                '<w:ins w:id="2" w:author="a"><w:r><w:t>Nội vụ</w:t></w:r></w:ins>',
                run(" chủ trì"),
            ],
        ),
        ["Sở Nội vụ chủ trì"],
    ),
    "hidden text and field codes left out, field results kept": (
        xml_para(*[run("Căn cứ "), run("ẩn ", hidden=True), FIELD, run(";")]),
        ["Căn cứ Nghị định 40;"],
    ),
    "simple fields, hyperlinks, smart tags and content controls read through": (
        xml_para(
            *[
                '<w:fldSimple w:instr=" DATE "><w:r><w:t>Ngày 5</w:t></w:r></w:fldSimple>',
                '<w:hyperlink><w:r><w:t xml:space="preserve"> tháng </w:t></w:r></w:hyperlink>',
                '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>3</w:t></w:r></w:smartTag>',
                '<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t xml:space="preserve"> năm 2026</w:t></w:r>'
                "</w:sdtContent></w:sdt>",
            ],
        ),
        ["Ngày 5 tháng 3 năm 2026"],
    ),
    "footnote references ignored": (
        xml_para(*[run("Căn cứ Luật"), '<w:r><w:footnoteReference w:id="1"/></w:r>', run(";")]),
        ["Căn cứ Luật;"],
    ),
    "NFC, invisible characters dropped, empty paragraphs dropped": (
        para("Co\u0302\u0301ng va\u0300\u200b") + para("   ") + "<w:p/>" + para("\u00a0"),
        ["Cống và"],
    ),
    "a text box is read once, after its paragraph": (
        xml_para(*[run("Trước"), text_box(para("Trong hộp"), para("Dòng hai")), run(" khung")]) + para("Sau"),
        ["Trước khung", "Trong hộp", "Dòng hai", "Sau"],
    ),
    "a table of contents is skipped": (
        '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
        f"<w:sdtContent>{para('I. MỤC ĐÍCH 3')}</w:sdtContent></w:sdt>"
        f"<w:sdt><w:sdtPr/><w:sdtContent>{para('I. MỤC ĐÍCH')}</w:sdtContent></w:sdt>",
        ["I. MỤC ĐÍCH"],
    ),
}


@pytest.mark.parametrize("case", list(TEXT_CASES))
def test_paragraph_text(case: str) -> None:
    body, expected = TEXT_CASES[case]
    assert texts(body) == expected


def test_legacy_tcvn3_font_text_is_converted() -> None:
    lines = ["Cộng hòa xã hội chủ nghĩa Việt Nam", "Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan"]
    legacy = [encode_tcvn3(line) for line in lines]
    body = para(legacy[0]) + table([[legacy[1], "Quý I"]], 2)
    document = read_docx_bytes(docx_bytes(body), path="legacy.docx")
    assert document.blocks[0].text == legacy[0]  # the reader reads; the legacy stage converts
    legacy_stage(document)
    blocks = document.blocks
    assert blocks[0].text == lines[0]
    assert blocks[1].rows == [[lines[1], "Quý I"]]
    assert (blocks[0].orig, blocks[1].orig_rows) == (legacy[0], [[legacy[1], "Quý I"]])
    assert document.legacy == "tcvn3"


def test_source_lines_are_body_paragraph_numbers() -> None:
    body = para("A") + "<w:p/>" + table([["x", "y"], ["z", "w"]], 2) + para("B")
    blocks = read(body)
    assert [(b.kind, b.source_start, b.source_end, b.page) for b in blocks] == [
        ("paragraph", 1, 1, None),
        ("table", 3, 6, None),
        ("paragraph", 7, 7, None),
    ]
    assert blocks[1].row_lines == [(3, 4), (5, 6)]


# --- tables -------------------------------------------------------------------------------------------------


def test_merged_cells_spans_empty_and_vertical_merges_repeated() -> None:
    rows = [
        ["STT", "Nội dung", "Chủ trì", "Thời gian"],
        [cell("I. NHÓM NHIỆM VỤ", span=4)],
        ["1", "Rà soát", cell("Sở Nội vụ", merge="restart"), "Quý I"],
        ["2", "Kiểm tra", cell(merge="continue"), cell("Quý II", span=1)],
        ["3", cell("Tổng hợp", span=2), "Quý III"],
    ]
    (block,) = read(table(rows, 4))
    assert block.rows == [
        ["STT", "Nội dung", "Chủ trì", "Thời gian"],
        ["I. NHÓM NHIỆM VỤ", "", "", ""],
        ["1", "Rà soát", "Sở Nội vụ", "Quý I"],
        ["2", "Kiểm tra", "Sở Nội vụ", "Quý II"],
        ["3", "Tổng hợp", "", "Quý III"],
    ]


def test_rows_padded_to_the_grid_and_empty_rows_dropped() -> None:
    grid_before = '<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>' + cell("b") + cell("c") + "</w:tr>"
    body = table([["a"], ["", "", ""]], 3).replace("</w:tbl>", grid_before + "</w:tbl>")
    (block,) = read(body)
    assert block.rows == [["a", "", ""], ["", "b", "c"]]


def test_columns_without_text_are_dropped() -> None:
    (block,) = read(table([["TỈNH LAI CHÂU", "", "CỘNG HÒA"], ["Số: 1/KH", cell(span=1), "Lai Châu"]], 3))
    assert block.rows == [["TỈNH LAI CHÂU", "CỘNG HÒA"], ["Số: 1/KH", "Lai Châu"]]
    assert texts(table([["", "I. MỤC ĐÍCH"], ["", "1. Mục đích"]], 2)) == ["I. MỤC ĐÍCH", "1. Mục đích"]


def test_nested_tables_are_flattened_into_their_cell() -> None:
    nested = table([["Sở Nội vụ", "chủ trì"], ["Sở Tư pháp", "phối hợp"]], 2)
    (block,) = read(table([[cell(para("Phân công:"), nested), "Quý I"]], 2))
    assert block.rows == [["Phân công:\nSở Nội vụ | chủ trì\nSở Tư pháp | phối hợp", "Quý I"]]


def test_a_single_column_table_is_read_as_paragraphs() -> None:
    body = table([[cell(para("I. MỤC ĐÍCH"), para("1. Mục đích"))], ["2. Yêu cầu"]], 1)
    blocks = read(body)
    assert [(b.kind, b.text) for b in blocks] == [
        ("paragraph", "I. MỤC ĐÍCH"),
        ("paragraph", "1. Mục đích"),
        ("paragraph", "2. Yêu cầu"),
    ]


def test_tracked_deleted_rows_are_left_out() -> None:
    deleted = '<w:tr><w:trPr><w:del w:id="1" w:author="a"/></w:trPr>' + cell("x") + cell("y") + "</w:tr>"
    body = table([["a", "b"]], 2).replace("</w:tbl>", deleted + "</w:tbl>")
    assert read(body)[0].rows == [["a", "b"]]


# --- a plan end to end --------------------------------------------------------------------------------------

HEADER = table(
    [
        [
            cell(para("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU"), para("SỞ NỘI VỤ")),
            cell(para("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), para("Độc lập - Tự do - Hạnh phúc")),
        ],
        ["Số: 45/KH-SNV", "Lai Châu, ngày 12 tháng 3 năm 2026"],
    ],
    2,
)
TASK_TABLE = table(
    [
        ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        [cell("I. CẢI CÁCH THỂ CHẾ", span=5)],
        [
            "1",
            "Rà soát văn bản quy phạm pháp luật",
            cell("Văn phòng Sở", merge="restart"),
            "Các phòng",
            "Quý II/2026",
        ],
        ["2", "Kiểm tra việc thực hiện văn bản", cell(merge="continue"), "Thanh tra Sở", "Tháng 10/2026"],
    ],
    5,
)
PLAN_BODY = "".join(
    [
        HEADER,
        para("KẾ HOẠCH"),
        para("Cải cách hành chính năm 2026"),
        para(
            "Thực hiện Kế hoạch số 10/KH-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh, "
            "Sở Nội vụ ban hành Kế hoạch:"
        ),
        outline(("MỤC ĐÍCH, YÊU CẦU", 1, 0), ("Mục đích", 1, 1)),
        para("Nâng cao chất lượng phục vụ người dân."),
        outline(("NHIỆM VỤ", 1, 0), ("Cải cách thể chế", 1, 1)),
        TASK_TABLE,
        outline(
            ("TỔ CHỨC THỰC HIỆN", 1, 0),
            ("Thanh tra Sở: chủ trì kiểm tra, báo cáo trước ngày 15/12/2026.", 1, 1),
        ),
    ]
)


def test_a_word_plan_without_typed_numbers_parses_like_a_typed_one(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "ke-hoach.docx", PLAN_BODY, numbering=OUTLINE + num(1, 0))
    doc = parse_file(path)
    assert doc.source.format == "docx" and doc.source.encoding is None
    assert doc.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (doc.plan.number, doc.plan.place, doc.plan.issued_date) == (
        "45/KH-SNV",
        "Lai Châu",
        date(2026, 3, 12),
    )
    assert doc.plan.issuer == "Sở Nội vụ" and doc.plan.doc_type == "Kế hoạch"
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NHIỆM VỤ"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]
    table_tasks = [(t.text, t.lead, t.partners) for t in doc.tasks if t.origin == "table"]
    assert table_tasks == [
        ("Rà soát văn bản quy phạm pháp luật", ["Văn phòng Sở"], ["Các phòng"]),
        ("Kiểm tra việc thực hiện văn bản", ["Văn phòng Sở"], ["Thanh tra Sở"]),
    ]
    assigned = [t for t in doc.tasks if t.section == "III.1"]
    assert [t.lead for t in assigned] == [["Thanh tra Sở"]]
    assert assigned[0].span.source_start_line == 32  # the 32nd paragraph of the body


# --- real documents -----------------------------------------------------------------------------------------


def test_real_procedure_with_task_tables() -> None:
    doc = parse_file(PROCEDURE)
    assert [s.label for s in doc.sections] == ["I", "II", "III"]
    assert [c.label for c in doc.sections[1].children] == ["1", "2"]
    assert len(doc.tasks) == 33 and {t.origin for t in doc.tasks} == {"table"}
    first = doc.tasks[0]
    assert first.section == "I.1" and first.text.startswith("Tiếp nhận hồ sơ của cá nhân, tổ chức")
    assert first.deadline is not None and first.deadline.text == "1 giờ"
    assert doc.tasks[-1].deadline is not None
    assert doc.tasks[-1].deadline.text == "Vào giờ hành chính các ngày làm việc trong tuần"


def test_real_procedure_spanned_total_row() -> None:
    blocks = read_docx_bytes(PROCEDURE.read_bytes(), path=str(PROCEDURE)).blocks
    first_table = next(b for b in blocks if b.kind == "table")
    assert first_table.rows[1] == ["Tổng thời gian giải quyết thủ tục hành chính (TTHC)", "", "", "5 ngày"]
    assert all(len(row) == 4 for row in first_table.rows)


def test_real_circular_header_table_and_metadata() -> None:
    doc = parse_file(CIRCULAR)
    plan = doc.plan
    assert (plan.doc_type, plan.number, plan.issuer) == ("Thông tư", "24/2025/TT-BCT", "Bộ Công Thương")
    assert (plan.place, plan.issued_date) == ("Hà Nội", date(2025, 5, 13))
    assert plan.signers and plan.signers[0].name == "Trương Thanh Hoài"
    # its own chapters ("Chương I" alone on a paragraph, the title on the next) and their articles are its
    # outline; the "I. … IV." of the form in Phụ lục I (under "Kèm theo Thông tư này") are no sections of
    # it (SPEC: a regulation's sections are its own parts)
    assert [(s.label, s.title) for s in doc.sections][:1] == [("I", "QUY ĐỊNH CHUNG")]
    assert [s.label for s in doc.sections] == ["I", "II", "III"]
    assert [c.label for c in doc.sections[0].children] == ["Điều 1", "Điều 2", "Điều 3"]


def test_real_letter_header_with_an_empty_middle_column_has_two_columns() -> None:
    blocks = read_docx_bytes(LETTER.read_bytes(), path=str(LETTER)).blocks
    assert blocks[0].kind == "table" and {len(row) for row in blocks[0].rows} == {2}
    assert blocks[0].rows[0][0] == "UỶ BAN NHÂN DÂN\nTỈNH LÀO CAI"
    assert blocks[0].rows[1] == ["Số: /UBND-KT", "Lào Cai, ngày tháng năm 2025"]
    doc = parse_file(LETTER)
    assert (doc.plan.issuer, doc.plan.place) == ("Ủy ban nhân dân tỉnh Lào Cai", "Lào Cai")
    assert [s.name for s in doc.plan.signers] == ["Nguyễn Thành Sinh"]


# --- bad input ----------------------------------------------------------------------------------------------


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def valid_members() -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx_bytes(para("Văn bản")))) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def replaced(name: str, data: bytes) -> bytes:
    return zipped({**valid_members(), name: data})


LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r>'
    b"<w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
)
EMPTY_BODY = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>'
BAD_INPUTS: dict[str, tuple[Callable[[], bytes], str]] = {
    "not a zip": (lambda: b"just some text, not a zip", "not a Word .docx file (not a zip archive)"),
    "empty file": (lambda: b"", "file is empty"),
    "zip without word/document.xml": (lambda: zipped({"a.txt": b"x"}), "no word/document.xml"),
    "corrupt XML": (lambda: replaced("word/document.xml", b"<w:document><w:body>"), "corrupt Word XML"),
    "wrong root element": (lambda: replaced("word/document.xml", b"<a/>"), "not a Word document"),
    "no text": (lambda: replaced("word/document.xml", EMPTY_BODY), "has no text"),
    "entity expansion": (lambda: replaced("word/document.xml", LAUGHS), "declares a DOCTYPE or entities"),
    "DOCTYPE in another part": (
        lambda: replaced("word/styles.xml", b'<!DOCTYPE x SYSTEM "file:///etc/passwd"><x/>'),
        "refusing word/styles.xml",
    ),
    "absurd compression ratio": (
        lambda: zipped({**valid_members(), "word/media/zeros.bin": bytes(3 * 1024 * 1024)}),
        "zip bomb suspected: word/media/zeros.bin is compressed",
    ),
    "encrypted (OLE EncryptedPackage)": (
        lambda: OLE_MAGIC + bytes(500) + "EncryptedPackage".encode("utf-16-le"),
        "encrypted document: remove the password first",
    ),
    "a legacy .doc named .docx": (
        lambda: OLE_MAGIC + bytes(500) + "WordDocument".encode("utf-16-le"),
        "a legacy Word .doc file",
    ),
    "missing content types": (
        lambda: zipped({k: v for k, v in valid_members().items() if k != "[Content_Types].xml"}),
        "not a Word .docx file",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_is_a_clear_one_line_error(case: str) -> None:
    make, reason = BAD_INPUTS[case]
    data = make()
    start = time.perf_counter()
    with pytest.raises(InputError) as caught:
        read_docx_bytes(data, path="bad.docx")
    assert time.perf_counter() - start < 2
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def test_declared_size_over_the_limit_is_a_zip_bomb() -> None:
    data = zipped({**valid_members(), "word/media/big.bin": os.urandom(300_000)}, zipfile.ZIP_STORED)
    with pytest.raises(InputError, match=r"zip bomb suspected: .* MB uncompressed \(limit 0.2 MB\)"):
        read_docx_bytes(data, path="bomb.docx", max_uncompressed=200_000)
    assert read_docx_bytes(data, path="ok.docx").blocks[0].text == "Văn bản"


def test_bad_docx_through_the_cli_exits_1_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 truncated")
    result = cli(str(path))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "broken.docx" in lines[0] and "Traceback" not in result.output
    with pytest.raises(InputError, match="not a zip archive"):
        parse_file(path)


def test_batch_finds_word_files() -> None:
    from cchc_parse.formats import INPUT_SUFFIXES

    assert {".docx", ".doc"} <= INPUT_SUFFIXES


def test_good_docx_through_the_cli(tmp_path: Path) -> None:
    path = write_docx(tmp_path / "plan.docx", PLAN_BODY, numbering=OUTLINE + num(1, 0))
    result = cli(str(path), "--compact")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["format"] == "docx"
    assert [s["label"] for s in data["sections"]] == ["I", "II", "III"]


# --- legacy .doc --------------------------------------------------------------------------------------------


def fake_soffice(folder: Path, script: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Put a stand-in 'soffice' (a shell script) first on PATH."""
    folder.mkdir()
    exe = folder / "soffice"
    exe.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ.get('PATH', os.defpath)}")


def test_doc_without_libreoffice_is_unsupported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_MAGIC + bytes(100))
    with pytest.raises(UnsupportedFormatError) as caught:
        parse_file(path)
    assert caught.value.reason == NO_SOFFICE
    result = cli(str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {path}: {NO_SOFFICE}\n"  # one line, no traceback


def test_doc_is_converted_with_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    converted = write_docx(tmp_path / "converted.docx", PLAN_BODY, numbering=OUTLINE + num(1, 0))
    # soffice … --convert-to docx --outdir DIR FILE: the outdir is argument 6, the .doc the last one
    log = tmp_path / "arguments.txt"
    fake_soffice(
        tmp_path / "bin", f'printf "%s\\n" "$@" >> "{log}"\ncp "{converted}" "$6/old.docx"', monkeypatch
    )
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_MAGIC + b" legacy bytes")
    doc = parse_file(path)
    assert doc.source.format == "doc"
    assert doc.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.plan.number == "45/KH-SNV" and len(doc.sections) == 3
    parse_file(path)
    first, second = (log.read_text(encoding="utf-8").split("\n")[i : i + 7] for i in (0, 7))
    # a private LibreOffice profile per conversion, in the temporary directory that is removed after it:
    # parallel runs (batch --jobs, CI) never share one, nor touch the user's own LibreOffice
    assert first[0].startswith("-env:UserInstallation=file:///") and first[0] != second[0]
    assert first[1:5] == ["--headless", "--convert-to", "docx", "--outdir"]
    assert first[0].removeprefix("-env:UserInstallation=file://").startswith(first[5])
    assert not Path(first[5]).exists()
    assert first[6] == str(path.resolve())


@pytest.mark.parametrize(
    ("script", "reason"),
    [
        ("exit 1", "LibreOffice could not convert the file"),
        ("sleep 5", "did not convert the file within 0.5 s"),
    ],
)
def test_doc_conversion_failures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, reason: str
) -> None:
    fake_soffice(tmp_path / "bin", script, monkeypatch)
    path = tmp_path / "old.doc"
    path.write_bytes(OLE_MAGIC)
    with pytest.raises(InputError, match=reason):
        read_doc_file(str(path), timeout=0.5)


def test_a_docx_named_doc_needs_no_libreoffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "nothing-here"))
    path = write_docx(tmp_path / "renamed.doc", para("I. MỤC ĐÍCH"))
    doc = read_doc_file(str(path))
    assert doc.format == "doc" and [b.text for b in doc.blocks] == ["I. MỤC ĐÍCH"]


# --- legacy .doc through a real LibreOffice -----------------------------------------------------------------

needs_soffice = pytest.mark.skipif(
    find_soffice() is None,
    reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer",
)


@pytest.fixture(scope="module")
def real_doc(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The plan of PLAN_BODY as .docx, and the same saved as a Word 97-2003 .doc by LibreOffice."""
    folder = tmp_path_factory.mktemp("real-doc")
    source = write_docx(folder / "ke-hoach.docx", PLAN_BODY, numbering=OUTLINE + num(1, 0))
    soffice = find_soffice()
    assert soffice is not None
    profile = (folder / "profile").as_uri()  # private: no clash with another LibreOffice running
    command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "doc"]
    subprocess.run(
        [*command, "--outdir", str(folder / "doc"), str(source)], check=True, capture_output=True, timeout=180
    )
    path = folder / "doc" / "ke-hoach.doc"
    assert path.read_bytes().startswith(OLE_MAGIC)  # a real OLE compound file, not a renamed .docx
    return source, path


def _outline(doc: PlanDocument) -> list[tuple[str, str]]:
    def walk(sections: list[Section]) -> list[tuple[str, str]]:
        return [pair for s in sections for pair in [(s.path, s.title), *walk(s.children)]]

    return walk(doc.sections)


def _task_rows(doc: PlanDocument) -> list[tuple[object, ...]]:
    return [(t.origin, t.section, t.text, t.lead, t.partners, t.deadline) for t in doc.tasks]


@needs_soffice
def test_a_real_doc_parses_like_the_docx_it_was_saved_from(real_doc: tuple[Path, Path]) -> None:
    source, path = real_doc
    expected = parse_file(source)
    doc = parse_file(path)
    assert doc.source.format == "doc"
    assert doc.source.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert doc.plan.model_dump() == expected.plan.model_dump()
    assert doc.plan.number == "45/KH-SNV"
    assert _outline(doc) == _outline(expected)
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "MỤC ĐÍCH, YÊU CẦU"),
        ("II", "NHIỆM VỤ"),
        ("III", "TỔ CHỨC THỰC HIỆN"),
    ]  # Word's automatic numbering survives the trip through .doc
    assert _task_rows(doc) == _task_rows(expected)
    assert [(t.text, t.lead) for t in doc.tasks if t.origin == "table"] == [
        ("Rà soát văn bản quy phạm pháp luật", ["Văn phòng Sở"]),
        ("Kiểm tra việc thực hiện văn bản", ["Văn phòng Sở"]),
    ]


@needs_soffice
def test_a_real_doc_through_the_cli(real_doc: tuple[Path, Path]) -> None:
    source, path = real_doc
    result = cli(str(path), "--compact")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["format"] == "doc"
    expected = parse_file(source).model_dump(mode="json")
    # spans left out: body paragraph numbers could shift with what another LibreOffice version writes
    for key in ("sections", "tasks", "indicators"):
        assert _without_spans(data[key]) == _without_spans(expected[key]), key
    assert len(data["sections"]) == 3 and len(data["tasks"]) == 4


def _without_spans(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_spans(v) for k, v in value.items() if k != "span"}
    if isinstance(value, list):
        return [_without_spans(v) for v in value]
    return value

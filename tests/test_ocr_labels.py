"""Labels Tesseract misread on OCR'd lines, put right by the numbering around them (readers/ocr_labels.py).

The misreadings are Tesseract's on 31.3.2026_BB_kiemtra_Kho-VLNCN (a six-page scan of inspection minutes).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_parse.readers import ocr as ocr_module
from cchc_parse.readers.ocr_labels import fix_misread_labels
from cchc_parse.readers.ocr_lines import plain_lines
from cchc_parse.readers.pdf_page import PdfLine, Segment
from reading import OcrCall, read_pdf, stub_ocr

BROKEN = Path(__file__).parent / "fixtures" / "pdf" / "BB-ktra-kho-Mong-Son.pdf"


def lines_of(*texts: str) -> list[PdfLine]:
    return [
        PdfLine(n, text, None, [Segment(text, (0, 0, 100, 10))] if text else [])
        for n, text in enumerate(texts, 1)
    ]


def fixed(*texts: str) -> list[str]:
    return [line.text for line in fix_misread_labels(lines_of(*texts))]


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (  # "II." read as "H.", "III." as "HII." (one stroke too many), "1." as "I."
            [
                "I. THÀNH PHẦN",
                "1. Đại diện Sở",
                "H. THỜI GIAN, ĐỊA ĐIỂM KIỂM TRA",
                "1. Thời gian",
                "2. Địa điểm",
            ],
            [
                "I. THÀNH PHẦN",
                "1. Đại diện Sở",
                "II. THỜI GIAN, ĐỊA ĐIỂM KIỂM TRA",
                "1. Thời gian",
                "2. Địa điểm",
            ],
        ),
        (
            ["II. THỜI GIAN", "HII. CĂN CỨ KIỂM TRA", "I. Căn cứ các quy định", "2. Căn cứ các Nghị định"],
            ["II. THỜI GIAN", "III. CĂN CỨ KIỂM TRA", "1. Căn cứ các quy định", "2. Căn cứ các Nghị định"],
        ),
        (  # "11." read as "I1.", between "10." and "12."
            ["10. Văn bản thông báo", "I1. Căn cứ quy định pháp luật khác", "12. Căn cứ các Quy chuẩn"],
            ["10. Văn bản thông báo", "11. Căn cứ quy định pháp luật khác", "12. Căn cứ các Quy chuẩn"],
        ),
        (  # QD-2170-2026 read by OCR: specks before the article and a legal basis
            ["QUYẾT ĐỊNH:", "__ Điều 1. Chấp thuận chủ trương", "____ Căn cứ Văn bản số 591-CV/ĐU"],
            ["QUYẾT ĐỊNH:", "Điều 1. Chấp thuận chủ trương", "Căn cứ Văn bản số 591-CV/ĐU"],
        ),
        (  # QD-2170-2026 read with --ocr always: a dot between the words of the document type
            ["Số: 2170 /QĐ-UBND", "QUYÉT. ĐỊNH CHÁP THUẬN CHỦ TRƯƠNG", "KT. CHỦ TỊCH", "TP. HỒ CHÍ MINH"],
            ["Số: 2170 /QĐ-UBND", "QUYÉT ĐỊNH CHÁP THUẬN CHỦ TRƯƠNG", "KT. CHỦ TỊCH", "TP. HỒ CHÍ MINH"],
        ),
        (  # "IV." read as "TV.", a comma for the dot
            ["III. NỘI DUNG", "1. Một", "TV, TỔ CHỨC THỰC HIỆN"],
            ["III. NỘI DUNG", "1. Một", "IV. TỔ CHỨC THỰC HIỆN"],
        ),
    ],
)
def test_misread_labels_are_put_right_by_the_sequence(texts: list[str], expected: list[str]) -> None:
    assert fixed(*texts) == expected


@pytest.mark.parametrize(
    "texts",
    [
        ["I. Mục đích, yêu cầu", "1. Mục đích", "2. Yêu cầu"],  # a Roman heading in lower case stays
        ["I. MỤC ĐÍCH", "I. KẾ HOẠCH"],  # a label that reads right is never changed
        ["1. Một", "I. Căn cứ", "3. Ba"],  # the items around it do not confirm "2."
        ["VII. KINH PHÍ", "H. THỜI GIAN"],  # "H." is not the strokes of "VIII."
        ["HII. CĂN CỨ"],  # nor, first, of "I."
    ],
)
def test_labels_the_sequence_does_not_confirm_stay(texts: list[str]) -> None:
    assert fixed(*texts) == texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # CV-7432 read by OCR: the day typed into a field by the signing software
        ("Lào Cai, ngày 2] tháng 7 năm 2026", "Lào Cai, ngày 21 tháng 7 năm 2026"),
        ("Hà Nội, ngày I5 tháng l2 năm 2025", "Hà Nội, ngày 15 tháng 12 năm 2025"),
        ("Lào Cai, ngày I7tháng 7 năm 2026", "Lào Cai, ngày 17tháng 7 năm 2026"),  # CV-6791: no space
        ("ngày 21 tháng 7 năm 2026", "ngày 21 tháng 7 năm 2026"),
        ("Só:6791 /SNNMT-KHTC.", "Số:6791 /SNNMT-KHTC."),  # CV-6791 read with --ocr always
        ("Sô: /KH-UBND", "Số: /KH-UBND"),
        ("Số lượng: 12", "Số lượng: 12"),
        ("ngày l tháng", "ngày l tháng"),  # no date
    ],
)
def test_misread_number_lines_days_and_months_are_put_right(text: str, expected: str) -> None:
    (line,) = fix_misread_labels(lines_of(text))
    assert line.text == line.segments[0].text == expected


def test_the_first_segment_is_relabelled_with_the_text() -> None:
    out = fix_misread_labels(lines_of("I. A", "H. CĂN CỨ", ""))
    assert out[1].text == out[1].segments[0].text == "II. CĂN CỨ"
    assert out[2] == PdfLine(3, "")


def test_the_pdf_reader_puts_labels_right_across_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # page 2 goes on numbering page 1's items: "I1." between "10." (page 1) and "12." (page 2)
    pages = [
        "III. CĂN CỨ KIỂM TRA\n\nI. Căn cứ Luật số 55/2024/QH15;\n\n2. Căn cứ Nghị định\n\n10. Văn bản",
        "I1. Căn cứ quy định pháp luật khác\n\n12. Căn cứ các Quy chuẩn\n\nTV. KẾT QUẢ KIỂM TRA",
        "Biên bản được lập thành hai bản.",
    ]
    calls: list[OcrCall] = []
    monkeypatch.setattr(
        ocr_module, "ocr_page_lines", stub_ocr(lambda page, dpi: plain_lines(pages[page]), calls)
    )
    document = read_pdf(BROKEN, repair="never")  # three pages of broken text: all OCR'd
    labels = [b.text.split()[0] for b in document.body if b.label is not None]
    assert labels == ["III.", "1.", "2.", "10.", "11.", "12.", "IV."]

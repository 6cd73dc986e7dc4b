"""OCR'd lines with positions (readers/ocr_lines.py) and page 1's two-column header read from them.

A hand-written Tesseract TSV checks the parsing, the rows the header is read from and the header table; real
Tesseract runs check scanned fixtures: a two-column header becomes the same table as from a text layer, a
centred motto stays lines.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]
import pytest
from PIL import Image
from rapidfuzz import fuzz

from cchc_parse import parse_file
from cchc_parse.pipeline import build_plan_document
from cchc_parse.readers import ocr as ocr_module
from cchc_parse.readers.ocr import ocr_page_lines, tesseract_available
from cchc_parse.readers.ocr_lines import head_rows, lines_text, parse_tsv, plain_lines
from cchc_parse.readers.pdf import _ocr_with_header
from cchc_parse.readers.pdf_page import PdfLine, Segment
from cchc_parse.readers.pdf_tables import PdfTable
from reading import OcrCall, read_pdf, stub_ocr

PDFS = Path(__file__).parent / "fixtures" / "pdf"
SCAN_HEADER = PDFS / "GP-2507-GP-UBND-21-7-2026-scan-page1.pdf"  # a scan with a two-column header
SCAN_MOTTO = PDFS / "scan-page1.pdf"  # a scanned record: the motto centred, no issuer column
BROKEN = PDFS / "BB-ktra-kho-Mong-Son.pdf"  # a record with a broken text layer, the motto centred too
GOOD = PDFS / "QD-1074-QD-BXD-29-6-2026.pdf"  # a good text layer with a two-column header

requires_tesseract = pytest.mark.skipif(
    not tesseract_available("vie"),
    reason="needs Tesseract with the Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie",
)

SCALE = 72 / 300  # points per pixel at 300 dpi
WIDTH = 595.0  # A4 in points: 2480 px at 300 dpi
HEAD = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext"
CHAR, SPACE = 30, 25  # pixels a letter and a space take in the hand-written TSV


def tsv_rows(block: int, par: int, line: int, left: int, top: int, text: str) -> list[str]:
    """Tesseract's TSV rows for one line: a line row, then a row per word, words laid out left to right."""
    rows = [f"4\t1\t{block}\t{par}\t{line}\t0\t{left}\t{top}\t0\t50\t-1\t"]
    for number, word in enumerate(text.split(" "), 1):
        width = CHAR * len(word)
        rows.append(f"5\t1\t{block}\t{par}\t{line}\t{number}\t{left}\t{top}\t{width}\t50\t96.5\t{word}")
        left += width + SPACE
    return rows


# The header's columns are blocks of their own, the left one read first, as Tesseract often reads them;
# a speck above the header and a rule under the motto (a word of white space) are read too.
PAGE = [
    HEAD,
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
    *tsv_rows(1, 1, 1, 120, 90, "'"),
    *tsv_rows(2, 1, 1, 300, 200, "UBND TỈNH SƠN LA"),
    *tsv_rows(2, 1, 2, 380, 260, "SỞ XÂY DỰNG"),
    *tsv_rows(2, 2, 1, 330, 340, "Số: 122/KH-SXD"),
    *tsv_rows(3, 1, 1, 1150, 205, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    *tsv_rows(3, 1, 2, 1300, 265, "Độc lập - Tự do - Hạnh phúc"),
    "5\t1\t4\t1\t1\t1\t1300\t320\t700\t4\t95.0\t ",
    *tsv_rows(5, 1, 1, 1250, 345, "Son La, ngày 04 tháng 8 năm 2025"),
    *tsv_rows(6, 1, 1, 1050, 500, "KẾ HOẠCH"),
    *tsv_rows(6, 2, 1, 300, 600, "Tuyên truyền công tác cải cách hành chính năm 2025 của Sở Xây dựng"),
    *tsv_rows(6, 2, 2, 300, 660, "tỉnh Sơn La."),
]
TSV = "\n".join(PAGE) + "\n"


# --- parsing -----------------------------------------------------------------------------------------


def test_parse_tsv_gives_tesseracts_lines_with_segments() -> None:
    lines = parse_tsv(TSV, SCALE)
    assert [line.number for line in lines] == list(range(1, len(lines) + 1))
    assert lines_text(lines).split("\n") == [
        "'",
        "",
        "UBND TỈNH SƠN LA",
        "SỞ XÂY DỰNG",
        "",
        "Số: 122/KH-SXD",
        "",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "",  # the rule's paragraph had only white space: no line of its own, as in Tesseract's text
        "Son La, ngày 04 tháng 8 năm 2025",
        "",
        "KẾ HOẠCH",
        "",
        "Tuyên truyền công tác cải cách hành chính năm 2025 của Sở Xây dựng",
        "tỉnh Sơn La.",
    ]
    first = lines[2]
    assert first.box is None  # OCR'd lines are laid out by Tesseract's paragraphs, not by indents
    assert [s.text for s in first.segments] == ["UBND TỈNH SƠN LA"]
    x0, top, x1, bottom = first.segments[0].box
    assert (x0, top, bottom) == pytest.approx((300 * SCALE, 200 * SCALE, 250 * SCALE))
    assert x1 == pytest.approx((300 + CHAR * 13 + SPACE * 3) * SCALE)
    assert all(not line.segments for line in lines if not line.text)


def test_parse_tsv_splits_a_line_at_a_wide_gap() -> None:
    left = tsv_rows(1, 1, 1, 300, 200, "UBND TỈNH SƠN LA")
    right = tsv_rows(1, 1, 1, 1150, 205, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")[1:]  # on the same line
    lines = parse_tsv("\n".join([HEAD, *left, *right]), SCALE)
    assert [line.text for line in lines] == ["UBND TỈNH SƠN LA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert [s.text for s in lines[0].segments] == ["UBND TỈNH SƠN LA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]


def test_parse_tsv_tolerates_odd_input() -> None:
    assert parse_tsv("", SCALE) == []
    assert parse_tsv(HEAD + "\n", SCALE) == []
    odd = "\r\n".join(
        [HEAD, "5\t1\t1\t1\t1\t1\tx\t0\t10\t10\t90\tbad", "5\t1\t1\t1\t1\t2\t0\t0\t10\t10\t90\tgood"]
    )
    lines = parse_tsv(odd, 1.0)
    assert [line.text for line in lines] == ["good"]
    nfd = parse_tsv(HEAD + "\n5\t1\t1\t1\t1\t1\t0\t0\t10\t10\t90\tKe\u0302\u0301", 1.0)
    assert nfd[0].text == nfd[0].segments[0].text == "Kế"


def test_plain_lines_keep_blank_lines_and_have_no_positions() -> None:
    lines = plain_lines("Trang 1\n\nCông ty  cổ phần\n")
    assert [(line.number, line.text, line.segments) for line in lines] == [
        (1, "Trang 1", []),
        (2, "", []),
        (3, "Công ty cổ phần", []),
        (4, "", []),
    ]


# --- the header ----------------------------------------------------------------------------------------


def test_head_rows_put_the_columns_side_by_side() -> None:
    lines = parse_tsv(TSV, SCALE)
    rows = head_rows(lines)
    assert [row.text for row, _ in rows[:4]] == [
        "UBND TỈNH SƠN LA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ XÂY DỰNG Độc lập - Tự do - Hạnh phúc",
        "Số: 122/KH-SXD Son La, ngày 04 tháng 8 năm 2025",
        "KẾ HOẠCH",
    ]  # the speck is no row
    assert [members for _, members in rows[:3]] == [[2, 7], [3, 8], [5, 10]]
    assert [row.number for row, _ in rows] == list(range(1, len(rows) + 1))
    assert [len(row.segments) for row, _ in rows[:4]] == [2, 2, 2, 1]


def test_ocr_header_becomes_a_two_column_table() -> None:
    items = _ocr_with_header(parse_tsv(TSV, SCALE), WIDTH)
    table = items[0]
    assert isinstance(table, PdfTable)
    assert table.header
    assert table.rows == [
        ["UBND TỈNH SƠN LA\nSỞ XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        ["Số: 122/KH-SXD", "Son La, ngày 04 tháng 8 năm 2025"],
    ]
    assert table.row_lines == [(1, 2), (3, 3)]
    rest = items[1:]
    assert all(isinstance(item, PdfLine) for item in rest)
    # the header's lines, the speck above it and the blank lines before the title are gone; numbering goes on
    assert [(item.number, item.text) for item in rest if isinstance(item, PdfLine)] == [
        (4, "KẾ HOẠCH"),
        (5, ""),
        (6, "Tuyên truyền công tác cải cách hành chính năm 2025 của Sở Xây dựng"),
        (7, "tỉnh Sơn La."),
    ]


def test_a_speck_left_of_the_issuer_is_no_column_of_the_header() -> None:
    # CV-6791 read by OCR: a speck "-" stood left of "UBND TỈNH LÀO CAI." and was taken for the left column,
    # so the issuer stood in the middle and no header was found
    lines = [
        PdfLine(
            1, "", None, [Segment("-", (78, 71, 81, 73)), Segment("UBND TỈNH LÀO CAI.", (119, 57, 264, 73))]
        ),
        PdfLine(2, "", None, [Segment("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", (308, 57, 557, 71))]),
        PdfLine(3, "", None, [Segment("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", (68, 72, 287, 85))]),
        PdfLine(4, "", None, [Segment("Độc lập - Tự do - Hạnh phúc", (353, 74, 512, 85))]),
        PdfLine(5, "", None, [Segment("Kính gửi: Sở Công thương tỉnh Lào Cai", (205, 162, 427, 175))]),
    ]
    items = _ocr_with_header([replace(x, text=" ".join(s.text for s in x.segments)) for x in lines], 595)
    table = items[0]
    assert isinstance(table, PdfTable)
    assert table.rows == [
        [
            "UBND TỈNH LÀO CAI.\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
            "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
        ]
    ]


def test_ocr_page_without_header_columns_keeps_its_lines() -> None:
    lines = parse_tsv(
        "\n".join([HEAD, *tsv_rows(1, 1, 1, 800, 200, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")]), SCALE
    )
    assert _ocr_with_header(lines, WIDTH) == lines
    plain = plain_lines("UBND TỈNH SƠN LA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")  # no positions: no header
    assert _ocr_with_header(plain, WIDTH) == plain


def _scan(path: Path) -> Path:
    """A one-page PDF holding a blank A4 image: no text layer, so the reader OCRs it."""
    Image.new("L", (595, 842), 255).save(path, "PDF", resolution=72)
    return path


@pytest.mark.parametrize("repair", ["never", "auto"])
def test_ocrd_header_gives_the_metadata(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repair: str) -> None:
    calls: list[OcrCall] = []
    stub = stub_ocr(lambda page, dpi: parse_tsv(TSV, 72 / dpi), calls)
    monkeypatch.setattr(ocr_module, "ocr_page_lines", stub)
    path = _scan(tmp_path / "scan.pdf")
    document = read_pdf(path, repair=repair)
    assert calls == [([0], 1)]
    table = document.body[0]
    assert table.kind == "table"
    assert (table.page, table.source_start, table.source_end) == (1, 1, 3)
    place = "Sơn La" if repair == "auto" else "Son La"  # the repair marks the segment's words too
    assert table.rows[1] == ["Số: 122/KH-SXD", f"{place}, ngày 04 tháng 8 năm 2025"]
    assert (document.body[1].text, document.body[1].source_start) == ("KẾ HOẠCH", 4)
    plan = parse_file(path, repair=repair).plan  # type: ignore[arg-type]
    assert (plan.number, plan.issuer, plan.parent_issuer) == ("122/KH-SXD", "Sở Xây dựng", "UBND tỉnh Sơn La")
    assert (plan.place, plan.issued_date) == (place, date(2025, 8, 4))


# --- real Tesseract ------------------------------------------------------------------------------------


def _similar(expected: str, text: str) -> float:
    return fuzz.ratio(expected, text) / 100


def _width(path: Path) -> float:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return float(pdf[0].get_size()[0])
    finally:
        pdf.close()


@requires_tesseract
def test_scanned_two_column_header_becomes_a_table() -> None:
    document = read_pdf(SCAN_HEADER)
    assert document.ocr_pages == {1}
    assert document.body[0].page == 1
    table = document.body[0]
    assert table.kind == "table"
    assert table.row_lines == [(1, 2), (3, 3)]
    expected = [
        ["ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"],
        ["Số: 2507/GP-UBND", "Lào Cai, ngày 21 tháng 7 năm 2026"],
    ]
    assert [len(row) for row in table.rows] == [2, 2]
    for want_row, row in zip(expected, table.rows, strict=True):
        for want, cell in zip(want_row, row, strict=True):
            assert _similar(want, cell) >= 0.9, (want, cell)
    assert _similar("GIẤY PHÉP SỬ DỤNG VẬT LIỆU NỔ CÔNG NGHIỆP", document.body[1].text) >= 0.8
    assert document.body[1].source_start == 4
    plan = build_plan_document(document).plan
    assert (plan.number, plan.place, plan.issued_date) == ("2507/GP-UBND", "Lào Cai", date(2026, 7, 21))
    # Tesseract reads the underlined "TỈNH" as "TĨNH", a syllable the repair keeps: compare without case
    assert plan.issuer is not None
    assert _similar("ủy ban nhân dân tỉnh lào cai", plan.issuer.casefold()) >= 0.9


@requires_tesseract
def test_ocrd_header_matches_the_text_layers() -> None:
    layer = read_pdf(GOOD, ocr="never").blocks[0]
    lines = ocr_page_lines(str(GOOD), [0])[0]
    table = _ocr_with_header(lines, _width(GOOD))[0]
    assert isinstance(table, PdfTable)
    assert table.row_lines == layer.row_lines == [(1, 2), (3, 3)]
    assert [len(row) for row in table.rows] == [len(row) for row in layer.rows] == [2, 2]
    for want_row, row in zip(layer.rows, table.rows, strict=True):
        for want, cell in zip(want_row, row, strict=True):
            assert _similar(want, cell) >= 0.9, (want, cell)


@requires_tesseract
@pytest.mark.parametrize("path", [SCAN_MOTTO, BROKEN], ids=["scan", "broken-layer"])
def test_centred_motto_stays_lines(path: Path) -> None:
    lines = ocr_page_lines(str(path), [0])[0]
    items = _ocr_with_header(lines, _width(path))
    assert items == lines  # no issuer column beside the motto: no header table
    texts = [line.text for line in lines if isinstance(line, PdfLine) and line.text]
    assert _similar("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", texts[0]) >= 0.9
    assert _similar("Độc lập - Tự do - Hạnh phúc", texts[1]) >= 0.9

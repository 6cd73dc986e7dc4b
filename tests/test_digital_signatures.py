"""Digital signatures' stamps: read into plan.digital_signatures from PDF widgets and from lines of a text,
kept off the body, and a scan page whose only text is a stamp is OCR'd."""

from __future__ import annotations

import ctypes
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped, unused-ignore]
import pytest

from cchc_parse import parse_file, parse_text
from cchc_parse.api import read_document
from cchc_parse.document import Block
from cchc_parse.extract.digital_signatures import read_signatures, signing_date, signing_time
from cchc_parse.models import DigitalSignature
from cchc_parse.normalize.boilerplate import stamp_runs
from cchc_parse.readers.ocr import tesseract_available
from cchc_parse.readers.pdf import _read_pages, page_state

SCAN = Path(__file__).parent / "fixtures" / "pdf" / "scan-page1.pdf"  # a real scan page, no text layer
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
VN = timezone(timedelta(hours=7))

# the stamp a Vietnamese signing application prints on page 1 (VGCA style)
STAMP = [
    "Ký bởi: Sở Công Thương",
    "Email: sct@laocai.gov.vn",
    "Cơ quan: Tỉnh Lào Cai",
    "Thời gian ký: 08.06.2026 16:20:05 +07:00",
]


def furniture(*lines: str, page: int = 1) -> Block:
    return Block("paragraph", "\n".join(lines), page=page, layer="furniture", role="furniture")


def signed_scan(path: Path, stamp: list[str], source: Path = SCAN) -> Path:
    """``source``'s page 1 with a stamp annotation showing ``stamp`` (a line each) in its top right corner,
    as signing software adds it to a scanned page: the page's only text."""
    if not FONT.exists():
        pytest.skip(f"no {FONT} to write Vietnamese text with")
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(pdfium.PdfDocument(str(source)), [0])
    data = FONT.read_bytes()
    buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
    font = pdfium_c.FPDFText_LoadFont(pdf.raw, buffer, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True)
    page = pdf[0]
    height = page.get_size()[1]
    annot = pdfium_c.FPDFPage_CreateAnnot(page.raw, pdfium_c.FPDF_ANNOT_STAMP)
    x, top = 380.0, 40.0
    rect = pdfium_c.FS_RECTF(x - 2, height - top + 12, x + 220, height - top - 12 * len(stamp))
    pdfium_c.FPDFAnnot_SetRect(annot, rect)
    for k, text in enumerate(stamp):
        obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, ctypes.c_float(8))
        chars = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(chars, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, height - top - 10 * k)
        pdfium_c.FPDFAnnot_AppendObject(annot, obj)
    pdfium_c.FPDFPage_CloseAnnot(annot)
    page.close()
    pdf.save(str(path))
    return path


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("08.06.2026 16:20:05 +07:00", datetime(2026, 6, 8, 16, 20, 5, tzinfo=VN)),  # VGCA
        ("2026.01.10 15:20:11 +07'00'", datetime(2026, 1, 10, 15, 20, 11, tzinfo=VN)),  # Adobe
        ("2026-03-27T15:30:12+07:00", datetime(2026, 3, 27, 15, 30, 12, tzinfo=VN)),  # ISO
        ("27/03/2026 15:31", datetime(2026, 3, 27, 15, 31)),  # no offset: naive
        ("15:04:12 29/06/2026", datetime(2026, 6, 29, 15, 4, 12)),  # the clock first
        ("29.06.2026 15:04:12 GMT+7", datetime(2026, 6, 29, 15, 4, 12, tzinfo=VN)),
        ("10-01-2024", datetime(2024, 1, 10)),  # a date alone: midnight
        ("31/02/2026 10:00", None),  # no such day
        ("hôm qua", None),
    ],
)
def test_signing_time(printed: str, expected: datetime | None) -> None:
    assert signing_time(printed) == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # one stamp, its fields a line each
            STAMP,
            [("Sở Công Thương", "Tỉnh Lào Cai", "sct@laocai.gov.vn", "08.06.2026 16:20:05 +07:00")],
        ),
        (  # two stamps: the person, then the office that issued the document
            [
                "Người ký: Hoàng Văn Thuân",
                "Thời gian ký: 31.03.2026 09:12:40 +07:00",
                "Ký bởi: Sở Công Thương tỉnh Lào Cai",
                "Thời gian ký: 31.03.2026 10:01:02 +07:00",
            ],
            [
                ("Hoàng Văn Thuân", None, None, "31.03.2026 09:12:40 +07:00"),
                ("Sở Công Thương tỉnh Lào Cai", None, None, "31.03.2026 10:01:02 +07:00"),
            ],
        ),
        (  # Adobe's stamp: no colon after its signer's label
            ["Digitally signed by Nguyen Van A", "Date: 2026.01.10 15:20:11 +07'00'"],
            [("Nguyen Van A", None, None, "2026.01.10 15:20:11 +07'00'")],
        ),
        (  # a second time field opens a second stamp; an address alone is the e-mail
            ["Thời gian ký: 01.07.2026 08:00:00", "<vanthu@sct.gov.vn>", "Thời gian ký: 02.07.2026 08:00:00"],
            [
                (None, None, "vanthu@sct.gov.vn", "01.07.2026 08:00:00"),
                (None, None, None, "02.07.2026 08:00:00"),
            ],
        ),
        (["Email: a@b.vn"], []),  # an address alone names nobody and no time
        (["Thời gian: quý II/2026", "Phối hợp: Sở Nội vụ"], []),  # no stamp: no date in it
    ],
)
def test_stamps_are_read_from_furniture(
    lines: list[str], expected: list[tuple[str | None, str | None, str | None, str | None]]
) -> None:
    records = read_signatures([furniture(*lines)])
    assert [(r.signer, r.organisation, r.email, r.time_text) for r in records] == expected
    assert all(r.page == 1 for r in records)


def test_body_lines_are_no_stamp_and_a_stamp_read_twice_is_one() -> None:
    body = Block("paragraph", "Thời gian ký: 08.06.2026 16:20:05 +07:00")  # on the body: the plan's text
    assert read_signatures([body]) == []
    ocr_line = furniture("Ký bởi: Sở Công Thương")  # the OCR of the page read one line of the widget
    records = read_signatures([ocr_line, furniture(*STAMP)])
    assert [r.signer for r in records] == ["Sở Công Thương"]
    assert records[0].email == "sct@laocai.gov.vn"


def test_signing_date_is_the_earliest_day() -> None:
    records = [
        DigitalSignature(signer="a", time=datetime(2026, 3, 31, 10, 1, tzinfo=VN)),
        DigitalSignature(signer="b", time=datetime(2026, 3, 30, 23, 59, tzinfo=VN)),
        DigitalSignature(signer="c"),
    ]
    assert str(signing_date(records)) == "2026-03-30"
    assert signing_date([DigitalSignature(signer="c")]) is None


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Nội dung.", "Ký bởi: Sở Nội vụ", "Email: snv@hanoi.gov.vn", "Hết."], {1, 2}),
        (["Ký bởi: Sở Nội vụ", "", "Thời gian ký: 07.12.2026 10:15:20 +07:00"], {0, 2}),  # blank between
        (
            ["Liên hệ: bà Lan, phòng CCHC.", "Email: cchc@hanoi.gov.vn", "Điện thoại: 0243"],
            set(),
        ),  # a contact
    ],
)
def test_stamp_runs_in_a_text(texts: list[str], expected: set[int]) -> None:
    assert stamp_runs(texts) == expected


def test_a_text_s_stamp_is_furniture_and_dates_a_document_without_a_printed_date() -> None:
    text = "\n\n".join(
        [
            "UBND TỈNH LÀO CAI",
            "Số: /KH-UBND",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026",
            "Nội dung kế hoạch.",
            "Ký bởi: Ủy ban nhân dân tỉnh Lào Cai",
            "Thời gian ký: 07.12.2026 10:15:20 +07:00",
        ]
    )
    result = parse_text(text, path="plan.txt")
    assert [s.signer for s in result.plan.digital_signatures] == ["Ủy ban nhân dân tỉnh Lào Cai"]
    assert str(result.plan.issued_date) == "2026-12-07"  # no place-date line: the signing day
    assert all("Ký bởi" not in s.title for s in result.sections)


def test_a_printed_date_wins_over_the_signing_day() -> None:
    text = "\n\n".join(
        [
            "Lào Cai, ngày 05 tháng 12 năm 2026",
            "KẾ HOẠCH",
            "Cải cách hành chính năm 2026",
            "Ký bởi: Ủy ban nhân dân tỉnh Lào Cai",
            "Thời gian ký: 07.12.2026 10:15:20 +07:00",
        ]
    )
    assert str(parse_text(text, path="plan.txt").plan.issued_date) == "2026-12-05"


def test_a_scan_page_whose_only_text_is_a_stamp_is_a_scan(tmp_path: Path) -> None:
    path = signed_scan(tmp_path / "signed.pdf", [*STAMP[:1], "tỉnh Lào Cai", *STAMP[1:]])
    page = _read_pages(str(path), 10)[0]
    assert page_state(page) == "missing"
    assert (
        [(line.text, line.stamp) for line in page.lines]
        == [
            ("Ký bởi: Sở Công Thương tỉnh Lào Cai", True),  # its wrapped value joined to it
            *((line, True) for line in STAMP[1:]),
        ]
    )


@pytest.mark.skipif(not tesseract_available("vie"), reason="needs tesseract with the vie model")
def test_a_signed_scan_is_ocr_d_and_keeps_its_stamp(tmp_path: Path) -> None:
    result = parse_file(signed_scan(tmp_path / "signed.pdf", STAMP))
    assert result.source.ocr
    assert [(s.signer, s.organisation, s.email, s.time, s.page) for s in result.plan.digital_signatures] == [
        ("Sở Công Thương", "Tỉnh Lào Cai", "sct@laocai.gov.vn", datetime(2026, 6, 8, 16, 20, 5, tzinfo=VN), 1)
    ]
    assert str(result.plan.issued_date) == "2026-06-08"
    body = " ".join(block.text for block in read_document(tmp_path / "signed.pdf").body)
    assert "Yên Thành" in body  # the scan's own text, read by OCR
    assert "Ký bởi" not in body and "sct@laocai" not in body  # the stamp is furniture, however read

"""OCR of PDF pages (readers/ocr.py): text quality score, rendering, Tesseract runs, errors."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont
from rapidfuzz import fuzz

from cchc_parse.api import parse_file
from cchc_parse.errors import InputError
from cchc_parse.readers import ocr
from cchc_parse.readers import text_quality as quality_module
from cchc_parse.readers.ocr import (
    OcrUnavailableError,
    ocr_image,
    ocr_page_lines,
    ocr_pages,
    render_page,
    tesseract_available,
    text_quality,
)
from cchc_parse.readers.ocr_image import without_coloured_ink
from cchc_parse.readers.pdf_page import PdfLine

FIXTURES = Path(__file__).parent / "fixtures"
SCAN_PAGE = FIXTURES / "pdf" / "scan-page1.pdf"
PLANS = FIXTURES / "plans"

requires_tesseract = pytest.mark.skipif(
    not tesseract_available("vie"),
    reason="needs Tesseract with the Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie",
)

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf",
)


# --- text_quality --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Cộng hoà xã hội chủ nghĩa Việt Nam. Độc lập - Tự do - Hạnh phúc", 1.0, 1.0),
        ("Kế hoạch cải cách hành chính năm 2026 của Ủy ban nhân dân tỉnh", 1.0, 1.0),
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 1.0, 1.0),
        # OCR without the Vietnamese model, or with marks lost: lower.
        ("Tuyén truyén cong tic cai cach hanh chinh", 0.4, 0.75),
        ("CQNG HOA XA HOr CHir NGHIA VrpT NAM DQc lfp - Trp do - H4nh phric", 0.2, 0.6),
        # TCVN3 shown in a Unicode font, and a broken font's text layer: near 0. Some TCVN3 words look like
        # syllables once tone marks are ignored ("Céng", "Tù", "phóc"): longer TCVN3 text scores up to ~0.4.
        ("Céng hoµ x· héi chñ nghÜa", 0.0, 0.2),
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam §éc lËp - Tù do - H¹nh phóc", 0.0, 0.5),
        ("7ӌ1+ L¿O CAI &Ӝ1* H’A XÃ +Ӝ, &+Ӫ 1*+Ƭ$ 9,ӊ7 NAM ĈӝF OұS - 7ӵ do - +ҥQK ph˙c", 0.0, 0.3),
        # Numbers, codes, acronyms and list labels are left out.
        ("Số: 12/QĐ-UBND ngày 05/02/2026; V/v 1074/QĐ-BXD, NĐ-CP, QH15, 52.000m²", 1.0, 1.0),
        ("UBND HĐND VLNCN a) b) c. (d) 2026 12.5% - ... ;", 0.0, 0.0),
        ("hành chính.Theo kinh tế-xã hội, (TP.HCM)", 1.0, 1.0),
        ("tone marks misplaced by OCR: cảch hảnh chỉnh", 0.0, 0.75),
        ("cảch hảnh chỉnh", 1.0, 1.0),
        ("", 0.0, 0.0),
        ("   \n\t ", 0.0, 0.0),
    ],
)
def test_text_quality_table(text: str, low: float, high: float) -> None:
    assert low <= text_quality(text) <= high


def test_text_quality_decomposed_input_scores_like_nfc() -> None:
    import unicodedata

    text = "Kế hoạch cải cách hành chính"
    assert text_quality(unicodedata.normalize("NFD", text)) == text_quality(text) == 1.0


def test_text_quality_orders_good_above_garbled() -> None:
    good = "Sở Công Thương tiến hành kiểm tra thực tế khu vực sử dụng vật liệu nổ công nghiệp"
    no_marks = "So Cong Thuong tien hanh kiem tra thuc te khu vuc su dung vat lieu no cong nghiep"
    tcvn3 = "Së C«ng Th­¬ng tiÕn hµnh kiÓm tra thùc tÕ khu vùc sö dông vËt liÖu næ c«ng nghiÖp"
    assert text_quality(good) > text_quality(no_marks) > text_quality(tcvn3)


def test_text_quality_is_fast() -> None:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted(PLANS.glob("*.md")))
    sample = (text * (2_000_000 // len(text) + 1))[:2_000_000]
    quality_module._chunk_score.cache_clear()
    start = time.perf_counter()
    score = text_quality(sample)
    elapsed = time.perf_counter() - start
    assert score > 0.9
    # The target is at least 5 MB/s; the bound here leaves room for a slow or busy machine.
    assert len(sample.encode("utf-8")) / elapsed > 1_000_000


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_text_quality_in_unit_interval(text: str) -> None:
    assert 0.0 <= text_quality(text) <= 1.0


PIECES = ("Cộng", "hoà", "Céng", "hoµ", "x·", "QĐ-UBND", "V/v", "2026", "a)", "UBND", "Tuyén", "ph˙c", "-")
VIETNAMESE_PIECES = st.sampled_from([*PIECES, "7ӌ1+", "ĈӝF", "Ủy", " ", "\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(VIETNAMESE_PIECES, st.text(max_size=5)), max_size=30))
def test_text_quality_never_raises_on_mixed_pieces(pieces: list[str]) -> None:
    assert 0.0 <= text_quality(" ".join(pieces)) <= 1.0


# --- rendering -----------------------------------------------------------------------------------------


def _blank_pdf(path: Path, size: tuple[int, int] = (600, 900), pages: int = 1) -> Path:
    images = [Image.new("L", size, 255) for _ in range(pages)]
    images[0].save(path, "PDF", resolution=72, save_all=True, append_images=images[1:])
    return path


def test_render_page_size_follows_dpi(tmp_path: Path) -> None:
    pdf = _blank_pdf(tmp_path / "blank.pdf", size=(144, 288))  # 2 x 4 inches at 72 dpi
    image = render_page(str(pdf), 0, dpi=150)
    assert image.size == (300, 600)
    assert image.mode == "L"
    assert image.info["dpi"] == (150, 150)


def test_render_page_honours_page_rotation(tmp_path: Path) -> None:
    portrait = _blank_pdf(tmp_path / "portrait.pdf", size=(144, 288))
    document = pdfium.PdfDocument(str(portrait))
    document[0].set_rotation(90)
    rotated = tmp_path / "rotated.pdf"
    document.save(str(rotated))
    document.close()
    image = render_page(str(rotated), 0, dpi=72)
    assert image.size == (288, 144)


def test_render_page_leaves_out_coloured_ink(tmp_path: Path) -> None:
    # a seal's red ring and a signature's blue stroke over black print: only the print is left
    page = Image.new("RGB", (300, 300), "white")
    draw = ImageDraw.Draw(page)
    draw.ellipse((40, 40, 200, 200), outline=(200, 40, 40), width=12)  # the seal
    draw.line((20, 150, 280, 120), fill=(30, 60, 200), width=6)  # the signature
    draw.rectangle((100, 240, 200, 260), fill=(20, 20, 20))  # the signer's name, printed
    page.save(tmp_path / "signed.pdf", "PDF", resolution=72)
    image = render_page(str(tmp_path / "signed.pdf"), 0, dpi=72)
    assert image.mode == "L"
    assert min(_grey(image, 120, 43), _grey(image, 60, 140)) > 240  # ring and stroke gone (JPEG'd)
    assert _grey(image, 150, 250) < 60  # the print stays dark
    assert _grey(without_coloured_ink(Image.new("RGB", (2, 2), (120, 118, 125))), 0, 0) < 130  # grey stays


def _grey(image: Image.Image, x: int, y: int) -> int:
    value = image.getpixel((x, y))
    assert isinstance(value, int)
    return value


def test_render_page_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        render_page(str(tmp_path / "missing.pdf"), 0)
    with pytest.raises(InputError, match="directory"):
        render_page(str(tmp_path), 0)
    not_pdf = tmp_path / "not.pdf"
    not_pdf.write_text("hello", encoding="utf-8")
    with pytest.raises(InputError, match="cannot open as PDF") as caught:
        render_page(str(not_pdf), 0)
    assert caught.value.path == str(not_pdf)
    pdf = _blank_pdf(tmp_path / "two.pdf", pages=2)
    with pytest.raises(InputError, match=r"page 3 does not exist: the PDF has 2 page"):
        render_page(str(pdf), 2)
    with pytest.raises(InputError, match="page 0 does not exist"):
        render_page(str(pdf), -1)


# --- Tesseract missing, failing or slow (a fake tesseract on PATH) -----------------------------------

FAKE_TESSERACT = """\
import os, sys, time
args = sys.argv[1:]
if args == ["--list-langs"]:
    print('List of available languages in "/fake/tessdata/" (2):')
    print("\\n".join(os.environ.get("FAKE_LANGS", "eng vie").split()))
    sys.exit(0)
data = sys.stdin.buffer.read()
mode = os.environ.get("FAKE_MODE", "ok")
if mode == "fail":
    sys.stderr.write("Tesseract Open Source OCR Engine\\nError: cannot read the picture\\n")
    sys.exit(1)
if mode == "slow":
    time.sleep(30)
bmp = data.startswith(b"BM")
text = f"Ke\\u0302\\u0301 hoa\\u0323ch {' '.join(args)} bmp={bmp} omp={os.environ.get('OMP_THREAD_LIMIT')}"
if args[-1] != "tsv":
    sys.stdout.write(text + "\\n\\f")
    sys.exit(0)
print("level\\tpage_num\\tblock_num\\tpar_num\\tline_num\\tword_num\\tleft\\ttop\\twidth\\theight\\tconf\\ttext")
print("1\\t1\\t0\\t0\\t0\\t0\\t0\\t0\\t600\\t100\\t-1\\t")
for number, word in enumerate(text.split(), 1):
    print(f"5\\t1\\t1\\t1\\t1\\t{number}\\t{60 * number}\\t10\\t50\\t20\\t95.5\\t{word}")
"""


@pytest.fixture
def fake_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A stand-in ``tesseract`` first on PATH; FAKE_MODE and FAKE_LANGS steer it."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    script = bin_dir / "tesseract"
    script.write_text(f"#!{sys.executable}\n{FAKE_TESSERACT}", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.delenv("FAKE_MODE", raising=False)
    monkeypatch.delenv("FAKE_LANGS", raising=False)
    return script


def test_unavailable_when_tesseract_not_on_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no tesseract
    assert not tesseract_available()
    pdf = _blank_pdf(tmp_path / "scan.pdf")
    with pytest.raises(OcrUnavailableError) as caught:
        ocr_pages(str(pdf), [0])
    error = caught.value
    assert isinstance(error, InputError)
    assert error.path == str(pdf)
    assert error.reason == (
        "OCR needs Tesseract with the Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie "
        "(or run with --ocr never)"
    )
    with pytest.raises(OcrUnavailableError):
        ocr_image(Image.new("L", (10, 10), 255))


def test_unavailable_when_which_finds_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda *args, **kwargs: None)
    assert not tesseract_available("vie")
    with pytest.raises(OcrUnavailableError, match="tesseract-ocr-vie"):
        ocr_pages(str(_blank_pdf(tmp_path / "scan.pdf")), [0, 1])


def test_unavailable_when_language_model_missing(
    fake_tesseract: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_LANGS", "eng osd")
    assert tesseract_available("eng")
    assert not tesseract_available("vie")
    assert not tesseract_available("vie+eng")
    with pytest.raises(OcrUnavailableError, match="apt-get install tesseract-ocr tesseract-ocr-vie"):
        ocr_pages(str(_blank_pdf(tmp_path / "scan.pdf")), [0])


def test_ocr_runs_tesseract_on_bmp_via_stdin(fake_tesseract: Path, tmp_path: Path) -> None:
    pdf = _blank_pdf(tmp_path / "scan.pdf", pages=3)
    texts = ocr_pages(str(pdf), [2, 0, 2], jobs=2, dpi=72)
    assert list(texts) == [2, 0]
    for text in texts.values():
        assert text == "Kế hoạch stdin stdout -l vie --psm 3 tsv bmp=True omp=1"  # NFC, from the TSV's words
    lines = ocr_page_lines(str(pdf), [0], dpi=72)[0]
    assert isinstance(lines[0], PdfLine)
    assert [s.text for s in lines[0].segments] == [lines[0].text]  # words 10 px apart: one segment
    assert lines[0].segments[0].box == (60.0, 10.0, 60.0 * 11 + 50, 30.0)  # at 72 dpi a pixel is a point
    assert ocr_image(Image.new("RGB", (20, 20), "white"), psm=6) == (
        "Kế hoạch stdin stdout -l vie --psm 6 bmp=True omp=1"
    )
    assert ocr_image(Image.new("I;16", (20, 20))).endswith("bmp=True omp=1")


def test_ocr_page_failure_names_path_and_page(
    fake_tesseract: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FAKE_MODE", "fail")
    pdf = _blank_pdf(tmp_path / "scan.pdf", pages=2)
    with pytest.raises(InputError) as caught:
        ocr_pages(str(pdf), [1], dpi=72)
    assert caught.value.path == str(pdf)
    assert caught.value.reason == "page 2: tesseract failed with exit code 1: Error: cannot read the picture"
    with pytest.raises(InputError, match=r"page [12]: tesseract failed"):
        ocr_pages(str(pdf), [0, 1], jobs=2, dpi=72)


def test_ocr_timeout(fake_tesseract: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FAKE_MODE", "slow")
    monkeypatch.setattr(ocr, "DEFAULT_TIMEOUT", 1.0)
    pdf = _blank_pdf(tmp_path / "scan.pdf")
    start = time.monotonic()
    with pytest.raises(InputError, match=r"^.*scan\.pdf: page 1: OCR timed out after 1 s$"):
        ocr_pages(str(pdf), [0], dpi=72)
    with pytest.raises(InputError, match=r"timed out after 0\.5 s"):
        ocr_image(Image.new("L", (10, 10), 255), timeout=0.5)
    assert time.monotonic() - start < 20


def test_ocr_pages_arguments(fake_tesseract: Path, tmp_path: Path) -> None:
    pdf = _blank_pdf(tmp_path / "scan.pdf")
    assert ocr_pages(str(pdf), []) == {}
    with pytest.raises(ValueError, match="jobs"):
        ocr_pages(str(pdf), [0], jobs=0)
    with pytest.raises(InputError, match="page 2 does not exist"):
        ocr_pages(str(pdf), [0, 1])
    with pytest.raises(InputError, match="file not found"):
        ocr_pages(str(tmp_path / "missing.pdf"), [0])


@pytest.mark.parametrize("jobs", [1, 2])
def test_ocr_reports_its_progress_page_by_page(fake_tesseract: Path, tmp_path: Path, jobs: int) -> None:
    pdf = _blank_pdf(tmp_path / "scan.pdf", pages=3)
    heard: list[tuple[str, int, int]] = []
    lines = ocr.ocr_page_lines(str(pdf), [0, 1, 2], jobs=jobs, progress=lambda *a: heard.append(a))
    assert list(lines) == [0, 1, 2]
    assert heard == [("OCR pages", done, 3) for done in range(4)]


def test_parse_file_passes_progress_to_ocr(fake_tesseract: Path, tmp_path: Path) -> None:
    pdf = _blank_pdf(tmp_path / "scan.pdf", pages=2)
    heard: list[tuple[str, int, int]] = []
    document = parse_file(pdf, progress=lambda *a: heard.append(a))
    assert document.source.ocr
    assert heard == [("OCR pages", done, 2) for done in range(3)]


# --- real Tesseract ------------------------------------------------------------------------------------


def _font_path() -> str | None:
    for candidate in FONT_CANDIDATES:
        if os.path.isfile(candidate):
            return candidate
    try:
        listing = subprocess.run(
            ["fc-list", ":lang=vi", "file"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = [line.split(":")[0].strip() for line in listing.splitlines()]
    return next((f for f in files if f.endswith((".ttf", ".otf")) and os.path.isfile(f)), None)


def _text_pdf(path: Path, pages: Iterable[list[str]]) -> Path:
    """A PDF with one 300 dpi page image per list of lines, typeset in a font with Vietnamese letters."""
    font_file = _font_path()
    if font_file is None:
        pytest.skip("no TrueType font with Vietnamese letters (apt-get install fonts-dejavu-core)")
    font = ImageFont.truetype(font_file, 50)  # 12 pt at 300 dpi
    images = []
    for lines in pages:
        image = Image.new("L", (2000, 200 + 100 * len(lines)), 255)
        draw = ImageDraw.Draw(image)
        for number, line in enumerate(lines):
            draw.text((120, 100 + 100 * number), line, font=font, fill=0)
        images.append(image)
    images[0].save(path, "PDF", resolution=300, save_all=True, append_images=images[1:])
    return path


PAGE_ONE = [
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2026",
    "Tuyên truyền công tác cải cách hành chính",
    "đến cán bộ, công chức và người dân.",
]
PAGE_TWO = [
    "Độc lập - Tự do - Hạnh phúc",
    "Sở Nội vụ chủ trì, phối hợp với các sở, ngành",
    "theo dõi, đôn đốc việc thực hiện kế hoạch.",
]


def _similar(expected: str, text: str) -> float:
    """How well ``expected`` matches its best place in ``text`` (0..1)."""
    return fuzz.partial_ratio(expected, text) / 100


@requires_tesseract
def test_ocr_generated_page(tmp_path: Path) -> None:
    pdf = _text_pdf(tmp_path / "plan.pdf", [PAGE_ONE])
    text = ocr_pages(str(pdf), [0])[0]
    assert _similar("KẾ HOẠCH", text) >= 0.8
    assert _similar("cải cách hành chính", text) >= 0.8
    assert _similar("Tuyên truyền công tác cải cách hành chính", text) >= 0.8
    assert _similar("\n".join(PAGE_ONE), text) >= 0.8
    assert text_quality(text) >= 0.9


@requires_tesseract
def test_ocr_jobs_give_the_same_text(tmp_path: Path) -> None:
    pdf = _text_pdf(tmp_path / "plan.pdf", [PAGE_ONE, PAGE_TWO])
    serial = ocr_pages(str(pdf), [0, 1], jobs=1)
    parallel = ocr_pages(str(pdf), [0, 1], jobs=2)
    assert parallel == serial
    assert list(parallel) == [0, 1]
    assert _similar("Sở Nội vụ chủ trì", parallel[1]) >= 0.8


@requires_tesseract
def test_ocr_image_directly(tmp_path: Path) -> None:
    pdf = _text_pdf(tmp_path / "plan.pdf", [PAGE_TWO])
    text = ocr_image(render_page(str(pdf), 0, dpi=300), psm=6)
    assert _similar("Độc lập - Tự do - Hạnh phúc", text) >= 0.8


@requires_tesseract
def test_ocr_scanned_page() -> None:
    text = ocr_pages(str(SCAN_PAGE), [0])[0]
    assert text_quality(text) >= 0.8
    for words in ["Sở Công Thương", "Lào Cai", "Yên Thành", "Giám đốc", "vật liệu", "Đại diện"]:
        assert words in text
    for phrase in [
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "THÀNH PHẦN ĐOÀN LÀM VIỆC",
        "Công ty cổ phần xây dựng giao thông Yên Bái",
        "Giấy chứng nhận quyền sử dụng đất",
    ]:
        assert _similar(phrase, text) >= 0.8, phrase

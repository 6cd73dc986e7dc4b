"""PDF reading speed in pages per second on the text-layer PDFs of the corpus.

Usage: python bench/bench_pdf.py [PDF_DIR] [--runs N]

PDF_DIR defaults to ../shared/corpus/pdf beside the project, falling back to tests/fixtures/pdf. Only PDFs
whose every page has a usable text layer are timed (no OCR), in two groups: without tables (the reader never
calls pdfplumber) and with tables. A third group is a synthetic text-only PDF of SYNTHETIC_PAGES pages made
with PDFium (DejaVu Sans when installed, for Vietnamese text): corpus PDFs are two to nine pages long and
PDFium's first page load (decoding their embedded fonts) dominates their time, the synthetic one shows the
steady cost per page. For each group, the median of N runs (default 5) of:

* ``pdfium text``: PDFium alone, opening each file and extracting every page's text (the floor);
* ``read blocks``: ``read_pdf_file`` (text, header, tables, paragraphs: the intermediate document);
* ``full parse``: ``parse_file`` (reading plus structure, extraction and validation of the output);
* ``pdftotext``: poppler's ``pdftotext FILE -`` on the same files in the same run, the reference (one
  process per file, its start-up included); "unavailable" when poppler-utils is not installed.
"""

from __future__ import annotations

import argparse
import ctypes
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import pypdfium2 as pdfium  # type: ignore[import-untyped]  # noqa: E402
import pypdfium2.raw as pdfium_c  # type: ignore[import-untyped]  # noqa: E402

from cchc_parse import parse_file  # noqa: E402
from cchc_parse.errors import CchcParseError  # noqa: E402
from cchc_parse.readers.pdf import read_pdf_file  # noqa: E402


def pdfium_text(path: Path) -> None:
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        pdf.close()


def read_blocks(path: Path) -> None:
    read_pdf_file(str(path), ocr="never")


def full_parse(path: Path) -> None:
    parse_file(path, ocr="never")


def pdftotext(path: Path) -> None:
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True, capture_output=True)


def classify(files: list[Path]) -> tuple[dict[str, list[Path]], dict[Path, int]]:
    """Text-layer PDFs by group ("without tables", "with tables") and their page counts; others skipped."""
    groups: dict[str, list[Path]] = {"without tables": [], "with tables": []}
    pages: dict[Path, int] = {}
    for path in files:
        try:
            document = read_pdf_file(str(path), ocr="never")
        except CchcParseError as exc:
            print(f"skipped {path.name}: {exc.reason}")
            continue
        if any(w.code.startswith("text_layer") for w in document.warnings):
            print(f"skipped {path.name}: no usable text layer")
            continue
        pdf = pdfium.PdfDocument(str(path))
        pages[path] = len(pdf)
        pdf.close()
        tables = [b for b in document.blocks if b.kind == "table" and b is not document.blocks[0]]
        groups["with tables" if tables else "without tables"].append(path)
    return groups, pages


SYNTHETIC_PAGES = 200
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
SENTENCE = "các sở ban ngành triển khai thực hiện kế hoạch cải cách hành chính năm 2026 theo đúng tiến độ"
WORDS = SENTENCE.split(" ")


def synthetic_pdf(path: Path) -> Path:
    """SYNTHETIC_PAGES pages of 40 lines in paragraphs of five (first line indented), a page number each."""
    pdf = pdfium.PdfDocument.new()
    font = None
    if FONT.exists():
        data = FONT.read_bytes()
        buffer = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
        font = pdfium_c.FPDFText_LoadFont(pdf.raw, buffer, len(data), pdfium_c.FPDF_FONT_TRUETYPE, True)

    def text(page: object, x: float, y: float, line: str) -> None:
        if font is None:
            obj = pdfium_c.FPDFPageObj_NewTextObj(pdf.raw, b"Helvetica", ctypes.c_float(12))
        else:
            obj = pdfium_c.FPDFPageObj_CreateTextObj(pdf.raw, font, ctypes.c_float(12))
        chars = ctypes.create_string_buffer((line + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(chars, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        pdfium_c.FPDFPage_InsertObject(page.raw, obj)  # type: ignore[attr-defined]

    for number in range(1, SYNTHETIC_PAGES + 1):
        page = pdf.new_page(595, 842)
        text(page, 290, 815, str(number))
        for k in range(40):
            first, last = k % 5 == 0, k % 5 == 4
            line = " ".join(WORDS[(k + j) % len(WORDS)] for j in range(5 if last else 11))
            line = f"Sở Nội vụ {line}" if first else f"{line}." if last else line
            text(page, 121 if first else 85, 780 - 18 * k, line)
        pdfium_c.FPDFPage_GenerateContent(page.raw)
    pdf.save(str(path))
    return path


def median_seconds(run: Callable[[Path], None], files: list[Path], runs: int) -> float:
    for path in files:  # warm up: imports, caches, the page cache
        run(path)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        for path in files:
            run(path)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default = ROOT.parent / "shared" / "corpus" / "pdf"
    parser.add_argument("pdf_dir", nargs="?", type=Path, default=default)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    directory = args.pdf_dir if args.pdf_dir.is_dir() else ROOT / "tests" / "fixtures" / "pdf"
    groups, pages = classify(sorted(directory.glob("*.pdf")))
    scratch = tempfile.TemporaryDirectory()
    synthetic = synthetic_pdf(Path(scratch.name) / "synthetic.pdf")
    groups[f"synthetic ({'DejaVu Sans' if FONT.exists() else 'Helvetica'})"] = [synthetic]
    pages[synthetic] = SYNTHETIC_PAGES
    methods: list[tuple[str, Callable[[Path], None]]] = [
        ("pdfium text", pdfium_text),
        ("read blocks", read_blocks),
        ("full parse", full_parse),
    ]
    if shutil.which("pdftotext"):
        methods.append(("pdftotext", pdftotext))
    else:
        print("pdftotext: reference unavailable (apt-get install poppler-utils)")
    print(f"{directory}: median of {args.runs} runs, one core")
    for group, files in groups.items():
        if not files:
            continue
        total = sum(pages[f] for f in files)
        print(f"\n{group}: {len(files)} files, {total} pages ({', '.join(f.name for f in files)})")
        for name, run in methods:
            seconds = median_seconds(run, files, args.runs)
            print(f"  {name:<12} {total / seconds:8.1f} pages/s  {1000 * seconds / total:7.1f} ms/page")
    scratch.cleanup()


if __name__ == "__main__":
    main()

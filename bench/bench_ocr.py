"""OCR speed: seconds per page of `readers.ocr.ocr_pages` with --jobs 1 and --jobs 2, at 300 dpi.

Usage: python bench/bench_ocr.py [PDF_DIR] [--runs N] [--dpi 300] [--jobs 1,2]

PDF_DIR defaults to ../shared/corpus/pdf beside the project; the benchmark takes the PDFs there whose pages
have no text layer at all (scans) and falls back to tests/fixtures/pdf/scan-page1.pdf. It also prints the
text_quality of every page's text layer, to show which pages a PDF reader should OCR.

Reported, as medians over --runs runs (after one untimed warm-up page):
- render: seconds to render one page (pypdfium2, coloured ink left out);
- jobs=1 per page: the median over all scanned pages of one page's OCR alone (render + Tesseract);
- jobs=N: wall time of ocr_pages(all pages, jobs=N) on one temporary PDF holding all the scanned pages,
  divided by the page count, and the speed-up over jobs=1 measured the same way;
- Tesseract alone against the full read, the same pages in the same run, one page at a time in turn: the
  ``tesseract`` command on the page image the reader makes (rendered, coloured ink left out, PNG; TSV out,
  one thread), the reader (``read_document``: render, Tesseract, lines, grids and cells of ruled tables,
  labels, header and foot, layout) and the whole parse (``parse_file``: the reader and every stage after),
  and what the reader adds to Tesseract's time (issue #13: at most 20 %).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pypdfium2 as pdfium

from cchc_parse import parse_file
from cchc_parse.api import read_document
from cchc_parse.options import ParseOptions
from cchc_parse.readers.ocr import _image_bytes, ocr_pages, render_page, tesseract_available, text_quality

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DIR = ROOT.parent / "shared" / "corpus" / "pdf"
FALLBACK = ROOT / "tests" / "fixtures" / "pdf" / "scan-page1.pdf"


def text_layers(path: Path) -> list[str]:
    document = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return texts
    finally:
        document.close()


def scanned_pdfs(folder: Path) -> dict[Path, int]:
    """PDFs of ``folder`` without any text on any page -> page count; prints each page's text quality."""
    found: dict[Path, int] = {}
    for path in sorted(folder.glob("*.pdf")):
        texts = text_layers(path)
        scores = " ".join(f"{text_quality(text):.2f}" for text in texts)
        print(f"text layer quality  {path.name}: {scores}")
        if not any(text.strip() for text in texts):
            found[path] = len(texts)
    return found


def combine(scans: dict[Path, int], target: Path) -> Path:
    """One PDF holding all pages of ``scans``."""
    combined = pdfium.PdfDocument.new()
    for path in scans:
        source = pdfium.PdfDocument(str(path))
        combined.import_pages(source)
        source.close()
    combined.save(str(target))
    combined.close()
    return target


def timed_ocr(path: Path, pages: list[int], jobs: int, dpi: int) -> tuple[float, dict[int, str]]:
    start = time.perf_counter()
    texts = ocr_pages(str(path), pages, jobs=jobs, dpi=dpi)
    return time.perf_counter() - start, texts


def one_page_pdfs(scans: dict[Path, int], folder: Path) -> list[Path]:
    """Every scanned page as a PDF of its own."""
    out = []
    for path, count in scans.items():
        source = pdfium.PdfDocument(str(path))
        for page in range(count):
            single = pdfium.PdfDocument.new()
            single.import_pages(source, [page])
            target = folder / f"{path.stem}-p{page + 1}.pdf"
            single.save(str(target))
            single.close()
            out.append(target)
        source.close()
    return out


def tesseract_alone(png: bytes) -> float:
    """Seconds of the ``tesseract`` command on one page image, as the reader runs it."""
    command = [shutil.which("tesseract") or "tesseract", "stdin", "stdout", "-l", "vie", "--psm", "3", "tsv"]
    start = time.perf_counter()
    subprocess.run(
        command, input=png, capture_output=True, check=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"}
    )
    return time.perf_counter() - start


def overhead(scans: dict[Path, int], dpi: int, runs: int) -> None:
    """Tesseract alone, the reader and the whole parse on the same pages, in turn, ``runs`` times."""
    alone: list[float] = []
    reader: list[float] = []
    whole: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        pages = one_page_pdfs(scans, Path(folder))
        images = [_image_bytes(render_page(str(page), 0, dpi=dpi)) for page in pages]
        for _ in range(runs):
            for page, png in zip(pages, images, strict=True):
                alone.append(tesseract_alone(png))
                start = time.perf_counter()
                read_document(page, ParseOptions(ocr="always"))
                reader.append(time.perf_counter() - start)
                start = time.perf_counter()
                parse_file(page, ocr="always")
                whole.append(time.perf_counter() - start)
    base = statistics.median(alone)
    print(f"tesseract alone    : {base:6.2f} s/page (median over {len(alone)} runs of {len(pages)} pages)")
    for name, times in (("reader (full read)", reader), ("whole parse       ", whole)):
        median = statistics.median(times)
        print(f"{name} : {median:6.2f} s/page, +{100 * (median / base - 1):.1f} % over tesseract alone")


def main() -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=formatter)
    parser.add_argument("pdf_dir", nargs="?", type=Path, default=DEFAULT_DIR)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--dpi", type=int, default=300)
    parser.add_argument("--jobs", default="1,2", help="comma-separated job counts (default 1,2)")
    args = parser.parse_args()
    if not tesseract_available("vie"):
        sys.exit("needs Tesseract with the Vietnamese model: apt-get install tesseract-ocr tesseract-ocr-vie")
    job_counts = [int(part) for part in args.jobs.split(",")]

    scans = scanned_pdfs(args.pdf_dir) if args.pdf_dir.is_dir() else {}
    if not scans:
        print(f"no scanned PDF in {args.pdf_dir}; using {FALLBACK.relative_to(ROOT)}")
        scans = {FALLBACK: 1}
    total_pages = sum(scans.values())
    print(f"{len(scans)} scanned PDF(s), {total_pages} page(s), {args.dpi} dpi, {args.runs} run(s)")

    first = next(iter(scans))
    ocr_pages(str(first), [0], dpi=args.dpi)  # warm-up: page cache, Tesseract's model files

    renders = []
    for path, count in scans.items():
        for page in range(count):
            start = time.perf_counter()
            render_page(str(path), page, dpi=args.dpi)
            renders.append(time.perf_counter() - start)
    print(f"render             : {statistics.median(renders):6.2f} s/page (median)")

    singles: list[float] = []
    qualities: list[float] = []
    for _ in range(args.runs):
        for path, count in scans.items():
            for page in range(count):
                seconds, texts = timed_ocr(path, [page], 1, args.dpi)
                singles.append(seconds)
                qualities.append(text_quality(texts[page]))
    print(f"jobs=1 per page    : {statistics.median(singles):6.2f} s/page (median over {len(singles)} OCRs)")
    print(f"OCR text quality   : {statistics.median(qualities):6.3f} (median), {min(qualities):.3f} (min)")

    per_page: dict[int, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        combined = combine(scans, Path(folder) / "scans.pdf")
        for jobs in job_counts:
            pages = list(range(total_pages))
            walls = [timed_ocr(combined, pages, jobs, args.dpi)[0] for _ in range(args.runs)]
            per_page[jobs] = statistics.median(walls) / total_pages
    base = per_page.get(1)
    for jobs, seconds in per_page.items():
        speed_up = f"  speed-up x{base / seconds:.2f}" if base else ""
        print(f"jobs={jobs} all pages   : {seconds:6.2f} s/page{speed_up}")
    overhead(scans, args.dpi, args.runs)


if __name__ == "__main__":
    main()

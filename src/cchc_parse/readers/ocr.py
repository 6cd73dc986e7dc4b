"""OCR of PDF pages with Tesseract, and a score telling whether text reads as Vietnamese.

Pages are rendered with pypdfium2 and recognised by the ``tesseract`` command line (Debian:
``apt-get install tesseract-ocr tesseract-ocr-vie``), one subprocess per page, BMP in on stdin and text out on
stdout. PDFium is not thread-safe, so rendering takes a lock; the Tesseract runs go on in parallel. Pages of
PDFs are read with Tesseract's ``tsv`` output, which gives the words' positions too (:func:`ocr_page_lines`,
``readers.ocr_lines``); :func:`ocr_pages` gives their text, as Tesseract's plain-text output has it.

:func:`text_quality` (``readers.text_quality``, exported here too) scores a text layer or OCR output by the
share of its words that are Vietnamese syllables: broken-font text layers ("7ӌ1+ L¿O CAI") and OCR without
the Vietnamese model ("C6ng tic") score low, good text near 1; a page whose OCR scores low may be turned
(``readers.ocr_orientation``).
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import threading
import unicodedata
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]
from PIL import Image

from cchc_parse.errors import InputError
from cchc_parse.progress import Progress
from cchc_parse.readers.ocr_image import without_coloured_ink
from cchc_parse.readers.ocr_lines import lines_text, tsv_word
from cchc_parse.readers.ocr_orientation import read_upright
from cchc_parse.readers.ocr_tables import find_grids, page_items
from cchc_parse.readers.pdf_boxes import Box
from cchc_parse.readers.pdf_page import PdfLine, hide_stamps
from cchc_parse.readers.pdf_tables import PdfTable
from cchc_parse.readers.text_quality import text_quality

__all__ = [
    "OcrUnavailableError",
    "ocr_image",
    "ocr_page_lines",
    "ocr_pages",
    "render_page",
    "tesseract_available",
    "text_quality",
]

TESSERACT = "tesseract"
DEFAULT_TIMEOUT = 120.0  # seconds for one page
_LIST_LANGS_TIMEOUT = 30.0
_IMAGE_MODES = frozenset({"1", "L", "RGB"})  # modes that BMP keeps and Leptonica reads
# PDFium must not be entered from two threads at once (pypdfium2's documentation).
_PDFIUM_LOCK = threading.RLock()


class OcrUnavailableError(InputError):
    """OCR is needed but Tesseract or its language model is not installed."""

    def __init__(self, path: str, lang: str = "vie") -> None:
        packages = " ".join(f"tesseract-ocr-{code}" for code in lang.split("+") if code)
        model = "the Vietnamese model" if lang == "vie" else f"the '{lang}' model"
        super().__init__(
            path,
            f"OCR needs Tesseract with {model}: apt-get install tesseract-ocr {packages} "
            "(or run with --ocr never)",
        )
        self.lang = lang


class _OcrFailure(Exception):
    """One Tesseract run failed; the caller adds the path and page."""


# --- Tesseract -----------------------------------------------------------------------------------------


def tesseract_available(lang: str = "vie") -> bool:
    """True when ``tesseract`` is on PATH and has the language model(s) ``lang`` ("vie", "vie+eng")."""
    binary = shutil.which(TESSERACT)
    if binary is None:
        return False
    installed = _installed_langs(binary)
    return bool(lang) and all(code in installed for code in lang.split("+"))


@lru_cache(maxsize=8)
def _installed_langs(binary: str) -> frozenset[str]:
    """The languages ``binary --list-langs`` names (cached per binary); empty when it cannot run."""
    try:
        done = subprocess.run(
            [binary, "--list-langs"],
            capture_output=True,
            timeout=_LIST_LANGS_TIMEOUT,
            check=False,
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    if done.returncode != 0:
        return frozenset()
    listing = (done.stdout + done.stderr).decode("utf-8", "replace")  # Tesseract 3 printed it on stderr
    lines = [line.strip() for line in listing.splitlines()]
    return frozenset(line for line in lines if line and " " not in line and not line.endswith(":"))


def ocr_image(
    image: Image.Image, *, lang: str = "vie", psm: int = 3, timeout: float = DEFAULT_TIMEOUT
) -> str:
    """The text Tesseract reads in ``image`` (NFC, without the trailing form feed).

    Raises :class:`OcrUnavailableError` when Tesseract or ``lang`` is missing and :class:`InputError` when
    Tesseract fails or runs longer than ``timeout`` seconds (the path is ``"<image>"``).
    """
    if not tesseract_available(lang):
        raise OcrUnavailableError("<image>", lang)
    try:
        return _run_tesseract(_image_bytes(image), lang=lang, psm=psm, timeout=timeout)
    except _OcrFailure as exc:
        raise InputError("<image>", str(exc)) from None


def _image_bytes(image: Image.Image) -> bytes:
    """``image`` as an uncompressed BMP, its resolution kept so that Tesseract need not guess it: written
    in 2 ms where a PNG takes 150 (a page at 300 dpi), and piped to Tesseract all the same."""
    if image.mode not in _IMAGE_MODES:
        image = image.convert("RGB")
    buffer = io.BytesIO()
    dpi = image.info.get("dpi")
    options: dict[str, Any] = {}
    if isinstance(dpi, tuple) and len(dpi) == 2:
        options["dpi"] = tuple(round(float(value)) for value in dpi)
    image.save(buffer, format="BMP", **options)
    return buffer.getvalue()


def _run_tesseract(png: bytes, *, lang: str, psm: int, timeout: float, tsv: bool = False) -> str:
    """Tesseract's text output for ``png``, or with ``tsv`` its TSV output (a row per word, with its box)."""
    binary = shutil.which(TESSERACT)
    if binary is None:
        raise _OcrFailure("tesseract is no longer on PATH")
    command = [binary, "stdin", "stdout", "-l", lang, "--psm", str(psm), *(["tsv"] if tsv else [])]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one thread per run: parallel pages scale instead
    try:
        done = subprocess.run(command, input=png, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise _OcrFailure(f"OCR timed out after {timeout:g} s") from None
    except OSError as exc:
        raise _OcrFailure(f"cannot run tesseract: {exc.strerror or exc}") from None
    if done.returncode != 0:
        lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = f": {lines[-1].strip()}" if lines else ""
        raise _OcrFailure(f"tesseract failed with exit code {done.returncode}{detail}")
    text = done.stdout.decode("utf-8", "replace").replace("\f", "")
    return unicodedata.normalize("NFC", text).strip("\n")


# --- PDF pages -----------------------------------------------------------------------------------------


def render_page(pdf_path: str, page: int, *, dpi: int = 300) -> Image.Image:
    """Page ``page`` (0-based) of a PDF as a grayscale image at ``dpi``, turned as the page's /Rotate says.

    Raises :class:`InputError` when the file cannot be opened as a PDF or has no such page.
    """
    with _open_pdf(pdf_path) as document:
        _check_pages(pdf_path, document, [page])
        return _render(document, page, dpi)


@contextmanager
def _open_pdf(pdf_path: str) -> Iterator[Any]:
    """A pypdfium2 document, closed on exit; :class:`InputError` when it cannot be opened."""
    if not os.path.isfile(pdf_path):
        reason = "is a directory, not a file" if os.path.isdir(pdf_path) else "file not found"
        raise InputError(pdf_path, reason)
    with _PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(pdf_path)
        except pdfium.PdfiumError as exc:
            raise InputError(pdf_path, f"cannot open as PDF: {exc}") from None
        # form fields are drawn only with a form environment: signing software types the number and the
        # day into fields ("Số: 6791 /SNNMT-KHTC"), which the page image must show as the signer saw it
        document.init_forms()
    try:
        yield document
    finally:
        with _PDFIUM_LOCK:
            document.close()


def _check_pages(pdf_path: str, document: Any, pages: list[int]) -> None:
    with _PDFIUM_LOCK:
        count = len(document)
    for page in pages:
        if not 0 <= page < count:
            raise InputError(pdf_path, f"page {page + 1} does not exist: the PDF has {count} page(s)")


def _render(document: Any, page: int, dpi: int, stamps: list[Box] | None = None) -> Image.Image:
    """Render under the PDFium lock, without the annotations of the digital signatures' ``stamps`` (boxes
    of their lines, ``pdf_page.hide_stamps``); the image is a copy, independent of PDFium's buffers."""
    if dpi <= 0:
        raise ValueError(f"dpi must be positive, not {dpi}")
    with _PDFIUM_LOCK:
        pdf_page = document[page]
        try:
            hide_stamps(pdf_page, stamps or [])  # a stamp printed over the header would run into its lines
            bitmap = pdf_page.render(scale=dpi / 72)
            image: Image.Image = bitmap.to_pil().copy()
            bitmap.close()
        finally:
            pdf_page.close()
    image = without_coloured_ink(image)  # seals and signatures drawn over the signer's name
    image.info["dpi"] = (dpi, dpi)
    return image


def ocr_pages(
    pdf_path: str, pages: list[int], *, jobs: int = 1, dpi: int = 300, lang: str = "vie"
) -> dict[int, str]:
    """OCR the given pages (0-based) of a PDF; return page -> text in the order of ``pages``.

    The text is Tesseract's plain-text output: lines, paragraphs apart by a blank line. Arguments and errors
    as for :func:`ocr_page_lines`.
    """
    return {
        page: lines_text(lines)
        for page, lines in ocr_page_lines(pdf_path, pages, jobs=jobs, dpi=dpi, lang=lang).items()
    }


def ocr_page_lines(
    pdf_path: str,
    pages: list[int],
    *,
    jobs: int = 1,
    dpi: int = 300,
    lang: str = "vie",
    progress: Progress | None = None,
    stamps: dict[int, list[Box]] | None = None,
) -> dict[int, list[PdfLine | PdfTable]]:
    """OCR the given pages (0-based) of a PDF; return page -> its lines and tables in the order of ``pages``.

    A page's lines are Tesseract's, a blank one between paragraphs, each with its segments placed in points
    (``readers.ocr_lines.parse_tsv``); the words inside a ruled table's grid on the page image make a table
    instead (``readers.ocr_tables``). A page is rendered without the annotations that show the
    ``stamps`` of digital signatures (page -> the boxes of their lines). Up to ``jobs`` pages are
    recognised at the same time (one Tesseract process each); ``progress`` hears ("OCR pages", done,
    pages) before the first and after each. Raises
    :class:`OcrUnavailableError` when Tesseract or the language model is missing and :class:`InputError`
    when the PDF cannot be read, a page does not exist, or Tesseract fails or times out on a page.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    wanted = list(dict.fromkeys(pages))
    if not wanted:
        return {}
    if not tesseract_available(lang):
        raise OcrUnavailableError(pdf_path, lang)
    with _open_pdf(pdf_path) as document:
        _check_pages(pdf_path, document, wanted)

        def one(page: int) -> list[PdfLine | PdfTable]:
            def read(image: Image.Image) -> str:
                try:
                    return _run_tesseract(
                        _image_bytes(image), lang=lang, psm=3, timeout=DEFAULT_TIMEOUT, tsv=True
                    )
                except _OcrFailure as exc:
                    raise InputError(pdf_path, f"page {page + 1}: {exc}") from None

            rendered = _render(document, page, dpi, (stamps or {}).get(page))
            image, tsv = read_upright(rendered, read, _orientation, _tsv_quality)
            return page_items(tsv, find_grids(image), 72 / dpi, page)

        report = progress or _no_progress
        report("OCR pages", 0, len(wanted))
        workers = min(jobs, len(wanted))
        read: dict[int, list[PdfLine | PdfTable]] = {}
        if workers == 1:
            for page in wanted:
                read[page] = one(page)
                report("OCR pages", len(read), len(wanted))
            return read
        with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="cchc-ocr") as pool:
            futures = {pool.submit(one, page): page for page in wanted}
            try:
                for future in as_completed(futures):
                    read[futures[future]] = future.result()
                    report("OCR pages", len(read), len(wanted))
            except BaseException:
                for future in futures:
                    future.cancel()
                raise
        return {page: read[page] for page in wanted}


def _orientation(image: Image.Image) -> str | None:
    """Tesseract's orientation detection on a page image (``--psm 0``); None where it fails (no ``osd``
    model, a page without enough text)."""
    try:
        return _run_tesseract(_image_bytes(image), lang="osd", psm=0, timeout=DEFAULT_TIMEOUT)
    except _OcrFailure:
        return None


def _tsv_quality(tsv: str) -> float:
    """The text quality of the words of Tesseract's TSV output."""
    words = (tsv_word(row) for row in tsv.split("\n"))
    return text_quality(" ".join(word[0] for word in words if word is not None))


def _no_progress(what: str, done: int, total: int) -> None:
    return None

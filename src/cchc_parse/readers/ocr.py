"""OCR of PDF pages with Tesseract, and a score telling whether text reads as Vietnamese.

Pages are rendered with pypdfium2 and recognised by the ``tesseract`` command line (Debian:
``apt-get install tesseract-ocr tesseract-ocr-vie``), one subprocess per page, BMP in on stdin and text out on
stdout. PDFium is not thread-safe, so rendering takes a lock; the Tesseract runs go on in parallel. Pages of
PDFs are read with Tesseract's ``tsv`` output, which gives the words' positions too (:func:`ocr_page_lines`,
``readers.ocr_lines``); :func:`ocr_pages` gives their text, as Tesseract's plain-text output has it.

:func:`text_quality` scores a text layer or OCR output by the share of its words that are Vietnamese
syllables: broken-font text layers ("7ӌ1+ L¿O CAI") and OCR without the Vietnamese model ("C6ng tic") score
low, good text near 1.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import string
import subprocess
import threading
import unicodedata
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from functools import cache, lru_cache
from typing import Any

import pypdfium2 as pdfium  # type: ignore[import-untyped, unused-ignore]
from PIL import Image

from cchc_parse.errors import InputError
from cchc_parse.grammar.layout import OCR_EDGES
from cchc_parse.grammar.pieces import VI_UPPER
from cchc_parse.grammar.syllables import VI_SYLLABLE
from cchc_parse.normalize.encodings import without_tone
from cchc_parse.normalize.legacy_tables import is_vietnamese_letter
from cchc_parse.progress import Progress
from cchc_parse.readers.ocr_image import without_coloured_ink
from cchc_parse.readers.ocr_lines import lines_text
from cchc_parse.readers.ocr_tables import find_grids, page_items
from cchc_parse.readers.pdf_boxes import Box
from cchc_parse.readers.pdf_page import PdfLine, hide_stamps
from cchc_parse.readers.pdf_tables import PdfTable

# --- patterns of this module --------------------------------------------------------------------------------
# A run of letters, without digits or underscores: a word that text_quality scores.
OCR_LETTERS = re.compile(r"[^\W\d_]+")

# Punctuation that may join words without a space: "tế-xã", "chính.Theo", "Hà Nội,Việt".
OCR_JOINERS = re.compile(r"[-–—.,;:!?()\[\]\"]+")

# A token that is a number or a code rather than words: it holds a digit ("2026", "QH15", "m²"), a slash
# between two characters ("V/v", "1074/QĐ-BXD") or a hyphen beside two capitals ("QĐ-TTg", "NĐ–CP").
OCR_CODE = re.compile(rf"[\d²³]|[^/]/[^/]|[{VI_UPPER}]{{2}}[-–]|[-–][{VI_UPPER}]{{2}}")

# A list label on its own ("a)", "b.", "(c)", "đ)"): not a word, though "b" is no syllable either.
OCR_LIST_LABEL = re.compile(r"\(?[^\W\d_][.)]")

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
_ACRONYM_MAX = 5  # all-caps tokens up to this length that are no syllable are acronyms ("UBND", "VLNCN")
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


# --- text quality ------------------------------------------------------------------------------------


def text_quality(text: str) -> float:
    """Share (0..1) of word tokens that are Vietnamese syllables; 0.0 when there is no word token.

    Tokens are the letter runs of the white-space separated pieces of ``text``. Numbers and codes ("2026",
    "QĐ-UBND", "V/v", "QH15"), list labels ("b)") and all-caps acronyms of up to five letters that are no
    syllable ("UBND", "VLNCN") are left out. The check ignores tone marks (OCR often misplaces them) but not
    the other marks: "cách" and "cach" pass, "Tuyén" (for "Tuyên"), "C6ng" or TCVN3's "héi" fail.
    """
    if not text:
        return 0.0
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    valid = counted = 0
    for chunk, times in Counter(text.split()).items():
        good, scored = _chunk_score(chunk)
        valid += good * times
        counted += scored * times
    return valid / counted if counted else 0.0


@lru_cache(maxsize=1 << 16)
def _chunk_score(chunk: str) -> tuple[int, int]:
    """(syllables, scored words) of one white-space separated piece of text.

    A piece with a character that no Vietnamese letter, digit or punctuation explains ("L¿O", "ph˙c",
    "7ӌ1+", TCVN3's "x·" once its edges are cut) counts as one word that is no syllable; a code may hold
    ordinal indicators ("104º45’").
    """
    core = OCR_EDGES.sub("", chunk)
    if not core or OCR_LIST_LABEL.fullmatch(chunk):
        return 0, 0
    letters, _ = _alphabet()
    if OCR_CODE.search(core) and all(c in letters or c in "ºª" for c in core if c.isalpha()):
        return 0, 0
    valid = counted = 0
    for part in OCR_JOINERS.split(core):
        if not part:
            continue
        if not OCR_LETTERS.fullmatch(part):
            counted += 1
        elif _toneless_syllable(part):
            valid += 1
            counted += 1
        elif not (len(part) <= _ACRONYM_MAX and part.isupper() and letters.issuperset(part)):
            counted += 1
    return valid, counted


def _toneless_syllable(word: str) -> bool:
    """True for one Vietnamese syllable in lower, Title or UPPER case, whatever its tone marks.

    Uses the syllable grammar of :mod:`cchc_parse.normalize.encodings` (``VI_SYLLABLE``).
    """
    letters, toneless = _alphabet()
    if not (word.islower() or word.isupper() or word.istitle()) or not letters.issuperset(word):
        return False
    return VI_SYLLABLE.fullmatch(word.lower().translate(toneless)) is not None


@cache
def _alphabet() -> tuple[frozenset[str], dict[int, str]]:
    """The letters of Vietnamese text (ASCII ones and those of ``encodings``), and a table removing tones."""
    vietnamese = [chr(code) for code in range(0x80, 0x2000) if is_vietnamese_letter(chr(code))]
    toneless: dict[int, str] = {}
    for letter in vietnamese:
        bare = without_tone(letter)
        if bare != letter:
            toneless[ord(letter)] = bare
    return frozenset(string.ascii_letters + "".join(vietnamese)), toneless


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
            image = _render(document, page, dpi, (stamps or {}).get(page))
            try:
                tsv = _run_tesseract(_image_bytes(image), lang=lang, psm=3, timeout=DEFAULT_TIMEOUT, tsv=True)
            except _OcrFailure as exc:
                raise InputError(pdf_path, f"page {page + 1}: {exc}") from None
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


def _no_progress(what: str, done: int, total: int) -> None:
    return None

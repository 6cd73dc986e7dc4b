"""The public entry points: parse a file or a string into a PlanDocument."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_parse.document import Document
from cchc_parse.errors import InputError, UnsupportedFormatError
from cchc_parse.models import PlanDocument
from cchc_parse.normalize.encodings import decode_bytes
from cchc_parse.pipeline import build_plan_document
from cchc_parse.readers.text import read_text_bytes, text_document
from cchc_parse.spans import TextIndex

if TYPE_CHECKING:
    from cchc_parse.progress import Progress
    from cchc_parse.readers.pdf import OcrMode
    from cchc_parse.repair import RepairMode

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".markdown": "md", ".text": "txt"}
BINARY_SUFFIXES = {".pdf", ".docx", ".doc"}  # read by readers/pdf.py and readers/docx.py
WORD_SUFFIXES = {".docx", ".doc"}  # read by readers/docx.py
MAX_TEXT_BYTES = 50 * 1024 * 1024


def parse_file(
    path: str | Path,
    *,
    ocr: OcrMode = "auto",
    jobs: int = 1,
    repair: RepairMode = "auto",
    progress: Progress | None = None,
) -> PlanDocument:
    """Parse a plan file (.pdf, .docx, .doc, .txt or .md) into a validated PlanDocument.

    For a PDF, ``ocr`` says when pages are read by OCR ("auto": pages without a usable text layer;
    "always"; "never") and ``jobs`` how many pages are recognised at once. ``repair`` says where lost or
    garbled diacritics are repaired ("auto": OCR'd pages and Vietnamese text without marks; "always";
    "never"). ``progress`` is told how long work gets on: ("OCR pages", done, pages) as OCR reads a PDF's
    pages, ("repair lines", done, lines) as a long text's diacritics are repaired.

    Raises :class:`cchc_parse.errors.CchcParseError` (exit code 1 in the CLI) for input that cannot be read.
    """
    document = read_document(path, ocr=ocr, jobs=jobs, repair=repair, progress=progress)
    return build_plan_document(document, repair_mode=repair, ocr_mode=ocr)


def normalized_text(
    path: str | Path,
    *,
    ocr: OcrMode = "auto",
    repair: RepairMode = "auto",
    progress: Progress | None = None,
) -> str:
    """The normalised text that spans' lines and character offsets refer to."""
    return TextIndex.build(read_document(path, ocr=ocr, repair=repair, progress=progress).blocks).text


def read_document(
    path: str | Path,
    *,
    ocr: OcrMode = "auto",
    jobs: int = 1,
    repair: RepairMode = "auto",
    progress: Progress | None = None,
) -> Document:
    """Read a file into the intermediate document (blocks) with the reader for its format, its diacritics
    repaired where ``repair`` says (see :func:`parse_file`)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory (use 'cchc-parse batch' for folders)")
    _check_readable(p)
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        from cchc_parse.readers.pdf import read_pdf_file  # PDFium loads only for PDFs

        return read_pdf_file(name, ocr=ocr, jobs=jobs, repair=repair, progress=progress)
    fmt = TEXT_SUFFIXES.get(suffix)
    if fmt is None and suffix not in WORD_SUFFIXES:
        raise UnsupportedFormatError(
            name, f"unsupported file type '{suffix or '(none)'}' (expected .pdf, .docx, .doc, .txt or .md)"
        )
    data = _read_bytes(p)
    if suffix in WORD_SUFFIXES:
        from cchc_parse.readers.docx import read_doc_file, read_docx_bytes  # python-docx loads only for Word

        document = read_docx_bytes(data, path=name) if suffix == ".docx" else read_doc_file(name)
        if repair != "never":
            from cchc_parse.repair.document import repair_document  # the model loads only when needed

            repair_document(document, repair)
        return document
    return read_text_bytes(
        data, path=name, fmt="md" if fmt == "md" else "txt", repair=repair, progress=progress
    )


def _check_readable(p: Path) -> None:
    """Our error, before any reader starts, for a file that cannot be opened (no read permission), or
    that is no regular file (a FIFO or a device would block or never end)."""
    if not p.is_file():
        raise InputError(str(p), "not a regular file")
    try:
        with p.open("rb"):
            pass
    except PermissionError as exc:
        raise InputError(str(p), "permission denied") from exc
    except OSError as exc:
        raise InputError(str(p), (exc.strerror or "cannot be read").lower()) from exc


def _read_bytes(p: Path) -> bytes:
    """The bytes of a text or Word file, with our errors for files too large or unreadable."""
    name = str(p)
    try:
        size = p.stat().st_size
        if size > MAX_TEXT_BYTES:
            raise InputError(
                name, f"file is too large ({size // 1_000_000} MB; limit {MAX_TEXT_BYTES // 1_000_000} MB)"
            )
        return p.read_bytes()
    except PermissionError as exc:
        raise InputError(name, "permission denied") from exc
    except OSError as exc:
        raise InputError(name, exc.strerror or "cannot be read") from exc


def read_text_file(path: Path) -> str:
    """A text file's own text, decoded as its reader decodes it (our errors for unreadable files)."""
    return decode_bytes(_read_bytes(path), path=str(path)).text


@dataclass(frozen=True)
class RepairedText:
    """A file's text before and after diacritic repair, line for line, and how much changed."""

    original: str
    text: str
    syllables: int
    changed: int


def repair_file(
    path: str | Path, *, ocr: OcrMode = "auto", jobs: int = 1, progress: Progress | None = None
) -> RepairedText:
    """The repaired text of a file: a text file's own lines, or the normalised text of a PDF or DOCX
    (``progress`` as for :func:`parse_file`)."""
    from cchc_parse.repair.document import RepairCount, repair_source_text

    p = Path(path)
    if p.suffix.lower() in TEXT_SUFFIXES and p.is_file():
        original = read_text_file(p)
    else:
        document = read_document(path, ocr=ocr, jobs=jobs, repair="never", progress=progress)
        original = TextIndex.build(document.blocks).text
    count = RepairCount()
    text = repair_source_text(original, "always", count, progress=progress)
    return RepairedText(original, text, count.seen, count.changed)


def parse_text(
    text: str, *, path: str = "<text>", markdown: bool = False, repair: RepairMode = "auto"
) -> PlanDocument:
    """Parse plan text already in memory."""
    if not text.strip():
        raise InputError(path, "text is empty")
    document = text_document(text, path=path, fmt="md" if markdown else "txt", encoding=None, repair=repair)
    return build_plan_document(document, repair_mode=repair)

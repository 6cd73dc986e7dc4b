"""The public entry points: parse a file or a string into a PlanDocument.

Each takes the parse options as one object (:class:`cchc_parse.options.ParseOptions`) or, for a call
by hand, as keywords (``parse_file("plan.pdf", ocr="never")``); ``options`` wins when both are given.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_parse.document import Document
from cchc_parse.errors import InputError
from cchc_parse.formats import format_for, is_text_file
from cchc_parse.models import PlanDocument
from cchc_parse.normalize.encodings import decode_bytes
from cchc_parse.options import Mode, ParseOptions
from cchc_parse.pipeline import build_plan_document, prepare
from cchc_parse.readers import check_readable, read_limited
from cchc_parse.readers.text import MAX_TEXT_BYTES, text_document
from cchc_parse.spans import TextIndex

if TYPE_CHECKING:
    from cchc_parse.progress import Progress


def _chosen_options(
    options: ParseOptions | None,
    *,
    ocr: Mode = "auto",
    jobs: int = 1,
    repair: Mode = "auto",
    progress: Progress | None = None,
) -> ParseOptions:
    """``options``, or the options the keywords give."""
    return options or ParseOptions(ocr=ocr, repair=repair, jobs=jobs, progress=progress)


def parse_file(
    path: str | Path,
    options: ParseOptions | None = None,
    *,
    ocr: Mode = "auto",
    jobs: int = 1,
    repair: Mode = "auto",
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
    chosen = _chosen_options(options, ocr=ocr, jobs=jobs, repair=repair, progress=progress)
    return build_plan_document(read_document(path, chosen), chosen)


def normalized_text(
    path: str | Path,
    options: ParseOptions | None = None,
    *,
    ocr: Mode = "auto",
    repair: Mode = "auto",
    progress: Progress | None = None,
) -> str:
    """The normalised text that spans' lines and character offsets refer to."""
    chosen = _chosen_options(options, ocr=ocr, repair=repair, progress=progress)
    return TextIndex.build(read_document(path, chosen).body).text


def read_document(path: str | Path, options: ParseOptions | None = None) -> Document:
    """Read a file into the intermediate document with the reader its format's entry in
    :mod:`cchc_parse.formats` names, through the pipeline's document stages (legacy fonts converted,
    diacritics repaired where ``options.repair`` says, laid out, labelled: see :func:`parse_file`)."""
    p = Path(path)
    name = str(path)
    if not p.exists():
        raise InputError(name, "no such file")
    if p.is_dir():
        raise InputError(name, "is a directory (use 'cchc-parse batch' for folders)")
    reader = format_for(p).load()
    check_readable(p)
    chosen = options or ParseOptions()
    return prepare(reader.read(p, chosen), chosen)


def read_text_file(path: Path) -> str:
    """A text file's own text, decoded as its reader decodes it (our errors for unreadable files)."""
    return decode_bytes(read_limited(path, MAX_TEXT_BYTES), path=str(path)).text


@dataclass(frozen=True)
class RepairedText:
    """A file's text before and after diacritic repair, line for line, and how much changed."""

    original: str
    text: str
    syllables: int
    changed: int


def repair_file(
    path: str | Path,
    options: ParseOptions | None = None,
    *,
    ocr: Mode = "auto",
    jobs: int = 1,
    progress: Progress | None = None,
) -> RepairedText:
    """The repaired text of a file: a text file's own lines, or the normalised text of a PDF or DOCX
    (options as for :func:`parse_file`; the repair itself always runs)."""
    from cchc_parse.repair.document import RepairCount, repair_source_text

    chosen = _chosen_options(options, ocr=ocr, jobs=jobs, progress=progress)
    p = Path(path)
    if is_text_file(p) and p.is_file():
        original = read_text_file(p)
    else:
        document = read_document(path, replace(chosen, repair="never"))
        original = TextIndex.build(document.body).text
    count = RepairCount()
    text = repair_source_text(original, "always", count, progress=chosen.progress)
    return RepairedText(original, text, count.seen, count.changed)


def parse_text(
    text: str, *, path: str = "<text>", markdown: bool = False, repair: Mode = "auto"
) -> PlanDocument:
    """Parse plan text already in memory."""
    if not text.strip():
        raise InputError(path, "text is empty")
    document = text_document(text, path=path, fmt="md" if markdown else "txt", encoding=None)
    return build_plan_document(document, ParseOptions(repair=repair))

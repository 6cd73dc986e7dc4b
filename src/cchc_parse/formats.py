"""The formats cchc-parse reads: suffixes → format → reader, in one table.

A reader is named as ``module:attribute`` and imported on first use, so that PDFium loads only for PDFs and
python-docx only for Word files. Every reader follows one contract (:class:`cchc_parse.readers.Reader`).

>>> format_for("Kế hoạch.PDF").name
'pdf'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import PurePath
from typing import TYPE_CHECKING

from cchc_parse.document import FormatName
from cchc_parse.errors import UnsupportedFormatError

if TYPE_CHECKING:
    from cchc_parse.readers import Reader

__all__ = [
    "EXPECTED",
    "FORMATS",
    "HEAD_BYTES",
    "INPUT_SUFFIXES",
    "OLE_MAGIC",
    "PDF_MAGIC",
    "ZIP_MAGIC",
    "Format",
    "FormatName",
    "find_format",
    "format_for",
    "is_text_file",
    "sniff",
]


# the first bytes each binary format begins with; a PDF's header may stand a little after the start
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"  # a .docx (any zip archive)
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # compound file: a legacy .doc, or an encrypted .docx
HEAD_BYTES = 1024  # how far into a file its signature is looked for


@dataclass(frozen=True)
class Format:
    """A format: its name (``source.format`` in the output), its file suffixes, its reader, and the bytes
    its files begin with (``magic``; none for text)."""

    name: FormatName
    suffixes: tuple[str, ...]
    reader: str  # "module:attribute" of the Reader
    text: bool = False  # the file is text, line for line (inline suppressions, repair of its own lines)
    magic: bytes = b""

    def load(self) -> Reader:
        module, attribute = self.reader.split(":")
        return _reader(module, attribute)


FORMATS: tuple[Format, ...] = (
    Format("pdf", (".pdf",), "cchc_parse.readers.pdf:PDF", magic=PDF_MAGIC),
    Format("docx", (".docx",), "cchc_parse.readers.docx:DOCX", magic=ZIP_MAGIC),
    Format("doc", (".doc",), "cchc_parse.readers.docx:DOC", magic=OLE_MAGIC),
    Format("txt", (".txt", ".text"), "cchc_parse.readers.text:TEXT", text=True),
    Format("md", (".md", ".markdown"), "cchc_parse.readers.text:MARKDOWN", text=True),
)
BY_SUFFIX = {suffix: fmt for fmt in FORMATS for suffix in fmt.suffixes}
INPUT_SUFFIXES = frozenset(BY_SUFFIX)
_MAIN_SUFFIXES = [f.suffixes[0] for f in FORMATS]
EXPECTED = ", ".join(_MAIN_SUFFIXES[:-1]) + " or " + _MAIN_SUFFIXES[-1]  # ".pdf, .docx, .doc, .txt or .md"


def find_format(path: str | PurePath) -> Format | None:
    """The format of a file by its suffix (case does not matter), or None."""
    return BY_SUFFIX.get(PurePath(path).suffix.lower())


def format_for(path: str | PurePath) -> Format:
    """The format of a file by its suffix; :class:`UnsupportedFormatError` for a file we do not read."""
    found = find_format(path)
    if found is None:
        suffix = PurePath(path).suffix.lower() or "(none)"
        raise UnsupportedFormatError(str(path), f"unsupported file type '{suffix}' (expected {EXPECTED})")
    return found


def sniff(data: bytes) -> Format:
    """The format bytes are in, told from their signature (a PDF's anywhere in its first bytes); text when
    none matches."""
    head = data[:HEAD_BYTES]
    for fmt in FORMATS:
        if fmt.magic and (head.startswith(fmt.magic) or (fmt.magic == PDF_MAGIC and fmt.magic in head)):
            return fmt
    return BY_SUFFIX[".txt"]


def is_text_file(path: str | PurePath) -> bool:
    found = find_format(path)
    return found is not None and found.text


@cache
def _reader(module: str, attribute: str) -> Reader:
    reader: Reader = getattr(import_module(module), attribute)
    return reader

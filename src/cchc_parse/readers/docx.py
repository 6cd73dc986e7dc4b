"""Reader for Word documents: .docx directly, legacy .doc through LibreOffice.

The package is checked before it is parsed (:mod:`cchc_parse.readers.docx_package`), then the body is
read in order into blocks (:mod:`cchc_parse.readers.docx_body`), with Word's automatic numbering rendered
as typed labels (:mod:`cchc_parse.readers.docx_numbering`). Headers, footers, footnotes and comments are
not read. Text typed in the legacy TCVN3 (".VnTime") or VNI fonts is converted by the pipeline's legacy stage.

For DOCX the "source lines" of spans are body paragraph numbers (see ``docx_body``); ``page`` is None.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Literal, cast

from docx.opc.constants import RELATIONSHIP_TYPE as RT

from cchc_parse.document import Document
from cchc_parse.errors import InputError, UnsupportedFormatError
from cchc_parse.formats import ZIP_MAGIC
from cchc_parse.readers import read_limited, unreadable
from cchc_parse.readers.docx_body import BodyReader
from cchc_parse.readers.docx_numbering import Numbering
from cchc_parse.readers.docx_package import open_docx
from cchc_parse.readers.docx_xml import XmlElement, w

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

    from cchc_parse.options import ParseOptions

MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_WORD_BYTES = 50 * 1024 * 1024  # a larger .docx is refused before it is opened
SOFFICE_NAMES = ("soffice", "libreoffice")
SOFFICE_TIMEOUT = 120.0  # seconds for one .doc conversion
NO_SOFFICE = (
    "reading .doc needs LibreOffice: install it (Debian/Ubuntu: apt-get install libreoffice-writer) "
    "or save the file as .docx"
)


class DocxReader:
    """Word .docx files: numbering rendered (and given as labels), merged cells, tracked changes accepted,
    text boxes."""

    format: Literal["docx"] = "docx"

    def read(self, path: Path, options: ParseOptions) -> Document:
        return read_docx_bytes(read_limited(path, MAX_WORD_BYTES), path=str(path))


class DocReader:
    """Legacy Word .doc files, converted to .docx by LibreOffice first."""

    format: Literal["doc"] = "doc"

    def read(self, path: Path, options: ParseOptions) -> Document:
        return read_doc_file(str(path))


DOCX = DocxReader()
DOC = DocReader()


def read_docx_bytes(data: bytes, *, path: str, max_uncompressed: int = MAX_UNCOMPRESSED) -> Document:
    """Read a .docx file's bytes into the intermediate document.

    Raises :class:`InputError` for anything that is not a readable, safe Word document.
    """
    word = open_docx(data, path=path, max_uncompressed=max_uncompressed)
    root = cast("XmlElement", word.element)
    if root.tag != w("document"):
        raise InputError(path, "not a Word .docx file (word/document.xml is not a Word document)")
    body = root.find(w("body"))
    numbering = Numbering(_part_element(word, RT.NUMBERING), _part_element(word, RT.STYLES))
    blocks = BodyReader(numbering).blocks(body) if body is not None else []
    if not blocks:
        raise InputError(path, "the Word document has no text")
    return Document(
        path=path, format="docx", sha256=hashlib.sha256(data).hexdigest(), encoding=None, blocks=blocks
    )


def read_doc_file(path: str, *, timeout: float = SOFFICE_TIMEOUT) -> Document:
    """Read a legacy Word .doc file by converting it to .docx with LibreOffice (soffice) first.

    Raises :class:`UnsupportedFormatError` when LibreOffice is not installed.
    """
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise unreadable(path, exc) from None
    # a .docx saved under a .doc name needs no conversion
    converted = data if data.startswith(ZIP_MAGIC) else _convert_with_soffice(path, timeout)
    document = read_docx_bytes(converted, path=path)
    document.format = "doc"
    document.sha256 = hashlib.sha256(data).hexdigest()
    return document


def find_soffice() -> str | None:
    return next((found for name in SOFFICE_NAMES if (found := shutil.which(name))), None)


def _convert_with_soffice(path: str, timeout: float) -> bytes:
    soffice = find_soffice()
    if soffice is None:
        raise UnsupportedFormatError(path, NO_SOFFICE)
    with tempfile.TemporaryDirectory(prefix="cchc-doc-") as tmp:
        profile = Path(tmp, "profile").as_uri()  # a private profile: no clash with a running LibreOffice
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "docx",
            "--outdir",
            tmp,
            os.path.abspath(path),
        ]
        _run_soffice(command, path, timeout)
        target = Path(tmp, Path(path).stem + ".docx")
        if not target.is_file():
            raise InputError(path, "LibreOffice could not convert the file (damaged or encrypted .doc?)")
        return target.read_bytes()


def _run_soffice(command: list[str], path: str, timeout: float) -> None:
    """Run LibreOffice in its own process group, killed whole (soffice.bin too) when it takes too long."""
    try:
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
    except OSError as exc:
        raise InputError(path, f"LibreOffice could not be run: {exc.strerror or exc}") from None
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        else:  # pragma: no cover - Windows has no process groups
            process.kill()
        process.wait()
        raise InputError(path, f"LibreOffice did not convert the file within {timeout:g} s") from None


def _part_element(word: DocxDocument, reltype: str) -> XmlElement | None:
    try:
        part = word.part.part_related_by(reltype)
    except KeyError:
        return None
    return cast("XmlElement | None", getattr(part, "element", None))

"""Checking a .docx file's bytes before anything parses them, and opening it with python-docx.

Everything wrong with the package is an :class:`InputError` with a one-line reason: not a zip, no
``word/document.xml``, an encrypted document, a zip bomb (declared sizes over the limit, or an absurd
compression ratio), an XML part with a DOCTYPE or entity declaration (no entity is ever expanded), corrupt
XML. python-docx only opens packages that passed these checks.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import TYPE_CHECKING

import docx
from docx.opc.exceptions import PackageNotFoundError

from cchc_parse.errors import InputError
from cchc_parse.formats import OLE_MAGIC

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
MAIN_PART = "word/document.xml"
MAX_MEMBERS = 10_000
MAX_RATIO = 250  # deflate cannot do much better than ~1000:1; real XML parts stay well under 100:1
RATIO_MIN_SIZE = 2 * 1024 * 1024  # members smaller than this are never a bomb, whatever their ratio
XML_SUFFIXES = (".xml", ".rels", ".vml")
DECLARATIONS = tuple(
    marker.encode(codec)
    for marker in ("<!DOCTYPE", "<!ENTITY")
    for codec in ("utf-8", "utf-16-le", "utf-16-be")
)
CHUNK = 1024 * 1024


def open_docx(data: bytes, *, path: str, max_uncompressed: int) -> DocxDocument:
    """The python-docx document of ``data``, after checking the package is safe to parse."""
    check_package(data, path=path, max_uncompressed=max_uncompressed)
    try:
        return docx.Document(io.BytesIO(data))
    except SyntaxError as exc:  # lxml's XMLSyntaxError
        raise InputError(path, f"corrupt Word XML: {_first_line(exc)}") from None
    except (PackageNotFoundError, KeyError) as exc:
        raise InputError(path, f"not a Word .docx file (broken package: {_first_line(exc)})") from None
    except (AttributeError, TypeError, IndexError):  # python-docx met XML of an unexpected shape
        raise InputError(path, "not a Word .docx file (a package part has unexpected XML)") from None
    except ValueError as exc:
        message = _first_line(exc)
        if "content type is" in message:  # python-docx refuses .docm, .dotx, …
            kind = message.rpartition("content type is")[2].strip(" '")
            raise InputError(path, f"not a Word .docx document (its main part is {kind})") from None
        raise InputError(path, f"not a readable Word .docx file: {message}") from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise InputError(path, f"not a readable Word .docx file: {_first_line(exc)}") from None


def check_package(data: bytes, *, path: str, max_uncompressed: int) -> None:
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise InputError(path, "encrypted document: remove the password first")
        raise InputError(path, "a legacy Word .doc file, not .docx: save it as .docx or name it .doc")
    if not data:
        raise InputError(path, "file is empty")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            _check_members(archive, path=path, max_uncompressed=max_uncompressed)
            _check_declarations(archive, path=path)
    except (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError) as exc:
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise InputError(path, "not a Word .docx file (not a zip archive)") from None
        raise InputError(path, f"damaged zip archive: {_first_line(exc)}") from None


def _check_members(archive: zipfile.ZipFile, *, path: str, max_uncompressed: int) -> None:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise InputError(path, f"zip bomb suspected: {len(members)} files in the archive")
    names = {m.filename for m in members}
    if MAIN_PART not in names:
        raise InputError(path, f"not a Word .docx file (no {MAIN_PART} in the archive)")
    total = sum(m.file_size for m in members)
    if total > max_uncompressed:
        raise InputError(
            path,
            f"zip bomb suspected: {_mb(total)} uncompressed (limit {_mb(max_uncompressed)})",
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise InputError(path, "encrypted document: remove the password first")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size >= RATIO_MIN_SIZE and ratio > MAX_RATIO:
            raise InputError(path, f"zip bomb suspected: {member.filename} is compressed {ratio:.0f} to 1")


def _check_declarations(archive: zipfile.ZipFile, *, path: str) -> None:
    """Refuse any XML part declaring a DOCTYPE or entities: nothing legitimate in a .docx needs them."""
    for member in archive.infolist():
        if not member.filename.lower().endswith(XML_SUFFIXES) or member.is_dir():
            continue
        if _declares(archive, member):
            raise InputError(
                path, f"refusing {member.filename}: it declares a DOCTYPE or entities (unsafe XML)"
            )


def _declares(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(CHUNK):
            window = tail + chunk
            if any(marker in window for marker in DECLARATIONS):
                return True
            tail = window[-32:]
    return False


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.3g} MB"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
